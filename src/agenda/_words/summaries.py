"""What agenda says about a change to an agenda and about a meeting as it runs, in Korean
and in English: the lines of a diff (`DIFF`), of running late (`LATE`), of re-timing from
the log of actual times (`FROM_LOG`) and of an event logged (`LOGGED`).
"""

from __future__ import annotations

__all__ = ["DIFF", "FROM_LOG", "LATE", "LOGGED"]

DIFF: dict[str, dict[str, str]] = {
    "ko": {"sep": "~", "minutes": "{old}분 → {new}분", "meeting": "회의",
           "added": "{title}: 추가 ({number}, {span}, {minutes}분)",
           "removed": "{title}: 삭제 ({number}, {span}, {minutes}분)",
           "moved": "{title}: 순서 변경 {old} → {new}",
           "retimed": "{title}: {old} → {new}",
           "renamed": "{title}: 제목 변경 \u201c{old}\u201d → \u201c{new}\u201d",
           "presenter": "{title}: 발표자 변경 {old} → {new}",
           "notes": "{title}: 비고 변경 {old} → {new}",
           "location": "{title}: 장소 변경 {old} → {new}",
           "rule": "{title}: 반복 규칙 변경 {old} → {new}",
           "skip": "{title}: 건너뛰는 날짜 변경 {old} → {new}",
           "extra": "{title}: 추가 날짜 변경 {old} → {new}",
           "held": "{title}: 추가 개최 ({span}, {minutes}분)",
           "cancelled": "{title}: 취소 ({span}, {minutes}분)",
           "none": "(없음)"},
    "en": {"sep": "–", "minutes": "{old} → {new} min", "meeting": "Meeting",
           "added": "{title}: added ({number}, {span}, {minutes} min)",
           "removed": "{title}: removed ({number}, {span}, {minutes} min)",
           "moved": "{title}: moved {old} → {new}",
           "retimed": "{title}: {old} → {new}",
           "renamed": "{title}: renamed \u201c{old}\u201d → \u201c{new}\u201d",
           "presenter": "{title}: presenter {old} → {new}",
           "notes": "{title}: notes {old} → {new}",
           "location": "{title}: location {old} → {new}",
           "rule": "{title}: repeat rule {old} → {new}",
           "skip": "{title}: skipped dates {old} → {new}",
           "extra": "{title}: extra dates {old} → {new}",
           "held": "{title}: held ({span}, {minutes} min)",
           "cancelled": "{title}: cancelled ({span}, {minutes} min)",
           "none": "(none)"},
}

LATE = {
    "ko": {"meeting": "회의 전체 ({date})", "meeting_day": "회의 {day}일차 ({date})",
           "row": "{name}: 종료 {planned} → {new} ({over})",
           "on_time": "정시", "late": "{m}분 늦음", "early": "{m}분 이름",
           "cut": "{name}: {planned}분 → {new}분 ({cut}분 줄임)",
           "holds": "예정된 종료 시각을 지킵니다",
           "on": "{date} 회차만 바꿉니다 (반복 회의의 [[overrides]] 항목)",
           "overruns": "예정된 종료 시각보다 {minutes}분 늦게 끝납니다"},
    "en": {"meeting": "Meeting ({date})", "meeting_day": "Meeting, day {day} ({date})",
           "row": "{name}: ends {planned} → {new} ({over})",
           "on_time": "on time", "late": "{m} min late", "early": "{m} min early",
           "cut": "{name}: {planned} → {new} min ({cut} min cut)",
           "holds": "the planned end still holds",
           "on": "only the occurrence of {date} changes (its [[overrides]] entry)",
           "overruns": "the meeting now overruns its planned end by {minutes} min"},
}

FROM_LOG = {
    "en": {"head": "re-timed from the actual times of {source}",
           "ended": '{item} ended at {at}{line}',
           "running": '{item} started at {at}{line} and runs its planned {minutes} min '
                      "to {end}",
           "retimed": "so the rest of the day starts at {moment} with {first}",
           "early": "before {first} is planned ({planned}): nothing moved",
           "line": " (line {line})", "the log": "the log", "then": "; "},
    "ko": {"head": "{source}의 실제 시각으로 다시 잡은 일정",
           "ended": "{item} {at} 종료{line}",
           "running": "{item} {at} 시작{line}, 예정대로 {minutes}분 진행하면 {end} 종료",
           "retimed": "남은 일정은 {moment}에 {first}부터 시작합니다",
           "early": "{first}의 예정 시각({planned})보다 이르므로 옮긴 항목이 없습니다",
           "line": " ({line}행)", "the log": "로그", "then": ". "},
}

LOGGED = {
    "en": {"start": "logged: {item} started at {at}{where}",
           "end": "logged: {item} ended at {at}{where}"},
    "ko": {"start": "기록: {item} {at} 시작{where}",
           "end": "기록: {item} {at} 종료{where}"},
}
