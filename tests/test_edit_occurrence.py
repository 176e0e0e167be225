"""Edits of one occurrence of a series: the change becomes that date's override, and the
rest of the series is left alone (examples and a property); edits of an agenda that
already has problems."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import agenda
from agenda import EditError, InvalidEdit, Item, Meeting, NotAnOccurrence, Override, layout
from strategies import series_meetings

KST = dt.timezone(dt.timedelta(hours=9))


def weekly(*overrides: Override) -> Meeting:
    """23 Mondays from 2025-03-03, 10:00 to 11:00; the discussion absorbs the slack."""
    return Meeting("주간회의", dt.date(2025, 3, 3), dt.time(10), "Asia/Seoul",
                   [Item("추진 현황", minutes=35, id="progress"),
                    Item("토론", min_minutes=10, id="discussion")],
                   end=dt.time(11), repeat="FREQ=WEEKLY;COUNT=23", id="weekly",
                   overrides=overrides)


def times(meeting: Meeting, day: str) -> list[tuple[str, str, str]]:
    table = layout(agenda.occurrence_on(meeting, day))
    return [(s.title, s.start.format("HH:mm"), s.end.format("HH:mm")) for s in table]


def test_running_late_on_a_series_retimes_only_the_occurrence_of_that_date() -> None:
    """The date-time names the occurrence (it used to read as the first date, where
    every item had long started)."""
    result = agenda.running_late(weekly(), dt.datetime(2025, 4, 7, 10, 0, tzinfo=KST),
                                 late_by=12, absorb=["discussion"])
    assert result.on == dt.date(2025, 4, 7) and result.holds
    assert times(result.meeting, "2025-04-07") == [("추진 현황", "10:12", "10:47"),
                                                   ("토론", "10:47", "11:00")]
    assert [o.date.isoformat() for o in result.meeting.overrides] == ["2025-04-07"]
    for other in ("2025-03-31", "2025-04-14", "2025-08-04"):
        assert times(result.meeting, other) == times(weekly(), other)
    assert attrs.evolve(result.meeting, overrides=()) == weekly()  # the rule is untouched
    assert result.summary("en").splitlines()[0] == (
        "only the occurrence of 2025-04-07 changes (its [[overrides]] entry)")


def test_running_late_on_takes_a_wall_clock_time_with_the_date() -> None:
    by_date = agenda.running_late(weekly(), "10:00", late_by=12, absorb=["discussion"],
                                  on="2025-04-07")
    by_moment = agenda.running_late(weekly(), "2025-04-07T10:00+09:00", late_by=12,
                                    absorb=["discussion"])
    assert by_date.meeting == by_moment.meeting


def test_running_late_on_a_series_without_a_date_is_refused() -> None:
    with pytest.raises(EditError, match="is a repeating meeting; name the occurrence"):
        agenda.running_late(weekly(), dt.time(10), late_by=12)


def test_running_late_on_a_date_the_series_does_not_hold_names_the_nearest() -> None:
    with pytest.raises(NotAnOccurrence, match="the nearest: 2025-04-07 and 2025-04-14"):
        agenda.running_late(weekly(), "10:00", late_by=5, on="2025-04-09")


def test_an_edit_of_one_occurrence_writes_its_override_and_leaves_the_series() -> None:
    edited = agenda.resize(weekly(), "discussion", 15, absorb="end", on="2025-04-14")
    [override] = edited.overrides
    assert override.date == dt.date(2025, 4, 14) and override.end == dt.time(10, 50)
    assert times(edited, "2025-04-14")[-1] == ("토론", "10:35", "10:50")
    assert times(edited, "2025-04-21") == times(weekly(), "2025-04-21")
    assert attrs.evolve(edited, overrides=()) == weekly()


def test_a_second_edit_of_an_occurrence_updates_its_override() -> None:
    late = agenda.running_late(weekly(), "10:00", late_by=12, absorb=["discussion"],
                               on="2025-04-07").meeting
    moved = agenda.move(late, "discussion", before="progress", on="2025-04-07")
    assert [o.date.isoformat() for o in moved.overrides] == ["2025-04-07"]
    assert times(moved, "2025-04-07") == [("토론", "10:12", "10:25"),
                                          ("추진 현황", "10:25", "11:00")]


def test_an_occurrence_edited_back_to_the_series_loses_its_override() -> None:
    shorter = agenda.resize(weekly(), "discussion", 15, absorb="end", on="2025-04-14")
    back = agenda.resize(shorter, "discussion", 25, absorb="end", on="2025-04-14")
    assert back == weekly()


def test_overrides_stay_in_date_order() -> None:
    meeting = weekly(Override("2025-03-10", start="11:00"), Override("2025-05-05",
                                                                     start="14:00"))
    edited = agenda.shift(meeting, by=30, on="2025-04-07")
    assert [o.date.isoformat() for o in edited.overrides] == [
        "2025-03-10", "2025-04-07", "2025-05-05"]


def test_an_edit_of_an_occurrence_keeps_its_date() -> None:
    with pytest.raises(EditError) as caught:
        agenda.shift(weekly(), to="2025-04-08T10:00", on="2025-04-07")
    assert caught.value.reason == ("an occurrence keeps its date (2025-04-07); to hold it on "
                                   "2025-04-08, skip 2025-04-07 and add 2025-04-08 as an "
                                   "extra date")


def test_an_edit_of_an_occurrence_that_breaks_it_is_refused_with_its_problem() -> None:
    with pytest.raises(InvalidEdit) as caught:
        agenda.resize(weekly(), "progress", 55, on="2025-04-14")
    assert [p.code for p in caught.value.problems] == ["flexible-infeasible"]
    assert caught.value.problems[0].number.startswith("2025-04-14 ")


def test_on_of_a_meeting_that_does_not_repeat_is_its_date() -> None:
    single = attrs.evolve(weekly(), repeat=None)
    assert agenda.resize(single, "discussion", 15, absorb="end", on="2025-03-03") == (
        agenda.resize(single, "discussion", 15, absorb="end"))
    with pytest.raises(NotAnOccurrence):
        agenda.resize(single, "discussion", 15, absorb="end", on="2025-03-10")


@given(series_meetings(), st.data())
def test_an_occurrence_edit_changes_that_occurrence_alone(meeting: Meeting,
                                                          data: st.DataObject) -> None:
    dates = [start.date() for start, _ in agenda.occurrences(meeting, limit=8)]
    day = data.draw(st.sampled_from(dates))
    minutes = data.draw(st.integers(-30, 30).filter(bool))
    try:
        edited = agenda.shift(meeting, by=minutes, on=day)
    except EditError as exc:  # e.g. a start moved onto another day or into a DST gap
        assume(False)
        raise AssertionError from exc  # not reached
    held = agenda.shift(agenda.occurrence_on(meeting, day), by=minutes)
    assert layout(agenda.occurrence_on(edited, day)).start_utc == layout(held).start_utc
    assert [(s.path, s.start_utc, s.end_utc) for s in layout(agenda.occurrence_on(
        edited, day))] == [(s.path, s.start_utc, s.end_utc) for s in layout(held)]
    for other in dates:
        if other != day:
            assert layout(agenda.occurrence_on(edited, other)).start_utc == layout(
                agenda.occurrence_on(meeting, other)).start_utc
    assert attrs.evolve(edited, overrides=()) == attrs.evolve(meeting, overrides=())


# -- an agenda that already has problems -----------------------------------------------
def clash() -> Meeting:
    """Room R1 double-booked: the audit runs in R1 at the same time as the budget."""
    return Meeting("Board", dt.date(2025, 3, 3), dt.time(10), "Asia/Seoul", [
        Item("Sessions", parallel=True, items=[
            Item("A", items=[Item("Budget", minutes=30, room="R1", id="a1")]),
            Item("B", items=[Item("Audit", minutes=30, room="R1", id="b1"),
                             Item("Warm-up", minutes=30, room="R2", id="b0")])])],
        language="en")


def test_an_edit_that_fixes_a_double_booking_is_allowed() -> None:
    assert [p.code for p in agenda.validate(clash())] == ["room-conflict"]
    fixed = agenda.move(clash(), "b1", after="b0")
    assert agenda.validate(fixed) == ()


def test_an_edit_of_an_invalid_agenda_that_leaves_its_problem_is_allowed() -> None:
    shorter = agenda.resize(clash(), "b0", 20)
    assert [p.code for p in agenda.validate(shorter)] == ["room-conflict"]


def test_an_edit_that_adds_a_problem_to_an_invalid_agenda_names_only_the_new_one() -> None:
    coffee = Item("Coffee", minutes=30, room="R2", id="coffee")
    with pytest.raises(InvalidEdit) as caught:  # R2 is the warm-up's from 10:30
        agenda.insert(clash(), coffee, after="a1")
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("room-conflict", ("b0",))]  # not the audit's conflict, which it had


def test_an_occurrence_with_its_own_items_keeps_its_end_when_the_series_changes() -> None:
    """A late Monday's override took the series' end; shifting the series afterwards
    moved that end and broke the day that was already held (found by tests/test_life.py).
    """
    late = agenda.running_late(weekly(), "10:00", late_by=12, absorb=["discussion"],
                               on="2025-04-07").meeting
    [override] = late.overrides
    assert override.end == dt.time(11) and override.items is not None
    earlier = agenda.shift(late, by=-5)
    assert times(earlier, "2025-04-07") == times(late, "2025-04-07")
    assert times(earlier, "2025-04-14")[0] == ("추진 현황", "09:55", "10:30")
