"""Reading the times of rows as their writer meant them: the 12-hour clock without
am/pm that runs past noon (``12:00 - 1:00``, then ``1:30 - 2:45``), and the last
row that only marks the end (``5:00 | End``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from ._rows import Moment, Row
from ._scan import Clock

__all__ = ["afternoon", "end_markers", "seconds_given"]

_HALF = 12 * 60
_END_WORDS = re.compile(
    r"(?:(?:the|meeting|symposium|workshop|conference|seminar|session|program(?:me)?|"
    r"day\s\d{1,2})\s)?(?:end|ends|ended|adjourn|adjourns|adjourned|adjournment|close|closes)"
    r"(?:\s(?:of|\().{0,80})?"
    r"|(?:행사|회의|일정)?\s?(?:종료|끝|폐회|폐식|산회)",
    re.IGNORECASE)


def _every(rows: Sequence[Row]) -> Iterator[Row]:
    for row in rows:
        yield row
        yield from _every(row.children)


def _moments(rows: Sequence[Row]) -> Iterator[Moment]:
    for row in _every(rows):
        yield row.start
        if row.end is not None:
            yield row.end


def _plain(moment: Moment) -> bool:
    return moment.clock.meridiem is None and moment.date is None and moment.offset is None


def afternoon(rows: Sequence[Row]) -> list[Row]:
    """`rows` with times on a 12-hour clock without am/pm that go back in the day read
    after noon: in a document whose plain times all fall between 1:00 and 12:59, some
    of them in the small hours (1:00 to 6:59, when no meeting is held), a time earlier
    than the one before it (``12:00 - 1:00``) is the afternoon's. New rows; `rows` are
    left as they are."""
    moments = list(_moments(rows))
    plain = [m for m in moments if _plain(m)]
    if not plain or any(not 60 <= m.clock.minutes < 13 * 60 for m in plain):
        return list(rows)
    if not any(m.clock.minutes < 7 * 60 for m in plain):
        return list(rows)  # no time in the small hours: a 24-hour morning, read as written
    if any(m.clock.meridiem == "p" for m in moments):
        return list(rows)  # the writer marks the afternoon where it matters
    previous: int | None = None

    def read(level: Sequence[Row]) -> list[Row]:
        nonlocal previous
        out: list[Row] = []
        for row in level:
            start = row.start.clock.minutes
            moment = row.start
            if _plain(moment) and previous is not None and start < previous and (
                    start + _HALF >= previous):
                start += _HALF
                moment = _later(moment)
            previous = start
            end = row.end
            if end is not None and _plain(end) and end.clock.minutes < start and (
                    end.clock.minutes + _HALF > start) and end.clock.minutes < _HALF:
                end = _later(end)
            out.append(attrs.evolve(row, start=moment, end=end, children=read(row.children)))
        return out

    return read(rows)


def _later(moment: Moment) -> Moment:
    clock = attrs.evolve(moment.clock, minutes=moment.clock.minutes + _HALF)
    return attrs.evolve(moment, clock=clock)


def end_markers(rows: Sequence[Row], window_end: int | None) -> list[Row]:
    """The rows without a last one that only marks the end (a start alone titled
    ``End``, ``Adjourn``, ``종료``, ``폐회``): the row before it ends there. Where the
    document states a time window that ends later, the row is an item of its own.
    New rows; `rows` are left as they are."""
    if len(rows) < 2:
        return list(rows)
    last = rows[-1]
    title = last.title.strip(" .:-–|").strip()
    if last.end is not None or last.children or not _END_WORDS.fullmatch(title):
        return list(rows)
    if window_end is not None and window_end % (24 * 60) != last.start.clock.minutes % (
            24 * 60):
        return list(rows)
    before = rows[-2]
    if before.end is None and not before.children:
        before = attrs.evolve(before, end=Moment(last.start.clock, last.start.date,
                                                 last.start.offset))
    return [*rows[:-2], before]


def seconds_given(rows: Sequence[Row]) -> Iterator[tuple[int, str]]:
    """The rows whose times give seconds (``14:00:30``), with the time as written."""
    for row in _every(rows):
        for moment in (row.start, row.end):
            if moment is not None and moment.clock.seconds:
                yield row.line, _written(moment.clock)


def _written(clock: Clock) -> str:
    hours, minutes = divmod(clock.minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{clock.seconds:02d}"
