"""Releases into a folder: a small static site any web server or CDN can serve.

``publish_site(meeting, folder, now=...)`` writes::

    agenda.ics                 the feed, items included, updated in place
    agenda-<audience>.ics      one feed per audience the items name
    changes.json               every release, newest first, with its changes
    index.html                 the printable agenda, subscribe links, the changelog
    versions/0001/ …           each release as published, never rewritten:
        agenda.json            the spec
        agenda.ics, agenda-<audience>.ics, agenda.html
        changes.json, changes.ko.txt, changes.en.txt

A release is made when the spec differs from the latest one; every file is then
computed and written (atomically) only when its bytes differ, index.html last. An
unchanged agenda therefore writes nothing at all.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs

from .._audience import audiences
from .._formats.html import to_html
from .._formats.labels import labels_for
from .._ics import REFRESH, to_ics
from .._io import write_atomic
from .._layout import layout
from .._model import Meeting
from .._problems import AgendaError
from .._spec import dump_json, load_json
from .._timetable import Timetable
from ._changes import Changelog, changelog

__all__ = ["FEED", "Release", "SiteError", "feed_name", "publish_site"]

FEED = "agenda.ics"
VERSIONS = "versions"


class SiteError(AgendaError, OSError):
    """The folder cannot be published into: `reason` says why, `path` names the file."""

    def __init__(self, reason: str, path: str | os.PathLike[str]) -> None:
        self.reason = reason
        self.path = str(path)
        super().__init__(f"{self.path}: {reason}")


@attrs.frozen
class Release:
    """What one call of :func:`publish_site` did.

    `version` is the current release number, `new` whether this call made it,
    `written` the files it wrote (relative to the folder; empty when unchanged),
    `changes` the changelog of the new release (empty when none was made).
    """

    version: int
    new: bool
    written: tuple[str, ...]
    changes: Changelog = attrs.field(factory=Changelog)


def feed_name(audience: str | None = None) -> str:
    """The file name of the whole feed, or of one audience's feed."""
    return FEED if audience is None else f"agenda-{audience}.ics"


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SiteError(f"cannot read: {exc.strerror or exc}", path) from None


def _versions(folder: Path) -> list[int]:
    root = folder / VERSIONS
    if not root.is_dir():
        return []
    return sorted(int(p.name) for p in root.iterdir() if p.name.isdigit() and p.is_dir())


