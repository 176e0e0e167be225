"""Renderers: each format is a small module with one function
``render(timetable, options) -> str | bytes``, registered here by name.

A new format adds a module and one line in `RENDERERS`; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable

from .._problems import AgendaError
from .._timetable import Timetable
from . import csv, html, json, markdown, pdf, text
from .options import RenderOptions

__all__ = ["RENDERERS", "RenderOptions", "Renderer", "render"]

Renderer = Callable[[Timetable, RenderOptions], str | bytes]

RENDERERS: dict[str, Renderer] = {
    "csv": csv.render,
    "html": html.render,
    "json": json.render,
    "markdown": markdown.render,
    "pdf": pdf.render,
    "text": text.render,
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
