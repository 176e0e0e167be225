"""The timetable as a Word document (DOCX), written with python-docx.

The page of `sheet`: A4 with the PDF's margins (landscape for a meeting with days,
tracks or rooms), the title and header lines, then one table per day with fixed
column widths that fill the text width, merged cells where the HTML table spans rows
or columns, the column labels repeated on every page and no row split across pages.
Text is 맑은 고딕 (Word's Korean default; ``Malgun Gothic`` as its other name, with
the panose and Hangul charset by which Word picks a substitute), the language
ko-KR or en-US. The file carries no clock time: the same timetable gives the same
bytes.

python-docx is the optional extra ``agenda[office]``, imported only here.
"""

from __future__ import annotations

import io
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

__all__ = ["FONT", "render", "to_docx"]

FONT = "맑은 고딕"
_FONT_ALIAS = "Malgun Gothic"
_PANOSE = "020B0503020000020004"  # 맑은 고딕's, as Word records it
_HANGUL_CHARSET = "81"
_LANG = {"ko": "ko-KR", "en": "en-US"}
_SHADE = {"head": "E8E8E8", "block": "F3F3F3", "track": "F7F7F7"}
_MUTED = "333333"
_PROPERTY = 255  # characters a document property holds
_INDENT_PT = 15.0  # one level of a block's children (1.5 em of 10 pt)


def to_docx(timetable: Timetable, *, lang: str = "ko") -> bytes:
    """The timetable as DOCX bytes (A4, the PDF's margins)."""
    return _Writer(page(timetable, lang)).bytes()


def render(timetable: Timetable, options: RenderOptions) -> bytes:
    return to_docx(timetable, lang=options.lang)


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


