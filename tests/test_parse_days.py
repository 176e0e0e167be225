"""Parse reads back agenda's own tables of a meeting held over days with parallel tracks
(Markdown, text, HTML, CSV, DOCX and HWPX, in Korean and English): as many days, each
with the same starts, ends and titles, the blocks parallel and the rooms kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import agenda
from conftest import EXAMPLES, require_module
from strategies import conference_meetings

FORMATS = ("markdown", "text", "html", "csv", "docx", "hwpx")
GRIDS = ("html", "docx", "hwpx")  # a column per room: a block's tracks in column order
LIBRARIES = {"html": "html5lib", "docx": "docx", "hwpx": "hwpx"}  # reads or writes it
LANGS = ("ko", "en")
WORKSHOP = EXAMPLES / "two-day-workshop.toml"

Day = list[tuple[str, int, int]]


def _days(timetable: agenda.Timetable) -> list[Day]:
    """Each day's slots as (title, start, end), the title's spaces as the tables wrap
    them aside."""
    if not timetable.meeting.days:
        return [[(" ".join(s.title.split()), s.start_utc, s.end_utc) for s in timetable]]
    return [[(" ".join(s.title.split()), s.start_utc, s.end_utc)
             for s in timetable.day_slots(day)] for day in timetable.days]


def _shape(timetable: agenda.Timetable) -> list[tuple[str, str | None, bool]]:
    return [(s.number, s.room, s.item.parallel) for s in timetable]


def _rooms(timetable: agenda.Timetable) -> list[tuple[str, str | None, bool, int]]:
    return [(s.title, s.room, s.item.parallel, s.start_utc) for s in timetable]


def _read_back(meeting: agenda.Meeting, fmt: str, lang: str) -> agenda.ParseResult:
    """The meeting printed in `fmt` and read back (CSV carries offsets, not a zone
    name: the reader is told the zone, as a user would)."""
    if fmt in LIBRARIES:
        require_module(LIBRARIES[fmt])
    document = agenda.render(agenda.layout(meeting), fmt, agenda.RenderOptions(lang=lang))
    if isinstance(document, bytes):
        result = agenda.parse_bytes(document, name=f"agenda.{fmt}")
        assert result.format == fmt
        return result
    return agenda.parse_text(document, tz=meeting.timezone if fmt == "csv" else None)


def _meeting_of(path: Path) -> agenda.Meeting:
    return agenda.load_toml(path.read_text(encoding="utf-8"))


@given(conference_meetings(), st.sampled_from(FORMATS), st.sampled_from(LANGS))
def test_tables_of_meetings_over_days_with_tracks_read_back_day_by_day(
        meeting: agenda.Meeting, fmt: str, lang: str) -> None:
    printed = agenda.layout(meeting)
    result = _read_back(meeting, fmt, lang)
    assert result.ok, [str(p) for p in result.problems]
    again = agenda.layout(result.meeting)
    if fmt in GRIDS:
        # the grid gives each room a column for the whole day, so the tracks of a block
        # come back in the order of its columns, not the order the spec gives them
        assert [sorted(day) for day in _days(again)] == [sorted(day) for day in
                                                         _days(printed)]
        assert sorted(_rooms(again)) == sorted(_rooms(printed))
    else:
        assert _days(again) == _days(printed)
        assert _shape(again) == _shape(printed)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_two_day_workshop_reads_back_as_two_days_with_its_tracks(fmt: str,
                                                                     lang: str) -> None:
    """A two-day Markdown table lost day 2 and read the tracks as overlapping rows; so
    did the DOCX and HWPX grids (tracks in merged cells, a column per room)."""
    meeting = _meeting_of(WORKSHOP)
    result = _read_back(meeting, fmt, lang)
    assert result.problems == ()
    read = result.meeting
    # CSV gives no day its time range: a day's declared end is not in it
    assert [(day.date, day.start, day.end) for day in read.days] == [
        (day.date, day.start, None if fmt == "csv" else day.end) for day in meeting.days]
    if fmt != "csv":  # CSV is rows alone: no title or place
        assert (read.title, read.location) == (meeting.title, meeting.location)
    assert read.timezone == meeting.timezone
    printed, again = agenda.layout(meeting), agenda.layout(read)
    assert _days(again) == _days(printed)
    assert _shape(again) == _shape(printed)
    assert [s.number for s in again.top_level()][-5:] == ["7", "8", "9", "10", "11"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", GRIDS)
def test_parts_in_a_grid_cell_keep_their_depth_by_their_indent(fmt: str, lang: str) -> None:
    """A cell of the grid holds its item's parts, indented a level a depth (``&nbsp;``
    in HTML, the paragraph's left indent in DOCX and HWPX): two levels come back as
    two, in a hall item and in a track."""
    meeting = agenda.Meeting("Deep", timezone="Asia/Seoul", days=[
        agenda.Day(dt.date(2024, 5, 20), dt.time(9), [
            agenda.Item("Talks", room="Hall", items=[
                agenda.Item("Data", items=[agenda.Item("Pipes", minutes=10),
                                           agenda.Item("Lakes", minutes=15)]),
                agenda.Item("Maps", minutes=20)]),
            agenda.Item("Tracks", parallel=True, items=[
                agenda.Item("A", room="Room A", items=[agenda.Item("Clinic", items=[
                    agenda.Item("Setup", minutes=10), agenda.Item("Work", minutes=20)])]),
                agenda.Item("B", room="Room B", items=[agenda.Item("Walk", minutes=30)])])]),
        agenda.Day(dt.date(2024, 5, 21), dt.time(9), [
            agenda.Item("Close", minutes=10, room="Hall")])])
    result = _read_back(meeting, fmt, lang)
    assert result.problems == ()
    printed, again = agenda.layout(meeting), agenda.layout(result.meeting)
    assert [(s.number, s.title, s.room) for s in again] == [
        (s.number, s.title, s.room) for s in printed]
    assert _days(again) == _days(printed)
    assert [s.number for s in again if s.title in ("Lakes", "Work")] == ["1.1.2", "2.1.1.2"]


def test_a_row_after_midnight_of_its_day_keeps_its_date() -> None:
    """``2024-05-22(수) 00:30~01:00`` in a cell started no row: the row was read as
    the notes of the row above."""
    text = ("## 2024-05-21(화) 23:00~2024-05-22(수) 01:00\n\n| 시간 | 내용 |\n| --- | --- |\n"
            "| 23:00~2024-05-22(수) 00:30 ('90) | Midnight talk |\n"
            "| 2024-05-22(수) 00:30~01:00 ('30) | Night owls |\n")
    result = agenda.parse_text(text, tz="Asia/Seoul")
    assert result.problems == ()
    assert [(s.title, s.start.isoformat(), s.end.isoformat())
            for s in agenda.layout(result.meeting)] == [
        ("Midnight talk", "2024-05-21T23:00:00+09:00", "2024-05-22T00:30:00+09:00"),
        ("Night owls", "2024-05-22T00:30:00+09:00", "2024-05-22T01:00:00+09:00")]


TWO_DAYS = """\
# Retreat

