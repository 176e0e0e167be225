"""Series that skip the public holidays of a country (``skip_holidays``): the 2025 Korean
holidays as the `holidays` package gives them, the feed's EXDATEs against them (read by
icalendar, recurring-ical-events, ical.js and libical), ``extra`` bringing a date back,
subdivisions, the listing of ``check --occurrences`` and the problems of a bad code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import ModuleType

import attrs
import icalendar
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import Item, Meeting
from agenda._holidays import PublicHolidays
from agenda.cli import cli
from test_ics_oracles import (
    assert_agree,
    check_icaljs,
    flatten,
    libical,
    make_case,
    node,
    read_icaljs,
    read_libical,
    read_rie,
    rie,
)

__all__ = ["libical", "node", "rie"]  # fixtures

# The public holidays of South Korea in 2025 as the holidays package names them (its
# own data, pinned here): the temporary holiday of 27 January, the substitute holidays
# of 3 March, 6 May and 8 October, the presidential election of 3 June.
KR_2025 = {
    dt.date(2025, 1, 1): "신정연휴",
    dt.date(2025, 1, 27): "임시공휴일",
    dt.date(2025, 1, 28): "설날 전날",
    dt.date(2025, 1, 29): "설날",
    dt.date(2025, 1, 30): "설날 다음날",
    dt.date(2025, 3, 1): "삼일절",
    dt.date(2025, 3, 3): "삼일절 대체 휴일",
    dt.date(2025, 5, 5): "부처님오신날; 어린이날",
    dt.date(2025, 5, 6): "부처님오신날 대체 휴일; 어린이날 대체 휴일",
    dt.date(2025, 6, 3): "대통령 선거일",
    dt.date(2025, 6, 6): "현충일",
    dt.date(2025, 8, 15): "광복절",
    dt.date(2025, 10, 3): "개천절",
    dt.date(2025, 10, 5): "추석 전날",
    dt.date(2025, 10, 6): "추석",
    dt.date(2025, 10, 7): "추석 다음날",
    dt.date(2025, 10, 8): "추석 대체 휴일",
    dt.date(2025, 10, 9): "한글날",
    dt.date(2025, 12, 25): "기독탄신일",
}
SEOUL = "Asia/Seoul"


def daily_2025(**changes: object) -> Meeting:
    meeting = Meeting("상황 점검", dt.date(2025, 1, 2), dt.time(10), SEOUL,
                      [Item("보고", minutes=20), Item("토론", minutes=10)], id="daily",
                      repeat="FREQ=DAILY;UNTIL=20251231", skip_holidays="KR")
    return attrs.evolve(meeting, **changes)  # type: ignore[arg-type]


def exdates(feed: bytes) -> dict[dt.datetime, list[dt.datetime]]:
    """The EXDATEs of each event of the feed, by its DTSTART, as icalendar reads them."""
    out: dict[dt.datetime, list[dt.datetime]] = {}
    for event in icalendar.Calendar.from_ical(feed).walk("VEVENT"):
        found = event.get("EXDATE", [])
        lists = found if isinstance(found, list) else [found]
        out[event["DTSTART"].dt] = sorted(d.dt for x in lists for d in x.dts)
    return out


def test_the_package_gives_the_2025_korean_holidays() -> None:
    holidays = PublicHolidays("KR")
    days = holidays.between(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert days == sorted(KR_2025)
    assert {day: holidays.name(day, "ko") for day in days} == KR_2025
    assert holidays.name(dt.date(2025, 10, 8), "en") == "Alternative holiday for Chuseok"
    assert holidays.name(dt.date(2025, 10, 10), "ko") is None


def test_a_daily_series_is_held_on_every_day_but_the_holidays() -> None:
    meeting = daily_2025()
    held = [start.date() for start, _ in agenda.occurrences(meeting)]
    every = [dt.date(2025, 1, 2) + dt.timedelta(days=k) for k in range(364)]
    assert held == [day for day in every if day not in KR_2025]


def test_the_feed_excludes_exactly_the_holidays() -> None:
    """Every event of the series (the meeting's and each item's) carries one EXDATE per
    2025 holiday after its first date, at the event's own wall-clock start."""
    feed = agenda.to_ics(agenda.layout(daily_2025()), items=True, now="2025-01-01T00:00:00Z")
    found = exdates(feed)
    assert len(icalendar.Calendar.from_ical(feed).walk("VEVENT")) == 3
    assert sorted(start.time() for start in found) == [dt.time(10), dt.time(10, 20)]
    for start, dates in found.items():
        assert dates == [dt.datetime.combine(day, start.time(), tzinfo=start.tzinfo)
                         for day in sorted(KR_2025) if day > dt.date(2025, 1, 1)], start
        assert str(dates[0].tzinfo) == SEOUL
    assert b"RDATE" not in feed


