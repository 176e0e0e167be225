"""Edit operations: pure functions from a Meeting to a new Meeting.

Each operation finds its items by address (id, printed number or title path),
builds the new tree with ``attrs.evolve`` (the old meeting is never touched), and
lays the result out: an edit that would leave errors raises one
:class:`~agenda.EditError` subclass carrying the facts, and returns nothing.

Time for a grown, inserted or removed item comes from where `absorb` says:

* an item address: that item gives (or takes) the minutes; it may not go below its
  ``min_minutes`` (or one minute);
* ``"end"``: the meeting ends later (or earlier), and every block on the way grows;
* ``"parent"``: the item's block grows (or shrinks); at the top level this is ``"end"``;
* ``None``: nothing else is changed; flexible items in the same window absorb what
  they can, as the layout always sizes them.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Literal

import attrs

from .._layout import draft, validate
from .._layout._sizing import natural_seconds
from .._model import Item, Meeting
from .._problems import Severity
from .._time import fold_instant, instants, is_ambiguous
from .._time import wall as _wall
from .._timetable import Timetable
from .._words.catalog import Fact
from ._address import (
    Address,
    Place,
    Position,
    Roots,
    children,
    evolve_at,
    find,
    get,
    insert_at,
    remove_at,
    roots,
    walk,
    with_roots,
)
from ._errors import BelowMinimum, EditError, InvalidEdit, Overflow
from ._occurrence import edit_occurrence

__all__ = ["Absorb", "insert", "move", "remove", "resize", "shift"]

Absorb = Address | Literal["end", "parent"] | None
"""Where the time of an edit comes from (or goes to); see the module's doc."""

_KO_WEEKDAYS = "월화수목금토일"
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# -- helpers ---------------------------------------------------------------------------
Known = set[tuple[str, tuple[str, ...], str]]
"""The identities (:attr:`agenda.Problem.identity`) of the errors an agenda had before
an edit: an edit may leave them, never add one."""


def _planned(meeting: Meeting, operation: str, known: Known | None = None) -> Timetable:
    """The timetable to edit. An agenda with errors is refused, unless `known` is given
    and its items could still be placed: its errors' identities are then added to
    `known`, and the edit may go on (see :func:`_finish`)."""
    timetable, problems = draft(meeting)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors and (known is None or timetable is None):
        lines = "; ".join(str(p) for p in errors)
        raise EditError(operation, f"the agenda has errors before the edit: {lines}")
    assert timetable is not None
    if known is not None:
        known.update(p.identity for p in errors)
    return timetable


def _finish(operation: str, meeting: Meeting, known: Known | None = None) -> Meeting:
    """`meeting`, unless it has an error the agenda did not have before the edit
    (:class:`InvalidEdit` then holds those errors)."""
    problems = validate(meeting)
    added = [p for p in problems if p.severity is Severity.ERROR
             and p.identity not in (known or set())]
    if added:
        raise InvalidEdit(operation, added)
    return meeting


def _minutes(timetable: Timetable, place: Place) -> int:
    return timetable.by_number(place.number).minutes


def wall_time(utc: int, zone: str, what: str, operation: str) -> _dt.datetime:
    """The wall-clock date-time of `utc` in `zone`, when a wall-clock time names that
    instant; the second pass of a repeated hour cannot be written as one."""
    try:
        wall = _wall(utc, zone)
    except (OverflowError, ValueError, OSError):
        raise EditError(operation, f"{what} would fall outside the calendar's range") from None
    if wall.fold and is_ambiguous(wall):
        raise EditError(operation, f"{what} would be {wall:%Y-%m-%d %H:%M} in the second pass "
                        f"of a repeated hour in {zone}, which a wall-clock time cannot name")
    return wall.replace(fold=0)


def _weekday_like(original: str | None, day: _dt.date) -> str | None:
    """The weekday of `day` written as `original` was (Korean or English)."""
    if original is None:
        return None
    if any(ch in _KO_WEEKDAYS for ch in original):
        return _KO_WEEKDAYS[day.weekday()] + ("요일" if original.endswith("요일") else "")
    return _EN_WEEKDAYS[day.weekday()]


