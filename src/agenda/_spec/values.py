"""Reading the values of a spec: each key's value checked for its type (a string, a
whole number of minutes, a date, a local time, a text in several languages...), every
problem collected with the line where it stands."""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Mapping
from typing import Any

from .._model import LANGUAGE_TAG
from .._problems import Problem
from .._words.catalog import LANGUAGES, Fact
from .lines import toml_tables

__all__ = ["AUDIENCE_NAME", "DEFAULT_LANGUAGE", "SURROGATE", "ValueReader", "escaped", "shown"]

DEFAULT_LANGUAGE = "ko"
AUDIENCE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""An audience name: ASCII letters, digits, ``-`` and ``_`` (it names feed files)."""
SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: what a JSON escape such as ``"\\ud800"`` reads as; no character."""


def shown(value: Any, limit: int = 60) -> str:
    """`value` as the spec would show it, shortened: a message stays one readable line."""
    if isinstance(value, _dt.date | _dt.time):  # as TOML writes it, not as Python does
        return value.isoformat()
    try:
        text = repr(value)
    except ValueError:  # an integer too long to print
        text = f"a number of {value.bit_length()} bits" if isinstance(value, int) else "?"
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


def escaped(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


class ValueReader:
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
                                "value": shown(value)}, table, key, title)

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
        if SURROGATE.search(value) is None:
            return value
        self.report("lone-surrogate", {"where": where, "key": key, "value": shown(value)},
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
                                           "expected": "a string", "value": shown(text)},
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

