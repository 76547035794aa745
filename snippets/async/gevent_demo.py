"""What is gevent for? Patched standard-library sockets serving clients at once.

After gevent.monkey.patch_all(), a plain socket server whose handlers block in
time.sleep() and threading.Barrier serves every client at once, in one OS
thread; then: which calls still block every greenlet.

Needs gevent (the page shows gevent 26.9.0's output).
Run it with: python snippets/async/gevent_demo.py
"""

# Patch before anything else is imported: a module imported earlier could keep
# references to the original, blocking socket, sleep or lock.
from gevent import monkey

monkey.patch_all()

import socket  # noqa: E402  (imported after patching, on purpose)
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

import gevent  # noqa: E402

CLIENTS = 5
TIMEOUT = 5.0  # seconds; every blocking step gives up after this
# monkey keeps the original functions; these two really block the OS thread.
original_sleep = monkey.get_original("time", "sleep")
original_get_ident = monkey.get_original("_thread", "get_ident")


@dataclass
class Tally:
    """What the handlers record; serial handling would time out at the barrier."""

    barrier: threading.Barrier
    os_threads: set[int] = field(default_factory=set)
    blocked: int = 0
    most_blocked: int = 0


def handle(conn: socket.socket, tally: Tally) -> None:
    with conn:
        name = conn.recv(64).decode()
        tally.os_threads.add(original_get_ident())  # OS thread running this
        tally.blocked += 1
        tally.most_blocked = max(tally.most_blocked, tally.blocked)
        time.sleep(0.1)  # patched: parks this greenlet only
        tally.barrier.wait()  # passes once every handler has got here
        tally.blocked -= 1
        conn.sendall(f"hello {name}".encode())


def serve(server: socket.socket, tally: Tally) -> None:
    """Accept CLIENTS connections, one greenlet per connection."""
    handlers = []
    for _ in range(CLIENTS):
        conn, _ = server.accept()  # patched: waits in the event loop
        handlers.append(gevent.spawn(handle, conn, tally))
    gevent.joinall(handlers, raise_error=True)


def client(address: tuple[str, int], name: str) -> str:
    with socket.create_connection(address, timeout=TIMEOUT) as sock:
        sock.sendall(name.encode())
        return sock.recv(64).decode()


def demo_server() -> None:
    print(f"1) A plain socket server and {CLIENTS} clients:")
    tally = Tally(threading.Barrier(CLIENTS, timeout=TIMEOUT))
    with socket.create_server(("127.0.0.1", 0)) as server:
        address = server.getsockname()
        acceptor = gevent.spawn(serve, server, tally)
        clients = [gevent.spawn(client, address, f"c{i}") for i in range(CLIENTS)]
        gevent.joinall([acceptor, *clients], raise_error=True)
    print(f"   socket.socket is gevent's: {socket.socket is gevent.socket.socket}")
    print(f"   replies: {sorted(c.value for c in clients)}")
    print(f"   most handlers blocked at the same time: {tally.most_blocked}")
    print(f"   OS threads that ran the handlers: {len(tally.os_threads)}")


def others_run_during(work: Callable[[], object]) -> bool:
    """Does a greenlet ticking every millisecond get a turn while work() runs?"""
    ticks = 0

    def ticker() -> None:
        nonlocal ticks
        while True:
            gevent.sleep(0.001)
            ticks += 1

    background = gevent.spawn(ticker)
    gevent.sleep(0)  # let the ticker start
    before = ticks
    work()
    ran = ticks > before
    background.kill()
    return ran


def demo_what_blocks() -> None:
    print("2) Does another greenlet run while this one ...")
    cases: dict[str, Callable[[], object]] = {
        "calls the patched time.sleep(0.1)": lambda: time.sleep(0.1),
        "calls the original time.sleep(0.1)": lambda: original_sleep(0.1),
        "computes for a while (CPU-bound)": lambda: sum(range(3_000_000)),
    }
    for label, work in cases.items():
        print(f"   {label}: {others_run_during(work)}")


def main() -> None:
    demo_server()
    demo_what_blocks()


if __name__ == "__main__":
    main()
