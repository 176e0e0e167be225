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


def test_absorb_given_as_one_string_is_one_item_not_its_letters() -> None:
    one = running_late(REF, "14:00", late_by=10, absorb="discussion")
    assert one.meeting == running_late(REF, "14:00", late_by=10, absorb=["discussion"]).meeting
    assert [c.title for c in one.cuts] == ["토론"]
    with pytest.raises(EditError, match='no item matches "nowhere"'):
        running_late(REF, "14:00", late_by=10, absorb="nowhere")
