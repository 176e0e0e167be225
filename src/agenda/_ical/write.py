"""The feed's one serialiser: a calendar head, its VTIMEZONEs and its events, as bytes.

Every feed goes through :func:`write`: fresh or regenerated against its previous
version, of a single meeting or of a series, whole or of one track or audience. What
it writes is the model of :mod:`.content` (a :class:`~.content.Content` with its
:class:`~.content.Stamps`, or an event :class:`~.content.Kept` from the previous feed);
the assembly (property order, the VTIMEZONEs, kept events) is one.

How a value becomes a content line is a strategy. :data:`LINES`, the one used, writes
the lines directly: icalendar's property order (``canonical_order``, then
alphabetical), RFC 5545 TEXT escaping in icalendar's order, its date-time, duration
and folding forms (75 octets at most, never inside a UTF-8 sequence or an escape).
:data:`ICALENDAR` builds icalendar's own components and lets icalendar write them:
the reference the first is held to, byte for byte, by the tests.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Sequence

import attrs

from .._time import zone_name
from .content import Content, Head, Kept, Stamped, Stamps
from .names import DOMAIN, FEED_MARKER, FEED_VERSION, MEETING, PATH, PRODID, ZONE, path_text
from .text import escape, fold, parameter

__all__ = ["ICALENDAR", "LINES", "Strategy", "content_lines", "write"]

_CRLF = b"\r\n"

# icalendar's property order: these first, in this order, then the others by name.
EVENT_ORDER = ("SUMMARY", "DTSTART", "DTEND", "DURATION", "DTSTAMP", "UID", "RECURRENCE-ID",
               "SEQUENCE", "RRULE", "RDATE", "EXDATE")
_RANK = {name: k for k, name in enumerate(EVENT_ORDER)}


def _name(line: str) -> str:
    cut = len(line)
    for mark in (";", ":"):
        found = line.find(mark)
        if 0 <= found < cut:
            cut = found
    return line[:cut].upper()


def in_order(lines: Iterable[str]) -> list[str]:
    """Content lines of one event in icalendar's property order (lines of one name keep
    their order)."""
    ranked = [(_RANK.get(name, len(_RANK)), name, k, line)
              for k, line in enumerate(lines) for name in (_name(line),)]
    return [line for *_, line in sorted(ranked)]


# -- values ---------------------------------------------------------------------------------
def _utc(moment: _dt.datetime) -> str:
    return (f"{moment.year:04d}{moment.month:02d}{moment.day:02d}T"
            f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z")


def _date_time(name: str, moment: _dt.datetime) -> str:
    """A DATE-TIME property of the model: UTC with ``Z``, else the wall-clock time with
    its zone's TZID."""
    if moment.tzinfo is _dt.UTC:
        return f"{name}:{_utc(moment)}"
    key = zone_name(moment)
    if key is None:  # pragma: no cover - the model holds UTC or zones with a key
        raise ValueError(f"{name} {moment!r} is neither UTC nor in a named zone")
    return (f"{name};TZID={parameter(key)}:{moment.year:04d}{moment.month:02d}{moment.day:02d}T"
            f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}")


