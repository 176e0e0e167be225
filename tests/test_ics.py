"""iCalendar feeds: round trip, stable UIDs, in-place updates, hostile text, the reference."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Callable
from urllib.parse import unquote

import attrs
import icalendar
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import agenda
from agenda import FeedError, Item, Meeting, event_uid, from_ics, layout, to_ics, validate
from strategies import meetings

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)
T1 = dt.datetime(2024, 3, 5, 18, 30, tzinfo=dt.UTC)
# Each update test writes and parses three feeds per example: a third of the
# profile's examples (at least 20) keeps them quick, the thorough profile thorough.
updates = settings(max_examples=max(20, settings().max_examples // 3))


@functools.lru_cache(maxsize=16)
def parse(data: bytes) -> icalendar.Calendar:
    """The feed parsed by icalendar (cached: parsing is the slow part of these tests)."""
    return icalendar.Calendar.from_ical(data)


def vevents(data: bytes) -> list[icalendar.Event]:
    return parse(data).walk("VEVENT")


def by_uid(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in vevents(data)}


def instant(prop: icalendar.vDDDTypes) -> int:
    moment = prop.dt
    assert isinstance(moment, dt.datetime) and moment.tzinfo is not None
    return int(moment.timestamp())


def leaves(timetable: agenda.Timetable) -> list[agenda.Slot]:
    return [s for s in timetable if not s.is_block]


# -- round trip ------------------------------------------------------------------------------
@given(meetings())
def test_feed_parses_back_to_the_same_slots_instants_and_uids(meeting: Meeting) -> None:
    timetable = layout(meeting)
    data = to_ics(timetable, items=True, now=T0)
    calendar = parse(data)
    events = calendar.walk("VEVENT")
    slots = leaves(timetable)
    assert len(events) == 1 + len(slots)

    head = events[0]
    parent = event_uid(meeting.key, ())
    assert str(head["UID"]) == parent
    assert str(head["SUMMARY"]) == meeting.title
    assert instant(head["DTSTART"]) == timetable.start_utc
    assert instant(head["DTEND"]) == timetable.end_utc

    for event, slot in zip(events[1:], slots, strict=True):
        assert str(event["UID"]) == event_uid(meeting.key, slot.path)
        assert str(event["SUMMARY"]) == slot.title
        assert instant(event["DTSTART"]) == slot.start_utc
        assert instant(event["DTEND"]) == slot.end_utc
        assert str(event["RELATED-TO"]) == parent
        assert tuple(unquote(k) for k in str(event["X-AGENDA-PATH"]).split("/")[1:]) == slot.path
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert all(str(e["UID"]).isascii() for e in events)
    assert calendar.get_missing_tzids() == set()


@given(meetings())
def test_wall_clock_times_carry_the_zone_and_mean_the_same_instant_in_the_vtimezone(
        meeting: Meeting) -> None:
    """Local times are written with the meeting's TZID (UTC only for the second pass of a
    repeated hour), and the VTIMEZONE written into the feed, read on its own (not by
    zone name), maps each of them to the slot's instant."""
    timetable = layout(meeting)
    calendar = icalendar.Calendar.from_ical(to_ics(timetable, items=True, now=T0))
    written = {str(tz["TZID"]): tz.to_tz(lookup_tzid=False) for tz in calendar.timezones}
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            prop = event[name]
            moment = prop.dt
            if "TZID" not in prop.params:
                assert moment.utcoffset() == dt.timedelta(0)
                assert timetable.zone == "UTC" or moment.fold == 0
                continue
            assert prop.params["TZID"] == timetable.zone
            own = moment.replace(tzinfo=written[timetable.zone])
            assert int(own.timestamp()) == instant(prop)


FALL_BACK_NIGHT = Meeting("m", dt.date(2024, 11, 3), dt.time(0), "America/New_York",
                          [Item("block", items=[Item("child", minutes=90)])])
"""Every event ends in the repeated hour, so every time is written in UTC."""


