"""The agenda model: what the user said, never computed times.

`Meeting` and `Item` are frozen, slotted attrs values. Field validators check the
type of one field; whole-agenda rules (sums, windows, fixed times) live in the
layout, which reports them as problems.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs
import pendulum

from ._words.catalog import LANGUAGES

__all__ = ["ITEM_TEXTS", "LANGUAGE_TAG", "MATERIAL_TEXTS", "MEETING_TEXTS", "Day",
           "Item", "Kind", "Material", "Meeting", "Override", "Translations"]

ITEM_TEXTS = ("title", "presenter", "notes", "room")
"""The fields of an item that a person reads, and so may be translated."""
MEETING_TEXTS = ("title", "location", "category")
"""The fields of a meeting that a person reads, and so may be translated."""
MATERIAL_TEXTS = ("title",)
"""The fields of a material that a person reads, and so may be translated."""
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
"""A language tag (BCP 47 shape) of a translation: ``en``, ``ja``, ``en-GB``, ``zh-Hant``."""


class Kind(enum.StrEnum):
    """What an item is; a gap before a fixed-time `BREAK` needs no `gap_ok`."""

    TALK = "talk"
    PRESENTATION = "presentation"
    DISCUSSION = "discussion"
    BREAK = "break"
    CEREMONY = "ceremony"
    PHOTO = "photo"
    BRIEFING = "briefing"
    OTHER = "other"


def _to_date(value: _dt.date | str, name: str = "date") -> pendulum.Date:
    """A date, from a `datetime.date` or an ISO string like ``"2024-03-13"``."""
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value)
        except ValueError:
            raise TypeError(f"{name} must be a date like 2024-03-13, got {value!r}") from None
    if isinstance(value, _dt.datetime):
        raise TypeError(f"{name} must be a date without a time, got {value!r}")
    if not isinstance(value, _dt.date):
        raise TypeError(f"{name} must be a datetime.date or 'YYYY-MM-DD', got {value!r}")
    if isinstance(value, pendulum.Date):
        return value
    return pendulum.Date(value.year, value.month, value.day)


def _to_time(value: _dt.time | str, name: str = "start") -> pendulum.Time:
    """A wall-clock time, from a `datetime.time` or an ISO string like ``"14:00"``."""
    if isinstance(value, str):
        try:
            value = _dt.time.fromisoformat(value)
        except ValueError:
            raise TypeError(f"{name} must be a local time like 14:00, got {value!r}") from None
    if not isinstance(value, _dt.time):
        raise TypeError(f"{name} must be a datetime.time or 'HH:MM', got {value!r}")
    if value.tzinfo is not None:
        raise TypeError(
            f"{name} is a wall-clock time and takes no zone ({value!r}); "
            "the meeting's timezone applies"
        )
    if isinstance(value, pendulum.Time):
        return value
    return pendulum.Time(value.hour, value.minute, value.second)


def _to_end(value: _dt.time | str | None) -> pendulum.Time | None:
    return None if value is None else _to_time(value, "end")


def _to_at(value: _dt.time | str | None) -> pendulum.Time | None:
    return None if value is None else _to_time(value, "at")


def _to_optional_time(value: _dt.time | str | None) -> pendulum.Time | None:
    return None if value is None else _to_time(value, "time")


def _to_kind(value: Kind | str) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        raise ValueError(f"kind must be one of {', '.join(k.value for k in Kind)}, "
                         f"got {value!r}") from None


def _to_items(value: Iterable[Item]) -> tuple[Item, ...]:
    return tuple(value)


def _to_dates(value: Iterable[_dt.date]) -> tuple[pendulum.Date, ...]:
    return tuple(_to_date(day) for day in value)


def _to_optional_items(value: Iterable[Item] | None) -> tuple[Item, ...] | None:
    return None if value is None else tuple(value)


def _to_overrides(value: Iterable[Override]) -> tuple[Override, ...]:
    out = tuple(value)
    for entry in out:
        if not isinstance(entry, Override):
            raise TypeError(f"overrides must hold Override values, got {entry!r}")
    return out


TranslationsLike = Mapping[str, Mapping[str, str]] | Iterable[tuple[str, str, str]]


def _translation_entries(value: TranslationsLike) -> tuple[tuple[str, str, str], ...]:
    """(language, field, text) triples, sorted, from a mapping language → field → text."""
    triples: list[tuple[str, str, str]] = []
    if isinstance(value, Mapping):
        for lang, texts in value.items():
            if not isinstance(texts, Mapping):
                raise TypeError(f"translations[{lang!r}] must map fields to texts, "
                                f"got {texts!r}")
            triples += [(lang, field, text) for field, text in texts.items()]
    else:
        triples = [tuple(entry) for entry in value]  # type: ignore[misc]
    for lang, field, text in triples:
        if not isinstance(lang, str) or not LANGUAGE_TAG.fullmatch(lang):
            raise ValueError(f"{lang!r} is not a language tag like ko, en or en-GB")
        if not isinstance(field, str) or not isinstance(text, str):
            raise TypeError(f"a translation is a field name and a text, got "
                            f"{field!r}: {text!r}")
    if len({(lang, field) for lang, field, _ in triples}) != len(triples):
        raise ValueError("a field has two translations into one language")
    return tuple(sorted(triples))


@attrs.frozen
class Translations:
    """Texts in languages other than the meeting's own: language → field → text.

    The fields themselves (``title``, ``presenter``...) hold the original text, in the
    meeting's `language`; identities (calendar UIDs) use the original only. Built
    from a mapping, ``Translations({"en": {"title": "Discussion"}})``; hashable,
    and equal whatever order the mapping was written in.
    """

    entries: tuple[tuple[str, str, str], ...] = attrs.field(
        default=(), converter=_translation_entries)

    def get(self, lang: str, field: str) -> str | None:
        """The text of `field` in `lang`, or None when none is given."""
        for entry_lang, entry_field, text in self.entries:
            if entry_lang == lang and entry_field == field:
                return text
        return None

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages that have at least one text, sorted."""
        return tuple(sorted({lang for lang, _, _ in self.entries}))

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields that have at least one translation, sorted."""
        return tuple(sorted({field for _, field, _ in self.entries}))

    def as_dict(self) -> dict[str, dict[str, str]]:
        """language → field → text."""
        out: dict[str, dict[str, str]] = {}
        for lang, field, text in self.entries:
            out.setdefault(lang, {})[field] = text
        return out

    def __bool__(self) -> bool:
        return bool(self.entries)


_NO_TRANSLATIONS = Translations()


def _to_translations(value: Translations | TranslationsLike) -> Translations:
    if isinstance(value, Translations):
        return value
    if isinstance(value, dict) and not value:  # most values have none
        return _NO_TRANSLATIONS
    return Translations(value)


def _translatable(fields: tuple[str, ...]
                  ) -> Callable[[object, attrs.Attribute[Translations], Translations], None]:
    """A validator: translations only of the given text fields. (A translation of a text
    the value does not have, e.g. after an edit removed its notes, is not shown.)"""

    def check(_inst: object, _attr: attrs.Attribute[Translations], value: Translations) -> None:
        for field in value.fields:
            if field not in fields:
                raise ValueError(f"{field!r} cannot be translated; the texts are "
                                 f"{', '.join(fields)}")

    return check


def _optional_int(_inst: object, attr: attrs.Attribute[int | None], value: object) -> None:
    """A whole number or None; ``True``/``False`` are refused, as the spec loader does."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"{attr.name} must be a whole number of minutes, got {value!r}")


