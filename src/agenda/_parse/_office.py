"""Documents people actually have: a saved web page (HTML), a Word file (DOCX), a
Hangul file (HWPX), told apart by their content, not their name. Each becomes the
text the other readers take: its paragraphs as lines and each table as a Markdown
table (a line break inside a cell kept as ``<br>``), so an office document parses
to the same meeting as its text. A timetable grid of a web page (a column per room,
items spanning rows, as agenda prints days and tracks) becomes the rows of agenda's
own Markdown table first (``_grid``), and so does a table of rows with a header (as
agenda prints one day): its merged cells and indented parts laid out.

DOCX is read with python-docx and HTML with html5lib (the ``office`` extra). HWPX
is an OWPML package (a zip of XML parts, ``Contents/section0.xml`` …): its
paragraphs (``hp:p``/``hp:t``) and tables (``hp:tbl``/``hp:tr``/``hp:tc``) are read
with the standard library, which needs no package of its own.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import attrs

from ._grid import GridCell, grid_rows, laid_rows

__all__ = ["KINDS", "OfficeError", "sniff", "to_text"]

KINDS = ("html", "docx", "hwpx", "pdf")
_MAX_PART = 64 * 1024 * 1024  # bytes of one XML part read from a package
_HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
_HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
_HC = "{http://www.hancom.co.kr/hwpml/2011/core}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NBSP = "\xa0"  # two lead an indented line of a grid's cell a level (as `_grid` reads it)
# An HTML cell's left padding (how agenda indents a block's parts), and each unit in points.
_PADDING = re.compile(r"padding-left\s*:\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>r?em|pt|px|)",
                      re.IGNORECASE)
_POINTS = {"em": 10.0, "rem": 10.0, "pt": 1.0, "px": 0.75, "": 0.75}
_BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd",
                         "section", "article", "header", "footer", "blockquote", "pre",
                         "tr", "caption", "title"})


class OfficeError(Exception):
    """A document of a kind that cannot be read here (why, in `code` and `facts`)."""

    def __init__(self, code: str, **facts: str) -> None:
        self.code = code
        self.facts = facts
        super().__init__(code)


def sniff(data: bytes) -> str | None:
    """The kind of document `data` holds (one of `KINDS`), or None for plain text."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return "docx"
        if any(name.startswith("Contents/section") for name in names):
            return "hwpx"
        return None
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"\xef\xbb\xbf<!doctype html",
                           b"\xef\xbb\xbf<html")) or (
            lowered.startswith(b"<") and (b"<table" in data[:65536].lower()
                                          or b"<body" in data[:65536].lower())):
        return "html"
    return None


