"""iCalendar feeds of a timetable that update subscribers' calendars in place.

A feed holds one VEVENT for the meeting and, on request, one per leaf slot, each
with a UID derived from the meeting's key and the slot's identity path, so moving,
retiming or reordering items never changes a UID. Regenerating a feed against the
previous one keeps every unchanged event byte for byte (SEQUENCE, DTSTAMP,
LAST-MODIFIED, CREATED), bumps SEQUENCE on an event whose content changed, and keeps
an event that left the agenda as ``STATUS:CANCELLED``.

The steps are one path for every feed: the events' content from the timetable
(:mod:`.content`), the previous feed read (:mod:`.read`) and merged with it
(:mod:`.merge`), and the one serialiser (:mod:`.write`). The module computes no clock
time: instants come from the timetable, and the current time (for DTSTAMP and
LAST-MODIFIED of new or changed events) is passed in.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

from .._problems import AgendaError
from .._time import zone_name
from .._timetable import Timetable
from .content import Head, Kept, Stamped, Stamps, contents, feed_years
from .names import REFRESH, FeedError, check_domain, safe_key
from .text import clean
from .write import write

__all__ = ["plan", "to_ics"]

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)

_WRITTEN = re.compile(r"(DTSTART|DTEND)((?:;[^:]*)?):(\d{4})\d{4}T")
_TZID = re.compile(r';TZID="?([^";:]*)')


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


def _stamp(now: _dt.datetime | str | None, after: _dt.datetime) -> _dt.datetime:
    """The stamp of new and changed events: `now` in UTC, but never before `after`
    (without `now`: `after`)."""
    if now is None:
        return after
    now = _moment(now)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be an aware date-time, got {now!r}")
    try:
        moment = now.astimezone(_dt.UTC).replace(microsecond=0)
    except OverflowError:
        raise ValueError(f"now {now.isoformat()} is outside the calendar's range") from None
    return max(moment, after)


def _times(event: Stamped | Kept) -> list[tuple[str, str | None, int]]:
    """(name, TZID or None for UTC, year as written) of the event's DTSTART and DTEND."""
    if isinstance(event, Stamped):
        content = event.content
        return [(name, zone_name(moment) if moment.tzinfo is not _dt.UTC else None,
                 moment.year)
                for name, moment in (("DTSTART", content.start), ("DTEND", content.end))
                if moment is not None]
    out = []
    for line in event.lines:
        found = _WRITTEN.match(line) if line.startswith(("DTSTART", "DTEND")) else None
        if found is not None:
            tzid = _TZID.search(found[2])
            out.append((found[1], tzid[1] if tzid else None, int(found[3])))
    return out


def _written_in_utc(times: Sequence[list[tuple[str, str | None, int]]]) -> bool:
    """Whether a start or end is written in UTC (a time in a repeated hour), given the
    events' `_times`.

    X-WR-TIMEZONE is then left out: readers that honour it (Google's convention,
    python's x-wr-timezone) move UTC times into that zone as wall-clock times and
    can lose which of the two passes of the hour was meant."""
    return any(tzid is None for found in times for _, tzid, _ in found)


def _zones_years(timetable: Timetable, times: Sequence[list[tuple[str, str | None, int]]]
                 ) -> tuple[tuple[str, int, int], ...]:
    """(TZID, first year, last year) of each VTIMEZONE, given the events' `_times`: the
    meeting's zone (see `feed_years`), and the year of any other zone's event kept from
    the previous feed."""
    spans: dict[str, tuple[int, int]] = {}
    if any(tzid == timetable.zone for found in times for _, tzid, _ in found):
        spans[timetable.zone] = feed_years(timetable)
    for found in times:
        for name, tzid, year in found:
            if name == "DTSTART" and tzid is not None and tzid not in spans:
                spans[tzid] = (year, year)
    return tuple((zone, *years) for zone, years in sorted(spans.items()))


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
    changed ones (see :func:`agenda._ical.changes.changed`) get SEQUENCE + 1 and a new
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
    return write(*plan(timetable, items=items, previous=previous, now=now,
                       uid_domain=uid_domain, replace=replace, track=track, audience=audience,
                       refresh=refresh, name=name))


def plan(timetable: Timetable, *, items: bool = False,
         previous: bytes | bytearray | str | None = None,
         now: _dt.datetime | str | None = None, uid_domain: str | None = None,
         replace: bool = False, track: str | None = None, audience: str | None = None,
         refresh: _dt.timedelta = REFRESH, name: str | None = None
         ) -> tuple[Head, list[Stamped | Kept]]:
    """What :func:`to_ics` writes (same arguments): the calendar's head and its events,
    stamped against the previous feed."""
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
    old = None
    if previous is not None:
        from .read import read_feed  # the reader and the merge serve updates alone

        old = read_feed(previous)
    meeting = timetable.meeting
    key = safe_key(meeting.key)
    if old is not None and not replace and old.meeting is not None and old.meeting != key:
        raise FeedError(f'the previous feed is of the meeting "{old.meeting}", not of '
                        f'"{key}"; replace it only on purpose (replace=True, --replace)')
    if uid_domain is None and old is not None and old.uid_domain is not None:
        uid_domain = old.uid_domain
    domain = check_domain(uid_domain)
    if old is None:
        stamp = _stamp(now, _EPOCH)
        fresh = contents(timetable, items, domain, track, audience)
        events: list[Stamped | Kept] = [Stamped(content, new) for new in [Stamps.new(stamp)]
                                        for content in fresh]
    else:
        from .merge import latest_stamp, merge

        stamp = _stamp(now, latest_stamp(old))
        events = merge(contents(timetable, items, domain, track, audience), old.events, stamp)
    zone = timetable.zone
    times = [_times(event) for event in events]
    head = Head(name=clean(meeting.title if name is None else name), zone=zone, meeting=key,
                domain=domain, refresh=int(refresh.total_seconds()),
                wr_timezone=zone == "UTC" or not _written_in_utc(times),
                timezones=_zones_years(timetable, times))
    return head, events
