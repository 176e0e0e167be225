"""Layout: a Meeting becomes a Timetable, and every problem is found on the way.

This is the only place where clock times are computed and where time zones and
DST are handled. Wall-clock times (the start, the declared end, fixed ``at``
times) are resolved in the meeting's zone with pendulum; everything after that
is integer arithmetic on UTC seconds, so durations are elapsed time and an agenda
that crosses a DST change gets correct instants.

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

import contextlib
import datetime as _dt
from collections.abc import Iterator, Sequence
from fractions import Fraction

import pendulum
from pendulum.tz.exceptions import AmbiguousTime, InvalidTimezone, NonExistingTime

from .._identity import path_problems
from .._model import Item, Kind, Meeting
from .._problems import InvalidAgenda, Problem, Severity
from .._timetable import DaySpan, Timetable
from .._translations import translation_problems
from ._conflicts import conflicts
from ._tracks import natural_seconds, place_parallel

__all__ = ["layout", "parse_weekday", "validate"]

# Instants that every zone can still show as a date (a day inside years 1 and 9999).
_FIRST_INSTANT = int(_dt.datetime(1, 1, 2, tzinfo=_dt.UTC).timestamp())
_LAST_INSTANT = int(_dt.datetime(9999, 12, 30, tzinfo=_dt.UTC).timestamp())
_MAX_MINUTES = 366 * 24 * 60  # a year: longer is a typo, not an agenda item

_KO_WEEKDAYS = "월화수목금토일"
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_weekday(name: str) -> int | None:
    """ISO weekday (1 = Monday) of a Korean or English weekday name, else None."""
    text = name.strip().strip("()").lower()
    if text.endswith("요일"):
        text = text[:-2]
    if len(text) == 1 and text in _KO_WEEKDAYS:
        return _KO_WEEKDAYS.index(text) + 1
    for number, full in enumerate(_EN_WEEKDAYS, start=1):
        if len(text) >= 2 and full.startswith(text.rstrip(".")):
            return number
    return None


def _hm(seconds: int) -> str:
    return f"{seconds // 60} min" if seconds % 60 == 0 else f"{seconds / 60:.2f} min"


def _on_day(utc: int, zone: str) -> str:
    return pendulum.from_timestamp(utc, tz=zone).format("HH:mm [on] YYYY-MM-DD")


def _minutes_text(value: Fraction) -> str:
    return f"{int(value)}" if value.denominator == 1 else f"{float(value):.2f}"


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


class _OutOfRange(Exception):
    """A fixed time past the calendar's last day (already reported)."""


class _Pool:
    """The undetermined leaves of one segment, collected in agenda order.

    A leaf is kept with its parent's number prefix, its position and its parent's
    path; its own number and path are built only when a problem names it.
    """

    __slots__ = ("fixed", "flexible", "leaves", "plain", "unknown")

    def __init__(self) -> None:
        self.fixed = 0
        self.leaves: list[tuple[Item, str, int, tuple[str, ...]]] = []
        self.flexible = 0
        self.plain = 0
        self.unknown = False

    def collect(self, items: Sequence[Item], prefix: str, path: tuple[str, ...],
                offset: int, nested: bool) -> None:
        for k, item in enumerate(items, start=offset + 1):
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
                ipath = (item.id,) if item.id is not None else (*path, item.title)
                self.collect(item.items, f"{prefix}{k}.", ipath, 0, nested=True)
            else:
                self.leaves.append((item, prefix, k, path))
                if item.min_minutes is not None or item.max_minutes is not None:
                    self.flexible += 1
                else:
                    self.plain += 1

    def named(self) -> Iterator[tuple[Item, str, tuple[str, ...]]]:
        """Each leaf with its number and identity path."""
        for item, prefix, k, path in self.leaves:
            yield item, f"{prefix}{k}", (item.id,) if item.id is not None else (*path, item.title)


