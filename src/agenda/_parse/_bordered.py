"""The bordered text table that ``agenda table`` prints: the box of header facts, the
column labels above the double rule, and the rows between rules (a row across the
table names a day of a meeting held over days).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ._cells import Rows, role_of, split_room
from ._header import _date_facts, day_heading
from ._rows import DayRows, Facts, Row, Table
from ._scan import DateFact, Span
from ._tables import span_row

__all__ = ["looks_bordered", "read_bordered"]


def looks_bordered(lines: Sequence[str]) -> bool:
    ruled = any(line.startswith("+=") for line in lines)
    columns = any(line.startswith("+-") and line.count("+") >= 3 for line in lines)
    return ruled and columns


def _cut(line: str, bounds: Sequence[int]) -> list[str] | None:
    """`line` cut at the display columns `bounds` (where ``|`` or ``+`` must stand);
    None when a border is not where the table's columns put it."""
    import wcwidth  # only when a table is parsed: the CLI starts without it

    cells: list[str] = []
    column = 0
    want = 0
    piece: list[str] = []
    for grapheme in wcwidth.iter_graphemes(line):
        if want < len(bounds) and column == bounds[want]:
            if grapheme not in ("|", "+"):
                return None
            if want:
                cells.append("".join(piece))
            piece = []
            want += 1
        else:
            piece.append(grapheme)
        column += max(wcwidth.wcswidth(grapheme), 0)
    if want != len(bounds):
        return None
    return cells


def read_bordered(lines: Sequence[str]) -> Table | None:
    top = next((k for k, line in enumerate(lines) if line.startswith("+-")), None)
    if top is None:
        return None
    rule = next((k for k in range(top + 1, len(lines))
                 if lines[k].startswith("+-") and lines[k].count("+") >= 3), None)
    double = next((k for k in range(top + 1, len(lines)) if lines[k].startswith("+=")), None)
    if rule is None or double is None or double < rule:
        return None
    facts = Facts()
    _box_facts(lines, top, rule, facts)
    bounds = [k for k, char in enumerate(lines[rule]) if char == "+"]
    labels = [[] for _ in bounds[:-1]]  # type: list[list[str]]
    for k in range(rule + 1, double):
        cells = _cut(lines[k], bounds)
        if cells is not None:
            for column, cell in enumerate(cells):
                labels[column].append(cell.strip())
    roles = [role_of(" ".join(words)) for words in labels]
    widths = [b - a - 3 for a, b in itertools.pairwise(bounds)]
    table = Table([], facts, "text")
    rows = Rows()
    group: list[tuple[int, list[str]]] = []
    category: list[str] = []
    for k in range(double + 1, len(lines)):
        line = lines[k]
        cells = _cut(line, bounds)
        if cells is None:
            heading = _day_row(line)
            if heading is None:
                break
            _group(group, roles, widths, rows)
            group = []
            _take(table, rows, more_days=True)
            table.days.append(DayRows(k + 1, *heading, []))
            rows = Rows()
            continue
        rule_here = [cell.startswith("-") and set(cell) <= {"-"} for cell in cells]
        if "category" in roles:
            text = cells[roles.index("category")].strip()
            if text and not rule_here[roles.index("category")]:
                category.append(text)
        if any(rule_here):
            _group(group, roles, widths, rows)
            group = []
            continue
        group.append((k + 1, cells))
    _group(group, roles, widths, rows)
    _take(table, rows, more_days=False)
    notes = roles.index("notes") if "notes" in roles else None
    _settle_notes(table.rows, widths[notes] if notes is not None else 0)
    if len(table.days) == 1 and not table.unread:
        # one day alone: its heading gives the date and the time, as a header would
        only = table.days.pop()
        facts.date, facts.date_line = only.date, only.line
        facts.window, facts.window_line = only.window, only.line
    if category:
        facts.category = " ".join(category)
    return table


def _day_row(line: str) -> tuple[DateFact, Span] | None:
    """The day a row across the whole table names (``| Mon 2024-05-20 09:00–14:45 |``,
    as agenda heads each day of a meeting held over days)."""
    body = line.rstrip()
    if len(body) < 2 or body[0] != "|" or body[-1] != "|" or "|" in body[1:-1]:
        return None
    return day_heading(body[1:-1].strip())


