"""ics.py on the same events as the icalendar loop."""

import datetime as dt
import hashlib
import sys

from _common import out, read, rows
from ics import Calendar, Event

calendar = Calendar()
for number, _depth, path, item, start, end in rows(read(sys.argv[1])):
    if item.get("items"):
        continue
    calendar.events.add(Event(
        name=item["title"], begin=start, end=end,
        uid=hashlib.sha256("/".join(path).encode()).hexdigest()[:20] + "@peer",
        description=f"{number} {item['title']}\n{item.get('presenter') or ''}",
        created=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)))
out(calendar.serialize())
