"""TCP three-way handshake and four-way close: the state of each side.

After every step of a connection on 127.0.0.1, reads both sockets' states
with getsockopt(TCP_INFO). Linux only; elsewhere it prints a message.
Run it with: python snippets/network/tcp_handshake.py
"""

import os
import socket
import struct
import sys
import time
from collections.abc import Callable

TIMEOUT = 2.0  # seconds; connect() and wait_until() give up after this
# State numbers of include/net/tcp_states.h (index = number), RFC 9293 names.
STATES = (
    "?", "ESTABLISHED", "SYN-SENT", "SYN-RECEIVED", "FIN-WAIT-1", "FIN-WAIT-2",
    "TIME-WAIT", "CLOSED", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING",
)  # fmt: skip
# Byte offsets in struct tcp_info (include/uapi/linux/tcp.h).
UNACKED, BYTES_ACKED = 24, 120


def tcp_info(sock: socket.socket) -> bytes:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 256)


def info(sock: socket.socket, offset: int = 0, fmt: str = "=B") -> int:
    return struct.unpack_from(fmt, tcp_info(sock), offset)[0]


def state(sock: socket.socket) -> str:
    return STATES[info(sock)]  # tcpi_state is the first byte


def wait_until(done: Callable[[], bool]) -> None:
    """Poll until done() is true: an ACK takes a moment, even on loopback."""
    deadline = time.monotonic() + TIMEOUT
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the expected TCP state never came")
        time.sleep(0.001)


def proc_net_tcp(local_port: int, remote_port: int) -> tuple[str, float]:
    """State and timer (seconds left) of a connection in /proc/net/tcp."""
    with open("/proc/net/tcp", encoding="ascii") as table:
        for line in list(table)[1:]:  # skip the header
            _, local, remote, st, _, timer, *_ = line.split()
            ports = int(local[-4:], 16), int(remote[-4:], 16)  # hex "ADDR:PORT"
            if ports == (local_port, remote_port):
                ticks = int(timer[3:], 16)  # "tr:when", in clock ticks
                return STATES[int(st, 16)], ticks / os.sysconf("SC_CLK_TCK")
    return "not listed", 0.0


def show(label: str, *values: object) -> None:
    print(f"   {label:<30}", *values)


def main() -> None:
    if not sys.platform.startswith("linux") or not hasattr(socket, "TCP_INFO"):
        print("This demo needs Linux (TCP_INFO and /proc/net/tcp); skipping.")
        return
    with (
        socket.create_server(("127.0.0.1", 0)) as listener,
        socket.create_connection(listener.getsockname(), TIMEOUT) as client,
    ):
        print("1) Three-way handshake: connect() has returned")
        show("listener / client:", state(listener), "/", state(client))
        # tcpi_bytes_acked: how far the peer's ACK number has advanced.
        show("client bytes ACKed:", info(client, BYTES_ACKED, "=Q"), "(the SYN)")
        # On a listener, tcpi_unacked counts connections waiting for accept().
        wait_until(lambda: info(listener, UNACKED, "=I") == 1)
        show("accept queue before accept():", info(listener, UNACKED, "=I"))
        server, _ = listener.accept()
        with server:
            show("server socket from accept():", state(server))

            print("2) Client sends b'hello', then shutdown(SHUT_WR): FIN")
            client.sendall(b"hello")
            client.shutdown(socket.SHUT_WR)
            wait_until(lambda: state(client) == "FIN-WAIT-2")
            show("server reads:", server.recv(100), server.recv(100))
            show("client / server:", state(client), "/", state(server))
            show("client bytes ACKed:", info(client, BYTES_ACKED, "=Q"), "(SYN+5+FIN)")

            print("3) Server shutdown(SHUT_WR): FIN")
            server.shutdown(socket.SHUT_WR)
            wait_until(lambda: state(server) != "LAST-ACK")
            show("client / server:", state(client), "/", state(server))
            ports = client.getsockname()[1], listener.getsockname()[1]
            kernel_state, left = proc_net_tcp(*ports)
            show("client in /proc/net/tcp:", kernel_state)
            show("its timer is 55-60 s:", 55 < left <= 60)

        print("4) close() with unread data sends RST")
        with socket.create_connection(listener.getsockname(), TIMEOUT) as peer:
            server, _ = listener.accept()
            with server:
                peer.sendall(b"unread")
                wait_until(lambda: len(server.recv(6, socket.MSG_PEEK)) == 6)
            try:
                outcome = f"returned {peer.recv(100)!r}"  # not expected
            except ConnectionResetError as exc:
                outcome = type(exc).__name__
            show("peer recv():", outcome, "->", state(peer))


if __name__ == "__main__":
    main()
