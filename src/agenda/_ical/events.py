"""A feed read back: its events as subscribers have them.

:class:`FeedTimetable` is what :func:`agenda.from_ics` gives; it can also say what its
subscribers see differently from a timetable, with the definition of a change the
update itself uses (:func:`agenda._ical.changes.changed`).
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

import attrs

from .._time import moment as _moment
from .._time import zone_name
from .._timetable import Timetable
from .changes import event_content
from .content import Content, contents
from .write import content_lines

if TYPE_CHECKING:
    import pendulum

__all__ = ["FeedEvent", "FeedTimetable"]


@attrs.frozen
class FeedEvent:
    """One VEVENT of a feed read back.

    `start` and `end` are pendulum date-times in the event's zone (its TZID; for a
    time written in UTC, the meeting's zone), `start_utc` and `end_utc` the same
    instants as UTC seconds. `path` is the identity path of the slot the event stands
    for (``()`` for the meeting event), `related_to` the UID of the meeting event for
    an item event.
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
    """What subscribers see of the event (:func:`agenda._ical.changes.event_content`)."""
    created: _dt.datetime | None = attrs.field(default=None, repr=False)

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
        (:func:`agenda._ical.changes.changed`): exactly the events that regenerating the
        feed would update are named here. The meeting event is always compared; item
        events when the feed has any.
        """
        items = any(not e.is_meeting for e in self.events)
        zone = timetable.zone
        fresh = [_wanted(c, zone) for c in contents(timetable, items, self.uid_domain)]
        numbers = {slot.path: slot.number for slot in timetable}
        have = {(e.uid, e.recurrence_id): e for e in self.events}
        out: list[str] = []
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


def _wanted(content: Content, zone: str) -> FeedEvent:
    """The event `content` makes, as it reads back (the meeting's zone `zone`)."""

    def when(moment: _dt.datetime) -> pendulum.DateTime:
        key = zone_name(moment)
        return _moment(int(moment.timestamp()), zone if key in (None, "UTC") else key)

    start = when(content.start)
    end = (when(content.end) if content.end is not None
           else _moment(start.int_timestamp + (content.duration or 0),
                         start.timezone_name or "UTC"))
    return FeedEvent(
        uid=content.uid, summary=content.summary, start=start, end=end, status="CONFIRMED",
        sequence=0, path=content.path, related_to=content.related_to,
        location=content.location, description=content.description,
        categories=(content.category,) if content.category else (), rrule=content.rule,
        recurrence_id=when(content.recurrence_id) if content.recurrence_id else None,
        content=event_content(content_lines(content)))
