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
import zoneinfo
from typing import Literal

import attrs
import pendulum

from .._layout import layout, validate
from .._model import Item, Meeting
from .._problems import InvalidAgenda, Severity
from .._timetable import Timetable
from ._address import (
    Address,
    Place,
    Position,
    evolve_at,
    find,
    get,
    insert_at,
    remove_at,
    walk,
)
from ._errors import BelowMinimum, EditError, InvalidEdit, Overflow

__all__ = ["Absorb", "insert", "move", "remove", "resize", "shift"]

Absorb = Address | Literal["end", "parent"] | None
"""Where the time of an edit comes from (or goes to); see the module's doc."""

_KO_WEEKDAYS = "월화수목금토일"
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# -- helpers ---------------------------------------------------------------------------
def _planned(meeting: Meeting, operation: str) -> Timetable:
    try:
        return layout(meeting)
    except InvalidAgenda as exc:
        lines = "; ".join(str(p) for p in exc.problems if p.severity is Severity.ERROR)
        raise EditError(operation, f"the agenda has errors before the edit: {lines}") from None


def _finish(operation: str, meeting: Meeting) -> Meeting:
    problems = validate(meeting)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InvalidEdit(operation, problems)
    return meeting


def _minutes(timetable: Timetable, place: Place) -> int:
    return timetable.by_number(place.number).minutes


def _wall(utc: int, zone: str) -> _dt.datetime:
    return _dt.datetime.fromtimestamp(utc, zoneinfo.ZoneInfo(zone))


def wall_time(utc: int, zone: str, what: str, operation: str) -> _dt.datetime:
    """The wall-clock date-time of `utc` in `zone`, when a wall-clock time names that
    instant; the second pass of a repeated hour cannot be written as one."""
    try:
        wall = _wall(utc, zone)
    except (OverflowError, ValueError, OSError):
        raise EditError(operation, f"{what} would fall outside the calendar's range") from None
    if wall.fold and wall.replace(fold=0).utcoffset() != wall.utcoffset():
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


def _grow_ancestors(items: tuple[Item, ...], index: Position, delta: int,
                    keep: int) -> tuple[Item, ...]:
    """Add `delta` minutes to every block with declared minutes that holds the item at
    `index`, from its parent up to (not including) the ancestor at ``index[:keep]``
    (``keep=0``: every block up to the meeting)."""
    for depth in range(len(index) - 1, keep, -1):
        at = index[:depth]
        block = get(items, at)
        if block.minutes is not None:
            items = evolve_at(items, at, minutes=block.minutes + delta)
    return items


def _common(a: Position, b: Position) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _move_end(meeting: Meeting, timetable: Timetable, delta: int) -> Meeting:
    if meeting.end is None or delta == 0:
        return meeting
    wall = wall_time(timetable.end_utc + delta * 60, timetable.zone, "the new end",
                     "edit")
    return attrs.evolve(meeting, end=wall.time())


def _absorb(operation: str, meeting: Meeting, items: tuple[Item, ...], timetable: Timetable,
            index: Position, delta: int, absorb: Absorb) -> Meeting:
    """Find `delta` more minutes for the item now at `index` (give them back when
    negative) where `absorb` says; returns the meeting with `items` and the changes."""
    if absorb is None or delta == 0:
        return attrs.evolve(meeting, items=items)
    if absorb == "parent" and len(index) > 1:
        items = _grow_ancestors(items, index, delta, len(index) - 2)
        return attrs.evolve(meeting, items=items)
    if absorb in ("end", "parent"):
        items = _grow_ancestors(items, index, delta, 0)
        return _move_end(attrs.evolve(meeting, items=items), timetable, delta)
    giver = find(attrs.evolve(meeting, items=items), absorb, operation)
    if giver.index[:len(index)] == index or index[:len(giver.index)] == giver.index:
        raise EditError(operation, f'"{giver.item.title}" cannot absorb the time of an item '
                        "that holds it or that it holds")
    old = giver.item
    before = _size_before(timetable, meeting, old)
    keeps = before - delta
    floor = old.min_minutes if old.min_minutes is not None else 1
    if keeps < floor:
        raise BelowMinimum(operation, old.title, keeps, floor)
    if old.items:
        raise EditError(operation, f'"{old.title}" is a block; name one of its items to '
                        "absorb the time")
    if old.minutes is not None:
        items = evolve_at(items, giver.index, minutes=keeps)
    keep = _common(index, giver.index)
    items = _grow_ancestors(items, index, delta, keep)
    items = _grow_ancestors(items, giver.index, -delta, keep)
    return attrs.evolve(meeting, items=items)


