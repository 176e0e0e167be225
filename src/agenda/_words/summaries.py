"""What agenda says about a change to an agenda and about a meeting as it runs, in Korean
and in English: the lines of a diff (`DIFF`), of running late (`LATE`), of re-timing from
the log of actual times (`FROM_LOG`), of an event logged (`LOGGED`), and the planned
against actual report (`REPORT`). Each is an area of the catalog:
key -> {"en": text, "ko": text}, read with `catalog.words_of`.
"""

from __future__ import annotations

__all__ = ["DIFF", "FROM_LOG", "LATE", "LOGGED", "REPORT"]

# A change of the agenda, one line each (`Change.text`); `sep` joins a time range.
DIFF: dict[str, dict[str, str]] = {
    "sep": {"en": "–", "ko": "~"},
    "minutes": {"en": "{old} → {new} min", "ko": "{old}분 → {new}분"},
    "meeting": {"en": "Meeting", "ko": "회의"},
    "added": {
        "en": "{title}: added ({number}, {span}, {minutes} min)",
        "ko": "{title}: 추가 ({number}, {span}, {minutes}분)",
    },
    "removed": {
        "en": "{title}: removed ({number}, {span}, {minutes} min)",
        "ko": "{title}: 삭제 ({number}, {span}, {minutes}분)",
    },
    "moved": {"en": "{title}: moved {old} → {new}", "ko": "{title}: 순서 변경 {old} → {new}"},
    "retimed": {"en": "{title}: {old} → {new}", "ko": "{title}: {old} → {new}"},
    "renamed": {
        "en": "{title}: renamed \u201c{old}\u201d → \u201c{new}\u201d",
        "ko": "{title}: 제목 변경 \u201c{old}\u201d → \u201c{new}\u201d",
    },
    "presenter": {
        "en": "{title}: presenter {old} → {new}",
        "ko": "{title}: 발표자 변경 {old} → {new}",
    },
    "notes": {"en": "{title}: notes {old} → {new}", "ko": "{title}: 비고 변경 {old} → {new}"},
    "location": {"en": "{title}: location {old} → {new}", "ko": "{title}: 장소 변경 {old} → {new}"},
    "rule": {
        "en": "{title}: repeat rule {old} → {new}",
        "ko": "{title}: 반복 규칙 변경 {old} → {new}",
    },
    "skip": {
        "en": "{title}: skipped dates {old} → {new}",
        "ko": "{title}: 건너뛰는 날짜 변경 {old} → {new}",
    },
    "extra": {
        "en": "{title}: extra dates {old} → {new}",
        "ko": "{title}: 추가 날짜 변경 {old} → {new}",
    },
    "held": {
        "en": "{title}: held ({span}, {minutes} min)",
        "ko": "{title}: 추가 개최 ({span}, {minutes}분)",
    },
    "cancelled": {
        "en": "{title}: cancelled ({span}, {minutes} min)",
        "ko": "{title}: 취소 ({span}, {minutes}분)",
    },
    "none": {"en": "(none)", "ko": "(없음)"},
}

# Running late (`LateResult.summary`): the meeting's and each block's end, the cuts.
LATE: dict[str, dict[str, str]] = {
    "meeting": {"en": "Meeting ({date})", "ko": "회의 전체 ({date})"},
    "meeting_day": {"en": "Meeting, day {day} ({date})", "ko": "회의 {day}일차 ({date})"},
    "row": {
        "en": "{name}: ends {planned} → {new} ({over})",
        "ko": "{name}: 종료 {planned} → {new} ({over})",
    },
    "on_time": {"en": "on time", "ko": "정시"},
    "late": {"en": "{m} min late", "ko": "{m}분 늦음"},
    "early": {"en": "{m} min early", "ko": "{m}분 이름"},
    "cut": {
        "en": "{name}: {planned} → {new} min ({cut} min cut)",
        "ko": "{name}: {planned}분 → {new}분 ({cut}분 줄임)",
    },
    "holds": {"en": "the planned end still holds", "ko": "예정된 종료 시각을 지킵니다"},
    "on": {
        "en": "only the occurrence of {date} changes (its [[overrides]] entry)",
        "ko": "{date} 회차만 바꿉니다 (반복 회의의 [[overrides]] 항목)",
    },
    "overruns": {
        "en": "the meeting now overruns its planned end by {minutes} min",
        "ko": "예정된 종료 시각보다 {minutes}분 늦게 끝납니다",
    },
}