@given(meetings())
@example(FALL_BACK_NIGHT)
def test_from_ics_reads_back_what_was_written(meeting: Meeting) -> None:
    timetable = layout(meeting)
    feed = from_ics(to_ics(timetable, items=True, now=T0, uid_domain="example.org"))
    assert feed.meeting is not None
    assert feed.meeting.summary == meeting.title
    assert (feed.meeting.start_utc, feed.meeting.end_utc) == (timetable.start_utc,
                                                               timetable.end_utc)
    assert [(e.path, e.summary, e.start_utc, e.end_utc) for e in feed.items] == [
        (s.path, s.title, s.start_utc, s.end_utc) for s in leaves(timetable)]
    assert feed.zone == timetable.zone
    assert {e.start.timezone_name for e in feed.events} == {timetable.zone}
    assert {e.end.timezone_name for e in feed.events} == {timetable.zone}
    assert all(e.sequence == 0 and e.status == "CONFIRMED" for e in feed.events)
    assert feed.uid_domain == "example.org"
    assert feed.differences(timetable) == ()


# -- determinism and UIDs ----------------------------------------------------------------
@updates
@given(meetings(), st.booleans())
def test_the_feed_is_a_pure_function_of_its_inputs(meeting: Meeting, items: bool) -> None:
    timetable = layout(meeting)
    assert to_ics(timetable, items=items) == to_ics(layout(meeting), items=items)


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=4),
       st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=4),
       st.text(min_size=1, max_size=20))
def test_uids_are_ascii_and_differ_for_different_paths(a: list[str], b: list[str],
                                                       key: str) -> None:
    first, second = event_uid(key, tuple(a)), event_uid(key, tuple(b))
    assert first.isascii() and first.endswith("@agenda.invalid")
    assert re.fullmatch(r"[\x21-\x7e]+", first)
    assert (first == second) == (a == b)
    assert event_uid(key, ()) != first
    assert event_uid(key, tuple(a), "example.org").endswith("@example.org")


@given(st.lists(st.text(st.characters(codec="utf-8")), max_size=4))
@example(['a"b', "c\\d", "e\nf\x7f", "가 ☕"])
def test_an_items_uid_hashes_its_path_as_compact_json(path: list[str]) -> None:
    """The UIDs published so far stay: the hash of the path written by `json.dumps`."""
    text = json.dumps(path, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
    want = f"m/{digest}@agenda.invalid" if path else "m@agenda.invalid"
    assert event_uid("m", tuple(path)) == want


@pytest.mark.parametrize("domain", ["", "exa mple.org", "例え.jp", "a@b", "-x.org", "x.org."])
def test_a_bad_uid_domain_is_refused(domain: str) -> None:
    with pytest.raises(FeedError, match="uid domain"):
        event_uid("m", ("a",), domain)


def _rewrite(items: tuple[Item, ...], target: int, change: Callable[[Item], Item],
             counter: list[int]) -> tuple[Item, ...]:
    """`items` with the `target`-th item in walk order replaced by change(item)."""
    out = []
    for item in items:
        here = counter[0]
        counter[0] += 1
        kids = _rewrite(item.items, target, change, counter)
        item = attrs.evolve(item, items=kids)
        out.append(change(item) if here == target else item)
    return tuple(out)


@given(meetings(), st.data())
def test_items_that_would_share_a_uid_are_reported(meeting: Meeting, data: st.DataObject
                                                   ) -> None:
    """Give one item the identity path of another: validation must object (so no feed
    with two events of one UID can be made)."""
    walked = list(meeting.walk())
    assume(len(walked) > 1)
    paths = [s.path for s in layout(meeting)]
    single = [i for i, p in enumerate(paths) if len(p) == 1]
    a = data.draw(st.sampled_from(single))
    b = data.draw(st.sampled_from([i for i in range(len(walked)) if i != a]))
    twin = attrs.evolve(meeting, items=_rewrite(
        meeting.items, b, lambda item: attrs.evolve(item, id=paths[a][0]), [0]))
    codes = {p.code for p in validate(twin)}
    assert codes & {"duplicate-id", "duplicate-identity", "duplicate-path"}
    with pytest.raises(agenda.InvalidAgenda):
        layout(twin)


def test_an_id_equal_to_a_top_level_title_in_another_block_is_reported() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", [
        Item("부산", minutes=5),
        Item("발표", items=[Item("강원", minutes=5, id="부산")]),
    ])
    [problem] = validate(meeting)
    assert problem.code == "duplicate-path"
    assert problem.number == "2.1"
    assert "item 1" in problem.message()


