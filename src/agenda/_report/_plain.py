"""The report as text, Markdown, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from wcwidth import wcswidth

from .._formats.csv import neutralise
from .._formats.markdown import escape as markdown_escape
from .._translations import translate
from .._words.catalog import escape_controls
from ._rows import Report, ReportRow
from ._words import Words, words_for

__all__ = ["Sheet", "to_csv", "to_json", "to_markdown", "to_text"]


class Sheet:
    """The report's rows as the tables print them, in one language."""

    def __init__(self, report: Report, lang: str) -> None:
        self.report = report
        self.words: Words = words_for(lang)
        shown = translate(report.timetable, lang)
        self.title = shown.meeting.title
        self.titles = {slot.path: slot.title for slot in shown}
        self.day = report.meeting.planned_start.date()
        self.seconds = any(moment is not None and moment.second for row in report.rows
                           for moment in (row.actual_start, row.actual_end))

    def cells(self, row: ReportRow) -> tuple[str, str, str, str, str, str, str]:
        w = self.words
        title = w.meeting if not row.number else escape_controls(self.titles[row.path])
        return (row.number, title, w.planned(row, self.day), w.actual(row, self.seconds, self.day),
                w.duration(row.planned_minutes), w.duration(row.actual_minutes), w.over(row.over))

    def never(self) -> str:
        rows = self.report.never_started
        names = ", ".join(f"{r.number} {escape_controls(self.titles[r.path])}" for r in rows)
        return f"{self.words.never_started}: {names or self.words.nothing}"

    def head(self) -> tuple[str, str]:
        start = self.report.meeting.planned_start
        return (f"{self.words.heading}: {escape_controls(self.title)}",
                f"{start.date().isoformat()} {self.report.timetable.zone}")


def _pad(text: str, width: int, right: bool = False) -> str:
    room = width - _width(text)
    return (" " * room + text) if right else (text + " " * room)


def to_text(report: Report, *, lang: str = "ko") -> str:
    sheet = Sheet(report, lang)
    rows = [sheet.words.columns] + [_indented(sheet, row) for row in report.rows]
    rows.append(sheet.cells(report.meeting))
    widths = [max(_width(r[c]) for r in rows) for c in range(7)]
    lines = [*sheet.head(), ""]
    for row in rows:
        cells = [_pad(cell, widths[c], right=c in (4, 5, 6)) for c, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    lines += ["", sheet.never()]
    return "\n".join(lines) + "\n"


def _indented(sheet: Sheet, row: ReportRow) -> tuple[str, ...]:
    cells = sheet.cells(row)
    return (cells[0], "  " * row.depth + cells[1], *cells[2:])


def _width(text: str) -> int:
    found = wcswidth(text)
    return found if found >= 0 else len(text)


def _md(text: str) -> str:
    """`text` in a Markdown table cell: escaped as the Markdown table escapes it."""
    return markdown_escape(text)


def to_markdown(report: Report, *, lang: str = "ko") -> str:
    sheet = Sheet(report, lang)
    heading, when = sheet.head()
    lines = [f"# {_md(heading)}", "", _md(when), "",
             "| " + " | ".join(sheet.words.columns) + " |",
             "|---|---|---|---|--:|--:|--:|"]
    for row in [*report.rows, report.meeting]:
        cells = [_md(c) for c in sheet.cells(row)]
        if row.depth > 0:
            cells[1] = "&nbsp;" * (2 * row.depth) + cells[1]
        if not row.number:
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", _md(sheet.never())]
    return "\n".join(lines) + "\n"


def _iso(row: ReportRow, which: str) -> str | None:
    moment = getattr(row, which)
    return None if moment is None else moment.isoformat()


def _record(sheet: Sheet, row: ReportRow) -> dict[str, Any]:
    return {
        "no": row.number, "title": sheet.title if not row.number else sheet.titles[row.path],
        "depth": row.depth, "path": list(row.path),
        "planned_start": _iso(row, "planned_start"), "planned_end": _iso(row, "planned_end"),
        "planned_minutes": row.planned_minutes,
        "actual_start": _iso(row, "actual_start"), "actual_end": _iso(row, "actual_end"),
        "actual_minutes": row.actual_minutes, "actual_seconds": row.actual_seconds,
        "over_minutes": row.over, "over_seconds": row.over_seconds,
        "status": row.status.value,
    }


def to_json(report: Report, *, lang: str = "ko") -> str:
    sheet = Sheet(report, lang)
    data = {"meeting": _record(sheet, report.meeting),
            "timezone": report.timetable.zone,
            "items": [_record(sheet, row) for row in report.rows],
            "never_started": [row.number for row in report.never_started],
            "problems": [p.as_dict(lang) for p in report.problems]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(report: Report, *, lang: str = "ko", bom: bool = False) -> str:
    sheet = Sheet(report, lang)
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(sheet.words.csv)
    for row in [*report.rows, report.meeting]:
        record = _record(sheet, row)
        writer.writerow([
            record["no"], neutralise(record["title"]), row.depth,
            *("" if record[k] is None else record[k] for k in (
                "planned_start", "planned_end", "planned_minutes", "actual_start",
                "actual_end", "actual_minutes", "over_minutes", "over_seconds")),
            sheet.words.status[row.status]])
    return out.getvalue()
