"""One occurrence of a timetable and the listing of them: the rules `agenda table --on
/ --occurrence` and `agenda check --occurrences` print, as library functions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import agenda
from agenda._layout import (
    DEFAULT_OCCURRENCES,
    FewerOccurrences,
    Listed,
    occurrence_listing,
    occurrence_timetable,
)
from agenda.cli import cli
from conftest import EXAMPLES

COUNCIL = EXAMPLES / "council-series.toml"  # six occurrences (COUNT=6)


def test_an_occurrence_by_number_and_by_date_is_the_same() -> None:
    timetable = agenda.layout(agenda.load(COUNCIL))
    second = occurrence_timetable(timetable, number=2)
    assert second.meeting.date == dt.date(2024, 4, 10)
    assert occurrence_timetable(timetable, on=dt.date(2024, 4, 10)) == second


def test_no_occurrence_past_the_last_or_on_another_day() -> None:
    timetable = agenda.layout(agenda.load(COUNCIL))
    assert occurrence_timetable(timetable, number=6).meeting.date == dt.date(2024, 8, 14)
    with pytest.raises(FewerOccurrences, match='has fewer than 7 occurrences') as caught:
        occurrence_timetable(timetable, number=7)
    assert isinstance(caught.value, agenda.AgendaError) and caught.value.number == 7
    with pytest.raises(agenda.NotAnOccurrence, match="nearest: 2024-04-10 and 2024-05-08"):
        occurrence_timetable(timetable, on=dt.date(2024, 4, 11))
    with pytest.raises(TypeError):
        occurrence_timetable(timetable)
    with pytest.raises(TypeError):
        occurrence_timetable(timetable, on=dt.date(2024, 4, 10), number=2)


def test_a_rule_without_end_lists_the_default_after_a_note() -> None:
    meeting = agenda.load(COUNCIL)
    endless = agenda.layout(attrs.evolve(meeting, repeat="FREQ=MONTHLY;BYDAY=2WE"))
    lines = list(occurrence_listing(endless, lang="en"))
    assert lines[0].note and "the first 10 occurrences are listed" in lines[0].text
    assert [line.note for line in lines[1:]] == [False] * DEFAULT_OCCURRENCES
    assert lines[1] == Listed("2024-03-13 (Wed) 14:00–15:00 +09:00")
    assert len(list(occurrence_listing(endless, 25))) == 25  # a limit: no note


def test_a_bounded_listing_notes_what_it_leaves_out() -> None:
    timetable = agenda.layout(agenda.load(COUNCIL))
    lines = list(occurrence_listing(timetable, 3, "ko"))
    assert [line.note for line in lines] == [False, False, False, True]
    assert lines[0].text == "2024-03-13 (수) 14:00–15:00 +09:00"
    assert lines[-1].text.startswith("참고: 뒤에 반복이 더 있습니다. 처음 3회만")
    assert [line.note for line in occurrence_listing(timetable, 6)] == [False] * 6


def test_a_meeting_that_does_not_repeat_lists_its_one_date(reference_spec_path: Path) -> None:
    timetable = agenda.layout(agenda.load(reference_spec_path))
    assert list(occurrence_listing(timetable, lang="en")) == [
        Listed("2024-03-13 (Wed) 14:00–15:00 +09:00")]


def test_the_command_prints_the_listing() -> None:
    timetable = agenda.layout(agenda.load(EXAMPLES / "weekly-holidays.toml"))
    lines = list(occurrence_listing(timetable, 5, "en"))
    assert lines[2].text.startswith("2025-05-05 (Mon) skipped: public holiday")
    result = CliRunner().invoke(cli, ["table", str(EXAMPLES / "weekly-holidays.toml"),
                                      "--occurrences", "--limit", "5", "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [line.text for line in lines if not line.note]
    assert result.stderr.splitlines() == [line.text for line in lines if line.note]
