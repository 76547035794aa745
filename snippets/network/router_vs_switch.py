"""Router vs switch: what each one looks at to forward.

A model, not a real device: a switch that learns MAC addresses per VLAN (IEEE
802.1Q bridging) and a router that does longest-prefix match and TTL (RFC 1812).

Run it with: python snippets/network/router_vs_switch.py
"""

from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, ip_address, ip_network

BROADCAST = "ff:ff:ff:ff:ff:ff"  # never a source, so never learned: always flooded


class LearningSwitch:
    def __init__(self, port_vlans: dict[int, int]) -> None:
        self.port_vlans = port_vlans  # access ports: one VLAN per port
        self.fdb: dict[tuple[int, str], int] = {}  # (VLAN, MAC) -> port

    def receive(self, port: int, src: str, dst: str) -> str:
        vlan = self.port_vlans[port]
        self.fdb[vlan, src] = port  # learn the sender, or move it to this port
        out = self.fdb.get((vlan, dst))
        if out is not None:  # known unicast: exactly one port
            return f"forward to port {out}" if out != port else "filter (same port)"
        # Broadcast and unknown unicast go out of every other port in the VLAN.
        ports = [p for p, v in self.port_vlans.items() if v == vlan and p != port]
        return f"flood to ports {ports}"


@dataclass(frozen=True)
class Route:
    prefix: IPv4Network
    via: IPv4Address | None  # None: directly connected network
    dev: str
    metric: int = 0


def lookup(table: list[Route], dst: IPv4Address) -> Route | None:
    """Longest prefix wins; among routes for the same prefix, the lowest metric."""
    matches = [r for r in table if dst in r.prefix]
    return min(matches, key=lambda r: (-r.prefix.prefixlen, r.metric), default=None)


def forward(table: list[Route], dst: IPv4Address, ttl: int) -> str:
    route = lookup(table, dst)
    if route is None:
        return "no route: drop, ICMP Destination Unreachable"
    if ttl <= 1:  # the decremented TTL would be 0: drop instead of forwarding
        return "TTL expires here: drop, ICMP Time Exceeded"
    hop = route.via or dst  # on a connected network the next hop is dst itself
    return f"{route.prefix} -> ARP for {hop} on {route.dev}, TTL now {ttl - 1}"


def main() -> None:
    print("1) Learning switch: ports 1-3 in VLAN 10, ports 4-5 in VLAN 20")
    switch = LearningSwitch({1: 10, 2: 10, 3: 10, 4: 20, 5: 20})
    # Short names stand in for 48-bit MAC addresses.
    frames = [
        (1, "A", "B"),
        (2, "B", "A"),
        (1, "A", "B"),
        (1, "A", BROADCAST),
        (4, "D", "A"),  # same switch, other VLAN: A is unknown there
        (3, "A", "B"),  # A has moved to port 3
    ]
    for port, src, dst in frames:
        print(f"   in port {port}: {src} -> {dst:<17} {switch.receive(port, src, dst)}")
    table = ", ".join(f"{m}@{p} (VLAN {v})" for (v, m), p in switch.fdb.items())
    print(f"   MAC table: {table}")

    print("2) Router: longest-prefix match, then TTL")
    routes = [
        Route(ip_network("0.0.0.0/0"), ip_address("203.0.113.1"), "wan"),
        Route(ip_network("10.0.0.0/8"), ip_address("10.255.0.1"), "core"),
        Route(ip_network("10.1.0.0/16"), ip_address("10.255.0.2"), "core", 20),
        Route(ip_network("10.1.0.0/16"), ip_address("10.255.0.3"), "core", 10),
        Route(ip_network("10.1.2.0/24"), None, "lan"),
    ]
    for dst, ttl in [
        ("10.1.2.7", 64),
        ("10.1.9.9", 64),
        ("10.200.0.1", 64),
        ("198.51.100.7", 64),
        ("10.1.9.9", 1),
    ]:
        print(f"   {dst:<12} TTL {ttl:<2}  {forward(routes, ip_address(dst), ttl)}")


if __name__ == "__main__":
    main()
