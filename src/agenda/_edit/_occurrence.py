"""Edits of one occurrence of a series: the change becomes that date's override.

An edit given ``on=DATE`` takes the occurrence held on that date as a single meeting
(:func:`agenda.occurrence_on`), changes it like any meeting, and writes the result back
into the series as the ``[[overrides]]`` entry of that date, created or updated (and
dropped when the occurrence is the series' own again). The rule, the other dates and
the other overrides are left alone: a change of one occurrence is never a change of
the series.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

import attrs

from .._layout import layout, occurrence_on
from .._model import Item, Meeting, Override, _to_date
from .._problems import InvalidAgenda
from ._errors import EditError, InvalidEdit

__all__ = ["edit_occurrence", "occurrence_day", "with_occurrence"]


def occurrence_day(meeting: Meeting, on: _dt.date | str) -> _dt.date:
    """`on` as a date the meeting is held on; :class:`agenda.NotAnOccurrence` names
    the nearest dates when it is not one."""
    day = _to_date(on, "on")
    plain = _dt.date(day.year, day.month, day.day)
    occurrence_on(meeting, plain)  # raises NotAnOccurrence (or InvalidAgenda)
    return plain


def edit_occurrence(meeting: Meeting, on: _dt.date | str, operation: str,
                    change: Callable[[Meeting], Meeting]) -> Meeting:
    """The series with `change` made to its occurrence of `on` only (see the module). A
    meeting that does not repeat has one occurrence, on its date: `change` is then made
    to the meeting itself."""
    try:
        day = occurrence_day(meeting, on)
        held = occurrence_on(meeting, day)
    except InvalidAgenda as exc:
        raise InvalidEdit(operation, exc.problems) from None
    if not meeting.repeats:
        return change(meeting)
    try:
        edited = change(held)
    except InvalidEdit as exc:  # the occurrence's own problems, named with its date
        raise InvalidEdit(operation, [attrs.evolve(p, number=f"{day.isoformat()} {p.number}")
                                      for p in exc.problems]) from None
    return with_occurrence(meeting, day, edited, operation)


def _times(meeting: Meeting) -> tuple[object, ...] | None:
    """What a subscriber sees of a single meeting: its span, and every item where it
    is, with its texts (not how its minutes were given: fixed, flexible or shared)."""
    try:
        table = layout(meeting)
    except InvalidAgenda:
        return None
    return (table.start_utc, table.end_utc,
            tuple((s.path, _seen(s.item), s.start_utc, s.end_utc) for s in table))


def _seen(item: Item) -> Item:
    return attrs.evolve(item, minutes=None, min_minutes=None, max_minutes=None, at=None,
                        gap_ok=False, items=())


def _placed(overrides: tuple[Override, ...], override: Override | None,
            day: _dt.date) -> tuple[Override, ...]:
    """`overrides` with the entry of `day` replaced by `override` (in its place, or
    among the others by date), or taken out when `override` is None."""
    out = [o for o in overrides if o.date != day]
    if override is None:
        return tuple(out)
    where = next((k for k, o in enumerate(overrides) if o.date == day), None)
    if where is None:
        where = sum(1 for o in out if o.date < day)
    out.insert(min(where, len(out)), override)
    return tuple(out)


def with_occurrence(meeting: Meeting, day: _dt.date, held: Meeting,
                    operation: str) -> Meeting:
    """The series `meeting` with its occurrence of `day` held as `held` (a single
    meeting on that date): the override says only what differs from the series' own
    occurrence (and, when it has items of its own, its end), and is dropped when
    nothing does."""
    if held.date != day:
        raise EditError(operation, f"an occurrence keeps its date ({day.isoformat()}); to "
                        f"hold it on {held.date.isoformat()}, skip {day.isoformat()} and add "
                        f"{held.date.isoformat()} as an extra date")
    own = occurrence_on(attrs.evolve(meeting, overrides=_placed(meeting.overrides, None, day)),
                        day)
    want = _times(held)
    if want is not None and want == _times(own):
        return attrs.evolve(meeting, overrides=_placed(meeting.overrides, None, day))
    start = held.start if held.start != own.start else None
    items = held.items if held.items != own.items else None
    # An occurrence with items of its own keeps its own end: a later change of the
    # series' end must not move (or break) a day that was held differently.
    end = held.end if held.end != own.end or items is not None else None
    lean = (None if start is None and end is None and items is None
            else Override(day, start=start, end=end, items=items))
    candidates = [lean, Override(day, start=held.start, end=held.end, items=held.items)]
    refused: InvalidAgenda | None = None
    for override in candidates:
        new = attrs.evolve(meeting, overrides=_placed(meeting.overrides, override, day))
        try:
            if want is not None and _times(occurrence_on(new, day)) == want:
                return new
        except InvalidAgenda as exc:
            refused = exc
    if refused is not None:
        raise InvalidEdit(operation, refused.problems)
    raise EditError(operation, f"the occurrence of {day.isoformat()} cannot be written as an "
                    "override of the series that gives these times")

