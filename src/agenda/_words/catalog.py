"""The message catalog: what each problem code says, in Korean and in English.

Messages are data: one `str.format` template per code and language, filled from the
problem's facts. A field may name how its value reads (the format spec):

* ``{minutes:min}``: a number of minutes (``5 min`` / ``5분``);
* ``{expected:weekday}``: an ISO weekday number (``Wednesday`` / ``수요일``);
* ``{title:q}``: a text in quotes, control characters escaped;
* ``{keys:list}``: a list of names, comma-separated;
* ``{rule:rule}``: a repeat rule as the head of a message (``repeat rule "..." :``),
  nothing when it is empty (a series of ``extra`` dates alone).

Clock times are facts already written without words (``14:00``, ``2024-03-14 00:30``,
``01:30 (UTC-04:00)``), so both languages show them as they are.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["LANGUAGES", "MESSAGES", "Fact", "escape_controls", "render_message", "where_text"]

Fact = int | float | str | bool | None | tuple[str, ...] | list[str]
LANGUAGES = ("en", "ko")

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ko": ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"),
}

# code -> {"en": template, "ko": template}
MESSAGES: dict[str, dict[str, str]] = {
    # -- the meeting --------------------------------------------------------------------
    "empty-title": {
        "en": "{what_en} has no title",
        "ko": "{what_ko}에 제목이 없습니다",
    },
    "empty-id": {
        "en": "the id is empty; give one or leave it out",
        "ko": "id가 비어 있습니다. 값을 주거나 빼십시오",
    },
    "no-items": {
        "en": "the meeting has no items",
        "ko": "회의에 항목이 없습니다",
    },
    "unknown-timezone": {
        "en": "unknown time zone {timezone:q}",
        "ko": "알 수 없는 시간대 {timezone:q}",
    },
    "unknown-weekday": {
        "en": "weekday {weekday:q} is not a Korean or English weekday name; {date} is a "
              "{expected:weekday}",
        "ko": "요일 {weekday:q}은(는) 한국어나 영어 요일 이름이 아닙니다. {date}은(는) "
              "{expected:weekday}입니다",
    },
    "weekday-mismatch": {
        "en": "weekday {weekday:q} does not match {date}, which is a {expected:weekday}",
        "ko": "요일 {weekday:q}이(가) {date}와(과) 맞지 않습니다. {date}은(는) "
              "{expected:weekday}입니다",
    },
    "end-before-start": {
        "en": "declared end {end} is not after the start {start}",
        "ko": "예정 종료 {end}이(가) 시작 {start}보다 늦지 않습니다",
    },
    "out-of-range": {
        "en": "{what_en} runs past the dates a calendar can show (years 1 to 9999)",
        "ko": "{what_ko}이(가) 달력이 나타낼 수 있는 날짜(1년~9999년)를 벗어납니다",
    },
    "nonexistent-time": {
        "en": "{what_en} {date} {time} does not exist in {timezone} (the clocks {change_en})",
        "ko": "{what_ko} {date} {time}은(는) {timezone}에 없는 시각입니다 ({change_ko})",
    },
    "ambiguous-time": {
        "en": "{what_en} {date} {time} occurs twice in {timezone} (the clocks {change_en}); "
              "the first, {time} (UTC{offset}), is used",
        "ko": "{what_ko} {date} {time}은(는) {timezone}에서 두 번 있습니다 ({change_ko}). "
              "첫 번째인 {time} (UTC{offset})을 씁니다",
    },
    "past-end": {
        "en": "ends {end}, {over:min} after the declared end {declared} (the items take "
              "{work:min} and end {run:min} after the start; the window {start}–{declared} "
              "is {window:min})",
        "ko": "{end}에 끝나 예정 종료 {declared}보다 {over:min} 늦습니다 (항목 합계 "
              "{work:min}, 시작부터 {run:min} 뒤에 끝남; {start}~{declared} 시간은 "
              "{window:min})",
    },
    "short-of-end": {
        "en": "items end at {end}, {short:min} before the declared end {declared} (the items "
              "take {work:min}; the window {start}–{declared} is {window:min})",
        "ko": "항목이 {end}에 끝나 예정 종료 {declared}보다 {short:min} 이릅니다 (항목 합계 "
              "{work:min}; {start}~{declared} 시간은 {window:min})",
    },
    "bad-repeat": {
        "en": "{rule:rule}{reason_en}",
        "ko": "{rule:rule}{reason_ko}",
    },
    "bad-override": {
        "en": "override {date}: {reason_en}",
        "ko": "{date} 재정의(override): {reason_ko}",
    },
    "too-deep": {
        "en": "blocks nest {depth} levels deep, more than Python's stack allows here; "
              "flatten the agenda",
        "ko": "블록이 {depth}단계로 중첩되어 처리할 수 있는 깊이를 넘습니다. 구조를 "
              "평평하게 하십시오",
    },
    # -- items --------------------------------------------------------------------------
    "non-positive-minutes": {
        "en": "{key} is {value}; it must be positive",
        "ko": "{key}가 {value}입니다. 양수여야 합니다",
    },
    "too-long": {
        "en": "minutes is {minutes}, more than a year ({limit:min})",
        "ko": "minutes가 {minutes}로 1년({limit:min})보다 깁니다",
    },
    "bad-bounds": {
        "en": "min_minutes {low} is more than max_minutes {high}",
        "ko": "min_minutes {low}이(가) max_minutes {high}보다 큽니다",
    },
    "minutes-outside-bounds": {
        "en": "minutes {minutes} lie outside min_minutes..max_minutes ({low}..{high})",
        "ko": "minutes {minutes}이(가) min_minutes..max_minutes ({low}..{high}) 밖입니다",
    },
    "flexible-block": {
        "en": "min_minutes/max_minutes apply to items without children; give the block "
              "minutes or make a child flexible",
        "ko": "min_minutes/max_minutes는 하위 항목이 없는 항목에만 씁니다. 블록에 minutes를 "
              "주거나 하위 항목 하나를 유연하게 하십시오",
    },
    "duplicate-id": {
        "en": "id {id:q} is already used by item {other}",
        "ko": "id {id:q}는 이미 항목 {other}이(가) 씁니다",
    },
    "duplicate-identity": {
        "en": "item {other} has the same identity {key:q}; give one of them an id",
        "ko": "항목 {other}과(와) 식별자 {key:q}가 같습니다. 둘 중 하나에 id를 주십시오",
    },
    "same-title": {
        "en": "an earlier item beside it is also titled {key:q}; items of one title are told "
              "apart by their order, so give each an id to keep its calendar entry when they "
              "are reordered",
        "ko": "앞에 같은 제목 {key:q}의 항목이 또 있습니다. 같은 제목의 항목은 순서로 "
              "구별하므로, 순서를 바꿔도 달력 항목이 유지되게 하려면 각각 id를 주십시오",
    },
    "duplicate-path": {
        "en": "has the identity {key:q} of item {other} {other_title:q}, so both would share "
              "one calendar UID; give one of them an id",
        "ko": "항목 {other} {other_title:q}와 식별자 {key:q}가 같아 달력 UID가 겹칩니다. "
              "둘 중 하나에 id를 주십시오",
    },
    "sum-mismatch": {
        "en": "children {verb_en} {actual:min}, block says {expected:min}",
        "ko": "하위 항목 {verb_ko} {actual:min}, 블록은 {expected:min}입니다",
    },
    "over-full": {
        "en": "the items with minutes already take {taken:min}, {excess:min} more than the "
              "{window:min} there is; nothing is left for {count} item(s) without minutes",
        "ko": "시간이 정해진 항목이 이미 {taken:min}이며 주어진 {window:min}보다 "
              "{excess:min} 깁니다. 시간이 없는 항목 {count}개에 남는 시간이 없습니다",
    },
    "gap": {
        "en": "fixed at {at} but {previous_en} ends {previous_end}: a {gap:min} gap; set "
              "gap_ok or make the item a break",
        "ko": "{at} 고정인데 {previous_ko}이(가) {previous_end}에 끝나 {gap:min}이 빕니다. "
              "gap_ok를 주거나 휴식(break)으로 하십시오",
    },
    "flexible-capped": {
        "en": "flexible items reach their max_minutes ({most:min}) and leave a {gap:min} gap "
              "before {before:q} at {at} that no item declares; raise max_minutes or add an "
              "item for the gap",
        "ko": "유연한 항목이 max_minutes({most:min})에 이르러 {at}의 {before:q} 앞에 아무 항목도 "
              "없는 {gap:min}이 남습니다. max_minutes를 늘리거나 그 시간에 항목을 넣으십시오",
    },
    "unplanned-gap": {
        "en": "{gap:min} with nothing planned from {start} to {end} before it; give it "
              "gap_ok = true if the gap is meant",
        "ko": "이 항목 앞 {start}~{end} {gap:min} 동안 계획된 항목이 없습니다. 의도한 빈 "
              "시간이면 gap_ok = true를 주십시오",
    },
    "overlap": {
        "en": "fixed at {at} but {previous_en} ends {previous_end}: {overlap:min} overlap",
        "ko": "{at} 고정인데 {previous_ko}이(가) {previous_end}에 끝나 {overlap:min} "
              "겹칩니다",
    },
    "missing-minutes": {
        "en": "no minutes: give it minutes, or give its block minutes to split{or_end_en}",
        "ko": "시간(minutes)이 없습니다. minutes를 주거나, 나눌 수 있게 블록에 minutes를 "
              "주십시오{or_end_ko}",
    },
    "unsizable": {
        "en": "cannot size items without minutes next to a block that holds fixed-time "
              "items; give them minutes",
        "ko": "고정 시각 항목이 든 블록 옆의 시간 없는 항목은 크기를 정할 수 없습니다. "
              "minutes를 주십시오",
    },
    "partial-minute": {
        "en": "{seconds} s left to fill is not whole minutes",
        "ko": "채울 시간 {seconds}초가 분 단위로 나누어떨어지지 않습니다",
    },
    "mixed-sizing": {
        "en": "mixes items without minutes (split equally) with flexible items; give the "
              "plain ones minutes",
        "ko": "균등 분할 항목과 유연한 항목이 섞여 있습니다. 균등 분할 항목에 minutes를 "
              "주십시오",
    },
    "no-time-to-split": {
        "en": "no time left to split among {count} items ({taken:min} already taken)",
        "ko": "항목 {count}개에 나눌 시간이 남지 않습니다 (이미 {taken:min} 사용)",
    },
    "uneven-split": {
        "en": "{rest:min} do not split evenly among {count} items ({each:min} each); "
              "give them minutes",
        "ko": "{rest:min}이 항목 {count}개에 똑같이 나뉘지 않습니다 (각 {each:min}). "
              "minutes를 주십시오",
    },
    "flexible-infeasible": {
        "en": "flexible items {titles:list} need at least {need:min}, only {available:min} "
              "to fill",
        "ko": "유연한 항목 {titles:list}에 최소 {need:min}이 필요한데 채울 시간은 "
              "{available:min}뿐입니다",
    },
    "flexible-overfull": {
        "en": "flexible items {titles:list} take at most {most:min}, {available:min} to fill",
        "ko": "유연한 항목 {titles:list}은(는) 최대 {most:min}인데 채울 시간은 "
              "{available:min}입니다",
    },
    "bad-url": {
        "en": "{key} {url:q} is not a link that can be published: {reason_en}",
        "ko": "{key} {url:q}은(는) 게시할 수 있는 링크가 아닙니다: {reason_ko}",
    },
    "unknown-holidays": {
        "en": "skip_holidays {code:q}: {reason_en}",
        "ko": "skip_holidays {code:q}: {reason_ko}",
    },
    # -- days, parallel tracks and rooms -------------------------------------------------
    "days-and-items": {
        "en": "gives both days and its own items or end; put every item and end in its day",
        "ko": "days와 회의 자체의 items 또는 end를 함께 줍니다. 모든 항목과 종료 시각을 각 "
              "날(day)에 넣으십시오",
    },
    "days-and-repeat": {
        "en": "a meeting held over several days cannot repeat",
        "ko": "여러 날에 걸친 회의는 반복(repeat)할 수 없습니다",
    },
    "days-overlap": {
        "en": "day {day} starts {start}, before day {previous} ends {previous_end}",
        "ko": "{day}일차가 {start}에 시작해 {previous}일차가 끝나는 {previous_end}보다 "
              "이릅니다",
    },
    "day-without-items": {
        "en": "day {day} ({date}) has no items",
        "ko": "{day}일차({date})에 항목이 없습니다",
    },
    "parallel-without-tracks": {
        "en": "parallel = true, but it has no tracks (items) to run side by side",
        "ko": "parallel = true인데 나란히 진행할 트랙(items)이 없습니다",
    },
    "track-overflow": {
        "en": "runs {start}–{end}, {over:min} past the end of its parallel block {block} "
              "{block_title:q} ({start}–{block_end})",
        "ko": "{start}~{end}에 진행되어 병렬 블록 {block} {block_title:q}({start}~{block_end})의 "
              "끝을 {over:min} 넘습니다",
    },
    "room-conflict": {
        "en": "room {name:q} is double-booked: this item runs {span}, item {other} "
              "{other_title:q} runs {other_span}",
        "ko": "장소 {name:q}이(가) 겹칩니다: 이 항목은 {span}, 항목 {other} {other_title:q}은(는) "
              "{other_span}입니다",
    },
    "presenter-conflict": {
        "en": "presenter {name:q} is double-booked: this item runs {span}, item {other} "
              "{other_title:q} runs {other_span}",
        "ko": "발표자 {name:q}의 일정이 겹칩니다: 이 항목은 {span}, 항목 {other} "
              "{other_title:q}은(는) {other_span}입니다",
    },
    # -- written agendas read back (parse) ----------------------------------------------
    "stated-duration": {
        "en": "states {stated:min}, but {start}~{end} is {minutes:min}",
        "ko": "{stated:min}이라고 적혀 있지만 {start}~{end}은(는) {minutes:min}입니다",
    },
    "row-gap": {
        "en": "starts at {start}, {gap:min} after the item above it ends ({previous_end})",
        "ko": "{start}에 시작해 위 항목이 끝나는 {previous_end}보다 {gap:min} 늦습니다",
    },
    "row-overlap": {
        "en": "starts at {start}, {overlap:min} before the item above it ends "
              "({previous_end})",
        "ko": "{start}에 시작해 위 항목이 끝나는 {previous_end}보다 {overlap:min} 이릅니다",
    },
    "out-of-order": {
        "en": "starts at {start}, before the item above it ({previous}, {previous_start})",
        "ko": "{start}에 시작해 위 항목({previous}, {previous_start})보다 이릅니다",
    },
    "backwards-range": {
        "en": "ends at {end}, before it starts at {start}",
        "ko": "{start}에 시작하는데 그보다 이른 {end}에 끝납니다",
    },
    "open-end": {
        "en": "is left open at {start} (nothing says when it ends); read as {minutes:min} "
              "(pass --open-end MINUTES)",
        "ko": "{start}에 시작해 끝이 적혀 있지 않습니다. {minutes:min}으로 읽었습니다 "
              "(--open-end 분으로 지정하십시오)",
    },
    "seconds-dropped": {
        "en": "gives seconds ({time}); read to the minute",
        "ko": "초까지 적혀 있습니다({time}). 분 단위로 읽었습니다",
    },
    "unread-row": {
        "en": "a row with a time, in a table beside the agenda's, is not read",
        "ko": "시간이 적힌 이 줄은 일정표가 아닌 다른 표에 있어 읽지 않았습니다",
    },
    # -- documents that parse cannot read ------------------------------------------------
    "parse-no-agenda": {
        "en": "no agenda found: no line holds a time range such as 14:00~14:30",
        "ko": "일정을 찾지 못했습니다: 14:00~14:30 같은 시간 범위가 있는 줄이 없습니다",
    },
    "parse-no-date": {
        "en": "the document gives no date; pass one (--date YYYY-MM-DD)",
        "ko": "문서에 날짜가 없습니다. 날짜를 주십시오 (--date YYYY-MM-DD)",
    },
    "parse-no-year": {
        "en": "the date {month}.{day} has no year, and no other date in the document has "
              "one; pass the date (--date YYYY-MM-DD)",
        "ko": "날짜 {month}.{day}에 연도가 없고 문서의 다른 날짜에도 없습니다. 날짜를 "
              "주십시오 (--date YYYY-MM-DD)",
    },
    "parse-bad-date": {
        "en": "{date} is not a date",
        "ko": "{date}은(는) 없는 날짜입니다",
    },
    "parse-unknown-zone": {
        "en": "unknown time zone {timezone:q} (use an IANA name such as Asia/Seoul)",
        "ko": "알 수 없는 시간대 {timezone:q} (Asia/Seoul 같은 IANA 이름을 쓰십시오)",
    },
    "parse-unplaceable": {
        "en": "the times cannot be placed on {date}: {error}",
        "ko": "시간을 {date}에 놓을 수 없습니다: {error}",
    },
    "parse-unknown-format": {
        "en": "unknown document format {format:q}; use one of {formats}",
        "ko": "알 수 없는 문서 형식 {format:q}. 다음 중 하나를 쓰십시오: {formats}",
    },
    "parse-no-csv-header": {
        "en": "no CSV header row names a time or start column (such as 시간, 시작, time, "
              "start)",
        "ko": "CSV 머리글 줄에 시간이나 시작 열(시간, 시작, time, start 등)이 없습니다",
    },
    "parse-pdf": {
        "en": "{name} is a PDF; parse reads text, Markdown, CSV, HTML, DOCX and HWPX. Copy "
              "its text out (e.g. `pdftotext -layout {name} out.txt`) and parse that",
        "ko": "{name}은(는) PDF입니다. parse는 텍스트, 마크다운, CSV, HTML, DOCX, HWPX를 "
              "읽습니다. 글을 복사해 내거나(예: `pdftotext -layout {name} out.txt`) 그 "
              "파일을 읽히십시오",
    },
    "parse-needs-extra": {
        "en": "reading {kind} needs {package}: pip install 'agenda[office]'",
        "ko": "{kind}를 읽으려면 {package}가 필요합니다: pip install 'agenda[office]'",
    },
    "parse-office-unreadable": {
        "en": "{name} is not a readable {kind} document: {reason}",
        "ko": "{name}은(는) 읽을 수 있는 {kind} 문서가 아닙니다: {reason}",
    },
    "parse-not-utf8": {
        "en": "{name}: not UTF-8 text (byte 0x{byte} at offset {offset}){hint_en}",
        "ko": "{name}: UTF-8 텍스트가 아닙니다 ({offset}번째 바이트 0x{byte}){hint_ko}",
    },
    "parse-unreadable": {
        "en": "cannot read {name}: {reason}",
        "ko": "{name}을(를) 읽을 수 없습니다: {reason}",
    },
    "parse-no-timetable": {
        "en": "no timetable can be laid out until the problems below are fixed",
        "ko": "아래 문제를 고치기 전에는 시간표를 만들 수 없습니다",
    },
    "window-start": {
        "en": "starts at {start}, but the stated time (line {window_line}) starts at "
              "{expected}",
        "ko": "{start}에 시작하지만 적힌 시간({window_line}행)은 {expected}에 시작합니다",
    },
    "window-end": {
        "en": "ends at {end}, but the stated time (line {window_line}) ends at {expected}",
        "ko": "{end}에 끝나지만 적힌 시간({window_line}행)은 {expected}에 끝납니다",
    },
    "block-start": {
        "en": "starts at {start}, but item {block} starts at {expected}",
        "ko": "{start}에 시작하지만 항목 {block}은(는) {expected}에 시작합니다",
    },
    "block-end": {
        "en": "ends at {end}, but item {block} ends at {expected}",
        "ko": "{end}에 끝나지만 항목 {block}은(는) {expected}에 끝납니다",
    },
    "uneven-order": {
        "en": "{minutes:min} do not split into {count} equal whole-minute parts ({names})",
        "ko": "{minutes:min}이 {count}개의 같은 분 단위로 나뉘지 않습니다 ({names})",
    },
    "date-mismatch": {
        "en": "the document gives {date}, not {given} as asked",
        "ko": "문서의 날짜는 {date}로, 요청한 {given}와(과) 다릅니다",
    },
    "no-title": {
        "en": "has no title",
        "ko": "제목이 없습니다",
    },
    "assumed-timezone": {
        "en": "the document names no time zone; read as {timezone} (pass --tz ZONE)",
        "ko": "문서에 시간대가 없어 {timezone}으로 읽었습니다 (--tz ZONE으로 지정하십시오)",
    },
    # -- texts in several languages -------------------------------------------------------
    "original-translated": {
        "en": "has a translation into {lang}, the meeting's own language; its texts are "
              "already in {lang}",
        "ko": "회의의 원래 언어인 {lang}로 된 번역이 있습니다. 원문이 이미 {lang}입니다",
    },
    "missing-translation": {
        "en": "has no {lang} text for its {fields:list} (other texts are translated into "
              "{lang}); the {own} text is shown instead",
        "ko": "{fields:list}에 {lang} 텍스트가 없습니다 (다른 텍스트는 {lang}로 번역되어 "
              "있습니다). 대신 {own} 원문을 보여 줍니다",
    },
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
    "occurrence-skipped": {
        "en": "{date} ({weekday}) skipped",
        "ko": "{date} ({weekday}) 건너뜀",
    },
    "occurrence-holiday": {
        "en": "{date} ({weekday}) skipped: public holiday, {name}",
        "ko": "{date} ({weekday}) 건너뜀: 공휴일, {name}",
    },
    # -- the spec file ------------------------------------------------------------------
    "spec-error": {
        "en": "{detail}",
        "ko": "{detail}",
    },
    "unreadable": {
        "en": "cannot read the file: {reason}",
        "ko": "파일을 읽을 수 없습니다: {reason}",
    },
    "not-utf8": {
        "en": "not UTF-8 text: {reason} at byte {byte}; save the file as UTF-8",
        "ko": "UTF-8 텍스트가 아닙니다: 바이트 {byte}에서 {reason}. 파일을 UTF-8로 "
              "저장하십시오",
    },
    "syntax-error": {
        "en": "{format} syntax error at column {column}: {reason}",
        "ko": "{format} 문법 오류 ({column}열): {reason}",
    },
    "spec-too-deep": {
        "en": "items nest deeper than Python's stack allows here; flatten the agenda",
        "ko": "항목이 처리할 수 있는 깊이보다 깊게 중첩되어 있습니다. 구조를 평평하게 하십시오",
    },
    "not-a-table": {
        "en": "{what_en} must be a table, got {value}",
        "ko": "{what_ko}은(는) 테이블이어야 하는데 {value}입니다",
    },
    "missing-key": {
        "en": "{where}{key:q} is missing",
        "ko": "{where}{key:q}가 없습니다",
    },
    "unknown-key": {
        "en": "{where}unknown key {key:q}; known keys: {known:list}",
        "ko": "{where}알 수 없는 키 {key:q}. 쓸 수 있는 키: {known:list}",
    },
    "unknown-kind": {
        "en": "{where}\"kind\" must be one of {known:list}, got {value}",
        "ko": "{where}\"kind\"는 {known:list} 중 하나여야 하는데 {value}입니다",
    },
    "days-and-day-keys": {
        "en": "[meeting]: {key:q} and [[days]] are both given; with days, each [[days]] table "
              "gives its own date, start and end",
        "ko": "[meeting]: {key:q}와(과) [[days]]를 함께 줍니다. days가 있으면 각 [[days]] 표가 "
              "날짜, 시작, 종료를 줍니다",
    },
    "unknown-language": {
        "en": "{where}\"language\" must be one of {known:list}, got {value:q}",
        "ko": "{where}\"language\"는 {known:list} 중 하나여야 하는데 {value:q}입니다",
    },
    "null-value": {
        "en": "{where}{key:q} is null; leave the key out when it has no value",
        "ko": "{where}{key:q}이(가) null입니다. 값이 없으면 키를 빼십시오",
    },
    "duplicate-key": {
        "en": "{where}{key:q} is given twice: {first}, then {second}; give it once",
        "ko": "{where}{key:q}가 두 번 주어졌습니다: {first}, 그리고 {second}. 한 번만 "
              "주십시오",
    },
    "no-days": {
        "en": "\"days\" is empty; give at least one [[days]] table, or leave it out "
              "for a meeting of one day",
        "ko": "\"days\"가 비어 있습니다. [[days]] 표를 하나 이상 주거나, 하루 "
              "회의라면 빼십시오",
    },
    "not-a-language-tag": {
        "en": "{where}{key:q} has the key {lang:q}, which is not a language tag like ko, en "
              "or en-GB",
        "ko": "{where}{key:q}의 키 {lang:q}은(는) ko, en, en-GB 같은 언어 태그가 아닙니다",
    },
    "no-original-text": {
        "en": "{where}{key:q} has no {lang:q} text (the meeting's language; it gives "
              "{given:list})",
        "ko": "{where}{key:q}에 회의 언어인 {lang:q} 텍스트가 없습니다 (주어진 언어: "
              "{given:list})",
    },
    "lone-surrogate": {
        "en": "{where}{key:q} holds a lone surrogate escape, which is no character: {value}; "
              "write the character itself (or both halves of its surrogate pair)",
        "ko": "{where}{key:q}에 짝이 없는 서로게이트 이스케이프가 있어 문자가 아닙니다: {value}. "
              "문자를 직접 쓰거나 서로게이트 쌍의 두 절반을 모두 쓰십시오",
    },
    "wrong-type": {
        "en": "{where}{key:q} must be {expected_en}, got {value}",
        "ko": "{where}{key:q}는 {expected_ko}이어야 하는데 {value}입니다",
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

# Words that facts name by key: what a wrong value should be, and other small phrases.
PHRASES: dict[str, dict[str, str]] = {
    "a string": {"ko": "문자열"},
    "a whole number of minutes": {"ko": "분 단위 정수"},
    "true or false": {"ko": "true 또는 false"},
    "a date like 2024-03-13": {"ko": "2024-03-13 같은 날짜"},
    "a local time like 14:00": {"ko": "14:00 같은 현지 시각"},
    "a list of tables": {"ko": "테이블 목록"},
    'a list of tables like [{ title = "…", url = "…" }]': {
        "ko": '[{ title = "…", url = "…" }] 같은 테이블 목록'},
    "a list of dates like [2025-05-05]": {"ko": "[2025-05-05] 같은 날짜 목록"},
    "a table with a title": {"ko": "제목이 있는 테이블"},
    "one of the kinds": {"ko": "정해진 종류 중 하나"},
    "the meeting": {"ko": "회의"},
    "the item": {"ko": "항목"},
    "the agenda": {"ko": "일정"},
    "start": {"ko": "시작"},
    "end": {"ko": "종료"},
    "fixed time": {"ko": "고정 시각"},
    "skip it for daylight saving time": {"ko": "일광 절약 시간제로 시계가 건너뜀"},
    "skip it when the zone's offset changes": {"ko": "표준시 변경으로 시계가 건너뜀"},
    "go back when daylight saving time ends": {"ko": "일광 절약 시간제가 끝나 시계가 되돌아감"},
    "go back when the zone's offset changes": {"ko": "표준시 변경으로 시계가 되돌아감"},
    "it has no FREQ": {"ko": "FREQ가 없습니다"},
    "it does not include the meeting's own start {start} (its first occurrence would be "
    "{first})": {"ko": "회의 자체의 시작 {start}을(를) 포함하지 않습니다 (첫 번째 반복은 "
                       "{first}입니다)"},
    "it yields no occurrence within {years} years of the meeting": {
        "ko": "회의 후 {years}년 안에 반복이 하나도 없습니다"},
    "COUNT and UNTIL cannot both be given": {"ko": "COUNT와 UNTIL을 함께 줄 수 없습니다"},
    "COUNT must be at least 1": {"ko": "COUNT는 1 이상이어야 합니다"},
    "COUNT={count} is more than the {most} occurrences a series may have; give an UNTIL "
    "date or no end": {"ko": "COUNT={count}은(는) 반복 회의가 가질 수 있는 {most}회보다 "
                             "많습니다. UNTIL 날짜를 주거나 끝을 주지 마십시오"},
    "INTERVAL={interval} must be at least 1": {"ko": "INTERVAL={interval}은(는) 1 이상이어야 "
                                                     "합니다"},
    "{part}={value} is out of range": {"ko": "{part}={value}은(는) 허용 범위를 벗어납니다"},
    "UNTIL {until} is before the meeting's own start {start}, so the series has no "
    "occurrence": {"ko": "UNTIL {until}이(가) 회의 자체의 시작 {start}보다 이르므로 반복이 "
                         "하나도 없습니다"},
    "{key} applies to a repeating meeting; give it a repeat rule or extra dates": {
        "ko": "{key}은(는) 반복 회의에만 씁니다. repeat 규칙이나 extra 날짜를 주십시오"},
    "the occurrences overlap: the one of {first} lasts {minutes:min}, the next starts "
    "{second}": {"ko": "반복 회의가 겹칩니다: {first} 회의는 {minutes:min} 동안 이어지는데 "
                       "다음 회의가 {second}에 시작합니다"},
    "it gives two occurrences on {date}, at {first} and {second}; a meeting is held once a "
    "day at most": {"ko": "{date}에 {first}와(과) {second}, 두 번 열립니다. 회의는 하루에 "
                          "한 번까지만 열 수 있습니다"},
    "its occurrence of {date} starts at {time}, not at the meeting's start {start}; every "
    "occurrence starts then": {"ko": "{date} 회의가 회의 시작 시각 {start}이(가) 아닌 "
                                     "{time}에 시작합니다. 모든 반복은 같은 시각에 "
                                     "시작해야 합니다"},
    "{date} is both in skip and in extra": {"ko": "{date}이(가) skip과 extra에 모두 "
                                                  "있습니다"},
    "skip {date} is not a date of the series": {"ko": "skip {date}은(는) 반복 날짜가 "
                                                      "아닙니다"},
    "skip {date} is not a date of the series; the nearest: {nearest}": {
        "ko": "skip {date}은(는) 반복 날짜가 아닙니다. 가장 가까운 날짜: {nearest}"},
    "extra {date} is not after the meeting's first date {first}": {
        "ko": "extra {date}이(가) 회의의 첫 날짜 {first}보다 늦지 않습니다"},
    "extra {date} is already a date of the series": {"ko": "extra {date}은(는) 이미 반복 "
                                                           "날짜입니다"},
    "it is given twice": {"ko": "두 번 주어졌습니다"},
    "it is not a date the meeting is held on": {"ko": "회의가 열리는 날짜가 아닙니다"},
    "it is not a date the meeting is held on; the nearest: {nearest}": {
        "ko": "회의가 열리는 날짜가 아닙니다. 가장 가까운 날짜: {nearest}"},
    "the series ({detail})": {"ko": "반복 회의({detail})"},
    "the series of {count} occurrences (only {found} fall before the end of year 9999)": {
        "ko": "{count}회 반복 회의(9999년 말 전에는 {found}회뿐)"},
    "its occurrence of {date}": {"ko": "{date} 반복 회의"},
    "the previous item": {"ko": "앞 항목"},
    "the time before it": {"ko": "앞선 시간"},
    "the spec": {"ko": "명세 파일"},
    " or the meeting a declared end": {"ko": " (또는 회의에 예정 종료 시각을 주십시오)"},
    "run": {"ko": "진행 시간"},
    "material {material}": {"ko": "자료 {material}"},
    "it holds a space, a control character or one of < > \" \\": {
        "ko": "공백, 제어 문자 또는 < > \" \\ 중 하나가 들어 있습니다"},
    "it is not an address": {"ko": "주소가 아닙니다"},
    "it does not start with http:// or https://": {
        "ko": "http:// 또는 https://로 시작하지 않습니다"},
    "only http and https addresses are links, not {scheme}:": {
        "ko": "http와 https 주소만 링크가 될 수 있습니다 ({scheme}: 주소는 안 됩니다)"},
    "it names no host (https://example.org/...)": {
        "ko": "호스트가 없습니다 (https://example.org/...)"},
    "its host is not a name a browser can look up": {
        "ko": "호스트가 브라우저가 찾을 수 있는 이름이 아닙니다"},
    "it is not an ISO 3166 country code with an optional subdivision, like KR or DE-BY": {
        "ko": "KR이나 DE-BY 같은 ISO 3166 국가 코드(선택적으로 지역 포함)가 아닙니다"},
    "no public holidays are known for the country {country}": {
        "ko": "국가 {country}의 공휴일을 알 수 없습니다"},
    "{country} has no subdivision {subdivision}; known: {known}": {
        "ko": "{country}에는 지역 {subdivision}이(가) 없습니다. 쓸 수 있는 지역: {known}"},
    "started": {"ko": "시작"},
    "ended": {"ko": "종료"},
    " (line {first_line})": {"ko": " ({first_line}행)"},
    "sum to": {"ko": "합계"},
}


_CONTROLS = frozenset({"Cc", "Zl", "Zp"})


def escape_controls(text: str) -> str:
    """`text` with control characters written as escapes (``\\n``, ``\\x07``), so a
    title with a line break cannot split a message or forge another line."""
    if text.isprintable():
        return text
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) in _CONTROLS else ch
                   for ch in text)


def _minutes(value: Any, lang: str) -> str:
    if isinstance(value, float) and not value.is_integer():
        number = f"{value:.2f}"
    else:
        number = f"{int(value)}"
    return f"{number}분" if lang == "ko" else f"{number} min"


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "min":
            return _minutes(value, self.lang)
        if format_spec == "weekday":
            return _WEEKDAYS[self.lang][int(value) - 1]
        if format_spec == "q":
            return f'"{escape_controls(str(value))}"'
        if format_spec == "rule":
            if not value:
                return ""
            head = "반복 규칙" if self.lang == "ko" else "repeat rule"
            return f'{head} "{escape_controls(str(value))}": '
        if format_spec == "list":
            items = [value] if isinstance(value, str) else list(value)
            return ", ".join(escape_controls(str(v)) for v in items)
        return escape_controls(str(value)) if isinstance(value, str) else str(value)


class _Facts(dict[str, Any]):
    """The facts, with `x_ko` / `x_en` read as the phrase `x` in that language."""

    def __init__(self, facts: Mapping[str, Any], lang: str) -> None:
        super().__init__(facts)
        self.lang = lang

    def __missing__(self, key: str) -> Any:
        base, _, lang = key.rpartition("_")
        if lang in LANGUAGES and base in self:
            phrase = str(self[base])
            words = PHRASES.get(phrase, {}).get(lang, phrase)
            if "{" in words:  # a phrase with facts of its own
                return _Formatter(lang).vformat(words, (), self)
            return words
        return f"{{{key}}}"


def render_message(code: str, facts: Mapping[str, Any], lang: str = "en") -> str:
    """The message of problem `code` in `lang`, filled in from `facts`."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known languages: {', '.join(LANGUAGES)}")
    templates = MESSAGES.get(code)
    if templates is None:
        details = ", ".join(f"{k}={v}" for k, v in facts.items())
        return f"{code}" + (f" ({details})" if details else "")
    return _Formatter(lang).vformat(templates[lang], (), _Facts(facts, lang))


def where_text(number: str, title: str, severity: str, line: int | None, lang: str) -> str:
    """The head of a problem line: ``warning: line 9: 4.2 "토론": ``."""
    parts = []
    if severity == "warning":
        parts.append("경고: " if lang == "ko" else "warning: ")
    if line is not None:
        parts.append(f"{line}행: " if lang == "ko" else f"line {line}: ")
    if number:
        parts.append(f'{number} "{title}": ' if title else f"{number}: ")
    elif title:
        parts.append(f'회의 "{title}": ' if lang == "ko" else f'meeting "{title}": ')
    return "".join(parts)


def codes() -> Sequence[str]:
    """Every code the catalog has words for."""
    return sorted(MESSAGES)
