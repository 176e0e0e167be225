"""Independent readers of the iCalendar feed see the timetable's instants.

The feed (`agenda.to_ics(timetable, items=True)`) is read by parsers and a calendar
program that share no code with the exporter. Each must report, for the meeting's
event and for the event of every leaf item, the start and end instants (UTC seconds)
of the timetable: `timetable.start_utc`/`end_utc` and `slot.start_utc`/`end_utc`; for
a repeating meeting, every occurrence of `agenda.occurrences(meeting)`, and for each
item the times it has when the meeting is laid out on that occurrence's date.
Events are matched to the timetable by title (a summary holds its item's title) and
must carry exactly the summary text that icalendar reads from the feed.

* recurring-ical-events (python-dateutil, zoneinfo) expands every event; it resolves
  a TZID by name with zoneinfo, not through the VTIMEZONE.
* Mozilla's ical.js (Thunderbird's parser, run with node) resolves each TZID through
  the VTIMEZONE the feed carries and expands repeating events with its own iterator;
  it must never fall back to a floating time.
* libical (Evolution's library, through GObject introspection under the system
  python3) converts through the feed's VTIMEZONE and, separately, through libical's
  own zone of the same name; any X-LIC-ERROR (something it could not parse) fails.
* calcurse (a terminal calendar) imports the feed and lists what it stored. calcurse
  ignores VTIMEZONE components: it resolves a TZID by name in the system's zone
  database and keeps wall-clock minutes of its own local zone (TZ), dropping seconds
  (every time here is on a whole minute). A single meeting is imported with TZ=UTC,
  so that the stored times are unambiguous even in a repeated DST hour; a repeating
  meeting is imported with TZ set to the meeting's zone, because calcurse repeats an
  appointment in its local wall-clock time, as a user in that zone would see it.

Feeds: the reference meeting, a fixed list of meetings across DST changes (New York,
Berlin, Lord Howe), repeating meetings, and batches drawn from `strategies.meetings()`.
Each oracle reads a whole batch in one subprocess call.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import agenda
from agenda import Item, Kind, Meeting
from conftest import ROOT, require_tool, which
from strategies import meetings

if not hasattr(agenda, "to_ics"):  # TEMP-STANDIN
    sys.path.insert(0, "/tmp/ora/standin")  # TEMP-STANDIN
    import standin_ics  # TEMP-STANDIN
    agenda.to_ics = standin_ics.to_ics  # TEMP-STANDIN

ORACLES = ROOT / "tests" / "oracles"
SYSTEM_PYTHON = Path("/usr/bin/python3")
# Each hypothesis example is a batch of feeds read in one call per oracle.
BATCHES = max(3, settings().max_examples // 12)
BATCH = st.lists(meetings(), min_size=1, max_size=6)


# --------------------------------------------------------------------------- feeds


@attrs.frozen
class Case:
    """One feed: the meeting, its timetable and the exporter's bytes."""

    name: str
    meeting: Meeting
    timetable: agenda.Timetable
    feed: bytes

    @property
    def zone(self) -> str:
        return self.timetable.zone

    @property
    def repeats(self) -> bool:
        return self.meeting.repeat is not None


def make_case(name: str, meeting: Meeting) -> Case:
    timetable = agenda.layout(meeting)
    return Case(name, meeting, timetable, agenda.to_ics(timetable, items=True))


def _meeting(title: str, date: dt.date, start: dt.time, zone: str,
             items: Sequence[Item], repeat: str | None = None) -> Meeting:
    return Meeting(title, date, start, zone, tuple(items), repeat=repeat)


def _talks(*spec: tuple[str, int]) -> list[Item]:
    return [Item(title, minutes=minutes) for title, minutes in spec]


