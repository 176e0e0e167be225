"""The timetable as one self-contained HTML document that prints well on A4.

Everything is inline (CSS, no scripts, no fonts or images from the network). The
layout follows the printed agenda: the category cell spans every row
(``rowspan``), one row per slot with a child's row joined to its block (no rule
between them): the block's time cell spans its children, each child shows its own
times in its item cell, and presenter and notes fill the last column (the block's
notes span its children's rows when none of them has notes of its own, so long
notes never push the children down). The column header repeats on every printed page, and the font
stack names fonts that have Korean glyphs. All user text is escaped.

Columns have fixed shares of the page (``table-layout: fixed``), so a long URL in the
notes cannot squeeze the item column until Hangul wraps one syllable per line, and
nothing is pushed off the A4 page: a long unbroken token wraps inside its cell, a URL
at its slashes and dots (``<wbr>``), anything else between any two characters.

Links are ``<a href="…" rel="noopener">``: the meeting's under the header, an item's
under its title (a page and a join link show their URL, a material its title; on paper
a material's address follows its title). The ``href`` is the URL as a URI, escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .._links import links_of
from .._timetable import Slot, Timetable
from .._translations import translate
from .._words.labels import Labels, labels_for
from . import grid
from .anchors import link_html, links_html
from .options import RenderOptions
from .parts import groups, heading, lines_of, link_label, remarks, total_line, with_gaps

__all__ = ["FONT_STACK", "body", "render", "to_html"]

FONT_STACK = ('"Noto Sans KR", "Noto Sans CJK KR", "NanumGothic", "Malgun Gothic", '
              '"Apple SD Gothic Neo", sans-serif')

_CSS = """\
@page { size: A4; margin: 16mm 14mm 18mm; }
html { font-family: FONTS; font-size: 10pt; line-height: 1.4; color: #000; }
body { margin: 0; }
@media screen { body { max-width: 182mm; margin: 2em auto; } }
h1 { font-size: 15pt; margin: 0 0 4pt; }
h1, dl.meeting dd, p.total, table.agenda th, table.agenda td { overflow-wrap: anywhere; }
dl.meeting { margin: 0 0 8pt; }
dl.meeting dt { float: left; clear: left; font-weight: bold; }
dl.meeting dt::after { content: ":"; }
dl.meeting dd { margin: 0 0 0 4.5em; }
table.agenda { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.agenda thead { display: table-header-group; }
table.agenda tr { break-inside: avoid; page-break-inside: avoid; }
table.agenda th, table.agenda td {
  border: 0.75pt solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
table.agenda th { background: #e8e8e8; text-align: center; font-weight: bold; }
table.agenda th.category { width: 11%; }
table.agenda td.category { text-align: center; vertical-align: middle; }
table.agenda th.time, table.agenda td.time { width: 18%; }
table.agenda th.notes, table.agenda td.notes { width: 26%; }
table.agenda tr.child { break-before: avoid; page-break-before: avoid; }
table.agenda tr.child td { border-top-style: hidden; padding-top: 0; }
table.agenda .span { font-variant-numeric: tabular-nums; }
p.total { margin: 6pt 0 0; text-align: right; }
.links { font-size: 0.9em; }
@media print { a.material::after { content: " <" attr(href) ">"; } }
"""


def to_html(timetable: Timetable, *, lang: str = "ko") -> str:
    """The timetable as a complete HTML document (UTF-8, inline CSS)."""
    return document(timetable, lang=lang)


def document(timetable: Timetable, *, lang: str = "ko", head: Sequence[str] = (),
             css: str = "", after: Sequence[str] = ()) -> str:
    """The HTML document of :func:`to_html`, with lines of a page built around it:
    `head` goes first in ``<head>``, `css` ends the style sheet and `after` follows
    the timetable in ``<body>``."""
    labels = labels_for(lang)
    heading_ = heading(translate(timetable, lang), labels)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(labels.lang)}">',
        "<head>",
        *head,
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_plain(heading_.title)}</title>",
        "<style>",
        _CSS.replace("FONTS", FONT_STACK).rstrip(),
        *([grid.CSS.rstrip()] if timetable.meeting.uses_rooms else []),
        *([css.rstrip()] if css else []),
        "</style>",
        "</head>",
        "<body>",
        *body(timetable, lang=lang),
        *after,
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def body(timetable: Timetable, *, lang: str = "ko", level: int = 1) -> list[str]:
    """The lines of the document's body: the title (a heading of `level`), when and
    where, the table and its total; a page may hold several (one occurrence each)."""
    labels = labels_for(lang)
    timetable = translate(timetable, lang)
    head = heading(timetable, labels)
    category = timetable.meeting.category
    out = [
        f"<h{level}>{_text(head.title)}</h{level}>",
        '<dl class="meeting">',
        f"<dt>{_text(labels.when)}</dt><dd>{_text(head.when)}</dd>",
    ]
    if head.place:
        out.append(f"<dt>{_text(labels.place)}</dt><dd>{_text(head.place)}</dd>")
    for kind in ("url", "online", "material"):
        found = [link for link in links_of(timetable.meeting) if link.kind == kind]
        if found:
            label = link_label(found[0], labels)
            out.append(f"<dt>{_text(label)}</dt><dd>"
                       + "<br>".join(link_html(link) for link in found) + "</dd>")
    if timetable.meeting.uses_rooms:  # days, tracks side by side, rooms
        return [*out, "</dl>", *grid.body(timetable, labels),
                f'<p class="total">{_text(total_line(timetable, labels))}</p>']
    out += ["</dl>", '<table class="agenda">', "<thead>", "<tr>"]
    names = [("time", labels.time), ("item", labels.item), ("notes", labels.notes)]
    if category is not None:
        names.insert(0, ("category", labels.category))
    out += [f'<th scope="col" class="{kind}">{_text(name)}</th>' for kind, name in names]
    out += ["</tr>", "</thead>", "<tbody>"]
    slots = with_gaps(timetable, labels)
    for number, group in enumerate(groups(slots)):
        lead = ""
        if number == 0 and category is not None:
            lead = f'<td class="category" rowspan="{len(slots)}">{_text(category)}</td>\n'
        out.append(_group(group, labels, lead))
    return [*out, "</tbody>", "</table>",
            f'<p class="total">{_text(total_line(timetable, labels))}</p>']


def render(timetable: Timetable, options: RenderOptions) -> str:
    return to_html(timetable, lang=options.lang)


_LONG = 20  # a token at least this long may break at its punctuation
_TOKEN = re.compile(rf"\S{{{_LONG},}}")
# After a slash or a colon (not inside "//"), before a dot, ?, #, &, =, _, ~, % or -:
# where a URL or a path breaks in print.
_URL_BREAK = re.compile(r"(?<=[/:])(?!/)|(?<=.)(?=[.?#&=_~%-])")


def _plain(text: str) -> str:
    """User text for the document's ``<title>``, whose content is text, not markup (a
    tab shows ``<br>`` as it is): its lines joined by spaces, escaped."""
    return html.escape(" ".join(lines_of(text)), quote=False)


def _text(text: str) -> str:
    """User text as HTML: escaped, line breaks kept as ``<br>``, long tokens (URLs,
    paths) given break points (``<wbr>``) at their punctuation."""
    return "<br>".join(_breakable(line) for line in lines_of(text))


def _breakable(line: str) -> str:
    out: list[str] = []
    last = 0
    for token in _TOKEN.finditer(line):
        out.append(html.escape(line[last:token.start()], quote=False))
        out.append("<wbr>".join(html.escape(piece, quote=False)
                                for piece in _URL_BREAK.split(token.group()) if piece))
        last = token.end()
    out.append(html.escape(line[last:], quote=False))
    return "".join(out)


_MARKED = re.compile(r"(?<=\d\d:\d\d) ")  # a time followed by its zone mark


def _span(labels: Labels, slot: Slot) -> str:
    """The slot's time range; a time and its zone mark (``01:30 EDT``) stay on one line."""
    return _MARKED.sub("&nbsp;", _text(labels.span(slot.start, slot.end)))


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _rowspan(rows: int) -> str:
    return f' rowspan="{rows}"' if rows > 1 else ""


def _group(group: list[Slot], labels: Labels, lead: str) -> str:
    """A top-level slot's row and its descendants' rows; `lead` is the spanning
    category cell of the first row."""
    top, children = group[0], group[1:]
    rows = len(group)
    span_notes = not any(remarks(child) for child in children)
    span = f'<span class="span">{_span(labels, top)}</span>'
    notes = "<br>".join(_text(text) for text in remarks(top))
    out = [
        f'<tr class="top" id="slot-{_attr(top.number)}">' if top.number
        else '<tr class="top gap">',
        f'{lead}<td class="time"{_rowspan(rows)}>{span} <span class="minutes">'
        f"{_text(labels.minutes(top.minutes))}</span></td>",
        f'<td class="item">{_text(top.title)}{links_html(top.item, labels)}</td>',
        f'<td class="notes"{_rowspan(rows) if span_notes else ""}>{notes}</td>',
        "</tr>",
    ]
    for child in children:
        span = f'<span class="span">{_span(labels, child)}</span>'
        out += [
            f'<tr class="child" id="slot-{_attr(child.number)}">',
            f'<td class="item" style="padding-left: {0.4 + 1.5 * child.depth:.1f}em">'
            f"{span} {_text(child.title)}{links_html(child.item, labels)}</td>",
        ]
        if not span_notes:
            child_notes = "<br>".join(_text(text) for text in remarks(child))
            out.append(f'<td class="notes">{child_notes}</td>')
        out.append("</tr>")
    return "\n".join(out)
