"""The words of the report, Korean and English, and how its numbers read."""

from __future__ import annotations

import datetime as _dt

import attrs

from .._words.catalog import known_language
from ._rows import ReportRow, Status

__all__ = ["WORDS", "Words", "words_for"]


@attrs.frozen
class Words:
    """The report's labels in one language. `signed` writes over/under (``{sign}`` and
    ``{minutes}``); `columns` name the table's columns, `csv` the CSV's header row."""

    lang: str
    heading: str
    meeting: str
    never_started: str
    nothing: str
    signed: str
    minutes: str
    range_sep: str
    columns: tuple[str, str, str, str, str, str, str]
    csv: tuple[str, ...]
    status: dict[str, str]

    def over(self, minutes: int | None) -> str:
        """``+5 min`` / ``-2 min`` / ``±0 min`` (``+5분``…); a dash when unknown."""
        if minutes is None:
            return "—"
        sign = "+" if minutes > 0 else "-" if minutes < 0 else "±"
        return self.signed.format(sign=sign, minutes=abs(minutes))

    def duration(self, minutes: int | None) -> str:
        return "—" if minutes is None else self.minutes.format(minutes=minutes)

    def clock(self, moment: _dt.datetime | None, seconds: bool, day: _dt.date) -> str:
        """``14:03`` (``14:03:30`` with `seconds`), with the date when it is not `day`."""
        if moment is None:
            return "—"
        text = moment.strftime("%H:%M:%S" if seconds else "%H:%M")
        return text if moment.date() == day else f"{moment.date().isoformat()} {text}"

    def planned(self, row: ReportRow, day: _dt.date) -> str:
        return (f"{self.clock(row.planned_start, False, day)}{self.range_sep}"
                f"{self.clock(row.planned_end, False, day)}")

    def actual(self, row: ReportRow, seconds: bool, day: _dt.date) -> str:
        if row.status is Status.IN_BLOCK:
            return self.status[Status.IN_BLOCK]
        if row.actual_start is None and row.actual_end is None:
            return self.status[Status.NOT_STARTED]
        return (f"{self.clock(row.actual_start, seconds, day)}{self.range_sep}"
                f"{self.clock(row.actual_end, seconds, day) if row.actual_end else '…'}")


WORDS: dict[str, Words] = {
    "en": Words(
        lang="en", heading="Planned against actual", meeting="Meeting",
        never_started="Never started", nothing="none", signed="{sign}{minutes} min",
        minutes="{minutes} min", range_sep="–",
        columns=("No", "Item", "Planned", "Actual", "Planned min", "Actual min",
                 "Over/under"),
        csv=("no", "title", "depth", "planned_start", "planned_end", "planned_minutes",
             "actual_start", "actual_end", "actual_minutes", "over_minutes", "over_seconds",
             "status"),
        status={Status.DONE: "done", Status.RUNNING: "running",
                Status.NOT_STARTED: "not started", Status.IN_BLOCK: "with its block"}),
    "ko": Words(
        lang="ko", heading="예정 대비 실제", meeting="회의 전체",
        never_started="진행하지 않은 항목", nothing="없음", signed="{sign}{minutes}분",
        minutes="{minutes}분", range_sep="~",
        columns=("번호", "내용", "예정", "실제", "예정(분)", "실제(분)", "차이"),
        csv=("번호", "내용", "깊이", "예정 시작", "예정 종료", "예정(분)", "실제 시작",
             "실제 종료", "실제(분)", "차이(분)", "차이(초)", "상태"),
        status={Status.DONE: "완료", Status.RUNNING: "진행 중",
                Status.NOT_STARTED: "진행 안 함", Status.IN_BLOCK: "상위 항목에 포함"}),
}


def words_for(lang: str) -> Words:
    return WORDS[known_language(lang)]
