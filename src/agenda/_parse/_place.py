"""Rows placed on the clock of their day and checked against each other.

Times are resolved in the meeting's zone (a row's minutes are the elapsed time between
its start and end, so a range across a clock change is measured right). Parts that all
start when their row starts run side by side: they are the tracks of a parallel block
(agenda prints each track under its block, ``· 10:15~11:30 Data`` with ``장소: Room A``),
each checked against the block, not against the track before it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence

import attrs

from .._problems import Problem, Severity
from .._time import local_instant
from ._rows import Moment, Row
from ._scan import Span

__all__ = ["DAY", "Bounds", "Placed", "Placer", "every", "hm", "problem"]

DAY = 24 * 60
_HALF_DAY = 12 * 60

Fact = int | str


def problem(code: str, facts: dict[str, Fact], *, line: int | None = None, number: str = "",
            title: str = "", path: tuple[str, ...] = (),
            severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code, facts=facts, number=number, title=title, path=path,
                   severity=severity, line=line)


def hm(minutes: int) -> str:
    """Wall-clock minutes from the day's midnight as ``HH:MM`` (``(+1d)`` on later days)."""
    day, rest = divmod(minutes, DAY)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return text if day == 0 else f"{text} (+{day}d)"


@attrs.frozen
class Placed:
    """A row placed on the clock: its number and path, its wall-clock minutes from the
    day's midnight and its UTC seconds, whether its range runs backwards or is left open
    (lasting the minutes a last open row is read to last), its parts, and whether they
    run side by side (the tracks of a parallel block)."""

    row: Row
    number: str
    path: tuple[str, ...]
    start: int
    end: int
    t0: int
    t1: int
    backwards: bool = False
    open: bool = False
    parts: tuple[Placed, ...] = ()
    parallel: bool = False

    def walk(self) -> Iterator[Placed]:
        """This row and every part inside it, in document order."""
        yield self
        for part in self.parts:
            yield from part.walk()


def every(level: Sequence[Placed]) -> Iterator[Placed]:
    """Every row of `level` and its parts, in document order."""
    for item in level:
        yield from item.walk()


@attrs.frozen
class Bounds:
    """What a level of rows must fill: `what` names the problem codes (``window``,
    ``block``), `facts` name the thing in problems; instants and wall-clock minutes."""

    what: str
    facts: dict[str, Fact] = attrs.field(hash=False)
    t0: int
    t1: int
    start: int
    end: int


@attrs.frozen
class _Cursor:
    """Where placing stands: the last start (wall-clock minutes), the day its clock
    counts from, and the last instant (a time of the repeated hour after it is its
    second pass)."""

    start: int = 0
    base: int = 0
    instant: int | None = None


def _base(wall: int, moment: Moment) -> int:
    """The day the clock of `moment`, placed at `wall`, counts from (``25:30`` counts
    from the day before the one it falls on)."""
    if moment.date is not None:
        return wall // DAY
    return (wall - moment.clock.minutes) // DAY


