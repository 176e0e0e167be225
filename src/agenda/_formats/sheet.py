"""The printed page as paragraphs and table cells: what the document formats (DOCX,
HWPX) write, each in its own markup.

It is the page of the A4 HTML table (`html`, `grid`): the title, the header lines
(일시, 장소), then the table (구분 / 시간 / 내용 / 비고): a top-level item's time cell
spans the rows of its descendants, each child shows its own times in its item cell,
indented one level per depth, presenter and notes fill the last column (the block's
notes span its children's rows when none of them has notes of its own), a gap row
for time that nothing fills, and the total below. A meeting with days, parallel
tracks or rooms is a landscape page with one table per day (its heading above it)
and a column per room, laid out by `grid.days`.

Widths are millimetres of the A4 page inside the PDF's margins. All text is made safe
for XML here: control characters become spaces (a line break starts a new
paragraph), and code points XML cannot carry (lone surrogates, U+FFFE, U+FFFF)
become U+FFFD.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import attrs

from .._problems import AgendaError
from .._timetable import Slot, Timetable
from .._translations import translate
from .._words.labels import Labels, labels_for
from . import grid
from .parts import (
    groups,
    heading,
    link_facts,
    link_lines,
    remarks,
    slot_span,
    total_line,
    with_gaps,
)

__all__ = ["HEADING_SIZE", "TEXT_SIZE", "TITLE_SIZE", "Cell", "Margins", "OfficeUnavailable",
           "Page", "Para", "Run", "Section", "Table", "page", "safe"]

# Controls (C0 but line breaks, DEL, C1) and what XML 1.0 cannot hold at all.
_CONTROLS = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def safe(text: str) -> list[str]:
    """`text` as lines that any XML document can carry: cut at its line breaks, control
    characters (tabs too) made spaces, lone surrogates and non-characters made U+FFFD."""
    text = _NOT_XML.sub("\ufffd", text)
    return [_CONTROLS.sub(" ", line) for line in text.splitlines()] or [""]


class OfficeUnavailable(AgendaError):
    """A DOCX or HWPX document cannot be made: the library it is written with is not
    installed (the message names the extra to install)."""


def office_library(module: str, fmt: str, package: str) -> Any:
    """The library `module` that writes `fmt` documents, imported on demand;
    :class:`OfficeUnavailable` naming `package` and the extra when it is missing."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise OfficeUnavailable(
            f"{fmt} output needs {package}: pip install 'agenda[office]'") from None


@attrs.frozen
class Run:
    """A piece of text in one style: `bold` (a title), `muted` (times and names in a
    room grid, grey), `italic` (a track's title)."""

    text: str
    bold: bool = False
    muted: bool = False
    italic: bool = False


@attrs.frozen
class Para:
    """A paragraph: its runs, indented `indent` levels."""

    runs: tuple[Run, ...]
    indent: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@attrs.frozen
class Cell:
    """A table cell at (`row`, `column`) spanning `rows` × `columns`.

    `kind` says how it looks: ``head`` (a column label: bold, centred, shaded),
    ``category`` (centred, in the middle), ``block`` (a parallel block's title:
    shaded, bold), ``track`` (a track's title: lightly shaded), ``gap`` (a room with
    nothing in it: hatched grey), ``time`` or ``item``. `joined` cells continue the
    row above (a block's children): no rule between them.
    """

    row: int
    column: int
    paragraphs: tuple[Para, ...]
    kind: str = "item"
    rows: int = 1
    columns: int = 1
    joined: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@attrs.frozen
class Table:
    """A table: its column widths (mm), its row count and its cells in reading order
    (row by row, left to right); the first `header` rows repeat on every page."""

    widths: tuple[float, ...]
    rows: int
    cells: tuple[Cell, ...]
    header: int = 1


@attrs.frozen
class Section:
    """A table with its heading (a day of a meeting held over days), starting a new
    page when `new_page`."""

    heading: str | None
    table: Table
    new_page: bool = False


@attrs.frozen
class Margins:
    """Page margins in millimetres."""

    top: float
    right: float
    bottom: float
    left: float


