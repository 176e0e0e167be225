"""VTIMEZONE components from the zone database, right for every year.

A VTIMEZONE has two parts here:

- the zone's current rules as open-ended observances with a yearly ``RRULE``
  (``BYMONTH=3;BYDAY=2SU``), from the first year since which the zone has followed
  them (2007 for New York), after one observance giving the offset at that start;
- before those, when the feed's events are older, the transitions from the first
  year they need, each its own STANDARD or DAYLIGHT component whose ``DTSTART`` is
  the wall-clock onset in ``TZOFFSETFROM`` (RFC 5545; libical follows it), never a
  multi-valued ``RDATE`` (ical.js reads only its first date).

So every feed of a zone whose events fall in the years of its current rules carries
the same definition, right for every one of those years. That matters because readers
keep a zone definition by its TZID for the whole process (vobject, and so Radicale):
the definition of one feed is applied to every other event with that TZID.

The current rules are the POSIX TZ string at the end of the zone's TZif file; the
years they hold are those whose listed transitions (and the offset at their start)
are exactly what the rules give. A zone that lists changes ahead that no yearly rule
holds (Morocco's and Palestine's around Ramadan) gets them one by one up to the last,
then its rules. A zone without a TZif file or with rules of another form gets the
transitions of the years asked for alone.

The definition is written as icalendar writes it (:func:`vtimezone_bytes`, what every
feed carries); :func:`vtimezone` builds the same definition as icalendar's component,
and the tests hold the two to the same bytes for every zone.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import importlib.resources
import re
import struct
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .text import escape, fold

if TYPE_CHECKING:
    from icalendar import Timezone

__all__ = ["vtimezone", "vtimezone_bytes"]

_DAY = 86400
_UTC = _dt.UTC
_WEEKDAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")  # POSIX numbers days from Sunday
_BYDAY = re.compile(r"(-?\d)?(SU|MO|TU|WE|TH|FR|SA)")

_State = tuple[_dt.timedelta, str, bool]  # offset, name, is DST


def _state(tz: zoneinfo.ZoneInfo, utc: int) -> _State:
    moment = _dt.datetime.fromtimestamp(utc, tz)
    offset = moment.utcoffset() or _dt.timedelta(0)
    # A negative DST (Ireland's winter) is written as STANDARD: readers convert from
    # UTC as if DAYLIGHT meant a larger offset.
    return offset, moment.tzname() or "", (moment.dst() or _dt.timedelta(0)) > _dt.timedelta(0)


def _changes(tz: zoneinfo.ZoneInfo, start: int, stop: int) -> list[tuple[int, _State]]:
    """The first state at `start`, then (instant, new state) of each change before `stop`.

    Steps a day at a time and bisects each change to the second.
    """
    state = _state(tz, start)
    found = [(start, state)]
    day = start
    while day < stop:
        following = min(day + _DAY, stop)
        if _state(tz, following) != state:
            low, high = day, following
            while high - low > 1:
                middle = (low + high) // 2
                if _state(tz, middle) == state:
                    low = middle
                else:
                    high = middle
            state = _state(tz, high)
            found.append((high, state))
            day = high  # look again from the change: a second one may follow within a day
            continue
        day = following
    return found


def _wall(utc: int, offset: _dt.timedelta) -> _dt.datetime:
    """The naive wall-clock time of `utc` at `offset` (VTIMEZONE onsets are floating)."""
    return (_dt.datetime.fromtimestamp(utc, _UTC) + offset).replace(tzinfo=None)


# -- the zone's current rules (the POSIX TZ string of its TZif file) ------------------
_NAME = r"(?:<[^>]+>|[A-Za-z]{3,})"
_OFFSET = r"[+-]?\d{1,3}(?::\d{2}){0,2}"
_DATE = r"M\d{1,2}\.\d\.\d(?:/" + _OFFSET + r")?"
_POSIX = re.compile(rf"({_NAME})({_OFFSET})(?:({_NAME})({_OFFSET})?,({_DATE}),({_DATE}))?")


@functools.lru_cache(maxsize=64)
def _tzif(zone: str) -> bytes | None:
    """The zone's TZif file, where zoneinfo finds it (its search path, then tzdata)."""
    data: bytes | None = None
    for folder in zoneinfo.TZPATH:
        path = Path(folder, zone)
        if path.is_file():
            data = path.read_bytes()
            break
    if data is None:
        try:
            resource = importlib.resources.files("tzdata.zoneinfo").joinpath(*zone.split("/"))
            data = resource.read_bytes()
        except (ModuleNotFoundError, OSError, ValueError):
            return None
    return data if data.startswith(b"TZif") else None


