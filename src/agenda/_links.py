"""Links: a meeting's and its items' pages (``url``), join addresses (``online``) and
materials, as every output reads them.

Only ``http`` and ``https`` addresses are links: a ``javascript:`` or ``data:`` URL, an
address without a host, or one with a space, a control character or one of ``< > "``
is a ``bad-url`` problem of the meeting or the item (with its path), found by the
layout, so no published page, feed or schedule ever carries it.

A URL is kept as written (``https://예시.kr/자료``, readable in a printed table); the
feed, the schedule and the ``href`` of a page write it as a URI (:func:`as_uri`: the
scheme in lower case, the host in IDNA, other non-ASCII characters percent-encoded as
UTF-8).

An item without its own join link inherits its block's, and every item the meeting's
(:func:`join_links`); its page and materials are its own.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from urllib.parse import quote, urlsplit

import attrs

from ._model import Item, Material, Meeting
from ._problems import Problem
from ._timetable import Timetable
from ._words.catalog import Fact

__all__ = ["Link", "as_uri", "has_links", "join_links", "link_problems", "links_of",
           "material_records", "url_problem"]

SCHEMES = ("http", "https")
_FORBIDDEN = frozenset(' <>"\\')
_KEEP = string.punctuation  # every printable ASCII character stays as written


def _host_of(netloc: str) -> str:
    """The host of an address's `netloc` (without user information and port)."""
    host = netloc.rpartition("@")[2]
    if host.startswith("["):  # an IPv6 literal
        return host.partition("]")[0] + "]"
    return host.partition(":")[0]


def url_problem(url: str) -> tuple[str, dict[str, Fact]] | None:
    """Why `url` is not a link agenda writes, as a reason phrase and its facts (None
    when it is one)."""
    if any(ch in _FORBIDDEN or not ch.isprintable() for ch in url):
        return "it holds a space, a control character or one of < > \" \\", {}
    try:
        parts = urlsplit(url)
    except ValueError:
        return "it is not an address", {}
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        if not scheme:
            return "it does not start with http:// or https://", {}
        return "only http and https addresses are links, not {scheme}:", {"scheme": scheme}
    if not _host_of(parts.netloc):
        return "it names no host (https://example.org/...)", {}
    try:
        as_uri(url)
    except UnicodeError:
        return "its host is not a name a browser can look up", {}
    return None


def as_uri(url: str) -> str:
    """`url` (a sound link) as a URI: ASCII only, its scheme in lower case, its host in
    IDNA, every other non-ASCII character percent-encoded as UTF-8. Raises
    `UnicodeError` for a host that has no IDNA form."""
    parts = urlsplit(url)
    head = url[:url.index("//") + 2]  # the scheme as written, and "//"
    rest = url[len(head) + len(parts.netloc):]
    scheme = f"{parts.scheme}://"  # urlsplit gives it in lower case
    if url.isascii():
        return scheme + url[len(head):]
    host = _host_of(parts.netloc)
    netloc = parts.netloc
    if not host.isascii():
        ascii_host = ".".join(label.encode("idna").decode("ascii") if not label.isascii()
                              else label for label in host.split("."))
        start = netloc.rfind(host)
        netloc = netloc[:start] + ascii_host + netloc[start + len(host):]
    return f"{scheme}{quote(netloc, safe=_KEEP)}{quote(rest, safe=_KEEP)}"


def _one(key: str, url: str, number: str, title: str, path: tuple[str, ...]
         ) -> Problem | None:
    found = url_problem(url)
    if found is None:
        return None
    reason, facts = found
    return Problem("bad-url", facts={"key": key, "url": url, "reason": reason, **facts},
                   number=number, title=title, path=path)


def link_problems(value: Item | Meeting, number: str = "", path: tuple[str, ...] = ()
                  ) -> list[Problem]:
    """``bad-url`` for each address of `value` (the meeting, or the item numbered
    `number` at `path`) that is not an http or https link, and ``empty-title`` for a
    material without a title. A material's key is ``materials.N.url``, counted from 1."""
    out: list[Problem | None] = []
    title = value.title
    for key in ("url", "online"):
        url = getattr(value, key)
        if url is not None:
            out.append(_one(key, url, number, title, path))
    for k, material in enumerate(value.materials, start=1):
        if not material.title.strip():
            out.append(Problem("empty-title", facts={"what": "material {material}",
                                                     "material": k},
                               number=number, title=title, path=path))
        out.append(_one(f"materials.{k}.url", material.url, number, title, path))
    return [p for p in out if p is not None]


@attrs.frozen
class Link:
    """One link as a table shows it: what it is (`kind`: ``url``, ``online`` or
    ``material``), the material's `title` (None for the others) and the `url`."""

    kind: str
    url: str
    title: str | None = None


def links_of(value: Item | Meeting) -> tuple[Link, ...]:
    """The links `value` gives itself, in the order tables show them: its page, its
    join link, its materials (not the join link it inherits)."""
    out = [Link(key, getattr(value, key)) for key in ("url", "online")
           if getattr(value, key) is not None]
    out += [Link("material", m.url, m.title) for m in value.materials]
    return tuple(out)


def has_links(meeting: Meeting) -> bool:
    """Whether the meeting or any of its items gives a page, a join link or materials
    (the CSV and JSON outputs then carry their fields)."""
    values: Iterable[Item | Meeting] = (meeting, *meeting.walk())
    return any(value.url is not None or value.online is not None or value.materials
               for value in values)


def join_links(timetable: Timetable) -> Mapping[tuple[str, ...], str | None]:
    """The join link of each slot by identity path: its own ``online``, else its
    nearest block's, else the meeting's (None when nobody gives one)."""
    out: dict[tuple[str, ...], str | None] = {}
    inherited: list[str | None] = []
    default = timetable.meeting.online
    for slot in timetable:
        del inherited[slot.depth:]
        above = inherited[-1] if inherited else default
        own = slot.item.online if slot.item.online is not None else above
        inherited.append(own)
        out[slot.path] = own
    return out


def material_records(materials: Iterable[Material]) -> list[dict[str, str]]:
    """Materials as JSON-ready records: ``{"title": ..., "url": ...}``."""
    return [{"title": m.title, "url": m.url} for m in materials]
