"""More independent readers of the feed: vobject (Radicale's parser), the strict `ical`
package, and khal (a terminal calendar), beside those of tests/test_ics_oracles.py.

Each must read the timetable's instants for the meeting event and every item event
(every occurrence of a repeating meeting), as there; vobject also reads the feeds
regenerated against a previous one there (changed, cancelled, re-sequenced events,
series with overrides) as `agenda.from_ics` does. vobject is also read the way a
server reads it: one process reading feed after feed, keeping the first definition of
each TZID it meets, which is how a one-off feed's zone once made a later series an
hour late.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from agenda import Item, Meeting
from conftest import require_tool, which
from test_ics_oracles import (
    _ONE_DATE,
    BATCH,
    BATCHES,
    ORACLES,
    Case,
    Got,
    assert_agree,
    check_links,
    check_regenerated,
    check_series,
    fixed_meetings,
    flatten,
    generated,
    make_case,
    read_components,
    regenerated,
    repeating_meetings,
    run_json,
    updated_case,
    wanted,
    with_feeds,
)

UTC = dt.UTC


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return [make_case(name, m) for name, m in [*fixed_meetings(), *repeating_meetings()]]


# -------------------------------------------------------------------- vobject
@pytest.fixture(scope="module")
def vobject() -> None:
    try:
        import vobject  # noqa: F401
    except ImportError:
        require_tool("vobject (pip install -e '.[test]')", False)


def dump_vobject(cases: Sequence[Case]) -> list[dict[str, Any]]:
    read: list[dict[str, Any]] = with_feeds(cases, lambda paths: run_json(
        "vobject", [sys.executable, str(ORACLES / "vobject_dump.py")], paths))
    return read


def read_vobject(cases: Sequence[Case]) -> list[list[Got]]:
    return [flatten(feed["events"]) for feed in dump_vobject(cases)]


def test_vobject_reads_the_reference_dst_and_repeating_feeds(vobject: None,
                                                             cases: list[Case]) -> None:
    read = dump_vobject(cases)
    got = [flatten(feed["events"]) for feed in read]
    assert_agree("vobject", cases, got)
    check_links("vobject", cases, [feed["events"] for feed in read])
    for case, events in zip(cases, got, strict=True):
        if case.repeats:
            check_series(case, events)


@settings(max_examples=BATCHES)
@given(BATCH)
def test_vobject_reads_generated_feeds(vobject: None, batch: list[Meeting]) -> None:
    cases = generated(batch)
    assert_agree("vobject", cases, read_vobject(cases))


def test_vobject_reads_regenerated_feeds(vobject: None) -> None:
    cases = [updated_case(name, m) for name, m in [*fixed_meetings(), *repeating_meetings()]]
    read = dump_vobject(cases)
    check_regenerated("vobject", cases, [flatten(feed["events"]) for feed in read],
                      read_components(read))


@settings(max_examples=BATCHES)
@given(BATCH)
def test_vobject_reads_generated_regenerated_feeds(vobject: None, batch: list[Meeting]) -> None:
    cases = regenerated(batch)
    read = dump_vobject(cases)
    check_regenerated("vobject", cases, [flatten(feed["events"]) for feed in read],
                      read_components(read))


def cache_scenario() -> list[Case]:
    """A one-off New York feed for November 2024, then a weekly New York series
    through 2025 (the order a server may meet them in)."""
    one_off = Meeting("Board", dt.date(2024, 11, 12), dt.time(10, 0), "America/New_York",
                      [Item("report", minutes=30), Item("vote", minutes=30)])
    weekly = Meeting("Weekly sync", dt.date(2025, 1, 8), dt.time(14, 0), "America/New_York",
                     [Item("status", minutes=20), Item("risks", minutes=25)],
                     repeat="FREQ=WEEKLY;COUNT=40")
    return [make_case("one-off, 2024", one_off), make_case("weekly, 2025", weekly)]


def test_a_zone_definition_kept_from_an_earlier_feed_stays_right(vobject: None) -> None:
    """vobject keeps the first VTIMEZONE of a TZID for the whole process: the 2024
    feed's definition must give the right offsets for the 2025 series too."""
    cases = cache_scenario()
    got = read_vobject(cases)
    assert_agree("vobject, one process", cases, got)
    check_series(cases[1], got[1])


# ----------------------------------------------------------------- ical (strict)
@pytest.fixture(scope="module")
def ical() -> Any:
    try:
        from ical.calendar_stream import IcsCalendarStream
    except ImportError:
        IcsCalendarStream = None
    require_tool("ical (pip install -e '.[test]')", IcsCalendarStream is not None)
    return IcsCalendarStream


