"""Feeds read back: what subscribers have, and the previous feed an update starts from.

One reader, two strategies. A feed is first scanned as content lines: a feed written
by agenda holds only the properties and value forms the writer writes, each decoded
here directly. A line the scan does not know (another property, a parameter, a value
in a form the writer does not write, a zone this machine lacks) hands the whole feed to
icalendar's parser, which reads anything iCalendar and refuses, by name, what this
module cannot use. Both give the same :class:`FeedEvent`; the first is much faster.

Times written in UTC (an end in a repeated hour) are given back in the meeting's zone,
which the feed names (``X-AGENDA-TIMEZONE``; older feeds: ``X-WR-TIMEZONE``, else their
first VTIMEZONE).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._time import moment as _moment
from .._time import zone as _held_zone
from .._time import zone_name
from .._words.catalog import escape_controls
from .changes import event_content
from .events import FeedEvent, FeedTimetable
from .names import (
    DEFAULT_UID_DOMAIN,
    DOMAIN,
    FEED_MARKER,
    MEETING,
    PATH,
    PRODID,
    ZONE,
    FeedError,
    path_of,
)

if TYPE_CHECKING:
    import pendulum

__all__ = ["Read", "Written", "from_ics", "read_feed"]

_MAX_SEQUENCE = 2**31 - 2  # RFC 5545 integers are 32-bit; the next one must fit too
_SINGLE = ("UID", "DTSTART", "DTEND", "SEQUENCE", "DTSTAMP", "CREATED", "LAST-MODIFIED",
           "STATUS", "SUMMARY", "RRULE", "RELATED-TO", "LOCATION", "DESCRIPTION", PATH)


@attrs.frozen
class Written:
    """One VEVENT as read: its own content lines (unfolded, as written), the lines of
    the components inside it, and what it says."""

    lines: tuple[str, ...]
    inner: tuple[str, ...]
    event: FeedEvent


@attrs.frozen
class Read:
    """A feed as read: its name, the meeting's zone, the UID domain and meeting key
    it names (None when it does not), and its events."""

    name: str
    zone: str
    uid_domain: str | None
    meeting: str | None
    events: tuple[Written, ...]

    def timetable(self) -> FeedTimetable:
        domain = DEFAULT_UID_DOMAIN if self.uid_domain is None else self.uid_domain
        return FeedTimetable(name=self.name, zone=self.zone, uid_domain=domain,
                             events=tuple(w.event for w in self.events))


def from_ics(data: bytes | bytearray | str) -> FeedTimetable:
    """Read a feed written by :func:`to_ics`; :class:`FeedError` for anything else."""
    return read_feed(data).timetable()


def read_feed(data: bytes | bytearray | str, source: str | None = None) -> Read:
    """Read a feed written by agenda (FeedError for anything else, naming `source`):
    scanned when it holds only what agenda writes, else parsed by icalendar."""
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, bytes | str):
        raise TypeError(f"a feed is bytes, bytearray or str, got {type(data).__name__}")
    return _read(data, source)


@functools.lru_cache(maxsize=2)
def _read(data: bytes | str, source: str | None) -> Read:
    """The feed read (held: a command that shows what it updates reads its previous feed
    again; a `Read` is a value)."""
    text = _text(data, source)
    return _scan(text) or _parse(text, source)


# -- text -----------------------------------------------------------------------------------
_FOLD = re.compile(rb"\r?\n[ \t]")


def _text(data: bytes | str, source: str | None) -> str:
    """The feed's text with its lines unfolded *before* decoding (RFC 5545 §3.1: a
    fold may fall inside a UTF-8 sequence); FeedError for no text at all."""
    if isinstance(data, str):
        if "\x00" in data:
            raise FeedError("a binary file, not iCalendar text; it is left untouched", source)
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise FeedError(f"not UTF-8 text ({exc.reason} at character {exc.start})",
                            source) from None
    elif b"\x00" in data[:65536]:
        raise FeedError("a binary file, not iCalendar text; it is left untouched", source)
    if b"\n\t" not in data and data.count(b"\n ") == data.count(b"\r\n "):
        unfolded = data.replace(b"\r\n ", b"")  # every fold is CRLF and a space
    else:
        unfolded = _FOLD.sub(b"", data)
    try:
        return unfolded.decode("utf-8")
    except UnicodeDecodeError:
        raise FeedError("a binary file, not iCalendar text; it is left untouched",
                        source) from None


def _unescape(value: str) -> str:
    """TEXT unescaped (``\\n`` and ``\\N`` are line breaks)."""
    if "\\" not in value:
        return value
    if "\\\\" not in value:  # each backslash starts an escape of one character
        plain = (value.replace("\\n", "\n").replace("\\N", "\n").replace("\\;", ";")
                 .replace("\\,", ","))
        if "\\" not in plain:
            return plain
    return _ESCAPED.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


_ESCAPED = re.compile(r"\\(.)")


# -- the scan -------------------------------------------------------------------------------
_PLAIN = r"[^\\;,\x00-\x08\x0a-\x1f\x7f]*+"
_T = rf"{_PLAIN}(?:\\[\\;,n]{_PLAIN})*+"  # TEXT as the writer escapes it (without backtracking)
_DT = r"\d{8}T\d{6}"
_ZONE_ID = r"[^;:\",\x00-\x1f]+"
_DURATION = r"P(?=\d|T\d)(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?"
_TEXT = re.compile(_T)
_URI = r"[^\x00-\x1f\x7f]*+"
# A parameter value as icalendar writes it and reads it back unchanged: RFC 6868's
# escapes, quoted only when it must be; no backslash, and unquoted, no space or tab at
# either end or beside an "=" (icalendar's reader drops those).
_PARAMETER_CHAR = r"[^\"^\\\x00-\x1f\x7f]|\^[\^n']"
_PARAMETER = (rf"(?:\"(?=[^\"\n]*[,;:\u2019])(?:{_PARAMETER_CHAR})*+\""
              rf"|(?![ \t])(?:(?![,;:\u2019]|[ \t]=|=[ \t]){_PARAMETER_CHAR})*+(?<![ \t]))")


def _time(name: str, group: str) -> str:
    """One DATE-TIME line: with its TZID, or in UTC."""
    return (rf"(?:{name}(?:;TZID=(?P<{group}_tz>{_ZONE_ID}):(?P<{group}>{_DT})"
            rf"|:(?P<{group}_utc>{_DT})Z)\n)")


def _times(name: str) -> str:
    return rf"(?:{name}(?:;TZID={_ZONE_ID}:{_DT}(?:,{_DT})*|:{_DT}Z(?:,{_DT}Z)*)\n)*"


# One VEVENT as the writer writes it: its properties, each optional but DTSTART, in the
# writer's (icalendar's) order and forms.
_EVENT = re.compile(
    r"BEGIN:VEVENT\n(?P<body>"
    rf"(?:SUMMARY:(?P<summary>{_T})\n)?"
    + _time("DTSTART", "start") + "?"
    + _time("DTEND", "end") + "?"
    + rf"(?:DURATION:(?P<duration>{_DURATION})\n)?"
    + rf"(?:DTSTAMP:(?P<stamp>{_DT})Z\n)?"
    + rf"(?:UID:(?P<uid>{_T})\n)?"
    + _time("RECURRENCE-ID", "rid") + "?"
    + r"(?:SEQUENCE:(?P<sequence>0|[1-9]\d{0,9})\n)?"
    + r"(?:RRULE:(?P<rule>[A-Z0-9=;,+-]+)\n)?"
    + rf"(?P<dates>{_times('RDATE')}{_times('EXDATE')})"
    + rf"(?:ATTACH;FILENAME={_PARAMETER}:{_URI}\n)*"
    + rf"(?P<categories>(?:CATEGORIES:{_T}\n)*)"
    + rf"(?:CONFERENCE;FEATURE=VIDEO;LABEL={_PARAMETER};VALUE=URI:{_URI}\n)?"
    + rf"(?:CREATED:(?P<created>{_DT})Z\n)?"
    + rf"(?:DESCRIPTION:(?P<description>{_T})\n)?"
    + rf"(?:LAST-MODIFIED:(?P<modified>{_DT})Z\n)?"
    + rf"(?:LOCATION:(?P<location>{_T})\n)?"
    + rf"(?:RELATED-TO:(?P<related>{_T})\n)?"
    + rf"(?:STATUS:(?P<status>{_T})\n)?"
    + rf"(?:URL:{_URI}\n)?"
    + rf"(?:{PATH}:(?P<path>{_T})\n)?"
    + r")END:VEVENT\n")
_HEAD = re.compile(r"([A-Z][A-Z0-9-]*)(;VALUE=DURATION)?:(.*)")
# The calendar's own properties as agenda writes them.
_HEAD_FORMS = {name: _TEXT for name in ("PRODID", "NAME", "X-WR-CALNAME", FEED_MARKER, MEETING,
                                         ZONE, DOMAIN, "X-WR-TIMEZONE")}
_HEAD_FORMS.update({"VERSION": re.compile(r"2\.0"), "CALSCALE": re.compile("GREGORIAN"),
                    "REFRESH-INTERVAL": re.compile(_DURATION),
                    "X-PUBLISHED-TTL": re.compile(_DURATION)})
_ZONE_LINES = re.compile(
    r"(?:BEGIN|END):(?:STANDARD|DAYLIGHT)|TZID:[^\\;,\x00-\x1f]+|DTSTART:\d{8}T\d{6}"
    r"|TZOFFSET(?:FROM|TO):[+-]\d{4}(?:\d\d)?|TZNAME:(?:[^\\;,\x00-\x1f]|\\[\\;,])*"
    r"|RRULE:[A-Z0-9=;,+-]+|RDATE:\d{8}T\d{6}(?:,\d{8}T\d{6})*")


class _Unknown(Exception):
    """Something the scan does not read: icalendar reads the feed."""


def _zone_of(tzid: str) -> _dt.tzinfo:
    try:
        return _held_zone(tzid)
    except (ValueError, KeyError, OSError):  # a zone this machine does not know
        raise _Unknown from None


def _instant(tzid: str | None, value: str) -> int:
    """UTC seconds of a DATE-TIME value (``YYYYMMDDTHHMMSS``): with its TZID (the first
    of a repeated wall-clock time, as RFC 5545 reads it), else in UTC."""
    try:
        local = _dt.datetime.fromisoformat(value).replace(
            tzinfo=_dt.UTC if tzid is None else _zone_of(tzid))
        return int(local.timestamp())
    except (ValueError, OverflowError):
        raise _Unknown from None


class _Values:
    """The values of one feed's scan, each read once (a feed repeats its stamps, and an
    item ends where the next begins); times in UTC are given in `zone`."""

    def __init__(self, zone: str) -> None:
        self.zone = zone
        self._moments: dict[tuple[str | None, str], pendulum.DateTime] = {}
        self._stamps: dict[str, _dt.datetime] = {}

    def moment(self, tzid: str | None, value: str) -> pendulum.DateTime:
        key = (tzid, value)
        found = self._moments.get(key)
        if found is None:
            found = _moment(_instant(tzid, value), self.zone if tzid is None else tzid)
            self._moments[key] = found
        return found

    def time(self, found: re.Match[str], group: str) -> pendulum.DateTime | None:
        tzid = found[f"{group}_tz"]
        if tzid is not None:
            return self.moment(tzid, found[group])
        value = found[f"{group}_utc"]
        return None if value is None else self.moment(None, value)

    def stamp(self, value: str | None) -> _dt.datetime | None:
        if value is None:
            return None
        found = self._stamps.get(value)
        if found is None:
            try:
                found = _dt.datetime.fromisoformat(value).replace(tzinfo=_dt.UTC)
            except ValueError:
                raise _Unknown from None
            self._stamps[value] = found
        return found


def _lines_of(text: str) -> list[str]:
    """The lines of `text`, each ended by LF (no other character ends a content line)."""
    return text.split("\n")[:-1]


def _seconds(value: str) -> int:
    return int(event_content([f"DURATION:{value}"])[0][9:])


def shown_zone(zone: str) -> str:
    """The zone in which times written in UTC are given: the meeting's, if known here."""
    try:
        _held_zone(zone)
    except (ValueError, OSError):
        return "UTC"
    return zone


