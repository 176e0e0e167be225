"""Identity paths: what calendar UIDs and diffs key on must name one item only.

An item's path is ``(id,)`` when it has an id, else its parent's path plus its
title. Two ids that repeat are ``duplicate-id``, two siblings with one key are
``duplicate-identity`` (both found while laying out); what is left is an id that
equals the title of a top-level item without one, in another block. That pair is
reported here as ``duplicate-path``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._model import Item
from ._problems import Problem

__all__ = ["path_problems"]


def _parent(number: str) -> str:
    return number.rpartition(".")[0]


def path_problems(numbers: Sequence[str], paths: Sequence[tuple[str, ...]],
                  items: Sequence[Item]) -> list[Problem]:
    """``duplicate-path`` problems for items whose identity path another item already
    has, unless layout reported the pair as ``duplicate-id`` or ``duplicate-identity``."""
    first: dict[tuple[str, ...], int] = {}
    problems = []
    for i, path in enumerate(paths):
        j = first.setdefault(path, i)
        if j == i:
            continue
        both_ids = items[i].id is not None and items[j].id is not None
        siblings = _parent(numbers[i]) == _parent(numbers[j])
        if both_ids or siblings:
            continue
        problems.append(Problem(
            "duplicate-path",
            f'has the identity "{"/".join(path)}" of item {numbers[j]} "{items[j].title}", '
            "so both would share one calendar UID; give one of them an id",
            numbers[i], items[i].title, path))
    return problems
