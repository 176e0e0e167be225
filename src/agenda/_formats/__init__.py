"""Renderers: each format is a small module with one function
``render(timetable, options) -> str | bytes``, registered here by name.

A new format adds a module and one line in `RENDERERS`; nothing else changes.
A renderer's module is imported the first time its format is asked for, so a
command pays only for the format it prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from .._problems import AgendaError
from .._timetable import Timetable
from .options import RenderOptions

__all__ = ["RENDERERS", "RenderOptions", "Renderer", "render"]

Renderer = Callable[[Timetable, RenderOptions], str | bytes]


def _lazy(module: str) -> Renderer:
    """The renderer of `module`, imported when first called."""

    def renderer(timetable: Timetable, options: RenderOptions) -> str | bytes:
        found: Renderer = importlib.import_module(module, __name__).render
        return found(timetable, options)

    renderer.__qualname__ = renderer.__name__ = f"render_{module.lstrip('.')}"
    return renderer


RENDERERS: dict[str, Renderer] = {
    "csv": _lazy(".csv"),
    "docx": _lazy(".docx"),
    "html": _lazy(".html"),
    "hwpx": _lazy(".hwpx"),
    "json": _lazy(".json"),
    "markdown": _lazy(".markdown"),
    "pdf": _lazy(".pdf"),
    "text": _lazy(".text"),
}


def render(timetable: Timetable, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render `timetable` in format `fmt` (see `RENDERERS` for the names)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise AgendaError(
            f"unknown format {fmt!r}; known formats: {', '.join(sorted(RENDERERS))}"
        ) from None
    return renderer(timetable, options or RenderOptions())