def _decode(found: re.Match[str], values: _Values) -> Written:
    """The event the scan found (_Unknown for anything it does not read)."""
    start = values.time(found, "start")
    end = values.time(found, "end")
    duration = found["duration"]
    if start is None or (end is None and duration is None):
        raise _Unknown
    if end is None:
        end = _moment(start.int_timestamp + _seconds(duration),
                      start.timezone_name or values.zone)
    for line in _lines_of(found["dates"]):  # RDATE and EXDATE: readable, not read
        head, _, dates = line.partition(":")
        for value in dates.split(","):
            _instant(head.partition(";TZID=")[2] or None, value.removesuffix("Z"))
    sequence = int(found["sequence"] or 0)
    text = found["path"]
    try:
        path = () if text is None or text == "/" else path_of(_unescape(text))
    except ValueError:
        raise _Unknown from None
    if sequence > _MAX_SEQUENCE:
        raise _Unknown
    lines = tuple(_lines_of(found["body"]))

    def said(group: str) -> str | None:
        value = found[group]
        return None if value is None else _unescape(value)

    return Written(lines, (), FeedEvent(
        uid=said("uid") or "", summary=said("summary") or "", start=start, end=end,
        recurrence_id=values.time(found, "rid"), content=event_content(lines),
        status=(said("status") or "CONFIRMED").upper(), sequence=sequence, path=path,
        related_to=said("related"), location=said("location"),
        description=said("description") or "",
        categories=tuple(_unescape(line[11:]) for line in _lines_of(found["categories"])),
        rrule=found["rule"], stamp=values.stamp(found["stamp"]),
        last_modified=values.stamp(found["modified"]), created=values.stamp(found["created"])))