def _footer(data: bytes) -> str:
    """The POSIX TZ string at the end of a TZif file (empty when there is none)."""
    if not data.endswith(b"\n"):
        return ""
    return data[:-1].rpartition(b"\n")[2].decode("ascii", "replace")


def _listed(data: bytes) -> list[tuple[int, _dt.timedelta]]:
    """(instant, new offset) of every change of offset the TZif file lists one by one
    (its 64-bit data, version 2 and later); the POSIX TZ string rules after the last."""
    if data[4:5] == b"\0":
        return []
    isut, isstd, leap, times, types, chars = struct.unpack(">6l", data[20:44])
    at = 44 + times * 5 + types * 6 + chars + leap * 8 + isstd + isut
    if data[at:at + 4] != b"TZif":
        return []
    isut, isstd, leap, times, types, chars = struct.unpack(">6l", data[at + 20:at + 44])
    at += 44
    instants = struct.unpack(f">{times}q", data[at:at + times * 8])
    kinds = data[at + times * 8:at + times * 9]
    at += times * 9
    offsets = [struct.unpack(">l", data[at + 6 * k:at + 6 * k + 4])[0] for k in range(types)]
    out: list[tuple[int, _dt.timedelta]] = []
    for instant, kind in zip(instants, kinds, strict=True):
        offset = _dt.timedelta(seconds=offsets[kind])
        if not out or out[-1][1] != offset:
            out.append((instant, offset))
    return out


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")]
    parts += [0] * (3 - len(parts))
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _unquote(name: str) -> str:
    return name[1:-1] if name.startswith("<") else name


def _rule_parts(date: str, month_days: int = 7) -> Iterator[tuple[int, str, str, int]]:
    """(month offset, BYDAY, BYMONTHDAY or "", seconds of the day) of a POSIX ``Mm.w.d/t``.

    The onset is the `w`-th (5: last) weekday `d` of month `m` at `t`, which may lie
    outside 0–24 h (``M3.5.0/-1`` is the Saturday before the last Sunday). A plain
    rule is ``BYDAY=2SU``; a shifted one names the shifted weekday and the seven
    days it can fall on, split by month when they run into the next or previous one.
    """
    rule, _, time = date.partition("/")
    _, week, weekday = (int(x) for x in rule[1:].split("."))
    seconds = _seconds(time) if time else 7200
    shift, of_day = divmod(seconds, _DAY)
    if shift == 0:
        yield 0, f"{-1 if week == 5 else week}{_WEEKDAYS[weekday]}", "", of_day
        return
    day = _WEEKDAYS[(weekday + shift) % 7]
    if week == 5:  # counted from the month's end: -7..-1, shifted
        days = [d + shift for d in range(-month_days, 0)]
        here = [d for d in days if d < 0]
        after = [d + 1 for d in days if d >= 0]  # 0 is the next month's 1st
        if here:
            yield 0, day, ",".join(map(str, here)), of_day
        if after:
            yield 1, day, ",".join(map(str, after)), of_day
        return
    days = [d + shift for d in range(7 * (week - 1) + 1, 7 * week + 1)]
    before = [d - 1 for d in days if d < 1]  # 0 is the previous month's last day (-1)
    here = [d for d in days if d >= 1]
    if before:
        yield -1, day, ",".join(map(str, before)), of_day
    if here:
        yield 0, day, ",".join(map(str, here)), of_day


