"""Rows become a Meeting, and every inconsistency is found with its source line.

The rows are placed on the clock and checked (``_place``); the model keeps the times the
rows print: each row's minutes are its range, a row that starts after a gap gets a fixed
``at`` time with ``gap_ok``, the parts of a block that run side by side make it parallel,
and a room a row's notes name (``장소: Room A``) is its room. A document that heads each
day's rows with the day (as agenda prints a meeting held over days) becomes a meeting
with `days`, numbered on from one day to the next as agenda numbers them.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

import attrs

from .._layout import parse_weekday, validate
from .._model import Day, Item, Kind, Meeting, slugify
from .._problems import AgendaError, Problem, Severity
from .._time import zone as known_zone
from .._words.catalog import MESSAGES, render_message, words_of
from ._ids import with_ids
from ._place import DAY, Bounds, Placed, Placer, every, problem
from ._rows import DayRows, Facts, Row, Table
from ._scan import DateFact, Span
from ._times import afternoon, end_markers, seconds_given

__all__ = ["ParseError", "ParseResult", "build"]

_GAP_ROW = re.compile(r"빈 시간 \d{1,6}분|Gap, \d{1,6} min")
_DISORDER = frozenset({"row-overlap", "out-of-order", "backwards-range"})
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
        return words_of("heads", lang)["line"].format(line=self.line) + body


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


def _item(placed: Placed, previous: Placed | None, room: str | None = None) -> Item:
    """The item a placed row says; `previous` is the top-level row before it (a gap
    after it fixes the row's time), `room` the room it is in by its block's."""
    row = placed.row
    minutes = (placed.t1 - placed.t0) // 60
    if minutes <= 0:  # a range that runs backwards: keep what it states, else its size
        minutes = row.stated or max(1, abs(placed.start - placed.end))
    inside = row.room or room
    children: tuple[Item, ...] = ()
    if placed.parts:
        children = _unique([_item(part, None, inside) for part in placed.parts])
    elif row.order:
        children = _unique([Item(name, kind=_kind(name, Kind.PRESENTATION))
                            for name in row.order])
    at = None
    if previous is not None and placed.t0 > previous.t1:
        rest = placed.start % DAY
        at = _dt.time(rest // 60, rest % 60)
    title = row.title or f"item {placed.number}"
    return Item(title, minutes=minutes, presenter="; ".join(row.presenter) or None,
                notes="\n".join(row.topics()) or None, kind=_kind(title, Kind.TALK), at=at,
                gap_ok=at is not None, items=children, parallel=placed.parallel,
                room=row.room if row.room != room else None)


@attrs.frozen
class _Day:
    """One day as read: its date, its start, its items and the end it declares."""

    date: _dt.date
    start: _dt.time
    items: tuple[Item, ...]
    end: _dt.time | None


def _day(placer: Placer, placed: Sequence[Placed], bounds: Bounds | None,
         own_day: bool) -> _Day:
    """The items of a day's placed rows. The stated window (or the day's heading)
    becomes the declared end only when the items, as kept, fill it: no overlap or
    disorder at the top, and no end past midnight (in a meeting held over days, no
    end a day or more after the start)."""
    items: list[Item] = []
    previous: Placed | None = None
    for entry in placed:
        items.append(_item(entry, previous))
        previous = entry
    first = placed[0].start % DAY
    end = None
    disorder = any(p.code in _DISORDER and "." not in p.number for p in placer.problems)
    if (bounds is not None and placed[0].t0 == bounds.t0 and placed[-1].t1 == bounds.t1
            and not disorder and (bounds.end < DAY if not own_day else
                                  bounds.start < bounds.end < bounds.start + DAY)):
        end = _dt.time(bounds.end % DAY // 60, bounds.end % 60)
    return _Day(placer.day, _dt.time(first // 60, first % 60), _unique(items), end)


def _prepared(rows: Sequence[Row], window: Span | None, problems: list[Problem]) -> list[Row]:
    """The rows as meant: without rows that only mark a gap or the end, a 12-hour clock
    read past noon; the times given with seconds are reported."""
    out = afternoon(end_markers(_without_gap_rows(rows),
                                None if window is None else window.end.minutes))
    for line, clock in seconds_given(out):
        problems.append(problem("seconds-dropped", {"time": clock}, line=line,
                                severity=Severity.WARNING))
    return out


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
    day = _written_date(written, year, facts.date_line)
    if given is not None and given != day:
        problems.append(problem("date-mismatch", {
            "date": day.isoformat(), "given": given.isoformat()}, line=facts.date_line))
        day = given
    _check_weekday(written, day, facts.date_line, problems)
    return day


def _written_date(written: DateFact, year: int | None, line: int) -> _dt.date:
    """The date `written` names, in `year` when it gives none."""
    year = written.year or year
    if year is None:
        raise ParseError(f"the date {written.month}.{written.day} has no year, and no other "
                         "date in the document has one; pass the date (--date YYYY-MM-DD)",
                         line, code="parse-no-year",
                         facts={"month": written.month, "day": written.day})
    try:
        return _dt.date(year, written.month, written.day)
    except ValueError:
        raise ParseError(f"{year}-{written.month:02d}-{written.day:02d} is not a date",
                         line, code="parse-bad-date",
                         facts={"date": f"{year}-{written.month:02d}-{written.day:02d}"}
                         ) from None


def _check_weekday(written: DateFact, day: _dt.date, line: int,
                   problems: list[Problem]) -> None:
    if written.weekday is not None:
        number = parse_weekday(written.weekday)
        if number is not None and number != day.isoweekday():
            problems.append(problem("weekday-mismatch", {
                "weekday": written.weekday, "date": day.isoformat(),
                "expected": day.isoweekday()}, line=line))


def _day_date(section: DayRows, facts: Facts, given: _dt.date | None, first: bool,
              problems: list[Problem]) -> _dt.date:
    """The date a day's heading names (its year, when it gives none, from `given`, the
    header's date or another date in the document); `given` is checked against the
    first day's."""
    header = facts.date.year if facts.date is not None else None
    year = section.date.year or (given.year if given else None) or header or facts.year
    day = _written_date(section.date, year, section.line)
    if first and given is not None and given != day:
        problems.append(problem("date-mismatch", {
            "date": day.isoformat(), "given": given.isoformat()}, line=section.line))
    _check_weekday(section.date, day, section.line, problems)
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
        problems.append(problem("assumed-timezone", {"timezone": zone},
                                 severity=Severity.WARNING))
        return zone
    zone = "Asia/Seoul" if hangul else "UTC"
    problems.append(problem("assumed-timezone", {"timezone": zone},
                             severity=Severity.WARNING))
    return zone