def _scan(text: str) -> Read | None:
    """The feed read by its content lines, or None when it holds anything the writer does
    not write (icalendar then reads it)."""
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        return None
    if "\n\n" in text or text.startswith("\n"):
        text = re.sub(r"\n\n+", "\n", text).lstrip("\n")  # icalendar skips empty lines
    text = text.rstrip("\n") + "\n"
    if not text.startswith("BEGIN:VCALENDAR\n") or not text.endswith("\nEND:VCALENDAR\n"):
        return None
    head: dict[str, str] = {}
    tzids: list[str] = []
    events: list[re.Match[str]] = []
    k, last = len("BEGIN:VCALENDAR\n"), len(text) - len("END:VCALENDAR\n")
    while k < last:
        if text.startswith("BEGIN:VEVENT\n", k):
            found = _EVENT.match(text, k, last)
            if found is None:
                return None
            events.append(found)
            k = found.end()
        elif text.startswith("BEGIN:VTIMEZONE\n", k):
            end = text.find("END:VTIMEZONE\n", k, last)
            body = _lines_of(text[k + len("BEGIN:VTIMEZONE\n"):end])
            if end < 0 or not _timezone(body):
                return None
            tzids.append(next(one[5:] for one in body if one.startswith("TZID:")))
            k = end + len("END:VTIMEZONE\n")
        else:
            end = text.index("\n", k)
            found = _HEAD.fullmatch(text, k, end)
            if found is None or found[1] in head:
                return None
            name, parameter, value = found.groups()
            form = _HEAD_FORMS.get(name)
            if (form is None or (parameter is not None) != (name == "REFRESH-INTERVAL")
                    or not form.fullmatch(value)):
                return None
            head[name] = value
            k = end + 1
    said = {name: _unescape(value) for name, value in head.items()}
    if FEED_MARKER not in said and said.get("PRODID") != PRODID:
        return None
    zone = said.get(ZONE) or said.get("X-WR-TIMEZONE") or (tzids[0] if tzids else "UTC")
    values = _Values(shown_zone(zone))
    try:
        written = tuple(_decode(found, values) for found in events)
    except _Unknown:
        return None
    meeting = said[MEETING] if MEETING in said else _path_meeting(written)
    return Read(name=said.get("X-WR-CALNAME", said.get("NAME", "")), zone=zone,
                uid_domain=said.get(DOMAIN), meeting=meeting, events=written)