def _size_before(timetable: Timetable, meeting: Meeting, item: Item) -> int:
    for place in walk(meeting.items):
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
          by: int | None = None, move_anchors: bool = False) -> Meeting:
    """The meeting moved to start at `to` (a wall-clock time, ``"HH:MM"``, or a
    date-time, which may change the date) or `by` minutes (later when positive).

    Items keep their minutes and order. Items with a fixed ``at`` time are anchors:
    they stay where they are, and so does the declared end, unless `move_anchors`
    (or the meeting has no anchor at all), in which case they move as much as the start.
    """
    operation = "shift"
    if (to is None) == (by is None):
        raise EditError(operation, "give exactly one of to or by")
    timetable = _planned(meeting, operation)
    zone = timetable.zone
    if by is not None:
        if isinstance(by, bool) or not isinstance(by, int):
            raise TypeError(f"by must be whole minutes, got {by!r}")
        new_start = timetable.start_utc + by * 60
    else:
        new_start = _instant_of(to, meeting, zone, operation)  # type: ignore[arg-type]
    delta = new_start - timetable.start_utc
    if delta % 60:
        raise EditError(operation, "shift by whole minutes")
    wall = wall_time(new_start, zone, "the new start", operation)
    day = wall.date()
    anchors = [p for p in walk(meeting.items) if p.item.at is not None]
    moving = move_anchors or not anchors
    items = meeting.items
    if moving:
        for place in anchors:
            slot_start = timetable.by_number(place.number).start_utc
            at = wall_time(slot_start + delta, zone, f'item {place.number} "{place.item.title}"',
                           operation).time()
            items = evolve_at(items, place.index, at=at)
    new = attrs.evolve(meeting, date=day, start=wall.time(), items=items,
                       weekday=_weekday_like(meeting.weekday, day)
                       if day != meeting.date else meeting.weekday)
    if moving:
        new = _move_end(new, timetable, delta // 60)
    return _finish(operation, new)


def _instant_of(value: _dt.time | _dt.datetime | str, meeting: Meeting, zone: str,
                operation: str) -> int:
    if isinstance(value, str):
        try:
            value = (_dt.time.fromisoformat(value) if "T" not in value and len(value) <= 8
                     else _dt.datetime.fromisoformat(value))
        except ValueError:
            raise EditError(operation, f'"{value}" is not a time like 14:10 or a date-time '
                            "like 2024-03-13T14:10") from None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            return int(value.timestamp())
        moment = pendulum.instance(value, tz=zone)
        return int(moment.timestamp())
    day = meeting.date
    moment = pendulum.datetime(day.year, day.month, day.day, value.hour, value.minute,
                               value.second, tz=zone)
    return int(moment.timestamp())


def move(meeting: Meeting, item: Address, *, before: Address | None = None,
         after: Address | None = None, into: Address | None = None) -> Meeting:
    """The meeting with `item` moved before or after another item, or to the end of
    the block `into`.

    Within a block nothing else changes (an equal split stays an equal split). Across
    blocks the item takes its minutes with it: the blocks it leaves shrink and the
    blocks it joins grow, so the meeting's total is unchanged; an item that had its
    share of an equal split gets its minutes, unless it joins another equal split.
    """
    operation = "move"
    timetable = _planned(meeting, operation)
    place = find(meeting, item, operation)
    parent, k, anchor = _target(meeting, operation, before, after, into)
    if anchor is not None and anchor.index[:len(place.index)] == place.index:
        raise EditError(operation, f'cannot move "{place.item.title}" into or next to '
                        "itself or its own items")
    old_parent = place.index[:-1]
    moved = place.item
    if old_parent == parent:
        if k > place.index[-1]:
            k -= 1
        items = insert_at(remove_at(meeting.items, place.index), parent, k, moved)
        return _finish(operation, attrs.evolve(meeting, items=items))
    minutes = _minutes(timetable, place)
    siblings = meeting.items if not parent else get(meeting.items, parent).items
    equal_split = bool(siblings) and all(_is_plain(s) for s in siblings) and (
        bool(parent) and get(meeting.items, parent).minutes is not None)
    if _is_plain(moved) and not equal_split:
        moved = attrs.evolve(moved, minutes=minutes)
    items = _grow_ancestors(meeting.items, place.index, -minutes, 0)
    items = remove_at(items, place.index)
    # The target's position may have shifted if the item left an earlier sibling slot.
    parent = _after_removal(parent, place.index)
    items = insert_at(items, parent, k, moved)
    items = _grow_ancestors(items, (*parent, k), minutes, 0)
    return _finish(operation, attrs.evolve(meeting, items=items))


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


def resize(meeting: Meeting, item: Address, minutes: int, *, absorb: Absorb = None) -> Meeting:
    """The meeting with `item` lasting `minutes`, the difference taken from (or given
    to) where `absorb` says."""
    operation = "resize"
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise TypeError(f"minutes must be a whole number, got {minutes!r}")
    if minutes <= 0:
        raise EditError(operation, f"minutes is {minutes}; it must be positive")
    timetable = _planned(meeting, operation)
    place = find(meeting, item, operation)
    delta = minutes - _minutes(timetable, place)
    items = evolve_at(meeting.items, place.index, minutes=minutes)
    new = _absorb(operation, meeting, items, timetable, place.index, delta, absorb)
    if absorb is None and delta > 0:
        _check_overflow(operation, new, place.index)
    return _finish(operation, new)


def insert(meeting: Meeting, item: Item, *, before: Address | None = None,
           after: Address | None = None, into: Address | None = None,
           absorb: Absorb = None) -> Meeting:
    """The meeting with the new `item` before or after another item, or at the end of
    the block `into`; its minutes come from where `absorb` says."""
    operation = "insert"
    if not isinstance(item, Item):
        raise TypeError(f"insert takes an Item, got {item!r}")
    timetable = _planned(meeting, operation)
    parent, k, _anchor = _target(meeting, operation, before, after, into)
    items = insert_at(meeting.items, parent, k, item)
    delta = item.minutes if item.minutes is not None else (item.min_minutes or 0)
    if _is_plain(item):
        siblings = meeting.items if not parent else get(meeting.items, parent).items
        shares = [timetable.by_number(p.number).minutes for p in walk(meeting.items)
                  if p.index[:-1] == parent and _is_plain(p.item)]
        delta = shares[0] if shares and len(shares) == len(siblings) else 0
    new = _absorb(operation, meeting, items, timetable, (*parent, k), delta, absorb)
    if absorb is None and delta > 0:
        _check_overflow(operation, new, (*parent, k))
    return _finish(operation, new)


def remove(meeting: Meeting, item: Address, *, absorb: Absorb = None) -> Meeting:
    """The meeting without `item` (and its children); its minutes go where `absorb`
    says."""
    operation = "remove"
    timetable = _planned(meeting, operation)
    place = find(meeting, item, operation)
    freed = _minutes(timetable, place)
    if absorb is not None and absorb not in ("end", "parent"):
        giver = find(meeting, absorb, operation)
        if giver.index[:len(place.index)] == place.index:
            raise EditError(operation, f'"{giver.item.title}" is removed with '
                            f'"{place.item.title}"; it cannot take its time')
    # Give the time away while the item is still in the tree, then take it out.
    new = _absorb(operation, meeting, meeting.items, timetable, place.index, -freed, absorb)
    return _finish(operation, attrs.evolve(new, items=remove_at(new.items, place.index)))


def _check_overflow(operation: str, meeting: Meeting, index: Position) -> None:
    """Raise :class:`Overflow` when the block holding `index` has a declared length
    that its children, all of fixed minutes, now exceed."""
    parent = index[:-1]
    if not parent:
        return  # the meeting's window: the layout's past-end problem says it best
    block = get(meeting.items, parent)
    if block.minutes is None or any(c.minutes is None for c in block.items):
        return
    over = sum(c.minutes or 0 for c in block.items) - block.minutes
    if over > 0:
        raise Overflow(operation, block.title, block.minutes, over)
