"""The wall-clock helpers agree with pendulum, around every kind of clock change."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from agenda._time import local_instant, midnight, moment, offset_text, other_fold, wall
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


def _shown(local: dt.datetime | None) -> tuple[str, str | None, float] | None:
    """What a printed end shows of `local`: wall clock, zone name, offset in seconds."""
    if local is None:
        return None
    offset = local.utcoffset()
    assert offset is not None
    return local.strftime("%H:%M"), local.tzname(), offset.total_seconds()


@given(_INSTANTS, st.sampled_from([*ZONES, "Asia/Tehran", "America/St_Johns", "Etc/GMT-14",
                                   "UTC"]))
@example(1730611800, "America/New_York")  # 01:30 EDT, the first pass of the repeated hour
@example(1730615400, "America/New_York")  # 01:30 EST, the second pass
@example(1712417400, "Australia/Lord_Howe")  # 01:45 in the repeated half hour
def test_the_other_pass_and_the_offset_of_a_printed_end(utc: int, name: str) -> None:
    """The same answers for a pendulum date-time and a standard-library one; the other
    pass shows the same wall clock at another offset; the offset reads as pendulum's
    ``Z`` token writes it."""
    ours, theirs = wall(utc, name), moment(utc, name)
    other = other_fold(ours)
    assert _shown(other_fold(theirs)) == _shown(other)
    if other is not None:
        assert other.replace(tzinfo=None, fold=0) == ours.replace(tzinfo=None)
        assert other.utcoffset() != ours.utcoffset()
    assert offset_text(ours) == offset_text(theirs) == theirs.format("Z")


def test_the_repeated_hour_has_another_pass_and_an_ordinary_hour_none() -> None:
    first, second = wall(1730611800, "America/New_York"), wall(1730615400, "America/New_York")
    assert (first.tzname(), second.tzname()) == ("EDT", "EST")
    assert _shown(other_fold(first)) == _shown(second) == ("01:30", "EST", -5 * 3600)
    assert _shown(other_fold(second)) == _shown(first) == ("01:30", "EDT", -4 * 3600)
    assert other_fold(wall(1730611800 - 7200, "America/New_York")) is None
    assert offset_text(wall(0, "Asia/Kolkata")) == "+05:30"
    assert offset_text(wall(0, "America/St_Johns")) == "-03:30"


def test_midnight_names_the_date_and_weekday_of_a_day() -> None:
    day = midnight(pendulum.date(2024, 3, 13), "Asia/Seoul")
    assert (day.date().isoformat(), day.isoweekday(), day.hour) == ("2024-03-13", 3, 0)
