"""diff(old, new): changes by identity, never by position."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, reject
from hypothesis import strategies as st

import agenda
from agenda import InvalidEdit, Item, Meeting, diff, layout, move, resize
from strategies import meetings, move_arguments, series_meetings

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
    # The moved item (or the one sibling a reorder is told by), and the items with ids
    # inside a moved block without one: their block's identity changed, theirs did not.
    subtree = {s.path for s in before if s.number == item or s.number.startswith(f"{item}.")}
    assert len([c for c in moved if c.path not in subtree]) <= 1
    for change in moved:
        assert change.old is not None and change.new is not None
        assert old[change.path].number == change.old["number"]
        assert new[change.path].number == change.new["number"]


def test_a_block_without_id_moved_into_another_moves_its_children_with_ids() -> None:
    """Found by the thorough profile: every child keeping its identity is reported."""
    meeting = Meeting("m", dt.date(2024, 3, 31), dt.time(16, 5), "Asia/Kolkata", [
        Item("block", minutes=20, items=[Item("one", id="i1"), Item("two", id="i2")]),
        Item("other", minutes=40, items=[Item("three", id="i3"), Item("four", id="i4")]),
    ])
    changes = diff(layout(meeting), layout(move(meeting, "1", before="2.2")))
    moved = {c.path: (c.old, c.new) for c in changes if c.kind == "moved"}
    assert moved == {
        ("i1",): ({"number": "1.1", "parent": ["block"]},
                  {"number": "1.2.1", "parent": ["other", "block"]}),
        ("i2",): ({"number": "1.2", "parent": ["block"]},
                  {"number": "1.2.2", "parent": ["other", "block"]}),
    }
    assert {c.path for c in changes if c.kind == "removed"} == {("block",)}
    assert {c.path for c in changes if c.kind == "added"} == {("other", "block")}


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
    assert busan == {"kind": "retimed", "date": None, "path": ["busan"], "title": "부산",
                     "number": "4.2",
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


# -- a series: every change a subscriber sees ----------------------------------------------
def weekly(**changes: object) -> agenda.Meeting:
    meeting = agenda.Meeting(
        "주간회의", dt.date(2025, 3, 3), dt.time(10), "Asia/Seoul",
        [agenda.Item("추진 현황", minutes=35, id="progress"),
         agenda.Item("토론", min_minutes=10, id="discussion")],
        end=dt.time(11), repeat="FREQ=WEEKLY;COUNT=23", id="weekly")
    return attrs.evolve(meeting, **changes)


def series_diff(old: agenda.Meeting, new: agenda.Meeting) -> agenda.Diff:
    return diff(layout(old), layout(new))


def test_an_override_is_a_change_of_its_occurrence_line_by_line() -> None:
    """Two versions that differ only in an override used to be "the same"."""
    late = agenda.running_late(weekly(), "10:00", late_by=12, absorb=["discussion"],
                               on="2025-04-07").meeting
    changes = series_diff(weekly(), late)
    assert changes.text("ko").splitlines() == [
        "2025-04-07 회의 “주간회의”: 10:00~11:00 → 10:12~11:00 (60분 → 48분)",
        "2025-04-07 추진 현황: 10:00~10:35 → 10:12~10:47",
        "2025-04-07 토론: 10:35~11:00 → 10:47~11:00 (25분 → 13분)"]
    assert {c["date"] for c in changes.as_dict()["changes"]} == {"2025-04-07"}
    back = series_diff(late, weekly())  # removing it gives the series' occurrence back
    assert back.text("en").splitlines()[-1] == (
        "2025-04-07 토론: 10:47–11:00 → 10:35–11:00 (13 → 25 min)")


def test_skip_extra_and_the_rule_are_named_and_each_occurrence_listed() -> None:
    changed = weekly(repeat="FREQ=WEEKLY;COUNT=24", skip=["2025-05-05"],
                     extra=["2025-05-07"])
    changes = series_diff(weekly(), changed)
    assert changes.text("en").splitlines() == [
        "Meeting “주간회의”: repeat rule FREQ=WEEKLY;COUNT=23 → FREQ=WEEKLY;COUNT=24",
        "Meeting “주간회의”: skipped dates (none) → 2025-05-05",
        "Meeting “주간회의”: extra dates (none) → 2025-05-07",
        "2025-05-05 Meeting “주간회의”: cancelled (10:00–11:00, 60 min)",
        "2025-05-07 Meeting “주간회의”: held (10:00–11:00, 60 min)",
        "2025-08-11 Meeting “주간회의”: held (10:00–11:00, 60 min)"]
    data = changes.as_dict()["changes"]
    assert [(c["kind"], c["date"]) for c in data] == [
        ("rule", None), ("skip", None), ("extra", None), ("cancelled", "2025-05-05"),
        ("held", "2025-05-07"), ("held", "2025-08-11")]
    assert data[1]["old"] == {"skip": []} and data[1]["new"] == {"skip": ["2025-05-05"]}
    assert data[3]["old"] == {"start": "2025-05-05T10:00:00+09:00",
                              "end": "2025-05-05T11:00:00+09:00", "minutes": 60}
    assert changes.text("ko").splitlines()[3] == (
        "2025-05-05 회의 “주간회의”: 취소 (10:00~11:00, 60분)")


def test_a_series_without_end_is_compared_over_the_feeds_ten_years() -> None:
    endless = weekly(repeat="FREQ=WEEKLY")
    twice = weekly(repeat="FREQ=WEEKLY;INTERVAL=2")
    changes = series_diff(endless, twice)
    cancelled = [c.date for c in changes if c.kind == "cancelled"]
    assert cancelled[0] == "2025-03-10" and cancelled[-1] <= "2035-12-31"
    assert len(cancelled) == len({c.date for c in changes if c.kind == "cancelled"}) > 250


@given(series_meetings(), st.data())
def test_every_occurrence_that_differs_has_its_change(meeting: agenda.Meeting,
                                                      data: st.DataObject) -> None:
    """diff names every occurrence whose start or end differs between two versions that
    differ in one override, one skip or one extra date."""
    dates = [start.date() for start, _ in agenda.occurrences(meeting, limit=8)]
    day = data.draw(st.sampled_from(dates))
    step = data.draw(st.sampled_from(["override", "skip", "extra"]))
    if step == "override":
        changed = attrs.evolve(meeting, overrides=[agenda.Override(
            day, start=(dt.datetime.combine(day, meeting.start) + dt.timedelta(minutes=5)
                        ).time())])
    elif step == "skip":
        changed = attrs.evolve(meeting, skip=[day])
    else:
        extra = day + dt.timedelta(days=1)
        changed = attrs.evolve(meeting, extra=[extra])
    problems = [p for p in agenda.validate(changed) if p.severity is agenda.Severity.ERROR]
    assume(not problems)
    changes = series_diff(meeting, changed)
    spans = {start.date(): (start, end) for start, end in agenda.occurrences(meeting)}
    after = {start.date(): (start, end) for start, end in agenda.occurrences(changed)}
    differ = {d.isoformat() for d in spans.keys() | after.keys() if spans.get(d) != after.get(d)}
    assert differ
    assert {c.date for c in changes if c.date is not None} == differ
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
