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
from typing import TYPE_CHECKING

from .._identity import item_path, sibling_keys
from .._model import Item
from .._problems import Severity
from .._words.catalog import Fact
from ._checks import in_minutes

if TYPE_CHECKING:
    from ._place import _Layout

__all__ = ["Pool", "fallback", "natural_seconds", "share_slack", "size_segment"]


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


class Pool:
    """The undetermined leaves of one segment, collected in agenda order.

    A leaf is kept with its parent's number prefix, its position and its parent's
    path; its own number and path are built only when a problem names it.
    """

    __slots__ = ("fixed", "flexible", "leaves", "plain", "unknown")

    def __init__(self) -> None:
        self.fixed = 0
        self.leaves: list[tuple[Item, str, int, tuple[str, ...], str]] = []
        self.flexible = 0
        self.plain = 0
        self.unknown = False

    def collect(self, items: Sequence[Item], prefix: str, path: tuple[str, ...],
                offset: int, nested: bool, keys: Sequence[str]) -> None:
        """Collect from `items` (numbered `offset` + 1 on; `keys` are their sibling keys,
        one per item, in order)."""
        for k, (item, key) in enumerate(zip(items, keys, strict=True), start=offset + 1):
            if nested and item.at is not None:
                self.unknown = True
            if item.minutes is not None:
                self.fixed += item.minutes * 60
            elif item.parallel:
                length = natural_seconds(item)
                if length is None:
                    self.unknown = True
                else:
                    self.fixed += length
            elif item.items:
                ipath = item_path(path, item, key)
                self.collect(item.items, f"{prefix}{k}.", ipath, 0, nested=True,
                             keys=sibling_keys(item.items))
            else:
                self.leaves.append((item, prefix, k, path, key))
                if item.min_minutes is not None or item.max_minutes is not None:
                    self.flexible += 1
                else:
                    self.plain += 1

    def named(self) -> Iterator[tuple[Item, str, tuple[str, ...]]]:
        """Each leaf with its number and identity path."""
        for item, prefix, k, path, key in self.leaves:
            yield item, f"{prefix}{k}", item_path(path, item, key)


def fallback(pool: Pool) -> list[int]:
    """Sizes for a pool that could not be sized (a problem is reported): each leaf's
    lower bound, so that later items still get times."""
    return [60 * (leaf.min_minutes or leaf.max_minutes or 0) for leaf, *_ in pool.leaves]


def size_segment(lay: _Layout, segment: Sequence[Item], offset: int, prefix: str,
                 path: tuple[str, ...], window: int | None,
                 owner: tuple[Item, str, tuple[str, ...]] | None,
                 gap_ok: bool = False, following: Item | None = None,
                 keys: Sequence[str] = ()) -> tuple[list[int], bool]:
    """Seconds for each undetermined leaf of `segment`, in agenda order (`keys`: the
    sibling keys of the segment's items, one per item; `offset`: the number of
    siblings numbered before its first).

    With `gap_ok` (the window ends at a break or a `gap_ok` item, `following`),
    flexible items that cannot stretch to the window take their upper bounds and
    leave a gap, which is a warning: nobody declared it.
    """
    # Fast paths for the two common shapes: every item has its minutes, or every
    # item is a plain leaf that splits the window evenly.
    plain = 0
    for item in segment:
        if item.minutes is None:
            if item.items or item.min_minutes is not None or item.max_minutes is not None:
                break
            plain += 1
        elif plain:
            break
    else:
        if not plain:
            return [], True
        if window is not None and plain == len(segment) and window > 0:
            each, remainder = divmod(window, 60 * plain)
            if not remainder:
                return [each * 60] * plain, True
    pool = Pool()
    pool.collect(segment, prefix, path, offset, nested=False, keys=keys)
    if not pool.leaves:
        return [], True
    where = owner if owner is not None else (None, "", ())
    if window is None:
        ok = True
        for leaf, number, lpath in pool.named():
            if not leaf.is_flexible:
                ok = False
                lay.report("missing-minutes", {"or_end": "" if owner else
                                                " or the meeting a declared end"},
                            leaf, number, lpath)
        return fallback(pool), ok
    if pool.unknown:
        lay.report("unsizable", {}, *where)
        return fallback(pool), False
    rest = window - pool.fixed
    count = len(pool.leaves)
    if rest < 0:
        lay.report("over-full", {"taken": in_minutes(pool.fixed), "window": in_minutes(window),
                                  "excess": in_minutes(-rest), "count": count}, *where)
        return fallback(pool), False
    if rest % 60:
        lay.report("partial-minute", {"seconds": rest}, *where)
        return fallback(pool), False
    rest //= 60
    if pool.flexible and pool.plain:
        lay.report("mixed-sizing", {}, *where)
        return fallback(pool), False
    if pool.plain:
        each, remainder = divmod(rest, count)
        if rest == 0:
            lay.report("no-time-to-split", {"count": count, "taken": in_minutes(pool.fixed)},
                        *where)
            return fallback(pool), False
        if remainder:
            lay.report("uneven-split", {"rest": rest, "count": count,
                                         "each": round(rest / count, 2)}, *where)
            return fallback(pool), False
        return [each * 60] * count, True
    bounds = [(max(leaf.min_minutes or 1, 1), leaf.max_minutes) for leaf, *_ in pool.leaves]
    if gap_ok and all(hi is not None for _, hi in bounds):
        most = sum(hi for _, hi in bounds if hi is not None)
        if most < rest:
            leaf, number, lpath = list(pool.named())[-1]
            before = (following.title if following is not None
                      else "the next fixed-time item")
            lay.report("flexible-capped", {
                "most": most, "gap": rest - most, "before": before,
                "at": following.at.strftime("%H:%M") if following is not None
                and following.at is not None else ""},
                leaf, number, lpath, Severity.WARNING)
            lay.capped = True
            rest = most
    need = sum(lo for lo, _ in bounds)
    most_all = (sum(hi for _, hi in bounds if hi is not None)
                if all(hi is not None for _, hi in bounds) else None)
    if rest < need or (most_all is not None and rest > most_all):
        # Named on the flexible items themselves (the first, listing them all).
        leaf, number, lpath = next(pool.named())
        facts: dict[str, Fact] = {"titles": [lf.title for lf, *_ in pool.leaves],
                                  "available": rest}
        if rest < need:
            lay.report("flexible-infeasible", {**facts, "need": need}, leaf, number, lpath)
        else:
            lay.report("flexible-overfull", {**facts, "most": most_all}, leaf, number,
                        lpath)
        return fallback(pool), False
    shared = share_slack(rest, bounds)
    assert not isinstance(shared, str)  # the bounds were checked above
    return [m * 60 for m in shared], True
