"""The timetable as a GitHub-flavoured Markdown table, with the meeting header above
it and the total below.

One table row per slot; a child's row leaves the time cell empty and starts its
item cell with one ``·`` per level and its own times (``· 14:07~14:12 부산``). The
category, when the meeting has one, is written in the first row only (Markdown has
no row spans). User text is escaped: the punctuation Markdown acts on gets a
backslash (so ``|`` cannot end a cell, ``<`` cannot open HTML, ``*`` cannot
emphasise) and line breaks become ``<br>``. Times and labels are written as they are.

Links (the meeting's under the header, an item's under its title in the item cell) are
Markdown links, ``[text](destination)``: the destination is the URL as a URI with a
backslash before every punctuation character Markdown could act on (a ``|`` cannot end
the cell, a backtick cannot open code, ``&`` names no entity), which CommonMark reads
back as the URI itself.
"""

from __future__ import annotations

import re

from .._links import Link, as_uri, links_of
from .._model import Item, Meeting
from .._timetable import Slot, Timetable
from .._translations import translate
from .._words.labels import Labels, labels_for
from .options import RenderOptions
from .parts import (
    day_heading,
    heading,
    lines_of,
    link_label,
    remarks,
    slot_span,
    time_cell,
    total_line,
    with_gaps,
)

__all__ = ["escape", "render", "to_markdown"]

# The ASCII punctuation that (GitHub) Markdown acts on inside a line.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
# ... and in a link destination, also the parentheses that would end it.
_DESTINATION = re.compile(r"([\\`*_\[\]<>#|~&()])")


def escape(text: str) -> str:
    """`text` as literal inline Markdown, safe inside a table cell."""
    return "<br>".join(_SPECIAL.sub(r"\\\1", line) for line in lines_of(text))


def to_markdown(timetable: Timetable, *, lang: str = "ko") -> str:
    """The timetable as a Markdown document: a heading, the header facts, the table."""
    labels = labels_for(lang)
    timetable = translate(timetable, lang)
    head = heading(timetable, labels)
    when = " ".join(part for part in (head.date, head.span) if part) + f" ({escape(head.zone)})"
    out = [f"# {escape(head.title)}", "", f"- **{labels.when}**: {when}"]
    if head.place:
        out.append(f"- **{labels.place}**: {escape(head.place)}")
    out += [f"- **{link_label(link, labels)}**: {_link(link)}"
            for link in links_of(timetable.meeting)]
    out.append("")
    category = timetable.meeting.category
    names = [labels.time, labels.item, labels.notes]
    if category is not None:
        names.insert(0, labels.category)
    parts = ([(f"## {day_heading(timetable, day, labels)}", timetable.day_slots(day))
              for day in timetable.days] if timetable.meeting.days
             else [("", tuple(with_gaps(timetable, labels)))])
    for title, slots in parts:
        if title:
            out += [title, ""]
        out.append(_row(names))
        out.append(_row(["---"] * len(names)))
        for number, slot in enumerate(slots):
            cells = _cells(slot, labels)
            if category is not None:
                cells.insert(0, escape(category) if number == 0 else "")
            out.append(_row(cells))
        if title:
            out.append("")
    out += ["", total_line(timetable, labels)]
    return "\n".join(out) + "\n"


def render(timetable: Timetable, options: RenderOptions) -> str:
    return to_markdown(timetable, lang=options.lang)


def _link(link: Link) -> str:
    """A Markdown link: to a page or a join link its URL, to a material its title."""
    text = escape(link.title if link.title is not None else link.url)
    destination = _DESTINATION.sub(r"\\\1", as_uri(link.url))
    return f"[{text}]({destination})"


def link_texts(value: Item | Meeting, labels: Labels) -> list[str]:
    """The links `value` gives itself as Markdown, one a line: ``링크: [https://…](…)``."""
    return [f"{link_label(link, labels)}: {_link(link)}" for link in links_of(value)]


def _cells(slot: Slot, labels: Labels) -> list[str]:
    notes = "<br>".join(escape(text) for text in remarks(slot, labels))
    title = "<br>".join([escape(slot.title), *link_texts(slot.item, labels)])
    if slot.depth == 0:
        return [time_cell(slot, labels), title, notes]
    lead = "·" * slot.depth + " " + slot_span(slot, labels)
    return ["", f"{lead} {title}", notes]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
