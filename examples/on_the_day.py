"""A rehearsed run of the reference meeting: actual times as they were logged, the rest
of the day re-timed from them half-way through, a published folder with its live page,
and the record of planned against actual.

Run it from anywhere: it reads examples/reference-meeting.toml and
examples/rehearsal.log.toml, publishes into a temporary folder and prints what it did.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import agenda

HERE = Path(__file__).resolve().parent
meeting = agenda.load(HERE / "reference-meeting.toml")
rehearsal = agenda.ActualLog.read((HERE / "rehearsal.log.toml").read_text("utf-8"), meeting)
assert rehearsal.problems() == ()

# Half-way: the log up to Busan's start (he started at 14:11:40 and is still speaking).
half = agenda.ActualLog(meeting, rehearsal.events[:7])
later = agenda.late_from_log(half, absorb=["discussion"])
print("== the rest of the day from the log, at 14:12 ==")
print(later.summary("en", "rehearsal.log.toml"))

# Publish the re-timed agenda with the log: calendars and the live page get the new times.
site = Path(tempfile.mkdtemp(prefix="agenda-day-"))
release = agenda.publish_site(later.result.meeting, site, log=half,
                              now=dt.datetime(2024, 3, 13, 5, 12, tzinfo=dt.UTC))
print(f"== published version {release.version}: {', '.join(sorted(release.written)[:4])}, …")
print(f"open {site / 'live.html'} through a web server, e.g. python3 -m http.server -d {site}")

# After the meeting: planned (the spec as planned) against actual (the whole log).
found = agenda.report(rehearsal)
print("== planned against actual ==")
print(agenda.render_report(found, "text", "en"), end="")
assert found.meeting.over == -1 and [r.number for r in found.never_started] == ["4.3"]
