"""Independent readers of the iCalendar feed see the timetable's instants.

The feed (`agenda.to_ics(timetable, items=True)`) is read by parsers and a calendar
program that share no code with the exporter. Each must report, for the meeting's
event and for the event of every leaf item, the start and end instants (UTC seconds)
of the timetable: `timetable.start_utc`/`end_utc` and `slot.start_utc`/`end_utc`; for
a repeating meeting, every occurrence of `agenda.occurrences(meeting)`, and for each
item the times it has when the meeting is laid out on that occurrence's date.
An event is matched by its UID (`agenda.event_uid` of the meeting key and the slot's
identity path; a meeting held over several days has one event a day, `agenda.day_uid`,
each over its day's span) and its summary must be the title; calcurse keeps no UID, so
there the match is by title. ical.js, libical and recurring-ical-events (and vobject in
test_ics_readers.py) also report each event's links, which must be the agenda's: its
URL, its CONFERENCE (the join link, with LABEL and FEATURE) and an ATTACH (URI and
FILENAME) per material.

* recurring-ical-events (python-dateutil, zoneinfo) expands every event; it resolves
  a TZID by name with zoneinfo, not through the VTIMEZONE.
* Mozilla's ical.js (Thunderbird's parser, run with node) resolves each TZID through
  the VTIMEZONE the feed carries and expands repeating events with its own iterator;
  it must never fall back to a floating time.
* libical (Evolution's library, through GObject introspection under the system
  python3) converts through the feed's VTIMEZONE and, separately, through libical's
  own zone of the same name; any X-LIC-ERROR (something it could not parse) fails.
  It also converts each instant back to a wall-clock time through the feed's
  VTIMEZONE, which must give the timetable's wall clock (a VTIMEZONE whose onsets are
  off shows a time an hour away to a client that displays through it).
* calcurse (a terminal calendar) imports the feed and lists what it stored. calcurse
  ignores VTIMEZONE components: it resolves a TZID by name in the system's zone
  database and keeps wall-clock minutes of its own local zone (TZ), dropping seconds
  (every time here is on a whole minute). A single meeting is imported with TZ=UTC,
  so that the stored times are unambiguous even in a repeated DST hour; a repeating
  meeting is imported with TZ set to the meeting's zone, because calcurse repeats an
  appointment in its local wall-clock time, as a user in that zone would see it.

Feeds: the reference meeting, a fixed list of meetings across DST changes (New York,
Berlin, Lord Howe), a two-day hybrid workshop with links and materials, repeating
meetings (one that skips Korea's public holidays and has a join link, one with
overrides, a skipped and an extra date), and batches drawn from `strategies.meetings()`;
and each of them regenerated against its previous feed after edits (an item renamed
twice, one removed and one back, an occurrence of a series moved and moved again), so
the feed holds changed, cancelled and re-sequenced events, and series with overrides.
There ical.js, libical, recurring-ical-events and vobject must also read every VEVENT's
UID, RECURRENCE-ID, STATUS and SEQUENCE as `agenda.from_ics` does, report the events
that left the agenda as cancelled and the live ones at the timetable's instants.
Each oracle reads a whole batch in one subprocess call.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import icalendar
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import agenda
from agenda import Item, Kind, Material, Meeting, Override
from agenda._links import as_uri, join_links
from conftest import EXAMPLES, ROOT, require_tool, which
from strategies import meetings

ORACLES = ROOT / "tests" / "oracles"
SYSTEM_PYTHON = Path("/usr/bin/python3")
# Each hypothesis example is a batch of feeds read in one call per oracle.
BATCHES = max(3, settings().max_examples // 12)
BATCH = st.lists(meetings(), min_size=1, max_size=6)


# --------------------------------------------------------------------------- feeds


@attrs.frozen
class Case:
    """One feed: the meeting, its timetable and the exporter's bytes; for a feed
    regenerated against a previous one, the UIDs of the events that left (`gone`)."""

    name: str
    meeting: Meeting
    timetable: agenda.Timetable
    feed: bytes
    gone: frozenset[str] = frozenset()

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
        # Two days, one event a day; pages, join links (a block's own) and materials.
        ("two-day hybrid workshop", agenda.load(EXAMPLES / "online-workshop.toml")),
        # Links whose URIs and titles need care: IDNA, percent-encoding, a FILENAME
        # with a colon, a semicolon and a comma (quoted), line breaks in a title.
        ("links that need quoting", attrs.evolve(_meeting(
            "Links; 링크", dt.date(2025, 3, 13), dt.time(9, 0), "Asia/Seoul",
            [Item("talk", minutes=30, url="https://예시.kr/발표?id=7&lang=ko",
                  materials=[Material("Slides: v2; final, 결과\n둘째 줄",
                                      "https://example.org/자료 1.pdf".replace(" ", "%20")),
                             Material("Paper", "HTTPS://Example.org/paper.pdf")]),
             Item("open", minutes=20, online="https://meet.example.org/j/9?pwd=x&y=z")]),
            online="https://meet.example.org/j/1", url="https://example.org/")),
    ]


def repeating_meetings() -> list[tuple[str, Meeting]]:
    """Repeating meetings: the reference monthly, weekly ones across DST changes, and a
    series with overrides, a skipped and an extra date."""
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
        # Third Wednesdays from October 2024 to May 2025: two years of DST changes.
        ("Berlin monthly over the new year", _meeting(
            "Monatsrunde", dt.date(2024, 10, 16), dt.time(9, 30), "Europe/Berlin",
            _talks(("Rückblick", 20), ("Ausblick", 25)), repeat="FREQ=MONTHLY;BYDAY=3WE;COUNT=8")),
        # Overrides: one Thursday an hour later, one with its own items (one of them
        # held that day alone), one skipped and one extra date.
        ("Seoul weekly with overrides", attrs.evolve(_meeting(
            "주간 회의", dt.date(2024, 3, 7), dt.time(10, 0), "Asia/Seoul",
            _talks(("보고", 20), ("토의", 30)), repeat="FREQ=WEEKLY;COUNT=5"),
            skip=(dt.date(2024, 3, 21),), extra=(dt.date(2024, 3, 12),),
            overrides=(Override(dt.date(2024, 3, 14), start=dt.time(11, 0)),
                       Override(dt.date(2024, 3, 28), items=(
                           Item("보고", minutes=15), Item("특강", minutes=40)))))),
        # Mondays and Wednesdays in 2025 off Korea's public holidays, one brought back,
        # with a join link.
        ("Seoul twice weekly, KR holidays", agenda.load(EXAMPLES / "weekly-holidays.toml")),
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
    """One event (or one occurrence of a series) the feed must describe."""

    uid: str
    title: str
    start: int
    end: int


@attrs.frozen
class Got:
    """One event (or one occurrence of a series) as an oracle reported it."""

    uid: str | None
    title: str
    start: int
    end: int
    status: str = "CONFIRMED"


def _own_events(meeting: Meeting, timetable: agenda.Timetable, start: int, end: int
                ) -> list[Want]:
    """The meeting's own event, or one a day over its day's span for several days."""
    if len(timetable.days) > 1:
        return [Want(agenda.day_uid(meeting.key, day.date), meeting.title, day.start_utc,
                     day.end_utc) for day in timetable.days]
    return [Want(agenda.event_uid(meeting.key, ()), meeting.title, start, end)]


def _events(meeting: Meeting, timetable: agenda.Timetable, start: int, end: int
            ) -> list[Want]:
    key = meeting.key
    return [*_own_events(meeting, timetable, start, end),
            *(Want(agenda.event_uid(key, s.path), s.title, s.start_utc, s.end_utc)
              for s in timetable if not s.is_block)]


def _links(url: str | None, online: str | None, materials: Sequence[Material],
           label: str) -> dict[str, Any]:
    return {"url": as_uri(url) if url is not None else None,
            "conference": None if online is None else {
                "uri": as_uri(online), "label": label, "feature": "VIDEO"},
            "attach": [[as_uri(m.url), " ".join(m.title.splitlines())] for m in materials]}


def wanted_links(case: Case) -> dict[str, dict[str, Any]]:
    """The links of every event by UID, as the agenda gives them: the meeting's (on
    each of its days' events), an item's own page and materials and its join link
    (its own, its block's or the meeting's)."""
    meeting, timetable = case.meeting, case.timetable
    label = agenda.LABELS[meeting.language].online
    own = _links(meeting.url, meeting.online, meeting.materials, label)
    out = {want.uid: own for want in _own_events(meeting, timetable, 0, 0)}
    tables = [timetable]
    if case.repeats:  # the items of every occurrence (one held on one date alone too)
        series = agenda.Series(timetable)
        tables = [series.timetable(day) for day in series.dates()]
    for table in tables:
        joins = join_links(table)
        for slot in table:
            if not slot.is_block:
                out[agenda.event_uid(meeting.key, slot.path)] = _links(
                    slot.item.url, joins[slot.path], slot.item.materials, label)
    return out


def check_links(oracle: str, cases: Sequence[Case], read: Sequence[Sequence[dict[str, Any]]]
                ) -> None:
    """Every event's links as `oracle` read them (`read`: per feed, dicts with a
    ``uid`` and ``links``) are the agenda's."""
    report = []
    for case, events in zip(cases, read, strict=True):
        wants = wanted_links(case)
        assert events, f"{oracle} read no event of {case.name}"
        for event in events:
            uid = _ONE_DATE.sub("@", event["uid"])
            if event["links"] != wants[uid]:
                report.append(f"{case.name}: {uid}: read {event['links']}, the agenda "
                              f"gives {wants[uid]}")
    assert not report, f"{oracle} reads other links:\n" + "\n".join(report)


