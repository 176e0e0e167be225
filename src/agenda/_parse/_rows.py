"""What every reader of a printed agenda hands on: rows with their source lines,
and the header facts found around them."""

from __future__ import annotations

import attrs

from ._scan import Clock, DateFact, Span

__all__ = ["MAX_DEPTH", "DayRows", "Facts", "Moment", "Row", "Table"]

MAX_DEPTH = 8
"""Parts nest at most this deep in a document; deeper indentation reads as this depth."""


@attrs.frozen
class Moment:
    """A time as a row writes it: the wall clock, the date when the row names one,
    and the UTC offset in seconds when the row gives one (ISO 8601 in CSV)."""

    clock: Clock
    date: tuple[int, int, int] | None = None
    offset: int | None = None


@attrs.define
class Row:
    """One timed row of the table (or a timed part of one), as read."""

    line: int
    start: Moment
    end: Moment | None
    depth: int = 0
    indent: int = 0
    stated: int | None = None
    title: str = ""
    presenter: list[str] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    glued: set[int] = attrs.Factory(set)  # notes that continue the note before them
    order: list[str] | None = None
    order_line: int = 0
    children: list[Row] = attrs.Factory(list)
    gap_ok: bool = False  # the time before it is left empty on purpose (a gap row)
    open_end: bool = False  # written as a range left open (``12:00~``)
    room: str | None = None  # the room its notes name (``장소: Room A``, ``Room: Room A``)

    def topics(self) -> list[str]:
        """The notes, with continued lines joined to the note they continue."""
        out: list[list[str]] = []
        for k, note in enumerate(self.notes):
            if k in self.glued and out:
                out[-1].append(note)
            else:
                out.append([note])
        return [" ".join(parts) for parts in out]

    @classmethod
    def of_span(cls, line: int, span: Span, **fields: object) -> Row:
        end = Moment(span.end, span.end_date)
        start = Moment(span.start, span.start_date)
        return cls(line, start, end, **fields)  # type: ignore[arg-type]


@attrs.define
class Facts:
    """The header facts of a document, each with the line it stands on (0 when absent)."""

    title: str | None = None
    title_line: int = 0
    date: DateFact | None = None
    date_line: int = 0
    window: Span | None = None
    window_line: int = 0
    place: str | None = None
    zone: str | None = None
    year: int | None = None  # of another full date in the document (a release date)
    year_line: int = 0
    category: str | None = None


@attrs.define
class DayRows:
    """The rows of one day of a meeting held over days, under the heading that names
    the day (``## 2024-05-20(월) 09:00~14:45``): the heading's line, date and time
    range (the day's window, None when it gives none)."""

    line: int
    date: DateFact
    window: Span | None
    rows: list[Row]


@attrs.define
class Table:
    """What a reader found: the rows (top level, children inside), the header facts,
    and the format it read. A document that heads each day's rows with the day gives
    `days` (and `rows` holds every day's rows in order). `unread` are the lines of
    rows with times that the reader found but could not take into the agenda (a table
    of times beside the one read), so that none is lost without a word."""

    rows: list[Row]
    facts: Facts
    format: str
    days: list[DayRows] = attrs.Factory(list)
    unread: list[int] = attrs.Factory(list)