class Placer:
    """Places the rows of one day (`day`, in `zone`) and finds their problems. `window`
    is what the rows must fill (a stated time, or a day's heading; `window_line` its
    line), `first` the number of the day's first row (a meeting held over days counts
    on from the day before), `open_minutes` how long a last row left open lasts."""

    def __init__(self, day: _dt.date, zone: str, open_minutes: int, window: Span | None,
                 window_line: int, first: int = 1) -> None:
        self.day = day
        self.zone = zone
        self.open_minutes = open_minutes
        self.window = window
        self.window_line = window_line
        self.first = first
        self.problems: list[Problem] = []
        self.cursor = _Cursor()

    def report(self, code: str, facts: dict[str, Fact], line: int, where: Placed) -> None:
        self.problems.append(problem(code, facts, line=line, number=where.number,
                                     title=where.row.title, path=where.path))

    # -- times -----------------------------------------------------------------

    def wall(self, moment: Moment, day: int) -> int:
        if moment.date is not None:
            try:
                given = _dt.date(*moment.date)
            except ValueError:
                given = self.day
            return (given - self.day).days * DAY + moment.clock.minutes
        return day * DAY + moment.clock.minutes

    def instant(self, wall: int, moment: Moment | None, not_before: int | None) -> int:
        """UTC seconds of `wall` minutes from the day's midnight, as `moment` writes it
        (its offset or zone mark, if any)."""
        local = _dt.datetime.combine(self.day, _dt.time()) + _dt.timedelta(minutes=wall)
        if moment is None:
            return local_instant(local, self.zone, not_before=not_before)
        return local_instant(local, self.zone, offset=moment.offset, mark=moment.clock.mark,
                             not_before=not_before)

    def window_end(self) -> int | None:
        if self.window is None:
            return None
        start = self.window.start.minutes
        end = self.window.end.minutes
        if self.window.end_date is not None:
            try:
                return (_dt.date(*self.window.end_date) - self.day).days * DAY + end
            except ValueError:
                pass
        return end + DAY if end < start else end

    def window_bounds(self) -> Bounds | None:
        end = self.window_end()
        if self.window is None or end is None:
            return None
        start = self.window.start.minutes
        t0 = self.instant(start, Moment(self.window.start), None)
        t1 = self.instant(end, Moment(self.window.end), t0)
        return Bounds("window", {"window_line": self.window_line}, t0, t1, start, end)

    # -- placing ---------------------------------------------------------------

    def place(self, rows: Sequence[Row], prefix: str, path: tuple[str, ...],
              parent_end: int | None, first: int = 1) -> tuple[Placed, ...]:
        placed: list[Placed] = []
        for k, row in enumerate(rows):
            number = f"{prefix}{k + first}"
            key = row.title or f"item {number}"
            start = self.wall(row.start, self.cursor.base)
            if row.start.date is None and start < self.cursor.start - _HALF_DAY:
                start += DAY
            t0 = self.instant(start, row.start, self.cursor.instant)
            # the parts start no earlier than the row: the instant they count from
            self.cursor = _Cursor(start, _base(start, row.start), t0)
            end, backwards, left_open = self.end_of(row, rows, k + 1, start, parent_end)
            t1 = max(self.instant(end, row.end, t0), t0)
            here = Placed(row, number, (*path, key), start, end, t0, t1, backwards, left_open)
            here = self.with_parts(here)
            self.cursor = attrs.evolve(self.cursor, instant=max(t1, self.cursor.instant or t1))
            placed.append(here)
        return tuple(placed)

    def with_parts(self, row: Placed) -> Placed:
        """`row` with its parts placed: one after another, or side by side when they
        all start when it starts (two or more, or a lone one in a room of its own
        with parts of its own)."""
        children = row.row.children
        if not children:
            return row
        base = self.cursor.base
        together = all(self.wall(child.start, base) == row.start for child in children) and (
            len(children) > 1 or (children[0].room is not None and bool(children[0].children)))
        if not together:
            parts = self.place(children, f"{row.number}.", row.path, row.end)
            return attrs.evolve(row, parts=parts)
        tracks: list[Placed] = []
        start = self.cursor
        for k, child in enumerate(children):
            self.cursor = start
            tracks.extend(self.place([child], f"{row.number}.", row.path, row.end, k + 1))
        return attrs.evolve(row, parts=tuple(tracks), parallel=True)

    def end_of(self, row: Row, siblings: Sequence[Row], following: int, start: int,
               parent_end: int | None) -> tuple[int, bool, bool]:
        """Where `row` ends (wall-clock minutes), whether its range runs backwards, and
        whether it is left open; `following` is the index of the sibling after it."""
        if row.end is None:
            if following < len(siblings):
                nxt = self.wall(siblings[following].start, _base(start, row.start))
                return (nxt + DAY if nxt < start else nxt), False, False
            if parent_end is not None:
                return parent_end, False, False
            if row.stated is not None:
                return start + row.stated, False, False
            window = self.window_end()
            if window is not None and window > start and not row.open_end:
                return window, False, False
            return start + self.open_minutes, False, True
        end = self.wall(row.end, _base(start, row.start))
        if row.end.date is None and end < start:
            if start - end > _HALF_DAY:
                return end + DAY, False, False
            return end, True, False
        return end, False, False

    # -- checks ----------------------------------------------------------------

    def run(self, rows: Sequence[Row]) -> tuple[tuple[Placed, ...], Bounds | None]:
        """The day's rows placed, each level checked; and what they must fill."""
        placed = self.place(rows, "", (), None, self.first)
        bounds = self.window_bounds()
        self.check(placed, bounds)
        for item in every(placed):
            if item.parallel:
                self.check_tracks(item)
            elif item.parts:
                self.check(item.parts, Bounds("block", {"block": item.number}, item.t0,
                                              item.t1, item.start, item.end))
        return placed, bounds

    def check_row(self, item: Placed) -> None:
        """What a row says of itself: a range that runs backwards, a start left open, a
        stated duration its range does not last."""
        row = item.row
        minutes = (item.t1 - item.t0) // 60
        start, end = hm(item.start), hm(item.end)
        if item.backwards:
            self.report("backwards-range", {"start": start, "end": end}, row.line, item)
        elif item.open:
            self.problems.append(problem(
                "open-end", {"start": start, "minutes": minutes}, line=row.line,
                number=item.number, title=row.title, path=item.path,
                severity=Severity.WARNING))
        elif row.stated is not None and row.stated != minutes:
            self.report("stated-duration", {"stated": row.stated, "minutes": minutes,
                                            "start": start, "end": end}, row.line, item)

    def check_order(self, item: Placed) -> None:
        """An arrow list that does not split its row into equal whole minutes."""
        row = item.row
        minutes = (item.t1 - item.t0) // 60
        if row.order is not None and not row.children and minutes % len(row.order):
            self.report("uneven-order", {"minutes": minutes, "count": len(row.order),
                                         "names": " → ".join(row.order)}, row.order_line, item)

    def check(self, level: Sequence[Placed], bounds: Bounds | None) -> None:
        """Check one level of siblings against each other and against what they must
        fill (the stated window, or the block they belong to)."""
        previous: Placed | None = None
        for item in level:
            row = item.row
            start = hm(item.start)
            self.check_row(item)
            if previous is None:
                if bounds is not None and item.t0 != bounds.t0:
                    self.report(f"{bounds.what}-start", {
                        "start": start, "expected": hm(bounds.start), **bounds.facts},
                        row.line, item)
            elif item.t0 < previous.t0:
                self.report("out-of-order", {"start": start, "previous": previous.number,
                                             "previous_start": hm(previous.start)},
                            row.line, item)
            elif item.t0 < previous.t1:
                self.report("row-overlap", {"start": start, "previous_end": hm(previous.end),
                                            "overlap": (previous.t1 - item.t0) // 60},
                            row.line, item)
            elif item.t0 > previous.t1 and not row.gap_ok:
                self.report("row-gap", {"start": start, "previous_end": hm(previous.end),
                                        "gap": (item.t0 - previous.t1) // 60}, row.line, item)
            self.check_order(item)
            previous = item
        if (previous is not None and bounds is not None and previous.t1 != bounds.t1
                and not previous.open):
            self.report(f"{bounds.what}-end", {"end": hm(previous.end),
                                                "expected": hm(bounds.end), **bounds.facts},
                        previous.row.line, previous)

    def check_tracks(self, block: Placed) -> None:
        """The tracks of a parallel block: each starts with the block and ends within it."""
        for track in block.parts:
            self.check_row(track)
            self.check_order(track)
            if track.t1 > block.t1:
                self.report("track-overflow", {
                    "start": hm(track.start), "end": hm(track.end),
                    "over": (track.t1 - block.t1) // 60, "block": block.number,
                    "block_title": block.row.title, "block_end": hm(block.end)},
                    track.row.line, track)
