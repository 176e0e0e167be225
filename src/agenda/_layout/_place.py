"""Layout: a Meeting becomes a Timetable, and every problem is found on the way.

This is the only place where clock times are computed and where time zones and
DST are handled. Wall-clock times (the start, the declared end, fixed ``at``
times) are resolved in the meeting's zone with pendulum; everything after that
is integer arithmetic on UTC seconds, so durations are elapsed time and an agenda
that crosses a DST change gets correct instants.

How the leaves of a segment share its window is `_sizing`'s; what is wrong with an
item, a fixed time or a day's window, `_checks`'.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import itertools
from collections.abc import Iterator, Sequence

import pendulum
from pendulum.tz.exceptions import AmbiguousTime, NonExistingTime

from .._identity import child_paths, path_problems, sibling_keys
from .._links import link_problems
from .._model import Item, Meeting
from .._problems import InvalidAgenda, Problem, Severity
from .._time import clock_change, clock_text, zone
from .._timetable import DaySpan, Timetable
from .._translations import translation_problems
from .._words.catalog import Fact
from ._checks import (
    check_fixed,
    check_item,
    check_length,
    check_weekday,
    report_same_title,
)
from ._conflicts import conflicts
from ._sizing import Siblings, size_segment
from ._tracks import place_parallel

__all__ = ["draft", "layout", "validate"]

# The calendar's range: instants from 0001-01-01 to 9999-12-31 in UTC, and in the
# meeting's zone (a calendar shows both).
_FIRST_INSTANT = int(_dt.datetime(1, 1, 1, tzinfo=_dt.UTC).timestamp())
_LAST_INSTANT = int(_dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=_dt.UTC).timestamp())

class _OutOfRange(Exception):
    """A fixed time past the calendar's last day (already reported)."""


