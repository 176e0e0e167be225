"""What every peer script shares: read the spec with tomllib and compute each item's
start and end with zoneinfo (flat items and equal-split blocks, as the generator
writes them). This is the floor: the least a script can do for the same output."""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
import zoneinfo
from collections.abc import Iterator
from typing import Any

Row = tuple[str, int, list[str], dict[str, Any], dt.datetime, dt.datetime]


def read(path: str) -> dict[str, Any]:
    with open(path, "rb") as f:  # noqa: PTH123 - the floor uses the plainest calls
        return tomllib.load(f)


def rows(spec: dict[str, Any]) -> Iterator[Row]:
    """(number, depth, path, item, start, end) of every item in agenda order."""
    meeting = spec["meeting"]
    zone = zoneinfo.ZoneInfo(meeting["timezone"])
    start = dt.datetime.combine(meeting["date"], meeting["start"], zone)
    cursor = int(start.timestamp())

    def walk(items: list[dict[str, Any]], depth: int, prefix: str, path: list[str],
             at: int, share: int) -> Iterator[Row]:
        for n, item in enumerate(items, 1):
            seconds = item["minutes"] * 60 if "minutes" in item else share
            number = f"{prefix}{n}"
            key = [*path, item.get("id", item["title"])]
            yield (number, depth, key, item, dt.datetime.fromtimestamp(at, zone),
                   dt.datetime.fromtimestamp(at + seconds, zone))
            children = item.get("items")
            if children:
                yield from walk(children, depth + 1, number + ".", key, at,
                                seconds // len(children))
            at += seconds

    yield from walk(spec["items"], 0, "", [], cursor, 0)


def out(text: str) -> None:
    sys.stdout.write(text)
