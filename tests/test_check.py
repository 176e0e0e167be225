"""Checking a spec file from Python: the report ``agenda check`` prints is the library's
(`agenda.check`), and so is its summary line, in Korean and English alike."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda.cli import cli
from conftest import EXAMPLES


@pytest.mark.parametrize(("lang", "expected"), [
    ("ko", 'ok: "Open Data Workshop 2024" 2024-05-20 (월) 09:00 ~ 2024-05-22 (수) 00:30 '
           "Asia/Seoul, 2일, 항목 40개, 735분"),
    ("en", 'ok: "Open Data Workshop 2024" 2024-05-20 (Mon) 09:00 – 2024-05-22 (Wed) 00:30 '
           "Asia/Seoul, 2 days, 40 items, 735 min"),
])
def test_the_summary_of_a_meeting_of_days_speaks_both_languages(lang: str, expected: str
                                                                ) -> None:
    timetable = agenda.layout(agenda.load(EXAMPLES / "two-day-workshop.toml"))
    assert agenda.check_summary(timetable, lang) == expected
    result = CliRunner().invoke(cli, ["check", "--lang", lang,
                                      str(EXAMPLES / "two-day-workshop.toml")])
    assert result.stdout == expected + "\n"


def test_the_summary_of_one_day(reference_spec_path: Path) -> None:
    report = agenda.check(reference_spec_path)
    assert report.ok and report.readable
    assert report.lang == "ko"
    assert report.summary() == agenda.check_summary(report.timetable, "ko") == (
        'ok: "글로벌 혁신특구 지자체-중기부 정책협의" 2024-03-13 (수) 14:00~15:00 Asia/Seoul, '
        "항목 11개, 60분")
    assert agenda.check(reference_spec_path, "en").summary().endswith("11 items, 60 min")


def test_an_unknown_language_is_refused_not_answered_in_english(
        reference_spec_path: Path) -> None:
    timetable = agenda.layout(agenda.load(reference_spec_path))
    with pytest.raises(agenda.UnknownLanguage):
        agenda.check_summary(timetable, "fr")
    with pytest.raises(agenda.UnknownLanguage):
        agenda.check(reference_spec_path, "fr")


def test_an_invalid_agenda_is_a_report_with_its_problems(tmp_path: Path) -> None:
    spec = tmp_path / "m.toml"
    spec.write_text('[meeting]\ntitle = "m"\ndate = 2024-03-13\nstart = 14:00\n'
                    'timezone = "Asia/Seoul"\nend = 14:30\n\n[[items]]\ntitle = "a"\n'
                    "minutes = 40\n", "utf-8")
    report = agenda.check(spec)
    assert (report.ok, report.readable, report.timetable) == (False, True, None)
    assert [(p.code, p.line) for p in report.problems] == [("past-end", 8)]
    with pytest.raises(ValueError, match="has problems"):
        report.summary()


def test_a_spec_that_cannot_be_read_is_a_report_not_an_exception(tmp_path: Path) -> None:
    report = agenda.check(tmp_path / "missing.toml", "en")
    assert (report.ok, report.readable) == (False, False)
    assert [p.code for p in report.problems] == ["unreadable"]
    assert report.as_dict()["meeting"] is None


@pytest.mark.parametrize("name", ["reference-meeting.toml", "two-day-workshop.toml",
                                  "council-series.toml", "board-meeting-en.toml"])
def test_the_json_of_agenda_check_is_the_reports(name: str) -> None:
    path = str(EXAMPLES / name)
    result = CliRunner().invoke(cli, ["check", "--format", "json", path])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == agenda.check(path).as_dict()


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
       st.sampled_from(["ko", "en"]))
def test_the_summary_names_the_weekday_as_pendulum_does(day: dt.date, lang: str) -> None:
    meeting = agenda.Meeting("m", day, dt.time(9), "Asia/Seoul", [agenda.Item("a", minutes=5)])
    summary = agenda.check_summary(agenda.layout(meeting), lang)
    weekday = pendulum.date(day.year, day.month, day.day).format("ddd", locale=lang)
    assert f"{day.isoformat()} ({weekday}) 09:00" in summary
