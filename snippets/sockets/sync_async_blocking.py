"""What does "asynchronous non-blocking" mean?

Over a TCP connection on 127.0.0.1: the O_NONBLOCK flag behind Python's socket
modes, a non-blocking recv() failing with EAGAIN, a selector reporting
readiness before our own recv() copies the data, and epoll refusing a regular
file. Linux only (epoll); elsewhere it prints a message.

Run it with: python snippets/sockets/sync_async_blocking.py
"""

import errno
import os
import selectors
import socket
import sys
import tempfile

TIMEOUT = 2.0  # seconds; nothing in this demo should wait longer
# Python's three socket modes, as settimeout() values: setblocking(True) is
# settimeout(None) and setblocking(False) is settimeout(0.0).
MODES = {"blocking": None, "timeout 2 s": TIMEOUT, "non-blocking": 0.0}


def o_nonblock(sock: socket.socket) -> bool:
    """Is O_NONBLOCK set on the socket's open file description?"""
    import fcntl  # Unix-only: imported here so other systems reach the skip message

    return bool(fcntl.fcntl(sock.fileno(), fcntl.F_GETFL) & os.O_NONBLOCK)


def demo_modes(sock: socket.socket) -> None:
    print("1) Python socket mode vs the O_NONBLOCK flag in the kernel:")
    for name, timeout in MODES.items():
        sock.settimeout(timeout)
        print(f"   {name:<13} getblocking()={sock.getblocking()!s:<5}", end=" ")
        print(f"O_NONBLOCK={o_nonblock(sock)}")


def demo_nonblocking_recv(receiver: socket.socket) -> None:
    print("2) recv() on a non-blocking socket with nothing to read:")
    receiver.setblocking(False)
    try:
        receiver.recv(1024)
    except BlockingIOError as exc:
        # No waiting: the kernel answers "try again later" at once.
        print(f"   BlockingIOError, errno {errno.errorcode[exc.errno]}")


def demo_readiness(sender: socket.socket, receiver: socket.socket) -> None:
    print("3) A selector reports readiness; recv() still does the copy:")
    with selectors.DefaultSelector() as selector:
        selector.register(receiver, selectors.EVENT_READ)
        print(f"   selector: {type(selector).__name__}")
        print(f"   ready before any data: {selector.select(timeout=0) != []}")
        sender.sendall(b"hello")
        # Phase 1: wait in epoll_wait() until the kernel has data for us.
        events = selector.select(timeout=TIMEOUT)
        print(f"   readable after sendall(): {events != []}")
    # Phase 2: our own recv() copies the bytes out of the kernel buffer.
    print(f"   recv() returned: {receiver.recv(1024)!r}")


def demo_regular_file() -> None:
    print("4) epoll and a regular file:")
    with tempfile.TemporaryFile() as file, selectors.EpollSelector() as selector:
        try:
            selector.register(file, selectors.EVENT_READ)
        except PermissionError as exc:  # epoll_ctl(2): EPERM
            print(f"   PermissionError, errno {errno.errorcode[exc.errno]}")


def main() -> None:
    if not sys.platform.startswith("linux"):
        print("This demo needs Linux (epoll); skipping.")
        return
    with (
        socket.create_server(("127.0.0.1", 0)) as server,
        socket.create_connection(server.getsockname(), TIMEOUT) as sender,
    ):
        server.settimeout(TIMEOUT)
        receiver, _ = server.accept()
        with receiver:
            demo_modes(receiver)
            demo_nonblocking_recv(receiver)
            demo_readiness(sender, receiver)
    demo_regular_file()


if __name__ == "__main__":
    main()
