"""The timetable as a JSON array of objects, one per slot.

Keys (a contract for other tools): ``no``, ``title``, ``start``, ``end``,
``minutes``, ``depth``, ``presenter``, ``notes``, ``kind``; ``start`` and ``end``
are ISO 8601 with the zone's offset. ``id`` and ``path`` are added for tools that
track items by identity. A meeting with days, parallel blocks or rooms adds ``date``
(the ISO date of the item's day), ``room`` and ``track`` (null where there is none).
The texts are those of `options.lang` where the agenda translates them (see
:func:`agenda.translate`), else the original.

The text is the standard library's ``json.dumps(records, ensure_ascii=False,
indent=2)``; orjson writes the same bytes many times faster, and the standard
library takes over for the rare value orjson refuses (a lone surrogate, an
integer wider than 64 bits).
"""

from __future__ import annotations

import functools
import json
from typing import Any

import orjson

from .._links import has_links, join_links, material_records
from .._time import wall
from .._timetable import Slot, Timetable
from .._translations import translate
from .options import RenderOptions

__all__ = ["render", "slot_record"]


@functools.lru_cache(maxsize=64)
def _instant(utc: int, zone: str) -> str:
    """`utc` as ISO 8601 on the wall clock of `zone`; held a while, since a slot most
    often starts when the one before it ends."""
    return wall(utc, zone).isoformat()


def slot_record(slot: Slot) -> dict[str, Any]:
    item = slot.item
    return {
        "no": slot.number,
        "title": item.title,
        "start": _instant(slot.start_utc, slot.zone),
        "end": _instant(slot.end_utc, slot.zone),
        "minutes": slot.minutes,
        "depth": slot.depth,
        "presenter": item.presenter,
        "notes": item.notes,
        "kind": item.kind.value,
        "id": item.id,
        "path": list(slot.path),
    }


def render(timetable: Timetable, options: RenderOptions) -> str:
    timetable = translate(timetable, options.lang)
    records = [slot_record(slot) for slot in timetable]
    if timetable.meeting.uses_rooms:
        for slot, record in zip(timetable, records, strict=True):
            date = slot.date if slot.date is not None else timetable.meeting.date
            record.update(date=date.isoformat(), room=slot.room, track=slot.track)
    if has_links(timetable.meeting):
        joins = join_links(timetable)
        for slot, record in zip(timetable, records, strict=True):
            record.update(url=slot.item.url, online=joins[slot.path],
                          materials=material_records(slot.item.materials))
    try:
        return orjson.dumps(records, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    except (orjson.JSONEncodeError, UnicodeDecodeError):
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
