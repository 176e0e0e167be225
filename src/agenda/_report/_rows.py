"""Planned against actual: each item's planned and actual times, as data.

`report(log)` lays out the log's meeting and reads the log: each item's planned start,
end and minutes beside its actual ones, over/under (its actual end against its planned
end), the same for every block and for the meeting (its last actual end against its
planned end), and the items that never started. Instants are UTC seconds; the
properties give them on the meeting's wall clock.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from .._edit._actual import Actual, ActualLog, Unit, units
from .._problems import Problem
from .._time import wall
from .._timetable import Slot, Timetable

__all__ = ["Report", "ReportRow", "Status", "report", "rounded_minutes"]


class Status(enum.StrEnum):
    """Where an item stands in the log."""

    DONE = "done"
    RUNNING = "running"
    NOT_STARTED = "not-started"
    IN_BLOCK = "in-block"  # its block was logged as a whole


def rounded_minutes(seconds: int) -> int:
    """`seconds` as whole minutes, halves away from zero (``+90 s`` is 2, ``-30 s`` -1)."""
    minutes = (abs(seconds) + 30) // 60
    return minutes if seconds >= 0 else -minutes


@attrs.frozen
class ReportRow:
    """One item (or the meeting, whose `number` is empty): planned and actual instants
    (UTC seconds; actual ones None where the log has none) and its `status`."""

    number: str
    path: tuple[str, ...]
    title: str
    depth: int
    is_block: bool
    zone: str
    planned_start_utc: int
    planned_end_utc: int
    actual_start_utc: int | None
    actual_end_utc: int | None
    status: Status

    @property
    def planned_start(self) -> _dt.datetime:
        return wall(self.planned_start_utc, self.zone)

    @property
    def planned_end(self) -> _dt.datetime:
        return wall(self.planned_end_utc, self.zone)

    @property
    def actual_start(self) -> _dt.datetime | None:
        return None if self.actual_start_utc is None else wall(self.actual_start_utc,
                                                               self.zone)

    @property
    def actual_end(self) -> _dt.datetime | None:
        return None if self.actual_end_utc is None else wall(self.actual_end_utc, self.zone)

    @property
    def planned_minutes(self) -> int:
        return (self.planned_end_utc - self.planned_start_utc) // 60

    @property
    def actual_seconds(self) -> int | None:
        """How long it actually took; None without both ends."""
        if self.actual_start_utc is None or self.actual_end_utc is None:
            return None
        return self.actual_end_utc - self.actual_start_utc

    @property
    def actual_minutes(self) -> int | None:
        seconds = self.actual_seconds
        return None if seconds is None else rounded_minutes(seconds)

    @property
    def over_seconds(self) -> int | None:
        """Actual end against planned end (positive: later); None until it ended."""
        if self.actual_end_utc is None:
            return None
        return self.actual_end_utc - self.planned_end_utc

    @property
    def over(self) -> int | None:
        """`over_seconds` in whole minutes (halves away from zero)."""
        seconds = self.over_seconds
        return None if seconds is None else rounded_minutes(seconds)


@attrs.frozen
class Report:
    """Planned against actual for one meeting: a row per slot in agenda order, the
    `meeting` row, and the log's warnings (`problems`)."""

    timetable: Timetable = attrs.field(eq=False)
    rows: tuple[ReportRow, ...]
    meeting: ReportRow
    problems: tuple[Problem, ...] = ()

    @property
    def never_started(self) -> tuple[ReportRow, ...]:
        """The items that never started; a block that never started stands for its items."""
        out: list[ReportRow] = []
        for row in self.rows:
            if row.status is not Status.NOT_STARTED:
                continue
            if out and row.path[:len(out[-1].path)] == out[-1].path:
                continue
            out.append(row)
        return tuple(out)


def report(log: ActualLog) -> Report:
    """Planned against actual: the log's meeting as planned, and the log.

    Raises :class:`agenda.InvalidLog` when the log contradicts itself.
    """
    problems = log.checked().problems()
    timetable = log.timetable()
    slots = list(timetable)
    times = log.times()
    found = units(timetable, log)
    by_index = {u.index: u for u in found}
    covered = {j for u in found if u.slot.is_block
               for j in range(u.index + 1, _stop(slots, u.index))}
    rows: list[ReportRow] = []
    for k, slot in enumerate(slots):
        unit = by_index.get(k)
        if k in covered:
            start, end, status = None, None, Status.IN_BLOCK
        elif unit is not None:
            start, end, status = _own(unit)
        else:  # a block logged item by item (and maybe on its own as well)
            inner = [by_index[j] for j in range(k + 1, _stop(slots, k)) if j in by_index]
            start, end, status = _combined(inner, *times.get(slot.path, (None, None)))
        rows.append(ReportRow(slot.number, slot.path, slot.title, slot.depth, slot.is_block,
                              timetable.zone, slot.start_utc, slot.end_utc, start, end,
                              status))
    start, end, status = _combined(found)
    meeting = ReportRow("", (), timetable.meeting.title, -1, True, timetable.zone,
                        timetable.start_utc, timetable.end_utc, start, end, status)
    return Report(timetable, tuple(rows), meeting, problems)


def _stop(slots: list[Slot], k: int) -> int:
    """The index after the last slot that the slot at `k` holds."""
    stop = k + 1
    while stop < len(slots) and slots[stop].depth > slots[k].depth:
        stop += 1
    return stop


def _own(unit: Unit) -> tuple[int | None, int | None, Status]:
    start = None if unit.start is None else unit.start.utc
    end = None if unit.end is None else unit.end.utc
    if end is not None:
        return start, end, Status.DONE
    return start, end, Status.RUNNING if start is not None else Status.NOT_STARTED


def _combined(inner: list[Unit], own_start: Actual | None = None,
              own_end: Actual | None = None) -> tuple[int | None, int | None, Status]:
    """A block's (or the meeting's) actual times: its own where logged, else from the
    units it holds: the first start and, once none of them runs, the last end."""
    starts = [u.start.utc for u in inner if u.start is not None]
    ends = [u.end.utc for u in inner if u.end is not None]
    start = own_start.utc if own_start is not None else min(starts, default=None)
    end = own_end.utc if own_end is not None else (
        None if any(u.running for u in inner) else max(ends, default=None))
    if end is not None:
        return start, end, Status.DONE
    return start, None, Status.RUNNING if start is not None else Status.NOT_STARTED
