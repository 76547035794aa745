"""What is Nginx? A Python model of its reverse proxy: NOT Nginx itself.

One asyncio event loop on 127.0.0.1, like one Nginx worker, models smooth
weighted round-robin and passive health checks (max_fails=1: a refused
connection marks the server failed for fail_timeout; proxy_next_upstream
error: the request goes to the next server).

Run it with: python snippets/architecture/nginx.py
"""

import asyncio
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

TIMEOUT = 5.0  # seconds; every read gives up after this
FAIL_TIMEOUT = 10.0  # seconds a failed server is skipped
HOST = "127.0.0.1"
Reader, Writer = asyncio.StreamReader, asyncio.StreamWriter
Handler = Callable[[Reader, Writer], Awaitable[None]]


@dataclass
class Peer:
    name: str
    port: int
    weight: int
    current: int = 0  # current_weight in ngx_http_upstream_round_robin.c
    failed_at: float = float("-inf")  # never failed


def pick(peers: list[Peer], tried: list[str], now: float) -> Peer | None:
    usable = [
        p for p in peers if p.name not in tried and now - p.failed_at > FAIL_TIMEOUT
    ]
    for peer in usable:
        peer.current += peer.weight  # every candidate gains its weight...
    best = max(usable, key=lambda peer: peer.current, default=None)
    if best:
        best.current -= sum(peer.weight for peer in usable)  # ...the winner pays
    return best


async def close(writer: Writer) -> None:
    writer.close()
    await writer.wait_closed()


class Proxy:
    def __init__(self, peers: list[Peer]) -> None:
        self.peers, self.log = peers, []

    async def handle(self, reader: Reader, writer: Writer) -> None:
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT)
            writer.write(await self.forward(request))
        finally:
            await close(writer)

    async def forward(self, request: bytes) -> bytes:
        loop, tried = asyncio.get_running_loop(), []
        while peer := pick(self.peers, tried, loop.time()):
            tried.append(peer.name)
            try:
                up_reader, up_writer = await asyncio.open_connection(HOST, peer.port)
            except ConnectionRefusedError:
                peer.failed_at = loop.time()  # max_fails=1: one failure is enough
                continue  # proxy_next_upstream error: try the next server
            up_writer.write(request)
            response = await asyncio.wait_for(up_reader.read(), TIMEOUT)  # to EOF
            await close(up_writer)
            self.log.append("!".join(tried))  # "b!a": b refused, a answered
            return response
        return b"HTTP/1.1 502 Bad Gateway\r\n\r\n"


def backend(name: str) -> Handler:
    async def handle(reader: Reader, writer: Writer) -> None:
        await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + name.encode())
        await close(writer)  # the proxy reads until EOF

    return handle


async def get(port: int) -> tuple[int, str]:
    reader, writer = await asyncio.open_connection(HOST, port)
    writer.write(b"GET / HTTP/1.1\r\nHost: demo\r\n\r\n")
    response = await asyncio.wait_for(reader.read(), TIMEOUT)
    await close(writer)
    return int(response.split()[1]), response.split(b"\r\n\r\n")[1].decode()


async def serve(handler: Handler) -> tuple[asyncio.Server, int]:
    server = await asyncio.start_server(handler, HOST, 0)  # port 0: the OS picks
    return server, server.sockets[0].getsockname()[1]


async def main() -> None:
    # -X dev logs every asyncio step slower than 0.1 s: noise on a busy machine.
    asyncio.get_running_loop().slow_callback_duration = 10.0
    (a, a_port), (b, b_port) = [await serve(backend(name)) for name in "ab"]
    with socket.socket() as dead:  # bound, never listening: connect() is refused
        dead.bind((HOST, 0))
        async with a, b:
            print("1) Weighted round-robin, a weight=2, b weight=1:")
            proxy = Proxy([Peer("a", a_port, 2), Peer("b", b_port, 1)])
            front, port = await serve(proxy.handle)
            async with front:
                served = [(await get(port))[1] for _ in range(6)]
            print("   six requests served by:", " ".join(served))

            print("2) Server b is down (its port refuses connections):")
            proxy = Proxy([Peer("a", a_port, 2), Peer("b", dead.getsockname()[1], 1)])
            front, port = await serve(proxy.handle)
            async with front:
                print("   status codes:", [(await get(port))[0] for _ in range(4)])
            print("   served by (b!a = b refused, then a):", " ".join(proxy.log))


if __name__ == "__main__":
    asyncio.run(main())
