"""What is threading.local for?

1. A threading.local object: every thread sees its own attributes, and a
   subclass's __init__ runs once in each thread that touches it.
2. Compared with a dict keyed by threading.get_ident(): the dict keeps every
   finished thread's entry, threading.local drops them when threads end.
3. Under asyncio all tasks share one thread, so they share its threading.local
   too; a ContextVar gives each task its own value.

Run it with: python snippets/concurrency/threading_local.py
"""

import asyncio
import contextvars
import threading
import weakref

TIMEOUT = 5.0  # seconds; no wait in this demo should come close


class RequestState(threading.local):
    """__init__ runs in every thread on first use: a per-thread default."""

    inits = 0  # class attribute, shared by all threads (counted under a lock)
    inits_lock = threading.Lock()

    def __init__(self) -> None:
        with RequestState.inits_lock:
            RequestState.inits += 1
        self.user = "anonymous"


class Session:
    """Stands for a per-thread resource such as a database connection."""


def demo_per_thread() -> None:
    print("1) threading.local: one set of attributes per thread")
    state = RequestState()  # __init__ runs here, in the main thread
    state.user = "main"
    seen: dict[str, str] = {}

    def worker(name: str) -> None:
        before = state.user  # the default from __init__, not "main"
        state.user = name
        seen[name] = f"{before} -> {state.user}"

    threads = [threading.Thread(target=worker, args=(n,)) for n in ("t1", "t2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    for name in sorted(seen):
        print(f"   {name}: {seen[name]}")
    print(f"   main thread still sees: {state.user}")
    print(f"   __init__ calls: {RequestState.inits} (main + 2 threads)")


def demo_cleanup() -> None:
    print("2) After the threads end:")
    local = threading.local()
    by_ident: dict[int, Session] = {}  # the hand-rolled version
    refs: list[weakref.ref[Session]] = []
    lock = threading.Lock()
    # All three threads are alive at once, so their idents are distinct.
    barrier = threading.Barrier(3, timeout=TIMEOUT)

    def worker() -> None:
        local.session = Session()
        with lock:
            by_ident[threading.get_ident()] = Session()
            refs.append(weakref.ref(local.session))
        barrier.wait()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    alive = sum(ref() is not None for ref in refs)
    print(f"   threading.local sessions still alive: {alive}")
    print(f"   dict keyed by get_ident(), entries left: {len(by_ident)}")


thread_user = threading.local()
# Create ContextVars at module level, never inside functions (see the docs).
request_user: contextvars.ContextVar[str] = contextvars.ContextVar(
    "request_user", default="anonymous"
)


async def handle(name: str) -> str:
    thread_user.name = name
    request_user.set(name)
    await asyncio.sleep(0)  # let the other task run and set its values
    return (
        f"{name}: threading.local={thread_user.name}, ContextVar={request_user.get()}"
    )


async def serve_two_requests() -> list[str]:
    # Tasks run in creation order, each in a copy of the current context.
    return await asyncio.gather(handle("alice"), handle("bob"))


def demo_asyncio() -> None:
    print("3) Two asyncio tasks in one thread:")
    for line in asyncio.run(serve_two_requests()):
        print(f"   {line}")
    print(f"   afterwards, outside the tasks: ContextVar={request_user.get()}")


def main() -> None:
    demo_per_thread()
    demo_cleanup()
    demo_asyncio()


if __name__ == "__main__":
    main()
