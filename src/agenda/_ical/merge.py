"""A feed regenerated against its previous version: which events keep their stamps.

Subscribers' calendars update an event in place when its ``SEQUENCE`` grows, so the
stamps of each event follow these rules (what counts as a change is
:func:`agenda._ical.changes.changed`, the same definition that
:meth:`FeedTimetable.differences` uses):

- an event whose content did not change keeps ``SEQUENCE``, ``DTSTAMP``, ``CREATED``
  and ``LAST-MODIFIED`` as they were, so it is written byte for byte as before;
- a changed event gets ``SEQUENCE`` + 1 and the new stamp (its ``CREATED`` stays);
- a new event gets ``SEQUENCE:0`` (an occurrence that is new: its series' sequence);
- an event that left the agenda stays, written as it was read, as ``STATUS:CANCELLED``
  with ``SEQUENCE`` + 1 (once: a cancelled event is kept as it is);
- a RECURRENCE-ID event that is no longer written is dropped (its occurrence follows
  the series again) and its series gets ``SEQUENCE`` + 1.

The new stamp is the time given, but never before the previous feed's latest stamp.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence

from .changes import STAMPS, event_content
from .content import Content, Kept, Stamped, Stamps
from .read import Read, Written
from .write import content_lines

__all__ = ["latest_stamp", "merge"]

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
_TZID = re.compile(r';TZID="?([^";:]*)')

Key = tuple[str, str]


def latest_stamp(previous: Read) -> _dt.datetime:
    """The second after the previous feed's latest stamp (the Unix epoch for none): new
    and changed events are never stamped earlier, so that LAST-MODIFIED never precedes
    CREATED and a client sees the change as newer."""
    latest = _EPOCH
    for written in previous.events:
        event = written.event
        for value in (event.stamp, event.last_modified, event.created):
            if value is not None and value.tzinfo is not None:
                latest = max(latest, value.astimezone(_dt.UTC) + _dt.timedelta(seconds=1))
    return latest


def _utc(moment: _dt.datetime | None) -> _dt.datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # a floating stamp: RFC 5545 stamps are UTC
        return moment.replace(tzinfo=_dt.UTC)
    return moment.astimezone(_dt.UTC)


def _names(lines: Iterable[str]) -> set[str]:
    return {re.split(r"[;:]", line, maxsplit=1)[0].upper() for line in lines}


def _as_they_were(old: Written) -> Stamps:
    """The stamps of an event of the previous feed, as they were (absent ones stay
    absent)."""
    event = old.event
    have = _names(old.lines)
    return Stamps(_utc(event.stamp) if "DTSTAMP" in have else None,
                  _utc(event.created) if "CREATED" in have else None,
                  _utc(event.last_modified) if "LAST-MODIFIED" in have else None,
                  event.sequence if "SEQUENCE" in have else None)


def _bumped(old: Written, stamp: _dt.datetime) -> Stamps:
    """Stamps of an event changed (or cancelled) now: the next SEQUENCE, its CREATED."""
    return Stamps.new(stamp, old.event.sequence + 1, _utc(old.event.created))


_STAMP_HEADS = tuple(f"{name}{mark}" for name in STAMPS for mark in ":;")
_STAMP_LINE = re.compile(r"(?:DTSTAMP|CREATED|LAST-MODIFIED):\d{8}T\d{6}Z|SEQUENCE:(?:0|[1-9]\d*)")


def _as_written(old: Written, lines: list[str]) -> bool:
    """Whether `old` is the event whose content lines are `lines` with its stamps, in the
    writer's forms: then writing its own lines again gives what writing `lines` with
    its stamps as they were would give, byte for byte."""
    if old.inner or len(old.lines) < len(lines):
        return False
    rest = [line for line in old.lines if not line.startswith(_STAMP_HEADS)]
    return rest == lines and all(_STAMP_LINE.fullmatch(line) for line in old.lines
                                 if line.startswith(_STAMP_HEADS))


def key_of(uid: str, lines: Iterable[str]) -> Key:
    """(UID, RECURRENCE-ID as written, or "" for a series or a single event)."""
    for line in lines:
        if line.startswith("RECURRENCE-ID"):
            head, _, value = line.rpartition(":")
            tzid = _TZID.search(head)
            return uid, f"{tzid[1] if tzid else ''}:{value}"
    return uid, ""


def merge(fresh: Sequence[Content], previous: Sequence[Written], stamp: _dt.datetime
          ) -> list[Stamped | Kept]:
    """The `fresh` events stamped against the `previous` ones (see the module's rules),
    then the events that left the agenda."""
    before: dict[Key, Written] = {}
    for written in previous:
        event = written.event
        key = key_of(event.uid, written.lines) if event.is_occurrence else (event.uid, "")
        before.setdefault(key, written)
    out: list[Stamped | Kept] = []
    kept: dict[str, tuple[int, Content, Written]] = {}  # unchanged series: uid -> ...
    series_sequence: dict[str, int] = {}
    present: set[Key] = set()
    new = Stamps.new(stamp)
    for content in fresh:
        lines = content_lines(content)
        uid, rid = key = (key_of(content.uid, lines) if content.recurrence_id is not None
                          else (content.uid, ""))
        present.add(key)
        old = before.get(key)
        if old is None:
            stamps = Stamps.new(stamp, series_sequence[uid]) if rid and series_sequence.get(
                uid) else new
        elif _as_written(old, lines):
            # Unchanged, and written as the writer writes it: the same lines again.
            if not rid:
                kept[uid] = (len(out), content, old)
                series_sequence[uid] = old.event.sequence
            out.append(Kept(old.lines))
            continue
        elif old.event.content == event_content(lines):  # see `changes.changed`
            stamps = _as_they_were(old)
            if not rid:
                kept[uid] = (len(out), content, old)
        else:
            stamps = _bumped(old, stamp)
        if not rid:
            series_sequence[uid] = stamps.sequence or 0
        out.append(Stamped(content, stamps))
    for (uid, rid), old in before.items():
        if (uid, rid) in present:
            continue
        if rid:
            if uid in kept:
                where, series, master = kept.pop(uid)
                out[where] = Stamped(series, _bumped(master, stamp))
            continue
        if old.event.cancelled:
            out.append(Kept(old.lines, old.inner))
            continue
        own = tuple(line for line in old.lines
                    if _names([line]).isdisjoint({"STATUS", *STAMPS}))
        out.append(Kept(own, old.inner, "CANCELLED", _bumped(old, stamp)))
    return out
