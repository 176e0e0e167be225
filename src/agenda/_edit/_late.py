"""Running late: re-time what is left of a meeting from the moment it is late.

Items that have started by `now` keep their times. The first item that has not
started begins `late_by` minutes after its planned start, and everything after it
follows. The delay is then absorbed, window by window (a window ends at the next
item with a fixed time, or at the meeting's end):

1. by the gap before that fixed item, if there is one;
2. by breaks that can shrink (a break with ``min_minutes``), down to that minimum;
3. by the named `absorb` items in the order given, down to their ``min_minutes``
   (or one minute).

What a window cannot absorb pushes its fixed item (and so the next window) later;
what is left at the end is the overrun: not an error, the new agenda ends later and
the result says by how much, for the meeting and for every block.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._layout import layout, occurrence_on
from .._model import Item, Kind, Meeting
from .._problems import InvalidAgenda
from .._time import clock_text, in_zone
from .._time import moment as _moment
from .._timetable import Slot, Timetable
from .._words.catalog import words_of
from ._address import (
    Address,
    Position,
    Roots,
    evolve_at,
    find,
    get,
    roots,
    walk,
    with_roots,
)
from ._errors import EditError, InvalidEdit
from ._occurrence import occurrence_day, with_occurrence
from ._operations import _planned, instant_of, wall_time

if TYPE_CHECKING:
    import pendulum

__all__ = ["Cut", "LateResult", "Lateness", "running_late"]

_OPERATION = "running_late"


@attrs.frozen
class Lateness:
    """How late the meeting (``number == ""``) or one block now ends."""

    number: str
    path: tuple[str, ...]
    title: str
    planned_end: pendulum.DateTime
    new_end: pendulum.DateTime

    @property
    def over(self) -> int:
        """Minutes later than planned (negative: earlier)."""
        return int(self.new_end.timestamp() - self.planned_end.timestamp()) // 60


@attrs.frozen
class Cut:
    """Minutes taken from one item to absorb the delay."""

    number: str
    path: tuple[str, ...]
    title: str
    planned_minutes: int
    new_minutes: int

    @property
    def minutes(self) -> int:
        return self.planned_minutes - self.new_minutes


@attrs.frozen
class LateResult:
    """The re-timed meeting and what the delay did to it.

    `meeting` is the new agenda (lay it out, write it, publish it), `timetable` its
    layout, `planned` the layout before. `overall` and `blocks` give planned and new
    ends; `cuts` what was taken from which item. `holds` is True when the meeting
    still ends on time (its declared end, else its planned end). For a series, `on`
    is the date of the occurrence that runs late: `meeting` is then the series with
    that date's override, `timetable` and `planned` that occurrence's.
    """

    meeting: Meeting
    timetable: Timetable
    planned: Timetable
    late_by: int
    overall: Lateness
    blocks: tuple[Lateness, ...]
    cuts: tuple[Cut, ...]
    day: int = 0
    """The day that was re-timed (0 is the first day of a meeting held over several)."""
    on: _dt.date | None = None

    @property
    def holds(self) -> bool:
        return self.overall.over <= 0

    @property
    def overrun(self) -> int:
        """Minutes past the planned end (0 when it holds)."""
        return max(0, self.overall.over)

    def summary(self, lang: str = "ko") -> str:
        """Planned and new end of the meeting and each block, and the cuts; one per line."""
        words = words_of("late", lang)
        span = self.planned.days[self.day]
        zone = self.planned.zone
        meeting = words["meeting"].format(date=span.date.isoformat(), day=self.day + 1)
        if len(self.planned.days) > 1:
            meeting = words["meeting_day"].format(date=span.date.isoformat(), day=self.day + 1)
        lines = [] if self.on is None else [words["on"].format(date=self.on.isoformat())]
        lines += [_row(words, self.overall, meeting, zone, span.date)]
        lines += [_row(words, b, f"{b.number} {b.title}", zone, span.date)
                  for b in self.blocks]
        lines += [words["cut"].format(name=f"{c.number} {c.title}", planned=c.planned_minutes,
                                      new=c.new_minutes, cut=c.minutes) for c in self.cuts]
        lines.append(words["holds"] if self.holds else words["overruns"].format(
            minutes=self.overrun))
        return "\n".join(lines)


def _row(words: dict[str, str], row: Lateness, name: str, zone: str, day: _dt.date) -> str:
    """One line of the summary; an end on another date than the day's shows its date."""
    over = row.over
    state = (words["on_time"] if over == 0 else words["late"].format(m=over) if over > 0
             else words["early"].format(m=-over))
    return words["row"].format(name=name,
                               planned=clock_text(int(row.planned_end.timestamp()), zone, day),
                               new=clock_text(int(row.new_end.timestamp()), zone, day),
                               over=state)


