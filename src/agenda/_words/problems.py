"""What the checks of an agenda find, in Korean and in English: the meeting, its items,
its days, parallel tracks and rooms, and its texts in several languages.
"""

from __future__ import annotations

__all__ = ["PROBLEMS"]

# code -> {"en": template, "ko": template}; the templates' fields: see `catalog`.
PROBLEMS: dict[str, dict[str, str]] = {
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
}
