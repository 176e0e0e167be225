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
from agenda._parse._office import to_text
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


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_reference_meeting_reads_back_with_its_four_presentations_nested(
        kind: str, lang: str) -> None:
    """The block 지자체별 … 발표 came back as a row followed by four overlapping
    top-level rows (exit 1)."""
    meeting = agenda.reference_meeting()
    result = _read_back(meeting, kind, lang)
    assert result.problems == ()
    printed = agenda.translate(agenda.layout(meeting), lang)
    again = agenda.layout(result.meeting)
    assert _slots(again) == _slots(printed)
    assert [s.number for s in again] == [s.number for s in printed]
    assert len(result.meeting.items) == len(meeting.items)


def _deep() -> agenda.Meeting:
    return agenda.Meeting("Deep", dt.date(2024, 5, 20), dt.time(9), "Asia/Seoul", [
        agenda.Item("Talks", notes="long notes for the block", items=[
            agenda.Item("Data", items=[agenda.Item("Pipes", minutes=10),
                                       agenda.Item("Lakes", minutes=15, presenter="Kim")]),
            agenda.Item("Maps", minutes=20)]),
        agenda.Item("Close", minutes=10)])


@pytest.mark.parametrize("kind", KINDS)
def test_parts_two_levels_deep_keep_their_depth_by_their_indent(kind: str) -> None:
    """A part's part is indented one level further in its cell (padding-left, the
    paragraph's indent): it comes back two levels deep, not as a row of its own."""
    result = _read_back(_deep(), kind, "en")
    assert result.problems == ()
    assert [(s.number, s.title) for s in agenda.layout(result.meeting)] == [
        ("1", "Talks"), ("1.1", "Data"), ("1.1.1", "Pipes"), ("1.1.2", "Lakes"),
        ("1.2", "Maps"), ("2", "Close")]


def test_a_web_page_part_is_titled_by_its_item_cell_not_the_notes_beside_it() -> None:
    """The cells of a part's row were read from the first column on (its time and notes
    cells are the block's, merged down): its title was read from the notes column."""
    result = _read_back(agenda.reference_meeting(), "html", "en")
    block = result.meeting.items[3]
    assert [item.title for item in block.items] == ["Busan", "Gangwon", "Chungbuk",
                                                    "Jeonnam"]
    assert block.notes is not None and block.notes.startswith("Demonstration plans")


def test_a_word_time_cell_merged_down_its_parts_is_not_repeated_on_each() -> None:
    """A Word cell merged down (``w:vMerge``) was read in every row it covers: each
    part got its block's time, notes and category, and overlapped the block."""
    require_module("docx")
    document = agenda.render(agenda.layout(agenda.reference_meeting()), "docx",
                             agenda.RenderOptions(lang="ko"))
    assert isinstance(document, bytes)
    text = to_text(document, "docx")
    assert "|  |  | · 14:07~14:12 부산 |  |" in text
    assert text.count("14:07~14:27") == 1


def test_a_parts_range_across_a_clock_change_keeps_its_end_mark_out_of_the_title() -> None:
    """``· 02:40 +12:45–04:20 +13:45 B``: the end's mark was read into the title
    (``+13:45 B``); a part's cell has its title after its range."""
    meeting = agenda.Meeting("Chatham", dt.date(2024, 9, 29), dt.time(2), "Pacific/Chatham", [
        agenda.Item("Block", items=[agenda.Item("A", minutes=40), agenda.Item("B", minutes=40)]),
        agenda.Item("C", minutes=20)])
    for kind in ("markdown", *KINDS):
        document = agenda.render(agenda.layout(meeting), kind, agenda.RenderOptions(lang="en"))
        if kind != "markdown":
            require_module(LIBRARIES[kind])
        result = (agenda.parse_text(document) if isinstance(document, str) and kind == "markdown"
                  else agenda.parse_bytes(document if isinstance(document, bytes)
                                          else document.encode("utf-8")))
        assert result.problems == (), kind
        assert _slots(agenda.layout(result.meeting)) == _slots(agenda.layout(meeting)), kind


def test_capitals_alone_after_a_range_are_a_title_not_a_zone_mark() -> None:
    """``13:17~15:17 ES``: a title of capitals after a range whose start names no zone
    mark was read as the end's mark, and the row had no title."""
    rows = "| 시간 | 내용 |\n| --- | --- |\n"
    result = agenda.parse_text(rows + "| 13:17~15:17 ES |  |\n",
                               date=dt.date(2024, 5, 20), tz="Asia/Seoul")
    assert [item.title for item in result.meeting.items] == ["ES"]
    result = agenda.parse_text(rows + "| 13:17~15:17 | ES |\n| 15:17~15:30 | EU |\n",
                               date=dt.date(2024, 5, 20), tz="Asia/Seoul")
    assert [item.title for item in result.meeting.items] == ["ES", "EU"]
