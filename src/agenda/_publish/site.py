"""Releases into a folder: a small static site any web server or CDN can serve.

``publish_site(meeting, folder, now=...)`` writes::

    agenda.ics                 the feed, items included (the latest release's)
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

A release is made when the spec differs from the latest one. It is built aside, in a
temporary folder under ``versions/``, and made current by one rename: a run killed
before the rename leaves no release (the next run removes the temporary folder and
makes it again), and one killed after it leaves a release whose top-level files the
next run brings up to date. The top-level files are derived from the releases: the
feeds are the latest release's, ``changes.json`` lists every release's own
``changes.json``; each is written (atomically) only when its bytes differ,
``index.html`` last. An unchanged agenda therefore writes nothing at all.

One publisher at a time: a run holds an exclusive lock (``fcntl.flock``) on
``.agenda-publish.lock`` in the folder, waits up to `wait` seconds for another run to
finish, and removes the lock file when done. Nothing the release does not own is
touched: a feed, ``changes.json`` or ``index.html`` that agenda did not write is
refused, and so is every path that is one of the files the agenda was read from.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import fcntl
import html
import json
import os
import shutil
import time
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs

from .._audience import audiences
from .._edit._actual import ActualLog
from .._formats.html import document, to_html
from .._formats.sheet import OfficeUnavailable
from .._ical.feed import to_ics
from .._ical.names import REFRESH, FeedError
from .._ical.read import read_feed
from .._io import (
    TEMP_SUFFIX,
    OutputIsInput,
    refuse_input,
    remove_stale_temporaries,
    temporary_folder,
    write_atomic,
)
from .._layout import layout
from .._model import Meeting
from .._problems import AgendaError
from .._spec import dump_json, load_json
from .._time import wall
from .._timetable import Timetable
from .._words.catalog import render_message, words_of
from .._words.labels import labels_for
from ._live import LIVE_FILES, LIVE_REFRESH, live_files
from .changelog import Changelog, changelog
from .series_page import CSS as SERIES_CSS
from .series_page import series_section

__all__ = ["FEED", "LOCK", "Release", "SiteError", "base_url_problem", "feed_name",
           "publish_site"]

FEED = "agenda.ics"
VERSIONS = "versions"
LOCK = ".agenda-publish.lock"
WAIT = 30.0
"""Seconds a run waits for another run that publishes into the same folder."""
_GENERATOR = '<meta name="generator" content="agenda publish">'
# What marks index.html as a page agenda wrote (the changelog section: pages written
# before the generator tag carry it).
_OUR_PAGE = (_GENERATOR.encode(), b'<section class="publish changelog">')
# A release folder without these is unfinished (left by a run from before releases
# were built aside): it is made again.
_FINISHED = ("agenda.json", "agenda.html", "changes.json", "changes.ko.txt", "changes.en.txt",
             FEED)


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


def _release_folder(root: Path, version: int) -> Path:
    return root / VERSIONS / f"{version:04d}"


def _versions(root: Path) -> list[int]:
    """The numbers of the release folders, oldest first."""
    try:
        found = list(os.scandir(root / VERSIONS))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise SiteError(f"cannot read: {exc.strerror or exc}", root / VERSIONS) from None
    return sorted(int(e.name) for e in found if e.name.isdigit() and e.is_dir())


def _history(root: Path, versions: list[int]) -> list[dict[str, Any]]:
    """Every release's entry, newest first, each read from its own changes.json."""
    entries = []
    for version in reversed(versions):
        path = _release_folder(root, version) / "changes.json"
        try:
            entry = json.loads(_read(path) or b"")
        except ValueError:
            entry = None
        if not (isinstance(entry, dict) and entry.get("version") == version
                and isinstance(entry.get("published"), str)
                and isinstance(entry.get("text"), dict)):
            raise SiteError("not a release's changes.json written by agenda", path)
        entries.append(entry)
    return entries


def _check_history(root: Path) -> None:
    """Refuse a top-level changes.json that agenda did not write."""
    path = root / "changes.json"
    data = _read(path)
    if data is None:
        return
    try:
        found = json.loads(data)
    except ValueError:
        found = None
    if not (isinstance(found, dict) and isinstance(found.get("releases"), list)):
        raise SiteError("not a changes.json written by agenda; it is left untouched (move it "
                        "away or publish into another folder)", path)


