"""Problems as data and words: codes, facts, the ko/en catalog, one line per problem."""

from __future__ import annotations

import ast
import datetime as dt
import json
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

import agenda
from agenda import Item, Meeting, Problem, Severity, validate
from agenda._words.catalog import LANGUAGES, MESSAGES, PHRASES
from agenda.cli import cli

SRC = Path(agenda.__file__).parent
# Calls whose first argument (a string literal) is a problem code.
_MAKERS = {"Problem", "report"}


def _codes_in_source() -> dict[str, str]:
    """Every problem code written in src/, with the file it is in."""
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else "")
            first = node.args[0]
            if name in _MAKERS and isinstance(first, ast.Constant) and isinstance(
                    first.value, str):
                found.setdefault(first.value, path.name)
    return found


def test_the_source_scan_finds_the_codes_it_should() -> None:
    codes = _codes_in_source()
    # A sanity check of the scan itself: codes from the layout, the spec loader,
    # the repeat rule and the identity check are all seen.
    assert {"overlap", "unknown-key", "bad-repeat", "duplicate-path"} <= set(codes)


def test_every_code_used_in_the_source_has_korean_and_english_messages() -> None:
    missing = {code: where for code, where in _codes_in_source().items()
               if set(MESSAGES.get(code, {})) != set(LANGUAGES)}
    assert missing == {}, f"codes without ko and en messages: {missing}"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_names_the_same_facts_in_both_languages(code: str) -> None:
    def fields(template: str) -> set[str]:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        return {n.removesuffix("_en").removesuffix("_ko") for n in names}

    assert fields(MESSAGES[code]["en"]) == fields(MESSAGES[code]["ko"])


def test_every_phrase_has_its_korean_words() -> None:
    assert all(set(words) == {"ko"} and words["ko"] for words in PHRASES.values())


def _meeting(*items: Item, **kw: object) -> Meeting:
    fields: dict[str, object] = {"end": dt.time(15)}
    fields.update(kw)
    return Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", items,
                   **fields)  # type: ignore[arg-type]


def test_overlap_gives_its_numbers_as_facts_and_in_both_languages() -> None:
    [problem] = validate(_meeting(Item("a", minutes=35), Item("b", minutes=25,
                                                          at=dt.time(14, 30))))
    assert problem.code == "overlap"
    assert (problem.number, problem.path, problem.severity) == ("2", ("b",), Severity.ERROR)
    assert problem.facts["overlap"] == 5
    assert problem.message("en") == 'fixed at 14:30 but 1 "a" ends 14:35: 5 min overlap'
    assert problem.message("ko") == '14:30 고정인데 1 "a"이(가) 14:35에 끝나 5분 겹칩니다'
    assert str(problem) == problem.text("en") == f'2 "b": {problem.message("en")}'


def test_an_overlap_names_the_other_fixed_item() -> None:
    [problem] = validate(_meeting(Item("lunch", minutes=40, at=dt.time(14)),
                                  Item("photo", minutes=20, at=dt.time(14, 30))))
    assert '1 "lunch" ends 14:40' in problem.message("en")


def test_children_that_exceed_their_block_say_by_how_much() -> None:
    [problem] = validate(_meeting(Item("blk", minutes=20, items=[Item("x", minutes=30),
                                                                 Item("y")]),
                                  Item("rest", minutes=40)))
    assert problem.code == "over-full"
    assert problem.facts["excess"] == 10
    assert "10 min more than the 20 min there is" in problem.message("en")
    assert "-" not in problem.message("en")


def test_an_ambiguous_start_shows_the_offset_not_a_backwards_range() -> None:
    meeting = Meeting("m", dt.date(2024, 11, 3), dt.time(1, 30), "America/New_York",
                      [Item("a", minutes=30)])
    [warning] = validate(meeting)
    assert warning.code == "ambiguous-time"
    assert "01:30 (UTC-04:00)" in warning.message("en")
    assert "daylight saving time" in warning.message("en")
    result = CliRunner().invoke(cli, ["check", "--lang", "en", "-"],
                                input=agenda.dump_json(meeting))
    assert result.exit_code == 0
    assert "01:30 (UTC-04:00)–01:00 (UTC-05:00)" in result.stdout


@pytest.mark.parametrize(("zone", "day", "time"), [
    ("Asia/Pyongyang", dt.date(2018, 5, 4), dt.time(23, 45)),
    ("Pacific/Apia", dt.date(2011, 12, 30), dt.time(10)),
])
def test_a_clock_change_that_is_not_dst_is_not_called_dst(zone: str, day: dt.date,
                                                          time: dt.time) -> None:
    [problem] = validate(Meeting("m", day, time, zone, [Item("a", minutes=5)]))
    assert problem.code == "nonexistent-time"
    assert "offset changes" in problem.message("en")
    assert "daylight" not in problem.message("en")
    assert "표준시 변경" in problem.message("ko")