# -- updates in place --------------------------------------------------------------------
def _leaf_signature(timetable: agenda.Timetable, slot: agenda.Slot) -> tuple[object, ...]:
    """What subscribers see of an item event: title, instants, number, blocks, people."""
    parents = [timetable.by_number(slot.number[:i]) for i, ch in enumerate(slot.number)
               if ch == "."]
    return (slot.title, slot.start_utc, slot.end_utc, slot.number,
            tuple(p.title for p in parents), slot.item.presenter, slot.item.notes)


def _meeting_signature(timetable: agenda.Timetable) -> tuple[object, ...]:
    m = timetable.meeting
    rows = tuple((s.depth, s.start.format("HH:mm"), s.end.format("HH:mm"), s.title,
                  s.item.presenter) for s in timetable)
    return (m.title, timetable.start_utc, timetable.end_utc, m.location, m.category, rows)


def signatures(timetable: agenda.Timetable) -> dict[str, tuple[object, ...]]:
    key = timetable.meeting.key
    out = {event_uid(key, ()): _meeting_signature(timetable)}
    for slot in leaves(timetable):
        out[event_uid(key, slot.path)] = _leaf_signature(timetable, slot)
    return out


def assert_updated(before: agenda.Timetable, after: agenda.Timetable, old: bytes,
                   new: bytes) -> None:
    """Events whose content changed: SEQUENCE + 1 and stamps of T1; the rest untouched;
    events that left: CANCELLED, SEQUENCE + 1."""
    was, now = signatures(before), signatures(after)
    old_events, new_events = by_uid(old), by_uid(new)
    assert set(new_events) == set(was) | set(now)
    for uid, event in new_events.items():
        prior = old_events.get(uid)
        if uid not in now:
            assert prior is not None
            assert str(event["STATUS"]) == "CANCELLED"
            assert int(event["SEQUENCE"]) == int(prior["SEQUENCE"]) + 1
            assert event["DTSTAMP"].dt == T1
        elif uid not in was:
            assert int(event["SEQUENCE"]) == 0
        elif was[uid] != now[uid]:
            assert int(event["SEQUENCE"]) == int(prior["SEQUENCE"]) + 1, event["SUMMARY"]
            assert event["LAST-MODIFIED"].dt == event["DTSTAMP"].dt == T1
        else:
            assert event.to_ical() == prior.to_ical(), event["SUMMARY"]


@updates
@given(meetings(), st.booleans())
def test_an_unchanged_agenda_gives_a_byte_identical_feed(meeting: Meeting, items: bool
                                                         ) -> None:
    timetable = layout(meeting)
    first = to_ics(timetable, items=items, now=T0)
    assert to_ics(timetable, items=items, previous=first, now=T1) == first
    assert to_ics(timetable, items=items, previous=first.decode("utf-8")) == first


@updates
@given(meetings(), st.data())
def test_reordering_keeps_uids_and_bumps_exactly_the_moved_events(
        meeting: Meeting, data: st.DataObject) -> None:
    before = layout(meeting)
    order = data.draw(st.permutations(range(len(meeting.items))))
    after = layout(attrs.evolve(meeting, items=[meeting.items[i] for i in order]))
    old = to_ics(before, items=True, now=T0)
    new = to_ics(after, items=True, previous=old, now=T1)
    assert set(by_uid(new)) == set(by_uid(old))
    assert_updated(before, after, old, new)
    head = by_uid(new)[event_uid(meeting.key, ())]
    if [s.title for s in before] != [s.title for s in after]:
        assert int(head["SEQUENCE"]) == 1  # its description lists the new order
    if order == sorted(order):
        assert new == old