def _language(_inst: object, attr: attrs.Attribute[str], value: object) -> None:
    if value not in LANGUAGES:
        raise ValueError(f"{attr.name} must be one of {', '.join(LANGUAGES)}, got {value!r}")


_optional_str = attrs.validators.optional(attrs.validators.instance_of(str))


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(f"expected a list of names, got the string {value!r}")
    return tuple(value)


_names = attrs.validators.deep_iterable(attrs.validators.instance_of(str))


@attrs.frozen
class Material:
    """A document that goes with the meeting or an item (slides, a paper, the minutes):
    its `title` (translatable like every text, in `translations`) and its `url`.

    The URL is kept as written; only ``http`` and ``https`` addresses are sound, which
    `agenda.validate` checks (a ``javascript:`` or ``data:`` URL is a problem, never a
    link in a published page)."""

    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    url: str = attrs.field(validator=attrs.validators.instance_of(str))
    translations: Translations = attrs.field(
        factory=Translations, converter=_to_translations,
        validator=_translatable(MATERIAL_TEXTS), kw_only=True
    )


def _to_materials(value: Iterable[Material]) -> tuple[Material, ...]:
    if isinstance(value, str | Material):
        raise TypeError(f"materials must be a list of Material values, got {value!r}")
    out = tuple(value)
    for entry in out:
        if not isinstance(entry, Material):
            raise TypeError(f"materials must hold Material values, got {entry!r}")
    return out


def _items_of_item(_inst: object, attr: attrs.Attribute[tuple[Item, ...]],
                   value: tuple[Item, ...]) -> None:
    for child in value:
        if not isinstance(child, Item):
            raise TypeError(f"{attr.name} must hold Item values, got {child!r}")