def _grow_ancestors(tree: Roots, index: Position, delta: int, keep: int,
                    removed: bool = False) -> tuple[Roots, int]:
    """Add `delta` minutes to every block with declared minutes that holds the item at
    `index`, from its parent up to (not including) the ancestor at ``index[:keep]``
    (``keep=1``: every block up to the day, whose position is ``index[:1]``).

    A parallel block lasts as long as its longest track: it grows only by what that
    track now runs past it and never shrinks, and the blocks above it change by as
    much. Returns the tree and the minutes by which the outermost change moves what
    follows it (`delta`, or less where a parallel block took it). With `removed`, the
    item that was at `index` is no longer in `tree` (it gave back ``-delta``)."""
    for depth in range(len(index) - 1, max(keep, 1), -1):
        if delta == 0:
            break
        at = index[:depth]
        block = get(tree, at)
        if block.parallel:
            gone = removed and depth == len(index) - 1  # the track itself is gone
            delta = _parallel_growth(block, None if gone else index[depth], delta)
            if delta == 0:
                break
        if block.minutes is not None:
            tree = evolve_at(tree, at, minutes=block.minutes + delta)
    return tree, delta


def _parallel_growth(block: Item, track: int | None, delta: int) -> int:
    """By how many minutes the parallel `block` changes now that its track number
    `track` (already changed in `block`) runs `delta` minutes longer, or a track of
    ``-delta`` minutes was taken out of it (`track` None): a declared block grows only
    by what its longest track now runs past it and never shrinks; one without minutes
    follows its longest track."""
    lengths = [(natural_seconds(t) or 0) // 60 for t in block.items]
    longest = max(lengths, default=0)
    if block.minutes is not None:
        return max(0, longest - block.minutes) if delta > 0 else 0
    if track is None:
        return longest - max(longest, -delta)
    before = max([*lengths[:track], lengths[track] - delta, *lengths[track + 1:]])
    return longest - before


def _common(a: Position, b: Position) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _move_end(meeting: Meeting, timetable: Timetable, delta: int, day: int) -> Meeting:
    """The meeting with the declared end of `day` moved by `delta` seconds."""
    if delta == 0:
        return meeting
    span = timetable.days[day]
    if meeting.days:
        if meeting.days[day].end is None or span.declared_end_utc is None:
            return meeting
        wall = wall_time(span.declared_end_utc + delta, timetable.zone, "the new end",
                         "edit")
        days = list(meeting.days)
        days[day] = attrs.evolve(days[day], end=wall.time())
        return attrs.evolve(meeting, days=days)
    if meeting.end is None:
        return meeting
    wall = wall_time(timetable.end_utc + delta, timetable.zone, "the new end", "edit")
    return attrs.evolve(meeting, end=wall.time())


def _absorb(operation: str, meeting: Meeting, tree: Roots, timetable: Timetable,
            index: Position, delta: int, absorb: Absorb, *, removed: bool = False
            ) -> Meeting:
    """Find `delta` more minutes for the item now at `index` (give them back when
    negative) where `absorb` says; returns the meeting with `tree` and the changes.

    With `removed`, `tree` no longer holds the item that was at `index` (a remove):
    its blocks give back its time, and an absorbing item is found where it was."""
    if absorb is None or delta == 0:
        return with_roots(meeting, tree)
    if absorb == "parent" and len(index) > 2:
        grown, _ = _grow_ancestors(tree, index, delta, len(index) - 2, removed)
        return with_roots(meeting, grown)
    if absorb in ("end", "parent"):
        tree, moved = _grow_ancestors(tree, index, delta, 1, removed)
        return _move_end(with_roots(meeting, tree), timetable, moved * 60, index[0])
    giver = find(meeting, absorb, operation, None if removed else tree)
    if giver.index[:len(index)] == index or index[:len(giver.index)] == giver.index:
        raise EditError(operation, f'"{giver.item.title}" cannot absorb the time of an item '
                        "that holds it or that it holds")
    old = giver.item
    if old.items:
        raise EditError(operation, f'"{old.title}" is a block; name one of its items to '
                        "absorb the time")
    at = _after_removal(giver.index, index) if removed else giver.index
    keep = _common(index, giver.index)
    tree, taken = _grow_ancestors(tree, index, delta, keep, removed)
    if taken == 0:  # a parallel block held the change: nothing to take
        return with_roots(meeting, tree)
    keeps = _size_before(timetable, meeting, old) - taken
    floor = old.min_minutes if old.min_minutes is not None else 1
    if keeps < floor:
        raise BelowMinimum(operation, old.title, keeps, floor)
    if old.minutes is not None or _is_plain(old):
        # An item that had its share of an equal split keeps what is left of it; the
        # others keep theirs, as the split's total changes by what it gave.
        tree = evolve_at(tree, at, minutes=keeps)
    tree, _ = _grow_ancestors(tree, at, -taken, keep)
    return with_roots(meeting, tree)


def _size_before(timetable: Timetable, meeting: Meeting, item: Item) -> int:
    for place in walk(roots(meeting)):
        if place.item is item:
            return _minutes(timetable, place)
    return item.minutes or 0


def _target(meeting: Meeting, operation: str, before: Address | None, after: Address | None,
            into: Address | None) -> tuple[Position, int, Place | None]:
    """(parent position, child index, anchor place) of a before/after/into target."""
    given = [t for t in (before, after, into) if t is not None]
    if len(given) != 1:
        raise EditError(operation, "give exactly one of before, after or into")
    if into is not None:
        block = find(meeting, into, operation)
        return block.index, len(block.item.items), block
    place = find(meeting, before if before is not None else after, operation)  # type: ignore[arg-type]
    k = place.index[-1] + (1 if after is not None else 0)
    return place.index[:-1], k, place


# -- operations ------------------------------------------------------------------------
def shift(meeting: Meeting, *, to: _dt.time | _dt.datetime | str | None = None,
          by: int | None = None, move_anchors: bool = False,
          on: _dt.date | str | None = None) -> Meeting:
    """The meeting moved to start at `to` (a wall-clock time, ``"HH:MM"``, or a
    date-time, which may change the date) or `by` minutes (later when positive).

    Items keep their minutes and order. Items with a fixed ``at`` time are anchors:
    they stay where they are, and so does the declared end, unless `move_anchors`
    (or the meeting has no anchor at all), in which case they move as much as the start.
    Every day of a meeting held over several moves alike. `on` names one occurrence
    of a series: only it moves (see :func:`edit_occurrence`).
    """
    operation = "shift"
    if on is not None:
        return edit_occurrence(meeting, on, operation, lambda held: shift(
            held, to=to, by=by, move_anchors=move_anchors))
    if (to is None) == (by is None):
        raise EditError(operation, "give exactly one of to or by")
    known: Known = set()
    timetable = _planned(meeting, operation, known)
    zone = timetable.zone
    if by is not None:
        if isinstance(by, bool) or not isinstance(by, int):
            raise TypeError(f"by must be whole minutes, got {by!r}")
        delta = by * 60
    else:
        moment = instant_of(to, meeting, zone, "to", operation)  # type: ignore[arg-type]
        # Refuses what no calendar shows, and a start between two minutes. The instants
        # may differ by seconds: a zone's offset had seconds in its early years.
        if wall_time(moment, zone, "the new start", operation).second:
            raise EditError(operation, "the new start must be on a whole minute")
        delta = moment - timetable.start_utc
    tree = roots(meeting)
    anchors = [p for p in walk(tree) if p.item.at is not None]
    moving = move_anchors or not anchors
    if moving:
        for place in anchors:
            slot_start = timetable.by_number(place.number).start_utc
            at = wall_time(slot_start + delta, zone, f'item {place.number} "{place.item.title}"',
                           operation).time()
            tree = evolve_at(tree, place.index, at=at)
    new = with_roots(meeting, tree)
    if meeting.days:
        days = []
        for day, span in zip(new.days, timetable.days, strict=True):
            wall = wall_time(span.start_utc + delta, zone, f"the new start of {day.date}",
                             operation)
            day = attrs.evolve(day, date=wall.date(), start=wall.time())
            if moving and span.declared_end_utc is not None:
                day = attrs.evolve(day, end=wall_time(span.declared_end_utc + delta, zone,
                                                      f"the new end of {day.date}",
                                                      operation).time())
            days.append(day)
        return _finish(operation, attrs.evolve(new, days=days, date=days[0].date,
                                               start=days[0].start), known)
    wall = wall_time(timetable.start_utc + delta, zone, "the new start", operation)
    new_date = wall.date()
    new = attrs.evolve(new, date=new_date, start=wall.time(),
                       weekday=_weekday_like(meeting.weekday, new_date)
                       if new_date != meeting.date else meeting.weekday)
    if moving:
        new = _move_end(new, timetable, delta, 0)
    return _finish(operation, new, known)


_DATED = re.compile(r"\s*[+-]?\d{4,}-\d\d-\d\d")


def instant_of(value: _dt.time | _dt.datetime | str, meeting: Meeting, zone: str,
               what: str, operation: str, *, after: int | None = None) -> int:
    """UTC seconds of `value`: an aware date-time as it is, a naive one in `zone`, a
    wall-clock time (or ``"HH:MM"``) on the meeting's date.

    With `after` (UTC seconds: the start of the meeting or of its day), a wall-clock
    time is the first such moment at or after it (``00:10`` of a meeting from 23:00
    is after midnight), a time may carry its UTC offset (``01:30-04:00``), and a wall
    time that the zone's clocks show twice (without its offset) or skip is refused."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = (_dt.datetime.fromisoformat(text) if _DATED.match(text)
                     else _dt.time.fromisoformat(text))
        except ValueError:
            raise EditError(operation, code="not-a-moment",
                            facts={"what": what, "value": text}) from None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            return int(value.timestamp())
        if after is None:
            return fold_instant(value, zone)
        return _one_instant(value, zone, what, operation)
    if not isinstance(value, _dt.time):
        raise TypeError(f"{what} must be a time or a date-time, got {value!r}")
    if after is None:
        day = meeting.date  # a time the clocks show twice is its second pass (fold=1)
        local = _dt.datetime(day.year, day.month, day.day, value.hour,  # noqa: DTZ001 - wall
                             value.minute, value.second, fold=1)
        return fold_instant(local, zone)
    return _first_at_or_after(value, after, zone, what, operation)


def _offset_text(utc: int, zone: str) -> str:
    return _wall(utc, zone).isoformat(timespec="minutes")[-6:]


def _one_instant(wall: _dt.datetime, zone: str, what: str, operation: str) -> int:
    """The one instant that the naive `wall` names in `zone`; refused when the clocks
    show it twice or skip it."""
    try:
        found = instants(wall, zone)
    except (OverflowError, ValueError, OSError):
        raise EditError(operation, f"{what} would fall outside the calendar's range") from None
    facts: dict[str, Fact] = {"what": what, "date": wall.date().isoformat(),
                              "time": f"{wall:%H:%M}", "timezone": zone}
    if not found:
        raise EditError(operation, code="skipped-moment", facts=facts)
    if len(found) > 1:
        stamp = wall.isoformat(timespec="minutes")
        raise EditError(operation, code="repeated-moment", facts={
            **facts, "first": stamp + _offset_text(found[0], zone),
            "second": stamp + _offset_text(found[1], zone)})
    return found[0]


def _first_at_or_after(clock: _dt.time, after: int, zone: str, what: str,
                       operation: str) -> int:
    """The first moment at or after `after` whose wall clock in `zone` reads `clock`
    (and whose UTC offset is `clock`'s, when it has one)."""
    since = _wall(after, zone).replace(tzinfo=None)
    naive = clock.replace(tzinfo=None)
    offset = clock.utcoffset() if clock.tzinfo is not None else None
    for days in range(3):
        wall = _dt.datetime.combine(since.date() + _dt.timedelta(days=days), naive)
        if offset is not None:
            matching = [u for u in instants(wall, zone)
                        if _wall(u, zone).utcoffset() == offset and u >= after]
            if matching:
                return matching[0]
            continue
        if wall >= since:
            return _one_instant(wall, zone, what, operation)
    raise EditError(operation, code="offset-not-in-zone", facts={
        "what": what, "value": clock.isoformat(timespec="minutes"), "timezone": zone,
        "start": since.isoformat(sep=" ", timespec="minutes")})


def move(meeting: Meeting, item: Address, *, before: Address | None = None,
         after: Address | None = None, into: Address | None = None,
         on: _dt.date | str | None = None) -> Meeting:
    """The meeting with `item` moved before or after another item, or to the end of
    the block `into` (on any day of a meeting held over several).

    Within a block nothing else changes (an equal split stays an equal split). Across
    blocks the item takes its minutes with it: the blocks it leaves shrink and the
    blocks it joins grow, so the meeting's total is unchanged; an item that had its
    share of an equal split gets its minutes, unless it joins another equal split.
    A parallel block lasts as long as its longest track: a talk moved between tracks
    it fits in changes no block above the tracks. `on` names one occurrence of a series
    to change alone.
    """
    operation = "move"
    if on is not None:
        return edit_occurrence(meeting, on, operation, lambda held: move(
            held, item, before=before, after=after, into=into))
    known: Known = set()
    timetable = _planned(meeting, operation, known)
    place = find(meeting, item, operation)
    parent, k, anchor = _target(meeting, operation, before, after, into)
    if anchor is not None and anchor.index[:len(place.index)] == place.index:
        raise EditError(operation, f'cannot move "{place.item.title}" into or next to '
                        "itself or its own items")
    tree = roots(meeting)
    old_parent = place.index[:-1]
    moved = place.item
    if old_parent == parent:
        if k > place.index[-1]:
            k -= 1
        tree = insert_at(remove_at(tree, place.index), parent, k, moved)
        return _finish(operation, with_roots(meeting, tree), known)
    minutes = _minutes(timetable, place)
    siblings = children(tree, parent)
    equal_split = bool(siblings) and all(_is_plain(s) for s in siblings) and (
        len(parent) > 1 and get(tree, parent).minutes is not None)
    if _is_plain(moved) and not equal_split:
        moved = attrs.evolve(moved, minutes=minutes)
    tree, _ = _grow_ancestors(remove_at(tree, place.index), place.index, -minutes, 1,
                              removed=True)
    # The target's position shifts when the item left an earlier sibling slot.
    parent = _after_removal(parent, place.index)
    tree = insert_at(tree, parent, k, moved)
    tree, _ = _grow_ancestors(tree, (*parent, k), minutes, 1)
    return _finish(operation, with_roots(meeting, tree), known)


def _after_removal(position: Position, removed: Position) -> Position:
    """`position` once the item at `removed` is gone (a later sibling moves up)."""
    depth = len(removed) - 1
    if len(position) > depth and position[:depth] == removed[:depth] and (
            position[depth] > removed[depth]):
        return (*position[:depth], position[depth] - 1, *position[depth + 1:])
    return position


def _is_plain(item: Item) -> bool:
    return (item.minutes is None and not item.items and item.min_minutes is None
            and item.max_minutes is None)


def resize(meeting: Meeting, item: Address, minutes: int, *, absorb: Absorb = None,
           on: _dt.date | str | None = None) -> Meeting:
    """The meeting with `item` lasting `minutes`, the difference taken from (or given
    to) where `absorb` says; `on` names one occurrence of a series to change alone."""
    operation = "resize"
    if on is not None:
        return edit_occurrence(meeting, on, operation, lambda held: resize(
            held, item, minutes, absorb=absorb))
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise TypeError(f"minutes must be a whole number, got {minutes!r}")
    if minutes <= 0:
        raise EditError(operation, f"minutes is {minutes}; it must be positive")
    known: Known = set()
    timetable = _planned(meeting, operation, known)
    place = find(meeting, item, operation)
    delta = minutes - _minutes(timetable, place)
    tree = evolve_at(roots(meeting), place.index, minutes=minutes)
    new = _absorb(operation, meeting, tree, timetable, place.index, delta, absorb)
    if absorb is None and delta > 0:
        _check_overflow(operation, roots(new), place.index)
    return _finish(operation, new, known)


def insert(meeting: Meeting, item: Item, *, before: Address | None = None,
           after: Address | None = None, into: Address | None = None,
           absorb: Absorb = None, on: _dt.date | str | None = None) -> Meeting:
    """The meeting with the new `item` before or after another item, or at the end of
    the block `into`; its minutes come from where `absorb` says. `on` names one
    occurrence of a series to change alone."""
    operation = "insert"
    if on is not None:
        return edit_occurrence(meeting, on, operation, lambda held: insert(
            held, item, before=before, after=after, into=into, absorb=absorb))
    if not isinstance(item, Item):
        raise TypeError(f"insert takes an Item, got {item!r}")
    known: Known = set()
    timetable = _planned(meeting, operation, known)
    parent, k, _anchor = _target(meeting, operation, before, after, into)
    tree = roots(meeting)
    siblings = children(tree, parent)
    delta = item.minutes if item.minutes is not None else (item.min_minutes or 0)
    if _is_plain(item):
        shares = [timetable.by_number(p.number).minutes for p in walk(tree)
                  if p.index[:-1] == parent and _is_plain(p.item)]
        delta = shares[0] if shares and len(shares) == len(siblings) else 0
    tree = insert_at(tree, parent, k, item)
    new = _absorb(operation, meeting, tree, timetable, (*parent, k), delta, absorb)
    if absorb is None and delta > 0:
        _check_overflow(operation, roots(new), (*parent, k))
    return _finish(operation, new, known)


def remove(meeting: Meeting, item: Address, *, absorb: Absorb = None,
           on: _dt.date | str | None = None) -> Meeting:
    """The meeting without `item` (and its children); its minutes go where `absorb`
    says. `on` names one occurrence of a series to change alone."""
    operation = "remove"
    if on is not None:
        return edit_occurrence(meeting, on, operation, lambda held: remove(
            held, item, absorb=absorb))
    known: Known = set()
    timetable = _planned(meeting, operation, known)
    place = find(meeting, item, operation)
    freed = _minutes(timetable, place)
    if absorb is not None and absorb not in ("end", "parent"):
        giver = find(meeting, absorb, operation)
        if giver.index[:len(place.index)] == place.index:
            raise EditError(operation, f'"{giver.item.title}" is removed with '
                            f'"{place.item.title}"; it cannot take its time')
    tree = remove_at(roots(meeting), place.index)
    return _finish(operation, _absorb(operation, meeting, tree, timetable, place.index,
                                      -freed, absorb, removed=True), known)


def _check_overflow(operation: str, tree: Roots, index: Position) -> None:
    """Raise :class:`Overflow` when the block holding `index` has a declared length
    that its children, all of fixed minutes, now exceed."""
    parent = index[:-1]
    if len(parent) < 2:
        return  # the day's window: the layout's past-end problem says it best
    block = get(tree, parent)
    if block.minutes is None or block.parallel or any(c.minutes is None for c in block.items):
        return
    over = sum(c.minutes or 0 for c in block.items) - block.minutes
    if over > 0:
        raise Overflow(operation, block.title, block.minutes, over)
