"""The reference meeting, embedded so that `agenda demo` needs no file."""

from __future__ import annotations

from importlib.resources import files

from ._model import Meeting
from ._spec import load_toml

__all__ = ["REFERENCE_SPEC", "reference_meeting"]

REFERENCE_SPEC: str = files("agenda").joinpath("reference.toml").read_text(encoding="utf-8")


def reference_meeting() -> Meeting:
    """The 2024-03-13 policy consultation (14:00–15:00, Asia/Seoul)."""
    return load_toml(REFERENCE_SPEC)