def _check_page(root: Path) -> None:
    """Refuse an index.html that agenda did not write (the user's own page, or a spec
    kept under that name)."""
    path = root / "index.html"
    data = _read(path)
    if data is not None and not any(mark in data for mark in _OUR_PAGE):
        raise SiteError("not a page written by agenda publish; it is left untouched (move "
                        "it away or publish into another folder)", path)


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
    words = words_of("site", lang)
    out = ['<section class="publish subscribe">', f"<h2>{words['subscribe-head']}</h2>", "<ul>"]
    for label, name in names:
        if base_url is not None:
            parts = urlsplit(urljoin(base_url, name))
            webcal = f"webcal://{parts.netloc}{parts.path}"
            sub = f'<a class="webcal" href="{html.escape(webcal)}">'
        else:
            sub = f'<a class="webcal" href="{html.escape(name)}" data-webcal="{html.escape(name)}">'
        out.append(f"<li>{html.escape(label)}: {sub}{words['subscribe']}</a>"
                   f' · <a class="download" href="{html.escape(name)}" download>'
                   f"{words['download']} ({html.escape(name)})</a></li>")
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
    words = words_of("site", lang)
    out = ['<section class="publish changelog">', f"<h2>{words['changes-head']}</h2>", "<ul>"]
    for position, release in enumerate(history):
        number = release["version"]
        first = position == len(history) - 1  # the oldest release kept
        empty = words["first-release"] if first else words["no-change"]
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
    extra = [*series_section(timetable, lang, _released(history, now)),
             *_subscribe(base_url, feeds, lang), *_log(history, lang, timetable.zone),
             f'<p class="publish live"><a href="live.html">{words_of("site", lang)["live"]}'
             "</a></p>"]
    if base_url is None:
        extra.append(_SCRIPT)
    return document(timetable, lang=lang, head=[_GENERATOR, '<link rel="icon" href="data:,">'],
                    css=_CSS + SERIES_CSS, after=extra)


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


@contextlib.contextmanager
def _locked(root: Path, wait: float) -> Iterator[None]:
    """Hold the folder's lock: an exclusive flock on its lock file, waiting up to
    `wait` seconds. The file is removed on the way out, while still locked; a run that
    waited on the removed file sees that it is gone and locks the new one."""
    path = root / LOCK
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise SiteError(f"cannot write: {exc.strerror or exc}", path) from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise SiteError(f"another publish into this folder holds its lock "
                                        f"({LOCK}); waited {wait:g} s, try again when it "
                                        "is done", root) from None
                    time.sleep(0.05)
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_ino == os.fstat(fd).st_ino:
                    break  # locked the file that is in place: ours until we remove it
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # locked a file the previous holder removed: lock the new one
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)


