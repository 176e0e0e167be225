"""The feed's names: its PRODID and own properties, the UIDs of its events and the
identity paths they stand for, and :class:`FeedError`.

The UID of each event is derived from the meeting's key and the slot's identity path,
so moving, retiming or reordering items never changes a UID.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Sequence
from urllib.parse import quote, unquote

from .._model import slugify
from .._problems import AgendaError

__all__ = [
    "DEFAULT_UID_DOMAIN",
    "PRODID",
    "FeedError",
    "day_uid",
    "event_uid",
    "occurrence_uid",
]

PRODID = "-//agenda//agenda feed//EN"
"""The feed's PRODID. It names the feed format, not the package version, so that
upgrading the package does not change every regenerated feed."""
FEED_MARKER = "X-AGENDA-FEED"
FEED_VERSION = "1"
DEFAULT_UID_DOMAIN = "agenda.invalid"
REFRESH = _dt.timedelta(hours=1)

PATH = "X-AGENDA-PATH"
DOMAIN = "X-AGENDA-UID-DOMAIN"
MEETING = "X-AGENDA-MEETING"
ZONE = "X-AGENDA-TIMEZONE"
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")  # what percent-encoding leaves as it is
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")
_DOMAIN_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*"
                          r"[A-Za-z0-9])?)*")
_JSON_PLAIN = re.compile(r'[^"\\\x00-\x1f]*')  # what JSON writes as it is


class FeedError(AgendaError, ValueError):
    """A feed cannot be read or made: a previous feed that is not iCalendar or not
    written by agenda (it is never overwritten), or a bad UID domain.

    `reason` says what is wrong; `source` names the file when known.
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)


# -- identities -------------------------------------------------------------------------
def check_domain(uid_domain: str | None) -> str:
    """The UID domain as written (lower case; ``agenda.invalid`` for None), or
    :class:`FeedError` for one that is not an ASCII host name."""
    if uid_domain is None:
        return DEFAULT_UID_DOMAIN
    if not _DOMAIN_NAME.fullmatch(uid_domain) or len(uid_domain) > 253:
        raise FeedError(f'uid domain "{uid_domain}" is not an ASCII host name '
                        "(letters, digits, hyphens and dots)")
    return uid_domain.lower()


def safe_key(key: str) -> str:
    """The meeting key as UIDs carry it: itself when plain ASCII, else slug and hash."""
    if _SAFE_KEY.fullmatch(key):
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    slug = slugify(key)
    return f"{slug}-{digest}" if slug else digest


def path_digest(path: Sequence[str]) -> str:
    """The first 20 hex digits of the SHA-256 of the path as compact JSON (UTF-8)."""
    if path and all(_JSON_PLAIN.fullmatch(key) for key in path):  # nothing to escape
        text = '["' + '","'.join(path) + '"]'
    else:
        text = json.dumps(list(path), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def path_text(path: Sequence[str]) -> str:
    """The path as ``/key/key``, each key percent-encoded: plain ASCII that needs no
    escaping in any iCalendar property (``/`` alone for the meeting)."""
    return "/" + "/".join(key if _UNRESERVED.fullmatch(key) else quote(key, safe="")
                          for key in path)


def path_of(text: str) -> tuple[str, ...]:
    """The identity path written as :func:`path_text` writes it (ValueError if not)."""
    if not text.startswith("/"):
        raise ValueError(f"{text!r} does not start with /")
    if text == "/":
        return ()
    return tuple(unquote(key, errors="strict") for key in text[1:].split("/"))


def event_uid(meeting_key: str, path: tuple[str, ...], uid_domain: str | None = None) -> str:
    """The stable, ASCII UID of the meeting event (``path == ()``) or of an item.

    ``<meeting-key>@<domain>`` for the meeting, ``<meeting-key>/<hash of path>@<domain>``
    for an item: the 80-bit hash covers the identity path only (ids, else titles
    among siblings), never positions or times. A meeting key that is not plain
    ASCII becomes its slug plus a hash. The domain defaults to ``agenda.invalid``.
    """
    domain = check_domain(uid_domain)
    base = safe_key(meeting_key)
    if not path:
        return f"{base}@{domain}"
    return f"{base}/{path_digest(path)}@{domain}"


def day_uid(meeting_key: str, day: _dt.date, uid_domain: str | None = None) -> str:
    """The UID of the meeting's event of one of its days (a meeting held over several
    days has one event a day): ``<meeting-key>/YYYYMMDD@<domain>``."""
    left, _, domain = event_uid(meeting_key, (), uid_domain).rpartition("@")
    return f"{left}/{day:%Y%m%d}@{domain}"


def occurrence_uid(uid: str, day: _dt.date) -> str:
    """The UID of an item's event of one date alone (outside its series):
    ``<series UID's left side>-YYYYMMDD@<domain>``."""
    left, _, domain = uid.rpartition("@")
    return f"{left}-{day:%Y%m%d}@{domain}"
