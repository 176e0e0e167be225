"""Every example runs: scripts exit 0, spec files pass `agenda check`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from agenda.cli import cli
from conftest import EXAMPLE_SPECS, EXAMPLES

SCRIPTS = sorted(EXAMPLES.glob("*.py"))
SPECS = EXAMPLE_SPECS


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_example_script_runs(script: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), f"{script.name} printed nothing"


@pytest.mark.parametrize("spec", SPECS, ids=[p.name for p in SPECS])
def test_example_spec_is_valid(spec: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(spec)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")
