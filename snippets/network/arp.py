"""What is ARP?

Packs and parses one ARP exchange (RFC 826) with struct: a broadcast request,
the unicast reply and a gratuitous ARP (an "ARP Announcement" in RFC 5227).
Toy hosts apply RFC 826's receive rule to their caches and print what changed.
Nothing is sent, so no root is needed.

Run it with: python snippets/network/arp.py
"""

import struct
from dataclasses import dataclass, field
from ipaddress import IPv4Address

ETHERNET = struct.Struct("!6s6sH")  # destination MAC, source MAC, EtherType
ARP = struct.Struct("!HHBBH6s4s6s4s")  # the 28-byte ARP body for Ethernet/IPv4
# EtherType 0x0806 (ARP), then htype 1 (Ethernet), ptype 0x0800 (IPv4), hlen, plen
FIXED = (0x0806, 1, 0x0800, 6, 4)
REQUEST, REPLY = 1, 2
BROADCAST, UNKNOWN = b"\xff" * 6, bytes(6)


@dataclass(frozen=True)
class Arp:
    op: int
    sha: bytes  # sender hardware address
    spa: IPv4Address  # sender protocol address
    tha: bytes  # target hardware address: empty in a request, it is the question
    tpa: IPv4Address  # target protocol address


@dataclass
class Host:
    name: str
    ip: IPv4Address
    mac: bytes
    cache: dict[IPv4Address, bytes] = field(default_factory=dict)

    def receive(self, p: Arp) -> Arp | None:
        """RFC 826 "Packet Reception"; return the reply to send, if any."""
        # Refresh an entry we already have, even if the packet is not for us;
        # add a new one only if we are the target (before looking at the op).
        if p.spa in self.cache or p.tpa == self.ip:
            self.cache[p.spa] = p.sha
        if p.tpa != self.ip or p.op != REQUEST:
            return None
        # Swap sender and target; our own addresses go in the sender fields.
        return Arp(REPLY, self.mac, self.ip, p.sha, p.spa)


def build(dst: bytes, p: Arp) -> bytes:
    ethertype, *fixed = FIXED
    header = ETHERNET.pack(dst, p.sha, ethertype)
    return header + ARP.pack(*fixed, p.op, p.sha, p.spa.packed, p.tha, p.tpa.packed)


def parse(frame: bytes) -> tuple[bytes, Arp]:
    dst, _src, ethertype = ETHERNET.unpack_from(frame)
    *fixed, op, sha, spa, tha, tpa = ARP.unpack_from(frame, ETHERNET.size)
    if (ethertype, *fixed) != FIXED:  # hlen and plen give the address sizes
        raise ValueError("not an Ethernet/IPv4 ARP frame")
    return dst, Arp(op, sha, IPv4Address(spa), tha, IPv4Address(tpa))


def transmit(title: str, frame: bytes, hosts: list[Host]) -> list[Arp]:
    """Print a frame field by field, then hand it to every host on the link."""
    dst, p = parse(frame)
    htype, ptype, hlen, plen, op = struct.unpack_from("!HHBBH", frame, ETHERNET.size)
    print(f"{title}: {len(frame)} bytes to {dst.hex(':')}")
    print(f"   htype={htype} ptype=0x{ptype:04x} hlen={hlen} plen={plen} oper={op}")
    print(f"   sender   {p.sha.hex(':')}  {p.spa}")
    print(f"   target   {p.tha.hex(':')}  {p.tpa}")
    replies = []
    for host in hosts:
        old = host.cache.get(p.spa)
        reply = host.receive(p)
        new = host.cache.get(p.spa)
        if new == old:
            news = "cache unchanged"
        elif old is None:
            news = f"adds {p.spa} = {new.hex(':')}"
        else:
            news = f"updates {p.spa}: {old.hex(':')} -> {new.hex(':')}"
        print(f"   -> {host.name}: {news}{', replies' if reply else ''}")
        replies += [reply] if reply else []
    return replies


def main() -> None:
    # 192.0.2.0/24 is reserved for documentation (RFC 5737); the MACs are made up.
    a = Host("A", IPv4Address("192.0.2.10"), bytes.fromhex("02000000000a"))
    c = Host("C", IPv4Address("192.0.2.30"), bytes.fromhex("02000000000c"))
    gw = Host("gateway", IPv4Address("192.0.2.1"), bytes.fromhex("020000000001"))

    # A sends to another subnet, so it resolves its gateway's address...
    request = Arp(REQUEST, a.mac, a.ip, UNKNOWN, gw.ip)
    (reply,) = transmit("1) request", build(BROADCAST, request), [c, gw])
    # ...and the reply comes back unicast, to A alone.
    transmit("2) reply", build(reply.tha, reply), [a])
    # Failover: another box takes over 192.0.2.1 and announces it (RFC 5227).
    garp = Arp(REQUEST, bytes.fromhex("020000000002"), gw.ip, UNKNOWN, gw.ip)
    transmit("3) gratuitous ARP", build(BROADCAST, garp), [a, c])


if __name__ == "__main__":
    main()
