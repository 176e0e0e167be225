"""Parse reads back agenda's own HTML, DOCX and HWPX tables of a meeting held on one
day, in Korean and English: a block's time and notes cells merged down its parts' rows
and each part indented in its cell come back as the same nested items, with the same
titles, starts, ends and depth."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import agenda
from conftest import require_module
from strategies import nested_meetings

KINDS = ("html", "docx", "hwpx")
LIBRARIES = {"html": "html5lib", "docx": "docx", "hwpx": "hwpx"}  # reads or writes it
LANGS = ("ko", "en")


def _slots(timetable: agenda.Timetable) -> list[tuple[str, int, int, int]]:
    """Each slot as (title, start, end, depth), the title's spaces as a cell wraps them
    aside."""
    return [(" ".join(s.title.split()), s.start_utc, s.end_utc, s.depth) for s in timetable]


def _read_back(meeting: agenda.Meeting, kind: str, lang: str) -> agenda.ParseResult:
    require_module(LIBRARIES[kind])
    document = agenda.render(agenda.layout(meeting), kind, agenda.RenderOptions(lang=lang))
    data = document.encode("utf-8") if isinstance(document, str) else document
    result = agenda.parse_bytes(data, name=f"agenda.{kind}")
    assert result.format == kind
    return result


@given(nested_meetings(), st.sampled_from(KINDS), st.sampled_from(LANGS))
def test_one_day_tables_of_nested_items_read_back_as_the_same_items(
        meeting: agenda.Meeting, kind: str, lang: str) -> None:
    result = _read_back(meeting, kind, lang)
    assert result.ok, [str(p) for p in result.problems]
    assert result.meeting.timezone == meeting.timezone
    assert _slots(agenda.layout(result.meeting)) == _slots(agenda.layout(meeting))
