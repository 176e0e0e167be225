"""Parse reads the documents people have: a saved web page, a DOCX and an HWPX file
(built here with python-docx and python-hwpx), told apart by their content; each
parses to the same meeting as its text. A PDF is refused with a way out (exit 2)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

import agenda
from agenda.cli import cli

docx = pytest.importorskip("docx")
hwpx = pytest.importorskip("hwpx")

TITLE = "연안 정화 활동 발대식"
FACTS = ["일시: 2025. 4. 22.(화) 10:00~11:00", "장소: 해양공원 야외무대"]
HEADER = ["시간", "내용", "비고"]
ROWS = [
    ["10:00~10:10", "개회 및 국민의례", "사회자"],
    ["10:10~10:25", "환영사\n- 기관장 인사", ""],
    ["10:25~10:50", "정화 활동 안내\n- 구역 배정, 안전 수칙", "(25분)"],
    ["10:50~11:00", "기념촬영", ""],
]


def _text() -> str:
    lines = [TITLE, "", *FACTS, "", "| " + " | ".join(HEADER) + " |", "| --- | --- | --- |"]
    lines += ["| " + " | ".join(c.replace("\n", "<br>") for c in row) + " |" for row in ROWS]
    return "\n".join(lines) + "\n"


def _html() -> bytes:
    cells = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "".join("<tr>" + "".join(f"<td>{c.replace(chr(10), '<br>')}</td>" for c in row)
                   + "</tr>" for row in ROWS)
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE}</title>"
            f"<script>var x = '10:00~10:05 not an item';</script></head><body>"
            f"<h1>{TITLE}</h1><ul>{''.join(f'<li>{f}</li>' for f in FACTS)}</ul>"
            f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"
            f"</body></html>")
    return page.encode("utf-8")


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for fact in FACTS:
        document.add_paragraph(fact)
    table = document.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    for k, label in enumerate(HEADER):
        table.cell(0, k).text = label
    for r, row in enumerate(ROWS, start=1):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _hwpx(path: Path) -> bytes:
    document = hwpx.HwpxDocument.new()
    document.add_paragraph(TITLE)
    for fact in FACTS:
        document.add_paragraph(fact)
    table = document.add_table(len(ROWS) + 1, len(HEADER))
    for k, label in enumerate(HEADER):
        table.set_cell_text(0, k, label)
    for r, row in enumerate(ROWS, start=1):
        for k, text in enumerate(row):
            table.set_cell_text(r, k, text)
    target = path / "agenda.hwpx"
    document.save_to_path(target)
    return target.read_bytes()


def _shape(result: agenda.ParseResult) -> tuple[object, ...]:
    meeting = result.meeting
    return (meeting.title, meeting.date, meeting.start, meeting.location,
            [(i.title, i.minutes, i.notes, i.presenter) for i in meeting.items],
            [(p.code, p.number) for p in result.problems])


@pytest.fixture
def documents(tmp_path: Path) -> dict[str, bytes]:
    return {"html": _html(), "docx": _docx(), "hwpx": _hwpx(tmp_path)}


def test_the_text_reads_as_the_agenda_it_is() -> None:
    result = agenda.parse_text(_text())
    assert result.meeting.title == TITLE
    assert [i.title for i in result.meeting.items] == [
        "개회 및 국민의례", "환영사", "정화 활동 안내", "기념촬영"]
    assert result.meeting.items[2].notes == "구역 배정, 안전 수칙"  # (25분): its minutes
    assert result.ok


@pytest.mark.parametrize("kind", ["html", "docx", "hwpx"])
def test_an_office_document_parses_to_the_same_meeting_as_its_text(
        documents: dict[str, bytes], kind: str) -> None:
    result = agenda.parse_bytes(documents[kind], name=f"agenda.{kind}")
    assert result.format == kind
    assert _shape(result) == _shape(agenda.parse_text(_text()))


@pytest.mark.parametrize("kind", ["html", "docx", "hwpx"])
def test_the_kind_is_told_by_content_not_by_the_file_name(
        documents: dict[str, bytes], kind: str, tmp_path: Path) -> None:
    misnamed = tmp_path / "agenda.txt"
    misnamed.write_bytes(documents[kind])
    assert agenda.parse_file(misnamed).format == kind


def test_an_html_page_given_as_text_is_read_as_html() -> None:
    result = agenda.parse_text(_html().decode("utf-8"))
    assert result.format == "html"
    assert len(result.meeting.items) == 4


@pytest.mark.parametrize("lang, words", [("en", "is a PDF"), ("ko", "PDF입니다")])
def test_a_pdf_given_by_mistake_is_refused_with_a_way_out(
        tmp_path: Path, lang: str, words: str) -> None:
    pdf = tmp_path / "agenda.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Length 44 >>\nstream\nBT (10:00~10:30 Item) Tj ET\n"
                    b"endstream\nendobj\n%%EOF\n")
    result = CliRunner().invoke(cli, ["parse", str(pdf), "--lang", lang])
    assert result.exit_code == 2
    assert words in result.output and "pdftotext" in result.output
    with pytest.raises(agenda.ParseError, match="is a PDF"):
        agenda.parse_file(pdf)


def test_a_damaged_office_file_is_refused_by_name(tmp_path: Path) -> None:
    broken = tmp_path / "agenda.docx"
    data = _docx()
    broken.write_bytes(data[: len(data) // 2])
    result = CliRunner().invoke(cli, ["parse", str(broken)])
    assert result.exit_code == 2
    assert "agenda.docx" in result.output
    assert "Traceback" not in result.output


def test_the_cli_parses_each_kind(documents: dict[str, bytes], tmp_path: Path) -> None:
    for kind, data in documents.items():
        path = tmp_path / f"in.{kind}"
        path.write_bytes(data)
        result = CliRunner().invoke(cli, ["parse", str(path), "--tz", "Asia/Seoul"])
        assert result.exit_code == 0, (kind, result.output)
        assert "정화 활동 안내" in result.output


@pytest.mark.parametrize("encoding, meta", [("utf-8", ""), ("euc-kr", "<meta charset='euc-kr'>")])
def test_a_web_page_is_read_in_its_own_encoding(encoding: str, meta: str) -> None:
    page = (f"<html><head>{meta}</head><body><p>일시: 2025. 4. 22.</p><table>"
            "<tr><td>10:00~10:30</td><td>개회</td></tr>"
            "<tr><td>10:30~11:00</td><td>토론</td></tr></table></body></html>")
    result = agenda.parse_bytes(page.encode(encoding), tz="Asia/Seoul")
    assert [item.title for item in result.meeting.items] == ["개회", "토론"]


@pytest.mark.parametrize("kind", ["html", "docx", "hwpx"])
def test_agendas_own_one_day_table_parses_to_an_end_with_every_row_read(kind: str) -> None:
    """The HTML and HWPX tables of the reference meeting (a block's time and notes cells
    merged down its parts) never finished parsing."""
    timetable = agenda.layout(agenda.reference_meeting())
    document = agenda.render(timetable, kind, agenda.RenderOptions(lang="ko"))
    data = document.encode("utf-8") if isinstance(document, str) else document
    result = agenda.parse_bytes(data, name=f"agenda.{kind}")
    read = [slot.title for slot in agenda.layout(result.meeting)]
    assert read == [slot.title for slot in timetable]