def read_rie_links(rie: ModuleType, cases: Sequence[Case]) -> list[list[dict[str, Any]]]:
    """Each expanded event's links as recurring-ical-events gives its components."""
    out = []
    for case in cases:
        events = []
        for event in rie.of(icalendar.Calendar.from_ical(case.feed)).all():
            conference = event.get("CONFERENCE")
            attach = event.get("ATTACH", [])
            attach = attach if isinstance(attach, list) else [attach]
            url = event.get("URL")
            events.append({"uid": str(event["UID"]), "links": {
                "url": str(url) if url is not None else None,
                "conference": None if conference is None else {
                    "uri": str(conference), "label": conference.params.get("LABEL"),
                    "feature": conference.params.get("FEATURE")},
                "attach": [[str(a), a.params.get("FILENAME")] for a in attach]}})
        out.append(events)
    return out


def wanted(case: Case) -> list[Want]:
    """Every event (every occurrence of a series) with the timetable's instants: for a
    series, each occurrence's timetable as `table --on` prints it."""
    meeting, timetable = case.meeting, case.timetable
    if not case.repeats:
        return _events(meeting, timetable, timetable.start_utc, timetable.end_utc)
    out: list[Want] = []
    series = agenda.Series(timetable)
    for day in series.dates():
        held = series.timetable(day)
        out.extend(_events(meeting, held, held.start_utc, held.end_utc))
    return out


