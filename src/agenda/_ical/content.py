"""What a feed says: one model of an event's content, built from the timetable.

Every event the feed writes is a :class:`Content`: the meeting's, each leaf item's (of
one track, of one audience), a series' event with its rule, and each occurrence of a
series held differently (``RECURRENCE-ID``). It holds the values as they are written
(text with line breaks as LF and other control characters replaced, date-times in UTC
or as wall-clock times with their zone), never icalendar objects; the writer turns it
into content lines. :class:`Stamps` say when and how often it was published, and an
event of the previous feed written again as it was read is :class:`Kept`.

A meeting held over several days has one event a day; every event carries its links
(``URL``, ``CONFERENCE``, an ``ATTACH`` per material). Nothing here computes a clock
time: instants come from the timetable.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator, Sequence

import attrs

from .._audience import for_audience
from .._layout._repeat import parse_repeat
from .._layout._series import Series
from .._links import as_uri, has_links, join_links
from .._model import Material
from .._time import is_ambiguous, is_skipped, zone_name
from .._time import zone as _held_zone
from .._timetable import DaySpan, Slot, Timetable
from .._words.labels import labels_for
from .names import FeedError, day_uid, event_uid, occurrence_uid, path_digest
from .text import clean, parameter_text

__all__ = ["Content", "Head", "Kept", "Stamped", "Stamps", "contents", "feed_years"]

_MAX_YEARS = 100
_UNBOUNDED_YEARS = 10


# -- the model --------------------------------------------------------------------------
@attrs.frozen
class Content:
    """What one event says, as it is written (texts already :func:`clean`).

    Date-times are aware: in UTC (written with ``Z``) or in a zone with a key (written
    as a wall-clock time with that TZID). A single event (or one occurrence) has
    `start` and `end`; a series' event has `start`, `duration` (exact seconds) and its
    `rule`, `rdates` and `exdates`. `recurrence_id` names the occurrence an event holds.
    Its links are URIs: `url` its page, `conference` its join link (with its `label`),
    `attachments` its materials as (title, URI), the title fit for a parameter.
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
    url: str | None = None
    conference: str | None = None
    label: str = ""
    attachments: tuple[tuple[str, str], ...] = ()


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
    if zone_name(moment) == "UTC":
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
            found = local, is_ambiguous(local)
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


def _description(slots: Sequence[Slot], clock: _Clock) -> str:
    """The meeting event's text: the agenda, a line a slot."""
    lines = []
    for slot in slots:
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


def _leaves(timetable: Timetable, slots: Sequence[Slot], track: str | None,
            audience: str | None) -> Iterator[tuple[Slot, list[str]]]:
    """Each leaf slot with its blocks' titles (of one `track` and outside tracks; of
    one `audience`), of the timetable's `slots`."""
    trail: list[str] = []
    seen = None if audience is None else {s.number for s in for_audience(timetable, audience)}
    for slot in slots:
        del trail[slot.depth:]
        if slot.is_block:
            trail.append(slot.title)
            continue
        if track is not None and slot.track not in (None, track):
            continue
        if seen is not None and slot.number not in seen:
            continue
        yield slot, list(trail)


def _days(timetable: Timetable) -> list[DaySpan | None]:
    """The days the meeting's own events stand for: one event a day for a meeting held
    over several days, else one event for the whole meeting (None)."""
    return list(timetable.days) if len(timetable.days) > 1 else [None]


def _linked(content: Content, url: str | None, online: str | None,
            materials: Sequence[Material], lang: str) -> Content:
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
    location = content.location or (clean(conference) if conference else None)
    return attrs.evolve(
        content, description=clean(description), location=location,
        url=as_uri(url) if url is not None else None, conference=conference,
        label=labels.online,
        attachments=tuple((parameter_text(m.title), as_uri(m.url)) for m in materials))


