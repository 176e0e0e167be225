"""A meeting written as a spec: the dictionary of the spec's keys, TOML and JSON."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from .._model import Item, Kind, Material, Meeting, Override
from .read import DEFAULT_LANGUAGE

__all__ = ["dump_json", "dump_toml", "to_dict"]


def _plain_time(value: _dt.time) -> _dt.time:
    return _dt.time(value.hour, value.minute, value.second)


def _text(value: Item | Meeting | Material, key: str, language: str
          ) -> str | dict[str, str]:
    """A text as the spec writes it: a string, or a table keyed by language when the
    text has translations (the meeting's language first)."""
    original: str = getattr(value, key)
    others = {lang: text for lang, field, text in value.translations.entries if field == key}
    return {language: original, **others} if others else original


def _item_dict(item: Item, times_as_text: bool, language: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if item.id is not None:
        out["id"] = item.id
    out["title"] = _text(item, "title", language)
    if item.minutes is not None:
        out["minutes"] = item.minutes
    for key in ("presenter", "notes"):
        if getattr(item, key) is not None:
            out[key] = _text(item, key, language)
    if item.kind is not Kind.TALK:
        out["kind"] = item.kind.value
    if item.at is not None:
        out["at"] = item.at.isoformat() if times_as_text else _plain_time(item.at)
    for key in ("min_minutes", "max_minutes"):
        if getattr(item, key) is not None:
            out[key] = getattr(item, key)
    if item.gap_ok:
        out["gap_ok"] = True
    if item.room is not None:
        out["room"] = _text(item, "room", language)
    if item.parallel:
        out["parallel"] = True
    if item.audience:
        out["audience"] = list(item.audience)
    _links_dict(item, out, language)
    if item.items:
        out["items"] = [_item_dict(child, times_as_text, language) for child in item.items]
    return out


def to_dict(meeting: Meeting, times_as_text: bool = False) -> dict[str, Any]:
    """The spec of `meeting` as plain data (the names of the spec format)."""
    if meeting.days:
        return _days_dict(meeting, times_as_text)
    head: dict[str, Any] = {}
    if meeting.id is not None:
        head["id"] = meeting.id
    head["title"] = _text(meeting, "title", meeting.language)
    head["date"] = meeting.date.isoformat() if times_as_text else _dt.date(
        meeting.date.year, meeting.date.month, meeting.date.day)
    if meeting.weekday is not None:
        head["weekday"] = meeting.weekday
    head["start"] = meeting.start.isoformat() if times_as_text else _plain_time(meeting.start)
    if meeting.end is not None:
        head["end"] = meeting.end.isoformat() if times_as_text else _plain_time(meeting.end)
    _head_rest(meeting, head)
    items = [_item_dict(i, times_as_text, meeting.language) for i in meeting.items]
    for key in ("skip", "extra"):
        days = getattr(meeting, key)
        if days:
            head[key] = [_plain_date(d, times_as_text) for d in days]
    out: dict[str, Any] = {"meeting": head, "items": items}
    if meeting.overrides:
        out["overrides"] = [_override_dict(o, times_as_text, meeting.language)
                            for o in meeting.overrides]
    return out


def _head_rest(meeting: Meeting, head: dict[str, Any]) -> None:
    """The [meeting] keys from the zone on, shared by one-day meetings and days."""
    head["timezone"] = meeting.timezone
    for key in ("location", "category"):
        if getattr(meeting, key) is not None:
            head[key] = _text(meeting, key, meeting.language)
    if meeting.repeat is not None:
        head["repeat"] = meeting.repeat
    if meeting.skip_holidays is not None:
        head["skip_holidays"] = meeting.skip_holidays
    if meeting.language != DEFAULT_LANGUAGE:
        head["language"] = meeting.language
    _links_dict(meeting, head, meeting.language)


def _links_dict(value: Item | Meeting, out: dict[str, Any], language: str) -> None:
    """The link keys of `value` (``url``, ``online``, ``materials``) into `out`."""
    for key in ("url", "online"):
        if getattr(value, key) is not None:
            out[key] = getattr(value, key)
    if value.materials:
        out["materials"] = [{"title": _text(m, "title", language), "url": m.url}
                            for m in value.materials]


def _plain_date(day: _dt.date, times_as_text: bool) -> Any:
    return day.isoformat() if times_as_text else _dt.date(day.year, day.month, day.day)


def _override_dict(override: Override, times_as_text: bool, language: str
                   ) -> dict[str, Any]:
    out: dict[str, Any] = {"date": _plain_date(override.date, times_as_text)}
    for key in ("start", "end"):
        value = getattr(override, key)
        if value is not None:
            out[key] = value.isoformat() if times_as_text else _plain_time(value)
    if override.items is not None:
        out["items"] = [_item_dict(i, times_as_text, language) for i in override.items]
    return out


def _days_dict(meeting: Meeting, times_as_text: bool) -> dict[str, Any]:
    head: dict[str, Any] = {}
    if meeting.id is not None:
        head["id"] = meeting.id
    head["title"] = _text(meeting, "title", meeting.language)
    _head_rest(meeting, head)
    days = []
    for day in meeting.days:
        entry: dict[str, Any] = {
            "date": day.date.isoformat() if times_as_text else _dt.date(
                day.date.year, day.date.month, day.date.day),
            "start": day.start.isoformat() if times_as_text else _plain_time(day.start),
        }
        if day.end is not None:
            entry["end"] = day.end.isoformat() if times_as_text else _plain_time(day.end)
        entry["items"] = [_item_dict(i, times_as_text, meeting.language) for i in day.items]
        days.append(entry)
    return {"meeting": head, "days": days}


def dump_toml(meeting: Meeting) -> str:
    """The spec of `meeting` in TOML; `load_toml(dump_toml(m)) == m`.

    Laid out for a person to keep editing: ``[meeting]`` first, then one
    ``[[items]]`` table per item in agenda order (under its ``[[days]]`` table when the
    meeting has days), children as ``[[items.items]]`` under their block, notes
    with line breaks as multi-line strings, and a series' ``[[overrides]]`` last.
    Written by the one TOML writer that also writes edits back into a spec (tomlkit,
    imported on first use).
    """
    from .toml_writer import document

    return document(to_dict(meeting))


def dump_json(meeting: Meeting) -> str:
    """The spec of `meeting` in JSON; `load_json(dump_json(m)) == m`."""
    return json.dumps(to_dict(meeting, times_as_text=True), ensure_ascii=False, indent=2) + "\n"
