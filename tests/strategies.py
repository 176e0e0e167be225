"""Hypothesis strategies: random nested agendas in real zones, DST days included."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
import zoneinfo

import attrs
import pendulum
from hypothesis import assume
from hypothesis import strategies as st
from icalendar import vRecur

from agenda import ActualLog, Day, Item, Kind, Material, Meeting, Slot, layout, validate
from agenda._ical.content import Content, Head, Stamps
from agenda._model import ITEM_TEXTS, MEETING_TEXTS

# Zones with and without DST, odd offsets and a 30-minute DST shift (Lord Howe).
ZONES = (
    "Asia/Seoul", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "UTC",
    "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "Europe/London",
)
# Days on which some of those zones change their clocks.
DST_DAYS = (
    dt.date(2024, 3, 10), dt.date(2024, 11, 3), dt.date(2024, 3, 31), dt.date(2024, 10, 27),
    dt.date(2024, 4, 7), dt.date(2024, 10, 6), dt.date(2024, 9, 29),
)

_KOREAN = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
_LATIN = st.characters(min_codepoint=0x41, max_codepoint=0x7A,
                       blacklist_characters="[\\]^_`")
_EMOJI = st.sampled_from(["🎤", "📊", "☕", "🗳️", "👩‍💼", "🇰🇷"])
_PUNCT = st.sampled_from([" ", "·", "-", ",", "(", ")", "&", "<", ">", '"', "'", "|", "=", "+"])

titles = st.lists(
    st.one_of(_KOREAN, _LATIN, _EMOJI, _PUNCT), min_size=1, max_size=24
).map(lambda cs: "".join(cs).strip()).filter(bool)
"""Korean, English, mixed and emoji titles (never empty)."""

dates = st.one_of(
    st.sampled_from(DST_DAYS),
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
)
zones = st.sampled_from(ZONES)
start_times = st.builds(dt.time, st.integers(0, 21), st.sampled_from([0, 5, 15, 30, 45]))
kinds = st.sampled_from([k for k in Kind if k is not Kind.BREAK])


@st.composite
def item_trees(draw: st.DrawFn, depth: int = 0, counter: itertools.count[int] | None = None
               ) -> Item:
    """A valid item: a leaf with minutes, or a block of one of three shapes."""
    counter = counter if counter is not None else itertools.count(1)
    title = draw(titles)
    ident = f"i{next(counter)}" if draw(st.booleans()) else None
    presenter = draw(st.none() | titles)
    kind = draw(kinds)
    if depth >= 3 or draw(st.integers(0, 3)) > 0:
        return Item(title, minutes=draw(st.integers(1, 90)), id=ident, presenter=presenter,
                    kind=kind)
    shape = draw(st.sampled_from(["sum", "explicit", "split"]))
    if shape == "split":
        n = draw(st.integers(1, 5))
        each = draw(st.integers(1, 20))
        children = tuple(Item(f"{draw(titles)} {k}", id=f"i{next(counter)}") for k in range(n))
        return Item(title, minutes=n * each, items=children, id=ident, kind=kind)
    children = tuple(_unique(draw(st.lists(item_trees(depth + 1, counter), min_size=1,
                                           max_size=4)), counter))
    minutes = sum(_natural(c) for c in children) if shape == "explicit" else None
    return Item(title, minutes=minutes, items=children, id=ident, presenter=presenter, kind=kind)


def _natural(item: Item) -> int:
    if item.minutes is not None:
        return item.minutes
    return sum(_natural(c) for c in item.items)


def _unique(items: list[Item], counter: itertools.count[int]) -> list[Item]:
    """Give an id to siblings whose title repeats, so identities stay unique."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.key in seen:
            item = Item(item.title, minutes=item.minutes, items=item.items,
                        id=f"i{next(counter)}", presenter=item.presenter, kind=item.kind)
        seen.add(item.key)
        out.append(item)
    return out


def _end_of(date: dt.date, start: dt.time, zone: str, minutes: int) -> dt.time | None:
    """The wall-clock end after `minutes` of elapsed time, when it is a usable end
    (same day, after the start, not in a repeated or skipped hour)."""
    begin = pendulum.datetime(date.year, date.month, date.day, start.hour, start.minute,
                              tz=zone, fold=0)
    end = pendulum.from_timestamp(int(begin.timestamp()) + minutes * 60, tz=zone)
    if end.date() != begin.date():
        return None
    wall = dt.time(end.hour, end.minute)
    try:
        again = pendulum.datetime(end.year, end.month, end.day, end.hour, end.minute, tz=zone,
                                  raise_on_unknown_times=True)
    except ValueError:
        return None
    if int(again.timestamp()) != int(end.timestamp()) or wall <= start:
        return None
    return wall


