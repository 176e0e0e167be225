"""What changed between two published versions: the changelog of a release.

The lines come from :func:`agenda.diff` (one line per change, ko and en, and its JSON
form) when the library has it; until then from the feed itself: the events that a
regenerated feed adds, changes (SEQUENCE raised) or cancels, which is what
subscribers' calendars will apply.
"""

from __future__ import annotations

from typing import Any

import attrs

from .._ics import from_ics
from .._timetable import Timetable

__all__ = ["Changelog", "changelog"]


@attrs.frozen
class Changelog:
    """The changes of one release: a line per change in Korean and English, and a
    JSON-ready form. Empty for a first release."""

    ko: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    data: dict[str, Any] = attrs.field(factory=dict)

    def text(self, lang: str) -> str:
        lines = self.ko if lang == "ko" else self.en
        return "".join(f"{line}\n" for line in lines)


def _feed_changes(old_feed: bytes, new_feed: bytes) -> Changelog:
    """The seam used while `agenda.diff` is missing: events added, changed, cancelled."""
    old = {e.uid: e for e in from_ics(old_feed).events}
    ko: list[str] = []
    en: list[str] = []
    events: list[dict[str, Any]] = []
    for event in from_ics(new_feed).events:
        before = old.get(event.uid)
        when = f"{event.start:HH:mm}~{event.end:HH:mm}"
        if before is None:
            kind, word = "added", "추가"
        elif event.cancelled and not before.cancelled:
            kind, word = "cancelled", "취소"
        elif event.sequence > before.sequence:
            kind, word = "changed", "변경"
        else:
            continue
        if kind == "changed" and before is not None and (before.start_utc, before.end_utc) != (
                event.start_utc, event.end_utc):
            when = f"{before.start:HH:mm}~{before.end:HH:mm} → {when}"
        ko.append(f"{word}: {event.summary} {when}")
        en.append(f"{kind}: {event.summary} {when.replace('~', '–')}")
        events.append({"change": kind, "uid": event.uid, "title": event.summary,
                       "start": event.start.isoformat(), "end": event.end.isoformat()})
    return Changelog(tuple(ko), tuple(en), {"source": "feed", "changes": events})


def changelog(old: Timetable | None, new: Timetable, old_feed: bytes | None,
              new_feed: bytes) -> Changelog:
    """The changes from the version `old` (its feed `old_feed`) to `new`."""
    if old is None or old_feed is None:
        return Changelog(data={"changes": []})
    import agenda

    diff = getattr(agenda, "diff", None)
    if diff is None:
        return _feed_changes(old_feed, new_feed)
    found = diff(old, new)
    return Changelog(tuple(found.text("ko").splitlines()), tuple(found.text("en").splitlines()),
                     {"source": "diff", **found.as_dict()})