def _single(timetable: Timetable, items: bool, domain: str, track: str | None,
            audience: str | None) -> list[tuple[Content, int, int]]:
    """The meeting's event (one a day for a meeting held over several days), then each
    leaf's (with `items`), related to its day's, each with its start and end."""
    meeting = timetable.meeting
    lang = meeting.language
    clock = _Clock(timetable.zone)
    category = clean(meeting.category) if meeting.category else None
    location = clean(meeting.location) if meeting.location else None
    base, _, checked = event_uid(meeting.key, (), domain).rpartition("@")
    out = []
    parents: dict[_dt.date | None, str] = {}
    every = list(timetable)
    slots: Sequence[Slot]
    for day in _days(timetable):
        if day is None:
            uid, slots, span = f"{base}@{checked}", every, (timetable.start_utc,
                                                            timetable.end_utc)
        else:
            uid = day_uid(meeting.key, day.date, checked)
            slots, span = timetable.day_slots(day), (day.start_utc, day.end_utc)
        parents[None if day is None else day.date] = uid
        start, end = clock.span(*span)
        own = Content(uid, clean(meeting.title), (), clean(_description(slots, clock)),
                      start, end, location=location, category=category)
        out.append((_linked(own, meeting.url, meeting.online, meeting.materials, lang), *span))
    if items:
        joins = join_links(timetable) if has_links(meeting) else {}
        several = len(parents) > 1
        for slot, trail in _leaves(timetable, every, track, audience):
            start, end = clock.span(slot.start_utc, slot.end_utc)
            where = slot.room or meeting.location
            item = slot.item
            own = Content(
                f"{base}/{path_digest(slot.path)}@{checked}", clean(slot.title), slot.path,
                clean(_leaf_description(slot, trail)), start, end,
                related_to=parents[slot.date if several else None],
                location=clean(where) if where else None, category=category)
            out.append((_linked(own, item.url, joins.get(slot.path), item.materials, lang),
                        slot.start_utc, slot.end_utc))
    return out


def contents(timetable: Timetable, items: bool, domain: str, track: str | None = None,
             audience: str | None = None) -> list[Content]:
    """Every event the feed of `timetable` writes, in feed order: the meeting's event
    (one a day for a meeting held over several days), then each leaf item's with
    `items` (of one `track` and outside tracks; of one `audience`); for a series, the
    series' events and then the occurrences held differently."""
    if not timetable.meeting.repeats:
        return [content for content, _, _ in _single(timetable, items, domain, track,
                                                      audience)]
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


def _instance(local: _dt.datetime) -> _dt.datetime:
    """How to write an RDATE at `local`: the wall-clock time with its TZID, but UTC for
    a time the clocks skip, which readers place at different instants (ical.js with
    the offset after the change, others before it, as RFC 5545 says)."""
    if is_skipped(local):
        return _dt.datetime.fromtimestamp(int(local.timestamp()), _dt.UTC)
    return _written(local)


def _excluded(local: _dt.datetime) -> list[_dt.datetime]:
    """The EXDATEs of the instance the rule generates at `local`. A skipped wall-clock
    time is excluded twice, by its name and by its RFC 5545 instant in UTC, as readers
    match one or the other (and neither names another instance)."""
    if is_skipped(local):
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
    extra = series.added()
    if not is_skipped(_wall_of(series, first, offset)):
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
        if not is_skipped(_wall_of(series, day, offset)):
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
    series = timetable.series
    rule = None if meeting.repeat is None else parse_repeat(meeting.repeat, meeting).text
    dated = _single(timetable, items, domain, track, audience)
    base = [content for content, _, _ in dated]
    spans = [(start, end) for _, start, end in dated]
    first_day = series.wall.date()
    offsets = [start - timetable.start_utc for start, _ in spans]
    for content, offset in zip(base[1:], offsets[1:], strict=True):
        if _wall_of(series, first_day, offset).date() != first_day:
            raise FeedError(f'item "{content.summary}" starts on another day than its '
                            "repeating meeting; its repeat rule would not match its day")
    horizon = _horizon(series)
    skipped = series.excluded(horizon)  # skip, and the public holidays it skips
    exdates: list[list[_dt.datetime]] = [
        [moment for day in skipped for moment in _excluded(_wall_of(series, day, offset))]
        for offset in offsets]
    overrides: list[Content] = []
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
    by_path = {c.path: c for c, _, _ in _single(held, items, domain, track, audience)}
    out = []
    for content, offset, excluded in zip(base, offsets, exdates, strict=True):
        local = _wall_of(series, day, offset)
        found = by_path.pop(content.path, None)
        if found is None or is_skipped(local):
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