def test_extra_brings_a_holiday_back_without_an_rdate() -> None:
    meeting = daily_2025(extra=[dt.date(2025, 10, 8)])
    assert agenda.validate(meeting) == ()
    held = {start.date() for start, _ in agenda.occurrences(meeting)}
    assert dt.date(2025, 10, 8) in held and dt.date(2025, 10, 7) not in held
    feed = agenda.to_ics(agenda.layout(meeting), now="2025-01-01T00:00:00Z")
    [dates] = exdates(feed).values()
    assert dt.datetime(2025, 10, 8, 10, tzinfo=dates[0].tzinfo) not in dates
    assert len(dates) == len(KR_2025) - 2  # not 1 January (before the first date), 8 October
    assert b"RDATE" not in feed


def test_an_extra_date_off_the_rule_is_still_an_rdate_and_skip_still_holds() -> None:
    weekly = Meeting("주간회의", dt.date(2025, 9, 29), dt.time(10), SEOUL,
                     [Item("현황", minutes=30)],
                     repeat="FREQ=WEEKLY;BYDAY=MO;COUNT=6", skip_holidays="KR",
                     skip=[dt.date(2025, 10, 20)], extra=[dt.date(2025, 10, 7)])
    assert agenda.validate(weekly) == ()
    held = [start.date().isoformat() for start, _ in agenda.occurrences(weekly)]
    # 10-06 is Chuseok, 10-20 skipped; 10-07 (a holiday too) is given as an extra date
    assert held == ["2025-09-29", "2025-10-07", "2025-10-13", "2025-10-27", "2025-11-03"]
    feed = agenda.to_ics(agenda.layout(weekly), now="2025-01-01T00:00:00Z")
    assert b"RDATE;TZID=Asia/Seoul:20251007T100000" in feed
    [dates] = exdates(feed).values()
    assert [d.date() for d in dates] == [dt.date(2025, 10, 6), dt.date(2025, 10, 20)]


def test_a_subdivision_adds_its_own_holidays() -> None:
    weekly = Meeting("Jour fixe", dt.date(2025, 6, 5), dt.time(9), "Europe/Berlin",
                     [Item("Runde", minutes=30)], repeat="FREQ=WEEKLY;BYDAY=TH;COUNT=3",
                     language="en")
    corpus_christi = dt.date(2025, 6, 19)
    held = {s.date() for s, _ in agenda.occurrences(attrs.evolve(weekly, skip_holidays="DE"))}
    bavaria = {s.date() for s, _ in agenda.occurrences(
        attrs.evolve(weekly, skip_holidays="DE-BY"))}
    assert corpus_christi in held and corpus_christi not in bavaria
    assert held - bavaria == {corpus_christi}


@pytest.mark.parametrize(("code", "reason"), [
    ("XX", "no public holidays are known for the country XX"),
    ("kr", "it is not an ISO 3166 country code"),
    ("KOR", "it is not an ISO 3166 country code"),
    ("", "it is not an ISO 3166 country code"),
    ("DE-XX", "DE has no subdivision XX; known: BB, BE, BW, BY,"),
    ("KR-11-x", "it is not an ISO 3166 country code"),
])
def test_a_code_without_holidays_is_a_problem(code: str, reason: str) -> None:
    problems = agenda.validate(daily_2025(skip_holidays=code))
    assert [p.code for p in problems] == ["unknown-holidays"]
    assert reason in problems[0].message("en")
    assert problems[0].message("ko").startswith(f'skip_holidays "{code}": ')
    assert "ISO" not in problems[0].message("ko") or "국가 코드" in problems[0].message("ko")


def test_skip_holidays_needs_a_series() -> None:
    single = daily_2025(repeat=None)
    assert [(p.code, p.facts["key"]) for p in agenda.validate(single)] == [
        ("bad-repeat", "skip_holidays")]


def test_a_holiday_is_not_an_occurrence_and_says_why() -> None:
    with pytest.raises(agenda.NotAnOccurrence) as caught:
        agenda.occurrence_on(daily_2025(), "2025-10-06")
    assert "(it is a public holiday: Chuseok)" in str(caught.value)
    assert (caught.value.before, caught.value.after) == (dt.date(2025, 10, 4),
                                                         dt.date(2025, 10, 10))


def test_an_override_on_a_holiday_is_refused() -> None:
    meeting = daily_2025(overrides=[agenda.Override(dt.date(2025, 10, 6),
                                                    start=dt.time(14))])
    assert [(p.code, p.facts["date"]) for p in agenda.validate(meeting)] == [
        ("bad-override", "2025-10-06")]