# Re-timing from the log (`LateFromLog.note`): the actual time used, what moved.
FROM_LOG: dict[str, dict[str, str]] = {
    "head": {
        "en": "re-timed from the actual times of {source}",
        "ko": "{source}의 실제 시각으로 다시 잡은 일정",
    },
    "ended": {"en": "{item} ended at {at}{line}", "ko": "{item} {at} 종료{line}"},
    "running": {
        "en": "{item} started at {at}{line} and runs its planned {minutes} min to {end}",
        "ko": "{item} {at} 시작{line}, 예정대로 {minutes}분 진행하면 {end} 종료",
    },
    "retimed": {
        "en": "so the rest of the day starts at {moment} with {first}",
        "ko": "남은 일정은 {moment}에 {first}부터 시작합니다",
    },
    "early": {
        "en": "before {first} is planned ({planned}): nothing moved",
        "ko": "{first}의 예정 시각({planned})보다 이르므로 옮긴 항목이 없습니다",
    },
    "line": {"en": " (line {line})", "ko": " ({line}행)"},
    "the log": {"en": "the log", "ko": "로그"},
    "then": {"en": "; ", "ko": ". "},
}

# An event of the log, as `agenda log` confirms it (`ActualLog.said`).
LOGGED: dict[str, dict[str, str]] = {
    "start": {"en": "logged: {item} started at {at}{where}", "ko": "기록: {item} {at} 시작{where}"},
    "end": {"en": "logged: {item} ended at {at}{where}", "ko": "기록: {item} {at} 종료{where}"},
}

# The planned against actual report: its heading and labels, the columns of its table
# (`column-*`), the header row of its CSV (`csv-*`) and where an item stands (`status-*`).
REPORT: dict[str, dict[str, str]] = {
    "heading": {"en": "Planned against actual", "ko": "예정 대비 실제"},
    "meeting": {"en": "Meeting", "ko": "회의 전체"},
    "never_started": {"en": "Never started", "ko": "진행하지 않은 항목"},
    "nothing": {"en": "none", "ko": "없음"},
    "signed": {"en": "{sign}{minutes} min", "ko": "{sign}{minutes}분"},
    "minutes": {"en": "{minutes} min", "ko": "{minutes}분"},
    "range_sep": {"en": "–", "ko": "~"},
    "column-no": {"en": "No", "ko": "번호"},
    "column-item": {"en": "Item", "ko": "내용"},
    "column-planned": {"en": "Planned", "ko": "예정"},
    "column-actual": {"en": "Actual", "ko": "실제"},
    "column-planned-minutes": {"en": "Planned min", "ko": "예정(분)"},
    "column-actual-minutes": {"en": "Actual min", "ko": "실제(분)"},
    "column-over": {"en": "Over/under", "ko": "차이"},
    "csv-no": {"en": "no", "ko": "번호"},
    "csv-title": {"en": "title", "ko": "내용"},
    "csv-depth": {"en": "depth", "ko": "깊이"},
    "csv-planned_start": {"en": "planned_start", "ko": "예정 시작"},
    "csv-planned_end": {"en": "planned_end", "ko": "예정 종료"},
    "csv-planned_minutes": {"en": "planned_minutes", "ko": "예정(분)"},
    "csv-actual_start": {"en": "actual_start", "ko": "실제 시작"},
    "csv-actual_end": {"en": "actual_end", "ko": "실제 종료"},
    "csv-actual_minutes": {"en": "actual_minutes", "ko": "실제(분)"},
    "csv-over_minutes": {"en": "over_minutes", "ko": "차이(분)"},
    "csv-over_seconds": {"en": "over_seconds", "ko": "차이(초)"},
    "csv-status": {"en": "status", "ko": "상태"},
    "status-done": {"en": "done", "ko": "완료"},
    "status-running": {"en": "running", "ko": "진행 중"},
    "status-not-started": {"en": "not started", "ko": "진행 안 함"},
    "status-in-block": {"en": "with its block", "ko": "상위 항목에 포함"},
}
