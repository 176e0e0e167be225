"""Checks: what the layout finds wrong with an item, a weekday, a fixed time or a day's
window, each reported on the layout as it places the items.

An item is checked once, where its slot opens (its title, minutes and bounds, a
parallel block without tracks, its links and its id); a fixed ``at`` time against
where the items before it end; a declared end against where the day's items end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._links import link_problems
from .._model import Item, Kind
from .._problems import Severity
from .._words.catalog import Fact

if TYPE_CHECKING:
    from ._place import _Layout

__all__ = [
    "MAX_MINUTES",
    "check_fixed",
    "check_item",
    "check_length",
    "check_weekday",
    "in_minutes",
    "parse_weekday",
    "report_same_title",
    "report_window",
]

MAX_MINUTES = 366 * 24 * 60  # a year: longer is a typo, not an agenda item

_KO_WEEKDAYS = "월화수목금토일"
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def in_minutes(seconds: int) -> int | float:
    """Seconds as minutes: whole when they are, else a fraction (a fact of a message)."""
    return seconds // 60 if seconds % 60 == 0 else round(seconds / 60, 2)


def parse_weekday(name: str) -> int | None:
    """ISO weekday (1 = Monday) of a Korean or English weekday name, else None."""
    text = name.strip().strip("()").lower()
    if text.endswith("요일"):
        text = text[:-2]
    if len(text) == 1 and text in _KO_WEEKDAYS:
        return _KO_WEEKDAYS.index(text) + 1
    for number, full in enumerate(_EN_WEEKDAYS, start=1):
        if len(text) >= 2 and full.startswith(text.rstrip(".")):
            return number
    return None


def check_weekday(lay: _Layout, name: str) -> None:
    expected = lay.meeting.date.isoweekday()
    given = parse_weekday(name)
    facts: dict[str, Fact] = {"weekday": name, "date": lay.meeting.date.isoformat(),
                              "expected": expected}
    if given is None:
        lay.report("unknown-weekday", facts)
    elif given != expected:
        lay.report("weekday-mismatch", facts)


def report_window(lay: _Layout, start: int, end_utc: int, window_end: int) -> None:
    first = lay.day_first
    work = sum(e - s for e, s, level in zip(lay.ends[first:], lay.starts[first:],
                                             lay.levels[first:], strict=True)
               if level == 0)
    facts: dict[str, Fact] = {
        "start": lay.clock(start), "declared": lay.clock(window_end),
        "run": in_minutes(end_utc - start), "work": in_minutes(work),
        "window": in_minutes(window_end - start)}
    if end_utc > window_end:
        for i in range(first, len(lay.levels)):
            if lay.levels[i] == 0 and lay.ends[i] > window_end:
                lay.report("past-end", {**facts, "end": lay.clock(lay.ends[i]),
                                        "over": in_minutes(lay.ends[i] - window_end)},
                           lay.items[i], lay.numbers[i], lay.paths[i])
    else:
        lay.report("short-of-end", {**facts, "end": lay.clock(end_utc),
                                    "short": in_minutes(window_end - end_utc)})


def check_item(lay: _Layout, item: Item, number: str, path: tuple[str, ...]) -> None:
    """Check `item`, which gets its slot now: its title, minutes and bounds, a parallel
    block without tracks, its links and its id (the first item to hold an id keeps it;
    each later one is ``duplicate-id``)."""
    title = item.title
    if not title or title.isspace():
        lay.report("empty-title", {"what": "the item"}, item, number, path)
    minutes = item.minutes
    if minutes is not None and minutes <= 0:
        lay.report("non-positive-minutes", {"key": "minutes", "value": minutes},
                   item, number, path)
    elif minutes is not None and minutes > MAX_MINUTES:
        lay.report("too-long", {"minutes": minutes, "limit": MAX_MINUTES},
                   item, number, path)
    if item.parallel and not item.items:
        lay.report("parallel-without-tracks", {}, item, number, path)
    if item.url is not None or item.online is not None or item.materials:
        lay.problems.extend(link_problems(item, number, path))
    if item.min_minutes is not None or item.max_minutes is not None:
        _check_bounds(lay, item, number, path)
    ident = item.id
    if ident is not None:
        if not ident.strip():
            lay.report("empty-id", {"what": "the item"}, item, number, path)
        holder = lay.ids.setdefault(ident, number)
        if holder != number:
            lay.report("duplicate-id", {"id": ident, "other": holder}, item, number, path)


def _check_bounds(lay: _Layout, item: Item, number: str, path: tuple[str, ...]) -> None:
    lo, hi = item.min_minutes, item.max_minutes
    for name, value in (("min_minutes", lo), ("max_minutes", hi)):
        if value is not None and value <= 0:
            lay.report("non-positive-minutes", {"key": name, "value": value},
                       item, number, path)
    if lo is not None and hi is not None and lo > hi:
        lay.report("bad-bounds", {"low": lo, "high": hi}, item, number, path)
    if item.items:
        lay.report("flexible-block", {}, item, number, path)
    if item.minutes is not None and (
        (lo is not None and item.minutes < lo) or (hi is not None and item.minutes > hi)
    ):
        lay.report("minutes-outside-bounds", {"minutes": item.minutes, "low": lo,
                                              "high": hi}, item, number, path)


def report_same_title(lay: _Layout, item: Item, number: str, path: tuple[str, ...]) -> None:
    """Warn once per title shared by siblings (at its second holder): they are told
    apart by their order, which an id would make stable."""
    lay.report("same-title", {"key": item.title}, item, number, path, Severity.WARNING)


def check_fixed(lay: _Layout, item: Item, number: str, path: tuple[str, ...], cursor: int,
                target: int, sized_ok: bool) -> int:
    facts: dict[str, Fact] = {"at": lay.clock(target), "previous_end": lay.clock(cursor),
                              "previous": lay.previous(number.count("."))}
    if target > cursor:
        if not sized_ok or item.gap_ok:
            return target
        if item.kind is Kind.BREAK and lay.capped:
            lay.capped = False  # the flexible items' cap named this gap already
        elif item.kind is Kind.BREAK:
            lay.report("unplanned-gap", {"gap": in_minutes(target - cursor),
                                         "start": lay.clock(cursor), "end": facts["at"]},
                       item, number, path, Severity.WARNING)
        else:
            lay.report("gap", {**facts, "gap": in_minutes(target - cursor)}, item, number,
                       path)
        return target
    if target < cursor and sized_ok:
        lay.report("overlap", {**facts, "overlap": in_minutes(cursor - target)}, item, number,
                   path)
    return cursor


def check_length(lay: _Layout, children: Sequence[Item],
                 owner: tuple[Item, str, tuple[str, ...]] | None, start: int, end: int,
                 total: int) -> None:
    """`children`, placed from `start` to `end`, which differs from the `total` their
    container declares: the day's window (``past-end``, ``short-of-end``), a block's or
    a track's minutes (``sum-mismatch`` on the `owner`)."""
    if owner is None:
        report_window(lay, start, end, start + total)
        return
    item, number, path = owner
    verb = "run" if any(child.at is not None for child in children) else "sum to"
    lay.report("sum-mismatch", {"verb": verb, "actual": in_minutes(end - start),
                                "expected": in_minutes(total)}, item, number, path)