def _resolvable(date: dt.date, start: dt.time, zone: str) -> bool:
    try:
        pendulum.datetime(date.year, date.month, date.day, start.hour, start.minute, tz=zone,
                          raise_on_unknown_times=True)
    except ValueError:
        return False
    return True


@st.composite
def meetings(draw: st.DrawFn, with_end: bool | None = None) -> Meeting:
    """A valid meeting: unique identities, a start that exists in its zone, and (when
    drawn) a declared end that the items fill exactly."""
    counter = itertools.count(1)
    zone = draw(zones)
    date = draw(dates)
    start = draw(start_times.filter(lambda t: _resolvable(date, t, zone)))
    items = tuple(_unique(draw(st.lists(item_trees(0, counter), min_size=1, max_size=6)),
                          counter))
    total = sum(_natural(i) for i in items)
    end = None
    if with_end is not False and (with_end or draw(st.booleans())):
        end = _end_of(date, start, zone, total)
    return Meeting(draw(titles), date, start, zone, items, end=end,
                   location=draw(st.none() | titles), category=draw(st.none() | titles),
                   id=draw(st.none() | st.just("m-1")))


@st.composite
def flexible_meetings(draw: st.DrawFn) -> Meeting:
    """A valid meeting whose declared end is filled by flexible items within bounds."""
    zone = draw(zones)
    date = draw(dates)
    start = draw(start_times.filter(lambda t: _resolvable(date, t, zone)))
    fixed = draw(st.lists(st.integers(1, 30), min_size=0, max_size=4))
    bounds = draw(st.lists(
        st.tuples(st.integers(1, 20), st.none() | st.integers(0, 40)), min_size=1, max_size=4))
    bounds = [(lo, None if extra is None else lo + extra) for lo, extra in bounds]
    low = sum(fixed) + sum(lo for lo, _ in bounds)
    high = (None if any(hi is None for _, hi in bounds)
            else sum(fixed) + sum(hi for _, hi in bounds if hi is not None))
    total = draw(st.integers(low, high if high is not None else low + 120))
    end = _end_of(date, start, zone, total)
    assume(end is not None)
    items: list[Item] = [Item(f"fixed {k}", minutes=m) for k, m in enumerate(fixed)]
    for k, (lo, hi) in enumerate(bounds):
        position = draw(st.integers(0, len(items)))
        items.insert(position, Item(f"flex {k}", min_minutes=lo, max_minutes=hi,
                                    kind=Kind.DISCUSSION))
    return Meeting("flexible", date, start, zone, tuple(items), end=end)


_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@st.composite
def repeat_rules(draw: st.DrawFn, date: dt.date) -> str:
    """An RRULE whose first occurrence is `date` itself, bounded by COUNT or UNTIL."""
    day = _RRULE_DAYS[date.weekday()]
    nth = (date.day - 1) // 7 + 1
    shapes = ["FREQ=DAILY;INTERVAL={k}", "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL={k};BYDAY=" + day,
              "FREQ=MONTHLY", "FREQ=YEARLY"]
    if nth <= 4:
        shapes.append(f"FREQ=MONTHLY;BYDAY={nth}{day}")
    rule = draw(st.sampled_from(shapes)).format(k=draw(st.integers(1, 3)))
    if draw(st.booleans()):
        return f"{rule};COUNT={draw(st.integers(1, 8))}"
    until = date + dt.timedelta(days=draw(st.integers(0, 400)))
    return f"{rule};UNTIL={until:%Y%m%d}"


@st.composite
def series_meetings(draw: st.DrawFn) -> Meeting:
    """A valid repeating meeting (see `meetings`) that ends on the day it starts."""
    meeting = draw(meetings())
    rule = draw(repeat_rules(meeting.date))
    repeating = Meeting(meeting.title, meeting.date, meeting.start, meeting.timezone,
                        meeting.items, end=meeting.end, location=meeting.location,
                        category=meeting.category, id=meeting.id, repeat=rule)
    timetable = layout(repeating)
    assume(timetable.end.date() == timetable.start.date())
    return repeating


# -- texts that printed tables must escape -----------------------------------------

