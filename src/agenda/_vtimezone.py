"""VTIMEZONE components from the zone database, one observance per clock change.

icalendar's ``Timezone.from_tzinfo`` folds repeated changes into multi-valued
``RDATE`` lists (ical.js reads only their first date) and writes the onset of a
spring-forward change in the new offset (RFC 5545 wants it in the offset in force
before the change, which libical follows). Here every change of offset, name or
DST flag found in the zone's rules becomes its own STANDARD or DAYLIGHT component,
whose ``DTSTART`` is the wall-clock onset in ``TZOFFSETFROM``: the plainest form
every reader understands. The components are still built and written by icalendar.
"""

from __future__ import annotations

import datetime as _dt
import functools
import zoneinfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

__all__ = ["vtimezone"]

_DAY = 86400
_UTC = _dt.UTC

_State = tuple[_dt.timedelta, str, bool]  # offset, name, is DST


def _state(tz: zoneinfo.ZoneInfo, utc: int) -> _State:
    moment = _dt.datetime.fromtimestamp(utc, tz)
    offset = moment.utcoffset() or _dt.timedelta(0)
    return offset, moment.tzname() or "", bool(moment.dst())


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


def _bounds(tz: zoneinfo.ZoneInfo, first_year: int, last_year: int) -> tuple[int, int]:
    """UTC seconds from the start of `first_year` to a day past the end of `last_year`."""
    start = int(_dt.datetime(first_year, 1, 1, tzinfo=tz).timestamp())
    stop = int(_dt.datetime(last_year + 1, 1, 1, tzinfo=tz).timestamp()) + _DAY
    return start, stop


@functools.lru_cache(maxsize=64)
def _vtimezone_bytes(zone: str, first_year: int, last_year: int) -> bytes:
    tz = zoneinfo.ZoneInfo(zone)
    start, stop = _bounds(tz, first_year, last_year)
    component = Timezone()
    component.add("TZID", zone)
    previous: _dt.timedelta | None = None
    for instant, (offset, name, dst) in _changes(tz, start, stop):
        before = offset if previous is None else previous
        observance = TimezoneDaylight() if dst else TimezoneStandard()
        observance.add("DTSTART", _wall(instant, before))
        observance.add("TZOFFSETFROM", before)
        observance.add("TZOFFSETTO", offset)
        if name:
            observance.add("TZNAME", name)
        component.add_component(observance)
        previous = offset
    return bytes(component.to_ical())


def vtimezone(zone: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of `zone` for the years `first_year` to `last_year` (inclusive).

    Raises ValueError (zoneinfo's) for a zone the database does not know.
    """
    parsed = Timezone.from_ical(_vtimezone_bytes(zone, first_year, last_year))
    assert isinstance(parsed, Timezone)
    return parsed
