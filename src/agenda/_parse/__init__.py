"""Parse: printed agendas (a press release, a mail, a Markdown or CSV table, the
text table ``agenda table`` prints) read back into a Meeting, with every
inconsistency found at its source line.

Stages: office documents become text (``_office``, a web page's timetable grid by
``_grid``) · find the table (``_text``, ``_tables``, ``_bordered``, ``_paste``) · read
its rows (``_scan``, ``_cells``) · the header facts (``_header``) · read the times as
meant (``_times``) · place the rows on the clock and check them (``_place``) · build
the meeting (``_build``, ``_ids``).
"""

from __future__ import annotations

import datetime as _dt
import os

import attrs

from .._io import STDIN, read_input
from .._words.catalog import render_message
from ._bordered import looks_bordered, read_bordered
from ._build import ParseError, ParseResult, build
from ._office import OfficeError, sniff, to_text
from ._paste import looks_pasted, read_pasted
from ._rows import Table
from ._scan import normalize
from ._tables import looks_csv, looks_markdown, read_csv, read_markdown
from ._text import read_text

__all__ = ["FORMATS", "ParseError", "ParseResult", "document_language", "parse_bytes",
           "parse_file", "parse_text"]

OFFICE_FORMATS = ("html", "docx", "hwpx")
FORMATS = ("auto", "text", "markdown", "csv", *OFFICE_FORMATS)
"""The document formats `parse_text` and `parse_bytes` read (``auto`` tells them
apart by their content)."""


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _hangul(text: str) -> bool:
    return any("\uac00" <= char <= "\ud7a3" for char in text)


def _read(text: str, fmt: str) -> Table:
    lines = _lines(text)
    if fmt == "auto":
        if looks_bordered(lines):
            fmt = "text"
        elif looks_pasted(lines):
            fmt = "pasted"
        elif looks_markdown(lines):
            fmt = "markdown"
        elif looks_csv(text):
            fmt = "csv"
        else:
            fmt = "text"
    table: Table | None = None
    if fmt == "csv":
        table = read_csv(text)
        if table is None:
            raise ParseError(render_message("parse-no-csv-header", {}, "en"),
                             code="parse-no-csv-header")
    elif fmt == "markdown":
        table = read_markdown(lines)
    elif fmt == "text" and looks_bordered(lines):
        table = read_bordered(lines)
    elif fmt == "pasted":
        table = read_pasted(lines)
    if table is None or not table.rows:
        table = read_text(lines)
    return table


# What a file that is not UTF-8 but reads as CP949 is told (a phrase of the catalog).
_CP949_HINT = ("; it reads as Korean CP949 (EUC-KR): save it as UTF-8, e.g. "
               "`iconv -f cp949 -t utf-8 {name} > {name}.utf8`")


def _text_of(data: bytes, name: str) -> str:
    """`data` as UTF-8 text; a file in another encoding is refused with a hint (a
    Korean file from Windows is CP949)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        hint = ""
        try:
            data.decode("cp949")
        except UnicodeDecodeError:
            pass
        else:
            hint = _CP949_HINT
        raise ParseError(
            f"{name}: not UTF-8 text: {exc.reason} at byte {exc.start}{hint.format(name=name)}",
            code="parse-not-utf8",
            facts={"name": name, "byte": f"{data[offset]:02x}", "offset": offset,
                   "hint": hint}) from None


def _office_error(error: OfficeError, name: str) -> ParseError:
    facts: dict[str, int | str] = {"name": name, **error.facts}
    return ParseError(render_message(error.code, facts, "en"), code=error.code, facts=facts)


def parse_bytes(data: bytes, *, format: str = "auto", date: _dt.date | None = None,
                tz: str | None = None, open_end: int | None = None,
                name: str = "the document") -> ParseResult:
    """`parse_text` of a document as it is stored: UTF-8 text, or an HTML, DOCX or
    HWPX document told apart by its content (a PDF is refused with a way to get its
    text). `name` names the document in messages; a :class:`ParseError` carries the
    document's language (`document_language`) as its `lang`."""
    try:
        kind = sniff(data) if format in ("auto", *OFFICE_FORMATS) else None
        if kind is not None:
            try:
                text = to_text(data, kind)
            except OfficeError as error:
                raise _office_error(error, name) from None
            result = parse_text(text, format="auto", date=date, tz=tz, open_end=open_end)
            return attrs.evolve(result, format=kind)
        return parse_text(_text_of(data, name), format=format, date=date, tz=tz,
                          open_end=open_end)
    except ParseError as exc:
        exc.lang = document_language(data)
        raise


def document_language(data: bytes) -> str:
    """``ko`` when the document `data` holds Hangul (read as UTF-8), else ``en``: the
    language to speak of it before its meeting says one."""
    return "ko" if _hangul(data.decode("utf-8", "replace")) else "en"


def parse_text(text: str, *, format: str = "auto", date: _dt.date | None = None,
               tz: str | None = None, open_end: int | None = None) -> ParseResult:
    """Read an agenda out of `text` and check its times.

    `format` is one of `FORMATS`; `date` gives the date (or the year) a document
    leaves out, `tz` the IANA time zone of its times, `open_end` how many minutes a
    last row left open lasts (30 when not given; it is reported as ``open-end``).
    Returns the meeting and every problem, each with its source line; raises
    :class:`ParseError` when the text holds no agenda (no row of times) or no date.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_text reads a str, got {type(text).__name__}; "
                        "use parse_bytes for bytes")
    if format not in FORMATS:
        facts: dict[str, int | str] = {"format": format, "formats": ", ".join(FORMATS)}
        raise ParseError(render_message("parse-unknown-format", facts, "en"),
                         code="parse-unknown-format", facts=facts)
    text = text.removeprefix("\ufeff")
    if format in ("auto", *OFFICE_FORMATS):
        kind = sniff(text[:65536].encode("utf-8", "replace"))
        if kind == "pdf":
            raise _office_error(OfficeError("parse-pdf"), "the document")
        if kind == "html" or format == "html":
            return parse_bytes(text.encode("utf-8"), format="auto", date=date, tz=tz,
                               open_end=open_end)
    table = _read(normalize(text), format)
    return build(table, date=date, tz=tz, hangul=_hangul(text), open_end=open_end)


def parse_file(path: str | os.PathLike[str], *, format: str = "auto",
               date: _dt.date | None = None, tz: str | None = None,
               open_end: int | None = None) -> ParseResult:
    """`parse_bytes` of a file (``-``: standard input), named in messages as given; an
    unreadable file is a :class:`ParseError`."""
    name = "standard input" if os.fspath(path) == STDIN else os.fspath(path)
    try:
        data = read_input(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        facts: dict[str, int | str] = {"name": name, "reason": reason}
        raise ParseError(f"{name}: cannot read the file: {reason}", code="parse-unreadable",
                         facts=facts) from None
    return parse_bytes(data, format=format, date=date, tz=tz, open_end=open_end, name=name)
