"""Repeating meetings: the ``repeat`` rule (an RFC 5545 RRULE) read, checked and expanded.

The rule is read with icalendar's `vRecur` and expanded with python-dateutil's
`rrule` in the meeting's *wall-clock* time (naive local date-times), so every
occurrence keeps the wall-clock start (14:00 local stays 14:00 across a DST change);
the series turns each into an instant as RFC 5545 does.

Finding one occurrence never walks the series from its start: for a rule without
``COUNT`` the rule is re-anchored at the start of the rule period (day, week, month
or year, a whole number of ``INTERVAL``\\ s away) just before the date asked about,
which gives the same occurrences from there on. A rule with ``COUNT`` is walked once
(``COUNT`` is at most :data:`MAX_COUNT`).

An ``UNTIL`` given as a date or a local date-time is normalised to the UTC instant
RFC 5545 asks for when the start has a time zone (a date means the whole day, in
the meeting's zone).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import itertools
import warnings
import zoneinfo
from collections.abc import Iterator
from typing import Any

import attrs

from .._model import Meeting
from .._problems import AgendaError, Problem

__all__ = ["MAX_COUNT", "RepeatRule", "RuleDates", "UnboundedRepeat", "parse_repeat",
           "repeat_problems"]

_UTC = _dt.UTC
_SEARCH_YEARS = 5
_WALL_MAX = _dt.datetime(9999, 12, 31, 23, 59, 59)  # noqa: DTZ001 - a wall-clock bound
MAX_COUNT = 20_000
"""The most occurrences a ``COUNT`` may ask for (a daily meeting for 54 years)."""


class RuleError(ValueError):
    """What is wrong with a repeat rule: `reason` (a phrase of the message catalog)
    filled from `facts`."""

    def __init__(self, reason: str, **facts: str | int) -> None:
        self.reason = reason
        self.facts = facts
        super().__init__(reason.format(**facts))


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


def first_wall(meeting: Meeting) -> _dt.datetime:
    """The naive wall-clock start of the meeting's first date."""
    d, t = meeting.date, meeting.start
    return _dt.datetime(d.year, d.month, d.day, t.hour, t.minute, t.second)  # noqa: DTZ001


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
    from icalendar import vRecur  # loaded by a meeting that repeats
    text = rule.strip()
    if text[:6].upper() == "RRULE:":  # the property name, as copied from a calendar file
        text = text[6:]
    try:
        recur = vRecur.from_ical(text)
    except ValueError as exc:
        raise ValueError(str(exc)) from None
    if not recur.get("FREQ"):
        raise RuleError("it has no FREQ")
    if recur.get("COUNT") and recur.get("UNTIL"):
        raise RuleError("COUNT and UNTIL cannot both be given")
    count = recur.get("COUNT")
    if count and int(count[0]) < 1:
        raise RuleError("COUNT must be at least 1")
    if count and int(count[0]) > MAX_COUNT:
        raise RuleError("COUNT={count} is more than the {most} occurrences a series may "
                        "have; give an UNTIL date or no end", count=int(count[0]),
                        most=MAX_COUNT)
    interval = recur.get("INTERVAL")
    if interval and int(interval[0]) < 1:
        raise RuleError("INTERVAL={interval} must be at least 1", interval=int(interval[0]))
    for part, (low, high, signed) in _RANGES.items():
        for value in recur.get(part, ()):
            number = int(value)
            fits = (0 < abs(number) <= high) if signed else (low <= number <= high)
            if not fits:
                raise RuleError("{part}={value} is out of range", part=part, value=number)
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


def _local_until(text: str, zone: str) -> tuple[str, _dt.datetime | None]:
    """The rule without UNTIL, and UNTIL as a naive wall-clock time in `zone`."""
    from icalendar import vRecur  # loaded by a meeting that repeats
    recur = vRecur.from_ical(text)
    until = recur.pop("UNTIL", None)
    if not until:
        return text, None
    moment = until[0]
    if not isinstance(moment, _dt.datetime):
        moment = _dt.datetime(moment.year, moment.month, moment.day, 23, 59, 59, tzinfo=_UTC)
    if moment.tzinfo is None:
        return recur.to_ical().decode("ascii"), moment
    try:
        local = moment.astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)
    except OverflowError:
        local = _WALL_MAX
    return recur.to_ical().decode("ascii"), local


