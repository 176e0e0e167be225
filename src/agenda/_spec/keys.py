"""The spec's keys: for each table of a spec file, the keys it may hold, the type of
each value, whether it is required and what it means.

This is the one definition of the spec format's names. The loader takes from it the
keys it accepts (any other is refused by name) and the keys it requires; the JSON
Schema (:func:`agenda.spec_schema`) is generated from it; the reference tables in
docs/spec.md follow it. A new key is one more `Key` here and one read in the loader.
"""

from __future__ import annotations

import attrs

__all__ = ["TABLES", "VALUE_TYPES", "Key", "names", "one_day", "required"]

VALUE_TYPES = frozenset({
    "string",    # a string
    "text",      # a string in the meeting's language, or a table keyed by language tag
    "date",      # a TOML local date, or "YYYY-MM-DD" in JSON
    "time",      # a TOML local time, or "HH:MM[:SS]" in JSON
    "minutes",   # a whole number
    "boolean",   # true or false
    "kind",      # one of the item kinds (`agenda.Kind`)
    "language",  # a language a meeting is held in: ko or en
    "dates",     # an array of dates
    "strings",   # an array of strings
    "names",     # an array of names of ASCII letters, digits, - and _ (audiences)
    "url",       # an http or https address
    "country",   # an ISO 3166 country code, with an optional subdivision: KR, DE-BY
    "table",     # a table of the keys `of` names
    "tables",    # an array of tables of the keys `of` names
})


@attrs.frozen
class Key:
    """One key of a spec table: its `name`, its value `type` (one of `VALUE_TYPES`),
    the table its value is made of (`of`, for ``table`` and ``tables``), whether it is
    `required`, and what it means (`doc`, shown by editors from the JSON Schema).
    A `one_day` key belongs to a meeting of one day only: with ``[[days]]`` each day
    gives it instead (it is then refused, and a required one is not required).
    `min_items` is the fewest tables an array of tables holds when it is given."""

    name: str
    type: str = attrs.field(validator=attrs.validators.in_(VALUE_TYPES))
    doc: str
    required: bool = False
    of: str | None = None
    one_day: bool = False
    min_items: int = 0


TABLES: dict[str, tuple[Key, ...]] = {
    "spec": (
        Key("$schema", "string", "The address of this JSON Schema, for editors; agenda "
            "ignores it."),
        Key("meeting", "table", "The meeting: title, date, start, time zone.", True,
            of="meeting"),
        Key("items", "tables", "The items of a one-day meeting, in the order they are "
            "held.", of="item"),
        Key("days", "tables", "The days of a meeting held over several (instead of "
            "[[items]] and the date, start and end in [meeting]).", of="day", min_items=1),
        Key("overrides", "tables", "Occurrences of a repeating meeting held differently "
            "(RECURRENCE-ID): another start, end or items.", of="override"),
    ),
    "meeting": (
        Key("id", "string", "Stable identity of the meeting (the base of calendar UIDs); "
            "default: the date and a slug of the title."),
        Key("title", "text", "The meeting's title.", True),
        Key("date", "date", "The date of the meeting (of its first occurrence when it "
            "repeats).", True, one_day=True),
        Key("weekday", "string", "The weekday as the source wrote it (수, Wed); checked "
            "against the date.", one_day=True),
        Key("start", "time", "Wall-clock start in the meeting's time zone.", True,
            one_day=True),
        Key("end", "time", "Declared end: the items must fill the time up to it.",
            one_day=True),
        Key("timezone", "string", "IANA time zone, e.g. Asia/Seoul.", True),
        Key("location", "text", "The place, printed in the header."),
        Key("category", "text", "Printed in the category (구분) column."),
        Key("repeat", "string", "An RFC 5545 recurrence rule (FREQ=...) for a meeting "
            "that repeats."),
        Key("skip", "dates", "Dates the repeating meeting is not held on (EXDATE)."),
        Key("extra", "dates", "Further dates the meeting is held on (RDATE)."),
        Key("language", "language", "The language the meeting is held in and its texts "
            "are written in (default ko); a text table must hold it."),
        Key("skip_holidays", "country", "Not held on the public holidays of this country "
            "(ISO 3166 code, KR; with a subdivision, DE-BY); extra brings a date back."),
        Key("url", "url", "The meeting's page (http or https)."),
        Key("online", "url", "The address to join the meeting online (http or https); "
            "every item inherits it."),
        Key("materials", "tables", "Documents that go with the meeting: a title and a "
            "URL each.", of="material"),
    ),
    "item": (
        Key("id", "string", "Stable identity of the item, unique in the meeting."),
        Key("title", "text", "The item's title.", True),
        Key("minutes", "minutes", "The item's length in minutes; may be left out for "
            "an equal share, a block or a flexible item."),
        Key("presenter", "text", "Presenter or chair (the notes column)."),
        Key("notes", "text", "Notes (the notes column)."),
        Key("kind", "kind", "What the item is (default talk)."),
        Key("at", "time", "A fixed wall-clock start."),
        Key("min_minutes", "minutes", "Shortest length of a flexible item."),
        Key("max_minutes", "minutes", "Longest length of a flexible item."),
        Key("gap_ok", "boolean", "Allow a gap before this fixed-time item."),
        Key("items", "tables", "The children of a block, in order.", of="item"),
        Key("parallel", "boolean", "The block's children are tracks that run side by "
            "side."),
        Key("room", "text", "Where the item takes place; a block's children inherit "
            "it."),
        Key("audience", "names", "Who the item is for (feed names like busan, press); a "
            "block's children inherit it; without it, everyone."),
        Key("url", "url", "The item's page, e.g. the talk's (http or https)."),
        Key("online", "url", "The address to join the item online (http or https); a "
            "block's children inherit it; without it, the meeting's."),
        Key("materials", "tables", "Documents that go with the item (slides, a paper): a "
            "title and a URL each.", of="material"),
    ),
    "material": (
        Key("title", "text", "The document's title.", True),
        Key("url", "url", "Where the document is (http or https).", True),
    ),
    "override": (
        Key("date", "date", "The date of the occurrence held differently.", True),
        Key("start", "time", "Its own wall-clock start."),
        Key("end", "time", "Its own declared end."),
        Key("items", "tables", "Its own items, in order.", of="item"),
    ),
    "day": (
        Key("date", "date", "The day's date.", True),
        Key("start", "time", "The day's wall-clock start.", True),
        Key("end", "time", "The day's declared end (earlier than the start: after "
            "midnight)."),
        Key("items", "tables", "The day's items, in order.", of="item"),
    ),
}
"""Each table of the spec by name (``spec`` is the file itself) and its keys in the
order the spec writes them."""


def names(table: str) -> tuple[str, ...]:
    """The names of the keys of `table`, in order."""
    return tuple(key.name for key in TABLES[table])


def required(table: str) -> tuple[str, ...]:
    """The names of the keys `table` must hold."""
    return tuple(key.name for key in TABLES[table] if key.required)


def one_day(table: str) -> tuple[str, ...]:
    """The names of the keys of `table` that only a meeting of one day gives."""
    return tuple(key.name for key in TABLES[table] if key.one_day)
