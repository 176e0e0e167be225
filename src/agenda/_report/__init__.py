"""Planned against actual: the record a secretariat files after the meeting.

`report(log)` gives each item's planned and actual start, end and minutes, over/under
per item, per block and for the meeting, and the items never started
(:class:`Report`); `render_report(report, fmt, lang)` prints it as text, Markdown,
HTML, PDF, CSV or JSON, in Korean or English.
"""

from __future__ import annotations

from collections.abc import Callable

from .._words.catalog import known_language
from ._html import to_html, to_pdf
from ._plain import to_csv, to_json, to_markdown, to_text
from ._rows import Report, ReportRow, Status, report, rounded_minutes

__all__ = ["REPORT_FORMATS", "Report", "ReportRow", "Status", "render_report", "report",
           "rounded_minutes"]

REPORT_FORMATS = ("csv", "html", "json", "markdown", "pdf", "text")


def render_report(report: Report, fmt: str = "text", lang: str = "ko") -> str | bytes:
    """`report` in format `fmt` (one of `REPORT_FORMATS`) with the words of `lang`
    (``ko`` or ``en``; titles in that language where the agenda translates them)."""
    known_language(lang)
    writers: dict[str, Callable[..., str | bytes]] = {
        "csv": to_csv, "html": to_html, "json": to_json, "markdown": to_markdown,
        "pdf": to_pdf, "text": to_text}
    try:
        writer = writers[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; known formats: "
                         f"{', '.join(REPORT_FORMATS)}") from None
    return writer(report, lang=lang)
