"""iCalendar feeds of a timetable that update subscribers' calendars in place.

A feed holds one VEVENT for the meeting and, on request, one per leaf slot, each
with a UID derived from the meeting's key and the slot's identity path, so moving,
retiming or reordering items never changes a UID. Regenerating a feed against the
previous one keeps every unchanged event byte for byte (SEQUENCE, DTSTAMP,
LAST-MODIFIED, CREATED), bumps SEQUENCE on an event whose content changed, and keeps
an event that left the agenda as ``STATUS:CANCELLED``.

Every RFC 5545 detail (escaping, folding, VTIMEZONE) is icalendar's, or, for a fresh
feed of a one-off meeting, that of `_feedwriter`, which writes the same bytes. The module
computes no clock time: instants come from the timetable, and the current time
(for DTSTAMP and LAST-MODIFIED of new or changed events) is passed in.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import zoneinfo
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import quote, unquote

import attrs
import pendulum
from dateutil import rrule as _rrule
from icalendar import Calendar, Component, Event, Timezone, vDuration, vRecur, vText

from ._audience import for_audience
from ._messages import escape_controls
from ._model import slugify
from ._problems import AgendaError
from ._repeat import RepeatRule, parse_repeat
from ._timetable import Slot, Timetable
from ._vtimezone import vtimezone
from ._zones import wall

__all__ = [
    "DEFAULT_UID_DOMAIN",
    "PRODID",
    "FeedError",
    "FeedEvent",
    "FeedTimetable",
    "event_uid",
    "from_ics",
    "to_ics",
]

PRODID = "-//agenda//agenda feed//EN"
"""The feed's PRODID. It names the feed format, not the package version, so that
upgrading the package does not change every regenerated feed."""
FEED_MARKER = "X-AGENDA-FEED"
FEED_VERSION = "1"
DEFAULT_UID_DOMAIN = "agenda.invalid"
REFRESH = _dt.timedelta(hours=1)

_PATH = "X-AGENDA-PATH"
_DOMAIN = "X-AGENDA-UID-DOMAIN"
_STAMPS = frozenset({"DTSTAMP", "LAST-MODIFIED", "CREATED", "SEQUENCE"})
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
_UNBOUNDED_YEARS = 10
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")
_DOMAIN_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*"
                          r"[A-Za-z0-9])?)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class FeedError(AgendaError, ValueError):
    """A feed cannot be read or made: a previous feed that is not iCalendar or not
    written by agenda (it is never overwritten), or a bad UID domain.

    `reason` says what is wrong; `source` names the file when known.
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)


# -- identities -------------------------------------------------------------------------
def _check_domain(uid_domain: str | None) -> str:
    if uid_domain is None:
        return DEFAULT_UID_DOMAIN
    if not _DOMAIN_NAME.fullmatch(uid_domain) or len(uid_domain) > 253:
        raise FeedError(f'uid domain "{uid_domain}" is not an ASCII host name '
                        "(letters, digits, hyphens and dots)")
    return uid_domain.lower()


def _safe_key(key: str) -> str:
    if _SAFE_KEY.fullmatch(key):
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    slug = slugify(key)
    return f"{slug}-{digest}" if slug else digest


