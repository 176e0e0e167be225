"""Every wall-clock question: zones held, instants on the wall clock, and the words a
message uses for them.

Time zones are held: one zone object per name for the life of the process.

pendulum's `Timezone` subclasses `zoneinfo.ZoneInfo` but gets only its weak cache,
so a zone that nobody holds is read and parsed from its TZif file again on every
``pendulum.from_timestamp(ts, tz=name)``. Holding each zone here makes every later
lookup of the name (ours and pendulum's own) return the same parsed object.

`moment` and `wall` turn UTC seconds into the date-times the rest of the package
hands out: `moment` a pendulum `DateTime` (the public face), `wall` a standard
library `datetime` in the same zone for hot paths that only format it. `fold_instant`,
`local_instant` and `instants` go the other way, from a wall-clock time to UTC seconds;
`is_ambiguous` and `is_skipped` say whether the clocks show a wall-clock time twice or
not at all.
"""

from __future__ import annotations

import datetime as _dt
import functools
import zoneinfo

import pendulum
from pendulum.tz.exceptions import InvalidTimezone
from pendulum.tz.timezone import FixedTimezone, Timezone

__all__ = ["clock_change", "clock_text", "fold_instant", "in_zone", "instants", "is_ambiguous",
           "is_skipped", "local_instant", "midnight", "moment", "offset_text", "other_fold",
           "passes", "wall", "zone", "zone_name"]


# Names the zone database holds that are no IANA zone: the machine's own zone, a
# placeholder, and the copies of the database under other rules.
_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})
_NOT_ZONE_FOLDERS = ("right/", "posix/")


@functools.cache
def zone(name: str) -> Timezone | FixedTimezone:
    """The zone called `name`, parsed once and held.

    Raises pendulum's `InvalidTimezone` (a `ValueError`) for every name that is not a
    zone: unknown, a folder of the database (``Asia``), too long for a file name, or
    one of its files that is no place (``posixrules``, ``right/...``).
    """
    if name in _NOT_ZONES or name.startswith(_NOT_ZONE_FOLDERS):
        raise InvalidTimezone(name)
    try:
        return pendulum.timezone(name)
    except OSError:  # IsADirectoryError for a folder, ENAMETOOLONG for a long name
        raise InvalidTimezone(name) from None


def wall(utc: int, name: str) -> _dt.datetime:
    """The instant `utc` as an aware standard-library date-time in zone `name`."""
    return _dt.datetime.fromtimestamp(utc, zone(name))


def fold_instant(local: _dt.datetime, name: str) -> int:
    """UTC seconds (whole) of the naive wall-clock time `local` in zone `name`, as
    pendulum reads it: a time the clocks show twice is the pass ``local.fold`` names
    (0 the first, 1 the second); a time they skip moves by the gap, forward with
    ``fold=1`` and back with ``fold=0``."""
    return int(pendulum.instance(local, tz=zone(name)).timestamp())


def instants(local: _dt.datetime, name: str) -> list[int]:
    """The UTC seconds whose wall clock in zone `name` reads the naive `local`: one,
    two in a repeated hour, none in a skipped one."""
    tz = zone(name)
    if is_skipped(local.replace(tzinfo=tz)):
        return []
    return sorted(set(passes(local, tz)))


def in_zone(when: _dt.datetime, name: str) -> _dt.datetime:
    """The aware date-time `when` on the wall clock of zone `name` (the same instant)."""
    return when.astimezone(zone(name))


def zone_name(when: _dt.datetime) -> str | None:
    """The name of the zone `when` is in (``Asia/Seoul``), None when its zone has no
    name (UTC as the standard library's ``datetime.UTC``, a fixed offset)."""
    key = getattr(when.tzinfo, "key", None)
    return key if isinstance(key, str) else None


def moment(utc: int, name: str) -> pendulum.DateTime:
    """The instant `utc` as a pendulum date-time in zone `name`: what
    ``pendulum.from_timestamp(utc, tz=name)`` gives, without its conversions."""
    tz = zone(name)
    local = _dt.datetime.fromtimestamp(utc, tz)
    # pendulum marks every time in a zone without transitions (UTC) as fold=1.
    fold = 1 if isinstance(tz, FixedTimezone) or name == "UTC" else local.fold
    return pendulum.DateTime(local.year, local.month, local.day, local.hour, local.minute,
                             local.second, tzinfo=tz, fold=fold)


# -- wall-clock words ---------------------------------------------------------------------
# How a message shows an instant in the meeting's zone: ``14:00`` on the meeting's day,
# ``2024-03-14 00:30`` on another day, and the UTC offset after a time that the zone's
# clocks show twice (``01:30 (UTC-04:00)``), so a range across a clock change never reads
# ``01:30–01:00``. The same text serves both languages.
def _zone_or_utc(name: str) -> _dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return _dt.UTC


def is_ambiguous(local: _dt.datetime) -> bool:
    """Whether the wall-clock time of `local` occurs twice in its zone."""
    wall = local.replace(tzinfo=None)
    zone = local.tzinfo
    first = wall.replace(tzinfo=zone, fold=0).utcoffset()
    second = wall.replace(tzinfo=zone, fold=1).utcoffset()
    return first != second


def is_skipped(local: _dt.datetime) -> bool:
    """Whether the clocks skip the wall-clock time of `local` (zone-aware): no instant
    reads it (02:30 on the night New York springs forward from 02:00 to 03:00)."""
    back = _dt.datetime.fromtimestamp(int(local.timestamp()), local.tzinfo)
    return back.replace(tzinfo=None) != local.replace(tzinfo=None)