@attrs.frozen
class _Part:
    """One yearly RRULE of a zone's current rules."""

    rule: str  # FREQ=YEARLY;BYMONTH=…;BYDAY=…[;BYMONTHDAY=…]
    of_day: int  # seconds after midnight, wall clock before the change
    before: _dt.timedelta
    after: _dt.timedelta
    name: str
    daylight: bool

    def onsets(self, year: int) -> Iterator[_dt.datetime]:
        """Wall-clock onsets from `year` on (what the RRULE gives)."""
        while year <= 9999:
            yield from self.onsets_in(year)
            year += 1

    def onsets_in(self, year: int) -> list[_dt.datetime]:
        """The wall-clock onsets of `year`: the days of the month that are the rule's
        weekday, its `n`-th (or last) one or one of its month days."""
        fields = dict(part.split("=") for part in self.rule.split(";"))
        month = int(fields["BYMONTH"])
        found = _BYDAY.fullmatch(fields["BYDAY"])
        if found is None:  # pragma: no cover - _rule_parts writes no other form
            raise ValueError(f"not a rule this module writes: {self.rule}")
        first, length = calendar.monthrange(year, month)  # first: Monday is 0
        weekday = (_WEEKDAYS.index(found[2]) - 1) % 7
        days = list(range(1 + (weekday - first) % 7, length + 1, 7))
        if found[1]:
            nth = int(found[1])
            days = days[nth - 1:nth] if nth > 0 else days[nth:][:1]
        if "BYMONTHDAY" in fields:
            wanted = {int(d) for d in fields["BYMONTHDAY"].split(",")}
            days = [d for d in days if d in wanted or d - length - 1 in wanted]
        return [_dt.datetime(year, month, d) + _dt.timedelta(seconds=self.of_day)  # noqa: DTZ001
                for d in days]

    def instant(self, wall: _dt.datetime) -> int:
        return int((wall - self.before).replace(tzinfo=_UTC).timestamp())


def _parts(footer: str) -> tuple[_dt.timedelta, list[_Part]] | None:
    """The standard offset and the yearly rules of a POSIX TZ string (no rule for a
    zone without DST), or None when the string is not one this module can write."""
    found = _POSIX.fullmatch(footer)
    if found is None:
        return None
    std_name, std_posix, dst_name, dst_posix, to_dst, to_std = found.groups()
    standard = _dt.timedelta(seconds=-_seconds(std_posix))
    if dst_name is None:
        return standard, []
    daylight = (_dt.timedelta(seconds=-_seconds(dst_posix)) if dst_posix
                else standard + _dt.timedelta(hours=1))
    out = []
    for date, before, after, name in ((to_dst, standard, daylight, dst_name),
                                      (to_std, daylight, standard, std_name)):
        is_dst = after > before  # Ireland's "DST" is its winter, written as STANDARD
        month = int(date[1:].split(".")[0])
        for month_shift, byday, bymonthday, of_day in _rule_parts(date):
            target = (month - 1 + month_shift) % 12 + 1
            rule = f"FREQ=YEARLY;BYDAY={byday}" + (  # in icalendar's order of the parts
                f";BYMONTHDAY={bymonthday}" if bymonthday else "") + f";BYMONTH={target}"
            out.append(_Part(rule, of_day, before, after, _unquote(name), is_dst))
    return standard, out


def _predicted(standard: _dt.timedelta, parts: list[_Part], year: int
               ) -> tuple[_dt.timedelta, list[tuple[int, _dt.timedelta]]]:
    """The offset the rules give at the start of `year` (UTC) and their changes in it."""
    low = int(_dt.datetime(year, 1, 1, tzinfo=_UTC).timestamp())
    high = int(_dt.datetime(year + 1, 1, 1, tzinfo=_UTC).timestamp())
    changes = []
    for part in parts:
        for wall in part.onsets(year - 1):
            if wall.year > year + 1:
                break
            changes.append((part.instant(wall), part.after))
    changes.sort()
    before = [offset for instant, offset in changes if instant < low]
    return (before[-1] if before else standard), [c for c in changes if low <= c[0] < high]


def _rule_start(tz: zoneinfo.ZoneInfo, data: bytes) -> tuple[int, list[_Part]] | None:
    """The start of the first year (UTC) from which the zone follows its current rules
    for ever, and those rules; None when they cannot be written as yearly rules."""
    found = _parts(_footer(data))
    if found is None:
        return None
    standard, parts = found
    listed = _listed(data)
    year = _dt.datetime.fromtimestamp(listed[-1][0], _UTC).year if listed else 1970
    while year > 1800:
        low = int(_dt.datetime(year, 1, 1, tzinfo=_UTC).timestamp())
        high = int(_dt.datetime(year + 1, 1, 1, tzinfo=_UTC).timestamp())
        offset, changes = _predicted(standard, parts, year)
        if offset != _state(tz, low)[0] or changes != [c for c in listed if low <= c[0] < high]:
            break
        year -= 1
    return int(_dt.datetime(year + 1, 1, 1, tzinfo=_UTC).timestamp()), parts


