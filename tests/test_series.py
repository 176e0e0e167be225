"""Repeating meetings: the rule is checked, expanded in wall-clock time, and exported."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import itertools
import json

import attrs
import icalendar
import pendulum
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import Item, Meeting, UnboundedRepeat, from_ics, layout, occurrences, to_ics, validate
from agenda.cli import cli
from conftest import EXAMPLES
from strategies import meetings, series_meetings

T0 = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)


@functools.cache
def council() -> Meeting:
    """The reference meeting as the periodic council: the second Wednesday, six times."""
    return attrs.evolve(agenda.reference_meeting(), repeat="FREQ=MONTHLY;BYDAY=2WE;COUNT=6")


def second_wednesdays(year: int, month: int, count: int) -> list[dt.date]:
    out = []
    while len(out) < count:
        weeks = calendar.Calendar().monthdatescalendar(year, month)
        wednesdays = [d for week in weeks for d in week
                      if d.weekday() == calendar.WEDNESDAY and d.month == month]
        out.append(wednesdays[1])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def test_the_council_meets_on_six_second_wednesdays_at_two() -> None:
    found = occurrences(council())
    assert [start.date() for start, _ in found] == second_wednesdays(2024, 3, 6)
    assert all((s.format("HH:mm"), e.format("HH:mm")) == ("14:00", "15:00") for s, e in found)
    assert all(s.timezone_name == "Asia/Seoul" for s, _ in found)


def test_a_single_meeting_has_one_occurrence() -> None:
    timetable = layout(agenda.reference_meeting())
    assert occurrences(agenda.reference_meeting()) == [(timetable.start, timetable.end)]


@given(meetings(), st.integers(1, 8), st.integers(1, 3))
def test_weekly_occurrences_keep_the_wall_clock_start(meeting: Meeting, count: int,
                                                      weeks: int) -> None:
    """Checked against pendulum's own calendar arithmetic, not the rule engine."""
    repeating = attrs.evolve(meeting, repeat=f"FREQ=WEEKLY;INTERVAL={weeks};COUNT={count}")
    timetable = layout(repeating)
    found = occurrences(repeating)
    assert len(found) == count
    zone = pendulum.timezone(timetable.zone)
    for k, (start, end) in enumerate(found):
        day = timetable.start.date().add(weeks=k * weeks)
        wall = pendulum.datetime(day.year, day.month, day.day, meeting.start.hour,
                                 meeting.start.minute, tz=zone)
        assert start == wall
        assert int(end.timestamp()) - int(start.timestamp()) == timetable.end_utc - \
            timetable.start_utc


@given(series_meetings())
def test_occurrences_start_with_the_meeting_and_increase(meeting: Meeting) -> None:
    timetable = layout(meeting)
    found = occurrences(meeting, limit=12)
    assert found[0] == (timetable.start, timetable.end)
    starts = [int(s.timestamp()) for s, _ in found]
    assert starts == sorted(set(starts))
    for start, _ in found:
        assert start.timezone_name == timetable.zone


def test_across_dst_the_local_time_stays_and_the_offset_changes() -> None:
    berlin = attrs.evolve(council(), timezone="Europe/Berlin")
    found = occurrences(berlin)
    assert {s.format("HH:mm") for s, _ in found} == {"14:00"}
    assert [s.format("Z") for s, _ in found][:2] == ["+01:00", "+02:00"]


def test_an_unbounded_rule_needs_a_limit() -> None:
    weekly = attrs.evolve(agenda.reference_meeting(), repeat="FREQ=WEEKLY")
    with pytest.raises(UnboundedRepeat, match="FREQ=WEEKLY") as caught:
        occurrences(weekly)
    assert isinstance(caught.value, agenda.AgendaError)
    assert isinstance(caught.value, ValueError)
    found = occurrences(weekly, limit=5)
    assert [(b[0] - a[0]).in_days() for a, b in itertools.pairwise(found)] == [7] * 4


def test_until_as_a_date_includes_that_day() -> None:
    weekly = attrs.evolve(agenda.reference_meeting(), repeat="FREQ=WEEKLY;UNTIL=20240327")
    assert [s.date().isoformat() for s, _ in occurrences(weekly)] == [
        "2024-03-13", "2024-03-20", "2024-03-27"]


