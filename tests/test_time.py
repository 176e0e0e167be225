"""The wall-clock helpers agree with pendulum, around every kind of clock change."""

from __future__ import annotations

import pendulum
from hypothesis import example, given
from hypothesis import strategies as st

from agenda._time import moment
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
