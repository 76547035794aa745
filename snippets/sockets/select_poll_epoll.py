"""select vs poll vs epoll: epoll's trigger modes, and select's fd limit.

On pipes, as in epoll(7)'s own example: level- vs edge-triggered, a
registration that outlives close(), and select() refusing fd >= FD_SETSIZE.
Linux only (select.epoll); elsewhere it prints one line and exits.
Run it with: python snippets/sockets/select_poll_epoll.py
"""

from __future__ import annotations  # select.epoll is not defined off Linux

import contextlib
import os
import select
import sys
from collections.abc import Iterator

FD_SETSIZE = 1024  # glibc's fixed size of fd_set (select(2))


@contextlib.contextmanager
def pipe() -> Iterator[tuple[int, int]]:  # closed on exit
    r, w = os.pipe()
    os.set_blocking(r, False)  # reads must end in EAGAIN, never block
    try:
        yield r, w
    finally:
        os.close(r)
        os.close(w)


def ready(ep: select.epoll) -> set[int]:  # timeout 0: never wait
    return {fd for fd, _ in ep.poll(0)}


def drain(fd: int) -> int:  # read until EAGAIN, as edge-triggered code must
    total = 0
    with contextlib.suppress(BlockingIOError):  # BlockingIOError is EAGAIN
        while chunk := os.read(fd, 4096):
            total += len(chunk)
    return total


def demo_triggers() -> None:
    print("1) The epoll(7) scenario: write 2 KiB, read 1 KiB, wait again")
    with pipe() as (lt, lt_w), pipe() as (et, et_w), select.epoll() as ep:
        ep.register(lt, select.EPOLLIN)  # level-triggered, the default
        ep.register(et, select.EPOLLIN | select.EPOLLET)
        show = "   {:<34}{!s:<8}{!s}"
        print(show.format("", "level", "edge"))

        def step(label: str) -> None:
            now = ready(ep)
            print(show.format(label, lt in now, et in now))

        for w in (lt_w, et_w):
            os.write(w, b"x" * 2048)
        step("2048 bytes written: reported?")
        for r in (lt, et):
            os.read(r, 1024)
        step("1024 read, 1024 left: reported?")
        step("asked again: reported?")
        for w in (lt_w, et_w):
            os.write(w, b"y")  # new data: a new edge
        step("1 more byte written: reported?")
        print(show.format("drained until EAGAIN: bytes read", drain(lt), drain(et)))
        step("after EAGAIN: reported?")


def demo_dup_and_close() -> None:
    print("2) close() does not unregister while a dup() is still open")
    r, w = os.pipe()
    with select.epoll() as ep:
        ep.register(r, select.EPOLLIN)
        copy = os.dup(r)  # a second fd for the same open file description
        os.close(r)
        os.write(w, b"z")
        print(f"   event for the closed fd:   {r in ready(ep)}")
        os.close(copy)  # the last reference: now the entry goes away
        print(f"   after closing the dup too: {r in ready(ep)}")
    os.close(w)


def demo_fd_setsize() -> None:
    import fcntl  # Unix-only modules
    import resource

    print(f"3) A descriptor numbered >= FD_SETSIZE ({FD_SETSIZE})")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if 0 <= hard <= FD_SETSIZE:  # RLIM_INFINITY is -1
        print(f"   skipped: this process may not open fd {FD_SETSIZE}")
        return
    if soft <= FD_SETSIZE:  # raise this process's own soft limit
        limit = 4 * FD_SETSIZE if hard < 0 else min(hard, 4 * FD_SETSIZE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))
    with pipe() as (r, w):
        # The lowest free fd >= 1024; unlike dup2() it never closes one in use.
        high = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, FD_SETSIZE)
        try:
            os.write(w, b"!")
            try:
                select.select([high], [], [], 0)
                outcome = "accepted"
            except ValueError as exc:
                outcome = f"ValueError: {exc}"
            print(f"   select(): {outcome}")
            poller = select.poll()
            poller.register(high, select.POLLIN)
            print(f"   poll() reports it: {poller.poll(0) == [(high, select.POLLIN)]}")
        finally:
            os.close(high)


def main() -> None:
    if not sys.platform.startswith("linux"):
        print("This demo needs Linux (select.epoll); skipping.")
        return
    demo_triggers()
    demo_dup_and_close()
    demo_fd_setsize()


if __name__ == "__main__":
    main()