@attrs.frozen
class Page:
    """The whole document: A4 (`landscape` or not) with `margins`, the title, the header
    lines (label, text), the tables, the total; `size` is the table text's size in
    points."""

    lang: str
    title: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    total: str
    landscape: bool
    margins: Margins
    size: float

    @property
    def width(self) -> float:
        """The page's width in millimetres."""
        return 297.0 if self.landscape else 210.0

    @property
    def height(self) -> float:
        return 210.0 if self.landscape else 297.0

    @property
    def text_width(self) -> float:
        """The width inside the margins, which every table fills."""
        return self.width - self.margins.left - self.margins.right


# The HTML page's @page rules (html._CSS and grid.CSS) and its type sizes.
PORTRAIT = Margins(16, 14, 18, 14)
LANDSCAPE = Margins(12, 10, 14, 10)
TITLE_SIZE = 15.0  # points
HEADING_SIZE = 12.0
TEXT_SIZE = 10.0  # the header lines, the total, the one-day table
_SHARES = {"category": 0.11, "time": 0.18, "notes": 0.26}  # the item column takes the rest
_GRID_TIME = 20.0  # mm


def _paras(text: str, indent: int = 0, **style: bool) -> list[Para]:
    return [Para((Run(line, **style),), indent) for line in safe(text)]


def page(timetable: Timetable, lang: str = "ko") -> Page:
    """The page of `timetable` in `lang` (labels, and translated texts where given)."""
    labels = labels_for(lang)
    timetable = translate(timetable, lang)
    head = heading(timetable, labels)
    facts = [(labels.when, head.when)]
    if head.place:
        facts.append((labels.place, head.place))
    facts += link_facts(timetable.meeting, labels)
    rooms = timetable.meeting.uses_rooms
    margins = LANDSCAPE if rooms else PORTRAIT
    width = (297.0 if rooms else 210.0) - margins.left - margins.right  # Page.text_width
    sections = (_grid_sections(timetable, labels, width) if rooms
                else (Section(None, _table(timetable, labels, width)),))
    return Page(lang, tuple(safe(head.title)),
                tuple((label, " ".join(safe(text))) for label, text in facts),
                tuple(sections), " ".join(safe(total_line(timetable, labels))), rooms,
                margins, 8.5 if rooms else TEXT_SIZE)


# -- the one-day table ------------------------------------------------------------------


def _table(timetable: Timetable, labels: Labels, width: float) -> Table:
    category = timetable.meeting.category
    kinds = ["time", "item", "notes"]
    names = [labels.time, labels.item, labels.notes]
    if category is not None:
        kinds.insert(0, "category")
        names.insert(0, labels.category)
    shares = [_SHARES.get(kind, 0.0) for kind in kinds]
    shares[kinds.index("item")] = 1 - sum(shares)
    widths = tuple(round(share * width, 2) for share in shares)
    cells = [Cell(0, k, tuple(_paras(name, bold=True)), "head") for k, name in enumerate(names)]
    slots = with_gaps(timetable, labels)
    first = kinds.index("item")  # the time column is the one before it
    row = 1
    if category is not None:
        cells.append(Cell(1, 0, tuple(_paras(category)), "category", rows=len(slots)))
    for group in groups(slots):
        top, children = group[0], group[1:]
        span_notes = not any(remarks(child) for child in children)
        cells.append(Cell(row, first - 1, (Para((Run(f"{slot_span(top, labels)} "
                                     f"{labels.minutes(top.minutes)}"),)),), "time",
                          rows=len(group)))
        cells.append(Cell(row, first, tuple(_paras(top.title) + _links(top, labels))))
        cells.append(Cell(row, first + 1, tuple(_notes(remarks(top))), "notes",
                          rows=len(group) if span_notes else 1))
        for k, child in enumerate(children, start=1):
            lines = safe(child.title)
            paras = [Para((Run(f"{slot_span(child, labels)} "), Run(lines[0])), child.depth),
                     *(Para((Run(line),), child.depth) for line in lines[1:]),
                     *_links(child, labels, child.depth)]
            cells.append(Cell(row + k, first, tuple(paras), joined=True))
            if not span_notes:
                cells.append(Cell(row + k, first + 1, tuple(_notes(remarks(child))), "notes",
                                  joined=True))
        row += len(group)
    return Table(widths, row, tuple(cells))


