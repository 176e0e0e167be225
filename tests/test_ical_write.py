"""The one serialiser: its two strategies, content lines written directly (every feed)
and icalendar's own components, give the same bytes for the same content, so every
reader (icalendar, recurring-ical-events, ical.js, libical, vobject: the oracle tests
read `to_ics`) sees what icalendar would have written.

The content is built here without the library's builders (tests/strategies.py), and
from timetables: fresh feeds, feeds regenerated against a previous one, series,
tracks and audiences."""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

import attrs
from hypothesis import example, given, reject
from hypothesis import strategies as st
from icalendar.cal.event import Event
from icalendar.caselessdict import canonsort_keys
from icalendar.parser.string import _foldline

import agenda
from agenda import FeedError, Item, Meeting, Override
from agenda._ical.content import Content, Head, Kept, Stamped, Stamps
from agenda._ical.feed import plan
from agenda._ical.text import fold
from agenda._ical.write import ICALENDAR, LINES, content_lines, in_order, write
from conftest import EXAMPLES
from strategies import (
    dst_series,
    feed_contents,
    feed_heads,
    feed_stamps,
    flexible_meetings,
    hard_texts,
    linked_meetings,
    meetings,
    risky_meetings,
    series_meetings,
)

NOW = dt.datetime(2024, 3, 1, 9, 0, 30, tzinfo=dt.UTC)
LATER = dt.datetime(2024, 3, 5, 18, 30, tzinfo=dt.UTC)
UTC_LIKE = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC).astimezone(zoneinfo.ZoneInfo("Etc/UTC"))


def _same(head: Head, events: list[Stamped | Kept]) -> bytes:
    fast = write(head, events, LINES)
    assert fast == write(head, events, ICALENDAR)
    return fast


@given(hard_texts)
def test_fold_is_icalendars(line: str) -> None:
    line = line.replace("\r", "").replace("\n", "")
    assert fold(line) == _foldline(line).encode("utf-8")


@given(st.lists(st.sampled_from([*Event.canonical_order, "CATEGORIES", "X-AGENDA-PATH",
                                 "STATUS", "CREATED", "LOCATION", "X-A", "ATTENDEE"]),
                max_size=12))
def test_properties_are_in_icalendars_order(names: list[str]) -> None:
    lines = [f"{name}:{k}" for k, name in enumerate(names)]
    order = canonsort_keys(dict.fromkeys(names), Event.canonical_order)
    assert in_order(lines) == [line for name in order for line in lines
                               if line.partition(":")[0] == name]


# -- content built here ---------------------------------------------------------------------
@given(feed_heads(), st.lists(st.tuples(feed_contents(), feed_stamps()), max_size=4))
@example(Head("m", "Etc/UTC", "m", "agenda.invalid", 3605, True, (("Etc/UTC", 2024, 2024),)),
         [(Content("u", "s", (), "d", UTC_LIKE, UTC_LIKE), Stamps.new(NOW))])
@example(Head("m", "UTC", "m", "agenda.invalid", 3600, True),
         [(Content("u", "s", (), "d", NOW, duration=3605, rule="FREQ=DAILY"), Stamps.new(NOW)),
          (Content("u", "s", (), "d", NOW, duration=0), Stamps(None, None, None, None))])
def test_both_strategies_write_the_same_bytes(head: Head,
                                              events: list[tuple[Content, Stamps]]) -> None:
    _same(head, [Stamped(content, stamps) for content, stamps in events])


@given(feed_heads(), feed_contents(), feed_stamps(), st.sampled_from([None, "CANCELLED"]),
       st.randoms(use_true_random=False))
def test_a_kept_event_is_written_as_read_by_both(head: Head, content: Content, stamps: Stamps,
                                                status: str | None, rng: random.Random) -> None:
    lines = content_lines(content, None, None)
    rng.shuffle(lines)
    kept = Kept(tuple(in_order(lines)), (), status, stamps if status else None)
    data = _same(head, [kept])
    for line in lines:
        assert fold(line) in data


# -- content built from timetables ----------------------------------------------------------
def _same_feed(timetable: agenda.Timetable, **options: object) -> bytes:
    head, events = plan(timetable, **options)  # type: ignore[arg-type]
    data = _same(head, events)
    assert agenda.to_ics(timetable, **options) == data  # type: ignore[arg-type]
    return data


@given(st.one_of(meetings(), flexible_meetings(), risky_meetings()), st.booleans())
def test_fresh_feeds_are_icalendars_bytes(meeting: Meeting, items: bool) -> None:
    _same_feed(agenda.layout(meeting), items=items, now=NOW)


@given(meetings(), hard_texts, hard_texts, st.booleans())
def test_hostile_texts_are_escaped_and_folded_as_icalendar_does(
        meeting: Meeting, title: str, notes: str, with_ids: bool) -> None:
    items = [attrs.evolve(item, title=f"{title} {n}", notes=notes, presenter=title,
                          id=f"i{n}" if with_ids else None)
             for n, item in enumerate(meeting.items)]
    meeting = attrs.evolve(meeting, title=title, location=notes, category=title,
                           items=items)
    if not agenda.validate(meeting):
        _same_feed(agenda.layout(meeting), items=True, now=NOW, uid_domain="Example.org")


