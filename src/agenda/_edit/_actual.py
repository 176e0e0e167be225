"""Actual times: what happened on the day, as a log of events against the agenda.

An :class:`ActualLog` is a meeting and the events logged against it, in the order they
were logged: an item *started* or *ended* at an instant. An event names its item by its
identity path (the keys from the top: ids, else titles), the identity calendar UIDs and
diffs use, so a log stays true when items are renumbered or re-timed. Any item may be
logged, a block as well as the items it holds.

The log file (``NAME.log.toml`` beside the spec) holds one event per line, a TOML
dotted key whose last part is the event, and a comment naming the item::

    photo.start = 2024-03-13T14:03:00+09:00  # 1 사진촬영
    regional-reports.busan.end = 2024-03-13T14:13:10+09:00  # 4.1 부산

Every line is read on its own by the TOML reader, so a torn or mistyped line is a
problem of that line and the others still count. A log that contradicts itself (an end
before its start, an item started or ended twice, an item the agenda does not have) gives
problems with codes and lines like any agenda (:meth:`ActualLog.problems`).

A block logged as a whole (its own start or end, and nothing logged inside it) counts
as one unit: its items are not told apart. Otherwise each item counts on its own.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from .._layout import layout
from .._model import Meeting
from .._problems import AgendaError, Problem, Severity
from .._time import wall, zone
from .._timetable import Slot, Timetable
from .._words.catalog import Fact, escape_controls, words_of
from ._address import Address, find

__all__ = ["Actual", "ActualLog", "Event", "InvalidLog", "Moment", "Unit", "moment_text",
           "units"]

Moment = _dt.time | _dt.datetime | str
"""When an event happened: a wall-clock time (``"14:03"``, ``"14:03:30"``) on the item's
day, a date-time (naive ones in the meeting's zone) or an aware date-time."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_FAR = 12 * 3600  # an event further than this from its planned time is suspicious
_HEADER = ("# Actual times of the meeting, one event a line (agenda log): "
           "ITEM.start or ITEM.end = when.\n")


class Event(enum.StrEnum):
    """What happened to an item."""

    START = "start"
    END = "end"


def _path(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _aware(value: _dt.datetime) -> _dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise TypeError(f"an actual time is an aware date-time, got {value!r}")
    return value.replace(microsecond=0)


@attrs.frozen
class Actual:
    """One event of the log: the item's identity `path`, the `event` and the instant
    `at` (aware); `line` is its line in the log file (None for one logged in Python)."""

    path: tuple[str, ...] = attrs.field(converter=_path)
    event: Event = attrs.field(converter=Event)
    at: _dt.datetime = attrs.field(converter=_aware)
    line: int | None = attrs.field(default=None, kw_only=True, eq=False)

    @property
    def utc(self) -> int:
        """The instant as UTC seconds."""
        return int(self.at.timestamp())


class InvalidLog(AgendaError, ValueError):
    """A log that contradicts itself was asked to say what happened; `problems` holds
    every problem of the log (errors and warnings)."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity is Severity.ERROR]
        lines = "\n".join(f"  {p}" for p in errors)
        super().__init__(f"the log has {len(errors)} problem(s):\n{lines}")


@attrs.frozen
class Unit:
    """What the log tells apart: an item, or a block logged as a whole. `slot` is its
    planned slot and `index` its index in the timetable, `leaves` the indexes of the
    items it holds (its own when it holds none), `start` and `end` its logged events."""

    slot: Slot
    index: int
    leaves: tuple[int, ...]
    start: Actual | None
    end: Actual | None

    @property
    def logged(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def running(self) -> bool:
        """Started and not ended."""
        return self.start is not None and self.end is None


def _events(value: Iterable[Actual]) -> tuple[Actual, ...]:
    return tuple(value)


def _problems(value: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(value)


def _about(code: str, slot: Slot, actual: Actual, facts: dict[str, Fact],
           warning: bool = False) -> Problem:
    """A problem of the log at `actual`'s line, about the item in `slot`."""
    return Problem(code, facts=facts, number=slot.number, title=slot.title, path=slot.path,
                   line=actual.line, severity=Severity.WARNING if warning else Severity.ERROR)


@attrs.frozen
class ActualLog:
    """A meeting and the events logged against it, oldest first.

    ``log.started(item, at)`` and ``log.ended(item, at)`` return a new log with one more
    event; `item` is any address the edits take (an id, a printed number, a title path).
    ``ActualLog.read(text, meeting)`` reads a log file, `text` writes one; `problems`
    says where the log contradicts itself or the agenda. `unreadable` holds the problems
    of the file's lines that are not events.
    """

    meeting: Meeting
    events: tuple[Actual, ...] = attrs.field(default=(), converter=_events)
    unreadable: tuple[Problem, ...] = attrs.field(default=(), converter=_problems,
                                                  kw_only=True)

    # -- building --------------------------------------------------------------------
    def started(self, item: Address, at: Moment) -> ActualLog:
        """The log with `item` started `at`."""
        return self.adding(self.event(item, Event.START, at))

    def ended(self, item: Address, at: Moment) -> ActualLog:
        """The log with `item` ended `at`."""
        return self.adding(self.event(item, Event.END, at))

    def adding(self, actual: Actual) -> ActualLog:
        return attrs.evolve(self, events=(*self.events, actual))

    def event(self, item: Address, event: Event | str, at: Moment) -> Actual:
        """The event `item` `event` `at`, not yet in the log. A wall-clock time is taken
        on the day of the item, the date nearest its planned time (an item planned for
        23:50 ends at 00:10 the next day). Raises :class:`agenda.AddressError` for an
        address that names no item, or several."""
        timetable = self.timetable()
        place = find(self.meeting, item, "log")
        slot = timetable.by_number(place.number)
        kind = Event(event)
        planned = slot.start_utc if kind is Event.START else slot.end_utc
        return Actual(slot.path, kind, _instant(at, timetable.zone, planned))

    # -- reading and writing ---------------------------------------------------------
    @classmethod
    def read(cls, text: str, meeting: Meeting) -> ActualLog:
        """The log written in `text` (see the module); a line that is not an event is
        kept as a problem in `unreadable`. The meeting must be valid
        (:class:`agenda.InvalidAgenda` otherwise)."""
        timetable = layout(meeting)
        by_path = {s.path: s for s in timetable}
        events: list[Actual] = []
        unreadable: list[Problem] = []
        for number, raw in enumerate(text.split("\n"), start=1):
            line = raw.removesuffix("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                data = tomllib.loads(line)
            except tomllib.TOMLDecodeError as exc:
                reason = str(exc).split(" (at line")[0]
                unreadable.append(Problem("log-syntax", facts={"reason": reason},
                                          line=number))
                continue
            found = list(_leaves(data, ()))
            if len(found) != 1 or found[0][0][-1] not in (Event.START, Event.END) or (
                    len(found[0][0]) < 2):
                unreadable.append(Problem("log-not-an-event", line=number))
                continue
            keys, value = found[0]
            path, kind = tuple(keys[:-1]), Event(keys[-1])
            slot = by_path.get(path)
            planned = (timetable.start_utc if slot is None else
                       slot.start_utc if kind is Event.START else slot.end_utc)
            try:
                at = _instant(value, timetable.zone, planned, strict=True)
            except (TypeError, ValueError):
                unreadable.append(Problem("log-not-an-event", line=number))
                continue
            events.append(Actual(path, kind, at, line=number))
        return cls(meeting, events, unreadable=unreadable)

    def text(self) -> str:
        """The whole log file: a comment, then one line per event."""
        return _HEADER + "".join(self.line(e) for e in self.events)

    def line(self, actual: Actual) -> str:
        """The line of the log file that says `actual` (ending in a newline)."""
        timetable = self.timetable()
        key = ".".join(_toml_key(k) for k in (*actual.path, actual.event.value))
        stamp = wall(actual.utc, timetable.zone).isoformat()
        slot = {s.path: s for s in timetable}.get(actual.path)
        note = "" if slot is None else f"  # {slot.number} {escape_controls(slot.title)}"
        return f"{key} = {stamp}{note}\n"

    def said(self, actual: Actual, lang: str = "en", where: str = "") -> str:
        """One line saying what `actual` logged (``1 "사진촬영" started at 14:03``)."""
        timetable = self.timetable()
        slot = {s.path: s for s in timetable}.get(actual.path)
        name = ("/".join(actual.path) if slot is None
                else f'{slot.number} "{escape_controls(slot.title)}"')
        at = moment_text(actual.utc, timetable.zone, None if slot is None
                         else _day(slot, timetable))
        words = words_of("logged", lang)[actual.event]
        return words.format(item=name, at=at, where=f" ({where})" if where else "")

    @staticmethod
    def header() -> str:
        """The comment that opens a new log file."""
        return _HEADER

    # -- what it says ----------------------------------------------------------------
    def timetable(self) -> Timetable:
        """The planned timetable of the meeting."""
        return layout(self.meeting)

    def problems(self) -> tuple[Problem, ...]:
        """Where the log contradicts itself or the agenda, in the order of the log;
        errors (`log-unknown-item`, `log-started-twice`, `log-ended-twice`,
        `log-end-before-start`, and lines that are not events) and warnings
        (`log-end-without-start`, `log-far-from-plan`)."""
        timetable = self.timetable()
        zone_name = timetable.zone
        by_path = {s.path: s for s in timetable}
        found: list[Problem] = list(self.unreadable)
        seen: dict[tuple[tuple[str, ...], Event], Actual] = {}
        for actual in self.events:
            slot = by_path.get(actual.path)
            if slot is None:
                found.append(Problem("log-unknown-item", facts={
                    "item": "/".join(actual.path)}, path=actual.path, line=actual.line))
                continue
            day = _day(slot, timetable)
            first = seen.get((actual.path, actual.event))
            if first is not None:
                found.append(_about(
                    "log-started-twice" if actual.event is Event.START else "log-ended-twice",
                    slot, actual, {"first": moment_text(first.utc, zone_name, day),
                                   "second": moment_text(actual.utc, zone_name, day),
                                   "where": "" if first.line is None else " (line {first_line})",
                                   "first_line": first.line}))
                continue
            seen[(actual.path, actual.event)] = actual
            planned = slot.start_utc if actual.event is Event.START else slot.end_utc
            if abs(actual.utc - planned) > _FAR:
                found.append(_about("log-far-from-plan", slot, actual, {
                    "event": "started" if actual.event is Event.START else "ended",
                    "at": moment_text(actual.utc, zone_name, day),
                    "planned": moment_text(planned, zone_name, day),
                    "hours": abs(actual.utc - planned) // 3600}, warning=True))
        for (path, event), actual in seen.items():
            if event is not Event.END:
                continue
            slot = by_path[path]
            day = _day(slot, timetable)
            start = seen.get((path, Event.START))
            if start is None:
                found.append(_about("log-end-without-start", slot, actual, {
                    "end": moment_text(actual.utc, zone_name, day)}, warning=True))
            elif actual.utc < start.utc:
                found.append(_about("log-end-before-start", slot, actual, {
                    "start": moment_text(start.utc, zone_name, day),
                    "end": moment_text(actual.utc, zone_name, day)}))
        order = {id(p): k for k, p in enumerate(found)}
        return tuple(sorted(found, key=lambda p: (p.line is None, p.line or 0, order[id(p)])))

    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems() if p.severity is Severity.ERROR)

    def checked(self) -> ActualLog:
        """This log, or :class:`InvalidLog` when it has errors."""
        problems = self.problems()
        if any(p.severity is Severity.ERROR for p in problems):
            raise InvalidLog(problems)
        return self

    def times(self) -> dict[tuple[str, ...], tuple[Actual | None, Actual | None]]:
        """Each logged item's start and end events (the first of each), by path."""
        out: dict[tuple[str, ...], tuple[Actual | None, Actual | None]] = {}
        for actual in self.events:
            start, end = out.get(actual.path, (None, None))
            if actual.event is Event.START and start is None:
                start = actual
            elif actual.event is Event.END and end is None:
                end = actual
            out[actual.path] = (start, end)
        return out


def units(timetable: Timetable, log: ActualLog) -> list[Unit]:
    """What the log tells apart, in agenda order: every item that holds none, except the
    items of a block logged as a whole, which is one unit."""
    times = log.times()
    logged_inside: set[int] = set()  # blocks with something logged below them
    stack: list[tuple[int, int]] = []  # (index, depth) of the open blocks
    slots = list(timetable)
    for k, slot in enumerate(slots):
        while stack and stack[-1][1] >= slot.depth:
            stack.pop()
        if slot.path in times:
            logged_inside.update(index for index, _ in stack)
        if slot.is_block:
            stack.append((k, slot.depth))
    out: list[Unit] = []
    k = 0
    while k < len(slots):
        slot = slots[k]
        stop = k + 1
        while stop < len(slots) and slots[stop].depth > slot.depth:
            stop += 1
        whole = slot.is_block and slot.path in times and k not in logged_inside
        if slot.is_block and not whole:
            k += 1
            continue
        start, end = times.get(slot.path, (None, None))
        leaves = tuple(j for j in range(k, stop) if not slots[j].is_block) or (k,)
        out.append(Unit(slot, k, leaves, start, end))
        k = stop
    return out


def moment_text(utc: int, zone_name: str, day: _dt.date | None = None) -> str:
    """`utc` on the wall clock of `zone_name`: ``14:03``, ``14:03:30`` with seconds,
    with the date in front when it is not `day`."""
    local = wall(utc, zone_name)
    text = local.strftime("%H:%M:%S" if local.second else "%H:%M")
    if day is not None and local.date() != day:
        text = f"{local.date().isoformat()} {text}"
    return text


def _day(slot: Slot, timetable: Timetable) -> _dt.date:
    return wall(slot.start_utc, timetable.zone).date()


def _leaves(data: Mapping[str, Any], keys: tuple[str, ...]) -> Iterator[
        tuple[tuple[str, ...], Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _leaves(value, (*keys, key))
        else:
            yield (*keys, key), value


def _toml_key(key: str) -> str:
    """`key` as a TOML key: bare when it can be, else a quoted string."""
    if _BARE_KEY.fullmatch(key):
        return key
    out = []
    for ch in key:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _instant(value: Any, zone_name: str, planned: int, strict: bool = False) -> _dt.datetime:
    """The aware date-time of `value` (see `Moment`): a wall-clock time on the date,
    of the three around `planned`, that brings it nearest to `planned`."""
    if isinstance(value, str) and not strict:
        text = value.strip()
        try:
            value = (_dt.datetime.fromisoformat(text) if "T" in text or len(text) > 8
                     else _dt.time.fromisoformat(text))
        except ValueError:
            raise ValueError(f'"{value}" is not a time like 14:03 or 14:03:30, nor a '
                             "date-time like 2024-03-13T14:03") from None
    tz = zone(zone_name)
    if isinstance(value, _dt.datetime):
        aware: _dt.datetime = value if value.tzinfo is not None else value.replace(tzinfo=tz)
        return aware.replace(microsecond=0)
    if isinstance(value, _dt.time) and not isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            raise TypeError(f"a wall-clock time has no zone of its own, got {value!r}")
        day = wall(planned, zone_name).date()
        candidates = [_dt.datetime.combine(day + _dt.timedelta(days=d), value, tzinfo=tz)
                      for d in (-1, 0, 1)]
        return min(candidates, key=lambda c: abs(c.timestamp() - planned)).replace(
            microsecond=0)
    raise TypeError(f"an actual time is a time or a date-time, got {value!r}")
