"""Read iCalendar files with vobject (the parser inside Radicale) and print the events.

Reads a JSON list of file names on stdin and reads them in that order in one process:
vobject keeps the first definition of each TZID it meets for the whole process, as
Radicale does, so a later file is read with the zone definitions of an earlier one.
Prints a JSON list with one object per file: its events, each with its UID, summary,
start and end as Unix seconds, and for a repeating event every occurrence (start and
end; the end keeps the first occurrence's exact duration).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import vobject

UNTIL = 2100  # expand unbounded rules up to this year


def _events(path: str) -> list[dict[str, Any]]:
    calendar = vobject.readOne(Path(path).read_text(encoding="utf-8"))
    out = []
    for event in getattr(calendar, "vevent_list", []):
        start, end = event.dtstart.value, event.dtend.value
        length = end.timestamp() - start.timestamp()
        found: dict[str, Any] = {"uid": event.uid.value, "summary": event.summary.value,
                                 "start": int(start.timestamp()), "end": int(end.timestamp()),
                                 "occurrences": None}
        if hasattr(event, "rrule"):
            spans = []
            for moment in event.getrruleset(addRDate=True):
                if moment.year > UNTIL:
                    break
                spans.append([int(moment.timestamp()), int(moment.timestamp() + length)])
            found["occurrences"] = spans
        out.append(found)
    return out


def main() -> None:
    json.dump([{"events": _events(path)} for path in json.load(sys.stdin)], sys.stdout)


if __name__ == "__main__":
    main()
