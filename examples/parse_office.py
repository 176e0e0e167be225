"""Read the same agenda from a saved web page, a DOCX and an HWPX file: parse tells
them apart by their content and reads each to the same meeting. The documents are
built here (python-docx and python-hwpx, the `office` and `test` extras)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import docx
import hwpx

import agenda

TITLE = "항만 정화 활동"
FACTS = ["일시: 2025. 4. 22.(화) 10:00~11:00", "장소: 해양공원"]
ROWS = [("시간", "내용", "비고"), ("10:00~10:10", "개회", ""),
        ("10:10~10:50", "정화 활동\n- 북측 부두, 해변", "(40분)"), ("10:50~11:00", "기념촬영", "")]


def html() -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{c.replace(chr(10), '<br>')}</td>" for c in row)
                    + "</tr>" for row in ROWS)
    facts = "".join(f"<p>{fact}</p>" for fact in FACTS)
    return (f"<!DOCTYPE html><html><body><h1>{TITLE}</h1>{facts}<table>{cells}</table>"
            "</body></html>").encode()


def word() -> bytes:
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for fact in FACTS:
        document.add_paragraph(fact)
    table = document.add_table(rows=len(ROWS), cols=3)
    for r, row in enumerate(ROWS):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def hangul(folder: Path) -> bytes:
    document = hwpx.HwpxDocument.new()
    for line in (TITLE, *FACTS):
        document.add_paragraph(line)
    table = document.add_table(len(ROWS), 3)
    for r, row in enumerate(ROWS):
        for k, text in enumerate(row):
            table.set_cell_text(r, k, text)
    path = folder / "agenda.hwpx"
    document.save_to_path(path)
    return path.read_bytes()


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        documents = {"page.html": html(), "agenda.docx": word(), "agenda.hwpx": hangul(folder)}
        for file, data in documents.items():
            result = agenda.parse_bytes(data, name=file, tz="Asia/Seoul")
            items = ", ".join(f"{item.title} ({item.minutes}분)" for item in result.meeting.items)
            print(f"{file}: {result.format}, {result.meeting.title}: {items}")


if __name__ == "__main__":
    main()