def _path_digest(path: Sequence[str]) -> str:
    text = json.dumps(list(path), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _path_text(path: Sequence[str]) -> str:
    """The path as ``/key/key``, each key percent-encoded: plain ASCII that needs no
    escaping in any iCalendar property (``/`` alone for the meeting)."""
    return "/" + "/".join(quote(key, safe="") for key in path)


def _path_of(text: str) -> tuple[str, ...]:
    if not text.startswith("/"):
        raise ValueError(f"{text!r} does not start with /")
    if text == "/":
        return ()
    return tuple(unquote(key, errors="strict") for key in text[1:].split("/"))


def event_uid(meeting_key: str, path: tuple[str, ...], uid_domain: str | None = None) -> str:
    """The stable, ASCII UID of the meeting event (``path == ()``) or of an item.

    ``<meeting-key>@<domain>`` for the meeting, ``<meeting-key>/<hash of path>@<domain>``
    for an item: the 80-bit hash covers the identity path only (ids, else titles
    among siblings), never positions or times. A meeting key that is not plain
    ASCII becomes its slug plus a hash. The domain defaults to ``agenda.invalid``.
    """
    domain = _check_domain(uid_domain)
    base = _safe_key(meeting_key)
    if not path:
        return f"{base}@{domain}"
    return f"{base}/{_path_digest(path)}@{domain}"


# -- values -----------------------------------------------------------------------------
def _clean(value: str) -> str:
    """Text as RFC 5545 TEXT allows it: line breaks as LF (icalendar escapes them),
    other control characters replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def _text(value: str) -> vText:
    """A TEXT value that icalendar escapes, whatever the property's name."""
    return vText(_clean(value))


def _local(utc: int, zone: str) -> _dt.datetime | None:
    """The instant as a wall-clock time in `zone`, or None when that wall-clock time
    is ambiguous (the repeated hour when DST ends: RFC 5545 reads it as the first
    pass, but ical.js and libical read the second)."""
    if zone == "UTC":
        return None
    wall = _dt.datetime.fromtimestamp(utc, zoneinfo.ZoneInfo(zone)).replace(fold=0)
    if int(wall.timestamp()) != utc or wall.utcoffset() != wall.replace(fold=1).utcoffset():
        return None
    return wall


def _span(start: int, end: int, zone: str, repeats: bool) -> tuple[_dt.datetime, _dt.datetime]:
    """DTSTART and DTEND values: wall-clock times with the zone's TZID, else UTC.

    When either end is ambiguous both are written in UTC, since readers that compute
    the duration in wall-clock time (recurring-ical-events) misread a mixed pair. The
    start of a repeating event stays a wall-clock time (its rule repeats in local
    time); only its end then falls back to UTC alone.
    """
    first, last = _local(start, zone), _local(end, zone)
    utc = (_dt.datetime.fromtimestamp(start, _dt.UTC), _dt.datetime.fromtimestamp(end, _dt.UTC))
    if repeats and zone != "UTC":
        wall = _dt.datetime.fromtimestamp(start, zoneinfo.ZoneInfo(zone))
        if wall.fold:
            raise FeedError(f"a repeating event starts at {wall:%Y-%m-%d %H:%M} {zone} in "
                            "the second pass of a repeated hour, which its rule cannot repeat")
        return wall, last if last is not None else utc[1]
    if first is None or last is None:
        return utc
    return first, last


def _moment(now: _dt.datetime | str) -> _dt.datetime:
    """`now` as given to `to_ics`: an aware datetime or an ISO 8601 string with offset."""
    if isinstance(now, str):
        try:
            return _dt.datetime.fromisoformat(now)
        except ValueError:
            raise ValueError(f"now must be an ISO 8601 date-time like "
                             f"2024-03-01T09:00:00+09:00, got {now!r}") from None
    if not isinstance(now, _dt.datetime):
        raise TypeError(f"now must be a datetime or an ISO 8601 string, got {now!r}")
    return now


def _stamp(now: _dt.datetime | str | None, previous: Sequence[Event]) -> _dt.datetime:
    if now is not None:
        now = _moment(now)
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError(f"now must be an aware date-time, got {now!r}")
        return now.astimezone(_dt.UTC).replace(microsecond=0)
    # No clock: the instant after the latest stamp of the previous feed, else the epoch.
    stamps = [_EPOCH]
    for event in previous:
        for name in ("DTSTAMP", "LAST-MODIFIED"):
            moment = _stamp_of(event, name)
            if moment is not None and moment.tzinfo is not None:
                stamps.append(moment.astimezone(_dt.UTC) + _dt.timedelta(seconds=1))
    return max(stamps)


def _description(timetable: Timetable) -> str:
    lines = []
    zone = timetable.zone
    for slot in timetable:
        start, end = wall(slot.start_utc, zone), wall(slot.end_utc, zone)
        text = f"{'  ' * slot.depth}{start:%H:%M}~{end:%H:%M} {slot.title}"
        if slot.item.presenter:
            text += f" — {slot.item.presenter}"
        lines.append(text)
    return "\n".join(lines)


def _leaf_description(slot: Slot, parents: Sequence[Slot]) -> str:
    trail = " › ".join([*(p.title for p in parents), slot.title])
    lines = [f"{slot.number} {trail}"]
    lines += [text for text in (slot.item.presenter, slot.item.notes) if text]
    return "\n".join(lines)


def _event(uid: str, summary: str, start: int, end: int, zone: str, path: Sequence[str],
           description: str, location: str | None, category: str | None,
           rule: RepeatRule | None, related_to: str | None) -> Event:
    event = Event()
    event.add("UID", uid)
    event.add("SUMMARY", _text(summary))
    dtstart, dtend = _span(start, end, zone, repeats=rule is not None)
    event.add("DTSTART", dtstart)
    event.add("DTEND", dtend)
    event.add("DESCRIPTION", _text(description))
    if location:
        event.add("LOCATION", _text(location))
    if category:
        event.add("CATEGORIES", [_text(category)])
    if rule is not None:
        event.add("RRULE", vRecur.from_ical(rule.text))
    if related_to is not None:
        event.add("RELATED-TO", related_to)
    event.add("STATUS", "CONFIRMED")
    event.add(_PATH, _path_text(path))
    return event


def _fresh_events(timetable: Timetable, items: bool, domain: str,
                  track: str | None = None, audience: str | None = None
                  ) -> list[Event]:
    meeting = timetable.meeting
    rule = None if meeting.repeat is None else parse_repeat(meeting.repeat, meeting)
    parent_uid = event_uid(meeting.key, (), domain)
    events = [_event(parent_uid, meeting.title, timetable.start_utc, timetable.end_utc,
                     timetable.zone, (), _description(timetable), meeting.location,
                     meeting.category, rule, None)]
    seen = None if audience is None else {s.number for s in for_audience(timetable, audience)}
    if not items:
        return events
    by_number = {slot.number: slot for slot in timetable}
    first_day = timetable.start.date()
    for slot in timetable:
        if slot.is_block or (track is not None and slot.track not in (None, track)) or (
                seen is not None and slot.number not in seen):
            continue
        if rule is not None and slot.start.date() != first_day:
            raise FeedError(f'item {slot.number} "{slot.title}" starts on another day than '
                            "its repeating meeting; its repeat rule would not match its day")
        parents: list[Slot] = []
        number = slot.number
        while "." in number:
            number = number.rpartition(".")[0]
            parents.insert(0, by_number[number])
        events.append(_event(event_uid(meeting.key, slot.path, domain), slot.title,
                             slot.start_utc, slot.end_utc, timetable.zone, slot.path,
                             _leaf_description(slot, parents), slot.room or meeting.location,
                             meeting.category, rule, parent_uid))
    return events


# -- previous feeds ---------------------------------------------------------------------
def _looks_binary(data: bytes | str) -> bool:
    """Whether `data` is no text at all (a PDF, an image): not UTF-8, or with NUL bytes."""
    if isinstance(data, str):
        return "\x00" in data
    if b"\x00" in data[:65536]:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _parse_feed(data: bytes | bytearray | str, source: str | None = None) -> Calendar:
    """Parse a feed written by agenda; raise FeedError for anything else."""
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, bytes | str):
        raise TypeError(f"a feed is bytes, bytearray or str, got {type(data).__name__}")
    if _looks_binary(data):
        raise FeedError("a binary file, not iCalendar text; it is left untouched", source)
    try:
        calendar = Calendar.from_ical(data)
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
    for event in calendar.walk("VEVENT"):
        _check_event(event, source)
    return calendar


