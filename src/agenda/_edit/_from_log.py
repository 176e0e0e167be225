"""The rest of the day from the log: running late, with the delay read off actual times.

The latest actual time is the last actual end, or, for an item still running, its
actual start plus its planned minutes (whichever is later). The items after the last
one logged (in agenda order) have not started: they are re-timed by
:func:`running_late` to start at that time (rounded up to the whole minute), absorbing
the delay as it does. Items that have started keep their times. A meeting that runs
early moves nothing: later items keep their announced times.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs

from .._time import wall
from .._timetable import Slot
from .._words.catalog import escape_controls, words_of
from ._actual import Actual, ActualLog, Event, Unit, moment_text, units
from ._address import Address
from ._errors import EditError
from ._late import LateResult, running_late

__all__ = ["LateFromLog", "late_from_log", "with_note"]

_OPERATION = "late_from_log"
NOTE_MARK = "# agenda late --from-log"
"""The first line of the comment a re-timed TOML spec carries; the next run replaces it."""


@attrs.frozen
class LateFromLog:
    """What :func:`late_from_log` did: the `result` of running late, the actual time it
    used (`basis`: an item's end, or the start of an item still `running`), the
    `moment` the rest of the day starts (`basis` rounded up to the minute, or plus the
    running item's minutes), and the `first` item that has not started (its planned
    slot)."""

    result: LateResult
    basis: Actual
    running: bool
    moment: _dt.datetime
    first: Slot
    basis_slot: Slot

    @property
    def moved(self) -> bool:
        """False when the meeting runs on time or early: nothing was re-timed."""
        return self.result.late_by > 0

    def note(self, lang: str = "ko", source: str | None = None) -> tuple[str, ...]:
        """What the re-timed spec says about the actual times it used, in `lang`."""
        words = words_of("from-log", lang)
        zone = self.first.zone
        day = wall(self.first.start_utc, zone).date()
        item = f'{self.basis_slot.number} "{escape_controls(self.basis_slot.title)}"'
        first = f'{self.first.number} "{escape_controls(self.first.title)}"'
        line = "" if self.basis.line is None else words["line"].format(line=self.basis.line)
        at = moment_text(self.basis.utc, zone, day)
        if self.running:
            said = words["running"].format(
                item=item, at=at, line=line, minutes=self.basis_slot.minutes,
                end=moment_text(self.basis.utc + self.basis_slot.minutes * 60, zone, day))
        else:
            said = words["ended"].format(item=item, at=at, line=line)
        then = (words["retimed"].format(moment=moment_text(int(self.moment.timestamp()), zone,
                                                           day), first=first)
                if self.moved else words["early"].format(
                    first=first, planned=moment_text(self.first.start_utc, zone, day)))
        return (words["head"].format(source=source or words["the log"]),
                f"{said}{words['then']}{then}")

    def summary(self, lang: str = "ko", source: str | None = None) -> str:
        """The note, then the planned and new ends and the cuts (see `LateResult`)."""
        return "\n".join([*self.note(lang, source), self.result.summary(lang)])


def late_from_log(log: ActualLog, *, absorb: Sequence[Address] = ()) -> LateFromLog:
    """Re-time what has not started in `log.meeting` from the log's latest actual time,
    absorbing the delay as :func:`running_late` does (`absorb` names the items that give
    time, in order).

    Raises :class:`agenda.InvalidLog` for a log that contradicts itself, and
    :class:`EditError` for a log without events or one in which every item has started.
    """
    log = log.checked()
    planned = log.timetable()
    done = [u for u in units(planned, log) if u.logged]
    if not done:
        raise EditError(_OPERATION, code="log-empty")
    basis, latest, running = max(((*_latest(u), k) for k, u in enumerate(done)),
                                 key=lambda c: (c[1], c[3]))[:3]
    last = max(done[-1].leaves)
    pending = [k for k in range(last + 1, len(planned)) if not planned[k].is_block]
    if not pending:
        raise EditError(_OPERATION, code="log-all-started", facts={
            "item": f"{planned[last].number} {planned[last].title}"})
    first = planned[pending[0]]
    delay = max(0, -(-(latest - first.start_utc) // 60) * 60)
    start = _dt.datetime.fromtimestamp(first.start_utc, _dt.UTC)
    result = running_late(log.meeting, start,
                          actual=_dt.datetime.fromtimestamp(first.start_utc + delay, _dt.UTC),
                          absorb=absorb)
    basis_slot = next(s for s in planned if s.path == basis.path)
    return LateFromLog(result, basis, running,
                       wall(first.start_utc + delay, planned.zone), first, basis_slot)


def _latest(unit: Unit) -> tuple[Actual, int, bool]:
    """The unit's latest actual time: its end, or its start plus its planned minutes."""
    if unit.end is not None:
        return unit.end, unit.end.utc, False
    assert unit.start is not None and unit.start.event is Event.START
    return unit.start, unit.start.utc + unit.slot.minutes * 60, True


def with_note(text: str, lines: Sequence[str]) -> str:
    """The TOML spec `text` with `lines` as its first comment (replacing the one an
    earlier run wrote there)."""
    kept = text.split("\n")
    if kept and kept[0].startswith(NOTE_MARK):
        end = 1
        while end < len(kept) and kept[end].startswith("#   "):
            end += 1
        kept = kept[end:]
    head = [f"{NOTE_MARK}: {lines[0]}", *(f"#   {line}" for line in lines[1:])]
    return "\n".join([*(escape_controls(h) for h in head), *kept])
