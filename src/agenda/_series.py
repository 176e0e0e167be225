"""The occurrences of a meeting: one for a single meeting, every one of a repeating one."""

from __future__ import annotations

import datetime as _dt
import sys
import zoneinfo
from collections.abc import Iterator

import attrs
import pendulum

from ._layout import layout
from ._model import Meeting
from ._problems import AgendaError
from ._repeat import expand, parse_repeat
from ._timetable import Timetable

__all__ = ["NotAnOccurrence", "occurrence_on", "occurrences", "timetable_occurrences"]


class NotAnOccurrence(AgendaError, ValueError):
    """A date on which a (repeating) meeting is not held; the message names the
    nearest occurrences before and after it."""

    def __init__(self, meeting: Meeting, day: _dt.date, before: _dt.date | None,
                 after: _dt.date | None) -> None:
        self.day = day
        self.before = before
        self.after = after
        rule = f" ({meeting.repeat})" if meeting.repeat else ""
        near = [f"{d.isoformat()}" for d in (before, after) if d is not None]
        hint = f"; the nearest: {' and '.join(near)}" if near else ""
        super().__init__(f'{day.isoformat()} is not an occurrence of "{meeting.title}"'
                         f"{rule}{hint}")

Occurrence = tuple[pendulum.DateTime, pendulum.DateTime]


def timetable_occurrences(timetable: Timetable, limit: int | None = None) -> list[Occurrence]:
    """(start, end) of each occurrence of a laid-out meeting, in its zone.

    Each occurrence starts at the meeting's wall-clock start on its day and lasts as
    long as the first (the exact duration, as RFC 5545 applies it to a series).
    """
    if limit is not None and limit < 1:
        return []
    if timetable.meeting.repeat is None:
        return [(timetable.start, timetable.end)]
    return list(_series(timetable, limit))


def _series(timetable: Timetable, limit: int | None) -> Iterator[Occurrence]:
    """(start, end) of each occurrence of a repeating meeting, lazily, in rule order."""
    meeting = timetable.meeting
    assert meeting.repeat is not None
    rule = parse_repeat(meeting.repeat, meeting)
    seconds = timetable.end_utc - timetable.start_utc
    first = _dt.datetime.fromtimestamp(timetable.start_utc, zoneinfo.ZoneInfo(timetable.zone))
    for start in expand(rule, first, limit):
        utc = int(start.timestamp())
        yield (pendulum.from_timestamp(utc, tz=timetable.zone),
               pendulum.from_timestamp(utc + seconds, tz=timetable.zone))


def occurrences(meeting: Meeting, limit: int | None = None) -> list[Occurrence]:
    """(start, end) of each occurrence of `meeting`, as pendulum date-times in its zone.

    A meeting without ``repeat`` has one occurrence. A rule without ``COUNT`` or
    ``UNTIL`` needs `limit` (else :class:`UnboundedRepeat`); `limit` caps any rule.
    Raises :class:`InvalidAgenda` when the meeting (or its rule) is invalid.
    """
    return timetable_occurrences(layout(meeting), limit)


def occurrence_on(meeting: Meeting, day: _dt.date | str) -> Meeting:
    """The meeting as held on `day`, one of its occurrences: the same items and
    wall-clock start on that date, as a single meeting (no ``repeat``; no ``weekday``,
    which belongs to the first date). Lay it out to print that occurrence's agenda.

    As in the calendar series, an occurrence lasts exactly as long as the first, so a
    declared end becomes the wall-clock time that much after the start on `day` (the
    same 15:00, unless a DST change falls inside the first meeting or this one).

    Raises :class:`NotAnOccurrence` for a date the meeting is not held on, and
    :class:`InvalidAgenda` when the meeting (or its rule) is invalid. `day` is a date
    or an ISO string like ``"2024-03-13"`` (a `TypeError` says when it is neither).
    """
    if isinstance(day, str):
        try:
            day = _dt.date.fromisoformat(day)
        except ValueError:
            raise TypeError(f"day must be a date like 2024-03-13, got {day!r}") from None
    if not isinstance(day, _dt.date):
        raise TypeError(f"day must be a datetime.date or 'YYYY-MM-DD', got {day!r}")
    day = _dt.date(day.year, day.month, day.day)
    single = attrs.evolve(meeting, date=day, weekday=None, repeat=None)
    if meeting.repeat is None:
        if day == meeting.date:
            return single
        if meeting.date < day:
            raise NotAnOccurrence(meeting, day, meeting.date, None)
        raise NotAnOccurrence(meeting, day, None, meeting.date)
    before: _dt.date | None = None
    for start, end in _series(layout(meeting), sys.maxsize):
        held = start.date()
        if held == day:
            if meeting.end is None:
                return single
            # An end past midnight cannot be declared as a wall-clock time: the items'
            # own durations then carry the length.
            same_day = end.date() == held
            return attrs.evolve(single, end=end.time() if same_day else None)
        if held > day:
            raise NotAnOccurrence(meeting, day, before, held)
        before = held
    raise NotAnOccurrence(meeting, day, before, None)
