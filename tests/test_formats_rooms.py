"""Tables of meetings with days, parallel tracks and rooms: day headings, rooms side
by side in HTML/PDF, rooms named in text, Markdown and CSV, and JSON fields."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET

import html5lib
import pytest
from hypothesis import given

import agenda
from agenda import Item, Meeting
from agenda._formats import pdf as pdf_module
from conftest import EXAMPLES, require_tool, which
from strategies import conference_meetings

WORKSHOP = EXAMPLES / "two-day-workshop.toml"


@pytest.fixture(scope="module")
def workshop() -> agenda.Timetable:
    return agenda.layout(agenda.load(WORKSHOP))


def parse(document: str) -> ET.Element:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: ET.Element = parser.parse(document)
    return root


def eight_rooms() -> agenda.Timetable:
    tracks = [Item(f"Track {k}", room=f"Room {k}", items=[
        Item(f"Talk {k}.{j} with a fairly long title", minutes=20 + 5 * ((k + j) % 3),
             presenter=f"Speaker {k}{j}") for j in range(3)]) for k in range(1, 9)]
    return agenda.layout(Meeting("Eight rooms", dt.date(2024, 5, 20), dt.time(9),
                                 "Asia/Seoul", [Item("Keynote", minutes=45, room="Hall"),
                                                Item("Tracks", parallel=True, items=tracks),
                                                Item("Lunch", minutes=60, kind="break")]))


def test_html_has_a_day_heading_and_a_column_per_room(workshop: agenda.Timetable) -> None:
    root = parse(agenda.to_html(workshop, lang="en"))
    headings = [h.text for h in root.iter("h2")]
    assert headings == ["Mon 2024-05-20 09:00–14:45",
                        "Tue 2024-05-21 18:00–Wed 2024-05-22 00:30"]
    for table in root.iter("table"):
        head = [th.text for th in table.find("thead").iter("th")]  # type: ignore[union-attr]
        assert head == ["Time", "Room A", "Room B", "Room C"]
        for row in table.find("tbody"):  # type: ignore[union-attr]
            cells = list(row)
            width = sum(int(c.get("colspan", "1")) for c in cells)
            assert width in (4, 1 + 3 - _covered(table, row)), row.get("id")


def _covered(table: ET.Element, row: ET.Element) -> int:
    """How many room columns of `row` are taken by cells spanning down from above."""
    rows = list(table.find("tbody"))  # type: ignore[arg-type]
    k = rows.index(row)
    taken = 0
    for above in rows[:k]:
        for cell in above:
            span = int(cell.get("rowspan", "1"))
            if span > 1 and rows.index(above) + span > k:
                taken += 1
    return taken


def test_html_shows_every_item_once_and_spanning_items_across(
        workshop: agenda.Timetable) -> None:
    document = agenda.to_html(workshop, lang="en")
    root = parse(document)
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    leaves_of_tracks = [s for s in workshop if s.track is not None and not s.is_block]
    for slot in leaves_of_tracks:
        assert ids.count(f"slot-{slot.number}") == 1, slot.number
    lunch = next(e for e in root.iter("tr") if e.get("id") == "slot-4")
    assert [c.get("colspan") for c in lunch][1] == "3"
    assert "Midnight talk" in document and "Wed 2024-05-22 00:30" in document


def test_pdf_of_eight_rooms_is_landscape_a4_and_keeps_every_talk() -> None:
    require_tool("WeasyPrint (pip install 'agenda[pdf]')",
                 importlib.util.find_spec("weasyprint") is not None)
    require_tool("a font with Korean glyphs (fonts-nanum) and fontconfig's fc-list",
                 bool(pdf_module.korean_fonts()))
    from pypdf import PdfReader

    timetable = eight_rooms()
    reader = PdfReader(io.BytesIO(agenda.to_pdf(timetable, lang="en")))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = "".join("".join(page.extract_text() for page in reader.pages).split())
    for slot in timetable:
        assert "".join(slot.title.split()) in text, slot.title
    for k in range(1, 9):
        assert f"Room{k}" in text


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_list_parallel_items_with_their_room(
        workshop: agenda.Timetable, fmt: str) -> None:
    printed = agenda.render(workshop, fmt, agenda.RenderOptions(lang="en", width=120))
    assert isinstance(printed, str)
    assert "Mon 2024-05-20 09:00–14:45" in printed
    assert "Tue 2024-05-21 18:00–Wed 2024-05-22 00:30" in printed
    assert printed.count("Room: Room A") == sum(
        1 for s in workshop if s.room == "Room A")


def test_csv_and_json_carry_date_room_and_track(workshop: agenda.Timetable) -> None:
    rows = list(csv.reader(io.StringIO(agenda.to_csv(workshop, lang="en"))))
    assert rows[0][-3:] == ["date", "room", "track"]
    by_no = {row[0]: row for row in rows[1:]}
    assert by_no["3.2.1"][-3:] == ["2024-05-20", "Room B", "Web"]
    assert by_no["11"][-3:] == ["2024-05-21", "Main hall", ""]
    records = json.loads(str(agenda.render(workshop, "json")))
    late = next(r for r in records if r["no"] == "11")
    assert (late["date"], late["room"], late["track"]) == ("2024-05-21", "Main hall", None)
    assert late["start"] == "2024-05-21T23:00:00+09:00"


def test_a_one_day_meeting_without_rooms_keeps_its_outputs() -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    assert "date" not in json.loads(str(agenda.render(timetable, "json")))[0]
    assert agenda.to_csv(timetable).splitlines()[0].count(",") == 8


@given(conference_meetings())
def test_every_room_item_appears_once_in_html(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    root = parse(agenda.to_html(timetable, lang="en"))
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    for slot in timetable:
        if slot.depth == 0 or (slot.track is not None and not slot.is_block):
            assert ids.count(f"slot-{slot.number}") == 1, slot.number


def test_the_korean_a4_room_grid_never_breaks_inside_a_time(workshop: agenda.Timetable,
                                                            tmp_path: object) -> None:
    """Every row of the Korean grid printed its times cut inside the number
    (``09:00~09:3`` over ``0``): each time is kept whole, a break may only follow ~."""
    require_tool("WeasyPrint (pip install 'agenda[pdf]')",
                 importlib.util.find_spec("weasyprint") is not None)
    require_tool("a Korean font (fonts-noto-cjk)", bool(pdf_module.korean_fonts()))
    require_tool("pdftotext (poppler-utils)", which("pdftotext") is not None)
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    pdf = tmp_path / "grid.pdf"
    pdf.write_bytes(agenda.to_pdf(workshop, lang="ko"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    cut = [line for line in text.splitlines() if re.search(r"\d\d:\d(\s|$)", line)]
    assert cut == []
    assert "09:00~09:30" in text and "10:15~10:45" in text
    document = agenda.to_html(workshop, lang="ko")
    assert '<span class="clock">09:00</span>~<wbr><span class="clock">09:30</span>' in document
