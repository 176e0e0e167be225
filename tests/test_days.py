"""Meetings held over several days: the spec's [[days]], day windows, midnight."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given

import agenda
from agenda import Day, Item, Meeting, SpecError
from conftest import EXAMPLES
from strategies import conference_meetings

WORKSHOP = EXAMPLES / "two-day-workshop.toml"

DAYS_SPEC = """
[meeting]
title = "Workshop"
timezone = "Asia/Seoul"

[[days]]
date = 2024-05-20
start = 09:00:00
end = 10:00:00

[[days.items]]
title = "Opening"
minutes = 60

[[days]]
date = 2024-05-21
start = 23:00:00

[[days.items]]
title = "Late talk"
minutes = 90
"""


def test_days_load_with_item_numbers_running_on() -> None:
    meeting = agenda.loads(DAYS_SPEC)
    assert [day.date.isoformat() for day in meeting.days] == ["2024-05-20", "2024-05-21"]
    assert meeting.date == meeting.days[0].date and meeting.start == meeting.days[0].start
    timetable = agenda.layout(meeting)
    assert [(s.number, s.date.isoformat()) for s in timetable] == [
        ("1", "2024-05-20"), ("2", "2024-05-21")]
    late = timetable.by_number("2")
    assert late.end.format("YYYY-MM-DD HH:mm") == "2024-05-22 00:30"
    assert [d.date.isoformat() for d in timetable.days] == ["2024-05-20", "2024-05-21"]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_days_round_trip_through_the_spec(fmt: str) -> None:
    meeting = agenda.load(WORKSHOP)
    text = agenda.dump_toml(meeting) if fmt == "toml" else agenda.dump_json(meeting)
    assert agenda.loads(text, fmt) == meeting
    assert "[[days]]" in text or '"days"' in text


@pytest.mark.parametrize(("extra", "words"), [
    ('date = 2024-05-20\n', '"date"'),
    ('start = 09:00:00\n', '"start"'),
])
def test_days_and_one_day_keys_together_is_an_error(extra: str, words: str) -> None:
    text = DAYS_SPEC.replace('timezone = "Asia/Seoul"\n', f'timezone = "Asia/Seoul"\n{extra}')
    with pytest.raises(SpecError) as caught:
        agenda.loads(text)
    assert words in str(caught.value) and "[[days]] are both given" in str(caught.value)


def test_days_and_top_level_items_together_is_an_error() -> None:
    text = DAYS_SPEC + '\n[[items]]\ntitle = "Stray"\nminutes = 5\n'
    with pytest.raises(SpecError, match=r"gives both days and its own items"):
        agenda.loads(text)


def test_a_bad_day_is_named() -> None:
    text = DAYS_SPEC.replace("date = 2024-05-21", 'date = "tomorrow"').replace(
        "start = 23:00:00", "start = 23:00:00\nroom = 1")
    with pytest.raises(SpecError) as caught:
        agenda.loads(text)
    message = str(caught.value)
    assert 'day 2: "date" must be a date' in message
    assert 'day 2: unknown key "room"' in message


def test_a_day_past_its_declared_end_names_the_item_and_times() -> None:
    meeting = Meeting("w", timezone="UTC", days=[
        Day(dt.date(2024, 5, 20), dt.time(9), [Item("a", minutes=30), Item("b", minutes=45)],
            end=dt.time(10))])
    problems = agenda.validate(meeting)
    assert [(p.code, p.number) for p in problems] == [("past-end", "2")]
    assert "ends 10:15, 15 min after the declared end 10:00" in problems[0].message()
    assert problems[0].facts["over"] == 15


def test_a_declared_end_after_midnight_is_the_next_day() -> None:
    meeting = Meeting("w", timezone="Asia/Seoul", days=[
        Day(dt.date(2024, 5, 20), dt.time(23), [Item("a", minutes=90)], end=dt.time(0, 30))])
    assert agenda.validate(meeting) == ()


def test_overlapping_days_name_both_days() -> None:
    meeting = Meeting("w", timezone="UTC", days=[
        Day(dt.date(2024, 5, 20), dt.time(22), [Item("a", minutes=720)]),
        Day(dt.date(2024, 5, 21), dt.time(9), [Item("b", minutes=30)])])
    problems = agenda.validate(meeting)
    assert [p.code for p in problems] == ["days-overlap"]
    assert problems[0].message() == ("day 2 starts 2024-05-21 09:00, before day 1 ends "
                                     "2024-05-21 10:00")


def test_top_level_items_of_all_days_are_identity_siblings() -> None:
    meeting = Meeting("w", timezone="UTC", days=[
        Day(dt.date(2024, 5, 20), dt.time(9), [Item("Lunch", minutes=30)]),
        Day(dt.date(2024, 5, 21), dt.time(9), [Item("Lunch", minutes=30)])])
    # Told apart by their order among the same-titled items of all days, with a warning.
    assert [p.code for p in agenda.validate(meeting)] == ["same-title"]
    assert [s.path for s in agenda.layout(meeting)] == [("Lunch",), ("Lunch#2",)]
    with_ids = Meeting("w", timezone="UTC", days=[
        Day(dt.date(2024, 5, 20), dt.time(9), [Item("Lunch", minutes=30, id="lunch-1")]),
        Day(dt.date(2024, 5, 21), dt.time(9), [Item("Lunch", minutes=30, id="lunch-2")])])
    assert agenda.validate(with_ids) == ()


def test_a_meeting_with_days_and_its_own_items_is_a_problem() -> None:
    meeting = Meeting("w", timezone="UTC", items=[Item("x", minutes=5)], days=[
        Day(dt.date(2024, 5, 20), dt.time(9), [Item("a", minutes=30)])])
    assert "days-and-items" in {p.code for p in agenda.validate(meeting)}


def test_a_meeting_needs_a_date_or_days() -> None:
    with pytest.raises(TypeError, match="needs a date"):
        Meeting("w", timezone="UTC")
    with pytest.raises(TypeError, match="needs a timezone"):
        Meeting("w", dt.date(2024, 5, 20), dt.time(9))


def test_moving_a_day_keeps_every_identity() -> None:
    meeting = agenda.load(WORKSHOP)
    later = Meeting(meeting.title, timezone=meeting.timezone, id=meeting.id, days=[
        Day(day.date.add(days=7), day.start, day.items, end=day.end) for day in meeting.days])
    before = [s.path for s in agenda.layout(meeting)]
    assert [s.path for s in agenda.layout(later)] == before


@given(conference_meetings())
def test_every_slot_falls_on_its_day_or_after_its_midnight(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    labels = agenda.LABELS["en"]
    for day in timetable.days:
        for slot in timetable.day_slots(day):
            assert slot.date == day.date
            assert slot.start_utc >= day.start_utc
            assert slot.end_utc <= day.end_utc
            shift = (slot.start.date() - day.date).days
            assert shift in (0, 1)
            if shift:  # after midnight: printed with its date
                assert slot.start.date().isoformat() in labels.span(
                    slot.start, slot.end, day=slot.date)
    starts = [day.start_utc for day in timetable.days]
    assert starts == sorted(starts)


def test_check_names_both_ends_of_a_meeting_over_days(runner: object) -> None:
    from click.testing import CliRunner

    from agenda.cli import cli

    assert isinstance(runner, CliRunner)
    result = runner.invoke(cli, ["check", str(WORKSHOP), "--lang", "en"])
    assert result.exit_code == 0
    assert result.output == ('ok: "Open Data Workshop 2024" 2024-05-20 (Mon) 09:00 – '
                             "2024-05-22 (Wed) 00:30 Asia/Seoul, 2 days, 40 items, 735 min\n")


def test_a_korean_meetings_check_over_days_speaks_korean(runner: object) -> None:
    """The summary of a meeting over days was English whatever the meeting's language;
    the JSON total of one counted the unscheduled night between its days."""
    from click.testing import CliRunner

    from agenda.cli import cli

    assert isinstance(runner, CliRunner)
    result = runner.invoke(cli, ["check", str(WORKSHOP)])  # language: ko, the default
    assert result.output == ('ok: "Open Data Workshop 2024" 2024-05-20 (월) 09:00 ~ '
                             "2024-05-22 (수) 00:30 Asia/Seoul, 2일, 항목 40개, 735분\n")
    report = json.loads(runner.invoke(cli, ["check", str(WORKSHOP), "--format",
                                            "json"]).output)
    assert report["meeting"]["minutes"] == 735 == agenda.layout(agenda.load(WORKSHOP)).minutes


def test_a_day_edited_in_place_is_laid_out_as_it_now_says() -> None:
    meeting = agenda.load(WORKSHOP)
    first = meeting.days[0]
    later = attrs.evolve(meeting, days=[
        attrs.evolve(first, start=dt.time(9, 10), end=dt.time(14, 55)), *meeting.days[1:]])
    timetable = agenda.layout(later)
    assert timetable.start.format("YYYY-MM-DD HH:mm") == "2024-05-20 09:10"
    changes = agenda.diff(agenda.layout(meeting), timetable)
    assert {change.kind for change in changes} == {"retimed"}
    day_two = {slot.path for slot in timetable.day_slots(timetable.days[1])}
    retimed = {change.path for change in changes}
    assert retimed and not retimed & day_two  # day 2 keeps its times


DAYS_WITH_PROBLEMS = """\
[meeting]
title = "Two days"
timezone = "Asia/Seoul"
language = "en"

