"""Free text: an agenda typed into a press release, a mail or a plain list.

A row is a line that starts (after bullets or numbering) with a time range
(``14:00~14:02 (’2) ▪사진촬영``). The lines after it, up to the next row, belong to
it: the first one is its title when the row line has none; an arrow list
(``※ 부산 → 강원``) names its parts in order; bullets and indented lines are its
topics (notes); a short plain line is its remark (presenter). A line that ends a
sentence, a mail's sign-off or a new section closes the table until the next row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._header import _LABELLED, read_facts, unmark
from ._rows import MAX_DEPTH, Facts, Moment, Row, Table
from ._scan import (
    clock_at,
    find_date,
    find_span,
    find_span_at,
    is_furniture,
    match_duration,
    match_open,
    match_span,
    split_arrows,
    strip_bullets,
    trailing_duration,
)

__all__ = ["COLUMN_WORDS", "read_text", "split_remark"]

COLUMN_WORDS = ("구분", "시간", "내용", "비고", "일시", "발표자", "시각", "담당", "안건", "주제",
                "time", "item", "notes", "topic", "speaker", "session", "remarks", "presenter",
                "category", "programme", "program", "agenda", "title", "who", "what", "when")
_CATEGORY_WORDS = ("구분", "category", "track")
_COLUMN_GAP = re.compile(r"\t|\s{3}|\s[|ㅣ]\s|\s{2}\*\s")
_SIGN_OFFS = ("best regards", "kind regards", "regards", "thanks", "thank you", "cheers",
              "sincerely", "감사합니다", "고맙습니다", "드림", "올림", "--")
_SENTENCE_ENDS = (".", "!", "?", ":", "다.", "요.")
_CONTINUES = (",", "·", "‧", "및", "and", "&", "/", "(")
_SECTION_STARTS = ("□", "■", "#", "[", "【", "<")
_PROSE_ENDS = ("다.", "다", "요.", "니다", ".", "!", "?")


def split_remark(text: str) -> tuple[str, str]:
    """A row's text cut into title and trailing remark at a column gap (a tab, three
    spaces, `` | `` or `` * ``)."""
    found = _COLUMN_GAP.search(text)
    if found is None:
        return text.strip(), ""
    return text[: found.start()].strip(), text[found.end():].strip()


def _is_column_header(text: str) -> bool:
    squeezed = text.replace(" ", "").replace("\t", "").lower()
    hits = sum(1 for word in COLUMN_WORDS if word in squeezed)
    return hits >= 3 or (hits >= 2 and len(squeezed) <= 24)


def _is_sign_off(text: str) -> bool:
    lowered = text.strip().lower().rstrip(",!")
    return lowered.startswith(_SIGN_OFFS) or lowered.endswith(("드림", "올림"))


class _Reader:
    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.rows: list[Row] = []
        self.stack: list[Row] = []  # the open row and its open ancestors
        self.used: set[int] = set()
        self.closed = True
        self.last_note_open = False
        self.category: list[str] = []
        self.in_category = False
        self.category_column = False
        self.above: tuple[int, str] | None = None  # the last line that was no row

    # -- rows ------------------------------------------------------------------

    def row_at(self, n: int, raw: str) -> bool:
        text = unmark(raw) if raw.lstrip().startswith(("**", "__")) else raw
        indent = len(text) - len(text.lstrip())
        body, _ = strip_bullets(text.replace("**", ""))
        span = match_span(body)
        if span is None:
            return self.open_row_at(n, body, indent) or self.titled_row_at(n, body, indent)
        rest = body[span.stop:]
        stated = None
        lead = len(rest) - len(rest.lstrip())
        duration = match_duration(rest, lead) if rest.strip() else None
        if duration is not None and (duration[1] == len(rest) or not rest[duration[1]].isalnum()):
            stated, rest = duration[0], rest[duration[1]:]
        title, remark = split_remark(rest.strip().lstrip(":|ㅣ–- \t"))
        title, _ = strip_bullets(title)
        if stated is None and title:
            trailing = trailing_duration(title)
            if trailing is not None:
                stated, title = trailing
        row = Row.of_span(n, span, indent=indent, stated=stated, title=title)
        if remark:
            self.remark(row, remark)
        self.place(n, row, indent)
        return True

    def open_row_at(self, n: int, body: str, indent: int) -> bool:
        """A row with a start and no end: an open range (``12:00~``) or a start alone
        followed by its title (``8:00 Registration``, ``08:00 : Registration``)."""
        found = match_open(body)
        is_open = found is not None
        if found is None:
            clock = clock_at(body, 0)
            if clock is None:
                return False
            after = body[clock[1]:]
            if after and not after[:1].isspace() and after[:1] not in ("|", ":", "-", "–", "ㅣ"):
                return False
            found = clock
        end = None
        if not is_open:  # "07:30 08:30 Breakfast": a range written without its dash
            gap = len(body[found[1]:]) - len(body[found[1]:].lstrip(" \t"))
            second = clock_at(body, found[1] + gap) if 0 < gap <= 3 else None
            if second is not None and second[0].minutes > found[0].minutes and (
                    body[second[1]:second[1] + 1] in ("", " ", "\t")):
                end, found = Moment(second[0]), (found[0], second[1])
        rest = body[found[1]:].strip(" \t|:-–ㅣ")
        stated = None
        duration = match_duration(rest) if rest else None
        if duration is not None and (duration[1] == len(rest) or not rest[duration[1]].isalnum()):
            stated, rest = duration[0], rest[duration[1]:].strip()
        title, remark = split_remark(rest)
        title, _ = strip_bullets(title)
        if not title and not is_open and body[found[1]:].strip():
            return False
        if stated is None and title:
            trailing = trailing_duration(title)
            if trailing is not None:
                stated, title = trailing
        row = Row(n, Moment(found[0]), end, indent=indent, stated=stated, title=title,
                  open_end=is_open)
        if remark:
            self.remark(row, remark)
        self.place(n, row, indent)
        return True

    def titled_row_at(self, n: int, body: str, indent: int) -> bool:
        """A row whose title comes before its range (``기념식수 15:10~15:30 (20분) 정원``,
        ``○ 1부 식전행사(18:00~18:30) : 레크리에이션``); the text after the range is its
        topic. Prose, labelled header lines and dates are no rows."""
        found = find_span_at(body)
        if found is None:
            return False
        at, span = found
        head = body[:at].rstrip(" \t([<【:–-").strip()
        if (not head or len(head) > 40 or find_date(head) is not None
                or _LABELLED.match(body) or body.rstrip().endswith(_PROSE_ENDS)
                or head.endswith(_PROSE_ENDS) or span.end_date is not None):
            return False
        rest = body[span.stop:].lstrip(" )]>】")
        stated = None
        duration = match_duration(rest, len(rest) - len(rest.lstrip())) if rest.strip() else None
        if duration is not None and (duration[1] == len(rest) or not rest[duration[1]].isalnum()):
            stated, rest = duration[0], rest[duration[1]:]
        title, _ = strip_bullets(head)
        row = Row.of_span(n, span, indent=indent, stated=stated, title=" ".join(title.split()))
        note = rest.strip(" \t:-–|ㅣ")
        if note:
            row.notes.append(note)
        self.place(n, row, indent)
        return True

    def place(self, n: int, row: Row, indent: int) -> None:
        while self.stack and (indent <= self.stack[-1].indent
                              or self.stack[-1].depth >= MAX_DEPTH):
            self.stack.pop()
        if self.stack:
            parent = self.stack[-1]
            row.depth = parent.depth + 1
            parent.children.append(row)
        else:
            self.rows.append(row)
        self.stack.append(row)
        self.closed = False
        self.last_note_open = False
        self.in_category = False
        self.used.add(n)

    @staticmethod
    def remark(row: Row, text: str) -> None:
        if text.startswith(("*", "※")):
            row.notes.append(text.lstrip("*※ ").strip())
        else:
            row.presenter.append(text)

    # -- the lines after a row -------------------------------------------------

    def follow(self, n: int, raw: str) -> None:
        row = self.stack[-1]
        stripped = raw.strip()
        body, bullet = strip_bullets(unmark(stripped))
        indented = len(raw) - len(raw.lstrip()) > row.indent
        if stripped.startswith(_SECTION_STARTS) or _is_sign_off(stripped):
            self.close()
            return
        order = split_arrows(body)
        if order is not None:
            row.order, row.order_line = order, n
        elif not row.title:
            title, remark = split_remark(body)
            trailing = trailing_duration(title)
            if trailing is not None and row.stated is None:
                row.stated, title = trailing
            row.title = title
            if remark:
                self.remark(row, remark)
        elif bullet or (indented and not self.last_note_open):
            row.notes.append(body)
            self.last_note_open = body.endswith(_CONTINUES)
            self.used.add(n)
            return
        elif self.last_note_open and row.notes:
            row.notes.append(body)
            row.glued.add(len(row.notes) - 1)
            self.last_note_open = body.endswith(_CONTINUES)
            self.used.add(n)
            return
        elif stripped.endswith(_SENTENCE_ENDS) or len(stripped) > 60:
            self.close()
            return
        else:
            self.remark(row, body)
        self.last_note_open = False
        self.used.add(n)

    def close(self) -> None:
        self.stack.clear()
        self.closed = True
        self.last_note_open = False

    # -- the category column (구분), between the column header and the first row --

    def before_rows(self, raw: str) -> None:
        if _is_column_header(raw):
            squeezed = raw.replace(" ", "").lower()
            self.category_column = any(word in squeezed for word in _CATEGORY_WORDS)
            self.in_category = self.category_column
            self.category.clear()
        elif self.in_category and raw.strip():
            if len(raw.strip()) <= 16 and find_span(raw) is None:
                self.category.append(raw.strip())
            else:
                self.in_category = False

    def read(self) -> None:
        for n, whole in enumerate(self.lines, start=1):
            if not whole.strip() or is_furniture(whole):
                continue
            pieces = _flattened(whole)
            if len(pieces) > 1:
                for piece in pieces:
                    self.row_at(n, piece)
                continue
            raw = _without_day(whole)
            if self.row_at(n, raw):
                row = self.stack[-1]
                if not row.title and self.above is not None:
                    self.take_above(row)
                self.above = None
                continue
            self.above = (n, raw)
            if not self.rows:
                self.before_rows(raw)
            elif not self.closed:
                self.follow(n, raw)

    def take_above(self, row: Row) -> None:
        """A range alone on its line takes its title from a short line right above it
        (``1부 기념식`` over ``10:00~11:00``) that no row has taken."""
        assert self.above is not None
        n, raw = self.above
        body, _ = strip_bullets(unmark(raw))
        if ((n + 1 < row.line and any(self.lines[k].strip() for k in range(n, row.line - 1)))
                or not body or len(body) > 40 or _LABELLED.match(body)
                or find_date(body) is not None or body.endswith(_PROSE_ENDS)
                or _is_column_header(body) or body.endswith(":")):
            return
        for parent in self.rows[-1:]:
            if parent is not row and n in {parent.line}:
                return
        if n in self.used:  # only a remark the row above took (never one of its topics)
            owner = next((r for r in reversed(self.rows[:-1]) if body in r.presenter),
                         None) if row.depth == 0 else None
            if owner is None:
                return
            owner.presenter.remove(body)
        row.title = body
        self.used.add(n)


_DAY_PREFIX = re.compile(r"\s{0,8}(?:[A-Za-z]{3,9}\.?,?\s{1,3})?\d{1,2}[./]\d{1,2}\.?\s{1,4}"
                         r"(?=\d{1,2}[:.]\d{2})")


def _without_day(line: str) -> str:
    """A row line without the day written before its range (``Tuesday 12/09 8:00-9:00
    Registration``, the first row of each day in a programme)."""
    found = _DAY_PREFIX.match(line)
    if found is None or match_span(line, found.end()) is None:
        return line
    return " " * found.end() + line[found.end():]  # the rows below stand aligned


def _flattened(line: str) -> list[str]:
    """A table flattened into one line by a copy from a PDF (``9:00 am – 9:30 am
    Welcome 9:30 am – 10:00 am Keynote …``): the line cut before each range, when it
    starts with one and holds two or more."""
    body, _ = strip_bullets(line)
    if match_span(body) is None:
        return [line]
    starts: list[int] = []
    at = 0
    while at < len(body):
        found = find_span_at(body, at)
        if found is None:
            break
        starts.append(found[0])
        at = found[1].stop
    if len(starts) < 2:
        return [line]
    return [body[a:b].strip() for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]


def read_text(lines: Sequence[str]) -> Table:
    """Rows and facts of a free-text agenda (`lines` without their line ends)."""
    reader = _Reader(lines)
    reader.read()
    facts = Facts()
    if reader.category:
        facts.category = " ".join(reader.category)
    first = reader.rows[0].line if reader.rows else 0
    outside = [(n, text) for n, text in enumerate(lines, start=1) if n not in reader.used]
    read_facts(outside, first, facts)
    if not reader.rows:
        _start_only(lines, reader)
    return Table(reader.rows, facts, "text")


def _start_only(lines: Sequence[str], reader: _Reader) -> None:
    """Agendas that give only start times (``9:00 AM  Call to order``): each row ends
    where the next starts (two such rows at least, else it is prose)."""
    found: list[Row] = []
    for n, raw in enumerate(lines, start=1):
        body, _ = strip_bullets(unmark(raw))
        clock = clock_at(body, 0)
        if clock is None or find_span(body[: clock[1] + 3]) is not None:
            continue
        rest = body[clock[1]:]
        if not rest[:1].isspace() and rest[:1] not in ("|", "-", "–"):
            continue
        title, remark = split_remark(rest.strip(" \t|-–"))
        if not title:
            continue
        stated = None
        trailing = trailing_duration(title)
        if trailing is not None:
            stated, title = trailing
        row = Row(n, Moment(clock[0]), None, stated=stated, title=title)
        if remark:
            reader.remark(row, remark)
        found.append(row)
    if len(found) >= 2:
        reader.rows.extend(found)
