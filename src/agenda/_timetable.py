"""The timetable: every item of a meeting with its computed start and end.

Instants are kept as integer UTC seconds (cheap to compute and compare, immune
to the wall-clock comparison of aware datetimes in a repeated DST hour) and
handed out as pendulum date-times in the meeting's zone.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

import attrs
import pendulum

from ._model import Item, Meeting
from ._problems import Problem
from ._time import moment

if TYPE_CHECKING:
    from ._layout._series import Series

__all__ = ["DaySpan", "Slot", "Timetable"]


@attrs.frozen
class Slot:
    """One item placed in time.

    `number` is the printed number (``"4.2"``), `depth` 0 for top-level items,
    `path` the identity keys from the top (what calendar UIDs and diffs key on).
    `date` is, in a meeting held over days, the date of the day whose programme
    holds the slot (a slot after midnight keeps its day's date; None in a one-day
    meeting, whose date is the meeting's), `room` the room it takes place in (its own or
    inherited), `track` the title of the parallel track it belongs to.
    """

    number: str
    depth: int
    path: tuple[str, ...]
    item: Item
    start_utc: int = attrs.field(repr=False)
    end_utc: int = attrs.field(repr=False)
    zone: str = attrs.field(repr=False)
    date: pendulum.Date | None = attrs.field(default=None, kw_only=True)
    room: str | None = attrs.field(default=None, kw_only=True)
    track: str | None = attrs.field(default=None, kw_only=True)

    @property
    def start(self) -> pendulum.DateTime:
        return moment(self.start_utc, self.zone)

    @property
    def end(self) -> pendulum.DateTime:
        return moment(self.end_utc, self.zone)

    @property
    def duration(self) -> pendulum.Duration:
        return pendulum.duration(seconds=self.end_utc - self.start_utc)

    @property
    def minutes(self) -> int:
        return (self.end_utc - self.start_utc) // 60

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def is_block(self) -> bool:
        return bool(self.item.items)


@attrs.frozen
class DaySpan:
    """One day of a timetable: its date, when its programme starts and ends (UTC
    seconds), its declared end when it has one, and its slots ``first:stop``."""

    date: pendulum.Date
    start_utc: int
    end_utc: int
    declared_end_utc: int | None
    first: int
    stop: int


class Timetable(Sequence[Slot]):
    """The laid-out agenda: an immutable sequence of slots in agenda order.

    Built by :func:`agenda.layout`; slots are created on access, so laying out a
    large agenda costs only integer arithmetic.
    """

    __slots__ = ("_ends", "_firsts", "_items", "_lay", "_levels", "_numbers", "_paths",
                 "_rooms", "_series", "_start", "_starts", "_tracks", "days", "meeting",
                 "warnings", "zone")

    def __init__(
        self,
        meeting: Meeting,
        zone: str,
        start_utc: int,
        columns: tuple[
            Sequence[str], Sequence[int], Sequence[tuple[str, ...]], Sequence[Item],
            Sequence[int], Sequence[int],
        ],
        warnings: Sequence[Problem] = (),
        *,
        rooms: Sequence[str | None] | None = None,
        tracks: Sequence[str | None] | None = None,
        days: Sequence[DaySpan] | None = None,
    ) -> None:
        self.meeting = meeting
        self.zone = zone
        self._start = start_utc
        numbers, levels, paths, items, starts, ends = columns
        self._numbers = tuple(numbers)
        self._levels = tuple(levels)
        self._paths = tuple(paths)
        self._items = tuple(items)
        self._starts = tuple(starts)
        self.warnings: tuple[Problem, ...] = tuple(warnings)
        none = (None,) * len(self._numbers)
        self._rooms = tuple(rooms) if rooms is not None else none
        self._tracks = tuple(tracks) if tracks is not None else none
        if days is None:
            last = max((e for e, level in zip(ends, levels, strict=True) if level == 0),
                       default=start_utc)
            days = (DaySpan(meeting.date, start_utc, last, None, 0, len(self._numbers)),)
        self.days: tuple[DaySpan, ...] = tuple(days)
        self._firsts = tuple(day.first for day in self.days)
        self._lay: Callable[[Meeting], Timetable] | None = None
        self._series: Series | None = None
        self._ends = tuple(ends)  # set last: from here on the instance is frozen

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "_ends"):
            raise attrs.exceptions.FrozenInstanceError()
        object.__setattr__(self, name, value)

    def _slot(self, i: int) -> Slot:
        day = self.days[max(bisect.bisect_right(self._firsts, i) - 1, 0)]
        return Slot(
            self._numbers[i], self._levels[i], self._paths[i], self._items[i],
            self._starts[i], self._ends[i], self.zone,
            date=day.date if self.meeting.days else None, room=self._rooms[i],
            track=self._tracks[i],
        )

    def __len__(self) -> int:
        return len(self._numbers)

    @overload
    def __getitem__(self, index: int) -> Slot: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Slot, ...]: ...
    def __getitem__(self, index: int | slice) -> Slot | tuple[Slot, ...]:
        if isinstance(index, slice):
            return tuple(self._slot(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("timetable index out of range")
        return self._slot(index)

    def __iter__(self) -> Iterator[Slot]:
        for i in range(len(self._numbers)):
            yield self._slot(i)

    def _laid_by(self, lay: Callable[[Meeting], Timetable], series: Series | None = None
                 ) -> Timetable:
        """This timetable, knowing the layout that made it (which lays out the
        occurrences of a series that have items of their own) and the series the layout
        built while checking it."""
        object.__setattr__(self, "_lay", lay)
        object.__setattr__(self, "_series", series)
        return self

    @property
    def series(self) -> Series:
        """The occurrences of the meeting this timetable lays out (one, for a meeting
        that does not repeat): built once, by the layout or on first use."""
        if self._series is None:
            if self._lay is None:
                raise ValueError("only a timetable made by agenda.layout knows its series")
            from ._layout._series import Series

            series = Series(self, self._lay)
            object.__setattr__(self, "_series", series)
            return series
        return self._series

    def _key(self) -> tuple[object, ...]:
        return (self.meeting, self.zone, self._start, self._numbers, self._levels, self._paths,
                self._items, self._starts, self._ends, self._rooms, self._tracks, self.days,
                self.warnings)

    def __eq__(self, other: object) -> bool:
        """Two timetables are equal when they lay out equal meetings into the same slots
        at the same instants (a value, like the meeting it comes from)."""
        if not isinstance(other, Timetable):
            return NotImplemented
        return self is other or self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.meeting, self.zone, self._start, self._numbers, self._starts,
                     self._ends))

    def __repr__(self) -> str:
        return f"<Timetable {self.meeting.title!r}: {len(self)} slots, {self.start}–{self.end}>"

    def by_number(self, number: str) -> Slot:
        """The slot numbered `number` (``"4.2"``)."""
        try:
            return self._slot(self._numbers.index(number))
        except ValueError:
            raise KeyError(number) from None

    @property
    def start_utc(self) -> int:
        """The meeting's start as UTC seconds."""
        return self._start

    @property
    def end_utc(self) -> int:
        """The end of the last top-level item as UTC seconds."""
        for i in range(len(self._levels) - 1, -1, -1):
            if self._levels[i] == 0:
                return self._ends[i]
        return self._start

    @property
    def start(self) -> pendulum.DateTime:
        return moment(self.start_utc, self.zone)

    @property
    def end(self) -> pendulum.DateTime:
        return moment(self.end_utc, self.zone)

    @property
    def minutes(self) -> int:
        """The programme's length: from start to end, or in a meeting held over days
        the sum of its days' (the unscheduled nights between them are not counted)."""
        if self.meeting.days:
            return sum((day.end_utc - day.start_utc) // 60 for day in self.days)
        return (self.end_utc - self.start_utc) // 60

    def moved(self, meeting: Meeting, seconds: int) -> Timetable:
        """The same slots `seconds` later, as the timetable of `meeting` (an occurrence
        of a series: every item keeps its elapsed length)."""
        days = [attrs.evolve(day, date=meeting.date, start_utc=day.start_utc + seconds,
                             end_utc=day.end_utc + seconds,
                             declared_end_utc=None if day.declared_end_utc is None
                             else day.declared_end_utc + seconds) for day in self.days]
        return Timetable(meeting, self.zone, self._start + seconds, (
            self._numbers, self._levels, self._paths, self._items,
            [t + seconds for t in self._starts], [t + seconds for t in self._ends]),
            rooms=self._rooms, tracks=self._tracks, days=days)

    def day_slots(self, day: DaySpan) -> tuple[Slot, ...]:
        """The slots of one of `days`, in agenda order."""
        return self[day.first:day.stop]

    def top_level(self) -> Iterator[Slot]:
        """The slots of depth 0."""
        return (s for s in self if s.depth == 0)

    def showing(self, meeting: Meeting, item_of: Callable[[Item], Item],
                room_of: Callable[[str | None], str | None] | None = None) -> Timetable:
        """This timetable (the same slots, times, numbers and paths) showing `meeting`
        and, for each slot, `item_of(item)` and the room `room_of(room)` (e.g. the texts
        in another language)."""
        view: Timetable = object.__new__(Timetable)
        for name in self.__slots__:  # every column as it is; `_ends` last, as it freezes
            if name != "_ends":
                object.__setattr__(view, name, getattr(self, name))
        object.__setattr__(view, "meeting", meeting)
        object.__setattr__(view, "_series", None)  # the view's own, over what it shows
        object.__setattr__(view, "_items", tuple(item_of(item) for item in self._items))
        if room_of is not None:
            object.__setattr__(view, "_rooms", tuple(room_of(room) for room in self._rooms))
        object.__setattr__(view, "_ends", self._ends)
        return view