def passes(local: _dt.datetime, zone: _dt.tzinfo) -> tuple[int, int]:
    """UTC seconds of the naive wall-clock time `local` in `zone`, first and second
    pass: equal where the clocks show it once, the later second where they show it
    twice (a skipped time reads as RFC 5545 and zoneinfo read it)."""
    first = int(local.replace(tzinfo=zone, fold=0).timestamp())
    second = int(local.replace(tzinfo=zone, fold=1).timestamp())
    return first, second


def _offset(local: _dt.datetime) -> str:
    text = local.strftime("%z")
    return f"UTC{text[:3]}:{text[3:]}" if text else "UTC"


def clock_text(utc: int, zone: str, day: _dt.date | None = None) -> str:
    """`utc` seconds as the wall clock in `zone`: ``HH:MM``, with the date when it is not
    `day`, and the UTC offset when the zone shows that wall-clock time twice."""
    try:
        local = _dt.datetime.fromtimestamp(utc, tz=_zone_or_utc(zone))
    except (OverflowError, OSError, ValueError):
        return "(out of the calendar's range)"
    text = local.strftime("%H:%M")
    if day is not None and local.date() != day:
        text = f"{local.date().isoformat()} {text}"
    if is_ambiguous(local):
        text = f"{text} ({_offset(local)})"
    return text


def clock_change(utc: int, zone: str, forward: bool) -> str:
    """Words (an English phrase, also a key of the message catalog's phrases) for the
    clock change around `utc`: daylight saving time, or a change of the zone's offset
    (Asia/Pyongyang in 2015, Pacific/Apia in 2011)."""
    tz = _zone_or_utc(zone)
    day = 12 * 3600
    try:
        before = _dt.datetime.fromtimestamp(utc - day, tz=tz)
        after = _dt.datetime.fromtimestamp(utc + day, tz=tz)
    except (OverflowError, OSError, ValueError):
        before = after = _dt.datetime.fromtimestamp(0, tz=tz)
    dst = before.dst() != after.dst()
    if forward:
        return ("skip it for daylight saving time" if dst
                else "skip it when the zone's offset changes")
    return ("go back when daylight saving time ends" if dst
            else "go back when the zone's offset changes")


# -- wall-clock times as documents write them -----------------------------------------------
# A printed agenda gives naive wall-clock times, sometimes with the zone's abbreviation or
# UTC offset where a range crosses a clock change (``01:30 EDT–01:30 EST``, ``+04:00``).


def local_instant(local: _dt.datetime, name: str, *, offset: int | None = None,
                  mark: str | None = None, not_before: int | None = None) -> int:
    """UTC seconds of the naive wall-clock time `local` in zone `name`.

    `offset` (seconds east of UTC) or a `mark` written beside the time (the zone's
    abbreviation, ``EDT``, or an offset, ``+04:00``) says which instant it is; else the
    first pass where the clocks show it twice, or the second when `not_before` falls
    between the two (a range that runs into the repeated hour). A time the clocks skip
    reads as RFC 5545 and zoneinfo read it.
    """
    if offset is None and mark is not None:
        offset = _offset_mark(mark)
    if offset is not None:
        return int((local - _dt.timedelta(seconds=offset)).replace(tzinfo=_dt.UTC).timestamp())
    tz = zone(name)
    if mark is not None:
        for fold in (0, 1):
            placed = local.replace(tzinfo=tz, fold=fold)
            if placed.tzname() == mark:
                return int(placed.timestamp())
    first, second = passes(local, tz)
    if first < second and not_before is not None and first < not_before <= second:
        return second
    return first


def _offset_mark(mark: str) -> int | None:
    """Seconds east of UTC of a mark written as an offset (``+04:00``), else None."""
    sign, hours, colon, minutes = mark[:1], mark[1:3], mark[3:4], mark[4:]
    if sign not in ("+", "-") or colon != ":" or not (hours + minutes).isdigit() or len(
            mark) != 6:
        return None
    seconds = int(hours) * 3600 + int(minutes) * 60
    return -seconds if sign == "-" else seconds


# -- the wall clock of a printed range ----------------------------------------------------
# What the printed tables ask: the other pass of a wall-clock time the zone shows twice,
# the UTC offset as a range prints it, and a day's midnight for its date and weekday.
__all__ += ["midnight", "offset_text", "other_fold"]


def other_fold(local: _dt.datetime) -> _dt.datetime | None:
    """The wall-clock time of `local` at its other pass, when its zone shows that time
    twice (or skips it); None for an ordinary time or a zone without rules
    (a fixed offset, UTC)."""
    tz = local.tzinfo
    if not isinstance(tz, zoneinfo.ZoneInfo):
        return None
    first = _dt.datetime(local.year, local.month, local.day, local.hour, local.minute,
                         local.second, tzinfo=tz)
    second = first.replace(fold=1)
    offset = first.utcoffset()
    if offset == second.utcoffset():
        return None
    return second if offset == local.utcoffset() else first


def offset_text(local: _dt.datetime) -> str:
    """The UTC offset of `local` as a printed range shows it: ``+09:00``, ``-04:00``."""
    offset = local.utcoffset() or _dt.timedelta()
    minutes = offset.total_seconds() / 60
    hours, rest = divmod(abs(int(minutes)), 60)
    return f"{'+' if minutes >= 0 else '-'}{hours:02d}:{rest:02d}"


def midnight(date: _dt.date, name: str) -> _dt.datetime:
    """The start of `date` on the wall clock of zone `name` (for its date and weekday)."""
    return _dt.datetime(date.year, date.month, date.day, tzinfo=zone(name))
