"""Releases into a folder: a small static site any web server or CDN can serve.

``publish_site(meeting, folder, now=...)`` writes::

    agenda.ics                 the feed, items included, updated in place
    agenda-<audience>.ics      one feed per audience the items name
    changes.json               every release, newest first, with its changes
    index.html                 the printable agenda, subscribe links, the changelog
    live.html                  the live page: now, next, time left (see `_live`),
    timetable.json, log.json   which it reads: the timetable and the actual times
    versions/0001/ …           each release as published, never rewritten:
        agenda.json            the spec
        agenda.ics, agenda-<audience>.ics, agenda.html
        agenda.docx, agenda.hwpx   the agenda as Word and Hancom documents (agenda[office])
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
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs

from .._audience import audiences
from .._edit._actual import ActualLog
from .._formats.html import to_html
from .._formats.sheet import OfficeUnavailable
from .._ics import REFRESH, FeedError, _parse_feed, to_ics
from .._io import write_atomic
from .._layout import layout
from .._model import Meeting
from .._problems import AgendaError
from .._spec import dump_json, load_json
from .._time import wall
from .._timetable import Timetable
from .._words.catalog import render_message
from .._words.labels import labels_for
from ._changes import Changelog, changelog
from ._live import LIVE_REFRESH, live_files
from .series_page import CSS as SERIES_CSS
from .series_page import series_section

__all__ = ["FEED", "Release", "SiteError", "base_url_problem", "feed_name", "publish_site"]

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


def _published(stamp: str, zone: str) -> str:
    """A release's time (UTC, as changes.json keeps it) on the meeting's wall clock:
    ``2025-04-07 10:15 (Asia/Seoul)``."""
    try:
        utc = int(_dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp())
        local = wall(utc, zone)
    except (ValueError, OverflowError, OSError):
        return stamp  # not written by this module: shown as it is
    return f"{local:%Y-%m-%d %H:%M} ({zone})"


def _log(history: list[dict[str, Any]], lang: str, zone: str) -> list[str]:
    ko = lang == "ko"
    out = ['<section class="publish changelog">', f"<h2>{'변경 이력' if ko else 'Changes'}</h2>",
           "<ul>"]
    for position, release in enumerate(history):
        number = release["version"]
        first = position == len(history) - 1  # the oldest release kept
        empty = (("첫 게시" if ko else "first release") if first else
                 ("구독자에게 보이는 변경 없음" if ko else "no change a subscriber sees"))
        lines = release["text"][lang] or [empty]
        when = _published(str(release["published"]), zone)
        out.append(f'<li class="release"><a href="{VERSIONS}/{number:04d}/agenda.html">'
                   f"v{number}</a> <span class=\"when\">{html.escape(when)}"
                   "</span><ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines)
                   + "</ul></li>")
    out += ["</ul>", "</section>"]
    return out


def _released(history: list[dict[str, Any]], now: _dt.datetime) -> _dt.datetime:
    """When the current release was published (its next occurrences count from then, so
    that publishing an unchanged agenda again rewrites no page)."""
    if history:
        try:
            return _dt.datetime.fromisoformat(str(history[0]["published"]).replace(
                "Z", "+00:00"))
        except ValueError:
            pass
    return now


def _documents(timetable: Timetable, lang: str) -> dict[str, bytes]:
    """``agenda.docx`` and ``agenda.hwpx`` in the release's language; none, with a
    warning, where the libraries that write them (``agenda[office]``) are missing."""
    from .._formats.docx import to_docx
    from .._formats.hwpx import to_hwpx

    try:
        return {"agenda.docx": to_docx(timetable, lang=lang),
                "agenda.hwpx": to_hwpx(timetable, lang=lang)}
    except OfficeUnavailable as exc:
        warnings.warn(f"the release has no agenda.docx and agenda.hwpx: {exc}",
                      RuntimeWarning, stacklevel=3)
        return {}


def _index(timetable: Timetable, lang: str, base_url: str | None, feeds: list[tuple[str, str]],
           history: list[dict[str, Any]], now: _dt.datetime) -> str:
    page = to_html(timetable, lang=lang)
    extra = [*series_section(timetable, lang, _released(history, now)),
             *_subscribe(base_url, feeds, lang), *_log(history, lang, timetable.zone),
             f'<p class="publish live"><a href="live.html">'
             f'{"실시간 진행 (live.html)" if lang == "ko" else "Live (live.html)"}</a></p>']
    if base_url is None:
        extra.append(_SCRIPT)
    page = page.replace("</style>", _CSS + SERIES_CSS + "</style>", 1)
    page = page.replace("<head>", '<head>\n<link rel="icon" href="data:,">', 1)
    return page.replace("</body>", "\n".join(extra) + "\n</body>", 1)


def base_url_problem(url: str) -> str | None:
    """Why `url` cannot be where a folder is served (None when it can): only an
    absolute ``http`` or ``https`` address may become the page's links."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return None
    return render_message("bad-base-url", {"url": url})


