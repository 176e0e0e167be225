"""Series: one rule for the table, the listing and the feed; rules that are refused;
skip, extra and overrides; lookups that never walk the series."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from click.testing import CliRunner

import agenda
from agenda import Item, Meeting, Override, Series, from_ics, layout, to_ics, validate
from agenda.cli import cli

T0 = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
NY = "America/New_York"


def spring() -> Meeting:
    """Weekly from 2024-03-03 01:00 New York; the second date is the spring-forward night."""
    return Meeting("spring", dt.date(2024, 3, 3), dt.time(1), NY,
                   [Item("one", minutes=120), Item("two", minutes=30)],
                   repeat="FREQ=WEEKLY;COUNT=3")


def utc(text: str) -> int:
    return int(dt.datetime.fromisoformat(text).timestamp())


# -- one rule -------------------------------------------------------------------------------
def test_an_item_of_120_minutes_lasts_120_minutes_on_the_spring_forward_date() -> None:
    held = Series(layout(spring())).timetable(dt.date(2024, 3, 10))
    assert [(s.start_utc, s.end_utc) for s in held] == [
        (utc("2024-03-10T06:00:00Z"), utc("2024-03-10T08:00:00Z")),
        (utc("2024-03-10T08:00:00Z"), utc("2024-03-10T08:30:00Z"))]
    assert layout(agenda.occurrence_on(spring(), dt.date(2024, 3, 10))).end_utc == held.end_utc
    assert agenda.occurrences(spring())[1] == (held.start, held.end)


def test_the_feed_gives_the_spring_forward_date_its_own_times() -> None:
    timetable = layout(spring())
    feed = from_ics(to_ics(timetable, items=True, now=T0))
    on_tenth = {e.summary: (e.start_utc, e.end_utc) for e in feed.occurrences}
    assert on_tenth == {
        "spring": (utc("2024-03-10T06:00:00Z"), utc("2024-03-10T08:30:00Z")),
        "one": (utc("2024-03-10T06:00:00Z"), utc("2024-03-10T08:00:00Z")),
        "two": (utc("2024-03-10T08:00:00Z"), utc("2024-03-10T08:30:00Z"))}
    assert all(e.end_utc - e.start_utc == 150 * 60 for e in [feed.meeting] if e)


def test_no_feed_mixes_a_wall_clock_start_with_a_utc_end() -> None:
    """A series starting 2024-11-03 00:30 New York: its first end falls in the
    repeated hour. The series has DTSTART with TZID and an exact DURATION; the first
    date's occurrence is written in UTC, both ends."""
    meeting = Meeting("late", dt.date(2024, 11, 3), dt.time(0, 30), NY,
                      [Item("a", minutes=60)], repeat="FREQ=WEEKLY;COUNT=3")
    text = to_ics(layout(meeting), now=T0).decode()
    events = text.split("BEGIN:VEVENT")[1:]
    for event in events:
        lines = event.splitlines()
        starts = [ln for ln in lines if ln.startswith("DTSTART")]
        ends = [ln for ln in lines if ln.startswith(("DTEND", "DURATION"))]
        assert len(starts) == len(ends) == 1
        if ends[0].startswith("DTEND"):
            assert ("TZID" in starts[0]) == ("TZID" in ends[0]), event
    feed = from_ics(text)
    [first] = feed.occurrences
    assert (first.start_utc, first.end_utc) == (utc("2024-11-03T04:30:00Z"),
                                                utc("2024-11-03T05:30:00Z"))


def test_a_start_the_clocks_skip_is_printed_as_listed(runner: CliRunner,
                                                       tmp_path: pytest.TempPathFactory
                                                       ) -> None:
    daily = Meeting("daily", dt.date(2024, 3, 8), dt.time(2, 30), NY, [Item("a", minutes=60)],
                    repeat="FREQ=DAILY;COUNT=5")
    spec = tmp_path / "daily.toml"  # type: ignore[operator]
    spec.write_text(agenda.dump_toml(daily), encoding="utf-8")
    listed = runner.invoke(cli, ["check", str(spec), "--occurrences", "--lang", "en"])
    assert "2024-03-10 (Sun) 03:30–04:30 -04:00" in listed.stdout
    table = runner.invoke(cli, ["table", str(spec), "--on", "2024-03-10", "--format", "json"])
    assert table.exit_code == 0, table.output
    row = json.loads(table.stdout)[0]
    assert (row["start"], row["end"]) == ("2024-03-10T03:30:00-04:00",
                                          "2024-03-10T04:30:00-04:00")
    # 02:30 does not exist that night: the date leaves the series (EXDATE) and is an
    # event of its own, its UID the series' with the date
    feed = from_ics(to_ics(layout(daily), now=T0))
    [third] = [e for e in feed.events if "-20240310@" in e.uid]
    assert feed.meeting is not None
    assert third.uid == feed.meeting.uid.replace("@", "-20240310@")
    assert (third.start_utc, third.end_utc) == (utc("2024-03-10T07:30:00Z"),
                                                utc("2024-03-10T08:30:00Z"))


