"""A web table pasted one cell per line: each cell's text on its own line(s), each
cell closed by a bar (``10:30~11:10 |`` or a bare ``|`` line), the way browsers
copy an HTML table as text.

The cells are read back into rows: a row holds one time cell (a range, an open
range, or a start alone; a range split over two cells, ``7:30 am -`` then
``6:00 pm``, is joined), and the header row, when the paste starts with one, says
how many cells stand before the time cell in each row.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._cells import Cells, Rows, header_roles, read_cells, time_cell
from ._header import read_facts
from ._rows import Facts, Table
from ._scan import clock_at, match_open

__all__ = ["looks_pasted", "read_pasted"]


def _bars(lines: Sequence[str]) -> tuple[int, int]:
    """(lines that close a cell with a bar, lines of text)."""
    closing = text = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        text += 1
        if stripped.endswith("|") and stripped.count("|") <= 2:
            closing += 1
    return closing, text


def looks_pasted(lines: Sequence[str]) -> bool:
    closing, text = _bars(lines)
    return text > 0 and closing >= 6 and closing * 3 >= text


def _region(lines: Sequence[str]) -> int:
    """The index of the line the pasted cells start at: the first line closed by a
    bar, or the text line right above the first bare bar."""
    for k, line in enumerate(lines):
        stripped = line.strip()
        if stripped == "|":
            above = next((j for j in range(k - 1, -1, -1) if lines[j].strip()), k)
            return above
        if stripped.endswith("|"):
            return k
    return len(lines)


def _cells(lines: Sequence[str], begin: int) -> list[tuple[int, str]]:
    """The cells (first line number, text with line breaks) in document order."""
    out: list[tuple[int, str]] = []
    current: list[str] = []
    first = 0
    for n, raw in enumerate(lines, start=1):
        if n <= begin:
            continue
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("|") and not current:
            stripped = stripped[1:].strip()
            if not stripped:
                out.append((n, ""))
                continue
        closes = stripped.endswith("|")
        body = stripped[:-1].strip() if closes else stripped
        if body:
            first = first or n
            current.append(body)
        if closes:
            out.append((first or n, "\n".join(current)))
            current, first = [], 0
    if current:
        out.append((first, "\n".join(current)))
    return out


def _joined(cells: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A range split over two cells (``7:30 am -`` | ``6:00 pm``) as one cell."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(cells):
        n, text = cells[k]
        if k + 1 < len(cells):
            opened = match_open(text)
            after = cells[k + 1][1].strip()
            clock = clock_at(after, 0)
            if (opened is not None and opened[1] == len(text) and clock is not None
                    and clock[1] == len(after)):
                out.append((n, f"{text.strip()} {after}"))
                k += 2
                continue
        out.append((n, text))
        k += 1
    return out


def read_pasted(lines: Sequence[str]) -> Table | None:
    begin = _region(lines)
    cells = _joined(_cells(lines, begin))
    times = [k for k, (_, text) in enumerate(cells) if time_cell(text) is not None]
    if not times:
        return None
    before = 0
    roles = None
    header_at = None
    first = times[0]
    for size in range(first, 1, -1):
        for begin in range(0, first - size + 1):
            texts = [text for _, text in cells[begin:begin + size]]
            found = header_roles(texts)
            if found is not None and all(role is not None or not text.strip()
                                         for role, text in zip(found, texts, strict=True)):
                roles, header_at = found, (begin, begin + size)
                break
        if roles is not None:
            break
    if roles is not None and header_at is not None:
        time_at = next((k for k, role in enumerate(roles) if role in ("time", "start")), 0)
        before = time_at
    table: list[Cells] = []
    for k, at in enumerate(times):
        begin = max(at - before, header_at[1] if header_at else 0,
                    times[k - 1] + 1 if k else 0)
        stop = times[k + 1] - before if k + 1 < len(times) else len(cells)
        stop = max(stop, at + 1)
        row = [text for _, text in cells[begin:stop]]
        table.append(Cells(cells[at][0], row))
    rows = Rows()
    category: list[str] = []
    read_cells(table, roles, rows, category)
    facts = Facts()
    if category:
        facts.category = category[0]
    first_line = cells[header_at[0]][0] if header_at else cells[first][0]
    outside = [(n, text) for n, text in enumerate(lines, start=1) if n <= begin]
    read_facts(outside, first_line, facts)
    return Table(rows.top, facts, "text")
