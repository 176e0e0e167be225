"""Edit operations: every edit gives a valid agenda or its own error (properties), and
the reference meeting's everyday edits (examples)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, reject
from hypothesis import strategies as st

import agenda
from agenda import (
    AddressError,
    BelowMinimum,
    EditError,
    InvalidEdit,
    Item,
    Kind,
    Meeting,
    Overflow,
    Severity,
    insert,
    layout,
    move,
    remove,
    resize,
    shift,
    validate,
)
from strategies import meetings, move_arguments


def _errors(meeting: Meeting) -> list[agenda.Problem]:
    return [p for p in validate(meeting) if p.severity is Severity.ERROR]


def _leaf_multiset(meeting: Meeting) -> Counter[tuple[str, str | None]]:
    return Counter((item.title, item.id) for item in meeting.walk())


# -- properties ---------------------------------------------------------------------------
@st.composite
def edits(draw: st.DrawFn) -> tuple[Meeting, str, Meeting | EditError]:
    """A valid meeting, an operation drawn at random with random arguments, and what
    the operation returned (or the EditError it raised)."""
    meeting = draw(meetings())
    numbers = [slot.number for slot in layout(meeting)]
    pick = st.sampled_from(numbers)
    absorb = st.one_of(st.none(), st.sampled_from(["end", "parent"]), pick)
    op = draw(st.sampled_from(["shift", "move", "resize", "insert", "remove"]))
    try:
        if op == "shift":
            result = shift(meeting, by=draw(st.integers(-600, 600)),
                           move_anchors=draw(st.booleans()))
        elif op == "move":
            where = draw(st.sampled_from(["before", "after", "into"]))
            result = move(meeting, draw(pick), **{where: draw(pick)})
        elif op == "resize":
            result = resize(meeting, draw(pick), draw(st.integers(1, 120)), absorb=draw(absorb))
        elif op == "insert":
            where = draw(st.sampled_from(["before", "after", "into"]))
            new = Item(f"new item {draw(st.integers(0, 99))}",
                       minutes=draw(st.none() | st.integers(1, 30)))
            result = insert(meeting, new, absorb=draw(absorb), **{where: draw(pick)})
        else:
            result = remove(meeting, draw(pick), absorb=draw(absorb))
    except EditError as exc:
        return meeting, op, exc
    return meeting, op, result


@given(edits())
def test_an_edit_gives_a_valid_agenda_or_its_own_error(case: tuple[Meeting, str, object]
                                                         ) -> None:
    before, _op, result = case
    if isinstance(result, EditError):
        assert str(result)
        return
    assert isinstance(result, Meeting)
    assert not _errors(result)
    assert _errors(before) == []


@given(meetings(), st.integers(-300, 300))
def test_shift_moves_every_item_by_the_same_time(meeting: Meeting, minutes: int) -> None:
    before = layout(meeting)
    try:
        after = layout(shift(meeting, by=minutes))
    except EditError as exc:  # a start the wall clock cannot name
        assert "second pass" in str(exc) or "calendar's range" in str(exc)
        reject()
    assert [s.path for s in after] == [s.path for s in before]
    for old, new in zip(before, after, strict=True):
        assert new.start_utc - old.start_utc == minutes * 60
        assert new.end_utc - old.end_utc == minutes * 60


@given(meetings(), st.data())
def test_move_keeps_the_items_and_the_total(meeting: Meeting, data: st.DataObject) -> None:
    item, where, target = data.draw(move_arguments(meeting))
    try:
        moved = move(meeting, item, **{where: target})
    except InvalidEdit as exc:  # e.g. the block it leaves would have no time left
        assert exc.problems
        reject()
    assert _leaf_multiset(moved) == _leaf_multiset(meeting)
    assert layout(moved).minutes == layout(meeting).minutes


@given(meetings(), st.data())
def test_moving_an_item_next_to_itself_or_its_own_items_is_refused(
        meeting: Meeting, data: st.DataObject) -> None:
    numbers = [slot.number for slot in layout(meeting)]
    item = data.draw(st.sampled_from(numbers))
    target = data.draw(st.sampled_from([n for n in numbers
                                        if n == item or n.startswith(f"{item}.")]))
    where = data.draw(st.sampled_from(["before", "after", "into"]))
    with pytest.raises(EditError, match="into or next to itself"):
        move(meeting, item, **{where: target})


@given(meetings(), st.data())
def test_an_item_cannot_absorb_its_own_resize(meeting: Meeting, data: st.DataObject) -> None:
    leaf = data.draw(st.sampled_from([s for s in layout(meeting) if not s.is_block]))
    minutes = data.draw(st.integers(1, 60).filter(lambda m: m != leaf.minutes))
    with pytest.raises(EditError, match="cannot absorb the time of an item that holds it"):
        resize(meeting, leaf.number, minutes, absorb=leaf.number)


@given(meetings(), st.data())
def test_resize_with_an_absorbing_item_keeps_the_total(meeting: Meeting,
                                                      data: st.DataObject) -> None:
    timetable = layout(meeting)
    leaves = [s for s in timetable if not s.is_block]
    assume(len(leaves) > 1)
    item, giver = data.draw(st.lists(st.sampled_from(leaves), min_size=2, max_size=2,
                                     unique_by=lambda s: s.number))
    # The giver keeps at least its minimum (one minute when it declares none).
    most = item.minutes + giver.minutes - (giver.item.min_minutes or 1)
    minutes = data.draw(st.integers(1, max(1, most)))
    assume(minutes <= most)
    resized = resize(meeting, item.number, minutes, absorb=giver.number)
    after = layout(resized)
    assert after.minutes == timetable.minutes
    assert after.by_number(item.number).minutes == minutes


# -- the reference meeting ----------------------------------------------------------------
REF = agenda.reference_meeting()


def _times(meeting: Meeting) -> dict[str, str]:
    return {s.title: f"{s.start:HH:mm}-{s.end:HH:mm}" for s in layout(meeting)}


def test_reordering_the_presentations_keeps_the_equal_split() -> None:
    swapped = move(REF, "gangwon", before="busan")
    times = _times(swapped)
    assert times["강원"] == "14:07-14:12"
    assert times["부산"] == "14:12-14:17"
    block = swapped.items[3]
    assert [c.title for c in block.items] == ["강원", "부산", "충북", "전남"]
    assert all(c.minutes is None for c in block.items)
    assert REF.items[3].items[0].title == "부산"  # the original is untouched


def test_items_are_found_by_number_and_title_path() -> None:
    by_number = move(REF, "4.2", before="4.1")
    by_path = move(REF, "지자체별 글로벌 혁신 특구 준비현황 발표/강원", before="부산")
    assert by_number == by_path == move(REF, "gangwon", before="busan")


def test_an_address_that_matches_nothing_lists_close_candidates() -> None:
    with pytest.raises(AddressError) as caught:
        remove(REF, "토로")
    assert caught.value.candidates
    assert any("토론" in c for c in caught.value.candidates)
    assert "토로" in str(caught.value)


def test_an_ambiguous_address_lists_every_match() -> None:
    twice = attrs.evolve(REF, items=(*REF.items, Item("부산", minutes=1, id="busan-2")), end=None)
    with pytest.raises(AddressError) as caught:
        remove(twice, "부산")
    assert caught.value.ambiguous
    assert len(caught.value.candidates) == 2
    assert any(c.startswith("4.1 ") for c in caught.value.candidates)


def test_resize_takes_time_from_the_discussion() -> None:
    longer = resize(REF, "briefing", 10, absorb="discussion")
    times = _times(longer)
    assert times["중기부·지자체 협업 방향"] == "14:27-14:37"
    assert times["토론"] == "14:37-14:57"
    assert layout(longer).end.format("HH:mm") == "15:00"


def test_taking_a_flexible_item_below_its_minimum_gives_the_numbers() -> None:
    flexible = attrs.evolve(REF, items=tuple(
        attrs.evolve(i, min_minutes=15) if i.id == "discussion" else i for i in REF.items))
    with pytest.raises(BelowMinimum) as caught:
        resize(flexible, "briefing", 18, absorb="discussion")
    assert (caught.value.needed, caught.value.minimum) == (12, 15)
    assert "토론 would need 12 min, its minimum is 15" in str(caught.value)


def test_resize_can_grow_the_block_or_move_the_end() -> None:
    grown = resize(REF, "gangwon", 7, absorb="end")
    assert grown.items[3].minutes == 22
    assert grown.end == dt.time(15, 2)
    assert _times(grown)["충북"] == "14:19-14:24"
    open_ended = attrs.evolve(REF, end=None)
    parent = resize(open_ended, "4.2", 10, absorb="parent")
    assert parent.items[3].minutes == 25
    assert layout(parent).end.format("HH:mm") == "15:05"
    with pytest.raises(InvalidEdit) as caught:  # the block grows, the declared end holds
        resize(REF, "4.2", 10, absorb="parent")
    assert {p.code for p in caught.value.problems} == {"past-end"}


def test_inserting_into_a_full_block_says_by_how_much_it_overflows() -> None:
    full = attrs.evolve(REF, items=(*REF.items[:3], Item(
        "발표", minutes=10, items=(Item("a", minutes=5), Item("b", minutes=5))), *REF.items[4:]),
        end=None)
    with pytest.raises(Overflow) as caught:
        insert(full, Item("c", minutes=4), into="발표")
    assert (caught.value.minutes, caught.value.over) == (10, 4)
    assert "overflow by 4 min" in str(caught.value)
    fits = insert(full, Item("c", minutes=4), into="발표", absorb="parent")
    assert fits.items[3].minutes == 14


def test_a_fifth_region_joins_the_equal_split() -> None:
    five = insert(REF, Item("제주", kind=Kind.PRESENTATION, id="jeju"), after="jeonnam")
    assert [s.minutes for s in layout(five) if s.depth == 1] == [4, 4, 4, 4, 4]
    grown = insert(REF, Item("제주", id="jeju"), after="jeonnam", absorb="discussion")
    assert grown.items[3].minutes == 25
    assert _times(grown)["토론"] == "14:37-14:57"


def test_remove_gives_the_time_to_the_discussion() -> None:
    shorter = remove(REF, "photo", absorb="discussion")
    times = _times(shorter)
    assert "사진촬영" not in times
    assert times["토론"] == "14:30-14:57"
    with pytest.raises(InvalidEdit) as caught:
        remove(REF, "photo")  # nothing takes the 2 minutes: short of the declared end
    assert any(p.code == "short-of-end" for p in caught.value.problems)


def test_shift_leaves_anchors_and_the_end_in_place() -> None:
    lunch = Meeting("board", dt.date(2024, 5, 20), dt.time(10, 0), "Asia/Seoul", (
        Item("reports", minutes=60),
        Item("discussion", min_minutes=20, kind=Kind.DISCUSSION),
        Item("lunch", minutes=60, at=dt.time(12, 0), kind=Kind.BREAK),
        Item("votes", minutes=60)), end=dt.time(14, 0))
    late = shift(lunch, by=10)
    times = _times(late)
    assert times["reports"] == "10:10-11:10"
    assert times["discussion"] == "11:10-12:00"
    assert times["lunch"] == "12:00-13:00"
    assert late.end == dt.time(14, 0)
    everything = shift(lunch, by=10, move_anchors=True)
    assert _times(everything)["lunch"] == "12:10-13:10"
    assert everything.end == dt.time(14, 10)


def test_shift_to_another_date_rewrites_the_weekday() -> None:
    moved = shift(REF, to="2024-03-14T09:00")
    assert (moved.date, moved.start, moved.weekday) == (dt.date(2024, 3, 14), dt.time(9, 0),
                                                         "목")
    assert moved.end == dt.time(10, 0)


def test_an_edit_that_cannot_be_made_valid_raises_and_changes_nothing() -> None:
    with pytest.raises(EditError):
        move(REF, "regional-reports", into="gangwon")
    with pytest.raises(InvalidEdit) as caught:
        resize(REF, "gangwon", 7)  # 13 min left for three items: not an equal split
    assert any(p.code == "uneven-split" for p in caught.value.problems)
    assert agenda.reference_meeting() == REF


# -- meetings held over several days ---------------------------------------------------
WORKSHOP = agenda.load(Path(__file__).parent.parent / "examples" / "two-day-workshop.toml")


def test_edits_reach_the_second_day_and_its_tracks() -> None:
    before = layout(WORKSHOP)
    talk = "Evening tracks/Web/Vector tiles"
    moved = move(WORKSHOP, talk, before="Evening tracks/Web/Static sites for open data")
    after = layout(moved)
    web = [s.title for s in after if s.track == "Web" and not s.is_block
           and s.start.date() == before.days[1].date]
    assert web[:2] == ["Vector tiles", "Static sites for open data"]
    midnight = "Midnight talk: how clocks and calendars disagree"
    assert before.by_number(find_number(before, midnight)).minutes == 90
    grown = resize(WORKSHOP, midnight, 120, absorb="end")
    assert grown.days[1].end == dt.time(1, 0)
    assert layout(grown).days[1].end_utc - before.days[1].end_utc == 30 * 60
    assert grown.days[0] == WORKSHOP.days[0]


def find_number(timetable: agenda.Timetable, title: str) -> str:
    return next(s.number for s in timetable if s.title == title)


def test_shift_moves_every_day() -> None:
    later = shift(WORKSHOP, by=30)
    before, after = layout(WORKSHOP), layout(later)
    assert [d.start_utc - b.start_utc for d, b in zip(after.days, before.days, strict=True)
            ] == [1800, 1800]
    assert later.date == later.days[0].date and later.start == dt.time(9, 30)


# -- an absorbing item that shares an equal split ------------------------------------------
def test_resize_takes_the_time_from_the_named_region_alone() -> None:
    resized = resize(REF, "busan", 8, absorb="gangwon")
    minutes = {s.title: s.minutes for s in layout(resized) if s.depth == 1}
    assert minutes == {"부산": 8, "강원": 2, "충북": 5, "전남": 5}
    assert layout(resized).end.format("HH:mm") == "15:00"


def test_insert_cuts_only_the_named_region() -> None:
    grown = insert(REF, Item("제주", minutes=4, id="jeju"), after="jeonnam", absorb="gangwon")
    minutes = {s.title: s.minutes for s in layout(grown) if s.depth == 1}
    assert minutes == {"부산": 5, "강원": 1, "충북": 5, "전남": 5, "제주": 4}
    assert grown.items[3].minutes == 20


def test_remove_gives_the_whole_share_to_the_named_region() -> None:
    shorter = remove(REF, "busan", absorb="gangwon")
    minutes = {s.title: s.minutes for s in layout(shorter) if s.depth == 1}
    assert minutes == {"강원": 10, "충북": 5, "전남": 5}
    assert layout(shorter).end.format("HH:mm") == "15:00"


# -- addresses that two readings take to different items -------------------------------
def test_a_title_path_that_is_also_another_items_title_is_refused() -> None:
    meeting = Meeting("day", dt.date(2024, 5, 20), dt.time(9, 0), "Asia/Seoul", (
        Item("Morning", minutes=20, items=(Item("Intro", minutes=10),
                                            Item("Talk", minutes=10))),
        Item("Break", minutes=10, kind=Kind.BREAK),
        Item("Morning/Talk", minutes=10)))
    with pytest.raises(AddressError) as caught:
        remove(meeting, "Morning/Talk", absorb="end")
    assert caught.value.ambiguous
    assert [c.split()[0] for c in caught.value.candidates] == ["1.2", "3"]
    assert len(layout(remove(meeting, "1.2", absorb="end"))) == 4  # a number is unique


def test_an_id_that_is_another_items_number_is_refused() -> None:
    meeting = attrs.evolve(REF, items=tuple(
        attrs.evolve(i, id="2") if i.id == "briefing" else i for i in REF.items))
    with pytest.raises(AddressError) as caught:
        remove(meeting, "2", absorb="discussion")
    assert caught.value.ambiguous
    assert sorted(c.split()[0] for c in caught.value.candidates) == ["2", "5"]
    assert '"2" matches 2 items' in str(caught.value)
    same = remove(meeting, "opening", absorb="discussion")  # item 2 by its id
    assert [i.id for i in same.items][:2] == ["photo", "greeting"]


# -- parallel tracks -----------------------------------------------------------------------
TRACKS = Meeting("conf", dt.date(2024, 5, 20), dt.time(9, 0), "Asia/Seoul", (
    Item("Morning", minutes=60, parallel=True, items=(
        Item("A", room="A", items=(Item("a1", minutes=30), Item("a2", minutes=30))),
        Item("B", room="B", items=(Item("b1", minutes=30),)))),
    Item("Afternoon", minutes=60, parallel=True, items=(
        Item("C", room="A", items=(Item("c1", minutes=60),)),
        Item("D", room="B", items=(Item("d1", minutes=30),)))),
    Item("Close", minutes=10)), end=dt.time(11, 10))


def test_a_talk_moves_between_tracks_of_one_block_it_fits_in() -> None:
    moved = move(TRACKS, "a2", into="Morning/B")
    times = _times(moved)
    assert times["a2"] == "09:30-10:00"
    assert moved.items[0].minutes == 60


def test_a_talk_moves_into_another_parallel_block_without_resizing_either() -> None:
    moved = move(TRACKS, "a2", into="Afternoon/D")
    assert [i.minutes for i in moved.items] == [60, 60, 10]
    times = _times(moved)
    assert (times["Afternoon"], times["a2"], times["Close"]) == (
        "10:00-11:00", "10:30-11:00", "11:00-11:10")
    back = move(TRACKS, "d1", after="b1")
    assert [i.minutes for i in back.items] == [60, 60, 10]
    assert _times(back)["d1"] == "09:30-10:00"


def test_a_talk_longer_than_its_new_blocks_room_grows_the_block_by_the_excess() -> None:
    with pytest.raises(InvalidEdit) as caught:  # 30 more minutes past the declared end
        move(TRACKS, "c1", into="Morning/B")
    assert {p.code for p in caught.value.problems} == {"past-end"}
    open_ended = move(attrs.evolve(TRACKS, end=None), "c1", into="Morning/B")
    assert [i.minutes for i in open_ended.items] == [90, 60, 10]  # B runs 90 min now


@pytest.mark.parametrize("to", ["0001-01-01T00:00", "0001-01-01T00:00+09:00",
                                "9999-12-31T23:59+00:00"])
def test_shifting_to_a_moment_past_the_calendar_says_so(to: str) -> None:
    with pytest.raises(EditError, match="outside the calendar's range"):
        shift(agenda.reference_meeting(), to=to)


def test_shift_to_a_year_when_the_zones_offset_had_seconds_keeps_whole_minutes() -> None:
    # Seoul kept local mean time (UTC+8:27:52) until 1908: the instants of the old and the
    # new start differ by a number of seconds that is not whole minutes, the wall clock not.
    moved = shift(REF, to="1900-05-01T14:00")
    assert (moved.date, moved.start, moved.end) == (dt.date(1900, 5, 1), dt.time(14, 0),
                                                     dt.time(15, 0))
    timetable = agenda.layout(moved)
    assert [f"{s.start:%H:%M:%S}" for s in timetable][:2] == ["14:00:00", "14:02:00"]
    assert f"{timetable.start:%z}" == "+082752"


def test_shift_to_a_start_between_two_minutes_is_refused() -> None:
    with pytest.raises(EditError, match="the new start must be on a whole minute"):
        shift(REF, to="2025-05-01T14:00:30")
