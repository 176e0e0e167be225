"""A timetable grid read into rows: a time column, then one column per room, each item
spanning the rows it lasts, as agenda prints a meeting with days, parallel tracks or
rooms (HTML, DOCX, HWPX) and as conference programmes are laid out.

The grid becomes the rows agenda's own Markdown table gives, which the table readers
take: a row for each item across the rooms (its parts, indented under its title, as
rows of their own), and under a parallel block (an item across the rooms followed by
rows of items room by room, each item's cell starting with its times) one row for
each track, in the room of its column and
titled by the row of track titles (or the column), with its items below it::

    | 10:15–11:45 (90 min) | Morning tracks | |
    | | · 10:15~11:30 Data | Room: Room A |
    | | ·· 10:15–10:45 Columnar storage in practice | Jiwoo Kim |

Items room by room with no item across the rooms above them become rows of their own,
so that none is lost (their overlaps are then reported).

A table of rows (a header naming its columns, a time column among them: agenda's table
of a meeting held on one day) is laid out as a browser lays it out (`laid_rows`): a
cell merged down the rows of a block's parts (its time, its notes) stands in the first
of them, the rows below blank there, and a part indented in its cell under its block's
row (``padding-left``, a paragraph's left indent) is marked a ``·`` a level, as
agenda's Markdown table marks it::

    | 14:07~14:27 ('20) | 지자체별 글로벌 혁신 특구 준비현황 발표 | 실증계획 … |
    | | · 14:07~14:12 부산 | |
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._cells import role_of, time_cell
from ._scan import Clock, match_dated_span

__all__ = ["GridCell", "grid_rows", "laid_rows"]

_NBSP = "\xa0"
_ROOM = "Room"  # the label agenda's tables give an item's room in its notes


@attrs.frozen
class GridCell:
    """A cell as the page gives it: its text (lines kept, ``&nbsp;`` indents kept), the
    rows and columns it spans, whether it is a header cell, and how far its first line
    is indented (``padding-left``, a paragraph's left indent: in one unit a table)."""

    text: str
    rows: int = 1
    columns: int = 1
    header: bool = False
    indent: float = 0.0


@attrs.frozen
class _Entry:
    """An item in one room: its first line (times and title), the lines under it, and
    its parts (depth below it, line)."""

    first: str
    notes: tuple[str, ...]
    parts: tuple[tuple[int, str], ...]

    @property
    def title(self) -> str:
        found = time_cell(self.first)
        return self.first if found is None else found.rest


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _depth(line: str) -> int:
    """How deep an indented line of a cell stands (two ``&nbsp;`` a level)."""
    lead = len(line) - len(line.lstrip(_NBSP + " "))
    return max(1, lead // 2)


def _timed(line: str) -> bool:
    return time_cell(line.strip(_NBSP + " ")) is not None


def _entry(text: str) -> _Entry:
    lines = _lines(text)
    first = lines[0].strip(_NBSP + " ") if lines else ""
    notes: list[str] = []
    parts: list[tuple[int, str]] = []
    for line in lines[1:]:
        if line.startswith(_NBSP) and _timed(line):
            parts.append((_depth(line), line.strip(_NBSP + " ")))
        elif parts:
            parts[-1] = (parts[-1][0], parts[-1][1] + " " + line.strip(_NBSP + " "))
        else:
            notes.append(line.strip(_NBSP + " "))
    return _Entry(first, tuple(notes), tuple(parts))


def _is_grid(table: Sequence[Sequence[GridCell]]) -> bool:
    """A table whose header starts with a time column followed by rooms (at most one
    column a table's role names: ``Item`` where there are no rooms), and whose items
    span rows or columns, hold their parts indented, or give their own times beside the
    time column (under a row of track titles). A header that names an item column and
    a notes or presenter column (``Time | Item | Notes``) is a table of rows, whose
    time cells span their items' parts."""
    if len(table) < 2 or not table[0] or not all(cell.header for cell in table[0]):
        return False
    if role_of(table[0][0].text) not in ("time", "start"):
        return False
    if sum(role_of(cell.text) is not None for cell in table[0][1:]) > 1:
        return False
    for row in table[1:]:
        if any(cell.rows > 1 or cell.columns > 1 or any(
                line.startswith(_NBSP) and _timed(line) for line in _lines(cell.text))
               for cell in row):
            return True
        if len(row) > 1 and _timed(row[0].text) and any(
                _timed(_lines(cell.text)[0]) for cell in row[1:] if cell.text.strip()):
            return True
    return False


def _placed(table: Sequence[Sequence[GridCell]]) -> list[dict[int, GridCell]]:
    """Each row's cells by the column they start in (cells spanning rows above take
    their columns, as a browser lays them out)."""
    taken: set[tuple[int, int]] = set()
    out: list[dict[int, GridCell]] = []
    for r, row in enumerate(table):
        here: dict[int, GridCell] = {}
        column = 0
        for cell in row:
            while (r, column) in taken:
                column += 1
            here[column] = cell
            for dr in range(max(cell.rows, 1)):
                for dc in range(max(cell.columns, 1)):
                    taken.add((r + dr, column + dc))
            column += max(cell.columns, 1)
        out.append(here)
    return out


def _clock(clock: Clock, date: tuple[int, int, int] | None) -> str:
    text = f"{clock.minutes // 60:02d}:{clock.minutes % 60:02d}"
    if clock.mark is not None:
        text = f"{text} {clock.mark}"
    if date is not None:
        text = f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d} {text}"
    return text


def _track_span(block_time: str, last: _Entry) -> str | None:
    """A track's range: from its block's start to the end of its last item."""
    first = match_dated_span(block_time.strip())
    final = match_dated_span(last.first)
    if first is None or final is None:
        return None
    return f"{_clock(first.start, first.start_date)}~{_clock(final.end, final.end_date)}"


class _Block:
    """An item across the rooms, with the items room by room that follow it."""

    def __init__(self, time: str, cell: GridCell) -> None:
        self.time = " ".join(line.strip() for line in _lines(time))
        self.item = _entry(cell.text)
        self.rooms: dict[int, list[_Entry]] = {}

    def rows(self, columns: Sequence[str], titles: dict[int, str]) -> list[list[str]]:
        item = self.item
        out = [[self.time, item.first, "\n".join(item.notes)]]
        out += [["", f"{'·' * depth} {line}", ""] for depth, line in item.parts]
        for column, entries in sorted(self.rooms.items()):
            name = columns[column] if column < len(columns) else ""
            title = titles.get(column, name)
            room = name if name and name != title else None
            out += _track(self.time, title, room, entries)
        return out


def _track(block_time: str, title: str, room: str | None, entries: list[_Entry]
           ) -> list[list[str]]:
    where = [f"{_ROOM}: {room}"] if room else []
    if len(entries) == 1 and entries[0].title == title:  # a track that is one item
        (only,) = entries
        out = [["", f"· {only.first}", "\n".join([*where, *only.notes])]]
        return out + [["", f"{'·' * (depth + 1)} {line}", ""] for depth, line in only.parts]
    span = _track_span(block_time, entries[-1])
    out = [["", f"· {span} {title}", "\n".join(where)]] if span is not None else []
    lead = 2 if span is not None else 1
    for entry in entries:
        out.append(["", f"{'·' * lead} {entry.first}", "\n".join(entry.notes)])
        out += [["", f"{'·' * (lead + depth)} {line}", ""] for depth, line in entry.parts]
    return out


def grid_rows(table: Sequence[Sequence[GridCell]]) -> list[list[str]] | None:
    """The rows of a timetable grid in the shape of agenda's Markdown table (a header
    row first), or None when `table` is no such grid."""
    if not _is_grid(table):
        return None
    columns = [cell.text.strip() for cell in table[0]]
    width = max(len(columns) - 1, 1)
    out: list[list[str]] = [[columns[0], "Item", "Notes"]]
    block: _Block | None = None
    titles: dict[int, str] = {}
    for here in _placed(table)[1:]:
        time = here.get(0, GridCell("")).text
        cells = {column - 1: cell for column, cell in here.items() if column > 0}
        if not time.strip() and not any(_timed(cell.text) for cell in cells.values()):
            titles = {column: " ".join(cell.text.split()) for column, cell in cells.items()
                      if cell.text.strip()}
            continue
        across = here.get(1)
        if (across is not None and across.text.strip() and across.columns >= width
                and len(here) <= 2 and not _timed(_lines(across.text)[0])):
            if block is not None:
                out += block.rows(columns[1:], titles)
            block, titles = _Block(time, across), {}
            continue
        for column, cell in sorted(cells.items()):
            if not cell.text.strip():
                continue
            entry = _entry(cell.text)
            if block is None:  # items room by room under no item across the rooms
                out.append(["", entry.first, "\n".join(entry.notes)])
                out += [["", f"{'·' * depth} {line}", ""] for depth, line in entry.parts]
            else:
                block.rooms.setdefault(column, []).append(entry)
    if block is not None:
        out += block.rows(columns[1:], titles)
    return out


def _levels(placed: Sequence[dict[int, GridCell]]) -> dict[int, list[float]]:
    """The indents each column's cells use, least first."""
    out: dict[int, set[float]] = {}
    for here in placed:
        for column, cell in here.items():
            out.setdefault(column, set()).add(cell.indent)
    return {column: sorted(indents) for column, indents in out.items()}


def _laid(cell: GridCell, level: int) -> str:
    """A cell's text, its first line marked a part `level` deep when it is indented
    and starts with its times."""
    lines = [" ".join(line.split()) for line in cell.text.split("\n")]
    if level and lines and time_cell(lines[0]) is not None:
        lines[0] = f"{'·' * level} {lines[0]}"
    return "\n".join(lines)


def laid_rows(table: Sequence[Sequence[GridCell]]) -> list[list[str]] | None:
    """The rows of a table of rows, each cell in its column (a cell merged down the
    rows below it in the first of them) and each indented part marked by its depth,
    as agenda's Markdown table gives them; None for a table without a header row that
    names a time column."""
    if len(table) < 2 or not table[0] or not all(cell.header for cell in table[0]):
        return None
    roles = [role_of(cell.text) for cell in table[0]]
    if not {"time", "start"} & set(roles):
        return None
    placed = _placed(table)
    levels = _levels(placed[1:])
    width = max(column + max(cell.columns, 1) for here in placed for column, cell in here.items())
    out: list[list[str]] = [[cell.text for cell in table[0]]]
    for here in placed[1:]:
        row = [""] * width
        for column, cell in here.items():
            timed = column < len(roles) and roles[column] in ("time", "start")
            level = 0 if timed else levels[column].index(cell.indent)
            row[column] = _laid(cell, level)
        out.append(row)
    return out