# -- refused rules ---------------------------------------------------------------------------
def _weekly(rule: str, **changes: object) -> Meeting:
    return attrs.evolve(agenda.reference_meeting(), repeat=rule, **changes)


@pytest.mark.parametrize(("rule", "code", "says"), [
    ("FREQ=WEEKLY;UNTIL=20240301", "bad-repeat", "before the meeting's own start"),
    ("FREQ=WEEKLY;INTERVAL=0;COUNT=3", "bad-repeat", "INTERVAL=0 must be at least 1"),
    ("FREQ=WEEKLY;INTERVAL=-1;COUNT=3", "bad-repeat", "INTERVAL=-1 must be at least 1"),
    ("FREQ=SECONDLY;COUNT=5", "bad-repeat", "overlap"),
    ("FREQ=MINUTELY;COUNT=5", "bad-repeat", "overlap"),
    ("FREQ=HOURLY;COUNT=5", "bad-repeat", "two occurrences on 2024-03-13"),
    ("FREQ=DAILY;BYHOUR=14,15;COUNT=4", "bad-repeat", "two occurrences on 2024-03-13, at "
                                                       "14:00 and 15:00"),
    ("FREQ=DAILY;COUNT=1000000", "bad-repeat", "more than the 20000 occurrences"),
])
def test_a_bad_rule_is_refused_with_what_is_wrong(rule: str, code: str, says: str) -> None:
    problems = validate(_weekly(rule))
    assert [p.code for p in problems] == [code], problems
    assert says in problems[0].message()
    assert "{" not in problems[0].message("ko")  # the reason has its Korean words


def test_a_series_past_9999_is_out_of_range() -> None:
    late = _weekly("FREQ=YEARLY;COUNT=2", date=dt.date(9999, 6, 2), weekday=None)
    [problem] = validate(late)
    assert problem.code == "out-of-range"
    assert "9999" in problem.message()
    assert "9999" in problem.message("ko")
    unbounded = _weekly("FREQ=YEARLY", date=dt.date(9990, 6, 6), weekday=None)
    assert validate(unbounded) == ()
    assert b"RRULE:FREQ=YEARLY" in to_ics(layout(unbounded), now=T0)


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 30), dt.date(9999, 12, 31)])
def test_meetings_on_the_first_and_last_days_of_the_calendar(day: dt.date) -> None:
    meeting = Meeting("edge", day, dt.time(10), "UTC", [Item("a", minutes=30)])
    assert validate(meeting) == ()
    assert b"BEGIN:VEVENT" in to_ics(layout(meeting), now=T0)


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "Factory", "right/UTC",
                                  "posix/Asia/Seoul"])
def test_names_that_are_not_iana_zones_are_unknown(zone: str) -> None:
    meeting = attrs.evolve(agenda.reference_meeting(), timezone=zone)
    assert "unknown-timezone" in [p.code for p in validate(meeting)]


def test_two_occurrences_on_a_date_are_refused_before_a_table(runner: CliRunner,
                                                              tmp_path: object) -> None:
    spec = tmp_path / "twice.toml"  # type: ignore[operator]
    spec.write_text(agenda.dump_toml(_weekly("FREQ=DAILY;BYHOUR=14,15;COUNT=4")),
                    encoding="utf-8")
    result = runner.invoke(cli, ["table", str(spec), "--on", "2024-03-14"])
    assert result.exit_code == 1
    # problems speak the meeting's language (ko): the date and both times are there
    assert "2024-03-13" in result.stdout
    assert "14:00" in result.stdout and "15:00" in result.stdout


# -- lookups that jump -----------------------------------------------------------------------
def test_far_dates_are_found_without_walking_the_series() -> None:
    daily = Meeting("daily", dt.date(2024, 3, 8), dt.time(2, 30), NY, [Item("a", minutes=60)],
                    repeat="FREQ=DAILY")
    series = Series(layout(daily))
    assert series.held(dt.date(5000, 1, 1))
    assert series.timetable(dt.date(9999, 12, 31)).start.format("YYYY-MM-DD HH:mm") == \
        "9999-12-31 02:30"
    monthly = attrs.evolve(daily, repeat="FREQ=MONTHLY;INTERVAL=5;BYDAY=2FR",
                           date=dt.date(2024, 3, 8))
    series = Series(layout(monthly))
    before, after = series.nearest(dt.date(7000, 1, 1))
    assert before is not None and after is not None
    assert series.held(before) and series.held(after)
    assert before < dt.date(7000, 1, 1) < after
    walked = [d for d in series.dates() if d.year == 2026]
    assert all(series.held(d) for d in walked)