# -- the moment ------------------------------------------------------------------------
# -- re-timing ---------------------------------------------------------------------------
@attrs.define
class _Leaf:
    slot: Slot
    start: int
    end: int
    anchor: Slot | None = None  # the slot whose fixed time this leaf starts at

    @property
    def minutes(self) -> int:
        return (self.end - self.start) // 60


def _dated(utc: int, zone: str) -> str:
    """`utc` on the wall clock of `zone` with its date: ``2024-03-14 00:10``."""
    return clock_text(utc, zone, _dt.date.min)


def _floor(item: Item) -> int:
    return item.min_minutes if item.min_minutes is not None else 1


def running_late(meeting: Meeting, now: _dt.time | _dt.datetime | str, *,
                 late_by: int | None = None,
                 actual: _dt.time | _dt.datetime | str | None = None,
                 absorb: Address | Sequence[Address] = (),
                 on: _dt.date | str | None = None) -> LateResult:
    """Re-time `meeting` as it stands at `now` (a local time or an aware date-time),
    `late_by` minutes late, or with the next item's `actual` start; `absorb` names
    the items that give up time, in order (typically the discussion first): one
    address (``"discussion"``) or several.

    A wall-clock time `now` (or `actual`) is the first such moment at or after the
    meeting's start: ``00:10`` on a meeting from 23:00 to 01:00 is after midnight.
    A date-time names any moment, on any day of a meeting held over several; a time
    the zone's clocks show twice (when they go back) needs its UTC offset
    (``01:30-04:00``).

    A series runs late one occurrence at a time: `on` names its date, or `now` does
    when it is a date-time. The occurrence is re-timed as a meeting of its own and
    written back as that date's override; the rest of the series is left alone.

    Raises :class:`EditError` for an unknown absorber, a time the clocks show twice
    without its offset or skip, a moment after every item has started, or a series
    without a date; :class:`agenda.NotAnOccurrence` for a date the meeting is not held
    on. An overrun is not an error (see :attr:`LateResult.holds`).
    """
    if meeting.repeats or on is not None:
        named = _day_of(meeting, now) if on is None else on
        if named is None:
            raise EditError(_OPERATION, f'"{meeting.title}" is a repeating meeting; name the '
                            "occurrence that runs late (on=YYYY-MM-DD, or now as a date-time)")
        held_on = occurrence_day(meeting, named)
        if meeting.repeats:
            held = running_late(occurrence_on(meeting, held_on), now, late_by=late_by,
                                actual=actual, absorb=absorb)
            series = with_occurrence(meeting, held_on, held.meeting, _OPERATION)
            return attrs.evolve(held, meeting=series, on=held_on)
    planned = _planned(meeting, _OPERATION)
    zone = planned.zone
    moment = instant_of(now, meeting, zone, "now", _OPERATION, after=planned.start_utc)
    upcoming = [k for k, s in enumerate(planned) if not s.is_block and s.start_utc >= moment]
    if not upcoming:
        raise EditError(_OPERATION, code="nothing-left", facts={
            "moment": _dated(moment, zone), "start": _dated(planned.start_utc, zone),
            "end": clock_text(planned.end_utc, zone, planned.days[0].date)})
    # Only the day that is running is re-timed: the next day starts as planned.
    day = next(d for d, span in enumerate(planned.days)
               if span.first <= upcoming[0] < span.stop)
    span = planned.days[day]
    slots = planned.day_slots(span)
    leaves = [_Leaf(s, s.start_utc, s.end_utc) for s in slots if not s.is_block]
    first = next(k for k, leaf in enumerate(leaves) if leaf.start >= moment)
    if any(getattr(s, "track", None) is not None and s.end_utc > moment for s in slots):
        raise EditError(_OPERATION, "the rest of the day holds parallel tracks, which "
                        "running late does not re-time; shift or resize them instead")
    if (late_by is None) == (actual is None):
        raise EditError(_OPERATION, "give exactly one of late_by or actual")
    if actual is not None:
        delay = instant_of(actual, meeting, zone, "actual", _OPERATION,
                           after=planned.start_utc) - leaves[first].start
    else:
        if isinstance(late_by, bool) or not isinstance(late_by, int):
            raise TypeError(f"late_by must be whole minutes, got {late_by!r}")
        delay = late_by * 60
    if delay < 0 or delay % 60:
        raise EditError(_OPERATION, "the delay must be whole minutes, not negative")
    addresses = [absorb] if isinstance(absorb, str | Item) else absorb
    givers = [find(meeting, a, _OPERATION) for a in addresses]
    for giver in givers:
        if giver.item.items:
            raise EditError(_OPERATION, f'"{giver.item.title}" is a block; name the items '
                            "in it that may give time")
    order = {g.number: k for k, g in enumerate(givers)}
    _mark_anchors(planned, leaves)
    declared_end = (span.declared_end_utc if span.declared_end_utc is not None
                    else span.end_utc)
    cuts = _retime(leaves, first, delay, order, declared_end)
    new = _rebuild(meeting, planned, day, leaves, first, delay, cuts)
    try:
        timetable = layout(new)
    except InvalidAgenda as exc:
        raise InvalidEdit(_OPERATION, exc.problems) from None
    return _result(new, timetable, planned, day, delay // 60, leaves, cuts)


def _day_of(meeting: Meeting, now: _dt.time | _dt.datetime | str) -> _dt.date | None:
    """The date `now` names, in the meeting's zone: None for a wall-clock time."""
    if isinstance(now, str) and ("T" in now or len(now) > 8):
        try:
            now = _dt.datetime.fromisoformat(now)
        except ValueError:
            return None  # instant_of says what is wrong with it
    if not isinstance(now, _dt.datetime):
        return None
    if now.tzinfo is None:
        return now.date()
    return in_zone(now, meeting.timezone).date()


def _mark_anchors(planned: Timetable, leaves: list[_Leaf]) -> None:
    """Give each leaf that starts at a fixed time the slot that holds that time."""
    by_start: dict[int, int] = {}
    for k, leaf in enumerate(leaves):
        by_start.setdefault(leaf.start, k)
    for slot in planned:
        if slot.item.at is not None and slot.start_utc in by_start:
            k = by_start[slot.start_utc]
            if leaves[k].anchor is None:
                leaves[k].anchor = slot


def _retime(leaves: list[_Leaf], first: int, delay: int, order: dict[str, int],
            declared_end: int) -> dict[int, int]:
    """Move the leaves from `first` on; returns the minutes cut per leaf index."""
    cuts: dict[int, int] = {}
    windows: list[tuple[int, int]] = []
    lo = first
    for k in range(first + 1, len(leaves)):
        if leaves[k].anchor is not None:
            windows.append((lo, k))
            lo = k
    windows.append((lo, len(leaves)))
    incoming = delay
    for lo, hi in windows:
        if incoming <= 0:
            break
        if hi < len(leaves):
            slack = leaves[hi].start - leaves[hi - 1].end
        else:
            slack = max(0, declared_end - leaves[hi - 1].end)
        need = max(0, incoming - slack) // 60
        breaks = [k for k in range(lo, hi) if leaves[k].slot.item.kind is Kind.BREAK
                  and leaves[k].slot.item.min_minutes is not None and k not in order.values()]
        named = sorted((k for k in range(lo, hi) if leaves[k].slot.number in order),
                       key=lambda k: order[leaves[k].slot.number])
        for k in [*breaks, *named]:
            if need <= 0:
                break
            room = leaves[k].minutes - _floor(leaves[k].slot.item)
            take = max(0, min(room, need))
            if take:
                cuts[k] = take
                need -= take
        # Re-time this window: the first leaf starts late, the rest follow.
        cursor = leaves[lo].start + incoming
        for k in range(lo, hi):
            leaf = leaves[k]
            length = leaf.end - leaf.start - cuts.get(k, 0) * 60
            leaf.start = max(cursor, leaf.start) if leaf.anchor is not None else cursor
            leaf.end = leaf.start + length
            cursor = leaf.end
        incoming = cursor - leaves[hi].start if hi < len(leaves) else 0
    return cuts


def _rebuild(meeting: Meeting, planned: Timetable, day: int, leaves: list[_Leaf],
             first: int, delay: int, cuts: dict[int, int]) -> Meeting:
    """A meeting whose layout gives the leaves' new times."""
    if delay == 0:
        return meeting
    zone = planned.zone
    tree = roots(meeting)
    places = {p.number: p for p in walk(tree)}
    changed: list[Position] = []

    def wall(utc: int) -> _dt.time:
        return wall_time(utc, zone, "a new time", _OPERATION).time()

    for k, leaf in enumerate(leaves[first:], start=first):
        place = places[leaf.slot.number]
        if k in cuts:
            tree = evolve_at(tree, place.index, minutes=leaf.minutes)
            changed.append(place.index)
        if leaf.anchor is not None and leaf.start != leaf.anchor.start_utc:
            anchor = places[leaf.anchor.number]
            tree = evolve_at(tree, anchor.index, at=wall(leaf.start))
            changed.append(anchor.index)
    new = meeting
    span = planned.days[day]
    if first == 0:
        start = span.start_utc + delay
        if wall_time(start, zone, "the new start", _OPERATION).date() != span.date:
            raise EditError(_OPERATION, "the delay moves the start to another day")
        new = _set_day(new, day, start=wall(start))
    else:
        leaf = leaves[first]
        place = places[leaf.slot.number]
        if leaf.anchor is None:
            index = place.index  # the blocks this item opens start late with it
            while len(index) > 2 and index[-1] == 0:
                index = index[:-1]
            item = get(tree, index)
            tree = evolve_at(tree, index, at=wall(leaf.start),
                             gap_ok=item.gap_ok or item.kind is not Kind.BREAK)
        changed.append(place.index)
    tree = _materialise(tree, planned, changed, day)
    if span.declared_end_utc is not None and leaves[-1].end > span.declared_end_utc:
        new = _set_day(new, day, end=wall(leaves[-1].end))
    return _declare_blocks(with_roots(new, tree), meeting, changed)


def _set_day(meeting: Meeting, day: int, **changes: Any) -> Meeting:
    """The meeting with `changes` (start, end) made to one of its days."""
    if not meeting.days:
        return attrs.evolve(meeting, **changes)
    days = list(meeting.days)
    days[day] = attrs.evolve(days[day], **changes)
    if day == 0 and "start" in changes:
        return attrs.evolve(meeting, days=days, start=changes["start"])
    return attrs.evolve(meeting, days=days)


def _materialise(tree: Roots, planned: Timetable, changed: list[Position],
                 day: int) -> Roots:
    """Give explicit minutes to every leaf sized by its window in a container that a
    change touches, so that the new windows do not re-share them."""
    containers = {(day,)} | {index[:d] for index in changed for d in range(2, len(index))}
    for place in list(walk(tree)):
        if place.item.items or place.item.minutes is not None:
            continue
        holder = place.index[:-1]
        while len(holder) > 1 and get(tree, holder).minutes is None:
            holder = holder[:-1]  # a block without minutes pools its leaves upwards
        if holder in containers:
            tree = evolve_at(tree, place.index,
                             minutes=planned.by_number(place.number).minutes)
    return tree


def _declare_blocks(new: Meeting, old: Meeting, changed: list[Position]) -> Meeting:
    """Blocks that declared minutes and hold a change declare their new length."""
    old_tree = roots(old)
    blocks = sorted({index[:d] for index in changed for d in range(2, len(index))},
                    key=len, reverse=True)
    blocks = [b for b in blocks if get(old_tree, b).minutes is not None]
    if not blocks:
        return new
    loose = roots(new)
    for b in blocks:
        loose = evolve_at(loose, b, minutes=None)
    try:
        spans = layout(with_roots(new, loose))
    except InvalidAgenda as exc:
        raise InvalidEdit(_OPERATION, exc.problems) from None
    numbers = {p.index: p.number for p in walk(loose)}
    tree = loose
    for b in blocks:
        tree = evolve_at(tree, b, minutes=spans.by_number(numbers[b]).minutes)
    return with_roots(new, tree)


def _result(new: Meeting, timetable: Timetable, planned: Timetable, day: int, late_by: int,
            leaves: list[_Leaf], cuts: dict[int, int]) -> LateResult:
    after = {s.path: s for s in timetable}
    zone = planned.zone
    overall = Lateness("", (), planned.meeting.title,
                       _moment(planned.days[day].end_utc, zone),
                       _moment(timetable.days[day].end_utc, zone))
    blocks = tuple(Lateness(s.number, s.path, s.title, s.end, after[s.path].end)
                   for s in planned if s.is_block and s.path in after)
    cut_rows = tuple(Cut(leaves[k].slot.number, leaves[k].slot.path, leaves[k].slot.title,
                         leaves[k].slot.minutes, leaves[k].slot.minutes - minutes)
                     for k, minutes in sorted(cuts.items()))
    return LateResult(new, timetable, planned, late_by, overall, blocks, cut_rows, day)
