"""Header facts around an agenda table: title, date with weekday, time window,
place and time zone, each from the line that states it.

Labelled lines are read first (``(일시) 3.13(수) 14:00~15:00``, ``When: ...``,
``- **장소**: ...``); the title falls back to an e-mail's subject, a Markdown
heading, then the nearest heading-like line above the facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._rows import Facts
from ._scan import DateFact, Span, find_date, find_span, strip_bullets

__all__ = ["day_heading", "read_facts", "unmark"]

_DATE_LABELS = ("일시", "일자", "날짜", "시간", "date", "when", "time", "day")
_PLACE_LABELS = ("장소", "위치", "place", "venue", "location", "where", "room")
_TITLE_LABELS = ("제목", "회의명", "행사명", "title", "subject", "meeting", "event")


def _spaced(label: str) -> str:
    """A Korean label as documents space it out (``일 시``, ``장  소``)."""
    if label.isascii():
        return label
    return r"\s{0,3}".join(label)


_ALL = "|".join(_spaced(label) for label in (*_DATE_LABELS, *_PLACE_LABELS, *_TITLE_LABELS))
_LABELLED = re.compile(
    r"(?:[\(\[<【]\s{0,2}(" + _ALL + r")\s{0,2}[\)\]>】]\s{0,2}[:：]?|(" + _ALL +
    r")(?:\s{0,2}/\s{0,2}(?:" + _ALL + r"))?\s{0,2}[:：]|(?<![^\s\-])(" + _ALL +
    r")\s{1,4}(?=\d))\s{0,4}", re.IGNORECASE)
_MAIL_HEADER = re.compile(r"(from|to|cc|date|sent|subject|when|where|보낸\s?사람|받는\s?사람|참조|"
                          r"제목|날짜)"
                          r"\s{0,2}:", re.IGNORECASE)
_ZONE = re.compile(r"\(\s{0,2}([A-Za-z]{2,14}(?:/[A-Za-z0-9_+\-]{1,30}){1,2}|UTC|KST|JST|GMT)"
                   r"\s{0,2}\)|(?<![A-Za-z])(KST|JST|UTC|GMT)(?![A-Za-z])")
_ABBREVIATIONS = {"KST": "Asia/Seoul", "JST": "Asia/Tokyo", "UTC": "UTC", "GMT": "UTC"}
_TITLE_PREFIX = re.compile(r"(?:참고|붙임|첨부|별첨)\s{1,4}|(?:agenda|re|fwd|fw|aw|wg)\s{0,2}"
                           r"(?::|\s[-–—])\s{0,4}|\[[^\]]{1,30}\]\s{0,4}", re.IGNORECASE)
_TITLE_SUFFIXES = ("개최 계획", "행사 계획", "추진 계획", "계획", "개요", "일정표", "세부 일정",
                   "일정", "agenda", "programme", "program", "schedule")
_SECTION_MARKS = ("□", "■", "○", "◦", "▪", "•", "-", "*", "※", "|", "+", ">", "❒", "❍")
_NUMBERED = re.compile(r"\d{1,2}[.)]\s|[IVX]{1,4}\.\s|[가-하]\.\s")


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unmark(text: str) -> str:
    """`text` without Markdown emphasis marks, heading hashes and backslash escapes."""
    plain = text.replace("**", "").replace("__", "").lstrip("#").strip()
    return _ESCAPED.sub(r"\1", plain) if "\\" in plain else plain


def _zone_of(text: str) -> str | None:
    named = [m for m in _ZONE.finditer(text) if m.group(1) and "/" in m.group(1)]
    found = named[0] if named else _ZONE.search(text)
    if found is None:
        return None
    name = found.group(1) or found.group(2)
    return _ABBREVIATIONS.get(name.upper(), name) if name.upper() in _ABBREVIATIONS else name


def _clean_title(text: str) -> str:
    title = " ".join(text.split())
    for _ in range(4):
        found = _TITLE_PREFIX.match(title)
        if found is None or found.end() == len(title):
            break
        title = title[found.end():]
    for suffix in _TITLE_SUFFIXES:
        if title.lower().endswith(" " + suffix) and len(title) > len(suffix) + 1:
            title = title[: -len(suffix)].strip(" :-")
            break
    return title


def _heading_like(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 80 or stripped.startswith(_SECTION_MARKS):
        return False
    if stripped.endswith((".", ",", ":", "!", "?", "다", ")")) or _LABELLED.match(stripped):
        return False
    if _NUMBERED.match(stripped):  # "1. 행사 개요": a section of the document
        return False
    return find_span(stripped) is None


def read_facts(lines: Sequence[tuple[int, str]], first_row: int, facts: Facts) -> None:
    """Fill `facts` from `lines` (number, text): the document's lines outside its table;
    `first_row` is the line of the table's first row (the title is looked for above)."""
    mail_subject: tuple[int, str] | None = None
    skip: set[int] = set()
    content = [(n, t) for n, t in lines if t.strip()]
    if content and _MAIL_HEADER.match(content[0][1].strip()):
        for n, text in lines:
            if not text.strip():
                break
            skip.add(n)
            header = _MAIL_HEADER.match(text.strip())
            if header is not None and header.group(1).lower() in ("subject", "제목"):
                mail_subject = (n, text.strip()[header.end():].strip())
    heading: tuple[int, str] | None = None
    first_fact = 0
    for n, raw in lines:
        if n in skip:
            continue
        text, _ = strip_bullets(unmark(raw))
        if raw.lstrip().startswith("#") and heading is None and unmark(raw):
            heading = (n, unmark(raw))
        labelled = _LABELLED.match(text)
        if labelled is None:
            continue
        label = "".join((labelled.group(1) or labelled.group(2) or labelled.group(3)
                         ).lower().split())
        value = text[labelled.end():].strip()
        if not value:
            continue
        first_fact = first_fact or n
        if label in _DATE_LABELS:
            _date_facts(facts, n, value)
        elif label in _PLACE_LABELS and facts.place is None:
            facts.place = value
        elif label in _TITLE_LABELS and facts.title is None:
            facts.title, facts.title_line = _clean_title(value), n
    if facts.date is None:  # a mail's Date:/When: header is the date when nothing else is
        for n, raw in lines:
            header = _MAIL_HEADER.match(raw.strip()) if n in skip else None
            if header is not None and header.group(1).lower() in ("date", "when", "날짜", "sent"):
                _date_facts(facts, n, raw.strip()[header.end():].strip())
    for n, raw in lines:
        if n in skip or facts.year is not None:
            continue
        found = find_date(raw)
        if found is not None and found.year is not None:
            facts.year, facts.year_line = found.year, n
    if facts.date is None:
        for n, raw in lines:
            if n in skip or (first_row and n > first_row):
                continue
            found = find_date(raw)
            if found is not None and found.weekday is not None:
                facts.date, facts.date_line = found, n
                break
    if facts.zone is None:  # "(America/New_York)" written beside an unlabelled date
        for n, raw in lines:
            if n not in skip and "/" in raw and find_date(raw) is not None:
                zone = _zone_of(raw)
                if zone is not None and "/" in zone:
                    facts.zone = zone
                    break
    if facts.title is None and mail_subject is not None and mail_subject[1]:
        facts.title, facts.title_line = _clean_title(mail_subject[1]), mail_subject[0]
    if facts.title is None and heading is not None:
        facts.title, facts.title_line = _clean_title(heading[1]), heading[0]
    if facts.title is None:
        limit = first_fact or first_row or (lines[-1][0] + 1 if lines else 0)
        for n, raw in reversed(lines):
            if n < limit and n not in skip and _heading_like(raw):
                facts.title, facts.title_line = _clean_title(raw), n
                break
    if facts.title is None and facts.date is not None and facts.date_line:
        # "Research Meetup, Thursday, June 5, 2025": the name before the date
        line = dict(lines).get(facts.date_line, "")
        if _LABELLED.match(strip_bullets(unmark(line))[0]):
            line = ""
        head = ""
        found = find_date(line)
        if found is not None and found.start > 3:
            head = line[:found.start]
            weekday = re.search(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?\W{0,3}$",
                                head, re.IGNORECASE)
            if weekday is not None:
                head = head[:weekday.start()]
        head = unmark(head).strip(" ,-–—:|")
        if 3 <= len(head) <= 80 and not _LABELLED.match(head):
            facts.title, facts.title_line = _clean_title(head), facts.date_line
    if facts.title is None:  # "❒ 의병장 추모제": a section-marked line above the facts
        limit = first_fact or first_row or (lines[-1][0] + 1 if lines else 0)
        for n, raw in lines:
            body = raw.strip().lstrip("".join(_SECTION_MARKS) + "❒❍■▣◈ ").strip()
            if n < limit and n not in skip and body and _heading_like(body) and (
                    body != raw.strip()):
                facts.title, facts.title_line = _clean_title(body), n
                break


def _date_facts(facts: Facts, n: int, value: str) -> None:
    date = find_date(value)
    if date is not None and facts.date is None:
        facts.date, facts.date_line = date, n
    rest = value[date.stop:] if date is not None else value
    span = find_span(rest)
    if span is not None and facts.window is None:
        facts.window, facts.window_line = span, n
    zone = _zone_of(value)
    if zone is not None and facts.zone is None:
        facts.zone = zone


_DAY_HEADING_LONGEST = 80


def day_heading(text: str) -> tuple[DateFact, Span] | None:
    """The day a heading line names, as agenda's own tables head each day of a meeting
    held over days (``## 2024-05-20(월) 09:00~14:45``, ``Mon 2024-05-20 09:00–14:45``,
    a range that ends the next day included): its date and its time range. A labelled
    line (``일시: …``, ``When: …``) is a header fact, not a day heading."""
    line = strip_bullets(unmark(text))[0].strip()
    if not line or len(line) > _DAY_HEADING_LONGEST or _LABELLED.match(line):
        return None
    date = find_date(line)
    if date is None:
        return None
    span = find_span(line[date.stop:])
    if span is None:
        return None
    return date, span