def fixed_meetings() -> list[tuple[str, Meeting]]:
    """Meetings whose items start and end around DST changes, plus the reference."""
    reports = Item("보고; part 1", minutes=40, kind=Kind.PRESENTATION,
                   items=(Item("부산"), Item("강원"), Item("충북"), Item("전남")))
    return [
        ("reference", agenda.reference_meeting()),
        # 02:00 EST jumps to 03:00 EDT: items end at 03:00 and 03:35 EDT.
        ("New York, spring forward", _meeting(
            "Board, \"spring\" 🗳️", dt.date(2024, 3, 10), dt.time(1, 0), "America/New_York",
            [Item("개회 ☕", minutes=20), reports, *_talks(("Q&A, votes", 35),
                                                          ("휴식 \\ break", 30))])),
        # 02:00 EDT falls back to 01:00 EST: items start at 01:00 and 01:45 EST, a
        # wall-clock time that happens twice.
        ("New York, fall back", _meeting(
            "Night shift: 야간", dt.date(2024, 11, 3), dt.time(0, 30), "America/New_York",
            _talks(("first", 45), ("second; 둘", 45), ("third, 셋", 45), ("fourth", 45)))),
        # 02:00 CET jumps to 03:00 CEST.
        ("Berlin, spring forward", _meeting(
            "Frühjahr", dt.date(2024, 3, 31), dt.time(1, 30), "Europe/Berlin",
            _talks(("Begrüßung", 25), ("Bericht", 20), ("Aussprache", 40), ("Ende", 15)))),
        # 03:00 CEST falls back to 02:00 CET: 02:10 and 02:40 happen twice.
        ("Berlin, fall back", _meeting(
            "Herbst", dt.date(2024, 10, 27), dt.time(1, 40), "Europe/Berlin",
            _talks(("eins", 30), ("zwei", 30), ("drei", 30), ("vier", 30)))),
        # Lord Howe moves its clocks by 30 minutes: 02:00 LHDT falls back to 01:30.
        ("Lord Howe, fall back", _meeting(
            "Lord Howe April", dt.date(2024, 4, 7), dt.time(1, 0), "Australia/Lord_Howe",
            _talks(("a", 20), ("b", 20), ("c", 20), ("d", 20), ("e", 20)))),
        # 02:00 LHST jumps to 02:30 LHDT.
        ("Lord Howe, spring forward", _meeting(
            "Lord Howe October", dt.date(2024, 10, 6), dt.time(1, 30), "Australia/Lord_Howe",
            _talks(("a", 15), ("b", 15), ("c", 15), ("d", 15)))),
        # Over midnight and into the next year.
        ("Kolkata, new year", _meeting(
            "자정 넘어", dt.date(2024, 12, 31), dt.time(23, 0), "Asia/Kolkata",
            _talks(("before", 45), ("after", 45)))),
    ]


def repeating_meetings() -> list[tuple[str, Meeting]]:
    """Repeating meetings: the reference monthly, and weekly ones across DST changes."""
    return [
        ("reference, 2nd Wednesday monthly", attrs.evolve(
            agenda.reference_meeting(), repeat="FREQ=MONTHLY;BYDAY=2WE;COUNT=6")),
        # Wednesdays at 14:00 in New York from Feb 28 to Mar 20: EST, then EDT.
        ("New York weekly", _meeting(
            "Weekly sync", dt.date(2024, 2, 28), dt.time(14, 0), "America/New_York",
            _talks(("status", 20), ("risks", 25), ("next", 15)),
            repeat="FREQ=WEEKLY;COUNT=4")),
        # Wednesdays at 10:00 in Berlin across the October change back to CET.
        ("Berlin weekly", _meeting(
            "Wochenrunde", dt.date(2024, 10, 16), dt.time(10, 0), "Europe/Berlin",
            _talks(("Stand", 30), ("Planung", 30)), repeat="FREQ=WEEKLY;COUNT=3")),
    ]


@pytest.fixture(scope="module")
def fixed_cases() -> list[Case]:
    return [make_case(name, meeting) for name, meeting in fixed_meetings()]


