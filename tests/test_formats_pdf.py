"""PDF through WeasyPrint: the text read back from the PDF holds every title and time
of the reference meeting, page 1 rasterises, and missing pieces give clear errors."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import agenda
from agenda._formats import pdf as pdf_module
from conftest import require_tool, which


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def reference_pdf() -> bytes:
    require_tool("WeasyPrint (pip install 'agenda[pdf]')",
                 importlib.util.find_spec("weasyprint") is not None)
    require_tool("a font with Korean glyphs (fonts-nanum) and fontconfig's fc-list",
                 bool(pdf_module.korean_fonts()))
    return agenda.to_pdf(agenda.layout(agenda.reference_meeting()))


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_pdf_holds_every_title_and_time(reference_pdf: bytes) -> None:
    assert reference_pdf.startswith(b"%PDF-")
    text = _squeeze(pdf_text(reference_pdf))
    labels = agenda.LABELS["ko"]
    for slot in agenda.layout(agenda.reference_meeting()):
        assert _squeeze(slot.title) in text, slot.title
        assert labels.span(slot.start, slot.end) in text, slot.number
        if slot.depth == 0:
            assert _squeeze(labels.minutes(slot.minutes)) in text
    for word in ("구분", "시간", "내용", "비고", "정책협의", "2024-03-13(수)", "총60분"):
        assert word in text


def test_english_pdf() -> None:
    require_tool("WeasyPrint (pip install 'agenda[pdf]')",
                 importlib.util.find_spec("weasyprint") is not None)
    require_tool("a font with Korean glyphs (fonts-nanum) and fontconfig's fc-list",
                 bool(pdf_module.korean_fonts()))
    timetable = agenda.layout(agenda.reference_meeting())
    data = agenda.render(timetable, "pdf", agenda.RenderOptions(lang="en"))
    assert isinstance(data, bytes)
    text = _squeeze(pdf_text(data))
    for word in ("Category", "Time", "Item", "Notes", "14:07–14:27(20min)", "Busan"):
        assert word in text


def test_page_one_rasterises_to_png(reference_pdf: bytes, tmp_path: Path) -> None:
    pdftoppm = which("pdftoppm")
    require_tool("pdftoppm (poppler-utils)", pdftoppm is not None)
    source = tmp_path / "agenda.pdf"
    source.write_bytes(reference_pdf)
    subprocess.run([str(pdftoppm), "-png", "-r", "80", "-singlefile", str(source),
                    str(tmp_path / "page")], check=True, timeout=60)
    png = (tmp_path / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    # A4 (210 × 297 mm) at 80 dpi, give or take the rounding of a pixel.
    assert abs(width - 210 / 25.4 * 80) < 1 and abs(height - 297 / 25.4 * 80) < 1


def test_missing_weasyprint_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import raises ImportError
    with pytest.raises(agenda.AgendaError, match=r"pip install 'agenda\[pdf\]'"):
        agenda.to_pdf(agenda.layout(agenda.reference_meeting()))


class _FakeWeasyPrint(types.ModuleType):
    """Stands in for WeasyPrint: records the HTML it is given."""

    def __init__(self) -> None:
        super().__init__("weasyprint")
        self.documents: list[str] = []

    def HTML(self, string: str) -> _FakeWeasyPrint:  # WeasyPrint's name
        self.documents.append(string)
        return self

    def write_pdf(self) -> bytes:
        return b"%PDF-fake"


def test_no_korean_font_is_an_error_not_empty_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeWeasyPrint()
    monkeypatch.setitem(sys.modules, "weasyprint", fake)
    monkeypatch.setattr(pdf_module, "korean_fonts", lambda: ())
    with pytest.raises(agenda.AgendaError, match="Korean glyphs"):
        agenda.to_pdf(agenda.layout(agenda.reference_meeting()))
    assert fake.documents == []


def test_unknown_font_situation_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeWeasyPrint()
    monkeypatch.setitem(sys.modules, "weasyprint", fake)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert pdf_module.korean_fonts() is None
    with pytest.warns(RuntimeWarning, match="fc-list"):
        data = agenda.to_pdf(agenda.layout(agenda.reference_meeting()))
    assert data == b"%PDF-fake"
    assert fake.documents == [agenda.to_html(agenda.layout(agenda.reference_meeting()))]


def test_a_document_without_hangul_needs_no_korean_font(monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    fake = _FakeWeasyPrint()
    monkeypatch.setitem(sys.modules, "weasyprint", fake)
    monkeypatch.setattr(pdf_module, "korean_fonts", lambda: ())
    meeting = agenda.Meeting("Weekly", agenda.reference_meeting().date,
                             agenda.reference_meeting().start, "Europe/Berlin",
                             [agenda.Item("Reports", minutes=10)])
    assert agenda.to_pdf(agenda.layout(meeting), lang="en") == b"%PDF-fake"
