"""A repeat rule in words, Korean and English: ``FREQ=MONTHLY;BYDAY=2WE;COUNT=6`` is
"매월 둘째 수요일, 6회" and "every month on the second Wednesday, 6 times".

The words cover what secretariats write: a frequency and its interval, weekdays (with
their place in the month), days of the month, months, and the end (``COUNT`` or
``UNTIL``). What a rule says beyond that (``BYSETPOS``, ``BYHOUR``...) is not put into
words: the rule itself follows in parentheses, so that nothing it says is lost.
"""

from __future__ import annotations

import datetime as _dt

from .._time import wall

__all__ = ["rule_words"]

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEKDAYS = {
    "ko": ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_ORDINAL = {
    "ko": {1: "첫째", 2: "둘째", 3: "셋째", 4: "넷째", 5: "다섯째", -1: "마지막",
           -2: "끝에서 둘째"},
    "en": {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last",
           -2: "second to last"},
}
_WORDED = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST"}


def _parts(rule: str) -> dict[str, str]:
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    out = {}
    for part in text.split(";"):
        key, _, value = part.partition("=")
        if key.strip():
            out[key.strip().upper()] = value.strip().upper()
    return out


def _weekday(code: str, lang: str) -> tuple[int | None, str] | None:
    """(its place in the month or None, the weekday's name) of ``2WE``, ``-1FR``, ``MO``."""
    name = code[-2:]
    if name not in _DAYS:
        return None
    place = code[:-2]
    try:
        number = int(place) if place else None
    except ValueError:
        return None
    return number, _WEEKDAYS[lang][_DAYS.index(name)]


def _and(words: list[str], lang: str) -> str:
    if lang == "ko" or len(words) < 2:
        return ", ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _until(value: str, zone: str) -> str | None:
    """The last date UNTIL allows, in the meeting's zone (a UTC time is read there)."""
    try:
        day = _dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        if not value.endswith("Z"):
            return day.isoformat()  # a date, or a wall-clock time in the meeting's zone
        clock = _dt.time(int(value[9:11]), int(value[11:13]), int(value[13:15]))
    except ValueError:
        return None
    utc = int(_dt.datetime.combine(day, clock, tzinfo=_dt.UTC).timestamp())
    return wall(utc, zone).date().isoformat()


def _numbers(value: str) -> list[int] | None:
    try:
        return [int(v) for v in value.split(",") if v]
    except ValueError:
        return None


def rule_words(rule: str, first: _dt.date, zone: str, lang: str = "ko") -> str:
    """`rule` (an RRULE of a meeting whose first date is `first`, in `zone`) in words in
    `lang` (``ko`` or ``en``); see the module."""
    lang = "en" if lang == "en" else "ko"
    parts = _parts(rule)
    freq = parts.get("FREQ", "")
    try:
        every = max(1, int(parts.get("INTERVAL", "1")))
    except ValueError:
        every = 1
    days = [_weekday(code, lang) for code in parts.get("BYDAY", "").split(",") if code]
    month_days = _numbers(parts.get("BYMONTHDAY", ""))
    months = _numbers(parts.get("BYMONTH", ""))
    spoken = (freq in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY") and None not in days
              and month_days is not None and months is not None
              and not set(parts) - _WORDED)
    head = _head(freq, every, lang) if spoken else None
    if head is None:
        return rule
    found = [d for d in days if d is not None]
    when = _when(freq, found, month_days or [], months or [], first, lang)
    words = f"{head} {when}".strip() if lang == "ko" else " ".join(w for w in (head, when) if w)
    tail = []
    if "COUNT" in parts and parts["COUNT"].isdigit():
        count = int(parts["COUNT"])
        tail.append(f"{count}회" if lang == "ko" else f"{count} time{'s' if count != 1 else ''}")
    if "UNTIL" in parts:
        last = _until(parts["UNTIL"], zone)
        if last is None:
            return rule
        tail.append(f"{last}까지" if lang == "ko" else f"until {last}")
    return ", ".join([words, *tail])


def _head(freq: str, every: int, lang: str) -> str | None:
    if lang == "ko":
        unit = {"DAILY": ("매일", "일"), "WEEKLY": ("매주", "주"), "MONTHLY": ("매월", "개월"),
                "YEARLY": ("매년", "년")}[freq]
        return unit[0] if every == 1 else f"{every}{unit[1]}마다"
    unit_en = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}[freq]
    return f"every {unit_en}" if every == 1 else f"every {every} {unit_en}s"


def _month_day(day: int, lang: str) -> str:
    if lang == "ko":
        return f"{day}일" if day > 0 else ("말일" if day == -1 else f"끝에서 {-day}번째 날")
    return f"day {day}" if day > 0 else ("the last day" if day == -1 else f"day {day}")


def _when(freq: str, days: list[tuple[int | None, str]], month_days: list[int],
          months: list[int], first: _dt.date, lang: str) -> str:
    """What the rule picks within its period: weekdays, days of the month, months."""
    ko = lang == "ko"
    picked: list[str] = []
    for place, name in days:
        if place is None:
            picked.append(name)
        else:
            ordinal = _ORDINAL[lang].get(place, f"{place}.")
            picked.append(f"{ordinal} {name}" if ko else f"the {ordinal} {name}")
    picked += [_month_day(day, lang) for day in month_days]
    if not picked and freq in ("MONTHLY", "YEARLY"):
        picked = [_month_day(first.day, lang)]  # the first date's day, as RFC 5545 says
    if freq == "WEEKLY" and not picked:
        picked = [_WEEKDAYS[lang][first.weekday()]]
    if freq == "YEARLY" and not months:
        months = [first.month]
    month_words = [f"{m}월" if ko else _MONTHS_EN[m - 1] for m in months if 1 <= m <= 12]
    if not ko and freq == "YEARLY" and not days and len(month_words) == 1 and all(
            day > 0 for day in month_days or [first.day]):
        return f"on {_and([f'{month_words[0]} {d}' for d in month_days or [first.day]], lang)}"
    if ko:
        return " ".join(w for w in (_and(month_words, lang), _and(picked, lang)) if w)
    text = f"on {_and(picked, lang)}" if picked else ""
    if month_words:
        text = f"{text} in {_and(month_words, lang)}".strip()
    return text
