"""The Markdown table, read back by a CommonMark parser with GitHub's table and
strikethrough extensions (markdown-it-py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

import agenda
from agenda import Item, Meeting
from strategies import meetings

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def plain(inline: Token) -> str:
    """The text a reader sees in an inline token; ``<br>`` as a line break."""
    out = []
    for child in inline.children or []:
        if child.type in {"text", "code_inline"}:
            out.append(child.content)
        elif child.type == "html_inline":
            assert child.content == "<br>", child.content  # no other HTML gets through
            out.append("\n")
        elif child.type in {"softbreak", "hardbreak"}:
            out.append("\n")
        else:
            raise AssertionError(f"markup in user text: {child.type}")
    return "".join(out)


def read_table(document: str) -> tuple[str, list[str], list[list[str]]]:
    """The level-1 heading, the header cells and the body rows' cells."""
    tokens = PARSER.parse(document)
    heading = next(tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open")
    header: list[str] = []
    rows: list[list[str]] = []
    section = None
    for i, token in enumerate(tokens):
        if token.type in {"thead_open", "tbody_open"}:
            section = token.type
        elif token.type == "tr_open" and section == "tbody_open":
            rows.append([])
        elif token.type == "inline" and tokens[i - 1].type in {"th_open", "td_open"}:
            (header if section == "thead_open" else rows[-1]).append(plain(token))
    return plain(heading), header, rows


def expected_item(slot: agenda.Slot, lang: str) -> str:
    if slot.depth == 0:
        return slot.title
    return f"{'·' * slot.depth} {agenda.LABELS[lang].span(slot.start, slot.end)} {slot.title}"


def test_reference_table() -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    heading, header, rows = read_table(agenda.to_markdown(timetable))
    assert heading == "글로벌 혁신특구 지자체-중기부 정책협의"
    assert header == ["구분", "시간", "내용", "비고"]
    assert rows[0][:3] == ["정책 협의", "14:00~14:02 ('2)", "사진촬영"]
    assert rows[1][3] == "사회\n4층 회의실"
    assert [r[2] for r in rows[4:8]] == [f"· {span} {title}" for span, title in [
        ("14:07~14:12", "부산"), ("14:12~14:17", "강원"), ("14:17~14:22", "충북"),
        ("14:22~14:27", "전남")]]
    assert all(r[0] == "" for r in rows[1:])
    assert "총 60분 · 14:00~15:00 종료 시각에 맞음" in agenda.to_markdown(timetable)


def test_english_labels() -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    document = agenda.render(timetable, "markdown", agenda.RenderOptions(lang="en"))
    assert isinstance(document, str)
    _, header, rows = read_table(document)
    assert header == ["Category", "Time", "Item", "Notes"]
    assert rows[3][1] == "14:07–14:27 (20 min)"
    assert "- **When**: Wed 2024-03-13 14:00–15:00 (Asia/Seoul)" in document


def test_pipes_line_breaks_and_markup_in_content_are_literal() -> None:
    title = "a | b\nc <script>alert(1)</script> *x* _y_ `z` [l](u) ~~s~~ &amp; C# \\"
    meeting = Meeting("x | y", dt.date(2024, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item(title, minutes=5, presenter="p|q", notes="n\r\nm")],
                      category="c|d")
    document = agenda.to_markdown(agenda.layout(meeting))
    heading, header, rows = read_table(document)
    assert heading == "x | y"
    assert len(header) == 4
    assert rows == [["c|d", "09:00~09:05 ('5)", title, "p|q\nn\nm"]]
    assert len([line for line in document.splitlines() if line.startswith("|")]) == 3


@given(meetings(), st.sampled_from(sorted(agenda.LABELS)))
def test_every_cell_reads_back_as_written(meeting: Meeting, lang: str) -> None:
    timetable = agenda.layout(meeting)
    heading, header, rows = read_table(agenda.to_markdown(timetable, lang=lang))
    assert heading == meeting.title
    has_category = meeting.category is not None
    assert len(header) == (4 if has_category else 3)
    assert len(rows) == len(timetable)
    for row, slot in zip(rows, timetable, strict=True):
        assert len(row) == len(header)
        assert row[-2] == expected_item(slot, lang)
        assert row[-1] == "\n".join(t for t in (slot.item.presenter, slot.item.notes) if t)
    if has_category:
        assert [r[0] for r in rows] == [meeting.category] + [""] * (len(rows) - 1)


def test_unknown_language() -> None:
    with pytest.raises(agenda.AgendaError, match="unknown language"):
        agenda.to_markdown(agenda.layout(agenda.reference_meeting()), lang="fr")
