"""Golden files: expected outputs kept in tests/golden/ and compared exactly.

Regenerate them after an intended change with::

    AGENDA_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_formats_golden.py

then review the diff (``git diff tests/golden``) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("AGENDA_REGEN_GOLDEN", "") == "1"


def check_golden(name: str, actual: str | bytes) -> None:
    """Assert that `actual` equals tests/golden/`name` (or rewrite it when regenerating)."""
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    path = GOLDEN / name
    if REGENERATE:
        path.write_bytes(data)
        pytest.skip(f"regenerated {path.name}")
    assert path.exists(), f"{path} is missing; run with AGENDA_REGEN_GOLDEN=1 to create it"
    expected = path.read_bytes()
    if isinstance(actual, str):
        assert actual == expected.decode("utf-8")
    else:
        assert actual == expected