formula_starts = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", " ", ""])
"""What a spreadsheet formula (or nothing special) may start with."""

free_texts = st.lists(st.one_of(
    _KOREAN, _LATIN, _EMOJI, _PUNCT,
    st.sampled_from(["\n", "\r\n", "\t", ",", ";", '"', "=", "@", "\\", "`", "*", "_", "#",
                     "&amp;", "<br>", "<script>", "~~", "[x](y)"]),
), max_size=20).map("".join)
"""Presenter and notes texts with line breaks, quotes, markup and formula characters."""


hostile_texts = st.lists(st.one_of(
    _KOREAN, _LATIN, _EMOJI, _PUNCT,
    st.sampled_from(["\x00", "\x07", "\x0b", "\x1b", "\x7f", "\x85", "\x9f", "\t", "\r\n",
                     "\u2028", "\ufffe", "&amp;", "<w:p>", "<hp:t>", "]]>", "&#0;", "\"'"]),
    st.integers(40, 250).map(lambda n: "W" * n),
    st.integers(20, 120).map(lambda n: "가" * n),
), min_size=1, max_size=8).map("".join)
"""Text a document must carry safely: control characters (NUL, BEL, ESC, DEL, C1), line
and paragraph separators, a non-character, XML markup and entities, emoji, and words
far longer than a table cell is wide."""


@st.composite
def risky_meetings(draw: st.DrawFn) -> Meeting:
    """A valid meeting (from `meetings()`) whose titles all start with one drawn prefix
    (a formula character, a tab, a carriage return, ...) and whose presenters, notes,
    category and place are `free_texts`. The shared prefix keeps identities unique."""
    meeting = draw(meetings())
    prefix = draw(formula_starts)

    def risky(item: Item) -> Item:
        return attrs.evolve(item, title=prefix + item.title,
                            presenter=draw(st.none() | free_texts),
                            notes=draw(st.none() | free_texts),
                            items=tuple(risky(child) for child in item.items))

    return attrs.evolve(meeting, title=prefix + meeting.title,
                        items=tuple(risky(item) for item in meeting.items),
                        category=draw(st.none() | st.builds(str.__add__, formula_starts,
                                                            free_texts)),
                        location=draw(st.none() | free_texts))


_SYLLABLES_NFD = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3).map(
    lambda ch: unicodedata.normalize("NFD", ch))
grapheme_titles = st.lists(st.one_of(
    _KOREAN, _SYLLABLES_NFD, st.sampled_from(["👩‍💼", "🇰🇷", "🗳️", "👨‍👩‍👧", "e\u0301"]),
    st.just(" ")), min_size=1, max_size=60).map(lambda gs: "".join(gs).strip()).filter(bool)
"""Long titles of many-code-point graphemes: Hangul syllables precomposed and as
conjoining jamo, emoji sequences, flags, a letter with a combining accent."""


# -- agendas in several languages ---------------------------------------------------

languages = st.sampled_from(["en", "ja", "zh-Hant", "en-GB"])
"""Language tags other than the meetings' own (ko)."""


