"""Test set-up: hypothesis profiles and a pinned local time zone.

Profiles (choose with HYPOTHESIS_PROFILE):

- ``default`` (``make test`` and CI) is derandomized: every run on every machine draws
  the same examples, so a fresh clone says what CI says and a red run replays anywhere.
  It does not shrink, so a failing property costs seconds, not minutes of shrinking.
- ``thorough`` (``make test-thorough``) searches: fresh randomness, many more examples,
  shrinking, and the example database in ``.hypothesis``. Whatever it finds becomes a
  named regression in the repository (an ``@example`` on the property or a fixture file),
  never only an entry in a local ``.hypothesis`` folder.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pendulum
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "default", max_examples=40, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate, Phase.target],
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, derandomize=False, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
settings.load_profile(PROFILE)
THOROUGH = PROFILE == "thorough"

# No test may depend on the machine's zone: pin it to one with DST.
os.environ["TZ"] = "Europe/Berlin"
time.tzset()
pendulum.set_local_timezone(pendulum.timezone("Europe/Berlin"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs"
SEED = ROOT.parent / "shared" / "seed"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# The example spec files: every TOML and JSON file of examples/ but the logs of actual
# times (NAME.log.toml), which are not specs.
EXAMPLE_SPECS = sorted(p for p in [*EXAMPLES.glob("*.toml"), *EXAMPLES.glob("*.json")]
                       if not p.name.endswith(".log.toml"))


def require_tool(name: str, found: bool) -> None:
    """Skip with a visible reason when an external tool is missing; in CI, fail."""
    if found:
        return
    if IN_CI:
        pytest.fail(f"{name} is required in CI but missing (.ci/run installs it)")
    pytest.skip(f"{name} is not installed here")


def require_seed() -> None:
    """Skip where ``../shared/seed`` is not beside the checkout; in CI (which has it), fail."""
    require_tool("shared/seed beside the checkout", SEED.exists())


def require_module(name: str) -> ModuleType:
    """Import `name`, skipping the calling test module when it is missing; in CI, fail."""
    try:
        return importlib.import_module(name)
    except ImportError:
        if IN_CI:
            raise
        pytest.skip(f"{name} is not installed here", allow_module_level=True)


def which(command: str) -> str | None:
    return shutil.which(command)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def reference_spec_path() -> Path:
    return EXAMPLES / "reference-meeting.toml"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    yield tmp_path


__all__ = ["DOCS", "EXAMPLES", "EXAMPLE_SPECS", "IN_CI", "ROOT", "SEED", "THOROUGH",
           "require_module", "require_seed", "require_tool", "subprocess", "which"]
