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


# -- ordinary content that used to break the page ---------------------------------------
LONG_URL = ("https://www.mss.go.kr/site/smba/ex/bbs/View.do?cbIdx=86&bcIdx=1048596"
            "&parentSeq=1048596")


def test_a_url_and_a_long_token_stay_on_the_a4_page(tmp_path: Path) -> None:
    import re as _re

    require_tool("WeasyPrint (pip install 'agenda[pdf]')",
                 importlib.util.find_spec("weasyprint") is not None)
    require_tool("a font with Korean glyphs (fonts-nanum) and fontconfig's fc-list",
                 bool(pdf_module.korean_fonts()))
    require_tool("pdftotext (poppler-utils)", which("pdftotext") is not None)
    import attrs

    meeting = agenda.reference_meeting()
    items = list(meeting.items)
    items[1] = attrs.evolve(items[1], notes=f"자료: {LONG_URL}")
    items[5] = attrs.evolve(items[5], title="토론" + "X" * 150)
    meeting = attrs.evolve(meeting, items=tuple(items))
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(agenda.to_pdf(agenda.layout(meeting)))
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60, check=True)
    width = float(_re.search(r'<page width="([\d.]+)"', done.stdout)[1])  # type: ignore[index]
    words = _re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', done.stdout)
    margin = 14 / 25.4 * 72  # the page's 14 mm side margin, in points
    assert words and all(float(x) <= width - margin + 1 for x, _ in words), max(
        (float(x), w) for x, w in words)
    text = [w for _, w in words]
    # Hangul titles keep whole words instead of one syllable per line ...
    for word in ("지자체별", "글로벌", "준비현황", "맺음말씀", "인사말씀"):
        assert word in text, word
    # ... the URL breaks at its punctuation, and nothing of it is lost.
    assert "".join(text).count(LONG_URL.replace("&", "&amp;")) == 1
    assert "".join(text).count("X" * 150) == 1
