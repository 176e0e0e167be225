"""Parse time for generated written agendas of 100, 1,000 and 10,000 rows in each
shape (free text, Markdown, CSV, the printed text table), and for one long line.

Run: .venv/bin/python benchmarks/parse.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable

import agenda
from agenda import Item, Meeting

DAY = dt.date(2024, 3, 13)


def meeting(rows: int) -> Meeting:
    """Rows of one minute each, so that any number of them fits in a week."""
    items = [Item(f"item {k}", minutes=1, presenter=f"speaker {k % 7}") for k in range(rows)]
    return Meeting("programme", DAY, dt.time(0), "UTC", items)


def free_text(rows: int) -> str:
    lines = ["정책 협의 일정", ""]
    for k in range(rows):
        minute = k % (24 * 60)
        start = f"{minute // 60:02d}:{minute % 60:02d}"
        end_minute = (minute + 1) % (24 * 60)
        end = f"{end_minute // 60:02d}:{end_minute % 60:02d}"
        lines.append(f"{start}~{end} (’1) ▪item {k}      speaker {k % 7}")
        lines.append(f" - topic {k}, ")
        lines.append("continued")
    return "\n".join(lines)


def best_of(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        begin = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - begin)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'shape':<12}{'rows':>8}{'seconds':>10}{'µs/row':>9}")
    for rows in (100, 1_000, 10_000):
        timetable = agenda.layout(meeting(rows))
        documents = {
            "free text": free_text(rows),
            "markdown": agenda.to_markdown(timetable),
            "csv": agenda.to_csv(timetable),
        }
        if rows <= 1_000:  # the bordered table of 10,000 rows takes long to render
            documents["text table"] = agenda.to_text(timetable)
        for shape, text in documents.items():
            seconds = best_of(args.repeat, lambda text=text: agenda.parse_text(
                text, date=DAY, tz="UTC"))
            print(f"{shape:<12}{rows:>8}{seconds:>10.3f}{seconds / rows * 1e6:>9.1f}")
    for length in (10_000, 100_000):
        line = "14:00~14:30 " + "1:(가 → " * (length // 8)
        seconds = best_of(args.repeat, lambda line=line: agenda.parse_text(
            line, date=DAY, tz="UTC"))
        print(f"{'long line':<12}{length:>8}{seconds:>10.3f}  (characters)")


if __name__ == "__main__":
    main()