def _timezone(lines: Sequence[str]) -> bool:
    """Whether `lines` are a VTIMEZONE as agenda writes it: one TZID, then STANDARD and
    DAYLIGHT observances, each closed before the next."""
    inside: str | None = None
    tzids = 0
    for line in lines:
        if not _ZONE_LINES.fullmatch(line):
            return False
        if line.startswith("BEGIN:"):
            if inside is not None:
                return False
            inside = line[6:]
        elif line.startswith("END:"):
            if inside != line[4:]:
                return False
            inside = None
        elif line.startswith("TZID:"):
            tzids += 1
            if inside is not None:
                return False
        elif inside is None:
            return False
    return inside is None and tzids == 1


def _path_meeting(events: Iterable[Written]) -> str | None:
    """The meeting key of a feed that does not say it: the UID of its first event of
    the path ``/``."""
    for written in events:
        if f"{PATH}:/" in written.lines:
            return written.event.uid.rpartition("@")[0] or None
    return None


# -- icalendar's parser ---------------------------------------------------------------------
def _parse(text: str, source: str | None) -> Read:
    """The feed parsed by icalendar; FeedError for anything this module cannot use."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        reason = escape_controls(str(exc))
        if len(reason) > 120:
            reason = f"{reason[:117]}..."
        raise FeedError(f"not valid iCalendar ({reason})", source) from None
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        name = getattr(calendar, "name", "?")
        raise FeedError(f"not an iCalendar calendar (it holds a {name}, not a VCALENDAR)",
                        source)
    prodid = str(calendar.get("PRODID", ""))
    if FEED_MARKER not in calendar and prodid != PRODID:
        raise FeedError(f'not a feed written by agenda (PRODID "{prodid}", no {FEED_MARKER}); '
                        "it is left untouched", source)
    found = calendar.walk("VEVENT")
    for event in found:
        _check_event(event, source)
    zone = _said(calendar, ZONE) or _said(calendar, "X-WR-TIMEZONE") or next(
        (str(tz.tz_name) for tz in calendar.timezones), "UTC")
    shown = shown_zone(zone)
    events = tuple(Written(tuple(_lines(event)), tuple(_inner(event)),
                           _feed_event(event, shown)) for event in found)
    meeting = _said(calendar, MEETING) if MEETING in calendar else _path_meeting(events)
    name = _said(calendar, "X-WR-CALNAME") if "X-WR-CALNAME" in calendar else _said(
        calendar, "NAME")
    return Read(name=name or "", zone=zone, uid_domain=_said(calendar, DOMAIN),
                meeting=meeting, events=events)


def _said(calendar: Any, name: str) -> str | None:
    """The calendar's property `name` as text (None when absent; a repeated one as
    icalendar gives it)."""
    value = calendar.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        return str(value)
    return _unescape(bytes(value.to_ical()).decode("utf-8"))


def _lines(event: Any) -> list[str]:
    """The event's own content lines, unfolded, as icalendar writes them."""
    return [str(event.content_line(name, value))
            for name, value in event.property_items(recursive=False)
            if name not in ("BEGIN", "END")]


