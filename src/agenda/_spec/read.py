"""The spec file: a meeting as TOML or JSON, with the same names in both.

The names are a public contract (other tools write these files): unknown keys
are rejected with the key and where it stands, and every problem in a file is
reported at once in one :class:`SpecError`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re
from collections.abc import Mapping
from typing import Any

import attrs
import rtoml

from .._model import LANGUAGE_TAG, Day, Item, Kind, Material, Meeting, Override
from .._problems import Problem, SpecError
from .._words.catalog import LANGUAGES, Fact
from .keys import names, one_day
from .lines import toml_tables

__all__ = ["AUDIENCE_NAME", "DEFAULT_LANGUAGE", "ITEM_KEYS", "MEETING_KEYS", "decode_spec",
           "from_dict", "load_json", "load_toml", "loads"]

# The names come from the spec's key table (`_keys`), which the JSON Schema is made from.
SPEC_KEYS = names("spec")
MEETING_KEYS = names("meeting")
ITEM_KEYS = names("item")
DAY_KEYS = names("day")
DEFAULT_LANGUAGE = "ko"
_ONE_DAY_KEYS = one_day("meeting")  # [meeting] keys that days replace
OVERRIDE_KEYS = names("override")
MATERIAL_KEYS = names("material")
AUDIENCE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""An audience name: ASCII letters, digits, ``-`` and ``_`` (it names feed files)."""
_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: what a JSON escape such as ``"\\ud800"`` reads as; no character."""
_TOML_POSITION = re.compile(r"\s*at line (\d+) column (\d+)$")
_KINDS = frozenset(k.value for k in Kind)


def _shown(value: Any, limit: int = 60) -> str:
    """`value` as the spec would show it, shortened: a message stays one readable line."""
    if isinstance(value, _dt.date | _dt.time):  # as TOML writes it, not as Python does
        return value.isoformat()
    try:
        text = repr(value)
    except ValueError:  # an integer too long to print
        text = f"a number of {value.bit_length()} bits" if isinstance(value, int) else "?"
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


def _escaped(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


class _Reader:
    """Reads the spec's data into a meeting, collecting every problem with its line.

    Lines come from the TOML text: each ``[[items]]`` header (at any depth, in days and
    overrides too) is matched to the item it opens, in order, and a key to its ``key =``
    line in that item's table (or in ``[meeting]``). JSON and inline tables have no lines.
    """

    def __init__(self, text: str, fmt: str) -> None:
        self.text = text
        self.fmt = fmt
        self.errors: list[Problem] = []
        self.original = DEFAULT_LANGUAGE  # the language of the texts (the meeting's)

    @functools.cached_property
    def _tables(self) -> dict[str, tuple[int, dict[str, int]]]:
        """The tables' lines, scanned on the first problem (a sound spec needs none)."""
        return toml_tables(self.text) if self.fmt == "toml" else {}

    def line_of(self, table: str, key: str | None = None) -> int | None:
        """The line of `key` in `table` (``"meeting"`` or an item number), else of the
        table's header."""
        found = self._tables.get(table)
        if found is None:
            return None
        header, keys = found
        if table == "spec":  # the top of the file: only a key of its own has a line
            return keys.get(key) if key is not None else None
        return keys.get(key, header) if key is not None else header

    def report(self, code: str, facts: dict[str, Fact], table: str, key: str | None = None,
            title: str = "") -> None:
        number = "" if table == "meeting" else table
        self.errors.append(Problem(code, facts=facts, number=number, title=title,
                                   line=self.line_of(table, key)))

    def unknown(self, data: Mapping[str, Any], allowed: tuple[str, ...], where: str,
                table: str, title: str = "") -> None:
        """Refuse the keys not in `allowed`, and a null value (TOML has none: a key
        that has no value is left out, in JSON as in TOML)."""
        for key, value in data.items():
            if key not in allowed:
                self.report("unknown-key", {"where": where, "key": key, "known": list(allowed)},
                         table, key, title)
            elif value is None:
                self.report("null-value", {"where": where, "key": key}, table, key, title)

    def missing(self, key: str, where: str, table: str, title: str = "",
                data: Mapping[str, Any] | None = None) -> None:
        if data is not None and key in data:
            return  # given as null: reported as such
        self.report("missing-key", {"where": where, "key": key}, table, None, title)

    def wrong(self, key: str, expected: str, value: Any, where: str, table: str,
              title: str = "") -> None:
        self.report("wrong-type", {"where": where, "key": key, "expected": expected,
                                "value": _shown(value)}, table, key, title)

    def string(self, data: Mapping[str, Any], key: str, where: str, table: str,
               required: bool = False, title: str = "") -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.missing(key, where, table, title, data)
            return None
        if not isinstance(value, str):
            self.wrong(key, "a string", value, where, table, title)
            return None
        return self.characters(value, key, where, table, title)

    def characters(self, value: str, key: str, where: str, table: str,
                   title: str = "") -> str | None:
        """`value`, unless it holds a lone surrogate (no character: it cannot be
        written out as UTF-8), which is reported."""
        if _SURROGATE.search(value) is None:
            return value
        self.report("lone-surrogate", {"where": where, "key": key, "value": _shown(value)},
                    table, key, title)
        return None

    def translatable(self, data: Mapping[str, Any], key: str, where: str, table: str,
                     translations: dict[str, dict[str, str]], required: bool = False,
                     title: str = "") -> str | None:
        """A text a person reads: a string in the meeting's language, or a table keyed by
        language tag (``{ ko = "토론", en = "Discussion" }``) that holds that language;
        the other languages go to `translations` (language → key → text)."""
        value = data.get(key)
        if not isinstance(value, dict):
            return self.string(data, key, where, table, required, title)
        original = None
        for lang, text in value.items():
            if not isinstance(lang, str) or not LANGUAGE_TAG.fullmatch(lang):
                self.report("not-a-language-tag", {"where": where, "key": key,
                                                   "lang": str(lang)}, table, key, title)
            elif not isinstance(text, str):
                self.report("wrong-type", {"where": where, "key": f"{key}.{lang}",
                                           "expected": "a string", "value": _shown(text)},
                            table, key, title)
            elif self.characters(text, f"{key}.{lang}", where, table, title) is None:
                continue  # reported
            elif lang == self.original:
                original = text
            else:
                translations.setdefault(lang, {})[key] = text
        if original is None and self.original not in value:
            self.report("no-original-text", {"where": where, "key": key,
                                             "lang": self.original,
                                             "given": [str(k) for k in value] or ["none"]},
                        table, key, title)
        return original

    def integer(self, data: Mapping[str, Any], key: str, where: str, table: str,
                title: str = "") -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            return int(value)  # 10.0 and 1e3 are whole numbers (as the JSON Schema says)
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong(key, "a whole number of minutes", value, where, table, title)
            return None
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str, table: str,
                title: str = "") -> bool:
        value = data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.wrong(key, "true or false", value, where, table, title)
            return False
        return value

    def date(self, data: Mapping[str, Any], key: str, where: str, table: str
             ) -> _dt.date | None:
        value = data.get(key)
        if value is None:
            self.missing(key, where, table, data=data)
            return None
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.wrong(key, "a date like 2024-03-13", value, where, table)
        return None

    def time(self, data: Mapping[str, Any], key: str, where: str, table: str,
             required: bool = False, title: str = "") -> _dt.time | None:
        value = data.get(key)
        if value is None:
            if required:
                self.missing(key, where, table, title, data)
            return None
        if isinstance(value, _dt.time) and value.tzinfo is None:
            return value
        if isinstance(value, str):
            try:
                parsed = _dt.time.fromisoformat(value)
            except ValueError:
                parsed = None
            if parsed is not None and parsed.tzinfo is None:
                return parsed
        self.wrong(key, "a local time like 14:00", value, where, table, title)
        return None

    def dates(self, data: Mapping[str, Any], key: str, where: str, table: str
              ) -> tuple[_dt.date, ...]:
        raw = data.get(key)
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.wrong(key, "a list of dates like [2025-05-05]", raw, where, table)
            return ()
        out = []
        for value in raw:
            day = self.date({key: value}, key, where, table)
            if day is not None:
                out.append(day)
        return tuple(out)

    def overrides(self, raw: Any) -> tuple[Override, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.wrong("overrides", "a list of tables", raw, "", "spec")
            return ()
        out = []
        for k, entry in enumerate(raw, start=1):
            where = f"override {k}: "
            if not isinstance(entry, dict):
                self.report("not-a-table", {"what": f"override {k}", "value": _shown(entry)},
                            "spec")
                continue
            self.unknown(entry, OVERRIDE_KEYS, where, "spec")
            before = len(self.errors)
            day = self.date(entry, "date", where, "spec")
            start = self.time(entry, "start", where, "spec")
            end = self.time(entry, "end", where, "spec")
            items = (self.items(entry["items"], f"{day or k}/", where, "spec")
                     if "items" in entry else None)
            if len(self.errors) == before and day is not None:
                out.append(Override(day, start=start, end=end, items=items))
        return tuple(out)

    def language(self, head: Mapping[str, Any], where: str) -> str:
        value = self.string(head, "language", where, "meeting")
        if value is None:
            return "ko"
        if value not in LANGUAGES:
            self.report("unknown-language", {"where": where, "value": value,
                                          "known": list(LANGUAGES)}, "meeting", "language")
        return value

    def names(self, data: Mapping[str, Any], key: str, where: str, table: str,
              title: str = "") -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
                isinstance(v, str) and AUDIENCE_NAME.fullmatch(v) for v in value):
            self.wrong(key, 'a list of names made of ASCII letters, digits, "-" and "_", '
                       'like ["busan", "press"]', value, where, table, title)
            return ()
        return tuple(dict.fromkeys(value))

    def materials(self, data: Mapping[str, Any], where: str, table: str,
                  title: str = "") -> tuple[Material, ...]:
        """``materials = [{ title = "…", url = "…" }]``: each a table with a title (a
        text, translatable) and a URL (whether it is a link is the layout's question)."""
        raw = data.get("materials")
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.wrong("materials", 'a list of tables like [{ title = "…", url = "…" }]',
                       raw, where, table, title)
            return ()
        out = []
        for k, entry in enumerate(raw, start=1):
            inside = f"{where}material {k}: "
            if not isinstance(entry, dict):
                self.wrong("materials", 'a list of tables like [{ title = "…", url = "…" }]',
                           raw, where, table, title)
                return ()
            first = len(self.errors)
            self.unknown(entry, MATERIAL_KEYS, inside, table, title)
            before = len(self.errors)
            translations: dict[str, dict[str, str]] = {}
            name = self.translatable(entry, "title", inside, table, translations,
                                     required=True, title=title)
            url = self.string(entry, "url", inside, table, required=True, title=title)
            if len(self.errors) == before and name is not None and url is not None:
                out.append(Material(name, url, translations=translations))
            if len(self.errors) > first:  # a material's keys stand on the line of materials
                line = self.line_of(table, "materials")
                self.errors[first:] = [attrs.evolve(p, line=line) for p in self.errors[first:]]
        return tuple(out)

    def links(self, data: Mapping[str, Any], where: str, table: str, title: str = ""
              ) -> dict[str, Any]:
        """The link keys of the meeting or an item: ``url``, ``online``, ``materials``."""
        return dict(url=self.string(data, "url", where, table, title=title),
                    online=self.string(data, "online", where, table, title=title),
                    materials=self.materials(data, where, table, title))

    def items(self, raw: Any, prefix: str, where: str, table: str,
              title: str = "", base: int = 0) -> tuple[Item, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.wrong("items", "a list of tables", raw, where, table, title)
            return ()
        result = []
        for k, entry in enumerate(raw, start=base + 1):
            item = self.item(entry, f"{prefix}{k}")
            if item is not None:
                result.append(item)
        return tuple(result)

    def item(self, data: Any, number: str) -> Item | None:
        raw_title = data.get("title") if isinstance(data, dict) else None
        if isinstance(raw_title, dict):  # a text in several languages: named by the original
            raw_title = raw_title.get(self.original)
        title = _SURROGATE.sub(_escaped, raw_title) if isinstance(raw_title, str) else ""
        where = ""  # the problem's number and title say where
        if not isinstance(data, dict):
            self.report("not-a-table", {"what": "the item", "value": _shown(data)}, number)
            return None
        self.unknown(data, ITEM_KEYS, where, number, title)
        before = len(self.errors)
        kind_value = data.get("kind")
        if kind_value is None:
            kind_value = Kind.TALK.value
        if not isinstance(kind_value, str) or kind_value not in {k.value for k in Kind}:
            self.report("unknown-kind", {"where": where, "value": _shown(kind_value),
                                      "known": [k.value for k in Kind]}, number, "kind", title)
        t = title
        minutes = self.integer(data, "minutes", where, number, t)
        translations: dict[str, dict[str, str]] = {}
        presenter = self.translatable(data, "presenter", where, number, translations, title=t)
        notes = self.translatable(data, "notes", where, number, translations, title=t)
        at = self.time(data, "at", where, number, title=t)
        min_minutes = self.integer(data, "min_minutes", where, number, t)
        max_minutes = self.integer(data, "max_minutes", where, number, t)
        gap_ok = self.boolean(data, "gap_ok", where, number, t)
        ident = self.string(data, "id", where, number, title=t)
        parallel = self.boolean(data, "parallel", where, number, t)
        room = self.translatable(data, "room", where, number, translations, title=t)
        audience = self.names(data, "audience", where, number, t)
        links = self.links(data, where, number, t)
        title_value = self.translatable(data, "title", where, number, translations,
                                        required=True, title=t)
        children = self.items(data.get("items"), f"{number}.", where, number, t)
        if len(self.errors) > before or title_value is None:
            return None
        return Item(title_value, minutes=minutes, presenter=presenter, notes=notes,
                    kind=kind_value, at=at, min_minutes=min_minutes, max_minutes=max_minutes,
                    gap_ok=gap_ok, id=ident, items=children, parallel=parallel, room=room,
                    translations=translations, audience=audience, **links)

    def days(self, raw: Any) -> tuple[Day, ...]:
        """The [[days]] tables; item numbers run on from one day to the next."""
        if raw is None:
            return ()  # null: reported as such
        if raw == []:
            self.report("no-days", {}, "spec", "days")
            return ()
        if not isinstance(raw, list):
            self.wrong("days", "a list of tables", raw, "", "spec")
            return ()
        result = []
        number = 0
        for k, entry in enumerate(raw, start=1):
            if not isinstance(entry, dict):
                self.report("not-a-table", {"what": f"day {k}", "value": _shown(entry)},
                            "spec")
                continue
            where = f"day {k}: "
            self.unknown(entry, DAY_KEYS, where, "spec")
            before = len(self.errors)
            date = self.date(entry, "date", where, "spec")
            start = self.time(entry, "start", where, "spec", required=True)
            end = self.time(entry, "end", where, "spec")
            items = self.items(entry.get("items"), "", where, "spec", base=number)
            if isinstance(entry.get("items"), list):
                number += len(entry["items"])
            if len(self.errors) == before and date is not None and start is not None:
                result.append(Day(date, start, items, end=end))
        return tuple(result)

    def meeting(self, data: Any) -> Meeting:
        if not isinstance(data, dict):
            raise SpecError([Problem("not-a-table", facts={"what": "the spec",
                                                           "value": _shown(data)})])
        self.unknown(data, SPEC_KEYS, "", "spec")
        head = data.get("meeting")
        if not isinstance(head, dict):
            if head is None:
                self.missing("meeting", "", "spec", data=data)
            else:
                self.report("not-a-table", {"what": "[meeting]", "value": _shown(head)},
                         "meeting")
            head = {}
        m = "[meeting]: "
        self.unknown(head, MEETING_KEYS, m, "meeting")
        self.original = self.language(head, m)
        if "days" in data:
            return self.meeting_of_days(data, head)
        translations: dict[str, dict[str, str]] = {}
        fields = dict(
            title=self.translatable(head, "title", m, "meeting", translations, required=True),
            date=self.date(head, "date", m, "meeting"),
            start=self.time(head, "start", m, "meeting", required=True),
            timezone=self.string(head, "timezone", m, "meeting", required=True),
            end=self.time(head, "end", m, "meeting"),
            location=self.translatable(head, "location", m, "meeting", translations),
            category=self.translatable(head, "category", m, "meeting", translations),
            weekday=self.string(head, "weekday", m, "meeting"),
            repeat=self.string(head, "repeat", m, "meeting"),
            id=self.string(head, "id", m, "meeting"),
            skip=self.dates(head, "skip", m, "meeting"),
            extra=self.dates(head, "extra", m, "meeting"),
            skip_holidays=self.string(head, "skip_holidays", m, "meeting"),
            **self.links(head, m, "meeting"),
        )
        items = self.items(data.get("items"), "", "", "spec")
        overrides = self.overrides(data.get("overrides"))
        if self.errors:
            raise SpecError(self.errors)
        return Meeting(items=items, overrides=overrides, language=self.original,
                       translations=translations, **fields)

    def meeting_of_days(self, data: dict[str, Any], head: dict[str, Any]) -> Meeting:
        """A meeting held over [[days]]: each day gives its date, start, end and items."""
        for key in _ONE_DAY_KEYS:
            if head.get(key) is not None:
                self.report("days-and-day-keys", {"key": key}, "meeting", key)
        if "items" in data:
            self.report("days-and-items", {}, "spec", "items")
        m = "[meeting]: "
        translations: dict[str, dict[str, str]] = {}
        fields = dict(
            title=self.translatable(head, "title", m, "meeting", translations, required=True),
            timezone=self.string(head, "timezone", m, "meeting", required=True),
            location=self.translatable(head, "location", m, "meeting", translations),
            category=self.translatable(head, "category", m, "meeting", translations),
            repeat=self.string(head, "repeat", m, "meeting"),
            id=self.string(head, "id", m, "meeting"),
            skip_holidays=self.string(head, "skip_holidays", m, "meeting"),
            **self.links(head, m, "meeting"),
        )
        days = self.days(data.get("days"))
        if self.errors:
            raise SpecError(self.errors)
        return Meeting(days=days, language=self.original, translations=translations, **fields)


def _read_nested(reader: _Reader, data: Any) -> Meeting:
    try:
        return reader.meeting(data)
    except RecursionError:
        raise SpecError([Problem("spec-too-deep")]) from None


def load_toml(text: str) -> Meeting:
    """A meeting from spec text in TOML; raises :class:`SpecError`.

    One reader, rtoml, reads TOML 1.1 (local times without seconds, ``start = 14:00``,
    as docs/spec.md shows them); a text it refuses is a ``syntax-error`` problem with
    its line and column, and problems with the values carry the lines of their keys.
    """
    try:
        data = rtoml.loads(text)
    except rtoml.TomlParsingError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line, column = (int(x) for x in found.groups()) if found else (None, None)
        reason = _TOML_POSITION.sub("", message).strip()
        raise SpecError([Problem("syntax-error", facts={
            "format": "TOML", "line": line, "column": column, "reason": reason},
            line=line)]) from None
    except RecursionError:
        raise SpecError([Problem("spec-too-deep")]) from None
    return _read_nested(_Reader(text, "toml"), data)


def load_json(text: str) -> Meeting:
    """A meeting from spec text in JSON (same names as TOML); raises :class:`SpecError`.

    A key given twice in one object is refused (TOML refuses it too), naming the key
    and both values."""
    twice: dict[int, list[tuple[str, Any, Any]]] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                twice.setdefault(id(out), []).append((key, out[key], value))
            out[key] = value
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise SpecError([Problem("syntax-error", facts={
            "format": "JSON", "line": exc.lineno, "column": exc.colno, "reason": exc.msg},
            line=exc.lineno)]) from None
    except RecursionError:
        raise SpecError([Problem("spec-too-deep")]) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise SpecError([f"JSON value cannot be read: {_first_sentence(exc)}"]) from None
    if twice:
        raise SpecError(_given_twice(data, twice))
    return _read_nested(_Reader(text, "json"), data)


def _given_twice(data: Any, twice: Mapping[int, list[tuple[str, Any, Any]]]
                 ) -> list[Problem]:
    """A problem for each key given twice in one JSON object, named as the loader names
    where it stands (``[meeting]: ``, item ``4.2``, ``day 2: ``); `twice` maps each such
    object's id to its keys with their first and last values."""
    found: list[Problem] = []

    def visit(obj: Any, number: str, where: str, prefix: str = "", base: int = 0) -> None:
        """Report `obj`'s keys given twice; `number` and `where` say where it stands,
        `prefix` is the dotted path inside a key's value (``title.``), `base` how many
        items earlier days held (their numbers run on)."""
        if isinstance(obj, list):
            for value in obj:
                visit(value, number, where, prefix)
            return
        if not isinstance(obj, dict):
            return
        item = number if number and not number.endswith("/") else ""
        title = obj.get("title") if item and not prefix else None
        if isinstance(title, dict):
            title = next((t for t in title.values() if isinstance(t, str)), None)
        for key, first, second in twice.get(id(obj), ()):
            found.append(Problem("duplicate-key", facts={
                "where": where, "key": f"{prefix}{key}", "first": _shown(first),
                "second": _shown(second)}, number=item,
                title=title if isinstance(title, str) else ""))
        for key, value in obj.items():
            if prefix or not isinstance(value, dict | list):
                visit(value, number, where, f"{prefix}{key}.")
            elif key == "items" and isinstance(value, list):
                head = f"{number}." if number and not number.endswith("/") else number
                for k, child in enumerate(value, start=base + 1):
                    visit(child, f"{head}{k}", "")
            elif key == "meeting" and where == "spec: ":
                visit(value, "", "[meeting]: ")
            elif key == "days" and where == "spec: " and isinstance(value, list):
                held = 0
                for k, day in enumerate(value, start=1):
                    visit(day, "", f"day {k}: ", base=held)
                    if isinstance(day, dict) and isinstance(day.get("items"), list):
                        held += len(day["items"])
            elif key == "overrides" and where == "spec: " and isinstance(value, list):
                for k, entry in enumerate(value, start=1):
                    when = entry.get("date") if isinstance(entry, dict) else None
                    visit(entry, f"{when if isinstance(when, str) else k}/",
                          f"override {k}: ")
            else:
                visit(value, number, where, f"{key}.")

    visit(data, "", "spec: ")
    return found


def _first_sentence(exc: Exception) -> str:
    return str(exc).split(";")[0]


_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def decode_spec(raw: bytes) -> str:
    """The text of a spec file's bytes: UTF-8, with or without a byte-order mark.

    Anything else raises :class:`SpecError` saying how to convert the file.
    """
    if raw.startswith(_UTF16_MARKS):
        raise SpecError(["the file is UTF-16 text (it starts with a UTF-16 byte-order "
                         "mark); save it as UTF-8"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        raise SpecError([f"not UTF-8 text (byte 0x{raw[offset]:02x} at offset {offset}); "
                         "save the file as UTF-8, e.g. `iconv -f cp949 -t utf-8 IN > OUT` "
                         "for a Korean file from Windows (CP949/EUC-KR)"]) from None

def from_dict(data: Mapping[str, Any]) -> Meeting:
    """A meeting from plain data with the spec's names (a web form, a database row, a
    parsed JSON document): ``{"meeting": {...}, "items": [...]}``, the inverse of
    :func:`to_dict`.

    Dates and times may be ``datetime`` values or ISO strings (``"2024-03-13"``,
    ``"14:00"``). The spec's rules apply: unknown keys, wrong types and missing keys
    raise one :class:`SpecError` listing every problem (without lines: data has none).
    """
    return _read_nested(_Reader("", "data"), data)


def loads(text: str, fmt: str = "toml") -> Meeting:
    """A meeting from spec text; `fmt` is ``"toml"`` or ``"json"``.

    A leading byte-order mark (U+FEFF) is ignored.
    """
    text = text.removeprefix("\ufeff")
    if fmt == "json":
        return load_json(text)
    if fmt == "toml":
        return load_toml(text)
    raise ValueError(f"unknown spec format {fmt!r}; use toml or json")
