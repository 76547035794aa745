"""What is HAProxy? A Python model of its health checks: NOT HAProxy itself.

On 127.0.0.1, s1 and s2 are healthy, s3 accepts connections but answers 503,
s4 refuses connections. Checks run in rounds (not seconds, for deterministic
output): layer 4 only connects, layer 7 ("option httpchk") wants 2xx or 3xx.

Run it with: python snippets/architecture/haproxy.py
"""

import asyncio
import socket
from dataclasses import dataclass
from functools import partial

TIMEOUT = 5.0  # seconds; every read gives up after this
HOST = "127.0.0.1"
RISE, FALL = 2, 3  # consecutive successes to go UP, failures to go DOWN
STATUS = {"s1": 200, "s2": 200, "s3": 503}  # what each live backend answers


@dataclass
class Server:
    name: str
    port: int
    up: bool = True  # starts steadily UP, like init-state fully-up
    streak: int = 0  # consecutive results that contradict the current state

    def record(self, ok: bool) -> None:
        # Hysteresis: one odd result does not flip the state.
        self.streak = 0 if ok == self.up else self.streak + 1
        if self.streak == (RISE if ok else FALL):
            self.up, self.streak = ok, 0


async def backend(
    name: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT)
        writer.write(f"HTTP/1.1 {STATUS[name]} X\r\n\r\n".encode())
    except asyncio.IncompleteReadError:
        pass  # a layer-4 check: the client connected and closed
    writer.close()
    await writer.wait_closed()


async def request(port: int, path: str = "") -> int:
    """GET path and return the status; with no path, only connect (layer 4)."""
    reader, writer = await asyncio.open_connection(HOST, port)
    status = 0
    if path:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: demo\r\n\r\n".encode())
        status = int((await asyncio.wait_for(reader.read(), TIMEOUT)).split()[1])
    writer.close()
    await writer.wait_closed()
    return status


async def healthy(server: Server, layer: int) -> bool:
    try:
        status = await request(server.port, "/health" if layer == 7 else "")
    except ConnectionRefusedError:
        return False
    return layer == 4 or 200 <= status < 400


async def check_round(farm: list[Server], layer: int) -> str:
    for server in farm:  # HAProxy spreads checks over time; order is enough here
        server.record(await healthy(server, layer))
    return " ".join(f"{'UP' if s.up else 'DOWN':<4}" for s in farm)


async def round_robin(farm: list[Server], count: int) -> str:
    up = [server for server in farm if server.up]
    picked = [up[i % len(up)] for i in range(count)]
    return " ".join([f"{s.name}:{await request(s.port, '/')}" for s in picked])


async def main() -> None:
    # -X dev logs every asyncio step slower than 0.1 s: noise on a busy machine.
    asyncio.get_running_loop().slow_callback_duration = 10.0
    live = [await asyncio.start_server(partial(backend, n), HOST, 0) for n in STATUS]
    with socket.socket() as dead:  # bound, never listening: connect() is refused
        dead.bind((HOST, 0))
        ports = [s.sockets[0].getsockname()[1] for s in live]
        ports.append(dead.getsockname()[1])
        l4, l7 = ([Server(f"s{i}", p) for i, p in enumerate(ports, 1)] for _ in "ab")
        print(f"1) Check rounds (rise {RISE}, fall {FALL}); s3 says 503, s4 refuses:")
        print("   round  L4: TCP connect        L7: GET /health")
        print("          s1   s2   s3   s4      s1   s2   s3   s4")
        for n in 1, 2, 3:
            row4, row7 = await check_round(l4, 4), await check_round(l7, 7)
            print(f"   {n}      {row4}    {row7}".rstrip())

        print("2) balance roundrobin over the UP servers, 6 requests:")
        print("   with L4 checks:", await round_robin(l4, 6))
        print("   with L7 checks:", await round_robin(l7, 6))

        print(f"3) s3 is repaired; it needs {RISE} good L7 checks in a row:")
        STATUS["s3"] = 200
        for n in 4, 5:
            await check_round(l7, 7)
            print(f"   round {n}: s3 {'UP' if l7[2].up else 'DOWN'}")
    for server in live:
        server.close()
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
