"""What is I/O multiplexing for?

Shows that a thread waiting in select() sleeps, then serves three TCP clients
on 127.0.0.1 at once with one thread and one selector.

Run it with: python snippets/sockets/io_multiplexing.py
"""

import contextlib
import selectors
import socket
import threading
import time

TIMEOUT = 2.0  # seconds; every blocking call gives up after this
CLIENTS = 3


def demo_idle_wait() -> None:
    print("1) select(timeout=0.2) with nothing to report:")
    with (
        selectors.DefaultSelector() as sel,
        socket.create_server(("127.0.0.1", 0)) as srv,
    ):
        sel.register(srv, selectors.EVENT_READ)  # nobody ever connects
        wall, cpu = time.monotonic(), time.thread_time()
        events = sel.select(timeout=0.2)
        wall, cpu = time.monotonic() - wall, time.thread_time() - cpu
    print(f"   selector on this system: {type(sel).__name__}")
    print(f"   events returned: {events}")
    print(f"   the thread slept the whole 0.2 s: {wall >= 0.19}")
    print(f"   CPU time used while waiting < 20 ms: {cpu < 0.02}")


class EchoServer:
    """A single-threaded echo server driven by one selector (a Reactor)."""

    def __init__(self) -> None:
        self.sel = selectors.DefaultSelector()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.setblocking(False)
        # data= is the handler to call when this socket is ready.
        self.sel.register(self.listener, selectors.EVENT_READ, self.accept)
        self.outbox: dict[socket.socket, bytearray] = {}
        self.accepted = self.closed = 0
        self.threads: set[int] = set()

    def accept(self, listener: socket.socket, mask: int) -> None:
        conn, _ = listener.accept()
        conn.setblocking(False)  # a handler must never block the loop
        self.outbox[conn] = bytearray()
        self.sel.register(conn, selectors.EVENT_READ, self.serve)
        self.accepted += 1

    def serve(self, conn: socket.socket, mask: int) -> None:
        if mask & selectors.EVENT_READ:
            data = conn.recv(4096)
            if not data:  # EOF: the client has finished
                self.sel.unregister(conn)
                del self.outbox[conn]
                conn.close()
                self.closed += 1
                return
            self.outbox[conn] += data
        if self.outbox[conn]:
            # send() may take only part of the data: keep the rest and ask
            # to hear when the socket is writable again.
            sent = conn.send(self.outbox[conn])
            del self.outbox[conn][:sent]
        wanted = selectors.EVENT_READ | (
            selectors.EVENT_WRITE if self.outbox[conn] else 0
        )
        self.sel.modify(conn, wanted, self.serve)

    def run(self) -> None:
        """The event loop: wait for readiness, then dispatch to the handler."""
        deadline = time.monotonic() + TIMEOUT
        while self.closed < CLIENTS and time.monotonic() < deadline:
            for key, mask in self.sel.select(timeout=0.1):
                self.threads.add(threading.get_ident())
                key.data(key.fileobj, mask)

    def close(self) -> None:
        for conn in self.outbox:
            conn.close()
        self.listener.close()
        self.sel.close()


def recv_exactly(sock: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n and (chunk := sock.recv(n - len(buf))):
        buf += chunk
    return buf


def demo_echo_server() -> None:
    print(f"2) One thread, one selector, {CLIENTS} clients:")
    server = EchoServer()
    thread = threading.Thread(target=server.run)
    thread.start()
    address = server.listener.getsockname()
    messages = [f"hello from client {i}".encode() for i in range(CLIENTS)]
    try:
        with contextlib.ExitStack() as stack:
            clients = [
                stack.enter_context(socket.create_connection(address, TIMEOUT))
                for _ in messages
            ]
            for sock, message in zip(clients, messages, strict=True):
                sock.sendall(message)  # every client sends before anyone reads
            for sock, message in zip(clients, messages, strict=True):
                echoed = recv_exactly(sock, len(message))
                print(f"   {message!r} came back: {echoed == message}")
        # Leaving the with block closed the clients: the server sees 3 EOFs.
    finally:
        thread.join()
        server.close()
    print(f"   connections accepted / closed: {server.accepted} / {server.closed}")
    print(f"   threads that ran the handlers: {len(server.threads)}")


def main() -> None:
    demo_idle_wait()
    demo_echo_server()


if __name__ == "__main__":
    main()
