"""The occurrences of a meeting: one for a single meeting, every one of a series.

The series rule, decided once and shared by the tables, the listings and the feed:

* the dates are the ``repeat`` rule's (RRULE), less ``skip`` and, with
  ``skip_holidays``, the public holidays of that country (EXDATE), plus ``extra``
  (RDATE, which also brings back a holiday); a meeting is held at most once a date;
* an occurrence starts at the meeting's wall-clock start on its date, read as RFC 5545
  reads it: a start the clocks skip is taken with the offset before the change (02:30
  on the night New York springs forward is 03:30 EDT), a start they repeat is the
  first of the two;
* every item lasts as long as on the first date, in elapsed time (an item of 120
  minutes lasts 120 minutes on every occurrence, as RFC 5545 applies an exact
  duration to each member of a recurrence set): an occurrence's timetable is the first
  one moved by whole seconds;
* an occurrence in ``overrides`` starts at its own `start` and, with its own ``items``
  or ``end``, is laid out (and checked) as a meeting of its own.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import heapq
import itertools
import zoneinfo
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs
import pendulum

from .._holidays import PublicHolidays, holidays_problem
from .._model import Meeting, Override
from .._problems import AgendaError, InvalidAgenda, Problem, Severity
from .._time import clock_change, is_skipped
from .._words.catalog import Fact
from ._repeat import RuleDates, first_wall, parse_repeat, rule_dates

if TYPE_CHECKING:
    from .._timetable import Timetable

__all__ = ["NotAnOccurrence", "Occurrence", "Series", "Skipped",
           "series_problems", "timetable_occurrences"]

Occurrence = tuple[pendulum.DateTime, pendulum.DateTime]
_SAMPLE = 1000
_HOLIDAY_RUN = 400
"""The most rule dates in a row that holidays may take (a year of a daily rule)."""
_LAST_UTC = int(_dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=_dt.UTC).timestamp())
MAX_OCCURRENCE_NUMBER = 100_000
"""The highest occurrence number ``table --occurrence`` looks up."""


class NotAnOccurrence(AgendaError, ValueError):
    """A date on which a (repeating) meeting is not held; the message names the
    nearest occurrences before and after it."""

    def __init__(self, meeting: Meeting, day: _dt.date, before: _dt.date | None,
                 after: _dt.date | None, reason: str = "") -> None:
        self.day = day
        self.before = before
        self.after = after
        rule = f" ({meeting.repeat})" if meeting.repeat else ""
        near = [f"{d.isoformat()}" for d in (before, after) if d is not None]
        hint = f"; the nearest: {' and '.join(near)}" if near else ""
        super().__init__(f'{day.isoformat()} is not an occurrence of "{meeting.title}"'
                         f"{rule}{reason}{hint}")


def _plain(day: _dt.date) -> _dt.date:
    return _dt.date(day.year, day.month, day.day)


@attrs.frozen
class Skipped:
    """A date of the rule the meeting is not held on: in ``skip``, or a public holiday
    (`holiday` is then its name in the language asked for)."""

    date: _dt.date
    holiday: str | None = None


class Series:
    """The occurrences of a laid-out meeting (see the module's rule).

    Built from the first date's `timetable`; every lookup is quick on any rule
    (nothing walks the series from its start except listings, which are lazy).
    """

    def __init__(self, timetable: Timetable,
                 lay: Callable[[Meeting], Timetable] | None = None) -> None:
        meeting = timetable.meeting
        if lay is None:  # the layout that made the timetable
            lay = timetable._lay
        if lay is None:
            raise ValueError("a Series is built from a timetable made by agenda.layout")
        self._lay = lay  # lays out an occurrence that has items of its own
        self.meeting = meeting
        self.first = timetable
        self.zone = zoneinfo.ZoneInfo(timetable.zone)
        self.seconds = timetable.end_utc - timetable.start_utc
        self.wall = first_wall(meeting)
        self.rule: RuleDates | None = None
        if meeting.repeat is not None:
            text = parse_repeat(meeting.repeat, meeting).text
            self.rule = rule_dates(text, self.wall, timetable.zone)
        self.skip = frozenset(_plain(d) for d in meeting.skip)
        self.extra = sorted({_plain(d) for d in meeting.extra})
        self._extra = frozenset(self.extra)
        self.holidays = (PublicHolidays(meeting.skip_holidays)
                         if meeting.skip_holidays is not None else None)
        self.overrides: dict[_dt.date, Override] = {}
        for override in meeting.overrides:
            self.overrides.setdefault(_plain(override.date), override)
        self._laid: dict[_dt.date, Timetable] = {}

    @property
    def bounded(self) -> bool:
        return self.rule is None or self.rule.count is not None or self.rule.until is not None

    # -- dates -----------------------------------------------------------------------------
    def _midnight(self, day: _dt.date) -> _dt.datetime:
        return _dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - wall clock

    def _rule_dates(self) -> Iterator[_dt.date]:
        if self.rule is None:
            yield _plain(self.meeting.date)
            return
        for wall in self.rule:
            yield wall.date()

    def holiday(self, day: _dt.date) -> bool:
        """Whether `day` is a public holiday the series skips (not one `extra` brings
        back)."""
        return (self.holidays is not None and day in self.holidays
                and day not in self._extra)

    def _skipped(self, day: _dt.date) -> bool:
        return day in self.skip or self.holiday(day)

    def dates(self) -> Iterator[_dt.date]:
        """Every date the meeting is held on, in order (lazy; endless without an end)."""
        last = None
        for day in heapq.merge(self._rule_dates(), self.extra):
            if day != last and not self._skipped(day):
                yield day
            last = day

    def listing(self, lang: str | None = None) -> Iterator[_dt.date | Skipped]:
        """Every date of the rule and ``extra`` in order: a date held as itself, a date
        not held as :class:`Skipped` (a holiday named in `lang`, default the meeting's
        language). Lazy; endless without an end."""
        last = None
        for day in heapq.merge(self._rule_dates(), self.extra):
            if day == last:
                continue
            last = day
            if day in self.skip:
                yield Skipped(day)
            elif self.holiday(day):
                assert self.holidays is not None
                yield Skipped(day, self.holidays.name(day, lang or self.meeting.language))
            else:
                yield day

    def added(self) -> list[_dt.date]:
        """The ``extra`` dates the rule does not give (the feed's RDATEs); an extra date
        that brings a holiday back is the rule's own, merely not excluded."""
        return [day for day in self.extra if day not in self.skip and not self._by_rule(day)]

    def excluded(self, until: _dt.date) -> list[_dt.date]:
        """The rule's dates up to `until` that the meeting is not held on (``skip``, and
        the holidays it skips), in order: the feed's EXDATEs."""
        out = set(self.skip)
        if self.holidays is not None:
            for day in self._rule_dates():
                if day > until:
                    break
                if self.holiday(day):
                    out.add(day)
        return sorted(out)

    def _by_rule(self, day: _dt.date) -> bool:
        if self.rule is None:
            return day == self.meeting.date
        found = self.rule.after(self._midnight(day), inc=True)
        return found is not None and found.date() == day

    def held(self, day: _dt.date) -> bool:
        """Whether the meeting is held on `day`."""
        day = _plain(day)
        if day in self.skip:
            return False
        if day in self._extra:
            return True
        return not self.holiday(day) and self._by_rule(day)

    def _rule_near(self, day: _dt.date, later: bool) -> _dt.date | None:
        """The nearest rule date (not skipped) before or after `day`."""
        if self.rule is None:
            base = _plain(self.meeting.date)
            ok = not self._skipped(base) and (base > day if later else base < day)
            return base if ok else None
        moment = self._midnight(day) + _dt.timedelta(days=1) if later else self._midnight(day)
        tries = len(self.skip) + 1 + (_HOLIDAY_RUN if self.holidays is not None else 0)
        for _ in range(tries):
            found = (self.rule.after(moment, inc=True) if later
                     else self.rule.before(moment))
            if found is None:
                return None
            if not self._skipped(found.date()):
                return found.date()
            moment = (self._midnight(found.date()) + _dt.timedelta(days=1) if later
                      else self._midnight(found.date()))
        return None

    def nearest(self, day: _dt.date) -> tuple[_dt.date | None, _dt.date | None]:
        """The dates held nearest before and after `day` (None where there is none)."""
        day = _plain(day)
        k = bisect.bisect_left(self.extra, day)
        extra_before = next((d for d in reversed(self.extra[:k]) if d not in self.skip), None)
        extra_after = next((d for d in self.extra[k:] if d > day and d not in self.skip),
                           None)
        before = [d for d in (self._rule_near(day, False), extra_before) if d is not None]
        after = [d for d in (self._rule_near(day, True), extra_after) if d is not None]
        return (max(before) if before else None, min(after) if after else None)

    def nth(self, number: int) -> _dt.date | None:
        """The date of occurrence `number` (1 is the first), None past the last."""
        if not 1 <= number <= MAX_OCCURRENCE_NUMBER:
            raise ValueError(f"an occurrence number is 1 to {MAX_OCCURRENCE_NUMBER}")
        return next(itertools.islice(self.dates(), number - 1, None), None)

    def require(self, day: _dt.date) -> _dt.date:
        """`day` as a date, or :class:`NotAnOccurrence`."""
        day = _plain(day)
        if self.held(day):
            return day
        before, after = self.nearest(day)
        reason = " (it is skipped)" if day in self.skip else ""
        if self.holidays is not None and self.holiday(day) and self._by_rule(day):
            name = self.holidays.name(day, "en")
            reason = f" (it is a public holiday: {name})"
        raise NotAnOccurrence(self.meeting, day, before, after, reason)

    # -- times -----------------------------------------------------------------------------
    def _instant(self, day: _dt.date, time: _dt.time) -> int:
        """UTC seconds of a wall-clock time on `day`, read as RFC 5545 reads it."""
        wall = _dt.datetime(day.year, day.month, day.day, time.hour, time.minute, time.second,
                            tzinfo=self.zone)
        return int(wall.timestamp())

    def start_utc(self, day: _dt.date) -> int:
        """Where the occurrence of `day` (a date held) starts, as UTC seconds."""
        override = self.overrides.get(_plain(day))
        time = override.start if override is not None and override.start else self.meeting.start
        return self._instant(day, time)

    def _own_layout(self, day: _dt.date) -> bool:
        override = self.overrides.get(_plain(day))
        return override is not None and (override.items is not None or override.end is not None)

    def meeting_on(self, day: _dt.date) -> Meeting:
        """The meeting as held on `day` (a date held), a single meeting: see
        :func:`occurrence_on`."""
        day = _plain(day)
        meeting = self.meeting
        single = attrs.evolve(meeting, date=day, weekday=None, repeat=None, skip=(), extra=(),
                              overrides=())
        override = self.overrides.get(day)
        if override is not None and self._own_layout(day):
            return attrs.evolve(
                single, start=override.start or meeting.start,
                end=override.end if override.end is not None else meeting.end,
                items=override.items if override.items is not None else meeting.items)
        start = self.start_utc(day)
        local = _dt.datetime.fromtimestamp(start, self.zone)
        end: _dt.time | None = meeting.end
        if end is not None:
            # The declared end as a wall-clock time when one names the end instant;
            # else the items' own durations carry the length.
            finish = _dt.datetime.fromtimestamp(start + self.seconds, self.zone)
            named = (finish.date() == local.date()
                     and self._instant(finish.date(), finish.time()) == start + self.seconds)
            end = finish.time() if named else None
        return attrs.evolve(single, date=local.date(), start=local.time(), end=end)

    def timetable(self, day: _dt.date) -> Timetable:
        """The timetable of the occurrence held on `day` (:class:`NotAnOccurrence` for a
        date it is not held on; :class:`InvalidAgenda` for an override that is not
        sound)."""
        day = self.require(day)
        if day in self._laid:
            return self._laid[day]
        if self._own_layout(day):
            result = self._lay(self.meeting_on(day))
        else:
            result = self.first.moved(self.meeting_on(day),
                                      self.start_utc(day) - self.first.start_utc)
        self._laid[day] = result
        return result

    def span(self, day: _dt.date) -> tuple[int, int]:
        """(start, end) of the occurrence of `day` as UTC seconds."""
        if self._own_layout(day):
            table = self.timetable(day)
            return table.start_utc, table.end_utc
        start = self.start_utc(day)
        return start, start + self.seconds

    def occurrence(self, day: _dt.date) -> Occurrence:
        """(start, end) of the occurrence of `day` (a date held), in the zone."""
        return _pair(self.span(day), self.first.zone)

    def spans(self) -> Iterator[tuple[_dt.date, int, int]]:
        """(date, start, end) of every occurrence, lazily."""
        for day in self.dates():
            start, end = self.span(day)
            yield day, start, end


# -- checks --------------------------------------------------------------------------------
def _clock(utc: int, zone: zoneinfo.ZoneInfo) -> str:
    return f"{_dt.datetime.fromtimestamp(utc, zone):%Y-%m-%d %H:%M}"


def series_problems(timetable: Timetable, lay: Callable[[Meeting], Timetable]
                    ) -> tuple[list[Problem], Series | None]:
    """Problems of a laid-out meeting's series: dates that overlap, repeat within a
    day, start at another time or run past the calendar (``bad-repeat``,
    ``out-of-range``), and ``skip``, ``extra`` and ``overrides`` that do not fit
    (``bad-repeat``, ``bad-override``, and an override's own problems); and the series,
    built once here for the timetable to carry (None where there is none to build)."""
    meeting = timetable.meeting
    title = meeting.title
    if not meeting.repeats:
        given = [key for key in ("skip", "skip_holidays", "overrides") if getattr(meeting, key)]
        return [Problem("bad-repeat", facts={
            "rule": "", "key": key,
            "reason": "{key} applies to a repeating meeting; give it a repeat rule or extra "
                      "dates"}, title=title) for key in given], None
    if meeting.skip_holidays is not None:
        unknown = holidays_problem(meeting.skip_holidays)
        if unknown is not None:
            reason, facts = unknown
            return [Problem("unknown-holidays", facts={
                "code": meeting.skip_holidays, "reason": reason, **facts}, title=title)], None
    series = Series(timetable, lay)
    problems: list[Problem] = []

    rule = meeting.repeat or ""

    def bad(reason: str, **facts: Fact) -> None:
        problems.append(Problem("bad-repeat", facts={"rule": rule, "reason": reason, **facts},
                                title=title))
    start_time = meeting.start
    try:
        walls = (list(itertools.islice(series.rule, _SAMPLE)) if series.rule is not None
                 else [series.wall])
        extra = [_dt.datetime.combine(d, start_time) for d in series.extra]
        begins = sorted({*walls, *extra})
        for one, two in itertools.pairwise(begins):
            first = series._instant(one.date(), one.time())
            second = series._instant(two.date(), two.time())
            if second < first + series.seconds:
                bad("the occurrences overlap: the one of {first} lasts {minutes:min}, the "
                    "next starts {second}", first=_clock(first, series.zone),
                    minutes=series.seconds // 60, second=_clock(second, series.zone))
                break
        for one, two in itertools.pairwise(walls):
            if one.date() == two.date() and not problems:
                bad("it gives two occurrences on {date}, at {first} and {second}; a meeting "
                    "is held once a day at most", date=f"{one:%Y-%m-%d}",
                    first=f"{one:%H:%M}", second=f"{two:%H:%M}")
                break
        odd = next((w for w in walls if w.time() != start_time), None)
        if odd is not None and not problems:
            bad("its occurrence of {date} starts at {time}, not at the meeting's start "
                "{start}; every occurrence starts then", date=f"{odd:%Y-%m-%d}",
                time=f"{odd:%H:%M}", start=f"{start_time:%H:%M}")
        if problems:
            return problems, series
        problems += _range_problems(series)
        problems += _date_problems(series)
    except (OverflowError, ValueError) as exc:
        problems.append(Problem("out-of-range", facts={
            "what": "the series ({detail})", "detail": str(exc)}, title=title))
    return problems, series


def _range_problems(series: Series) -> list[Problem]:
    """The series must end inside the calendar (its last occurrence by 9999-12-31)."""
    title = series.meeting.title
    out = []
    if series.rule is not None and series.rule.count is not None:
        listed = series.rule.listed()
        if len(listed) < series.rule.count:
            out.append(Problem("out-of-range", facts={
                "what": "the series of {count} occurrences (only {found} fall before the end "
                        "of year 9999)", "count": series.rule.count, "found": len(listed)},
                title=title))
            return out
    last: _dt.date | None = None
    if series.rule is not None and series.bounded:
        wall = series.rule.last()
        last = wall.date() if wall is not None else None
    if series.extra:
        last = max(last or series.extra[-1], series.extra[-1])
    if last is not None:
        try:
            end = series._instant(last, series.meeting.start) + series.seconds
            _dt.datetime.fromtimestamp(end, series.zone)
        except (OverflowError, ValueError):
            end = _LAST_UTC + 1
        if end > _LAST_UTC:
            out.append(Problem("out-of-range", facts={
                "what": "its occurrence of {date}", "date": last.isoformat()}, title=title))
    return out


def _date_problems(series: Series) -> list[Problem]:
    meeting = series.meeting
    title = meeting.title
    out: list[Problem] = []
    first = _plain(meeting.date)
    for day in sorted(series.skip):
        if day in series.extra:
            out.append(_bad_date("{date} is both in skip and in extra", day, title))
        elif not series._by_rule(day):
            before, after = series.nearest(day)
            near = " and ".join(d.isoformat() for d in (before, after) if d is not None)
            out.append(_bad_date("skip {date} is not a date of the series; the nearest: "
                                 "{nearest}" if near else
                                 "skip {date} is not a date of the series", day, title,
                                 nearest=near))
    for day in series.extra:
        if day <= first:
            out.append(_bad_date("extra {date} is not after the meeting's first date {first}",
                                 day, title, first=first.isoformat()))
        elif (day not in series.skip and series._by_rule(day)
              and not (series.holidays is not None and day in series.holidays)):
            out.append(_bad_date("extra {date} is already a date of the series", day, title))
    seen: set[_dt.date] = set()
    for override in meeting.overrides:
        day = _plain(override.date)
        if day in seen:
            out.append(Problem("bad-override", facts={
                "date": day.isoformat(), "reason": "it is given twice"}, title=title))
            continue
        seen.add(day)
        if not series.held(day):
            before, after = series.nearest(day)
            near = " and ".join(d.isoformat() for d in (before, after) if d is not None)
            out.append(Problem("bad-override", facts={
                "date": day.isoformat(), "nearest": near,
                "reason": ("it is not a date the meeting is held on; the nearest: {nearest}"
                           if near else "it is not a date the meeting is held on")},
                title=title))
            continue
        out += _override_problems(series, day)
    return out


def _bad_date(reason: str, day: _dt.date, title: str, **facts: Fact) -> Problem:
    """A ``bad-repeat`` problem of a date in ``skip`` or ``extra``."""
    return Problem("bad-repeat", facts={"rule": "", "reason": reason,
                                        "date": day.isoformat(), **facts}, title=title)


def _override_problems(series: Series, day: _dt.date) -> list[Problem]:
    title = series.meeting.title
    override = series.overrides[day]
    if override.start is not None:
        wall = _dt.datetime(day.year, day.month, day.day, override.start.hour,
                            override.start.minute, override.start.second, tzinfo=series.zone)
        if is_skipped(wall):
            return [Problem("nonexistent-time", facts={
                "what": "start", "date": day.isoformat(), "time": f"{override.start:%H:%M}",
                "timezone": series.meeting.timezone,
                "change": clock_change(int(wall.timestamp()), series.meeting.timezone, True)},
                title=title)]
    try:
        series.timetable(day)
    except InvalidAgenda as exc:
        # the occurrence's own problems, numbered with the date they are on
        return [attrs.evolve(p, number=f"{day.isoformat()} {p.number}".strip())
                for p in exc.problems if p.severity is Severity.ERROR]
    return []


# -- the public face -----------------------------------------------------------------------
def _pair(utc: tuple[int, int], zone: str) -> Occurrence:
    return (pendulum.from_timestamp(utc[0], tz=zone), pendulum.from_timestamp(utc[1], tz=zone))


def iter_occurrences(timetable: Timetable) -> Iterator[Occurrence]:
    """(start, end) of each occurrence of a laid-out meeting, lazily, in its zone."""
    if not timetable.meeting.repeats:
        yield timetable.start, timetable.end
        return
    for _, start, end in timetable.series.spans():
        yield _pair((start, end), timetable.zone)


def timetable_occurrences(timetable: Timetable, limit: int | None = None) -> list[Occurrence]:
    """(start, end) of each occurrence of a laid-out meeting, in its zone (see the
    module's rule for how long each lasts)."""
    from ._repeat import UnboundedRepeat

    if limit is not None and limit < 1:
        return []
    meeting = timetable.meeting
    if limit is None and meeting.repeats and not timetable.series.bounded:
        raise UnboundedRepeat(meeting.repeat or "")
    found = iter_occurrences(timetable)
    return list(found if limit is None else itertools.islice(found, limit))
