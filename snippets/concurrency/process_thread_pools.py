"""How do you use process pools and thread pools in Python?

1. ProcessPoolExecutor.map: results in input order, computed in workers that
   import this file as "__mp_main__" (hence the main guard at the bottom);
2. a lambda cannot be pickled; a worker's exception is re-raised by result();
3. ThreadPoolExecutor + as_completed(): futures in completion order.

Run it with: python snippets/concurrency/process_thread_pools.py
"""

import multiprocessing
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed

TIMEOUT = 10.0  # seconds; no wait in this demo should come close


def sum_of_squares(n: int) -> int:
    """CPU-bound pure Python: threads would take turns holding the GIL."""
    return sum(i * i for i in range(n))


def worker_info(_: int) -> tuple[str, int]:
    """The module name this code sees, and the pid of the process running it."""
    return __name__, os.getpid()


def checked_sqrt(x: int) -> float:
    if x < 0:
        raise ValueError(f"negative input: {x}")
    return x**0.5


def demo_process_pool() -> None:
    print("1) ProcessPoolExecutor.map, 2 worker processes, 'spawn':")
    # "spawn" explicitly: the default start method depends on OS and version.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        inputs = [10, 1_000, 100_000, 3]
        results = list(pool.map(sum_of_squares, inputs))
        print(f"   inputs:  {inputs}")
        print(f"   results: {results}")
        print(f"   input order: {results == [sum_of_squares(n) for n in inputs]}")
        infos = list(pool.map(worker_info, range(8)))
        pids = {pid for _, pid in infos}
        print(f"   __name__ in the workers: {sorted({n for n, _ in infos})}")
        outside = os.getpid() not in pids
        print(f"   ran in other processes, at most 2: {outside and len(pids) <= 2}")

        print("2) What crosses the process boundary:")
        try:  # functions travel by qualified name; a lambda has none
            pool.submit(lambda: 42).result(timeout=TIMEOUT)
            pickled = True
        except (pickle.PicklingError, AttributeError):  # 3.14+ / before
            pickled = False
        print(f"   submit(lambda) could be pickled: {pickled}")
        try:
            pool.submit(checked_sqrt, -1).result(timeout=TIMEOUT)
        except ValueError as exc:
            print(f"   result() re-raises: {type(exc).__name__}: {exc}")
        print(f"   still usable: {pool.submit(checked_sqrt, 16).result(TIMEOUT)}")


def wait_for_gate(name: str, gate: threading.Event) -> str:
    if not gate.wait(TIMEOUT):
        raise TimeoutError(name)
    return name


def demo_as_completed() -> None:
    print("3) ThreadPoolExecutor + as_completed:")
    names = ["a", "b", "c"]
    gates = {name: threading.Event() for name in names}
    # Gates rather than sleeps: we choose which task finishes next, so the
    # output never depends on timing.
    to_open = iter(["c", "a", "b"])
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(wait_for_gate, n, gates[n]) for n in names]
        gates[next(to_open)].set()
        finished = []
        for future in as_completed(futures, timeout=TIMEOUT):
            finished.append(future.result())
            if (name := next(to_open, None)) is not None:
                gates[name].set()
    print(f"   submitted:            {names}")
    print(f"   as_completed yielded: {finished}")
    print(f"   results in submission order: {[f.result() for f in futures]}")


def main() -> None:
    demo_process_pool()
    demo_as_completed()


# With "spawn" and "forkserver" each worker imports this file; the guard stops
# that import from running main() again and starting pools recursively.
if __name__ == "__main__":
    main()
