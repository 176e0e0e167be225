"""Identity paths: what calendar UIDs, diffs and schedule GUIDs key on must name one
item only.

An item's path is ``(id,)`` when it has an id, else its parent's path plus its key
among its siblings (:func:`sibling_keys`): its title, and for the second and later
siblings of one title the title with their order among them (``Q&A#2``), so three
"Q&A" after three talks are three items (the first keeps its plain title, so its
calendar UID does not change when a second one is added). An order changes when
they are reordered; an ``id`` keeps them stable (``same-title`` warns of it).

Two ids that repeat are ``duplicate-id``; two siblings whose keys still coincide
(a title ``Q&A#2`` beside two ``Q&A``) are ``duplicate-identity`` (both found while
laying out). The one collision left is an id that equals the key of a top-level
item without one (both paths are that one string); it is reported here as
``duplicate-path``. Paths of two or more keys always differ, since parents' paths
differ, so only the top level needs a look.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._model import Item
from ._problems import Problem

__all__ = ["child_paths", "item_path", "path_problems", "sibling_keys"]


def sibling_keys(items: Sequence[Item], seen: dict[str, int] | None = None) -> list[str]:
    """Each item's key among its siblings: its id, else its title, numbered from the
    second sibling of the same title on (``Q&A``, ``Q&A#2``, ``Q&A#3``).

    `seen` counts the titles of siblings placed before `items` (the top-level items of
    a meeting's earlier days) and is updated."""
    seen = {} if seen is None else seen
    keys = []
    for item in items:
        if item.id is not None:
            keys.append(item.id)
            continue
        count = seen.get(item.title, 0) + 1
        seen[item.title] = count
        keys.append(item.title if count == 1 else f"{item.title}#{count}")
    return keys


def child_paths(parent: tuple[str, ...], items: Sequence[Item],
                keys: Sequence[str]) -> list[tuple[str, ...]]:
    """The identity path of each of `items` under `parent`, given their sibling `keys`
    (one per item): ``(id,)`` for an item with an id, else the parent's path and its key."""
    return [(item.id,) if item.id is not None else (*parent, key)
            for item, key in zip(items, keys, strict=True)]


def item_path(parent: tuple[str, ...], item: Item, key: str) -> tuple[str, ...]:
    """The identity path of `item` under `parent`, given its sibling `key`."""
    return child_paths(parent, (item,), (key,))[0]


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def path_problems(top_level: Sequence[Item], keys: Sequence[str], ids: Mapping[str, str],
                  numbers: Sequence[str], items: Sequence[Item]) -> list[Problem]:
    """``duplicate-path`` for each top-level item without an id whose key is another
    item's id (outside the top level, where ``duplicate-identity`` already applies).

    `keys` are the top-level items' sibling keys (:func:`sibling_keys`, as the layout
    took them); `ids` maps each id to the number of its first item; `numbers` and
    `items` are the laid-out columns, read only to name the items of a problem.
    """
    problems = []
    for k, (item, key) in enumerate(zip(top_level, keys, strict=True), start=1):
        other = ids.get(key) if item.id is None else None
        if other is None or "." not in other:
            continue
        here = str(k)
        first, second = sorted((here, other), key=_order)
        later = items[numbers.index(second)]
        earlier = items[numbers.index(first)]
        problems.append(Problem(
            "duplicate-path", facts={"key": key, "other": first, "other_title": earlier.title},
            number=second, title=later.title, path=(key,)))
    return problems