@attrs.frozen
class Item:
    """One agenda item; an item with `items` is a block of ordered children.

    `minutes` may be omitted when the parent block splits its time equally, when
    the item is a block (it then lasts the sum of its children), or when the item
    is flexible (`min_minutes` / `max_minutes`) and absorbs slack. `translations`
    give its title, presenter and notes in other languages than the meeting's.

    A `parallel` block's children are tracks that run side by side, each from the
    block's start, each with its items in sequence. `room` names where an item takes
    place; a block's children inherit it. `audience` names
    who the item is for (``("busan", "press")``); a block's children inherit it, and
    an item without one (nor a block above it with one) is for everyone.

    `url` is the item's own page (the talk's), `online` the address to join it
    online (a block's children inherit it, and every item the meeting's), and
    `materials` the documents that go with it (:class:`Material`).
    """

    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    minutes: int | None = attrs.field(default=None, validator=_optional_int, kw_only=True)
    presenter: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    notes: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    kind: Kind = attrs.field(default=Kind.TALK, converter=_to_kind, kw_only=True)
    at: pendulum.Time | None = attrs.field(default=None, converter=_to_at, kw_only=True)
    min_minutes: int | None = attrs.field(default=None, validator=_optional_int, kw_only=True)
    max_minutes: int | None = attrs.field(default=None, validator=_optional_int, kw_only=True)
    gap_ok: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool), kw_only=True
    )
    id: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    items: tuple[Item, ...] = attrs.field(
        default=(), converter=_to_items, validator=_items_of_item, kw_only=True
    )
    translations: Translations = attrs.field(
        factory=Translations, converter=_to_translations,
        validator=_translatable(ITEM_TEXTS), kw_only=True
    )
    parallel: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool), kw_only=True
    )
    room: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    audience: tuple[str, ...] = attrs.field(
        default=(), converter=_to_names, validator=_names, kw_only=True
    )
    url: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    online: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    materials: tuple[Material, ...] = attrs.field(default=(), converter=_to_materials,
                                                  kw_only=True)

    @property
    def key(self) -> str:
        """The item's identity among its siblings: its `id`, else its title."""
        return self.id if self.id is not None else self.title

    @property
    def is_flexible(self) -> bool:
        """True for a leaf without minutes that gives `min_minutes` or `max_minutes`."""
        return (
            self.minutes is None
            and not self.items
            and (self.min_minutes is not None or self.max_minutes is not None)
        )

    def walk(self) -> Iterator[Item]:
        """This item, then every descendant in agenda order (pre-order)."""
        stack = [self]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(reversed(item.items))


@attrs.frozen
class Override:
    """One occurrence of a repeating meeting held differently: on `date` (a date the
    series gives), at another `start`, with another declared `end`, or with its own
    `items`. What is not given is the series'. In a feed it is a ``RECURRENCE-ID``
    event."""

    date: pendulum.Date = attrs.field(converter=_to_date)
    start: pendulum.Time | None = attrs.field(
        default=None, converter=_to_optional_time, kw_only=True
    )
    end: pendulum.Time | None = attrs.field(
        default=None, converter=_to_optional_time, kw_only=True
    )
    items: tuple[Item, ...] | None = attrs.field(
        default=None, converter=_to_optional_items, kw_only=True
    )


