"""What are thread locks and process locks for?

Every line printed is guaranteed by a lock or a barrier, not by lucky timing:
a lost update forced with a Barrier, threads counting under threading.Lock,
a deadlock from opposite lock orders (seen through a timeout), and processes
counting in shared memory under multiprocessing.Lock.

Run it with: python snippets/concurrency/process_and_thread_locks.py
"""

import ctypes
import threading
from collections.abc import Callable
from multiprocessing import Lock, Process, RawValue
from multiprocessing.synchronize import Lock as ProcessLock


def run(workers: list[threading.Thread] | list[Process]) -> None:
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def threads(*targets: Callable[[], object]) -> list[threading.Thread]:
    return [threading.Thread(target=target) for target in targets]


def lost_update() -> int:
    counter = 0
    both_have_read = threading.Barrier(2)

    def increment() -> None:
        nonlocal counter
        value = counter  # read ...
        both_have_read.wait()  # ... until the other thread has read it too ...
        counter = value + 1  # ... so both write back the same value

    run(threads(increment, increment))
    return counter


def locked_count(n_threads: int, per_thread: int) -> int:
    counter = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal counter
        for _ in range(per_thread):
            with lock:  # the read and the write form one critical section
                counter += 1

    run(threads(*[work] * n_threads))
    return counter


def both_got_both(opposite_order: bool) -> list[bool]:
    a, b = threading.Lock(), threading.Lock()
    barrier = threading.Barrier(2) if opposite_order else None
    got = {}

    def work(name: str, first: threading.Lock, second: threading.Lock) -> None:
        with first:
            if barrier:
                barrier.wait()  # each thread now holds its first lock
            got[name] = second.acquire(timeout=0.5)
            if got[name]:
                second.release()
            if barrier:
                barrier.wait()  # hold `first` until both have tried

    t2_order = (b, a) if opposite_order else (a, b)
    run(threads(lambda: work("t1", a, b), lambda: work("t2", *t2_order)))
    return [got["t1"], got["t2"]]


def add(counter: ctypes.c_int, lock: ProcessLock, n: int) -> None:
    for _ in range(n):
        with lock:  # += on shared memory is a read and then a write
            counter.value += 1


def process_count(n_processes: int, per_process: int) -> int:
    lock = Lock()  # a semaphore shared with the children
    counter = RawValue(ctypes.c_int, 0)  # shared memory, no lock of its own
    args = (counter, lock, per_process)  # handed over as each child starts
    run([Process(target=add, args=args) for _ in range(n_processes)])
    return counter.value


def main() -> None:
    print(f"1) two unlocked increments, forced to interleave: {lost_update()}")
    total = locked_count(n_threads=8, per_thread=20_000)
    print(f"2) 8 threads x 20000 increments under a Lock: {total == 160_000}")
    print(f"3) opposite lock orders, each got both locks: {both_got_both(True)}")
    print(f"   one common lock order, each got both locks: {both_got_both(False)}")
    total = process_count(n_processes=4, per_process=2_000)
    print(f"4) 4 processes x 2000 increments under multiprocessing.Lock: {total}")


if __name__ == "__main__":
    main()
