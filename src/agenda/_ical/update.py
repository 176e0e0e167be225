"""A feed regenerated over its previous version: the new bytes, whether they differ,
and what the update does that may surprise a publisher, as values (the file's reading
and writing stay with the caller)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .._timetable import Timetable
from .._words.catalog import Fact, render_message, words_of
from .events import FeedTimetable
from .feed import to_ics
from .names import REFRESH
from .read import from_ics

__all__ = ["FeedNotice", "FeedUpdate", "update_feed"]


def _facts(value: Mapping[str, Fact]) -> Mapping[str, Fact]:
    return MappingProxyType(dict(value))


@attrs.frozen
class FeedNotice:
    """What regenerating a feed over its previous version does that may surprise:
    `code` (``feed-items-cancelled``, ``feed-now-earlier``, ``feed-replacing``), the
    `facts` its words are made of, and whether it is a `warning` (else a note)."""

    code: str
    facts: Mapping[str, Fact] = attrs.field(factory=dict, converter=_facts, hash=False)
    warning: bool = False

    def text(self, lang: str = "en") -> str:
        """One line in `lang`, after ``warning:`` or ``note:``."""
        head = words_of("heads", lang)["warning" if self.warning else "note"]
        return head + render_message(self.code, self.facts, lang)


@attrs.frozen
class FeedUpdate:
    """A regenerated feed: its `data`, whether it `changed` (False: byte for byte the
    previous feed, so a file holding it need not be written again) and the `notices`
    about the previous feed (see :class:`FeedNotice`)."""

    data: bytes
    changed: bool
    notices: tuple[FeedNotice, ...] = ()


def _notices(feed: FeedTimetable, items: bool, now: _dt.datetime | None,
             replace: bool) -> tuple[FeedNotice, ...]:
    found = []
    live = [event for event in feed.items if not event.cancelled]
    if not items and live:
        found.append(FeedNotice("feed-items-cancelled", {"count": len(live)}, warning=True))
    stamps = [moment for event in feed.events for moment in (event.stamp, event.last_modified)
              if moment is not None]
    if now is not None and stamps and now.astimezone(_dt.UTC) < max(stamps):
        found.append(FeedNotice("feed-now-earlier", {"now": now.isoformat(),
                                                     "latest": max(stamps).isoformat()}))
    if replace and feed.meeting is not None:
        found.append(FeedNotice("feed-replacing", {"title": feed.meeting.summary}))
    return tuple(found)


def update_feed(timetable: Timetable, previous: bytes | bytearray | str | None, *,
                items: bool = False, now: _dt.datetime | None = None,
                uid_domain: str | None = None, replace: bool = False,
                track: str | None = None, audience: str | None = None,
                refresh: _dt.timedelta = REFRESH, name: str | None = None) -> FeedUpdate:
    """The feed of `timetable` written over `previous`, the feed as last published
    (None or empty: there is none), with :func:`to_ics` and the same arguments.

    The notices say what the update does that may surprise: the item events of the
    previous feed are cancelled when this feed has none (`items` False and no
    `track`), `now` is earlier than the previous feed's latest stamp (changed events
    are then stamped the second after it), or, with `replace`, another meeting's feed
    is replaced. Raises :class:`FeedError` for a previous feed that is not agenda's
    iCalendar, or one of another meeting without `replace`.
    """
    if previous is not None and not previous.strip():
        previous = None  # an empty file holds no previous feed
    notices: tuple[FeedNotice, ...] = ()
    if previous is not None:
        notices = _notices(from_ics(previous), items or track is not None, now, replace)
    data = to_ics(timetable, items=items, previous=previous, now=now, uid_domain=uid_domain,
                  replace=replace, track=track, audience=audience, refresh=refresh, name=name)
    old = previous.encode("utf-8") if isinstance(previous, str) else previous
    return FeedUpdate(data, old is None or bytes(old) != data, notices)
