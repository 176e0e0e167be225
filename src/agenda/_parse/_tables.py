"""Tables with columns: Markdown (GitHub pipes) and CSV (the bordered text table is
``_bordered``). Each reader finds its table, names its columns from the header row
(Korean or English words), and hands on rows with their lines.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Sequence

from ._cells import Cells, Rows, header_roles, read_cells, role_of, time_cell
from ._header import day_heading, read_facts
from ._rows import DayRows, Facts, Moment, Row, Table
from ._scan import (
    Clock,
    DateFact,
    Span,
    clock_at,
    match_dated_span,
    match_duration,
    split_arrows,
    trailing_duration,
)

__all__ = ["looks_csv", "looks_markdown", "read_csv", "read_markdown", "span_row"]

_SEPARATOR_CELL = re.compile(r":?-{1,200}:?")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BR = re.compile(r"<br\s{0,2}/?>", re.IGNORECASE)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# -- Markdown ------------------------------------------------------------------


def _md_cells(line: str) -> list[str]:
    body = line.strip()
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in body:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
    cells.append("".join(current))
    if body.startswith("|"):
        cells = cells[1:]
    if body.endswith("|") and not body.endswith("\\|") and cells:
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


def _md_text(cell: str) -> str:
    return _MD_ESCAPE.sub(r"\1", _BR.sub("\n", cell)).strip()


def _is_separator(line: str) -> bool:
    cells = _md_cells(line)
    return bool(cells) and all(_SEPARATOR_CELL.fullmatch(c.replace(" ", "")) for c in cells)


def _is_table_line(line: str) -> bool:
    return "|" in line and len(_md_cells(line)) >= 2


def _is_closed_row(line: str) -> bool:
    """A row of one cell between bars (``| 14:07~14:12 부산 |``, where the cells beside
    it are merged from the rows above): a row of the table it stands in."""
    body = line.strip()
    return len(body) > 2 and body.startswith("|") and body.endswith("|")


def _md_blocks(lines: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Runs of table lines (start index, lines): lines of two cells or more between
    bars, with or without a separator row under a header. A line without a bar inside
    a run (a cell's text broken over lines by a paste) stays in the run."""
    blocks: list[tuple[int, list[str]]] = []
    k = 0
    while k < len(lines):
        if not _is_table_line(lines[k]):
            k += 1
            continue
        end = k + 1
        while end < len(lines):
            if (_is_table_line(lines[end]) or lines[end].strip() == "|"
                    or _is_closed_row(lines[end])):
                end += 1
                continue
            ahead = next((j for j in range(end, min(end + 5, len(lines)))
                          if not lines[j].strip() or "|" in lines[j]), None)
            if ahead is not None and lines[ahead].strip() and lines[end].strip():
                end = ahead
                continue
            break
        block = list(lines[k:end])
        timed = sum(1 for line in block if _row_has_time(line))
        separated = len(block) > 1 and _is_separator(block[1])
        if timed and (separated or timed >= 2):
            blocks.append((k, block))
        k = end
    return blocks


def looks_markdown(lines: Sequence[str]) -> bool:
    return bool(_md_blocks(lines))


def _md_rows(start: int, block: list[str]) -> list[Cells]:
    """The rows of a block (line numbers from 1): a line without a bar, or a bare bar,
    continues the last cell of the row above; a cell between bars is a row."""
    out: list[Cells] = []
    fresh = False  # the text lines after a row closed by a bar start a cell of their own
    for offset, line in enumerate(block):
        n = start + offset + 1
        if _is_table_line(line) or _is_closed_row(line):
            if _is_separator(line):
                continue
            out.append(Cells(n, [_md_text(cell) for cell in _md_cells(line)]))
            fresh = line.rstrip().endswith("|")
        elif line.strip() and line.strip() != "|" and out:
            cells = out[-1].cells
            if fresh:
                cells.append(_md_text(line))
                fresh = False
            else:
                cells[-1] += "\n" + _md_text(line)
    return out


def _heading_above(lines: Sequence[str], start: int) -> tuple[int, DateFact, Span] | None:
    """The day heading right above the table block at `start` (blank lines between
    allowed): its line number (from 1), date and time range."""
    k = start - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    if k < 0:
        return None
    found = day_heading(lines[k])
    return None if found is None else (k + 1, *found)


