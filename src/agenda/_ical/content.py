"""What a feed says: one model of an event's content, built from the timetable.

Every event the feed writes is a :class:`Content`: the meeting's, each leaf item's (of
one track, of one audience), a series' event with its rule, and each occurrence of a
series held differently (``RECURRENCE-ID``). It holds the values as they are written
(text with line breaks as LF and other control characters replaced, date-times in UTC
or as wall-clock times with their zone), never icalendar objects; the writer turns it
into content lines. :class:`Stamps` say when and how often it was published, and an
event of the previous feed written again as it was read is :class:`Kept`.

The UID of each event is derived from the meeting's key and the slot's identity path,
so moving, retiming or reordering items never changes a UID. Nothing here computes a
clock time: instants come from the timetable.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from urllib.parse import quote, unquote

import attrs

from .._audience import for_audience
from .._model import slugify
from .._problems import AgendaError
from .._repeat import parse_repeat
from .._series import Series
from .._timetable import Slot, Timetable
from .._zones import zone as _held_zone

__all__ = [
    "DEFAULT_UID_DOMAIN",
    "PRODID",
    "Content",
    "FeedError",
    "Head",
    "Kept",
    "Stamped",
    "Stamps",
    "contents",
    "event_uid",
    "feed_years",
    "occurrence_uid",
]

PRODID = "-//agenda//agenda feed//EN"
"""The feed's PRODID. It names the feed format, not the package version, so that
upgrading the package does not change every regenerated feed."""
FEED_MARKER = "X-AGENDA-FEED"
FEED_VERSION = "1"
DEFAULT_UID_DOMAIN = "agenda.invalid"
REFRESH = _dt.timedelta(hours=1)

PATH = "X-AGENDA-PATH"
DOMAIN = "X-AGENDA-UID-DOMAIN"
MEETING = "X-AGENDA-MEETING"
ZONE = "X-AGENDA-TIMEZONE"
_MAX_YEARS = 100
_UNBOUNDED_YEARS = 10
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")
_DOMAIN_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*"
                          r"[A-Za-z0-9])?)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_JSON_PLAIN = re.compile(r'[^"\\\x00-\x1f]*')  # what JSON writes as it is


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
def check_domain(uid_domain: str | None) -> str:
    """The UID domain as written (lower case; ``agenda.invalid`` for None), or
    :class:`FeedError` for one that is not an ASCII host name."""
    if uid_domain is None:
        return DEFAULT_UID_DOMAIN
    if not _DOMAIN_NAME.fullmatch(uid_domain) or len(uid_domain) > 253:
        raise FeedError(f'uid domain "{uid_domain}" is not an ASCII host name '
                        "(letters, digits, hyphens and dots)")
    return uid_domain.lower()


def safe_key(key: str) -> str:
    """The meeting key as UIDs carry it: itself when plain ASCII, else slug and hash."""
    if _SAFE_KEY.fullmatch(key):
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    slug = slugify(key)
    return f"{slug}-{digest}" if slug else digest


def _path_digest(path: Sequence[str]) -> str:
    """The first 20 hex digits of the SHA-256 of the path as compact JSON (UTF-8)."""
    if path and all(_JSON_PLAIN.fullmatch(key) for key in path):  # nothing to escape
        text = '["' + '","'.join(path) + '"]'
    else:
        text = json.dumps(list(path), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def path_text(path: Sequence[str]) -> str:
    """The path as ``/key/key``, each key percent-encoded: plain ASCII that needs no
    escaping in any iCalendar property (``/`` alone for the meeting)."""
    return "/" + "/".join(quote(key, safe="") for key in path)


def path_of(text: str) -> tuple[str, ...]:
    """The identity path written as :func:`path_text` writes it (ValueError if not)."""
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
    domain = check_domain(uid_domain)
    base = safe_key(meeting_key)
    if not path:
        return f"{base}@{domain}"
    return f"{base}/{_path_digest(path)}@{domain}"


def occurrence_uid(uid: str, day: _dt.date) -> str:
    """The UID of an item's event of one date alone (outside its series):
    ``<series UID's left side>-YYYYMMDD@<domain>``."""
    left, _, domain = uid.rpartition("@")
    return f"{left}-{day:%Y%m%d}@{domain}"