@st.composite
def translated_meetings(draw: st.DrawFn) -> Meeting:
    """A valid meeting (from `meetings()`) with some of its texts translated into one
    to three other languages (never into its own): each text independently."""
    meeting = draw(meetings())
    langs = draw(st.lists(languages, min_size=1, max_size=3, unique=True))

    def translations(value: Item | Meeting, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for lang in langs:
            for field in fields:
                if getattr(value, field) is not None and draw(st.booleans()):
                    out.setdefault(lang, {})[field] = draw(titles)
        return out

    def translated(item: Item) -> Item:
        return attrs.evolve(item, items=tuple(translated(child) for child in item.items),
                            translations=translations(item, ITEM_TEXTS))

    return attrs.evolve(meeting, items=tuple(translated(item) for item in meeting.items),
                        translations=translations(meeting, MEETING_TEXTS))


# -- links: pages, join addresses and materials ---------------------------------------

_HOSTS = st.sampled_from(["example.org", "meet.example.com", "예시.kr", "zoom.us",
                          "[2001:db8::1]:8443", "user@host.example:8080"])
_PATHS = st.lists(st.sampled_from(["a", "j", "4711", "자료", "slides.pdf", "%20x", "?q=1&r=2",
                                   "#part", "(x)", "a|b", "~me", "*", "'", ","]),
                  max_size=4).map("/".join)
urls = st.builds(lambda scheme, host, path: f"{scheme}://{host}/{path}",
                 st.sampled_from(["https", "http", "HTTPS"]), _HOSTS, _PATHS)
"""Sound http and https links: IDNA hosts, ports, user information, IPv6, non-ASCII
paths and the punctuation that Markdown, HTML and iCalendar treat specially."""


@st.composite
def materials(draw: st.DrawFn, langs: tuple[str, ...] = ()) -> tuple[Material, ...]:
    """Zero to three materials, their titles translated into some of `langs`."""
    out = []
    for _ in range(draw(st.integers(0, 3))):
        given = {lang: {"title": draw(titles)} for lang in langs if draw(st.booleans())}
        out.append(Material(draw(titles), draw(urls), translations=given))
    return tuple(out)


@st.composite
def linked_meetings(draw: st.DrawFn) -> Meeting:
    """A valid meeting (from `meetings()`) whose meeting and items (blocks too) give
    pages, join links and materials at random, material titles sometimes translated."""
    meeting = draw(meetings())
    langs = tuple(draw(st.lists(languages, max_size=2, unique=True)))

    def linked(item: Item) -> Item:
        return attrs.evolve(item, url=draw(st.none() | urls), online=draw(st.none() | urls),
                            materials=draw(materials(langs)),
                            items=[linked(child) for child in item.items])

    return attrs.evolve(meeting, items=[linked(item) for item in meeting.items],
                        url=draw(st.none() | urls), online=draw(st.none() | urls),
                        materials=draw(materials(langs)))


# -- meetings over several days, with parallel tracks and rooms ----------------------

ROOMS = ("Hall", "A", "B", "C", "D", "E", "F", "G", "H")


@st.composite
def parallel_blocks(draw: st.DrawFn, counter: itertools.count[int]) -> Item:
    """A parallel block of 1 to 4 tracks in distinct rooms; its minutes, when given,
    are at least its longest track."""
    rooms = draw(st.lists(st.sampled_from(ROOMS[1:]), min_size=1, max_size=4, unique=True))
    tracks = []
    for room in rooms:
        talks = [Item(f"talk {next(counter)}", minutes=draw(st.integers(5, 60)),
                      presenter=draw(st.none() | st.sampled_from(["P1", "P2", "P3"])))
                 for _ in range(draw(st.integers(1, 3)))]
        tracks.append(Item(f"track {room}", room=room, items=talks))
    longest = max(sum(t.minutes or 0 for t in track.items) for track in tracks)
    minutes = draw(st.none() | st.integers(longest, longest + 30))
    block = Item(f"block {next(counter)}", minutes=minutes, parallel=True, items=tracks)
    # one presenter per moment: drop presenters that would be double-booked
    return _without_double_bookings(block)


def _without_double_bookings(block: Item) -> Item:
    busy: list[tuple[int, int, str]] = []
    tracks = []
    for track in block.items:
        cursor, talks = 0, []
        for talk in track.items:
            assert talk.minutes is not None
            span = (cursor, cursor + talk.minutes)
            person = talk.presenter
            if person is not None and any(p == person and s < span[1] and span[0] < e
                                          for s, e, p in busy):
                person = None
            if person is not None:
                busy.append((*span, person))
            talks.append(attrs.evolve(talk, presenter=person))
            cursor = span[1]
        tracks.append(attrs.evolve(track, items=talks))
    return attrs.evolve(block, items=tracks)


@st.composite
def day_items(draw: st.DrawFn, counter: itertools.count[int]) -> list[Item]:
    """A day's items: spanning items (some in the hall) and parallel blocks."""
    items = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            items.append(draw(parallel_blocks(counter)))
        else:
            items.append(Item(f"plenary {next(counter)}", minutes=draw(st.integers(5, 90)),
                              room=draw(st.none() | st.just("Hall"))))
    return items


@st.composite
def conference_meetings(draw: st.DrawFn) -> Meeting:
    """A valid meeting over 1 to 3 consecutive days in a zone without DST; days may
    start late in the evening and run past midnight."""
    counter = itertools.count(1)
    zone = draw(st.sampled_from(["Asia/Seoul", "UTC", "Asia/Kolkata"]))
    first = draw(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 1)))
    days = []
    for k in range(draw(st.integers(1, 3))):
        start = dt.time(draw(st.sampled_from([8, 9, 13, 18, 21, 22])), 0)
        days.append(Day(first + dt.timedelta(days=k), start, draw(day_items(counter))))
    meeting = Meeting(draw(titles), timezone=zone, days=days, id="conf-1")
    assume(not validate(meeting))  # rarely, a long late day runs into the next one
    return meeting


