"""Timing invariants of `layout`, proved over random nested agendas in real zones."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import agenda
from agenda import InvalidAgenda, Item, Kind, Meeting, layout, share_slack
from strategies import flexible_meetings, meetings


def children_of(timetable: agenda.Timetable, number: str) -> list[agenda.Slot]:
    prefix = f"{number}."
    return [s for s in timetable if s.number.startswith(prefix)
            and "." not in s.number[len(prefix):]]


def siblings_groups(timetable: agenda.Timetable) -> list[list[agenda.Slot]]:
    groups: dict[str, list[agenda.Slot]] = {}
    for slot in timetable:
        parent = slot.number.rpartition(".")[0]
        groups.setdefault(parent, []).append(slot)
    return list(groups.values())


@given(meetings())
def test_each_slot_starts_where_its_previous_sibling_ends(meeting: Meeting) -> None:
    timetable = layout(meeting)
    for group in siblings_groups(timetable):
        for before, after in itertools.pairwise(group):
            assert after.start_utc == before.end_utc


@given(meetings())
def test_a_block_starts_with_its_first_child_and_ends_with_its_last(meeting: Meeting) -> None:
    timetable = layout(meeting)
    for slot in timetable:
        kids = children_of(timetable, slot.number)
        assert bool(kids) == slot.is_block
        if kids:
            assert kids[0].start_utc == slot.start_utc
            assert kids[-1].end_utc == slot.end_utc
            assert sum(k.minutes for k in kids) == slot.minutes
            if slot.item.minutes is not None:
                assert slot.minutes == slot.item.minutes


@given(meetings())
def test_durations_sum_to_the_meeting(meeting: Meeting) -> None:
    timetable = layout(meeting)
    top = list(timetable.top_level())
    assert top[0].start_utc == timetable.start_utc
    assert sum(s.minutes for s in top) == timetable.minutes
    if meeting.end is not None:
        assert timetable.end.time() == meeting.end


@given(meetings())
def test_order_is_kept(meeting: Meeting) -> None:
    timetable = layout(meeting)
    assert [s.item for s in timetable] == list(meeting.walk())
    starts = [s.start_utc for s in timetable]
    assert starts == sorted(starts)


@given(meetings())
def test_utc_instants_differ_by_exactly_the_durations(meeting: Meeting) -> None:
    """Across DST changes, elapsed time is the durations; wall clocks may jump."""
    timetable = layout(meeting)
    for slot in timetable:
        if slot.item.minutes is not None:
            assert slot.end_utc - slot.start_utc == slot.item.minutes * 60
        assert int(slot.start.timestamp()) == slot.start_utc
        assert slot.start.timezone_name == meeting.timezone
    first = timetable[0].start
    local = pendulum.datetime(meeting.date.year, meeting.date.month, meeting.date.day,
                              meeting.start.hour, meeting.start.minute, tz=meeting.timezone,
                              fold=0)
    assert first == local


@given(st.integers(1, 12), st.integers(1, 30), st.lists(st.integers(1, 30), max_size=3))
def test_an_equal_split_is_exact(n: int, each: int, fixed: list[int]) -> None:
    kids = [Item(f"p{k}") for k in range(n)] + [Item(f"f{k}", minutes=m)
                                                for k, m in enumerate(fixed)]
    block = Item("block", minutes=n * each + sum(fixed), items=kids)
    timetable = layout(Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", [block]))
    assert [s.minutes for s in timetable][1:n + 1] == [each] * n


@given(flexible_meetings())
def test_flexible_items_end_the_meeting_exactly_within_bounds(meeting: Meeting) -> None:
    timetable = layout(meeting)
    assert meeting.end is not None
    assert timetable.end.time() == meeting.end
    for slot in timetable:
        lo, hi = slot.item.min_minutes, slot.item.max_minutes
        if lo is not None:
            assert slot.minutes >= lo
        if hi is not None:
            assert slot.minutes <= hi


@given(st.lists(st.tuples(st.integers(1, 30), st.none() | st.integers(0, 30)), min_size=1,
                max_size=8), st.integers(0, 400))
def test_share_slack_fills_exactly_or_explains(raw: list[tuple[int, int | None]],
                                               total: int) -> None:
    bounds = [(lo, None if extra is None else lo + extra) for lo, extra in raw]
    result = share_slack(total, bounds)
    low = sum(lo for lo, _ in bounds)
    high = (sum(hi for _, hi in bounds if hi is not None)
            if all(hi is not None for _, hi in bounds) else None)
    if total < low or (high is not None and total > high):
        assert isinstance(result, str)
        assert str(total) in result
    else:
        assert not isinstance(result, str)
        assert sum(result) == total
        for got, (lo, hi) in zip(result, bounds, strict=True):
            assert got >= lo
            assert hi is None or got <= hi


def test_share_slack_is_proportional_to_lower_bounds() -> None:
    assert share_slack(30, [(10, None), (5, None)]) == [20, 10]
    assert share_slack(30, [(10, 12), (5, None)]) == [12, 18]


def seoul(*items: Item, end: dt.time | None = None, **kw: object) -> Meeting:
    return Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", items, end=end,
                   **kw)  # type: ignore[arg-type]


def test_fixed_time_break_may_leave_a_gap() -> None:
    timetable = layout(seoul(Item("a", minutes=20),
                             Item("lunch", minutes=30, at=dt.time(14, 30), kind=Kind.BREAK),
                             Item("b", minutes=10)))
    assert [s.start.format("HH:mm") for s in timetable] == ["14:00", "14:30", "15:00"]


def test_fixed_time_gap_ok_allows_a_gap() -> None:
    timetable = layout(seoul(Item("a", minutes=20),
                             Item("keynote", minutes=30, at=dt.time(14, 30), gap_ok=True)))
    assert timetable[1].start.format("HH:mm") == "14:30"


def test_flexible_item_fills_up_to_a_fixed_time() -> None:
    timetable = layout(seoul(Item("a", minutes=20), Item("q&a", min_minutes=5),
                             Item("keynote", minutes=30, at=dt.time(14, 45))))
    assert [s.minutes for s in timetable] == [20, 25, 30]


def test_fixed_time_after_midnight_is_the_next_day() -> None:
    meeting = Meeting("night", dt.date(2024, 3, 13), dt.time(23), "Asia/Seoul",
                      [Item("a", minutes=60), Item("b", minutes=30, at=dt.time(0, 0))])
    timetable = layout(meeting)
    assert timetable[1].start.isoformat() == "2024-03-14T00:00:00+09:00"


def test_dst_spring_forward_new_york() -> None:
    """01:30 EST + 60 min = 03:30 EDT: an hour of wall clock vanishes, not of meeting."""
    meeting = Meeting("m", dt.date(2024, 3, 10), dt.time(1, 30), "America/New_York",
                      [Item("a", minutes=60), Item("b", minutes=30)], end=dt.time(4, 0))
    timetable = layout(meeting)
    assert [s.start.isoformat() for s in timetable] == [
        "2024-03-10T01:30:00-05:00", "2024-03-10T03:30:00-04:00"]
    assert timetable.end.in_timezone("UTC").isoformat() == "2024-03-10T08:00:00+00:00"


def test_dst_fall_back_new_york_ends_after_it_starts() -> None:
    """00:30 EDT + 90 min = 01:00 EST: the wall clock says 01:00 < 01:30, but it is later."""
    meeting = Meeting("m", dt.date(2024, 11, 3), dt.time(0, 30), "America/New_York",
                      [Item("a", minutes=60), Item("b", minutes=30), Item("c", minutes=30)])
    timetable = layout(meeting)
    assert [s.start.format("HH:mm Z") for s in timetable] == [
        "00:30 -04:00", "01:30 -04:00", "01:00 -05:00"]
    assert all(s.end_utc > s.start_utc for s in timetable)
    # Same-tzinfo aware datetimes compare by wall clock (fold ignored): compare in UTC.
    assert timetable[2].start.in_timezone("UTC") > timetable[1].start.in_timezone("UTC")
    assert timetable[2].start_utc > timetable[1].start_utc


def test_ambiguous_start_is_a_warning_and_uses_the_first_occurrence() -> None:
    meeting = Meeting("m", dt.date(2024, 11, 3), dt.time(1, 30), "America/New_York",
                      [Item("a", minutes=30)])
    timetable = layout(meeting)
    assert [w.code for w in timetable.warnings] == ["ambiguous-time"]
    assert timetable.start.isoformat() == "2024-11-03T01:30:00-04:00"


def test_layout_raises_one_exception_with_every_problem() -> None:
    meeting = seoul(Item("", minutes=0), Item("b", minutes=-5), end=dt.time(15))
    with pytest.raises(InvalidAgenda) as caught:
        layout(meeting)
    codes = {p.code for p in caught.value.problems}
    assert {"empty-title", "non-positive-minutes", "short-of-end"} <= codes
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, agenda.AgendaError)


def test_flexible_items_before_a_break_take_their_maximum_and_leave_a_gap() -> None:
    timetable = layout(seoul(Item("a", min_minutes=5, max_minutes=10),
                             Item("lunch", minutes=30, at=dt.time(14, 30), kind=Kind.BREAK)))
    assert [s.minutes for s in timetable] == [10, 30]
    assert timetable[1].start_utc - timetable[0].end_utc == 20 * 60
    [warning] = timetable.warnings
    assert (warning.code, warning.severity, warning.number) == ("flexible-capped",
                                                                agenda.Severity.WARNING, "1")
    assert warning.message() == ('flexible items reach their max_minutes (10 min) and leave a '
                               '20 min gap before "lunch" at 14:30 that no item declares; '
                               "raise max_minutes or add an item for the gap")


def test_flexible_items_that_fill_the_window_before_a_break_are_not_warned() -> None:
    timetable = layout(seoul(Item("a", min_minutes=5, max_minutes=40),
                             Item("lunch", minutes=30, at=dt.time(14, 30), kind=Kind.BREAK)))
    assert [s.minutes for s in timetable] == [30, 30]
    assert timetable.warnings == ()


def _wall_clock_at(meeting: Meeting, utc: int) -> dt.time | None:
    """The wall-clock time of `utc` in the meeting's zone, when it names that instant
    unambiguously under the `at` rule (same day, or the next day before the start)."""
    local = pendulum.from_timestamp(utc, tz=meeting.timezone)
    wall = dt.time(local.hour, local.minute)
    day = meeting.date if wall >= meeting.start else meeting.date + dt.timedelta(days=1)
    if local.date() != day:
        return None
    try:
        again = pendulum.datetime(day.year, day.month, day.day, wall.hour, wall.minute,
                                  tz=meeting.timezone, raise_on_unknown_times=True)
    except ValueError:
        return None
    return wall if int(again.timestamp()) == utc else None


@given(meetings(with_end=False), st.data(), st.integers(0, 45))
def test_a_fixed_time_is_honoured_and_later_items_follow(meeting: Meeting,
                                                         data: st.DataObject,
                                                         gap: int) -> None:
    assume(len(meeting.items) >= 2)
    before = layout(meeting)
    top = list(before.top_level())
    index = data.draw(st.integers(1, len(top) - 1))
    target = top[index].start_utc + gap * 60
    wall = _wall_clock_at(meeting, target)
    assume(wall is not None)
    fixed = attrs.evolve(meeting.items[index], at=wall, kind=Kind.BREAK)
    after = layout(attrs.evolve(
        meeting, items=(*meeting.items[:index], fixed, *meeting.items[index + 1:])))
    shifted = list(after.top_level())
    assert shifted[index].start_utc == target
    for old, new in zip(top, shifted, strict=True):
        moved = gap * 60 if int(old.number) > index else 0
        assert new.start_utc == old.start_utc + moved
        assert new.minutes == old.minutes


@given(meetings(with_end=False), st.data(), st.integers(1, 30))
def test_a_fixed_time_before_the_previous_end_is_an_overlap(meeting: Meeting,
                                                            data: st.DataObject,
                                                            early: int) -> None:
    assume(len(meeting.items) >= 2)
    top = list(layout(meeting).top_level())
    index = data.draw(st.integers(1, len(top) - 1))
    assume(top[index - 1].minutes > early)
    wall = _wall_clock_at(meeting, top[index].start_utc - early * 60)
    assume(wall is not None)
    fixed = attrs.evolve(meeting.items[index], at=wall)
    broken = attrs.evolve(
        meeting, items=(*meeting.items[:index], fixed, *meeting.items[index + 1:]))
    found = [p for p in agenda.validate(broken) if p.code == "overlap"]
    assert [p.number for p in found] == [str(index + 1)]
    assert f"{early} min overlap" in found[0].message()
