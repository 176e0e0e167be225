"""The day before and the day of the reference meeting: edits, a late start, the diff.

Run it from anywhere: it prints the diff of each change in Korean and English and
writes nothing.
"""

from __future__ import annotations

import agenda

meeting = agenda.reference_meeting()
planned = agenda.layout(meeting)

# The day before: Gangwon presents first, and the briefing needs ten minutes.
revised = agenda.move(meeting, "gangwon", before="busan")
revised = agenda.resize(revised, "briefing", 10, absorb="discussion")
changes = agenda.diff(planned, agenda.layout(revised))
print("== revised ==")
print(changes.text("ko"))
print(changes.text("en"))

# On the day: the meeting starts ten minutes late; the discussion absorbs it.
late = agenda.running_late(revised, "14:00", late_by=10, absorb=["discussion"])
print("== running late ==")
print(late.summary("ko"))
assert late.holds and f"{late.timetable.end:HH:mm}" == "15:00"
print(agenda.diff(late.planned, late.timetable).text("en"))