AUDIENCES = ("busan", "gangwon", "press")


@st.composite
def audience_meetings(draw: st.DrawFn) -> Meeting:
    """A meeting from `meetings()` whose items (blocks too) name audiences at random."""
    meeting = draw(meetings())
    names = st.lists(st.sampled_from(AUDIENCES), max_size=2, unique=True).map(tuple)

    def mark(item: Item) -> Item:
        return attrs.evolve(item, audience=draw(names), items=[mark(c) for c in item.items])

    return attrs.evolve(meeting, items=[mark(item) for item in meeting.items])


# -- agendas to print and read back -------------------------------------------------


@st.composite
def printable_meetings(draw: st.DrawFn) -> Meeting:
    """A valid meeting that a printed table can say unambiguously: top-level items and
    one level of parts (timed or an equal split), under 12 hours in all (a printed
    start names no day, so a longer agenda would be ambiguous), titles that do not
    start with a quote (which CSV keeps for its formula guard)."""
    counter = itertools.count(1)
    zone = draw(zones)
    date = draw(dates)
    start = draw(start_times.filter(lambda t: _resolvable(date, t, zone)))
    plain = titles.filter(lambda t: not t.startswith("'"))
    items: list[Item] = []
    for _ in range(draw(st.integers(1, 7))):
        title = draw(plain)
        presenter = draw(st.none() | plain)
        shape = draw(st.sampled_from(["leaf", "leaf", "split", "parts"]))
        if shape == "leaf":
            items.append(Item(title, minutes=draw(st.integers(1, 90)), presenter=presenter))
        elif shape == "split":
            n = draw(st.integers(2, 4))
            children = tuple(Item(f"{draw(plain)} {k}", id=f"i{next(counter)}")
                             for k in range(n))
            items.append(Item(title, minutes=n * draw(st.integers(1, 15)), items=children))
        else:
            children = tuple(Item(f"{draw(plain)} {k}", minutes=draw(st.integers(1, 30)),
                                  id=f"i{next(counter)}")
                             for k in range(draw(st.integers(1, 3))))
            items.append(Item(title, items=children, presenter=presenter))
    items = _unique(items, counter)
    total = sum(_natural(i) for i in items)
    assume(total <= 11 * 60)
    end = _end_of(date, start, zone, total) if draw(st.booleans()) else None
    return Meeting(draw(plain), date, start, zone, tuple(items), end=end,
                   location=draw(st.none() | plain), category=draw(st.none() | plain))


# A title that starts as a time's half of the day (``Pm``, ``a.m.``) reads as one after
# a range (``01:27~01:51 Pm``): a printed table cannot tell them apart.
_MERIDIEM_LEAD = re.compile(r"[AaPp]\.?\s?[Mm](?![A-Za-z])")
_nested_titles = titles.filter(lambda t: not t.startswith("'") and not _MERIDIEM_LEAD.match(t))


def _printable_tree(draw: st.DrawFn, depth: int, counter: itertools.count[int]) -> Item:
    """An item a printed table can say: a leaf, an equal split, or a block of parts,
    each part a tree of its own, at most three levels below the top."""
    plain = _nested_titles
    title = draw(plain)
    presenter = draw(st.none() | plain)
    shape = draw(st.sampled_from(["leaf", "leaf", "split", "parts"] if depth < 3 else
                                 ["leaf"]))
    if shape == "leaf":
        return Item(title, minutes=draw(st.integers(1, 60)), presenter=presenter)
    if shape == "split":
        n = draw(st.integers(2, 4))
        children = tuple(Item(f"{draw(plain)} {k}", id=f"i{next(counter)}") for k in range(n))
        return Item(title, minutes=n * draw(st.integers(1, 15)), items=children)
    children = tuple(_unique([_printable_tree(draw, depth + 1, counter)
                              for _ in range(draw(st.integers(1, 3)))], counter))
    return Item(title, items=children, presenter=presenter)