class _Layout:
    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.problems: list[Problem] = []
        self.numbers: list[str] = []
        self.levels: list[int] = []
        self.paths: list[tuple[str, ...]] = []
        self.items: list[Item] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.ids: dict[str, str] = {}
        self.rooms: list[str | None] = []
        self.tracks: list[str | None] = []
        self.room: str | None = None  # the room and track the items placed now inherit
        self.track: str | None = None
        self.has_parallel = False
        self.days = meeting.all_days  # built once: each look builds them anew
        self.day = self.days[0]  # the day being placed
        self.day_first = 0  # index of its first slot
        self.capped = False  # a flexible-capped warning named the gap before a break
        self.top_seen: dict[str, int] = {}  # titles of top-level items so far (all days)
        self.top_keys: list[str] = []  # their sibling keys, in order
        self.zone = meeting.timezone
        try:
            self.tz = zone(meeting.timezone)
        except ValueError:  # InvalidTimezone: every name that is not a zone
            self.tz = pendulum.timezone("UTC")
            self.report("unknown-timezone", {"timezone": meeting.timezone})
            self.zone = "UTC"
        self.start = self.resolve(self.day.start, "start")  # the first day's

    # -- reporting ---------------------------------------------------------------
    def report(self, code: str, facts: dict[str, Fact], item: Item | None = None,
               number: str = "", path: tuple[str, ...] = (),
               severity: Severity = Severity.ERROR) -> None:
        title = item.title if item is not None else self.meeting.title
        self.problems.append(Problem(code, facts=facts, number=number, title=title, path=path,
                                     severity=severity))

    def clock(self, utc: int) -> str:
        """``HH:MM`` of `utc` in the meeting's zone, with the date when it is not the
        meeting's date and the offset when the zone shows that time twice."""
        if not _FIRST_INSTANT <= utc <= _LAST_INSTANT:
            return "(out of the calendar's range)"
        return clock_text(utc, self.zone, self.day.date)

    def name(self, index: int) -> str:
        """``3 "Coffee"``: how a message names the laid-out item at `index`."""
        return f'{self.numbers[index]} "{self.items[index].title}"'

    # -- wall clock -> UTC -------------------------------------------------------
    def resolve(self, time: _dt.time, what: str, item: Item | None = None, number: str = "",
                path: tuple[str, ...] = (), next_day: bool = False) -> int:
        """UTC seconds of a wall-clock `time` on the day's date; a fixed time earlier
        than the day's start (with `next_day`, also a day's end no later than its
        start) is on the following day."""
        day = self.day.date
        start = self.day.start
        clock = (time.hour, time.minute, time.second)
        begin = (start.hour, start.minute, start.second)
        if (item is not None and clock < begin) or (next_day and clock <= begin):
            if day >= _dt.date.max:
                self.report("out-of-range", {"what": what, "time": time.strftime("%H:%M")},
                            item, number, path)
                raise _OutOfRange
            day = day.add(days=1)
        args = (day.year, day.month, day.day, time.hour, time.minute, time.second)
        facts: dict[str, Fact] = {"what": what, "date": day.isoformat(),
                                  "time": time.strftime("%H:%M"), "timezone": self.zone}
        try:
            return int(pendulum.datetime(*args, tz=self.tz, raise_on_unknown_times=True)
                       .timestamp())
        except NonExistingTime:
            moved = int(pendulum.datetime(*args, tz=self.tz).timestamp())
            facts["change"] = clock_change(moved, self.zone, forward=True)
            self.report("nonexistent-time", facts, item, number, path)
            return moved
        except AmbiguousTime:
            first = pendulum.datetime(*args, tz=self.tz, fold=0)
            facts["change"] = clock_change(int(first.timestamp()), self.zone, forward=False)
            facts["offset"] = first.format("Z")
            self.report("ambiguous-time", facts, item, number, path, Severity.WARNING)
            return int(first.timestamp())

    # -- meeting ------------------------------------------------------------------
    def run(self, draft: bool = False) -> tuple[Timetable | None, list[Problem]]:
        """The timetable and every problem; the timetable is None when there are errors,
        unless `draft` asks for it anyway (see :func:`draft`)."""
        m = self.meeting
        if not m.title.strip():
            self.report("empty-title", {"what": "the meeting"})
        if m.id is not None and not m.id.strip():
            self.report("empty-id", {"what": "the meeting"})
        self.problems.extend(link_problems(m))
        if m.weekday is not None:
            check_weekday(self, m.weekday)
        if m.repeat is not None:
            from ._repeat import repeat_problems  # dateutil and icalendar: series only

            self.problems.extend(repeat_problems(m))
        if m.days and (m.items or m.end is not None):
            self.report("days-and-items", {})
        if m.days and m.repeat is not None:
            self.report("days-and-repeat", {})
        keys: dict[str, str] = {}
        spans: list[DaySpan] = []
        number = 0
        end_utc = self.start
        for index, day in enumerate(self.days):
            self.day, self.day_first = day, len(self.numbers)
            start = self.start if index == 0 else self.resolve(day.start, "start")
            if spans and start < spans[-1].end_utc:
                self.report("days-overlap", {
                    "day": index + 1, "start": clock_text(start, self.zone, _dt.date.min),
                    "previous": index,
                    "previous_end": clock_text(spans[-1].end_utc, self.zone, _dt.date.min)})
            total, declared = self.day_window(start, index)
            if not day.items:
                if m.days:
                    self.report("day-without-items", {"day": index + 1,
                                                      "date": day.date.isoformat()})
                else:
                    self.report("no-items", {})
            end_utc = self.place_children(day.items, Siblings(0, "", (), None, number, keys),
                                          start, total, None)
            if self.has_parallel:
                self.problems.extend(conflicts(self, self.day_first, len(self.numbers)))
            spans.append(DaySpan(day.date, start, end_utc, declared, self.day_first,
                                 len(self.numbers)))
            number += len(day.items)
        if not (_in_range(self.start, self.tz) and _in_range(end_utc, self.tz)):
            self.report("out-of-range", {"what": "the agenda"})
        top_level = [item for day in self.days for item in day.items]
        self.problems.extend(path_problems(top_level, self.top_keys, self.ids, self.numbers,
                                           self.items))
        self.problems.extend(translation_problems(m, self.numbers, self.paths, self.items))
        self.problems.sort(key=_item_order)
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        if errors and not (draft and self.placed(errors)):
            return None, self.problems
        warnings = [p for p in self.problems if p.severity is Severity.WARNING]
        columns = (self.numbers, self.levels, self.paths, self.items, self.starts, self.ends)
        return Timetable(m, self.zone, self.start, columns, warnings, rooms=self.rooms,
                         tracks=self.tracks, days=spans), self.problems

    def placed(self, errors: list[Problem]) -> bool:
        """Whether every item got a place in time despite the `errors` (a draft can be
        drawn): not when the zone, the calendar's range or the shape of the days is
        what is wrong."""
        whole = {len(self.numbers)} == {len(self.levels), len(self.paths), len(self.items),
                                         len(self.starts), len(self.ends)}
        return whole and not any(p.code in _UNPLACED for p in errors)

    def day_window(self, start: int, index: int) -> tuple[int | None, int | None]:
        """The length of the day's declared window and its end (None, None without)."""
        declared = self.day.end
        if declared is None:
            return None, None
        try:  # an end no later than the start is on the next day
            end = self.resolve(declared, "end", next_day=True)
        except _OutOfRange:  # reported
            return None, None
        if end - start <= 0:
            self.report("end-before-start", {"end": declared.strftime("%H:%M"),
                                             "start": self.day.start.strftime("%H:%M")})
            return None, None
        return end - start, end

    # -- items --------------------------------------------------------------------
    def place_children(self, children: Sequence[Item], where: Siblings, cursor: int,
                       total: int | None, pending: Iterator[int] | None) -> int:
        """Place `children` (`where` says where they go) from `cursor`, each segment
        sized by `size_segment`; return where the last one ends.

        `total` is the container's length (block minutes or day window); `pending`
        carries the sizes of pool leaves when the enclosing segment sized them (a block
        without minutes); otherwise this container sizes its own segments.
        """
        depth, prefix, path, owner, base, keys = where
        keys = {} if keys is None else keys
        sibling = sibling_keys(children, self.top_seen if depth == 0 else None)
        if depth == 0:
            self.top_keys += sibling
        paths = child_paths(path, children, sibling)
        fixed = self.fixed_times(children, where, paths)
        start = cursor
        sized_ok = True
        for lo, hi in itertools.pairwise([0, *(i for i in fixed if i > 0), len(children)]):
            if lo in fixed:
                cursor = check_fixed(self, children[lo], f"{prefix}{base + lo + 1}",
                                     paths[lo], cursor, fixed[lo], sized_ok)
            sizes = pending
            if sizes is None:
                window_end = fixed[hi] if hi < len(children) else (
                    None if total is None else start + total)
                window = None if window_end is None else window_end - cursor
                sized, sized_ok = size_segment(self, children, lo, hi, where, sibling, window)
                sizes = iter(sized)
            for k in range(lo, hi):
                child = children[k]
                number = prefix + str(base + k + 1)
                key = sibling[k]
                cpath = paths[k]
                holder = keys.setdefault(key, number)
                if holder != number:
                    self.report("duplicate-identity", {"key": key, "other": holder},
                                child, number, cpath)
                elif child.id is None and key != child.title and key.endswith("#2"):
                    report_same_title(self, child, number, cpath)
                if child.items:
                    cursor = self.place_block(child, depth, number, cpath, cursor, sizes)
                    continue
                minutes = child.minutes  # a leaf: its minutes, else its share of the segment
                end = cursor + (minutes * 60 if minutes is not None else next(sizes, 0))
                self.open_slot(child, depth, number, cpath, cursor, end)
                cursor = end
        if total is not None and sized_ok and cursor - start != total:
            check_length(self, children, owner, start, cursor, total)
        return cursor

    def fixed_times(self, children: Sequence[Item], where: Siblings,
                    paths: Sequence[tuple[str, ...]]) -> dict[int, int]:
        """UTC seconds of the fixed ``at`` time of each of `children` that has one, by
        position; a time past the calendar's last day is reported and left out."""
        fixed: dict[int, int] = {}
        for i, child in enumerate(children):
            if child.at is not None:
                with contextlib.suppress(_OutOfRange):  # reported; placed as if not fixed
                    fixed[i] = self.resolve(child.at, "fixed time", child,
                                            f"{where.prefix}{where.base + i + 1}", paths[i])
        return fixed

    def place_block(self, block: Item, depth: int, number: str, path: tuple[str, ...],
                    cursor: int, sizes: Iterator[int]) -> int:
        """Give `block` its slot from `cursor` and place what it holds: its tracks side
        by side when it is parallel, else its children in sequence, which take their
        sizes from `sizes` when the block has no minutes; return where it ends."""
        index = self.open_slot(block, depth, number, path, cursor, cursor)
        if block.parallel:
            end = place_parallel(self, block, depth, number, path, cursor)
        else:
            outer = self.room
            self.room = self.rooms[index]
            inside = Siblings(depth + 1, f"{number}.", path, (block, number, path))
            if block.minutes is not None:
                # A block occupies its declared minutes even when its children disagree
                # (that is reported once, on the block), so later items keep their times.
                self.place_children(block.items, inside, cursor, block.minutes * 60, None)
                end = cursor + block.minutes * 60
            else:
                end = self.place_children(block.items, inside, cursor, None, sizes)
            self.room = outer
        self.ends[index] = end
        return end

    def previous(self, depth: int) -> str:
        """How a message names the item laid out last at `depth` (the one a fixed item
        follows), or the container's start when there is none."""
        for i in range(len(self.levels) - 1, -1, -1):
            if self.levels[i] == depth:
                return self.name(i)
            if self.levels[i] < depth:
                break
        return "the time before it"

    def open_slot(self, item: Item, depth: int, number: str, path: tuple[str, ...],
                  start: int, end: int) -> int:
        """Check `item` (:func:`check_item`) and give it its slot from `start` to `end`
        in the current room and track; return the slot's index. A block's end is set
        once what it holds is placed."""
        check_item(self, item, number, path)
        self.numbers.append(number)
        self.levels.append(depth)
        self.paths.append(path)
        self.items.append(item)
        self.starts.append(start)
        self.ends.append(end)
        self.rooms.append(self.room if item.room is None else item.room)
        self.tracks.append(self.track)
        return len(self.numbers) - 1


