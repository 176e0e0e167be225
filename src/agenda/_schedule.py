"""The schedule format of conference apps: frab/c3voc schedule XML and its JSON form.

Giggity, EventFahrplan, pyfahrplan, info-beamer and Engelsystem read this format: the
conference, its days (index, date, start and end with their UTC offset), and per day
its rooms, each with its events. Every leaf item of the timetable is an event.

An event's ``guid`` is a UUID derived from the same identity as the item's calendar
UID (the meeting's key and the item's identity path), and its ``id`` a positive
31-bit integer derived from that GUID, so both stay the same when an item is
retimed, moved to another room or day, or reordered. Two events whose ids would
collide (about one chance in twenty million for a hundred events) get distinct ids
by probing, in identity order. The module computes no clock time.

An event's ``url`` is the item's page when it gives one (else its ``urn:uuid:`` name),
its ``links`` its join link (its own, its block's or the meeting's) and its
``attachments`` its materials; the conference's ``url`` is the meeting's page. Every
address is written as a URI (`agenda._links.as_uri`).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import uuid
import xml.etree.ElementTree as ET
from typing import Any

from ._links import as_uri, join_links
from ._model import Material, slugify
from ._problems import AgendaError
from ._time import moment
from ._timetable import Slot, Timetable
from ._words.catalog import render_message
from ._words.labels import labels_for

__all__ = ["SCHEDULE_FORMATS", "ScheduleError", "schedule_dict", "to_schedule",
           "to_schedule_json", "to_schedule_xml"]

SCHEDULE_FORMATS = ("json", "xml")
_GENERATOR = "agenda"
_JSON_SCHEMA = "https://c3voc.de/schedule/schema.json"
_ID_FLOOR = 10_000_000  # ids have eight digits or more, so slugs stay long enough
_ID_SPAN = 2**31 - 1 - _ID_FLOOR
# Characters that XML 1.0 does not allow in a document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PERSON_SPLIT = re.compile(r"\s*[,;]\s*")


_XML_MOST_MINUTES = 99 * 60 + 59  # the XSD's duration is [0-9]{1,2}:[0-9]{2}


class ScheduleError(AgendaError, ValueError):
    """A timetable that the schedule XML cannot carry: events longer than its
    duration field can say (99:59). `too_long` holds each as (number, title, minutes).

    Splitting such an event would invent events (and GUIDs) that the agenda does not
    have, so the XML refuses it; the JSON form carries it (its durations have no
    limit, and apps read its ``end``)."""

    def __init__(self, too_long: list[tuple[str, str, int]]) -> None:
        self.too_long: tuple[tuple[str, str, int], ...] = tuple(too_long)
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """Every event too long for the XML, one per line, in `lang`."""
        return "\n".join(render_message("schedule-too-long", {
            "number": number, "title": title, "minutes": minutes,
            "duration": _duration(minutes * 60), "most": _duration(_XML_MOST_MINUTES * 60)},
            lang) for number, title, minutes in self.too_long)


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def acronym_of(timetable: Timetable) -> str:
    """The conference acronym: the meeting's key in lower case, letters, digits and
    underscores only (what both schemas accept), at least four characters."""
    text = re.sub(r"[^a-z0-9_]+", "_", timetable.meeting.key.lower()).strip("_")
    return (text or "agenda").ljust(4, "_")


def _guid(meeting_key: str, path: tuple[str, ...]) -> uuid.UUID:
    from ._ical.names import event_uid

    return uuid.uuid5(uuid.NAMESPACE_URL, f"agenda:{event_uid(meeting_key, path)}")


def _ids(guids: list[uuid.UUID]) -> list[int]:
    """A distinct positive id per GUID, each derived from its GUID."""
    taken: set[int] = set()
    result: dict[uuid.UUID, int] = {}
    for guid in sorted(guids):
        number = _ID_FLOOR + int(hashlib.sha256(guid.bytes).hexdigest(), 16) % _ID_SPAN
        while number in taken:
            number = _ID_FLOOR + (number - _ID_FLOOR + 1) % _ID_SPAN
        taken.add(number)
        result[guid] = number
    return [result[guid] for guid in guids]


def _duration(seconds: int) -> str:
    minutes = seconds // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _persons(slot: Slot) -> list[dict[str, Any]]:
    presenter = slot.item.presenter
    if presenter is None or not presenter.strip():
        return []
    out = []
    for name in _PERSON_SPLIT.split(presenter.strip()):
        if not name:
            continue
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
        out.append({"id": 1 + int(digest[:7], 16), "public_name": _clean(name),
                    "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"agenda:person:{name}"))})
    return out


def _room_of(slot: Slot, timetable: Timetable) -> str:
    meeting = timetable.meeting
    return _clean(slot.room or meeting.location or meeting.title or "-")


def _links(online: str | None, lang: str) -> list[dict[str, str]]:
    """The event's ``links``: its join link, titled in the meeting's language."""
    if online is None:
        return []
    return [{"url": as_uri(online), "title": _clean(labels_for(lang).online)}]


def _attachments(materials: tuple[Material, ...]) -> list[dict[str, str]]:
    return [{"url": as_uri(m.url), "title": _clean(m.title)} for m in materials]


def _slot_minutes(timetable: Timetable) -> int:
    """The grid the apps draw on: the greatest common divisor of every event's start
    minute and duration, at most 15 minutes."""
    step = 0
    for slot in timetable:
        if not slot.is_block:
            step = math.gcd(step, slot.start.minute, slot.minutes)
    return min(step or 15, 15)


def schedule_dict(timetable: Timetable, lang: str | None = None) -> dict[str, Any]:
    """The schedule as JSON-ready data (the JSON form of the frab/c3voc schedule); with
    `lang`, its texts in that language where the agenda translates them (every GUID,
    a room's too, stays what it is in the meeting's own language)."""
    original = timetable
    if lang is not None:
        from ._translations import translate

        timetable = translate(timetable, lang)
    meeting = timetable.meeting
    acronym = acronym_of(timetable)
    leaves = [slot for slot in timetable if not slot.is_block]
    guids = [_guid(meeting.key, slot.path) for slot in leaves]
    ids = dict(zip((slot.number for slot in leaves), _ids(guids), strict=True))
    by_number = dict(zip((slot.number for slot in leaves), guids, strict=True))
    rooms: dict[str, str] = {}  # name shown -> name in the meeting's own language
    own_rooms = {slot.number: _room_of(slot, original) for slot in original}
    joins = join_links(timetable)
    tracks: list[str] = []
    days = []
    for index, day in enumerate(timetable.days, start=1):
        day_rooms: dict[str, list[dict[str, Any]]] = {}
        for slot in sorted((s for s in timetable.day_slots(day) if not s.is_block),
                           key=lambda s: (s.start_utc, s.number)):
            room = _room_of(slot, timetable)
            rooms.setdefault(room, own_rooms[slot.number])
            if slot.track is not None and _clean(slot.track) not in tracks:
                tracks.append(_clean(slot.track))
            number = ids[slot.number]
            title_slug = slugify(slot.title)
            day_rooms.setdefault(room, []).append({
                "guid": str(by_number[slot.number]),
                "id": number,
                "date": slot.start.isoformat(),
                "start": slot.start.format("HH:mm"),
                "end": slot.end.isoformat(),
                "duration": _duration(slot.end_utc - slot.start_utc),
                "room": room,
                "slug": f"{acronym}-{number}" + (f"-{title_slug}" if title_slug else ""),
                "url": (as_uri(slot.item.url) if slot.item.url is not None
                        else f"urn:uuid:{by_number[slot.number]}"),
                "title": _clean(slot.title),
                "subtitle": None,
                "track": _clean(slot.track) if slot.track is not None else None,
                "type": slot.item.kind.value,
                "language": None,
                "abstract": _clean(slot.item.notes) if slot.item.notes else None,
                "description": None,
                "persons": _persons(slot),
                "links": _links(joins[slot.path], meeting.language),
                **({"attachments": _attachments(slot.item.materials)}
                   if slot.item.materials else {}),
            })
        days.append({
            "index": index,
            "date": day.date.isoformat(),
            "day_start": moment(day.start_utc, timetable.zone).isoformat(),
            "day_end": moment(day.end_utc, timetable.zone).isoformat(),
            "rooms": day_rooms,
        })
    conference: dict[str, Any] = {
        "acronym": acronym,
        "title": _clean(meeting.title),
        **({"url": as_uri(meeting.url)} if meeting.url is not None else {}),
        "start": timetable.start.isoformat(),
        "end": timetable.end.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": f"00:{_slot_minutes(timetable):02d}",
        "time_zone_name": timetable.zone,
        "rooms": [{"name": name, "guid": str(uuid.uuid5(
            uuid.NAMESPACE_URL, f"agenda:{meeting.key}:room:{own}"))}
                  for name, own in rooms.items()],
        "tracks": [{"name": name} for name in tracks],
        "days": days,
    }
    version = hashlib.sha256(json.dumps(conference, sort_keys=True, ensure_ascii=False)
                             .encode("utf-8")).hexdigest()[:12]
    return {"$schema": _JSON_SCHEMA, "generator": {"name": _GENERATOR},
            "schedule": {"version": version, "conference": conference}}


def to_schedule_json(timetable: Timetable, lang: str | None = None) -> str:
    """The schedule in its JSON form (``{"schedule": {...}}``), texts in `lang`."""
    return json.dumps(schedule_dict(timetable, lang), ensure_ascii=False, indent=2) + "\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def to_schedule_xml(timetable: Timetable, lang: str | None = None) -> str:
    """The schedule XML (``<schedule>``), as frab and pretalx write it, texts in `lang`;
    raises :class:`ScheduleError` for an event longer than its duration field can say."""
    too_long = [(slot.number, slot.title, (slot.end_utc - slot.start_utc) // 60)
                for slot in timetable if not slot.is_block
                and slot.end_utc - slot.start_utc > _XML_MOST_MINUTES * 60]
    if too_long:
        raise ScheduleError(too_long)
    data = schedule_dict(timetable, lang)["schedule"]
    conf = data["conference"]
    root = ET.Element("schedule")
    _sub(root, "generator", name=_GENERATOR)
    _sub(root, "version", data["version"])
    conference = _sub(root, "conference")
    for key in ("title", "acronym", "start", "end"):
        _sub(conference, key, conf[key])
    if "url" in conf:
        _sub(conference, "url", conf["url"])
    _sub(conference, "days", str(conf["daysCount"]))
    _sub(conference, "timeslot_duration", conf["timeslot_duration"])
    _sub(conference, "time_zone_name", conf["time_zone_name"])
    for track in conf["tracks"]:
        _sub(conference, "track", name=track["name"])
    guids = {room["name"]: room["guid"] for room in conf["rooms"]}
    for day in conf["days"]:
        day_element = _sub(root, "day", index=str(day["index"]), date=day["date"],
                           start=day["day_start"], end=day["day_end"])
        for room, events in day["rooms"].items():
            room_element = _sub(day_element, "room", name=room, guid=guids[room])
            for event in events:
                element = _sub(room_element, "event", guid=event["guid"], id=str(event["id"]))
                for key in ("date", "start", "duration", "room", "slug", "title"):
                    _sub(element, key, event[key])
                _sub(element, "subtitle", "")
                _sub(element, "track", event["track"] or "")
                _sub(element, "type", event["type"])
                _sub(element, "abstract", event["abstract"] or "")
                _sub(element, "description", "")
                persons = _sub(element, "persons")
                for person in event["persons"]:
                    _sub(persons, "person", person["public_name"], id=str(person["id"]),
                         guid=person["guid"])
                links = _sub(element, "links")
                for link in event["links"]:
                    _sub(links, "link", link["title"], href=link["url"])
                if "attachments" in event:
                    attachments = _sub(element, "attachments")
                    for attachment in event["attachments"]:
                        _sub(attachments, "attachment", attachment["title"],
                             href=attachment["url"])
                if not event["url"].startswith("urn:"):
                    _sub(element, "url", event["url"])
    ET.indent(root)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            + ET.tostring(root, encoding="unicode") + "\n")


def to_schedule(timetable: Timetable, fmt: str = "xml", lang: str | None = None) -> str:
    """The schedule in `fmt`: ``"xml"`` or ``"json"``; `lang` gives its texts in that
    language where the agenda translates them (the GUIDs stay the same)."""
    if fmt == "xml":
        return to_schedule_xml(timetable, lang)
    if fmt == "json":
        return to_schedule_json(timetable, lang)
    raise ValueError(f"unknown schedule format {fmt!r}; use xml or json")