def clean(value: str) -> str:
    """Text as RFC 5545 TEXT allows it: line breaks as LF (escaped when written),
    other control characters replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


# -- the model --------------------------------------------------------------------------
@attrs.frozen
class Content:
    """What one event says, as it is written (texts already :func:`clean`).

    Date-times are aware: in UTC (written with ``Z``) or in a zone with a key (written
    as a wall-clock time with that TZID). A single event (or one occurrence) has
    `start` and `end`; a series' event has `start`, `duration` (exact seconds) and its
    `rule`, `rdates` and `exdates`. `recurrence_id` names the occurrence an event holds.
    """

    uid: str
    summary: str
    path: tuple[str, ...]
    description: str
    start: _dt.datetime
    end: _dt.datetime | None = None
    duration: int | None = None
    related_to: str | None = None
    location: str | None = None
    category: str | None = None
    recurrence_id: _dt.datetime | None = None
    rule: str | None = None
    rdates: tuple[_dt.datetime, ...] = ()
    exdates: tuple[_dt.datetime, ...] = ()


@attrs.frozen
class Stamps:
    """When and how often an event was published: ``DTSTAMP``, ``CREATED``,
    ``LAST-MODIFIED`` (UTC) and ``SEQUENCE``; None leaves the property out."""

    stamp: _dt.datetime | None
    created: _dt.datetime | None
    last_modified: _dt.datetime | None
    sequence: int | None

    @classmethod
    def new(cls, stamp: _dt.datetime, sequence: int = 0,
            created: _dt.datetime | None = None) -> Stamps:
        """Stamps of an event written (or changed) at `stamp`."""
        return cls(stamp, created or stamp, stamp, sequence)


@attrs.frozen
class Stamped:
    """An event to write: its content and its stamps (``STATUS:CONFIRMED``)."""

    content: Content
    stamps: Stamps


@attrs.frozen
class Kept:
    """An event of the previous feed written again as it was read: its own content
    lines (unfolded) and those of its components, with `status` and `stamps` written
    in place of its own when given."""

    lines: tuple[str, ...]
    inner: tuple[str, ...] = ()
    status: str | None = None
    stamps: Stamps | None = None


@attrs.frozen
class Head:
    """The calendar's own properties: its `name`, the meeting's `zone` (always named,
    ``X-AGENDA-TIMEZONE``, even when every time is written in UTC) and key (`meeting`),
    the UID `domain`, how often to fetch it again (`refresh`, seconds), whether to name
    the zone for readers (``X-WR-TIMEZONE``) and the VTIMEZONEs to carry: (TZID, first
    year, last year)."""

    name: str
    zone: str
    meeting: str
    domain: str
    refresh: int
    wr_timezone: bool
    timezones: tuple[tuple[str, int, int], ...] = ()


# -- a single meeting -------------------------------------------------------------------
def _written(moment: _dt.datetime) -> _dt.datetime:
    """A date-time as the model holds it: UTC as UTC, else in its zone."""
    if getattr(moment.tzinfo, "key", None) == "UTC":
        return moment.replace(tzinfo=_dt.UTC)
    return moment


class _Clock:
    """The wall clock of one zone, each instant read once (an item ends where the next
    begins)."""

    def __init__(self, zone: str) -> None:
        self.zone = _held_zone(zone)
        self.in_utc = zone == "UTC"
        self._seen: dict[int, tuple[_dt.datetime, bool]] = {}

    def wall(self, utc: int) -> tuple[_dt.datetime, bool]:
        """The instant as a wall-clock time, and whether that time is ambiguous (the
        repeated hour when DST ends: RFC 5545 reads it as the first pass, but ical.js
        and libical read the second)."""
        found = self._seen.get(utc)
        if found is None:
            local = _dt.datetime.fromtimestamp(utc, self.zone)
            found = local, bool(local.fold) or local.utcoffset() != local.replace(
                fold=1).utcoffset()
            self._seen[utc] = found
        return found

    def span(self, start: int, end: int) -> tuple[_dt.datetime, _dt.datetime]:
        """DTSTART and DTEND of a single event (or one occurrence): wall-clock times
        with the zone's TZID, else, when either end is ambiguous, both in UTC (readers
        that compute the duration in wall-clock time misread a mixed pair)."""
        first, first_twice = self.wall(start)
        last, last_twice = self.wall(end)
        if self.in_utc or first_twice or last_twice:
            return (_dt.datetime.fromtimestamp(start, _dt.UTC),
                    _dt.datetime.fromtimestamp(end, _dt.UTC))
        return first, last

    def hours(self, utc: int) -> str:
        local = self.wall(utc)[0]
        return f"{local.hour:02d}:{local.minute:02d}"


def _description(timetable: Timetable, clock: _Clock) -> str:
    lines = []
    for slot in timetable:
        text = (f"{'  ' * slot.depth}{clock.hours(slot.start_utc)}~{clock.hours(slot.end_utc)}"
                f" {slot.title}")
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


def _leaves(timetable: Timetable, track: str | None, audience: str | None
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


def _single(timetable: Timetable, items: bool, domain: str, track: str | None,
            audience: str | None) -> list[Content]:
    """The meeting's event, then each leaf's (with `items`), dated by the timetable."""
    meeting = timetable.meeting
    clock = _Clock(timetable.zone)
    category = clean(meeting.category) if meeting.category else None
    location = meeting.location
    parent = event_uid(meeting.key, (), domain)
    base, _, checked = parent.rpartition("@")  # event_uid's, for every item
    start, end = clock.span(timetable.start_utc, timetable.end_utc)
    out = [Content(parent, clean(meeting.title), (), clean(_description(timetable, clock)),
                   start, end, location=clean(location) if location else None,
                   category=category)]
    if items:
        for slot, trail in _leaves(timetable, track, audience):
            start, end = clock.span(slot.start_utc, slot.end_utc)
            where = slot.room or location
            out.append(Content(
                f"{base}/{_path_digest(slot.path)}@{checked}", clean(slot.title), slot.path,
                clean(_leaf_description(slot, trail)), start, end, related_to=parent,
                location=clean(where) if where else None, category=category))
    return out


def contents(timetable: Timetable, items: bool, domain: str, track: str | None = None,
             audience: str | None = None) -> list[Content]:
    """Every event the feed of `timetable` writes, in feed order: the meeting's event,
    then each leaf item's with `items` (of one `track` and outside tracks; of one
    `audience`); for a series, the series' events and then the occurrences held
    differently."""
    if not timetable.meeting.repeats:
        return _single(timetable, items, domain, track, audience)
    return _series(timetable, items, domain, track, audience)


# -- a series ---------------------------------------------------------------------------
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
    local = _dt.datetime.combine(day, series.wall.time()) + _dt.timedelta(seconds=offset)
    return local.replace(tzinfo=series.zone)


def _skipped(local: _dt.datetime) -> bool:
    """Whether the clocks skip the wall-clock time `local` (zone-aware)."""
    back = _dt.datetime.fromtimestamp(int(local.timestamp()), local.tzinfo)
    return back.replace(tzinfo=None) != local.replace(tzinfo=None)


def _instance(local: _dt.datetime) -> _dt.datetime:
    """How to write an RDATE at `local`: the wall-clock time with its TZID, but UTC for
    a time the clocks skip, which readers place at different instants (ical.js with
    the offset after the change, others before it, as RFC 5545 says)."""
    if _skipped(local):
        return _dt.datetime.fromtimestamp(int(local.timestamp()), _dt.UTC)
    return _written(local)


def _excluded(local: _dt.datetime) -> list[_dt.datetime]:
    """The EXDATEs of the instance the rule generates at `local`. A skipped wall-clock
    time is excluded twice, by its name and by its RFC 5545 instant in UTC, as readers
    match one or the other (and neither names another instance)."""
    if _skipped(local):
        return [_written(local), _instance(local)]
    return [_written(local)]


def _with_count(rule: str, less: int) -> str:
    """`rule` (as icalendar writes it) with its COUNT `less` smaller, if it has one."""
    return re.sub(r"(?<![A-Z])COUNT=(\d+)", lambda m: f"COUNT={int(m[1]) - less}", rule)


def _anchor(series: Series, rule: str | None, offset: int
            ) -> tuple[_dt.date, str | None, list[_dt.date]]:
    """(DTSTART date, RRULE, RDATE dates) of an event `offset` seconds into the
    meeting. A series must not start at a wall-clock time the clocks skip (libical
    then moves every occurrence by the skipped hour): such a first date is written
    as an event of its own and the event's series starts at its next date, the rule's
    COUNT one less."""
    first = series.wall.date()
    extra = list(series.extra)
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
            return day, _with_count(rule, left) if rule is not None else None, extra
        left += 1
    raise FeedError(f"the series of {series.meeting.title!r} has an item that starts at a "
                    "wall-clock time the clocks skip on every date; it cannot be written")


def _series(timetable: Timetable, items: bool, domain: str, track: str | None,
            audience: str | None) -> list[Content]:
    """The series' events (one per event of the first date, with its rule, an exact
    DURATION, RDATEs and EXDATEs), then a RECURRENCE-ID event for each occurrence that
    is held differently (an override) or that a clock change touches."""
    meeting = timetable.meeting
    series = Series(timetable)
    rule = None if meeting.repeat is None else parse_repeat(meeting.repeat, meeting).text
    base = _single(timetable, items, domain, track, audience)
    spans = [(timetable.start_utc, timetable.end_utc)]
    if items:
        spans += [(slot.start_utc, slot.end_utc) for slot, _ in _leaves(timetable, track,
                                                                        audience)]
    first_day = series.wall.date()
    offsets = [start - timetable.start_utc for start, _ in spans]
    for content, offset in zip(base[1:], offsets[1:], strict=True):
        if _wall_of(series, first_day, offset).date() != first_day:
            raise FeedError(f'item "{content.summary}" starts on another day than its '
                            "repeating meeting; its repeat rule would not match its day")
    exdates: list[list[_dt.datetime]] = [
        [moment for day in sorted(series.skip) for moment in _excluded(
            _wall_of(series, day, offset))] for offset in offsets]
    overrides: list[Content] = []
    horizon = _horizon(series)
    for day, start, end in series.spans():
        if day > horizon:
            break
        if day not in series.overrides and not _irregular(series, start, end):
            continue
        overrides += _occurrence(series, day, base, offsets, exdates, items, domain,
                                 track, audience)
    masters = []
    for content, offset, (start, end), excluded in zip(base, offsets, spans, exdates,
                                                       strict=True):
        anchor, text, extra = _anchor(series, rule, offset)
        masters.append(attrs.evolve(
            content, start=_written(_wall_of(series, anchor, offset)), end=None,
            duration=end - start, rule=text,
            rdates=tuple(_instance(_wall_of(series, day, offset)) for day in extra),
            exdates=tuple(excluded)))
    return masters + overrides


def _occurrence(series: Series, day: _dt.date, base: list[Content], offsets: list[int],
                exdates: list[list[_dt.datetime]], items: bool, domain: str,
                track: str | None, audience: str | None) -> list[Content]:
    """RECURRENCE-ID events of every event of the series on `day`, with that
    occurrence's own times and texts; an item the occurrence does not hold is
    excluded from its series there (EXDATE, added to `exdates`) instead. An item held
    only that day, or whose series would repeat it at a wall-clock time the clocks
    skip that day, is an event of its own, its UID keyed by its path and the date."""
    held = series.timetable(day)
    by_path = {c.path: c for c in _single(held, items, domain, track, audience)}
    out = []
    for content, offset, excluded in zip(base, offsets, exdates, strict=True):
        local = _wall_of(series, day, offset)
        found = by_path.pop(content.path, None)
        if found is None or _skipped(local):
            # Not held that day, or a wall-clock time the clocks skip, which readers
            # name differently, so that no RECURRENCE-ID can name it for all: the
            # occurrence leaves the series and is written as an event of its own.
            excluded += _excluded(local)
            if found is not None:
                by_path[content.path] = found
            continue
        out.append(attrs.evolve(found, uid=content.uid, related_to=content.related_to,
                                recurrence_id=_written(local)))
    for content in by_path.values():  # items of this occurrence alone
        uid = event_uid(series.meeting.key, content.path, domain)
        out.append(attrs.evolve(content, uid=occurrence_uid(uid, day),
                                related_to=base[0].uid))
    return out


def feed_years(timetable: Timetable) -> tuple[int, int]:
    """The years the feed's VTIMEZONE covers: the first to the last day of the meeting,
    of a series' last occurrence (at most a century on), or ten years for a series
    without end."""
    low = timetable.start.year
    high = timetable.end.year
    if timetable.meeting.repeats:
        series = Series(timetable)
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
