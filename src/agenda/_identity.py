"""Identity paths: what calendar UIDs and diffs key on must name one item only.

An item's path is ``(id,)`` when it has an id, else its parent's path plus its
title. Two ids that repeat are ``duplicate-id``, two siblings with one key are
``duplicate-identity`` (both found while laying out). The one collision left is an
id that equals the title of a top-level item without one (both paths are that one
string); it is reported here as ``duplicate-path``. Paths of two or more keys
always differ, since parents' paths differ, so only top-level titles need a look.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._model import Item
from ._problems import Problem

__all__ = ["path_problems"]


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def path_problems(top_level: Sequence[Item], ids: Mapping[str, str],
                  numbers: Sequence[str], items: Sequence[Item]) -> list[Problem]:
    """``duplicate-path`` for each top-level item without an id whose title is another
    item's id (outside the top level, where ``duplicate-identity`` already applies).

    `ids` maps each id to the number of its first item; `numbers` and `items` are the
    laid-out columns, read only to name the items of a problem.
    """
    problems = []
    for k, item in enumerate(top_level, start=1):
        other = ids.get(item.title) if item.id is None else None
        if other is None or "." not in other:
            continue
        here = str(k)
        first, second = sorted((here, other), key=_order)
        later = items[numbers.index(second)]
        earlier = items[numbers.index(first)]
        problems.append(Problem(
            "duplicate-path",
            f'has the identity "{item.title}" of item {first} "{earlier.title}", '
            "so both would share one calendar UID; give one of them an id",
            second, later.title, (item.title,)))
    return problems
