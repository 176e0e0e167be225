"""A meeting's whole life, composed: a stateful test over a real Radicale on 127.0.0.1
and a site folder.

The rules are what a secretariat does to a weekly meeting in the weeks it runs: edit
the series or one occurrence, run late on one day, skip a date, add one, move one
occurrence, change the rule, publish to the folder and to CalDAV (and again, with
nothing changed), while someone else edits the calendar on the server, or the server
dies in the middle of a run. After every publish:

- every occurrence that ``agenda table --on`` prints (for every date ``agenda table
  --occurrences`` lists) is what the server's own expansion of the CalDAV calendar and
  recurring-ical-events' expansion of the folder's feed give, with the same instants:
  nothing missing, nothing extra (cancelled events are what a client hides);
- a release's ``changes.json`` is exactly ``diff(previous, current)``;
- publishing an unchanged spec again changes nothing on either side.

The default profile runs a few short lives (about twenty seconds); the thorough one
(``HYPOTHESIS_PROFILE=thorough``) runs many long ones.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import icalendar
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

import agenda
from agenda import EditError, Item, Meeting, Override
from agenda.cli import cli
from conftest import THOROUGH, require_module
from radicale_server import PASSWORD, USER, Radicale, etags, expanded_events

caldav = require_module("caldav")
require_module("radicale")
recurring_ical_events = require_module("recurring_ical_events")

ZONES = ("Asia/Seoul", "Europe/Berlin")
FIRST = dt.date(2025, 3, 3)  # a Monday; Berlin's clocks change four weeks later
WINDOW = (dt.datetime(2025, 1, 1, tzinfo=dt.UTC), dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
STATS: Counter[str] = Counter()


def expand(url: str) -> list[tuple[str, int, int]]:
    """The server's own expansion of the calendar over WINDOW: (summary, start, end) of
    every event a client shows (not the cancelled ones)."""
    start, end = (f"{moment:%Y%m%dT%H%M%SZ}" for moment in WINDOW)
    return sorted(item for event in expanded_events(url, start, end) for item in _shown(event))


def _shown(event: Any) -> list[tuple[str, int, int]]:
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return []
    start = event["DTSTART"].dt
    end = event["DTEND"].dt if "DTEND" in event else start + event["DURATION"].dt
    return [(str(event["SUMMARY"]), int(start.timestamp()), int(end.timestamp()))]


def folder_occurrences(feed: bytes) -> list[tuple[str, int, int]]:
    """recurring-ical-events' expansion of a feed over WINDOW."""
    calendar = icalendar.Calendar.from_ical(feed)
    found = recurring_ical_events.of(calendar).between(*WINDOW)
    return sorted(item for event in found for item in _shown(event))


HELD = re.compile(r"\d{4}-\d\d-\d\d \([^)]*\) \d\d:\d\d")


def printed_occurrences(spec: Path) -> list[tuple[str, int, int]]:
    """What ``agenda table --on`` prints for every date ``agenda table --occurrences``
    lists: the meeting's span and each item's, as instants."""
    runner = CliRunner()
    listing = runner.invoke(cli, ["table", str(spec), "--occurrences"])
    assert listing.exit_code == 0, listing.output
    meeting = agenda.load(spec)
    out = []
    for line in listing.stdout.splitlines():
        if not HELD.match(line):  # a skipped date of the rule ("2025-05-05 (월) 건너뜀")
            continue
        day = line[:10]
        table = runner.invoke(cli, ["table", str(spec), "--on", day, "--format", "json"])
        assert table.exit_code == 0, table.output
        rows = [(row["title"], _instant(row["start"]), _instant(row["end"]))
                for row in json.loads(table.stdout)]  # every item is a leaf here
        out.append((meeting.title, min(r[1] for r in rows), max(r[2] for r in rows)))
        out += rows
    return sorted(out)


def _instant(text: str) -> int:
    return int(dt.datetime.fromisoformat(text).timestamp())