_SINGLE = ("UID", "DTSTART", "DTEND", "SEQUENCE", "DTSTAMP", "CREATED", "LAST-MODIFIED",
           "STATUS", "SUMMARY", "RRULE", "RELATED-TO", "LOCATION", "DESCRIPTION", _PATH)


def _check_event(event: Component, source: str | None) -> None:
    """FeedError unless the properties this module reads from `event` can be read:
    each at most once, times that are times, a SEQUENCE that is a number."""
    uid = event.get("UID")
    name = str(uid)[:80] if uid is not None and not isinstance(uid, list) else "?"
    for prop in _SINGLE:
        if isinstance(event.get(prop), list):
            raise FeedError(f"event {name}: {prop} appears more than once", source)
    try:
        _instant(event.get("DTSTART"), "DTSTART")
        _instant(event.get("DTEND"), "DTEND")
    except FeedError as exc:
        raise FeedError(f"event {name}: {exc.reason}", source) from None
    try:
        _sequence(event)
    except FeedError as exc:
        raise FeedError(exc.reason, source) from None


def _fingerprint(event: Component) -> tuple[str, ...]:
    """The event's content lines (as written, unfolded), without stamps and SEQUENCE."""
    return tuple(sorted(str(event.content_line(name, value))
                        for name, value in event.property_items(recursive=False)
                        if name.upper() not in _STAMPS))