def _history(folder: Path) -> list[dict[str, Any]]:
    data = _read(folder / "changes.json")
    if data is None:
        return []
    try:
        found = json.loads(data)
        releases = found["releases"]
        assert isinstance(releases, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        raise SiteError("not a changes.json written by agenda", folder / "changes.json"
                        ) from None
    return releases


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_CSS = """\
section.publish { margin: 12pt 0 0; }
section.publish h2 { font-size: 12pt; margin: 10pt 0 4pt; }
section.publish ul { margin: 0; padding-left: 1.2em; }
section.publish li.release { margin: 0 0 4pt; }
section.publish .when { color: #444; }
@media print { section.subscribe { display: none; } }
"""

_SCRIPT = """\
<script>
document.querySelectorAll("a[data-webcal]").forEach(function (link) {
  if (location.protocol === "http:" || location.protocol === "https:") {
    link.href = "webcal://" + location.host +
      new URL(link.getAttribute("data-webcal"), location.href).pathname;
  }
});
</script>"""


def _subscribe(base_url: str | None, names: list[tuple[str, str]], lang: str) -> list[str]:
    ko = lang == "ko"
    out = ['<section class="publish subscribe">',
           f"<h2>{'캘린더 구독' if ko else 'Subscribe'}</h2>", "<ul>"]
    for label, name in names:
        if base_url is not None:
            parts = urlsplit(urljoin(base_url, name))
            webcal = f"webcal://{parts.netloc}{parts.path}"
            sub = f'<a class="webcal" href="{html.escape(webcal)}">'
        else:
            sub = f'<a class="webcal" href="{html.escape(name)}" data-webcal="{html.escape(name)}">'
        out.append(f"<li>{html.escape(label)}: {sub}{'구독' if ko else 'subscribe'}</a>"
                   f' · <a class="download" href="{html.escape(name)}" download>'
                   f"{'내려받기' if ko else 'download'} ({html.escape(name)})</a></li>")
    out += ["</ul>", "</section>"]
    return out


def _log(history: list[dict[str, Any]], lang: str) -> list[str]:
    ko = lang == "ko"
    out = ['<section class="publish changelog">', f"<h2>{'변경 이력' if ko else 'Changes'}</h2>",
           "<ul>"]
    for release in history:
        number = release["version"]
        lines = release["text"][lang] or [("첫 게시" if ko else "first release")]
        out.append(f'<li class="release"><a href="{VERSIONS}/{number:04d}/agenda.html">'
                   f"v{number}</a> <span class=\"when\">{html.escape(release['published'])}"
                   "</span><ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines)
                   + "</ul></li>")
    out += ["</ul>", "</section>"]
    return out


def _index(timetable: Timetable, lang: str, base_url: str | None, feeds: list[tuple[str, str]],
           history: list[dict[str, Any]]) -> str:
    page = to_html(timetable, lang=lang)
    extra = [*_subscribe(base_url, feeds, lang), *_log(history, lang)]
    if base_url is None:
        extra.append(_SCRIPT)
    page = page.replace("</style>", _CSS + "</style>", 1)
    page = page.replace("<head>", '<head>\n<link rel="icon" href="data:,">', 1)
    return page.replace("</body>", "\n".join(extra) + "\n</body>", 1)


def publish_site(meeting: Meeting, folder: str | os.PathLike[str], *, now: _dt.datetime,
                 base_url: str | None = None, refresh: _dt.timedelta = REFRESH,
                 uid_domain: str | None = None, lang: str = "ko") -> Release:
    """Publish `meeting` into `folder` as a release of a static site (see the module).

    `now` (aware) stamps the release and its new or changed events. `base_url` is where
    the folder is served (``https://example.org/council/``): it makes the ``webcal://``
    subscribe links absolute; without it the page builds them from its own address.
    Raises :class:`agenda.InvalidAgenda` for an invalid agenda and :class:`SiteError`
    for a folder that cannot be read or written; nothing is written then.
    """
    timetable = layout(meeting)
    root = Path(folder)
    labels = labels_for(lang)
    spec = dump_json(meeting).encode("utf-8")
    versions = _versions(root)
    latest = versions[-1] if versions else 0
    old_spec = _read(root / VERSIONS / f"{latest:04d}" / "agenda.json") if latest else None
    new = spec != old_spec
    version = latest + 1 if new else latest

    names = [None, *audiences(meeting)]
    files: dict[str, bytes] = {}
    for audience in names:
        name = feed_name(audience)
        previous = _read(root / name)
        title = meeting.title if audience is None else f"{meeting.title} ({audience})"
        files[name] = to_ics(timetable, items=True, previous=previous, now=now,
                             uid_domain=uid_domain, audience=audience, refresh=refresh,
                             name=title)
    history = _history(root)
    changes = Changelog()
    if new:
        old_timetable = None
        if old_spec is not None:
            try:
                old_timetable = layout(load_json(old_spec.decode("utf-8")))
            except (AgendaError, UnicodeDecodeError) as exc:
                raise SiteError(f"the latest release cannot be read back ({exc})",
                                root / VERSIONS / f"{latest:04d}" / "agenda.json") from None
        changes = changelog(old_timetable, timetable)
        stamp = now.astimezone(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        entry = {"version": version, "published": stamp,
                 "text": {"ko": list(changes.ko), "en": list(changes.en)},
                 "changes": changes.data}
        history = [entry, *history]
        here = f"{VERSIONS}/{version:04d}"
        if (root / here).exists():
            raise SiteError("this release exists already and is never rewritten", root / here)
        release_files = {
            "agenda.json": spec,
            "agenda.html": to_html(timetable, lang=lang).encode("utf-8"),
            "changes.json": _json(entry),
            "changes.ko.txt": changes.text("ko").encode("utf-8"),
            "changes.en.txt": changes.text("en").encode("utf-8"),
            **{feed_name(a): files[feed_name(a)] for a in names},
        }
        files = {**{f"{here}/{k}": v for k, v in release_files.items()}, **files}
    feeds = [(labels.item if a is None else a, feed_name(a)) for a in names]
    feeds[0] = ("전체" if lang == "ko" else "everything", FEED)
    files["changes.json"] = _json({"releases": history})
    files["index.html"] = _index(timetable, lang, base_url, feeds, history).encode("utf-8")

    written = []
    for name, data in files.items():
        path = root / name
        if _read(path) == data:
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        except OSError as exc:
            raise SiteError(f"cannot write: {exc.strerror or exc}", path) from None
        written.append(name)
    return Release(version, new, tuple(written), changes)