@updates
@given(meetings(), st.sampled_from([15, 30, 60, 90, -30]))
def test_retiming_keeps_uids_and_bumps_the_events_that_moved(meeting: Meeting, shift: int
                                                             ) -> None:
    before = layout(meeting)
    start = dt.datetime.combine(meeting.date, meeting.start) + dt.timedelta(minutes=shift)
    assume(start.date() == meeting.date)
    later = attrs.evolve(meeting, start=start.time(), end=None)
    assume(not any(p.severity == "error" for p in validate(later)))
    after = layout(later)
    old = to_ics(before, items=True, now=T0)
    new = to_ics(after, items=True, previous=old, now=T1)
    assert set(by_uid(new)) == set(by_uid(old))
    assert_updated(before, after, old, new)
    if after.start_utc != before.start_utc:
        assert all(int(e["SEQUENCE"]) == 1 for e in vevents(new))


@updates
@given(meetings(), st.data())
def test_a_removed_item_stays_cancelled_and_is_not_bumped_again(
        meeting: Meeting, data: st.DataObject) -> None:
    assume(len(meeting.items) > 1)
    gone = data.draw(st.integers(0, len(meeting.items) - 1))
    rest = attrs.evolve(meeting, items=meeting.items[:gone] + meeting.items[gone + 1:],
                        end=None)
    before, after = layout(meeting), layout(rest)
    old = to_ics(before, items=True, now=T0)
    new = to_ics(after, items=True, previous=old, now=T1)
    assert_updated(before, after, old, new)
    cancelled = [e for e in vevents(new) if str(e["STATUS"]) == "CANCELLED"]
    assert {str(e["UID"]) for e in cancelled} == set(signatures(before)) - set(
        signatures(after))
    assert cancelled
    again = to_ics(after, items=True, previous=new,
                   now=T1 + dt.timedelta(days=1))
    assert again == new
    assert len(from_ics(again).cancelled) == len(cancelled)


@updates
@given(meetings(), st.data())
def test_renaming_an_item_with_an_id_keeps_its_uid(meeting: Meeting, data: st.DataObject
                                                   ) -> None:
    before = layout(meeting)
    named = [i for i, s in enumerate(before) if s.item.id is not None and not s.is_block]
    assume(named)
    target = data.draw(st.sampled_from(named))
    renamed = attrs.evolve(meeting, items=_rewrite(
        meeting.items, target, lambda item: attrs.evolve(item, title=item.title + " (2)"),
        [0]))
    after = layout(renamed)
    old = to_ics(before, items=True, now=T0)
    new = to_ics(after, items=True, previous=old, now=T1)
    assert set(by_uid(new)) == set(by_uid(old))
    uid = event_uid(meeting.key, before[target].path)
    assert str(by_uid(new)[uid]["SUMMARY"]).endswith(" (2)")
    assert int(by_uid(new)[uid]["SEQUENCE"]) == 1
    assert_updated(before, after, old, new)


def test_renaming_an_item_without_an_id_cancels_the_old_event() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("a", minutes=5), Item("b", minutes=5)], id="m")
    old = to_ics(layout(meeting), items=True, now=T0)
    new = to_ics(layout(attrs.evolve(meeting, items=[Item("a2", minutes=5),
                                                     Item("b", minutes=5)])),
                 items=True, previous=old, now=T1)
    feed = from_ics(new)
    assert [e.summary for e in feed.cancelled] == ["a"]
    assert [e.summary for e in feed.items] == ["a2", "b"]


def test_an_item_that_comes_back_is_confirmed_again_with_a_higher_sequence() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("a", minutes=5, id="a"), Item("b", minutes=5, id="b")], id="m")
    first = to_ics(layout(meeting), items=True, now=T0)
    without = to_ics(layout(attrs.evolve(meeting, items=meeting.items[1:])), items=True,
                     previous=first, now=T1)
    back = to_ics(layout(meeting), items=True, previous=without, now=T1)
    event = from_ics(back).by_path(("a",))
    assert event.status == "CONFIRMED"
    assert event.sequence == 2


