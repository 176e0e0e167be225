"""The feed's own writer: exactly the properties a fresh feed of a one-off meeting
emits, written as icalendar writes them, without building icalendar components.

icalendar's serialiser costs more per event than the rest of the feed together
(each value becomes an object, each content line is folded a character at a time).
This writer produces the same bytes directly: the property order of icalendar's
``canonical_order`` (then alphabetical), RFC 5545 TEXT escaping in icalendar's
order, and folding at 75 octets that never splits a UTF-8 character nor an escape.
The VTIMEZONE is the zone module's component, as icalendar writes it.
The tests hold it to byte-for-byte equality with the icalendar path on generated
agendas, so every reader sees the same feed.

It serves only what it knows: a feed with a previous version, of a series, of a
meeting held over several days (one event a day) or with links (URL, CONFERENCE,
ATTACH) goes through icalendar (:func:`fresh_feed` returns None).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from ._timetable import Slot, Timetable

__all__ = ["fresh_feed"]

_CRLF = b"\r\n"
_FOLD = b"\r\n "
_LIMIT = 74  # octets of one line before its break (icalendar folds before the 75th)
_QUOTABLE = frozenset(',;:"\'')


def _escape(text: str) -> str:
    """RFC 5545 TEXT escaping, in icalendar's order (``\\N`` is read as a line break)."""
    return (text.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
            .replace("\r", "\\n"))


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded as icalendar folds it: each piece holds at
    most 74 octets, never ends inside a UTF-8 sequence, and a piece of more than one
    character does not end on a backslash or a caret (the escape moves on)."""
    data = line.encode("utf-8")
    size = len(data)
    if size <= _LIMIT:
        return data
    pieces = []
    start = 0
    while size - start > _LIMIT:
        cut = start + _LIMIT
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        if cut - start > 1 and data[cut - 1] in b"\\^":
            cut -= 1
        pieces.append(data[start:cut])
        start = cut
    pieces.append(data[start:])
    return _FOLD.join(pieces)


def _utc(moment: _dt.datetime) -> str:
    return (f"{moment.year:04d}{moment.month:02d}{moment.day:02d}T"
            f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z")


def _floating(moment: _dt.datetime) -> str:
    return (f"{moment.year:04d}{moment.month:02d}{moment.day:02d}T"
            f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}")


def _duration(delta: _dt.timedelta) -> str | None:
    """A positive whole-second duration as icalendar writes it (``PT1H``, ``P1DT30M``)."""
    if delta <= _dt.timedelta(0) or delta.microseconds:
        return None
    hours, rest = divmod(delta.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S"))
                    if n)
    return f"P{f'{delta.days}D' if delta.days else ''}{f'T{clock}' if clock else ''}"


def _when(name: str, moment: _dt.datetime) -> str:
    """DTSTART or DTEND: a wall-clock time with its TZID, or UTC."""
    key = getattr(moment.tzinfo, "key", None)
    if key is None or moment.utcoffset() is None or moment.tzinfo is _dt.UTC:
        return f"{name}:{_utc(moment.astimezone(_dt.UTC))}"
    return f"{name};TZID={key}:{_floating(moment)}"


def _vtimezone(zone: str, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE the icalendar path adds for `zone`, as it writes it (without the
    final line break)."""
    import zoneinfo

    from ._vtimezone import vtimezone

    try:
        return bytes(vtimezone(zone, first_year, last_year).to_ical()).removesuffix(_CRLF)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return b""


