"""Double bookings: a room or a presenter in two items at once.

Only parallel tracks make items overlap (the items of one sequence follow each
other), so the layout asks for this check on days that have parallel blocks. A room
is booked by the leaves that take place in it (their own room or an inherited one);
a presenter by every item that names them. An item and its own block never clash.
Each clash is one problem on the later item that names the other, with both times.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._problems import Problem

if TYPE_CHECKING:
    from ._place import _Layout

__all__ = ["conflicts"]


def conflicts(lay: _Layout, first: int, stop: int) -> list[Problem]:
    """The double bookings among the slots ``first:stop`` (one day) of `lay`."""
    rooms: dict[str, list[int]] = defaultdict(list)
    people: dict[str, list[int]] = defaultdict(list)
    for i in range(first, stop):
        if lay.ends[i] <= lay.starts[i]:
            continue
        item = lay.items[i]
        room = lay.rooms[i]
        if room is not None and not item.items:
            rooms[room].append(i)
        if item.presenter is not None and item.presenter.strip():
            people[item.presenter.strip()].append(i)
    problems: list[Problem] = []
    for kind, groups in (("room", rooms), ("presenter", people)):
        for name, indices in groups.items():
            for earlier, later in _overlaps(lay, indices):
                problems.append(_problem(lay, kind, name, earlier, later))
    problems.sort(key=lambda p: [int(part) for part in p.number.split(".")])
    return problems


def _overlaps(lay: _Layout, indices: list[int]) -> Iterator[tuple[int, int]]:
    """Pairs (earlier, later) of the slots that overlap in time, neither holding the
    other; a sweep over the slots in order of their start."""
    active: list[int] = []
    for i in sorted(indices, key=lambda k: (lay.starts[k], k)):
        start = lay.starts[i]
        active = [j for j in active if lay.ends[j] > start]
        for j in active:
            if not _holds(lay.numbers[j], lay.numbers[i]):
                yield j, i
        active.append(i)


def _holds(outer: str, inner: str) -> bool:
    return inner.startswith(outer + ".") or outer.startswith(inner + ".")


def _problem(lay: _Layout, kind: str, name: str, earlier: int, later: int) -> Problem:
    def span(i: int) -> str:
        return f"{lay.clock(lay.starts[i])}–{lay.clock(lay.ends[i])}"

    facts = {"name": name, "span": span(later), "other": lay.numbers[earlier],
             "other_title": lay.items[earlier].title, "other_span": span(earlier)}
    code = "room-conflict" if kind == "room" else "presenter-conflict"
    return Problem(code, facts=facts, number=lay.numbers[later],
                   title=lay.items[later].title, path=lay.paths[later])