def _in_range(utc: int, tz: _dt.tzinfo) -> bool:
    if not _FIRST_INSTANT <= utc <= _LAST_INSTANT:
        return False
    try:
        _dt.datetime.fromtimestamp(utc, tz)
    except (OverflowError, ValueError):
        return False
    return True


_UNPLACED = frozenset({"unknown-timezone", "out-of-range", "days-and-items", "too-deep"})


def _plan(meeting: Meeting, draft: bool = False) -> tuple[Timetable | None, list[Problem]]:
    try:
        timetable, problems = _Layout(meeting).run(draft)
    except RecursionError:
        depth = max(_depths(meeting.items), default=0)
        return None, [Problem("too-deep", facts={"depth": depth}, title=meeting.title)]
    series = None
    if timetable is not None and (meeting.repeats or meeting.skip or meeting.overrides
                                  or meeting.skip_holidays is not None):
        from ._series import series_problems

        found, series = series_problems(timetable, layout)
        problems = [*problems, *found]
        if any(p.severity is Severity.ERROR for p in found) and not draft:
            return None, problems
    if timetable is not None:
        timetable._laid_by(layout, series)  # the series is built once and carried
    return timetable, problems


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def _item_order(problem: Problem) -> tuple[int, ...]:
    """Sort key of problems in item order: the meeting's own first, then by number."""
    return _order(problem.number) if problem.number else ()


