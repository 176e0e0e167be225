"""The wall-clock helpers agree with pendulum, around every kind of clock change."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from agenda._time import (
    fold_instant,
    in_zone,
    instants,
    is_ambiguous,
    is_skipped,
    local_instant,
    midnight,
    moment,
    offset_text,
    other_fold,
    passes,
    wall,
    zone,
    zone_name,
)
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


# -- from the wall clock to instants ------------------------------------------------------
_WALL_ZONES = st.sampled_from([*ZONES, "Asia/Tehran", "America/St_Johns", "Pacific/Apia"])
def naive(year: int, month: int, day: int, hour: int, minute: int,
          fold: int = 0) -> dt.datetime:
    """A wall-clock date-time without zone."""
    return dt.datetime(year, month, day, hour, minute, fold=fold)  # noqa: DTZ001 - wall clock


_WALLS = st.builds(
    lambda day, minutes: dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes),
    st.sampled_from([*DST_DAYS, dt.date(2011, 12, 30), dt.date(2011, 12, 29)]),
    st.integers(-6 * 60, 30 * 60))


def _readers(local: dt.datetime, name: str) -> list[int]:
    """The instants whose wall clock in `name` reads `local`, by brute force: every
    offset the zone shows within two days of it, each tried."""
    naive_utc = int(local.replace(tzinfo=dt.UTC).timestamp())
    offsets = {int(wall(u, name).utcoffset().total_seconds())  # type: ignore[union-attr]
               for u in range(naive_utc - 2 * 86400, naive_utc + 2 * 86400, 900)}
    return sorted({naive_utc - offset for offset in offsets
                   if wall(naive_utc - offset, name).replace(tzinfo=None) == local})


@given(_WALLS, _WALL_ZONES)
@example(naive(2024, 3, 10, 2, 30), "America/New_York")  # skipped
@example(naive(2024, 11, 3, 1, 30), "America/New_York")  # shown twice
@example(naive(2011, 12, 30, 12, 0), "Pacific/Apia")  # a whole day skipped
@example(naive(2024, 4, 7, 1, 45), "Australia/Lord_Howe")  # a repeated half hour
def test_instants_are_the_instants_whose_wall_clock_reads_the_time(local: dt.datetime,
                                                                   name: str) -> None:
    found = instants(local, name)
    assert found == _readers(local, name)
    aware = local.replace(tzinfo=zone(name))
    assert is_skipped(aware) == (found == [])
    assert (len(found) == 2) == (found != [] and is_ambiguous(aware))
    assert not found or passes(local, zone(name)) == (found[0], found[-1])


def test_a_time_the_clocks_skip_is_skipped_and_nothing_else_is() -> None:
    new_york = zone("America/New_York")
    assert is_skipped(dt.datetime(2024, 3, 10, 2, 30, tzinfo=new_york))
    assert not is_skipped(dt.datetime(2024, 3, 10, 3, 0, tzinfo=new_york))
    assert not is_skipped(dt.datetime(2024, 11, 3, 1, 30, tzinfo=new_york))  # twice, not skipped
    assert is_skipped(dt.datetime(2011, 12, 30, 9, 0, tzinfo=zone("Pacific/Apia")))
    assert not is_skipped(dt.datetime(2024, 3, 10, 2, 30, tzinfo=dt.UTC))


def test_fold_instant_reads_a_wall_clock_time_as_pendulum_does() -> None:
    # A time shown twice: the pass its fold names. A skipped time: moved by the gap,
    # forward with fold=1 (02:30 EST is 03:30 EDT), back with fold=0.
    name = "America/New_York"
    assert fold_instant(naive(2024, 11, 3, 1, 30), name) == 1730611800  # 05:30Z, EDT
    assert fold_instant(naive(2024, 11, 3, 1, 30, fold=1), name) == 1730615400  # EST
    assert fold_instant(naive(2024, 3, 10, 2, 30, fold=1), name) == int(
        dt.datetime(2024, 3, 10, 7, 30, tzinfo=dt.UTC).timestamp())
    assert fold_instant(naive(2024, 3, 10, 2, 30), name) == int(
        dt.datetime(2024, 3, 10, 6, 30, tzinfo=dt.UTC).timestamp())
    for local in (naive(2024, 3, 10, 2, 30, fold=1), naive(2024, 11, 3, 1, 30),
                  naive(2024, 6, 1, 12, 0, fold=1)):
        assert fold_instant(local, name) == int(pendulum.instance(local, tz=name).timestamp())


def test_a_date_time_in_a_zone_and_the_name_of_its_zone() -> None:
    when = dt.datetime(2024, 3, 13, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    seoul = in_zone(when, "Asia/Seoul")
    assert seoul == when and (seoul.date(), seoul.hour) == (dt.date(2024, 3, 14), 13)
    assert zone_name(seoul) == "Asia/Seoul"
    assert zone_name(when) is None and zone_name(dt.datetime(2024, 1, 1, tzinfo=dt.UTC)) is None
    assert zone_name(moment(0, "Europe/Berlin")) == "Europe/Berlin"


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
