"""The words and number formats of the printed tables, one frozen `Labels` per language.

A new language is one more entry in `LABELS`; every table format (and the CLI's
``--lang`` choices) picks it up from there.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from .._time import offset_text, other_fold
from .catalog import UnknownLanguage, known_language

__all__ = ["LABELS", "Labels", "UnknownLanguage", "labels_for", "zone_marks"]


@attrs.frozen
class Labels:
    """The labels of one language.

    Templates are `str.format` patterns: `duration` takes ``{minutes}``; `day` takes
    ``{date}`` (ISO) and ``{weekday}``; `total` takes ``{minutes}``; `fits` takes
    ``{span}`` and ``{end}``; `misses` takes ``{span}``, ``{end}`` and ``{declared}``.
    `weekdays` start on Monday. `csv_columns` name the nine CSV columns, `csv_rooms`
    the three added for meetings with days or rooms (date, room, track); `room`
    labels an item's room in the notes. `gap` names a row of time that nothing fills
    (``{minutes}``). `link`, `online` and `material` label a page, a join link and a
    material where a table lists them; `csv_links` name the three columns added for a
    meeting with links (url, online, materials).
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
    link: str = "Link"
    online: str = "Join online"
    material: str = "Material"
    csv_links: tuple[str, str, str] = ("url", "online", "materials")

    def span(self, start: _dt.datetime, end: _dt.datetime, day: _dt.date | None = None
             ) -> str:
        """``14:00~14:02`` (ko) or ``14:00–14:02`` (en); an end on a later day than the
        start carries its date (``23:30~2024-03-14(목) 00:30``), and so does a start
        after midnight of its programme's `day`. Where the wall clock jumps or repeats
        (a clock change inside the range, or a time of the repeated hour), both ends
        name their zone: ``01:30 EDT~01:10 EST``."""
        begin = f"{start.hour:02d}:{start.minute:02d}"
        until = f"{end.hour:02d}:{end.minute:02d}"
        marks = zone_marks(start, end)
        if marks is not None:
            begin, until = f"{begin} {marks[0]}", f"{until} {marks[1]}"
        if end.date() != start.date():
            until = f"{self.date(end)} {until}"
        if day is not None and start.date() != day:
            begin = f"{self.date(start)} {begin}"
        return f"{begin}{self.range_sep}{until}"

    def minutes(self, minutes: int) -> str:
        """``('2)`` (ko) or ``(2 min)`` (en)."""
        return self.duration.format(minutes=minutes)

    def date(self, when: _dt.datetime) -> str:
        """``2024-03-13(수)`` (ko) or ``Wed 2024-03-13`` (en)."""
        weekday = self.weekdays[when.isoweekday() - 1]
        return self.day.format(date=when.date().isoformat(), weekday=weekday)


def zone_marks(start: _dt.datetime, end: _dt.datetime) -> tuple[str, str] | None:
    """What to print after the two ends of a range whose wall clock jumps or repeats:
    the zone's abbreviations when they tell the two sides apart (``EDT``, ``EST``),
    else the UTC offsets (``+04:00``); None for an ordinary range."""
    folds = (other_fold(start), other_fold(end))
    if start.utcoffset() == end.utcoffset() and folds == (None, None):
        return None
    names = (start.tzname() or "", end.tzname() or "")
    telling = all(name and name[0] not in "+-" for name in names)
    if start.utcoffset() != end.utcoffset() and names[0] == names[1]:
        telling = False
    for other, name in zip(folds, names, strict=True):
        if other is not None and other.tzname() == name:
            telling = False
    if telling:
        return names
    return offset_text(start), offset_text(end)


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
        link="링크",
        online="온라인 참여",
        material="자료",
        csv_links=("링크", "온라인", "자료"),
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


def labels_for(lang: str) -> Labels:
    """The labels of `lang` (``"ko"``, ``"en"``); `UnknownLanguage` for any other."""
    return LABELS[known_language(lang)]