class _Writer:
    """Builds one document from a `Page`."""

    def __init__(self, sheet: Page) -> None:
        self.sheet = sheet
        docx = office_library("docx", "DOCX", "python-docx")
        from docx.enum.section import WD_ORIENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt, RGBColor

        self.OxmlElement, self.qn, self.Pt, self.RGBColor = OxmlElement, qn, Pt, RGBColor
        self.align = WD_ALIGN_PARAGRAPH
        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE if sheet.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(sheet.width), Mm(sheet.height)
        margins = sheet.margins
        section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
        section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
        section.header_distance = section.footer_distance = Mm(0)
        section.gutter = Mm(0)

    # -- document-wide settings -------------------------------------------------------

    def _styles(self) -> None:
        qn, Pt = self.qn, self.Pt
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(TEXT_SIZE)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = self.OxmlElement("w:lang")
            rpr.append(lang)
        # As Korean Word has it: Latin text is English, East Asian text Korean (with
        # w:val ko-KR, Latin words would take Korean line breaks, inside "('20)").
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "ko-KR")
        spacing = normal.paragraph_format
        spacing.space_before = spacing.space_after = Pt(0)
        spacing.line_spacing = 1.15
        ppr = normal.element.get_or_add_pPr()
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra space between Hangul and
            element = self.OxmlElement(tag)              # digits: "4층", not "4 층"
            element.set(qn("w:val"), "0")
            ppr.insert_element_before(element, "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                                      "w:spacing", "w:ind", "w:contextualSpacing",
                                      "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                                      "w:textDirection", "w:textAlignment",
                                      "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                                      "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
        self._font_table()

    def _font_table(self) -> None:
        """Declare 맑은 고딕 in the font table with what Word substitutes it by: its
        other name, its panose number, the Hangul character set, a sans-serif family.
        (python-docx keeps the font table as bytes, so they are rewritten here.)"""
        from docx.opc.constants import RELATIONSHIP_TYPE
        from lxml import etree

        qn = self.qn
        part = self.doc.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
        fonts = etree.fromstring(part.blob)
        font = etree.Element(qn("w:font"), nsmap=fonts.nsmap)
        font.set(qn("w:name"), FONT)
        for tag, value in (("w:altName", _FONT_ALIAS), ("w:panose1", _PANOSE),
                           ("w:charset", _HANGUL_CHARSET), ("w:family", "swiss"),
                           ("w:pitch", "variable")):
            etree.SubElement(font, qn(tag)).set(qn("w:val"), value)
        fonts.insert(0, font)
        part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)

    def _properties(self) -> None:
        core = self.doc.core_properties
        title = " ".join(self.sheet.title)
        # A core property holds at most 255 characters (python-docx refuses more).
        core.title = title if len(title) <= _PROPERTY else title[:_PROPERTY - 1] + "…"
        core.author = core.last_modified_by = ""
        core.comments = ""
        core.language = _LANG.get(self.sheet.lang, "en-US")
        element = core._element
        for name in ("dcterms:created", "dcterms:modified"):
            for found in element.findall(self.qn(name)):
                element.remove(found)
        package = self.doc.part.package
        for rid, rel in list(package.rels.items()):
            if rel.reltype.endswith("/thumbnail"):  # the template's picture of a blank page
                package.rels.pop(rid)

    # -- the page ---------------------------------------------------------------------

    def bytes(self) -> bytes:
        self._styles()
        self._properties()
        doc, sheet, Pt = self.doc, self.sheet, self.Pt
        body = doc.element.body
        for paragraph in list(doc.paragraphs):  # the template's empty paragraph
            body.remove(paragraph._p)
        for line in sheet.title:
            title = doc.add_paragraph()
            run = title.add_run(line)
            run.bold = True
            run.font.size = Pt(TITLE_SIZE)
        first = True
        for label, text in sheet.facts:
            fact = doc.add_paragraph()
            if first:
                fact.paragraph_format.space_before = Pt(4)
                first = False
            fact.paragraph_format.tab_stops.add_tab_stop(Pt(4.5 * 10))  # 4.5 em, as in HTML
            fact.paragraph_format.left_indent = Pt(45)
            fact.paragraph_format.first_line_indent = Pt(-45)
            fact.add_run(f"{label}:").bold = True
            fact.add_run(f"\t{text}")
        doc.paragraphs[-1].paragraph_format.space_after = Pt(8)
        for section in sheet.sections:
            if section.heading is not None:
                heading = doc.add_paragraph()
                heading.paragraph_format.keep_with_next = True
                heading.paragraph_format.page_break_before = section.new_page
                heading.paragraph_format.space_before = Pt(10)
                heading.paragraph_format.space_after = Pt(4)
                run = heading.add_run(section.heading)
                run.bold = True
                run.font.size = Pt(HEADING_SIZE)
            self._table(section.table)
        total = doc.add_paragraph()
        total.paragraph_format.space_before = Pt(6)
        total.paragraph_format.alignment = self.align.RIGHT
        total.add_run(sheet.total)
        out = io.BytesIO()
        doc.save(out)
        return fixed_times(out.getvalue())

    def _table(self, table: Table) -> None:
        from docx.table import _Cell

        OxmlElement, qn = self.OxmlElement, self.qn
        grid = self.doc.add_table(rows=0, cols=len(table.widths))
        tbl = grid._tbl
        properties = tbl.tblPr
        for child in list(properties):  # rebuilt below, in the schema's order
            properties.remove(child)
        width = OxmlElement("w:tblW")
        width.set(qn("w:w"), str(sum(_twips(w) for w in table.widths)))
        width.set(qn("w:type"), "dxa")
        properties.append(width)
        properties.append(self._borders("w:tblBorders", ("top", "left", "bottom", "right",
                                                          "insideH", "insideV")))
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        properties.append(layout)
        margins = OxmlElement("w:tblCellMar")
        pad_v, pad_h = (2, 3) if self.sheet.landscape else (3, 5)  # points, as in the HTML
        for side, points in (("top", pad_v), ("left", pad_h), ("bottom", pad_v),
                             ("right", pad_h)):
            element = OxmlElement(f"w:{side}")
            element.set(qn("w:w"), str(points * 20))
            element.set(qn("w:type"), "dxa")
            margins.append(element)
        properties.append(margins)
        look = OxmlElement("w:tblLook")
        look.set(qn("w:val"), "0000")
        properties.append(look)
        for column, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), table.widths,
                                 strict=True):
            column.set(qn("w:w"), str(_twips(width)))

        starts = {(cell.row, cell.column): cell for cell in table.cells}
        self.joined = {(cell.row, cell.column) for cell in table.cells if cell.joined}
        covers: dict[tuple[int, int], Cell] = {}  # grid position: the cell spanning down to it
        for spanning_cell in table.cells:
            for row in range(spanning_cell.row + 1, spanning_cell.row + spanning_cell.rows):
                covers[(row, spanning_cell.column)] = spanning_cell
        for number in range(table.rows):
            tr = tbl.add_tr()
            row_properties = tr.get_or_add_trPr()
            row_properties.append(OxmlElement("w:cantSplit"))
            if number < table.header:
                row_properties.append(OxmlElement("w:tblHeader"))
            column = 0
            while column < len(table.widths):
                cell = starts.get((number, column))
                spanning = cell or covers.get((number, column))
                # Every grid position of a sheet is a cell's or covered by one above it.
                assert spanning is not None, (number, column)
                tc = tr.add_tc()
                tc.width = sum(_twips(w) for w in
                               table.widths[column:column + spanning.columns])
                tc_properties = tc.get_or_add_tcPr()
                if spanning.columns > 1:
                    span = OxmlElement("w:gridSpan")
                    span.set(qn("w:val"), str(spanning.columns))
                    tc_properties.append(span)
                if spanning.rows > 1:
                    merge = OxmlElement("w:vMerge")
                    if cell is not None:
                        merge.set(qn("w:val"), "restart")
                    tc_properties.append(merge)
                self._look(tc_properties, spanning)
                if cell is not None:
                    self._fill(_Cell(tc, grid), cell)
                else:
                    tc.add_p()
                column += spanning.columns

    def _borders(self, tag: str, sides: tuple[str, ...], none: tuple[str, ...] = ()) -> Any:
        borders = self.OxmlElement(tag)
        for side in sides:
            element = self.OxmlElement(f"w:{side}")
            if side in none:
                element.set(self.qn("w:val"), "nil")
            else:
                element.set(self.qn("w:val"), "single")
                element.set(self.qn("w:sz"), "6")  # eighths of a point: 0.75 pt
                element.set(self.qn("w:space"), "0")
                element.set(self.qn("w:color"), "000000")
            borders.append(element)
        return borders

    def _look(self, properties: Any, cell: Cell) -> None:
        """Borders, shading and vertical alignment of `cell` (in schema order)."""
        qn = self.qn
        # A block's children continue its row: no rule between them (on both sides of
        # the edge, as Word draws the cell above's bottom border too).
        open_below = (cell.row + cell.rows, cell.column) in self.joined
        if cell.joined or open_below:
            sides = tuple(side for side, hidden in (("top", cell.joined),
                                                      ("bottom", open_below)) if hidden)
            properties.append(self._borders("w:tcBorders", sides, none=sides))
        fill = _SHADE.get(cell.kind)
        if fill is not None or cell.kind == "gap":
            shade = self.OxmlElement("w:shd")
            if cell.kind == "gap":
                shade.set(qn("w:val"), "thinReverseDiagStripe")
                shade.set(qn("w:color"), "D9D9D9")
                shade.set(qn("w:fill"), "FFFFFF")
            else:
                shade.set(qn("w:val"), "clear")
                shade.set(qn("w:color"), "auto")
                shade.set(qn("w:fill"), fill)
            properties.append(shade)
        align = self.OxmlElement("w:vAlign")
        align.set(qn("w:val"), "center" if cell.kind == "category" else "top")
        properties.append(align)

    def _fill(self, target: Any, cell: Cell) -> None:
        Pt, RGBColor = self.Pt, self.RGBColor
        paragraphs: list[Para] = list(cell.paragraphs)
        first = target.paragraphs[0]
        for k, para in enumerate(paragraphs):
            paragraph = first if k == 0 else target.add_paragraph()
            if cell.kind in ("head", "category", "track"):
                paragraph.paragraph_format.alignment = self.align.CENTER
            if para.indent:
                paragraph.paragraph_format.left_indent = Pt(_INDENT_PT * para.indent)
            for piece in para.runs:
                if not piece.text:
                    continue
                run = paragraph.add_run(piece.text)
                if self.sheet.size != TEXT_SIZE:  # a room grid's smaller type
                    run.font.size = Pt(self.sheet.size)
                if piece.bold or cell.kind in ("head", "block"):
                    run.bold = True
                if piece.italic:
                    run.italic = True
                if piece.muted:
                    run.font.color.rgb = RGBColor.from_string(_MUTED)