OPEN_MINUTES = 30
"""How long a last row left open (``12:00~``) is read to last, unless told."""


def build(table: Table, *, date: _dt.date | None, tz: str | None, hangul: bool,
          open_end: int | None = None) -> ParseResult:
    """The meeting and the problems of the `table` a reader found; a last row left
    open lasts `open_end` minutes (`OPEN_MINUTES` when None). `table` is left as it is."""
    if not table.rows:
        raise ParseError("no agenda found: no line starts with a time range "
                         "such as 14:00~14:30", code="parse-no-agenda")
    problems: list[Problem] = []
    facts = table.facts
    open_minutes = OPEN_MINUTES if open_end is None else open_end
    sections: list[DayRows | None] = [*table.days] or [None]
    days: list[_Day] = []
    placed: list[Placed] = []
    zone = ""
    for k, section in enumerate(sections):
        window = facts.window if section is None else section.window
        rows = _prepared(table.rows if section is None else section.rows, window, problems)
        if section is None:
            day = _date(table, date, problems)
        else:
            day = _day_date(section, facts, date, k == 0, problems)
        if not zone:
            zone = _zone(facts, tz, hangul, rows, problems)
        placer = Placer(day, zone, open_minutes, window,
                        facts.window_line if section is None else section.line,
                        first=len(placed) + 1)
        try:
            level, bounds = placer.run(rows)
        except (ValueError, OverflowError) as exc:
            raise ParseError(f"the times cannot be placed on {day.isoformat()}: {exc}",
                             code="parse-unplaceable", facts={"date": day.isoformat(),
                                                              "error": str(exc)}) from None
        problems.extend(placer.problems)
        placed.extend(level)
        if level:
            days.append(_day(placer, level, bounds, section is not None))
    meeting = _meeting(facts, days, zone, hangul, held_over_days=bool(table.days))
    for item in every(placed):
        if not item.row.title:
            problems.append(problem("no-title", {}, number=item.number, path=item.path,
                                    severity=Severity.WARNING, line=item.row.line))
    problems.extend(problem("unread-row", {}, line=line, severity=Severity.WARNING)
                    for line in table.unread)
    if not any(p.severity is Severity.ERROR for p in problems):
        problems.extend(validate(meeting))
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    return ParseResult(meeting, tuple(problems), table.format)


def _meeting(facts: Facts, days: Sequence[_Day], zone: str, hangul: bool,
             held_over_days: bool) -> Meeting:
    """The meeting of the days read: one day's items and end as the meeting's own, or
    (a document headed by its days) every day as one of its `days`; ids a person would
    keep, unique across the meeting."""
    items = with_ids(item for day in days for item in day.items)
    title = facts.title or "agenda"
    language = "ko" if hangul else "en"
    if held_over_days:
        out: list[Day] = []
        for day in days:
            count = len(day.items)
            out.append(Day(day.date, day.start, items[:count], end=day.end))
            items = items[count:]
        return Meeting(title, days=out, timezone=zone, location=facts.place,
                       category=facts.category, language=language)
    (day,) = days
    weekday = None
    if facts.date is not None and facts.date.weekday is not None:
        given = parse_weekday(facts.date.weekday)
        if given == day.date.isoweekday():
            weekday = facts.date.weekday
    return Meeting(title, day.date, day.start, zone, items, end=day.end,
                   location=facts.place, category=facts.category, weekday=weekday,
                   language=language)
