"""The feed carries what attendees need: the meeting's and each item's page (URL), the
join link (CONFERENCE, and at the end of DESCRIPTION, and as LOCATION where there is
no place), the materials (ATTACH); every change to them is an update (SEQUENCE); and a
meeting held over several days is one event a day, the spanning event of earlier
feeds cancelled once."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import attrs
import icalendar
import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

import agenda
from agenda import Item, Material, Meeting
from agenda._ical.text import parameter_text as _parameter
from agenda.cli import cli
from conftest import EXAMPLES, ROOT
from strategies import linked_meetings, urls
from test_ics_oracles import make_case, wanted_links
from test_links import SPEC

NOW = "2025-03-01T00:00:00Z"
LATER = "2025-03-02T00:00:00Z"
WORKSHOP = EXAMPLES / "online-workshop.toml"
ONE_EVENT_FEED = ROOT / "tests" / "data" / "feeds" / "two-day-workshop-one-event.ics"


def events(feed: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")}


def sequences(feed: bytes) -> dict[str, int]:
    return {uid: int(e.get("SEQUENCE", 0)) for uid, e in events(feed).items()}


def feed_of(meeting: Meeting, previous: bytes | None = None, now: str = NOW,
            items: bool = True) -> bytes:
    return agenda.to_ics(agenda.layout(meeting), items=items, previous=previous, now=now)


def test_the_meeting_event_carries_its_page_join_link_and_materials() -> None:
    meeting = agenda.loads(SPEC)
    [own] = [e for e in events(feed_of(meeting)).values() if "RELATED-TO" not in e]
    assert str(own["URL"]) == "https://example.org/ws"
    conference = own["CONFERENCE"]
    assert str(conference) == "https://meet.example.org/j/1"
    assert dict(conference.params) == {"VALUE": "URI", "FEATURE": "VIDEO",
                                       "LABEL": "온라인 참여"}
    attach = own["ATTACH"]
    assert (str(attach), attach.params["FILENAME"]) == ("https://example.org/h.pdf", "자료집")
    # readers that ignore CONFERENCE still show the join link: last in the description,
    # and as the location when the meeting names no place
    assert str(own["DESCRIPTION"]).endswith(
        "\n\n자료: 자료집 <https://example.org/h.pdf>\n온라인 참여: https://meet.example.org/j/1")
    assert str(own["LOCATION"]) == "https://meet.example.org/j/1"
    placed = events(feed_of(attrs.evolve(meeting, location="본관 301호")))
    assert {str(e["LOCATION"]) for e in placed.values()} == {"본관 301호"}


def test_items_inherit_the_join_link_and_keep_their_own_page_and_materials() -> None:
    found = {str(e["SUMMARY"]): e for e in events(feed_of(agenda.loads(SPEC))).values()}
    talk, first, second = found["발표"], found["가"], found["나"]
    assert str(talk["URL"]) == "https://example.org/talk"
    assert str(talk["CONFERENCE"]) == "https://meet.example.org/j/1"  # the meeting's
    assert str(first["CONFERENCE"]) == "https://meet.example.org/j/2"  # its block's
    assert str(second["CONFERENCE"]) == "https://meet.example.org/j/3"  # its own
    assert "URL" not in first and "ATTACH" not in first
    assert str(talk["ATTACH"]) == "https://example.org/s.pdf"
    assert str(second["DESCRIPTION"]).endswith("\n\n온라인 참여: https://meet.example.org/j/3")


def test_a_meeting_without_links_writes_none() -> None:
    feed = feed_of(agenda.reference_meeting())
    for name in (b"URL", b"CONFERENCE", b"ATTACH"):
        assert b"\r\n" + name not in feed


def test_the_feed_writes_every_address_as_a_uri() -> None:
    meeting = Meeting("m", "2025-03-13", "09:00", "Asia/Seoul", [
        Item("a", minutes=10, url="https://예시.kr/발표",
             materials=[Material('Slides "v2"^1\nfinal', "HTTPS://example.org/자료.pdf")])],
        online="https://회의.kr/j/1")
    own, item = sorted(events(feed_of(meeting)).values(), key=lambda e: "RELATED-TO" in e)
    assert str(own["CONFERENCE"]) == "https://xn--ot5b11z.kr/j/1"
    assert str(own["LOCATION"]) == "https://xn--ot5b11z.kr/j/1"
    assert str(item["URL"]) == "https://xn--vv4b11d.kr/%EB%B0%9C%ED%91%9C"
    assert str(item["ATTACH"]) == "https://example.org/%EC%9E%90%EB%A3%8C.pdf"
    # a parameter every reader reads as written: no RFC 6868 escapes
    assert item["ATTACH"].params["FILENAME"] == "Slides 'v2'ˆ1 final"
    assert b"^'" not in feed_of(meeting) and b"^^" not in feed_of(meeting)


@pytest.mark.parametrize(("text", "expected"), [
    ("plain", "plain"), ('say "hi"', "say 'hi'"), ("a^b", "aˆb"), ("two\nlines", "two lines"),
    ("tab\there\x07", "tab here "), ("자료: 1; 2, 3", "자료: 1; 2, 3")])
def test_a_title_as_a_parameter(text: str, expected: str) -> None:
    assert _parameter(text) == expected


def test_the_label_is_in_the_feeds_language(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "m.toml"
    spec.write_text(SPEC, "utf-8")
    result = runner.invoke(cli, ["ics", str(spec), "--lang", "en", "--now", NOW])
    assert result.exit_code == 0, result.output
    feed = result.stdout_bytes
    own = next(e for e in events(feed).values() if "RELATED-TO" not in e)
    assert own["CONFERENCE"].params["LABEL"] == "Join online"
    assert str(own["ATTACH"].params["FILENAME"]) == "Handbook"
    assert "Material: Handbook <https://example.org/h.pdf>\nJoin online: " in str(
        own["DESCRIPTION"])


# -- every change is an update ---------------------------------------------------------------

CHANGES = {
    "url": lambda v, url: attrs.evolve(v, url=url),
    "online": lambda v, url: attrs.evolve(v, online=url),
    "no online": lambda v, url: attrs.evolve(v, online=None),
    "material added": lambda v, url: attrs.evolve(
        v, materials=(*v.materials, Material("새 자료", url))),
    "material removed": lambda v, url: attrs.evolve(v, materials=v.materials[1:]),
    "material renamed": lambda v, url: attrs.evolve(v, materials=[
        attrs.evolve(m, title=m.title + " v2") for m in v.materials]),
    "material moved": lambda v, url: attrs.evolve(v, materials=[
        attrs.evolve(m, url=url) for m in v.materials]),
}


@given(linked_meetings(), st.sampled_from(sorted(CHANGES)), urls, st.randoms())
def test_every_change_of_a_link_is_an_update(meeting: Meeting, change: str, url: str,
                                             chance: random.Random) -> None:
    """One link of the meeting or of one item changes: exactly the events whose links
    differ (an item that inherits a changed join link too) get SEQUENCE 1; every other
    event keeps its bytes and SEQUENCE 0."""
    paths = [()] + [slot.path for slot in agenda.layout(meeting)]
    path = chance.choice(paths)

    def edit(items: tuple[Item, ...], trail: tuple[str, ...]) -> tuple[Item, ...]:
        out = []
        for item in items:
            here = (*trail, item.key) if item.id is None else (item.id,)
            if here == path:
                item = CHANGES[change](item, url)
            out.append(attrs.evolve(item, items=edit(item.items, here)))
        return tuple(out)

    changed = (CHANGES[change](meeting, url) if path == () else
               attrs.evolve(meeting, items=edit(meeting.items, ())))
    before, after = wanted_links(make_case("", meeting)), wanted_links(make_case("", changed))
    moved = {uid for uid in before if before[uid] != after[uid]}
    assume(moved)
    first = feed_of(meeting)
    second = feed_of(changed, previous=first, now=LATER)
    assert {uid for uid, n in sequences(second).items() if n == 1} == moved
    assert set(sequences(second).values()) <= {0, 1}
    old, new = events(first), events(second)
    for uid in set(old) - moved:
        assert old[uid].to_ical() == new[uid].to_ical()


def test_an_unchanged_feed_is_written_again_byte_for_byte() -> None:
    first = feed_of(agenda.load(WORKSHOP))
    assert feed_of(agenda.load(WORKSHOP), previous=first, now=LATER) == first


# -- one event a day -------------------------------------------------------------------------


def test_a_meeting_over_two_days_is_one_event_a_day() -> None:
    meeting = agenda.load(WORKSHOP)
    timetable = agenda.layout(meeting)
    found = events(agenda.to_ics(timetable, items=True, now=NOW))
    days = {uid: e for uid, e in found.items() if "RELATED-TO" not in e}
    assert sorted(days) == [agenda.day_uid("hybrid-workshop-2025", dt.date(2025, 6, d))
                            for d in (12, 13)]
    assert agenda.event_uid("hybrid-workshop-2025", ()) not in found
    for day in timetable.days:
        event = days[agenda.day_uid(meeting.key, day.date)]
        assert (int(event["DTSTART"].dt.timestamp()), int(event["DTEND"].dt.timestamp())) == (
            day.start_utc, day.end_utc)
        assert str(event["CONFERENCE"]) == "https://meet.example.org/j/hybrid-2025"
        assert str(event["URL"]) == "https://example.org/workshop-2025"
        # the description is the day's own agenda
        titles = [slot.title for slot in timetable.day_slots(day)]
        assert all(title in str(event["DESCRIPTION"]) for title in titles)
    for slot in timetable:
        if not slot.is_block:
            event = found[agenda.event_uid(meeting.key, slot.path)]
            assert str(event["RELATED-TO"]) == agenda.day_uid(meeting.key, slot.date)


def test_a_day_past_midnight_ends_on_the_next_date() -> None:
    timetable = agenda.layout(agenda.load(EXAMPLES / "two-day-workshop.toml"))
    found = events(agenda.to_ics(timetable, now=NOW))
    second = found[agenda.day_uid("odw2024", dt.date(2024, 5, 21))]
    assert (second["DTSTART"].dt.isoformat(), second["DTEND"].dt.isoformat()) == (
        "2024-05-21T18:00:00+09:00", "2024-05-22T00:30:00+09:00")


def test_the_spanning_event_of_an_earlier_feed_is_cancelled_once() -> None:
    """A feed written when a meeting over several days was one event (09:00 on day 1 to
    00:30 on day 3) is updated: that event is cancelled (SEQUENCE 1), the days' events
    are new, the item events unchanged; a further update changes nothing."""
    old = ONE_EVENT_FEED.read_bytes()
    before = events(old)
    spanning = before[agenda.event_uid("odw2024", ())]
    assert (spanning["DTSTART"].dt.isoformat(), spanning["DTEND"].dt.isoformat()) == (
        "2024-05-20T09:00:00+09:00", "2024-05-22T00:30:00+09:00")
    timetable = agenda.layout(agenda.load(EXAMPLES / "two-day-workshop.toml"))
    new = agenda.to_ics(timetable, items=True, previous=old, now="2024-05-02T00:00:00Z")
    after = events(new)
    gone = after[agenda.event_uid("odw2024", ())]
    assert (str(gone["STATUS"]), int(gone["SEQUENCE"])) == ("CANCELLED", 1)
    days = [agenda.day_uid("odw2024", dt.date(2024, 5, d)) for d in (20, 21)]
    assert [(str(after[uid]["STATUS"]), int(after[uid]["SEQUENCE"])) for uid in days] == [
        ("CONFIRMED", 0), ("CONFIRMED", 0)]
    items = set(before) - {agenda.event_uid("odw2024", ())}
    bumped = {uid for uid in items if int(after[uid]["SEQUENCE"]) != 0}
    assert bumped == items  # RELATED-TO names the day now: an update of each item event
    again = agenda.to_ics(timetable, items=True, previous=new, now="2024-05-03T00:00:00Z")
    assert again == new
    feed = agenda.from_ics(new)
    assert feed.differences(timetable) == ()
    assert [e.uid for e in feed.cancelled] == [agenda.event_uid("odw2024", ())]


def test_differences_name_the_day_of_a_days_event() -> None:
    timetable = agenda.layout(agenda.load(WORKSHOP))
    old = agenda.from_ics(agenda.to_ics(timetable, now=NOW))
    moved = agenda.load(WORKSHOP)
    moved = attrs.evolve(moved, online="https://meet.example.org/j/other")
    lines = old.differences(agenda.layout(moved))
    assert lines == (
        'meeting "공공데이터 하이브리드 워크숍" on 2025-06-12: the agenda in its description is '
        "out of date",
        'meeting "공공데이터 하이브리드 워크숍" on 2025-06-13: the agenda in its description is '
        "out of date")
