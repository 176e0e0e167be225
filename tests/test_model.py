"""The constructors check types as the spec loader does, and take what the docs show."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner

import agenda
from agenda import Item, Meeting
from agenda.cli import cli


def test_iso_strings_are_converted() -> None:
    meeting = Meeting("t", "2024-03-13", "14:00", "Asia/Seoul",
                      [Item("a", minutes=5), Item("b", minutes=5, at="14:05")], end="14:10")
    assert meeting == Meeting("t", _dt.date(2024, 3, 13), _dt.time(14), "Asia/Seoul",
                              [Item("a", minutes=5),
                               Item("b", minutes=5, at=_dt.time(14, 5))], end=_dt.time(14, 10))
    assert isinstance(meeting.date, pendulum.Date)
    assert agenda.validate(meeting) == ()


@pytest.mark.parametrize(("build", "says"), [
    (lambda: Meeting("t", "2024-13-13", "14:00", "UTC"), "date must be a date like 2024-03-13"),
    (lambda: Meeting("t", 20240313, "14:00", "UTC"), "date must be a datetime.date"),
    (lambda: Meeting("t", _dt.datetime(2024, 3, 13, tzinfo=_dt.UTC), "14:00", "UTC"),
     "date must be a date without a time"),
    (lambda: Meeting("t", "2024-03-13", "2pm", "UTC"), "start must be a local time like 14:00"),
    (lambda: Meeting("t", "2024-03-13", "14:00+09:00", "UTC"), "start is a wall-clock time"),
    (lambda: Meeting("t", "2024-03-13", "14:00", "UTC", end=15), "end must be a datetime.time"),
    (lambda: Item("a", at=1400), "at must be a datetime.time"),
    (lambda: Item("a", minutes=True), "minutes must be a whole number of minutes, got True"),
    (lambda: Item("a", min_minutes=1.5), "min_minutes must be a whole number"),
    (lambda: Item("a", max_minutes=False), "max_minutes must be a whole number"),
])
def test_wrong_types_raise_type_error_at_construction(build: object, says: str) -> None:
    with pytest.raises(TypeError, match=says):
        build()  # type: ignore[operator]


def test_a_wrong_kind_or_language_raises_value_error() -> None:
    with pytest.raises(ValueError, match="kind must be one of talk"):
        Item("a", kind="lecture")
    with pytest.raises(ValueError, match="language must be one of en, ko, got 'de'"):
        Meeting("t", "2024-03-13", "14:00", "UTC", language="de")


def test_occurrence_on_and_to_ics_take_iso_strings() -> None:
    meeting = agenda.reference_meeting()
    assert agenda.occurrence_on(meeting, "2024-03-13") == agenda.occurrence_on(
        meeting, _dt.date(2024, 3, 13))
    with pytest.raises(TypeError, match="day must be a date like 2024-03-13"):
        agenda.occurrence_on(meeting, "13.3.2024")
    timetable = agenda.layout(meeting)
    first = agenda.to_ics(timetable, now="2024-03-01T09:00:00+09:00")
    assert first == agenda.to_ics(timetable, now=_dt.datetime(2024, 3, 1, tzinfo=_dt.UTC))
    assert b"DTSTAMP:20240301T000000Z" in first
    with pytest.raises(TypeError, match="now must be a datetime or an ISO 8601 string"):
        agenda.to_ics(timetable, now=1709251200)  # type: ignore[arg-type]
    for previous in (first, bytearray(first), first.decode("utf-8")):
        assert agenda.to_ics(timetable, previous=previous, now="2024-03-02T00:00:00Z") == first
    with pytest.raises(TypeError, match="bytes, bytearray or str"):
        agenda.to_ics(timetable, previous=[first])  # type: ignore[arg-type]


# -- the meeting's language --------------------------------------------------------------
EN_SPEC = ('[meeting]\ntitle = "Board"\ndate = 2024-03-13\nstart = 14:00:00\n'
           'timezone = "Europe/Berlin"\nlanguage = "en"\n[[items]]\ntitle = "Opening"\n'
           "minutes = 10\n")


def test_language_is_read_dumped_and_defaults_to_korean() -> None:
    meeting = agenda.loads(EN_SPEC)
    assert meeting.language == "en"
    assert agenda.loads(agenda.dump_toml(meeting)) == meeting
    assert agenda.load_json(agenda.dump_json(meeting)) == meeting
    assert agenda.reference_meeting().language == "ko"
    assert "language" not in agenda.to_dict(agenda.reference_meeting())["meeting"]
    with pytest.raises(agenda.SpecError, match='"language" must be one of en, ko'):
        agenda.loads(EN_SPEC.replace('"en"', '"fr"'))


def test_tables_speak_the_meetings_language_unless_told(runner: CliRunner,
                                                        tmp_path: Path) -> None:
    spec = tmp_path / "board.toml"
    spec.write_text(EN_SPEC, "utf-8")
    english = runner.invoke(cli, ["table", str(spec), "--format", "markdown"])
    assert english.exit_code == 0
    assert "| Time |" in english.stdout
    korean = runner.invoke(cli, ["table", str(spec), "--format", "markdown", "--lang", "ko"])
    assert "| 시간 |" in korean.stdout
    reference = runner.invoke(cli, ["demo", "--format", "markdown"])
    assert "| 시간 |" in reference.stdout
    assert "Language of the labels" in runner.invoke(cli, ["table", "--help"]).stdout
