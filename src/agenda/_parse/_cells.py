"""Rows of cells (a Markdown table, a web table pasted one cell per line, a table
of an HTML, DOCX or HWPX document) read by what the cells hold, not where they
stand.

The time cell is the cell that holds a time range (``14:00~14:30``), an open one
(``12:00~``) or a start alone, wherever it stands in its row; a cell written as a
duration (``40’``, ``(20분)``, ``20 min``) is the row's stated minutes. The header
row, when there is one, names the other columns, counted from the time cell: a row
that is one cell short because a cell above it spans several rows (a rowspan on
the page) keeps its roles. A title cell's first line is the title, its further
lines the row's topics.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ._header import unmark
from ._rows import MAX_DEPTH, Moment, Row
from ._scan import (
    clock_at,
    match_dated_span,
    match_duration,
    match_open,
    split_arrows,
    strip_bullets,
    trailing_duration,
)

__all__ = ["Cells", "Rows", "header_roles", "read_cells", "role_of", "split_room", "time_cell"]

_ROLES: dict[str, tuple[str, ...]] = {
    "time": ("시간", "time", "일시", "시각", "when", "hours", "schedule", "timeslot"),
    "start": ("시작", "start", "from", "begins", "starttime", "시작시간", "시작시각", "부터"),
    "end": ("종료", "end", "until", "to", "ends", "endtime", "종료시간", "종료시각", "끝",
            "까지"),
    "minutes": ("분", "minutes", "min", "mins", "duration", "length", "소요", "소요시간",
                "소요분", "시간분"),
    "title": ("내용", "item", "title", "안건", "topic", "session", "제목", "programme",
              "program", "agenda", "what", "세부내용", "프로그램", "행사", "subject", "행사명",
              "activity", "주요내용", "식순", "순서명", "event"),
    "presenter": ("발표자", "presenter", "speaker", "speakers", "발표", "진행", "who", "by",
                  "담당", "연사", "lead", "host", "사회", "강사", "발제자"),
    "notes": ("비고", "notes", "note", "remarks", "참고", "comments", "comment", "장소",
              "place", "room", "venue", "location"),
    "category": ("구분", "category", "track", "part", "세션"),
    "number": ("번호", "no", "#", "순서", "nr"),
    "depth": ("깊이", "depth", "level"),
}
_WORD_ROLE = {word: role for role, words in _ROLES.items() for word in words}
_SQUEEZE = re.compile(r"[\s.:()\[\]*_]")
_DEPTH_DOTS = "·"
_TITLE_BULLETS = frozenset("◦○●▪■□◆◇❍❒∘ㆍ▶►▷•")


def role_of(label: str) -> str | None:
    """The role of a column from its header label (``비고`` → ``notes``,
    ``시 간`` → ``time``)."""
    key = _SQUEEZE.sub("", unmark(label).lower())
    return _WORD_ROLE.get(key)


def header_roles(cells: Sequence[str]) -> list[str | None] | None:
    """The roles a header row names, or None when `cells` is no header (fewer than
    two known labels, or a cell that holds a time)."""
    if any(time_cell(cell) is not None for cell in cells):
        return None
    roles = [role_of(cell) for cell in cells]
    known = [r for r in roles if r is not None]
    if len(known) < 2 or not {"time", "start", "title"} & set(known):
        return None
    return roles


@attrs.frozen
class _Time:
    """What a time cell holds: the row it starts and the text after the time."""

    start: Moment
    end: Moment | None
    rest: str
    stated: int | None
    open: bool


def time_cell(text: str) -> _Time | None:
    """The time a cell holds at its start (after bullets and depth dots)."""
    body = strip_bullets(text.lstrip(_DEPTH_DOTS + " "))[0].strip()
    span = match_dated_span(body)
    if span is not None:
        rest = body[span.stop:]
        stated = None
        lead = len(rest) - len(rest.lstrip())
        duration = match_duration(rest, lead) if rest.strip() else None
        if duration is not None:
            stated, rest = duration[0], rest[duration[1]:]
        return _Time(Moment(span.start, span.start_date), Moment(span.end, span.end_date),
                     rest.strip(), stated, False)
    found = match_open(body)
    if found is not None:
        return _Time(Moment(found[0]), None, body[found[1]:].strip(" |"), None, True)
    clock = clock_at(body, 0)
    if clock is not None and not body[clock[1]:].strip(" :|-–"):
        return _Time(Moment(clock[0]), None, "", None, False)
    return None


def split_room(text: str) -> tuple[str | None, str]:
    """The room a notes cell names on its first line, as agenda's own tables write it
    (``장소: Room A``, ``Room: Room A``), and the rest of the cell."""
    from .._words.labels import LABELS

    first, _, rest = text.strip().partition("\n")
    for labels in LABELS.values():
        head = f"{labels.room}:"
        if first.startswith(head) and first[len(head):].strip():
            return first[len(head):].strip(), rest.strip()
    return None, text


def _wordy(text: str) -> bool:
    """A cell with words in it (not a lone ``:`` or ``-`` a table puts between columns)."""
    return any(char.isalnum() for char in text)


def _stated(text: str) -> int | None:
    text = text.strip()
    found = match_duration(text)
    if found is not None and found[1] == len(text):
        return found[0]
    return None


@attrs.define
class Cells:
    """One row of a table: its line and its cells (line breaks kept)."""

    line: int
    cells: list[str]


class Rows:
    """Rows collected in order, nested by depth."""

    def __init__(self) -> None:
        self.top: list[Row] = []
        self.stack: list[Row] = []

    def add(self, row: Row) -> None:
        row.depth = min(row.depth, MAX_DEPTH)
        while self.stack and self.stack[-1].depth >= row.depth:
            self.stack.pop()
        if self.stack:
            row.depth = self.stack[-1].depth + 1
            self.stack[-1].children.append(row)
        else:
            row.depth = 0
            self.top.append(row)
        self.stack.append(row)

    @property
    def last(self) -> Row | None:
        return self.stack[-1] if self.stack else None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _title_and_topics(row: Row, text: str) -> None:
    lines = _lines(text)
    if not lines:
        return
    first = lines[0]
    if first[:1] in _TITLE_BULLETS and first[1:2].isspace():  # "◦ 제1부 제례식"
        first = first[1:]
    row.title = " ".join(first.split())
    for k, more in enumerate(lines[1:]):
        room, _ = split_room(more) if k == 0 and row.room is None else (None, "")
        part = time_cell(more) if more[:1].isdigit() or more[:1] in _DEPTH_DOTS else None
        if room is not None:  # agenda's grids name the room under the title
            row.room = room
        elif part is not None and not part.open and part.end is not None:
            # a line of the cell that starts with its own times is a part of the row
            row.children.append(Row(row.line, part.start, part.end, depth=row.depth + 1,
                                    stated=part.stated, title=part.rest))
        elif row.children:
            _topic(row.children[-1], more)
        else:
            _topic(row, more)


def _topic(row: Row, text: str) -> None:
    body, _ = strip_bullets(text)
    order = split_arrows(body.lstrip("※*- "))
    if order is not None:
        row.order, row.order_line = order, row.line
    elif body:
        row.notes.append(body)


def _end_cell(text: str) -> Moment | None:
    clock = clock_at(text.strip(), 0)
    if clock is None or text.strip()[clock[1]:].strip():
        return None
    return Moment(clock[0])


def read_cells(table: Sequence[Cells], roles: list[str | None] | None, rows: Rows,
               facts_category: list[str]) -> None:
    """Add the timed rows of `table` (its header already taken off; `roles` are the
    header's, or None) to `rows`; rows without a time continue the row above."""
    time_index = None
    if roles is not None:
        for wanted in ("time", "start"):
            if wanted in roles:
                time_index = roles.index(wanted)
                break
    for entry in table:
        row = _read_row(entry, roles, time_index, facts_category)
        if row is None:
            last = rows.last
            if last is not None:
                for text in entry.cells:
                    if text.strip() and role_of(text) is None:
                        for line in _lines(text):
                            if not last.title:
                                last.title = line
                            else:
                                _topic(last, line)
            continue
        rows.add(row)


def _read_row(entry: Cells, roles: list[str | None] | None, time_index: int | None,
              facts_category: list[str]) -> Row | None:
    cells = entry.cells
    found: tuple[int, _Time] | None = None
    for k, text in enumerate(cells):
        time = time_cell(text)
        if time is not None:
            found = (k, time)
            break
    if found is None:
        return None
    at, time = found
    shift = (time_index - at) if time_index is not None else 0

    def role(k: int) -> str | None:
        if roles is None or not 0 <= k + shift < len(roles):
            return None
        return roles[k + shift]

    raw = cells[at].strip()
    depth = len(raw) - len(raw.lstrip(_DEPTH_DOTS))
    if depth:  # agenda's own nested rows: "· 10:15~11:30 Data" in the title column
        shift = 0
    row = Row(entry.line, time.start, time.end, depth=depth, stated=time.stated,
              open_end=time.open)
    used = {at}
    # "부터 | 까지": an end column right after a start-only time cell
    if time.end is None and not time.open and at + 1 < len(cells):
        end = _end_cell(cells[at + 1])
        if end is not None:
            row.end = end
            used.add(at + 1)
    for k, text in enumerate(cells):
        if k in used or not text.strip():
            continue
        if row.stated is None and _stated(text) is not None:  # "40’", "(20분)", "20 min"
            row.stated = _stated(text)
            used.add(k)
    if row.stated is None:
        for k, text in enumerate(cells):
            if k not in used and role(k) == "minutes" and text.strip().isdigit():
                row.stated = int(text.strip())
                used.add(k)
    title_at = next((k for k, text in enumerate(cells)
                     if k not in used and role(k) == "title" and text.strip()), None)
    if title_at is None and time.rest:
        _title_and_topics(row, time.rest)
    else:
        if title_at is None:
            after = [k for k in range(at + 1, len(cells)) if k not in used and _wordy(cells[k])
                     and role(k) not in ("presenter", "category", "number", "depth")]
            before = [k for k in range(at) if k not in used and _wordy(cells[k])
                      and role(k) not in ("category", "number", "depth", "notes")]
            if roles is None and before:
                title_at = before[-1]
            elif after:
                title_at = after[0]
            elif before:
                title_at = before[-1]
        if title_at is not None:
            used.add(title_at)
            _title_and_topics(row, cells[title_at])
            if time.rest:
                row.notes.insert(0, time.rest)
    if row.stated is None and row.title:
        trailing = trailing_duration(row.title)
        if trailing is not None:
            row.stated, row.title = trailing
    extra: list[str] = []
    for k, text in enumerate(cells):
        if k in used or not _wordy(text):
            continue
        kind = role(k)
        value = " ".join(text.split()) if kind != "notes" else text.strip()
        if kind == "presenter":
            row.presenter.append(value)
        elif kind == "category" or (kind is None and k < at and roles is None):
            if not facts_category:
                facts_category.append(" ".join(text.split()))
        elif kind == "depth":
            if text.strip().isdigit():
                row.depth = int(text.strip())
        elif kind == "number":
            number = text.strip().strip(".")
            if "." in number and number.replace(".", "").isdigit():
                row.depth = number.count(".")
        elif kind == "notes":
            room, value = split_room(value)
            row.room = row.room or room
            if value:
                row.notes.append(value)
        else:
            extra.append(" ".join(text.split()))
    if extra:
        row.notes.append(" · ".join(extra))
    return row
