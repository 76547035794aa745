"""What is load balancing? How many keys move when a node joins.

A Python model, not nginx's or HAProxy's code: 10,000 keys on four nodes,
then a fifth joins and one leaves. Keys are placed by hash % N or on a
consistent-hash ring with 1 or 160 points per node (nginx's ketama places
160 per unit of weight). hashlib, because str hash() changes every run.

Run it with: python snippets/architecture/load_balancing.py
"""

import bisect
import hashlib
from collections import Counter

KEYS = [f"user:{number}" for number in range(10_000)]
NODES = ["node-1", "node-2", "node-3", "node-4"]


def h32(text: str) -> int:
    """A stable 32-bit hash: the first four bytes of SHA-256."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")


class HashRing:
    """Node points and keys hashed onto one circle of 2**32 positions."""

    def __init__(self, nodes: list[str], points_per_node: int) -> None:
        self.points = sorted(
            (h32(f"{node}#{i}"), node) for node in nodes for i in range(points_per_node)
        )
        self.points_per_node = points_per_node

    def add(self, node: str) -> None:
        new = [(h32(f"{node}#{i}"), node) for i in range(self.points_per_node)]
        self.points = sorted(self.points + new)

    def remove(self, node: str) -> None:
        self.points = [point for point in self.points if point[1] != node]

    def assign(self) -> dict[str, str]:
        """Each key belongs to the first node point clockwise from it."""
        positions = [position for position, _ in self.points]
        owners = {}
        for key in KEYS:
            index = bisect.bisect(positions, h32(key)) % len(positions)  # wrap
            owners[key] = self.points[index][1]
        return owners


def modulo(nodes: list[str]) -> dict[str, str]:
    return {key: nodes[h32(key) % len(nodes)] for key in KEYS}


def report(title: str, before: dict[str, str], after: dict[str, str]) -> None:
    """Print how many keys changed node, between which nodes, and the spread."""
    moved = [key for key in KEYS if before[key] != after[key]]
    load = Counter(after.values())
    print(title)
    print(f"   keys moved: {len(moved)} of {len(KEYS)} ({len(moved) / len(KEYS):.1%})")
    print(f"   from {', '.join(sorted({before[key] for key in moved}))}")
    print(f"   to   {', '.join(sorted({after[key] for key in moved}))}")
    print(f"   keys per node now: min {min(load.values())}, max {max(load.values())}")


def main() -> None:
    print("A 5th node should take over 1/5 of the keys: 20%")
    report("1) hash % N, node-5 joins:", modulo(NODES), modulo([*NODES, "node-5"]))

    for number, points in ((2, 1), (3, 160)):
        ring = HashRing(NODES, points)
        before = ring.assign()
        ring.add("node-5")
        title = f"{number}) ring, {points} point(s) per node, node-5 joins:"
        report(title, before, ring.assign())

    before = ring.assign()
    ring.remove("node-2")  # a failed server: only its keys should move
    report("4) same ring, node-2 leaves:", before, ring.assign())


if __name__ == "__main__":
    main()
