"""What every printed table shows, in words: the meeting header, each slot's cells,
the closing total. The text, Markdown and HTML renderers only lay these out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from .._model import Item, Kind
from .._timetable import Slot, Timetable
from .labels import Labels

__all__ = ["Heading", "groups", "heading", "lines_of", "printable", "remarks", "time_cell",
           "total_line", "with_gaps"]

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@attrs.frozen
class Heading:
    """The meeting header: title, date with weekday, time range, zone and place."""

    title: str
    date: str
    span: str
    zone: str
    place: str | None

    @property
    def when(self) -> str:
        """``2024-03-13(수) 14:00~15:00 (Asia/Seoul)``."""
        return f"{self.date} {self.span} ({self.zone})"


def heading(timetable: Timetable, labels: Labels) -> Heading:
    return Heading(timetable.meeting.title, labels.date(timetable.start),
                   labels.span(timetable.start, timetable.end), timetable.zone,
                   timetable.meeting.location)


def total_line(timetable: Timetable, labels: Labels) -> str:
    """``총 60분 · 14:00~15:00 종료 시각에 맞음``: the total, and whether the timetable
    ends at the end the agenda declares (when it declares one)."""
    total = labels.total.format(minutes=timetable.minutes)
    span = labels.span(timetable.start, timetable.end)
    declared = timetable.meeting.end
    if declared is None:
        return f"{total} · {span}"
    end = timetable.end
    if (end.hour, end.minute, end.second) == (declared.hour, declared.minute, declared.second):
        return f"{total} · {labels.fits.format(span=span, end=end.format('HH:mm'))}"
    return f"{total} · " + labels.misses.format(
        span=span, end=end.format("HH:mm"), declared=declared.strftime("%H:%M"))


def time_cell(slot: Slot, labels: Labels) -> str:
    """``14:07~14:27 ('20)``: a top-level slot's time range and duration."""
    return f"{labels.span(slot.start, slot.end)} {labels.minutes(slot.minutes)}"


def remarks(slot: Slot) -> tuple[str, ...]:
    """The notes cell: presenter, then notes (those that are given)."""
    item = slot.item
    return tuple(text for text in (item.presenter, item.notes) if text)


def with_gaps(timetable: Timetable, labels: Labels) -> list[Slot]:
    """The slots, with a row for each stretch between two top-level items that nothing
    fills (a gap before a fixed time): titled ``빈 시간 15분`` / ``Gap, 15 min``, with
    an empty number and path, so a printed agenda accounts for every minute."""
    out: list[Slot] = []
    cursor = timetable.start_utc
    for slot in timetable:
        if slot.depth == 0:
            if slot.start_utc > cursor:
                minutes = (slot.start_utc - cursor) // 60
                item = Item(labels.gap.format(minutes=minutes), kind=Kind.BREAK)
                out.append(Slot("", 0, (), item, cursor, slot.start_utc, timetable.zone))
            cursor = max(cursor, slot.end_utc)
        out.append(slot)
    return out


def groups(timetable: Iterable[Slot]) -> list[list[Slot]]:
    """The slots cut into groups: a top-level slot followed by its descendants."""
    out: list[list[Slot]] = []
    for slot in timetable:
        if slot.depth == 0 or not out:
            out.append([slot])
        else:
            out[-1].append(slot)
    return out


def printable(text: str) -> str:
    """`text` with control characters other than line breaks and tabs (NUL, BEL, ESC...)
    made spaces, so they never reach a printed file."""
    return _CONTROLS.sub(" ", text)


def lines_of(text: str) -> list[str]:
    """`text` cut at its line breaks (any of ``\\n``, ``\\r\\n``, ``\\r``, ...), each
    line without control characters."""
    return [printable(line) for line in text.splitlines()] or [""]
