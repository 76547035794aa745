"""What is a firewall? A first-match rule engine, then DROP vs REJECT as a
client sees them.

1. A model of a stateful packet filter with a default-deny policy.
2. A real connect() to a closed port on 127.0.0.1: refused at once (RST).
3. Linux only: a SYN that gets no answer at all, so connect() times out.
   No firewall is touched: Linux drops SYNs to a listener whose accept
   queue is full, and the client sees the same silence as behind DROP.

Run it with: python snippets/network/firewall.py
"""

import errno
import ipaddress
import socket
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass

HOST = "192.0.2.10"  # addresses reserved for documentation (RFC 5737)


@dataclass(frozen=True)
class Packet:
    src: str
    sport: int
    dst: str
    dport: int


@dataclass(frozen=True)
class Rule:
    verdict: str  # "accept", "drop" or "reject"
    src: str = "0.0.0.0/0"
    dport: int | None = None
    established: bool = False  # match only replies on tracked connections

    def matches(self, p: Packet, tracked: bool) -> bool:
        if self.established and not tracked:
            return False
        if ipaddress.ip_address(p.src) not in ipaddress.ip_network(self.src):
            return False
        return self.dport is None or p.dport == self.dport


RULES = [
    Rule("accept", established=True),  # replies to connections we opened
    Rule("accept", src="198.51.100.0/24", dport=22),  # SSH from admins only
    Rule("accept", dport=443),  # HTTPS from anywhere
    Rule("reject", dport=23),  # Telnet: refuse loudly rather than hang
]
POLICY = "drop"  # default deny: whatever no rule allows


class Firewall:
    def __init__(self) -> None:
        # (remote addr, remote port, local addr, local port) of replies we expect
        self.conntrack: set[tuple[str, int, str, int]] = set()

    def outgoing(self, p: Packet) -> None:
        self.conntrack.add((p.dst, p.dport, p.src, p.sport))

    def incoming(self, p: Packet) -> str:
        tracked = (p.src, p.sport, p.dst, p.dport) in self.conntrack
        for number, rule in enumerate(RULES, start=1):
            if rule.matches(p, tracked):  # first match wins
                return f"{rule.verdict} (rule {number})"
        return f"{POLICY} (policy)"


def demo_rules() -> None:
    print("1) Inbound packets against the rule list:")
    fw = Firewall()
    fw.outgoing(Packet(HOST, 40000, "203.0.113.80", 443))  # we open HTTPS out
    for p in [
        Packet("198.51.100.7", 50000, HOST, 22),
        Packet("203.0.113.9", 50001, HOST, 22),
        Packet("203.0.113.9", 50002, HOST, 443),
        Packet("203.0.113.9", 50003, HOST, 23),
        Packet("203.0.113.9", 50004, HOST, 3306),
        Packet("203.0.113.80", 443, HOST, 40000),  # the reply we expect
        Packet("203.0.113.66", 443, HOST, 40000),  # same port, not our peer
    ]:
        source = f"{p.src}:{p.sport}"
        print(f"   {source:<19} -> port {p.dport:<5}  {fw.incoming(p)}")


def demo_refused() -> None:
    print("2) connect() to a closed port on 127.0.0.1:")
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))  # reserve a port but never listen() on it
        start = time.monotonic()
        try:
            socket.create_connection(holder.getsockname(), timeout=2).close()
        except ConnectionRefusedError as exc:
            print(f"   {type(exc).__name__}, errno {errno.errorcode[exc.errno]}")
            fast = time.monotonic() - start < 1
            print(f"   answered well before the 2 s timeout: {fast}")


def demo_silence() -> None:
    print("3) connect() when the SYN gets no answer:")
    if not sys.platform.startswith("linux"):
        print("   skipped: this part needs Linux")
        return
    with (
        socket.create_server(("127.0.0.1", 0), backlog=1) as server,
        ExitStack() as clients,
    ):
        address = server.getsockname()
        # Nobody calls accept(). Linux queues backlog + 1 = 2 finished
        # connections, then drops further SYNs without a reply: no firewall
        # here, but the client sees what a DROP rule would show it.
        for n in range(1, 6):
            try:
                clients.enter_context(socket.create_connection(address, timeout=0.5))
            except TimeoutError as exc:
                print(f"   connection {n}: {type(exc).__name__} ({exc}) after 0.5 s")
                break
            print(f"   connection {n}: established, waits in the accept queue")


def main() -> None:
    demo_rules()
    demo_refused()
    demo_silence()


if __name__ == "__main__":
    main()