@pytest.mark.parametrize(("rule", "says"), [
    ("FREQ=SOMETIMES", "frequency"),
    ("COUNT=3", "no FREQ"),
    ("FREQ=WEEKLY;COUNT=3;UNTIL=20240401", "COUNT and UNTIL"),
    ("FREQ=WEEKLY;COUNT=0", "COUNT"),
    ("FREQ=MONTHLY;BYDAY=3WE;COUNT=6", "does not include the meeting's own start"),
    ("FREQ=WEEKLY;BYDAY=TH", "does not include"),
    ("FREQ=DAILY;BYMONTH=13", "BYMONTH=13 is out of range"),
    ("FREQ=DAILY;BYMONTHDAY=0", "out of range"),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "no occurrence"),
    ("this is not a rule", "no FREQ"),
])
def test_a_bad_rule_is_a_layout_problem_naming_the_rule(rule: str, says: str) -> None:
    meeting = attrs.evolve(agenda.reference_meeting(), repeat=rule)
    [problem] = validate(meeting)
    assert problem.code == "bad-repeat"
    assert f'"{rule}"' in problem.message()
    assert says in problem.message()
    with pytest.raises(agenda.InvalidAgenda):
        occurrences(meeting)


@given(series_meetings())
def test_a_generated_rule_is_sound(meeting: Meeting) -> None:
    assert not [p for p in validate(meeting) if p.code == "bad-repeat"]


# -- in the feed --------------------------------------------------------------------------
def test_the_meeting_and_item_events_carry_the_rule() -> None:
    feed = from_ics(to_ics(layout(council()), items=True, now=T0))
    assert feed.meeting is not None
    assert feed.meeting.rrule == "FREQ=MONTHLY;COUNT=6;BYDAY=2WE"
    assert {e.rrule for e in feed.items} == {"FREQ=MONTHLY;COUNT=6;BYDAY=2WE"}


def test_until_is_written_in_utc() -> None:
    weekly = attrs.evolve(agenda.reference_meeting(), repeat="FREQ=WEEKLY;UNTIL=20240327")
    data = to_ics(layout(weekly), now=T0).decode()
    assert "RRULE:FREQ=WEEKLY;UNTIL=20240327T145959Z\r\n" in data


@given(series_meetings())
def test_the_vtimezone_covers_every_occurrence(meeting: Meeting) -> None:
    """Read through the feed's own VTIMEZONE (not the zone database), each occurrence's
    wall-clock start has the offset it really has on that day."""
    timetable = layout(meeting)
    cal = icalendar.Calendar.from_ical(to_ics(timetable, now=T0))
    if timetable.zone == "UTC":
        assert cal.timezones == []
        return
    [written] = cal.timezones
    zone = written.to_tz(lookup_tzid=False)
    for start, _ in occurrences(meeting):
        wall = dt.datetime(start.year, start.month, start.day, start.hour, start.minute,
                           tzinfo=zone, fold=start.fold)
        assert wall.utcoffset() == start.utcoffset(), start


def test_items_of_a_repeating_meeting_past_midnight_are_refused() -> None:
    late = attrs.evolve(council(), start=dt.time(23, 30), end=None)
    timetable = layout(late)
    assert to_ics(timetable, now=T0)  # the meeting event alone is fine
    with pytest.raises(agenda.FeedError, match="another day"):
        to_ics(timetable, items=True, now=T0)


def test_an_item_in_the_second_pass_of_a_repeated_hour_gets_its_own_occurrence() -> None:
    """The series repeats the wall clock an item has on an ordinary week (00:45 + 30 min
    = 01:15); on the first date, when the clocks fall back inside the meeting, the
    item's occurrence is written with its real times (RECURRENCE-ID)."""
    fall_back = Meeting("night shift", dt.date(2024, 11, 3), dt.time(0, 45), "America/New_York",
                        [agenda.Item("a", minutes=30), agenda.Item("b", minutes=60),
                         agenda.Item("c", minutes=60)], repeat="FREQ=WEEKLY;COUNT=3")
    timetable = layout(fall_back)
    feed = from_ics(to_ics(timetable, items=True, now=T0))
    assert len(feed.items) == 3
    c = timetable.by_number("3")
    [first] = [e for e in feed.occurrences if e.path == c.path]
    assert (first.start_utc, first.end_utc) == (c.start_utc, c.end_utc)
    assert first.recurrence_id is not None
    assert first.recurrence_id.format("YYYY-MM-DD HH:mm") == "2024-11-03 02:15"