def duration_text(seconds: int) -> str:
    """An exact DURATION: as icalendar writes a duration under a day, else in hours
    (RFC 5545 days are nominal: ``P1D`` is not 24 hours across a clock change)."""
    if seconds < 0:
        raise ValueError(f"a duration of {seconds} seconds")
    if seconds < 86400:
        return _icalendar_duration(_dt.timedelta(seconds=seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"PT{hours}H" + (f"{minutes}M" if minutes else "") + (f"{secs}S" if secs else "")


def _icalendar_duration(delta: _dt.timedelta) -> str:
    """A non-negative duration as icalendar's ``vDuration`` writes it."""
    clock = ""
    if delta.seconds:
        hours, rest = divmod(delta.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        clock = "T" + (f"{hours}H" if hours else "") + (
            f"{minutes}M" if minutes or (hours and seconds) else "") + (
            f"{seconds}S" if seconds else "")
    if delta.days == 0 and clock:
        return f"P{clock}"
    return f"P{delta.days}D{clock}"


# -- the strategies -------------------------------------------------------------------------
@attrs.frozen
class Strategy:
    """How the model becomes content lines: `event` gives the lines of a content (or,
    with None, of a status and stamps alone) in icalendar's property order; `head`
    the calendar's own lines; `fold` folds one line; `timezone` writes a VTIMEZONE (a
    zone and the first and last year it covers)."""

    name: str
    event: Callable[[Content | None, Stamps | None, str | None], list[str]]
    head: Callable[[Head], list[str]]
    fold: Callable[[str], bytes]
    timezone: Callable[[str, int, int], bytes]


def content_lines(content: Content | None, stamps: Stamps | None = None,
                  status: str | None = "CONFIRMED") -> list[str]:
    """The content lines of `content` with `stamps` and `status`, unfolded, in
    icalendar's property order: the lines the feed writes."""
    out: list[str] = []
    if content is not None:
        out.append(f"SUMMARY:{escape(content.summary)}")
        out.append(_date_time("DTSTART", content.start))
        if content.end is not None:
            out.append(_date_time("DTEND", content.end))
        if content.duration is not None:
            out.append(f"DURATION:{duration_text(content.duration)}")
    stamp, created, modified, sequence = _stamp_texts(stamps)
    if stamp is not None:
        out.append(stamp)
    if content is not None:
        out.append(f"UID:{escape(content.uid)}")
        if content.recurrence_id is not None:
            out.append(_date_time("RECURRENCE-ID", content.recurrence_id))
    if sequence is not None:
        out.append(sequence)
    if content is not None:
        if content.rule is not None:
            out.append(f"RRULE:{content.rule}")
        out += [_date_time("RDATE", moment) for moment in content.rdates]
        out += [_date_time("EXDATE", moment) for moment in content.exdates]
        out += [f"ATTACH;FILENAME={parameter(title)}:{uri}"
                for title, uri in content.attachments]
        if content.category:
            out.append(f"CATEGORIES:{escape(content.category)}")
        if content.conference is not None:
            out.append(f"CONFERENCE;FEATURE=VIDEO;LABEL={parameter(content.label)};"
                       f"VALUE=URI:{content.conference}")
    if created is not None:
        out.append(created)
    if content is not None:
        out.append(f"DESCRIPTION:{escape(content.description)}")
    if modified is not None:
        out.append(modified)
    if content is not None:
        if content.location:
            out.append(f"LOCATION:{escape(content.location)}")
        if content.related_to is not None:
            out.append(f"RELATED-TO:{escape(content.related_to)}")
    if status is not None:
        out.append(f"STATUS:{escape(status)}")
    if content is not None:
        if content.url is not None:
            out.append(f"URL:{content.url}")
        out.append(f"{PATH}:{escape(path_text(content.path))}")
    return out


@functools.lru_cache(maxsize=8)
def _stamp_texts(stamps: Stamps | None) -> tuple[str | None, str | None, str | None, str | None]:
    """The DTSTAMP, CREATED, LAST-MODIFIED and SEQUENCE lines of `stamps` (held: every
    new or changed event of a feed has the same)."""
    if stamps is None:
        return None, None, None, None

    def line(name: str, moment: _dt.datetime | None) -> str | None:
        return None if moment is None else f"{name}:{_utc(moment)}"

    return (line("DTSTAMP", stamps.stamp), line("CREATED", stamps.created),
            line("LAST-MODIFIED", stamps.last_modified),
            None if stamps.sequence is None else f"SEQUENCE:{stamps.sequence}")


def head_lines(head: Head) -> list[str]:
    """The calendar's own content lines, in icalendar's property order."""
    name = escape(head.name)
    every = _icalendar_duration(_dt.timedelta(seconds=head.refresh))
    out = [
        "VERSION:2.0",
        f"PRODID:{escape(PRODID)}",
        "CALSCALE:GREGORIAN",
        f"NAME:{name}",
        f"X-WR-CALNAME:{name}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{every}",
        f"{FEED_MARKER}:{escape(FEED_VERSION)}",
        f"{MEETING}:{escape(head.meeting)}",
        f"{ZONE}:{escape(head.zone)}",
        f"{DOMAIN}:{escape(head.domain)}",
        f"X-PUBLISHED-TTL:{every}",
    ]
    if head.wr_timezone:
        out.append(f"X-WR-TIMEZONE:{escape(head.zone)}")
    return out


def _timezone_lines(zone: str, first_year: int, last_year: int) -> bytes:
    from .vtimezone import vtimezone_bytes

    return vtimezone_bytes(zone, first_year, last_year)


LINES = Strategy("lines", content_lines, head_lines, fold, _timezone_lines)
"""The content lines written directly (every feed)."""


# -- icalendar's own ----------------------------------------------------------------------
def _icalendar_value(moment: _dt.datetime) -> tuple[_dt.datetime, dict[str, str]]:
    if moment.tzinfo is _dt.UTC:
        return moment, {}
    return moment.replace(tzinfo=None), {"TZID": zone_name(moment) or ""}


def _icalendar_event(content: Content | None, stamps: Stamps | None, status: str | None
                     ) -> list[str]:
    """The lines icalendar writes for the same content."""
    from icalendar import Event, vDuration, vRecur, vText, vUri

    event = Event()

    def when(name: str, moment: _dt.datetime) -> None:
        value, parameters = _icalendar_value(moment)
        event.add(name, value, parameters=parameters)

    if content is not None:
        event.add("UID", content.uid)
        event.add("SUMMARY", vText(content.summary))
        if content.recurrence_id is not None:
            when("RECURRENCE-ID", content.recurrence_id)
        when("DTSTART", content.start)
        if content.end is not None:
            when("DTEND", content.end)
        if content.duration is not None:
            seconds = content.duration
            event.add("DURATION", vDuration(_dt.timedelta(seconds=seconds))
                      if seconds < 86400 else vText(duration_text(seconds)))
        event.add("DESCRIPTION", vText(content.description))
        if content.location:
            event.add("LOCATION", vText(content.location))
        if content.category:
            event.add("CATEGORIES", [vText(content.category)])
        if content.rule is not None:
            event.add("RRULE", vRecur.from_ical(content.rule))
        for moment in content.rdates:
            when("RDATE", moment)
        for moment in content.exdates:
            when("EXDATE", moment)
        if content.related_to is not None:
            event.add("RELATED-TO", content.related_to)
        if content.url is not None:
            event.add("URL", vUri(content.url))
        if content.conference is not None:
            event.add("CONFERENCE", vUri(content.conference), parameters={
                "VALUE": "URI", "FEATURE": "VIDEO", "LABEL": content.label})
        for title, uri in content.attachments:
            event.add("ATTACH", vUri(uri), parameters={"FILENAME": title})
    if status is not None:
        event.add("STATUS", status)
    if content is not None:
        event.add(PATH, path_text(content.path))
    if stamps is not None:
        for name, stamp in (("DTSTAMP", stamps.stamp), ("LAST-MODIFIED", stamps.last_modified),
                            ("CREATED", stamps.created)):
            if stamp is not None:
                event.add(name, stamp)
        if stamps.sequence is not None:
            event.add("SEQUENCE", stamps.sequence)
    return [str(line) for line in event.content_lines()[1:-2]]


def _icalendar_head(head: Head) -> list[str]:
    from icalendar import Calendar, vDuration, vText

    calendar = Calendar()
    every = vDuration(_dt.timedelta(seconds=head.refresh))
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("NAME", vText(head.name))
    calendar.add("X-WR-CALNAME", vText(head.name))
    if head.wr_timezone:
        calendar.add("X-WR-TIMEZONE", head.zone)
    calendar.add("REFRESH-INTERVAL", every, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(_dt.timedelta(seconds=head.refresh)))
    calendar.add(FEED_MARKER, FEED_VERSION)
    calendar.add(DOMAIN, head.domain)
    calendar.add(MEETING, head.meeting)
    calendar.add(ZONE, head.zone)
    return [str(line) for line in calendar.content_lines()[1:-2]]


def _icalendar_fold(line: str) -> bytes:
    from icalendar.parser import Contentline

    folded: bytes = Contentline(line).to_ical()  # type: ignore[no-untyped-call]
    return folded


def _icalendar_timezone(zone: str, first_year: int, last_year: int) -> bytes:
    from .vtimezone import vtimezone

    return bytes(vtimezone(zone, first_year, last_year).to_ical())


ICALENDAR = Strategy("icalendar", _icalendar_event, _icalendar_head, _icalendar_fold,
                     _icalendar_timezone)
"""icalendar's components, written by icalendar."""


# -- the feed -------------------------------------------------------------------------------
def _timezone(zone: str, first_year: int, last_year: int, strategy: Strategy) -> bytes:
    """The VTIMEZONE of `zone` (without its last line break), or nothing for UTC and
    for a zone this machine does not know (the TZID stays, as written)."""
    if zone == "UTC":
        return b""
    try:
        return strategy.timezone(zone, first_year, last_year).removesuffix(_CRLF)
    except (KeyError, ValueError, OverflowError):  # zoneinfo's ZoneInfoNotFoundError: a KeyError
        return b""


def event_lines(event: Stamped | Kept, strategy: Strategy = LINES) -> list[str]:
    """The content lines of one event to write (without BEGIN and END)."""
    if isinstance(event, Stamped):
        return strategy.event(event.content, event.stamps, "CONFIRMED")
    lines = list(event.lines)
    if event.status is not None or event.stamps is not None:
        lines = in_order([*lines, *strategy.event(None, event.stamps, event.status)])
    return [*lines, *event.inner]


def write(head: Head, events: Sequence[Stamped | Kept], strategy: Strategy = LINES) -> bytes:
    """The feed: `head`, its VTIMEZONEs, then `events` in order (UTF-8, CRLF lines)."""
    fold_line = strategy.fold
    out = [b"BEGIN:VCALENDAR"]
    out += [fold_line(line) for line in strategy.head(head)]
    for zone, first, last in head.timezones:
        block = _timezone(zone, first, last, strategy)
        if block:
            out.append(block)
    for event in events:
        out.append(b"BEGIN:VEVENT")
        out += [fold_line(line) for line in event_lines(event, strategy)]
        out.append(b"END:VEVENT")
    out.append(b"END:VCALENDAR")
    out.append(b"")
    return _CRLF.join(out)