def test_table_occurrence_n(runner: CliRunner) -> None:
    from conftest import EXAMPLES

    spec = str(EXAMPLES / "council-series.toml")
    result = runner.invoke(cli, ["table", spec, "--occurrence", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["start"] == "2024-05-08T14:00:00+09:00"
    result = runner.invoke(cli, ["table", spec, "--occurrence", "7"])
    assert result.exit_code == 2
    assert "fewer than 7" in result.stderr
    help_text = runner.invoke(cli, ["table", "--help"]).stdout
    assert "--on YYYY-MM-DD" in help_text
    assert "--occurrence N" in help_text


def test_listings_are_bounded_and_streamed(runner: CliRunner, tmp_path: object) -> None:
    spec = tmp_path / "long.toml"  # type: ignore[operator]
    spec.write_text(agenda.dump_toml(_weekly("FREQ=DAILY;COUNT=20000", weekday=None)),
                    encoding="utf-8")
    result = runner.invoke(cli, ["check", str(spec), "--occurrences", "--lang", "en"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 1000
    assert "more occurrences follow" in result.stderr


# -- skip, extra, overrides ------------------------------------------------------------------
def holidays() -> Meeting:
    """Weekly on Mondays from 2025-04-28; Children's Day (05-05) skipped and held on
    the Wednesday instead; on 05-19 an hour later with its own short agenda."""
    return Meeting("weekly", dt.date(2025, 4, 28), dt.time(10), "Asia/Seoul",
                   [Item("report", minutes=30, id="report"), Item("talk", minutes=30, id="talk")],
                   repeat="FREQ=WEEKLY;COUNT=5", skip=[dt.date(2025, 5, 5)],
                   extra=[dt.date(2025, 5, 7)],
                   overrides=[Override(dt.date(2025, 5, 19), start=dt.time(11),
                                       items=[Item("report", minutes=45, id="report")])])


def test_skip_extra_and_override_in_the_listing() -> None:
    found = [(s.format("MM-DD HH:mm"), e.format("HH:mm")) for s, e in
             agenda.occurrences(holidays())]
    assert found == [("04-28 10:00", "11:00"), ("05-07 10:00", "11:00"),
                     ("05-12 10:00", "11:00"), ("05-19 11:00", "11:45"),
                     ("05-26 10:00", "11:00")]
    held = Series(layout(holidays())).timetable(dt.date(2025, 5, 19))
    assert [(s.title, s.start.format("HH:mm")) for s in held] == [("report", "11:00")]
    with pytest.raises(agenda.NotAnOccurrence, match="skipped"):
        agenda.occurrence_on(holidays(), dt.date(2025, 5, 5))


def test_skip_extra_and_override_in_the_feed() -> None:
    feed = to_ics(layout(holidays()), items=True, now=T0).decode()
    assert "EXDATE;TZID=Asia/Seoul:20250505T100000" in feed
    assert "RDATE;TZID=Asia/Seoul:20250507T100000" in feed
    assert "RECURRENCE-ID;TZID=Asia/Seoul:20250519T100000" in feed
    # the talk is not held on 05-19: excluded from its series there
    read = from_ics(feed)
    talk = read.by_path(("talk",))
    assert talk.rrule is not None
    assert "20250519T103000" in "".join(
        ln for ln in feed.replace("\r\n ", "").splitlines()
        if ln.startswith("EXDATE") and "103000" in ln)


@pytest.mark.parametrize(("changes", "code", "says"), [
    ({"skip": [dt.date(2025, 4, 29)]}, "bad-repeat", "skip 2025-04-29 is not a date"),
    ({"extra": [dt.date(2025, 5, 12)]}, "bad-repeat", "already a date"),
    ({"extra": [dt.date(2025, 4, 1)]}, "bad-repeat", "not after the meeting's first date"),
    ({"overrides": [Override(dt.date(2025, 5, 13), start=dt.time(9))]}, "bad-override",
     "not a date the meeting is held on"),
    ({"overrides": [Override(dt.date(2025, 5, 12), items=[Item("x")])]}, "missing-minutes",
     "no minutes"),
])
def test_exceptions_that_do_not_fit_are_problems(changes: dict[str, object], code: str,
                                                 says: str) -> None:
    meeting = attrs.evolve(holidays(), **{"overrides": (), **changes})
    problems = validate(meeting)
    assert code in [p.code for p in problems], problems
    assert any(says in p.message() for p in problems), problems
    assert all("{" not in p.message("ko") for p in problems), problems


def test_skip_without_a_series_is_a_problem() -> None:
    meeting = attrs.evolve(agenda.reference_meeting(), skip=[dt.date(2024, 3, 13)])
    assert [p.code for p in validate(meeting)] == ["bad-repeat"]


def test_the_example_with_exceptions_is_valid() -> None:
    from conftest import EXAMPLES

    meeting = agenda.load(EXAMPLES / "holiday-series.toml")
    assert meeting.skip and meeting.extra and meeting.overrides
    assert validate(meeting) == ()
