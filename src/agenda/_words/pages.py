"""The words of the published pages, in Korean and in English: the live page (`LIVE`,
handed to its script) and the section of a release's page that shows a series (`SERIES`).
"""

from __future__ import annotations

__all__ = ["LIVE", "SERIES"]

LIVE: dict[str, dict[str, str]] = {
    "en": {"now": "Now", "next": "Next", "meeting": "Meeting", "rest": "Rest of the day",
           "left": "left", "over_time": "over time", "starts_in": "until it starts",
           "due": "past its planned start", "before": "The meeting has not started",
           "between": "Nothing is running", "ended": "The meeting has ended",
           "nothing_left": "Nothing more today", "as_planned": "as planned",
           "on_time": "on time", "signed": "{sign}{minutes} min",
           "expected": "(ends about {end})", "ended_at": "(ended {end})", "range": "–",
           "offline": "Cannot read the timetable right now; showing the last one read.",
           "served": "Open this page from a web server (the folder served over HTTP).",
           "bad_at": "?at= is not a date-time like 2024-03-13T14:20:00; the clock runs."},
    "ko": {"now": "지금", "next": "다음", "meeting": "회의 전체", "rest": "남은 일정",
           "left": "남은 시간", "over_time": "초과", "starts_in": "시작까지",
           "due": "예정 시각 지남", "before": "회의 시작 전",
           "between": "진행 중인 항목 없음", "ended": "회의가 끝났습니다",
           "nothing_left": "오늘 남은 일정 없음", "as_planned": "예정대로",
           "on_time": "정시", "signed": "{sign}{minutes}분",
           "expected": "({end}쯤 종료)", "ended_at": "({end} 종료)", "range": "~",
           "offline": "지금은 일정을 읽을 수 없어 마지막으로 읽은 일정을 보여 줍니다.",
           "served": "이 페이지는 웹 서버로(폴더를 HTTP로) 열어야 합니다.",
           "bad_at": "?at=이 2024-03-13T14:20:00 같은 일시가 아니어서 시계가 그대로 갑니다."},
}

SERIES = {
    "ko": {"head": "반복 일정", "rule": "반복", "only_extra": "아래 날짜에만 열립니다",
           "skip": "건너뛰는 날짜", "extra": "추가 날짜", "next": "다음 회의",
           "none_next": "남은 회의가 없습니다", "changed": "바뀐 회의",
           "marked": " (바뀐 회의)", "sep": "~"},
    "en": {"head": "Repeats", "rule": "Repeats", "only_extra": "held on the dates below only",
           "skip": "Skipped dates", "extra": "Extra dates", "next": "Next meetings",
           "none_next": "no meeting is left", "changed": "Changed meetings",
           "marked": " (changed)", "sep": "–"},
}
