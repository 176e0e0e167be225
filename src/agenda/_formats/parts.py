"""What every printed table shows, in words: the meeting header, each slot's cells,
the closing total. The text, Markdown and HTML renderers only lay these out.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

import attrs

from .._links import Link, links_of
from .._model import Item, Kind, Meeting
from .._time import midnight, wall
from .._timetable import DaySpan, Slot, Timetable
from .._words.labels import Labels

__all__ = ["Heading", "day_heading", "groups", "heading", "lines_of", "link_facts",
           "link_label", "link_lines", "printable", "remarks", "slot_span", "time_cell",
           "time_parts", "total_line", "with_gaps"]

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
        if not self.span:
            return f"{self.date} ({self.zone})"
        return f"{self.date} {self.span} ({self.zone})"


def heading(timetable: Timetable, labels: Labels) -> Heading:
    if timetable.meeting.days:
        first, last = (_midnight(timetable, day) for day in
                       (timetable.days[0], timetable.days[-1]))
        span = labels.date(first)
        if last.date() != first.date():
            span += f" – {labels.date(last)}"
        return Heading(timetable.meeting.title, span, "", timetable.zone,
                       timetable.meeting.location)
    return Heading(timetable.meeting.title, labels.date(timetable.start),
                   labels.span(timetable.start, timetable.end), timetable.zone,
                   timetable.meeting.location)


def total_line(timetable: Timetable, labels: Labels) -> str:
    """``총 60분 · 14:00~15:00 종료 시각에 맞음``: the total, and whether the timetable
    ends at the end the agenda declares (when it declares one)."""
    if timetable.meeting.days:
        return labels.total.format(minutes=timetable.minutes)
    total = labels.total.format(minutes=timetable.minutes)
    span = labels.span(timetable.start, timetable.end)
    declared = timetable.meeting.end
    if declared is None:
        return f"{total} · {span}"
    end = timetable.end
    until = end.strftime("%H:%M")
    if (end.hour, end.minute, end.second) == (declared.hour, declared.minute, declared.second):
        return f"{total} · {labels.fits.format(span=span, end=until)}"
    return f"{total} · " + labels.misses.format(span=span, end=until,
                                                declared=declared.strftime("%H:%M"))


def slot_span(slot: Slot, labels: Labels) -> str:
    """The slot's time range; in a meeting held over days, a start after midnight of
    its day's date carries its date."""
    return labels.span(wall(slot.start_utc, slot.zone), wall(slot.end_utc, slot.zone), slot.date)


def time_parts(slot: Slot, labels: Labels) -> tuple[str, str]:
    """A top-level slot's time range and duration: ``14:07~14:27`` and ``('20)``."""
    return slot_span(slot, labels), labels.minutes(slot.minutes)


def time_cell(slot: Slot, labels: Labels) -> str:
    """``14:07~14:27 ('20)``: a top-level slot's time range and duration."""
    return " ".join(time_parts(slot, labels))


def remarks(slot: Slot, labels: Labels | None = None) -> tuple[str, ...]:
    """The notes cell: the room (with `labels`, for an item of a parallel track or one
    that names its room), presenter, then notes (those that are given)."""
    item = slot.item
    texts = tuple(text for text in (item.presenter, item.notes) if text)
    if labels is not None and slot.room is not None and (
            slot.track is not None or item.room is not None):
        return (f"{labels.room}: {slot.room}", *texts)
    return texts


def link_label(link: Link, labels: Labels) -> str:
    """What a table writes before a link: ``링크``, ``온라인 참여`` or ``자료``."""
    return {"url": labels.link, "online": labels.online}.get(link.kind, labels.material)


def link_facts(value: Item | Meeting, labels: Labels) -> list[tuple[str, str]]:
    """The links `value` gives itself as (label, text) pairs: ``("링크", "https://…")``,
    ``("자료", "슬라이드 <https://…>")``."""
    return [(link_label(link, labels),
             link.url if link.title is None else f"{link.title} <{link.url}>")
            for link in links_of(value)]


def link_lines(value: Item | Meeting, labels: Labels) -> list[str]:
    """The links `value` gives itself as the plain-text tables list them, one a line:
    ``링크: https://…``, ``온라인 참여: https://…``, ``자료: 슬라이드 <https://…>``."""
    return [f"{label}: {text}" for label, text in link_facts(value, labels)]


def _midnight(timetable: Timetable, day: DaySpan) -> _dt.datetime:
    return midnight(day.date, timetable.zone)


def day_heading(timetable: Timetable, day: DaySpan, labels: Labels) -> str:
    """``2024-05-20(월) 09:00~14:45``: a day's date with weekday and its time range."""
    start = wall(day.start_utc, timetable.zone)
    end = wall(day.end_utc, timetable.zone)
    return f"{labels.date(_midnight(timetable, day))} {labels.span(start, end)}"


def with_gaps(timetable: Timetable, labels: Labels) -> list[Slot]:
    """The slots, with a row for each stretch between two top-level items that nothing
    fills (a gap before a fixed time): titled ``빈 시간 15분`` / ``Gap, 15 min``, with
    an empty number and path, so a printed agenda accounts for every minute."""
    if timetable.meeting.days:  # days and tracks keep their own rows
        return list(timetable)
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
    if text.isprintable():  # no line break, no control character: most texts
        return [text]
    return [printable(line) for line in text.splitlines()] or [""]