def _clean(root: Path) -> None:
    """Remove what killed runs left: the folder a release was being built in (only a
    run holding the lock builds one) and the temporaries of top-level files; the latest
    release folder, when it is unfinished, is removed so that it is made again."""
    versions_root = root / VERSIONS
    with contextlib.suppress(OSError):
        for entry in os.scandir(versions_root):
            if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX):
                shutil.rmtree(entry.path, ignore_errors=True)
    remove_stale_temporaries(root)
    versions = _versions(root)
    if versions:
        latest = _release_folder(root, versions[-1])
        if not all((latest / name).is_file() for name in _FINISHED):
            aside = temporary_folder(versions_root, latest.name)
            latest.replace(aside)
            shutil.rmtree(aside, ignore_errors=True)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_release(root: Path, version: int, files: dict[str, bytes]) -> None:
    """Build release `version` aside and make it current with one rename."""
    versions_root = root / VERSIONS
    target = _release_folder(root, version)
    try:
        versions_root.mkdir(parents=True, exist_ok=True)
        aside = temporary_folder(versions_root, target.name)
    except OSError as exc:
        raise SiteError(f"cannot write: {exc.strerror or exc}", versions_root) from None
    try:
        for name, data in files.items():
            with (aside / name).open("xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        _sync(aside)
        try:
            aside.rename(target)  # never over a release: a non-empty target fails
        except OSError as exc:
            if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
                raise SiteError("this release exists already and is never rewritten",
                                target) from None
            raise
        _sync(versions_root)
    except OSError as exc:
        shutil.rmtree(aside, ignore_errors=True)
        raise SiteError(f"cannot write: {exc.strerror or exc}", target) from None
    except BaseException:
        shutil.rmtree(aside, ignore_errors=True)
        raise


def publish_site(meeting: Meeting, folder: str | os.PathLike[str], *, now: _dt.datetime,
                 base_url: str | None = None, refresh: _dt.timedelta = REFRESH,
                 uid_domain: str | None = None, lang: str = "ko",
                 log: ActualLog | None = None, live_refresh: int = LIVE_REFRESH,
                 wait: float = WAIT, sources: Iterable[str | os.PathLike[str]] = ()
                 ) -> Release:
    """Publish `meeting` into `folder` as a release of a static site (see the module).

    `now` (aware) stamps the release and its new or changed events. `base_url` is where
    the folder is served (``https://example.org/council/``): it makes the ``webcal://``
    subscribe links absolute (an ``http`` or ``https`` address, else ValueError);
    without it the page builds them from its own address.
    A meeting without an `id` that was postponed, renamed or put into another language
    since the last release is the same meeting: it keeps the folder's key (its events
    their UIDs), the release lists the change and subscribers see the events move.
    `log` (an :class:`agenda.ActualLog`) gives the live page its actual times, and
    `live_refresh` how many seconds it waits between two readings. `wait` is how many
    seconds to wait for another run publishing into the folder; `sources` are the files
    the meeting was read from, which are never written over.

    Raises :class:`agenda.InvalidAgenda` for an invalid agenda, :class:`agenda.FeedError`
    for a feed in the folder that agenda did not write, and :class:`SiteError` for a
    folder that cannot be read, written or locked in time, a file in it that is not
    agenda's, or a folder that publishes a meeting of another `id`; nothing is written
    then.
    """
    if base_url is not None and (problem := base_url_problem(base_url)) is not None:
        raise ValueError(problem)
    # An invalid agenda, or a log that contradicts it, is refused before the folder is
    # touched.
    live_files(layout(meeting), log, lang=lang, refresh=live_refresh)
    root = Path(folder)
    sources = list(sources)
    names = [*map(feed_name, [None, *audiences(meeting)]), "changes.json", "index.html",
             *LIVE_FILES]
    for name in names:
        try:
            refuse_input(root / name, sources)
        except OutputIsInput as exc:
            raise SiteError(f"this is {exc.source}, which the release is made from; "
                            "publishing would replace it (keep it outside the folder)",
                            root / name) from None
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SiteError(f"cannot write: {exc.strerror or exc}", root) from None
    with _locked(root, wait):
        _clean(root)
        return _publish(meeting, root, now=now, base_url=base_url, refresh=refresh,
                        uid_domain=uid_domain, lang=lang, log=log, live_refresh=live_refresh)


def _publish(meeting: Meeting, root: Path, *, now: _dt.datetime, base_url: str | None,
             refresh: _dt.timedelta, uid_domain: str | None, lang: str,
             log: ActualLog | None, live_refresh: int) -> Release:
    """The run itself, holding the lock: release the agenda when it changed, then bring
    the top-level files up to date."""
    _check_history(root)
    _check_page(root)
    versions = _versions(root)
    latest = versions[-1] if versions else 0
    here = _release_folder(root, latest)
    old_spec = _read(here / "agenda.json") if latest else None
    old_timetable = _timetable_of(old_spec, here / "agenda.json")
    if old_timetable is not None and old_timetable.meeting.key != meeting.key:
        meeting = _same_meeting(meeting, old_timetable.meeting.key, root)
    timetable = layout(meeting)
    spec = dump_json(meeting).encode("utf-8")
    new = spec != old_spec
    version = latest + 1 if new else latest
    history = _history(root, versions)
    names = [None, *audiences(meeting)]

    def feed(audience: str | None, previous: bytes | None, source: Path) -> bytes:
        title = meeting.title if audience is None else f"{meeting.title} ({audience})"
        try:
            return to_ics(timetable, items=True, previous=previous, now=now,
                          uid_domain=uid_domain, audience=audience, refresh=refresh,
                          name=title)
        except FeedError:
            if previous is not None:  # when the folder's feed is what is wrong, name it
                read_feed(previous, str(source))
            raise

    feeds: dict[str, bytes] = {}
    for audience in names:
        name = feed_name(audience)
        shown = _read(root / name)
        released = _read(here / name) if latest else None
        if shown is not None and released is not None and shown != released:
            # Left by a run that stopped before it, or written by hand: replaced only
            # when it is agenda's feed of this meeting (else FeedError).
            feed(audience, shown, root / name)
        # The previous feed is the latest release's, so that SEQUENCE rises from each
        # release to the next; before the first release, the feed already there.
        previous, source = (released, here / name) if released is not None else (
            shown, root / name)
        feeds[name] = feed(audience, previous, source) if new or released is None else (
            released)
    changes = Changelog()
    written: list[str] = []
    if new:
        changes = changelog(old_timetable, timetable)
        stamp = now.astimezone(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        entry = {"version": version, "published": stamp,
                 "text": {"ko": list(changes.ko), "en": list(changes.en)},
                 "changes": changes.data}
        release_files = {
            "agenda.json": spec,
            "agenda.html": to_html(timetable, lang=lang).encode("utf-8"),
            **_documents(timetable, lang),
            "changes.json": _json(entry),
            "changes.ko.txt": changes.text("ko").encode("utf-8"),
            "changes.en.txt": changes.text("en").encode("utf-8"),
            **feeds,
        }
        _make_release(root, version, release_files)
        written += [f"{VERSIONS}/{version:04d}/{name}" for name in release_files]
        history = [entry, *history]
    labels = labels_for(lang)
    links = [(labels.item if a is None else a, feed_name(a)) for a in names]
    links[0] = (words_of("site", lang)["everything"], FEED)
    files = {**feeds, "changes.json": _json({"releases": history}),
             **live_files(timetable, log, lang=lang, refresh=live_refresh),
             "index.html": _index(timetable, lang, base_url, links, history, now
                                  ).encode("utf-8")}
    for name, data in files.items():
        path = root / name
        if _read(path) == data:
            continue
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise SiteError(f"cannot write: {exc.strerror or exc}", path) from None
        written.append(name)
    return Release(version, new, tuple(written), changes)
