"""What is a socket? The TCP call flow on 127.0.0.1: listen()'s backlog
(Linux only), an echo server and client, and close() vs shutdown().

Run it with: python snippets/sockets/tcp_socket_flow.py
"""

import contextlib
import socket
import struct
import sys
import threading
import time

TIMEOUT = 2.0  # seconds: no blocking call waits longer
LOOPBACK = ("127.0.0.1", 0)  # port 0: the kernel picks a free port


def accept_queue(listener: socket.socket, expect: int | None = None) -> int:
    """Connections waiting for accept() (tcpi_unacked of a listener)."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        info = listener.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
        length = struct.unpack_from("=I", info, 24)[0]  # uapi/linux/tcp.h
        # The client's last ACK may still be on its way: wait for it.
        if expect in (None, length) or time.monotonic() > deadline:
            return length
        time.sleep(0.001)


def demo_backlog() -> None:
    print("1) listen(1), and nobody calls accept() yet:")
    if not sys.platform.startswith("linux"):
        print("   skipped: reading the accept queue needs Linux (TCP_INFO)")
        return
    with contextlib.ExitStack() as stack:
        listener = stack.enter_context(socket.socket())  # AF_INET, SOCK_STREAM
        listener.bind(LOOPBACK)
        listener.listen(1)
        connected = []
        for number in (1, 2, 3):
            client = stack.enter_context(socket.socket())
            client.settimeout(0.5)
            try:
                client.connect(listener.getsockname())
                connected.append(client)
                outcome = "returned: the handshake is done"
            except TimeoutError:
                outcome = "TimeoutError: the queue is full, the SYN was dropped"
            print(f"   client {number} connect() {outcome}")
            accept_queue(listener, expect=len(connected))
        print(f"   connections waiting in the accept queue: {accept_queue(listener)}")
        conn, peer = listener.accept()  # takes one off the queue: no packets
        with conn:
            same_port = conn.getsockname() == listener.getsockname()
            print(f"   accept() -> new socket, listener's local port: {same_port}")
            print(f"   its peer is client 1: {peer == connected[0].getsockname()}")
            print(f"   left in the queue: {accept_queue(listener)}")


def serve(listener: socket.socket, clients: int) -> None:
    for _ in range(clients):  # one connection at a time: the others queue up
        conn, _ = listener.accept()
        with conn:  # leaving the block closes conn: FIN after the echo
            conn.settimeout(TIMEOUT)  # accept() does not copy the listener's
            while data := conn.recv(4096):  # b"": the client shut down writing
                conn.sendall(data)


def echo_client(address: tuple[str, int], parts: list[bytes]) -> bytes:
    with socket.create_connection(address, TIMEOUT) as sock:
        for part in parts:
            sock.sendall(part)
        sock.shutdown(socket.SHUT_WR)  # half-close: "I will send nothing more"
        reply = b""
        while chunk := sock.recv(4096):  # b"": the server closed, EOF
            reply += chunk
    return reply


def demo_echo() -> None:
    print("2) Echo server and client:")
    requests = [[b"ping"], [b"hello, ", b"world"]]
    # create_server() = socket() + SO_REUSEADDR (POSIX) + bind() + listen()
    with socket.create_server(LOOPBACK) as listener:
        listener.settimeout(TIMEOUT)
        server = threading.Thread(target=serve, args=(listener, len(requests)))
        server.start()
        try:
            for parts in requests:
                reply = echo_client(listener.getsockname(), parts)
                print(f"   sent {parts}, read until EOF: {reply!r}")
        finally:
            server.join()


def demo_close_vs_shutdown() -> None:
    print("3) close() vs shutdown() on a connection with two descriptors:")
    with (
        socket.create_server(LOOPBACK) as listener,
        socket.create_connection(listener.getsockname(), TIMEOUT) as client,
    ):
        server, _ = listener.accept()
        with server, client.dup() as copy:  # copy: like a child's inherited fd
            client.close()  # releases one descriptor: the kernel sends no FIN
            server.settimeout(0.2)
            try:
                saw_eof = server.recv(1) == b""
            except TimeoutError:
                saw_eof = False
            print(f"   after close() of one copy, the peer sees EOF: {saw_eof}")
            copy.shutdown(socket.SHUT_WR)  # acts on the connection itself: FIN
            server.settimeout(TIMEOUT)
            print(f"   after shutdown(SHUT_WR), the peer reads: {server.recv(1)!r}")


def main() -> None:
    demo_backlog()
    demo_echo()
    demo_close_vs_shutdown()


if __name__ == "__main__":
    main()
