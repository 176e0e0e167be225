"""The HTML document: valid HTML5 (a strict html5lib parse), self-contained, escaped,
laid out like the printed agenda and ready for A4."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import Item, Meeting
from strategies import risky_meetings


def parse(document: str) -> ET.Element:
    """Parse strictly: any HTML5 parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: ET.Element = parser.parse(document)
    return root


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def cell_text(cell: ET.Element) -> str:
    """A cell's text with ``<br>`` read as a line break."""
    out = [cell.text or ""]
    for child in cell:
        out.append("\n" if child.tag == "br" else text_of(child))
        out.append(child.tail or "")
    return "".join(out)


def body_rows(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//table/tbody/tr")


@pytest.fixture(scope="module")
def reference() -> agenda.Timetable:
    return agenda.layout(agenda.reference_meeting())


def test_reference_document_is_laid_out_like_the_printed_agenda(
        reference: agenda.Timetable) -> None:
    document = agenda.to_html(reference)
    root = parse(document)
    assert root.get("lang") == "ko"
    header = [text_of(th) for th in root.findall(".//thead/tr/th")]
    assert header == ["구분", "시간", "내용", "비고"]
    rows = body_rows(root)
    assert len(rows) == len(reference)
    category = rows[0].find("td[@class='category']")
    assert category is not None and text_of(category) == "정책 협의"
    assert category.get("rowspan") == str(len(reference))
    assert len(root.findall(".//td[@class='category']")) == 1
    time_cells = [r.find("td[@class='time']") for r in rows]
    times = [text_of(cell) for cell in time_cells if cell is not None]
    assert times == [
        "14:00~14:02 ('2)", "14:02~14:04 ('2)", "14:04~14:07 ('3)", "14:07~14:27 ('20)",
        "14:27~14:32 ('5)", "14:32~14:57 ('25)", "14:57~15:00 ('3)"]
    # The block's time and notes span its four presentations, as in the printed agenda,
    # so its long notes do not push the presentations down.
    block_time, block_notes = time_cells[3], rows[3].find("td[@class='notes']")
    assert block_time is not None and block_time.get("rowspan") == "5"
    assert block_notes is not None and block_notes.get("rowspan") == "5"
    assert all(r.find("td[@class='time']") is None and r.find("td[@class='notes']") is None
               for r in rows[4:8])
    items = [text_of(r.find("td[@class='item']")) for r in rows]  # type: ignore[arg-type]
    assert items[3:8] == ["지자체별 글로벌 혁신 특구 준비현황 발표", "14:07~14:12 부산",
                          "14:12~14:17 강원", "14:17~14:22 충북", "14:22~14:27 전남"]
    assert cell_text(rows[1].find("td[@class='notes']")) == "사회\n4층 회의실"  # type: ignore[arg-type]
    assert text_of(root.find(".//h1")) == "글로벌 혁신특구 지자체-중기부 정책협의"  # type: ignore[arg-type]
    assert "2024-03-13(수) 14:00~15:00 (Asia/Seoul)" in text_of(root)
    assert "총 60분 · 14:00~15:00 종료 시각에 맞음" in text_of(root)


def test_prints_on_a4_with_a_repeating_header_and_korean_fonts(
        reference: agenda.Timetable) -> None:
    document = agenda.to_html(reference, lang="en")
    root = parse(document)
    assert root.get("lang") == "en"
    style = text_of(root.find(".//head/style"))  # type: ignore[arg-type]
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", style)
    assert re.search(r"thead\s*\{[^}]*display:\s*table-header-group", style)
    fonts = re.search(r"font-family:\s*([^;]+);", style)
    assert fonts is not None
    for family in ('"Noto Sans KR"', '"NanumGothic"', '"Malgun Gothic"',
                   '"Apple SD Gothic Neo"', "sans-serif"):
        assert family in fonts[1]


def test_nothing_is_loaded_from_the_network_and_nothing_runs(
        reference: agenda.Timetable) -> None:
    root = parse(agenda.to_html(reference))
    assert root.findall(".//script") == []
    assert root.findall(".//link") == []
    for element in root.iter():
        for name, value in element.attrib.items():
            assert name not in {"src", "href"} and not name.startswith("on"), (name, value)
    style = text_of(root.find(".//head/style"))  # type: ignore[arg-type]
    assert "url(" not in style and "@import" not in style


def test_markup_in_content_is_shown_not_run() -> None:
    title = '<script>alert("x")</script> & <b>bold</b>'
    meeting = Meeting("<i>meeting</i>", dt.date(2024, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item(title, minutes=5, presenter="<img src=x onerror=alert(1)>",
                            notes="line 1\nline 2")],
                      category='"><script>', location="<u>room</u>")
    root = parse(agenda.to_html(agenda.layout(meeting)))
    assert root.findall(".//script") == [] and root.findall(".//img") == []
    assert root.findall(".//b") == [] and root.findall(".//i") == []
    assert root.findall(".//u") == []
    row = body_rows(root)[0]
    assert text_of(row.find("td[@class='item']")) == title  # type: ignore[arg-type]
    notes = cell_text(row.find("td[@class='notes']"))  # type: ignore[arg-type]
    assert notes == "<img src=x onerror=alert(1)>\nline 1\nline 2"
    assert text_of(root.find(".//title")) == "<i>meeting</i>"  # type: ignore[arg-type]
    assert text_of(row.find("td[@class='category']")) == '"><script>'  # type: ignore[arg-type]


def test_no_category_no_category_column() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item("a", minutes=5)])
    root = parse(agenda.to_html(agenda.layout(meeting), lang="en"))
    assert [text_of(th) for th in root.findall(".//thead/tr/th")] == ["Time", "Item", "Notes"]
    assert root.findall(".//td[@class='category']") == []


