"""The live page of a published folder: ``live.html``, ``timetable.json``, ``log.json``.

``live.html`` is plain HTML with its CSS and a small script inlined (no external script,
font or style sheet); every few seconds it reads ``timetable.json`` (the timetable as
published, in the page's language) and ``log.json`` (the actual times logged so far)
from its own folder, so a ``late`` or ``log`` followed by ``publish`` reaches every open
page. The page and the script live in ``agenda/_publish/live/``.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

import attrs

from .._edit._actual import ActualLog
from .._formats.html import FONT_STACK
from .._formats.json import slot_record
from .._timetable import Timetable
from .._translations import translate
from .._words.catalog import escape_controls, words_of

__all__ = ["LIVE_FILES", "LIVE_REFRESH", "live_files"]

LIVE_REFRESH = 15
"""Seconds between two readings of the timetable and the log, by default."""
LIVE_FILES = ("live.html", "timetable.json", "log.json")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("live", name).read_text(encoding="utf-8")


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def timetable_data(timetable: Timetable, lang: str) -> dict[str, Any]:
    """What ``timetable.json`` holds: the meeting, and each slot as the JSON table has it
    plus its day's ``date``, ``room``, ``track`` and whether it is a ``block``."""
    shown = translate(timetable, lang)
    meeting = shown.meeting
    slots = []
    for slot in shown:
        record = slot_record(slot)
        day = slot.date if slot.date is not None else meeting.date
        record.update(date=day.isoformat(), room=slot.room, track=slot.track,
                      block=slot.is_block)
        slots.append(record)
    rooms = sorted({s.room for s in shown if s.room is not None})
    return {"meeting": {"title": meeting.title, "timezone": shown.zone,
                        "start": shown.start.isoformat(), "end": shown.end.isoformat(),
                        "rooms": rooms},
            "slots": slots}


def log_data(timetable: Timetable, log: ActualLog | None) -> dict[str, Any]:
    """What ``log.json`` holds: the log's events in the order logged, each with the
    item's ``path`` and ``no``, ``event`` (start or end) and ``at`` (ISO 8601)."""
    numbers = {s.path: s.number for s in timetable}
    events = [] if log is None else [
        {"path": list(e.path), "no": numbers.get(e.path), "event": e.event.value,
         "at": e.at.isoformat()} for e in log.events if e.path in numbers]
    return {"events": events}


def page(timetable: Timetable, lang: str, refresh: int) -> str:
    """The live page (see the module)."""
    words = words_of("live", lang)
    config = json.dumps({"refresh": refresh, "words": words}, ensure_ascii=False)
    title = translate(timetable, lang).meeting.title
    values = {"css": _asset("live.css").replace("FONTS", FONT_STACK).rstrip(),
              "script": _asset("live.js").rstrip(), "config": config.replace("</", "<\\/"),
              "title": html.escape(escape_controls(title), quote=False),
              "lang": lang}
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m[1]], _asset("live.html"))


def live_files(timetable: Timetable, log: ActualLog | None, *, lang: str = "ko",
               refresh: int = LIVE_REFRESH) -> dict[str, bytes]:
    """The three files of the live page, by name. The log is read against the timetable's
    meeting: :class:`agenda.InvalidLog` when it contradicts itself or that agenda."""
    if log is not None:
        log = attrs.evolve(log, meeting=timetable.meeting).checked()
    return {"live.html": page(timetable, lang, refresh).encode("utf-8"),
            "timetable.json": _json(timetable_data(timetable, lang)),
            "log.json": _json(log_data(timetable, log))}
