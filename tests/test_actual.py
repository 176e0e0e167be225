"""The log of actual times: events as data, one line per event in NAME.log.toml, the
problems of a log that contradicts itself, and `agenda log`."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

import agenda
from agenda import ActualLog, Item, Meeting, Severity
from agenda._io import append_line, log_path
from agenda.cli import cli
from conftest import EXAMPLES, ROOT
from strategies import actual_logs, meetings

REF = agenda.reference_meeting()
SEOUL = dt.timezone(dt.timedelta(hours=9))


def _at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2024, 3, 13, hour, minute, second, tzinfo=SEOUL)


def _codes(log: ActualLog) -> list[tuple[str, str, int | None]]:
    return [(p.code, p.number, p.line) for p in log.problems()]


# -- the log as data and as a file -------------------------------------------------------
def test_the_log_file_has_one_line_per_event_with_the_item_named_in_a_comment() -> None:
    log = ActualLog(REF).started("photo", "14:03").ended("1", "14:05:10").started(
        "지자체별 글로벌 혁신 특구 준비현황 발표/부산", _at(14, 11, 40))
    assert log.text().splitlines()[1:] == [
        "photo.start = 2024-03-13T14:03:00+09:00  # 1 사진촬영",
        "photo.end = 2024-03-13T14:05:10+09:00  # 1 사진촬영",
        "busan.start = 2024-03-13T14:11:40+09:00  # 4.1 부산",
    ]
    assert [(e.path, e.event, e.at) for e in log.events][2] == (
        ("busan",), "start", _at(14, 11, 40))
    assert ActualLog.read(log.text(), REF) == log
    assert [e.line for e in ActualLog.read(log.text(), REF).events] == [2, 3, 4]


@given(meetings(), st.data())
def test_a_log_read_back_from_its_text_is_the_same_log(meeting: Meeting,
                                                       data: st.DataObject) -> None:
    log, _ = data.draw(actual_logs(meeting))
    text = log.text()
    assert ActualLog.read(text, meeting) == log
    assert len(text.splitlines()) == len(log.events) + 1  # a comment, then one per event
    # A log without contradictions is one TOML document: path -> start and end.
    assume(not any({"start", "end"} & set(e.path) for e in log.events))
    document = tomllib.loads(text)
    for event in log.events:
        found = document
        for key in event.path:
            found = found[key]
        assert found[event.event] == event.at


def test_titles_that_need_quoting_are_quoted_keys() -> None:
    odd = Meeting("m", "2024-03-13", "14:00", "Asia/Seoul", [
        Item('Q&A "live" \\ 1.5', minutes=10), Item("토론\u2028끝", minutes=5)])
    log = ActualLog(odd).started("1", "14:00").ended("2", "14:15")
    assert log.text().splitlines()[1].startswith('"Q&A \\"live\\" \\\\ 1.5".start = ')
    assert len(log.text().split("\n")) == 4
    assert ActualLog.read(log.text(), odd) == log


def test_a_wall_clock_time_falls_on_the_day_nearest_the_plan() -> None:
    late = Meeting("night", "2024-03-13", "23:30", "Asia/Seoul", [
        Item("talk", minutes=20, id="talk"), Item("after midnight", minutes=30, id="late")])
    log = ActualLog(late).started("talk", "23:52").ended("late", "00:41:05")
    assert [e.at.isoformat() for e in log.events] == [
        "2024-03-13T23:52:00+09:00", "2024-03-14T00:41:05+09:00"]
    read = ActualLog.read("talk.start = 23:52:00\nlate.end = 2024-03-14T00:41:05\n", late)
    assert read.events == log.events


def test_a_line_that_is_not_an_event_is_a_problem_on_its_line_and_the_rest_counts() -> None:
    text = ("# a comment\n"
            "photo.start = 2024-03-13T14:03:00+09:00\n"
            "photo.start = 2024-03-13T14:0\n"  # torn while written
            'photo.note = "late"\n'
            "opening = 2024-03-13T14:05:00+09:00\n"
            "photo.end = 2024-03-13T14:05:10+09:00")
    log = ActualLog.read(text, REF)
    assert [e.line for e in log.events] == [2, 6]
    assert _codes(log) == [("log-syntax", "", 3), ("log-not-an-event", "", 4),
                           ("log-not-an-event", "", 5)]
    assert log.problems()[1].text("ko") == (
        "4행: 이벤트가 아닙니다. 로그의 한 줄은 ITEM.start = 2024-03-13T14:03:00+09:00 또는 "
        "ITEM.end = … 꼴입니다")


def test_a_log_that_contradicts_itself_gives_problems_like_any_agenda() -> None:
    text = ("photo.start = 2024-03-13T14:03:00+09:00\n"
            "photo.start = 2024-03-13T14:04:00+09:00\n"
            "greeting.start = 2024-03-13T14:09:00+09:00\n"
            "greeting.end = 2024-03-13T14:08:30+09:00\n"
            "coffee.start = 2024-03-13T14:10:00+09:00\n"
            "briefing.end = 2024-03-13T14:31:00+09:00\n"
            "briefing.end = 2024-03-13T14:32:00+09:00\n"
            "closing.start = 2024-03-14T14:57:00+09:00\n")
    log = ActualLog.read(text, REF)
    assert _codes(log) == [
        ("log-started-twice", "1", 2), ("log-end-before-start", "3", 4),
        ("log-unknown-item", "", 5), ("log-end-without-start", "5", 6),
        ("log-ended-twice", "5", 7), ("log-far-from-plan", "7", 8)]
    english = [p.text("en") for p in log.problems()]
    assert english[:3] == [
        'line 2: 1 "사진촬영": started twice: at 14:03 (line 1) and at 14:04',
        'line 4: 3 "차관 인사말씀": ends at 14:08:30, before it starts at 14:09',
        'line 5: no item of the agenda is "coffee"']
    assert english[5] == ('warning: line 8: 7 "차관 맺음말씀": started 2024-03-14 14:57 is 24 '
                          "hours from its planned time 14:57; is it the log of another day?")
    korean = log.problems()[0].text("ko")
    assert korean == '2행: 1 "사진촬영": 두 번 시작했습니다: 14:03 (1행)와(과) 14:04'
    assert [p.severity for p in log.problems()].count(Severity.WARNING) == 2
    with pytest.raises(agenda.InvalidLog) as raised:
        log.checked()
    assert len(raised.value.problems) == 6


def test_an_unknown_address_is_refused_with_the_candidates() -> None:
    with pytest.raises(agenda.AddressError, match="did you mean: 6 토론"):
        ActualLog(REF).started("토로", "14:30")


# -- the file: appended, never rewritten -------------------------------------------------
def test_append_line_adds_one_line_and_leaves_every_earlier_byte(tmp_path: Path) -> None:
    file = tmp_path / "m.log.toml"
    append_line(file, "a.start = 14:00:00\n", header="# head\n")
    first = file.read_bytes()
    append_line(file, "a.end = 14:05:00\n", header="# head\n")
    assert file.read_bytes() == first + b"a.end = 14:05:00\n"
    file.write_bytes(file.read_bytes() + b"b.start = 14:0")  # a torn last line
    torn = file.read_bytes()
    append_line(file, "b.start = 14:06:00\n")
    assert file.read_bytes() == torn + b"\nb.start = 14:06:00\n"
    with pytest.raises(ValueError, match="exactly one line"):
        append_line(file, "x.start = 14:00:00\ny.start = 14:00:00\n")


def test_concurrent_appenders_lose_no_line_and_tear_none(tmp_path: Path) -> None:
    file = tmp_path / "shared.log.toml"
    writer = ("import sys\nfrom agenda._io import append_line\n"
              "for k in range(200):\n"
              "    append_line(sys.argv[1], f'w{sys.argv[2]}-{k}.start = 14:00:00' + ' ' * 300"
              " + '\\n')\n")
    env = {"PYTHONPATH": str(ROOT / "src")}
    runs = [subprocess.Popen([sys.executable, "-c", writer, str(file), str(n)], env=env)
            for n in range(3)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0, 0]
    lines = file.read_text("utf-8").splitlines()
    assert sorted(lines) == sorted(f"w{n}-{k}.start = 14:00:00" + " " * 300
                                   for n in range(3) for k in range(200))


def test_the_log_is_kept_beside_the_spec() -> None:
    assert log_path("day/meeting.toml") == Path("day/meeting.log.toml")
    assert log_path("meeting.json") == Path("meeting.log.toml")


def test_the_example_rehearsal_log_reads_without_a_problem() -> None:
    meeting = agenda.load(EXAMPLES / "reference-meeting.toml")
    log = ActualLog.read((EXAMPLES / "rehearsal.log.toml").read_text("utf-8"), meeting)
    assert log.problems() == ()
    assert len(log.events) == 18


# -- agenda log ------------------------------------------------------------------------
@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "meeting.toml"
    path.write_bytes((EXAMPLES / "reference-meeting.toml").read_bytes())
    return path


def test_agenda_log_appends_and_reads_the_clock_when_no_time_is_given(
        spec: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["log", str(spec), "photo", "start", "--at", "14:03"])
    assert first.exit_code == 0, first.output
    assert first.stdout == f'기록: 1 "사진촬영" 14:03 시작 ({spec.with_name("meeting.log.toml")})\n'
    written = spec.with_name("meeting.log.toml").read_bytes()
    monkeypatch.setattr("agenda._cli.day.clock", lambda: dt.datetime(2024, 3, 13, 5, 5, 10,
                                                                 123456, tzinfo=dt.UTC))
    second = runner.invoke(cli, ["log", str(spec), "사진촬영", "end", "--lang", "en"])
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith('logged: 1 "사진촬영" ended at 14:05:10 (')
    after = spec.with_name("meeting.log.toml").read_bytes()
    assert after.startswith(written)
    assert after[len(written):] == "photo.end = 2024-03-13T14:05:10+09:00  # 1 사진촬영\n".encode()


def test_agenda_log_refuses_an_event_that_contradicts_the_log_and_writes_nothing(
        spec: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["log", str(spec), "greeting", "start", "--at", "14:08"]
                         ).exit_code == 0
    before = spec.with_name("meeting.log.toml").read_bytes()
    twice = runner.invoke(cli, ["log", str(spec), "3", "start", "--at", "14:09"])
    assert twice.exit_code == 1
    assert twice.stdout.endswith('3 "차관 인사말씀": 두 번 시작했습니다: 14:08 (2행)와(과) 14:09\n')
    early = runner.invoke(cli, ["log", str(spec), "3", "end", "--at", "14:07:59", "--lang",
                                "en"])
    assert early.exit_code == 1
    assert "ends at 14:07:59, before it starts at 14:08" in early.stdout
    assert spec.with_name("meeting.log.toml").read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (["nowhere", "start"], 'no item matches "nowhere"'),
    (["photo", "begin"], "'begin' is not one of 'start', 'end'"),
    (["photo", "start", "--at", "2pm"], "'2pm' is not a time like 14:03 or 14:03:30"),
    (["photo", "start", "--at", "24:00"], "'24:00' is not a time of day"),
])
def test_agenda_log_says_what_is_wrong_with_its_arguments(spec: Path, args: list[str],
                                                         message: str) -> None:
    result = CliRunner().invoke(cli, ["log", str(spec), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert not spec.with_name("meeting.log.toml").exists()


def test_agenda_log_on_a_log_it_cannot_write_exits_2(spec: Path) -> None:
    log = spec.with_name("meeting.log.toml")
    log.write_text("", encoding="utf-8")
    log.chmod(0o444)
    try:
        result = CliRunner().invoke(cli, ["log", str(spec), "photo", "start", "--at", "14:03"])
    finally:
        log.chmod(0o644)
    assert result.exit_code == 2  # even for root, as -o refuses such a file
    assert f"cannot write {log}: the file is read-only" in result.stderr
    assert log.read_text("utf-8") == ""


def test_agenda_log_keeps_old_problems_as_warnings_and_still_logs(spec: Path) -> None:
    log = spec.with_name("meeting.log.toml")
    log.write_text("coffee.start = 2024-03-13T14:00:00+09:00\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["log", str(spec), "photo", "start", "--at", "14:01"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f'{log}: 1행: 일정에 "coffee" 항목이 없습니다\n'
    assert log.read_text("utf-8").endswith(
        "photo.start = 2024-03-13T14:01:00+09:00  # 1 사진촬영\n")


def test_a_log_entry_written_in_python_equals_the_one_the_command_writes(spec: Path) -> None:
    CliRunner().invoke(cli, ["log", str(spec), "4.2", "start", "--at", "14:12:30"])
    meeting = agenda.load(spec)
    text = spec.with_name("meeting.log.toml").read_text("utf-8")
    assert ActualLog.read(text, meeting) == ActualLog(meeting).started("gangwon", "14:12:30")
    assert text == ActualLog(meeting).started("gangwon", "14:12:30").text()


def test_the_events_of_a_log_are_frozen_values() -> None:
    log = ActualLog(REF).started("photo", "14:03")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        log.events[0].at = _at(14, 4)  # type: ignore[misc]
