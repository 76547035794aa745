"""What is the "sticky packet" (粘包) problem, and how is it solved?

TCP delivers a byte stream, not messages. This program shows, over a real TCP
connection on 127.0.0.1:

1. three sendall() calls whose bytes come back from a single recv();
2. the same bytes read with a small buffer, which cuts a message (and even a
   UTF-8 character) in half: a partial message, 半包;
3. length-prefixed framing (a 4-byte big-endian length, then the payload),
   which gives back exactly the messages that were sent;
4. what that framing does with a truncated message and with a hostile length.

Run it with: python snippets/sockets/tcp_sticky_packets.py
"""

import contextlib
import socket
import struct
import time
from collections.abc import Iterator

TIMEOUT = 2.0  # seconds; every blocking call gives up after this
HEADER = struct.Struct("!I")  # "!" = network byte order (big-endian), I = uint32
MAX_MESSAGE_SIZE = 1024 * 1024  # refuse larger frames instead of allocating them
MESSAGES = ["ping", "hello world", "你好"]


class IncompleteMessageError(EOFError):
    """The peer stopped sending (EOF) in the middle of a message."""

    def __init__(self, received: int, expected: int) -> None:
        super().__init__(f"peer stopped sending after {received} of {expected} bytes")
        self.received = received
        self.expected = expected


class MessageTooLargeError(ValueError):
    """A length header announced more bytes than we are willing to accept."""


@contextlib.contextmanager
def tcp_connection() -> Iterator[tuple[socket.socket, socket.socket]]:
    """Yield a connected (sender, receiver) pair of TCP sockets on loopback."""
    with (
        socket.create_server(("127.0.0.1", 0)) as server,
        socket.create_connection(server.getsockname(), TIMEOUT) as sender,
    ):
        server.settimeout(TIMEOUT)
        receiver, _ = server.accept()
        with receiver:
            # accept() does not pass the listening socket's timeout on: the
            # new socket is blocking or gets socket.getdefaulttimeout().
            receiver.settimeout(TIMEOUT)
            # Nagle's algorithm off: each sendall() may leave as its own
            # segment. The receiver below merges them all the same.
            sender.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            yield sender, receiver


def wait_until_buffered(sock: socket.socket, nbytes: int) -> None:
    """Block until at least nbytes are queued in sock's receive buffer.

    MSG_PEEK looks at the queue without consuming it. Waiting like this stands
    in for a busy receiver that gets round to this socket a little later, and
    it makes the demo's output the same on every run.
    """
    deadline = time.monotonic() + TIMEOUT
    while len(sock.recv(nbytes, socket.MSG_PEEK)) < nbytes:
        if time.monotonic() > deadline:
            raise TimeoutError(f"fewer than {nbytes} bytes arrived")
        time.sleep(0.001)


def recv_exactly(sock: socket.socket, n: int, max_chunk: int = 65536) -> bytes:
    """Read exactly n bytes, looping because recv() may return fewer."""
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), max_chunk))
        if not chunk:  # b"" means the peer has finished sending (EOF)
            raise IncompleteMessageError(len(buf), n)
        buf += chunk
    return bytes(buf)


def send_message(sock: socket.socket, payload: bytes) -> None:
    """Send one frame: a 4-byte length header followed by the payload."""
    if len(payload) > MAX_MESSAGE_SIZE:
        raise MessageTooLargeError(f"payload of {len(payload)} bytes is too large")
    # One write for header and payload, rather than two small ones.
    sock.sendall(HEADER.pack(len(payload)) + payload)


def recv_message(sock: socket.socket, max_chunk: int = 65536) -> bytes | None:
    """Receive one frame; return None if the stream ended between frames."""
    try:
        header = recv_exactly(sock, HEADER.size, max_chunk)
    except IncompleteMessageError as exc:
        if exc.received == 0:
            return None  # a clean end of stream at a frame boundary
        raise
    (length,) = HEADER.unpack(header)
    # Check before reading: a hostile or corrupt header must not make us
    # allocate (or wait for) gigabytes.
    if length > MAX_MESSAGE_SIZE:
        raise MessageTooLargeError(
            f"declared length {length} exceeds the limit of {MAX_MESSAGE_SIZE}"
        )
    return recv_exactly(sock, length, max_chunk)


def demo_merged(payloads: list[bytes]) -> None:
    print("1) Three sendall() calls, then one recv(1024):")
    total = sum(map(len, payloads))
    with tcp_connection() as (sender, receiver):
        for payload in payloads:
            sender.sendall(payload)
        wait_until_buffered(receiver, total)
        data = receiver.recv(1024)
    print(f"   sent:     {payloads}")
    print(f"   received: {data!r}")
    print(f"   one recv returned all {total} bytes: {len(data) == total}")


def demo_partial(payloads: list[bytes]) -> None:
    print("2) The same three messages, read with recv(8):")
    with tcp_connection() as (sender, receiver):
        for payload in payloads:
            sender.sendall(payload)
        sender.shutdown(socket.SHUT_WR)  # we are done sending: EOF follows
        wait_until_buffered(receiver, sum(map(len, payloads)))
        chunks = list(iter(lambda: receiver.recv(8), b""))
    for number, chunk in enumerate(chunks, start=1):
        print(f"   chunk {number}: {chunk!r}")
    try:
        chunks[1].decode("utf-8")
        decodes = True
    except UnicodeDecodeError:
        decodes = False
    print(f"   chunk 2 decodes as UTF-8 on its own: {decodes}")


def demo_framed(texts: list[str]) -> None:
    print("3) Length-prefixed frames, read at most 3 bytes per recv():")
    last = texts[-1].encode("utf-8")
    frame = HEADER.pack(len(last)) + last
    print(f"   frame for {texts[-1]!r}: {frame!r}")
    print(f"   {len(texts[-1])} characters, {len(last)} bytes of payload")
    with tcp_connection() as (sender, receiver):
        for text in texts:
            send_message(sender, text.encode("utf-8"))
        sender.shutdown(socket.SHUT_WR)
        received = []
        # Tiny reads split even the 4-byte header; the framing does not care.
        while (payload := recv_message(receiver, max_chunk=3)) is not None:
            received.append(payload.decode("utf-8"))
    print(f"   received: {received}")
    print(f"   same messages as sent: {received == texts}")


def demo_errors() -> None:
    print("4) Broken input is reported, not silently misread:")
    cases = {
        "truncated frame": HEADER.pack(10) + b"abc",
        "hostile length": HEADER.pack(0xFFFFFFFF),
    }
    for name, raw in cases.items():
        with tcp_connection() as (sender, receiver):
            sender.sendall(raw)
            sender.shutdown(socket.SHUT_WR)
            try:
                recv_message(receiver)
            except (IncompleteMessageError, MessageTooLargeError) as exc:
                print(f"   {name}: {type(exc).__name__}: {exc}")


def main() -> None:
    payloads = [text.encode("utf-8") for text in MESSAGES]
    demo_merged(payloads)
    demo_partial(payloads)
    demo_framed(MESSAGES)
    demo_errors()


if __name__ == "__main__":
    main()