@given(st.one_of(meetings(), risky_meetings()), st.data())
def test_regenerated_feeds_are_icalendars_bytes(meeting: Meeting, data: st.DataObject) -> None:
    """Against a previous feed: changed, cancelled, re-sequenced and kept events."""
    before = agenda.layout(meeting)
    kept = data.draw(st.lists(st.sampled_from(range(len(meeting.items))), unique=True,
                              min_size=1))
    renamed = data.draw(st.sampled_from(kept))
    items = [attrs.evolve(meeting.items[k], title=meeting.items[k].title + " (2)")
             if k == renamed else meeting.items[k] for k in sorted(kept)]
    after = agenda.layout(attrs.evolve(meeting, items=items, end=None))
    first = agenda.to_ics(before, items=True, now=NOW)
    second = _same_feed(after, items=True, previous=first, now=LATER)
    _same_feed(before, items=True, previous=second, now=LATER + dt.timedelta(days=1))
    _same_feed(after, previous=second, now=LATER)  # the item events all cancelled


@given(linked_meetings(), st.booleans())
def test_feeds_with_links_are_icalendars_bytes(meeting: Meeting, changed: bool) -> None:
    """URL, CONFERENCE (with its parameters) and ATTACH (a material's title as FILENAME),
    fresh and against a previous feed."""
    first = _same_feed(agenda.layout(meeting), items=True, now=NOW)
    if changed:
        meeting = attrs.evolve(meeting, url=None, materials=meeting.materials[1:])
    _same_feed(agenda.layout(meeting), items=True, previous=first, now=LATER)


@given(st.one_of(series_meetings(), dst_series()), st.booleans())
def test_series_are_icalendars_bytes(meeting: Meeting, items: bool) -> None:
    timetable = agenda.layout(meeting)
    try:
        first = _same_feed(timetable, items=items, now=NOW)
    except FeedError as error:  # no feed can say it; the only series refused
        assert "the clocks skip on every date" in error.reason
        reject()
    day = agenda.Series(timetable).nth(2)
    if day is not None:
        moved = attrs.evolve(meeting, overrides=(Override(day, start=dt.time(23, 0)),))
        if not agenda.validate(moved):
            _same_feed(agenda.layout(moved), items=items, previous=first, now=LATER)


def test_without_a_clock_and_in_utc() -> None:
    meeting = Meeting("회의", dt.date(2024, 11, 3), dt.time(0, 30), "America/New_York",
                      [Item("긴 항목", minutes=90), Item("다음", minutes=30)])
    _same_feed(agenda.layout(meeting), items=True)  # an end in the repeated hour: in UTC
    _same_feed(agenda.layout(attrs.evolve(meeting, timezone="UTC")), items=True, now=NOW)


def test_a_zone_icalendar_takes_for_utc_keeps_its_name() -> None:
    """icalendar writes a date-time in Etc/UTC with Z; the model says TZID=Etc/UTC,
    and both strategies write what it says (with the zone's VTIMEZONE)."""
    meeting = Meeting("m", dt.date(2024, 3, 1), dt.time(9), "Etc/UTC", [Item("a", minutes=5)],
                      repeat="FREQ=WEEKLY;COUNT=2")
    for one in (meeting, attrs.evolve(meeting, repeat=None)):
        data = _same_feed(agenda.layout(one), items=True, now=NOW)
        assert b"DTSTART;TZID=Etc/UTC:20240301T090000\r\n" in data
        assert b"BEGIN:VTIMEZONE\r\nTZID:Etc/UTC\r\n" in data


def test_a_refresh_of_hours_and_seconds_is_written_as_icalendar_writes_it() -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    data = _same_feed(timetable, now=NOW, refresh=dt.timedelta(hours=1, seconds=5))
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H0M5S\r\n" in data


def test_days_rooms_tracks_and_links_give_icalendars_bytes() -> None:
    """One event a day, each item's related to its day's, and the online workshop's join
    links and materials."""
    for spec in ("two-day-workshop.toml", "online-workshop.toml"):
        timetable = agenda.layout(agenda.load(EXAMPLES / spec))
        tracks = sorted({slot.track for slot in timetable if slot.track is not None})
        assert len(timetable.days) > 1
        for track in [None, *tracks]:
            _same_feed(timetable, items=True, now=NOW, track=track)


def test_audiences_refresh_and_name_give_icalendars_bytes() -> None:
    meeting = Meeting("회의", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", [
        Item("모두", minutes=10), Item("부산만", minutes=10, audience=["busan"]),
        Item("언론", minutes=10, audience=["press"])])
    timetable = agenda.layout(meeting)
    for options in ({"audience": "busan"}, {"refresh": dt.timedelta(minutes=90)},
                    {"name": "다른 이름; 달력"}, {"audience": "press", "name": "press"}):
        _same_feed(timetable, items=True, now=NOW, **options)
