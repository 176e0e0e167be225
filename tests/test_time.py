"""The wall-clock helpers agree with pendulum, around every kind of clock change."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from agenda._time import local_instant, moment
from strategies import DST_DAYS, ZONES

# Instants within three hours of a day on which some zone changes its clocks.
_NEAR_CHANGES = st.builds(
    lambda day, seconds: int(pendulum.datetime(day.year, day.month, day.day).timestamp())
    + seconds,
    st.sampled_from(DST_DAYS), st.integers(-12 * 3600, 36 * 3600),
)
_INSTANTS = st.one_of(_NEAR_CHANGES, st.integers(-2_000_000_000, 4_000_000_000))


@given(_INSTANTS, st.sampled_from([*ZONES, "Asia/Tehran", "America/St_Johns", "Etc/GMT-14"]))
@example(1730611800, "America/New_York")  # 01:30 EDT, the first pass of the repeated hour
@example(1730615400, "America/New_York")  # 01:30 EST, the second pass
@example(1712417400, "Australia/Lord_Howe")  # 01:45 in the repeated half hour
def test_moment_is_what_pendulum_from_timestamp_gives(utc: int, name: str) -> None:
    ours = moment(utc, name)
    theirs = pendulum.from_timestamp(utc, tz=name)
    assert ours == theirs
    assert ours.isoformat() == theirs.isoformat()
    assert (ours.utcoffset(), ours.fold, ours.timezone_name) == (
        theirs.utcoffset(), theirs.fold, theirs.timezone_name)


# -- wall-clock times as documents write them ----------------------------------------------

# New York shows 01:30 twice this night.
_FALL_BACK = dt.datetime.combine(dt.date(2024, 11, 3), dt.time(1, 30))
_EDT, _EST = 1730611800, 1730615400


@pytest.mark.parametrize(("options", "expected"), [
    ({}, _EDT),  # the first pass, unless told
    ({"mark": "EDT"}, _EDT),
    ({"mark": "EST"}, _EST),
    ({"mark": "-05:00"}, _EST),
    ({"offset": -4 * 3600}, _EDT),
    ({"not_before": _EDT + 60}, _EST),  # a range that runs into the repeated hour
    ({"not_before": _EDT}, _EDT),
    ({"mark": "CET"}, _EDT),  # a mark the zone never shows is passed over
])
def test_local_instant_reads_the_pass_a_document_names(options: dict[str, Any],
                                                        expected: int) -> None:
    assert local_instant(_FALL_BACK, "America/New_York", **options) == expected


def test_local_instant_reads_a_skipped_time_as_zoneinfo_does() -> None:
    skipped = dt.datetime.combine(dt.date(2024, 3, 10), dt.time(2, 30))
    assert local_instant(skipped, "America/New_York") == int(
        skipped.replace(tzinfo=zoneinfo.ZoneInfo("America/New_York")).timestamp())
