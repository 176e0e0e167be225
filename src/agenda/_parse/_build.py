"""Rows become a Meeting, and every inconsistency is found with its source line.

Times are resolved in the meeting's zone (a row's minutes are the elapsed time
between its start and end, so a range across a clock change is measured right);
the model keeps the times the rows print: each row's minutes are its range, and a
row that starts after a gap gets a fixed ``at`` time with ``gap_ok``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator, Sequence

import attrs

from .._layout import parse_weekday, validate
from .._model import Item, Kind, Meeting, slugify
from .._problems import AgendaError, Problem, Severity
from .._time import local_instant
from .._time import zone as known_zone
from .._words.catalog import MESSAGES, render_message
from ._ids import with_ids
from ._rows import Facts, Moment, Row, Table
from ._times import afternoon, end_markers, seconds_given

__all__ = ["ParseError", "ParseResult", "build"]

_DAY = 24 * 60
_GAP_ROW = re.compile(r"빈 시간 \d{1,6}분|Gap, \d{1,6} min")
_DISORDER = frozenset({"row-overlap", "out-of-order", "backwards-range"})
_HALF_DAY = 12 * 60
_KINDS: tuple[tuple[Kind, tuple[str, ...]], ...] = (
    (Kind.BREAK, ("휴식", "중식", "점심", "오찬", "커피", "티타임", "coffee", "break", "lunch",
                  "tea", "recess", "dinner")),
    (Kind.DISCUSSION, ("토론", "토의", "질의", "discussion", "q&a", "panel", "debate")),
    (Kind.PHOTO, ("사진", "photo")),
    (Kind.CEREMONY, ("개회", "폐회", "인사", "축사", "환영", "맺음", "opening", "closing",
                     "welcome", "adjourn", "call to order")),
    (Kind.BRIEFING, ("브리핑", "briefing", "설명")),
    (Kind.PRESENTATION, ("발표", "presentation", "keynote", "보고", "report")),
)


Fact = int | str


class ParseError(AgendaError, ValueError):
    """A document that holds no agenda this library can read (no table of times, no
    date); `line` names the line at fault when there is one."""

    def __init__(self, reason: str, line: int | None = None, *, code: str | None = None,
                 facts: dict[str, Fact] | None = None) -> None:
        self.reason = reason
        self.line = line
        self.code = code
        self.facts = dict(facts or {})
        super().__init__(f"line {line}: {reason}" if line else reason)

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (``ko`` or ``en``), naming its line."""
        if self.code is None or self.code not in MESSAGES:
            return str(self)
        body = render_message(self.code, self.facts, lang)
        if not self.line:
            return body
        return f"{self.line}행: {body}" if lang == "ko" else f"line {self.line}: {body}"


@attrs.frozen
class ParseResult:
    """What a document says: the `meeting` read from it, every `problems` found (each
    with its source `line`), and the `format` it was read as."""

    meeting: Meeting
    problems: tuple[Problem, ...]
    format: str

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        """True when the document has no inconsistency (warnings aside)."""
        return not self.errors


@attrs.frozen
class _Placed:
    """A row placed on the clock: its number and path, its wall-clock minutes from the
    meeting day's midnight and its UTC seconds, whether its range runs backwards or is
    left open (lasting the minutes a last open row is read to last), and its parts."""

    row: Row
    number: str
    path: tuple[str, ...]
    start: int
    end: int
    t0: int
    t1: int
    backwards: bool = False
    open: bool = False
    parts: tuple[_Placed, ...] = ()

    def walk(self) -> Iterator[_Placed]:
        """This row and every part inside it, in document order."""
        yield self
        for part in self.parts:
            yield from part.walk()


def _problem(code: str, facts: dict[str, Fact], *, line: int | None = None, number: str = "",
             title: str = "", path: tuple[str, ...] = (),
             severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code, facts=facts, number=number, title=title, path=path,
                   severity=severity, line=line)