@pytest.fixture(scope="module")
def repeating_cases() -> list[Case]:
    return [make_case(name, meeting) for name, meeting in repeating_meetings()]


# ---------------------------------------------------------------- expectations


@attrs.frozen
class Want:
    title: str
    start: int
    end: int


@attrs.frozen
class Got:
    """One event (or one occurrence of a series) as an oracle reported it."""

    summary: str
    start: int
    end: int
    uid: str | None = None


def _leaves(timetable: agenda.Timetable) -> list[Want]:
    return [Want(s.title, s.start_utc, s.end_utc) for s in timetable if not s.is_block]


def wanted(case: Case) -> list[Want]:
    """Every event (every occurrence of a series) the feed must describe."""
    meeting, timetable = case.meeting, case.timetable
    if not case.repeats:
        return [Want(meeting.title, timetable.start_utc, timetable.end_utc),
                *_leaves(timetable)]
    out: list[Want] = []
    for start, end in agenda.occurrences(meeting):
        out.append(Want(meeting.title, start.int_timestamp, end.int_timestamp))
        day = attrs.evolve(meeting, date=start.date(), weekday=None, repeat=None)
        out.extend(_leaves(agenda.layout(day)))
    return out


def when(start: int, end: int, zone: str) -> str:
    def one(t: int) -> str:
        local = pendulum.from_timestamp(t, tz=zone)
        return f"{local.format('YYYY-MM-DD HH:mm zz')} ({t})"
    return f"{one(start)} – {one(end)}"


def vevent_text(feed: bytes, uid: str | None) -> str:
    """The DTSTART/DTEND lines of the VEVENT with `uid`, for failure messages."""
    if uid is None:
        return ""
    blocks = feed.decode("utf-8").replace("\r\n ", "").split("BEGIN:VEVENT")
    for block in blocks[1:]:
        lines = block.split("END:VEVENT")[0].strip().splitlines()
        if f"UID:{uid}" in lines:
            return " | " + "; ".join(ln for ln in lines if ln.startswith(("DTSTART", "DTEND")))
    return ""


def disagreements(case: Case, got: Iterable[Got]) -> list[str]:
    """Where the oracle's events differ from the timetable (empty when they agree)."""
    pool = list(got)
    problems = []
    # Longest titles first, so that a title contained in another is matched last.
    for want in sorted(wanted(case), key=lambda w: (-len(w.title), w.start)):
        titled = [g for g in pool if want.title in g.summary]
        exact = [g for g in titled if (g.start, g.end) == (want.start, want.end)]
        if exact:
            pool.remove(exact[0])
            continue
        expected = when(want.start, want.end, case.zone)
        if not titled:
            problems.append(f"{want.title!r}: no event; the timetable says {expected}")
            continue
        near = min(titled, key=lambda g: abs(g.start - want.start))
        pool.remove(near)
        problems.append(f"{want.title!r}: read as {when(near.start, near.end, case.zone)}, "
                        f"the timetable says {expected}{vevent_text(case.feed, near.uid)}")
    problems.extend(f"unexpected event {g.summary!r} at {when(g.start, g.end, case.zone)}"
                    for g in pool)
    return problems


