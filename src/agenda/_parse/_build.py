"""Rows become a Meeting, and every inconsistency is found with its source line.

Times are resolved in the meeting's zone (a row's minutes are the elapsed time
between its start and end, so a range across a clock change is measured right);
the model keeps the times the rows print: each row's minutes are its range, and a
row that starts after a gap gets a fixed ``at`` time with ``gap_ok``.
"""

from __future__ import annotations

import datetime as _dt
import re
import zoneinfo
from collections.abc import Sequence

import attrs

from .._layout import parse_weekday, validate
from .._model import Item, Kind, Meeting, slugify
from .._problems import AgendaError, Problem, Severity
from .._time import passes
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
    date); `line` names the line at fault when there is one, `lang` the language the
    document is written in (``ko`` when it holds Hangul, else ``en``; see
    :func:`agenda.parse_bytes`), in which to say it."""

    def __init__(self, reason: str, line: int | None = None, *, code: str | None = None,
                 facts: dict[str, Fact] | None = None, lang: str = "en") -> None:
        self.reason = reason
        self.line = line
        self.code = code
        self.facts = dict(facts or {})
        self.lang = lang
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


@attrs.define
class _Placed:
    row: Row
    number: str
    path: tuple[str, ...]
    start: int  # wall-clock minutes from the meeting day's midnight
    end: int
    t0: int  # UTC seconds
    t1: int
    backwards: bool = False


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
        self.open_rows: set[int] = set()
        self.hangul = False
        self.day = day
        self.zone = zone
        self.zoneinfo = zoneinfo.ZoneInfo(zone)
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

    def instant(self, wall: int, offset: int | None, not_before: int | None,
                mark: str | None = None) -> int:
        local = _dt.datetime.combine(self.day, _dt.time()) + _dt.timedelta(minutes=wall)
        if offset is None and mark is not None and mark[0] in "+-":
            sign = -1 if mark[0] == "-" else 1
            offset = sign * (int(mark[1:3]) * 3600 + int(mark[4:6]) * 60)
        if offset is None and mark is not None:
            for fold in (0, 1):
                if local.replace(tzinfo=self.zoneinfo, fold=fold).tzname() == mark:
                    return int(local.replace(tzinfo=self.zoneinfo, fold=fold).timestamp())
        if offset is not None:
            return int((local - _dt.timedelta(seconds=offset)).replace(
                tzinfo=_dt.UTC).timestamp())
        first, second = passes(local, self.zoneinfo)
        if first < second and not_before is not None and first < not_before <= second:
            return second  # the repeated hour, second time round
        return first

    def place(self, rows: Sequence[Row], prefix: str, path: tuple[str, ...],
              parent_end: int | None) -> list[_Placed]:
        placed: list[_Placed] = []
        for k, row in enumerate(rows, start=1):
            number = f"{prefix}{k}"
            key = row.title or f"item {number}"
            start = self.wall(row.start, self.last_base)
            if row.start.date is None and start < self.last_start - _HALF_DAY:
                start += _DAY
            self.last_start = start
            self.last_base = _base(start, row.start)
            t0 = self.instant(start, row.start.offset, self.last_instant, row.start.clock.mark)
            end, backwards = self.end_of(row, rows, k, start, parent_end)
            t1 = self.instant(end, None if row.end is None else row.end.offset, t0,
                              None if row.end is None else row.end.clock.mark)
            item = _Placed(row, number, (*path, key), start, end, t0, max(t1, t0), backwards)
            self.last_instant = item.t1
            placed.append(item)
            self.children[id(row)] = self.place(row.children, f"{number}.", item.path, end)
        return placed

    def end_of(self, row: Row, siblings: Sequence[Row], k: int, start: int,
               parent_end: int | None) -> tuple[int, bool]:
        if row.end is None:
            if k < len(siblings):
                following = siblings[k]
                nxt = self.wall(following.start, _base(start, row.start))
                return (nxt + _DAY if nxt < start else nxt), False
            if parent_end is not None:
                return parent_end, False
            if row.stated is not None:
                return start + row.stated, False
            window = self.window_end()
            if window is not None and window > start and not row.open_end:
                return window, False
            self.open_rows.add(id(row))
            return start + self.open_minutes, False
        end = self.wall(row.end, _base(start, row.start))
        if row.end.date is None and end < start:
            if start - end > _HALF_DAY:
                return end + _DAY, False
            return end, True
        return end, False

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
            elif id(row) in self.open_rows:
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
                and id(previous.row) not in self.open_rows):
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

    def run(self) -> tuple[list[_Placed], Meeting]:
        self.children: dict[int, list[_Placed]] = {}
        placed = self.place(self.table.rows, "", (), None)
        bounds = self.window_bounds()
        self.check(placed, bounds)
        for item in self.every(placed):
            kids = self.children[id(item.row)]
            if kids:
                self.check(kids, _Bounds("block", {"block": item.number}, item.t0, item.t1,
                                         item.start, item.end))
        return placed, self.meeting(placed, bounds)

    def every(self, level: Sequence[_Placed]) -> list[_Placed]:
        out: list[_Placed] = []
        for item in level:
            out.append(item)
            out.extend(self.every(self.children.get(id(item.row), [])))
        return out

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
        kids = self.children.get(id(row), [])
        children: tuple[Item, ...] = ()
        if kids:
            children = _unique([self.item(kid, False, None) for kid in kids])
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

    def meeting(self, placed: list[_Placed], bounds: _Bounds | None) -> Meeting:
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


def _without_gap_rows(rows: list[Row]) -> list[Row]:
    """The rows without those that only say the time is left empty (``빈 시간 15분``,
    ``Gap, 15 min``, as the printed tables write it); the row after one may start late."""
    kept: list[Row] = []
    after_gap = False
    for row in rows:
        if not row.children and _GAP_ROW.fullmatch(row.title.strip()):
            after_gap = True
            continue
        row.gap_ok = row.gap_ok or after_gap
        after_gap = False
        kept.append(row)
    return kept or rows


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
    table.rows = end_markers(_without_gap_rows(table.rows),
                             None if window is None else window.end.minutes)
    afternoon(table.rows)
    for line, clock in seconds_given(table.rows):
        problems.append(_problem("seconds-dropped", {"time": clock}, line=line,
                                 severity=Severity.WARNING))
    day = _date(table, date, problems)
    zone = _zone(table.facts, tz, hangul, table.rows, problems)
    builder = _Builder(table, day, zone, OPEN_MINUTES if open_end is None else open_end)
    builder.hangul = hangul
    try:
        placed, meeting = builder.run()
    except (ValueError, OverflowError) as exc:
        raise ParseError(f"the times cannot be placed on {day.isoformat()}: {exc}",
                         code="parse-unplaceable", facts={"date": day.isoformat(),
                                                          "error": str(exc)}) from None
    problems.extend(builder.problems)
    for item in builder.every(placed):
        if not item.row.title:
            problems.append(_problem("no-title", {}, number=item.number, path=item.path,
                                     severity=Severity.WARNING, line=item.row.line))
    if not any(p.severity is Severity.ERROR for p in problems):
        problems.extend(validate(meeting))
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    return ParseResult(meeting, tuple(problems), table.format)
