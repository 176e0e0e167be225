"""The words and number formats of the printed tables, one frozen `Labels` per language.

A new language is one more entry in `LABELS`; every table format (and the CLI's
``--lang`` choices) picks it up from there.
"""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum

from .._problems import AgendaError

__all__ = ["LABELS", "Labels", "UnknownLanguage", "labels_for"]


@attrs.frozen
class Labels:
    """The labels of one language.

    Templates are `str.format` patterns: `duration` takes ``{minutes}``; `day` takes
    ``{date}`` (ISO) and ``{weekday}``; `total` takes ``{minutes}``; `fits` takes
    ``{span}`` and ``{end}``; `misses` takes ``{span}``, ``{end}`` and ``{declared}``.
    `weekdays` start on Monday. `csv_columns` name the nine CSV columns, `csv_rooms`
    the three added for meetings with days or rooms (date, room, track); `room`
    labels an item's room in the notes. `gap` names a row of time that nothing fills
    (``{minutes}``).
    """

    lang: str
    category: str
    time: str
    item: str
    notes: str
    when: str
    place: str
    weekdays: tuple[str, str, str, str, str, str, str]
    range_sep: str
    duration: str
    day: str
    total: str
    fits: str
    misses: str
    csv_columns: tuple[str, str, str, str, str, str, str, str, str]
    room: str = "Room"
    csv_rooms: tuple[str, str, str] = ("date", "room", "track")
    gap: str = "Gap, {minutes} min"

    def span(self, start: pendulum.DateTime, end: pendulum.DateTime,
             day: _dt.date | None = None) -> str:
        """``14:00~14:02`` (ko) or ``14:00–14:02`` (en); an end on a later day than the
        start carries its date (``23:30~2024-03-14(목) 00:30``), and so does a start
        after midnight of its programme's `day`."""
        until = end.format("HH:mm")
        if end.date() != start.date():
            until = f"{self.date(end)} {until}"
        begin = start.format("HH:mm")
        if day is not None and start.date() != day:
            begin = f"{self.date(start)} {begin}"
        return f"{begin}{self.range_sep}{until}"

    def minutes(self, minutes: int) -> str:
        """``('2)`` (ko) or ``(2 min)`` (en)."""
        return self.duration.format(minutes=minutes)

    def date(self, when: pendulum.DateTime) -> str:
        """``2024-03-13(수)`` (ko) or ``Wed 2024-03-13`` (en)."""
        weekday = self.weekdays[when.isoweekday() - 1]
        return self.day.format(date=when.date().isoformat(), weekday=weekday)


LABELS: dict[str, Labels] = {
    "ko": Labels(
        lang="ko",
        category="구분",
        time="시간",
        item="내용",
        notes="비고",
        when="일시",
        place="장소",
        weekdays=("월", "화", "수", "목", "금", "토", "일"),
        range_sep="~",
        duration="('{minutes})",
        day="{date}({weekday})",
        total="총 {minutes}분",
        fits="{span} 종료 시각에 맞음",
        misses="{span} · 예정 종료 {declared}와 다름",
        csv_columns=("번호", "구분", "시작", "종료", "분", "깊이", "내용", "발표자", "비고"),
        room="장소",
        csv_rooms=("날짜", "장소", "트랙"),
        gap="빈 시간 {minutes}분",
    ),
    "en": Labels(
        lang="en",
        category="Category",
        time="Time",
        item="Item",
        notes="Notes",
        when="When",
        place="Place",
        weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        range_sep="–",
        duration="({minutes} min)",
        day="{weekday} {date}",
        total="Total {minutes} min",
        fits="ends at {end} as declared",
        misses="ends at {end}, not at {declared} as declared",
        csv_columns=("no", "category", "start", "end", "minutes", "depth", "title",
                     "presenter", "notes"),
        gap="Gap, {minutes} min",
    ),
}


class UnknownLanguage(AgendaError, ValueError):
    """A table was asked for in a language that has no labels; `lang` is the name given."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.known = tuple(sorted(LABELS))
        super().__init__(f"unknown language {lang!r}; known languages: {', '.join(self.known)}")


def labels_for(lang: str) -> Labels:
    """The labels of `lang` (``"ko"``, ``"en"``); `UnknownLanguage` for any other."""
    try:
        return LABELS[lang]
    except KeyError:
        raise UnknownLanguage(lang) from None
