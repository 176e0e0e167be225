"""What a newcomer reaches for: data in from a dict, a feed lookup that may miss, printed
files free of control characters, clear words about a binary previous feed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

import agenda
from agenda import Item, Meeting, SpecError
from agenda.cli import cli

FORM = {
    "meeting": {"title": "Weekly sync", "date": "2024-03-13", "start": "09:00",
                "end": "09:30", "timezone": "Asia/Seoul", "language": "en"},
    "items": [{"title": "Updates", "minutes": 20}, {"title": "Questions"}],
}


def test_from_dict_reads_what_a_web_form_sends() -> None:
    meeting = agenda.from_dict(FORM)
    assert meeting.date == dt.date(2024, 3, 13)
    assert meeting.language == "en"
    timetable = agenda.layout(meeting)
    assert [(s.title, s.minutes) for s in timetable] == [("Updates", 20), ("Questions", 10)]


def test_from_dict_is_the_inverse_of_to_dict() -> None:
    meeting = agenda.reference_meeting()
    assert agenda.from_dict(agenda.to_dict(meeting)) == meeting
    assert agenda.from_dict(json.loads(agenda.dump_json(meeting))) == meeting


def test_from_dict_applies_the_spec_rules_and_names_every_problem() -> None:
    data = {"meeting": {**FORM["meeting"], "room": "4F"},
            "items": [{"title": "Updates", "minutes": "20"}, {"minutes": 5}]}
    with pytest.raises(SpecError) as caught:
        agenda.from_dict(data)
    assert [p.code for p in caught.value.problems] == ["unknown-key", "wrong-type",
                                                       "missing-key"]
    assert [p.number for p in caught.value.problems] == ["", "1", "2"]
    assert all(p.line is None for p in caught.value.problems)


def test_a_feed_lookup_that_may_miss_returns_none() -> None:
    meeting = agenda.reference_meeting()
    feed = agenda.from_ics(agenda.to_ics(agenda.layout(meeting), items=True,
                                         now=dt.datetime(2024, 3, 4, tzinfo=dt.UTC)))
    added = agenda.event_uid(meeting.key, ("새 항목",))
    assert feed.get(added) is None
    assert added not in feed
    first = feed.events[0]
    assert feed.get(first.uid) == first == feed.by_uid(first.uid)
    assert first.uid in feed
    with pytest.raises(KeyError):
        feed.by_uid(added)


def test_a_binary_previous_feed_is_named_not_dumped(tmp_path: object) -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    junk = b"%PDF-1.7\x00\x01\x02\xff\xfe" * 50
    with pytest.raises(agenda.FeedError) as caught:
        agenda.to_ics(timetable, previous=junk)
    assert caught.value.reason.startswith("a binary file")
    assert "\\x" not in str(caught.value) and "PDF" not in str(caught.value)


@pytest.mark.parametrize("fmt", ["markdown", "html", "csv"])
def test_control_characters_never_reach_a_printed_file(fmt: str) -> None:
    meeting = Meeting("Board\x07\x00", dt.date(2024, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item("Opening\x00", minutes=5, notes="ring\x07 the\x1b bell")],
                      location="Room\x07 1")
    text = agenda.render(agenda.layout(meeting), fmt)
    assert isinstance(text, str)
    for control in ("\x00", "\x07", "\x1b"):
        assert control not in text
    if fmt == "html":
        assert "<title>Board  </title>" in text


def test_check_speaks_the_meetings_language_and_json_has_the_fields() -> None:
    broken = {**FORM, "items": [{"title": "Updates", "minutes": 40}]}
    spec = json.dumps(broken)
    result = CliRunner().invoke(cli, ["check", "-"], input=spec)
    assert result.exit_code == 1
    assert result.stdout.startswith('1 "Updates": ends 09:40, 10 min after the declared end')
    korean = CliRunner().invoke(cli, ["check", "--lang", "ko", "-"], input=spec)
    assert korean.stdout.startswith('1 "Updates": 09:40에 끝나 예정 종료 09:30보다 10분')
    report = json.loads(CliRunner().invoke(cli, ["check", "--format", "json", "-"],
                                           input=spec).stdout)
    [problem] = report["problems"]
    assert set(problem) == {"code", "severity", "number", "title", "path", "line", "facts",
                            "message"}
    assert (problem["code"], problem["facts"]["over"], problem["path"]) == (
        "past-end", 10, ["Updates"])


def test_check_json_lists_spec_problems_with_their_lines() -> None:
    text = '[meeting]\ntitle = "x"\ndate = 2024-03-13\nstart = 09:00:00\n' \
           'timezone = "Asia/Seoul"\n\n[[items]]\ntitle = "a"\nminutes = "5"\n'
    result = CliRunner().invoke(cli, ["check", "--format", "json", "-"], input=text)
    assert result.exit_code == 2
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["line"], problem["number"]) == ("wrong-type", 9, "1")


def test_check_summary_names_the_day_a_long_meeting_ends() -> None:
    spec = json.dumps({"meeting": {"title": "Long", "date": "2024-03-13", "start": "14:00",
                                   "timezone": "Asia/Seoul"},
                       "items": [{"title": "a", "minutes": 10000}]})
    result = CliRunner().invoke(cli, ["check", "--lang", "en", "-"], input=spec)
    assert result.exit_code == 0
    assert "14:00–2024-03-20 12:40 Asia/Seoul" in result.stdout


def test_a_title_with_a_line_break_stays_on_one_problem_line() -> None:
    spec = json.dumps({"meeting": {"title": "m", "date": "2024-03-13", "start": "14:00",
                                   "timezone": "Asia/Seoul"},
                       "items": [{"title": "a\n2 \"forged\": fake problem", "minutes": 0}]})
    result = CliRunner().invoke(cli, ["check", "--lang", "en", "-"], input=spec)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "\\n2" in result.stdout


@pytest.mark.parametrize(("fmt", "lang", "words"), [
    ("text", "ko", "빈 시간 15분"), ("markdown", "en", "Gap, 15 min"),
    ("html", "ko", "빈 시간 15분"), ("csv", "en", "Gap, 15 min"),
])
def test_an_undeclared_gap_is_a_row_of_every_table(fmt: str, lang: str, words: str) -> None:
    meeting = Meeting("Seminar", dt.date(2024, 3, 13), dt.time(10), "Asia/Seoul",
                      [Item("Talk", minutes=45),
                       Item("Coffee", minutes=15, kind="break", at=dt.time(11))])
    timetable = agenda.layout(meeting)
    assert [w.code for w in timetable.warnings] == ["unplanned-gap"]
    text = agenda.render(timetable, fmt, agenda.RenderOptions(lang=lang))
    assert isinstance(text, str)
    assert text.count(words) == 1
    assert text.index("Talk") < text.index(words) < text.index("Coffee")
    total = "총 75분" if lang == "ko" else "Total 75 min"
    assert fmt == "csv" or total in text
