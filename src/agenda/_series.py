"""The occurrences of a meeting: one for a single meeting, every one of a repeating one."""

from __future__ import annotations

import datetime as _dt
import zoneinfo

import pendulum

from ._layout import layout
from ._model import Meeting
from ._repeat import expand, parse_repeat
from ._timetable import Timetable

__all__ = ["occurrences", "timetable_occurrences"]

Occurrence = tuple[pendulum.DateTime, pendulum.DateTime]


def timetable_occurrences(timetable: Timetable, limit: int | None = None) -> list[Occurrence]:
    """(start, end) of each occurrence of a laid-out meeting, in its zone.

    Each occurrence starts at the meeting's wall-clock start on its day and lasts as
    long as the first (the exact duration, as RFC 5545 applies it to a series).
    """
    meeting = timetable.meeting
    if limit is not None and limit < 1:
        return []
    if meeting.repeat is None:
        return [(timetable.start, timetable.end)]
    zone = zoneinfo.ZoneInfo(timetable.zone)
    rule = parse_repeat(meeting.repeat, meeting)
    seconds = timetable.end_utc - timetable.start_utc
    first = _dt.datetime.fromtimestamp(timetable.start_utc, zone)
    result: list[Occurrence] = []
    for start in expand(rule, first, limit):
        utc = int(start.timestamp())
        result.append((pendulum.from_timestamp(utc, tz=timetable.zone),
                       pendulum.from_timestamp(utc + seconds, tz=timetable.zone)))
    return result


def occurrences(meeting: Meeting, limit: int | None = None) -> list[Occurrence]:
    """(start, end) of each occurrence of `meeting`, as pendulum date-times in its zone.

    A meeting without ``repeat`` has one occurrence. A rule without ``COUNT`` or
    ``UNTIL`` needs `limit` (else :class:`UnboundedRepeat`); `limit` caps any rule.
    Raises :class:`InvalidAgenda` when the meeting (or its rule) is invalid.
    """
    return timetable_occurrences(layout(meeting), limit)
