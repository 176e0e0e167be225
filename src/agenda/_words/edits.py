"""What the edits say, in Korean and in English: the log of actual times, the moments
an edit names, running late, and the notes of the edit commands.
"""

from __future__ import annotations

__all__ = ["EDITS"]

# code -> {"en": template, "ko": template}; the templates' fields: see `catalog`.
EDITS: dict[str, dict[str, str]] = {
    # -- the log of actual times ----------------------------------------------------------
    "log-syntax": {
        "en": "not a line of a log: {reason}",
        "ko": "로그의 줄로 읽을 수 없습니다: {reason}",
    },
    "log-not-an-event": {
        "en": "not an event; a line of the log reads ITEM.start = 2024-03-13T14:03:00+09:00 "
              "or ITEM.end = …",
        "ko": "이벤트가 아닙니다. 로그의 한 줄은 ITEM.start = 2024-03-13T14:03:00+09:00 또는 "
              "ITEM.end = … 꼴입니다",
    },
    "log-unknown-item": {
        "en": "no item of the agenda is {item:q}",
        "ko": "일정에 {item:q} 항목이 없습니다",
    },
    "log-started-twice": {
        "en": "started twice: at {first}{where_en} and at {second}",
        "ko": "두 번 시작했습니다: {first}{where_ko}와(과) {second}",
    },
    "log-ended-twice": {
        "en": "ended twice: at {first}{where_en} and at {second}",
        "ko": "두 번 끝났습니다: {first}{where_ko}와(과) {second}",
    },
    "log-end-before-start": {
        "en": "ends at {end}, before it starts at {start}",
        "ko": "{start}에 시작했는데 그보다 이른 {end}에 끝납니다",
    },
    "log-end-without-start": {
        "en": "ended at {end}, but the log has no start for it",
        "ko": "{end}에 끝났지만 로그에 시작 시각이 없습니다",
    },
    "log-far-from-plan": {
        "en": "{event_en} {at} is {hours} hours from its planned time {planned}; is it the "
              "log of another day?",
        "ko": "{event_ko} {at}이(가) 예정 시각 {planned}과(와) {hours}시간 떨어져 있습니다. "
              "다른 날의 로그입니까?",
    },
    "log-empty": {
        "en": "the log holds no actual time yet",
        "ko": "로그에 아직 실제 시각이 없습니다",
    },
    "log-all-started": {
        "en": "every item has started (the log reaches {item:q}); nothing is left to re-time",
        "ko": "모든 항목이 이미 시작했습니다 (로그가 {item:q}까지 있습니다). 다시 맞출 항목이 "
              "없습니다",
    },
    # -- edits and running late ---------------------------------------------------------
    "not-a-moment": {
        "en": "{what} {value:q} is not a time like 14:10 or a date-time like "
              "2024-03-13T14:10",
        "ko": "{what} {value:q}은(는) 14:10 같은 시각이나 2024-03-13T14:10 같은 날짜와 "
              "시각이 아닙니다",
    },
    "skipped-moment": {
        "en": "{date} {time} does not exist in {timezone}: the clocks skip it",
        "ko": "{date} {time}은(는) {timezone}에 없는 시각입니다 (시계가 건너뜁니다)",
    },
    "repeated-moment": {
        "en": "{date} {time} occurs twice in {timezone} (the clocks go back); give its UTC "
              "offset: {first} or {second}",
        "ko": "{date} {time}은(는) {timezone}에서 두 번 있습니다 (시계가 되돌아갑니다). UTC "
              "오프셋을 붙이십시오: {first} 또는 {second}",
    },
    "offset-not-in-zone": {
        "en": "{value}: no such time at or after {start} has that UTC offset in {timezone}",
        "ko": "{value}: {start} 이후에 {timezone}에서 그 UTC 오프셋을 쓰는 그런 시각이 "
              "없습니다",
    },
    "nothing-left": {
        "en": "every item has started by {moment} (the meeting runs {start}–{end}); nothing is "
              "left to re-time",
        "ko": "{moment}에는 모든 항목이 이미 시작했습니다 (회의는 {start}~{end}). 다시 맞출 "
              "항목이 없습니다",
    },
    # -- what the edit commands say around their output --------------------------------
    "late-needs-on": {
        "en": "{title:q} is a repeating meeting ({rule}): name the occurrence that runs late "
              "with --on YYYY-MM-DD",
        "ko": "{title:q}은(는) 반복 회의입니다 ({rule}). 늦어진 회차를 --on YYYY-MM-DD로 "
              "지정하십시오",
    },
    "edit-whole-series": {
        "en": "the series changes: every occurrence held as the series holds it (give "
              "--on YYYY-MM-DD to change one occurrence)",
        "ko": "반복 회의 전체가 바뀝니다: 재정의하지 않은 모든 회차 (한 회차만 바꾸려면 "
              "--on YYYY-MM-DD를 주십시오)",
    },
    "edit-occurrence": {
        "en": "only the occurrence of {date} changes (its [[overrides]] entry)",
        "ko": "{date} 회차만 바뀝니다 ([[overrides]] 항목)",
    },
    "edit-refused": {
        "en": "the edit would leave problems the agenda did not have; nothing was written:",
        "ko": "편집하면 원래 없던 문제가 생깁니다. 아무것도 쓰지 않았습니다:",
    },
    "problem-fixed": {
        "en": "fixed: {problem}",
        "ko": "해결됨: {problem}",
    },
    "problem-remains": {
        "en": "remains: {problem}",
        "ko": "남은 문제: {problem}",
    },
}
