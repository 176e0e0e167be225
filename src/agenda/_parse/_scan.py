"""Tokens of printed agendas: clock times, time ranges, stated durations, dates,
weekdays, bullets.

Every pattern here has bounded repetition only (no ``*`` or ``+``), so one match
attempt costs a bounded number of steps and scanning a line is linear in its
length; `tests/test_parse_fuzz.py` checks that no pattern here breaks the rule.
"""

from __future__ import annotations

import re

import attrs

__all__ = [
    "Clock", "DateFact", "Span", "clock_at", "find_date", "find_span", "find_span_at",
    "is_furniture",
    "match_dated_span", "match_duration", "match_open", "match_span", "normalize", "split_arrows",
    "strip_bullets", "trailing_duration",
]

# Full-width digits and punctuation as East Asian documents type them (１４：４０),
# read as their ASCII forms; the wave dashes stay (they separate ranges).
_WIDE = str.maketrans({
    **{chr(0xFF10 + k): str(k) for k in range(10)},
    "：": ":", "（": "(", "）": ")", "［": "[", "］": "]", "＇": "'", "｜": "|",
    "\u3000": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})

_MERIDIEM = r"(?:\s?([AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))"
# 오전/오후 and the Korean words for parts of the day: 낮 12시 is noon, 밤/저녁 are
# the evening, 새벽/아침 the morning.
_CLOCK = re.compile(
    r"(?:(오전|오후|낮|밤|저녁|새벽|아침)\s?)?(\d{1,2})"
    r"(?:\s?[:：]\s?(\d{2})(?:[:：](\d{2}))?(?!\d)|\.(\d{2})(?=\s?[AaPp]\.?\s?[Mm])"
    r"|\s?시(?:\s?(\d{1,2})\s?분|\s?(반))?)?"
)
_WORD_CLOCK = re.compile(r"(noon|midday|midnight|정오|자정)(?![A-Za-z])", re.IGNORECASE)
_MILITARY = re.compile(r"([01]\d|2[0-3])([0-5]\d)(?![\d:])")
_AMPM = re.compile(_MERIDIEM)
# "01:30 EDT–01:30 EST": the zone mark agenda's own tables print where a range
# crosses a clock change; only where a range's separator or the cell's end follows.
_MARK = re.compile(r" ([A-Z]{2,5}|[+-]\d{2}:\d{2})"
                   r"(?=\s{0,3}(?:[~～〜∼\-–—]\s{0,3}\d{1,2}[:：]\d\d|\(\d|\||$))")
_END_MARK = re.compile(r" ([A-Z]{2,5}|[+-]\d{2}:\d{2})(?=\s)")
_SEPARATOR = re.compile(
    r"\s{0,3}(?:[~～〜∼∽\-–—‒―]|to(?![A-Za-z])|until(?![A-Za-z])|부터)\s{0,3}")
_MINUTES_ONLY = re.compile(r"(\d{1,2})\s?분(?!\s?간)")
_UNTIL = re.compile(r"\s{0,2}까지")
_OPEN_WORDS = re.compile(r"(?:open|late|tbd|tba|\?{1,3}|끝까지|종료시|이후)(?![A-Za-z])",
                         re.IGNORECASE)
_KO_EVENING = frozenset({"오후", "밤", "저녁"})
_KO_MORNING = frozenset({"오전", "새벽", "아침"})
_ISO_DAY = re.compile(r"(?:[A-Za-z]{3}\s)?(\d{4})-(\d{2})-(\d{2})"
                      r"(?:\s?\(\s?([^\s()]{1,3})\s?\))?\s{0,2}")

