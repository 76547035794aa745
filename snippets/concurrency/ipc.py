"""How do processes communicate?

1. os.pipe(): a raw pipe is a byte stream, so two writes can come out as one
   read;
2. multiprocessing.Pipe(): a round trip with a child process; every send()
   arrives as one whole (pickled, length-prefixed) message;
3. multiprocessing.shared_memory (Python 3.8+): parent and child work on the
   same bytes, with no copy through the kernel; the parent unlinks the block.

Run it with: python snippets/concurrency/ipc.py
"""

import multiprocessing
import os
from multiprocessing.connection import Connection
from multiprocessing.shared_memory import SharedMemory

TIMEOUT = 10.0  # seconds; no wait in this demo should come close


def demo_os_pipe() -> None:
    print("1) os.pipe(): a byte stream")
    read_fd, write_fd = os.pipe()
    with open(read_fd, "rb", buffering=0) as reader:
        with open(write_fd, "wb", buffering=0) as writer:
            writer.write(b"first|")
            writer.write(b"second|")
        # The write end is closed: one read gets everything, then EOF.
        print(f"   one read: {reader.read(100)!r}")
        print(f"   next read (EOF): {reader.read(100)!r}")


def square_server(conn: Connection) -> None:
    """Child: answer requests until the parent sends None."""
    with conn:
        while (request := conn.recv()) is not None:
            conn.send(
                {
                    "pid_differs": request["pid"] != os.getpid(),
                    "squares": [n * n for n in request["numbers"]],
                }
            )
        conn.send_bytes(b"bye")
        conn.send_bytes(b"!")


def demo_connection(context: multiprocessing.context.BaseContext) -> None:
    print("2) multiprocessing.Pipe(): messages, both ways")
    parent_end, child_end = context.Pipe()  # duplex by default
    child = context.Process(target=square_server, args=(child_end,))
    child.start()
    child_end.close()  # only the child uses this end now
    with parent_end:
        parent_end.send({"pid": os.getpid(), "numbers": [1, 2, 3]})
        if not parent_end.poll(TIMEOUT):
            raise TimeoutError("no reply from the child")
        print(f"   reply: {parent_end.recv()}")
        parent_end.send(None)
        print(
            f"   two send_bytes(): {parent_end.recv_bytes()!r}, "
            f"{parent_end.recv_bytes()!r}"
        )
    child.join(TIMEOUT)
    print(f"   child exit code: {child.exitcode}")


def double_in_place(name: str, count: int) -> None:
    """Child: attach to the block by name and double each byte in place."""
    block = SharedMemory(name=name)
    try:
        for i in range(count):
            block.buf[i] *= 2
    finally:
        block.close()  # detach; only the creator unlinks


def demo_shared_memory(context: multiprocessing.context.BaseContext) -> None:
    print("3) shared_memory: one block, two processes")
    values = bytes([1, 2, 3, 4, 5])
    block = SharedMemory(create=True, size=len(values))
    try:
        block.buf[: len(values)] = values
        child = context.Process(target=double_in_place, args=(block.name, 5))
        child.start()
        child.join(TIMEOUT)
        print(f"   before: {list(values)}")
        print(f"   after the child wrote: {list(block.buf[: len(values)])}")
    finally:
        block.close()
        block.unlink()  # remove the name; the memory goes when all detach


def main() -> None:
    demo_os_pipe()
    # "spawn" works the same on every OS; children get only what we pass.
    context = multiprocessing.get_context("spawn")
    demo_connection(context)
    demo_shared_memory(context)


if __name__ == "__main__":
    main()
