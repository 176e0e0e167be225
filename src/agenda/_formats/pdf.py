"""The timetable as a PDF: the HTML table (A4) rendered by WeasyPrint.

WeasyPrint is the optional extra ``agenda[pdf]`` and is imported only here, when a
PDF is asked for. Hangul needs a font that has its glyphs: before rendering a
document that contains Hangul, fontconfig is asked for one (``fc-list :lang=ko``),
and `PdfUnavailable` is raised when there is none, rather than printing empty boxes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from typing import Any

from .._problems import AgendaError
from .._timetable import Timetable
from .html import to_html
from .options import RenderOptions

__all__ = ["PdfUnavailable", "html_to_pdf", "korean_fonts", "render", "to_pdf"]

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")


class PdfUnavailable(AgendaError):
    """A PDF cannot be made on this machine; the message says what to install."""


def korean_fonts() -> tuple[str, ...] | None:
    """The families of the installed fonts that cover Korean, as fontconfig lists them
    (``fc-list :lang=ko family``); None when fontconfig's ``fc-list`` is missing."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    done = subprocess.run([fc_list, ":lang=ko", "family"], capture_output=True, text=True,
                          check=False, timeout=60)
    return tuple(sorted({line.split(",")[0].strip() for line in done.stdout.splitlines()
                         if line.strip()}))


def to_pdf(timetable: Timetable, *, lang: str = "ko") -> bytes:
    """The timetable as PDF bytes (A4), through `to_html` and WeasyPrint."""
    return html_to_pdf(to_html(timetable, lang=lang))


def html_to_pdf(document: str) -> bytes:
    """A self-contained HTML `document` as PDF bytes, through WeasyPrint; one with
    Hangul needs an installed Korean font (`PdfUnavailable` otherwise)."""
    weasyprint = _weasyprint()
    if _HANGUL.search(document):
        _require_korean_font()
    pdf: bytes = weasyprint.HTML(string=document).write_pdf()
    return pdf


def render(timetable: Timetable, options: RenderOptions) -> bytes:
    return to_pdf(timetable, lang=options.lang)


def _weasyprint() -> Any:
    try:
        import weasyprint  # optional and heavy: imported on demand
    except ImportError:
        raise PdfUnavailable(
            "PDF output needs WeasyPrint: pip install 'agenda[pdf]'") from None
    except OSError as exc:  # WeasyPrint is there, its system libraries are not
        raise PdfUnavailable(
            f"WeasyPrint cannot load its system libraries (pango): {exc}") from None
    return weasyprint


def _require_korean_font() -> None:
    fonts = korean_fonts()
    if fonts is None:
        warnings.warn(
            "cannot check for a Korean font (fontconfig's fc-list is not installed); "
            "Hangul may print as empty boxes", RuntimeWarning, stacklevel=3)
    elif not fonts:
        raise PdfUnavailable(
            "no installed font has Korean glyphs (fc-list :lang=ko lists none), so Hangul "
            "would print as empty boxes; install one, e.g. apt-get install fonts-nanum "
            "or fonts-noto-cjk")