def test_the_uid_domain_of_the_previous_feed_is_kept() -> None:
    timetable = layout(agenda.reference_meeting())
    first = to_ics(timetable, now=T0, uid_domain="example.org")
    assert to_ics(timetable, previous=first, now=T1) == first
    moved = to_ics(timetable, previous=first, now=T1, uid_domain="example.net")
    feed = from_ics(moved)
    assert feed.meeting is not None and feed.meeting.uid.endswith("@example.net")
    assert [e.uid for e in feed.cancelled] == [event_uid(timetable.meeting.key, (),
                                                         "example.org")]


def test_without_now_new_stamps_follow_the_previous_feed() -> None:
    timetable = layout(agenda.reference_meeting())
    first = to_ics(timetable, now=T0)
    later = to_ics(layout(attrs.evolve(timetable.meeting, title="바뀐 제목")),
                   previous=first)
    [event] = vevents(later)
    assert event["DTSTAMP"].dt == T0 + dt.timedelta(seconds=1)


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        to_ics(layout(agenda.reference_meeting()), now=dt.datetime(2024, 3, 1))  # noqa: DTZ001


# -- previous feeds that are not ours -----------------------------------------------------
FOREIGN = [
    b"not a calendar at all",
    b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n",
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    b"END:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nPRODID:-//agenda//something else//EN\r\nEND:VCALENDAR\r\n",
]


@pytest.mark.parametrize("previous", FOREIGN)
def test_a_previous_feed_that_is_not_ours_is_an_error(previous: bytes | str) -> None:
    timetable = layout(agenda.reference_meeting())
    with pytest.raises(FeedError) as caught:
        to_ics(timetable, previous=previous, now=T0)
    assert isinstance(caught.value, agenda.AgendaError)
    assert isinstance(caught.value, ValueError)
    assert re.search(r"not (valid iCalendar|an iCalendar calendar|a feed written by agenda)",
                     str(caught.value))
    with pytest.raises(FeedError):
        from_ics(previous)


# -- hostile text ------------------------------------------------------------------------
hostile = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30) | st.sampled_from([
    "\nBEGIN:VEVENT\nUID:evil\nEND:VEVENT\n", "a\r\nb", "x;y,z\\w", "\x00\x07\x1b\x7f",
    "line\u2028sep\x85nel", 'quote " and: colon', "END:VCALENDAR",
])


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "\ufffd", text)


@updates
@given(hostile, hostile, hostile, st.one_of(st.none(), hostile))
def test_hostile_text_stays_inside_its_property(title: str, first: str, second: str,
                                                where: str | None) -> None:
    assume(title.strip() and first.strip() and second.strip() and first != second)
    meeting = Meeting(title, dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item(first, minutes=5, presenter=second),
                       Item(second, minutes=5, notes=first)],
                      location=where, category=where)
    timetable = layout(meeting)
    data = to_ics(timetable, items=True, now=T0)
    for line in re.split(rb"\r\n(?! )", data)[:-1]:
        assert re.fullmatch(rb"[A-Za-z0-9-]+[;:].*", line, re.S), line
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line.replace(b"\r\n ", b""))
    events = vevents(data)
    assert len(events) == 3
    assert [str(e["SUMMARY"]) for e in events] == [_clean(title), _clean(first),
                                                   _clean(second)]
    if where is not None:
        assert str(events[0]["LOCATION"]) == _clean(where)
        assert [str(c) for c in events[0]["CATEGORIES"].cats] == [_clean(where)]
    feed = from_ics(data)
    assert [e.path for e in feed.items] == [(first,), (second,)]
    assert feed.differences(timetable) == ()


def test_a_title_holding_a_vevent_stays_one_summary() -> None:
    title = "발표\nBEGIN:VEVENT\nUID:evil@x\nSUMMARY:injected\nEND:VEVENT\n"
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item(title, minutes=5), Item("토론", minutes=5)])
    data = to_ics(layout(meeting), items=True, now=T0)
    events = vevents(data)
    assert len(events) == 3
    assert str(events[1]["SUMMARY"]) == title
    assert len(re.findall(rb"(?m)^BEGIN:VEVENT\r$", data)) == 3


