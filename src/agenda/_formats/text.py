"""The timetable as a bordered text table for a monospace printer or a terminal.

Widths are display widths (`wcwidth`): Hangul and other East Asian wide characters
take two columns, so every line has the same display width and the borders line
up. Borders are ASCII (``+ - = |``): box-drawing characters are "ambiguous width"
and take two columns in many Korean terminals, which would break the alignment.

Layout: the meeting header, the column labels (구분 / 시간 / 내용 / 비고), one group
of lines per top-level item with its children indented under it in the item
column (``14:07~14:12 부산``), and the total. The category column is left out when
the meeting has no category; its text runs down the column like a spanning cell.
Long text wraps inside its cell at spaces where it can, never inside a grapheme
(a Hangul syllable, an emoji sequence).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from .._problems import AgendaError
from .._timetable import Slot, Timetable
from .._translations import translate
from .._words.labels import Labels, labels_for
from .options import RenderOptions
from .parts import (
    day_heading,
    groups,
    heading,
    lines_of,
    link_lines,
    remarks,
    slot_span,
    time_parts,
    total_line,
    with_gaps,
)
from .wrap import WIDEST_GRAPHEME, display_width, split_graphemes, wrap

__all__ = ["TableTooNarrow", "render", "to_text"]

_INDENT = 2  # columns of indentation per depth level
_MIN_COLUMN = WIDEST_GRAPHEME  # the widest grapheme must fit in every column


class TableTooNarrow(AgendaError, ValueError):
    """The text table cannot be laid out in `width` columns; `minimum` would do."""

    def __init__(self, width: int, minimum: int) -> None:
        self.width = width
        self.minimum = minimum
        super().__init__(f"a text table needs a width of at least {minimum}, not {width}")


def to_text(timetable: Timetable, *, lang: str = "ko", width: int = 100) -> str:
    """The timetable as a bordered text table at most `width` display columns wide."""
    labels = labels_for(lang)
    return _Table.build(translate(timetable, lang), labels, width).render()


def render(timetable: Timetable, options: RenderOptions) -> str:
    return to_text(timetable, lang=options.lang, width=options.width)


# Every character of Unicode category Cc: C0 controls, DEL and the C1 controls.
_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


def _clean(line: str) -> str:
    """One line of user text with tabs and other control characters made spaces."""
    return line.translate(_CONTROLS)


def _paragraphs(texts: Iterable[str]) -> list[str]:
    """The lines of `texts`, each cut at its line breaks, control characters made spaces."""
    out: list[str] = []
    for text in texts:
        if text.isprintable():  # no line break, no control character: most texts
            out.append(text)
        else:
            out += [_clean(line) for line in lines_of(text)]
    return out


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _fit(natural: Sequence[int], stages: Sequence[tuple[int, int]], room: int,
         grow: Sequence[int]) -> list[int]:
    """Column widths that add up to at most `room`.

    Starting from the `natural` widths, each stage (column, floor) shrinks one column
    towards its floor until nothing is left over; a stage whose floor is negative
    snaps the column to ``-floor`` at once (a cell that takes two lines when it has
    to wrap gains nothing from the columns in between). Room left over afterwards
    goes back to the columns in `grow` order, up to their natural widths.
    """
    widths = list(natural)
    for column, floor in stages:
        excess = sum(widths) - room
        if excess <= 0:
            break
        if floor < 0:
            widths[column] = min(widths[column], -floor)
        else:
            widths[column] = max(min(widths[column], floor), widths[column] - excess)
    for column in grow:
        widths[column] += max(0, min(natural[column] - widths[column], room - sum(widths)))
    return widths


@attrs.frozen
class _Texts:
    """What one slot's row shows before it is wrapped: measured to size the columns,
    then laid out, each text made once."""

    slot: Slot
    times: tuple[str, str]  # the range and the duration (`time_parts`)
    items: list[str]  # the item cell's lines: the title, then the item's links
    notes: list[str]  # the notes cell's lines

    @classmethod
    def of(cls, slot: Slot, labels: Labels) -> _Texts:
        times = time_parts(slot, labels) if slot.depth == 0 else (slot_span(slot, labels), "")
        return cls(slot, times, _paragraphs(_item_texts(slot, labels)),
                   _paragraphs(remarks(slot, labels)))

    @property
    def time(self) -> str:
        """The time cell on one line (`time_cell`)."""
        return " ".join(self.times)

    def item_lines(self) -> list[str]:
        """The item cell's unwrapped lines (for the natural width of the column)."""
        if not self.slot.depth:
            return self.items
        prefix = " " * (_INDENT * self.slot.depth) + self.times[0] + " "
        hang = " " * display_width(prefix)
        return [prefix + self.items[0], *(hang + p for p in self.items[1:])]