def _take(table: Table, rows: Rows, more_days: bool) -> None:
    """The rows read under the last day heading (or before any) into `table`; rows
    above the first day heading (`more_days`: one follows) belong to no day, and are
    listed unread."""
    if table.days:
        table.days[-1].rows.extend(rows.top)
    elif more_days:
        table.unread.extend(row.line for row in rows.top)
        return
    table.rows.extend(rows.top)


def _settle_notes(rows: Sequence[Row], width: int) -> None:
    """The notes cells of the text table, read as lines, made the rows' rooms and notes.

    A remark wraps onto the next line only where the next line's first word would not
    have fitted on it; where it could have wrapped, the room the first line names is
    taken when the table names it elsewhere (a track's row, an item's alone), else the
    first line is the room (the next one a presenter, as agenda prints them)."""
    import wcwidth  # only when a table is parsed: the CLI starts without it

    def wraps(line: str, following: str) -> bool:
        word = following.split(" ")[0]
        return max(wcwidth.wcswidth(line), 0) + 1 + max(wcwidth.wcswidth(word), 0) > width

    every = list(_walk(rows))
    known = {split_room(row.notes[0])[0] for row in every
             if row.notes and (len(row.notes) == 1 or not wraps(*row.notes[:2]))}
    for row in every:
        lines, room = row.notes, None
        if lines and split_room(lines[0])[0] is not None:
            k = 1
            while k < len(lines) and wraps(lines[k - 1], lines[k]) and (
                    split_room(" ".join(lines[:k + 1]))[0] in known):
                k += 1
            room, lines = split_room(" ".join(lines[:k]))[0], lines[k:]
        row.room = room
        row.notes = [" ".join(lines)] if lines else []


def _walk(rows: Sequence[Row]) -> list[Row]:
    out: list[Row] = []
    for row in rows:
        out.append(row)
        out.extend(_walk(row.children))
    return out


def _box_facts(lines: Sequence[str], top: int, rule: int, facts: Facts) -> None:
    from .._words.labels import LABELS

    starts = {f"{labels.when}:": "when" for labels in LABELS.values()}
    starts.update({f"{labels.place}:": "place" for labels in LABELS.values()})
    paragraphs: list[tuple[str, int, list[str]]] = [("title", top + 2, [])]
    for k in range(top + 1, rule):
        text = lines[k].strip().strip("|").strip()
        head = next((key for key in starts if text.startswith(key)), None)
        if head is not None:
            paragraphs.append((starts[head], k + 1, [text[len(head):].strip()]))
        else:
            paragraphs[-1][2].append(text)
    for kind, n, parts in paragraphs:
        value = " ".join(p for p in parts if p)
        if kind == "title" and value:
            facts.title, facts.title_line = value, n
        elif kind == "when":
            _date_facts(facts, n, value)
        elif kind == "place" and value:
            facts.place = value


def _group(group: list[tuple[int, list[str]]], roles: list[str | None], widths: list[int],
           rows: Rows) -> None:
    if not group:
        return

    def column(role: str) -> int | None:
        return roles.index(role) if role in roles else None

    time_col, item_col, notes_col = column("time"), column("title"), column("notes")
    if time_col is None or item_col is None:
        return
    times = " ".join(cells[time_col].strip() for _, cells in group if cells[time_col].strip())
    found = span_row(times) or span_row(times.replace(" ", ""))
    if found is None:
        return
    top = found[0]
    top.line = group[0][0]
    current = top
    title: list[str] = []
    slots = [top]
    titles = [title]
    for n, cells in group:
        cell = cells[item_col].rstrip()
        text = cell.strip()
        lead = len(cell) - len(cell.lstrip())
        child = span_row(text) if text and lead > 1 else None
        if child is not None:
            row = child[0]
            row.line = n
            row.depth = max(1, (lead - 1) // 2)
            current = row
            title = [child[1]] if child[1] else []
            slots.append(row)
            titles.append(title)
        elif text:
            title.append(text)
        if notes_col is not None and cells[notes_col].strip():
            current.notes.append(cells[notes_col].strip())
    for slot, words in zip(slots, titles, strict=True):
        slot.title = " ".join(words)
    rows.add(top)
    for slot in slots[1:]:
        rows.add(slot)