# -- the reference meeting ----------------------------------------------------------------
def test_the_reference_feed() -> None:
    timetable = layout(agenda.reference_meeting())
    data = to_ics(timetable, now=T0)
    text = data.decode("utf-8")
    assert "DTSTART;TZID=Asia/Seoul:20240313T140000\r\n" in text
    assert "DTEND;TZID=Asia/Seoul:20240313T150000\r\n" in text
    calendar = icalendar.Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in calendar.timezones] == ["Asia/Seoul"]
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Seoul"
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    [event] = calendar.walk("VEVENT")
    assert event.start.astimezone(dt.UTC) == dt.datetime(2024, 3, 13, 5, tzinfo=dt.UTC)
    assert event.end.astimezone(dt.UTC) == dt.datetime(2024, 3, 13, 6, tzinfo=dt.UTC)
    assert str(event["LOCATION"]) == "강원도 원주 의료기기테크노밸리 4층 회의실"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["정책 협의"]
    lines = str(event["DESCRIPTION"]).split("\n")
    assert lines[0] == "14:00~14:02 사진촬영"
    assert "14:07~14:27 지자체별 글로벌 혁신 특구 준비현황 발표" in lines
    start = lines.index("14:07~14:27 지자체별 글로벌 혁신 특구 준비현황 발표")
    assert lines[start + 1:start + 5] == ["  14:07~14:12 부산", "  14:12~14:17 강원",
                                         "  14:17~14:22 충북", "  14:22~14:27 전남"]
    assert "14:27~14:32 중기부·지자체 협업 방향 — 특구정책과장" in lines
    assert lines[-1] == "14:57~15:00 차관 맺음말씀 — 차관"
    assert len(lines) == len(timetable)


def test_the_reference_feed_with_items_links_every_presentation_to_the_meeting() -> None:
    timetable = layout(agenda.reference_meeting())
    feed = from_ics(to_ics(timetable, items=True, now=T0))
    assert feed.meeting is not None
    assert [e.summary for e in feed.items] == [
        "사진촬영", "개회 및 참석자 소개", "차관 인사말씀", "부산", "강원", "충북", "전남",
        "중기부·지자체 협업 방향", "토론", "차관 맺음말씀"]
    assert {e.related_to for e in feed.items} == {feed.meeting.uid}
    gangwon = feed.by_path(("gangwon",))
    assert (gangwon.start.format("HH:mm"), gangwon.end.format("HH:mm")) == ("14:12", "14:17")
    assert gangwon.description.startswith("지자체별 글로벌 혁신 특구 준비현황 발표 › 강원")


def test_differences_name_what_subscribers_have_wrong() -> None:
    meeting = agenda.reference_meeting()
    published = from_ics(to_ics(layout(meeting), items=True, now=T0))
    assert published.differences(layout(meeting)) == ()
    late = layout(attrs.evolve(meeting, start=dt.time(14, 10), end=dt.time(15, 10)))
    found = published.differences(late)
    assert found[0] == ('meeting "글로벌 혁신특구 지자체-중기부 정책협의": 2024-03-13 '
                        "14:00–15:00 in the feed, 2024-03-13 14:10–15:10 in the agenda")
    assert "the agenda in its description is out of date" in found[1]
    assert len(found) == 2 + 10  # and every item event
    assert found[-1] == ('7 "차관 맺음말씀": 2024-03-13 14:57–15:00 in the feed, '
                         "2024-03-13 15:07–15:10 in the agenda")
    fewer = layout(attrs.evolve(meeting, items=meeting.items[:-1], end=dt.time(14, 57)))
    assert published.differences(fewer)[-1] == '"차관 맺음말씀": in the feed, not in the agenda'


def test_an_event_with_categories_given_twice_reads_back() -> None:
    """Found by the thorough fuzz profile: a feed whose event has two CATEGORIES lines
    (RFC 5545 allows it) ended in an internal error when read."""
    feed = agenda.to_ics(agenda.layout(agenda.reference_meeting()), items=True,
                         now="2024-03-01T00:00:00Z")
    text = feed.decode("utf-8") if isinstance(feed, bytes) else feed
    first = next(line for line in text.split("\r\n") if line.startswith("CATEGORIES:"))
    twice = text.replace(first, f"{first}\r\nCATEGORIES:extra", 1)
    events = agenda.from_ics(twice).events
    assert any("extra" in event.categories for event in events)