@attrs.frozen
class _Row:
    """The lines of one slot, per column (the category column apart)."""

    cells: tuple[list[str], ...]

    @property
    def height(self) -> int:
        return max(len(cell) for cell in self.cells)


@attrs.frozen
class _Table:
    labels: Labels
    timetable: Timetable
    rows: tuple[_Texts, ...]  # every slot, with the gaps between them
    has_category: bool
    widths: tuple[int, ...]  # the body columns: time, item, notes
    category_width: int
    inner: int  # display width between the outer borders' padding

    @classmethod
    def build(cls, timetable: Timetable, labels: Labels, width: int) -> _Table:
        has_category = timetable.meeting.category is not None
        columns = 4 if has_category else 3
        overhead = 1 + 3 * columns
        minimum = overhead + _MIN_COLUMN * columns
        if width < minimum:
            raise TableTooNarrow(width, minimum)

        def widest(texts: Iterable[str]) -> int:
            return max((display_width(t) for t in texts), default=0)

        rows = tuple(_Texts.of(slot, labels) for slot in with_gaps(timetable, labels))
        tops = [row for row in rows if row.slot.depth == 0]
        time_natural = widest([labels.time, *(row.time for row in tops)])
        item_natural = widest([labels.item, *(line for row in rows
                                              for line in row.item_lines())])
        notes_natural = widest([labels.notes, *(line for row in rows for line in row.notes)])
        category = _paragraphs([timetable.meeting.category or ""])
        category_natural = widest([labels.category, *category])

        # Column order for `_fit`: category (when shown), time, item, notes.
        natural = [time_natural, item_natural, notes_natural]
        if has_category:
            natural.insert(0, category_natural)
        natural = [max(n, _MIN_COLUMN) for n in natural]
        c = 1 if has_category else 0
        time, item, notes = c, c + 1, c + 2
        cat = 0
        stages: list[tuple[int, int]] = []
        if has_category:
            stages.append((cat, 12))
        # The time cell breaks between its range and its duration, or not at all.
        time_split = max(_MIN_COLUMN, widest(part for row in tops for part in row.times))
        stages += [(notes, 20), (item, 30), (notes, 12), (time, -time_split), (item, 16)]
        if has_category:
            stages.append((cat, 4))
        stages += [(notes, 6), (item, 8)]
        stages += [(column, _MIN_COLUMN) for column in range(columns)]
        grow = [item, notes, time] + ([cat] if has_category else [])
        widths = _fit(natural, stages, width - overhead, grow)

        # A header (or total) wider than the columns widens the item column, up to `width`.
        wanted = widest(_paragraphs([*_head_texts(timetable, labels),
                                     total_line(timetable, labels)])) + 4
        table_width = sum(widths) + overhead
        if wanted > table_width:
            widths[item] += min(wanted, width) - table_width
            table_width = sum(widths) + overhead

        category_width = widths.pop(0) if has_category else 0
        return cls(labels, timetable, rows, has_category, tuple(widths), category_width,
                   table_width - 4)

    # -- pieces ---------------------------------------------------------------

    def _line(self, cells: Sequence[str], widths: Sequence[int]) -> str:
        return "|" + "".join(f" {_pad(text, w)} |" for text, w in zip(cells, widths, strict=True))

    def _rule(self, fill: str, category: str | None = None) -> str:
        body = "+".join(fill * (w + 2) for w in self.widths) + "+"
        if not self.has_category:
            return "+" + body
        if category is None:
            return "+" + fill * (self.category_width + 2) + "+" + body
        return f"| {_pad(category, self.category_width)} +" + body

    def _boxed(self, texts: Sequence[str]) -> list[str]:
        return [f"| {_pad(line, self.inner)} |" for line in wrap(_paragraphs(texts), self.inner)]

    def _row(self, row: _Texts) -> _Row:
        time_width, item_width, notes_width = self.widths
        times: list[str] = []
        depth = row.slot.depth
        if depth == 0:
            whole = row.time
            parts = [whole] if display_width(whole) <= time_width else row.times
            times = [line for part in parts for line in split_graphemes(part, time_width)]
            items = wrap(row.items, item_width)
        else:
            # `  14:07~14:12 부산`: the times stay whole on the first line when they fit,
            # the title wraps under itself (or under the indent when that is too tight).
            indent = " " * min(_INDENT * depth, (item_width - _MIN_COLUMN) // 2)
            span = row.times[0]
            lead = f"{indent}{span} "
            if display_width(lead) + _MIN_COLUMN <= item_width:
                hang = " " * display_width(lead)
                if item_width - display_width(hang) < 8:
                    hang = indent
                items = wrap(row.items, item_width, lead, hang)
            else:
                items = [*wrap([span], item_width, indent, indent),
                         *wrap(row.items, item_width, indent, indent)]
        notes = wrap(row.notes, notes_width) if row.notes else []
        return _Row((times, items, notes))

    # -- the whole ------------------------------------------------------------

    def render(self) -> str:
        labels, timetable = self.labels, self.timetable
        top = "+" + "-" * (self.inner + 2) + "+"
        out = [top, *self._boxed(_head_texts(timetable, labels))]

        all_widths = ((self.category_width, *self.widths) if self.has_category
                      else self.widths)
        names = [labels.time, labels.item, labels.notes]
        if self.has_category:
            names.insert(0, labels.category)
        out.append(self._rule("-"))
        header_cells = [wrap([name], w) for name, w in zip(names, all_widths, strict=True)]
        for k in range(max(len(cell) for cell in header_cells)):
            out.append(self._line([cell[k] if k < len(cell) else "" for cell in header_cells],
                                  all_widths))
        out.append(self._rule("="))

        # The body: None marks a rule between two top-level groups, a string a day's
        # heading across the table (in a meeting held over days).
        body: list[tuple[str, ...] | str | None] = []
        firsts = ({day.first: day_heading(timetable, day, labels) for day in timetable.days}
                  if timetable.meeting.days else {})
        index = 0
        texts = iter(self.rows)
        for number, group in enumerate(groups(row.slot for row in self.rows)):
            if number:
                body.append(None)
            if index in firsts:
                body.append(firsts[index])
                body.append(None)
            index += len(group)
            for _ in group:
                row = self._row(next(texts))
                for k in range(row.height):
                    body.append(tuple(cell[k] if k < len(cell) else "" for cell in row.cells))
        category = (wrap(_paragraphs([timetable.meeting.category or ""]), self.category_width)
                    if self.has_category else [])
        while len(body) < len(category):
            body.append(("", "", ""))
        for k, entry in enumerate(body):
            cat = category[k] if k < len(category) else ""
            if isinstance(entry, str):
                out += self._boxed([entry])
            elif entry is None:
                out.append(self._rule("-", cat))
            elif self.has_category:
                out.append(self._line((cat, *entry), all_widths))
            else:
                out.append(self._line(entry, all_widths))

        out.append(self._rule("-"))
        out += self._boxed([total_line(timetable, labels)])
        out.append(top)
        return "\n".join(out) + "\n"


def _head_texts(timetable: Timetable, labels: Labels) -> list[str]:
    """The meeting header: title, ``일시: ...``, ``장소: ...``."""
    head = heading(timetable, labels)
    texts = [head.title, f"{labels.when}: {head.when}"]
    if head.place:
        texts.append(f"{labels.place}: {head.place}")
    return texts + link_lines(timetable.meeting, labels)


def _item_texts(slot: Slot, labels: Labels) -> list[str]:
    """The item cell's texts: the title, then the item's own links, one a line."""
    return [slot.title, *link_lines(slot.item, labels)]
