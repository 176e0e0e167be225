"""Every ```python block in docs/*.md runs; the blocks of one page share a namespace.

A block may end with expected output in a ```text block right after it, introduced by
an HTML comment ``<!-- output -->``: then the block's printed output must equal it.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from conftest import DOCS, ROOT

BLOCK = re.compile(r"```python\n(.*?)```(?:\s*<!-- output -->\s*```text\n(.*?)```)?", re.S)
PAGES = sorted(DOCS.glob("*.md"))


def test_every_feature_page_exists() -> None:
    assert (DOCS / "index.md").exists()
    assert len(PAGES) >= 2


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_doc_page_code_runs(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
    for number, match in enumerate(BLOCK.finditer(page.read_text("utf-8")), start=1):
        code, expected = match.group(1), match.group(2)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"{page.name} block {number}", "exec"), namespace)
        if expected is not None:
            assert out.getvalue() == expected, f"{page.name} block {number}"
