"""diff(old, new): changes by identity, never by position."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

import agenda
from agenda import InvalidEdit, Item, Meeting, diff, layout, move, resize
from strategies import meetings, move_arguments

REF = agenda.reference_meeting()


@given(meetings())
def test_an_agenda_against_itself_has_no_change(meeting: Meeting) -> None:
    changes = diff(layout(meeting), layout(meeting))
    assert not changes
    assert changes.as_dict() == {"changes": []}
    assert changes.text("en") == ""


@given(meetings(), st.data())
def test_a_move_reports_the_moved_item_and_the_retimed_ones_only(
        meeting: Meeting, data: st.DataObject) -> None:
    before = layout(meeting)
    item, where, target = data.draw(move_arguments(meeting))
    try:
        after = layout(move(meeting, item, **{where: target}))
    except InvalidEdit as exc:  # e.g. the block it leaves would have no time left
        assert exc.problems
        reject()
    changes = diff(before, after)
    old = {s.path: s for s in before}
    new = {s.path: s for s in after}
    both = old.keys() & new.keys()
    retimed = {p for p in both if (old[p].start_utc, old[p].end_utc) != (
        new[p].start_utc, new[p].end_utc)}
    assert {c.path for c in changes if c.kind == "retimed"} == retimed
    # An item without an id that changes block changes identity: removed, then added.
    assert {c.path for c in changes if c.kind == "added"} == new.keys() - old.keys()
    assert {c.path for c in changes if c.kind == "removed"} == old.keys() - new.keys()
    assert {c.kind for c in changes} <= {"moved", "retimed", "added", "removed"}
    moved = [c for c in changes if c.kind == "moved"]
    assert len(moved) <= 1
    if moved:
        assert moved[0].old is not None and moved[0].new is not None
        assert old[moved[0].path].number == moved[0].old["number"]
        assert new[moved[0].path].number == moved[0].new["number"]


@given(meetings(), st.data())
def test_a_resize_reports_the_item_and_what_it_pushed(meeting: Meeting,
                                                      data: st.DataObject) -> None:
    before = layout(meeting)
    leaf = data.draw(st.sampled_from([s for s in before if not s.is_block]))
    minutes = data.draw(st.integers(1, 60))
    after = layout(resize(meeting, leaf.number, minutes, absorb="end"))
    changes = diff(before, after)
    if minutes == leaf.minutes:
        assert not changes
        return
    assert {c.kind for c in changes} == {"retimed"}
    mine = next(c for c in changes if c.path == leaf.path)
    assert mine.old is not None and mine.new is not None
    assert (mine.old["minutes"], mine.new["minutes"]) == (leaf.minutes, minutes)


def test_swapping_two_regions_names_both_with_their_times() -> None:
    changes = diff(layout(REF), layout(move(REF, "gangwon", before="busan")))
    assert changes.text("ko").splitlines() == [
        "강원: 순서 변경 4.2 → 4.1",
        "강원: 14:12~14:17 → 14:07~14:12",
        "부산: 14:07~14:12 → 14:12~14:17",
    ]
    assert changes.text("en").splitlines()[1] == "강원: 14:12–14:17 → 14:07–14:12"
    data = json.loads(changes.to_json())
    busan = next(c for c in data["changes"] if c["path"] == ["busan"])
    assert busan == {"kind": "retimed", "path": ["busan"], "title": "부산", "number": "4.2",
                     "old": {"start": "2024-03-13T14:07:00+09:00",
                             "end": "2024-03-13T14:12:00+09:00", "minutes": 5},
                     "new": {"start": "2024-03-13T14:12:00+09:00",
                             "end": "2024-03-13T14:17:00+09:00", "minutes": 5}}


def test_the_discussion_line_reads_as_secretariats_write_it() -> None:
    shorter = resize(REF, "briefing", 10, absorb="discussion")
    lines = diff(layout(REF), layout(shorter)).text("ko").splitlines()
    assert "토론: 14:32~14:57 → 14:37~14:57 (25분 → 20분)" in lines
    en = diff(layout(REF), layout(shorter)).text("en").splitlines()
    assert "토론: 14:32–14:57 → 14:37–14:57 (25 → 20 min)" in en


def test_added_removed_renamed_presenter_and_notes() -> None:
    items = list(REF.items)
    items[1] = attrs.evolve(items[1], title="개회", presenter="사회자", notes=None)
    items.insert(5, Item("질의응답", minutes=5, id="qna"))
    del items[0]
    items[-2] = attrs.evolve(items[-2], minutes=22)
    new = attrs.evolve(REF, items=tuple(items), location="서울")
    changes = diff(layout(REF), layout(new))
    kinds = [(c.kind, c.path) for c in changes]
    assert ("removed", ("photo",)) in kinds
    assert ("added", ("qna",)) in kinds
    assert ("renamed", ("opening",)) in kinds
    assert ("presenter", ("opening",)) in kinds
    assert ("notes", ("opening",)) in kinds
    assert ("location", ()) in kinds
    text = changes.text("ko")
    assert '개회: 제목 변경 “개회 및 참석자 소개” → “개회”' in text
    assert "사진촬영: 삭제 (1, 14:00~14:02, 2분)" in text
    assert "질의응답: added (5, 14:30–14:35, 5 min)" in changes.text("en")
    assert "개회: notes 4층 회의실 → (none)" in changes.text("en")
    # A renumbered item that did not change is not a change.
    assert not any(c.path == ("closing",) for c in changes)


WORKSHOP = agenda.load(Path(__file__).parent.parent / "examples" / "two-day-workshop.toml")


def test_lines_for_items_on_a_later_day_give_the_date() -> None:
    shorter = resize(WORKSHOP, "Vector tiles", 45)
    lines = diff(layout(WORKSHOP), layout(shorter)).text("en").splitlines()
    assert "Vector tiles: 2024-05-21 20:00–21:00 → 2024-05-21 20:00–20:45 (60 → 45 min)" in lines
    without = agenda.remove(WORKSHOP, "supper-2", absorb="end")
    said = diff(layout(WORKSHOP), layout(without)).text("ko").splitlines()
    assert "Supper: 삭제 (9, 2024-05-21 21:30~22:00, 30분)" in said
    assert said[0].startswith("회의 “Open Data Workshop 2024”: 2024-05-20 09:00~2024-05-22 00:30")
    first_day = resize(WORKSHOP, "Registration", 25, absorb="end")
    assert "Registration: 09:00–09:30 → 09:00–09:25 (30 → 25 min)" in diff(
        layout(WORKSHOP), layout(first_day)).text("en").splitlines()


def test_changes_with_different_new_values_differ() -> None:
    one = agenda.Change("renamed", ("a",), "A", "1", old={"title": "a"}, new={"title": "b"})
    two = agenda.Change("renamed", ("a",), "A", "1", old={"title": "a"}, new={"title": "c"})
    assert one != two
    assert one == agenda.Change("renamed", ("a",), "A", "1", old={"title": "a"},
                                new={"title": "b"})


def test_an_unknown_language_is_refused_not_answered_in_korean() -> None:
    changes = diff(layout(REF), layout(move(REF, "gangwon", before="busan")))
    with pytest.raises(agenda.UnknownLanguage, match="'fr'"):
        changes.text("fr")
    with pytest.raises(agenda.UnknownLanguage):
        changes.changes[0].text("fr")
