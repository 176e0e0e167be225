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
    "Clock", "DateFact", "Span", "clock_at", "find_date", "find_span", "is_furniture",
    "match_duration", "match_span", "split_arrows", "strip_bullets", "trailing_duration",
]

_MERIDIEM = r"(?:\s?([AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))"
_CLOCK = re.compile(
    r"(?:(오전|오후)\s?)?(\d{1,2})"
    r"(?:\s?[:：]\s?(\d{2})(?!\d)|\s?시(?:\s?(\d{1,2})\s?분)?)?"
)
_AMPM = re.compile(_MERIDIEM)
_SEPARATOR = re.compile(r"\s{0,3}(?:[~～\-–—‒―]|to(?![A-Za-z])|부터)\s{0,3}")
_ISO_DAY = re.compile(r"(?:[A-Za-z]{3}\s)?(\d{4})-(\d{2})-(\d{2})"
                      r"(?:\s?\(\s?([^\s()]{1,3})\s?\))?\s{0,2}")

# Stated durations: ('2)  (’2)  (2')  2분  (2 min)  2m  (1h 30m)  1시간 30분
_QUOTES = "'’‘′`"
_DURATIONS = (
    re.compile(r"\(\s{0,2}[" + _QUOTES + r"]\s{0,2}(\d{1,4})\s{0,2}[" + _QUOTES + r"]?\)"),
    re.compile(r"\(?\s{0,2}(\d{1,4})\s{0,2}[" + _QUOTES + r"]\s{0,2}\)?"),
    re.compile(
        r"[\(\[]?\s{0,2}(?:(\d{1,3})\s{0,2}(?:시간|hours?|hrs?|h)(?![A-Za-z])\s{0,2})?"
        r"(?:(\d{1,4})\s{0,2}(?:분|minutes?|mins?|m)(?![A-Za-z])\.?)?\s{0,2}[\)\]]?"
    ),
)
_BULLETS = frozenset("▪▫■□●○◦•·‣∙-–*+※▶►▷◆◇☐✓✔>")
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
    """A wall-clock time as written: minutes after midnight (``24:00`` is 1440), and
    whether the writer gave ``AM``/``PM`` (or 오전/오후)."""

    minutes: int
    meridiem: str | None = None  # "a" or "p"


@attrs.frozen
class Span:
    """A time range as written (``14:00~14:02``); `end_date` when the end names its
    day (``23:30~2024-03-14(목) 00:30``); `stop` is where the range ends in the text."""

    start: Clock
    end: Clock
    stop: int
    end_date: tuple[int, int, int] | None = None


@attrs.frozen
class DateFact:
    """A date as written: the year when given, the weekday when written beside it."""

    year: int | None
    month: int
    day: int
    weekday: str | None
    start: int
    stop: int


def clock_at(text: str, pos: int) -> tuple[Clock, int] | None:
    if pos > 0 and text[pos - 1].isdigit():
        return None
    found = _CLOCK.match(text, pos)
    if found is None:
        return None
    ampm_ko, hour_text, minute_colon, minute_ko = found.groups()
    stop = found.end()
    hour = int(hour_text)
    meridiem = None
    if ampm_ko:
        meridiem = "a" if ampm_ko == "오전" else "p"
    ampm = _AMPM.match(text, stop)
    if ampm is not None and 1 <= hour <= 12:  # "14:12 am..." is a time and a word
        meridiem, stop = ampm.group(1).lower(), ampm.end()
    if minute_colon is None and "시" not in found.group(0) and meridiem is None:
        return None
    minute = int(minute_colon or minute_ko or 0)
    if minute > 59:
        return None
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif hour > 24 or (hour == 24 and minute):
        return None
    return Clock(hour * 60 + minute, meridiem), stop


def _with_meridiem(clock: Clock, meridiem: str) -> Clock:
    hour = clock.minutes // 60 % 12 + (12 if meridiem == "p" else 0)
    return Clock(hour * 60 + clock.minutes % 60, meridiem)


def match_span(text: str, pos: int = 0) -> Span | None:
    """The time range that starts exactly at `pos`, else None."""
    first = clock_at(text, pos)
    if first is None:
        return None
    start, at = first
    sep = _SEPARATOR.match(text, at)
    if sep is None:
        return None
    at = sep.end()
    end_date = None
    day = _ISO_DAY.match(text, at)
    if day is not None:
        end_date = (int(day.group(1)), int(day.group(2)), int(day.group(3)))
        at = day.end()
    second = clock_at(text, at)
    if second is None:
        return None
    end, stop = second
    if start.meridiem is None and end.meridiem is not None and start.minutes < 13 * 60:
        # "10:30–11:45 AM": the start shares the end's half of the day unless that
        # would put it after the end (11:30–1:00 PM).
        same = _with_meridiem(start, end.meridiem)
        other = _with_meridiem(start, "a" if end.meridiem == "p" else "p")
        start = same if same.minutes <= end.minutes else other
    return Span(start, end, stop, end_date)


def find_span(text: str) -> Span | None:
    """The first time range anywhere in `text`."""
    for pos, char in enumerate(text):
        if (char.isdigit() or char == "오") and (pos == 0 or not text[pos - 1].isdigit()):
            span = match_span(text, pos)
            if span is not None:
                return span
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
    _CLOCK, _AMPM, _SEPARATOR, _ISO_DAY, *_DURATIONS, _NUMBERING, _FURNITURE,
    *(pattern for _, pattern in _DATES), _WEEKDAY_AFTER, _WEEKDAY_BEFORE,
)
"""Every pattern of this module (the fuzz tests check that their repeats are bounded)."""
