"""The occurrences of a meeting given as a model (laid out first): the public
`occurrences` and `occurrence_on`, beside the layout that makes their series."""

from __future__ import annotations

import datetime as _dt

import attrs

from .._model import Meeting, _to_date
from ._place import layout
from ._series import NotAnOccurrence, Occurrence, _plain, timetable_occurrences

__all__ = ["occurrence_on", "occurrences"]


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