def _links(slot: Slot, labels: Labels, indent: int = 0, **style: bool) -> list[Para]:
    """The item's own links as lines under its title (``자료: 슬라이드 <https://…>``)."""
    return [para for line in link_lines(slot.item, labels)
            for para in _paras(line, indent, **style)]


def _notes(texts: tuple[str, ...] | list[str], **style: bool) -> list[Para]:
    out = [para for text in texts for para in _paras(text, **style)]
    return out or [Para((Run(""),))]


# -- days and rooms -----------------------------------------------------------------------


def _grid_sections(timetable: Timetable, labels: Labels, width: float) -> list[Section]:
    out: list[Section] = []
    for number, day in enumerate(grid.days(timetable, labels)):
        columns = day.columns
        room = round((width - _GRID_TIME) / columns, 2)
        widths = (_GRID_TIME, *([room] * columns))
        names = day.rooms or (labels.item,)
        cells = [Cell(0, 0, tuple(_paras(labels.time, bold=True)), "head"),
                 *(Cell(0, k, tuple(_paras(name, bold=True)), "head")
                   for k, name in enumerate(names, start=1))]
        taken: dict[int, int] = {}  # column: the last row a cell spanning down covers
        for number_of_row, row in enumerate(day.rows, start=1):
            column = 0
            for cell in row.cells:
                while taken.get(column, 0) >= number_of_row:
                    column += 1
                cells.append(_grid_cell(cell, number_of_row, column, labels))
                taken[column] = number_of_row + cell.rows - 1
                column += cell.columns
        out.append(Section(" ".join(safe(day.heading)) if day.heading is not None else None,
                           Table(widths, len(day.rows) + 1, tuple(cells)), new_page=number > 0))
    return out


def _grid_cell(cell: grid.GridCell, row: int, column: int, labels: Labels) -> Cell:
    if cell.kind == "time":
        paras = _paras(cell.span, muted=True) if cell.span else [Para((Run(""),))]
        if cell.minutes:
            paras += _paras(cell.minutes)
        return Cell(row, column, tuple(paras), "time", rows=cell.rows)
    if cell.kind == "track":
        return Cell(row, column, tuple(_paras(cell.span, italic=True)), "track")
    if cell.kind == "gap":
        return Cell(row, column, (Para((Run(""),)),), "gap", rows=cell.rows)
    assert cell.slot is not None
    if cell.kind == "block":
        return Cell(row, column, tuple(_paras(cell.slot.title, bold=True)
                                       + _links(cell.slot, labels)), "block",
                    columns=cell.columns)
    return Cell(row, column, tuple(_content(cell.slot, cell.nested, labels, cell.times)),
                rows=cell.rows, columns=cell.columns)


def _content(slot: Slot, nested: tuple[Slot, ...], labels: Labels, times: bool) -> list[Para]:
    """An item's cell in a room grid: its times, title, room, presenter and notes, then
    its descendants with their times, indented by depth."""
    lines = safe(slot.title)
    lead = (Run(f"{slot_span(slot, labels)} ", muted=True),) if times else ()
    out = [Para((*lead, Run(lines[0], bold=True))),
           *(Para((Run(line, bold=True),)) for line in lines[1:])]
    notes = grid.cell_notes(slot, labels)
    if notes:
        out += _notes(notes, muted=True)
    out += _links(slot, labels, muted=True)
    for child in nested:
        child_lines = safe(child.title)
        depth = child.depth - slot.depth
        out.append(Para((Run(f"{slot_span(child, labels)} ", muted=True),
                         Run(child_lines[0])), depth))
        out += [Para((Run(line),), depth) for line in child_lines[1:]]
        out += _links(child, labels, depth, muted=True)
    return out
