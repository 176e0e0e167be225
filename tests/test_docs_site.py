"""The documentation site: mkdocs (Material) builds the user guide in docs/ and an API
reference from the docstrings, with warnings as errors (``--strict``)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import agenda
from conftest import DOCS, ROOT


def test_the_reference_page_names_every_public_name() -> None:
    text = (DOCS / "reference.md").read_text("utf-8")
    documented = re.findall(r"^::: agenda\.(\w+)$", text, flags=re.M)
    # A new public name gets its line here (`::: agenda.NAME`), in `__all__` order.
    assert documented == list(agenda.__all__)


def test_every_guide_page_is_in_the_site_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    pages = {page.name for page in DOCS.glob("*.md")}
    listed = set(re.findall(r":\s*(\S+\.md)\s*$", config, flags=re.M))
    assert pages == listed, "add the page to the nav of mkdocs.yml"


def test_the_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                           "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr
    reference = (tmp_path / "site" / "reference" / "index.html").read_text("utf-8")
    for name in agenda.__all__:
        assert f'id="agenda.{name}"' in reference, name