_MAX_SEQUENCE = 2**31 - 2  # RFC 5545 integers are 32-bit; the next one must fit too


def _sequence(event: Component) -> int:
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


def _restamp(event: Event, stamp: _dt.datetime, sequence: int,
             created: object | None) -> None:
    for name in _STAMPS:
        event.pop(name, None)
    event.add("DTSTAMP", stamp)
    event.add("LAST-MODIFIED", stamp)
    if created is not None:
        event["CREATED"] = created
    else:
        event.add("CREATED", stamp)
    event.add("SEQUENCE", sequence)


def _merge(fresh: list[Event], previous: list[Event], stamp: _dt.datetime) -> list[Event]:
    before: dict[str, Event] = {}
    for event in previous:
        before.setdefault(str(event.get("UID", "")), event)
    out: list[Event] = []
    for event in fresh:
        old = before.get(str(event["UID"]))
        if old is None:
            _restamp(event, stamp, 0, None)
        elif _fingerprint(old) == _fingerprint(event):
            for name in _STAMPS:
                if name in old:
                    event[name] = old[name]
        else:
            _restamp(event, stamp, _sequence(old) + 1, old.get("CREATED"))
        out.append(event)
    present = {str(event["UID"]) for event in fresh}
    for uid, old in before.items():
        if uid in present:
            continue
        if str(old.get("STATUS", "")).upper() == "CANCELLED":
            out.append(old)
            continue
        gone = Event.from_ical(old.to_ical())
        assert isinstance(gone, Event)
        gone.pop("STATUS", None)
        gone.add("STATUS", "CANCELLED")
        _restamp(gone, stamp, _sequence(old) + 1, old.get("CREATED"))
        out.append(gone)
    return out


# -- time zones -------------------------------------------------------------------------
def _years(event: Event) -> Iterator[tuple[str, int]]:
    """(TZID, year) of the first and the last day the event covers."""
    starts = event.get("DTSTART")
    ends = event.get("DTEND")
    if starts is None:
        return
    start, end = starts.dt, ends.dt if ends is not None else starts.dt
    if not isinstance(start, _dt.datetime) or not isinstance(end, _dt.datetime):
        return
    last = end
    rule = event.get("RRULE")
    if rule is not None:
        recur = _rrule.rrulestr(rule.to_ical().decode("ascii"), dtstart=start)
        if "COUNT" in rule or "UNTIL" in rule:
            final = None
            for final in recur:  # noqa: B007 - the last occurrence is wanted
                pass
            last = (final or start) + (end - start)
        else:
            last = end.replace(year=end.year + _UNBOUNDED_YEARS)
    for value, moment in ((starts, start), (ends, last)):
        if value is not None and "TZID" in value.params:
            yield str(value.params["TZID"]), moment.year


def _timezones(events: Iterable[Event]) -> list[Timezone]:
    spans: dict[str, tuple[int, int]] = {}
    for event in events:
        for zone, year in _years(event):
            low, high = spans.get(zone, (year, year))
            spans[zone] = (min(low, year), max(high, year))
    out = []
    for zone in sorted(spans):
        low, high = spans[zone]
        try:
            out.append(vtimezone(zone, low, high))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue  # not a zone this machine knows: the TZID stays, as written
    return out