class Life(RuleBasedStateMachine):
    """One weekly meeting, its folder and its CalDAV calendar (see the module)."""

    server: Radicale
    root: Path
    number = 0

    def __init__(self) -> None:
        super().__init__()
        Life.number += 1
        self.url = f"{self.server.url}life-{Life.number}/"
        self.site = self.root / f"site-{Life.number}"
        self.spec = self.root / f"life-{Life.number}.toml"
        self.clock = dt.datetime(2025, 2, 1, tzinfo=dt.UTC)
        self.in_folder: Meeting | None = None  # the meeting of the folder's latest release
        self.on_server: Meeting | None = None  # the meeting the calendar holds, when known
        self.meeting: Meeting = Meeting("x", FIRST, dt.time(10), "UTC", [Item("x", minutes=1)])

    # -- the meeting --------------------------------------------------------------------
    @initialize(zone=st.sampled_from(ZONES), count=st.integers(5, 10),
                start=st.sampled_from([dt.time(10), dt.time(18, 30)]))
    def a_weekly_meeting(self, zone: str, count: int, start: dt.time) -> None:
        end = (dt.datetime.combine(FIRST, start) + dt.timedelta(hours=1)).time()
        self.meeting = Meeting(
            "주간회의", FIRST, start, zone,
            [Item("추진 현황", minutes=35, id="progress"),
             Item("토론", min_minutes=10, id="discussion")],
            end=end, repeat=f"FREQ=WEEKLY;COUNT={count}", id=f"weekly-{Life.number}")

    def dates(self) -> list[dt.date]:
        return [start.date() for start, _ in agenda.occurrences(self.meeting)]

    def accept(self, new: Meeting) -> None:
        """Take `new` when it is a valid agenda (a step a secretariat would keep)."""
        STATS["steps"] += 1
        if any(p.severity is agenda.Severity.ERROR for p in agenda.validate(new)):
            STATS["refused"] += 1
            return
        self.meeting = new

    @rule(minutes=st.integers(20, 45))
    def resize_the_series(self, minutes: int) -> None:
        try:
            self.accept(agenda.resize(self.meeting, "progress", minutes))
        except EditError:
            STATS["refused"] += 1

    @rule(by=st.sampled_from([-30, -15, 15, 30]))
    def shift_the_series(self, by: int) -> None:
        try:
            self.accept(agenda.shift(self.meeting, by=by))
        except EditError:
            STATS["refused"] += 1

    @rule(data=st.data(), minutes=st.integers(20, 45))
    def resize_one_occurrence(self, data: st.DataObject, minutes: int) -> None:
        day = data.draw(st.sampled_from(self.dates()))
        try:
            self.accept(agenda.resize(self.meeting, "progress", minutes, on=day))
        except EditError:
            STATS["refused"] += 1

    @rule(data=st.data(), by=st.sampled_from([-45, 20, 60]))
    def shift_one_occurrence(self, data: st.DataObject, by: int) -> None:
        day = data.draw(st.sampled_from(self.dates()))
        try:
            self.accept(agenda.shift(self.meeting, by=by, on=day))
        except EditError:
            STATS["refused"] += 1

    @rule(data=st.data(), late=st.integers(1, 20))
    def late_on_the_day(self, data: st.DataObject, late: int) -> None:
        day = data.draw(st.sampled_from(self.dates()))
        start = agenda.occurrence_on(self.meeting, day).start
        try:
            result = agenda.running_late(self.meeting, start, late_by=late,
                                         absorb=["discussion"], on=day)
        except EditError:
            STATS["refused"] += 1
            return
        assert result.on == day
        self.accept(result.meeting)

    @rule(data=st.data())
    def skip_a_date(self, data: st.DataObject) -> None:
        day = data.draw(st.sampled_from(self.dates()))
        self.accept(attrs.evolve(self.meeting, skip=[*self.meeting.skip, day]))

    @precondition(lambda self: bool(self.meeting.skip))
    @rule(data=st.data())
    def hold_a_skipped_date_again(self, data: st.DataObject) -> None:
        day = data.draw(st.sampled_from(self.meeting.skip))
        self.accept(attrs.evolve(self.meeting, skip=[d for d in self.meeting.skip
                                                     if d != day]))

    @rule(data=st.data(), later=st.integers(1, 3))
    def add_an_extra_date(self, data: st.DataObject, later: int) -> None:
        day = data.draw(st.sampled_from(self.dates())) + dt.timedelta(days=later)
        self.accept(attrs.evolve(self.meeting, extra=[*self.meeting.extra, day]))

    @precondition(lambda self: bool(self.meeting.extra))
    @rule(data=st.data())
    def drop_an_extra_date(self, data: st.DataObject) -> None:
        day = data.draw(st.sampled_from(self.meeting.extra))
        self.accept(attrs.evolve(self.meeting, extra=[d for d in self.meeting.extra
                                                      if d != day]))

    @rule(data=st.data(), hours=st.sampled_from([-2, 1, 3]))
    def move_one_occurrence(self, data: st.DataObject, hours: int) -> None:
        day = data.draw(st.sampled_from(self.dates()))
        start = dt.datetime.combine(day, self.meeting.start) + dt.timedelta(hours=hours)
        if start.date() != day:  # an occurrence keeps its date
            STATS["refused"] += 1
            return
        others = [o for o in self.meeting.overrides if o.date != day]
        self.accept(attrs.evolve(self.meeting, overrides=[
            *others, Override(day, start=start.time())]))

    @precondition(lambda self: bool(self.meeting.overrides))
    @rule(data=st.data())
    def drop_an_override(self, data: st.DataObject) -> None:
        gone = data.draw(st.sampled_from(self.meeting.overrides))
        self.accept(attrs.evolve(self.meeting, overrides=[
            o for o in self.meeting.overrides if o is not gone]))

    @rule(count=st.integers(3, 10), interval=st.sampled_from([1, 2]))
    def change_the_rule(self, count: int, interval: int) -> None:
        self.accept(attrs.evolve(self.meeting,
                                 repeat=f"FREQ=WEEKLY;INTERVAL={interval};COUNT={count}"))

    # -- publishing -----------------------------------------------------------------------
    def tick(self) -> dt.datetime:
        self.clock += dt.timedelta(hours=1)
        return self.clock

    @rule(where=st.sampled_from(["folder", "caldav", "both"]))
    def publish(self, where: str) -> None:
        if where in ("folder", "both"):
            self.publish_to_the_folder()
        if where in ("caldav", "both"):
            self.publish_to_caldav()

    def publish_to_the_folder(self) -> None:
        STATS["folder publishes"] += 1
        before = self.in_folder
        release = agenda.publish_site(self.meeting, self.site, now=self.tick())
        changed = before is None or agenda.dump_json(before) != agenda.dump_json(self.meeting)
        assert release.new == changed
        if release.new:
            entry = json.loads((self.site / "versions" / f"{release.version:04d}" /
                                "changes.json").read_text("utf-8"))
            want = ({"changes": []} if before is None else agenda.diff(
                agenda.layout(before), agenda.layout(self.meeting)).as_dict())
            assert entry["changes"] == want
            if before is not None and changed:
                STATS["changelog lines"] += len(release.changes.ko)
        self.in_folder = self.meeting
        self.check_folder()

    def publish_to_caldav(self) -> None:
        STATS["caldav publishes"] += 1
        result = agenda.publish_caldav(self.meeting, self.url, now=self.tick(), user=USER,
                                       password=PASSWORD)
        assert result.conflicts == ()
        self.on_server = self.meeting
        self.check_server()

    @precondition(lambda self: self.in_folder is not None and self.on_server is not None)
    @rule()
    def publish_again_unchanged(self) -> None:
        """Both sides as they are: publishing the same spec again changes nothing."""
        STATS["republishes"] += 1
        agenda.publish_site(self.meeting, self.site, now=self.tick())
        agenda.publish_caldav(self.meeting, self.url, now=self.tick(), user=USER,
                              password=PASSWORD)
        self.in_folder = self.on_server = self.meeting
        files = {p: p.read_bytes() for p in self.site.rglob("*") if p.is_file()}
        tags = etags(self.url)
        again = agenda.publish_site(self.meeting, self.site, now=self.tick())
        assert (again.new, again.written) == (False, ())
        assert {p: p.read_bytes() for p in self.site.rglob("*") if p.is_file()} == files
        result = agenda.publish_caldav(self.meeting, self.url, now=self.tick(), user=USER,
                                       password=PASSWORD)
        assert (result.created, result.updated, result.cancelled, result.deleted,
                result.conflicts) == (0, 0, 0, 0, ())
        assert etags(self.url) == tags

    @precondition(lambda self: self.on_server is not None)
    @rule()
    def someone_edits_the_server_meanwhile(self) -> None:
        """Between our read and our write, someone renames the meeting's object on the
        server: our write of that object is refused (412), theirs stands."""
        STATS["concurrent edits"] += 1
        client = caldav.DAVClient(url=self.url, username=USER, password=PASSWORD,
                                  enable_rfc6764=False)
        [target] = [o for o in client.calendar(url=self.url).search(event=True)
                    if f"UID:weekly-{Life.number}@" in o.data]
        original = agenda._publish.caldav._Server.objects

        def read_then_race(server: Any) -> Iterator[Any]:
            found = list(original(server))
            edited = target.data.replace("SUMMARY:주간회의", "SUMMARY:주간회의 (수정)")
            answer = client.request(str(target.url), "PUT", edited,
                                    {"Content-Type": "text/calendar"})
            assert answer.status in (201, 204), answer.status
            return iter(found)

        ours = self.relocated()  # a change of the meeting's own object
        with mock.patch.object(agenda._publish.caldav._Server, "objects", read_then_race):
            result = agenda.publish_caldav(ours, self.url, now=self.tick(), user=USER,
                                           password=PASSWORD)
        assert [c.uid for c in result.conflicts] == [f"weekly-{Life.number}@agenda.invalid"]
        assert "주간회의 (수정)" in {title for title, _, _ in expand(self.url)}
        STATS["conflicts found"] += 1
        self.meeting = ours
        self.on_server = None  # mixed: the next publish sets it right

    @precondition(lambda self: self.on_server is not None)
    @rule(after=st.integers(1, 2))
    def the_server_dies_mid_publish(self, after: int) -> None:
        """The server is killed after `after` objects are written; the next run completes
        what this one left."""
        STATS["server deaths"] += 1
        done: list[str] = []

        def die(_action: str, uid: str) -> None:
            done.append(uid)
            if len(done) == after:
                self.server.kill()

        moved = self.relocated()  # every object changes
        try:
            agenda.publish_caldav(moved, self.url, now=self.tick(), user=USER,
                                  password=PASSWORD, progress=die)
        except agenda.CalDAVError as exc:
            assert "cannot connect" in str(exc)
            STATS["publishes cut short"] += 1
        if self.server.process is None or self.server.process.poll() is not None:
            self.server.start()
        self.meeting = moved
        self.on_server = None
        self.publish_to_caldav()  # completes it: created, updated, no duplicate

    def relocated(self) -> Meeting:
        """The meeting in another room: every event of it changes (its LOCATION)."""
        STATS["relocations"] += 1
        return attrs.evolve(self.meeting, location=f"회의실 {STATS['relocations']}")

    # -- invariants -------------------------------------------------------------------------
    def check_folder(self) -> None:
        assert self.in_folder is not None
        self.spec.write_text(agenda.dump_toml(self.in_folder), "utf-8")
        want = printed_occurrences(self.spec)
        assert folder_occurrences((self.site / "agenda.ics").read_bytes()) == want

    def check_server(self) -> None:
        assert self.on_server is not None
        self.spec.write_text(agenda.dump_toml(self.on_server), "utf-8")
        assert expand(self.url) == printed_occurrences(self.spec)

    @invariant()
    def the_meeting_is_valid(self) -> None:
        assert not [p for p in agenda.validate(self.meeting)
                    if p.severity is agenda.Severity.ERROR]


LIVES = settings(
    max_examples=60 if THOROUGH else 4, stateful_step_count=40 if THOROUGH else 20,
    deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                          HealthCheck.function_scoped_fixture])


def test_a_meeting_s_life_composes(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                   ) -> None:
    folder = tmp_path / "radicale"
    folder.mkdir()
    server = Radicale(folder)
    server.start()
    Life.server, Life.root = server, tmp_path
    STATS.clear()
    try:
        run_state_machine_as_test(Life, settings=LIVES)
    finally:
        server.stop()
    with capsys.disabled():
        print(f"\nlife: {dict(sorted(STATS.items()))}")
    assert STATS["folder publishes"] + STATS["caldav publishes"] > 0