@attrs.frozen
class _Bounds:
    """What a level of rows must fill: `what` names the problem codes (``window``,
    ``block``), `facts` name the thing in problems; instants and wall-clock minutes."""

    what: str
    facts: dict[str, Fact] = attrs.field(hash=False)
    t0: int
    t1: int
    start: int
    end: int


def _base(wall: int, moment: Moment) -> int:
    """The day the clock of `moment`, placed at `wall`, counts from (``25:30`` counts
    from the day before the one it falls on)."""
    if moment.date is not None:
        return wall // _DAY
    return (wall - moment.clock.minutes) // _DAY


def _hm(minutes: int) -> str:
    day, rest = divmod(minutes, _DAY)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return text if day == 0 else f"{text} (+{day}d)"


class _Builder:
    def __init__(self, table: Table, day: _dt.date, zone: str, open_minutes: int) -> None:
        self.table = table
        self.open_minutes = open_minutes
        self.hangul = False
        self.day = day
        self.zone = zone
        self.problems: list[Problem] = []
        self.last_start = 0
        self.last_base = 0  # the day (from the meeting's) of the last start's clock
        self.last_instant: int | None = None

    def report(self, code: str, facts: dict[str, Fact], line: int, where: _Placed) -> None:
        self.problems.append(_problem(code, facts, line=line, number=where.number,
                                      title=where.row.title, path=where.path))

    # -- times -----------------------------------------------------------------

    def wall(self, moment: Moment, day: int) -> int:
        if moment.date is not None:
            try:
                given = _dt.date(*moment.date)
            except ValueError:
                given = self.day
            return (given - self.day).days * _DAY + moment.clock.minutes
        return day * _DAY + moment.clock.minutes

    def instant(self, wall: int, moment: Moment | None, not_before: int | None) -> int:
        """UTC seconds of `wall` minutes from the day's midnight, as `moment` writes it
        (its offset or zone mark, if any)."""
        local = _dt.datetime.combine(self.day, _dt.time()) + _dt.timedelta(minutes=wall)
        if moment is None:
            return local_instant(local, self.zone, not_before=not_before)
        return local_instant(local, self.zone, offset=moment.offset, mark=moment.clock.mark,
                             not_before=not_before)

    def place(self, rows: Sequence[Row], prefix: str, path: tuple[str, ...],
              parent_end: int | None) -> tuple[_Placed, ...]:
        placed: list[_Placed] = []
        for k, row in enumerate(rows, start=1):
            number = f"{prefix}{k}"
            key = row.title or f"item {number}"
            start = self.wall(row.start, self.last_base)
            if row.start.date is None and start < self.last_start - _HALF_DAY:
                start += _DAY
            self.last_start = start
            self.last_base = _base(start, row.start)
            t0 = self.instant(start, row.start, self.last_instant)
            end, backwards, left_open = self.end_of(row, rows, k, start, parent_end)
            t1 = max(self.instant(end, row.end, t0), t0)
            self.last_instant = t1
            parts = self.place(row.children, f"{number}.", (*path, key), end)
            placed.append(_Placed(row, number, (*path, key), start, end, t0, t1, backwards,
                                  left_open, parts))
        return tuple(placed)

    def end_of(self, row: Row, siblings: Sequence[Row], k: int, start: int,
               parent_end: int | None) -> tuple[int, bool, bool]:
        """Where `row` ends (wall-clock minutes), whether its range runs backwards, and
        whether it is left open."""
        if row.end is None:
            if k < len(siblings):
                following = siblings[k]
                nxt = self.wall(following.start, _base(start, row.start))
                return (nxt + _DAY if nxt < start else nxt), False, False
            if parent_end is not None:
                return parent_end, False, False
            if row.stated is not None:
                return start + row.stated, False, False
            window = self.window_end()
            if window is not None and window > start and not row.open_end:
                return window, False, False
            return start + self.open_minutes, False, True
        end = self.wall(row.end, _base(start, row.start))
        if row.end.date is None and end < start:
            if start - end > _HALF_DAY:
                return end + _DAY, False, False
            return end, True, False
        return end, False, False

    def window_end(self) -> int | None:
        window = self.table.facts.window
        if window is None:
            return None
        start = window.start.minutes
        end = window.end.minutes
        return end + _DAY if end < start else end

    # -- checks ----------------------------------------------------------------

    def check(self, level: Sequence[_Placed], bounds: _Bounds | None) -> None:
        """Check one level of siblings against each other and against what they must
        fill (the stated window, or the block they belong to)."""
        previous: _Placed | None = None
        for item in level:
            row = item.row
            minutes = (item.t1 - item.t0) // 60
            start, end = _hm(item.start), _hm(item.end)
            if item.backwards:
                self.report("backwards-range", {"start": start, "end": end}, row.line, item)
            elif item.open:
                self.problems.append(_problem(
                    "open-end", {"start": start, "minutes": minutes}, line=row.line,
                    number=item.number, title=row.title, path=item.path,
                    severity=Severity.WARNING))
            elif row.stated is not None and row.stated != minutes:
                self.report("stated-duration", {"stated": row.stated, "minutes": minutes,
                                                "start": start, "end": end}, row.line, item)
            if previous is None:
                if bounds is not None and item.t0 != bounds.t0:
                    self.report(f"{bounds.what}-start", {
                        "start": start, "expected": _hm(bounds.start), **bounds.facts},
                        row.line, item)
            elif item.t0 < previous.t0:
                self.report("out-of-order", {"start": start, "previous": previous.number,
                                             "previous_start": _hm(previous.start)},
                            row.line, item)
            elif item.t0 < previous.t1:
                self.report("row-overlap", {"start": start, "previous_end": _hm(previous.end),
                                            "overlap": (previous.t1 - item.t0) // 60},
                            row.line, item)
            elif item.t0 > previous.t1 and not row.gap_ok:
                self.report("row-gap", {"start": start, "previous_end": _hm(previous.end),
                                        "gap": (item.t0 - previous.t1) // 60}, row.line, item)
            self.check_order(item, minutes)
            previous = item
        if (previous is not None and bounds is not None and previous.t1 != bounds.t1
                and not previous.open):
            self.report(f"{bounds.what}-end", {"end": _hm(previous.end),
                                                "expected": _hm(bounds.end), **bounds.facts},
                        previous.row.line, previous)

    def check_order(self, item: _Placed, minutes: int) -> None:
        row = item.row
        if row.order is None or row.children:
            return
        if minutes % len(row.order):
            self.report("uneven-order", {"minutes": minutes, "count": len(row.order),
                                         "names": " → ".join(row.order)}, row.order_line, item)

    # -- the whole -------------------------------------------------------------

    def run(self, rows: Sequence[Row]) -> tuple[tuple[_Placed, ...], Meeting]:
        placed = self.place(rows, "", (), None)
        bounds = self.window_bounds()
        self.check(placed, bounds)
        for item in _every(placed):
            if item.parts:
                self.check(item.parts, _Bounds("block", {"block": item.number}, item.t0,
                                               item.t1, item.start, item.end))
        return placed, self.meeting(placed, bounds)

    def window_bounds(self) -> _Bounds | None:
        facts = self.table.facts
        end = self.window_end()
        if facts.window is None or end is None:
            return None
        start = facts.window.start.minutes
        t0 = self.instant(start, None, None)
        t1 = self.instant(end, None, t0)
        return _Bounds("window", {"window_line": facts.window_line}, t0, t1, start, end)

    def item(self, placed: _Placed, top: bool, previous: _Placed | None) -> Item:
        row = placed.row
        minutes = (placed.t1 - placed.t0) // 60
        if minutes <= 0:  # a range that runs backwards: keep what it states, else its size
            minutes = row.stated or max(1, abs(placed.start - placed.end))
        children: tuple[Item, ...] = ()
        if placed.parts:
            children = _unique([self.item(part, False, None) for part in placed.parts])
        elif row.order:
            children = _unique([Item(name, kind=_kind(name, Kind.PRESENTATION))
                                for name in row.order])
        at = None
        if top and previous is not None and placed.t0 > previous.t1:
            rest = placed.start % _DAY
            at = _dt.time(rest // 60, rest % 60)
        title = row.title or f"item {placed.number}"
        return Item(title, minutes=minutes, presenter="; ".join(row.presenter) or None,
                    notes="\n".join(row.topics()) or None, kind=_kind(title, Kind.TALK), at=at,
                    gap_ok=at is not None, items=children)

    def meeting(self, placed: Sequence[_Placed], bounds: _Bounds | None) -> Meeting:
        facts = self.table.facts
        items: list[Item] = []
        previous: _Placed | None = None
        for entry in placed:
            items.append(self.item(entry, True, previous))
            previous = entry
        first = placed[0].start % _DAY
        end = None
        # The stated window becomes the declared end only when the items, as kept,
        # fill it: no overlap or disorder at the top, and no end past midnight.
        disorder = any(p.code in _DISORDER and "." not in p.number for p in self.problems)
        if (bounds is not None and placed[0].t0 == bounds.t0 and placed[-1].t1 == bounds.t1
                and not disorder and bounds.end < _DAY):
            end = _dt.time(bounds.end // 60, bounds.end % 60)
        weekday = None
        if facts.date is not None and facts.date.weekday is not None:
            given = parse_weekday(facts.date.weekday)
            if given == self.day.isoweekday():
                weekday = facts.date.weekday
        return Meeting(facts.title or "agenda", self.day, _dt.time(first // 60, first % 60),
                       self.zone, with_ids(_unique(items)), end=end, location=facts.place,
                       category=facts.category, weekday=weekday,
                       language="ko" if self.hangul else "en")


def _every(level: Sequence[_Placed]) -> Iterator[_Placed]:
    for item in level:
        yield from item.walk()


def _without_gap_rows(rows: Sequence[Row]) -> list[Row]:
    """The rows without those that only say the time is left empty (``빈 시간 15분``,
    ``Gap, 15 min``, as the printed tables write it); the row after one may start late.
    New rows; `rows` are left as they are."""
    kept: list[Row] = []
    after_gap = False
    for row in rows:
        if not row.children and _GAP_ROW.fullmatch(row.title.strip()):
            after_gap = True
            continue
        kept.append(attrs.evolve(row, gap_ok=True) if after_gap else row)
        after_gap = False
    return kept or list(rows)


def _kind(title: str, default: Kind) -> Kind:
    lowered = title.lower()
    for kind, words in _KINDS:
        if any(word in lowered for word in words):
            return kind
    return default


def _unique(items: list[Item]) -> tuple[Item, ...]:
    """Siblings whose titles repeat (two coffee breaks) get ids, so identities stay
    unique."""
    seen: dict[str, int] = {}
    out: list[Item] = []
    for item in items:
        count = seen.get(item.key, 0) + 1
        seen[item.key] = count
        if count > 1:
            stem = slugify(item.title) or "item"
            item = attrs.evolve(item, id=f"{stem}-{count}")
        out.append(item)
    return tuple(out)


def _date(table: Table, given: _dt.date | None, problems: list[Problem]) -> _dt.date:
    facts = table.facts
    written = facts.date
    from_rows = _row_date(table.rows)
    if written is None:
        day = given or from_rows
        if day is None:
            raise ParseError("the document gives no date; pass one (--date YYYY-MM-DD)",
                             code="parse-no-date")
        return day
    year = written.year or (given.year if given else None) or (
        from_rows.year if from_rows else None) or facts.year
    if year is None:
        raise ParseError(f"the date {written.month}.{written.day} has no year, and no other "
                         "date in the document has one; pass the date (--date YYYY-MM-DD)",
                         facts.date_line, code="parse-no-year",
                         facts={"month": written.month, "day": written.day})
    try:
        day = _dt.date(year, written.month, written.day)
    except ValueError:
        raise ParseError(f"{year}-{written.month:02d}-{written.day:02d} is not a date",
                         facts.date_line, code="parse-bad-date",
                         facts={"date": f"{year}-{written.month:02d}-{written.day:02d}"}
                         ) from None
    if given is not None and given != day:
        problems.append(_problem("date-mismatch", {
            "date": day.isoformat(), "given": given.isoformat()}, line=facts.date_line))
        day = given
    if written.weekday is not None:
        number = parse_weekday(written.weekday)
        if number is not None and number != day.isoweekday():
            problems.append(_problem("weekday-mismatch", {
                "weekday": written.weekday, "date": day.isoformat(),
                "expected": day.isoweekday()}, line=facts.date_line))
    return day


def _row_date(rows: Sequence[Row]) -> _dt.date | None:
    for row in rows:
        if row.start.date is not None:
            try:
                return _dt.date(*row.start.date)
            except ValueError:
                return None
    return None


def _zone(facts: Facts, given: str | None, hangul: bool, rows: Sequence[Row],
          problems: list[Problem]) -> str:
    if given is not None:
        try:
            known_zone(given)
        except ValueError:
            raise ParseError(f"unknown time zone {given!r} (use an IANA name such as "
                             "Asia/Seoul)", code="parse-unknown-zone",
                             facts={"timezone": given}) from None
        return given
    if facts.zone is not None:
        try:
            known_zone(facts.zone)
            return facts.zone
        except ValueError:
            pass
    offsets = [row.start.offset for row in rows if row.start.offset is not None]
    if offsets and offsets[0] % 3600 == 0:
        # ISO times with offsets (CSV): the first row's offset as a fixed zone, so the
        # instants stay right even where the offsets change (a clock change)
        hours = offsets[0] // 3600
        zone = "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"
        problems.append(_problem("assumed-timezone", {"timezone": zone},
                                 severity=Severity.WARNING))
        return zone
    zone = "Asia/Seoul" if hangul else "UTC"
    problems.append(_problem("assumed-timezone", {"timezone": zone},
                             severity=Severity.WARNING))
    return zone


OPEN_MINUTES = 30
"""How long a last row left open (``12:00~``) is read to last, unless told."""


def build(table: Table, *, date: _dt.date | None, tz: str | None, hangul: bool,
          open_end: int | None = None) -> ParseResult:
    """The meeting and the problems of the `table` a reader found; a last row left
    open lasts `open_end` minutes (`OPEN_MINUTES` when None)."""
    if not table.rows:
        raise ParseError("no agenda found: no line starts with a time range "
                         "such as 14:00~14:30", code="parse-no-agenda")
    problems: list[Problem] = []
    window = table.facts.window
    rows = afternoon(end_markers(_without_gap_rows(table.rows),
                                 None if window is None else window.end.minutes))
    for line, clock in seconds_given(rows):
        problems.append(_problem("seconds-dropped", {"time": clock}, line=line,
                                 severity=Severity.WARNING))
    day = _date(table, date, problems)
    zone = _zone(table.facts, tz, hangul, rows, problems)
    builder = _Builder(table, day, zone, OPEN_MINUTES if open_end is None else open_end)
    builder.hangul = hangul
    try:
        placed, meeting = builder.run(rows)
    except (ValueError, OverflowError) as exc:
        raise ParseError(f"the times cannot be placed on {day.isoformat()}: {exc}",
                         code="parse-unplaceable", facts={"date": day.isoformat(),
                                                          "error": str(exc)}) from None
    problems.extend(builder.problems)
    for item in _every(placed):
        if not item.row.title:
            problems.append(_problem("no-title", {}, number=item.number, path=item.path,
                                     severity=Severity.WARNING, line=item.row.line))
    if not any(p.severity is Severity.ERROR for p in problems):
        problems.extend(validate(meeting))
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    return ParseResult(meeting, tuple(problems), table.format)
