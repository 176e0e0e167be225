"""On a day the clock jumps or repeats, a printed range names its zone where it has to:
``01:30 EDT–01:10 EST (40 min)``, not ``01:30–01:10 (40 min)``; in every table format."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json

import pytest
from hypothesis import given

import agenda
from agenda import Item, Meeting
from agenda._words.labels import zone_marks
from conftest import require_tool
from strategies import meetings
from test_formats_pdf import pdf_text

FALL_BACK = Meeting("Night shift", dt.date(2024, 11, 3), dt.time(0, 50), "America/New_York",
                    [Item("a", minutes=40), Item("b", minutes=40), Item("c", minutes=30)],
                    language="en")
SPRING_FORWARD = Meeting("Frühschicht", dt.date(2024, 3, 31), dt.time(1, 30), "Europe/Berlin",
                         [Item("a", minutes=40), Item("b", minutes=40)])


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "pdf"])
def test_every_table_format_names_the_zone_where_the_clock_repeats(fmt: str) -> None:
    timetable = agenda.layout(FALL_BACK)
    if fmt == "pdf":
        require_tool("WeasyPrint (pip install 'agenda[pdf]')",
                     importlib.util.find_spec("weasyprint") is not None)
        output = " ".join(pdf_text(agenda.to_pdf(timetable, lang="en")).split())
        output = output.replace("– ", "–")  # a range may wrap after its dash
    else:
        output = str(agenda.render(timetable, fmt, agenda.RenderOptions(lang="en")))
        output = html.unescape(output).replace("\xa0", " ")  # HTML keeps "01:30 EDT" whole
    for span in ("00:50 EDT–01:30 EDT", "01:30 EDT–01:10 EST", "01:10 EST–01:40 EST"):
        assert span in output, span
    assert "01:30–01:10" not in output


def test_a_jump_forward_names_both_sides_and_ordinary_ranges_stay_plain() -> None:
    text = agenda.to_text(agenda.layout(SPRING_FORWARD))
    assert "01:30 CET~03:10 CEST ('40)" in text
    assert "| 03:10~03:50 ('40)" in text
    assert "2024-03-31(일) 01:30 CET~03:50 CEST (Europe/Berlin)" in text
    reference = agenda.to_text(agenda.layout(agenda.reference_meeting()))
    assert "KST" not in reference


def test_csv_and_json_carry_the_offsets() -> None:
    timetable = agenda.layout(FALL_BACK)
    rows = json.loads(agenda.render(timetable, "json"))
    assert [(r["start"][-6:], r["end"][-6:]) for r in rows] == [
        ("-04:00", "-04:00"), ("-04:00", "-05:00"), ("-05:00", "-05:00")]
    assert "2024-11-03T01:30:00-04:00,2024-11-03T01:10:00-05:00" in agenda.to_csv(timetable)


def test_offsets_when_abbreviations_do_not_tell_the_sides_apart() -> None:
    # Lord Howe moves its clock by 30 minutes; its abbreviations are numeric.
    meeting = Meeting("t", dt.date(2024, 4, 7), dt.time(1, 30), "Australia/Lord_Howe",
                      [Item("a", minutes=60)])
    text = agenda.to_text(agenda.layout(meeting), lang="en")
    assert "01:30 +11:00–02:00 +10:30 (60 min)" in text


@given(meetings())
def test_a_range_is_marked_exactly_when_its_clock_jumps_or_repeats(meeting: Meeting) -> None:
    labels = agenda.LABELS["en"]
    for slot in agenda.layout(meeting):
        marks = zone_marks(slot.start, slot.end)
        span = labels.span(slot.start, slot.end)
        if slot.start.utcoffset() != slot.end.utcoffset():
            assert marks is not None and marks[0] != marks[1], span
        if marks is None:
            assert span.count(":") == 2, span
        else:
            assert f" {marks[0]}–" in span and span.endswith(f" {marks[1]}"), span


def test_html_keeps_a_time_and_its_zone_on_one_line() -> None:
    document = agenda.to_html(agenda.layout(FALL_BACK), lang="en")
    assert "01:30&nbsp;EDT–01:10&nbsp;EST" in document
    assert "&nbsp;" not in agenda.to_html(agenda.layout(agenda.reference_meeting()))
