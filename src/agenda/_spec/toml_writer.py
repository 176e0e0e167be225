"""The one TOML writer: how each key, value and table of a spec is written.

A fresh spec (`dump_toml`) and an edit written back into the user's own file
(`rewrite_spec`) build their TOML from the items made here, so a key reads the same
whichever wrote it:

- a string as a basic string (``"…"``), quotes, backslashes and control characters
  escaped (a tab stays a tab); in an item's own table, a text with line breaks (and
  no carriage return, which a multi-line string would read back as a plain line end)
  as a multi-line string, one line of the file a line of the text;
- a text in several languages, and each material, as an inline table
  (``{ ko = "토론", en = "Discussion" }``);
- a list of plain values one a line; a list of materials one inline table a line;
- ``[meeting]`` a table, ``items``, ``days`` and ``overrides`` arrays of tables
  (``[[items]]``, children as ``[[items.items]]`` under their block), a blank line
  after the keys of each; an empty list of them ``items = []``.

The items are built as tomlkit builds a document it parses (each container marked as
parsed, its layout given rather than worked out key by key), in one pass over the data,
with the garbage collector paused while a whole document is built: three times as fast
as building it key by key through tomlkit's API (docs/performance.md has the figures).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import (
    AoT,
    Array,
    Bool,
    InlineTable,
    Integer,
    SingleKey,
    String,
    StringType,
    Table,
    Trivia,
    Whitespace,
)
from tomlkit.items import Item as TomlItem
from tomlkit.toml_document import TOMLDocument

__all__ = ["TABLE_ARRAYS", "array", "document", "inline_value", "is_tables", "table",
           "tables", "value"]

TABLE_ARRAYS = ("items", "days", "overrides")
"""The keys whose lists of tables are written as arrays of tables (``[[items]]``);
other lists of tables (``materials``) are arrays of inline tables."""

_COMPACT = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_ESCAPED = frozenset('"\\') | frozenset(map(chr, range(32))) - {"\t"} | {"\x7f"}


def is_tables(value: Any) -> bool:
    """Whether `value` is a list of tables (a non-empty list of mappings)."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping)
                                                           for v in value)


def _escape(text: str, multiline: bool) -> str:
    if _ESCAPED.isdisjoint(text):
        return text
    kept = "\n" if multiline else ""
    return "".join(char if char not in _ESCAPED or char == kept else (
        _COMPACT.get(char) or f"\\u{ord(char):04x}") for char in text)


def _string(text: str, multiline: bool) -> String:
    if multiline and "\n" in text and "\r" not in text:
        return String(StringType.MLB, text, "\n" + _escape(text, True), Trivia())
    return String(StringType.SLB, text, _escape(text, False), Trivia())


def array(data: list[Any]) -> Array:
    """A list as the value of a key: one value a line, each after an indent and before
    a comma (materials, inline tables, by two spaces; dates and names by four)."""
    indent = "\n  " if is_tables(data) else "\n    "
    parts: list[TomlItem] = []
    for entry in data:
        parts += [Whitespace(indent), inline_value(entry), Whitespace(",")]
    if parts:
        parts.append(Whitespace("\n"))
    return Array(parts, Trivia(), multiline=False)


def inline_value(data: Any) -> TomlItem:
    """`data` as a value inside an inline table or an array: a mapping as an inline
    table, ``{ title = "…", url = "…" }``, a list on one line."""
    if isinstance(data, Mapping):
        container = Container(True)
        for name, entry in data.items():
            item = inline_value(entry)
            item.trivia.indent = " "
            container.append(SingleKey(name), item)
        container.append(None, Whitespace(" "))
        return InlineTable(container, Trivia(), new=False)
    if isinstance(data, list):
        parts: list[TomlItem] = []
        for k, entry in enumerate(data):
            if k:
                parts.append(Whitespace(", "))
            parts.append(inline_value(entry))
        return Array(parts, Trivia(), multiline=False)
    return value(data)


def value(data: Any, multiline: bool = False) -> TomlItem:
    """`data` (a value of the spec's plain data) as the value of a key in a table; a
    text with line breaks as a multi-line string when `multiline` (in an item's table)."""
    if isinstance(data, str):
        return _string(data, multiline)
    if isinstance(data, Mapping):
        return inline_value(data)
    if isinstance(data, list):
        return array(data)
    if isinstance(data, bool):
        return Bool(data, Trivia())
    if isinstance(data, int):
        return Integer(data, Trivia(), str(data))
    if isinstance(data, _dt.time | _dt.date):
        return tomlkit.item(data)
    raise TypeError(f"a spec holds no value of type {type(data).__name__}")


def table(entry: Mapping[str, Any], *, multiline: bool = False, element: bool = True
          ) -> Table:
    """The table of `entry` (an item, a day, an override or ``[meeting]``): its keys in
    order and a blank line, then its lists of tables as arrays of tables under it (so a
    blank line ends every table, as it does the user's own); `element` says it is a
    table of an array of tables."""
    container = Container(True)
    blank = True
    for name, data in entry.items():
        if name in TABLE_ARRAYS and is_tables(data):
            if blank:
                container.append(None, Whitespace("\n"))
                blank = False
            found: TomlItem = tables(data, name)
        else:
            found = value(data, multiline)
        # The keys of a fresh table are new and in order: appended as a parse appends
        # them, without the checks `append` makes for a key added to a written table.
        container._raw_append(SingleKey(name), found)
    if blank:
        container.append(None, Whitespace("\n"))
    return Table(container, Trivia(), is_aot_element=element)


def tables(entries: Iterable[Mapping[str, Any]], name: str) -> AoT:
    """The array of tables `name` (``[[items]]``, ``[[days]]``, ``[[overrides]]``); an
    item's texts with line breaks as multi-line strings."""
    return AoT([table(entry, multiline=name == "items") for entry in entries], name=name,
               parsed=True)


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a document is built: its hundreds of thousands
    of new objects (none of them garbage) would set off collections that walk them
    again and again, which took more time than building them."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def document(data: Mapping[str, Any]) -> str:
    """The TOML text of a spec's plain data (`to_dict`): ``[meeting]`` first (an empty
    ``items = []`` before it, where a key after a table would belong to the table),
    then its days or items, then a series' overrides."""
    with _collection_paused():
        doc = TOMLDocument(True)
        if data.get("items", True) == []:
            doc.append(SingleKey("items"), value([]))
            doc.append(None, Whitespace("\n"))
        doc.append(SingleKey("meeting"), table(data["meeting"], element=False))
        for name in ("days", "items", "overrides"):
            found = data.get(name)
            if found and is_tables(found):
                doc.append(SingleKey(name), tables(found, name))
    return doc.as_string().rstrip("\n") + "\n"
