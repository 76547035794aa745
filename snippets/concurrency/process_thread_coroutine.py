"""Processes vs threads vs coroutines: the same I/O waits, done two ways.

Each "request" waits 0.2 s for a slow server; time.sleep() and asyncio.sleep()
stand in for that wait. 50 waits run in 50 OS threads, then as 50 asyncio
tasks on one thread; finally a coroutine makes a blocking call.

Run it with: python snippets/concurrency/process_thread_coroutine.py
"""

import asyncio
import logging
import threading
import time

REQUESTS = 50
WAIT = 0.2  # seconds per request; 50 of them one after another take 10 s


class Gauge:
    """Count the waits in progress (and the peak) and the threads running them."""

    def __init__(self) -> None:
        self.now = self.peak = 0
        self.threads: set[int] = set()
        self.lock = threading.Lock()  # several threads update the counters

    def enter(self) -> None:
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
            self.threads.add(threading.get_native_id())  # the kernel's thread ID

    def leave(self) -> None:
        with self.lock:
            self.now -= 1


class SlowStepCounter(logging.Handler):
    """Count debug-mode reports such as "Executing <Task...> took 0.2 seconds"."""

    count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "took" in record.getMessage()


def report(title: str, gauge: Gauge, started: float) -> None:
    print(title)
    print(f"   waits in progress at the peak: {gauge.peak}")
    print(f"   OS threads that ran them:      {len(gauge.threads)}")
    print(f"   finished in under 1 s:         {time.monotonic() - started < 1}")


def with_threads() -> None:
    gauge, started = Gauge(), time.monotonic()

    def request() -> None:
        gauge.enter()
        time.sleep(WAIT)  # blocks this thread only; the kernel runs the others
        gauge.leave()

    threads = [threading.Thread(target=request) for _ in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report(f"1) {REQUESTS} waits, one OS thread each:", gauge, started)


async def with_tasks() -> None:
    gauge, started = Gauge(), time.monotonic()

    async def request() -> None:
        gauge.enter()
        await asyncio.sleep(WAIT)  # suspends this task; the loop runs the others
        gauge.leave()

    async with asyncio.TaskGroup() as group:
        for _ in range(REQUESTS):
            group.create_task(request())
    report(f"2) {REQUESTS} waits, one asyncio task each:", gauge, started)


async def blocking_in_the_loop(counter: SlowStepCounter, tasks: int = 5) -> None:
    gauge = Gauge()

    async def blocking() -> None:
        gauge.enter()
        time.sleep(WAIT)  # wrong: a blocking call inside a coroutine
        gauge.leave()

    async def offloaded() -> None:
        gauge.enter()
        await asyncio.to_thread(time.sleep, WAIT)  # runs in a worker thread
        gauge.leave()

    print(f"3) {tasks} tasks that each make a blocking call:")
    for coroutine in (blocking, offloaded):
        gauge.peak, started = 0, time.monotonic()
        async with asyncio.TaskGroup() as group:
            for _ in range(tasks):
                group.create_task(coroutine())
        # 90%: a margin for clock rounding; side by side takes about 20%.
        serial = time.monotonic() - started >= 0.9 * tasks * WAIT
        print(f"   {coroutine.__name__:<9} peak {gauge.peak}, serial: {serial}")
    print(f"   debug mode reported the blocked loop: {counter.count > 0}")


def main() -> None:
    # In debug mode (debug=True, or python -X dev) asyncio logs each step that
    # holds the loop for over 100 ms. Count those reports; keep them off stderr.
    counter = SlowStepCounter()
    logging.getLogger("asyncio").addHandler(counter)
    logging.getLogger("asyncio").propagate = False
    with_threads()
    asyncio.run(with_tasks())
    counter.count = 0
    asyncio.run(blocking_in_the_loop(counter), debug=True)


if __name__ == "__main__":
    main()
