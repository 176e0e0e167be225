"""Audiences: who each item is for.

An item names its audiences (``audience = ["busan", "press"]``); a block's children
inherit the block's unless they name their own, and an item without any, under no
block with any, is for everyone. An audience's view of a timetable is the slots of
the items for it: the meeting itself is for everyone.
"""

from __future__ import annotations

from ._model import Meeting
from ._problems import AgendaError
from ._timetable import Slot, Timetable

__all__ = ["UnknownAudience", "audiences", "for_audience", "slot_audiences"]


class UnknownAudience(AgendaError, ValueError):
    """An audience that no item of the meeting names; `known` lists those that do."""

    def __init__(self, audience: str, known: tuple[str, ...]) -> None:
        self.audience = audience
        self.known = known
        names = ", ".join(known) if known else "none (no item has an audience)"
        super().__init__(f'no item is for the audience "{audience}"; the audiences: {names}')


def audiences(meeting: Meeting) -> tuple[str, ...]:
    """Every audience the meeting's items name, in order of first mention."""
    seen: dict[str, None] = {}
    for item in meeting.walk():
        seen.update(dict.fromkeys(item.audience))
    return tuple(seen)


def slot_audiences(timetable: Timetable) -> list[tuple[str, ...]]:
    """Each slot's audiences, its own or inherited (empty: everyone), in slot order."""
    out: list[tuple[str, ...]] = []
    stack: list[tuple[str, ...]] = []
    for slot in timetable:
        del stack[slot.depth:]
        inherited = stack[-1] if stack else ()
        stack.append(slot.item.audience or inherited)
        out.append(stack[-1])
    return out


def for_audience(timetable: Timetable, audience: str) -> tuple[Slot, ...]:
    """The slots `audience` sees: those for everyone and those naming it.

    Raises :class:`UnknownAudience` when no item of the meeting names `audience`.
    """
    known = audiences(timetable.meeting)
    if audience not in known:
        raise UnknownAudience(audience, known)
    return tuple(slot for slot, names in zip(timetable, slot_audiences(timetable), strict=True)
                 if not names or audience in names)