def when(start: int, end: int, zone: str) -> str:
    def one(t: int) -> str:
        local = pendulum.from_timestamp(t, tz=zone)
        return f"{local.format('YYYY-MM-DD HH:mm zz')} ({t})"
    return f"{one(start)} – {one(end)}"


def vevent_lines(feed: bytes, uid: str | None) -> str:
    """The DTSTART/DTEND lines of the VEVENT with `uid`, for failure messages."""
    blocks = feed.decode("utf-8").replace("\r\n ", "").split("BEGIN:VEVENT")
    for block in blocks[1:]:
        lines = block.split("END:VEVENT")[0].strip().splitlines()
        if uid is not None and f"UID:{uid}" in lines:
            return " | " + " ".join(ln for ln in lines if ln.startswith(("DTSTART", "DTEND")))
    return ""


Key = tuple[str | None, str, int, int]


_ONE_DATE = re.compile(r"-\d{8}@")


def disagreements(case: Case, got: Iterable[Got], by_uid: bool = True) -> list[str]:
    """Where the oracle's events differ from the timetable (empty when they agree).

    Events are compared as a multiset of (UID, title, start, end), or of (title,
    start, end) for an oracle that does not report UIDs. An item's event of one date
    outside its series (``…-YYYYMMDD@…``, see `agenda._ical.feed.occurrence_uid`) counts as
    an occurrence of its series.
    """
    def key(e: Want | Got) -> Key:
        uid = _ONE_DATE.sub("@", e.uid) if e.uid is not None else None
        return (uid if by_uid else None, e.title, e.start, e.end)

    wants = wanted(case)
    gots = list(got)
    missing = Counter(map(key, wants)) - Counter(map(key, gots))
    extra = list((Counter(map(key, gots)) - Counter(map(key, wants))).elements())
    problems = []
    for want in wants:
        if missing[key(want)] == 0:
            continue
        missing[key(want)] -= 1
        expected = when(want.start, want.end, case.zone)
        same = [k for k in extra if k[:2] == key(want)[:2]]
        if not same:
            problems.append(f"{want.title!r}: no event; the timetable says {expected}")
            continue
        _, _, start, end = near = min(same, key=lambda k: abs(k[2] - want.start))
        extra.remove(near)
        problems.append(f"{want.title!r}: read as {when(start, end, case.zone)}, the "
                        f"timetable says {expected}{vevent_lines(case.feed, want.uid)}")
    problems.extend(f"unexpected event {title!r} ({uid}) at {when(start, end, case.zone)}"
                    for uid, title, start, end in extra)
    return problems


