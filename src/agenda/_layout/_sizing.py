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

from .._identity import item_path, sibling_keys
from .._model import Item
from ._tracks import natural_seconds

__all__ = ["Pool", "fallback", "share_slack"]


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
