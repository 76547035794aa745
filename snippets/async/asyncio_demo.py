"""Explain asyncio.

One thread, one event loop: a streams server on 127.0.0.1 serves three clients
running in a TaskGroup; gather() and TaskGroup differ when a task fails; and a
blocking call stalls the loop unless it goes to asyncio.to_thread().
Needs Python 3.11+.

Run it with: python snippets/async/asyncio_demo.py
"""

import asyncio
import threading
import time

HOST = "127.0.0.1"
NAMES = ["ada", "bob", "cy"]


async def client(port: int, name: str) -> str:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(f"{name}\n".encode())
        await writer.drain()
        return (await reader.readline()).decode().strip()
    finally:
        writer.close()
        await writer.wait_closed()


async def demo_server() -> None:
    print("1) A streams server and three clients in one TaskGroup:")
    barrier = asyncio.Barrier(len(NAMES))
    main, threads = threading.get_ident(), set()

    async def handler(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """Server side of one connection: read a name, answer a greeting."""
        threads.add(threading.get_ident())
        try:
            name = (await reader.readline()).decode().strip()
            # Each handler waits here until all three have arrived: possible
            # only because one thread serves the three connections at once.
            await barrier.wait()
            writer.write(f"hello {name}\n".upper().encode())
            await writer.drain()  # flow control: wait while the buffer is full
        finally:
            writer.close()
            await writer.wait_closed()

    server = await asyncio.start_server(handler, HOST, 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        # timeout(): if the barrier never filled up, fail after 2 s, not hang.
        async with asyncio.timeout(2), asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(client(port, name)) for name in NAMES]
        print(f"   replies: {[task.result() for task in tasks]}")
        print(f"   every handler ran in the main thread: {threads == {main}}")


async def fail_soon() -> None:
    await asyncio.sleep(0)
    raise ValueError("bad input")


async def demo_failure() -> None:
    print("2) One task fails: gather() vs TaskGroup:")
    sibling = asyncio.create_task(asyncio.sleep(10))
    try:
        await asyncio.gather(fail_soon(), sibling)
    except ValueError:
        running = not sibling.done()
        print(f"   gather() raised ValueError; the sibling still runs: {running}")
    sibling.cancel()  # gather() left it running: clean up by hand
    await asyncio.wait([sibling])
    try:
        async with asyncio.TaskGroup() as tg:
            sibling = tg.create_task(asyncio.sleep(10))
            tg.create_task(fail_soon())
    except* ValueError as group:
        errors = [type(exc).__name__ for exc in group.exceptions]
        print(f"   TaskGroup raised an ExceptionGroup of {errors}")
        print(f"   and cancelled the sibling: {sibling.cancelled()}")


async def demo_blocking() -> None:
    print("3) A blocking call in a coroutine vs asyncio.to_thread():")
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)  # let the ticker start
    before = ticks
    time.sleep(0.25)  # blocks the only thread: the loop cannot run the ticker
    print(f"   ticker ran during time.sleep(0.25): {ticks > before}")
    before = ticks
    await asyncio.to_thread(time.sleep, 0.25)  # another thread sleeps
    print(f"   ticker ran during asyncio.to_thread(...): {ticks > before}")
    task.cancel()
    await asyncio.wait([task])


async def main() -> None:
    # python -X dev runs asyncio in debug mode, which logs every callback or
    # task step slower than loop.slow_callback_duration (0.1 s by default):
    # the usual way to find blocking calls. Part 3 blocks on purpose and a
    # busy machine can slow any step, so this demo raises the threshold.
    asyncio.get_running_loop().slow_callback_duration = 10.0
    await demo_server()
    await demo_failure()
    await demo_blocking()


if __name__ == "__main__":
    asyncio.run(main())