def _written_in_utc(events: Iterable[Event]) -> bool:
    """Whether a start or end is written in UTC (a time in a repeated hour).

    X-WR-TIMEZONE is then left out: readers that honour it (Google's convention,
    python's x-wr-timezone) move UTC times into that zone as wall-clock times and
    can lose which of the two passes of the hour was meant."""
    for event in events:
        for name in ("DTSTART", "DTEND"):
            prop = event.get(name)
            if prop is not None and "TZID" not in prop.params and isinstance(
                    prop.dt, _dt.datetime):
                return True
    return False


# -- the feed -----------------------------------------------------------------------------
def to_ics(timetable: Timetable, *, items: bool = False,
           previous: bytes | bytearray | str | None = None,
           now: _dt.datetime | str | None = None, uid_domain: str | None = None,
           track: str | None = None, audience: str | None = None,
           refresh: _dt.timedelta = REFRESH, name: str | None = None) -> bytes:
    """The iCalendar feed of `timetable` as bytes (UTF-8, CRLF lines).

    `items` adds one event per leaf slot, linked to the meeting event by RELATED-TO.
    `previous` is the feed as last published: unchanged events keep it byte for byte,
    changed ones get SEQUENCE + 1 and a new LAST-MODIFIED, vanished ones stay as
    ``STATUS:CANCELLED``; a previous feed that is not iCalendar or not agenda's raises
    :class:`FeedError`; it may be bytes, bytearray or str. `now` (an aware datetime or
    an ISO 8601 string with offset) stamps new and changed events; without it they
    get the second after the previous feed's latest stamp, or the Unix epoch.
    `uid_domain` is the right-hand side of every UID (default: the previous feed's,
    else ``agenda.invalid``). An item's LOCATION is its room, else the meeting's
    location. `track` (implies `items`) gives one track's feed: the items of the
    parallel tracks of that title and every item outside parallel blocks, with the
    same UIDs as the full feed; a title no track has raises :class:`AgendaError`.

    `audience` keeps the item events of that audience's items (see
    :func:`agenda.for_audience`); each is the same event, byte for byte, as in the
    whole feed. `refresh` is how often subscribers should fetch the feed again
    (``REFRESH-INTERVAL`` and ``X-PUBLISHED-TTL``, one hour unless told), `name` the
    calendar's name (default: the meeting's title).
    """
    if refresh < _dt.timedelta(minutes=1) or refresh.microseconds:
        raise ValueError(f"refresh must be whole seconds, a minute or more, got {refresh}")
    if track is not None:
        known = sorted({slot.track for slot in timetable if slot.track is not None})
        if track not in known:
            raise AgendaError(f'no track is called "{track}"; the tracks: '
                            f"{', '.join(known) if known else '(none)'}")
        items = True
    if previous is None:
        from ._feedwriter import fresh_feed  # the same bytes, without icalendar's objects

        data = fresh_feed(timetable, items=items, stamp=_stamp(now, []),
                          domain=_check_domain(uid_domain), track=track, audience=audience,
                          refresh=refresh, name=name)
        if data is not None:
            return data
    return _icalendar_feed(timetable, items=items, previous=previous, now=now,
                           uid_domain=uid_domain, track=track, audience=audience,
                           refresh=refresh, name=name)


def _icalendar_feed(timetable: Timetable, *, items: bool,
                    previous: bytes | bytearray | str | None,
                    now: _dt.datetime | str | None, uid_domain: str | None,
                    track: str | None = None, audience: str | None = None,
                    refresh: _dt.timedelta = REFRESH, name: str | None = None) -> bytes:
    """The feed built and written by icalendar: what :func:`to_ics` gives."""
    old_calendar = _parse_feed(previous) if previous is not None else None
    old_events = [e for e in old_calendar.walk("VEVENT") if isinstance(e, Event)
                  ] if old_calendar is not None else []
    if uid_domain is None and old_calendar is not None and _DOMAIN in old_calendar:
        uid_domain = str(old_calendar[_DOMAIN])
    domain = _check_domain(uid_domain)
    stamp = _stamp(now, old_events)
    events = _merge(_fresh_events(timetable, items, domain, track, audience), old_events,
                    stamp)

    meeting = timetable.meeting
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("NAME", _text(meeting.title if name is None else name))
    calendar.add("X-WR-CALNAME", _text(meeting.title if name is None else name))
    if timetable.zone == "UTC" or not _written_in_utc(events):
        calendar.add("X-WR-TIMEZONE", timetable.zone)
    calendar.add("REFRESH-INTERVAL", vDuration(refresh), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(refresh))
    calendar.add(FEED_MARKER, FEED_VERSION)
    calendar.add(_DOMAIN, domain)
    for block in _timezones(events):
        calendar.add_component(block)
    for event in events:
        calendar.add_component(event)
    return bytes(calendar.to_ical())