def _block_rows(start: int, block: list[str], category: list[str]) -> list[Row]:
    table = _md_rows(start, block)
    roles = header_roles(table[0].cells) if table else None
    rows = Rows()
    read_cells(table[1:] if roles is not None else table, roles, rows, category)
    return rows.top


def read_markdown(lines: Sequence[str]) -> Table | None:
    """The agenda table of a Markdown document: the table with the most rows of times,
    or, where tables are headed by the day they hold (``## 2024-05-20(월) 09:00~14:45``,
    as agenda prints a meeting held over days), every such table as a day. The rows
    of times in other tables are listed as unread."""
    blocks = _md_blocks(lines)
    if not blocks:
        return None
    headed = [(start, block, heading) for start, block in blocks
              if (heading := _heading_above(lines, start)) is not None]
    chosen: list[tuple[int, list[str], tuple[int, DateFact, Span] | None]] = list(headed)
    if not chosen:
        start, block = max(blocks, key=lambda b: sum(1 for line in b[1] if _row_has_time(line)))
        chosen = [(start, block, None)]
    facts = Facts()
    category: list[str] = []
    table = Table([], facts, "markdown")
    used: set[int] = set()
    for start, block, heading in chosen:
        rows = _block_rows(start, block, category)
        used.update(range(start + 1, start + len(block) + 1))
        table.rows.extend(rows)
        if heading is not None:
            used.add(heading[0])
            table.days.append(DayRows(heading[0], heading[1], heading[2], rows))
    if len(table.days) == 1 and not any(heading is None for *_, heading in chosen):
        # one day alone: its heading gives the date and the time, as a header would
        only = table.days.pop()
        facts.date, facts.date_line = only.date, only.line
        facts.window, facts.window_line = only.window, only.line
    if category:
        facts.category = category[0]
    for start, block in blocks:
        if start + 1 not in used:
            table.unread.extend(start + 1 + k for k, line in enumerate(block)
                                if _row_has_time(line))
    outside = [(n, text) for n, text in enumerate(lines, start=1) if n not in used]
    read_facts(outside, chosen[0][0] + 1, facts)
    return table


def _row_has_time(line: str) -> bool:
    return any(time_cell(_md_text(c)) is not None for c in _md_cells(line))


def _continue(row: Row, n: int, texts: list[str]) -> None:
    for text in texts:
        order = split_arrows(text.lstrip("※*- "))
        if order is not None:
            row.order, row.order_line = order, n
        elif not row.title:
            row.title = text
        else:
            row.notes.append(text)


# -- CSV -----------------------------------------------------------------------


def span_row(text: str) -> tuple[Row, str] | None:
    """A row from a cell that starts with a time range: the row (line 0) and the rest."""
    span = match_dated_span(text)
    if span is None:
        return None
    rest = text[span.stop:]
    lead = len(rest) - len(rest.lstrip())
    row = Row.of_span(0, span)
    duration = match_duration(rest, lead) if rest.strip() else None
    if duration is not None:
        row.stated, rest = duration[0], rest[duration[1]:]
    return row, rest.strip()


