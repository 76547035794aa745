"""What is the GIL?

On the CPython that runs it, this program shows:

1. the interpreter's GIL settings: the switch interval, whether this is a
   free-threaded build (Python 3.13+) and whether the GIL is enabled now;
2. a lost update: the GIL keeps the interpreter's own state consistent, but
   a read-modify-write made of several bytecodes can still be interleaved
   (a barrier forces the interleaving that a thread switch can cause);
3. the fix: a threading.Lock around the read-modify-write keeps a counter
   exact, however the threads are scheduled.

Run it with: python snippets/concurrency/gil.py
"""

import sys
import sysconfig
import threading
from collections.abc import Callable

TIMEOUT = 5.0  # seconds; a barrier that is never completed raises instead
THREADS = 4
INCREMENTS = 50_000


class Counter:
    def __init__(self) -> None:
        self.value = 0


def run_threads(target: Callable[[], None], count: int) -> None:
    """Start count threads running target and wait for all of them."""
    threads = [threading.Thread(target=target) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def show_gil_settings() -> None:
    print("1) GIL settings of this interpreter:")
    print(f"   switch interval: {sys.getswitchinterval()} s")
    # Py_GIL_DISABLED is 1 only in a free-threaded (--disable-gil) build.
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    print(f"   free-threaded build: {free_threaded}")
    # sys._is_gil_enabled() appeared in 3.13; older versions always have a GIL.
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"   GIL enabled: {gil_enabled}")


def lost_update() -> int:
    """Two threads add 1 without a lock; both read before either writes."""
    counter = Counter()
    both_have_read = threading.Barrier(2, timeout=TIMEOUT)

    def increment() -> None:
        seen = counter.value  # read
        # The GIL may pass to the other thread between the read and the write.
        # The barrier makes that switch happen here, on every run.
        both_have_read.wait()
        counter.value = seen + 1  # write back a value computed from a stale read

    run_threads(increment, 2)
    return counter.value


def locked_count() -> int:
    """THREADS threads add 1 INCREMENTS times each, under a lock."""
    counter = Counter()
    lock = threading.Lock()

    def increment_many() -> None:
        for _ in range(INCREMENTS):
            with lock:  # the read, the addition and the write as one step
                counter.value += 1

    run_threads(increment_many, THREADS)
    return counter.value


def main() -> None:
    show_gil_settings()
    print("2) Two threads each add 1 to 0, no lock, forced interleaving:")
    print(f"   result: {lost_update()}, expected: 2")
    expected = THREADS * INCREMENTS
    print(f"3) {THREADS} threads x {INCREMENTS} increments under a Lock:")
    result = locked_count()
    print(f"   result: {result}, exact: {result == expected}")


if __name__ == "__main__":
    main()