[[days]]
date = 2025-03-03
start = 09:00:00
end = 10:00:00

[[days.items]]
title = "Opening"
minutes = 30

[[days.items]]
title = "Talk"
minutes = 40

[[days]]
date = 2025-03-04
start = 09:00:00

[[days.items]]
title = "Block"
minutes = 30

[[days.items.items]]
title = "A"
minutes = 20
"""


def test_problems_in_days_items_carry_their_toml_line(tmp_path: object) -> None:
    """Validation problems of items in [[days.items]] had no line (spec errors had)."""
    from pathlib import Path

    from click.testing import CliRunner

    from agenda.cli import cli

    assert isinstance(tmp_path, Path)
    spec = tmp_path / "days.toml"
    spec.write_text(DAYS_WITH_PROBLEMS, "utf-8")
    result = CliRunner().invoke(cli, ["check", str(spec)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'line 15: 2 "Talk": ends 10:10, 10 min after the declared end 10:00 (the items take '
        "70 min and end 70 min after the start; the window 09:00–10:00 is 60 min)",
        'line 23: 3 "Block": children sum to 20 min, block says 30 min']
    report = json.loads(CliRunner().invoke(cli, ["check", str(spec), "--format",
                                                 "json"]).stdout)
    assert [p["line"] for p in report["problems"]] == [15, 23]


def test_an_occurrences_problem_carries_the_line_of_its_override_item() -> None:
    text = """\
