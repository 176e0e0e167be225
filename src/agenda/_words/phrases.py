"""The small phrases that facts name by key (what a wrong value should be, how the clocks
change, what a repeat rule lacks), with their Korean words: a fact ``reason`` holds the
English phrase, and ``{reason_ko}`` in a template reads it in Korean."""

from __future__ import annotations

__all__ = ["PHRASES"]

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
    "; it reads as Korean CP949 (EUC-KR): save it as UTF-8, e.g. "
    "`iconv -f cp949 -t utf-8 {name} > {name}.utf8`": {
        "ko": ". 한국어 CP949(EUC-KR)로 읽힙니다. UTF-8로 저장하십시오. 예: "
              "`iconv -f cp949 -t utf-8 {name} > {name}.utf8`"},
}