def _fallback(pool: _Pool) -> list[int]:
    """Sizes for a pool that could not be sized (a problem is reported): each leaf's
    lower bound, so that later items still get times."""
    return [60 * (leaf.min_minutes or leaf.max_minutes or 0) for leaf, *_ in pool.leaves]


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
        self.day = meeting.all_days[0]  # the day being placed
        self.day_first = 0  # index of its first slot
        self.zone = meeting.timezone
        try:
            self.tz = pendulum.timezone(meeting.timezone)
        except (InvalidTimezone, ValueError):
            self.tz = pendulum.timezone("UTC")
            self.report("unknown-timezone", f'unknown time zone "{meeting.timezone}"')
            self.zone = "UTC"
        self.start = self.resolve(self.day.start, "start")  # the first day's

    # -- reporting ---------------------------------------------------------------
    def report(self, code: str, message: str, item: Item | None = None, number: str = "",
               path: tuple[str, ...] = (), severity: Severity = Severity.ERROR) -> None:
        title = item.title if item is not None else self.meeting.title
        self.problems.append(Problem(code, message, number, title, path, severity))

    def clock(self, utc: int) -> str:
        """``HH:mm`` of `utc` in the meeting's zone, with the date when it is not the
        meeting's date."""
        if not _FIRST_INSTANT <= utc <= _LAST_INSTANT:
            return "(out of the calendar's range)"
        local = pendulum.from_timestamp(utc, tz=self.tz)
        if local.date() != self.day.date:
            return local.format("HH:mm [on] YYYY-MM-DD")
        return local.format("HH:mm")

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
                self.report("out-of-range", f"{what} {time.strftime('%H:%M')} falls on the "
                            "day after 9999-12-31", item, number, path)
                raise _OutOfRange
            day = day.add(days=1)
        args = (day.year, day.month, day.day, time.hour, time.minute, time.second)
        label = f"{day.isoformat()} {time.strftime('%H:%M')} in {self.zone}"
        try:
            return int(pendulum.datetime(*args, tz=self.tz, raise_on_unknown_times=True)
                       .timestamp())
        except NonExistingTime:
            self.report("nonexistent-time",
                        f"{what} {label} does not exist (the clocks skip it for DST)",
                        item, number, path)
            return int(pendulum.datetime(*args, tz=self.tz).timestamp())
        except AmbiguousTime:
            first = pendulum.datetime(*args, tz=self.tz, fold=0)
            self.report("ambiguous-time",
                        f"{what} {label} occurs twice (DST ends); the first, "
                        f"UTC{first.format('Z')}, is used", item, number, path, Severity.WARNING)
            return int(first.timestamp())

    # -- meeting ------------------------------------------------------------------
    def run(self) -> tuple[Timetable | None, list[Problem]]:
        m = self.meeting
        if not m.title.strip():
            self.report("empty-title", "the meeting has no title")
        if m.id is not None and not m.id.strip():
            self.report("empty-id", "the meeting's id is empty; give one or leave it out")
        if m.weekday is not None:
            self.check_weekday(m.weekday)
        if m.repeat is not None:
            from .._repeat import repeat_problems  # dateutil and icalendar: series only

            self.problems.extend(repeat_problems(m))
        if m.days and (m.items or m.end is not None):
            self.report("days-and-items", "gives both days and its own items or end; put "
                        "every item and end in its day")
        if m.days and m.repeat is not None:
            self.report("days-and-repeat", "a meeting held over several days cannot repeat")
        keys: dict[str, str] = {}
        spans: list[DaySpan] = []
        number = 0
        end_utc = self.start
        for index, day in enumerate(m.all_days):
            self.day, self.day_first = day, len(self.numbers)
            start = self.start if index == 0 else self.resolve(day.start, "start")
            if spans and start < spans[-1].end_utc:
                self.report("days-overlap", f"day {index + 1} starts {_on_day(start, self.zone)}"
                            f", before day {index} ends {_on_day(spans[-1].end_utc, self.zone)}")
            total, declared = self.day_window(start, index)
            if not day.items:
                self.report("no-items", f"day {index + 1} ({day.date.isoformat()}) has no "
                            "items" if m.days else "the meeting has no items")
            end_utc = self.place_children(day.items, 0, "", (), start, total, None, None,
                                          base=number, keys=keys)
            if self.has_parallel:
                self.problems.extend(conflicts(self, self.day_first, len(self.numbers)))
            spans.append(DaySpan(day.date, start, end_utc, declared, self.day_first,
                                 len(self.numbers)))
            number += len(day.items)
        if self.start < _FIRST_INSTANT or end_utc > _LAST_INSTANT:
            self.report("out-of-range", "the agenda runs past the dates a calendar can show "
                        "(years 1 to 9999)")
        top_level = [item for day in m.all_days for item in day.items]
        self.problems.extend(path_problems(top_level, self.ids, self.numbers, self.items))
        self.problems.extend(translation_problems(m, self.numbers, self.paths, self.items))
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        if errors:
            return None, self.problems
        warnings = self.problems
        columns = (self.numbers, self.levels, self.paths, self.items, self.starts, self.ends)
        return Timetable(m, self.zone, self.start, columns, warnings, rooms=self.rooms,
                         tracks=self.tracks, days=spans), self.problems

    def day_window(self, start: int, index: int) -> tuple[int | None, int | None]:
        """The length of the day's declared window and its end (None, None without)."""
        declared = self.day.end
        if declared is None:
            return None, None
        end = self.resolve(declared, "end", next_day=bool(self.meeting.days))
        if end - start <= 0:
            which = f"day {index + 1}'s " if self.meeting.days else ""
            self.report("end-before-start",
                        f"{which}declared end {declared.strftime('%H:%M')} is not after the "
                        f"start {self.day.start.strftime('%H:%M')}")
            return None, None
        return end - start, end

    def check_weekday(self, name: str) -> None:
        expected = self.meeting.date.isoweekday()
        given = parse_weekday(name)
        real = f"a {_KO_WEEKDAYS[expected - 1]}요일 ({_EN_WEEKDAYS[expected - 1].title()})"
        if given is None:
            self.report("unknown-weekday", f'weekday "{name}" is not a Korean or English '
                        f"weekday name; {self.meeting.date.isoformat()} is {real}")
        elif given != expected:
            self.report("weekday-mismatch", f'weekday "{name}" does not match '
                        f"{self.meeting.date.isoformat()}, which is {real}")

    def report_window(self, start: int, end_utc: int, window_end: int) -> None:
        span = (f"items sum to {_hm(end_utc - start)}, the window "
                f"{self.clock(start)}–{self.clock(window_end)} is "
                f"{_hm(window_end - start)}")
        if self.meeting.days:
            span += f" on day {self.meeting.days.index(self.day) + 1}"
        if end_utc > window_end:
            for i in range(self.day_first, len(self.levels)):
                if self.levels[i] == 0 and self.ends[i] > window_end:
                    self.report("past-end",
                                f"ends {self.clock(self.ends[i])}, after the declared end "
                                f"{self.clock(window_end)} ({span})",
                                self.items[i], self.numbers[i], self.paths[i])
        else:
            self.report("short-of-end",
                        f"items end at {self.clock(end_utc)}, {_hm(window_end - end_utc)} "
                        f"before the declared end {self.clock(window_end)} ({span})")

    # -- items --------------------------------------------------------------------
    def check_item(self, item: Item, number: str, path: tuple[str, ...]) -> None:
        title = item.title
        if not title or title.isspace():
            self.report("empty-title", "the item has no title", item, number, path)
        minutes = item.minutes
        if minutes is not None and minutes <= 0:
            self.report("non-positive-minutes", f"minutes is {minutes}; it must be positive",
                        item, number, path)
        elif minutes is not None and minutes > _MAX_MINUTES:
            self.report("too-long", f"minutes is {minutes}, more than a year "
                        f"({_MAX_MINUTES} min)", item, number, path)
        if item.parallel and not item.items:
            self.report("parallel-without-tracks", "parallel = true, but it has no tracks "
                        "(items) to run side by side", item, number, path)
        if item.min_minutes is not None or item.max_minutes is not None:
            self.check_bounds(item, number, path)
        if item.id is not None:
            if not item.id.strip():
                self.report("empty-id", "the item's id is empty", item, number, path)
            first = self.ids.setdefault(item.id, number)
            if first is not number:
                self.report("duplicate-id", f'id "{item.id}" is already used by item {first}',
                            item, number, path)

    def check_bounds(self, item: Item, number: str, path: tuple[str, ...]) -> None:
        lo, hi = item.min_minutes, item.max_minutes
        for name, value in (("min_minutes", lo), ("max_minutes", hi)):
            if value is not None and value <= 0:
                self.report("non-positive-minutes", f"{name} is {value}; it must be positive",
                            item, number, path)
        if lo is not None and hi is not None and lo > hi:
            self.report("bad-bounds", f"min_minutes {lo} is more than max_minutes {hi}",
                        item, number, path)
        if item.items:
            self.report("flexible-block", "min_minutes/max_minutes apply to items without "
                        "children; give the block minutes or make a child flexible",
                        item, number, path)
        if item.minutes is not None and (
            (lo is not None and item.minutes < lo) or (hi is not None and item.minutes > hi)
        ):
            self.report("bad-bounds", f"minutes {item.minutes} lie outside "
                        f"min_minutes..max_minutes ({lo}..{hi})", item, number, path)

    def place_children(self, children: Sequence[Item], depth: int, prefix: str,
                       path: tuple[str, ...], cursor: int, total: int | None,
                       owner: tuple[Item, str, tuple[str, ...]] | None,
                       pending: Iterator[int] | None, base: int = 0,
                       keys: dict[str, str] | None = None) -> int:
        """Place `children` from `cursor`; return where the last one ends.

        `total` is the container's length (block minutes or day window);
        `pending` carries the sizes of pool leaves when the enclosing segment sized
        them (a block without minutes); otherwise this container sizes its own.
        `base` is the number of siblings before the first (the top-level items of
        earlier days); `keys` the identities of siblings that share the namespace
        (every day's top level, every track of a parallel block).
        """
        start = cursor
        keys = {} if keys is None else keys
        fixed: dict[int, int] = {}
        for i, child in enumerate(children):
            if child.at is not None:
                with contextlib.suppress(_OutOfRange):  # reported; placed as if not fixed
                    fixed[i] = self.resolve(
                        child.at, "fixed time", child, f"{prefix}{base + i + 1}",
                        (child.id,) if child.id is not None else (*path, child.title))
        bounds = [0, *(i for i in fixed if i > 0), len(children)]
        sized_ok = True
        numbers, levels, paths, items = self.numbers, self.levels, self.paths, self.items
        starts, ends, ids = self.starts, self.ends, self.ids
        rooms, tracks, room, track = self.rooms, self.tracks, self.room, self.track
        for seg in range(len(bounds) - 1):
            lo, hi = bounds[seg], bounds[seg + 1]
            if lo in fixed:
                first = children[lo]
                number = f"{prefix}{base + lo + 1}"
                fpath = (first.id,) if first.id is not None else (*path, first.title)
                cursor = self.check_fixed(first, number, fpath, cursor, fixed[lo], sized_ok)
            sizes = pending
            if pending is None:
                if hi < len(children):
                    window_end: int | None = fixed[hi]
                elif total is not None:
                    window_end = start + total
                else:
                    window_end = None
                window = None if window_end is None else window_end - cursor
                gap_ok = hi < len(children) and (children[hi].kind is Kind.BREAK
                                                 or children[hi].gap_ok)
                sized, sized_ok = self.size_segment(children[lo:hi], base + lo, prefix, path,
                                                    window, owner, gap_ok,
                                                    children[hi] if gap_ok else None)
                sizes = iter(sized)
            assert sizes is not None
            for k in range(lo, hi):
                child = children[k]
                number = prefix + str(base + k + 1)
                ident = child.id
                if ident is None:
                    key = child.title
                    cpath = (*path, key)
                else:
                    key = ident
                    cpath = (ident,)
                holder = keys.setdefault(key, number)
                if holder is not number:
                    self.report("duplicate-identity",
                                f'item {holder} has the same identity "{key}"; '
                                "give one of them an id", child, number, cpath)
                if child.items:
                    cursor = self.place_item(child, depth, number, cpath, cursor, sizes)
                    continue
                # Leaf fast path (the bulk of a large agenda): the full checks run only
                # when a cheap test says something may be wrong or needs sizing.
                title = child.title
                minutes = child.minutes
                if ((minutes is not None and not 0 < minutes <= _MAX_MINUTES)
                        or not title or title.isspace()
                        or child.min_minutes is not None or child.max_minutes is not None
                        or child.parallel
                        or (ident is not None and (ids.setdefault(ident, number) is not number
                                                   or not ident or ident.isspace()))):
                    self.check_item(child, number, cpath)
                end = cursor + (minutes * 60 if minutes is not None else next(sizes, 0))
                numbers.append(number)
                levels.append(depth)
                paths.append(cpath)
                items.append(child)
                starts.append(cursor)
                ends.append(end)
                rooms.append(room if child.room is None else child.room)
                tracks.append(track)
                cursor = end
        if total is not None and sized_ok and cursor - start != total:
            if owner is None:
                self.report_window(start, cursor, start + total)
                return cursor
            item, number, opath = owner
            gaps = any(c.at is not None for c in children)
            verb = "run" if gaps else "sum to"
            self.report("sum-mismatch", f"children {verb} {_hm(cursor - start)}, block says "
                        f"{_hm(total)}", item, number, opath)
        return cursor

    def place_item(self, item: Item, depth: int, number: str, path: tuple[str, ...],
                   cursor: int, sizes: Iterator[int]) -> int:
        self.check_item(item, number, path)
        index = self.open_slot(item, depth, number, path, cursor)
        if item.parallel:
            end = place_parallel(self, item, depth, number, path, cursor)
        elif item.items:
            outer = self.room
            self.room = self.rooms[index]
            if item.minutes is not None:
                # A block occupies its declared minutes even when its children disagree
                # (that is reported once, on the block), so later items keep their times.
                self.place_children(item.items, depth + 1, f"{number}.", path, cursor,
                                    item.minutes * 60, (item, number, path), None)
                end = cursor + item.minutes * 60
            else:
                end = self.place_children(item.items, depth + 1, f"{number}.", path, cursor,
                                          None, (item, number, path), sizes)
            self.room = outer
        elif item.minutes is not None:
            end = cursor + item.minutes * 60
        else:
            end = cursor + next(sizes, 0)
        self.ends[index] = end
        return end

    def open_slot(self, item: Item, depth: int, number: str, path: tuple[str, ...],
                  cursor: int) -> int:
        """Add `item`'s slot (ending where it starts, for now); return its index."""
        self.numbers.append(number)
        self.levels.append(depth)
        self.paths.append(path)
        self.items.append(item)
        self.starts.append(cursor)
        self.ends.append(cursor)
        self.rooms.append(self.room if item.room is None else item.room)
        self.tracks.append(self.track)
        return len(self.numbers) - 1

    def check_fixed(self, item: Item, number: str, path: tuple[str, ...], cursor: int,
                    target: int, sized_ok: bool) -> int:
        at = self.clock(target)
        if target > cursor:
            if item.kind is not Kind.BREAK and not item.gap_ok and sized_ok:
                self.report("gap", f"fixed at {at} but the previous item ends "
                            f"{self.clock(cursor)}: a {_hm(target - cursor)} gap; set gap_ok or "
                            "make the item a break", item, number, path)
            return target
        if target < cursor and sized_ok:
            self.report("overlap", f"fixed at {at} but the previous item ends "
                        f"{self.clock(cursor)}: {_hm(cursor - target)} overlap", item, number,
                        path)
        return cursor

    def size_segment(self, segment: Sequence[Item], offset: int, prefix: str,
                     path: tuple[str, ...], window: int | None,
                     owner: tuple[Item, str, tuple[str, ...]] | None,
                     gap_ok: bool = False, following: Item | None = None
                     ) -> tuple[list[int], bool]:
        """Seconds for each undetermined leaf of `segment`, in agenda order.

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
        pool = _Pool()
        pool.collect(segment, prefix, path, offset, nested=False)
        if not pool.leaves:
            return [], True
        where = owner if owner is not None else (None, "", ())
        if window is None:
            ok = True
            for leaf, number, lpath in pool.named():
                if not leaf.is_flexible:
                    ok = False
                    self.report("missing-minutes", "no minutes: give it minutes, or give its "
                                "block minutes to split" + ("" if owner else
                                " or the meeting a declared end"), leaf, number, lpath)
            return _fallback(pool), ok
        if pool.unknown:
            self.report("unsizable", "cannot size items without minutes next to a block "
                        "that holds fixed-time items; give them minutes", *where)
            return _fallback(pool), False
        rest = window - pool.fixed
        if rest % 60:
            self.report("partial-minute", f"{rest} s left to fill is not whole minutes", *where)
            return _fallback(pool), False
        rest //= 60
        if pool.flexible and pool.plain:
            self.report("mixed-sizing", "mixes items without minutes (split equally) with "
                        "flexible items; give the plain ones minutes", *where)
            return _fallback(pool), False
        if pool.plain:
            n = pool.plain
            each, remainder = divmod(rest, n)
            if rest <= 0:
                self.report("no-time-to-split", f"no time left to split among {n} items "
                            f"({_hm(pool.fixed)} already taken)", *where)
                return _fallback(pool), False
            if remainder:
                self.report("uneven-split", f"{rest} min do not split evenly among {n} items "
                            f"({_minutes_text(Fraction(rest, n))} min each); give them minutes",
                            *where)
                return _fallback(pool), False
            return [each * 60] * n, True
        bounds = [(max(leaf.min_minutes or 1, 1), leaf.max_minutes) for leaf, *_ in pool.leaves]
        if gap_ok and all(hi is not None for _, hi in bounds):
            most = sum(hi for _, hi in bounds if hi is not None)
            if most < rest:
                leaf, number, lpath = list(pool.named())[-1]
                before = "the next fixed-time item" if following is None else (
                    f'"{following.title}"' + (f" at {following.at:%H:%M}"
                                              if following.at is not None else ""))
                self.report("flexible-capped", f"flexible items reach their max_minutes "
                            f"({most} min) and leave a {_hm((rest - most) * 60)} gap before "
                            f"{before} that no item declares; raise max_minutes or add an "
                            "item for the gap", leaf, number, lpath, Severity.WARNING)
                rest = most
        shared = share_slack(rest, bounds)
        if isinstance(shared, str):
            self.report("flexible-infeasible", shared, *where)
            return _fallback(pool), False
        return [m * 60 for m in shared], True


def _plan(meeting: Meeting) -> tuple[Timetable | None, list[Problem]]:
    try:
        return _Layout(meeting).run()
    except RecursionError:
        depth = max(_depths(meeting.items), default=0)
        return None, [Problem("too-deep", f"blocks nest {depth} levels deep, more than "
                              "Python's stack allows here; flatten the agenda", "",
                              meeting.title)]


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


def layout(meeting: Meeting) -> Timetable:
    """Compute every item's start and end.

    Raises :class:`InvalidAgenda` carrying every problem when the agenda has errors;
    warnings (e.g. a start in a repeated DST hour) are kept on ``Timetable.warnings``.
    """
    timetable, problems = _plan(meeting)
    if timetable is None:
        raise InvalidAgenda(problems)
    return timetable
