"""Parallel blocks: tracks side by side, rooms, and double bookings."""

from __future__ import annotations

import datetime as dt

from hypothesis import given

import agenda
from agenda import Item, Meeting
from agenda._layout import draft
from strategies import conference_meetings

DAY = dt.date(2024, 5, 20)


def meeting(*items: Item) -> Meeting:
    return Meeting("Conf", DAY, dt.time(9), "Asia/Seoul", items)


def block(*tracks: Item, minutes: int | None = None, title: str = "Tracks") -> Item:
    return Item(title, minutes=minutes, parallel=True, items=tracks)


def times(timetable: agenda.Timetable) -> dict[str, str]:
    return {s.number: f"{s.start:HH:mm}-{s.end:HH:mm}" for s in timetable}


def test_tracks_start_together_and_the_block_lasts_its_longest_track() -> None:
    timetable = agenda.layout(meeting(
        Item("Keynote", minutes=30, room="Hall"),
        block(Item("Data", room="A", items=[Item("t1", minutes=30), Item("t2", minutes=30)]),
              Item("Web", room="B", items=[Item("w1", minutes=45)])),
        Item("Lunch", minutes=60, kind="break")))
    assert times(timetable) == {
        "1": "09:00-09:30", "2": "09:30-10:30", "2.1": "09:30-10:30", "2.1.1": "09:30-10:00",
        "2.1.2": "10:00-10:30", "2.2": "09:30-10:15", "2.2.1": "09:30-10:15",
        "3": "10:30-11:30"}
    rooms = {s.number: (s.room, s.track) for s in timetable}
    assert rooms["2.1.2"] == ("A", "Data") and rooms["2.2.1"] == ("B", "Web")
    assert rooms["1"] == ("Hall", None) and rooms["3"] == (None, None)


def test_a_track_child_keys_on_the_block_not_the_track() -> None:
    timetable = agenda.layout(meeting(block(
        Item("Data", room="A", items=[Item("Storage", minutes=30)]),
        Item("Web", room="B", items=[Item("Caching", minutes=30)]))))
    assert timetable.by_number("1.1.1").path == ("Tracks", "Storage")
    moved = agenda.layout(meeting(block(
        Item("Data", room="A", items=[Item("Caching", minutes=30)]),
        Item("Web", room="B", items=[Item("Storage", minutes=30)]))))
    assert {s.path for s in timetable} == {s.path for s in moved}


def test_a_track_that_overflows_its_block_names_both_and_the_times() -> None:
    problems = agenda.validate(meeting(block(
        Item("Data", room="A", items=[Item("t1", minutes=50)]),
        Item("Web", room="B", items=[Item("w1", minutes=30)]), minutes=40)))
    assert [(p.code, p.number) for p in problems] == [("track-overflow", "1.1")]
    assert problems[0].message() == ('runs 09:00–09:50, 10 min past the end of its parallel '
                                   'block 1 "Tracks" (09:00–09:40)')


def test_a_track_that_ends_early_leaves_a_gap() -> None:
    timetable = agenda.layout(meeting(block(
        Item("Data", room="A", items=[Item("t1", minutes=20)]),
        Item("Web", room="B", items=[Item("w1", minutes=30)]), minutes=40),
        Item("Next", minutes=10)))
    assert times(timetable)["2"] == "09:40-09:50"


def test_items_without_minutes_in_a_track_share_the_block() -> None:
    timetable = agenda.layout(meeting(block(
        Item("Data", room="A", items=[Item("t1"), Item("t2")]),
        Item("Lab", room="B"), minutes=60)))
    assert times(timetable)["1.1.2"] == "09:30-10:00"
    assert times(timetable)["1.2"] == "09:00-10:00"


def test_a_room_booked_twice_names_both_items_and_times() -> None:
    problems = agenda.validate(meeting(block(
        Item("Data", room="A", items=[Item("t1", minutes=30), Item("t2", minutes=30)]),
        Item("Web", room="B", items=[Item("w1", minutes=20), Item("w2", minutes=20,
                                                                   room="A")]))))
    # w2 (09:20–09:40, moved to room A) overlaps both talks of room A
    assert [(p.code, p.number) for p in problems] == [("room-conflict", "1.1.2"),
                                                       ("room-conflict", "1.2.2")]
    assert problems[0].message() == ('room "A" is double-booked: this item runs 09:30–10:00, '
                                   'item 1.2.2 "w2" runs 09:20–09:40')
    assert problems[1].message() == ('room "A" is double-booked: this item runs 09:20–09:40, '
                                   'item 1.1.1 "t1" runs 09:00–09:30')