@st.composite
def nested_meetings(draw: st.DrawFn) -> Meeting:
    """A valid meeting held on one day whose items nest up to three levels deep (timed
    parts, equal splits), as `printable_meetings` otherwise: under 12 hours in all, a
    declared end sometimes, a category and a place sometimes."""
    counter = itertools.count(1)
    zone = draw(zones)
    date = draw(dates)
    start = draw(start_times.filter(lambda t: _resolvable(date, t, zone)))
    plain = _nested_titles
    items = _unique([_printable_tree(draw, 0, counter)
                     for _ in range(draw(st.integers(1, 5)))], counter)
    total = sum(_natural(i) for i in items)
    assume(total <= 11 * 60)
    end = _end_of(date, start, zone, total) if draw(st.booleans()) else None
    return Meeting(draw(plain), date, start, zone, tuple(items), end=end,
                   location=draw(st.none() | plain), category=draw(st.none() | plain))


# -- series around clock changes ----------------------------------------------------------

# Zones whose clocks change both ways (north and south), by half an hour (Lord Howe),
# and one that never changes (Seoul), each with the dates of its changes in 2024/25.
SERIES_ZONES = {
    "America/New_York": (dt.date(2024, 3, 10), dt.date(2024, 11, 3)),
    "Europe/Berlin": (dt.date(2024, 3, 31), dt.date(2024, 10, 27)),
    "Australia/Lord_Howe": (dt.date(2024, 4, 7), dt.date(2024, 10, 6)),
    "America/Sao_Paulo": (dt.date(2024, 3, 10), dt.date(2024, 11, 3)),
    "Asia/Seoul": (dt.date(2024, 3, 10), dt.date(2024, 11, 3)),
}


@st.composite
def dst_series(draw: st.DrawFn) -> Meeting:
    """A valid weekly, daily or monthly series whose dates and night-time starts fall
    near a clock change of its zone (before it, on it, or so that the change falls
    inside an occurrence), ending on the day it starts."""
    zone = draw(st.sampled_from(sorted(SERIES_ZONES)))
    change = draw(st.sampled_from(SERIES_ZONES[zone]))
    freq = draw(st.sampled_from(["WEEKLY", "DAILY", "MONTHLY"]))
    back = draw(st.integers(0, 2)) * (1 if freq == "DAILY" else 7)
    date = change - dt.timedelta(days=back)
    start = dt.time(draw(st.integers(0, 3)), draw(st.sampled_from([0, 15, 30, 45])))
    assume(_resolvable(date, start, zone))
    minutes = draw(st.lists(st.integers(5, 90), min_size=1, max_size=3))
    items = tuple(Item(f"item {k}", minutes=m, id=f"i{k}") for k, m in enumerate(minutes))
    if freq == "MONTHLY" and date.day > 28:
        freq = "WEEKLY"
    rule = f"FREQ={freq};COUNT={draw(st.integers(2, 4))}"
    meeting = Meeting(f"series {zone}", date, start, zone, items, repeat=rule, id="s-1")
    timetable = layout(meeting)
    assume(timetable.end.date() == timetable.start.date())
    return meeting


# -- agendas as published documents write them (the parse shapes) -------------------

_SHAPE_WORDS = ("안전", "점검", "보고", "공연", "환영", "축하", "지역", "협력", "Budget", "Review",
                "Planning", "Garden", "Harbour", "Youth", "Safety", "Music", "Report", "Update")
SHAPES = ("paste", "rowspan", "title-first", "minutes-column")
"""The shapes `shaped_agendas` writes: a web table pasted one cell per line, a
Markdown table whose rows are one cell short under a rowspan, lines with the title
before the range, and a table with a minutes column."""
_SEPARATORS = ("~", "∼", "〜", "～", "–", " - ", "-")
_NOTATIONS = ("{m}’", "{m}'", "({m}분)", "( {m}분)", "{m}분", "{m} min", "(’{m})")


@attrs.frozen
class ShapedAgenda:
    """A document in one of `SHAPES` and what it says: the date, the rows (start
    minutes after midnight, minutes, title)."""

    shape: str
    text: str
    date: dt.date
    rows: tuple[tuple[int, int, str], ...]