def _cell(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    return "<br>".join(line.replace("|", "\\|") for line in lines if line)


def _table(rows: list[list[str]]) -> list[str]:
    """A Markdown table of `rows`; a header separator under the first row."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    out = ["", "| " + " | ".join(_cell(c) for c in rows[0]) + " |",
           "|" + " --- |" * width]
    out.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows[1:])
    out.append("")
    return out


def _grid_or_table(cells: list[list[GridCell]],
                   plain: list[list[str]] | None = None) -> list[str]:
    """The Markdown of a table: agenda's rows when it is a timetable grid or a table of
    rows with a header, else its cells as they stand (`plain`, or each cell's text)."""
    grid = grid_rows(cells)
    if grid is None:
        grid = laid_rows(cells)
    if grid is None:
        grid = plain if plain is not None else [[cell.text for cell in row] for row in cells]
    return _table(grid)


@attrs.define
class _Laid:
    """A cell of a Word or Hangul table as laid out: its paragraphs (left indent in the
    format's unit, text), the rows and columns it spans, whether it is a header cell."""

    paragraphs: list[tuple[int, str]]
    rows: int = 1
    columns: int = 1
    header: bool = False

    def text(self, levels: list[int]) -> str:
        """The cell's lines, each indented paragraph led by two no-break spaces a level
        (`levels`: the indents the table uses, least first), as a web page gives them."""
        return "\n".join(_NBSP * 2 * levels.index(indent) + line
                         for indent, text in self.paragraphs for line in text.split("\n"))


def _grid_cells(rows: list[list[_Laid]]) -> list[list[GridCell]]:
    levels = sorted({indent for row in rows for cell in row for indent, _ in cell.paragraphs})
    return [[GridCell(cell.text(levels), cell.rows, cell.columns, cell.header,
                      cell.paragraphs[0][0] if cell.paragraphs else 0)
             for cell in row] for row in rows]


# -- HTML ---------------------------------------------------------------------------


def _html_text(node: Any) -> str:
    """The text of an element, line breaks where ``<br>`` and blocks are."""
    parts: list[str] = []
    _walk(node, parts, None)
    return "".join(parts)


def _walk(element: Any, parts: list[str], out: list[str] | None) -> None:
    """Text of `element` into `parts`; tables (when `out` is given) go to `out` as
    Markdown, after the text before them."""
    tag = _local(element.tag) if isinstance(element.tag, str) else ""
    if tag in ("script", "style", "template", "head"):
        return
    if tag == "table" and out is not None:
        _flush(parts, out)
        cells = [[_grid_cell(cell) for cell in tr
                  if isinstance(cell.tag, str) and _local(cell.tag) in ("td", "th")]
                 for tr in element.iter()
                 if isinstance(tr.tag, str) and _local(tr.tag) == "tr"]
        out.extend(_grid_or_table(cells))
        return
    if tag == "br":
        parts.append("\n")
    elif element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts, out)
        if child.tail:
            parts.append(child.tail)
    if tag == "dt" and not "".join(parts).rstrip().endswith((":", "：")):
        parts.append(": ")  # a term and its description read as one labelled line
    elif tag in _BLOCK_TAGS:
        parts.append("\n")


def _span(cell: Any, name: str) -> int:
    value = str(cell.get(name) or "1").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 1000 else 1


def _padding(cell: Any) -> float:
    """A cell's ``padding-left`` as its style sets it, in points (0 when not set)."""
    found = _PADDING.search(str(cell.get("style") or ""))
    if found is None:
        return 0.0
    return float(found["value"]) * _POINTS[found["unit"].lower()]


def _grid_cell(cell: Any) -> GridCell:
    return GridCell(_html_text(cell), _span(cell, "rowspan"), _span(cell, "colspan"),
                    _local(cell.tag) == "th", _padding(cell))


def _flush(parts: list[str], out: list[str]) -> None:
    text = "".join(parts)
    parts.clear()
    out.extend(line.strip() for line in text.split("\n") if line.strip())


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _html(data: bytes) -> list[str]:
    try:
        import html5lib  # type: ignore[import-untyped]
    except ImportError:
        raise OfficeError("parse-needs-extra", kind="HTML", package="html5lib") from None
    try:  # UTF-8 when it reads as such; else the page's own <meta charset> (euc-kr …)
        source: str | bytes = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        source = data
    root = html5lib.parse(source, namespaceHTMLElements=False)
    out: list[str] = []
    title = root.find("head/title")
    if title is not None and title.text and title.text.strip():
        out.append(" ".join(title.text.split()))
    body = root.find("body")
    parts: list[str] = []
    _walk(body if body is not None else root, parts, out)
    _flush(parts, out)
    return out


# -- DOCX ---------------------------------------------------------------------------


def _docx(data: bytes) -> list[str]:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise OfficeError("parse-needs-extra", kind="DOCX", package="python-docx") from None
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            out.extend(block.text.split("\n"))
        elif isinstance(block, Table):
            out.extend(_docx_table(block))
    return out


def _docx_table(table: Any) -> list[str]:
    """A Word table: each row's cells where they start (a cell merged down, ``w:vMerge``,
    spans the rows it continues into; one merged across, ``w:gridSpan``, its columns);
    as cells stand, a merged cell's text in each row it covers, as Word shows it."""
    from docx.table import _Cell

    rows: list[list[_Laid]] = []
    plain: list[list[_Laid]] = []
    starts: dict[int, _Laid] = {}  # grid column: the cell last started there
    for tr in table._tbl.tr_lst:
        header = tr.trPr is not None and tr.trPr.find(f"{_W}tblHeader") is not None
        here: list[_Laid] = []
        shown: list[_Laid] = []
        column = tr.grid_before
        for tc in tr.tc_lst:
            above = starts.get(column)
            if tc.vMerge == "continue" and above is not None:
                above.rows += 1
                shown.append(above)
            else:
                cell = _Laid([(int(p.paragraph_format.left_indent or 0), p.text)
                              for p in _Cell(tc, table).paragraphs],
                             columns=tc.grid_span, header=header)
                starts[column] = cell
                here.append(cell)
                shown.append(cell)
            column += tc.grid_span
        rows.append(here)
        plain.append(shown)
    cells = _grid_cells(rows)
    return _grid_or_table(cells, [["\n".join(text for _, text in cell.paragraphs)
                                   for cell in row] for row in plain])


# -- HWPX ---------------------------------------------------------------------------


def _hwpx_paragraph(p: ElementTree.Element, indents: dict[str, int], out: list[str]) -> None:
    text: list[str] = []
    tables: list[ElementTree.Element] = []
    for run in p.findall(f"{_HP}run"):
        for child in run:
            if child.tag == f"{_HP}t":
                text.append(_hwpx_t(child))
            elif child.tag == f"{_HP}tbl":
                tables.append(child)
    if "".join(text).strip():
        out.extend("".join(text).split("\n"))
    for table in tables:
        out.extend(_hwpx_table(table, indents))


def _hwpx_t(t: ElementTree.Element) -> str:
    parts = [t.text or ""]
    for child in t:
        if child.tag == f"{_HP}lineBreak":
            parts.append("\n")
        elif child.tag == f"{_HP}tab":
            parts.append("\t")
        parts.append(child.tail or "")
    return "".join(parts)


def _hwpx_cell(tc: ElementTree.Element, indents: dict[str, int]) -> _Laid:
    """A Hangul cell: its paragraphs with their shapes' left margins, its span
    (``hp:cellSpan``; the cells it covers are not in the table) and header flag."""
    paragraphs: list[tuple[int, str]] = []
    for p in tc.iter(f"{_HP}p"):
        line = "".join(_hwpx_t(t) for run in p.findall(f"{_HP}run")
                       for t in run.findall(f"{_HP}t"))
        if line.strip():
            paragraphs.append((indents.get(p.get("paraPrIDRef") or "", 0), line))
    span = tc.find(f"{_HP}cellSpan")
    rows, columns = ((1, 1) if span is None else
                     (_span(span, "rowSpan"), _span(span, "colSpan")))
    return _Laid(paragraphs, rows, columns, tc.get("header") == "1")


def _hwpx_table(table: ElementTree.Element, indents: dict[str, int]) -> list[str]:
    rows = [[_hwpx_cell(tc, indents) for tc in tr.findall(f"{_HP}tc")]
            for tr in table.findall(f"{_HP}tr")]
    return _grid_or_table(_grid_cells(rows),
                          [["\n".join(text for _, text in cell.paragraphs) for cell in row]
                           for row in rows])


def _hwpx_indents(package: zipfile.ZipFile) -> dict[str, int]:
    """Each paragraph shape's left margin (``hh:paraPr``'s first ``hc:left``, HWPUNIT),
    by its id, from the package's header part."""
    names = [name for name in package.namelist()
             if name.startswith("Contents/header") and name.endswith(".xml")]
    out: dict[str, int] = {}
    for root in _parts(package, names):
        for shape in root.iter(f"{_HH}paraPr"):
            left = next(shape.iter(f"{_HC}left"), None)
            value = "0" if left is None else left.get("value") or "0"
            out[shape.get("id") or ""] = int(value) if value.removeprefix("-").isdecimal() else 0
    return out


def _parts(package: zipfile.ZipFile, names: list[str]) -> Iterator[ElementTree.Element]:
    for name in names:
        if package.getinfo(name).file_size > _MAX_PART:
            raise OfficeError("parse-office-unreadable", kind="HWPX",
                              reason=f"{name} is larger than {_MAX_PART} bytes")
        yield ElementTree.fromstring(package.read(name))


def _hwpx_sections(package: zipfile.ZipFile) -> Iterator[ElementTree.Element]:
    names = sorted((name for name in package.namelist()
                    if name.startswith("Contents/section") and name.endswith(".xml")),
                   key=lambda name: int("".join(c for c in name if c.isdigit()) or 0))
    return _parts(package, names)


def _hwpx(data: bytes) -> list[str]:
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        indents = _hwpx_indents(package)
        for section in _hwpx_sections(package):
            for p in section.findall(f"{_HP}p"):
                _hwpx_paragraph(p, indents, out)
    return out


def to_text(data: bytes, kind: str) -> str:
    """The text of an office document of `kind` (from `sniff`) for the text readers."""
    if kind == "pdf":
        raise OfficeError("parse-pdf")
    readers = {"html": _html, "docx": _docx, "hwpx": _hwpx}
    try:
        lines = readers[kind](data)
    except OfficeError:
        raise
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, ValueError) as exc:
        raise OfficeError("parse-office-unreadable", kind=kind.upper(),
                          reason=str(exc) or type(exc).__name__) from None
    return "\n".join(lines) + "\n"
