"""running_late: started items keep their times; the delay is absorbed in order, or
the overrun is reported exactly."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import EditError, Item, Kind, Meeting, layout, running_late
from strategies import meetings

REF = agenda.reference_meeting()


@given(meetings(with_end=True), st.data())
def test_started_items_keep_their_times_and_the_overrun_is_exact(
        meeting: Meeting, data: st.DataObject) -> None:
    planned = layout(meeting)
    leaves = [s for s in planned if not s.is_block]
    now = data.draw(st.sampled_from([s.start_utc for s in leaves]))
    late_by = data.draw(st.integers(0, 90))
    pending = [s for s in leaves if s.start_utc >= now]
    givers = data.draw(st.lists(st.sampled_from(pending), max_size=3, unique_by=lambda s: s.path))
    moment = dt.datetime.fromtimestamp(now, dt.UTC)
    try:
        result = running_late(meeting, moment, late_by=late_by,
                              absorb=[s.number for s in givers])
    except EditError as exc:  # a new time that a wall clock cannot name, for example
        assert "repeated hour" in str(exc) or "another day" in str(exc)
        return
    after = {s.path: s for s in result.timetable}
    for slot in leaves:
        if slot.start_utc < now:
            assert (after[slot.path].start_utc, after[slot.path].end_utc) == (
                slot.start_utc, slot.end_utc)
    room = sum(s.minutes - 1 for s in givers)
    assert result.overrun == max(0, late_by - room)
    assert result.holds == (late_by <= room)
    assert sum(c.minutes for c in result.cuts) == min(late_by, room)
    assert after[pending[0].path].start_utc == pending[0].start_utc + late_by * 60
    assert not [p for p in agenda.validate(result.meeting)
                if p.severity is agenda.Severity.ERROR]
    slots = list(result.timetable)
    for k, slot in enumerate(slots[:-1]):  # a block starts with its first item
        if slot.is_block:
            assert slots[k + 1].start_utc == slot.start_utc


def test_ten_minutes_late_the_discussion_absorbs_and_the_end_holds() -> None:
    result = running_late(REF, "14:00", late_by=10, absorb=["discussion"])
    times = {s.title: (f"{s.start:HH:mm}", s.minutes) for s in result.timetable}
    assert times["사진촬영"] == ("14:10", 2)
    assert times["토론"] == ("14:42", 15)
    assert result.timetable.end.format("HH:mm") == "15:00"
    assert result.holds and result.overrun == 0
    assert [(c.title, c.planned_minutes, c.new_minutes) for c in result.cuts] == [
        ("토론", 25, 15)]
    assert result.meeting.start == dt.time(14, 10)
    assert "토론: 25 → 15 min (10 min cut)" in result.summary("en")
    assert "예정된 종료 시각을 지킵니다" in result.summary("ko")


def test_a_late_item_that_opens_a_block_moves_the_block_with_it() -> None:
    result = running_late(REF, "14:07", late_by=5, absorb=["discussion"])
    block, busan = result.timetable.by_number("4"), result.timetable.by_number("4.1")
    assert (f"{block.start:HH:mm}", block.minutes) == ("14:12", 20)  # not 14:07, 25 min
    assert busan.start == block.start
    assert result.meeting.items[3].at == dt.time(14, 12)


def test_forty_minutes_late_reports_the_overrun() -> None:
    result = running_late(REF, "14:00", late_by=40, absorb=["discussion"])
    assert not result.holds
    assert result.overrun == 16  # the discussion gives 24 of its 25 minutes
    assert result.overall.over == 16
    assert result.timetable.end.format("HH:mm") == "15:16"
    assert result.meeting.end == dt.time(15, 16)
    block = next(b for b in result.blocks if b.path == ("regional-reports",))
    assert (block.planned_end.format("HH:mm"), block.new_end.format("HH:mm"), block.over) == (
        "14:27", "15:07", 40)
    assert "overruns its planned end by 16 min" in result.summary("en")
    assert "16분 늦게" in result.summary("ko")


def test_a_minimum_limits_what_the_discussion_gives() -> None:
    floor = attrs.evolve(REF, items=tuple(
        attrs.evolve(i, min_minutes=15) if i.id == "discussion" else i for i in REF.items))
    result = running_late(floor, "14:00", late_by=40, absorb=["discussion"])
    assert result.overrun == 30


def test_mid_meeting_the_running_presentation_keeps_its_time() -> None:
    result = running_late(REF, "14:18", late_by=5, absorb=["discussion"])
    times = {s.title: f"{s.start:HH:mm}-{s.end:HH:mm}" for s in result.timetable}
    assert times["충북"] == "14:17-14:22"  # started at 14:17: unchanged
    assert times["전남"] == "14:27-14:32"
    assert times["토론"] == "14:37-14:57"
    assert result.holds


def test_a_fixed_lunch_takes_the_delay_in_its_gap_first() -> None:
    day = Meeting("board", dt.date(2024, 5, 20), dt.time(10, 0), "Asia/Seoul", (
        Item("reports", minutes=50),
        Item("lunch", minutes=60, at=dt.time(11, 0), kind=Kind.BREAK),
        Item("votes", minutes=30),
        Item("coffee", minutes=15, min_minutes=5, kind=Kind.BREAK),
        Item("discussion", minutes=45, id="discussion"),
    ), end=dt.time(13, 30))
    gap = running_late(day, "10:00", late_by=5)
    assert {s.title: f"{s.start:HH:mm}" for s in gap.timetable}["lunch"] == "11:00"
    assert gap.holds and not gap.cuts
    pushed = running_late(day, "10:00", late_by=25, absorb=["discussion"])
    times = {s.title: (f"{s.start:HH:mm}", s.minutes) for s in pushed.timetable}
    assert times["lunch"] == ("11:15", 60)  # 10 of the 25 minutes fit in the gap
    assert times["coffee"] == ("12:45", 5)  # the break shrinks before the discussion
    assert times["discussion"] == ("12:50", 40)
    assert pushed.holds


def test_nothing_left_to_retime_is_an_error() -> None:
    with pytest.raises(EditError, match="nothing is left"):
        running_late(REF, "14:58", late_by=5)
    with pytest.raises(EditError, match="exactly one"):
        running_late(REF, "14:00")


# -- what --at names -------------------------------------------------------------------
NIGHT = Meeting("night session", dt.date(2024, 3, 13), dt.time(23, 0), "Asia/Seoul", (
    Item("one", minutes=40), Item("two", minutes=40),
    Item("discussion", minutes=40, id="discussion")), end=dt.time(1, 0))


def test_a_time_after_midnight_is_after_the_start_of_a_meeting_from_23_to_01() -> None:
    result = running_late(NIGHT, "00:10", late_by=5, absorb=["discussion"])
    times = {s.title: f"{s.start:HH:mm}" for s in result.timetable}
    assert times == {"one": "23:00", "two": "23:40", "discussion": "00:25"}  # held: kept
    assert [(c.title, c.new_minutes) for c in result.cuts] == [("discussion", 35)]
    same = running_late(NIGHT, "2024-03-14T00:10", late_by=5, absorb=["discussion"])
    assert same.meeting == result.meeting


def test_a_date_time_names_a_moment_on_the_second_day_and_the_summary_names_it() -> None:
    two_days = Meeting("two days", dt.date(2024, 5, 20), dt.time(9, 0), "Asia/Seoul", days=[
        agenda.Day(dt.date(2024, 5, 20), dt.time(9, 0), (
            Item("talk", minutes=120), Item("wrap", minutes=60, id="wrap-1")),
            end=dt.time(12, 0)),
        agenda.Day(dt.date(2024, 5, 21), dt.time(23, 0), (
            Item("night talk", minutes=60), Item("night wrap", minutes=60, id="wrap-2")),
            end=dt.time(1, 0))])
    result = running_late(two_days, "2024-05-21T23:10", late_by=5, absorb=["wrap-2"])
    assert result.day == 1
    assert result.meeting.days[0] == two_days.days[0]
    assert [(c.title, c.new_minutes) for c in result.cuts] == [("night wrap", 55)]
    summary = result.summary("en").splitlines()
    assert summary[0] == ("Meeting, day 2 (2024-05-21): ends 2024-05-22 01:00 → "
                          "2024-05-22 01:00 (on time)")
    assert result.summary("ko").startswith("회의 2일차 (2024-05-21): 종료 2024-05-22 01:00")
    first = running_late(two_days, "10:00", late_by=5, absorb=["wrap-1"])
    assert first.day == 0 and first.summary("en").startswith("Meeting, day 1 (2024-05-20)")


def test_a_one_day_summary_names_its_date() -> None:
    result = running_late(REF, "14:00", late_by=10, absorb=["discussion"])
    assert result.summary("en").splitlines()[0] == (
        "Meeting (2024-03-13): ends 15:00 → 15:00 (on time)")
    assert result.summary("ko").splitlines()[0] == (
        "회의 전체 (2024-03-13): 종료 15:00 → 15:00 (정시)")


FALL_BACK = Meeting("fall back", dt.date(2024, 11, 3), dt.time(0, 30), "America/New_York", (
    Item("one", minutes=60), Item("two", minutes=60),
    Item("discussion", minutes=90, id="discussion")), end=dt.time(3, 0))


def test_the_repeated_hour_is_refused_without_its_offset() -> None:
    for now in ("01:30", "2024-11-03T01:30"):
        with pytest.raises(EditError) as caught:
            running_late(FALL_BACK, now, late_by=5, absorb=["discussion"])
        assert caught.value.code == "repeated-moment"
        assert caught.value.facts["first"] == "2024-11-03T01:30-04:00"
        assert caught.value.facts["second"] == "2024-11-03T01:30-05:00"
        assert "give its UTC offset" in str(caught.value)
        assert "UTC 오프셋" in caught.value.text("ko")
    first_pass = running_late(FALL_BACK, "01:30-04:00", late_by=5, absorb=["discussion"])
    assert [s.start.format("HH:mm zz") for s in first_pass.timetable] == [
        "00:30 EDT", "01:35 EDT", "01:35 EST"]  # "two" starts 01:30 EDT: 5 min late
    with pytest.raises(EditError) as elsewhere:  # Seoul's offset is no New York time
        running_late(FALL_BACK, "01:30+09:00", late_by=5)
    assert elsewhere.value.code == "offset-not-in-zone"


def test_a_skipped_wall_time_is_refused() -> None:
    spring = attrs.evolve(FALL_BACK, date=dt.date(2024, 3, 10), end=None)
    with pytest.raises(EditError) as caught:
        running_late(spring, "02:30", late_by=5)
    assert caught.value.code == "skipped-moment"
    assert "does not exist in America/New_York" in str(caught.value)


def test_after_the_end_the_refusal_gives_the_date_of_the_moment() -> None:
    with pytest.raises(EditError) as caught:  # 13:50 next comes on the next day
        running_late(REF, "13:50", late_by=5)
    assert caught.value.code == "nothing-left"
    assert "every item has started by 2024-03-14 13:50" in str(caught.value)


def test_a_late_summary_in_an_unknown_language_is_refused() -> None:
    meeting = agenda.reference_meeting()
    start = agenda.layout(meeting).start
    result = agenda.running_late(meeting, start, late_by=10, absorb=["discussion"])
    with pytest.raises(agenda.UnknownLanguage):
        result.summary("fr")


def test_absorb_given_as_one_string_is_one_item_not_its_letters() -> None:
    one = running_late(REF, "14:00", late_by=10, absorb="discussion")
    assert one.meeting == running_late(REF, "14:00", late_by=10, absorb=["discussion"]).meeting
    assert [c.title for c in one.cuts] == ["토론"]
    with pytest.raises(EditError, match='no item matches "nowhere"'):
        running_late(REF, "14:00", late_by=10, absorb="nowhere")
