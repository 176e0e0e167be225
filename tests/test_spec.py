"""The spec format: round trips, unknown keys, syntax errors, JSON with the same names."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given

import agenda
from agenda import SpecError, dump_json, dump_toml, load_json, load_toml
from strategies import flexible_meetings, meetings


@given(meetings())
def test_toml_spec_of_a_valid_agenda_loads_back_equal(meeting: agenda.Meeting) -> None:
    assert load_toml(dump_toml(meeting)) == meeting


@given(meetings())
def test_json_spec_of_a_valid_agenda_loads_back_equal(meeting: agenda.Meeting) -> None:
    assert load_json(dump_json(meeting)) == meeting


@given(flexible_meetings())
def test_flexible_spec_round_trips(meeting: agenda.Meeting) -> None:
    assert load_toml(dump_toml(meeting)) == meeting


def test_reference_spec_round_trips() -> None:
    meeting = agenda.reference_meeting()
    assert load_toml(dump_toml(meeting)) == meeting
    assert load_json(dump_json(meeting)) == meeting


def test_json_and_toml_use_the_same_names() -> None:
    data = json.loads(dump_json(agenda.reference_meeting()))
    assert set(data) == {"meeting", "items"}
    assert data["meeting"]["start"] == "14:00:00"
    assert data["items"][3]["items"][0] == {"id": "busan",
                                            "title": {"ko": "부산", "en": "Busan"},
                                            "kind": "presentation"}


MINIMAL = """\
[meeting]
title = "t"
date = 2024-03-13
start = 14:00:00
timezone = "Asia/Seoul"

[[items]]
title = "a"
minutes = 5
"""


def test_unknown_keys_are_named_with_their_line() -> None:
    text = MINIMAL.replace('title = "a"', 'title = "a"\nduration = 5') + "colour = 1\n"
    with pytest.raises(SpecError) as caught:
        load_toml(text)
    messages = caught.value.messages
    assert messages[0].startswith('line 9: 1 "a": unknown key "duration"; known keys: id,')
    assert messages[1].startswith('line 11: 1 "a": unknown key "colour"')
    first = caught.value.problems[0]
    assert (first.code, first.line, first.number, first.facts["key"]) == (
        "unknown-key", 9, "1", "duration")


def test_unknown_meeting_key() -> None:
    with pytest.raises(SpecError, match=r'line 2: \[meeting\]: unknown key "room"'):
        load_toml(MINIMAL.replace("[meeting]\n", '[meeting]\nroom = "4F"\n'))


def test_toml_syntax_error_gives_line_and_column() -> None:
    with pytest.raises(SpecError) as caught:
        load_toml(MINIMAL.replace("minutes = 5", "minutes = = 5"))
    assert str(caught.value).startswith("line 9: TOML syntax error at column")
    assert caught.value.problems[0].line == 9
    assert caught.value.__cause__ is None


def test_json_syntax_error_gives_line_and_column() -> None:
    with pytest.raises(SpecError, match=r"line 2: JSON syntax error at column"):
        load_json('{"meeting":\n  {,}}')


@pytest.mark.parametrize(("change", "expected"), [
    (("minutes = 5", 'minutes = "5"'), '"minutes" must be a whole number of minutes'),
    (("minutes = 5", "minutes = true"), '"minutes" must be a whole number of minutes'),
    (("minutes = 5", 'kind = "lunch"'), '"kind" must be one of'),
    (("minutes = 5", 'at = "25:00"'), '"at" must be a local time like 14:00'),
    (("date = 2024-03-13", 'date = "13.3."'), '"date" must be a date like 2024-03-13'),
    (('timezone = "Asia/Seoul"\n', ""), '"timezone" is missing'),
    (('title = "a"\n', ""), 'line 7: 1: "title" is missing'),
    (("minutes = 5", "minutes = 5.5"), 'line 9: 1 "a": "minutes" must be a whole number'),
    (("start = 14:00:00", "start = 2024-03-13T14:00:00+09:00"), '"start" must be a local time'),
])
def test_bad_values_are_named(change: tuple[str, str], expected: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_toml(MINIMAL.replace(*change))
    assert expected in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_every_spec_problem_is_reported_at_once() -> None:
    text = MINIMAL.replace("minutes = 5", 'minutes = "5"\nspeaker = "x"').replace(
        'timezone = "Asia/Seoul"\n', "")
    with pytest.raises(SpecError) as caught:
        load_toml(text)
    assert len(caught.value.messages) == 3


def test_times_may_be_strings_in_toml_too() -> None:
    meeting = load_toml(MINIMAL.replace("start = 14:00:00", 'start = "14:00"'))
    assert meeting.start.hour == 14


def test_load_reads_json_by_suffix(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "m.json").write_text(dump_json(agenda.reference_meeting()), "utf-8")
    assert agenda.load(folder / "m.json") == agenda.reference_meeting()


def test_load_names_the_file_it_cannot_read(tmp_path: object) -> None:
    from pathlib import Path

    missing = Path(str(tmp_path)) / "nope.toml"
    with pytest.raises(SpecError, match=r"nope\.toml: cannot read the file"):
        agenda.load(missing)


def test_spec_problems_name_the_line_of_nested_items() -> None:
    text = MINIMAL + """
[[items]]
title = "b"

[[items.items]]
title = "b1"
minutes = 5

