"""The direct icalendar loop for `agenda ics --items`: one VEVENT per leaf item with
TZID times, then `add_missing_timezones` and `to_ical`."""

import datetime as dt
import hashlib
import sys

from _common import read, rows
from icalendar import Calendar, Event

stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
calendar = Calendar()
calendar.add("PRODID", "-//peer//icalendar loop//EN")
calendar.add("VERSION", "2.0")
for number, _depth, path, item, start, end in rows(read(sys.argv[1])):
    if item.get("items"):
        continue
    event = Event()
    event.add("UID", hashlib.sha256("/".join(path).encode()).hexdigest()[:20] + "@peer")
    event.add("DTSTAMP", stamp)
    event.add("SUMMARY", item["title"])
    event.add("DTSTART", start)
    event.add("DTEND", end)
    event.add("DESCRIPTION", f"{number} {item['title']}\n{item.get('presenter') or ''}")
    calendar.add_component(event)
calendar.add_missing_timezones()
sys.stdout.buffer.write(calendar.to_ical())