# -- one occurrence's agenda -------------------------------------------------------------
@given(series_meetings(), st.data())
def test_each_occurrence_lays_out_at_its_own_start(meeting: Meeting,
                                                   data: st.DataObject) -> None:
    found = occurrences(meeting, limit=12)
    start, end = data.draw(st.sampled_from(found))
    held = agenda.occurrence_on(meeting, start.date())
    assert held.repeat is None
    assert held.date == start.date()
    timetable = layout(held)
    assert timetable.start_utc == int(start.timestamp())
    assert timetable.end_utc == int(end.timestamp())
    first = layout(meeting)
    assert [s.path for s in timetable] == [s.path for s in first]
    assert [s.minutes for s in timetable] == [s.minutes for s in first]


def test_a_date_that_is_not_an_occurrence_names_the_nearest() -> None:
    meeting = agenda.load(EXAMPLES / "council-series.toml")
    with pytest.raises(agenda.NotAnOccurrence) as caught:
        agenda.occurrence_on(meeting, dt.date(2024, 4, 11))
    assert (caught.value.before, caught.value.after) == (dt.date(2024, 4, 10),
                                                         dt.date(2024, 5, 8))
    assert "2024-04-11 is not an occurrence" in str(caught.value)
    with pytest.raises(agenda.NotAnOccurrence):
        agenda.occurrence_on(meeting, dt.date(2024, 9, 11))  # after COUNT=6 ran out
    single = agenda.reference_meeting()
    assert agenda.occurrence_on(single, single.date).date == single.date
    with pytest.raises(agenda.NotAnOccurrence):
        agenda.occurrence_on(single, dt.date(2024, 3, 14))


def test_an_occurrence_across_dst_keeps_the_wall_clock() -> None:
    meeting = Meeting("weekly", dt.date(2024, 3, 6), dt.time(14), "America/New_York",
                      [Item("a", minutes=30), Item("b", minutes=30)],
                      repeat="FREQ=WEEKLY;COUNT=3")
    before, after = layout(meeting), layout(agenda.occurrence_on(meeting, dt.date(2024, 3, 13)))
    assert [s.start.format("HH:mm Z") for s in before] == ["14:00 -05:00", "14:30 -05:00"]
    assert [s.start.format("HH:mm Z") for s in after] == ["14:00 -04:00", "14:30 -04:00"]


def test_cli_table_on_an_occurrence_and_listing(runner: CliRunner) -> None:
    spec = str(EXAMPLES / "council-series.toml")
    result = runner.invoke(cli, ["table", spec, "--on", "2024-05-08", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["start"] == "2024-05-08T14:00:00+09:00"
    assert rows[-1]["end"] == "2024-05-08T15:00:00+09:00"
    result = runner.invoke(cli, ["table", spec, "--on", "2024-05-09"])
    assert result.exit_code == 2
    assert "the nearest: 2024-05-08 and 2024-06-12" in result.stderr
    result = runner.invoke(cli, ["table", spec, "--occurrences", "--limit", "2", "--lang",
                                 "en"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["2024-03-13 (Wed) 14:00–15:00 +09:00",
                                          "2024-04-10 (Wed) 14:00–15:00 +09:00"]
    korean = runner.invoke(cli, ["table", spec, "--occurrences", "--limit", "2"])
    assert korean.stdout.splitlines()[0] == "2024-03-13 (수) 14:00–15:00 +09:00"
    assert korean.stderr == ("참고: 뒤에 반복이 더 있습니다. 처음 2회만 보입니다 (--limit N으로 "
                             "더 볼 수 있습니다)\n")


def test_an_occurrence_lasts_as_long_as_the_first_across_a_dst_change() -> None:
    """Found by the thorough profile: the first meeting (Berlin, the night the clocks
    spring forward) runs 00:00–03:00 wall clock, 120 minutes; a later occurrence must
    also last 120 minutes (00:00–02:00), not keep 03:00 and come up short."""
    meeting = Meeting("night", dt.date(2024, 3, 31), dt.time(0), "Europe/Berlin",
                      [Item("a", minutes=55), Item("b", minutes=65)], end=dt.time(3),
                      repeat="FREQ=WEEKLY;COUNT=3")
    held = agenda.occurrence_on(meeting, dt.date(2024, 4, 7))
    assert held.end == dt.time(2)
    timetable = layout(held)
    assert timetable.minutes == 120
    assert [o[1] for o in occurrences(meeting)][1] == timetable.end
