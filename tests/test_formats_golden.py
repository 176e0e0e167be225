"""The reference meeting in every text format and language, compared with
tests/golden/reference.<lang>.<ext> byte for byte.

Regenerate after an intended change: ``AGENDA_REGEN_GOLDEN=1 .venv/bin/python -m pytest
tests/test_formats_golden.py``, then review ``git diff tests/golden``.
"""

from __future__ import annotations

import pytest

import agenda
from golden_files import check_golden

EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "csv": "csv"}


@pytest.mark.parametrize("lang", sorted(agenda.LABELS))
@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_reference_matches_its_golden_file(fmt: str, lang: str) -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    output = agenda.render(timetable, fmt, agenda.RenderOptions(lang=lang))
    check_golden(f"reference.{lang}.{EXTENSIONS[fmt]}", output)
