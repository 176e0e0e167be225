"""What every reader of a printed agenda hands on: rows with their source lines,
and the header facts found around them."""

from __future__ import annotations

import attrs

from ._scan import Clock, DateFact, Span

__all__ = ["MAX_DEPTH", "Facts", "Moment", "Row", "Table"]

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
        return cls(line, Moment(span.start), end, **fields)  # type: ignore[arg-type]


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
class Table:
    """What a reader found: the rows (top level, children inside), the header facts,
    and the format it read."""

    rows: list[Row]
    facts: Facts
    format: str
