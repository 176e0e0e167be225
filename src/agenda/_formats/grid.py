"""A meeting with days, parallel tracks or rooms, laid out as one table per day with a
column per room; and that layout as the HTML body.

Rows run by time. An item outside a parallel block spans every room column; a
parallel block gets a row with its title, a row with its tracks' titles, then one
row per moment at which an item of a track starts or ends, each item's cell spanning
the rows it lasts (an empty cell where a track has a gap). The page turns to
landscape A4, which keeps eight rooms readable.

`days` computes the layout (which cell goes where, spanning how many rows and
columns) once, for every format that draws it: `body` writes it as HTML, the
document formats (DOCX, HWPX) through `sheet`.
"""

from __future__ import annotations

import html

import attrs

from .._timetable import Slot, Timetable
from .._words.labels import Labels
from .anchors import links_html
from .parts import day_heading, groups, lines_of, remarks, slot_span

__all__ = ["CSS", "GridCell", "GridDay", "GridRow", "body", "cell_notes", "days"]

CSS = """\
@page { size: A4 landscape; margin: 12mm 10mm 14mm; }
@media screen { body { max-width: 277mm; } }
h2.day { font-size: 12pt; margin: 10pt 0 4pt; break-after: avoid; }
section.day + section.day { break-before: page; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; }
table.grid thead { display: table-header-group; }
table.grid th, table.grid td {
  border: 0.75pt solid #000; padding: 2pt 3pt; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
table.grid th { background: #e8e8e8; text-align: center; }
table.grid col.time { width: 23mm; }
table.grid .clock { white-space: nowrap; }
table.grid td.time { font-variant-numeric: tabular-nums; }
table.grid td.block { background: #f3f3f3; font-weight: bold; }
table.grid th.track { background: #f7f7f7; font-weight: normal; font-style: italic; }
table.grid td.gap { background: repeating-linear-gradient(45deg, #fff, #fff 3pt, #f2f2f2 3pt,
  #f2f2f2 6pt); }
table.grid .span { font-variant-numeric: tabular-nums; color: #333; }
table.grid .who { color: #333; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.grid .links { font-size: 0.95em; }
"""


@attrs.frozen
class GridCell:
    """One cell of a day's table.

    `kind` is ``time`` (`span` and, for a top-level item, `minutes`; both empty in
    the row of track titles), ``item`` (`slot` with its `nested` descendants, showing
    its own times when `times`), ``block`` (a parallel block's title row), ``track``
    (a track's title, in `span`) or ``gap`` (a room with nothing in it). `rows` and
    `columns` are the rows and room columns it spans.
    """

    kind: str
    slot: Slot | None = None
    nested: tuple[Slot, ...] = ()
    span: str = ""
    minutes: str = ""
    rows: int = 1
    columns: int = 1
    times: bool = True


@attrs.frozen
class GridRow:
    """A row of cells; `top` is the top-level slot the row starts, if it starts one."""

    cells: tuple[GridCell, ...]
    top: Slot | None = None


@attrs.frozen
class GridDay:
    """A day's table: its heading (in a meeting held over days), its room columns
    (none: one column for the items), its rows."""

    heading: str | None
    rooms: tuple[str, ...]
    rows: tuple[GridRow, ...]

    @property
    def columns(self) -> int:
        """The columns after the time column."""
        return max(len(self.rooms), 1)


def cell_notes(slot: Slot, labels: Labels) -> list[str]:
    """What an item's cell shows under its title: its room (when it names one outside a
    track), presenter and notes."""
    notes = [text for text in remarks(slot) if text]
    if slot.room is not None and slot.track is None:
        notes.insert(0, f"{labels.room}: {slot.room}")
    return notes


def _column(track: Slot) -> str:
    return track.room if track.room is not None else track.title


def _rooms(slots: list[Slot]) -> list[str]:
    """The room columns of a day: every track's room (or title), in order of appearance."""
    names: list[str] = []
    for slot in slots:
        if slot.depth and slot.track is not None and _is_track(slot, slots):
            name = _column(slot)
            if name not in names:
                names.append(name)
    return names


def _is_track(slot: Slot, slots: list[Slot]) -> bool:
    parent = slot.number.rpartition(".")[0]
    return any(s.number == parent and s.item.parallel for s in slots)


def _time(slot: Slot, labels: Labels) -> GridCell:
    return GridCell("time", span=slot_span(slot, labels), minutes=labels.minutes(slot.minutes))


def _spanning(top: Slot, rest: list[Slot], columns: int, labels: Labels) -> list[GridRow]:
    return [GridRow((_time(top, labels), GridCell("item", top, tuple(rest), columns=columns,
                                                  times=False)), top)]


