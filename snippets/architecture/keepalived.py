"""What is Keepalived? Simulating the VRRP election that moves its VIP.

NOT Keepalived, and no packets are sent: a discrete-event simulation, on a
virtual clock, of the VRRP state machine of RFC 9568 for two
routers, A (priority 150) and B (priority 100).

Run it with: python snippets/architecture/keepalived.py
"""

import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass

ADVER_INT = 1.0  # seconds between adverts (advert_int 1)


def skew_time(priority: int) -> float:
    return (256 - priority) * ADVER_INT / 256  # higher priority, shorter wait


def down_interval(priority: int) -> float:
    return 3 * ADVER_INT + skew_time(priority)  # Active_Down_Interval in RFC 9568


@dataclass
class Router:
    name: str
    priority: int
    preempt: bool = True
    state: str = "DOWN"
    timer: int = 0  # bumped on every (re)arm, so stale timer events are ignored


class Simulation:
    def __init__(self, *routers: Router) -> None:
        self.routers = routers
        self.queue: list = []  # (time, sequence number, action, args)
        self.order = itertools.count()  # same time: first scheduled runs first
        self.now = 0.0
        self.blocked = False  # True: the adverts between the routers are lost

    def at(self, when: float, action: Callable, *args: object) -> None:
        heapq.heappush(self.queue, (when, next(self.order), action, args))

    def run(self, until: float) -> None:
        while self.queue and self.queue[0][0] <= until:
            self.now, _, action, args = heapq.heappop(self.queue)
            action(*args)

    def log(self, text: str) -> None:
        print(f"   t={self.now:6.3f}  {text}")

    def arm(self, r: Router, delay: float) -> None:
        r.timer += 1
        self.at(self.now + delay, self.expire, r, r.timer)

    def start(self, *routers: Router, preempt: bool = True) -> None:
        for r in routers:  # priority < 255: start as backup, wait for adverts
            r.state, r.preempt = "BACKUP", preempt
            self.arm(r, down_interval(r.priority))

    def crash(self, r: Router) -> None:
        r.state, r.timer = "DOWN", r.timer + 1  # silent: no advert at all

    def stop(self, r: Router) -> None:
        self.advertise(r, priority=0)  # "I am leaving": backups wait only skew
        self.crash(r)

    def advertise(self, r: Router, priority: int | None = None) -> None:
        if priority is None:
            priority = r.priority
            self.arm(r, ADVER_INT)
        for other in self.routers:
            if other is not r and other.state != "DOWN" and not self.blocked:
                self.receive(other, priority)

    def expire(self, r: Router, timer: int) -> None:
        if timer != r.timer:
            return
        if r.state == "BACKUP":  # no advert for down_interval: take over
            r.state = "MASTER"
            self.log(f"{r.name} -> MASTER: adds the VIP, sends gratuitous ARP")
        self.advertise(r)

    def receive(self, r: Router, priority: int) -> None:
        if r.state == "BACKUP":
            if priority == 0:
                self.arm(r, skew_time(r.priority))
            elif not r.preempt or priority >= r.priority:
                self.arm(r, down_interval(r.priority))
            # else: ignore it; our timer runs out and we preempt
        elif priority > r.priority:
            r.state = "BACKUP"
            self.log(f"{r.name} -> BACKUP: heard priority {priority}, drops the VIP")
            self.arm(r, down_interval(r.priority))
        elif priority < r.priority:
            self.advertise(r)  # RFC 9568: reassert at once against a lower one
        # equal priority: the RFC compares primary IP addresses; not modelled here

    def block(self, blocked: bool) -> None:
        self.blocked = blocked

    def report(self) -> None:
        holders = [r.name for r in self.routers if r.state == "MASTER"]
        self.log(f"VIP held by {holders}")


def main() -> None:
    a, b = Router("A", 150), Router("B", 100)
    sim = Simulation(a, b)
    waits = ", ".join(f"{r.name} {down_interval(r.priority):.3f} s" for r in (a, b))
    print(f"how long a backup waits without adverts: {waits}")
    steps: list[tuple[float, str, Callable]] = [
        (0, "A and B start as BACKUP", lambda: sim.start(a, b)),
        (10, "A crashes", lambda: sim.crash(a)),
        (20, "A restarts", lambda: sim.start(a)),
        (30, "A stops cleanly (advert with priority 0)", lambda: sim.stop(a)),
        (40, "A restarts with nopreempt", lambda: sim.start(a, preempt=False)),
        (50, "adverts between A and B are lost", lambda: sim.block(True)),
        (55, "", sim.report),
        (60, "the link is back", lambda: sim.block(False)),
    ]
    for when, text, action in steps:
        if text:
            sim.at(when, sim.log, text)
        sim.at(when, action)
    sim.run(until=70)


if __name__ == "__main__":
    main()
