"""The HTML body of a meeting with days, parallel tracks or rooms: one section per
day, and in it one table with a column per room.

Rows run by time. An item outside a parallel block spans every room column; a
parallel block gets a row with its title, a row with its tracks' titles, then one
row per moment at which an item of a track starts or ends, each item's cell spanning
the rows it lasts (an empty cell where a track has a gap). The page turns to
landscape A4, which keeps eight rooms readable.
"""

from __future__ import annotations

import html

from .._timetable import Slot, Timetable
from .labels import Labels
from .parts import day_heading, groups, lines_of, remarks, slot_span

__all__ = ["CSS", "body"]

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
"""


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


def _cell(slot: Slot, nested: list[Slot], labels: Labels, times: bool = True) -> str:
    """An item's cell: its times, title, room, presenter and notes, then its children."""
    out = [f'<span class="span">{_times(slot_span(slot, labels), labels)}</span> ' if times
           else "",
           f"<b>{_text(slot.title)}</b>"]
    notes = [text for text in remarks(slot) if text]
    if slot.room is not None and slot.track is None:
        notes.insert(0, f"{labels.room}: {slot.room}")
    if notes:
        out.append(f'<br><span class="who">{"<br>".join(_text(t) for t in notes)}</span>')
    for child in nested:
        out.append(f'<br>{"&nbsp;" * 2 * (child.depth - slot.depth)}<span class="span">'
                   f"{_times(slot_span(child, labels), labels)}</span> {_text(child.title)}")
    return "".join(out)


def _spanning(top: Slot, rest: list[Slot], columns: int, labels: Labels) -> list[str]:
    return [f'<tr class="top" id="slot-{_attr(top.number)}">',
            f'<td class="time"><span class="span">{_times(slot_span(top, labels), labels)}'
            f"</span><br>{_text(labels.minutes(top.minutes))}</td>",
            f'<td colspan="{columns}">{_cell(top, rest, labels, times=False)}</td>', "</tr>"]


def _parallel(block: Slot, rest: list[Slot], rooms: list[str], labels: Labels) -> list[str]:
    columns = max(len(rooms), 1)
    out = [f'<tr class="top" id="slot-{_attr(block.number)}">',
           f'<td class="time"><span class="span">{_times(slot_span(block, labels), labels)}'
           f"</span><br>{_text(labels.minutes(block.minutes))}</td>",
           f'<td class="block" colspan="{columns}">{_text(block.title)}</td>', "</tr>"]
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
    out.append("<tr>")
    out.append('<td class="time"></td>')
    out += [f'<th class="track" scope="col">{_text(titles.get(name, ""))}</th>'
            for name in rooms]
    out.append("</tr>")
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
        out.append("<tr>")
        out.append(f'<td class="time"><span class="span">'
                   f"{_times(labels.span(now, until), labels)}</span></td>")
        for name in rooms:
            if busy[name] > 0:
                busy[name] -= 1
                continue
            found = starts[name].get(moment)
            if found is None:
                out.append('<td class="gap"></td>')
                continue
            slot, nested = found
            rows = max(row_of.get(min(slot.end_utc, block.end_utc), k + 1) - k, 1)
            busy[name] = rows - 1
            span = f' rowspan="{rows}"' if rows > 1 else ""
            out.append(f'<td id="slot-{_attr(slot.number)}"{span}>'
                       f"{_cell(slot, nested, labels)}</td>")
        out.append("</tr>")
    return out


def body(timetable: Timetable, labels: Labels) -> list[str]:
    """The HTML of every day: a heading and the day's table."""
    out: list[str] = []
    for day in timetable.days:
        slots = list(timetable.day_slots(day))
        rooms = _rooms(slots)
        columns = max(len(rooms), 1)
        out.append('<section class="day">')
        if timetable.meeting.days:
            out.append(f'<h2 class="day">{_text(day_heading(timetable, day, labels))}</h2>')
        out += ['<table class="grid">', '<colgroup><col class="time">'
                + "<col>" * columns + "</colgroup>", "<thead>", "<tr>",
                f'<th scope="col">{_text(labels.time)}</th>']
        if rooms:
            out += [f'<th scope="col">{_text(name)}</th>' for name in rooms]
        else:
            out.append(f'<th scope="col">{_text(labels.item)}</th>')
        out += ["</tr>", "</thead>", "<tbody>"]
        for group in groups(slots):
            top, rest = group[0], group[1:]
            if top.item.parallel and rooms:
                out += _parallel(top, rest, rooms, labels)
            else:
                out += _spanning(top, rest, columns, labels)
        out += ["</tbody>", "</table>", "</section>"]
    return out
