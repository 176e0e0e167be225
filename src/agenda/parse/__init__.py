"""Parse: printed agendas (a press release, a mail, a Markdown or CSV table, the
text table ``agenda table`` prints) read back into a Meeting, with every
inconsistency found at its source line.

Stages: find the table (``_text``, ``_tables``) · read its rows (``_scan``) · the
header facts (``_header``) · build the meeting and check the times (``_build``).
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from ._build import ParseError, ParseResult, build
from ._rows import Table
from ._tables import (
    looks_bordered,
    looks_csv,
    looks_markdown,
    read_bordered,
    read_csv,
    read_markdown,
)
from ._text import read_text

__all__ = ["FORMATS", "ParseError", "ParseResult", "parse_file", "parse_text"]

FORMATS = ("auto", "text", "markdown", "csv")
"""The document formats `parse_text` reads (``auto`` tells them apart)."""


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _hangul(text: str) -> bool:
    return any("\uac00" <= char <= "\ud7a3" for char in text)


def _read(text: str, fmt: str) -> Table:
    lines = _lines(text)
    if fmt == "auto":
        if looks_bordered(lines):
            fmt = "text"
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
            raise ParseError("no CSV header row names a time or start column "
                             "(such as 시간, 시작, time, start)")
    elif fmt == "markdown":
        table = read_markdown(lines)
    elif fmt == "text" and looks_bordered(lines):
        table = read_bordered(lines)
    if table is None or not table.rows:
        table = read_text(lines)
    return table


def parse_text(text: str, *, format: str = "auto", date: _dt.date | None = None,
               tz: str | None = None) -> ParseResult:
    """Read an agenda out of `text` and check its times.

    `format` is one of `FORMATS`; `date` gives the date (or the year) a document
    leaves out, `tz` the IANA time zone of its times. Returns the meeting and
    every problem, each with its source line; raises :class:`ParseError` when the
    text holds no agenda (no row of times) or no date, and `TypeError` when `text` is
    not a string.
    """
    if not isinstance(text, str):
        hint = "; decode it first" if isinstance(text, bytes | bytearray) else (
            "; parse_file reads a file")
        raise TypeError(f"parse_text reads the document's text as a str, got "
                        f"{type(text).__name__}{hint}")
    if format not in FORMATS:
        raise ParseError(f"unknown document format {format!r}; use one of "
                         f"{', '.join(FORMATS)}")
    text = text.removeprefix("\ufeff")
    table = _read(text, format)
    return build(table, date=date, tz=tz, hangul=_hangul(text))


def parse_file(path: str | os.PathLike[str], *, format: str = "auto",
               date: _dt.date | None = None, tz: str | None = None) -> ParseResult:
    """`parse_text` of a UTF-8 file; an unreadable file is a :class:`ParseError`."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ParseError(f"{file}: cannot read the file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ParseError(f"{file}: not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    return parse_text(text, format=format, date=date, tz=tz)