[meeting]
title = "m"
date = 2025-03-03
start = 10:00:00
end = 11:00:00
timezone = "Asia/Seoul"
repeat = "FREQ=WEEKLY;COUNT=3"

[[items]]
title = "a"
minutes = 60

[[overrides]]
date = 2025-03-10

[[overrides.items]]
title = "a"
minutes = 70
"""
    problems = agenda.validate(agenda.loads(text))
    from agenda._spec import problem_lines

    [(code, number, line)] = [(p.code, p.number, p.line) for p in problem_lines(text, problems)]
    assert (code, number, line) == ("past-end", "2025-03-10 1", 16)


def test_a_flexible_item_on_a_later_day_takes_the_rest_of_its_window() -> None:
    two_items_first = DAYS_SPEC.replace('title = "Opening"\nminutes = 60', 'title = "Opening"\n'
                                        'minutes = 30\n\n[[days.items]]\ntitle = "Coffee"\n'
                                        'minutes = 30')
    spec = two_items_first.replace("start = 23:00:00\n", "start = 23:00:00\nend = 23:50:00\n")
    spec = spec.replace('title = "Late talk"\nminutes = 90',
                        'title = "Late talk"\nminutes = 20\n\n[[days.items]]\n'
                        'title = "Open floor"\nmin_minutes = 10')
    timetable = agenda.layout(agenda.loads(spec))
    last = timetable[-1]
    assert (last.number, last.item.title) == ("4", "Open floor")
    assert (last.start.format("HH:mm"), last.end.format("HH:mm")) == ("23:20", "23:50")
