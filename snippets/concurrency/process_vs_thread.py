"""Process vs thread: what a thread shares, and what a child process copies.

Child processes (one per start method) and then a thread change a global;
finally, failures in a thread: an exception, then os._exit() in a child.
The children are started first, while this process still has one thread:
fork() in a multi-threaded process is unsafe (and warns on Python 3.12+).

Run it with: python snippets/concurrency/process_vs_thread.py
"""

import multiprocessing as mp
import os
import threading
from multiprocessing.connection import Connection

counter = 0  # a module global: one per process, shared by its threads


def bump() -> None:
    global counter
    counter += 1


def child(conn: Connection) -> None:
    """Runs in the child process: report the global before and after."""
    before = counter
    bump()
    conn.send((before, counter, os.getppid()))
    conn.close()


def demo_process() -> None:
    bump()  # the parent sets counter = 1 before it starts any child
    print("1) The parent sets counter = 1, then a child process adds 1:")
    print("   method      child saw  child set  parent has  child's parent is us")
    for method in ("fork", "spawn", "forkserver"):
        if method not in mp.get_all_start_methods():
            print(f"   {method:<11} (not available on this platform)")
            continue
        context = mp.get_context(method)
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=child, args=(writer,))
        process.start()
        writer.close()  # the child holds its own copy of the write end
        before, after, ppid = reader.recv()
        process.join()
        reader.close()
        ours = ppid == os.getpid()
        print(f"   {method:<11} {before:<10} {after:<10} {counter:<11} {ours}")


def demo_thread() -> None:
    seen: dict[str, int] = {}

    def work() -> None:
        bump()
        seen["pid"], seen["tid"] = os.getpid(), threading.get_native_id()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    print("2) A thread adds 1 to the global counter:")
    print(f"   the main thread now reads counter = {counter}")
    print(f"   same PID as the main thread:  {seen['pid'] == os.getpid()}")
    print(
        f"   same kernel thread ID:        {seen['tid'] == threading.get_native_id()}"
    )


def exit_from_a_thread() -> None:
    """Runs in a child process: a worker thread ends the whole process."""
    worker = threading.Thread(target=os._exit, args=(7,))
    worker.start()
    worker.join()
    print("   not reached: os._exit() ended every thread of this process")


def demo_failures() -> None:
    print("3) Failures:")
    caught: list[str] = []
    # The default hook prints the traceback to stderr; record the name instead.
    threading.excepthook = lambda args: caught.append(args.exc_type.__name__)
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    threading.excepthook = threading.__excepthook__
    print(f"   an uncaught {caught[0]} ended its thread; the process went on")
    process = mp.get_context("spawn").Process(target=exit_from_a_thread)
    process.start()
    process.join()
    code = process.exitcode
    print(f"   a thread calling os._exit(7) ended its process: exit code {code}")


def main() -> None:
    demo_process()  # forks: no other thread has been started yet
    demo_thread()
    demo_failures()


if __name__ == "__main__":
    main()
