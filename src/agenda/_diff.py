"""What changed between two versions of an agenda: ``diff(old, new)``.

Items are matched by identity (the path that calendar UIDs use: an item's id, else
its titles from the top), never by position, so a renumbered item is not a change.
Each change is one :class:`Change`: ``added``, ``removed``, ``moved`` (to another
block, or out of order among its siblings), ``retimed`` (start or end), ``renamed``
(a new title for the same identity), ``presenter`` and ``notes``; the meeting itself
(``path == ()``) can be ``retimed`` and ``renamed``, and its ``location`` changed.

A series is compared as a subscriber sees it: the changes of its first occurrence are
the series' own (every occurrence held as the series holds it), then the ``rule``
(``repeat``), ``skip`` and ``extra`` lists when they change, then one change per
affected occurrence, with its `date`: an occurrence ``held`` or ``cancelled`` (its
date joined or left the series), and the changes of an occurrence whose override was
added, changed or removed (compared as that date's meetings). A series without end is
compared over the years its feed writes out (ten).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._timetable import Slot, Timetable
from ._words.catalog import known_language, words_of

if TYPE_CHECKING:
    import pendulum

__all__ = ["KINDS", "Change", "Diff", "diff"]

KINDS = ("added", "removed", "moved", "retimed", "renamed", "presenter", "notes", "location",
         "rule", "skip", "extra", "held", "cancelled")
"""Every kind of change, in the order changes of one item are listed."""
_UNBOUNDED_YEARS = 10  # the feed's horizon of a series without end (agenda._ical.content)


@attrs.frozen
class Change:
    """One change of one item (or of the meeting, whose `path` is ``()``).

    `old` and `new` hold what changed, as JSON-ready values (see :meth:`as_dict`):
    for ``retimed`` the ``start``, ``end`` (ISO 8601 with offset) and ``minutes``;
    for ``moved`` the ``number`` and ``parent`` path; for ``renamed``, ``presenter``,
    ``notes`` and ``location`` the text (``None`` when absent); for ``added`` and
    ``removed`` the whole slot (``number``, ``start``, ``end``, ``minutes``) on the
    side where it exists. `title` is the item's title in the new version (the old
    one for a removed item), `number` its printed number there.

    Of a series: ``rule`` holds the ``repeat`` rule, ``skip`` and ``extra`` their
    lists of dates (ISO); ``held`` and ``cancelled`` (the meeting, ``path == ()``) the
    occurrence's ``start``, ``end`` and ``minutes`` on the side where it is held.
    `date` (ISO) names the occurrence a change is about, None for a change of the
    meeting or the whole series.
    """

    kind: str
    path: tuple[str, ...]
    title: str
    number: str
    old: dict[str, Any] | None = attrs.field(default=None, hash=False)
    new: dict[str, Any] | None = attrs.field(default=None, hash=False)
    date: str | None = attrs.field(default=None, kw_only=True)
    _old_times: tuple[pendulum.DateTime, pendulum.DateTime] | None = attrs.field(
        default=None, eq=False, repr=False, alias="old_times")
    _new_times: tuple[pendulum.DateTime, pendulum.DateTime] | None = attrs.field(
        default=None, eq=False, repr=False, alias="new_times")
    _dated: bool = attrs.field(default=False, eq=False, repr=False, alias="dated")
    """Whether its line gives the date: on a later day than the meeting's first."""

    def as_dict(self) -> dict[str, Any]:
        """``kind``, ``date`` (of one occurrence, else null), ``path`` (list), ``title``,
        ``number``, ``old``, ``new``."""
        return {"kind": self.kind, "date": self.date, "path": list(self.path),
                "title": self.title, "number": self.number, "old": self.old, "new": self.new}

    def text(self, lang: str = "ko") -> str:
        """The change in one line, in Korean (``ko``) or English (``en``);
        :class:`UnknownLanguage` for another language. A change of one occurrence
        starts with its date."""
        line = _line(self, words_of("diff", lang))
        return line if self.date is None else f"{self.date} {line}"