@st.composite
def shaped_agendas(draw: st.DrawFn, wrong: int = 0) -> ShapedAgenda:
    """A document in one of `SHAPES`; with `wrong`, the last row states that many
    minutes more than its range holds."""
    shape = draw(st.sampled_from(SHAPES))
    count = draw(st.integers(2, 7))
    start = draw(st.integers(6 * 60, 15 * 60))
    minutes = draw(st.lists(st.integers(1, 90), min_size=count, max_size=count))
    words = st.lists(st.sampled_from(_SHAPE_WORDS), min_size=1, max_size=3, unique=True)
    names = draw(st.lists(words.map(" ".join), min_size=count, max_size=count))
    day = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    separator = draw(st.sampled_from(_SEPARATORS))
    notation = draw(st.sampled_from(_NOTATIONS))
    rows: list[tuple[int, int, str]] = []
    at = start
    for length, name in zip(minutes, names, strict=True):
        rows.append((at, length, name))
        at += length

    def hm(value: int) -> str:
        return f"{value // 60:02d}:{value % 60:02d}"

    def span(row: tuple[int, int, str]) -> str:
        return f"{hm(row[0])}{separator}{hm(row[0] + row[1])}"

    def stated(row: tuple[int, int, str]) -> str:
        return notation.format(m=row[1] + (wrong if row is rows[-1] else 0))

    head = [f"일 시 : {day.year}. {day.month}. {day.day}.", ""]
    if shape == "paste":
        lines = [*head, "시 간", "|", "내 용", "|", "비 고", "|", "|"]
        for row in rows:
            lines += [span(row), "|", stated(row), "|", f"◦ {row[2]}", "|", "|"]
    elif shape == "rowspan":
        lines = [*head, "| 구분 | 프로그램 | 시간 | 분 |", "|---|---|---|---|"]
        for k, row in enumerate(rows):
            first = "| 본 행사 " if k == 0 else ""
            lines.append(f"{first}| {row[2]} | {span(row)} | {stated(row)} |")
    elif shape == "title-first":
        lines = [*head, *(f"{row[2]} {span(row)} {stated(row)}" for row in rows)]
    else:
        lines = [*head, "| 시간 | 소요 | 내용 |", "| --- | --- | --- |"]
        lines += [f"| {span(row)} | {stated(row)} | {row[2]} |" for row in rows]
    return ShapedAgenda(shape, "\n".join(lines) + "\n", day, tuple(rows))

@st.composite
def move_arguments(draw: st.DrawFn, meeting: Meeting) -> tuple[str, str, str]:
    """An item of `meeting`, where to move it and the item it goes before, after or
    into: never itself or one of its own items, and `into` only a block."""
    timetable = layout(meeting)
    numbers = [slot.number for slot in timetable]
    item = draw(st.sampled_from(numbers))
    others = [n for n in numbers if n != item and not n.startswith(f"{item}.")]
    assume(others)
    where = draw(st.sampled_from(["before", "after", "into"]))
    if where == "into":
        blocks = [n for n in others if timetable.by_number(n).is_block]
        assume(blocks)
        return item, where, draw(st.sampled_from(blocks))
    return item, where, draw(st.sampled_from(others))


# -- the day itself: actual times ---------------------------------------------------------


@attrs.frozen
class Happened:
    """One item of a drawn day: its planned slot, its actual start and end (UTC seconds;
    no end while it runs) and the pause before it."""

    slot: Slot
    start: int
    end: int | None
    pause: int


@st.composite
def actual_logs(draw: st.DrawFn, meeting: Meeting, leave_some: bool = False
                ) -> tuple[ActualLog, list[Happened]]:
    """A log of `meeting`'s day: its items in order from the first, each started after a
    pause (the first late or early) and ended after a random length, the last one
    maybe still running; with `leave_some`, at least one item is left to start."""
    leaves = [s for s in layout(meeting) if not s.is_block]
    assume(len(leaves) >= (2 if leave_some else 1))
    count = draw(st.integers(1, len(leaves) - (1 if leave_some else 0)))
    cursor = leaves[0].start_utc + draw(st.integers(-600, 1800))
    log = ActualLog(meeting)
    happened: list[Happened] = []
    for k, slot in enumerate(leaves[:count]):
        pause = draw(st.integers(0, 300)) if k else 0
        start = cursor + pause
        log = log.started(slot.number, dt.datetime.fromtimestamp(start, dt.UTC))
        if k == count - 1 and draw(st.booleans()):
            happened.append(Happened(slot, start, None, pause))
            break
        cursor = start + draw(st.integers(1, slot.minutes * 120 + 120))
        log = log.ended(slot.number, dt.datetime.fromtimestamp(cursor, dt.UTC))
        happened.append(Happened(slot, start, cursor, pause))
    return log, happened


# -- the feed's model, built without the library's builders --------------------------------

