"""Publish the reference meeting as a small static site, edit it, publish again.

Writes the site into a temporary folder: the feeds (the whole one and one per
audience), index.html and the numbered releases; then swaps two presenters and
publishes the next release, printing what it wrote and its changelog in Korean and
English; then publishes the same agenda once more, which writes nothing.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import attrs

import agenda
from agenda import publish_site


def marked() -> agenda.Meeting:
    """The reference meeting, Busan's report for busan and the briefing for the press."""
    meeting = agenda.reference_meeting()
    reports = meeting.items[3]
    busan = attrs.evolve(reports.items[0], audience=["busan"])
    return attrs.evolve(meeting, items=[
        *meeting.items[:3], attrs.evolve(reports, items=[busan, *reports.items[1:]]),
        attrs.evolve(meeting.items[4], audience=["press"]), *meeting.items[5:]])


def main() -> None:
    meeting = marked()
    with tempfile.TemporaryDirectory(prefix="agenda-site-") as folder:
        site = Path(folder)
        first = publish_site(meeting, site, now=dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.UTC))
        print(f"release {first.version}: {len(first.written)} files written")

        reports = meeting.items[3]
        swapped = attrs.evolve(reports, items=[reports.items[1], reports.items[0],
                                               *reports.items[2:]])
        edited = attrs.evolve(meeting, items=[*meeting.items[:3], swapped, *meeting.items[4:]])
        second = publish_site(edited, site, now=dt.datetime(2024, 3, 11, 17, 30, tzinfo=dt.UTC))
        print(f"release {second.version}: {', '.join(second.written)}")
        print(second.changes.text("ko"), end="")
        print(second.changes.text("en"), end="")

        third = publish_site(edited, site, now=dt.datetime(2024, 3, 12, 8, 0, tzinfo=dt.UTC))
        print(f"unchanged: release {third.version} stays, {len(third.written)} files written")


if __name__ == "__main__":
    main()