def fresh_feed(timetable: Timetable, *, items: bool, stamp: _dt.datetime, domain: str,
               track: str | None = None, audience: str | None = None,
               refresh: _dt.timedelta, name: str | None = None) -> bytes | None:
    """The feed `to_ics` writes for `timetable` with no previous feed, or None when
    this writer does not serve it (a repeating meeting, a zone name that would need
    quoting). `stamp` is the UTC time of DTSTAMP, CREATED and LAST-MODIFIED; `domain`
    the checked UID domain; `track`, `audience`, `refresh` and `name` are those of
    :func:`agenda.to_ics`."""
    from . import _ics
    from ._audience import for_audience
    from ._links import has_links

    meeting = timetable.meeting
    zone = timetable.zone
    every = _duration(refresh)
    if (meeting.repeats or _QUOTABLE & set(zone) or every is None
            or len(timetable.days) > 1 or has_links(meeting)):
        return None
    seen = None if audience is None else {
        slot.number for slot in for_audience(timetable, audience)}
    key = meeting.key
    stamp_text = _utc(stamp)
    category = meeting.category
    parent_uid = _ics.event_uid(key, (), domain)
    # (summary, start, end, path, uid, RELATED-TO, description, location) of each event
    rows: list[tuple[str, int, int, tuple[str, ...], str, str | None, str, str | None]] = [
        (meeting.title, timetable.start_utc, timetable.end_utc, (), parent_uid, None,
         _ics._description(timetable), meeting.location)]
    if items:
        rows += [(slot.title, slot.start_utc, slot.end_utc, slot.path,
                  _ics.event_uid(key, slot.path, domain), parent_uid,
                  _ics._leaf_description(
                      slot, [p.title for p in parents]), slot.room or meeting.location)
                 for slot, parents in _leaves(timetable)
                 if (track is None or slot.track in (None, track))
                 and (seen is None or slot.number in seen)]

    events: list[list[str]] = []
    years: list[int] = []
    in_utc = False
    for title, start, end, path, uid, related, description, location in rows:
        dtstart, dtend = _ics._span(start, end, zone)
        for moment in (dtstart, dtend):
            if getattr(moment.tzinfo, "key", None) is None or moment.tzinfo is _dt.UTC:
                in_utc = True
            else:
                years.append(moment.year)
        lines = [
            "BEGIN:VEVENT",
            f"SUMMARY:{_escape(_ics._clean(title))}",
            _when("DTSTART", dtstart),
            _when("DTEND", dtend),
            f"DTSTAMP:{stamp_text}",
            f"UID:{_escape(uid)}",
            "SEQUENCE:0",
        ]
        if category:
            lines.append(f"CATEGORIES:{_escape(_ics._clean(category))}")
        lines.append(f"CREATED:{stamp_text}")
        lines.append(f"DESCRIPTION:{_escape(_ics._clean(description))}")
        lines.append(f"LAST-MODIFIED:{stamp_text}")
        if location:
            lines.append(f"LOCATION:{_escape(_ics._clean(location))}")
        if related is not None:
            lines.append(f"RELATED-TO:{_escape(related)}")
        lines.append("STATUS:CONFIRMED")
        lines.append(f"{_ics._PATH}:{_escape(_ics._path_text(path))}")
        lines.append("END:VEVENT")
        events.append(lines)

    calendar_name = _escape(_ics._clean(meeting.title if name is None else name))
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_escape(_ics.PRODID)}",
        "CALSCALE:GREGORIAN",
        f"NAME:{calendar_name}",
        f"X-WR-CALNAME:{calendar_name}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{every}",
        f"{_ics.FEED_MARKER}:{_escape(_ics.FEED_VERSION)}",
        f"{_ics._MEETING}:{_escape(_ics._safe_key(key))}",
        f"{_ics._DOMAIN}:{_escape(domain)}",
        f"X-PUBLISHED-TTL:{every}",
    ]
    if zone == "UTC" or not in_utc:
        head.append(f"X-WR-TIMEZONE:{_escape(zone)}")
    out = [fold(line) for line in head]
    block = _vtimezone(zone, min(years), max(years)) if years and zone != "UTC" else b""
    if block:
        out.append(block)
    for lines in events:
        out += [fold(line) for line in lines]
    out.append(fold("END:VCALENDAR"))
    out.append(b"")
    return _CRLF.join(out)


def _leaves(timetable: Timetable) -> Iterator[tuple[Slot, list[Slot]]]:
    """Each leaf slot with the slots that enclose it, from the top (by number, as
    the icalendar path finds them)."""
    slots = list(timetable)
    by_number = {slot.number: slot for slot in slots}
    for slot in slots:
        if slot.is_block:
            continue
        parents: list[Slot] = []
        number = slot.number
        while "." in number:
            number = number.rpartition(".")[0]
            parents.insert(0, by_number[number])
        yield slot, parents
