"""The root of every error agenda raises (its own module: the wording raises it too)."""

from __future__ import annotations

__all__ = ["AgendaError"]


class AgendaError(Exception):
    """Root of every error this library raises."""
