"""The words of the published pages, in Korean and in English: the sections a published
folder's index page adds (`SITE`), the live page (`LIVE`, handed to its script) and the
section of a release's page that shows a series (`SERIES`).
Each is an area of the catalog: key -> {"en": text, "ko": text}, read with
`catalog.words_of`.
"""

from __future__ import annotations

__all__ = ["LIVE", "SERIES", "SITE"]

# The index page of a published folder: the feeds to subscribe to (`everything` names the
# whole feed), the releases with their changes, the link to the live page.
SITE: dict[str, dict[str, str]] = {
    "subscribe-head": {"en": "Subscribe", "ko": "캘린더 구독"},
    "subscribe": {"en": "subscribe", "ko": "구독"},
    "download": {"en": "download", "ko": "내려받기"},
    "everything": {"en": "everything", "ko": "전체"},
    "changes-head": {"en": "Changes", "ko": "변경 이력"},
    "first-release": {"en": "first release", "ko": "첫 게시"},
    "no-change": {"en": "no change a subscriber sees", "ko": "구독자에게 보이는 변경 없음"},
    "live": {"en": "Live (live.html)", "ko": "실시간 진행 (live.html)"},
}

# The live page; its script (agenda/_publish/live/live.js) reads them by key.
LIVE: dict[str, dict[str, str]] = {
    "now": {"en": "Now", "ko": "지금"},
    "next": {"en": "Next", "ko": "다음"},
    "meeting": {"en": "Meeting", "ko": "회의 전체"},
    "rest": {"en": "Rest of the day", "ko": "남은 일정"},
    "left": {"en": "left", "ko": "남은 시간"},
    "over_time": {"en": "over time", "ko": "초과"},
    "starts_in": {"en": "until it starts", "ko": "시작까지"},
    "due": {"en": "past its planned start", "ko": "예정 시각 지남"},
    "before": {"en": "The meeting has not started", "ko": "회의 시작 전"},
    "between": {"en": "Nothing is running", "ko": "진행 중인 항목 없음"},
    "ended": {"en": "The meeting has ended", "ko": "회의가 끝났습니다"},
    "nothing_left": {"en": "Nothing more today", "ko": "오늘 남은 일정 없음"},
    "as_planned": {"en": "as planned", "ko": "예정대로"},
    "on_time": {"en": "on time", "ko": "정시"},
    "signed": {"en": "{sign}{minutes} min", "ko": "{sign}{minutes}분"},
    "expected": {"en": "(ends about {end})", "ko": "({end}쯤 종료)"},
    "ended_at": {"en": "(ended {end})", "ko": "({end} 종료)"},
    "range": {"en": "–", "ko": "~"},
    "offline": {
        "en": "Cannot read the timetable right now; showing the last one read.",
        "ko": "지금은 일정을 읽을 수 없어 마지막으로 읽은 일정을 보여 줍니다.",
    },
    "served": {
        "en": "Open this page from a web server (the folder served over HTTP).",
        "ko": "이 페이지는 웹 서버로(폴더를 HTTP로) 열어야 합니다.",
    },
    "bad_at": {
        "en": "?at= is not a date-time like 2024-03-13T14:20:00; the clock runs.",
        "ko": "?at=이 2024-03-13T14:20:00 같은 일시가 아니어서 시계가 그대로 갑니다.",
    },
}

# The section of a release's page that shows a series; `sep` joins a time range.
SERIES: dict[str, dict[str, str]] = {
    "head": {"en": "Repeats", "ko": "반복 일정"},
    "rule": {"en": "Repeats", "ko": "반복"},
    "only_extra": {"en": "held on the dates below only", "ko": "아래 날짜에만 열립니다"},
    "skip": {"en": "Skipped dates", "ko": "건너뛰는 날짜"},
    "extra": {"en": "Extra dates", "ko": "추가 날짜"},
    "next": {"en": "Next meetings", "ko": "다음 회의"},
    "none_next": {"en": "no meeting is left", "ko": "남은 회의가 없습니다"},
    "changed": {"en": "Changed meetings", "ko": "바뀐 회의"},
    "marked": {"en": " (changed)", "ko": " (바뀐 회의)"},
    "sep": {"en": "–", "ko": "~"},
}
