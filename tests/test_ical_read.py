"""The one reader: its content-line scan and icalendar's parser (its fallback) read the
same feed, so the fast path changes nothing but the time it takes."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import agenda
from agenda import FeedError, Item, Material, Meeting
from agenda._ical.changes import event_content
from agenda._ical.read import Read, _parse, _scan, _text, read_feed
from conftest import EXAMPLES
from strategies import dst_series, linked_meetings, meetings, risky_meetings, series_meetings

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)
T1 = dt.datetime(2024, 3, 5, 18, 30, tzinfo=dt.UTC)


def said(read: Read) -> tuple[object, ...]:
    """All a read feed says (kept events' lines compared as content: icalendar writes an
    exact DURATION of a day or more as days, PT25H as P1DT1H)."""
    return (read.name, read.zone, read.uid_domain, read.meeting,
            [(w.event, event_content(w.lines), w.inner) for w in read.events])


def _rewritten_parameters(text: str) -> set[str]:
    """The lines with parameters (ATTACH, CONFERENCE) that icalendar, reading the feed,
    writes back otherwise (it drops spaces beside "=" and at the ends of a value, and
    reads a backslash as an escape)."""
    written = {line for line in text.split("\r\n") if line.startswith(("ATTACH;", "CONFERENCE;"))}
    read = {line for w in _parse(text, None).events for line in w.lines}
    return written - read


def both(feed: bytes) -> Read:
    """The feed read by the scan and by icalendar alike; the scan reads every feed
    agenda writes, but one whose parameters icalendar would read otherwise."""
    text = _text(feed, None)
    scanned = _scan(text)
    parsed = _parse(text, None)
    if scanned is None:
        assert _rewritten_parameters(text), "the scan refused a feed agenda wrote"
        return parsed
    assert said(scanned) == said(parsed)
    return scanned


A_MATERIAL_WITH_SPACES = attrs.evolve(
    agenda.reference_meeting(), materials=(Material("벦 =🎤 slides ", "https://example.org/s"),))
"""A material title icalendar reads without the spaces beside its "=" and at its end."""


@given(st.one_of(meetings(), risky_meetings(), series_meetings(), dst_series(),
                 linked_meetings()), st.booleans())
@example(A_MATERIAL_WITH_SPACES, True)
def test_both_strategies_read_every_feed_agenda_writes(meeting: Meeting, items: bool) -> None:
    timetable = agenda.layout(meeting)
    first = agenda.to_ics(timetable, items=items, now=T0, uid_domain="example.org")
    both(first)
    fewer = attrs.evolve(meeting, items=meeting.items[:-1] or meeting.items, end=None,
                         location=(meeting.location or "") + " (2)")
    both(agenda.to_ics(agenda.layout(fewer), items=items, previous=first, now=T1))


def _edit(feed: bytes, *edits: tuple[bytes, bytes]) -> bytes:
    for pattern, replacement in edits:
        edited = re.sub(pattern, lambda _, new=replacement: new, feed, count=1)
        assert edited != feed
        feed = edited
    return feed


REFERENCE = agenda.to_ics(agenda.layout(agenda.reference_meeting()), items=True, now=T0)
# Feeds agenda did not write this way, which icalendar reads (the scan hands them on).
UNUSUAL = {
    "a property name in lower case": (rb"SUMMARY:", b"summary:"),
    "an unknown property": (rb"STATUS:CONFIRMED\r\n", b"STATUS:CONFIRMED\r\nX-FOO:bar\r\n"),
    "a parameter": (rb"DESCRIPTION:", b"DESCRIPTION;LANGUAGE=ko:"),
    "an escaped N": (rb"DESCRIPTION:14:00~14:02 ", b"DESCRIPTION:14:00~14:02\\N"),
    "an alarm": (rb"/photo\r\nEND:VEVENT", b"/photo\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"
                 b"DESCRIPTION:x\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\nEND:VEVENT"),
    "a calendar name with a parameter": (rb"X-WR-CALNAME:", b"X-WR-CALNAME;X-A=b:"),
    "a calendar property agenda does not write": (
        rb"CALSCALE:GREGORIAN\r\n", b"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"),
}


@pytest.mark.parametrize("what", sorted(UNUSUAL))
def test_a_feed_the_scan_does_not_know_is_read_by_icalendar(what: str) -> None:
    feed = _edit(REFERENCE, UNUSUAL[what])
    text = _text(feed, None)
    assert _scan(text) is None
    read = read_feed(feed)
    assert said(read) == said(_parse(text, None))
    plain = agenda.from_ics(REFERENCE)
    assert [(e.uid, e.start_utc, e.end_utc, e.sequence) for e in read.timetable().events] == [
        (e.uid, e.start_utc, e.end_utc, e.sequence) for e in plain.events]
    assert read.timetable().name == plain.name


def test_an_alarm_stays_in_the_event_it_is_cancelled_with() -> None:
    feed = _edit(REFERENCE, UNUSUAL["an alarm"])
    meeting = agenda.reference_meeting()
    without = attrs.evolve(meeting, items=meeting.items[1:], end=None)
    again = agenda.to_ics(agenda.layout(without), items=True, previous=feed, now=T1)
    [gone] = agenda.from_ics(again).cancelled
    assert gone.path == ("photo",)
    assert b"STATUS:CANCELLED\r\nX-AGENDA-PATH:/photo\r\nBEGIN:VALARM\r\n" in again


@pytest.mark.parametrize("damage", [
    [(rb"DTSTART;TZID=Asia/Seoul:20240313T140000", b"DTSTART;TZID=Asia/Seoul:20241313T140000")],
    [(rb"SEQUENCE:0", b"SEQUENCE:-1")],
    [(rb"DTSTART;TZID=Asia/Seoul:", b"DTSTART;TZID=Nowhere/City:")],
    [(rb"END:VEVENT\r\n", b"")],
    [(rb"PRODID:[^\r]*", b"PRODID:-//Other//EN"), (rb"X-AGENDA-FEED:1\r\n", b"")],
])
def test_what_the_scan_refuses_icalendar_reads_or_refuses_by_name(
        damage: list[tuple[bytes, bytes]]) -> None:
    feed = _edit(REFERENCE, *damage)
    assert _scan(_text(feed, None)) is None
    try:
        read = agenda.from_ics(feed)
    except FeedError as error:
        assert error.reason
    else:
        assert read.events


def test_a_parameter_icalendar_reads_otherwise_hands_the_feed_to_it() -> None:
    feed = agenda.to_ics(agenda.layout(A_MATERIAL_WITH_SPACES), now=T0)
    text = _text(feed, None)
    assert b"ATTACH;FILENAME=\xeb\xb2\xa6 =" in feed
    assert _scan(text) is None
    assert _rewritten_parameters(text)
    assert agenda.from_ics(feed).meeting is not None


def test_feeds_of_several_days_with_links_are_scanned() -> None:
    for spec in ("two-day-workshop.toml", "online-workshop.toml"):
        meeting = agenda.load(EXAMPLES / spec)
        first = agenda.to_ics(agenda.layout(meeting), items=True, now=T0)
        fewer = attrs.evolve(meeting, materials=(), online=None)
        second = agenda.to_ics(agenda.layout(fewer), items=True, previous=first, now=T1)
        for feed in (first, second):
            assert _scan(_text(feed, None)) is not None
            both(feed)


def test_a_feed_without_its_zone_named_reads_its_events_zone() -> None:
    """Feeds written before X-AGENDA-TIMEZONE: X-WR-TIMEZONE, else the VTIMEZONE."""
    older = _edit(REFERENCE, (rb"X-AGENDA-TIMEZONE:[^\r]*\r\n", b""))
    assert agenda.from_ics(older).zone == "Asia/Seoul"
    oldest = _edit(older, (rb"X-WR-TIMEZONE:[^\r]*\r\n", b""))
    assert agenda.from_ics(oldest).zone == "Asia/Seoul"
    night = Meeting("m", dt.date(2024, 11, 3), dt.time(1), "America/New_York",
                    [Item("a", minutes=30)])
    utc_only = agenda.to_ics(agenda.layout(night), now=T0)
    assert b"TZID=" not in utc_only
    assert agenda.from_ics(utc_only).meeting.start.timezone_name == "America/New_York"


LINES = REFERENCE.split(b"\r\n")
PAYLOADS = [b"abc", b"-1", b"7", b"00", b"99999999999", b"20241313T140000", b"20240313T140000",
            b"20240313T140000Z", b"20240313", b"", b"CANCELLED", b"a\\,b", b"a,b", b"a;b",
            b"\\N", b"x\\:y", b"PT1H", b"P1D", b"PT", b"/a/b", b"/%zz", b"FREQ=DAILY"]


@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1),
                          st.sampled_from(["value", "name", "parameter", "drop", "copy"]),
                          st.sampled_from(PAYLOADS)), min_size=1, max_size=3))
def test_whatever_the_scan_reads_icalendar_reads_alike(
        edits: list[tuple[int, str, bytes]]) -> None:
    lines = list(LINES)
    for index, action, payload in edits:
        name, colon, value = lines[index].partition(b":")
        if action == "value" and colon:
            lines[index] = name + b":" + payload
        elif action == "name" and colon:
            lines[index] = payload.upper().replace(b"\\", b"") + b":" + value
        elif action == "parameter" and colon:
            lines[index] = name + b";X-P=" + payload.replace(b":", b"") + b":" + value
        elif action == "drop":
            lines[index] = b""
        else:
            lines.insert(index, lines[index])
    text = _text(b"\r\n".join(lines), None)
    scanned = _scan(text)
    try:
        parsed: Read | None = _parse(text, None)
    except FeedError:
        parsed = None
    assert scanned is None or (parsed is not None and said(scanned) == said(parsed))