def test_a_dst_gap_is_called_dst() -> None:
    [problem] = validate(Meeting("m", dt.date(2024, 3, 10), dt.time(2, 30),
                                 "America/New_York", [Item("a", minutes=5)]))
    assert "daylight saving time" in problem.message("en")


def test_past_end_says_what_the_items_take_apart_from_a_gap() -> None:
    meeting = _meeting(Item("a", minutes=10), Item("b", minutes=10, kind="break",
                                                   gap_ok=True, at=dt.time(15, 30)),
                       end=dt.time(14, 30))
    [problem] = [p for p in validate(meeting) if p.code == "past-end"]
    assert (problem.facts["work"], problem.facts["run"]) == (20, 100)


def test_a_declared_end_after_midnight_is_the_next_day() -> None:
    meeting = Meeting("late", dt.date(2024, 3, 13), dt.time(23), "Asia/Seoul",
                      [Item("a", minutes=60), Item("b", minutes=30)], end=dt.time(0, 30))
    timetable = agenda.layout(meeting)
    assert timetable.end.date() == dt.date(2024, 3, 14)
    assert timetable.minutes == 90


def test_an_undeclared_gap_before_a_break_is_a_warning() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(10), "Asia/Seoul",
                      [Item("a", minutes=45),
                       Item("coffee", minutes=15, kind="break", at=dt.time(11))])
    [warning] = validate(meeting)
    assert (warning.code, warning.severity, warning.number) == (
        "unplanned-gap", Severity.WARNING, "2")
    assert warning.facts["gap"] == 15
    assert agenda.layout(meeting).minutes == 75
    declared = Meeting("m", dt.date(2024, 3, 13), dt.time(10), "Asia/Seoul",
                       [Item("a", minutes=45),
                        Item("coffee", minutes=15, kind="break", at=dt.time(11),
                             gap_ok=True)])
    assert validate(declared) == ()


def test_problems_come_in_item_order() -> None:
    meeting = _meeting(Item("a", minutes=0), Item("b", items=[Item("c", minutes=-1)]),
                       Item("d", minutes=0), weekday="목")
    numbers = [p.number for p in validate(meeting)]
    assert numbers == sorted(numbers, key=lambda n: [int(x) for x in n.split(".") if x])
    assert numbers[0] == ""


def test_one_problem_is_one_line_whatever_the_title_holds() -> None:
    meeting = _meeting(Item("a\nb\x07\u2028", minutes=0), Item("z", minutes=60))
    for problem in validate(meeting):
        for lang in LANGUAGES:
            assert len(problem.text(lang).splitlines()) == 1
            assert "\x07" not in problem.text(lang)
    assert '1 "a\\nb\\x07\\u2028": ' in str(validate(meeting)[0])


def test_problem_as_dict_is_json_ready() -> None:
    [problem] = validate(_meeting(Item("a", minutes=35), Item("b", minutes=25,
                                                          at=dt.time(14, 30))))
    data = json.loads(json.dumps(problem.as_dict("ko")))
    assert data == {"code": "overlap", "severity": "error", "number": "2", "title": "b",
                    "path": ["b"], "line": None, "message": problem.message("ko"),
                    "facts": {"at": "14:30", "previous": '1 "a"', "previous_end": "14:35",
                              "overlap": 5}}


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'ja'"):
        Problem("gap").message("ja")


def test_repeat_accepts_the_rrule_prefix() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("a", minutes=5)], repeat="RRULE:FREQ=WEEKLY;COUNT=3")
    assert validate(meeting) == ()
    assert len(list(agenda.occurrences(meeting))) == 3


def test_a_repeat_rule_that_skips_the_meeting_says_so_in_korean_too() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("a", minutes=5)], repeat="FREQ=WEEKLY;BYDAY=TH")
    [problem] = validate(meeting)
    assert (problem.facts["start"], problem.facts["first"]) == (
        "2024-03-13 14:00", "2024-03-14 14:00")
    assert problem.message("ko") == (
        '반복 규칙 "FREQ=WEEKLY;BYDAY=TH": 회의 자체의 시작 2024-03-13 14:00을(를) 포함하지 '
        "않습니다 (첫 번째 반복은 2024-03-14 14:00입니다)")
