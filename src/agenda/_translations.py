"""Agendas in several languages: the meeting as read in one language, and the texts
that a translation is missing for.

The model keeps each text in the meeting's own `language` and its other languages
in `translations`. A translated view swaps them: the texts in the wanted language
where they are given, the original where not. Times and identities never change
with the language: a view has the timetable's slots, paths and meeting key, so
calendar UIDs are the same in every language.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._model import (
    ITEM_TEXTS,
    MATERIAL_TEXTS,
    MEETING_TEXTS,
    Item,
    Material,
    Meeting,
    Translations,
)
from ._problems import Problem, Severity
from ._timetable import Timetable
from ._words.catalog import LANGUAGES

__all__ = ["original_track", "titles", "translate", "translation_problems"]


def _swap(value: Item | Meeting | Material, fields: tuple[str, ...], original: str, lang: str
          ) -> dict[str, object]:
    """The changes that show `value` in `lang`: each translated text in its field, the
    original text kept as the translation into `original`; its materials' titles too."""
    given = value.translations
    changes: dict[str, object] = {}
    kept = [(other, field, text) for other, field, text in given.entries if other != lang]
    for field in fields:
        text = given.get(lang, field)
        if text is not None and getattr(value, field) is not None:
            changes[field] = text
            kept.append((original, field, getattr(value, field)))
    if changes:
        changes["translations"] = Translations(kept)
    if not isinstance(value, Material) and any(m.translations for m in value.materials):
        changes["materials"] = tuple(
            attrs.evolve(m, **_swap(m, MATERIAL_TEXTS, original, lang))  # type: ignore[arg-type]
            for m in value.materials)
    return changes


def _translate_item(item: Item, original: str, lang: str, done: dict[int, Item]) -> Item:
    children = tuple(_translate_item(child, original, lang, done) for child in item.items)
    changes = _swap(item, ITEM_TEXTS, original, lang)
    if any(new is not old for new, old in zip(children, item.items, strict=True)):
        changes["items"] = children
    view = attrs.evolve(item, **changes) if changes else item  # type: ignore[arg-type]
    done[id(item)] = view
    return view


def _translated(meeting: Meeting, lang: str) -> tuple[Meeting, dict[int, Item]]:
    done: dict[int, Item] = {}
    items = tuple(_translate_item(item, meeting.language, lang, done) for item in meeting.items)
    days = tuple(attrs.evolve(day, items=tuple(
        _translate_item(item, meeting.language, lang, done) for item in day.items))
        for day in meeting.days)
    overrides = tuple(override if override.items is None else attrs.evolve(
        override, items=tuple(_translate_item(item, meeting.language, lang, done)
                              for item in override.items)) for override in meeting.overrides)
    changes = _swap(meeting, MEETING_TEXTS, meeting.language, lang)
    # A meeting is held in one of LANGUAGES: a view in another language keeps its own.
    language = lang if lang in LANGUAGES else meeting.language
    # The view keeps the meeting's identity (a key made from the original title).
    view = attrs.evolve(meeting, items=items, days=days, language=language, id=meeting.key,
                        overrides=overrides, **changes)  # type: ignore[arg-type]
    return view, done


def translate(timetable: Timetable, lang: str) -> Timetable:
    """The timetable as read in `lang`: the same slots, times, numbers and identity paths
    (so the same calendar UIDs), showing the texts in `lang` where they are given and
    the original where not. Every renderer takes it as it is; the table renderers and
    ``agenda ics --lang`` call it for their `lang`."""
    meeting = timetable.meeting
    if lang == meeting.language:
        return timetable
    view, done = _translated(meeting, lang)
    rooms: dict[str, str] = {}  # a slot's room is its own or its block's, as written
    for item in meeting.walk():
        text = item.translations.get(lang, "room")
        if item.room is not None and text is not None:
            rooms.setdefault(item.room, text)
    return timetable.showing(view, lambda item: done.get(id(item)) or _translate_item(
        item, meeting.language, lang, done), lambda room: rooms.get(room, room)
        if room is not None else None)


def titles(timetables: Sequence[Timetable], lang: str) -> dict[tuple[str, ...], str]:
    """Identity path → title in `lang` of every item of `timetables` (and ``()`` → the
    meeting's), the later timetables' titles first: what a diff of these versions
    calls each item in `lang`."""
    out: dict[tuple[str, ...], str] = {}
    for timetable in timetables:
        view = translate(timetable, lang)
        out[()] = view.meeting.title
        out.update((slot.path, slot.title) for slot in view)
    return out


def original_track(timetable: Timetable, name: str) -> str:
    """The title a track is known by (its original, as slots name it) when `name` is
    that title or one of its translations; else `name` as it is (the feed then says
    which tracks there are)."""
    known = {slot.track for slot in timetable if slot.track is not None}
    if name in known:
        return name
    for slot in timetable:
        if slot.item.title in known and name in (
                text for _, field, text in slot.item.translations.entries if field == "title"):
            return slot.item.title
    return name


def translation_problems(meeting: Meeting, numbers: Sequence[str],
                         paths: Sequence[tuple[str, ...]], items: Sequence[Item]
                         ) -> list[Problem]:
    """``missing-translation`` (a warning) for each item, and for the meeting, that has
    a text without a translation into a language that other texts are translated into;
    ``original-translated`` (an error) for a translation into the meeting's own language.

    `numbers`, `paths` and `items` are the laid-out columns (in agenda order)."""
    used: set[str] = set()
    values: list[Item | Meeting] = [meeting, *items]
    for value in values:
        if value.translations.entries:  # most texts have none: nothing to sort
            used.update(value.translations.languages)
        for material in value.materials:
            used.update(material.translations.languages)
    problems: list[Problem] = []
    own = meeting.language
    if own in used:
        for number, path, value, _ in _texts(meeting, numbers, paths, items):
            if own in value.translations.languages or any(
                    own in m.translations.languages for m in value.materials):
                problems.append(Problem(
                    "original-translated", facts={"lang": own}, number=number,
                    title=value.title, path=path))
        used.discard(own)
    if not used:
        return problems
    for number, path, value, fields in _texts(meeting, numbers, paths, items):
        given = [field for field in fields if getattr(value, field) is not None]
        for lang in sorted(used):
            missing = [field for field in given if value.translations.get(lang, field) is None]
            missing += [f"materials.{k}.title" for k, m in enumerate(value.materials, start=1)
                        if m.translations.get(lang, "title") is None]
            if missing:
                problems.append(Problem(
                    "missing-translation",
                    facts={"lang": lang, "fields": missing, "own": own}, number=number,
                    title=value.title, path=path, severity=Severity.WARNING))
    return problems


_Texts = tuple[str, tuple[str, ...], Item | Meeting, tuple[str, ...]]


def _texts(meeting: Meeting, numbers: Sequence[str], paths: Sequence[tuple[str, ...]],
           items: Sequence[Item]) -> list[_Texts]:
    out: list[_Texts] = [("", (), meeting, MEETING_TEXTS)]
    out += [(number, path, item, ITEM_TEXTS)
            for number, path, item in zip(numbers, paths, items, strict=True)]
    return out
