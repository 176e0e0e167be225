"""The occurrences of a meeting: the public `occurrences` and `occurrence_on` of a
meeting given as a model (laid out first), beside the layout that makes their series;
one occurrence's timetable, and the listing of them, of a timetable."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

import attrs

from .._model import Meeting, _to_date
from .._problems import AgendaError
from .._timetable import Timetable
from .._words.catalog import render_message
from .._words.labels import LABELS
from ._place import layout
from ._series import NotAnOccurrence, Occurrence, Skipped, _plain, timetable_occurrences

__all__ = ["DEFAULT_OCCURRENCES", "LISTED_AT_MOST", "FewerOccurrences", "Listed",
           "occurrence_listing", "occurrence_on", "occurrence_timetable", "occurrences"]


def occurrences(meeting: Meeting, limit: int | None = None) -> list[Occurrence]:
    """(start, end) of each occurrence of `meeting`, as pendulum date-times in its zone.

    A meeting without ``repeat`` or ``extra`` has one occurrence. A rule without
    ``COUNT`` or ``UNTIL`` needs `limit` (else :class:`UnboundedRepeat`); `limit` caps
    any rule. Raises :class:`InvalidAgenda` when the meeting (or its rule) is invalid.
    """
    return timetable_occurrences(layout(meeting), limit)


def occurrence_on(meeting: Meeting, day: _dt.date | str) -> Meeting:
    """The meeting as held on `day`, one of its occurrences, as a single meeting (no
    ``repeat``, ``skip``, ``extra`` or ``overrides``; no ``weekday``, which belongs to the
    first date). Lay it out to print that occurrence's agenda.

    Its start is where the occurrence starts on the wall clock (02:30 on a night the
    clocks skip it is 03:30), and as in the calendar series every item lasts as long as
    on the first date, so a declared end becomes the wall-clock time that much after
    the start. An occurrence in ``overrides`` has its own start, end and items.

    Raises :class:`NotAnOccurrence` for a date the meeting is not held on, and
    :class:`InvalidAgenda` when the meeting (or its rule) is invalid. `day` is a date
    or an ISO string like ``"2024-03-13"`` (a `TypeError` says when it is neither).
    """
    if isinstance(day, _dt.datetime):
        day = day.date()  # a date-time names its date (the command line passes one)
    day = _plain(_to_date(day, "day"))
    if not meeting.repeats:
        single = attrs.evolve(meeting, date=day, weekday=None, skip=(), overrides=())
        if day == meeting.date:
            return single
        if meeting.date < day:
            raise NotAnOccurrence(meeting, day, meeting.date, None)
        raise NotAnOccurrence(meeting, day, None, meeting.date)
    series = layout(meeting).series
    return series.meeting_on(series.require(day))


# -- one occurrence, and the listing of them (what `agenda table --on` and
#    `agenda check --occurrences` print) ------------------------------------------------
DEFAULT_OCCURRENCES = 10
"""How many occurrences a listing of a rule without end shows unless told."""
LISTED_AT_MOST = 1000
"""How many occurrences a listing of a rule with an end shows at most unless told."""


class FewerOccurrences(AgendaError, IndexError):
    """An occurrence number past the last occurrence of a meeting."""

    def __init__(self, meeting: Meeting, number: int) -> None:
        self.number = number
        super().__init__(f'"{meeting.title}" has fewer than {number} occurrences')


def occurrence_timetable(timetable: Timetable, *, on: _dt.date | None = None,
                         number: int | None = None) -> Timetable:
    """The timetable of one occurrence of `timetable`'s meeting: the one held `on` that
    date, or the `number`th (1 is the first).

    Raises :class:`NotAnOccurrence` (naming the nearest dates) for a date it is not held
    on, :class:`FewerOccurrences` for a number past its last occurrence, and
    :class:`InvalidAgenda` when that occurrence's own agenda is invalid.
    """
    if (on is None) == (number is None):
        raise TypeError("give the occurrence's date (on) or its number, not both")
    series = timetable.series
    if number is not None:
        found = series.nth(number)
        if found is None:
            raise FewerOccurrences(timetable.meeting, number)
        return series.timetable(found)
    assert on is not None
    return series.timetable(on)


@attrs.frozen
class Listed:
    """A line of an occurrence listing: its `text`, and whether it is a `note` (how
    many are listed, for standard error) rather than a line of the listing itself."""

    text: str
    note: bool = False


def occurrence_listing(timetable: Timetable, limit: int | None = None,
                       lang: str = "en") -> Iterator[Listed]:
    """The occurrences of `timetable`'s meeting, one line each as found: date, weekday
    (in `lang`), start–end and UTC offset in the zone; between them, a date of the rule
    the meeting is not held on (``skip``, a public holiday named in `lang`).

    At most `limit` are listed; without it a series without end lists
    `DEFAULT_OCCURRENCES` (a note first says so) and one with an end at most
    `LISTED_AT_MOST` (a note at the end says when more follow). Lazy: a listing of a
    rule without end is never computed past what is listed.
    """
    meeting = timetable.meeting
    series = timetable.series if meeting.repeats else None
    bounded = series is None or series.bounded
    most = limit if limit is not None else (LISTED_AT_MOST if bounded else DEFAULT_OCCURRENCES)
    if limit is None and not bounded:
        yield Listed(render_message("occurrences-endless", {"most": most}, lang), note=True)
    entries = series.listing(lang) if series is not None else iter([meeting.date])
    listed = 0
    for entry in entries:
        if isinstance(entry, Skipped):
            if listed < most:  # (past the last one listed, a held date may still follow)
                weekday = LABELS[lang].weekdays[entry.date.weekday()]
                facts = {"date": entry.date.isoformat(), "weekday": weekday,
                         "name": entry.holiday}
                code = "occurrence-skipped" if entry.holiday is None else "occurrence-holiday"
                yield Listed(render_message(code, facts, lang))
            continue
        if listed == most:
            if bounded:
                yield Listed(render_message("occurrences-more", {"most": most}, lang),
                             note=True)
            return
        start, end = ((timetable.start, timetable.end) if series is None
                      else series.occurrence(entry))
        until = end.format("HH:mm") if end.date() == start.date() else end.format(
            "YYYY-MM-DD HH:mm")
        yield Listed(f"{start.format('YYYY-MM-DD (ddd) HH:mm', locale=lang)}–{until} "
                     f"{start.format('Z')}")
        listed += 1
