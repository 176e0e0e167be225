"""What the reader of a spec file says, in Korean and in English: a file it cannot read,
and keys and values it refuses.
"""

from __future__ import annotations

__all__ = ["SPEC"]

# code -> {"en": template, "ko": template}; the templates' fields: see `catalog`.
SPEC: dict[str, dict[str, str]] = {
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
}