def _timetable_of(spec: bytes | None, path: Path) -> Timetable | None:
    """The timetable of a release's spec (None for no release)."""
    if spec is None:
        return None
    try:
        return layout(load_json(spec.decode("utf-8")))
    except (AgendaError, UnicodeDecodeError) as exc:
        raise SiteError(f"the latest release cannot be read back ({exc})", path) from None


def _same_meeting(meeting: Meeting, key: str, root: Path) -> Meeting:
    """`meeting` as the one the folder publishes, whose key is `key`.

    Without an `id`, a meeting's key is its date and title: postponing it, renaming it
    or changing its language changes the key, not the meeting. It keeps the folder's
    key as its id, so that its events keep their UIDs and subscribers see them move.
    A meeting whose own id names another meeting is refused."""
    if meeting.id is None:
        return attrs.evolve(meeting, id=key)
    raise SiteError(render_message("other-meeting", {"key": key, "id": meeting.id}), root)


def publish_site(meeting: Meeting, folder: str | os.PathLike[str], *, now: _dt.datetime,
                 base_url: str | None = None, refresh: _dt.timedelta = REFRESH,
                 uid_domain: str | None = None, lang: str = "ko",
                 log: ActualLog | None = None, live_refresh: int = LIVE_REFRESH) -> Release:
    """Publish `meeting` into `folder` as a release of a static site (see the module).

    `now` (aware) stamps the release and its new or changed events. `base_url` is where
    the folder is served (``https://example.org/council/``): it makes the ``webcal://``
    subscribe links absolute (an ``http`` or ``https`` address, else ValueError);
    without it the page builds them from its own address.
    A meeting without an `id` that was postponed, renamed or put into another language
    since the last release is the same meeting: it keeps the folder's key (its events
    their UIDs), the release lists the change and subscribers see the events move.
    `log` (an :class:`agenda.ActualLog`) gives the live page its actual times, and
    `live_refresh` how many seconds it waits between two readings.

    Raises :class:`agenda.InvalidAgenda` for an invalid agenda and :class:`SiteError`
    for a folder that cannot be read or written, or that publishes a meeting of another
    `id`; nothing is written then.
    """
    if base_url is not None and (problem := base_url_problem(base_url)) is not None:
        raise ValueError(problem)
    timetable = layout(meeting)
    root = Path(folder)
    labels = labels_for(lang)
    versions = _versions(root)
    latest = versions[-1] if versions else 0
    old_spec = _read(root / VERSIONS / f"{latest:04d}" / "agenda.json") if latest else None
    old_timetable = _timetable_of(old_spec, root / VERSIONS / f"{latest:04d}" / "agenda.json")
    if old_timetable is not None and old_timetable.meeting.key != meeting.key:
        meeting = _same_meeting(meeting, old_timetable.meeting.key, root)
        timetable = layout(meeting)
    spec = dump_json(meeting).encode("utf-8")
    new = spec != old_spec
    version = latest + 1 if new else latest

    names = [None, *audiences(meeting)]
    files: dict[str, bytes] = {}
    for audience in names:
        name = feed_name(audience)
        previous = _read(root / name)
        title = meeting.title if audience is None else f"{meeting.title} ({audience})"
        try:
            files[name] = to_ics(timetable, items=True, previous=previous, now=now,
                                 uid_domain=uid_domain, audience=audience, refresh=refresh,
                                 name=title)
        except FeedError:
            if previous is not None:  # when the folder's feed is what is wrong, name it
                _parse_feed(previous, str(root / name))
            raise
    history = _history(root)
    changes = Changelog()
    if new:
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
            **_documents(timetable, lang),
            "changes.json": _json(entry),
            "changes.ko.txt": changes.text("ko").encode("utf-8"),
            "changes.en.txt": changes.text("en").encode("utf-8"),
            **{feed_name(a): files[feed_name(a)] for a in names},
        }
        files = {**{f"{here}/{k}": v for k, v in release_files.items()}, **files}
    feeds = [(labels.item if a is None else a, feed_name(a)) for a in names]
    feeds[0] = ("전체" if lang == "ko" else "everything", FEED)
    files["changes.json"] = _json({"releases": history})
    files.update(live_files(timetable, log, lang=lang, refresh=live_refresh))
    files["index.html"] = _index(timetable, lang, base_url, feeds, history, now
                                 ).encode("utf-8")

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
