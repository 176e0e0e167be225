"""Finding items in a meeting's tree: by id, by printed number or by title path.

A position in the tree is an index path (``(3, 1)`` is item 4.2). Addresses:

* an item's ``id`` (``"gangwon"``);
* its printed number (``"4.2"``);
* its titles from the top, joined by ``/``
  (``"지자체별 글로벌 혁신 특구 준비현황 발표/강원"``), or any tail of them that is
  unique (``"강원"``).

An address that matches nothing, or more than one item, raises
:class:`AddressError` listing the candidates.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from .._model import Item, Meeting
from ._errors import AddressError

__all__ = ["Address", "Place", "evolve_at", "find", "get", "insert_at", "remove_at", "replace_at",
           "walk"]

Address = str | Item
"""An item's id, printed number or title path, or the `Item` itself."""

Position = tuple[int, ...]

_NUMBER = re.compile(r"[1-9][0-9]*(?:\.[1-9][0-9]*)*")


@attrs.frozen
class Place:
    """An item found in the tree: its index path, the item and its title trail."""

    index: Position
    item: Item
    titles: tuple[str, ...]

    @property
    def number(self) -> str:
        return ".".join(str(i + 1) for i in self.index)

    def describe(self) -> str:
        ident = f" (id {self.item.id})" if self.item.id is not None else ""
        return f"{self.number} {'/'.join(self.titles)}{ident}"


def walk(items: Sequence[Item]) -> Iterator[Place]:
    """Every item in agenda order with its place."""
    stack: list[tuple[Position, Item, tuple[str, ...]]] = [
        ((k,), item, (item.title,)) for k, item in reversed(list(enumerate(items)))]
    while stack:
        index, item, titles = stack.pop()
        yield Place(index, item, titles)
        stack.extend(((*index, k), child, (*titles, child.title))
                     for k, child in reversed(list(enumerate(item.items))))


def get(items: Sequence[Item], index: Position) -> Item:
    item = items[index[0]]
    for k in index[1:]:
        item = item.items[k]
    return item


def replace_at(items: Sequence[Item], index: Position,
               change: Callable[[Item], Item | None]) -> tuple[Item, ...]:
    """The items with the one at `index` replaced by ``change(item)`` (or removed when
    that returns None); every ancestor is rebuilt, nothing is mutated."""
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
    out[head] = attrs.evolve(parent, items=replace_at(parent.items, rest, change))
    return tuple(out)


def evolve_at(items: Sequence[Item], index: Position, **changes: Any) -> tuple[Item, ...]:
    """The items with the one at `index` given new field values."""
    return replace_at(items, index, lambda item: attrs.evolve(item, **changes))


def remove_at(items: Sequence[Item], index: Position) -> tuple[Item, ...]:
    return replace_at(items, index, lambda _item: None)


def insert_at(items: Sequence[Item], parent: Position, k: int, item: Item) -> tuple[Item, ...]:
    """The items with `item` inserted as child `k` of the block at `parent` (``()`` for
    the top level)."""
    if not parent:
        out = list(items)
        out.insert(k, item)
        return tuple(out)

    def add(block: Item) -> Item:
        children = list(block.items)
        children.insert(k, item)
        return attrs.evolve(block, items=children)

    return replace_at(items, parent, add)


def find(meeting: Meeting, address: Address, operation: str) -> Place:
    """The one item `address` names; :class:`AddressError` for none or several."""
    places = list(walk(meeting.items))
    if isinstance(address, Item):
        same = [p for p in places if p.item is address] or [
            p for p in places if p.item == address]
        return _one(same, address.title, operation, places)
    text = address.strip()
    by_id = [p for p in places if p.item.id == text]
    if by_id:
        return _one(by_id, text, operation, places)
    if _NUMBER.fullmatch(text):
        index = tuple(int(part) - 1 for part in text.split("."))
        try:
            get(meeting.items, index)
        except IndexError:
            pass
        else:
            return next(p for p in places if p.index == index)
    whole = [p for p in places if p.item.title == text]
    if whole:
        return _one(whole, text, operation, places)
    segments = tuple(part.strip() for part in text.split("/"))
    tail = [p for p in places if p.titles[-len(segments):] == segments]
    return _one(tail, text, operation, places)


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
