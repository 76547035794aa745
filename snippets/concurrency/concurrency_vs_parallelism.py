"""Concurrency vs parallelism: interleaving on one thread, then parallel pieces.

1. Two asyncio tasks take turns at each await: their steps interleave in a
   fixed order, all on one thread. Concurrent, not parallel.
2. With no await between steps, the first task runs to its end before the
   second starts: the switch points are part of a concurrent design.
3. One computation, a dot product, split in halves for a process pool:
   parallel execution of a program with no concurrent structure.

Run it with: python snippets/concurrency/concurrency_vs_parallelism.py
"""

import asyncio
import threading
from concurrent.futures import ProcessPoolExecutor

STEPS = 3
SIZE = 1000


async def worker(name: str, trace: list[str], threads: set[int], yields: bool) -> None:
    for step in range(1, STEPS + 1):
        trace.append(f"{name}{step}")  # one step of work, then maybe a switch
        threads.add(threading.get_ident())
        if yields:
            await asyncio.sleep(0)  # a switch point: the loop may run another task


async def two_tasks(yields: bool) -> tuple[list[str], set[int]]:
    trace: list[str] = []
    threads: set[int] = set()
    async with asyncio.TaskGroup() as group:
        group.create_task(worker("A", trace, threads, yields))
        group.create_task(worker("B", trace, threads, yields))
    return trace, threads


def show_tasks(title: str, yields: bool) -> None:
    trace, threads = asyncio.run(two_tasks(yields))
    # Both in progress at once: B started before A took its last step.
    overlap = trace.index("B1") < trace.index(f"A{STEPS}")
    print(title)
    print(f"   order of steps:            {' '.join(trace)}")
    print(f"   both in progress at once:  {overlap}")
    print(f"   OS threads used:           {len(threads)}")


def dot(pair: tuple[list[int], list[int]]) -> int:
    xs, ys = pair
    return sum(x * y for x, y in zip(xs, ys, strict=True))


def show_parallel_pieces() -> None:
    xs = list(range(SIZE))
    ys = list(range(SIZE, 0, -1))
    whole = dot((xs, ys))
    half = SIZE // 2
    halves = [(xs[:half], ys[:half]), (xs[half:], ys[half:])]
    # Each half may run on its own core: separate processes, separate GILs.
    with ProcessPoolExecutor(max_workers=2) as pool:
        pieces = sum(pool.map(dot, halves))
    print(f"3) A dot product of two {SIZE}-element vectors:")
    print(f"   in one process:            {whole}")
    print(f"   two halves in a pool:      {pieces}")
    print(f"   same result:               {pieces == whole}")


def main() -> None:
    show_tasks("1) Two tasks, await asyncio.sleep(0) between steps:", yields=True)
    show_tasks("2) The same tasks, no await between steps:", yields=False)
    show_parallel_pieces()


if __name__ == "__main__":
    main()
