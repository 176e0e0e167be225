"""Repeating meetings: the ``repeat`` rule (an RFC 5545 RRULE) read, checked and expanded.

The rule is read with icalendar's `vRecur` and expanded with python-dateutil's
`rrule` from the meeting's start *in its zone*, so every occurrence keeps the
wall-clock start (14:00 local stays 14:00 across a DST change). A local start that
a DST change skips or repeats is read as RFC 5545 says (the offset in force before
the change), which is what calendar clients do with the same rule.

An ``UNTIL`` given as a date or a local date-time is normalised to the UTC instant
RFC 5545 asks for when the start has a time zone (a date means the whole day, in
the meeting's zone).
"""

from __future__ import annotations

import datetime as _dt
import itertools
import warnings
import zoneinfo
from collections.abc import Iterator

import attrs
from dateutil import rrule as _rrule
from icalendar import vRecur

from ._model import Meeting
from ._problems import AgendaError, Problem

__all__ = ["RepeatRule", "UnboundedRepeat", "parse_repeat", "repeat_problems"]

_UTC = _dt.UTC
_SEARCH_YEARS = 5


class UnboundedRepeat(AgendaError, ValueError):
    """Occurrences of a rule without ``COUNT`` or ``UNTIL`` were asked for without a limit."""

    def __init__(self, rule: str) -> None:
        self.rule = rule
        super().__init__(f'the repeat rule "{rule}" has no COUNT or UNTIL: give a limit')


@attrs.frozen
class RepeatRule:
    """A checked repeat rule: `text` as written to calendars (``UNTIL`` in UTC)."""

    text: str
    bounded: bool


def _zone(meeting: Meeting) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(meeting.timezone)


def _first_start(meeting: Meeting, zone: zoneinfo.ZoneInfo) -> _dt.datetime:
    d, t = meeting.date, meeting.start
    return _dt.datetime(d.year, d.month, d.day, t.hour, t.minute, t.second, tzinfo=zone)


def _normalise_until(value: object, zone: zoneinfo.ZoneInfo) -> _dt.datetime:
    if isinstance(value, _dt.datetime):
        local = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return local.astimezone(_UTC)
    if isinstance(value, _dt.date):
        last = _dt.datetime(value.year, value.month, value.day, 23, 59, 59, tzinfo=zone)
        return last.astimezone(_UTC)
    raise ValueError(f"UNTIL {value!r} is not a date or a date-time")


def parse_repeat(rule: str, meeting: Meeting) -> RepeatRule:
    """Read and normalise `rule` for `meeting`; raise ValueError saying what is wrong."""
    text = rule.strip()
    if text[:6].upper() == "RRULE:":  # the property name, as copied from a calendar file
        text = text[6:]
    try:
        recur = vRecur.from_ical(text)
    except ValueError as exc:
        raise ValueError(str(exc)) from None
    if not recur.get("FREQ"):
        raise ValueError("it has no FREQ")
    if recur.get("COUNT") and recur.get("UNTIL"):
        raise ValueError("COUNT and UNTIL cannot both be given")
    count = recur.get("COUNT")
    if count and int(count[0]) < 1:
        raise ValueError("COUNT must be at least 1")
    for part, (low, high, signed) in _RANGES.items():
        for value in recur.get(part, ()):
            number = int(value)
            fits = (0 < abs(number) <= high) if signed else (low <= number <= high)
            if not fits:
                raise ValueError(f"{part}={value} is out of range")
    zone = _zone(meeting)
    if recur.get("UNTIL"):
        recur["UNTIL"] = [_normalise_until(recur["UNTIL"][0], zone)]
    text = recur.to_ical().decode("ascii")
    return RepeatRule(text, bounded=bool(recur.get("COUNT") or recur.get("UNTIL")))