@attrs.frozen
class Diff:
    """Every change between two versions, in the new version's agenda order (removed
    items where they stood). False when nothing changed."""

    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def text(self, lang: str = "ko") -> str:
        """One line per change (empty when nothing changed)."""
        known_language(lang)
        return "\n".join(change.text(lang) for change in self.changes)

    def retitled(self, titles: dict[tuple[str, ...], str]) -> Diff:
        """The same changes, each item (and the meeting, path ``()``) called by its title
        in `titles` where it has one: the changes of two versions, told in another
        language (see :func:`agenda.translate`)."""
        return Diff(tuple(attrs.evolve(change, title=titles.get(change.path, change.title))
                          for change in self.changes))

    def as_dict(self) -> dict[str, Any]:
        """``{"changes": [...]}``, each change as :meth:`Change.as_dict` gives it."""
        return {"changes": [change.as_dict() for change in self.changes]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n"


# -- comparing -------------------------------------------------------------------------
def _iso(moment: pendulum.DateTime) -> str:
    return moment.isoformat()


def _times(slot: Slot) -> dict[str, Any]:
    return {"start": _iso(slot.start), "end": _iso(slot.end), "minutes": slot.minutes}


def _parent(by_number: dict[str, Slot], number: str) -> list[str]:
    if "." not in number:
        return []
    return list(by_number[number.rpartition(".")[0]].path)


def _unmoved(old_order: Sequence[tuple[str, ...]], new_order: Sequence[tuple[str, ...]]
             ) -> set[tuple[str, ...]]:
    """Paths of siblings that keep their relative order: a longest increasing run of
    their old positions, taken in the new order (the rest moved)."""
    rank = {path: k for k, path in enumerate(old_order)}
    seq = [p for p in new_order if p in rank]
    # Patience sorting with back-links: O(n log n).
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(seq)
    for i, path in enumerate(seq):
        value = rank[path]
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        back[i] = tail_at[k - 1] if k else -1
    keep: set[tuple[str, ...]] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        keep.add(seq[i])
        i = back[i]
    return keep


def diff(old: Timetable, new: Timetable) -> Diff:
    """The changes from `old` to `new`, matched by item identity."""
    changes: list[Change] = []
    before = {slot.path: slot for slot in old}
    after = {slot.path: slot for slot in new}
    old_numbers = {slot.number: slot for slot in old}
    new_numbers = {slot.number: slot for slot in new}
    changes += _meeting_changes(old, new)

    # Sibling order: per parent, the paths in old and new order.
    def siblings(table: Timetable, numbers: dict[str, Slot]) -> dict[tuple[str, ...],
                                                                        list[tuple[str, ...]]]:
        out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for slot in table:
            out.setdefault(tuple(_parent(numbers, slot.number)), []).append(
                slot.path)
        return out

    old_siblings = siblings(old, old_numbers)
    new_siblings = siblings(new, new_numbers)
    in_order: set[tuple[str, ...]] = set()
    for parent, paths in new_siblings.items():
        in_order |= _unmoved(old_siblings.get(parent, []), paths)

    removed = [slot for slot in old if slot.path not in after]
    first_old, first_new = old.start.date(), new.start.date()
    for slot in new:
        was = before.get(slot.path)
        if was is None:
            changes.append(Change("added", slot.path, slot.title, slot.number, None,
                                  {"number": slot.number, **_times(slot)},
                                  new_times=(slot.start, slot.end),
                                  dated=slot.start.date() != first_new))
            continue
        old_parent = _parent(old_numbers, was.number)
        new_parent = _parent(new_numbers, slot.number)
        if old_parent != new_parent or slot.path not in in_order:
            changes.append(Change("moved", slot.path, slot.title, slot.number,
                                  {"number": was.number, "parent": old_parent},
                                  {"number": slot.number, "parent": new_parent}))
        if (was.start_utc, was.end_utc) != (slot.start_utc, slot.end_utc):
            changes.append(Change("retimed", slot.path, slot.title, slot.number,
                                  _times(was), _times(slot), old_times=(was.start, was.end),
                                  new_times=(slot.start, slot.end),
                                  dated=was.start.date() != first_old
                                  or slot.start.date() != first_new))
        for kind, field in (("renamed", "title"), ("presenter", "presenter"),
                            ("notes", "notes")):
            a, b = getattr(was.item, field), getattr(slot.item, field)
            if a != b:
                changes.append(Change(kind, slot.path, slot.title, slot.number,
                                      {field: a}, {field: b}))
    for slot in removed:
        changes.append(Change("removed", slot.path, slot.title, slot.number,
                              {"number": slot.number, **_times(slot)}, None,
                              old_times=(slot.start, slot.end),
                              dated=slot.start.date() != first_old))
    ordered = _in_agenda_order(changes, old, new)
    if old.meeting.repeats or new.meeting.repeats:
        ordered += _series_changes(old, new)
    return Diff(tuple(ordered))


# -- a series ----------------------------------------------------------------------------
class _Held:
    """The occurrences of one version: its dates (up to the horizon of a series without
    end) and each date's timetable."""

    def __init__(self, table: Timetable) -> None:
        self.table = table
        self.series = table.series if table.meeting.repeats else None

    def dates(self) -> list[_dt.date]:
        if self.series is None:
            day = self.table.meeting.date
            return [_dt.date(day.year, day.month, day.day)]
        found = self.series.dates()
        if not self.series.bounded:
            first = self.table.meeting.date
            horizon = _dt.date(min(first.year + _UNBOUNDED_YEARS, 9999), 12, 31)
            found = itertools.takewhile(lambda day: day <= horizon, found)
        return list(found)

    def on(self, day: _dt.date) -> Timetable:
        return self.table if self.series is None else self.series.timetable(day)


def _override(table: Timetable, day: _dt.date) -> object:
    return next((o for o in table.meeting.overrides if o.date == day), None)


def _listed(days: Sequence[_dt.date]) -> list[str]:
    return sorted({day.isoformat() for day in days})


def _series_changes(old: Timetable, new: Timetable) -> list[Change]:
    """The rule, the date lists, then every occurrence held, cancelled or changed by
    its override, in date order."""
    a, b = old.meeting, new.meeting
    title = b.title
    out: list[Change] = []
    if a.repeat != b.repeat:
        out.append(Change("rule", (), title, "", {"repeat": a.repeat}, {"repeat": b.repeat}))
    for kind in ("skip", "extra"):
        was, now = _listed(getattr(a, kind)), _listed(getattr(b, kind))
        if was != now:
            out.append(Change(kind, (), title, "", {kind: was}, {kind: now}))
    before, after = _Held(old), _Held(new)
    held_before, held_after = set(before.dates()), set(after.dates())
    for day in sorted(held_before | held_after):
        iso = day.isoformat()
        if day not in held_after:
            table = before.on(day)
            out.append(Change("cancelled", (), a.title, "", _span_of(table), None,
                              old_times=(table.start, table.end), date=iso))
        elif day not in held_before:
            table = after.on(day)
            out.append(Change("held", (), title, "", None, _span_of(table),
                              new_times=(table.start, table.end), date=iso))
        elif _override(old, day) != _override(new, day):
            out += [attrs.evolve(change, date=iso)
                    for change in diff(before.on(day), after.on(day))]
    return out


def _span_of(table: Timetable) -> dict[str, Any]:
    return {"start": _iso(table.start), "end": _iso(table.end), "minutes": table.minutes}


def _meeting_changes(old: Timetable, new: Timetable) -> list[Change]:
    out: list[Change] = []
    a, b = old.meeting, new.meeting
    title = b.title
    if (old.start_utc, old.end_utc) != (new.start_utc, new.end_utc):
        out.append(Change("retimed", (), title, "",
                          {"start": _iso(old.start), "end": _iso(old.end),
                           "minutes": old.minutes},
                          {"start": _iso(new.start), "end": _iso(new.end),
                           "minutes": new.minutes},
                          old_times=(old.start, old.end), new_times=(new.start, new.end),
                          dated=old.end.date() != old.start.date()
                          or new.end.date() != new.start.date()))
    if a.title != b.title:
        out.append(Change("renamed", (), title, "", {"title": a.title}, {"title": b.title}))
    if a.location != b.location:
        out.append(Change("location", (), title, "", {"location": a.location},
                          {"location": b.location}))
    return out


def _in_agenda_order(changes: list[Change], old: Timetable, new: Timetable) -> list[Change]:
    """Meeting first, then by the item's place in the new agenda; a removed item after
    the item that preceded it in the old one."""
    position: dict[tuple[str, ...], float] = {(): -1.0}
    for k, slot in enumerate(new):
        position[slot.path] = float(k)
    last = -0.5
    for slot in old:
        if slot.path in position:
            last = position[slot.path]
        else:
            last += 1e-6
            position[slot.path] = last
    kinds = {kind: k for k, kind in enumerate(KINDS)}
    return sorted(changes, key=lambda c: (position.get(c.path, 1e18), kinds[c.kind]))


# -- words -------------------------------------------------------------------------------


def _span(times: tuple[pendulum.DateTime, pendulum.DateTime], sep: str, day: bool) -> str:
    start, end = times
    first = start.format("YYYY-MM-DD HH:mm" if day else "HH:mm")
    last = end.format("HH:mm" if end.date() == start.date() else "YYYY-MM-DD HH:mm")
    return f"{first}{sep}{last}"


def _line(change: Change, words: dict[str, str]) -> str:
    title = change.title or words["meeting"]
    if not change.path:
        title = f"{words['meeting']} \u201c{change.title}\u201d"
    sep = words["sep"]
    if change.kind in ("added", "removed", "held", "cancelled"):
        gained = change.kind in ("added", "held")
        times = change._new_times if gained else change._old_times
        side = change.new if gained else change.old
        assert times is not None and side is not None
        return words[change.kind].format(title=title, number=side.get("number", ""),
                                         span=_span(times, sep, change._dated),
                                         minutes=side["minutes"])
    if change.kind == "retimed":
        assert change._old_times is not None and change._new_times is not None
        assert change.old is not None and change.new is not None
        day = change._dated or change._old_times[0].date() != change._new_times[0].date()
        text = words["retimed"].format(title=title, old=_span(change._old_times, sep, day),
                                       new=_span(change._new_times, sep, day))
        if change.old["minutes"] != change.new["minutes"]:
            text += " (" + words["minutes"].format(old=change.old["minutes"],
                                                   new=change.new["minutes"]) + ")"
        return text
    if change.kind == "moved":
        assert change.old is not None and change.new is not None
        return words["moved"].format(title=title, old=change.old["number"],
                                     new=change.new["number"])
    assert change.old is not None and change.new is not None
    field = next(iter(change.old))
    old, new = change.old[field], change.new[field]
    if isinstance(old, list):  # dates of a series
        old, new = ", ".join(old), ", ".join(new)
    return words[change.kind].format(title=title, old=old if old else words["none"],
                                     new=new if new else words["none"])
