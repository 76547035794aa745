"""Why is TCP more reliable than UDP? A seeded lossy-channel model.

A model, not real TCP: twenty segments cross a channel that loses each
packet, data or ACK, with the same probability. One round is one round-trip
time, and a loss is noticed after one round. Four senders are compared:
fire-and-forget (all that UDP does), stop-and-wait, Go-Back-N (a window and
cumulative ACKs) and selective repeat (the same plus SACK-like reports).

Run it with: python snippets/network/tcp_reliability.py
"""

import random
from dataclasses import dataclass

SEGMENTS = 20
LOSS = 0.2  # probability that any one packet, data or ACK, is lost
WINDOW = 8
SEED = 2


@dataclass
class Result:
    rounds: int = 0
    sent: int = 0  # data packets put on the wire, retransmissions included
    discarded: int = 0  # arrivals the receiver threw away
    delivered: tuple[int, ...] = ()  # what the application read, in order


def fire_and_forget(rng: random.Random) -> Result:
    """Send every segment once; nobody notices what the channel loses."""
    arrived = tuple(s for s in range(SEGMENTS) if rng.random() >= LOSS)
    return Result(rounds=1, sent=SEGMENTS, delivered=arrived)


def sliding_window(rng: random.Random, window: int, selective: bool) -> Result:
    """Keep up to `window` unacknowledged segments in flight (1 = stop-and-wait).

    Each arrival is answered with a cumulative ACK (the next number expected).
    Go-Back-N drops out-of-order segments and resends the whole window;
    selective repeat buffers and reports them, so only gaps are resent.
    """
    result = Result()
    base = expected = 0  # like SND.UNA at the sender and RCV.NXT at the receiver
    buffered: set[int] = set()  # out-of-order segments held by the receiver
    reported: set[int] = set()  # segments the sender knows arrived (SACK)
    delivered: list[int] = []
    while base < SEGMENTS:
        result.rounds += 1
        acks = []
        for seq in range(base, min(base + window, SEGMENTS)):
            if selective and seq in reported:
                continue  # SACK said it arrived: do not send it again
            result.sent += 1
            if rng.random() < LOSS:
                continue  # data segment lost
            if seq < expected or seq in buffered:
                result.discarded += 1  # a duplicate, spotted by its number
            elif seq == expected or selective:
                buffered.add(seq)
                while expected in buffered:  # hand in-order data upwards
                    buffered.remove(expected)
                    delivered.append(expected)
                    expected += 1
            else:
                result.discarded += 1  # Go-Back-N drops out-of-order data
            acks.append((expected, frozenset(buffered)))
        for ack, sacked in acks:
            if rng.random() >= LOSS:  # a lost ACK is covered by a later one
                base = max(base, ack)
                reported |= sacked
    result.delivered = tuple(delivered)
    return result


def report(name: str, r: Result) -> None:
    complete = r.delivered == tuple(range(SEGMENTS))
    print(f"{name:<27}{r.rounds:>6}{r.sent:>6}{r.discarded:>11}", end="  ")
    print(f"{complete} ({len(r.delivered)}/{SEGMENTS})")


def main() -> None:
    print(f"{SEGMENTS} segments, {LOSS:.0%} loss each way, seed {SEED}")
    print(f"{'strategy':<27}rounds  sent  discarded  complete")
    # Every sender starts from the same seed.
    report("fire-and-forget (UDP)", fire_and_forget(random.Random(SEED)))
    for name, window, selective in [
        ("stop-and-wait", 1, False),
        (f"Go-Back-N, window {WINDOW}", WINDOW, False),
        (f"selective repeat, window {WINDOW}", WINDOW, True),
    ]:
        report(name, sliding_window(random.Random(SEED), window, selective))


if __name__ == "__main__":
    main()
