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
from icalendar import Calendar, Component, Event, Timezone, vDuration, vRecur, vText, vUri

from ._audience import for_audience
from ._changes import STAMPS, changed, event_content
from ._links import as_uri, join_links
from ._model import Material, slugify
from ._problems import AgendaError
from ._repeat import parse_repeat
from ._series import Series
from ._time import wall
from ._timetable import DaySpan, Slot, Timetable
from ._vtimezone import vtimezone
from ._words.catalog import escape_controls
from ._words.labels import labels_for

__all__ = [
    "DEFAULT_UID_DOMAIN",
    "PRODID",
    "FeedError",
    "FeedEvent",
    "FeedTimetable",
    "day_uid",
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
_MEETING = "X-AGENDA-MEETING"
_MAX_YEARS = 100
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


def day_uid(meeting_key: str, day: _dt.date, uid_domain: str | None = None) -> str:
    """The UID of the meeting's event of one of its days (a meeting held over several
    days has one event a day): ``<meeting-key>/YYYYMMDD@<domain>``."""
    left, _, domain = event_uid(meeting_key, (), uid_domain).rpartition("@")
    return f"{left}/{day:%Y%m%d}@{domain}"


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


def _span(start: int, end: int, zone: str) -> tuple[_dt.datetime, _dt.datetime]:
    """DTSTART and DTEND values of a single event (or one occurrence): wall-clock times
    with the zone's TZID, else, when either end is ambiguous, both in UTC (readers that
    compute the duration in wall-clock time misread a mixed pair)."""
    first, last = _local(start, zone), _local(end, zone)
    if first is None or last is None:
        return (_dt.datetime.fromtimestamp(start, _dt.UTC),
                _dt.datetime.fromtimestamp(end, _dt.UTC))
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
    """The stamp of new and changed events: `now`, but never before the previous
    feed's latest stamp (it is then the second after it, so that LAST-MODIFIED never
    precedes CREATED and a client sees the change as newer)."""
    latest = _EPOCH
    for event in previous:
        for name in ("DTSTAMP", "LAST-MODIFIED", "CREATED"):
            value = event.get(name)
            if value is not None and isinstance(value.dt, _dt.datetime) and value.dt.tzinfo:
                latest = max(latest, value.dt.astimezone(_dt.UTC) + _dt.timedelta(seconds=1))
    if now is None:
        return latest
    now = _moment(now)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be an aware date-time, got {now!r}")
    try:
        moment = now.astimezone(_dt.UTC).replace(microsecond=0)
    except OverflowError:
        raise ValueError(f"now {now.isoformat()} is outside the calendar's range") from None
    return max(moment, latest)


def _description(timetable: Timetable, day: DaySpan | None = None) -> str:
    """The meeting event's text: the agenda, a line a slot (of one `day`, else all)."""
    lines = []
    zone = timetable.zone
    for slot in (timetable if day is None else timetable.day_slots(day)):
        start, end = wall(slot.start_utc, zone), wall(slot.end_utc, zone)
        text = f"{'  ' * slot.depth}{start:%H:%M}~{end:%H:%M} {slot.title}"
        if slot.item.presenter:
            text += f" — {slot.item.presenter}"
        lines.append(text)
    return "\n".join(lines)


def _leaf_description(slot: Slot, parents: Sequence[str]) -> str:
    """What an item's event says about it: where it stands (its blocks' titles), its
    presenter and notes. No printed number: renumbering changes no event."""
    lines = [" › ".join([*parents, slot.title])]
    lines += [text for text in (slot.item.presenter, slot.item.notes) if text]
    return "\n".join(lines)


def _leaves(timetable: Timetable, track: str | None = None, audience: str | None = None
            ) -> Iterator[tuple[Slot, list[str]]]:
    """Each leaf slot with its blocks' titles (of one `track` and outside tracks; of
    one `audience`)."""
    trail: list[str] = []
    seen = None if audience is None else {s.number for s in for_audience(timetable, audience)}
    for slot in timetable:
        del trail[slot.depth:]
        if slot.is_block:
            trail.append(slot.title)
            continue
        if track is not None and slot.track not in (None, track):
            continue
        if seen is not None and slot.number not in seen:
            continue
        yield slot, list(trail)


@attrs.frozen
class _Content:
    """What one event says, before it is dated: its texts, and its links (`url` its
    page, `conference` its join link with its `label`, `attachments` its materials as
    (title, URI)), all written as URIs."""

    uid: str
    summary: str
    path: tuple[str, ...]
    description: str
    related_to: str | None
    location: str | None
    url: str | None = None
    conference: str | None = None
    label: str = ""
    attachments: tuple[tuple[str, str], ...] = ()


_CONTROLS = re.compile(r"[\x00-\x1f\x7f]+")


def _parameter(text: str) -> str:
    """A title as a parameter value that every reader reads as written: control
    characters (line breaks) become a space, and the two characters RFC 6868 would
    escape, which libical and vobject show escaped, become look-alikes (``"`` → ``'``,
    ``^`` → ``ˆ``)."""
    return _CONTROLS.sub(" ", text).replace('"', "'").replace("^", "\u02c6")


def _linked(content: _Content, url: str | None, online: str | None,
            materials: tuple[Material, ...], lang: str) -> _Content:
    """`content` with its links: ``URL``, ``CONFERENCE`` and an ``ATTACH`` per material;
    the materials and the join link also end the description (for readers that show
    none of those), and the join link is the location when there is no place."""
    if url is None and online is None and not materials:
        return content
    labels = labels_for(lang)
    lines = [f"{labels.material}: {m.title} <{as_uri(m.url)}>" for m in materials]
    conference = as_uri(online) if online is not None else None
    if conference is not None:
        lines.append(f"{labels.online}: {conference}")
    description = "\n\n".join(part for part in (content.description, "\n".join(lines))
                               if part)
    return attrs.evolve(
        content, description=description,
        location=content.location or conference,
        url=as_uri(url) if url is not None else None, conference=conference,
        label=labels.online,
        attachments=tuple((_parameter(m.title), as_uri(m.url)) for m in materials))


def _base(content: _Content) -> Event:
    event = Event()
    event.add("UID", content.uid)
    event.add("SUMMARY", _text(content.summary))
    return event


def _finish(event: Event, content: _Content, category: str | None) -> Event:
    event.add("DESCRIPTION", _text(content.description))
    if content.location:
        event.add("LOCATION", _text(content.location))
    if category:
        event.add("CATEGORIES", [_text(category)])
    if content.url is not None:
        event.add("URL", vUri(content.url))
    if content.conference is not None:
        event.add("CONFERENCE", vUri(content.conference), parameters={
            "VALUE": "URI", "FEATURE": "VIDEO", "LABEL": content.label})
    for title, uri in content.attachments:
        event.add("ATTACH", vUri(uri), parameters={"FILENAME": title})
    return event


def _tail(event: Event, content: _Content) -> Event:
    if content.related_to is not None:
        event.add("RELATED-TO", content.related_to)
    event.add("STATUS", "CONFIRMED")
    event.add(_PATH, _path_text(content.path))
    return event


def _single(content: _Content, start: int, end: int, zone: str, category: str | None,
            rid: _dt.datetime | None = None) -> Event:
    """A dated event: a single meeting's, or one occurrence's (with `rid`)."""
    event = _base(content)
    if rid is not None:
        event.add("RECURRENCE-ID", rid)
    dtstart, dtend = _span(start, end, zone)
    event.add("DTSTART", dtstart)
    event.add("DTEND", dtend)
    _finish(event, content, category)
    return _tail(event, content)


def _exact(seconds: int) -> vDuration | vText:
    """An exact DURATION (hours, minutes, seconds: RFC 5545 days are nominal)."""
    if seconds < 86400:
        return vDuration(_dt.timedelta(seconds=seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return vText(f"PT{hours}H" + (f"{minutes}M" if minutes else "") +
                 (f"{secs}S" if secs else ""))


def _days(timetable: Timetable) -> list[DaySpan | None]:
    """The days the meeting's own events stand for: one event a day for a meeting held
    over several days, else one event for the whole meeting (None)."""
    return list(timetable.days) if len(timetable.days) > 1 else [None]


def _contents(timetable: Timetable, items: bool, domain: str,
              track: str | None = None, audience: str | None = None) -> list[_Content]:
    """The meeting's event content (one a day for a meeting held over several days),
    then each leaf's (with `items`; of one `track`), each related to its day's."""
    meeting = timetable.meeting
    lang = meeting.language
    joins = join_links(timetable)
    out = []
    parents: dict[_dt.date | None, str] = {}
    for day in _days(timetable):
        uid = (event_uid(meeting.key, (), domain) if day is None
               else day_uid(meeting.key, day.date, domain))
        parents[day.date if day is not None else None] = uid
        out.append(_linked(_Content(uid, meeting.title, (), _description(timetable, day),
                                    None, meeting.location),
                           meeting.url, meeting.online, meeting.materials, lang))
    if items:
        several = len(parents) > 1
        for slot, trail in _leaves(timetable, track, audience):
            parent = parents[slot.date if several else None]
            item = slot.item
            out.append(_linked(_Content(event_uid(meeting.key, slot.path, domain), slot.title,
                                        slot.path, _leaf_description(slot, trail), parent,
                                        slot.room or meeting.location),
                               item.url, joins[slot.path], item.materials, lang))
    return out


def _spans(timetable: Timetable, items: bool, track: str | None = None,
           audience: str | None = None) -> list[tuple[int, int]]:
    spans = [(timetable.start_utc, timetable.end_utc) if day is None
             else (day.start_utc, day.end_utc) for day in _days(timetable)]
    if items:
        spans += [(slot.start_utc, slot.end_utc)
                  for slot, _ in _leaves(timetable, track, audience)]
    return spans


def _fresh_events(timetable: Timetable, items: bool, domain: str,
                  track: str | None = None, audience: str | None = None
                  ) -> list[Event]:
    meeting = timetable.meeting
    if not meeting.repeats:
        return [_single(content, start, end, timetable.zone, meeting.category)
                for content, (start, end) in zip(
                    _contents(timetable, items, domain, track, audience),
                    _spans(timetable, items, track, audience), strict=True)]
    return _series_events(timetable, items, domain, track, audience)


# -- series ---------------------------------------------------------------------------------
def _horizon(series: Series) -> _dt.date:
    """The last date whose occurrences the feed writes out when they need it: the
    series' own end, but at most a century after its first date, or `_UNBOUNDED_YEARS`
    for a series without end."""
    first = series.meeting.date
    years = _MAX_YEARS if series.bounded else _UNBOUNDED_YEARS
    return _dt.date(min(first.year + years, 9999), 12, 31)


def _irregular(series: Series, start: int, end: int) -> bool:
    """Whether readers could place an occurrence differently than the series does:
    a clock change within three hours of it makes a wall-clock time skipped, repeated
    or a different distance from the start."""
    zone = series.zone
    margin = 3 * 3600
    try:
        offsets = {_dt.datetime.fromtimestamp(t, zone).utcoffset()
                   for t in (start - margin, start, end, end + margin)}
    except (OverflowError, ValueError):
        return True
    return len(offsets) > 1


def _wall_of(series: Series, day: _dt.date, offset: int) -> _dt.datetime:
    """The wall-clock start of an event `offset` seconds into the meeting on a date
    without clock change, with the zone (naive arithmetic: what the rule repeats)."""
    wall = _dt.datetime.combine(day, series.wall.time()) + _dt.timedelta(seconds=offset)
    return wall.replace(tzinfo=series.zone)


def _skipped(wall: _dt.datetime) -> bool:
    """Whether the clocks skip the wall-clock time `wall` (zone-aware)."""
    back = _dt.datetime.fromtimestamp(int(wall.timestamp()), wall.tzinfo)
    return back.replace(tzinfo=None) != wall.replace(tzinfo=None)


def _instance(wall: _dt.datetime) -> _dt.datetime:
    """How to write an RDATE at `wall`: the wall-clock time with its TZID, but UTC for
    a time the clocks skip, which readers place at different instants (ical.js with
    the offset after the change, others before it, as RFC 5545 says)."""
    if _skipped(wall):
        return _dt.datetime.fromtimestamp(int(wall.timestamp()), _dt.UTC)
    return wall


def _exclude(event: Event, wall: _dt.datetime) -> None:
    """EXDATE the instance the rule generates at `wall`. A skipped wall-clock time is
    excluded twice, by its name and by its RFC 5545 instant in UTC, as readers match
    one or the other (and neither names another instance)."""
    event.add("EXDATE", wall)
    if _skipped(wall):
        event.add("EXDATE", _instance(wall))


def _anchor(series: Series, rule: str | None, offset: int
            ) -> tuple[_dt.date, str | None, list[_dt.date]]:
    """(DTSTART date, RRULE, RDATE dates) of an event `offset` seconds into the
    meeting. A series must not start at a wall-clock time the clocks skip (libical
    then moves every occurrence by the skipped hour): such a first date is written
    as an event of its own and the event's series starts at its next date, the rule's
    COUNT one less."""
    first = series.wall.date()
    extra = series.added()
    if not _skipped(_wall_of(series, first, offset)):
        return first, rule, extra
    left = 1
    day = first
    while True:
        if series.rule is not None:
            found = series.rule.after(_dt.datetime.combine(day + _dt.timedelta(days=1),
                                                           _dt.time()), inc=True)
            if found is None:
                break
            day = found.date()
        else:
            if not extra:
                break
            day = extra.pop(0)
        if not _skipped(_wall_of(series, day, offset)):
            if rule is not None:
                recur = vRecur.from_ical(rule)
                if recur.get("COUNT"):
                    recur["COUNT"] = [int(recur["COUNT"][0]) - left]
                rule = recur.to_ical().decode("ascii")
            return day, rule, extra
        left += 1
    raise FeedError(f"the series of {series.meeting.title!r} has an item that starts at a "
                    "wall-clock time the clocks skip on every date; it cannot be written")


def _series_events(timetable: Timetable, items: bool, domain: str,
                   track: str | None, audience: str | None) -> list[Event]:
    meeting = timetable.meeting
    series = timetable.series
    rule = None if meeting.repeat is None else parse_repeat(meeting.repeat, meeting)
    contents = _contents(timetable, items, domain, track, audience)
    spans = _spans(timetable, items, track, audience)
    first_day = series.wall.date()
    offsets = [start - timetable.start_utc for start, _ in spans]
    for content, offset in zip(contents[1:], offsets[1:], strict=True):
        if _wall_of(series, first_day, offset).date() != first_day:
            raise FeedError(f'item "{content.summary}" starts on another day than its '
                            "repeating meeting; its repeat rule would not match its day")
    masters: list[Event] = []
    horizon = _horizon(series)
    excluded = series.excluded(horizon)  # skip, and the public holidays it skips
    for content, offset, (start, end) in zip(contents, offsets, spans, strict=True):
        event = _base(content)
        anchor, text, extra = _anchor(series, rule.text if rule else None, offset)
        event.add("DTSTART", _wall_of(series, anchor, offset))
        event.add("DURATION", _exact(end - start))
        _finish(event, content, meeting.category)
        if text is not None:
            event.add("RRULE", vRecur.from_ical(text))
        for day in extra:
            event.add("RDATE", _instance(_wall_of(series, day, offset)))
        for day in excluded:
            _exclude(event, _wall_of(series, day, offset))
        masters.append(_tail(event, content))
    overrides: list[Event] = []
    for day, start, end in series.spans():
        if day > horizon:
            break
        if day not in series.overrides and not _irregular(series, start, end):
            continue
        overrides += _occurrence_events(series, day, contents, offsets, items, domain, masters,
                                        track, audience)
    return masters + overrides


def _occurrence_events(series: Series, day: _dt.date, contents: list[_Content],
                       offsets: list[int], items: bool, domain: str,
                       masters: list[Event], track: str | None,
                       audience: str | None) -> list[Event]:
    """RECURRENCE-ID events of every event of the series on `day`, with that
    occurrence's own times and texts; an item the occurrence does not hold is
    excluded from its series there (EXDATE) instead. An item held only that day, or
    whose series would repeat it at a wall-clock time the clocks skip that day, is an
    event of its own, its UID keyed by its path and the date."""
    meeting = series.meeting
    held = series.timetable(day)
    fresh = _contents(held, items, domain, track, audience)
    spans = _spans(held, items, track, audience)
    by_path = {c.path: (c, span) for c, span in zip(fresh, spans, strict=True)}
    out = []
    for master, content, offset in zip(masters, contents, offsets, strict=True):
        wall = _wall_of(series, day, offset)
        found = by_path.pop(content.path, None)
        if found is None or _skipped(wall):
            # Not held that day, or a wall-clock time the clocks skip, which readers
            # name differently, so that no RECURRENCE-ID can name it for all: the
            # occurrence leaves the series and is written as an event of its own.
            _exclude(master, wall)
            if found is not None:
                by_path[content.path] = found
            continue
        now, (start, end) = found
        now = attrs.evolve(now, uid=content.uid, related_to=content.related_to)
        out.append(_single(now, start, end, held.zone, meeting.category, wall))
    for content, (start, end) in by_path.values():  # items of this occurrence alone
        uid = event_uid(meeting.key, content.path, domain)
        own = attrs.evolve(content, uid=occurrence_uid(uid, day), related_to=contents[0].uid)
        out.append(_single(own, start, end, held.zone, meeting.category))
    return out


def occurrence_uid(uid: str, day: _dt.date) -> str:
    """The UID of an item's event of one date alone (outside its series):
    ``<series UID's left side>-YYYYMMDD@<domain>``."""
    left, _, domain = uid.rpartition("@")
    return f"{left}-{day:%Y%m%d}@{domain}"


# -- previous feeds ---------------------------------------------------------------------
_FOLD = re.compile(rb"\r?\n[ \t]")


def _unfold(data: bytes | str, source: str | None) -> str:
    """The feed's text with its lines unfolded *before* decoding (RFC 5545 §3.1: a
    fold may fall inside a UTF-8 sequence)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        return _FOLD.sub(b"", raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FeedError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", source) from None


def _looks_binary(data: bytes | str) -> bool:
    """Whether `data` is no text at all (a PDF, an image): not UTF-8 once unfolded (a
    fold may split a UTF-8 sequence), or with NUL bytes."""
    if isinstance(data, str):
        return "\x00" in data
    if b"\x00" in data[:65536]:
        return True
    try:
        _FOLD.sub(b"", data).decode("utf-8")
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
        calendar = Calendar.from_ical(_unfold(data, source))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        if isinstance(exc, FeedError):
            raise
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


def _feed_meeting(calendar: Calendar) -> str | None:
    """The meeting key a feed was written for (as in its UIDs), when it says."""
    if _MEETING in calendar:
        return str(calendar[_MEETING])
    for event in calendar.walk("VEVENT"):
        if str(event.get(_PATH, "")) == "/":
            return str(event.get("UID", "")).rpartition("@")[0] or None
    return None


def _lines(event: Component) -> list[str]:
    """The event's own content lines, unfolded, as they are written."""
    return [str(event.content_line(name, value))
            for name, value in event.property_items(recursive=False)]


def _key(event: Component) -> tuple[str, str]:
    """(UID, RECURRENCE-ID as written, or "" for the series or a single event)."""
    rid = event.get("RECURRENCE-ID")
    if rid is None:
        return str(event.get("UID", "")), ""
    return str(event.get("UID", "")), f"{rid.params.get('TZID', '')}:{rid.to_ical().decode()}"


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
        if event.get("DTEND") is not None or event.get("DURATION") is None:
            _instant(event.get("DTEND"), "DTEND")
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
    for name in STAMPS:
        event.pop(name, None)
    event.add("DTSTAMP", stamp)
    event.add("LAST-MODIFIED", stamp)
    if created is not None:
        event["CREATED"] = created
    else:
        event.add("CREATED", stamp)
    event.add("SEQUENCE", sequence)


def _merge(fresh: list[Event], previous: list[Event], stamp: _dt.datetime) -> list[Event]:
    """The fresh events stamped against the previous ones: an unchanged event (see
    :func:`agenda._changes.changed`) keeps its stamps, a changed one gets SEQUENCE + 1,
    one that left the agenda stays as CANCELLED. A RECURRENCE-ID event that is no longer
    written is dropped (its occurrence follows the series again) and its series is
    bumped."""
    before: dict[tuple[str, str], Event] = {}
    for event in previous:
        before.setdefault(_key(event), event)
    out: list[Event] = []
    kept: dict[str, tuple[Event, Event]] = {}  # unchanged series: uid -> (fresh, old)
    series_sequence: dict[str, int] = {}
    for event in fresh:
        uid, rid = key = _key(event)
        old = before.get(key)
        if old is None:
            _restamp(event, stamp, series_sequence.get(uid, 0) if rid else 0, None)
        elif not changed(_lines(old), _lines(event)):
            for name in STAMPS:
                if name in old:
                    event[name] = old[name]
            if not rid:
                kept[uid] = (event, old)
        else:
            _restamp(event, stamp, _sequence(old) + 1, old.get("CREATED"))
        if not rid:
            series_sequence[uid] = _sequence(event)
        out.append(event)
    present = {_key(event) for event in fresh}
    for (uid, rid), old in before.items():
        if (uid, rid) in present:
            continue
        if rid:
            if uid in kept:
                event, master = kept.pop(uid)
                _restamp(event, stamp, _sequence(master) + 1, master.get("CREATED"))
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


def _feed_years(timetable: Timetable) -> tuple[int, int]:
    """The years the feed's VTIMEZONE covers: the first to the last day of the meeting,
    of a series' last occurrence (at most a century on), or ten years for a series
    without end."""
    low = timetable.start.year
    high = timetable.end.year
    if timetable.meeting.repeats:
        series = timetable.series
        if series.bounded:
            last = series.rule.last() if series.rule is not None else None
            days = [d for d in (last.date() if last else None,
                                series.extra[-1] if series.extra else None) if d]
            if days:
                high = max(high, max(days).year + 1)
        else:
            high = low + _UNBOUNDED_YEARS
        for override in series.overrides.values():
            high = max(high, override.date.year)
        high = min(high, low + _MAX_YEARS)
    return low, min(high, 9999)


def _timezones(zone: str, years: tuple[int, int]) -> list[Timezone]:
    if zone == "UTC":
        return []
    try:
        return [vtimezone(zone, *years)]
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OverflowError):
        return []  # not a zone this machine knows: the TZID stays, as written


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
def _zones_years(timetable: Timetable, events: Iterable[Event]) -> dict[str, tuple[int, int]]:
    """TZID -> the years its VTIMEZONE covers: the meeting's (see `_feed_years`), and
    the year of any other zone's event kept from the previous feed."""
    spans: dict[str, tuple[int, int]] = {}
    for event in events:
        for prop_name in ("DTSTART", "DTEND"):
            prop = event.get(prop_name)
            if prop is not None and str(prop.params.get("TZID", "")) == timetable.zone:
                spans[timetable.zone] = _feed_years(timetable)
    for event in events:
        prop = event.get("DTSTART")
        tzid = prop.params.get("TZID") if prop is not None else None
        if tzid is None or str(tzid) in spans or not isinstance(prop.dt, _dt.datetime):
            continue
        spans[str(tzid)] = (prop.dt.year, prop.dt.year)
    return spans


def to_ics(timetable: Timetable, *, items: bool = False,
           previous: bytes | bytearray | str | None = None,
           now: _dt.datetime | str | None = None, uid_domain: str | None = None,
           replace: bool = False, track: str | None = None,
           audience: str | None = None, refresh: _dt.timedelta = REFRESH,
           name: str | None = None) -> bytes:
    """The iCalendar feed of `timetable` as bytes (UTF-8, CRLF lines).

    `items` adds one event per leaf slot, linked to the meeting event by RELATED-TO.
    A series is one event per item with its rule (RRULE, RDATE, EXDATE) and an exact
    DURATION, plus a RECURRENCE-ID event for each occurrence that is held differently
    (an override) or that a clock change touches (so that every reader shows it where
    the series puts it).

    `previous` is the feed as last published: unchanged events keep it byte for byte,
    changed ones (see :func:`agenda._changes.changed`) get SEQUENCE + 1 and a new
    LAST-MODIFIED, vanished ones stay as ``STATUS:CANCELLED``; empty means none. A
    previous feed that is not iCalendar or not agenda's raises :class:`FeedError`, and
    so does one written for another meeting unless `replace` (its events are then
    cancelled). `now` (aware) stamps new and changed events, clamped to the second
    after the previous feed's latest stamp when it is earlier; without it they get
    that second, or the Unix epoch. `uid_domain` is the right-hand side of every UID
    (default: the previous feed's, else ``agenda.invalid``). `previous` may be bytes,
    bytearray or str; `now` an aware datetime or an ISO 8601 string with offset. An
    item's LOCATION is its room, else the meeting's location. `track` (implies
    `items`) gives one track's feed: the items of the parallel tracks of that title
    and every item outside parallel blocks, with the same UIDs as the full feed; a
    title no track has raises :class:`AgendaError`.

    `audience` keeps the item events of that audience's items (see
    :func:`agenda.for_audience`); each is the same event, byte for byte, as in the
    whole feed. `refresh` is how often subscribers should fetch the feed again
    (``REFRESH-INTERVAL`` and ``X-PUBLISHED-TTL``, one hour unless told), `name` the
    calendar's name (default: the meeting's title; for one track's or one audience's
    feed, the title followed by the track's title or the audience in parentheses).
    """
    if refresh < _dt.timedelta(minutes=1) or refresh.microseconds:
        raise ValueError(f"refresh must be whole seconds, a minute or more, got {refresh}")
    if track is not None:
        known = sorted({slot.track for slot in timetable if slot.track is not None})
        if track not in known:
            raise AgendaError(f'no track is called "{track}"; the tracks: '
                              f"{', '.join(known) if known else '(none)'}")
        items = True
    name = _feed_name(timetable, name, track, audience)
    if isinstance(previous, bytes | bytearray | str) and not previous.strip():
        previous = None
    if previous is None:
        from ._feedwriter import fresh_feed  # the same bytes, without icalendar's objects

        data = fresh_feed(timetable, items=items, stamp=_stamp(now, []),
                          domain=_check_domain(uid_domain), track=track, audience=audience,
                          refresh=refresh, name=name)
        if data is not None:
            return data
    return _icalendar_feed(timetable, items=items, previous=previous, now=now,
                           uid_domain=uid_domain, track=track, audience=audience,
                           refresh=refresh, name=name, replace=replace)


def _feed_name(timetable: Timetable, name: str | None, track: str | None,
               audience: str | None) -> str | None:
    """The calendar's name: `name`, else for one track's or one audience's feed the
    meeting's title with the track's title (as the timetable shows it) or the audience
    in parentheses, so that a subscriber tells it from the whole feed (else None: the
    meeting's title)."""
    if name is not None or (track is None and audience is None):
        return name
    shown = audience if track is None else next(
        (s.title for s in timetable if s.track == track and s.is_block), track)
    return f"{timetable.meeting.title} ({shown})"


def _icalendar_feed(timetable: Timetable, *, items: bool,
                    previous: bytes | bytearray | str | None,
                    now: _dt.datetime | str | None, uid_domain: str | None,
                    track: str | None = None, audience: str | None = None,
                    refresh: _dt.timedelta = REFRESH, name: str | None = None,
                    replace: bool = False) -> bytes:
    """The feed built and written by icalendar: what :func:`to_ics` gives."""
    name = _feed_name(timetable, name, track, audience)
    old_calendar = _parse_feed(previous) if previous is not None else None
    old_events = [e for e in old_calendar.walk("VEVENT") if isinstance(e, Event)
                  ] if old_calendar is not None else []
    meeting = timetable.meeting
    key = _safe_key(meeting.key)
    if old_calendar is not None and not replace:
        other = _feed_meeting(old_calendar)
        if other is not None and other != key:
            raise FeedError(f'the previous feed is of the meeting "{other}", not of '
                            f'"{key}"; replace it only on purpose (replace=True, --replace)')
    if uid_domain is None and old_calendar is not None and _DOMAIN in old_calendar:
        uid_domain = str(old_calendar[_DOMAIN])
    domain = _check_domain(uid_domain)
    stamp = _stamp(now, old_events)
    events = _merge(_fresh_events(timetable, items, domain, track, audience), old_events,
                    stamp)

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
    calendar.add(_MEETING, key)
    for zone, years in sorted(_zones_years(timetable, events).items()):
        for block in _timezones(zone, years):
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
    recurrence_id: pendulum.DateTime | None = None
    content: tuple[str, ...] = attrs.field(default=(), repr=False)
    """What subscribers see of the event (:func:`agenda._changes.event_content`)."""

    @property
    def start_utc(self) -> int:
        return int(self.start.timestamp())

    @property
    def end_utc(self) -> int:
        return int(self.end.timestamp())

    @property
    def is_meeting(self) -> bool:
        """True for the event of the meeting itself (or of one of its occurrences)."""
        return self.path == ()

    @property
    def is_occurrence(self) -> bool:
        """True for a RECURRENCE-ID event: one occurrence of a series, held as it says."""
        return self.recurrence_id is not None

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
    found = event.get("CATEGORIES")
    for value in found if isinstance(found, list) else [found] if found else []:
        categories += [str(c) for c in value.cats]  # CATEGORIES may be given more than once
    rule = event.get("RRULE")
    location = event.get("LOCATION")
    start = _instant(event.get("DTSTART"), "DTSTART")
    duration = event.get("DURATION")
    if event.get("DTEND") is None and duration is not None:
        seconds = int(event_content([f"DURATION:{duration.to_ical().decode()}"])[0][9:])
        end = pendulum.from_timestamp(start.int_timestamp + seconds, tz=start.timezone_name
                                      or "UTC")
    else:
        end = _instant(event.get("DTEND"), "DTEND")
    rid = event.get("RECURRENCE-ID")
    return FeedEvent(
        uid=str(event.get("UID", "")),
        summary=str(event.get("SUMMARY", "")),
        start=start,
        end=end,
        recurrence_id=_instant(rid, "RECURRENCE-ID") if rid is not None else None,
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
        """The live event of the meeting (the series' event for a series)."""
        return next((e for e in self.events if e.is_meeting and not e.cancelled
                     and not e.is_occurrence), None)

    @property
    def items(self) -> tuple[FeedEvent, ...]:
        """The live item events (the series' events for a series), in feed order."""
        return tuple(e for e in self.events
                     if not e.is_meeting and not e.cancelled and not e.is_occurrence)

    @property
    def occurrences(self) -> tuple[FeedEvent, ...]:
        """The RECURRENCE-ID events: occurrences of a series held as they say."""
        return tuple(e for e in self.events if e.is_occurrence)

    @property
    def cancelled(self) -> tuple[FeedEvent, ...]:
        return tuple(e for e in self.events if e.cancelled)

    def by_uid(self, uid: str) -> FeedEvent:
        """The event with this UID (the series' event, not an occurrence's; KeyError
        when there is none; see :meth:`get`)."""
        found = self.get(uid)
        if found is None:
            raise KeyError(uid)
        return found

    def get(self, uid: str, default: FeedEvent | None = None) -> FeedEvent | None:
        """The event with this UID (the series' event, not an occurrence's), or `default`
        (None) when the feed has none, as for an item added since the feed was published."""
        for event in self.events:
            if event.uid == uid and not event.is_occurrence:
                return event
        return default

    def __contains__(self, uid: object) -> bool:
        """Whether the feed has an event (live or cancelled) with this UID."""
        return any(event.uid == uid for event in self.events)

    def by_path(self, path: tuple[str, ...]) -> FeedEvent:
        """The live event of the slot with this identity path (KeyError when none)."""
        for event in self.events:
            if event.path == tuple(path) and not event.cancelled and not event.is_occurrence:
                return event
        raise KeyError(path)

    def differences(self, timetable: Timetable) -> tuple[str, ...]:
        """What subscribers of this feed see differently from `timetable`, one line
        per difference (empty when the feed is up to date).

        The events the agenda gives are built as :func:`to_ics` builds them and
        compared with the same definition of a change
        (:func:`agenda._changes.changed`): exactly the events that regenerating the
        feed would update are named here. The meeting event is always compared; item
        events when the feed has any.
        """
        items = any(not e.is_meeting for e in self.events)
        fresh = [_feed_event(e) for e in _fresh_events(timetable, items, self.uid_domain)]
        numbers = {slot.path: slot.number for slot in timetable}
        have = {(e.uid, e.recurrence_id): e for e in self.events}
        out: list[str] = []
        zone = timetable.zone
        several = sum(e.is_meeting for e in fresh) > 1  # a meeting held over days
        for want in fresh:
            label = "meeting" if want.is_meeting else numbers.get(want.path, "item")
            name = f'{label} "{want.summary}"'
            if want.is_meeting and several:
                name += f" on {want.start.in_timezone(zone):YYYY-MM-DD}"
            if want.recurrence_id is not None:
                name += f" on {want.recurrence_id.in_timezone(zone):YYYY-MM-DD}"
            event = have.pop((want.uid, want.recurrence_id), None)
            if event is None:
                out.append(f"{name}: not in the feed")
                continue
            if event.content == want.content:
                continue
            out.extend(f"{name}: {line}" for line in _what_differs(event, want, zone))
        for event in have.values():
            if not event.cancelled:
                what = "an occurrence of " if event.is_occurrence else ""
                out.append(f'{what}"{event.summary}": in the feed, not in the agenda')
        return tuple(out)


def _what_differs(have: FeedEvent, want: FeedEvent, zone: str) -> list[str]:
    """What differs between two events whose contents differ (at least one line)."""
    out = []
    if have.cancelled:
        out.append("cancelled in the feed")
    if have.summary != want.summary:
        out.append(f'the feed calls it "{have.summary}"')
    if (have.start_utc, have.end_utc) != (want.start_utc, want.end_utc):
        out.append(f"{have.start.in_timezone(zone):YYYY-MM-DD HH:mm}–"
                   f"{have.end.in_timezone(zone):HH:mm} in the feed, "
                   f"{want.start.in_timezone(zone):YYYY-MM-DD HH:mm}–"
                   f"{want.end.in_timezone(zone):HH:mm} in the agenda")
    if have.description != want.description:
        out.append("the agenda in its description is out of date" if have.is_meeting
                   else "its description is out of date")
    if (have.location or None) != (want.location or None):
        out.append(f'the feed has the location "{have.location or ""}", the agenda '
                   f'"{want.location or ""}"')
    if not out:
        names = sorted({line.partition(":")[0].partition(";")[0]
                        for line in set(have.content) ^ set(want.content)})
        out.append(f"{', '.join(names)} differ")
    return out


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

