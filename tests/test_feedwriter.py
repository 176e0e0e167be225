"""The feed's own writer gives the bytes icalendar gives, for every feed it serves, so
every reader (icalendar, recurring-ical-events, ical.js, libical: the oracle tests read
`to_ics`) sees the same feed."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st
from icalendar.parser.string import _foldline

import agenda
from agenda import Item, Meeting
from agenda._ical.feed import _icalendar_feed
from agenda._ical.write import fold
from conftest import EXAMPLES
from strategies import ZONES, flexible_meetings, meetings, risky_meetings

NOW = dt.datetime(2024, 3, 1, 9, 0, 30, tzinfo=dt.UTC)

# Text that exercises escaping and folding: escapes at every position, 1- to 4-octet
# characters, line breaks of every kind, and icalendar's own `\N`.
hard_texts = st.lists(st.one_of(
    st.sampled_from(["\\", "^", ";", ",", ":", "\n", "\r\n", "\r", "\\N", '"', "a", " "]),
    st.sampled_from(["é", "가", "€", "👩‍💼", "𝄞", "\u0301"]),
    st.text(alphabet="xyz가", min_size=60, max_size=80),
), min_size=1, max_size=40).map("".join)


@given(hard_texts)
def test_fold_is_icalendars(line: str) -> None:
    line = line.replace("\r", "").replace("\n", "")
    assert fold(line) == _foldline(line).encode("utf-8")


def _same(meeting: Meeting, items: bool, domain: str | None = None,
          now: dt.datetime | None = NOW) -> None:
    timetable = agenda.layout(meeting)
    fast = agenda.to_ics(timetable, items=items, now=now, uid_domain=domain)
    slow = _icalendar_feed(timetable, items=items, previous=None, now=now, uid_domain=domain)
    assert fast == slow


@given(st.one_of(meetings(), flexible_meetings(), risky_meetings()), st.booleans())
def test_the_writer_gives_icalendars_bytes(meeting: Meeting, items: bool) -> None:
    _same(meeting, items)


@given(meetings(), hard_texts, hard_texts, st.sampled_from(ZONES), st.booleans())
def test_the_writer_escapes_and_folds_as_icalendar(meeting: Meeting, title: str, notes: str,
                                                    zone: str, with_ids: bool) -> None:
    items = [attrs.evolve(item, title=f"{title} {n}", notes=notes, presenter=title,
                          id=f"i{n}" if with_ids else None)
             for n, item in enumerate(meeting.items)]
    meeting = attrs.evolve(meeting, title=title, location=notes, category=title,
                           items=items)
    if not agenda.validate(meeting):
        _same(meeting, True, domain="Example.org")


def test_the_writer_without_a_clock_and_in_utc() -> None:
    meeting = Meeting("회의", dt.date(2024, 11, 3), dt.time(0, 30), "America/New_York",
                      [Item("긴 항목", minutes=90), Item("다음", minutes=30)])
    _same(meeting, True, now=None)  # an end in the repeated hour: both ends in UTC
    _same(attrs.evolve(meeting, timezone="UTC"), True)


def test_a_repeating_meeting_goes_through_icalendar() -> None:
    meeting = Meeting("주간", dt.date(2024, 3, 4), dt.time(9), "Asia/Seoul",
                      [Item("a", minutes=30)], repeat="FREQ=WEEKLY;COUNT=3")
    _same(meeting, True)


def test_days_rooms_and_tracks_give_icalendars_bytes() -> None:
    meeting = agenda.load(EXAMPLES / "two-day-workshop.toml")
    timetable = agenda.layout(meeting)
    tracks = sorted({slot.track for slot in timetable if slot.track is not None})
    assert tracks
    for track in [None, *tracks]:
        fast = agenda.to_ics(timetable, items=True, now=NOW, track=track)
        slow = _icalendar_feed(timetable, items=True, previous=None, now=NOW,
                               uid_domain=None, track=track)
        assert fast == slow


def test_audiences_refresh_and_name_give_icalendars_bytes() -> None:
    meeting = Meeting("회의", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", [
        Item("모두", minutes=10), Item("부산만", minutes=10, audience=["busan"]),
        Item("언론", minutes=10, audience=["press"])])
    timetable = agenda.layout(meeting)
    for options in ({"audience": "busan"}, {"refresh": dt.timedelta(minutes=90)},
                    {"name": "다른 이름; 달력"}, {"audience": "press", "name": "press"}):
        fast = agenda.to_ics(timetable, items=True, now=NOW, **options)
        slow = _icalendar_feed(timetable, items=True, previous=None, now=NOW,
                               uid_domain=None, **options)
        assert fast == slow, options