# Stated durations: ('2)  (’2)  (2')  2분  5분간  (2 min)  2m  (1h 30m)  1시간 30분; a number
# that begins a word (1분임, a first breakout group) is the title's own
_QUOTES = "'’‘′`"
_DURATIONS = (
    re.compile(r"\(\s{0,2}[" + _QUOTES + r"]\s{0,2}(\d{1,4})\s{0,2}[" + _QUOTES + r"]?\)"),
    re.compile(r"\(?\s{0,2}(\d{1,4})\s{0,2}[" + _QUOTES + r"]\s{0,2}\)?"),
    re.compile(
        r"[\(\[]?\s{0,2}(?:(\d{1,3})\s{0,2}(?:시간|hours?|hrs?|h)(?![A-Za-z])\s{0,2})?"
        r"(?:(\d{1,4})\s{0,2}(?:분간?|minutes?|mins?|m)(?![A-Za-z가-힣])\.?)?\s{0,2}[\)\]]?"
    ),
)
_BULLETS = frozenset("▪▫■□●○◦•·‣∙-–*+※▶►▷◆◇☐✓✔>❍❒∘ㆍ▲△▸")
_NUMBERING = re.compile(
    r"(?:\(\d{1,2}\)|\d{1,2}[.)](?!\d)|[①-⑳]|[가-하][.)]|[A-Za-z][.)](?![A-Za-z0-9]))\s{0,4}")