## 2024-05-20(월) 09:00~10:00

| 시간 | 내용 | 비고 |
| --- | --- | --- |
| 09:00~10:00 ('60) | Sessions |  |
|  | · 09:00~09:45 Data | 장소: Room A |
|  | ·· 09:00~09:45 Pipelines | 장소: Room A |
|  | · 09:00~10:00 Web | 장소: Room B |
|  | ·· 09:00~10:00 Caching | 장소: Room B |

## 2024-05-21(화) 09:00~09:30

| 시간 | 내용 | 비고 |
| --- | --- | --- |
| 09:00~09:30 ('30) | Closing | 장소: Hall |
"""


def test_a_track_that_overruns_its_block_is_reported_at_its_line() -> None:
    text = TWO_DAYS.replace("· 09:00~10:00 Web", "· 09:00~10:10 Web").replace(
        "·· 09:00~10:00 Caching", "·· 09:00~10:10 Caching")
    result = agenda.parse_text(text, tz="Asia/Seoul")
    assert [(p.code, p.line, p.number) for p in result.errors] == [
        ("track-overflow", 10, "1.2")]


def test_a_day_heading_whose_weekday_is_wrong_is_reported() -> None:
    result = agenda.parse_text(TWO_DAYS.replace("2024-05-21(화)", "2024-05-21(수)"),
                               tz="Asia/Seoul")
    assert [(p.code, p.line) for p in result.problems] == [("weekday-mismatch", 13)]


def test_rows_of_a_day_that_do_not_fill_its_heading_are_reported() -> None:
    result = agenda.parse_text(TWO_DAYS.replace("09:00~09:30 ('30) | Closing",
                                                "09:00~09:20 ('20) | Closing"),
                               tz="Asia/Seoul")
    assert [(p.code, p.line) for p in result.problems] == [("window-end", 17)]
    assert result.meeting.days[1].end is None


def test_a_table_of_times_beside_the_days_is_reported_unread() -> None:
    text = TWO_DAYS + "\n| Time | Bus |\n| --- | --- |\n| 08:00~08:40 | Shuttle |\n"
    result = agenda.parse_text(text, tz="Asia/Seoul")
    assert [(p.code, p.line, p.severity.value) for p in result.problems] == [
        ("unread-row", 21, "warning")]
    assert len(result.meeting.days) == 2


def test_parallel_parts_are_only_those_that_start_with_their_block() -> None:
    """Parts one after another stay a sequence; parts that overlap without starting
    with their block are still an overlap."""
    sequence = "10:00~11:00 Block\n  10:00~10:30 A\n  10:30~11:00 B\n"
    overlap = "10:00~11:00 Block\n  10:00~10:40 A\n  10:30~11:00 B\n"
    read = agenda.parse_text(sequence, tz="UTC", date=agenda.reference_meeting().date)
    assert read.ok and not read.meeting.items[0].parallel
    wrong = agenda.parse_text(overlap, tz="UTC", date=agenda.reference_meeting().date)
    assert [p.code for p in wrong.errors] == ["row-overlap"]


def test_times_in_the_lines_of_a_title_cell_are_parts_not_notes() -> None:
    """A DOCX or HWPX agenda puts an item's parts in its cell, one a line; they were read
    as notes, so their times were never checked."""
    text = ("| Time | Item |\n| --- | --- |\n"
            "| 22:00–23:00 (60 min) | Lightning talks<br>22:00–22:30 Datasets<br>"
            "22:30–22:55 Bus diffs |\n")
    result = agenda.parse_text(text, tz="UTC", date=agenda.reference_meeting().date)
    (talks,) = result.meeting.items
    assert [(part.title, part.minutes) for part in talks.items] == [
        ("Datasets", 30), ("Bus diffs", 25)]
    assert [(p.code, p.line) for p in result.errors] == [("block-end", 3)]


def test_a_grid_of_rooms_without_an_item_across_them_reports_its_overlaps() -> None:
    """Items room by room under no block are rows of their own: read, their overlaps
    reported, none lost."""
    require_module("html5lib")
    page = """<html><body><p>Date: 2025-04-22 (UTC)</p><table>
<tr><th>Time</th><th>Room A</th><th>Room B</th></tr>
<tr><td>10:00–10:30</td><td rowspan="2">10:00–11:00 Keynote</td><td>10:00–10:30 Intro</td></tr>
<tr><td>10:30–11:00</td><td>10:30–11:00 Demo</td></tr>
</table></body></html>"""
    result = agenda.parse_text(page)
    assert [item.title for item in result.meeting.items] == ["Keynote", "Intro", "Demo"]
    assert [p.code for p in result.errors] == ["row-overlap"]


def test_a_one_day_table_whose_time_cells_span_their_parts_is_no_room_grid() -> None:
    """``Time | Item | Notes`` with a block's time cell spanning its parts' rows was
    read as a grid of rooms: the items beside the time column were lost."""
    require_module("html5lib")
    meeting = agenda.Meeting("Board retreat", agenda.reference_meeting().date,
                             dt.time(9), "Europe/Berlin", [
        agenda.Item("Welcome", minutes=10, presenter="Chair"),
        agenda.Item("Strategy", items=[agenda.Item("Markets", minutes=35),
                                       agenda.Item("Products", minutes=25)]),
        agenda.Item("Lunch", minutes=45)])
    page = agenda.render(agenda.layout(meeting), "html", agenda.RenderOptions(lang="en"))
    assert 'rowspan="3"' in page
    read = [(item.title, item.minutes) for item in agenda.parse_text(page).meeting.items]
    assert ("Welcome", 10) in read and ("Strategy", 60) in read and ("Lunch", 45) in read