def _stated(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    found = match_duration(text)
    return found[0] if found is not None and found[1] == len(text) else None


def _fill(row: Row, cells: dict[str, str]) -> None:
    if cells.get("presenter"):
        row.presenter.append(cells["presenter"])
    if cells.get("notes"):
        row.notes.append(cells["notes"])
    if row.stated is None and cells.get("minutes"):
        row.stated = _stated(cells["minutes"])
    if row.stated is None and row.title:
        trailing = trailing_duration(row.title)
        if trailing is not None:
            row.stated, row.title = trailing


def _moment(text: str) -> Moment | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = _dt.datetime.fromisoformat(text)
    except ValueError:
        found = clock_at(text, 0)
        return Moment(found[0]) if found is not None and found[1] == len(text) else None
    offset = value.utcoffset()
    return Moment(Clock(value.hour * 60 + value.minute), (value.year, value.month, value.day),
                  None if offset is None else int(offset.total_seconds()))


def _unneutralise(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:2] in _FORMULA_STARTS else text


def _csv_records(text: str) -> list[tuple[int, list[str]]]:
    source = io.StringIO(text, newline="")
    reader = csv.reader(source)
    records: list[tuple[int, list[str]]] = []
    before = 0
    try:
        for record in reader:
            records.append((before + 1, record))
            before = reader.line_num
    except csv.Error:
        pass
    return records


def _csv_header(records: list[tuple[int, list[str]]]) -> int | None:
    for k, (_, record) in enumerate(records[:20]):
        roles = {role_of(cell) for cell in record} - {None}
        if len(record) >= 2 and len(roles) >= 2 and roles & {"time", "start"}:
            return k
    return None


def looks_csv(text: str) -> bool:
    head = "\n".join(text.lstrip("\ufeff").splitlines()[:20])
    return _csv_header(_csv_records(head)) is not None


def read_csv(text: str) -> Table | None:
    records = _csv_records(text.lstrip("\ufeff"))
    header = _csv_header(records)
    if header is None:
        return None
    roles = _csv_roles(records[header][1])
    rows = undated = Rows()
    facts = Facts()
    days: list[tuple[str, int, Rows]] = []  # a meeting held over days: rows by date
    for n, record in records[header + 1:]:
        cells = {role: _unneutralise(value.strip()) for role, value in
                 zip(roles, record, strict=False) if role}
        if not any(v.strip() for v in record):
            continue
        if cells.get("category") and facts.category is None:
            facts.category = cells["category"]
        row: Row | None = None
        if cells.get("start"):
            start = _moment(cells["start"])
            if start is not None:
                row = Row(n, start, _moment(cells.get("end", "")), title=cells.get("title", ""))
        elif cells.get("time"):
            found = span_row(cells["time"])
            if found is not None:
                row = found[0]
                row.line, row.title = n, cells.get("title", "") or found[1]
        if row is None:
            last = rows.last
            if last is not None:
                _continue(last, n, [cells[r] for r in ("title", "presenter", "notes")
                                    if cells.get(r)])
            continue
        depth_text = cells.get("depth", "")
        number = cells.get("number", "")
        if depth_text.isdigit():
            row.depth = int(depth_text)
        elif number.count(".") and number.replace(".", "").isdigit():
            row.depth = number.strip(".").count(".")
        _fill(row, cells)
        row.room = cells.get("room") or None
        date = cells.get("date", "")
        if date and row.depth == 0 and (not days or days[-1][0] != date):
            rows = Rows()
            days.append((date, n, rows))
        rows.add(row)
    return _csv_table(days, undated, facts)


def _csv_roles(header: Sequence[str]) -> list[str | None]:
    """The roles of the CSV columns; the three agenda adds for a meeting with days or
    rooms (``날짜,장소,트랙``, ``date,room,track``) are the date, the room and the track
    (which the rows' nesting already says)."""
    from .._words.labels import LABELS

    roles = [role_of(cell) for cell in header]
    cells = [cell.strip() for cell in header]
    for labels in LABELS.values():
        if all(label in cells for label in labels.csv_rooms):
            for label, role in zip(labels.csv_rooms, ("date", "room", None), strict=True):
                roles[cells.index(label)] = role
    return roles


def _csv_table(days: list[tuple[str, int, Rows]], undated: Rows, facts: Facts) -> Table:
    """The rows read (`undated`: those before any row that names its date), by day when
    they name two dates or more; rows that name no date of the calendar are unread."""
    if len(days) < 2:
        return Table([*undated.top, *(row for _, _, part in days for row in part.top)],
                     facts, "csv")
    table = Table([], facts, "csv", unread=[row.line for row in undated.top])
    for date, line, part in days:
        try:
            found = _dt.date.fromisoformat(date) if _ISO_DATE.fullmatch(date) else None
        except ValueError:
            found = None
        if found is None:
            table.unread.extend(row.line for row in part.top)
            continue
        fact = DateFact(found.year, found.month, found.day, None, 0, len(date))
        table.days.append(DayRows(line, fact, None, part.top))
        table.rows.extend(part.top)
    return table
