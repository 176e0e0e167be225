"""What the outputs and the other commands say, in Korean and in English: the schedule,
the published folder, the occurrences of a series, `check` and `diff` (`COMMANDS`), and
what a line of theirs starts with (`HEADS`).
"""

from __future__ import annotations

__all__ = ["COMMANDS", "HEADS"]

# code -> {"en": template, "ko": template}; the templates' fields: see `catalog`.
COMMANDS: dict[str, dict[str, str]] = {
    # -- outputs ----------------------------------------------------------------------------
    "schedule-too-long": {
        "en": "item {number} {title:q} lasts {minutes:min} ({duration}), more than the "
              "{most} an event of the schedule XML can say; write --format json (its events "
              "carry their end) or split the item",
        "ko": "항목 {number} {title:q}은(는) {minutes:min}({duration})으로, 일정 XML의 행사 "
              "하나가 나타낼 수 있는 {most}보다 깁니다. --format json으로 쓰거나(행사의 끝 "
              "시각을 담습니다) 항목을 나누십시오",
    },
    "other-meeting": {
        "en": "this folder publishes the meeting {key:q}, and the spec's id is {id:q}; give "
              "it id = {key:q} to publish it here as the same meeting (its subscribers keep "
              "their events), or publish it into another folder",
        "ko": "이 폴더는 회의 {key:q}를 게시하는데 명세의 id는 {id:q}입니다. 같은 회의로 여기에 "
              "게시하려면 id = {key:q}로 하고(구독자의 일정이 유지됩니다), 아니면 다른 폴더에 "
              "게시하십시오",
    },
    "bad-base-url": {
        "en": "the base URL {url:q} is not an http or https address like "
              "https://example.org/council/",
        "ko": "기본 URL {url:q}은(는) https://example.org/council/ 같은 http 또는 https "
              "주소가 아닙니다",
    },
    "stdin-twice": {
        "en": "standard input can be read only once: give a file for OLD or NEW (at most one "
              "of them may be -)",
        "ko": "표준 입력은 한 번만 읽을 수 있습니다. OLD나 NEW 중 하나는 파일로 주십시오 "
              "(- 는 하나만 쓸 수 있습니다)",
    },
    "feed-items-cancelled": {
        "en": "the previous feed has {count} item event(s); without --items they are "
              "cancelled",
        "ko": "이전 피드에 항목 이벤트가 {count}개 있습니다. --items 없이는 취소됩니다",
    },
    "feed-now-earlier": {
        "en": "--now {now} is earlier than the previous feed's latest stamp {latest}; "
              "changed events are stamped the second after it",
        "ko": "--now {now}은(는) 이전 피드의 가장 늦은 기록 시각 {latest}보다 이릅니다. "
              "바뀐 이벤트에는 그 1초 뒤 시각이 기록됩니다",
    },
    "feed-replacing": {
        "en": "replacing the feed of {title:q}; its events are cancelled",
        "ko": "{title:q}의 피드를 대신합니다. 그 이벤트는 취소됩니다",
    },
    "occurrence-skipped": {
        "en": "{date} ({weekday}) skipped",
        "ko": "{date} ({weekday}) 건너뜀",
    },
    "occurrence-holiday": {
        "en": "{date} ({weekday}) skipped: public holiday, {name}",
        "ko": "{date} ({weekday}) 건너뜀: 공휴일, {name}",
    },
    # -- what the commands say around their output ---------------------------------------
    "check-ok": {
        "en": "ok: {title:q} {date} ({day}) {start}–{end} {zone}, {count} items, {minutes:min}",
        "ko": "ok: {title:q} {date} ({day}) {start}~{end} {zone}, 항목 {count}개, {minutes:min}",
    },
    "check-ok-days": {
        "en": "ok: {title:q} {first} – {last} {zone}, {days} days, {count} items, "
              "{minutes:min}",
        "ko": "ok: {title:q} {first} ~ {last} {zone}, {days}일, 항목 {count}개, {minutes:min}",
    },
    "occurrences-endless": {
        "en": "note: the repeat rule has no end; the first {most} occurrences are listed "
              "(--limit N lists more)",
        "ko": "참고: 반복 규칙에 끝이 없어 처음 {most}회만 보입니다 (--limit N으로 더 볼 수 "
              "있습니다)",
    },
    "occurrences-more": {
        "en": "note: more occurrences follow; the first {most} are listed (--limit N lists "
              "more)",
        "ko": "참고: 뒤에 반복이 더 있습니다. 처음 {most}회만 보입니다 (--limit N으로 더 볼 "
              "수 있습니다)",
    },
    "not-valid": {
        "en": "{name} is not a valid agenda ({count} problem(s)); it is compared as laid out",
        "ko": "{name}은(는) 유효한 일정이 아닙니다 (문제 {count}개). 배치된 대로 비교합니다",
    },
    "cannot-compare": {
        "en": "{name} is not a valid agenda and cannot be laid out to compare:",
        "ko": "{name}은(는) 유효한 일정이 아니어서 비교할 수 있게 배치할 수 없습니다:",
    },
    "no-change": {
        "en": "no change",
        "ko": "변경 없음",
    },
}

# What a line starts with: an error, a warning or a note, the line of the input it is
# about, the meeting it is about.
HEADS: dict[str, dict[str, str]] = {
    "error": {"en": "error: ", "ko": "오류: "},
    "warning": {"en": "warning: ", "ko": "경고: "},
    "note": {"en": "note: ", "ko": "참고: "},
    "line": {"en": "line {line}: ", "ko": "{line}행: "},
    "meeting": {"en": 'meeting "{title}": ', "ko": '회의 "{title}": '},
}
