"""The timetable as a Hancom Office document (HWPX, OWPML), written with python-hwpx.

The page of `sheet`: A4 with the PDF's margins (landscape for a meeting with days,
tracks or rooms), the title and header lines, then one table per day: column widths
that fill the text width, merged cells (``rowSpan``/``colSpan``) where the HTML
table spans rows or columns, the column labels repeated on every page. Text is
함초롬바탕, Hancom Office's own typeface (바탕 named as its substitute); long titles
wrap inside their cells.

python-hwpx starts from Hancom's own empty document, so the header (fonts, styles,
shapes) is one that Hancom Office opens; this module adds character, paragraph and
border shapes to it through the library and fills the section. Two things are set
afterwards on the XML the library made: the cells' top alignment and repeated header
row (the library has no call for them), and the paragraph and table ids (the library
draws them at random), numbered in order so that the same timetable gives the same
bytes. The package carries no clock time.

python-hwpx is the optional extra ``agenda[office]``, imported only here.
"""

from __future__ import annotations

from typing import Any

from .._timetable import Timetable
from .options import RenderOptions
from .sheet import (
    HEADING_SIZE,
    TEXT_SIZE,
    TITLE_SIZE,
    Cell,
    Page,
    Para,
    Table,
    office_library,
    page,
)
from .zipped import fixed_times

__all__ = ["FONT", "SUBSTITUTE", "render", "to_hwpx"]

FONT = "함초롬바탕"
SUBSTITUTE = "바탕"
_HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
_HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
_UNITS_PER_MM = 7200 / 25.4  # HWPUNIT: 1/7200 inch
_SHADE = {"head": "#E8E8E8", "block": "#F3F3F3", "track": "#F7F7F7", "gap": "#F2F2F2"}
_MUTED = "#333333"
_BORDER = "0.25 mm"  # the HTML's 0.75 pt rule, as near as Hancom's widths go
_INDENT_MM = 5.3  # one level of a block's children (1.5 em of 10 pt)


def to_hwpx(timetable: Timetable, *, lang: str = "ko") -> bytes:
    """The timetable as HWPX bytes (A4, the PDF's margins)."""
    return _Writer(page(timetable, lang)).bytes()


def render(timetable: Timetable, options: RenderOptions) -> bytes:
    return to_hwpx(timetable, lang=options.lang)


def _units(mm: float) -> int:
    return round(mm * _UNITS_PER_MM)


