"""The report as one self-contained HTML document (A4, inline CSS), and as PDF."""

from __future__ import annotations

import html

from .._formats.html import FONT_STACK
from ._plain import Sheet
from ._rows import Report, ReportRow

__all__ = ["to_html", "to_pdf"]

_CSS = """\
@page { size: A4; margin: 16mm 14mm 18mm; }
html { font-family: FONTS; font-size: 10pt; line-height: 1.4; color: #000; }
body { margin: 0; }
@media screen { body { max-width: 182mm; margin: 2em auto; } }
h1 { font-size: 15pt; margin: 0 0 4pt; }
p.when { margin: 0 0 8pt; }
table.report { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.report thead { display: table-header-group; }
table.report tr { break-inside: avoid; page-break-inside: avoid; }
table.report th, table.report td {
  border: 0.75pt solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
table.report th { background: #e8e8e8; text-align: center; }
table.report .no { width: 7%; }
table.report .planned, table.report .actual { width: 17%; }
table.report .num { width: 9%; text-align: right; font-variant-numeric: tabular-nums; }
table.report td.planned, table.report td.actual { font-variant-numeric: tabular-nums; }
table.report tr.meeting td { font-weight: bold; border-top-width: 1.5pt; }
table.report tr.not-started td { color: #555; }
table.report td.late { color: #b00020; }
table.report td.early { color: #005a9c; }
p.never { margin: 8pt 0 0; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _row(sheet: Sheet, row: ReportRow) -> str:
    no, title, planned, actual, p_min, a_min, over = sheet.cells(row)
    kind = "meeting" if not row.number else row.status.value
    tone = "" if row.over is None or row.over == 0 else " late" if row.over > 0 else " early"
    pad = f' style="padding-left: {0.4 + 1.2 * row.depth:.1f}em"' if row.depth > 0 else ""
    return (f'<tr class="{kind}"><td class="no">{_e(no)}</td><td class="item"{pad}>'
            f'{_e(title)}</td><td class="planned">{_e(planned)}</td>'
            f'<td class="actual">{_e(actual)}</td><td class="num">{_e(p_min)}</td>'
            f'<td class="num">{_e(a_min)}</td><td class="num{tone}">{_e(over)}</td></tr>')


def to_html(report: Report, *, lang: str = "ko") -> str:
    sheet = Sheet(report, lang)
    heading, when = sheet.head()
    classes = ("no", "item", "planned", "actual", "num", "num", "num")
    head = "".join(f'<th scope="col" class="{c}">{_e(name)}</th>'
                   for c, name in zip(classes, sheet.words.columns, strict=True))
    out = [
        "<!DOCTYPE html>", f'<html lang="{sheet.words.lang}">', "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(heading)}</title>", "<style>", _CSS.replace("FONTS", FONT_STACK).rstrip(),
        "</style>", "</head>", "<body>", f"<h1>{_e(heading)}</h1>",
        f'<p class="when">{_e(when)}</p>', '<table class="report">',
        f"<thead><tr>{head}</tr></thead>", "<tbody>",
        *(_row(sheet, row) for row in report.rows), _row(sheet, report.meeting),
        "</tbody>", "</table>", f'<p class="never">{_e(sheet.never())}</p>',
        "</body>", "</html>"]
    return "\n".join(out) + "\n"


def to_pdf(report: Report, *, lang: str = "ko") -> bytes:
    from .._formats.pdf import html_to_pdf  # WeasyPrint: only when a PDF is asked for

    return html_to_pdf(to_html(report, lang=lang))



