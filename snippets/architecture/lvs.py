"""What is LVS? How IPVS schedulers choose a real server.

LVS balances connections inside the Linux kernel (IPVS). This program does
NOT touch IPVS: it models in Python the rules of three IPVS schedulers, as
the kernel sources in net/netfilter/ipvs/ write them: how wlc (ip_vs_wlc.c)
weighs connections, and what sh (ip_vs_sh.c) and mh (ip_vs_mh.c, Maglev) do
to clients when a real server leaves.

Run it with: python snippets/architecture/lvs.py
"""

import hashlib
from dataclasses import dataclass
from ipaddress import IPv4Address


@dataclass
class Server:
    name: str
    weight: int = 1
    active: int = 0  # ESTABLISHED connections
    inactive: int = 0  # connections in any other state


def load(s: Server) -> int:
    # ip_vs_dest_conn_overhead(): one active connection counts as 256 inactive.
    return s.active * 256 + s.inactive


def wlc(servers: list[Server]) -> Server:
    """Least load/weight; weight 0 (quiesced) takes no new connections."""
    best, *rest = [s for s in servers if s.weight > 0]
    for s in rest:
        # No floats in the kernel: a/b > c/d is tested as a*d > c*b.
        if load(best) * s.weight > load(s) * best.weight:
            best = s
    return best


def sh_table(names: list[str]) -> list[str]:
    # ip_vs_sh_reassign() tiles the servers over 256 buckets, in list order.
    return [names[bucket % len(names)] for bucket in range(256)]


def sh_pick(table: list[str], client: IPv4Address) -> str:
    # hash_32(addr, 8): times the 32-bit golden ratio, keep the top 8 bits.
    return table[(int(client) * 0x61C88647 & 0xFFFFFFFF) >> 24]


def h(text: str) -> int:
    # The kernel uses hsiphash with fixed keys; any stable hash will do here.
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def mh_table(names: list[str], size: int = 251) -> list[str]:
    """Maglev: servers take turns to claim their next preferred free slot."""
    prefs = {n: (h("offset" + n) % size, h("skip" + n) % (size - 1) + 1) for n in names}
    tried = dict.fromkeys(names, 0)
    table: dict[int, str] = {}
    while len(table) < size:
        for n in names[: size - len(table)]:  # stop as soon as the table is full
            offset, skip = prefs[n]
            while (slot := (offset + tried[n] * skip) % size) in table:
                tried[n] += 1
            table[slot] = n
    return [table[slot] for slot in range(size)]


def mh_pick(table: list[str], client: IPv4Address) -> str:
    return table[h(str(client)) % len(table)]


def main() -> None:
    print("1) wlc picks the lowest (active*256 + inactive) / weight:")
    busy = [Server("A", 3, 10, 50), Server("B", 1, 3, 0), Server("C", 0)]
    for s in busy:
        ratio = f"{load(s)}/{s.weight} = {load(s) // s.weight}" if s.weight else "-"
        print(f"   {s.name}: active={s.active:<2} inactive={s.inactive:<2} {ratio}")
    print(f"   chosen: {wlc(busy).name} (C has weight 0 and is skipped)")

    names = ["rs1", "rs2", "rs3", "rs4"]
    clients = [IPv4Address("10.1.0.1") + i for i in range(1000)]
    print("2) rs3 leaves a pool of 4; where do 1000 client addresses go?")
    for label, build, pick in [("sh", sh_table, sh_pick), ("mh", mh_table, mh_pick)]:
        before, after = build(names), build([n for n in names if n != "rs3"])
        moved = [c for c in clients if pick(before, c) != pick(after, c)]
        forced = sum(pick(before, c) == "rs3" for c in moved)
        print(f"   {label}: {len(moved)} move, {forced} of them were on rs3;", end=" ")
        print(f"{len(moved) - forced} moved although their server is up")


if __name__ == "__main__":
    main()