@given(risky_meetings(), st.sampled_from(sorted(agenda.LABELS)))
def test_parses_strictly_and_shows_every_title_and_category(meeting: Meeting, lang: str) -> None:
    timetable = agenda.layout(meeting)
    root = parse(agenda.to_html(timetable, lang=lang))
    rows = body_rows(root)
    assert len(rows) == len(timetable)
    whole = text_of(root)
    labels = agenda.LABELS[lang]
    for row, slot in zip(rows, timetable, strict=True):
        lines = slot.title.splitlines() or [""]
        item = cell_text(row.find("td[@class='item']"))  # type: ignore[arg-type]
        if slot.depth:  # a time and its zone mark are held together by a no-break space
            span = re.sub(r"(?<=\d\d:\d\d) ", "\xa0", labels.span(slot.start, slot.end))
            assert item == f"{span} " + "\n".join(lines)
        else:
            assert item == "\n".join(lines)
        for line in lines:
            assert line in whole
    assert root.findall(".//script") == []
    spans = root.findall(".//td[@class='category']")
    if meeting.category is None:
        assert spans == []
    else:
        assert [s.get("rowspan") for s in spans] == [str(len(timetable))]
        assert cell_text(spans[0]) == "\n".join(meeting.category.splitlines() or [""])


def test_children_with_their_own_presenters_keep_a_notes_cell_each() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", [
        Item("발표", minutes=10, notes="순서대로", items=[
            Item("부산", presenter="부산 부시장"), Item("강원")]),
        Item("토론", minutes=5),
    ])
    rows = body_rows(parse(agenda.to_html(agenda.layout(meeting))))
    assert [r.get("id") for r in rows] == ["slot-1", "slot-1.1", "slot-1.2", "slot-2"]
    block_time = rows[0].find("td[@class='time']")
    block_notes = rows[0].find("td[@class='notes']")
    assert block_time is not None and block_time.get("rowspan") == "3"
    assert block_notes is not None and block_notes.get("rowspan") is None
    child_notes = [r.find("td[@class='notes']") for r in rows[1:3]]
    assert [cell_text(c) if c is not None else None for c in child_notes] == ["부산 부시장", ""]
    # Every row has as many cells as the header once the spanning cells are counted.
    assert [len(r.findall("td")) for r in rows] == [3, 2, 2, 3]


def test_columns_are_bounded_and_a_url_breaks_at_its_punctuation() -> None:
    url = "https://www.mss.go.kr/site/smba/ex/bbs/View.do?cbIdx=86&bcIdx=1048596"
    meeting = agenda.Meeting("t", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                             [agenda.Item("가" * 40, minutes=5, notes=f"자료: {url}")])
    document = agenda.to_html(agenda.layout(meeting))
    assert "table-layout: fixed" in document
    assert ("자료: https://<wbr>www<wbr>.mss<wbr>.go<wbr>.kr/<wbr>site/<wbr>smba/<wbr>ex/<wbr>"
            "bbs/<wbr>View<wbr>.do<wbr>?cbIdx<wbr>=86<wbr>&amp;bcIdx<wbr>=1048596") in document
    assert "가" * 40 in document  # no punctuation: it breaks by overflow-wrap, not <wbr>
    short = agenda.to_html(agenda.layout(agenda.reference_meeting()))
    assert "<wbr>" not in short


@pytest.mark.parametrize("rooms", [False, True])
def test_a_title_with_line_breaks_reads_as_one_line_in_the_tab(rooms: bool) -> None:
    title = "정책협의\n<2차> https://example.org/a-very-long-path/of/the/meeting/page"
    meeting = Meeting(title, dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      (Item("토론", minutes=30, room="A" if rooms else None),))
    document = agenda.to_html(agenda.layout(meeting))
    tab = parse(document).find(".//head/title")
    assert tab is not None
    assert tab.text == ("정책협의 <2차> https://example.org/a-very-long-path/of/the/meeting/"
                        "page")
    assert "<br>" not in document.split("</title>")[0]
    assert "<wbr>" not in document.split("</title>")[0]
    heading = parse(document).find(".//body/h1")
    assert heading is not None and [c.tag for c in heading][:1] == ["br"]  # kept in the page