# -- reading back -----------------------------------------------------------------------
def _instant(value: object, name: str) -> pendulum.DateTime:
    try:
        moment = getattr(value, "dt", None)
    except ValueError as exc:  # icalendar's BrokenCalendarProperty: a malformed value
        raise FeedError(f"{name} cannot be read ({exc})") from None
    if not isinstance(moment, _dt.datetime) or moment.tzinfo is None:
        raise FeedError(f"{name}: expected a date-time with a zone, got {moment!r}")
    zone = getattr(moment.tzinfo, "key", None) or "UTC"
    return pendulum.from_timestamp(int(moment.timestamp()), tz=zone)


def _stamp_of(event: Component, name: str) -> _dt.datetime | None:
    value = event.get(name)
    try:
        moment = getattr(value, "dt", None)
    except ValueError:  # a malformed stamp tells nothing; the event is still read
        return None
    return moment if isinstance(moment, _dt.datetime) else None


@attrs.frozen
class FeedEvent:
    """One VEVENT of a feed read back.

    `start` and `end` are pendulum date-times in the event's zone (as written:
    its TZID, or UTC), `start_utc` and `end_utc` the same instants as UTC seconds.
    `path` is the identity path of the slot the event stands for (``()`` for the
    meeting event), `related_to` the UID of the meeting event for an item event.
    """

    uid: str
    summary: str
    start: pendulum.DateTime
    end: pendulum.DateTime
    status: str
    sequence: int
    path: tuple[str, ...]
    related_to: str | None = None
    location: str | None = None
    description: str = ""
    categories: tuple[str, ...] = ()
    rrule: str | None = None
    stamp: _dt.datetime | None = attrs.field(default=None, repr=False)
    last_modified: _dt.datetime | None = attrs.field(default=None, repr=False)

    @property
    def start_utc(self) -> int:
        return int(self.start.timestamp())

    @property
    def end_utc(self) -> int:
        return int(self.end.timestamp())

    @property
    def is_meeting(self) -> bool:
        """True for the event of the meeting itself."""
        return self.path == ()

    @property
    def cancelled(self) -> bool:
        return self.status == "CANCELLED"


def _feed_event(event: Component) -> FeedEvent:
    try:
        path = _path_of(str(event.get(_PATH, "/")))
    except ValueError as exc:
        raise FeedError(f"event {event.get('UID')}: bad {_PATH} ({exc})") from None
    related = event.get("RELATED-TO")
    categories: list[str] = []
    for value in (event.get("CATEGORIES"),) if event.get("CATEGORIES") else ():
        categories += [str(c) for c in value.cats]
    rule = event.get("RRULE")
    location = event.get("LOCATION")
    return FeedEvent(
        uid=str(event.get("UID", "")),
        summary=str(event.get("SUMMARY", "")),
        start=_instant(event.get("DTSTART"), "DTSTART"),
        end=_instant(event.get("DTEND"), "DTEND"),
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
    )


