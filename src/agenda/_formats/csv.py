"""The timetable as CSV: a header row, then one row per slot in timetable order.

Columns (a contract for other tools; the header row is in the chosen language):
``no`` (the item number, ``4.2``), ``category`` (the meeting's, on every row),
``start`` and ``end`` (ISO 8601 with the zone's offset, as in the JSON output),
``minutes``, ``depth`` (0 for top-level items), ``title``, ``presenter``, ``notes``;
a meeting with days, parallel blocks or rooms adds ``date`` (its day's), ``room`` and
``track`` (empty where there is none); a meeting with links adds ``url`` (the item's
page), ``online`` (its join link, its own or inherited from its block or the meeting)
and ``materials`` (one ``title <url>`` a line), empty where there is none.

RFC 4180 quoting and CRLF line ends (the `csv` module's defaults); UTF-8, with a
byte-order mark on request (``bom``) for spreadsheets that need one to read UTF-8.
A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading ``'`` so that a spreadsheet shows it instead of running it
as a formula (the OWASP advice on CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from .._links import has_links, join_links
from .._timetable import Slot, Timetable
from .._translations import translate
from .._words.labels import labels_for
from .options import RenderOptions
from .parts import printable, with_gaps

__all__ = ["FORMULA_STARTS", "neutralise", "render", "to_csv"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""


def neutralise(text: str) -> str:
    """`text` without control characters (line breaks stay), with a ``'`` in front when
    it would start a formula."""
    text = printable(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(timetable: Timetable, *, lang: str = "ko", bom: bool = False) -> str:
    """The timetable as CSV text (starting with U+FEFF when `bom`)."""
    labels = labels_for(lang)
    timetable = translate(timetable, lang)
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out)
    rooms = timetable.meeting.uses_rooms
    links = has_links(timetable.meeting)
    writer.writerow(labels.csv_columns + (labels.csv_rooms if rooms else ())
                    + (labels.csv_links if links else ()))
    category = neutralise(timetable.meeting.category or "")
    slots = with_gaps(timetable, labels)
    if links:
        joins = join_links(timetable)
        writer.writerows(_record(slot, category) + (_rooms(slot, timetable) if rooms else ())
                         + _links(slot, joins) for slot in slots)
    elif rooms:
        writer.writerows(_record(slot, category) + _rooms(slot, timetable) for slot in slots)
    else:
        writer.writerows(_record(slot, category) for slot in slots)
    return out.getvalue()


def render(timetable: Timetable, options: RenderOptions) -> str:
    return to_csv(timetable, lang=options.lang, bom=options.bom)


def _rooms(slot: Slot, timetable: Timetable) -> tuple[str, ...]:
    date = slot.date if slot.date is not None else timetable.meeting.date
    return (date.isoformat(), neutralise(slot.room or ""), neutralise(slot.track or ""))


def _links(slot: Slot, joins: Mapping[tuple[str, ...], str | None]) -> tuple[str, ...]:
    item = slot.item
    online = joins.get(slot.path) if slot.number else None  # a gap row joins nothing
    return (neutralise(item.url or ""), neutralise(online or ""),
            neutralise("\n".join(f"{m.title} <{m.url}>" for m in item.materials)))


def _record(slot: Slot, category: str) -> tuple[str | int, ...]:
    item = slot.item
    return (slot.number, category, slot.start.isoformat(), slot.end.isoformat(), slot.minutes,
            slot.depth, neutralise(item.title), neutralise(item.presenter or ""),
            neutralise(item.notes or ""))