def _parallel(block: Slot, rest: list[Slot], rooms: list[str], labels: Labels
              ) -> list[GridRow]:
    columns = max(len(rooms), 1)
    out = [GridRow((_time(block, labels), GridCell("block", block, columns=columns)), block)]
    tracks = [s for s in rest if s.number.rpartition(".")[0] == block.number]
    by_room: dict[str, list[tuple[Slot, list[Slot]]]] = {name: [] for name in rooms}
    titles: dict[str, str] = {}
    for track in tracks:
        inside = [s for s in rest if s.number.startswith(track.number + ".")]
        entries = [(s, [n for n in inside if n.number.startswith(s.number + ".")])
                   for s in inside if s.depth == track.depth + 1]
        if not entries:  # a track that is a single item
            entries = [(track, [])]
        by_room[_column(track)].extend(entries)
        titles[_column(track)] = track.title
    out.append(GridRow((GridCell("time"), *(GridCell("track", span=titles.get(name, ""))
                                             for name in rooms))))
    moments = sorted({block.start_utc, block.end_utc} | {
        t for entries in by_room.values() for slot, _ in entries
        for t in (slot.start_utc, slot.end_utc)})
    moments = [t for t in moments if block.start_utc <= t <= block.end_utc]
    row_of = {t: k for k, t in enumerate(moments)}
    busy: dict[str, int] = {name: 0 for name in rooms}  # rows still covered per column
    starts = {name: {slot.start_utc: (slot, nested) for slot, nested in entries}
              for name, entries in by_room.items()}
    for k, moment in enumerate(moments[:-1]):
        until = block.start.add(seconds=moments[k + 1] - block.start_utc)
        now = block.start.add(seconds=moment - block.start_utc)
        cells = [GridCell("time", span=labels.span(now, until))]
        for name in rooms:
            if busy[name] > 0:
                busy[name] -= 1
                continue
            found = starts[name].get(moment)
            if found is None:
                cells.append(GridCell("gap"))
                continue
            slot, nested = found
            rows = max(row_of.get(min(slot.end_utc, block.end_utc), k + 1) - k, 1)
            busy[name] = rows - 1
            cells.append(GridCell("item", slot, tuple(nested), rows=rows))
        out.append(GridRow(tuple(cells)))
    return out


def days(timetable: Timetable, labels: Labels) -> list[GridDay]:
    """Every day's table: a heading and the rows of its cells."""
    out: list[GridDay] = []
    for day in timetable.days:
        slots = list(timetable.day_slots(day))
        rooms = _rooms(slots)
        columns = max(len(rooms), 1)
        rows: list[GridRow] = []
        for group in groups(slots):
            top, rest = group[0], group[1:]
            if top.item.parallel and rooms:
                rows += _parallel(top, rest, rooms, labels)
            else:
                rows += _spanning(top, rest, columns, labels)
        heading = day_heading(timetable, day, labels) if timetable.meeting.days else None
        out.append(GridDay(heading, tuple(rooms), tuple(rows)))
    return out


# -- HTML ---------------------------------------------------------------------------


def _text(text: str) -> str:
    return "<br>".join(html.escape(line, quote=False) for line in lines_of(text))


def _times(text: str, labels: Labels) -> str:
    """A time range that never breaks inside a time (``09:00~09:3`` / ``0``): each end
    is kept whole, and the line may break only after the range's separator."""
    ends = text.split(labels.range_sep)
    return f"{html.escape(labels.range_sep)}<wbr>".join(
        f'<span class="clock">{html.escape(end, quote=False)}</span>' for end in ends)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _cell(slot: Slot, nested: tuple[Slot, ...], labels: Labels, times: bool = True) -> str:
    """An item's cell: its times, title, room, presenter and notes, then its children."""
    out = [f'<span class="span">{_times(slot_span(slot, labels), labels)}</span> ' if times
           else "",
           f"<b>{_text(slot.title)}</b>"]
    notes = cell_notes(slot, labels)
    if notes:
        out.append(f'<br><span class="who">{"<br>".join(_text(t) for t in notes)}</span>')
    out.append(links_html(slot.item, labels))
    for child in nested:
        out.append(f'<br>{"&nbsp;" * 2 * (child.depth - slot.depth)}<span class="span">'
                   f"{_times(slot_span(child, labels), labels)}</span> {_text(child.title)}"
                   f"{links_html(child.item, labels)}")
    return "".join(out)


def _html_cell(cell: GridCell, labels: Labels) -> str:
    if cell.kind == "time":
        if not cell.span:
            return '<td class="time"></td>'
        minutes = f"<br>{_text(cell.minutes)}" if cell.minutes else ""
        return (f'<td class="time"><span class="span">{_times(cell.span, labels)}</span>'
                f"{minutes}</td>")
    if cell.kind == "track":
        return f'<th class="track" scope="col">{_text(cell.span)}</th>'
    if cell.kind == "gap":
        return '<td class="gap"></td>'
    assert cell.slot is not None
    if cell.kind == "block":
        return (f'<td class="block" colspan="{cell.columns}">{_text(cell.slot.title)}'
                f"{links_html(cell.slot.item, labels)}</td>")
    content = _cell(cell.slot, cell.nested, labels, cell.times)
    if cell.columns > 1 or not cell.times:
        return f'<td colspan="{cell.columns}">{content}</td>'
    span = f' rowspan="{cell.rows}"' if cell.rows > 1 else ""
    return f'<td id="slot-{_attr(cell.slot.number)}"{span}>{content}</td>'


def body(timetable: Timetable, labels: Labels) -> list[str]:
    """The HTML of every day: a heading and the day's table."""
    out: list[str] = []
    for day in days(timetable, labels):
        out.append('<section class="day">')
        if day.heading is not None:
            out.append(f'<h2 class="day">{_text(day.heading)}</h2>')
        out += ['<table class="grid">', '<colgroup><col class="time">'
                + "<col>" * day.columns + "</colgroup>", "<thead>", "<tr>",
                f'<th scope="col">{_text(labels.time)}</th>']
        if day.rooms:
            out += [f'<th scope="col">{_text(name)}</th>' for name in day.rooms]
        else:
            out.append(f'<th scope="col">{_text(labels.item)}</th>')
        out += ["</tr>", "</thead>", "<tbody>"]
        for row in day.rows:
            out.append(f'<tr class="top" id="slot-{_attr(row.top.number)}">'
                       if row.top is not None else "<tr>")
            out += [_html_cell(cell, labels) for cell in row.cells]
            out.append("</tr>")
        out += ["</tbody>", "</table>", "</section>"]
    return out
