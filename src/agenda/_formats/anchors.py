"""Links in HTML: ``<a href="…" rel="noopener">``, for the A4 page and the room grid.

The ``href`` is the URL as a URI (`agenda._links.as_uri`), escaped for an attribute; the
text shown is escaped as every user text is. A page and a join link show their URL, a
material its title (the page's print style adds its address after it).
"""

from __future__ import annotations

import html

from .._links import Link, as_uri, links_of
from .._model import Item, Meeting
from .._words.labels import Labels
from .parts import lines_of, link_label

__all__ = ["link_html", "links_html"]


def _text(text: str) -> str:
    return "<br>".join(html.escape(line, quote=False) for line in lines_of(text))


def link_html(link: Link) -> str:
    """``<a href="…" rel="noopener">…</a>``: a page and a join link show their URL, a
    material its title (and, in print, its address)."""
    shown = link.title if link.title is not None else link.url
    kind = ' class="material"' if link.title is not None else ""
    href = html.escape(as_uri(link.url), quote=True)
    return f'<a href="{href}" rel="noopener"{kind}>{_text(shown)}</a>'


def links_html(value: Item | Meeting, labels: Labels) -> str:
    """The links `value` gives itself, one a line after a ``<br>`` (empty without)."""
    found = links_of(value)
    if not found:
        return ""
    lines = "<br>".join(f"{_text(link_label(link, labels))}: {link_html(link)}"
                        for link in found)
    return f'<br><span class="links">{lines}</span>'
