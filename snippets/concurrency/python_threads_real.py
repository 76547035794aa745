"""Are Python threads "fake"?

No: every threading.Thread of CPython is a thread of the operating system.
This program (Linux only, it reads /proc) shows:

1. each thread has its own kernel thread id, and the kernel lists exactly
   these threads under /proc/self/task;
2. four threads that each sleep 0.5 s are all asleep at the same moment,
   because a thread releases the GIL while it is blocked.

Run it with: python snippets/concurrency/python_threads_real.py
"""

import os
import sys
import threading
import time

WORKERS = 3
SLEEPERS = 4
NAP = 0.5  # seconds each sleeper sleeps
TIMEOUT = 5.0  # seconds; a barrier that is never completed raises instead


def kernel_thread_ids() -> set[int]:
    """The thread ids the kernel lists for this process (proc_pid_task(5))."""
    return {int(name) for name in os.listdir("/proc/self/task")}


def demo_kernel_threads() -> None:
    print(f"1) The main thread and {WORKERS} workers, all alive:")
    all_started = threading.Barrier(WORKERS + 1, timeout=TIMEOUT)
    may_exit = threading.Event()

    def worker() -> None:
        all_started.wait()
        may_exit.wait(TIMEOUT)  # stay alive until main has looked at /proc

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    try:
        all_started.wait()
        listed = kernel_thread_ids()
        main_id = threading.get_native_id()
        # Thread.native_id is set by the thread itself once it runs.
        native_ids = {main_id} | {thread.native_id for thread in threads}
    finally:
        may_exit.set()
        for thread in threads:
            thread.join()
    print(f"   distinct native thread ids: {len(native_ids)}")
    # gettid(2): the first thread of a process has TID == PID.
    print(f"   main thread's native id == process id: {main_id == os.getpid()}")
    print(f"   /proc/self/task lists exactly these ids: {listed == native_ids}")


def demo_sleepers() -> None:
    print(f"2) {SLEEPERS} threads each call time.sleep({NAP}):")
    intervals: list[tuple[float, float]] = []
    lock = threading.Lock()
    # Line the sleepers up, so that the time it takes to start a thread
    # does not count.
    all_ready = threading.Barrier(SLEEPERS, timeout=TIMEOUT)

    def sleeper() -> None:
        all_ready.wait()
        began = time.monotonic()
        time.sleep(NAP)  # blocks in the kernel, with the GIL released
        ended = time.monotonic()
        with lock:
            intervals.append((began, ended))

    threads = [threading.Thread(target=sleeper) for _ in range(SLEEPERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # If a sleeping thread kept the GIL, the next one could not even start
    # its sleep before the first had finished: the intervals would not overlap.
    # A busy machine only shifts the intervals; unless one thread is held up
    # for a whole NAP, they still overlap.
    last_start = max(began for began, _ in intervals)
    first_end = min(ended for _, ended in intervals)
    print(f"   all {SLEEPERS} were asleep at the same moment: {last_start < first_end}")
    print(f"   one after another they would take {SLEEPERS * NAP} s")


def main() -> None:
    if not sys.platform.startswith("linux"):
        print("This demo reads /proc/self/task and needs Linux.")
        return
    demo_kernel_threads()
    demo_sleepers()


if __name__ == "__main__":
    main()
