"""Validation finds every injected fault, names the right item, and reports all at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import agenda
from agenda import Item, Meeting, Problem, Severity, validate
from strategies import meetings


def positions(items: tuple[Item, ...], prefix: str = "") -> list[tuple[str, Item]]:
    """(number, item) of every item, in agenda order."""
    out = []
    for k, item in enumerate(items, start=1):
        number = f"{prefix}{k}"
        out.append((number, item))
        out.extend(positions(item.items, f"{number}."))
    return out


def replace(items: tuple[Item, ...], number: str, change: Callable[[Item], Item],
            prefix: str = "") -> tuple[Item, ...]:
    out = []
    for k, item in enumerate(items, start=1):
        here = f"{prefix}{k}"
        if here == number:
            item = change(item)
        elif number.startswith(f"{here}."):
            item = attrs.evolve(item, items=replace(item.items, number, change, f"{here}."))
        out.append(item)
    return tuple(out)


def errors(meeting: Meeting) -> list[Problem]:
    return [p for p in validate(meeting) if p.severity is Severity.ERROR]


def inject(meeting: Meeting, number: str, change: Callable[[Item], Item]) -> Meeting:
    return attrs.evolve(meeting, items=replace(meeting.items, number, change))


@given(meetings(), st.data())
def test_empty_title_is_reported_at_its_item(meeting: Meeting, data: st.DataObject) -> None:
    number, _ = data.draw(st.sampled_from(positions(meeting.items)))
    broken = inject(meeting, number, lambda i: attrs.evolve(i, title="  ", id=i.id or "x-id"))
    assert any(p.code == "empty-title" and p.number == number for p in errors(broken))


@given(meetings(), st.data(), st.integers(-30, 0))
def test_non_positive_minutes_are_reported(meeting: Meeting, data: st.DataObject,
                                           bad: int) -> None:
    leaves = [(n, i) for n, i in positions(meeting.items) if i.minutes is not None]
    assume(leaves)
    number, _ = data.draw(st.sampled_from(leaves))
    broken = inject(meeting, number, lambda i: attrs.evolve(i, minutes=bad))
    found = [p for p in errors(broken) if p.code == "non-positive-minutes"]
    assert [p.number for p in found] == [number]
    assert str(bad) in found[0].message()


@given(meetings(), st.data(), st.integers(1, 9))
def test_a_block_whose_children_do_not_sum_is_reported(meeting: Meeting, data: st.DataObject,
                                                       extra: int) -> None:
    leaves = [(n, i) for n, i in positions(meeting.items) if i.minutes is not None]
    assume(leaves)
    number, leaf = data.draw(st.sampled_from(leaves))
    assert leaf.minutes is not None
    says = leaf.minutes + extra
    broken = inject(meeting, number,
                    lambda i: Item(f"{i.title} block", minutes=says, items=[i], id="blk"))
    found = [p for p in errors(broken) if p.code == "sum-mismatch"]
    # The new block is reported last (problems come in item order); an enclosing
    # block with minutes that now overflows is reported too (it is inconsistent as
    # well), before it, and nothing else.
    assert found[-1].number == number
    assert all(number.startswith(f"{p.number}.") for p in found[:-1])
    assert found[-1].title == f"{leaf.title} block"
    assert found[-1].message().endswith(f"block says {says} min")


@given(meetings(), st.data())
def test_an_uneven_split_is_reported_at_its_block(meeting: Meeting, data: st.DataObject) -> None:
    leaves = [(n, i) for n, i in positions(meeting.items) if i.minutes is not None]
    assume(leaves)
    number, leaf = data.draw(st.sampled_from(leaves))
    minutes = leaf.minutes
    assert minutes is not None
    parts = data.draw(st.sampled_from([k for k in range(2, minutes + 2) if minutes % k][:6]))
    broken = inject(meeting, number, lambda i: Item(
        "split", minutes=minutes, id="split-x",
        items=[Item(f"part {k}") for k in range(parts)]))
    found = [p for p in errors(broken) if p.code == "uneven-split"]
    assert [p.number for p in found] == [number]
    assert f"{minutes} min do not split evenly among {parts} items" in found[0].message()


@given(meetings(), st.data())
def test_duplicate_ids_are_reported(meeting: Meeting, data: st.DataObject) -> None:
    spots = positions(meeting.items)
    assume(len(spots) >= 2)
    first, second = sorted(data.draw(st.lists(st.sampled_from([n for n, _ in spots]),
                                              min_size=2, max_size=2, unique=True)),
                           key=lambda n: [int(x) for x in n.split(".")])
    broken = inject(inject(meeting, first, lambda i: attrs.evolve(i, id="same")), second,
                    lambda i: attrs.evolve(i, id="same"))
    found = [p for p in errors(broken) if p.code == "duplicate-id"]
    assert [p.number for p in found] == [second]
    assert first in found[0].message()


@given(meetings(), st.sampled_from(["Asia/Seul", "Mars/Olympus_Mons", "KST"]))
def test_unknown_time_zone_is_named(meeting: Meeting, zone: str) -> None:
    found = [p for p in errors(attrs.evolve(meeting, timezone=zone))
             if p.code == "unknown-timezone"]
    assert len(found) == 1
    assert zone in found[0].message()


@given(meetings(), st.integers(1, 6))
def test_a_wrong_weekday_is_reported(meeting: Meeting, shift: int) -> None:
    wrong = "월화수목금토일"[(meeting.date.isoweekday() - 1 + shift) % 7]
    found = [p for p in errors(attrs.evolve(meeting, weekday=wrong))
             if p.code == "weekday-mismatch"]
    assert len(found) == 1
    assert meeting.date.isoformat() in found[0].message()
    right = "월화수목금토일"[meeting.date.isoweekday() - 1]
    assert errors(attrs.evolve(meeting, weekday=right)) == []


@given(meetings(with_end=True), st.integers(1, 20))
def test_items_past_the_declared_end_are_reported(meeting: Meeting, extra: int) -> None:
    assume(meeting.end is not None)
    broken = attrs.evolve(meeting, items=(*meeting.items, Item("late", minutes=extra,
                                                               id="late-x")))
    found = errors(broken)
    assert [p.code for p in found] == ["past-end"]
    assert found[0].number == str(len(broken.items))
    assert found[0].facts["over"] == extra
    assert "the items take " in found[0].message()


@given(meetings(), st.data())
def test_all_faults_are_reported_together(meeting: Meeting, data: st.DataObject) -> None:
    number, _ = data.draw(st.sampled_from(positions(meeting.items)))
    broken = inject(meeting, number, lambda i: attrs.evolve(i, title="", id=i.id or "x-id"))
    broken = attrs.evolve(broken, timezone="Nowhere/City", title="")
    codes = [p.code for p in errors(broken)]
    assert "unknown-timezone" in codes
    assert codes.count("empty-title") == 2


# -- the reference meeting, broken in ways a secretariat might -------------------------

REF = agenda.reference_meeting()


def ref_with(number: str, **changes: object) -> Meeting:
    return inject(REF, number, lambda i: attrs.evolve(i, **changes))


def messages(meeting: Meeting) -> list[str]:
    return [str(p) for p in validate(meeting)]


def test_reference_block_that_grew() -> None:
    meeting = inject(REF, "4", lambda i: attrs.evolve(
        i, items=(*(attrs.evolve(c, minutes=5) for c in i.items[:3]),
                  attrs.evolve(i.items[3], minutes=7))))
    assert messages(meeting) == [
        '4 "지자체별 글로벌 혁신 특구 준비현황 발표": children sum to 22 min, block says 20 min']


def test_reference_block_that_does_not_split() -> None:
    meeting = ref_with("4", minutes=22)
    assert '4 "지자체별 글로벌 혁신 특구 준비현황 발표": 22 min do not split evenly among 4 ' \
        "items (5.50 min each); give them minutes" in messages(meeting)


def test_reference_discussion_too_long() -> None:
    assert messages(ref_with("6", minutes=27)) == [
        '7 "차관 맺음말씀": ends 15:02, 2 min after the declared end 15:00 (the items take '
        "62 min and end 62 min after the start; the window 14:00–15:00 is 60 min)"]


def test_reference_discussion_too_short() -> None:
    assert messages(ref_with("6", minutes=20)) == [
        'meeting "글로벌 혁신특구 지자체-중기부 정책협의": items end at 14:55, 5 min before '
        "the declared end 15:00 (the items take 55 min; the window 14:00–15:00 is 60 min)"]


def test_reference_wrong_weekday() -> None:
    assert messages(attrs.evolve(REF, weekday="목")) == [
        'meeting "글로벌 혁신특구 지자체-중기부 정책협의": weekday "목" does not match '
        "2024-03-13, which is a Wednesday"]
    assert [p.text("ko") for p in validate(attrs.evolve(REF, weekday="목"))] == [
        '회의 "글로벌 혁신특구 지자체-중기부 정책협의": 요일 "목"이(가) 2024-03-13와(과) 맞지 '
        "않습니다. 2024-03-13은(는) 수요일입니다"]


def test_reference_with_many_faults_reports_each() -> None:
    meeting = attrs.evolve(ref_with("1", minutes=0), timezone="Asia/Seul", weekday="Thu")
    codes = [p.code for p in validate(meeting)]
    # In item order: the meeting's own problems first, then item 1's.
    assert codes == ["unknown-timezone", "weekday-mismatch", "short-of-end",
                     "non-positive-minutes"]


def test_same_titled_siblings_are_told_apart_by_their_order_with_a_warning() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("토론", minutes=5), Item("토론", minutes=5)])
    found = validate(meeting)
    assert [(p.code, p.severity, p.number) for p in found] == [
        ("same-title", agenda.Severity.WARNING, "2")]
    assert [s.path for s in agenda.layout(meeting)] == [("토론",), ("토론#2",)]


def test_a_title_that_spells_an_ordinal_key_is_a_duplicate_identity() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("Q", minutes=5), Item("Q", minutes=5), Item("Q#2", minutes=5)])
    found = [p for p in validate(meeting) if p.code == "duplicate-identity"]
    assert [(p.number, p.facts["other"]) for p in found] == [("3", "2")]


def test_nonexistent_start_is_an_error() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 10), dt.time(2, 30), "America/New_York",
                      [Item("a", minutes=30)])
    found = validate(meeting)
    assert [p.code for p in found] == ["nonexistent-time"]
    assert "2024-03-10 02:30" in found[0].message()


@pytest.mark.parametrize(("items", "code"), [
    ([Item("a", min_minutes=10, max_minutes=5)], "bad-bounds"),
    ([Item("a", min_minutes=50), Item("b", min_minutes=20)], "flexible-infeasible"),
    ([Item("a", max_minutes=10), Item("b", max_minutes=20)], "flexible-overfull"),
    ([Item("a"), Item("b", min_minutes=5)], "mixed-sizing"),
    ([Item("a", minutes=30), Item("b", minutes=40, at=dt.time(14, 20))], "overlap"),
    ([Item("a", minutes=10), Item("b", minutes=50, at=dt.time(14, 10 + 0))], None),
    ([Item("a", minutes=5), Item("b", minutes=50, at=dt.time(14, 10))], "gap"),
])
def test_rule_violations(items: list[Item], code: str | None) -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", items,
                      end=dt.time(15))
    codes = [p.code for p in validate(meeting)]
    assert codes == ([] if code is None else [code]) or (code in codes)
    if code is not None:
        assert code in codes


def test_flexible_infeasible_message_gives_the_numbers() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("a", min_minutes=50), Item("b", min_minutes=20)], end=dt.time(15))
    # Named on the flexible items it is about, not on the meeting.
    assert [str(p) for p in validate(meeting)] == [
        '1 "a": flexible items a, b need at least 70 min, only 60 min to fill']
    assert validate(meeting)[0].facts == {"titles": ("a", "b"), "available": 60, "need": 70}


def test_nesting_deeper_than_the_stack_is_a_problem_not_a_crash() -> None:
    item = Item("leaf", minutes=5)
    for level in range(1500):
        item = Item(f"b{level}", items=[item])
    meeting = Meeting("deep", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", [item])
    assert [p.code for p in validate(meeting)] == ["too-deep"]
    shallow = Item("leaf", minutes=5)
    for level in range(200):
        shallow = Item(f"b{level}", items=[shallow])
    timetable = agenda.layout(attrs.evolve(meeting, items=[shallow]))
    assert len(timetable) == 201
    assert timetable[200].depth == 200


# -- bugs found by feeding the CLI absurd values ------------------------------------------
def test_absurd_minutes_are_a_problem_not_a_crash() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("a", minutes=10**12)])
    assert [p.code for p in validate(meeting)] == ["out-of-range", "too-long"]
    assert "more than a year" in str(validate(meeting)[1])


def test_an_agenda_past_year_9999_is_a_problem_not_a_crash() -> None:
    meeting = Meeting("m", dt.date(9999, 12, 31), dt.time(23), "Asia/Seoul",
                      [Item("a", minutes=120), Item("b", minutes=60, at=dt.time(1))])
    assert [p.code for p in validate(meeting)] == ["out-of-range", "out-of-range"]
    with pytest.raises(agenda.InvalidAgenda):
        agenda.layout(meeting)


def test_a_fixed_time_on_the_next_day_says_which_day() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("a", minutes=5, at=dt.time(13))])
    assert [str(p) for p in validate(meeting)] == [
        '1 "a": fixed at 2024-03-14 13:00 but the time before it ends 14:00: a 1380 min '
        "gap; set gap_ok or make the item a break"]


def test_an_empty_meeting_id_is_reported() -> None:
    meeting = attrs.evolve(agenda.reference_meeting(), id=" ")
    assert [p.code for p in validate(meeting)] == ["empty-id"]


@pytest.mark.parametrize("zone", ["Asia", "America/Argentina", "A" * 300, "Asia/" + "x" * 300])
def test_a_folder_of_the_zone_database_or_an_overlong_name_is_an_unknown_zone(
        zone: str) -> None:
    meeting = attrs.evolve(agenda.reference_meeting(), timezone=zone)
    [problem] = [p for p in validate(meeting) if p.code == "unknown-timezone"]
    assert problem.facts["timezone"] == zone
