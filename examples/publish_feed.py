"""Publish the reference meeting as a calendar feed, edit the agenda, publish again.

Writes feed.ics into a temporary folder, swaps two presenters, renames the
discussion and adds a closing photo, regenerates the feed against the published one
and prints which events are new, which changed (SEQUENCE went up) and which stayed as
they were.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import attrs

import agenda


def publish(folder: Path) -> None:
    meeting = agenda.reference_meeting()
    feed = folder / "feed.ics"

    first = agenda.to_ics(agenda.layout(meeting), items=True,
                          now=dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.UTC))
    agenda.write_atomic(feed, first)
    print(f"published {feed} ({len(first)} bytes, "
          f"{len(agenda.from_ics(first).events)} events)")

    reports = meeting.items[3]
    swapped = attrs.evolve(reports, items=[reports.items[1], reports.items[0],
                                           *reports.items[2:]])
    discussion = attrs.evolve(meeting.items[5], title="자유 토론", minutes=23)
    photo = agenda.Item("단체 사진", minutes=2, kind="photo")
    edited = attrs.evolve(meeting, items=[*meeting.items[:3], swapped, meeting.items[4],
                                          discussion, photo, *meeting.items[6:]])
    timetable = agenda.layout(edited)

    published = agenda.from_ics(feed.read_bytes())
    print("\nwhat subscribers have, against the edited agenda:")
    for line in published.differences(timetable):
        print(f"  {line}")

    second = agenda.to_ics(timetable, items=True, previous=feed.read_bytes(),
                           now=dt.datetime(2024, 3, 12, 8, 0, tzinfo=dt.UTC))
    agenda.write_atomic(feed, second)
    print("\nafter regenerating:")
    for new in agenda.from_ics(second).events:
        old = published.get(new.uid)  # None for an event the edit added
        change = ("new" if old is None
                  else "changed" if new.sequence > old.sequence else "kept")
        print(f"  {change:7} SEQUENCE {new.sequence}  {new.start:HH:mm}–{new.end:HH:mm} "
              f"{new.summary}")
    again = agenda.to_ics(timetable, items=True, previous=second)
    print(f"\nregenerating the same agenda again gives the same bytes: {again == second}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="agenda-feed-") as folder:
        publish(Path(folder))


if __name__ == "__main__":
    main()
