"""Wall-clock words without words: how a message shows an instant in the meeting's zone.

``14:00`` on the meeting's day, ``2024-03-14 00:30`` on another day, and the UTC
offset after a time that the zone's clocks show twice (``01:30 (UTC-04:00)``), so a
range across a clock change never reads ``01:30–01:00``. The same text serves both
languages.
"""

from __future__ import annotations

import datetime as _dt
import zoneinfo

__all__ = ["clock_change", "clock_text", "is_ambiguous"]


def _zone(name: str) -> _dt.tzinfo:
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


def _offset(local: _dt.datetime) -> str:
    text = local.strftime("%z")
    return f"UTC{text[:3]}:{text[3:]}" if text else "UTC"


def clock_text(utc: int, zone: str, day: _dt.date | None = None) -> str:
    """`utc` seconds as the wall clock in `zone`: ``HH:MM``, with the date when it is not
    `day`, and the UTC offset when the zone shows that wall-clock time twice."""
    try:
        local = _dt.datetime.fromtimestamp(utc, tz=_zone(zone))
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
    tz = _zone(zone)
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