def _depths(items: Sequence[Item]) -> Iterator[int]:
    """Nesting depth of every leaf, without recursion."""
    stack: list[tuple[Item, int]] = [(item, 1) for item in items]
    while stack:
        item, depth = stack.pop()
        if not item.items:
            yield depth
        stack.extend((child, depth + 1) for child in item.items)


def validate(meeting: Meeting) -> tuple[Problem, ...]:
    """Every problem of `meeting` at once (errors and warnings); empty when it is sound."""
    return tuple(_plan(meeting)[1])


def draft(meeting: Meeting) -> tuple[Timetable | None, tuple[Problem, ...]]:
    """Every problem of `meeting`, and its timetable even when some are errors, as far
    as every item could still be placed (None when the zone, the calendar's range or
    the shape of the days is wrong). What an invalid agenda looks like, for comparing
    versions and for edits that fix it; :func:`layout` is the timetable to publish."""
    timetable, problems = _plan(meeting, draft=True)
    return timetable, tuple(problems)


def layout(meeting: Meeting) -> Timetable:
    """Compute every item's start and end.

    Raises :class:`InvalidAgenda` carrying every problem when the agenda has errors;
    warnings (e.g. a start in a repeated DST hour) are kept on ``Timetable.warnings``.
    """
    timetable, problems = _plan(meeting)
    if timetable is None:
        raise InvalidAgenda(problems)
    return timetable
