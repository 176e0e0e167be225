"""The compiled TOML reader and the standard library's tomllib read every spec alike:
rtoml reads a spec, tomllib takes over for a text rtoml refuses or whose values are
refused (so every message is tomllib's)."""

from __future__ import annotations

import tomllib

import pytest
import rtoml
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import SpecError, dump_toml, load_toml
from strategies import flexible_meetings, meetings, risky_meetings


@given(st.one_of(meetings(), flexible_meetings(), risky_meetings()))
def test_both_readers_read_every_written_spec_alike(meeting: agenda.Meeting) -> None:
    text = dump_toml(meeting)
    assert rtoml.loads(text) == tomllib.loads(text)
    assert load_toml(text) == meeting


MINIMAL = """[meeting]
title = "t"
date = 2024-03-13
start = 14:00:00
timezone = "Asia/Seoul"

[[items]]
title = "a"
minutes = 5
"""


@pytest.mark.parametrize(("change", "message"), [
    (("minutes = 5", "minutes = 5\nminutes = 6"), "line 10: TOML syntax error at column"),
    # A value of the wrong type is named as tomllib reads it.
    (("date = 2024-03-13", "date = 2024-03-13T10:00:00Z"),
     "datetime.datetime(2024, 3, 13, 10, 0, tzinfo=datetime.timez"),  # not rtoml's TzInfo
])
def test_refused_texts_get_tomllib_messages(change: tuple[str, str], message: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_toml(MINIMAL.replace(*change))
    assert message in str(caught.value)


def test_a_time_without_seconds_is_read() -> None:
    """TOML 1.1 lets a local time leave out its seconds; rtoml reads it (tomllib,
    TOML 1.0, does not), which the spec accepts as it accepts ``"14:00"``."""
    meeting = load_toml(MINIMAL.replace("start = 14:00:00", "start = 14:00"))
    assert meeting.start == agenda.load_toml(MINIMAL).start
