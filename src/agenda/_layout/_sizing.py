"""Sizing: how the leaves of a segment share the time its window leaves over.

Sizing rules, applied per *segment* (a run of siblings up to the next item with a
fixed ``at`` time, or to the end of its container):

* items with minutes are fixed; a block without minutes lasts the sum of its
  children (its undetermined leaves join the enclosing segment's pool);
* the pool's leaves share what the segment's window leaves over: plain leaves
  (no minutes) equally, and only in whole minutes; flexible leaves
  (``min_minutes``/``max_minutes``) in proportion to their lower bound, within
  their bounds, in whole minutes;
* a segment's window ends at the next fixed ``at`` time, else at the end of its
  container: the block's minutes, or the meeting's declared end.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from .._identity import item_path, sibling_keys
from .._model import Item, Kind
from .._problems import Severity
from .._words.catalog import Fact
from ._checks import in_minutes

if TYPE_CHECKING:
    from ._place import _Layout

__all__ = ["Leaf", "Siblings", "collect", "fallback", "named", "natural_seconds", "share_slack",
           "size_segment"]


def share_slack(total: int, bounds: Sequence[tuple[int, int | None]]) -> list[int] | str:
    """Share `total` whole minutes among flexible items with (lower, upper) bounds.

    Each item gets its lower bound; the rest is shared in proportion to the lower
    bounds, capped at the upper bounds (water-filling), then rounded to whole
    minutes by largest remainder. Returns the minutes, or a message when the
    bounds cannot be met.
    """
    lows = [lo for lo, _ in bounds]
    need = sum(lows)
    if total < need:
        return f"flexible items need at least {need} min, only {total} min to fill"
    if all(hi is not None for _, hi in bounds):
        most = sum(hi for _, hi in bounds if hi is not None)
        if total > most:
            return f"flexible items take at most {most} min, {total} min to fill"
    exact: list[Fraction] = [Fraction(lo) for lo in lows]
    slack = Fraction(total - need)
    weight = Fraction(sum(lows))

    def room(i: int) -> Fraction:
        hi = bounds[i][1]
        return Fraction(hi - lows[i], lows[i]) if hi is not None else Fraction(10**18)

    order = sorted(range(len(bounds)), key=room)
    for pos, i in enumerate(order):
        hi = bounds[i][1]
        portion = slack * lows[i] / weight
        if hi is not None and portion >= hi - lows[i]:
            exact[i] = Fraction(hi)
            slack -= hi - lows[i]
            weight -= lows[i]
            continue
        for j in order[pos:]:
            exact[j] = lows[j] + slack * lows[j] / weight
        break
    result = [int(x) for x in exact]
    leftover = total - sum(result)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - result[i]), i))
    for i in by_remainder[:leftover]:
        result[i] += 1
    return result


def natural_seconds(item: Item) -> int | None:
    """How long `item` lasts by what it says (its minutes, else the sum of its
    children, or the longest track of a parallel block); None when that needs
    sizing or fixed times."""
    if item.minutes is not None:
        return item.minutes * 60
    if not item.items or any(child.at is not None for child in item.items):
        return None
    lengths = [natural_seconds(child) for child in item.items]
    known = [length for length in lengths if length is not None]
    if len(known) < len(lengths):
        return None
    return max(known) if item.parallel else sum(known)


class Siblings(NamedTuple):
    """Where a run of sibling items goes: their `depth`, the `prefix` of their numbers
    (``3.`` under item 3), the identity `path` their own paths extend, the item that
    holds them with its number and path (`owner`; None for a day's top level), how
    many siblings are numbered before the first (`base`: a day's top level goes on
    from the earlier days'), and the `keys` of the siblings that share their namespace
    (every day's top level, every track of a parallel block; None: theirs alone)."""

    depth: int
    prefix: str
    path: tuple[str, ...]
    owner: tuple[Item, str, tuple[str, ...]] | None
    base: int = 0
    keys: dict[str, str] | None = None


Leaf = tuple[Item, str, int, tuple[str, ...], str]
"""A leaf to size, with its parent's number prefix, its position among its siblings,
its parent's identity path and its sibling key: its own number and path are built only
when a problem names it (:func:`named`)."""


def collect(items: Sequence[Item], prefix: str, path: tuple[str, ...], offset: int,
            keys: Sequence[str], leaves: list[Leaf], nested: bool = False
            ) -> tuple[int, int, bool]:
    """Add the undetermined leaves of `items` (numbered `offset` + 1 on; `keys`: their
    sibling keys, one per item) to `leaves`, in agenda order; return the seconds the
    other items take, how many of the leaves are flexible, and whether what some item
    takes cannot be told (a parallel block that needs sizing, a fixed time inside a
    block).

    An item without children is a leaf, as the layout places it (a parallel item
    without tracks too, which is a problem of its own); a block without minutes gives
    its own leaves."""
    minutes = seconds = flexible = 0
    unknown = False
    for k, item in enumerate(items):
        if nested and item.at is not None:
            unknown = True
        if item.minutes is not None:
            minutes += item.minutes
        elif not item.items:
            leaves.append((item, prefix, offset + k + 1, path, keys[k]))
            if item.min_minutes is not None or item.max_minutes is not None:
                flexible += 1
        elif item.parallel:
            length = natural_seconds(item)
            if length is None:
                unknown = True
            else:
                seconds += length
        else:
            inner = collect(item.items, f"{prefix}{offset + k + 1}.",
                            item_path(path, item, keys[k]), 0, sibling_keys(item.items),
                            leaves, nested=True)
            seconds += inner[0]
            flexible += inner[1]
            unknown = unknown or inner[2]
    return minutes * 60 + seconds, flexible, unknown


def named(leaves: Sequence[Leaf]) -> Iterator[tuple[Item, str, tuple[str, ...]]]:
    """Each leaf with its number and identity path."""
    for item, prefix, k, path, key in leaves:
        yield item, f"{prefix}{k}", item_path(path, item, key)


def fallback(leaves: Sequence[Leaf]) -> list[int]:
    """Sizes for leaves that could not be sized (a problem is reported): each one's
    lower bound, so that later items still get times."""
    return [60 * (leaf.min_minutes or leaf.max_minutes or 0) for leaf, *_ in leaves]


def size_segment(lay: _Layout, children: Sequence[Item], lo: int, hi: int,
                 where: Siblings, keys: Sequence[str], window: int | None
                 ) -> tuple[list[int], bool]:
    """Seconds for each undetermined leaf of the segment ``children[lo:hi]``, in agenda
    order, and whether they could be sized (each problem is reported on `lay`).

    `keys` are the sibling keys of `children`; `window` is the time from the
    segment's start to its end (the next fixed item, ``children[hi]``, else the end
    of the container), None when nothing declares it. When the window ends at a break
    or a `gap_ok` item, flexible items that cannot stretch to it take their upper
    bounds and leave a gap, which is a warning: nobody declared it.
    """
    leaves: list[Leaf] = []
    fixed, flexible, unknown = collect(children[lo:hi], where.prefix, where.path,
                                       where.base + lo, keys[lo:hi], leaves)
    if not leaves:
        return [], True
    owner = where.owner
    at = owner if owner is not None else (None, "", ())
    if window is None:
        ok = True
        for leaf, number, lpath in named(leaves):
            if not leaf.is_flexible:
                ok = False
                lay.report("missing-minutes", {"or_end": "" if owner else
                                               " or the meeting a declared end"},
                           leaf, number, lpath)
        return fallback(leaves), ok
    if unknown:
        lay.report("unsizable", {}, *at)
        return fallback(leaves), False
    rest = window - fixed
    count = len(leaves)
    if rest < 0:
        lay.report("over-full", {"taken": in_minutes(fixed), "window": in_minutes(window),
                                 "excess": in_minutes(-rest), "count": count}, *at)
        return fallback(leaves), False
    if rest % 60:
        lay.report("partial-minute", {"seconds": rest}, *at)
        return fallback(leaves), False
    rest //= 60
    if flexible and flexible < count:
        lay.report("mixed-sizing", {}, *at)
        return fallback(leaves), False
    if not flexible:  # plain leaves split the rest equally, in whole minutes
        each, remainder = divmod(rest, count)
        if rest == 0:
            lay.report("no-time-to-split", {"count": count, "taken": in_minutes(fixed)}, *at)
            return fallback(leaves), False
        if remainder:
            lay.report("uneven-split", {"rest": rest, "count": count,
                                        "each": round(rest / count, 2)}, *at)
            return fallback(leaves), False
        return [each * 60] * count, True
    following = children[hi] if hi < len(children) else None
    return _share(lay, leaves, rest, following)


def _share(lay: _Layout, leaves: Sequence[Leaf], rest: int, following: Item | None
           ) -> tuple[list[int], bool]:
    """Seconds for flexible `leaves`: `rest` minutes shared by their bounds
    (:func:`share_slack`). `following` is the fixed item the segment ends at."""
    bounds = [(max(leaf.min_minutes or 1, 1), leaf.max_minutes) for leaf, *_ in leaves]
    gap_ok = following is not None and (following.kind is Kind.BREAK or following.gap_ok)
    if gap_ok and following is not None and all(hi is not None for _, hi in bounds):
        most = sum(hi for _, hi in bounds if hi is not None)
        if most < rest:
            leaf, number, lpath = list(named(leaves))[-1]
            lay.report("flexible-capped", {
                "most": most, "gap": rest - most, "before": following.title,
                "at": following.at.strftime("%H:%M") if following.at is not None else ""},
                leaf, number, lpath, Severity.WARNING)
            lay.capped = True
            rest = most
    need = sum(lo for lo, _ in bounds)
    most_all = (sum(hi for _, hi in bounds if hi is not None)
                if all(hi is not None for _, hi in bounds) else None)
    if rest < need or (most_all is not None and rest > most_all):
        # Named on the flexible items themselves (the first, listing them all).
        leaf, number, lpath = next(named(leaves))
        facts: dict[str, Fact] = {"titles": [lf.title for lf, *_ in leaves],
                                  "available": rest}
        if rest < need:
            lay.report("flexible-infeasible", {**facts, "need": need}, leaf, number, lpath)
        else:
            lay.report("flexible-overfull", {**facts, "most": most_all}, leaf, number,
                       lpath)
        return fallback(leaves), False
    shared = share_slack(rest, bounds)
    assert not isinstance(shared, str)  # the bounds were checked above
    return [m * 60 for m in shared], True
