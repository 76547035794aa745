"""What are a LAN and a WAN? Where the boundary is, seen from IP addresses.

1. Classifies addresses by the block they belong to (RFC 1918, RFC 6598,
   RFC 4193, ...) next to ipaddress's is_private and is_global.
2. Makes a host's local/remote decision (RFC 1122 section 3.3.1.1): same
   subnet means deliver on the LAN, anything else goes to the default gateway.
3. Plays the NAPT at the LAN/WAN boundary (RFC 3022 section 2.2): many private
   (address, port) pairs share one public address.

Nothing is sent and no socket is opened.
Run it with: python snippets/network/lan_vs_wan.py
"""

import ipaddress
from ipaddress import ip_address, ip_network

# The special-purpose blocks this page talks about (IANA registries).
BLOCKS = {
    ip_network("10.0.0.0/8"): "RFC 1918 private",
    ip_network("172.16.0.0/12"): "RFC 1918 private",
    ip_network("192.168.0.0/16"): "RFC 1918 private",
    ip_network("100.64.0.0/10"): "RFC 6598 shared (CGN)",
    ip_network("169.254.0.0/16"): "RFC 3927 link-local",
    ip_network("192.0.2.0/24"): "RFC 5737 documentation",
    ip_network("fc00::/7"): "RFC 4193 unique local",
    ip_network("fe80::/10"): "RFC 4291 link-local",
}
SAMPLES = [
    "192.168.1.23",
    "172.31.0.5",
    "172.32.0.5",  # just outside 172.16.0.0/12
    "100.64.0.1",
    "169.254.7.7",
    "192.0.2.10",
    "8.8.8.8",
    "fd12:3456:789a::1",
    "fe80::1",
    "2606:4700:4700::1111",
]


def block_of(address: str) -> str:
    addr = ip_address(address)
    for network, name in BLOCKS.items():
        if addr.version == network.version and addr in network:
            return name
    return "global unicast"


def next_hop(host: ipaddress.IPv4Interface, gateway: str, dest: str) -> str:
    """RFC 1122 3.3.1.1: compare the destination with our own network."""
    if ip_address(dest) in host.network:
        return f"on-link: ARP for {dest}, send directly"
    return f"off-link: send to gateway {gateway}"


class Napt:
    """Outbound flows get a public port; inbound packets need a mapping."""

    def __init__(self, public: str, first_port: int) -> None:
        self.public = public
        self.next_port = first_port
        self.out: dict[tuple[str, int], int] = {}
        self.back: dict[int, tuple[str, int]] = {}

    def outbound(self, inside: tuple[str, int]) -> tuple[str, int]:
        if inside not in self.out:  # a new flow: allocate a public port
            self.out[inside] = self.next_port
            self.back[self.next_port] = inside
            self.next_port += 1
        return self.public, self.out[inside]

    def inbound(self, port: int) -> tuple[str, int] | None:
        return self.back.get(port)  # no mapping, nowhere to deliver: drop


def main() -> None:
    print("1) Address blocks, and what ipaddress says:")
    for text in SAMPLES:
        addr = ip_address(text)
        flags = f"is_private={addr.is_private!s:5} is_global={addr.is_global}"
        print(f"   {text:<21} {block_of(text):<23} {flags}")

    host = ipaddress.ip_interface("192.168.1.23/24")
    print(f"2) Host {host} (network {host.network}), gateway 192.168.1.1:")
    for dest in ["192.168.1.40", "192.168.2.7", "8.8.8.8"]:
        print(f"   to {dest:<13} {next_hop(host, '192.168.1.1', dest)}")

    print("3) NAPT with one public address, 203.0.113.5:")
    nat = Napt("203.0.113.5", 61000)  # a documentation address stands in
    for inside in [("192.168.1.23", 50000), ("192.168.1.40", 50000)]:
        public = nat.outbound(inside)
        print(f"   out {inside[0]}:{inside[1]} -> leaves as {public[0]}:{public[1]}")
    for port in [61001, 61007]:
        target = nat.inbound(port)
        result = f"{target[0]}:{target[1]}" if target else "dropped, no mapping"
        print(f"   in  to 203.0.113.5:{port} -> {result}")


if __name__ == "__main__":
    main()