_FURNITURE = re.compile(
    r"(?:[-–—]\s{0,3}\d{1,4}\s{0,3}[-–—]|(?:page|p\.)\s{0,2}\d{1,4}(?:\s{0,2}(?:of|/)\s{0,2}"
    r"\d{1,4})?|\d{1,4}\s{0,2}/\s{0,2}\d{1,4}|\d{1,4}|-{3,80}|={3,80}|_{3,80})",
    re.IGNORECASE,
)
_ARROWS = ("→", "->", "⇒", "=>", "⟶", "➜", "➔", "▶")

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_WEEKDAY_WORD = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?"
_DATES = (
    # 2024-03-13, 2024/3/13, 2024.3.13, 2024. 3. 13.
    ("ymd", re.compile(r"(?<!\d)(\d{4})\s{0,2}[-./]\s{0,2}(\d{1,2})\s{0,2}[-./]\s{0,2}"
                       r"(\d{1,2})(?!\d)\.?")),
    # 2024년 3월 13일, 3월 13일
    ("ko", re.compile(r"(?:(\d{4})\s{0,2}년\s{0,2})?(?<!\d)(\d{1,2})\s{0,2}월\s{0,2}"
                      r"(\d{1,2})\s{0,2}일")),
    # March 13, 2024 / Mar 13
    ("mdy", re.compile(r"(?<![A-Za-z])" + _MONTH + r"\s{0,2}(\d{1,2})(?:st|nd|rd|th)?(?!\d)"
                       r"(?:,?\s{0,2}(\d{4}))?", re.IGNORECASE)),
    # 13 March 2024 / 13th Mar
    ("dmy", re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s{0,2}" + _MONTH +
                       r"(?![a-z])(?:,?\s{0,2}(\d{4}))?", re.IGNORECASE)),
    # 3/13/2024 (month first, as American agendas write)
    ("us", re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")),
    # '24. 3. 13., 3.13, 3. 13.
    ("dots", re.compile(r"(?<![\d.])(?:[" + _QUOTES + r"]?(\d{2})\s{0,2}\.\s{0,2})?(\d{1,2})"
                        r"\s{0,2}\.\s{0,2}(\d{1,2})(?![\d:])\.?")),
)
_WEEKDAY_AFTER = re.compile(
    r"\s{0,2}\(\s{0,2}([월화수목금토일](?:요일)?|[A-Za-z]{2,9}\.?)\s{0,2}\)"
    r"|\s{0,2},?\s{0,2}([월화수목금토일]요일|" + _WEEKDAY_WORD + r")(?![a-z])",
    re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(r"(" + _WEEKDAY_WORD + r"|[월화수목금토일]요일)\s{0,2},?\s{0,2}$",
                             re.IGNORECASE)


@attrs.frozen
class Clock:
    """A wall-clock time as written: minutes after midnight (``24:00`` is 1440, and
    ``25:30`` the next day's 01:30), whether the writer gave ``AM``/``PM`` (or
    오전/오후), and the seconds when the time gives them (``14:00:30``)."""

    minutes: int
    meridiem: str | None = None  # "a" or "p"
    seconds: int = 0
    mark: str | None = None  # the zone's abbreviation or UTC offset (``EDT``, ``+04:00``)


@attrs.frozen
class Span:
    """A time range as written (``14:00~14:02``); `end_date` when the end names its
    day (``23:30~2024-03-14(목) 00:30``), `start_date` when the start does
    (``2024-03-14(목) 00:30~01:00``); `stop` is where the range ends in the text."""

    start: Clock
    end: Clock
    stop: int
    end_date: tuple[int, int, int] | None = None
    start_date: tuple[int, int, int] | None = None


@attrs.frozen
class DateFact:
    """A date as written: the year when given, the weekday when written beside it."""

    year: int | None
    month: int
    day: int
    weekday: str | None
    start: int
    stop: int


def normalize(text: str) -> str:
    """`text` with full-width digits and punctuation read as ASCII (``１４：４０`` is
    ``14:40``) and odd spaces as plain ones."""
    return text.translate(_WIDE)


def clock_at(text: str, pos: int) -> tuple[Clock, int] | None:
    if pos > 0 and text[pos - 1].isdigit():
        return None
    word = _WORD_CLOCK.match(text, pos)
    if word is not None:
        midnight = word.group(1).lower() in ("midnight", "자정")
        return Clock(0 if midnight else 720, None if midnight else "p"), word.end()
    found = _CLOCK.match(text, pos)
    if found is None:
        return None
    (ampm_ko, hour_text, minute_colon, second_text, minute_dot, minute_ko,
     half) = found.groups()
    stop = found.end()
    hour = int(hour_text)
    meridiem = None
    if ampm_ko in _KO_MORNING:
        meridiem = "a"
    elif ampm_ko in _KO_EVENING or (ampm_ko == "낮" and (hour == 12 or hour < 7)):
        meridiem = "p"
    ampm = _AMPM.match(text, stop)
    if ampm is not None and 1 <= hour <= 12:  # "14:12 am..." is a time and a word
        meridiem, stop = ampm.group(1).lower(), ampm.end()
    elif minute_dot is not None:
        return None
    if minute_colon is None and minute_dot is None and "시" not in found.group(0) and (
            meridiem is None):
        return None
    if ampm_ko is not None and meridiem is None and "시" not in found.group(0) and (
            minute_colon is None):
        return None
    minute = 30 if half else int(minute_colon or minute_dot or minute_ko or 0)
    seconds = int(second_text or 0)
    if minute > 59 or seconds > 59:
        return None
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif hour > 47 or (hour > 24 and minute_colon is None):
        return None
    mark = _MARK.match(text, stop) if minute_colon is not None else None
    if mark is not None:
        stop = mark.end()
    return Clock(hour * 60 + minute, meridiem, seconds,
                 None if mark is None else mark.group(1)), stop


def _military(text: str, pos: int) -> tuple[Clock, int] | None:
    """``0800`` as a 24-hour clock (only inside a range of two such: ``0800 – 0830``)."""
    if pos > 0 and text[pos - 1].isdigit():
        return None
    found = _MILITARY.match(text, pos)
    if found is None:
        return None
    return Clock(int(found.group(1)) * 60 + int(found.group(2))), found.end()


def _with_meridiem(clock: Clock, meridiem: str) -> Clock:
    hour = clock.minutes // 60 % 12 + (12 if meridiem == "p" else 0)
    return Clock(hour * 60 + clock.minutes % 60, meridiem)


def match_span(text: str, pos: int = 0) -> Span | None:
    """The time range that starts exactly at `pos`, else None."""
    first = clock_at(text, pos)
    military = first is None
    if first is None:
        first = _military(text, pos)
        if first is None:
            return None
    start, at = first
    sep = _SEPARATOR.match(text, at)
    if sep is None:
        return None
    at = sep.end()
    end_date = None
    day = _ISO_DAY.match(text, at)
    if day is not None and not military:
        end_date = (int(day.group(1)), int(day.group(2)), int(day.group(3)))
        at = day.end()
    second = _military(text, at) if military else clock_at(text, at)
    if second is None:
        if military:
            return None
        only = _MINUTES_ONLY.match(text, at)
        if only is None or "시" not in text[pos:at] or int(only.group(1)) > 59:
            return None
        # "09시 55분~57분": the end names only its minutes, within the start's hour
        minutes = start.minutes // 60 * 60 + int(only.group(1))
        second = (Clock(minutes + (60 if minutes <= start.minutes else 0)), only.end())
    end, stop = second
    if start.mark is not None and end.mark is None and not military:
        # "02:00 +12:45–03:58 +13:45 Talk": a range whose start names its zone's mark
        # names its end's too, the title after it (a part's cell in agenda's tables)
        mark = _END_MARK.match(text, stop)
        if mark is not None:
            end, stop = attrs.evolve(end, mark=mark.group(1)), mark.end()
    elif start.mark is None and end.mark is not None and end.mark[0] not in "+-":
        # "13:17~15:17 ES": capitals after an end whose start names no mark are a title
        stop -= len(end.mark) + 1
        end = attrs.evolve(end, mark=None)
    if military and ({start.minutes // 60, end.minutes // 60} <= {19, 20}):
        return None  # "2019-2020" is a span of years
    until = _UNTIL.match(text, stop)
    if until is not None:
        stop = until.end()
    if start.meridiem is None and end.meridiem is not None and start.minutes < 13 * 60:
        # "10:30–11:45 AM": the start shares the end's half of the day unless that
        # would put it after the end (11:30–1:00 PM).
        same = _with_meridiem(start, end.meridiem)
        other = _with_meridiem(start, "a" if end.meridiem == "p" else "p")
        start = same if same.minutes <= end.minutes else other
    return Span(start, end, stop, end_date)


def match_dated_span(text: str, pos: int = 0) -> Span | None:
    """`match_span`, where the start may also name its day first, as agenda's own
    tables print a row after midnight of its day (``2024-05-22(수) 00:30~01:00``,
    ``Wed 2024-05-22 00:30–01:00``)."""
    day = _ISO_DAY.match(text, pos)
    if day is None:
        return match_span(text, pos)
    span = match_span(text, day.end())
    if span is None:
        return None
    return attrs.evolve(span, start_date=(int(day.group(1)), int(day.group(2)),
                                          int(day.group(3))))


def match_open(text: str, pos: int = 0) -> tuple[Clock, int] | None:
    """A range left open at its end, starting exactly at `pos` (``12:00~``,
    ``17:30 – open``, ``7:00 pm -``): the start and where the range ends."""
    first = clock_at(text, pos)
    if first is None:
        return None
    start, at = first
    sep = _SEPARATOR.match(text, at)
    if sep is None or not sep.group(0).strip():
        return None
    at = sep.end()
    word = _OPEN_WORDS.match(text, at)
    if word is not None:
        return start, word.end()
    if text[at:at + 1].isdigit() or clock_at(text, at) is not None:
        return None
    return start, at


def find_span(text: str) -> Span | None:
    """The first time range anywhere in `text`."""
    found = find_span_at(text)
    return found[1] if found is not None else None


_CLOCK_FIRSTS = frozenset("오낮밤저새아정자NnMm")


def find_span_at(text: str, start: int = 0) -> tuple[int, Span] | None:
    """The first time range in `text` from `start` on, with the position it starts at."""
    for pos in range(start, len(text)):
        char = text[pos]
        before = text[pos - 1] if pos else " "
        if (char.isdigit() or char in _CLOCK_FIRSTS) and not before.isdigit() and not (
                before.isascii() and before.isalpha()):
            span = match_span(text, pos)
            if span is not None:
                return pos, span
    return None


def match_duration(text: str, pos: int = 0) -> tuple[int, int] | None:
    """A stated duration in minutes starting exactly at `pos`: ``(minutes, stop)``."""
    for pattern in _DURATIONS:
        found = pattern.match(text, pos)
        if found is None or not found.group(0).strip():
            continue
        numbers = [g for g in found.groups()]
        if pattern is _DURATIONS[2]:
            hours, minutes = numbers
            if hours is None and minutes is None:
                continue
            return int(hours or 0) * 60 + int(minutes or 0), found.end()
        return int(numbers[0]), found.end()
    return None


def trailing_duration(text: str) -> tuple[int, str] | None:
    """A parenthesised duration at the very end of `text` (``Keynote (45 min)``):
    the minutes and the text before it."""
    stripped = text.rstrip()
    if not stripped.endswith((")", "]")):
        return None
    opening = max(stripped.rfind("("), stripped.rfind("["))
    if opening < 0:
        return None
    found = match_duration(stripped, opening)
    if found is None or found[1] != len(stripped):
        return None
    return found[0], stripped[:opening].rstrip()


def strip_bullets(text: str) -> tuple[str, bool]:
    """`text` without its leading bullets and numbering (a few at most), and whether
    there was one."""
    rest = text.lstrip()
    had = False
    for _ in range(4):
        if rest.startswith(("**", "__")):
            rest = rest[2:].lstrip()
            continue
        if rest[:1] in _BULLETS and not rest[1:2].isdigit():
            rest = rest[1:].lstrip()
            had = True
            continue
        found = _NUMBERING.match(rest)
        if found is not None and found.end() < len(rest):
            rest = rest[found.end():]
            had = True
            continue
        break
    return rest, had


def is_furniture(text: str) -> bool:
    """Page furniture: a page number (``- 3 -``, ``Page 2 of 5``) or a rule line."""
    found = _FURNITURE.fullmatch(text.strip())
    return found is not None


def split_arrows(text: str) -> list[str] | None:
    """The names of an arrow list (``부산 → 강원 → 충북``), else None."""
    body = text
    for arrow in _ARROWS[1:]:
        body = body.replace(arrow, _ARROWS[0])
    if _ARROWS[0] not in body:
        return None
    names = [name.strip(" \t,;·") for name in body.split(_ARROWS[0])]
    if len(names) < 2 or not all(names):
        return None
    return names


def _weekday_near(text: str, start: int, stop: int) -> tuple[str | None, int]:
    after = _WEEKDAY_AFTER.match(text, stop)
    if after is not None:
        word = after.group(1) or after.group(2)
        if word is not None and _is_weekday(word):
            return word.strip(), after.end()
    before = _WEEKDAY_BEFORE.search(text[max(0, start - 16):start])
    if before is not None:
        return before.group(1).strip(" ,."), stop
    return None, stop


def _is_weekday(word: str) -> bool:
    from .._layout import parse_weekday

    return parse_weekday(word) is not None


def find_date(text: str) -> DateFact | None:
    """The first date written in `text` (with its weekday when one stands beside it)."""
    best: DateFact | None = None
    for shape, pattern in _DATES:
        found = pattern.search(text)
        if found is None or (best is not None and found.start() >= best.start):
            continue
        fact = _date_of(shape, found)
        if fact is None:
            continue
        best = fact
    return best


def _date_of(shape: str, found: re.Match[str]) -> DateFact | None:
    groups = found.groups()
    year: int | None
    if shape == "ymd":
        year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
    elif shape == "ko":
        year = int(groups[0]) if groups[0] else None
        month, day = int(groups[1]), int(groups[2])
    elif shape == "mdy":
        month = _MONTHS.index(groups[0].lower()) + 1
        day = int(groups[1])
        year = int(groups[2]) if groups[2] else None
    elif shape == "dmy":
        day = int(groups[0])
        month = _MONTHS.index(groups[1].lower()) + 1
        year = int(groups[2]) if groups[2] else None
    elif shape == "us":
        month, day, year = int(groups[0]), int(groups[1]), int(groups[2])
    else:
        year = 2000 + int(groups[0]) if groups[0] else None
        month, day = int(groups[1]), int(groups[2])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    text = found.string
    weekday, stop = _weekday_near(text, found.start(), found.end())
    return DateFact(year, month, day, weekday, found.start(), stop)


PATTERNS: tuple[re.Pattern[str], ...] = (
    _CLOCK, _WORD_CLOCK, _MILITARY, _MARK, _MINUTES_ONLY, _UNTIL, _OPEN_WORDS, _AMPM, _SEPARATOR,
    _ISO_DAY, *_DURATIONS, _NUMBERING, _FURNITURE,
    *(pattern for _, pattern in _DATES), _WEEKDAY_AFTER, _WEEKDAY_BEFORE,
)
"""Every pattern of this module (the fuzz tests check that their repeats are bounded)."""