def assert_agree(oracle: str, cases: Sequence[Case], got: Sequence[list[Got]],
                 by_uid: bool = True) -> None:
    assert len(got) == len(cases), f"{oracle} read {len(got)} of {len(cases)} feeds"
    report = []
    for case, events in zip(cases, got, strict=True):
        problems = disagreements(case, events, by_uid)
        if problems:
            report.append(f"{case.name} ({case.zone}):\n  " + "\n  ".join(problems))
    assert not report, f"{oracle} disagrees with the timetable:\n" + "\n".join(report)


def flatten(events: Iterable[dict[str, Any]], start: str = "start", end: str = "end"
            ) -> list[Got]:
    """One Got per single event and per occurrence of a repeating one."""
    out: list[Got] = []
    for e in events:
        spans = e["occurrences"] if e.get("occurrences") is not None else [[e[start], e[end]]]
        status = (e.get("status") or "CONFIRMED").upper()
        out.extend(Got(e["uid"], e["summary"] or "", s, t, status) for s, t in spans)
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
    installed = (ORACLES / "node_modules" / "ical.js" / "package.json").exists()
    require_tool("node with ical.js (npm install --prefix tests/oracles)",
                 found is not None and installed)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def libical() -> str:
    probe = ("import gi; gi.require_version('ICalGLib', '3.0'); "
             "from gi.repository import ICalGLib")
    found = SYSTEM_PYTHON.exists() and subprocess.run(
        [str(SYSTEM_PYTHON), "-c", probe], capture_output=True, check=False, timeout=60,
    ).returncode == 0
    require_tool("libical for /usr/bin/python3 (python3-gi, gir1.2-ical-3.0)", found)
    return str(SYSTEM_PYTHON)


@pytest.fixture(scope="module")
def calcurse() -> str:
    found = which("calcurse")
    require_tool("calcurse", found is not None)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def rie() -> ModuleType:
    try:
        module = importlib.import_module("recurring_ical_events")
    except ImportError:
        module = None
    require_tool("recurring-ical-events (pip install -e '.[test]')", module is not None)
    assert module is not None
    return module


