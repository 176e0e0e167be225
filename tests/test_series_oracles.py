"""Every occurrence of a series, item by item and to the second, is where the feed's
independent readers put it: recurring-ical-events, ical.js and libical expand the feed
of random series whose dates and times fall near clock changes (north and south, Lord
Howe's half hour, Seoul without any), and each occurrence equals the timetable that
`agenda.Series.timetable` gives (what `table --on` prints). One feed per series, one
oracle process per batch."""

from __future__ import annotations

import datetime as dt
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agenda import Item, Meeting
from strategies import dst_series
from test_ics_oracles import (
    Case,
    assert_agree,
    check_icaljs,
    flatten,
    libical,
    make_case,
    node,
    read_icaljs,
    read_libical,
    read_rie,
    rie,
)

__all__ = ["libical", "node", "rie"]  # fixtures

BATCHES = max(2, settings().max_examples // 30)  # 2 by default, 33 thorough
SERIES = st.lists(dst_series(), min_size=1, max_size=5)


def cases(batch: list[Meeting]) -> list[Case]:
    return [make_case(f"series #{k} {m.timezone} {m.date} {m.start} {m.repeat}", m)
            for k, m in enumerate(batch)]


@settings(max_examples=BATCHES)
@given(SERIES)
def test_recurring_ical_events_expands_series_as_the_tables_say(rie: ModuleType,
                                                               batch: list[Meeting]) -> None:
    found = cases(batch)
    assert_agree("recurring-ical-events", found, read_rie(rie, found))


@settings(max_examples=BATCHES)
@given(SERIES)
def test_icaljs_expands_series_as_the_tables_say(node: str, batch: list[Meeting]) -> None:
    found = cases(batch)
    check_icaljs(found, read_icaljs(node, found))


@settings(max_examples=BATCHES)
@given(SERIES)
def test_libical_expands_series_as_the_tables_say(libical: str, batch: list[Meeting]) -> None:
    # libical 3.0's recurrence iterator keeps the hour it moved a skipped wall-clock time
    # to for every later occurrence, EXDATE or not (see the test below); a series that
    # passes through such a time (its feed holds an EXDATE) is checked by the other two.
    found = [case for case in cases(batch) if b"EXDATE" not in case.feed]
    read = read_libical(libical, found)
    assert_agree("libical (through the feed's VTIMEZONE)", found,
                 [flatten(f["events"]) for f in read])


@pytest.mark.xfail(strict=True, reason="libical 3.0 keeps the hour of a skipped wall-clock "
                   "time for the occurrences after it")
def test_libical_reads_the_occurrences_after_a_skipped_time(libical: str) -> None:
    day = Meeting("daily", dt.date(2024, 3, 30), dt.time(2, 46), "Europe/Berlin",
                  [Item("talk", minutes=30)], repeat="FREQ=DAILY;COUNT=4")
    found = cases([day])
    assert b"EXDATE" in found[0].feed  # 2024-03-31 02:46 does not exist in Berlin
    read = read_libical(libical, found)
    assert_agree("libical (through the feed's VTIMEZONE)", found,
                 [flatten(f["events"]) for f in read])
