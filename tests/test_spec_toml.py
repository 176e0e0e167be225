"""One TOML reader (rtoml, TOML 1.1): every written spec reads back, syntax errors name
their line and column, and every problem with a value names the line of its key, in
``[[days.items]]`` and overrides too."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import SpecError, dump_toml, load_toml
from strategies import flexible_meetings, meetings, risky_meetings


@given(st.one_of(meetings(), flexible_meetings(), risky_meetings()))
def test_every_written_spec_reads_back(meeting: agenda.Meeting) -> None:
    assert load_toml(dump_toml(meeting)) == meeting


MINIMAL = """[meeting]
title = "t"
date = 2024-03-13
start = 14:00
timezone = "Asia/Seoul"

[[items]]
title = "a"
minutes = 5
"""


def _problems(text: str) -> list[agenda.Problem]:
    with pytest.raises(SpecError) as caught:
        load_toml(text)
    return list(caught.value.problems)


def test_a_syntax_error_names_its_line_and_column() -> None:
    [problem] = _problems(MINIMAL.replace("minutes = 5", "minutes = 5\nminutes = 6"))
    assert problem.code == "syntax-error"
    assert (problem.line, problem.facts["column"]) == (10, 1)
    assert problem.text("en").startswith("line 10: TOML syntax error at column 1")


def test_a_time_without_seconds_with_a_wrong_value_reports_the_value() -> None:
    """The documented ``start = 14:00`` and an unknown key: the key is named on its line
    (once a second reader re-read such a file and called it a syntax error at column 9)."""
    [problem] = _problems(MINIMAL.replace('title = "t"', 'title = "t"\nroom = "A"'))
    assert (problem.code, problem.line, problem.facts["key"]) == ("unknown-key", 3, "room")


def test_a_value_of_the_wrong_type_is_shown_as_the_spec_writes_it() -> None:
    [problem] = _problems(MINIMAL.replace("date = 2024-03-13", "date = 2024-03-13T10:00:00Z"))
    assert (problem.code, problem.line) == ("wrong-type", 3)
    assert "got 2024-03-13T10:00:00+00:00" in problem.text("en")


def test_a_time_without_seconds_is_read() -> None:
    """TOML 1.1 lets a local time leave out its seconds, as docs/spec.md writes them."""
    meeting = load_toml(MINIMAL)
    assert meeting.start == load_toml(MINIMAL.replace("start = 14:00", "start = 14:00:00")).start


DAYS = """[meeting]
title = "Workshop"
timezone = "Europe/Berlin"

[[days]]
date = 2024-03-13
start = 09:00

[[days.items]]
title = "Welcome"
minutes = 30

[[days.items]]
title = "Talks"
minutes = 60

[[days.items.items]]
title = "One"
minutes = 30

[[days.items.items]]
title = "Two"
minutes = "thirty"

[[days]]
date = 2024-03-14
start = 09:00

[[days.items]]
title = "Close"
minutes = 5
bogus = 1
"""


def test_problems_in_days_name_their_lines() -> None:
    problems = {(p.number, p.code): p.line for p in _problems(DAYS)}
    assert problems == {("2.2", "wrong-type"): 23, ("3", "unknown-key"): 32}


def test_a_header_inside_a_multiline_string_is_text() -> None:
    text = MINIMAL.replace('title = "a"', 'title = "a"\nnotes = """\n[[items]]\n"""') + (
        '\n[[items]]\ntitle = "b"\nminutes = "x"\n')
    [problem] = _problems(text)
    assert (problem.number, problem.line) == ("2", 16)


def test_problems_in_an_override_name_their_lines() -> None:
    text = MINIMAL.replace('timezone = "Asia/Seoul"', 'timezone = "Asia/Seoul"\n'
                           'repeat = "FREQ=WEEKLY;COUNT=4"') + (
        '\n[[overrides]]\ndate = 2024-03-20\n\n[[overrides.items]]\ntitle = "x"\n'
        'minutes = "five"\n')
    [problem] = _problems(text)
    assert (problem.number, problem.line) == ("2024-03-20/1", 17)