def slugify(text: str) -> str:
    """ASCII slug of `text`; empty when nothing ASCII survives."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _to_days(value: Iterable[Day]) -> tuple[Day, ...]:
    return tuple(value)


def _days_of_meeting(_inst: object, attr: attrs.Attribute[tuple[Day, ...]],
                     value: tuple[Day, ...]) -> None:
    for day in value:
        if not isinstance(day, Day):
            raise TypeError(f"{attr.name} must hold Day values, got {day!r}")


@attrs.frozen
class Day:
    """One day of a meeting held over several: its date, its start, an optional
    declared end (earlier than the start means after midnight) and its items,
    exactly like the items of a one-day meeting."""

    date: pendulum.Date = attrs.field(converter=_to_date)
    start: pendulum.Time = attrs.field(converter=_to_time)
    items: tuple[Item, ...] = attrs.field(
        default=(), converter=_to_items, validator=_items_of_item
    )
    end: pendulum.Time | None = attrs.field(default=None, converter=_to_end, kw_only=True)

    def walk(self) -> Iterator[Item]:
        """Every item of the day in agenda order (pre-order)."""
        for item in self.items:
            yield from item.walk()


def _first_date(meeting: Meeting) -> pendulum.Date:
    if not meeting.days:
        raise TypeError("Meeting() needs a date (or days)")
    return meeting.days[0].date


def _first_start(meeting: Meeting) -> pendulum.Time:
    if not meeting.days:
        raise TypeError("Meeting() needs a start (or days)")
    return meeting.days[0].start


def _no_timezone(_meeting: Meeting) -> str:
    raise TypeError("Meeting() needs a timezone, e.g. timezone=\"Asia/Seoul\"")


@attrs.frozen
class Meeting:
    """A meeting: a date, a start in a real time zone and an ordered list of items.

    `end`, when given, is the declared end: the items must fill the window exactly
    (flexible items absorb the slack). A series repeats by `repeat` (an RFC 5545
    RRULE), without the dates in `skip` (EXDATE), with the dates in `extra` (RDATE),
    and with the occurrences in `overrides` held differently. `weekday` is the
    weekday as the source wrote it (e.g. ``"수"``), kept so that it can be checked
    against `date`. `language`
    (``"ko"`` or ``"en"``) is the language the meeting is held in: tables are
    printed in it unless told otherwise.
    (flexible items absorb the slack). `weekday` is the weekday as the source wrote
    it (e.g. ``"수"``), kept so that it can be checked against `date`. `language`
    (``"ko"`` or ``"en"``) is the language the meeting is held in and its texts are
    written in: tables and `agenda check` speak it unless told otherwise;
    `translations` (and each item's) give the texts in other languages.

    `date`, `start`, `end` and an item's `at` also take ISO strings
    (``"2024-03-13"``, ``"14:00"``); a value of the wrong type raises `TypeError` here,
    not later in the layout.

    A meeting held over several days gives `days` instead of `items` (and of
    `end`): `date` and `start` then default to the first day's.

    `url` is the meeting's page, `online` the address to join it online (every item
    inherits it) and `materials` the documents that go with it. A series with
    `skip_holidays` (an ISO 3166 country code, ``"KR"``, with an optional subdivision,
    ``"DE-BY"``) is not held on that country's public holidays; `extra` brings a date
    back.
    """

    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    days: tuple[Day, ...] = attrs.field(
        default=(), converter=_to_days, validator=_days_of_meeting, kw_only=True
    )
    date: pendulum.Date = attrs.field(
        default=attrs.Factory(_first_date, takes_self=True), converter=_to_date
    )
    start: pendulum.Time = attrs.field(
        default=attrs.Factory(_first_start, takes_self=True), converter=_to_time
    )
    timezone: str = attrs.field(
        default=attrs.Factory(_no_timezone, takes_self=True),
        validator=attrs.validators.instance_of(str),
    )
    items: tuple[Item, ...] = attrs.field(
        default=(), converter=_to_items, validator=_items_of_item
    )
    end: pendulum.Time | None = attrs.field(default=None, converter=_to_end, kw_only=True)
    location: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    category: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    weekday: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    repeat: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    id: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    language: str = attrs.field(default="ko", validator=_language, kw_only=True)
    skip: tuple[pendulum.Date, ...] = attrs.field(default=(), converter=_to_dates, kw_only=True)
    extra: tuple[pendulum.Date, ...] = attrs.field(default=(), converter=_to_dates,
                                                   kw_only=True)
    overrides: tuple[Override, ...] = attrs.field(default=(), converter=_to_overrides,
                                                  kw_only=True)

    translations: Translations = attrs.field(
        factory=Translations, converter=_to_translations,
        validator=_translatable(MEETING_TEXTS), kw_only=True
    )
    url: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    online: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    materials: tuple[Material, ...] = attrs.field(default=(), converter=_to_materials,
                                                  kw_only=True)
    skip_holidays: str | None = attrs.field(default=None, validator=_optional_str,
                                            kw_only=True)

    @property
    def repeats(self) -> bool:
        """True for a series: a ``repeat`` rule or ``extra`` dates."""
        return self.repeat is not None or bool(self.extra)

    @property
    def key(self) -> str:
        """The meeting's stable identity: its `id`, else a slug of date and title."""
        if self.id is not None:
            return self.id
        slug = slugify(self.title)
        if not slug:
            import hashlib  # (only for a meeting without id: start-up counts)

            slug = hashlib.sha256(self.title.encode()).hexdigest()[:10]
        return f"{self.date.isoformat()}-{slug}"

    @property
    def all_days(self) -> tuple[Day, ...]:
        """The meeting's days: `days` when given, else the one day that `date`,
        `start`, `end` and `items` describe."""
        if self.days:
            return self.days
        return (Day(self.date, self.start, self.items, end=self.end),)

    @property
    def uses_rooms(self) -> bool:
        """True when the meeting has days, parallel blocks or rooms: outputs then add
        the date, room and track of each item."""
        return bool(self.days) or any(
            item.parallel or item.room is not None for item in self.walk())

    def walk(self) -> Iterator[Item]:
        """Every item in agenda order (pre-order), day after day."""
        for day in self.all_days:
            yield from day.walk()
