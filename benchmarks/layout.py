"""Layout + validation time for generated agendas of 1k, 10k and 100k slots,
beside the bare standard-library loop doing the same arithmetic.

Run: .venv/bin/python benchmarks/layout.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import agenda
from agenda import Item, Meeting


def generated(slots: int) -> Meeting:
    """A conference programme: blocks of 4 equal-split talks, plus plain sessions."""
    items: list[Item] = []
    count = 0
    k = 0
    while count < slots:
        k += 1
        if k % 2:
            items.append(Item(f"session {k}", minutes=20, id=f"s{k}", items=[
                Item(f"talk {k}.{j}", id=f"t{k}.{j}") for j in range(4)]))
            count += 5
        else:
            items.append(Item(f"break {k}", minutes=15, id=f"b{k}"))
            count += 1
    return Meeting("programme", dt.date(2024, 3, 13), dt.time(9), "America/New_York", items)


def bare_loop(meeting: Meeting) -> tuple[list[int], list[int]]:
    """The same arithmetic with nothing else: a cursor over integer UTC seconds."""
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for item in meeting.items:
        starts.append(cursor)
        if item.items:
            each = (item.minutes or 0) * 60 // len(item.items)
            inner = cursor
            for _child in item.items:
                starts.append(inner)
                inner += each
                ends.append(inner)
        cursor += (item.minutes or 0) * 60
        ends.append(cursor)
    return starts, ends


def best_of(repeat: int, func: object, arg: Meeting) -> float:
    best = float("inf")
    for _ in range(repeat):
        begin = time.perf_counter()
        func(arg)  # type: ignore[operator]
        best = min(best, time.perf_counter() - begin)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'slots':>8} | {'layout+validate':>16} | {'bare loop':>10} | {'ratio':>6} | µs/slot")
    print(f"{'-' * 8}-+-{'-' * 16}-+-{'-' * 10}-+-{'-' * 6}-+--------")
    for slots in (1_000, 10_000, 100_000):
        meeting = generated(slots)
        n = len(agenda.layout(meeting))
        ours = best_of(args.repeat, agenda.layout, meeting)
        bare = best_of(args.repeat, bare_loop, meeting)
        print(f"{n:>8} | {ours:>14.4f} s | {bare:>8.4f} s | {ours / bare:>6.1f} | "
              f"{ours / n * 1e6:.2f}")


if __name__ == "__main__":
    main()