def feed_summaries(case: Case) -> dict[str, str]:
    """UID -> SUMMARY as icalendar reads the feed (the text every reader must agree on)."""
    calendar = icalendar.Calendar.from_ical(case.feed)
    return {str(e["UID"]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}


def assert_agree(oracle: str, cases: Sequence[Case], got: Sequence[list[Got]]) -> None:
    assert len(got) == len(cases), f"{oracle} read {len(got)} of {len(cases)} feeds"
    report = []
    for case, events in zip(cases, got, strict=True):
        problems = disagreements(case, events)
        if problems:
            report.append(f"{case.name} ({case.zone}):\n  " + "\n  ".join(problems))
    assert not report, f"{oracle} disagrees with the timetable:\n" + "\n".join(report)


def flatten(events: Iterable[dict[str, Any]], start: str = "start", end: str = "end"
            ) -> list[Got]:
    """One Got per single event and per occurrence of a repeating one."""
    out = []
    for e in events:
        spans = e["occurrences"] if e.get("occurrences") is not None else [[e[start], e[end]]]
        out.extend(Got(e["summary"] or "", s, t, e["uid"]) for s, t in spans)
    return out


def write_feeds(cases: Sequence[Case], folder: Path) -> list[str]:
    paths = []
    for k, case in enumerate(cases):
        path = folder / f"feed-{k}.ics"
        path.write_bytes(case.feed)
        paths.append(str(path))
    return paths


def run_json(oracle: str, command: list[str], payload: object) -> Any:
    done = subprocess.run(command, input=json.dumps(payload), capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False, cwd=ORACLES)
    assert done.returncode == 0, f"{oracle} rejected a feed:\n{done.stderr}"
    return json.loads(done.stdout)


def with_feeds(cases: Sequence[Case], read: Callable[[list[str]], Any]) -> Any:
    with tempfile.TemporaryDirectory(prefix="agenda-ics-") as folder:
        return read(write_feeds(cases, Path(folder)))


# ------------------------------------------------------------------- oracles


@pytest.fixture(scope="module")
def node() -> str:
    found = which("node")
    require_tool("node with tests/oracles/node_modules/ical.js (npm install --prefix "
                 "tests/oracles)",
                 found is not None and (ORACLES / "node_modules/ical.js/package.json").exists())
    assert found is not None
    return found


@pytest.fixture(scope="module")
def libical() -> str:
    probe = ("import gi; gi.require_version('ICalGLib', '3.0'); "
             "from gi.repository import ICalGLib")
    ok = SYSTEM_PYTHON.exists() and subprocess.run(
        [str(SYSTEM_PYTHON), "-c", probe], capture_output=True, check=False, timeout=60,
    ).returncode == 0
    require_tool("libical for the system python3 (python3-gi, gir1.2-ical-3.0)", ok)
    return str(SYSTEM_PYTHON)


@pytest.fixture(scope="module")
def calcurse() -> str:
    found = which("calcurse")
    require_tool("calcurse", found is not None)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def rie() -> Any:
    try:
        import recurring_ical_events
    except ImportError:
        recurring_ical_events = None
    require_tool("recurring-ical-events (pip install -e '.[test]')",
                 recurring_ical_events is not None)
    return recurring_ical_events


def read_icaljs(node: str, cases: Sequence[Case]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = with_feeds(cases, lambda paths: run_json(
        "ical.js", [node, str(ORACLES / "icaljs_dump.mjs")], paths))
    return out


def read_libical(python: str, cases: Sequence[Case]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = with_feeds(cases, lambda paths: run_json(
        "libical", [python, str(ORACLES / "libical_dump.py")], paths))
    return out


def calcurse_job(case: Case, path: str) -> dict[str, Any]:
    tz = case.zone if case.repeats else "UTC"
    wants = wanted(case)
    first = pendulum.from_timestamp(min(w.start for w in wants), tz=tz).date()
    last = pendulum.from_timestamp(max(w.end for w in wants), tz=tz).date()
    return {"file": path, "tz": tz, "from": first.subtract(days=1).isoformat(),
            "days": (last - first).days + 3}


def read_calcurse(calcurse: str, cases: Sequence[Case]) -> list[dict[str, Any]]:
    def read(paths: list[str]) -> Any:
        jobs = [calcurse_job(case, path) for case, path in zip(cases, paths, strict=True)]
        return run_json("calcurse", [sys.executable, str(ORACLES / "calcurse_dump.py")], jobs)
    out: list[dict[str, Any]] = with_feeds(cases, read)
    for job in out:
        job["calcurse"] = calcurse
    return out


def read_rie(rie: Any, cases: Sequence[Case]) -> list[list[Got]]:
    out = []
    for case in cases:
        calendar = icalendar.Calendar.from_ical(case.feed)
        events = []
        for event in rie.of(calendar).all():
            start, end = event.start, event.end
            assert isinstance(start, dt.datetime) and start.tzinfo is not None, (
                f"{case.name}: {event['UID']} starts at a floating or all-day time {start!r}")
            assert isinstance(end, dt.datetime) and end.tzinfo is not None
            events.append(Got(str(event["SUMMARY"]), int(start.timestamp()),
                              int(end.timestamp()), str(event["UID"])))
        out.append(events)
    return out


# -------------------------------------------------------------------- checks


def check_icaljs(cases: Sequence[Case], read: list[dict[str, Any]]) -> None:
    assert_agree("ical.js", cases, [flatten(f["events"]) for f in read])
    for case, feed in zip(cases, read, strict=True):
        assert case.zone in feed["vtimezones"] or case.zone == "UTC", feed["vtimezones"]
        for event in feed["events"]:
            # A TZID that ical.js cannot resolve would silently become floating time.
            assert {event["start_zone"], event["end_zone"]} <= {case.zone, "UTC"}, event
        assert {e["uid"]: e["summary"] for e in feed["events"]} == feed_summaries(case)


def check_libical(cases: Sequence[Case], read: list[dict[str, Any]]) -> None:
    assert_agree("libical (through the feed's VTIMEZONE)", cases,
                 [flatten(f["events"]) for f in read])
    single = [(c, f) for c, f in zip(cases, read, strict=True) if not c.repeats]
    assert_agree("libical (through its own zone data)", [c for c, _ in single],
                 [flatten(f["events"], "start_builtin", "end_builtin") for _, f in single])
    for case, feed in zip(cases, read, strict=True):
        for event in feed["events"]:
            assert {event["start_zone"], event["end_zone"]} <= {case.zone, None}, event
        assert {e["uid"]: e["summary"] for e in feed["events"]} == feed_summaries(case)


def check_calcurse(cases: Sequence[Case], read: list[dict[str, Any]]) -> None:
    got = []
    for case, job in zip(cases, read, strict=True):
        summaries = feed_summaries(case)
        report = job["report"]
        assert report == {"apps": len(summaries), "events": 0, "todos": 0, "skipped": 0}, (
            f"{case.name}: calcurse imported {report}, the feed has {len(summaries)} events")
        stored = [e for e in job["stored"] if e["kind"] in {"apt", "recur"}]
        assert Counter(e["summary"] for e in stored) == Counter(summaries.values())
        # `-Q` lists an appointment on each day it touches: keep each occurrence once.
        entries = ({(e["summary"], e["start"], e["end"]) for e in job["listed"]}
                   if case.repeats else [(e["summary"], e["start"], e["end"]) for e in stored])
        got.append([Got(summary, start, end) for summary, start, end in entries])
    assert_agree("calcurse", cases, got)


def check_rie(cases: Sequence[Case], got: list[list[Got]]) -> None:
    assert_agree("recurring-ical-events", cases, got)
    for case, events in zip(cases, got, strict=True):
        assert {g.uid: g.summary for g in events} == feed_summaries(case)


def check_wall_clock(case: Case, starts: Iterable[int]) -> None:
    """Every occurrence of a repeating meeting starts at its wall-clock start."""
    local = {pendulum.from_timestamp(t, tz=case.zone).time() for t in starts}
    assert local == {case.meeting.start}, f"{case.name}: occurrences start at {local}"


# --------------------------------------------------------------------- tests


def test_icaljs_reads_the_reference_and_dst_feeds(node: str, fixed_cases: list[Case]) -> None:
    check_icaljs(fixed_cases, read_icaljs(node, fixed_cases))


def test_libical_reads_the_reference_and_dst_feeds(libical: str,
                                                   fixed_cases: list[Case]) -> None:
    check_libical(fixed_cases, read_libical(libical, fixed_cases))


def test_calcurse_imports_the_reference_and_dst_feeds(calcurse: str,
                                                      fixed_cases: list[Case]) -> None:
    check_calcurse(fixed_cases, read_calcurse(calcurse, fixed_cases))


def test_recurring_ical_events_reads_the_reference_and_dst_feeds(
        rie: Any, fixed_cases: list[Case]) -> None:
    check_rie(fixed_cases, read_rie(rie, fixed_cases))


def _meeting_starts(case: Case, events: Iterable[Got]) -> list[int]:
    uid = _meeting_uid(case)
    return [g.start for g in events if g.uid == uid]


def _meeting_uid(case: Case) -> str:
    """The UID of the meeting's own event: the one that lasts the whole meeting."""
    calendar = icalendar.Calendar.from_ical(case.feed)
    for event in calendar.walk("VEVENT"):
        if str(event["SUMMARY"]).find(case.meeting.title) >= 0 and int(
                event.start.timestamp()) == case.timetable.start_utc and int(
                event.end.timestamp()) == case.timetable.end_utc:
            return str(event["UID"])
    raise AssertionError(f"{case.name}: no event spans the whole meeting")


def test_icaljs_expands_repeating_meetings(node: str, repeating_cases: list[Case]) -> None:
    read = read_icaljs(node, repeating_cases)
    check_icaljs(repeating_cases, read)
    for case, feed in zip(repeating_cases, read, strict=True):
        check_wall_clock(case, _meeting_starts(case, flatten(feed["events"])))


def test_libical_expands_repeating_meetings(libical: str,
                                            repeating_cases: list[Case]) -> None:
    read = read_libical(libical, repeating_cases)
    check_libical(repeating_cases, read)
    for case, feed in zip(repeating_cases, read, strict=True):
        check_wall_clock(case, _meeting_starts(case, flatten(feed["events"])))


def test_calcurse_repeats_meetings_in_their_zone(calcurse: str,
                                                 repeating_cases: list[Case]) -> None:
    check_calcurse(repeating_cases, read_calcurse(calcurse, repeating_cases))


def test_recurring_ical_events_expands_repeating_meetings(
        rie: Any, repeating_cases: list[Case]) -> None:
    got = read_rie(rie, repeating_cases)
    check_rie(repeating_cases, got)
    for case, events in zip(repeating_cases, got, strict=True):
        starts = _meeting_starts(case, events)
        expected = [start.int_timestamp for start, _ in agenda.occurrences(case.meeting)]
        assert sorted(starts) == expected
        check_wall_clock(case, starts)


@settings(max_examples=BATCHES)
@given(BATCH)
def test_icaljs_reads_generated_feeds(node: str, batch: list[Meeting]) -> None:
    cases = [make_case(f"generated #{k}", m) for k, m in enumerate(batch)]
    check_icaljs(cases, read_icaljs(node, cases))


@settings(max_examples=BATCHES)
@given(BATCH)
def test_libical_reads_generated_feeds(libical: str, batch: list[Meeting]) -> None:
    cases = [make_case(f"generated #{k}", m) for k, m in enumerate(batch)]
    check_libical(cases, read_libical(libical, cases))


@settings(max_examples=BATCHES)
@given(BATCH)
def test_calcurse_imports_generated_feeds(calcurse: str, batch: list[Meeting]) -> None:
    cases = [make_case(f"generated #{k}", m) for k, m in enumerate(batch)]
    check_calcurse(cases, read_calcurse(calcurse, cases))


@settings(max_examples=BATCHES)
@given(BATCH)
def test_recurring_ical_events_reads_generated_feeds(rie: Any, batch: list[Meeting]) -> None:
    cases = [make_case(f"generated #{k}", m) for k, m in enumerate(batch)]
    check_rie(cases, read_rie(rie, cases))