def _inner(event: Any) -> list[str]:
    """The content lines of the components inside the event."""
    return [str(line) for component in event.subcomponents
            for line in component.content_lines() if line]


def _when(value: object, name: str, zone: str) -> pendulum.DateTime:
    try:
        moment = getattr(value, "dt", None)
    except ValueError as exc:  # icalendar's BrokenCalendarProperty: a malformed value
        raise FeedError(f"{name} cannot be read ({exc})") from None
    if not isinstance(moment, _dt.datetime) or moment.tzinfo is None:
        raise FeedError(f"{name}: expected a date-time with a zone, got {moment!r}")
    tzid = zone_name(moment)
    return _moment(int(moment.timestamp()), zone if tzid in (None, "UTC") else tzid)


def _stamp_of(event: Any, name: str) -> _dt.datetime | None:
    value = event.get(name)
    try:
        moment = getattr(value, "dt", None)
    except ValueError:  # a malformed stamp tells nothing; the event is still read
        return None
    return moment if isinstance(moment, _dt.datetime) else None


def _check_event(event: Any, source: str | None) -> None:
    """FeedError unless the properties this module reads from `event` can be read:
    each at most once, times that are times, a SEQUENCE that is a number."""
    uid = event.get("UID")
    name = str(uid)[:80] if uid is not None and not isinstance(uid, list) else "?"
    for prop in _SINGLE:
        if isinstance(event.get(prop), list):
            raise FeedError(f"event {name}: {prop} appears more than once", source)
    try:
        _when(event.get("DTSTART"), "DTSTART", "UTC")
        if event.get("DTEND") is not None or event.get("DURATION") is None:
            _when(event.get("DTEND"), "DTEND", "UTC")
    except FeedError as exc:
        raise FeedError(f"event {name}: {exc.reason}", source) from None
    for prop in ("DTSTAMP", "LAST-MODIFIED", "CREATED", "RECURRENCE-ID", "EXDATE", "RDATE"):
        found = event.get(prop)
        for value in found if isinstance(found, list) else [found]:
            if value is None:
                continue
            try:
                dates = getattr(value, "dts", None)
                for date in dates if dates is not None else [value]:
                    date.dt  # noqa: B018 - reading it is the check
            except (ValueError, TypeError, AttributeError) as exc:
                reason = escape_controls(str(exc))[:80]
                raise FeedError(f"event {name}: {prop} cannot be read ({reason})",
                                source) from None
    try:
        _sequence(event)
    except FeedError as exc:
        raise FeedError(exc.reason, source) from None