class RuleDates:
    """The wall-clock starts a rule gives from a naive `start`, found quickly.

    `after`, `before` and `count_to` never walk from the start of an unbounded or
    ``UNTIL`` rule (see the module's note); a ``COUNT`` rule is listed once.
    """

    def __init__(self, text: str, start: _dt.datetime, zone: str) -> None:
        from dateutil import rrule as _rrule  # loaded by a meeting that repeats
        self.start = start
        body, self.until = _local_until(text, zone)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = _rrule.rrulestr(body, dtstart=start, forceset=False)
        assert isinstance(parsed, _rrule.rrule)
        if self.until is not None:
            parsed = parsed.replace(until=self.until)
        self.rule: Any = parsed
        self.count: int | None = parsed._count
        self._listed: list[_dt.datetime] | None = None

    # -- walking -------------------------------------------------------------------------
    def __iter__(self) -> Iterator[_dt.datetime]:
        return _guarded(iter(self.rule))

    def listed(self) -> list[_dt.datetime]:
        """Every start of a COUNT rule (at most MAX_COUNT)."""
        assert self.count is not None
        if self._listed is None:
            self._listed = list(_guarded(iter(self.rule)))
        return self._listed

    def last(self) -> _dt.datetime | None:
        """The last start of a bounded rule, None for a rule without end."""
        if self.count is not None:
            found = self.listed()
            return found[-1] if found else None
        if self.until is None:
            return None
        return self.before(self.until, inc=True)

    # -- jumping ---------------------------------------------------------------------------
    def _anchored(self, moment: _dt.datetime, back: int = 0) -> Any:
        """The rule re-anchored at the start of the rule period holding `moment`
        (`back` periods earlier): the same starts from that anchor on."""
        from dateutil import rrule as _rrule  # loaded by a meeting that repeats
        rule, start = self.rule, self.start
        freq, interval = rule._freq, rule._interval
        original: dict[str, Any] = dict(rule._original_rule)
        if moment <= start:
            return rule
        given = any(original.get(k) for k in ("byweekno", "byyearday", "bymonthday",
                                               "byweekday", "byeaster"))
        day = moment.date()
        if freq == _rrule.DAILY:
            steps = (day - start.date()).days // interval - back
            anchor = start.date() + _dt.timedelta(days=max(steps, 0) * interval)
        elif freq == _rrule.WEEKLY:
            week0 = start.date() - _dt.timedelta(days=(start.weekday() - rule._wkst) % 7)
            steps = (day - week0).days // 7 // interval - back
            anchor = week0 + _dt.timedelta(weeks=max(steps, 0) * interval)
            if not given:
                original["byweekday"] = (start.weekday(),)
        elif freq == _rrule.MONTHLY:
            months = (day.year - start.year) * 12 + day.month - start.month
            steps = months // interval - back
            index = start.year * 12 + start.month - 1 + max(steps, 0) * interval
            anchor = _dt.date(index // 12, index % 12 + 1, 1)
            if not given:
                original["bymonthday"] = (start.day,)
        elif freq == _rrule.YEARLY:
            steps = (day.year - start.year) // interval - back
            anchor = _dt.date(start.year + max(steps, 0) * interval, 1, 1)
            if not given:
                original["bymonthday"] = (start.day,)
                original.setdefault("bymonth", None)
                if not original["bymonth"]:
                    original["bymonth"] = (start.month,)
        else:
            return rule
        if steps <= 0:
            return rule
        original.pop("dtstart", None)
        original.pop("count", None)
        original["until"] = self.until
        wall = _dt.datetime.combine(anchor, start.time())
        return _rrule.rrule(freq, dtstart=wall, interval=interval, **{
            k: v for k, v in original.items() if k not in ("freq", "interval")})

    def after(self, moment: _dt.datetime, inc: bool = False) -> _dt.datetime | None:
        """The first start after (or at, with `inc`) the wall-clock `moment`."""
        if self.count is not None:
            found = self.listed()
            k = (bisect.bisect_left if inc else bisect.bisect_right)(found, moment)
            return found[k] if k < len(found) else None
        try:
            result: _dt.datetime | None = self._anchored(moment).after(moment, inc=inc)
        except (OverflowError, ValueError):
            return None
        return result

    def before(self, moment: _dt.datetime, inc: bool = False) -> _dt.datetime | None:
        """The last start before (or at, with `inc`) the wall-clock `moment`."""
        if self.count is not None:
            listed = self.listed()
            k = (bisect.bisect_right if inc else bisect.bisect_left)(listed, moment)
            return listed[k - 1] if k > 0 else None
        back = 1
        while True:
            rule = self._anchored(moment, back)
            try:
                found: _dt.datetime | None = rule.before(moment, inc=inc)
            except (OverflowError, ValueError):
                found = None
            if found is not None or rule is self.rule:
                return found
            back *= 8


def _guarded(found: Iterator[_dt.datetime]) -> Iterator[_dt.datetime]:
    """Stop quietly where dateutil runs off the end of the calendar (year 9999)."""
    while True:
        try:
            yield next(found)
        except (StopIteration, OverflowError, ValueError):
            return


@functools.lru_cache(maxsize=32)
def rule_dates(text: str, start: _dt.datetime, zone: str) -> RuleDates:
    """The (cached) :class:`RuleDates` of a checked rule."""
    return RuleDates(text, start, zone)


def _matches_some_day(rule: RepeatRule, start: _dt.datetime) -> bool:
    """Whether the rule's day filters match any day at all, asked of a yearly rule:
    dateutil searches a rule that never matches up to year 9999, which takes seconds
    a day at a time but milliseconds a year at a time."""
    from dateutil import rrule as _rrule  # loaded by a meeting that repeats
    from icalendar import vRecur  # loaded by a meeting that repeats
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
    return next(_guarded(iter(_rrule.rrulestr(yearly, dtstart=start))), None) is not None


def repeat_problems(meeting: Meeting) -> list[Problem]:
    """Problems with the meeting's ``repeat`` rule alone (code ``bad-repeat``); empty
    when it has none or it is sound. The series' own checks (overlaps, dates past
    9999, skip, extra and overrides) follow the layout.

    A sound rule reads as an RRULE, expands from the meeting's start, and yields the
    meeting's own date first (calendars count the start as the first occurrence, so a
    rule that skips it would be read differently by different clients).
    """
    if meeting.repeat is None:
        return []
    try:
        _zone(meeting)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return []  # the layout reports the unknown zone
    rule_text = meeting.repeat

    def bad(message: str, **facts: str | int) -> list[Problem]:
        return [Problem("bad-repeat", facts={"rule": rule_text, "reason": message, **facts},
                        title=meeting.title)]

    start = first_wall(meeting)
    try:
        rule = parse_repeat(rule_text, meeting)
        if not _matches_some_day(rule, start):
            return bad("it yields no occurrence within {years} years of the meeting",
                       years=_SEARCH_YEARS)
        dates = rule_dates(rule.text, start, meeting.timezone)
        if dates.until is not None and dates.until < start:
            return bad("UNTIL {until} is before the meeting's own start {start}, so the "
                       "series has no occurrence", until=f"{dates.until:%Y-%m-%d %H:%M}",
                       start=f"{start:%Y-%m-%d %H:%M}")
        horizon = (start + _dt.timedelta(days=366 * _SEARCH_YEARS)
                   if start.year < 9999 - _SEARCH_YEARS else _WALL_MAX)
        first = next(itertools.takewhile(lambda t: t <= horizon, iter(dates)), None)
    except RuleError as exc:
        return bad(exc.reason, **exc.facts)
    except (ValueError, TypeError, Warning) as exc:
        return bad(str(exc) or type(exc).__name__)
    if first is None:
        return bad("it yields no occurrence within {years} years of the meeting",
                   years=_SEARCH_YEARS)
    if first != start:
        return bad("it does not include the meeting's own start {start} (its first "
                   "occurrence would be {first})", start=f"{start:%Y-%m-%d %H:%M}",
                   first=f"{first:%Y-%m-%d %H:%M}")
    return []
