"""VTIMEZONE components right for every year, read through the definition alone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest
from dateutil import rrule
from hypothesis import given, settings
from hypothesis import strategies as st

from agenda._ical.vtimezone import vtimezone

ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
# Zones whose current rules are odd: shifted onsets (Greenland, Chile, Israel,
# Egypt, Palestine), Ramadan listed ahead (Morocco), a half hour (Lord Howe), no DST
# (Seoul), a negative DST (Dublin).
HARD = ("America/New_York", "America/Nuuk", "America/Santiago", "Asia/Jerusalem",
        "Africa/Cairo", "Asia/Gaza", "Africa/Casablanca", "Australia/Lord_Howe",
        "Asia/Seoul", "Europe/Dublin", "Pacific/Chatham", "America/Havana")


def disagreements(zone: str, first_year: int, last_year: int) -> list[str]:
    """Instants (outside repeated hours) from `first_year` to 2080 at which the
    VTIMEZONE of `zone` for the years asked, read on its own, gives another offset
    than the zone database."""
    tz = zoneinfo.ZoneInfo(zone)
    own = vtimezone(zone, first_year, last_year).to_tz(lookup_tzid=False)
    out = []
    moment = dt.datetime(first_year, 1, 1, 12, 7, tzinfo=dt.UTC)  # never on a change
    while moment.year < 2080:
        local = moment.astimezone(tz)
        repeated = local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()
        # (in a repeated hour icalendar's tzinfo picks a pass by its own rule)
        if not repeated and moment.astimezone(own).utcoffset() != local.utcoffset():
            out.append(f"{zone} at {moment:%Y-%m-%d %H:%M}Z: {moment.astimezone(own)} is "
                       f"{moment.astimezone(tz)}")
        moment += dt.timedelta(days=11, hours=7)
    return out


@pytest.mark.parametrize("zone", HARD)
def test_the_definition_is_right_for_every_later_year(zone: str) -> None:
    assert disagreements(zone, 2024, 2024) == []


@settings(max_examples=max(5, settings().max_examples // 12))
@given(st.sampled_from(ZONES), st.integers(1995, 2035))
def test_any_zone_from_any_year_is_right_for_every_later_year(zone: str, year: int) -> None:
    assert disagreements(zone, year, year) == []


def test_feeds_of_different_years_carry_one_definition() -> None:
    """A reader that keeps the first definition of a TZID reads later feeds right."""
    assert vtimezone("America/New_York", 2024, 2024).to_ical() == vtimezone(
        "America/New_York", 2031, 2035).to_ical()
    assert b"RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in vtimezone(
        "America/New_York", 2024, 2024).to_ical()


def test_no_rdate_and_each_rule_starts_on_one_of_its_onsets() -> None:
    for zone in HARD:
        component = vtimezone(zone, 2010, 2024)
        text = component.to_ical()
        assert b"RDATE" not in text, zone
        for observance in component.subcomponents:
            rule = observance.get("RRULE")
            if rule is None:
                continue
            start = observance["DTSTART"].dt
            expanded = rrule.rrulestr(rule.to_ical().decode(), dtstart=start)
            assert expanded[0] == start, (zone, rule.to_ical())


def test_older_events_get_the_transitions_of_their_years() -> None:
    component = vtimezone("America/New_York", 2005, 2005)
    onsets = [o["DTSTART"].dt for o in component.subcomponents if "RRULE" not in o]
    first_sunday = dt.datetime(2005, 4, 3, 2, 0, tzinfo=dt.UTC).replace(tzinfo=None)
    assert first_sunday in onsets  # the first Sunday of April then (a floating time)
    assert disagreements("America/New_York", 2005, 2005) == []


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
        vtimezone("Mars/Olympus_Mons", 2024, 2024)


def test_the_feed_holds_the_definition() -> None:
    import agenda
    meeting = agenda.reference_meeting()
    calendar = icalendar.Calendar.from_ical(agenda.to_ics(agenda.layout(meeting)))
    [zone] = calendar.timezones
    assert zone.to_ical() == vtimezone("Asia/Seoul", 2024, 2024).to_ical()


def test_the_rules_onsets_are_the_ones_dateutil_expands() -> None:
    """Every zone's yearly rules, as written into the VTIMEZONE, have the onsets the
    RRULE gives (dateutil's expansion), in every year from 1970 to 2100."""
    from agenda._ical.vtimezone import _footer, _parts, _tzif

    checked = 0
    for zone in ZONES:
        data = _tzif(zone)
        found = _parts(_footer(data)) if data is not None else None
        for part in found[1] if found is not None else []:
            for year in range(1970, 2101):
                start = dt.datetime(year, 1, 1) + dt.timedelta(seconds=part.of_day)  # noqa: DTZ001
                expected = list(rrule.rrulestr(part.rule, dtstart=start).between(
                    start, start.replace(year=year + 1), inc=True))
                assert part.onsets_in(year) == [d for d in expected if d.year == year], (
                    zone, part.rule, year)
                checked += 1
    assert checked > 10000


@pytest.mark.parametrize("years", [(1990, 1991), (2024, 2024), (2020, 2045)])
def test_the_definition_written_is_icalendars_bytes(years: tuple[int, int]) -> None:
    """What every feed carries (written out) is what icalendar writes of the same
    definition, for every zone."""
    from agenda._ical.vtimezone import vtimezone_bytes

    differ = [zone for zone in ZONES
              if vtimezone_bytes(zone, *years) != vtimezone(zone, *years).to_ical()]
    assert differ == []