def read_ical(stream: Any, cases: Sequence[Case]) -> list[list[Got]]:
    out = []
    for case in cases:
        calendar = stream.calendar_from_ics(case.feed.decode("utf-8"))
        events = []
        for event in calendar.timeline_tz(UTC):
            assert isinstance(event.start, dt.datetime) and event.start.tzinfo is not None
            events.append(Got(event.uid, event.summary, int(event.start.timestamp()),
                              int(event.end.timestamp())))
        out.append(events)
    return out


def test_the_strict_ical_package_reads_the_feeds(ical: Any, cases: list[Case]) -> None:
    got = read_ical(ical, cases)
    assert_agree("ical", cases, got)
    for case, events in zip(cases, got, strict=True):
        if case.repeats:
            check_series(case, events)


@settings(max_examples=BATCHES)
@given(BATCH)
def test_the_strict_ical_package_reads_generated_feeds(ical: Any, batch: list[Meeting]) -> None:
    cases = generated(batch)
    assert_agree("ical", cases, read_ical(ical, cases))


# ---------------------------------------------------------------------- khal
KHAL_CONFIG = """\
[calendars]
{calendars}
[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M:%S
longdatetimeformat = %Y-%m-%dT%H:%M:%S
[sqlite]
path = {folder}/khal.db
"""


@pytest.fixture(scope="module")
def khal() -> str:
    found = which("khal") or (str(Path(sys.executable).with_name("khal"))
                              if Path(sys.executable).with_name("khal").exists() else None)
    require_tool("khal (pip install -e '.[test]')", found is not None)
    assert found is not None
    return found


def read_khal(khal: str, cases: Sequence[Case]) -> list[list[Got]]:
    """Import every feed into one calendar in one call, list every event in UTC, and
    give each feed the events of its UIDs (UIDs differ between the feeds)."""
    owner = {w.uid: k for k, case in enumerate(cases) for w in wanted(case)}
    assert len(owner) == len({(k, w.uid) for k, case in enumerate(cases) for w in wanted(case)})
    with tempfile.TemporaryDirectory(prefix="agenda-khal-") as folder:
        root = Path(folder)
        (root / "calendar").mkdir()
        paths = []
        for k, case in enumerate(cases):
            paths.append(str(root / f"feed-{k}.ics"))
            Path(paths[-1]).write_bytes(case.feed)
        config = root / "config"
        config.write_text(KHAL_CONFIG.format(
            calendars=f"[[feeds]]\npath = {root}/calendar\ntype = calendar", folder=root))
        done = subprocess.run([khal, "-c", str(config), "import", "--batch", "-a", "feeds",
                               *paths], capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, f"khal could not import the feeds: {done.stderr}"
        instants = [t for case in cases for w in wanted(case) for t in (w.start, w.end)]
        first, last = (dt.datetime.fromtimestamp(f(instants), UTC).date() for f in (min, max))
        done = subprocess.run([khal, "-c", str(config), "list", "--day-format", "",
                               "--format", "{uid}|{start}|{end}|{title}",
                               f"{first - dt.timedelta(days=1)}",
                               f"{last + dt.timedelta(days=1)}"],
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
    seen: list[set[Got]] = [set() for _ in cases]
    for line in done.stdout.splitlines():
        if not line.strip():
            continue
        uid, start, end, title = line.split("|", 3)
        seen[owner[_ONE_DATE.sub("@", uid)]].add(Got(uid, title, _utc(start), _utc(end)))
    return [list(events) for events in seen]


def _utc(text: str) -> int:
    return int(dt.datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp())


def test_khal_imports_and_lists_the_feeds(khal: str) -> None:
    """The single feeds in one calendar, the repeating ones in another (the reference
    meeting is in both lists, with the same UIDs)."""
    single = [make_case(name, m) for name, m in fixed_meetings()]
    series = [make_case(name, m) for name, m in repeating_meetings()]
    cases = [*single, *series]
    got = [*read_khal(khal, single), *read_khal(khal, series)]
    assert_agree("khal", cases, got)
    for case, events in zip(cases, got, strict=True):
        if case.repeats:
            check_series(case, events)


@pytest.mark.xfail(strict=True, reason="vobject reads a property it has no type for "
                   "(CONFERENCE, RFC 7986) as TEXT and cuts its URI at a comma")
def test_vobject_reads_a_join_link_with_a_comma(vobject: None) -> None:
    meeting = Meeting("m", dt.date(2025, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item("a", minutes=10)], online="https://meet.example.org/j/1?x=1,2")
    cases = [make_case("a join link with a comma", meeting)]
    check_links("vobject", cases, [feed["events"] for feed in dump_vobject(cases)])
