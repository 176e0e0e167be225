"""Writing a changed meeting back into the user's own spec text.

An edit changes a few items; the file should change only there. The TOML text is
edited in place with tomlkit, so comments, key order and formatting of everything
that did not change survive; a JSON spec stays JSON (its key order kept). Lists of
tables are matched by identity (``id``, else ``title``; days by ``date``), so a
reordered or inserted item moves its own table, comments and all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, MutableMapping, MutableSequence
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.items import Item as TomlItem

from .._model import Meeting
from .._problems import AgendaError
from .dump import to_dict
from .read import loads

__all__ = ["rewrite_spec"]


def rewrite_spec(text: str, meeting: Meeting, fmt: str = "toml") -> str:
    """`text` (a TOML or JSON spec) changed so that it describes `meeting`.

    Reading the result back gives `meeting`; what did not change keeps its text.
    """
    if fmt == "json":
        data = json.loads(text)
        wanted = to_dict(meeting, times_as_text=True)
        if not isinstance(data, dict):
            data = {}
        _merge_mapping(data, wanted, _before(text, fmt, True), toml=False)
        return json.dumps(data, ensure_ascii=False, indent=_indent(text)) + "\n"
    document = tomlkit.parse(text)
    _merge_mapping(document, to_dict(meeting), _before(text, fmt, False), toml=True)
    return tomlkit.dumps(document)


def _before(text: str, fmt: str, times_as_text: bool) -> Mapping[str, Any] | None:
    """What the spec said before, in the writer's own terms: a key the user wrote that
    the writer leaves out (a default, such as ``language = "ko"``) and that did not
    change is kept as written."""
    try:
        return to_dict(loads(text, fmt), times_as_text=times_as_text)
    except AgendaError:
        return None


def _indent(text: str) -> int:
    for line in text.splitlines()[1:]:
        stripped = line.lstrip(" ")
        if stripped and len(stripped) < len(line):
            return len(line) - len(stripped)
    return 2


def _plain(value: Any) -> Any:
    return value.unwrap() if isinstance(value, TomlItem) else value


def _identity(entry: Any) -> object:
    if isinstance(entry, Mapping):
        for key in ("id", "title", "date"):
            if key in entry:
                return (key, _plain(entry[key]))
    return None


def _merge_mapping(target: MutableMapping[str, Any], wanted: Mapping[str, Any],
                   before: Mapping[str, Any] | None, toml: bool) -> None:
    for key in [k for k in target if k not in wanted]:
        if before is None or key in before:  # else: written by the user, left as it is
            del target[key]
    for key, value in wanted.items():
        if key not in target:
            target[key] = _new(value, toml, key)
            continue
        current = target[key]
        previous = before.get(key) if before is not None else None
        if isinstance(value, Mapping) and isinstance(current, MutableMapping):
            _merge_mapping(current, value, previous if isinstance(previous, Mapping) else None,
                           toml)
        elif isinstance(value, list) and isinstance(current, MutableSequence) and value and all(
                isinstance(v, Mapping) for v in value):
            replacement = _merge_tables(current, value,
                                        previous if isinstance(previous, list) else [], toml)
            if replacement is not None:
                target[key] = replacement
        elif _plain(current) != value:
            target[key] = _new(value, toml)


def _merge_tables(target: MutableSequence[Any], wanted: list[Mapping[str, Any]],
                  before: list[Any], toml: bool) -> Any:
    """Make the list of tables `target` equal `wanted`, reusing each existing table
    that has the same identity (so its comments and layout stay with it). Returns the
    list that replaces `target` when the tables were added, removed or reordered, else
    None (`target` was updated in place)."""
    unused = list(target)
    chosen: list[Any] = []
    for entry in wanted:
        key = _identity(entry)
        match = next((t for t in unused if key is not None and isinstance(t, MutableMapping)
                      and _identity(t) == key), None)
        if match is None:
            chosen.append(_new(entry, toml))
            continue
        unused.remove(match)
        previous = next((b for b in before if isinstance(b, Mapping) and _identity(b) == key),
                        None)
        _merge_mapping(match, entry, previous, toml)
        chosen.append(match)
    if len(chosen) == len(target) and all(a is b for a, b in zip(chosen, target, strict=True)):
        return None
    if not toml:
        return chosen
    if isinstance(target, AoT):
        tables = tomlkit.aot()
        for table in chosen:
            tables.append(table if isinstance(table, Table) else _new(_plain(table), toml))
        return tables
    return _inline_array([_plain(table) for table in chosen])


_TABLE_ARRAYS = ("items", "days", "overrides")
"""The keys whose tables are written as tables (``[[items]]``); other lists of tables
(``materials``) are arrays of inline tables, as `dump_toml` writes them."""


def _inline(value: Any) -> Any:
    if isinstance(value, Mapping):
        table = tomlkit.inline_table()
        for key, item in value.items():
            table.append(key, _inline(item))
        return table
    return value


def _inline_array(value: list[Any]) -> Any:
    """An array of inline tables, one a line when there are several."""
    array = tomlkit.array()
    for entry in value:
        array.append(_inline(entry))
    if len(value) > 1:
        array.multiline(True)
    return array


def _new(value: Any, toml: bool, key: str | None = None, blank: bool = True) -> Any:
    """A fresh value (of `key`); in TOML a table gets a blank line after it, like its
    neighbours (not inside a table of its own: tomlkit puts that line between its
    tables)."""
    if not toml:
        return value
    if isinstance(value, Mapping):
        table = tomlkit.table()
        for name, item in value.items():
            if (name in _TABLE_ARRAYS and isinstance(item, list) and item
                    and all(isinstance(v, Mapping) for v in item)):
                array = tomlkit.aot()
                for child in item:
                    array.append(_new(child, toml, blank=False))
                table.add(name, array)
            else:
                table.add(name, _new(item, toml, name))
        if blank and not any(isinstance(v, list) and v and isinstance(v[0], Mapping)
                             for k, v in value.items() if k in _TABLE_ARRAYS):
            table.add(tomlkit.nl())
        return table
    if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        if key not in _TABLE_ARRAYS:
            return _inline_array(value)
        tables: AoT = tomlkit.aot()
        for child in value:
            tables.append(_new(child, toml))
        return tables
    return value


