"""The rest of the day from the log: `late_from_log` and `agenda late --from-log`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, reject
from hypothesis import strategies as st

import agenda
from agenda import ActualLog, EditError, Meeting, late_from_log, layout
from agenda.cli import cli
from conftest import EXAMPLES
from strategies import actual_logs, meetings

REF = agenda.reference_meeting()


@given(meetings(with_end=True), st.data())
def test_started_items_keep_their_times_and_the_end_holds_whenever_the_absorbers_allow(
        meeting: Meeting, data: st.DataObject) -> None:
    log, happened = data.draw(actual_logs(meeting, leave_some=True))
    planned = layout(meeting)
    leaves = [s for s in planned if not s.is_block]
    pending = leaves[len(happened):]
    givers = data.draw(st.lists(st.sampled_from(pending), max_size=3,
                                unique_by=lambda s: s.path))
    try:
        found = late_from_log(log, absorb=[s.number for s in givers])
    except EditError as exc:  # a new time that a wall clock cannot name
        assert "repeated hour" in str(exc) or "another day" in str(exc)
        reject()
    last = happened[-1]
    latest = last.end if last.end is not None else last.start + last.slot.minutes * 60
    delay = max(0, -(-(latest - pending[0].start_utc) // 60) * 60)
    after = {s.path: s for s in found.result.timetable}
    for slot in leaves[:len(happened)]:  # never moves an item that has started
        assert (after[slot.path].start_utc, after[slot.path].end_utc) == (
            slot.start_utc, slot.end_utc)
    assert after[pending[0].path].start_utc == pending[0].start_utc + delay
    assert found.first.path == pending[0].path and found.moved == (delay > 0)
    assert found.running == (last.end is None)
    room = sum(s.minutes - 1 for s in givers)
    assert found.result.holds == (delay // 60 <= room)  # the declared end, when it can
    assert found.result.overrun == max(0, delay // 60 - room)
    if delay == 0:
        assert found.result.meeting == meeting  # running early moves nothing
    assert not [p for p in agenda.validate(found.result.meeting)
                if p.severity is agenda.Severity.ERROR]


def _rehearsal(until: int) -> ActualLog:
    """The first `until` events of the example rehearsal."""
    log = ActualLog.read((EXAMPLES / "rehearsal.log.toml").read_text("utf-8"), REF)
    return ActualLog(REF, log.events[:until])


def test_an_item_that_ended_late_pushes_the_rest_and_the_discussion_absorbs() -> None:
    found = late_from_log(_rehearsal(6), absorb=["discussion"])  # greeting ended 14:11:40
    assert (found.basis.path, found.running) == (("greeting",), False)
    assert (found.first.number, f"{found.moment:%H:%M}") == ("4.1", "14:12")
    times = {s.number: (f"{s.start:HH:mm}", s.minutes) for s in found.result.timetable}
    assert times["1"] == ("14:00", 2) and times["3"] == ("14:04", 3)  # as planned
    assert times["4.1"] == ("14:12", 5) and times["6"] == ("14:37", 20)
    assert found.result.holds
    assert found.note("en", "m.log.toml") == (
        "re-timed from the actual times of m.log.toml",
        '3 "차관 인사말씀" ended at 14:11:40 (line 10); so the rest of the day starts at '
        '14:12 with 4.1 "부산"')


def test_a_running_item_is_expected_to_take_its_planned_minutes() -> None:
    found = late_from_log(_rehearsal(7))  # Busan started 14:11:40 and runs
    assert found.running and found.basis_slot.number == "4.1"
    assert (found.first.number, f"{found.moment:%H:%M}") == ("4.2", "14:17")
    assert not found.result.holds and found.result.overrun == 5
    assert found.note("ko")[1] == (
        '4.1 "부산" 14:11:40 시작 (11행), 예정대로 5분 진행하면 14:16:40 종료. 남은 일정은 '
        '14:17에 4.2 "강원"부터 시작합니다')


def test_a_block_logged_as_a_whole_runs_as_a_whole() -> None:
    log = ActualLog(REF).started("photo", "14:00").ended("greeting", "14:07").started(
        "regional-reports", "14:09")
    found = late_from_log(log, absorb=["discussion"])
    assert found.basis_slot.number == "4" and found.running
    assert (found.first.number, f"{found.moment:%H:%M}") == ("5", "14:29")


def test_a_meeting_running_early_keeps_the_announced_times() -> None:
    found = late_from_log(ActualLog(REF).started("photo", "14:00").ended("photo", "14:01"))
    assert not found.moved and found.result.meeting == REF
    assert found.note("en")[1].endswith('before 2 "개회 및 참석자 소개" is planned (14:02): '
                                        "nothing moved")


@pytest.mark.parametrize(("log", "reason"), [
    (ActualLog(REF), "the log holds no actual time yet"),
    (ActualLog(REF).started("closing", "14:58"), "every item has started"),
])
def test_nothing_to_retime_is_an_error(log: ActualLog, reason: str) -> None:
    with pytest.raises(EditError, match=reason):
        late_from_log(log)


def test_a_contradictory_log_is_refused_with_its_problems() -> None:
    log = ActualLog(REF).started("photo", "14:03").started("photo", "14:04")
    with pytest.raises(agenda.InvalidLog) as raised:
        late_from_log(log)
    assert [p.code for p in raised.value.problems] == ["log-started-twice"]


# -- agenda late --from-log -------------------------------------------------------------
@pytest.fixture
def day(tmp_path: Path) -> Path:
    spec = tmp_path / "meeting.toml"
    spec.write_bytes((EXAMPLES / "reference-meeting.toml").read_bytes())
    lines = (EXAMPLES / "rehearsal.log.toml").read_text("utf-8").splitlines(keepends=True)
    events = [line for line in lines if not line.startswith("#")]
    (tmp_path / "meeting.log.toml").write_text("".join(events[:6]), encoding="utf-8")
    return spec


def test_late_from_log_writes_the_spec_saying_which_actual_times_it_used(day: Path) -> None:
    runner = CliRunner()
    out = day.with_name("now.toml")
    result = runner.invoke(cli, ["late", str(day), "--from-log", "--absorb", "discussion",
                                 "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert text.splitlines()[:2] == [
        "# agenda late --from-log: re-timed from the actual times of meeting.log.toml",
        '#   3 "차관 인사말씀" ended at 14:11:40 (line 6); so the rest of the day starts at '
        '14:12 with 4.1 "부산"']
    assert text.splitlines()[2] == "# The reference meeting: a 60-minute policy consultation "\
        "in Asia/Seoul."  # the user's own comments stay
    assert result.stderr.splitlines()[-1] == "the planned end still holds"
    new = layout(agenda.load(out))
    assert [f"{s.start:HH:mm}" for s in new][:5] == ["14:00", "14:02", "14:04", "14:12", "14:12"]
    # Once more, into the same file: its note is replaced, not added to.
    (day.with_name("meeting.log.toml")).write_text(
        day.with_name("meeting.log.toml").read_text("utf-8")
        + "busan.start = 2024-03-13T14:12:00+09:00\n", encoding="utf-8")
    again = runner.invoke(cli, ["late", str(out), "--from-log", "--log",
                                str(day.with_name("meeting.log.toml")), "--in-place"])
    assert again.exit_code == 0, again.output
    text = out.read_text("utf-8")
    assert text.count("# agenda late --from-log") == 1
    assert '4.1 "부산" 14:12 시작 (7행), 예정대로 5분 진행하면 14:17 종료' in text


def test_late_from_log_on_a_json_spec_says_it_on_standard_error(day: Path) -> None:
    spec = day.with_name("meeting.json")
    spec.write_text(agenda.dump_json(REF), encoding="utf-8")
    result = CliRunner().invoke(cli, ["late", str(spec), "--from-log", "--absorb",
                                      "discussion"])
    assert result.exit_code == 0, result.output
    assert agenda.loads(result.stdout, "json").items[3].at == dt.time(14, 12)
    assert result.stderr.splitlines()[:2] == [
        "meeting.log.toml의 실제 시각으로 다시 잡은 일정",
        '3 "차관 인사말씀" 14:11:40 종료 (6행). 남은 일정은 14:12에 4.1 "부산"부터 시작합니다']


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--from-log", "--at", "14:00"], 2, "give no --at or --by"),
    (["--at", "14:00"], 2, "give --at and --by, or --from-log"),
    (["--at", "14:00", "--by", "5", "--log", "x.log.toml"], 2, "--log goes with --from-log"),
    (["--from-log", "--log", "missing.log.toml"], 2, "there is no log yet"),
])
def test_late_from_log_usage(day: Path, args: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(cli, ["late", str(day), *args])
    assert result.exit_code == code
    assert message in result.output


def test_late_from_log_with_a_contradictory_log_prints_its_problems_and_exits_1(
        day: Path) -> None:
    log = day.with_name("meeting.log.toml")
    log.write_text(log.read_text("utf-8") + "photo.start = 2024-03-13T14:20:00+09:00\n",
                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["late", str(day), "--from-log", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout == (f'{log}: line 7: 1 "사진촬영": started twice: at 14:03 (line 1) '
                             "and at 14:20\n")


def test_late_from_log_when_every_item_has_started_is_refused_with_exit_2(day: Path) -> None:
    log = day.with_name("meeting.log.toml")
    log.write_text("closing.start = 2024-03-13T14:58:00+09:00\n", encoding="utf-8")
    before = day.read_bytes()
    result = CliRunner().invoke(cli, ["late", str(day), "--from-log", "--in-place"])
    assert result.exit_code == 2
    assert result.stderr == ('error: 모든 항목이 이미 시작했습니다 (로그가 "7 차관 맺음말씀"까지 '
                             "있습니다). 다시 맞출 항목이 없습니다\n")
    assert day.read_bytes() == before


def test_the_moment_is_rounded_up_to_the_minute() -> None:
    log = ActualLog(REF).started("photo", dt.time(14, 0)).ended("photo", dt.time(14, 2, 1))
    found = late_from_log(log)
    assert f"{found.moment:%H:%M:%S}" == "14:03:00" and found.result.late_by == 1
