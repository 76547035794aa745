"""What is the producer-consumer pattern, and how do you stop it cleanly?

A bounded queue sits between producers and consumers. With output that never
depends on timing, this shows backpressure on a full queue.Queue; the same
pipeline with threads, asyncio and processes, each stopped cleanly; and why a
process must not be joined before the queue it fed has been read.

Run it with: python snippets/concurrency/producer_consumer.py
"""

import asyncio
import multiprocessing
import queue
import threading
from multiprocessing.queues import Queue as ProcessQueue

ITEMS = range(1, 7)
STOP = None  # the sentinel; None survives pickling, so processes can use it too


def backpressure() -> tuple[bool, bool]:
    tasks: queue.Queue[int] = queue.Queue(maxsize=2)
    finished = threading.Event()

    def produce() -> None:
        for item in range(3):
            tasks.put(item)  # the third put() waits for a free slot
        finished.set()

    producer = threading.Thread(target=produce)
    producer.start()
    blocked = not finished.wait(timeout=0.2)  # cannot finish: nobody consumes
    tasks.get()  # free one slot ...
    producer.join()  # ... and the producer completes
    return blocked, finished.is_set()


def thread_pipeline(n_consumers: int) -> list[int]:
    tasks: queue.Queue[int | None] = queue.Queue(maxsize=2)
    results: queue.Queue[int] = queue.Queue()

    def consume() -> None:
        while (item := tasks.get()) is not STOP:
            results.put(item * item)

    consumers = [threading.Thread(target=consume) for _ in range(n_consumers)]
    for consumer in consumers:
        consumer.start()
    for item in ITEMS:
        tasks.put(item)  # blocks while two items are already waiting
    for _ in consumers:
        tasks.put(STOP)  # one sentinel per consumer, after all the real items
    for consumer in consumers:
        consumer.join()
    return sorted(results.get() for _ in range(results.qsize()))


async def asyncio_pipeline(n_consumers: int) -> list[int]:
    tasks: asyncio.Queue[int] = asyncio.Queue(maxsize=2)
    results: list[int] = []

    async def consume() -> None:
        while True:
            item = await tasks.get()
            results.append(item * item)  # one thread, so no lock is needed
            tasks.task_done()

    workers = [asyncio.create_task(consume()) for _ in range(n_consumers)]
    for item in ITEMS:
        await tasks.put(item)  # suspends this coroutine while the queue is full
    await tasks.join()  # every item has had its task_done()
    for worker in workers:
        worker.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    return sorted(results)


def close(*queues: ProcessQueue) -> None:
    for q in queues:
        q.close()  # no more put() from this process ...
        q.join_thread()  # ... and its feeder thread has flushed and exited


def square(tasks: ProcessQueue, results: ProcessQueue) -> None:
    while (item := tasks.get()) is not STOP:
        results.put(item * item)


def process_pipeline() -> list[int]:
    tasks: ProcessQueue = multiprocessing.Queue(maxsize=2)
    results: ProcessQueue = multiprocessing.Queue()
    consumer = multiprocessing.Process(target=square, args=(tasks, results))
    consumer.start()
    for item in ITEMS:
        tasks.put(item)  # pickled, then written to a pipe by a feeder thread
    tasks.put(STOP)
    squares = [results.get() for _ in ITEMS]  # read everything before join()
    consumer.join()
    close(tasks, results)
    return squares


def send_big(results: ProcessQueue) -> None:
    results.put(b"x" * 4_000_000)  # far more than a pipe buffer holds


def join_before_get() -> tuple[bool, int | None]:
    results: ProcessQueue = multiprocessing.Queue()
    child = multiprocessing.Process(target=send_big, args=(results,))
    child.start()
    # The child cannot exit until its feeder thread has flushed the item into
    # the pipe, and the pipe only drains when we read: join() waits in vain.
    child.join(timeout=0.5)
    stuck = child.is_alive()
    results.get()
    child.join()
    close(results)
    return stuck, child.exitcode


def main() -> None:
    blocked, finished = backpressure()
    print(f"1) producer blocked on a full queue (maxsize=2): {blocked}")
    print(f"   after one get(), it finished: {finished}")
    print(f"2) threads, 2 consumers: {thread_pipeline(n_consumers=2)}")
    print(f"3) asyncio, 2 consumers: {asyncio.run(asyncio_pipeline(n_consumers=2))}")
    print(f"4) processes, 1 consumer: {process_pipeline()}")
    stuck, exitcode = join_before_get()
    print(f"5) join() before get(): child still alive after 0.5 s: {stuck}")
    print(f"   get() first, then join(): exit code {exitcode}")


if __name__ == "__main__":
    main()