def test_a_presenter_in_two_rooms_at_once_is_a_problem() -> None:
    problems = agenda.validate(meeting(block(
        Item("Data", room="A", items=[Item("t1", minutes=30, presenter="Kim")]),
        Item("Web", room="B", items=[Item("w1", minutes=15),
                                     Item("w2", minutes=30, presenter="Kim")]))))
    assert [(p.code, p.number) for p in problems] == [("presenter-conflict", "1.2.2")]
    assert '"Kim" is double-booked' in problems[0].message()
    assert 'item 1.1.1 "t1" runs 09:00–09:30' in problems[0].message()


def test_a_presenter_may_give_several_talks_in_sequence() -> None:
    assert agenda.validate(meeting(
        Item("a", minutes=30, presenter="Kim"),
        block(Item("Data", room="A", items=[Item("t1", minutes=30, presenter="Kim")]),
              Item("Web", room="B", items=[Item("w1", minutes=30)])),
        Item("b", minutes=30, presenter="Kim"))) == ()


def test_parallel_without_tracks_is_a_problem() -> None:
    problems = agenda.validate(meeting(Item("Empty", minutes=10, parallel=True)))
    assert [p.code for p in problems] == ["parallel-without-tracks"]


def test_a_parallel_item_without_tracks_is_sized_as_the_leaf_it_is_placed_as() -> None:
    # It is placed as a leaf, so sizing counts it as one: the flexible item after it
    # keeps its own (fallback) size instead of handing it to the empty block.
    day = Meeting("Conf", DAY, dt.time(9), "Asia/Seoul", end=dt.time(9, 30), items=[
        Item("Intro", minutes=10), Item("Empty", parallel=True),
        Item("Open floor", min_minutes=5)])
    timetable, problems = draft(day)
    assert timetable is not None
    assert {p.code for p in problems} == {"parallel-without-tracks", "mixed-sizing"}
    assert times(timetable) == {"1": "09:00-09:10", "2": "09:10-09:10", "3": "09:10-09:15"}
    alone = Meeting("Conf", DAY, dt.time(9), "Asia/Seoul", end=dt.time(9, 30), items=[
        Item("Empty", parallel=True), Item("Talk")])
    timetable, problems = draft(alone)
    assert timetable is not None
    assert [p.code for p in problems] == ["parallel-without-tracks"]
    assert times(timetable) == {"1": "09:00-09:15", "2": "09:15-09:30"}


def test_tracks_share_one_identity_namespace() -> None:
    problems = agenda.validate(meeting(block(
        Item("Data", room="A", items=[Item("Q&A", minutes=10)]),
        Item("Web", room="B", items=[Item("Q&A", minutes=10)]))))
    assert [(p.code, p.number) for p in problems] == [("duplicate-identity", "1.2.1")]


def _overlap(a: agenda.Slot, b: agenda.Slot) -> bool:
    return a.start_utc < b.end_utc and b.start_utc < a.end_utc


def _within(outer: agenda.Slot, inner: agenda.Slot) -> bool:
    return inner.number.startswith(outer.number + ".")


@given(conference_meetings())
def test_tracks_never_overlap_their_blocks_neighbours(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    for day in timetable.days:
        top = [s for s in timetable.day_slots(day) if s.depth == 0]
        for k, slot in enumerate(top):
            inside = [s for s in timetable.day_slots(day) if _within(slot, s)]
            for child in inside:
                assert slot.start_utc <= child.start_utc <= child.end_utc <= slot.end_utc
            for neighbour in top[:k] + top[k + 1:]:
                assert not _overlap(slot, neighbour)
                assert not any(_overlap(child, neighbour) for child in inside)


@given(conference_meetings())
def test_an_item_outside_parallel_blocks_blocks_every_room(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    slots = list(timetable)
    for spanning in (s for s in slots if s.depth == 0 and not s.item.parallel):
        for other in slots:
            if other is not spanning and other.room is not None and not _within(
                    spanning, other):
                assert not _overlap(spanning, other), (spanning.number, other.number)


@given(conference_meetings())
def test_no_room_or_presenter_is_double_booked_in_a_valid_agenda(meeting: Meeting) -> None:
    leaves = [s for s in agenda.layout(meeting) if not s.is_block]
    for k, a in enumerate(leaves):
        for b in leaves[k + 1:]:
            if _overlap(a, b):
                assert a.room != b.room or a.room is None
                assert a.item.presenter != b.item.presenter or a.item.presenter is None