class _Writer:
    """Builds one document from a `Page`."""

    def __init__(self, sheet: Page) -> None:
        self.sheet = sheet
        self.doc = office_library("hwpx", "HWPX", "python-hwpx").HwpxDocument.new()
        margins = sheet.margins
        self.doc.page.setup(paper_size="A4",
                            orientation="landscape" if sheet.landscape else "portrait",
                            margin_top_mm=margins.top, margin_bottom_mm=margins.bottom,
                            margin_left_mm=margins.left, margin_right_mm=margins.right,
                            header_margin_mm=0, footer_margin_mm=0, gutter_mm=0)
        self._substitute()
        styles = self.doc.styles
        size = sheet.size

        def run(**style: Any) -> str:
            found: str = styles.ensure_run(font=FONT, **style)
            return found

        self.chars = {
            (bold, muted, italic): run(size=size, bold=bold, italic=italic,
                                       color=_MUTED if muted else "#000000")
            for bold in (False, True) for muted in (False, True) for italic in (False, True)}
        self.title_char = run(size=TITLE_SIZE, bold=True)
        self.heading_char = run(size=HEADING_SIZE, bold=True)
        self.fact_chars = (run(size=TEXT_SIZE, bold=True), run(size=TEXT_SIZE, bold=False))
        self.borders: dict[tuple[str | None, bool, bool], str] = {}
        self.paras: dict[tuple[str, int], str] = {}

    def _substitute(self) -> None:
        """Name 바탕 as 함초롬바탕's substitute wherever the header declares it, for a
        reader without Hancom's fonts."""
        header = self.doc.oxml.headers[0]
        for font in header.element.iter(f"{_HH}font"):
            if font.get("face") == FONT and font.find(f"{_HH}substFont") is None:
                subst = font.makeelement(f"{_HH}substFont", {
                    "face": SUBSTITUTE, "type": "TTF", "isEmbedded": "0",
                    "binaryItemIDRef": ""})
                font.insert(0, subst)
        header.mark_dirty()

    # -- shapes -------------------------------------------------------------------------

    def _para(self, align: str, indent: int) -> str:
        """A paragraph shape: `align`ed, indented `indent` levels, 130 % line spacing."""
        key = (align, indent)
        if key not in self.paras:
            self.paras[key] = self.doc.oxml.headers[0].ensure_paragraph_format(
                alignment=align, line_spacing_percent=130,
                margins={"left": _units(_INDENT_MM * indent)} if indent else None)
        return self.paras[key]

    def _border(self, kind: str, joined: bool, open_below: bool) -> str:
        """A cell's border and fill: the rules on all four sides but the ones a block's
        rows continue across, and the shading of its kind."""
        fill = _SHADE.get(kind)
        key = (fill, joined, open_below)
        if key not in self.borders:
            sides = [side for side, hidden in (("left", False), ("right", False),
                                               ("top", joined), ("bottom", open_below))
                     if not hidden]
            self.borders[key] = self.doc.styles.ensure_border_fill(
                border_color="#000000", border_width=_BORDER, fill_color=fill,
                active_borders=sides)
        return self.borders[key]

    # -- the page -----------------------------------------------------------------------

    def bytes(self) -> bytes:
        doc, sheet = self.doc, self.sheet
        plain = self._para("JUSTIFY", 0)
        first = True
        for line in sheet.title:
            paragraph = self._paragraph(line, self.title_char, plain, first)
            first = False
        for label, text in sheet.facts:
            paragraph = doc.add_paragraph(f"{label}: ", char_pr_id_ref=self.fact_chars[0],
                                          para_pr_id_ref=plain, inherit_style=False)
            paragraph.add_run(text, char_pr_id_ref=self.fact_chars[1])
        for section in sheet.sections:
            if section.heading is not None:
                paragraph = self._paragraph(section.heading, self.heading_char, plain)
                if section.new_page:
                    paragraph.element.set("pageBreak", "1")
            self._table(section.table)
        self._paragraph(sheet.total, self.fact_chars[1], self._para("RIGHT", 0))
        parts = doc.parts
        parts.clear_document_metadata(keep=("language",))
        parts.set_document_metadata(title=" ".join(sheet.title))
        parts.clear_preview()
        self._number()
        return fixed_times(doc.to_bytes())

    def _paragraph(self, text: str, char: str, para: str, first: bool = False) -> Any:
        """A body paragraph; the first fills the empty paragraph the document starts
        with (the one that holds the page set-up)."""
        if first:
            paragraph = self.doc.paragraphs[0]
            paragraph.add_run(text, char_pr_id_ref=char)
            paragraph.para_pr_id_ref = para
            return paragraph
        return self.doc.add_paragraph(text, char_pr_id_ref=char, para_pr_id_ref=para,
                                      inherit_style=False)

    def _table(self, table: Table) -> None:
        widths = [_units(width) for width in table.widths]
        grid = self.doc.add_table(table.rows, len(widths), width=sum(widths),
                                  border_fill_id_ref=self._border("item", False, False),
                                  para_pr_id_ref=self._para("JUSTIFY", 0))
        grid.set_column_widths(widths)
        for cell in table.cells:
            if cell.rows > 1 or cell.columns > 1:
                grid.merge_cells(cell.row, cell.column, cell.row + cell.rows - 1,
                                 cell.column + cell.columns - 1)
        joined = {(cell.row, cell.column) for cell in table.cells if cell.joined}
        element = grid.element
        element.set("repeatHeader", "1" if table.header else "0")
        for cell in table.cells:
            target = grid.cell(cell.row, cell.column)
            open_below = (cell.row + cell.rows, cell.column) in joined
            target.element.set("borderFillIDRef",
                               self._border(cell.kind, cell.joined, open_below))
            if cell.row < table.header:
                target.element.set("header", "1")
            sublist = target.element.find(f"{_HP}subList")
            if sublist is not None:
                sublist.set("vertAlign", "CENTER" if cell.kind == "category" else "TOP")
            self._fill(target, cell)
        grid.mark_dirty()

    def _fill(self, target: Any, cell: Cell) -> None:
        align = "CENTER" if cell.kind in ("head", "category", "track") else "LEFT"
        paragraphs: list[Para] = list(cell.paragraphs)
        existing = target.paragraphs
        for k, para in enumerate(paragraphs):
            runs = [run for run in para.runs if run.text] or [para.runs[0]]
            shape = self._para(align, para.indent)
            chars = [self.chars[(run.bold or cell.kind in ("head", "block"), run.muted,
                                 run.italic)] for run in runs]
            if k == 0 and existing:
                paragraph = existing[0]
                paragraph.para_pr_id_ref = shape
                for run_element in list(paragraph.element.findall(f"{_HP}run")):
                    paragraph.element.remove(run_element)
                paragraph.add_run(runs[0].text, char_pr_id_ref=chars[0])
            else:
                paragraph = target.add_paragraph(runs[0].text, para_pr_id_ref=shape,
                                                  char_pr_id_ref=chars[0])
            for run, char in zip(runs[1:], chars[1:], strict=True):
                paragraph.add_run(run.text, char_pr_id_ref=char)

    def _number(self) -> None:
        """Paragraphs and tables numbered in document order (the first paragraph keeps
        the 0 Hancom gives it), in place of the library's random ids."""
        for section in self.doc.sections:
            numbers = iter(range(1, 1 << 31))
            for element in section.element.iter(f"{_HP}p", f"{_HP}tbl"):
                if element.get("id") != "0" or element.tag == f"{_HP}tbl":
                    element.set("id", str(next(numbers)))
            section.mark_dirty()