def read_icaljs(node: str, cases: Sequence[Case]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = with_feeds(cases, lambda paths: run_json(
        "ical.js", [node, str(ORACLES / "icaljs_dump.mjs")], paths))
    return out


def read_libical(python: str, cases: Sequence[Case]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = with_feeds(cases, lambda paths: run_json(
        "libical", [python, str(ORACLES / "libical_dump.py")], paths))
    return out


def calcurse_job(case: Case, path: str, calcurse: str) -> dict[str, Any]:
    tz = case.zone if case.repeats else "UTC"
    wants = wanted(case)
    first = pendulum.from_timestamp(min(w.start for w in wants), tz=tz).date()
    last = pendulum.from_timestamp(max(w.end for w in wants), tz=tz).date()
    return {"file": path, "tz": tz, "calcurse": calcurse,
            "from": first.subtract(days=1).isoformat(), "days": (last - first).days + 3}


def read_calcurse(calcurse: str, cases: Sequence[Case]) -> list[dict[str, Any]]:
    def read(paths: list[str]) -> Any:
        jobs = [calcurse_job(case, path, calcurse)
                for case, path in zip(cases, paths, strict=True)]
        return run_json("calcurse", [sys.executable, str(ORACLES / "calcurse_dump.py")], jobs)
    out: list[dict[str, Any]] = with_feeds(cases, read)
    return out


def read_rie(rie: ModuleType, cases: Sequence[Case]) -> list[list[Got]]:
    out = []
    for case in cases:
        events = []
        for event in rie.of(icalendar.Calendar.from_ical(case.feed)).all():
            start, end = event.start, event.end
            for moment in (start, end):
                assert isinstance(moment, dt.datetime) and moment.tzinfo is not None, (
                    f"{case.name}: {event['UID']} has a floating or all-day time {moment!r}")
            events.append(Got(str(event["UID"]), str(event["SUMMARY"]),
                              int(start.timestamp()), int(end.timestamp()),
                              str(event.get("STATUS", "CONFIRMED")).upper()))
        out.append(events)
    return out


# -------------------------------------------------------------------- checks


def check_icaljs(cases: Sequence[Case], read: list[dict[str, Any]]) -> None:
    assert_agree("ical.js", cases, [flatten(f["events"]) for f in read])
    for case, feed in zip(cases, read, strict=True):
        zones = {z for e in feed["events"] for z in (e["start_zone"], e["end_zone"])}
        assert zones - {"UTC"} <= set(feed["vtimezones"]), f"{case.name}: no VTIMEZONE"
        for event in feed["events"]:
            # A TZID that ical.js cannot resolve would silently become a floating time.
            assert {event["start_zone"], event["end_zone"]} <= {case.zone, "UTC"}, event


def wall_clock(t: int, zone: str) -> str:
    return pendulum.from_timestamp(t, tz=zone).format("YYYY-MM-DDTHH:mm:ss")


def check_libical(cases: Sequence[Case], read: list[dict[str, Any]]) -> None:
    assert_agree("libical (through the feed's VTIMEZONE)", cases,
                 [flatten(f["events"]) for f in read])
    single = [(c, f) for c, f in zip(cases, read, strict=True) if not c.repeats]
    assert_agree("libical (through its own zone data)", [c for c, _ in single],
                 [flatten(f["events"], "start_builtin", "end_builtin") for _, f in single])
    for case, feed in zip(cases, read, strict=True):
        for event in feed["events"]:
            assert {event["start_zone"], event["end_zone"]} <= {case.zone, None}, event


def check_vtimezone_wall_clock(cases: Sequence[Case], read: list[dict[str, Any]]) -> None:
    """libical, converting each instant through the feed's VTIMEZONE, gets the
    timetable's wall-clock time (what a client displaying through it shows)."""
    shown = []
    for case, feed in zip(cases, read, strict=True):
        if case.repeats or case.zone not in feed["vtimezones"]:
            continue
        by_uid = {w.uid: w for w in wanted(case)}
        for event in feed["events"]:
            want = by_uid[event["uid"]]
            got = (event["start_local"][case.zone], event["end_local"][case.zone])
            expected = (wall_clock(want.start, case.zone), wall_clock(want.end, case.zone))
            if got != expected:
                shown.append(f"{case.name}: {want.title!r} at "
                             f"{when(want.start, want.end, case.zone)} is {got[0]} – {got[1]}")
    assert not shown, ("through the feed's VTIMEZONE, libical names other wall-clock times:\n"
                       + "\n".join(shown))


def check_calcurse(cases: Sequence[Case], read: list[dict[str, Any]]) -> None:
    got = []
    for case, job in zip(cases, read, strict=True):
        count = len(_events(case.meeting, case.timetable, 0, 0))
        report = job["report"]
        assert report == {"apps": count, "events": 0, "todos": 0, "skipped": 0}, (
            f"{case.name}: calcurse imported {report}, the feed has {count} events")
        stored = [e for e in job["stored"] if e["kind"] in {"apt", "recur"}]
        # `-Q` lists an appointment on each day it touches: keep each occurrence once.
        entries = ({(e["summary"], e["start"], e["end"]) for e in job["listed"]}
                   if case.repeats else [(e["summary"], e["start"], e["end"]) for e in stored])
        got.append([Got(None, title, start, end) for title, start, end in entries])
    assert_agree("calcurse", cases, got, by_uid=False)


def meeting_starts(case: Case, events: Iterable[Got]) -> list[int]:
    """The starts of the meeting's own event (every occurrence of it), in order."""
    uid = agenda.event_uid(case.meeting.key, ())
    title = case.meeting.title
    return sorted(g.start for g in events
                  if g.uid == uid or (g.uid is None and g.title == title))


def check_series(case: Case, events: Iterable[Got]) -> None:
    """The meeting's occurrences are `agenda.occurrences`, each at its wall-clock start
    (the meeting's, or its override's)."""
    starts = meeting_starts(case, events)
    assert starts == [start.int_timestamp for start, _ in agenda.occurrences(case.meeting)]
    local = {pendulum.from_timestamp(t, tz=case.zone).time() for t in starts}
    moved = {override.start for override in case.meeting.overrides if override.start}
    assert local == {case.meeting.start, *moved}, f"{case.name}: occurrences start at {local}"


# --------------------------------------------------------------------- tests


def test_icaljs_reads_the_reference_and_dst_feeds(node: str, fixed_cases: list[Case]) -> None:
    read = read_icaljs(node, fixed_cases)
    check_icaljs(fixed_cases, read)
    check_links("ical.js", fixed_cases, [feed["events"] for feed in read])


@pytest.fixture(scope="module")
def libical_fixed(libical: str, fixed_cases: list[Case]) -> list[dict[str, Any]]:
    return read_libical(libical, fixed_cases)


def test_libical_reads_the_reference_and_dst_feeds(fixed_cases: list[Case],
                                                   libical_fixed: list[dict[str, Any]]) -> None:
    check_libical(fixed_cases, libical_fixed)
    check_links("libical", fixed_cases, [feed["events"] for feed in libical_fixed])


def test_the_feeds_vtimezone_names_the_timetables_wall_clock(
        fixed_cases: list[Case], libical_fixed: list[dict[str, Any]]) -> None:
    check_vtimezone_wall_clock(fixed_cases, libical_fixed)


def test_calcurse_imports_the_reference_and_dst_feeds(calcurse: str,
                                                      fixed_cases: list[Case]) -> None:
    check_calcurse(fixed_cases, read_calcurse(calcurse, fixed_cases))


def test_recurring_ical_events_reads_the_reference_and_dst_feeds(
        rie: ModuleType, fixed_cases: list[Case]) -> None:
    assert_agree("recurring-ical-events", fixed_cases, read_rie(rie, fixed_cases))
    check_links("recurring-ical-events", fixed_cases, read_rie_links(rie, fixed_cases))


def test_icaljs_expands_repeating_meetings(node: str, repeating_cases: list[Case]) -> None:
    read = read_icaljs(node, repeating_cases)
    check_icaljs(repeating_cases, read)
    check_links("ical.js", repeating_cases, [feed["events"] for feed in read])
    for case, feed in zip(repeating_cases, read, strict=True):
        check_series(case, flatten(feed["events"]))


def test_libical_expands_repeating_meetings(libical: str,
                                            repeating_cases: list[Case]) -> None:
    read = read_libical(libical, repeating_cases)
    check_libical(repeating_cases, read)
    check_links("libical", repeating_cases, [feed["events"] for feed in read])
    for case, feed in zip(repeating_cases, read, strict=True):
        check_series(case, flatten(feed["events"]))


def test_calcurse_repeats_meetings_in_their_zone(calcurse: str,
                                                 repeating_cases: list[Case]) -> None:
    # calcurse imports a RECURRENCE-ID event as an appointment of its own, beside the
    # occurrence it replaces: a series with overrides is not something it can show.
    cases = [case for case in repeating_cases if not case.meeting.overrides]
    read = read_calcurse(calcurse, cases)
    check_calcurse(cases, read)
    for case, job in zip(cases, read, strict=True):
        check_series(case, {Got(None, e["summary"], e["start"], e["end"])
                            for e in job["listed"]})


def test_recurring_ical_events_expands_repeating_meetings(
        rie: ModuleType, repeating_cases: list[Case]) -> None:
    got = read_rie(rie, repeating_cases)
    assert_agree("recurring-ical-events", repeating_cases, got)
    check_links("recurring-ical-events", repeating_cases, read_rie_links(rie, repeating_cases))
    for case, events in zip(repeating_cases, got, strict=True):
        check_series(case, events)


def generated(batch: list[Meeting]) -> list[Case]:
    return [make_case(f"generated #{k}", meeting) for k, meeting in enumerate(batch)]


@settings(max_examples=BATCHES)
@given(BATCH)
def test_icaljs_reads_generated_feeds(node: str, batch: list[Meeting]) -> None:
    cases = generated(batch)
    check_icaljs(cases, read_icaljs(node, cases))


@settings(max_examples=BATCHES)
@given(BATCH)
def test_libical_reads_generated_feeds(libical: str, batch: list[Meeting]) -> None:
    cases = generated(batch)
    read = read_libical(libical, cases)
    check_libical(cases, read)
    check_vtimezone_wall_clock(cases, read)


@settings(max_examples=BATCHES)
@given(BATCH)
def test_calcurse_imports_generated_feeds(calcurse: str, batch: list[Meeting]) -> None:
    cases = generated(batch)
    check_calcurse(cases, read_calcurse(calcurse, cases))


@settings(max_examples=BATCHES)
@given(BATCH)
def test_recurring_ical_events_reads_generated_feeds(rie: ModuleType,
                                                    batch: list[Meeting]) -> None:
    cases = generated(batch)
    assert_agree("recurring-ical-events", cases, read_rie(rie, cases))


# ------------------------------------------- feeds regenerated against their previous one

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)
STEPS = (T0 + dt.timedelta(days=4), T0 + dt.timedelta(days=8))


def _uids(meeting: Meeting, timetable: agenda.Timetable) -> set[str]:
    return {w.uid for w in wanted(Case("", meeting, timetable, b""))}


def _renamed(item: Item, suffix: str) -> Item:
    return attrs.evolve(item, title=item.title + suffix)


def _later(start: dt.time, hours: int) -> dt.time:
    return (dt.datetime.combine(dt.date(2024, 1, 1), start) + dt.timedelta(hours=hours)).time()


def _with_items(meeting: Meeting, items: Sequence[Item]) -> Meeting:
    """`meeting` with other items (those of its first day, for a meeting of days), its
    end following them."""
    if meeting.days:
        day = attrs.evolve(meeting.days[0], items=tuple(items), end=None)
        return attrs.evolve(meeting, days=(day, *meeting.days[1:]))
    return attrs.evolve(meeting, items=tuple(items), end=None)


def updated_case(name: str, meeting: Meeting) -> Case:
    """`meeting`'s feed regenerated twice: first with its first item renamed and its last
    removed, then with the first renamed again, the last back and the second removed
    (so events are changed, cancelled, confirmed again and re-sequenced); a series also
    has its second occurrence moved an hour later, then two hours (an override, then a
    changed one). A meeting of days has its first day's items edited."""
    first, *rest = meeting.days[0].items if meeting.days else meeting.items
    middle = rest[:-1]
    steps = [_with_items(meeting, (_renamed(first, " (1)"), *middle)),
             _with_items(meeting, (_renamed(first, " (2)"), *middle[1:], *rest[-1:]))]
    if meeting.repeat is not None:
        day = agenda.Series(agenda.layout(meeting)).nth(2)
        assert day is not None
        others = tuple(o for o in meeting.overrides if o.date != day)
        steps = [attrs.evolve(step, overrides=(*others, Override(
            day, start=_later(meeting.start, k)))) for k, step in enumerate(steps, start=1)]
    timetable = agenda.layout(meeting)
    feed = agenda.to_ics(timetable, items=True, now=T0)
    seen = _uids(meeting, timetable)
    for step, now in zip(steps, STEPS, strict=True):
        timetable = agenda.layout(step)
        feed = agenda.to_ics(timetable, items=True, previous=feed, now=now)
        seen |= _uids(step, timetable)
    return Case(f"{name}, regenerated", steps[-1], timetable, feed,
                frozenset(seen - _uids(steps[-1], timetable)))


@pytest.fixture(scope="module")
def regenerated_cases() -> list[Case]:
    return [updated_case(name, meeting)
            for name, meeting in [*fixed_meetings(), *repeating_meetings()]]


def read_components(read: Sequence[dict[str, Any]]) -> list[Counter[tuple[Any, ...]]]:
    """Each feed's VEVENTs as an oracle read them: (UID, RECURRENCE-ID, STATUS,
    SEQUENCE)."""
    return [Counter((c["uid"], c["recurrence_id"], (c["status"] or "CONFIRMED").upper(),
                     c["sequence"]) for c in feed["components"]) for feed in read]


def as_written(case: Case) -> Counter[tuple[Any, ...]]:
    """The feed's VEVENTs as agenda reads them back."""
    return Counter((e.uid, e.recurrence_id.int_timestamp if e.recurrence_id else None,
                    e.status, e.sequence) for e in agenda.from_ics(case.feed).events)


def check_regenerated(oracle: str, cases: Sequence[Case], got: Sequence[list[Got]],
                      components: Sequence[Counter[tuple[Any, ...]]] | None = None) -> None:
    """The live events at the timetable's instants; the events that left, and only
    they, cancelled; every VEVENT's UID, RECURRENCE-ID, STATUS and SEQUENCE as written."""
    assert_agree(oracle, cases, [[g for g in events if g.status != "CANCELLED"]
                                 for events in got])
    for k, (case, events) in enumerate(zip(cases, got, strict=True)):
        cancelled = {g.uid for g in events if g.status == "CANCELLED"}
        assert cancelled == {e.uid for e in agenda.from_ics(case.feed).cancelled}, (
            f"{oracle}, {case.name}: cancelled {sorted(map(str, cancelled))}")
        # An item's event of one date alone counts as its series' (see `disagreements`).
        series = {_ONE_DATE.sub("@", str(uid)) for uid in cancelled}
        assert case.gone <= series, f"{oracle}, {case.name}: {case.gone - series}"
        if components is not None:
            assert components[k] == as_written(case), (
                f"{oracle}, {case.name}: read {components[k] - as_written(case)}, "
                f"written {as_written(case) - components[k]}")


def test_regenerated_feeds_hold_changed_cancelled_and_resequenced_events(
        regenerated_cases: list[Case]) -> None:
    """What the oracles below are shown: every kind of event an update writes."""
    feeds = [agenda.from_ics(case.feed) for case in regenerated_cases]
    assert all(case.gone and feed.cancelled for case, feed in zip(regenerated_cases, feeds,
                                                                  strict=True))
    assert all(max(e.sequence for e in feed.events) >= 2 for feed in feeds)
    assert any(e.sequence == 2 and e.stamp != e.created for feed in feeds for e in feed.items)
    assert any(e.sequence == 0 for feed in feeds for e in feed.items)
    series = [feed for case, feed in zip(regenerated_cases, feeds, strict=True)
              if case.repeats]
    assert series and all(any(e.sequence >= 1 for e in feed.occurrences) for feed in series)
    assert all(any(e.rrule for e in feed.cancelled) for feed in series)


def test_icaljs_reads_regenerated_feeds(node: str, regenerated_cases: list[Case]) -> None:
    read = read_icaljs(node, regenerated_cases)
    check_regenerated("ical.js", regenerated_cases, [flatten(f["events"]) for f in read],
                      read_components(read))


def test_libical_reads_regenerated_feeds(libical: str, regenerated_cases: list[Case]) -> None:
    read = read_libical(libical, regenerated_cases)
    check_regenerated("libical", regenerated_cases, [flatten(f["events"]) for f in read],
                      read_components(read))


def rie_sequences(rie: ModuleType, case: Case) -> set[tuple[str, int]]:
    return {(str(event["UID"]), int(event.get("SEQUENCE", -1)))
            for event in rie.of(icalendar.Calendar.from_ical(case.feed)).all()}


def test_recurring_ical_events_reads_regenerated_feeds(
        rie: ModuleType, regenerated_cases: list[Case]) -> None:
    check_regenerated("recurring-ical-events", regenerated_cases,
                      read_rie(rie, regenerated_cases))
    for case in regenerated_cases:
        written = {(uid, sequence) for uid, _, _, sequence in as_written(case)}
        assert rie_sequences(rie, case) <= written, case.name


def regenerated(batch: list[Meeting]) -> list[Case]:
    return [updated_case(f"generated #{k}", meeting) for k, meeting in enumerate(batch)]


@settings(max_examples=BATCHES)
@given(BATCH)
def test_icaljs_reads_generated_regenerated_feeds(node: str, batch: list[Meeting]) -> None:
    cases = regenerated(batch)
    read = read_icaljs(node, cases)
    check_regenerated("ical.js", cases, [flatten(f["events"]) for f in read],
                      read_components(read))


@settings(max_examples=BATCHES)
@given(BATCH)
def test_libical_reads_generated_regenerated_feeds(libical: str, batch: list[Meeting]) -> None:
    cases = regenerated(batch)
    read = read_libical(libical, cases)
    check_regenerated("libical", cases, [flatten(f["events"]) for f in read],
                      read_components(read))


@settings(max_examples=BATCHES)
@given(BATCH)
def test_recurring_ical_events_reads_generated_regenerated_feeds(
        rie: ModuleType, batch: list[Meeting]) -> None:
    cases = regenerated(batch)
    check_regenerated("recurring-ical-events", cases, read_rie(rie, cases))