@attrs.frozen
class _Observance:
    """One STANDARD or DAYLIGHT part of a VTIMEZONE: its wall-clock onset (`start`,
    floating), the offsets before and after, its name and its yearly rule."""

    daylight: bool
    start: _dt.datetime
    before: _dt.timedelta
    after: _dt.timedelta
    name: str = ""
    rule: str | None = None


def _rule_observances(parts: list[_Part], start: int) -> Iterator[_Observance]:
    """Open-ended observances of the rules, each from its first onset after `start`."""
    year = _dt.datetime.fromtimestamp(start, _UTC).year
    for part in parts:
        first = next(wall for wall in part.onsets(year) if part.instant(wall) >= start)
        yield _Observance(part.daylight, first, part.before, part.after, part.name, part.rule)


def _observances(tz: zoneinfo.ZoneInfo, start: int, stop: int) -> Iterator[_Observance]:
    """One observance per change of offset, name or DST flag from `start` to `stop`."""
    previous: _dt.timedelta | None = None
    for instant, (offset, name, dst) in _changes(tz, start, stop):
        before = offset if previous is None else previous
        yield _Observance(dst, _wall(instant, before), before, offset, name)
        previous = offset


@functools.lru_cache(maxsize=64)
def _definition(zone: str, first_year: int, last_year: int) -> tuple[_Observance, ...]:
    """The observances of `zone`'s VTIMEZONE (see the module's rule)."""
    tz = zoneinfo.ZoneInfo(zone)
    start = int(_dt.datetime(first_year, 1, 1, tzinfo=tz).timestamp())
    data = _tzif(zone)
    ruled = _rule_start(tz, data) if data is not None else None
    if ruled is None:  # no rules to write: the transitions of the years asked for
        stop = int(_dt.datetime(last_year + 1, 1, 1, tzinfo=tz).timestamp()) + _DAY
        parts: list[_Part] = []
    else:
        stop, parts = ruled
    return (*_observances(tz, min(start, stop), stop), *_rule_observances(parts, stop))


def _offset(delta: _dt.timedelta) -> str:
    """A UTC offset as icalendar writes it (``+0900``, ``-0330``, ``+053328``)."""
    sign = "-" if delta < _dt.timedelta(0) else "+"
    seconds = abs(int(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02}{minutes:02}" + (f"{seconds:02}" if seconds else "")


@functools.lru_cache(maxsize=64)
def vtimezone_bytes(zone: str, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE of :func:`vtimezone` written out, as icalendar writes it (held: a
    feed of many events asks for the same one).

    Raises ValueError (zoneinfo's) for a zone the database does not know.
    """
    lines = ["BEGIN:VTIMEZONE", f"TZID:{escape(zone)}"]
    for part in _definition(zone, first_year, last_year):
        kind = "DAYLIGHT" if part.daylight else "STANDARD"
        onset = part.start
        lines += [f"BEGIN:{kind}", f"DTSTART:{onset.year:04d}{onset.month:02d}{onset.day:02d}T"
                                   f"{onset.hour:02d}{onset.minute:02d}{onset.second:02d}"]
        if part.rule is not None:
            lines.append(f"RRULE:{part.rule}")
        if part.name:
            lines.append(f"TZNAME:{escape(part.name)}")
        lines += [f"TZOFFSETFROM:{_offset(part.before)}", f"TZOFFSETTO:{_offset(part.after)}",
                  f"END:{kind}"]
    lines.append("END:VTIMEZONE")
    return b"".join(fold(line) + b"\r\n" for line in lines)


def vtimezone(zone: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of `zone` as icalendar's component: its transitions in the years
    `first_year` to `last_year` (inclusive), then its current rules for every later year.

    Raises ValueError (zoneinfo's) for a zone the database does not know.
    """
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

    component = Timezone()
    component.add("TZID", zone)
    for part in _definition(zone, first_year, last_year):
        observance = TimezoneDaylight() if part.daylight else TimezoneStandard()
        observance.add("DTSTART", part.start)
        observance.add("TZOFFSETFROM", part.before)
        observance.add("TZOFFSETTO", part.after)
        if part.rule is not None:
            observance.add("RRULE", vRecur.from_ical(part.rule))
        if part.name:
            observance.add("TZNAME", part.name)
        component.add_component(observance)
    return component