def _sequence(event: Any) -> int:
    """The event's SEQUENCE (0 when absent); FeedError when it is not one."""
    value = event.get("SEQUENCE")
    if value is None:
        return 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= _MAX_SEQUENCE:
        shown = str(getattr(value, "to_ical", lambda: value)())[:40]
        raise FeedError(f'event {str(event.get("UID", "?"))[:80]}: SEQUENCE "{shown}" is not '
                        f"a whole number from 0 to {_MAX_SEQUENCE}")
    return number


def _feed_event(event: Any, zone: str) -> FeedEvent:
    try:
        path = path_of(str(event.get(PATH, "/")))
    except ValueError as exc:
        raise FeedError(f"event {event.get('UID')}: bad {PATH} ({exc})") from None
    related = event.get("RELATED-TO")
    found = event.get("CATEGORIES")
    categories = [str(c) for value in (found if isinstance(found, list) else [found])
                  if value is not None for c in value.cats]
    rule = event.get("RRULE")
    location = event.get("LOCATION")
    start = _when(event.get("DTSTART"), "DTSTART", zone)
    duration = event.get("DURATION")
    if event.get("DTEND") is None and duration is not None:
        seconds = _seconds(duration.to_ical().decode())
        end = _moment(start.int_timestamp + seconds, start.timezone_name or zone)
    else:
        end = _when(event.get("DTEND"), "DTEND", zone)
    rid = event.get("RECURRENCE-ID")
    return FeedEvent(
        uid=str(event.get("UID", "")),
        summary=str(event.get("SUMMARY", "")),
        start=start,
        end=end,
        recurrence_id=_when(rid, "RECURRENCE-ID", zone) if rid is not None else None,
        content=event_content(_lines(event)),
        status=str(event.get("STATUS", "CONFIRMED")).upper(),
        sequence=_sequence(event),
        path=path,
        related_to=str(related) if related is not None else None,
        location=str(location) if location is not None else None,
        description=str(event.get("DESCRIPTION", "")),
        categories=tuple(categories),
        rrule=rule.to_ical().decode("ascii") if rule is not None else None,
        stamp=_stamp_of(event, "DTSTAMP"),
        last_modified=_stamp_of(event, "LAST-MODIFIED"),
        created=_stamp_of(event, "CREATED"),
    )
