"""Documents people actually have: a saved web page (HTML), a Word file (DOCX), a
Hangul file (HWPX), told apart by their content, not their name. Each becomes the
text the other readers take: its paragraphs as lines and each table as a Markdown
table (a line break inside a cell kept as ``<br>``), so an office document parses
to the same meeting as its text. A timetable grid of a web page (a column per room,
items spanning rows, as agenda prints days and tracks) becomes the rows of agenda's
own Markdown table first (``_grid``).

DOCX is read with python-docx and HTML with html5lib (the ``office`` extra). HWPX
is an OWPML package (a zip of XML parts, ``Contents/section0.xml`` …): its
paragraphs (``hp:p``/``hp:t``) and tables (``hp:tbl``/``hp:tr``/``hp:tc``) are read
with the standard library, which needs no package of its own.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

from ._grid import GridCell, grid_rows

__all__ = ["KINDS", "OfficeError", "sniff", "to_text"]

KINDS = ("html", "docx", "hwpx", "pdf")
_MAX_PART = 64 * 1024 * 1024  # bytes of one XML part read from a package
_HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
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
        grid = grid_rows(cells)
        out.extend(_table(grid if grid is not None else
                          [[cell.text for cell in row] for row in cells]))
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


def _grid_cell(cell: Any) -> GridCell:
    return GridCell(_html_text(cell), _span(cell, "rowspan"), _span(cell, "colspan"),
                    _local(cell.tag) == "th")


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
            rows = []
            for row in block.rows:
                cells: list[str] = []
                previous = None
                for cell in row.cells:
                    if previous is not None and cell._tc is previous:
                        continue  # a merged cell repeats across the columns it spans
                    previous = cell._tc
                    cells.append(cell.text)
                rows.append(cells)
            out.extend(_table(rows))
    return out


# -- HWPX ---------------------------------------------------------------------------


def _hwpx_paragraph(p: ElementTree.Element, out: list[str]) -> None:
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
        out.extend(_table(_hwpx_rows(table)))


def _hwpx_t(t: ElementTree.Element) -> str:
    parts = [t.text or ""]
    for child in t:
        if child.tag == f"{_HP}lineBreak":
            parts.append("\n")
        elif child.tag == f"{_HP}tab":
            parts.append("\t")
        parts.append(child.tail or "")
    return "".join(parts)


def _hwpx_cell_text(tc: ElementTree.Element) -> str:
    lines: list[str] = []
    for p in tc.iter(f"{_HP}p"):
        lines.append("".join(_hwpx_t(t) for run in p.findall(f"{_HP}run")
                             for t in run.findall(f"{_HP}t")))
    return "\n".join(line for line in lines if line.strip())


def _hwpx_rows(table: ElementTree.Element) -> list[list[str]]:
    return [[_hwpx_cell_text(tc) for tc in tr.findall(f"{_HP}tc")]
            for tr in table.findall(f"{_HP}tr")]


def _hwpx_sections(package: zipfile.ZipFile) -> Iterator[ElementTree.Element]:
    names = sorted((name for name in package.namelist()
                    if name.startswith("Contents/section") and name.endswith(".xml")),
                   key=lambda name: int("".join(c for c in name if c.isdigit()) or 0))
    for name in names:
        if package.getinfo(name).file_size > _MAX_PART:
            raise OfficeError("parse-office-unreadable", kind="HWPX",
                              reason=f"{name} is larger than {_MAX_PART} bytes")
        yield ElementTree.fromstring(package.read(name))


def _hwpx(data: bytes) -> list[str]:
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for section in _hwpx_sections(package):
            for p in section.findall(f"{_HP}p"):
                _hwpx_paragraph(p, out)
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