def test_the_spec_reads_and_writes_skip_holidays() -> None:
    meeting = daily_2025()
    text = agenda.dump_toml(meeting)
    assert 'skip_holidays = "KR"' in text
    assert agenda.load_toml(text) == meeting
    assert agenda.load_json(agenda.dump_json(meeting)) == meeting
    with pytest.raises(agenda.SpecError, match='"skip_holidays" must be a string, got 82'):
        agenda.load_toml(text.replace('skip_holidays = "KR"', "skip_holidays = 82"))


def test_check_marks_each_skipped_date_with_the_holiday_name(runner: CliRunner,
                                                             tmp_path: Path) -> None:
    weekly = Meeting("주간회의", dt.date(2025, 9, 29), dt.time(10), SEOUL,
                     [Item("현황", minutes=30)],
                     repeat="FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6", skip_holidays="KR",
                     skip=[dt.date(2025, 10, 13)])
    spec = tmp_path / "weekly.toml"
    spec.write_text(agenda.dump_toml(weekly), "utf-8")
    result = runner.invoke(cli, ["check", "--occurrences", str(spec)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "2025-09-29 (월) 10:00–10:30 +09:00",
        "2025-10-01 (수) 10:00–10:30 +09:00",
        "2025-10-06 (월) 건너뜀: 공휴일, 추석",
        "2025-10-08 (수) 건너뜀: 공휴일, 추석 대체 휴일",
        "2025-10-13 (월) 건너뜀",
        "2025-10-15 (수) 10:00–10:30 +09:00",
    ]
    english = runner.invoke(cli, ["check", "--occurrences", "--lang", "en", "--limit", "2",
                                  str(spec)])
    assert english.stdout.splitlines()[1:] == [
        "2025-09-29 (Mon) 10:00–10:30 +09:00",
        "2025-10-01 (Wed) 10:00–10:30 +09:00",
    ]
    english = runner.invoke(cli, ["table", "--occurrences", "--lang", "en", "--limit", "3",
                                  str(spec)])
    assert english.stdout.splitlines()[2:] == [
        "2025-10-06 (Mon) skipped: public holiday, Chuseok",
        "2025-10-08 (Wed) skipped: public holiday, Alternative holiday for Chuseok",
        "2025-10-13 (Mon) skipped",
        "2025-10-15 (Wed) 10:00–10:30 +09:00",
    ]


@given(st.sampled_from(["FREQ=DAILY", "FREQ=WEEKLY", "FREQ=DAILY;INTERVAL=3"]),
       st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 20)), st.sets(
           st.sampled_from(sorted(KR_2025)), max_size=3))
def test_the_occurrences_are_the_rule_dates_less_the_holidays_plus_extra(
        rule: str, first: dt.date, extra: set[dt.date]) -> None:
    meeting = Meeting("m", first, dt.time(9), SEOUL, [Item("a", minutes=30)],
                      repeat=f"{rule};UNTIL=20251231", skip_holidays="KR")
    plain = {s.date() for s, _ in agenda.occurrences(attrs.evolve(meeting, skip_holidays=None))}
    extra = {day for day in extra if day > first and day in plain}  # extra only brings back
    meeting = attrs.evolve(meeting, extra=sorted(extra))
    held = [s.date() for s, _ in agenda.occurrences(meeting)]
    assert held == sorted((plain - set(KR_2025)) | extra)
    series = agenda.Series(agenda.layout(meeting))
    assert series.excluded(dt.date(2025, 12, 31)) == sorted(
        (plain & set(KR_2025)) - extra)


# -- the feed's readers ----------------------------------------------------------------------


def holiday_cases() -> list:  # type: ignore[type-arg]
    weekly = Meeting("주간회의", dt.date(2025, 1, 6), dt.time(10), SEOUL,
                     [Item("현황", minutes=40), Item("토론", minutes=20)], id="weekly",
                     repeat="FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20251231", skip_holidays="KR",
                     extra=[dt.date(2025, 10, 8)], skip=[dt.date(2025, 11, 3)])
    return [make_case("daily 2025, KR holidays", daily_2025()),
            make_case("weekly 2025, KR holidays, one back, one skipped", weekly)]


def test_recurring_ical_events_skips_the_holidays(rie: ModuleType) -> None:
    found = holiday_cases()
    assert_agree("recurring-ical-events", found, read_rie(rie, found))


def test_icaljs_skips_the_holidays(node: str) -> None:
    found = holiday_cases()
    check_icaljs(found, read_icaljs(node, found))


def test_libical_skips_the_holidays(libical: str) -> None:
    found = holiday_cases()
    assert_agree("libical (through the feed's VTIMEZONE)", found,
                 [flatten(f["events"]) for f in read_libical(libical, found)])
