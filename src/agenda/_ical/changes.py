"""What counts as a change of a calendar event: one definition for the feed's update
and for the preview of what subscribers see differently.

An event's *content* is its content lines (unfolded, as written) less the lines that
only say when and how often it was published (``DTSTAMP``, ``LAST-MODIFIED``,
``CREATED``, ``SEQUENCE``), in a fixed order, with an exact ``DURATION`` as seconds
(``PT26H`` and ``P1DT2H`` are written differently by different writers). Two events
differ exactly when their contents differ; the feed writes nothing into an event that a
subscriber does not see (no printed item number, no position), so renumbering the
items changes no event.

The functions work on text, so any writer or reader of the feed can share them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["STAMPS", "changed", "event_content"]

STAMPS = frozenset({"DTSTAMP", "LAST-MODIFIED", "CREATED", "SEQUENCE"})
"""Properties that record publishing, not content."""

_NAME = re.compile(r"[A-Za-z0-9-]+")
_DURATION = re.compile(r"([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


def _name(line: str) -> str:
    name = line.partition(":")[0].partition(";")[0]
    if name.isascii() and name.replace("-", "").isalnum():  # the common case, quickly
        return name.upper()
    found = _NAME.match(line)
    return found.group(0).upper() if found else ""


def _seconds(value: str) -> str:
    found = _DURATION.fullmatch(value.strip())
    if found is None:
        return value
    sign, weeks, days, hours, minutes, seconds = found.groups()
    total = (((int(weeks or 0) * 7 + int(days or 0)) * 24 + int(hours or 0)) * 60
             + int(minutes or 0)) * 60 + int(seconds or 0)
    return str(-total if sign == "-" else total)


_SKIPPED = (*STAMPS, "BEGIN", "END")
_SKIP = tuple(f"{name}{mark}" for name in _SKIPPED for mark in ":;")
_KEEP = tuple(f"{name}{mark}" for name in (
    "SUMMARY", "DTSTART", "DTEND", "UID", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE",
    "ATTACH", "CATEGORIES", "CONFERENCE", "DESCRIPTION", "LOCATION", "RELATED-TO", "STATUS",
    "URL", "X-AGENDA-PATH")
    for mark in ":;")


def event_content(lines: Iterable[str]) -> tuple[str, ...]:
    """The content of one event from its unfolded content lines (``NAME;PARAM=…:value``;
    ``BEGIN``/``END`` lines may be included): what a subscriber sees."""
    out = []
    for line in lines:
        if line.startswith(_KEEP):  # a name as written, quickly: kept as it is
            out.append(line)
            continue
        if line.startswith(_SKIP):
            continue
        name = _name(line)
        if name in STAMPS or name in ("BEGIN", "END") or not name:
            continue
        if name == "DURATION":
            head, _, value = line.partition(":")
            line = f"{head}:{_seconds(value)}"
        out.append(line)
    return tuple(sorted(out))


def changed(old: Iterable[str], new: Iterable[str]) -> bool:
    """Whether an event whose content lines were `old` changed into `new`."""
    return event_content(old) != event_content(new)