# RFC 5545 ranges of the numeric BY parts: (lowest, highest, may be negative).
_RANGES = {
    "BYSECOND": (0, 60, False), "BYMINUTE": (0, 59, False), "BYHOUR": (0, 23, False),
    "BYMONTHDAY": (1, 31, True), "BYYEARDAY": (1, 366, True), "BYWEEKNO": (1, 53, True),
    "BYMONTH": (1, 12, False), "BYSETPOS": (1, 366, True),
}
# Day filters that can together match no day at all (BYMONTH=2;BYMONTHDAY=30).
_DAY_FILTERS = ("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO")


def _matches_some_day(rule: RepeatRule, start: _dt.datetime) -> bool:
    """Whether the rule's day filters match any day at all, asked of a yearly rule:
    dateutil searches a rule that never matches up to year 9999, which takes seconds
    a day at a time but milliseconds a year at a time."""
    recur = vRecur.from_ical(rule.text)
    if recur["FREQ"][0] in ("MONTHLY", "YEARLY"):
        return True
    if not any(name in recur for name in _DAY_FILTERS):
        return True
    for name in list(recur):
        if name not in _DAY_FILTERS:
            del recur[name]
    recur["FREQ"] = ["YEARLY"]
    yearly = recur.to_ical().decode("ascii")
    return next(iter(_rrule.rrulestr(yearly, dtstart=start)), None) is not None


def _rrule_of(rule: RepeatRule, start: _dt.datetime) -> _rrule.rrule:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parsed = _rrule.rrulestr(rule.text, dtstart=start, forceset=False)
    assert isinstance(parsed, _rrule.rrule)
    return parsed


def expand(rule: RepeatRule, start: _dt.datetime, limit: int | None = None
           ) -> Iterator[_dt.datetime]:
    """Occurrence starts of `rule` from the zone-aware wall-clock `start`.

    Raises :class:`UnboundedRepeat` for a rule without end when `limit` is None.
    """
    if limit is None and not rule.bounded:
        raise UnboundedRepeat(rule.text)
    found = iter(_rrule_of(rule, start))
    return found if limit is None else itertools.islice(found, limit)


def first_occurrence(rule: RepeatRule, meeting: Meeting) -> _dt.datetime | None:
    """The first start that `rule` yields from the meeting's own start within
    `_SEARCH_YEARS` (a rule that never matches would otherwise be searched to 9999)."""
    start = _first_start(meeting, _zone(meeting))
    if not _matches_some_day(rule, start):
        return None
    horizon = start.astimezone(_UTC) + _dt.timedelta(days=366 * _SEARCH_YEARS)
    return next(iter(_rrule_of(rule, start).replace(count=None, until=horizon)), None)


def repeat_problems(meeting: Meeting) -> list[Problem]:
    """Problems with the meeting's ``repeat`` rule (code ``bad-repeat``); empty when it
    has none or it is sound.

    A sound rule reads as an RRULE, expands from the meeting's start, and yields the
    meeting's own date first (calendars count the start as the first occurrence, so a
    rule that skips it would be read differently by different clients).
    """
    if meeting.repeat is None:
        return []
    try:
        zone = _zone(meeting)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return []  # the layout reports the unknown zone
    rule_text = meeting.repeat

    def bad(message: str, **facts: str | int) -> list[Problem]:
        return [Problem("bad-repeat", facts={"rule": rule_text, "reason": message, **facts},
                        title=meeting.title)]

    try:
        rule = parse_repeat(rule_text, meeting)
        first = first_occurrence(rule, meeting)
    except (ValueError, TypeError, Warning) as exc:
        return bad(str(exc) or type(exc).__name__)
    start = _first_start(meeting, zone)
    if first is None:
        return bad("it yields no occurrence within {years} years of the meeting",
                   years=_SEARCH_YEARS)
    if first.replace(tzinfo=None) != start.replace(tzinfo=None):
        return bad("it does not include the meeting's own start {start} (its first "
                   "occurrence would be {first})", start=f"{start:%Y-%m-%d %H:%M}",
                   first=f"{first:%Y-%m-%d %H:%M}")
    return []