# Text that exercises escaping and folding: escapes at every position, 1- to 4-octet
# characters, line breaks of every kind, and icalendar's own `\N`.
hard_texts = st.lists(st.one_of(
    st.sampled_from(["\\", "^", ";", ",", ":", "\n", "\r\n", "\r", "\\N", '"', "a", " "]),
    st.sampled_from(["é", "가", "€", "👩‍💼", "𝄞", "\u0301"]),
    st.text(alphabet="xyz가", min_size=60, max_size=80),
), min_size=1, max_size=40).map("".join)

# Zones a feed may name, with zones icalendar takes for UTC (it would write them with Z).
FEED_ZONES = (*ZONES, "Etc/UTC", "Etc/GMT+5", "GMT", "Zulu")
_INSTANTS = st.integers(int(dt.datetime(1995, 1, 1, tzinfo=dt.UTC).timestamp()),
                        int(dt.datetime(2040, 1, 1, tzinfo=dt.UTC).timestamp()))
_RULES = ("FREQ=WEEKLY;COUNT=4", "FREQ=MONTHLY;BYDAY=2WE;COUNT=6", "FREQ=DAILY",
          "FREQ=WEEKLY;UNTIL=20250101T000000Z;INTERVAL=2;BYDAY=MO,WE", "FREQ=YEARLY;COUNT=3")


@st.composite
def written_times(draw: st.DrawFn) -> dt.datetime:
    """A date-time as the feed's model holds it: in UTC, or in a zone with a key."""
    utc = draw(_INSTANTS)
    zone = draw(st.sampled_from(FEED_ZONES))
    if zone == "UTC":
        return dt.datetime.fromtimestamp(utc, dt.UTC)
    return dt.datetime.fromtimestamp(utc, zoneinfo.ZoneInfo(zone))


utc_stamps = _INSTANTS.map(lambda t: dt.datetime.fromtimestamp(t, dt.UTC))


@st.composite
def feed_contents(draw: st.DrawFn) -> Content:
    """Any content of one event: a single event or occurrence, or a series' event."""
    texts = hard_texts | titles
    series = draw(st.booleans())
    return Content(
        uid=draw(texts), summary=draw(texts), path=tuple(draw(st.lists(texts, max_size=3))),
        description=draw(texts), start=draw(written_times()),
        end=None if series else draw(written_times()),
        duration=draw(st.integers(0, 4 * 86400)) if series else None,
        related_to=draw(st.none() | texts), location=draw(st.none() | texts),
        category=draw(st.none() | texts),
        recurrence_id=None if series else draw(st.none() | written_times()),
        rule=vRecur.from_ical(draw(st.sampled_from(_RULES))).to_ical().decode()
        if series and draw(st.booleans()) else None,
        rdates=tuple(draw(st.lists(written_times(), max_size=3))) if series else (),
        exdates=tuple(draw(st.lists(written_times(), max_size=3))) if series else (),
        url=draw(st.none() | _URIS), conference=draw(st.none() | _URIS),
        label=draw(texts | st.just("")),
        attachments=tuple(draw(st.lists(st.tuples(_PARAMETER_TEXTS, _URIS), max_size=3))))


# URIs as the feed writes them, and parameter values with every character icalendar
# escapes or quotes (RFC 6868's ^ and ", and , ; : ’).
_URIS = urls | st.text(st.characters(codec="utf-8", exclude_categories=["Cc"]), max_size=30)
_PARAMETER_TEXTS = st.text(st.sampled_from([*"ab 가^\"',;:\u2019\\/-", "\n"]), max_size=12)


def feed_stamps() -> st.SearchStrategy[Stamps]:
    maybe = st.none() | utc_stamps
    return st.builds(Stamps, maybe, maybe, maybe, st.none() | st.integers(0, 2**31 - 2))


@st.composite
def feed_heads(draw: st.DrawFn) -> Head:
    zone = draw(st.sampled_from(FEED_ZONES))
    zones = draw(st.lists(st.sampled_from(FEED_ZONES), max_size=3, unique=True))
    first = draw(st.integers(1990, 2030))
    return Head(name=draw(hard_texts | titles), zone=zone,
                meeting=draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,30}", fullmatch=True)),
                domain=draw(st.sampled_from(["agenda.invalid", "example.org"])),
                refresh=draw(st.integers(60, 3 * 86400)), wr_timezone=draw(st.booleans()),
                timezones=tuple((z, first, first + draw(st.integers(0, 3))) for z in sorted(zones)))
