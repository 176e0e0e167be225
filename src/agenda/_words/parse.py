"""What `parse` says of a written agenda it reads back, in Korean and in English: the
rows it reads, and the documents it cannot read.
"""

from __future__ import annotations

__all__ = ["PARSE"]

# code -> {"en": template, "ko": template}; the templates' fields: see `catalog`.
PARSE: dict[str, dict[str, str]] = {
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
}
