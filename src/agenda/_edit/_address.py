"""Finding items in a meeting's tree: by id, by printed number or by title path.

A position in the tree is an index path that starts with the day: ``(0, 3, 1)`` is item
4.2 of a one-day meeting (whose one day is day 0). Printed numbers run on across the
days of a meeting held over several, as the timetable numbers them. Addresses:

* an item's ``id`` (``"gangwon"``);
* its printed number (``"4.2"``);
* its titles from the top, joined by ``/``
  (``"지자체별 글로벌 혁신 특구 준비현황 발표/강원"``), or any tail of them that is
  unique (``"강원"``).

An address that matches nothing, or more than one item, raises
:class:`AddressError` listing the candidates; so does one that two of these readings
take to different items (``"2"``, the id of one item and the number of another, or
``"Morning/Talk"``, a title path and another item's whole title).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from .._model import Item, Meeting
from ._errors import AddressError

__all__ = ["Address", "Place", "Roots", "evolve_at", "find", "get", "insert_at", "remove_at",
           "replace_at", "roots", "walk", "with_roots"]

Address = str | Item
"""An item's id, printed number or title path, or the `Item` itself."""

Position = tuple[int, ...]
Roots = tuple[tuple[Item, ...], ...]
"""The top-level items of each day (one day for a meeting without days)."""

def roots(meeting: Meeting) -> Roots:
    """The items of each of the meeting's days."""
    if meeting.days:
        return tuple(day.items for day in meeting.days)
    return (meeting.items,)


def with_roots(meeting: Meeting, new: Roots) -> Meeting:
    """The meeting with the items of each day replaced."""
    if meeting.days:
        return attrs.evolve(meeting, days=[attrs.evolve(day, items=items)
                                           for day, items in zip(meeting.days, new,
                                                                 strict=True)])
    return attrs.evolve(meeting, items=new[0])


@attrs.frozen
class Place:
    """An item found in the tree: its position, printed number, item and title trail."""

    index: Position
    number: str
    item: Item
    titles: tuple[str, ...]

    def describe(self) -> str:
        ident = f" (id {self.item.id})" if self.item.id is not None else ""
        return f"{self.number} {'/'.join(self.titles)}{ident}"


def walk(tree: Roots) -> Iterator[Place]:
    """Every item in agenda order, day after day, with its place."""
    offset = 0
    for d, items in enumerate(tree):
        stack: list[tuple[Position, str, Item, tuple[str, ...]]] = [
            ((d, k), str(offset + k + 1), item, (item.title,))
            for k, item in reversed(list(enumerate(items)))]
        while stack:
            index, number, item, titles = stack.pop()
            yield Place(index, number, item, titles)
            stack.extend(((*index, k), f"{number}.{k + 1}", child, (*titles, child.title))
                         for k, child in reversed(list(enumerate(item.items))))
        offset += len(items)


def get(tree: Roots, index: Position) -> Item:
    item = tree[index[0]][index[1]]
    for k in index[2:]:
        item = item.items[k]
    return item


def children(tree: Roots, parent: Position) -> tuple[Item, ...]:
    """The items held by the block at `parent`, or the top-level items of day ``(d,)``."""
    return tree[parent[0]] if len(parent) == 1 else get(tree, parent).items


def _replace(items: Sequence[Item], index: Position,
             change: Callable[[Item], Item | None]) -> tuple[Item, ...]:
    head, rest = index[0], index[1:]
    out = list(items)
    if not rest:
        new = change(out[head])
        if new is None:
            del out[head]
        else:
            out[head] = new
        return tuple(out)
    parent = out[head]
    out[head] = attrs.evolve(parent, items=_replace(parent.items, rest, change))
    return tuple(out)


def replace_at(tree: Roots, index: Position, change: Callable[[Item], Item | None]) -> Roots:
    """The tree with the item at `index` replaced by ``change(item)`` (or removed when
    that returns None); every ancestor is rebuilt, nothing is mutated."""
    d = index[0]
    return (*tree[:d], _replace(tree[d], index[1:], change), *tree[d + 1:])


def evolve_at(tree: Roots, index: Position, **changes: Any) -> Roots:
    """The tree with the item at `index` given new field values."""
    return replace_at(tree, index, lambda item: attrs.evolve(item, **changes))


def remove_at(tree: Roots, index: Position) -> Roots:
    return replace_at(tree, index, lambda _item: None)


def insert_at(tree: Roots, parent: Position, k: int, item: Item) -> Roots:
    """The tree with `item` inserted as child `k` of the block at `parent` (``(d,)``
    for the top level of day `d`)."""
    if len(parent) == 1:
        d = parent[0]
        top = list(tree[d])
        top.insert(k, item)
        return (*tree[:d], tuple(top), *tree[d + 1:])

    def add(block: Item) -> Item:
        held = list(block.items)
        held.insert(k, item)
        return attrs.evolve(block, items=held)

    return replace_at(tree, parent, add)


def find(meeting: Meeting, address: Address, operation: str, tree: Roots | None = None
         ) -> Place:
    """The one item `address` names; :class:`AddressError` for none or several."""
    places = list(walk(tree if tree is not None else roots(meeting)))
    if isinstance(address, Item):
        same = [p for p in places if p.item is address] or [
            p for p in places if p.item == address]
        return _one(same, address.title, operation, places)
    if not isinstance(address, str):
        raise TypeError(f"an item address is an id, a number or a title, got {address!r}")
    text = address.strip()
    # Every reading of the text counts: an id, a printed number, a whole title, a
    # title path (or its tail). Two readings that name different items are refused.
    segments = tuple(part.strip() for part in text.split("/"))
    found: dict[Position, Place] = {}
    for place in places:
        if (place.item.id == text or place.number == text or place.item.title == text
                or place.titles[-len(segments):] == segments):
            found.setdefault(place.index, place)
    return _one(list(found.values()), text, operation, places)


def _one(found: list[Place], address: str, operation: str, places: list[Place]) -> Place:
    if len(found) == 1:
        return found[0]
    if found:
        raise AddressError(operation, address, [p.describe() for p in found], ambiguous=True)
    names: dict[str, Place] = {}
    for place in places:
        names.setdefault(place.item.title, place)
        names.setdefault("/".join(place.titles), place)
        if place.item.id is not None:
            names.setdefault(place.item.id, place)
        names.setdefault(place.number, place)
    close = difflib.get_close_matches(address, list(names), n=5, cutoff=0.5)
    seen: list[str] = []
    for name in close:
        text = names[name].describe()
        if text not in seen:
            seen.append(text)
    raise AddressError(operation, address, seen, ambiguous=False)