[[items.items]]
title = "b2"
minutes = 2.5
"""
    with pytest.raises(SpecError) as caught:
        load_toml(text)
    [problem] = caught.value.problems
    assert (problem.code, problem.number, problem.title, problem.line) == (
        "wrong-type", "2.2", "b2", text.splitlines().index("minutes = 2.5") + 1)
    assert problem.facts["key"] == "minutes"
    assert problem.message("ko") == '"minutes"는 분 단위 정수이어야 하는데 2.5입니다'


def test_dump_toml_keeps_a_series_overrides() -> None:
    """dump_toml left [[overrides]] out (dump_json kept them): a series written to TOML
    and read back lost every occurrence held differently. Found by the stateful test of
    a meeting's life (tests/test_life.py)."""
    meeting = agenda.Meeting(
        "m", dt.date(2025, 3, 3), dt.time(10), "Asia/Seoul", [agenda.Item("a", minutes=60)],
        end=dt.time(11), repeat="FREQ=WEEKLY;COUNT=6", skip=["2025-03-10"],
        extra=["2025-03-11"], overrides=[
            agenda.Override("2025-03-17", start="10:30"),
            agenda.Override("2025-03-24", end="11:30", items=[
                agenda.Item("a", minutes=60, items=[agenda.Item("b", minutes=30),
                                                    agenda.Item("c", minutes=30)]),
                agenda.Item("z", minutes=30)]),
            agenda.Override("2025-03-31", items=[])])
    text = agenda.dump_toml(meeting)
    assert agenda.load_toml(text) == meeting
    assert text.count("[[overrides]]") == 3 and "[[overrides.items.items]]" in text


# -- the problem is named where it is -------------------------------------------------
def test_a_value_error_in_a_spec_with_start_without_seconds_names_the_value() -> None:
    text = MINIMAL.replace("start = 14:00:00", "start = 14:00").replace(
        "minutes = 5", 'minutes = 5\nduration = 5')
    with pytest.raises(SpecError) as caught:
        load_toml(text)
    assert [p.code for p in caught.value.problems] == ["unknown-key"]
    assert 'unknown key "duration"' in str(caught.value)
    assert "syntax error" not in str(caught.value)
    with pytest.raises(SpecError, match='"minutes" must be a whole number'):
        load_toml(MINIMAL.replace("start = 14:00:00", "start = 14:00").replace(
            "minutes = 5", 'minutes = "5"'))


def test_a_json_key_given_twice_is_refused_with_both_values() -> None:
    text = json.dumps({"meeting": {"title": "m", "date": "2024-03-13", "start": "14:00",
                                   "timezone": "Asia/Seoul"},
                       "items": [{"title": "a", "minutes": 5}]}).replace(
        '"minutes": 5', '"minutes": 5, "minutes": 50')
    with pytest.raises(SpecError) as caught:
        load_json(text)
    problem = caught.value.problems[0]
    assert (problem.code, problem.number, problem.facts["key"], problem.facts["first"],
            problem.facts["second"]) == ("duplicate-key", "1", "minutes", "5", "50")
    assert str(problem) == '1 "a": "minutes" is given twice: 5, then 50; give it once'
    assert "두 번" in problem.text("ko")


def test_a_json_key_given_twice_on_a_later_day_is_named_by_its_number() -> None:
    text = ('{"meeting": {"title": "m", "title": "n", "timezone": "Asia/Seoul"}, "days": ['
            '{"date": "2024-05-20", "start": "09:00", "items": [{"title": "a", "minutes": 5}]},'
            '{"date": "2024-05-21", "start": "09:00", "items": [{"title": "b", "minutes": 5},'
            '{"title": {"en": "c", "en": "d"}, "minutes": 5}]}]}')
    with pytest.raises(SpecError) as caught:
        load_json(text)
    assert [str(p) for p in caught.value.problems] == [
        "[meeting]: \"title\" is given twice: 'm', then 'n'; give it once",
        "3: \"title.en\" is given twice: 'c', then 'd'; give it once"]


@pytest.mark.parametrize(("where", "key"), [
    ('"title": "t\\ud800"', "title"), ('"title": {"ko": "t\\udfff", "en": "x"}', "title.ko"),
    ('"title": {"ko": "t", "en": "x\\udc00y"}', "title.en")])
def test_a_lone_surrogate_in_a_json_text_is_a_problem_at_load_time(where: str,
                                                                    key: str) -> None:
    text = ('{"meeting": {"title": "m", "date": "2024-03-13", "start": "14:00", '
            '"timezone": "UTC"}, "items": [{' + where + ', "minutes": 5}]}')
    with pytest.raises(SpecError) as caught:
        load_json(text)
    [problem] = caught.value.problems
    assert (problem.code, problem.number, problem.facts["key"]) == ("lone-surrogate", "1", key)
    assert "lone surrogate" in problem.text("en") and "서로게이트" in problem.text("ko")
    str(caught.value).encode("utf-8")  # the message itself can be printed


def test_from_dict_names_a_translation_key_that_is_not_a_string() -> None:
    data = {"meeting": {"title": {1: "x", "ko": "회의"}, "date": "2024-03-13",
                        "start": "14:00", "timezone": "UTC"},
            "items": [{"title": "a", "minutes": 5}]}
    with pytest.raises(SpecError, match='"title" has the key "1", which is not a language tag'):
        agenda.from_dict(data)
