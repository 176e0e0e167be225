"""Writing a changed meeting back into the user's own spec text.

An edit changes a few items; the file should change only there. The TOML text is
edited in place with tomlkit, so comments, key order and formatting of everything
that did not change survive; a JSON spec stays JSON (its key order kept).

- A key is rewritten only when its meaning changed: the old text is read as the
  writer would write it, and a value equal to that is left as the user wrote it
  (``title.en = '…'``, a literal string, a single-language ``title.ko = '…'``).
- Lists of tables are matched by identity (``id``, else ``title``; days by ``date``)
  in the writer's terms, also across lists (an item moved into another block keeps
  its table), then by position for what is left (a renamed item, a day whose date
  moved).
- An item takes its own comments wherever it goes: in ``[[items]]`` the comment lines
  directly above its header and those inside it, in an array of inline tables the
  comment lines above it and the comment after it on its line. Blank lines stay with
  the table before them, the end of a list stays its end, and an array of inline
  tables stays one.
- What is written fresh (a new item, a changed value) is written by the one TOML
  writer (`toml_writer`), as `dump_toml` writes it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping, MutableMapping, MutableSequence
from typing import Any

import attrs
import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Array, Comment, InlineTable, Null, Table, Whitespace
from tomlkit.items import Item as TomlItem

from .._model import Meeting
from .._problems import AgendaError
from . import toml_writer
from .dump import to_dict
from .read import loads
from .toml_writer import TABLE_ARRAYS, is_tables

__all__ = ["rewrite_spec"]

Body = list[tuple[Any, TomlItem]]
_LISTS = ("items", "days")  # the keys that hold lists of tables with identities


def rewrite_spec(text: str, meeting: Meeting, fmt: str = "toml") -> str:
    """`text` (a TOML or JSON spec) changed so that it describes `meeting`.

    Reading the result back gives `meeting`; what did not change keeps its text.
    """
    if fmt == "json":
        data = json.loads(text)
        wanted = to_dict(meeting, times_as_text=True)
        if not isinstance(data, dict):
            data = {}
        _Merge(data, wanted, _before(text, fmt, True), toml=False).run()
        return json.dumps(data, ensure_ascii=False, indent=_indent(text)) + "\n"
    document = tomlkit.parse(text)
    _Merge(document, to_dict(meeting), _before(text, fmt, False), toml=True).run()
    return tomlkit.dumps(document)


def _before(text: str, fmt: str, times_as_text: bool) -> Mapping[str, Any] | None:
    """What the spec said before, in the writer's own terms: a key whose value did not
    change is kept as written, and so is a key the writer leaves out (a default, such
    as ``language = "ko"``)."""
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
                return (key, repr(_plain(entry[key])))
    return None


def _lists(entry: Any, before: Any) -> Iterator[tuple[list[Any], list[Any]]]:
    """Each list of tables under `entry` (the document or a table), with what the
    spec said of it before, depth first."""
    if not isinstance(entry, Mapping):
        return
    for key in _LISTS:
        found = entry.get(key)
        was = before.get(key) if isinstance(before, Mapping) else None
        if isinstance(found, list):
            tables = list(found)
            was = was if isinstance(was, list) and len(was) == len(tables) else [None] * len(
                tables)
            yield tables, was
            for table, old in zip(tables, was, strict=True):
                yield from _lists(table, old)


class _Merge:
    """Make `target` (the spec's document) say `wanted`, touching only what changed."""

    def __init__(self, target: MutableMapping[str, Any], wanted: Mapping[str, Any],
                 before: Mapping[str, Any] | None, toml: bool) -> None:
        self.target, self.wanted, self.before, self.toml = target, wanted, before, toml
        # Tables by identity (unique ones only), to follow an item into another list.
        self.tables: dict[object, tuple[Any, Any]] = {}
        counts: Counter[object] = Counter()
        for tables, was in _lists(target, before):
            for table, old in zip(tables, was, strict=True):
                key = _identity(old if old is not None else table)
                counts[key] += 1
                self.tables[key] = (table, old)
        for key, count in counts.items():
            if count > 1 or key is None:
                self.tables.pop(key, None)
        self.wanted_keys = {_identity(t) for tables, _ in _lists(wanted, None) for t in tables}
        self.used: set[int] = set()
        self.comments: dict[int, _Own] = {}
        if toml:
            _lift_leads(target)
            for array in _arrays(target):
                self.comments.update(_array_comments(array))

    def run(self) -> None:
        self.mapping(self.target, self.wanted, self.before)

    def mapping(self, target: MutableMapping[str, Any], wanted: Mapping[str, Any],
                before: Mapping[str, Any] | None, item: bool = False) -> None:
        """Make `target` say `wanted`; `item` says it is an item's table (where a text
        with line breaks is written over lines)."""
        for key in [k for k in target if k not in wanted]:
            if before is None or key in before:  # else: written by the user, left as it is
                del target[key]
        inline = isinstance(target, InlineTable)
        multiline = item and not inline
        for key, wanted_value in wanted.items():
            if key not in target:
                target[key] = _new(wanted_value, self.toml, inline, key, multiline)
                continue
            if before is not None and key in before and before[key] == wanted_value:
                continue  # the same meaning: left as the user wrote it
            current = target[key]
            previous = before.get(key) if before is not None else None
            if isinstance(wanted_value, Mapping) and isinstance(current, MutableMapping):
                self.mapping(current, wanted_value, previous if isinstance(previous, Mapping)
                             else None)
            elif is_tables(wanted_value) and isinstance(current, MutableSequence):
                replacement = self.tables_of(current, wanted_value, previous
                                             if isinstance(previous, list) else [], key)
                if replacement is not None:
                    target[key] = replacement
            elif _plain(current) != wanted_value:
                target[key] = _new(wanted_value, self.toml, inline, key, multiline)

    def tables_of(self, target: MutableSequence[Any], wanted: list[Mapping[str, Any]],
                  before: list[Any], name: str) -> Any:
        """Make the list of tables `target` equal `wanted`, reusing for each entry the
        table of the same identity (here or in another list), else the one at the same
        place whose item is gone. Returns the list that replaces `target` when its
        tables changed, else None (`target` was updated in place)."""
        existing = list(target)
        aligned = len(before) == len(existing)
        keys = [_identity(before[k] if aligned else t) for k, t in enumerate(existing)]
        chosen: list[tuple[Any, Any]] = []  # (table or None, what it said before)
        for entry in wanted:
            key = _identity(entry)
            here = next((k for k, t in enumerate(existing)
                         if key is not None and keys[k] == key and id(t) not in self.used),
                        None)
            if here is not None:
                chosen.append((existing[here], before[here] if aligned else None))
            elif key in self.tables and id(self.tables[key][0]) not in self.used:
                chosen.append(self.tables[key])
            else:
                chosen.append((None, None))
            if chosen[-1][0] is not None:
                self.used.add(id(chosen[-1][0]))
        for place, (table, _) in enumerate(chosen):  # what is left pairs up by place
            if table is None and place < len(existing) and id(existing[place]) not in (
                    self.used) and keys[place] not in self.wanted_keys:
                chosen[place] = (existing[place], before[place] if aligned else None)
                self.used.add(id(existing[place]))
        found = []
        inline = isinstance(target, Array)
        for entry, (chosen_table, old) in zip(wanted, chosen, strict=True):
            if chosen_table is None or not isinstance(chosen_table, MutableMapping):
                found.append(_new(entry, self.toml, inline, item=name == "items"))
                continue
            self.mapping(chosen_table, entry, old if isinstance(old, Mapping) else None,
                         item=name == "items")
            found.append(chosen_table)
        if len(found) == len(existing) and all(a is b for a, b in zip(found, existing,
                                                                      strict=True)):
            return None
        if not self.toml:
            return found
        if isinstance(target, AoT):
            return _tables_in_order(target, found, name)
        if isinstance(target, Array):
            return _array_in_order(target, found, self.comments)
        return toml_writer.value([_plain(entry) for entry in found])


# -- [[tables]] -------------------------------------------------------------------------
def _body(container: Any) -> Body:
    """The entries of a document or table, in the order they are written."""
    found: Body = container.body if isinstance(container, Container) else container.value.body
    return found


def _header_table(key: Any, item: Any) -> bool:
    return key is not None and not key.is_dotted() and isinstance(item, AoT | Table) and (
        not isinstance(item, InlineTable))


def _end(table: Table) -> Body:
    """The entries where `table`'s text ends: its own, or those of its last nested
    table with a header (the lines above the next header are kept there)."""
    body = table.value.body
    while body and _header_table(*body[-1]):
        last = body[-1][1]
        if isinstance(last, AoT):
            if not last.body:
                break
            body = last.body[-1].value.body
        else:
            body = last.value.body
    return body


def _take(body: Body, upto: int, kind: type[TomlItem]) -> list[TomlItem]:
    """Take the lines of `kind` (comments or blank lines) just before entry `upto` of
    `body` out of it."""
    start = upto
    while start > 0 and body[start - 1][0] is None and isinstance(body[start - 1][1], kind):
        start -= 1
    taken = [item for _, item in body[start:upto]]
    if upto == len(body):
        del body[start:]
    else:  # entries before a keyed one keep their places (tomlkit indexes them)
        body[start:upto] = [(None, Whitespace(""))] * (upto - start)
    return taken


def _region_before(body: Body, index: int) -> tuple[Body, int]:
    """Where the lines above the entry `index` of `body` are kept: just before it, or
    at the end of the table written before it."""
    if index and _header_table(*body[index - 1]):
        previous = body[index - 1][1]
        last = previous.body[-1] if isinstance(previous, AoT) else previous
        if isinstance(last, Table):
            end = _end(last)
            return end, len(end)
    return body, index


def _lift_leads(container: Any) -> None:
    """Give every table of an array of tables the comment lines directly above its
    ``[[header]]``, as the start of the header's line, so that it takes them wherever
    it goes."""
    body = _body(container)
    for index, (key, item) in enumerate(body):
        if not _header_table(key, item):
            continue
        if not isinstance(item, AoT):
            _lift_leads(item)
            continue
        for k, table in enumerate(item.body):
            if k:
                region = _end(item.body[k - 1])
                upto = len(region)
            else:
                region, upto = _region_before(body, index)
            lead = _take(region, upto, Comment)
            table.trivia.indent = "".join(c.as_string() for c in lead) + table.trivia.indent
            _lift_leads(table)


def _tables_in_order(old: AoT, found: list[Any], name: str) -> AoT:
    """`found` as the array of tables that replaces `old`. Each table keeps its own
    lines; the end of the array (its last blank lines, the comments after the last
    table) stays at the end."""
    ordered = [t if isinstance(t, Table) else _new(_plain(t), True, item=name == "items")
               for t in found]
    if old.body and ordered and ordered[-1] is not old.body[-1]:
        was, now = old.body[-1], ordered[-1]
        after = _take(_end(was), len(_end(was)), Comment)
        gap_was, gap_now = (_take(_end(t), len(_end(t)), Whitespace) for t in (was, now))
        _end(now).extend((None, item) for item in [*gap_was, *after])
        if any(t is was for t in ordered):
            _end(was).extend((None, item) for item in gap_now)
    return AoT(ordered, name=old.name, parsed=True)


# -- arrays of inline tables ---------------------------------------------------------------
@attrs.frozen
class _Own:
    """A value of an array and its own comments: the lines above it, the one after it."""

    value: Any
    leads: list[Any]
    comment: Comment | None


def _arrays(container: Any) -> Iterator[Array]:
    """Every array of inline tables in the document, nested ones included."""
    stack: list[Any] = [container]
    while stack:
        node = stack.pop()
        if isinstance(node, Array):
            yield node
            stack.extend(v for v in node if isinstance(v, InlineTable))
        elif isinstance(node, AoT):
            stack.extend(node.body)
        elif isinstance(node, Container | Table | InlineTable):
            stack.extend(node.values())


def _places(array: Array) -> list[Any]:
    groups = array._value  # tomlkit keeps an array's layout as groups of items
    return [g for g in groups if g.value is not None and not isinstance(g.value, Null)]


def _array_comments(array: Array) -> dict[int, _Own]:
    """Each value's own comments: the comment lines above it, and the one after it on
    its line."""
    places = _places(array)
    own: dict[int, _Own] = {}
    pending: list[Any] = []
    for group in array._value:
        if any(group is p for p in places):
            own[id(group.value)] = _Own(group.value, pending, group.comment)
            pending = []
        elif group.comment is not None:
            pending.append(group)
    return own


def _array_in_order(old: Array, values: list[Any], comments: dict[int, _Own]) -> Array:
    """`values` as the array of inline tables that replaces `old`, written as `old` is:
    each value takes its own comments with it, the indentation and commas stay with
    the places, and so does what follows the last value."""
    places = _places(old)
    if not places:
        return toml_writer.array([_plain(v) for v in values])
    closing = old._value[old._value.index(places[-1]) + 1:]  # after the last value
    # Comments need lines of their own: one-line arrays take values without them.
    lines = any(g.indent is not None and "\n" in g.indent.s for g in old._value)
    items: list[TomlItem] = []
    for place, value in enumerate(values):
        if not isinstance(value, InlineTable):
            value = toml_writer.inline_value(_plain(value))
        own = comments.get(id(value))
        leads, comment = (own.leads, own.comment) if (
            lines and own is not None and own.value is value) else ([], None)
        for group in leads:
            items.extend(group)
        last = place == len(values) - 1
        layout = places[-1] if last else places[min(place, max(len(places) - 2, 0))]
        comma = layout.comma
        if not last and (comma is None or "," not in comma.s):
            comma = Whitespace(",")
        items += [i for i in (layout.indent, value, comma, comment) if i is not None]
    for group in closing:
        items.extend(group)
    return Array(items, old.trivia)


def _new(data: Any, toml: bool, inline: bool = False, key: str | None = None,
         multiline: bool = False, item: bool = False) -> Any:
    """Fresh data (the value of `key`, else a table of a list of tables, an `item`'s
    when it is one) as the one TOML writer writes it, inline inside an inline table or
    an array. JSON data is itself."""
    if not toml:
        return data
    if inline:
        return toml_writer.inline_value(data)
    if key is None and isinstance(data, Mapping):
        return toml_writer.table(data, multiline=item)
    if key == "meeting" and isinstance(data, Mapping):
        return toml_writer.table(data, element=False)
    if key in TABLE_ARRAYS and is_tables(data):
        return toml_writer.tables(data, key)
    return toml_writer.value(data, multiline)