@attrs.frozen
class FeedTimetable:
    """A feed written by :func:`to_ics`, read back: what subscribers have.

    `events` holds every VEVENT in feed order, cancelled ones included; `meeting`
    is the live meeting event, `items` the live item events in feed (agenda) order.
    `name` is the calendar's name (the meeting's title), `zone` the meeting's zone.
    """

    name: str
    zone: str
    uid_domain: str
    events: tuple[FeedEvent, ...]

    @property
    def meeting(self) -> FeedEvent | None:
        return next((e for e in self.events if e.is_meeting and not e.cancelled), None)

    @property
    def items(self) -> tuple[FeedEvent, ...]:
        return tuple(e for e in self.events if not e.is_meeting and not e.cancelled)

    @property
    def cancelled(self) -> tuple[FeedEvent, ...]:
        return tuple(e for e in self.events if e.cancelled)

    def by_uid(self, uid: str) -> FeedEvent:
        """The event with this UID (KeyError when there is none; see :meth:`get`)."""
        found = self.get(uid)
        if found is None:
            raise KeyError(uid)
        return found

    def get(self, uid: str, default: FeedEvent | None = None) -> FeedEvent | None:
        """The event with this UID, or `default` (None) when the feed has none, as for
        an item added since the feed was published."""
        for event in self.events:
            if event.uid == uid:
                return event
        return default

    def __contains__(self, uid: object) -> bool:
        """Whether the feed has an event (live or cancelled) with this UID."""
        return any(event.uid == uid for event in self.events)

    def by_path(self, path: tuple[str, ...]) -> FeedEvent:
        """The live event of the slot with this identity path (KeyError when none)."""
        for event in self.events:
            if event.path == tuple(path) and not event.cancelled:
                return event
        raise KeyError(path)

    def differences(self, timetable: Timetable) -> tuple[str, ...]:
        """What subscribers of this feed see differently from `timetable`, one line
        per difference (empty when the feed is up to date).

        The meeting event is always compared; item events when the feed has any.
        """
        out: list[str] = []
        meeting = timetable.meeting
        wanted: list[tuple[str, str, int, int, str, str | None]] = [
            ("meeting", meeting.title, timetable.start_utc, timetable.end_utc,
             event_uid(meeting.key, (), self.uid_domain), meeting.location)]
        if any(not e.is_meeting for e in self.events):
            wanted += [(s.number, s.title, s.start_utc, s.end_utc,
                        event_uid(meeting.key, s.path, self.uid_domain),
                        s.room or meeting.location)
                       for s in timetable if not s.is_block]
        seen = set()
        for label, title, start, end, uid, place in wanted:
            seen.add(uid)
            try:
                event = self.by_uid(uid)
            except KeyError:
                out.append(f'{label} "{title}": not in the feed')
                continue
            if event.cancelled:
                out.append(f'{label} "{title}": cancelled in the feed')
            if event.summary != _clean(title):
                out.append(f'{label} "{title}": the feed calls it "{event.summary}"')
            zone = timetable.zone
            if (event.start_utc, event.end_utc) != (start, end):
                have = (f"{event.start.in_timezone(zone):YYYY-MM-DD HH:mm}–"
                        f"{event.end.in_timezone(zone):HH:mm}")
                want = (f"{pendulum.from_timestamp(start, tz=zone):YYYY-MM-DD HH:mm}–"
                        f"{pendulum.from_timestamp(end, tz=zone):HH:mm}")
                out.append(f'{label} "{title}": {have} in the feed, {want} in the agenda')
            if label == "meeting" and event.description != _clean(_description(timetable)):
                out.append(f'{label} "{title}": the agenda in its description is out of date')
            if (event.location or None) != (_clean(place or "") or None):
                out.append(f'{label} "{title}": the feed has the location '
                           f'"{event.location or ""}", the agenda "{place or ""}"')
        for event in self.events:
            if event.uid not in seen and not event.cancelled:
                out.append(f'"{event.summary}": in the feed, not in the agenda')
        return tuple(out)


def from_ics(data: bytes | bytearray | str) -> FeedTimetable:
    """Read a feed written by :func:`to_ics`; :class:`FeedError` for anything else."""
    calendar = _parse_feed(data)
    events = tuple(_feed_event(e) for e in calendar.walk("VEVENT"))
    return FeedTimetable(
        name=str(calendar.get("X-WR-CALNAME", calendar.get("NAME", ""))),
        zone=str(calendar.get("X-WR-TIMEZONE") or next(
            (tz.tz_name for tz in calendar.timezones), "UTC")),
        uid_domain=str(calendar.get(_DOMAIN, DEFAULT_UID_DOMAIN)),
        events=events,
    )

