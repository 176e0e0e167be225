"""Read iCalendar files with vobject (the parser inside Radicale) and print the events.

Reads a JSON list of file names on stdin and reads them in that order in one process:
vobject keeps the first definition of each TZID it meets for the whole process, as
Radicale does, so a later file is read with the zone definitions of an earlier one.
Prints a JSON list with one object per file: its events, each with its UID, summary,
start and end as Unix seconds, and for a repeating event every occurrence (start and
end; the end keeps the first occurrence's exact duration; an occurrence that a
RECURRENCE-ID event names has that event's times), its STATUS and its links: its URL,
its CONFERENCE (the URI, LABEL and FEATURE) and each ATTACH (the URI and FILENAME);
``components`` lists every VEVENT as read: UID, RECURRENCE-ID (Unix seconds), STATUS and
SEQUENCE.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import vobject

UNTIL = 2100  # expand unbounded rules up to this year


def _span(event: Any) -> tuple[Any, Any]:
    """DTSTART and the end: DTEND, or DTSTART plus an exact DURATION."""
    start = event.dtstart.value
    if hasattr(event, "dtend"):
        return start, event.dtend.value
    return start, start + event.duration.value


def _status(event: Any) -> str | None:
    return str(event.status.value) if hasattr(event, "status") else None


def _component(event: Any) -> dict[str, Any]:
    rid = event.recurrence_id.value if hasattr(event, "recurrence_id") else None
    return {"uid": event.uid.value,
            "recurrence_id": None if rid is None else int(rid.timestamp()),
            "status": _status(event),
            "sequence": int(event.sequence.value) if hasattr(event, "sequence") else None}


def _param(line: Any, name: str) -> str | None:
    values = line.params.get(name)
    return values[0] if values else None


def _links(event: Any) -> dict[str, Any]:
    conference = getattr(event, "conference", None)
    return {
        "url": event.url.value if hasattr(event, "url") else None,
        "conference": None if conference is None else {
            "uri": conference.value, "label": _param(conference, "LABEL"),
            "feature": _param(conference, "FEATURE")},
        "attach": [[line.value, _param(line, "FILENAME")]
                   for line in getattr(event, "attach_list", [])],
    }


def _read(path: str) -> dict[str, Any]:
    calendar = vobject.readOne(Path(path).read_text(encoding="utf-8"))
    everything = list(getattr(calendar, "vevent_list", []))
    return {"events": _events(everything), "components": [_component(e) for e in everything]}


def _events(everything: list[Any]) -> list[dict[str, Any]]:
    # RECURRENCE-ID events replace the occurrence of their series they name (matched
    # by instant, as a server does)
    replaced: dict[tuple[str, int], list[int]] = {}
    for event in everything:
        if hasattr(event, "recurrence_id"):
            start, end = _span(event)
            key = (event.uid.value, int(event.recurrence_id.value.timestamp()))
            replaced[key] = [int(start.timestamp()), int(end.timestamp())]
    out = []
    for event in everything:
        if hasattr(event, "recurrence_id"):
            continue
        start, end = _span(event)
        length = end.timestamp() - start.timestamp()
        found: dict[str, Any] = {"uid": event.uid.value, "summary": event.summary.value,
                                 "start": int(start.timestamp()), "end": int(end.timestamp()),
                                 "occurrences": None, "status": _status(event),
                                 "links": _links(event)}
        if hasattr(event, "rrule") or hasattr(event, "rdate"):
            spans = []
            for moment in event.getrruleset(addRDate=True):
                if moment.year > UNTIL:
                    break
                at = int(moment.timestamp())
                spans.append(replaced.get((event.uid.value, at), [at, int(at + length)]))
            found["occurrences"] = spans
        out.append(found)
    return out


def main() -> None:
    json.dump([_read(path) for path in json.load(sys.stdin)], sys.stdout)


if __name__ == "__main__":
    main()
