"""The spec file: a meeting as TOML or JSON, with the same names in both.

The names are a public contract (other tools write these files): unknown keys
are rejected with the key and where it stands, and every problem in a file is
reported at once in one :class:`SpecError`.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import tomllib
from collections.abc import Mapping
from typing import Any

import rtoml
import tomli_w

from ._keys import names, one_day
from ._model import LANGUAGE_TAG, LANGUAGES, Day, Item, Kind, Meeting
from ._problems import SpecError

__all__ = ["decode_spec", "dump_json", "dump_toml", "load_json", "load_toml", "loads"]

# The names come from the spec's key table (`_keys`), which the JSON Schema is made from.
SPEC_KEYS = names("spec")
MEETING_KEYS = names("meeting")
ITEM_KEYS = names("item")
DAY_KEYS = names("day")
DEFAULT_LANGUAGE = "ko"
_ONE_DAY_KEYS = one_day("meeting")  # [meeting] keys that days replace
AUDIENCE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""An audience name: ASCII letters, digits, ``-`` and ``_`` (it names feed files)."""
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_KINDS = frozenset(k.value for k in Kind)


def _shown(value: Any, limit: int = 60) -> str:
    """`value` as the spec would show it, shortened: a message stays one readable line."""
    try:
        text = repr(value)
    except ValueError:  # an integer too long to print
        text = f"a number of {value.bit_length()} bits" if isinstance(value, int) else "?"
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


class _Reader:
    def __init__(self, text: str, fmt: str) -> None:
        self.text = text
        self.fmt = fmt
        self.errors: list[str] = []
        self.original = DEFAULT_LANGUAGE  # the language of the texts (the meeting's)

    def where_key(self, key: str) -> str:
        if self.fmt != "toml":
            return ""
        pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=|"
                             rf"^\s*\[\[?\s*(?:[\w.]+\.)?{re.escape(key)}\s*\]")
        lines = [n for n, line in enumerate(self.text.splitlines(), 1) if pattern.search(line)]
        if not lines:
            return ""
        return f" (line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines[:5]))})"

    def unknown(self, data: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in allowed:
                self.errors.append(f'{where}: unknown key "{key}"{self.where_key(key)}; '
                                   f"known keys: {', '.join(allowed)}")

    def string(self, data: Mapping[str, Any], key: str, where: str,
               required: bool = False) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.errors.append(f'{where}: "{key}" is missing')
            return None
        if not isinstance(value, str):
            self.errors.append(f'{where}: "{key}" must be a string, got {_shown(value)}')
            return None
        return value

    def translatable(self, data: Mapping[str, Any], key: str, where: str,
                     translations: dict[str, dict[str, str]], required: bool = False
                     ) -> str | None:
        """A text a person reads: a string in the meeting's language, or a table keyed by
        language tag (``{ ko = "토론", en = "Discussion" }``) that holds that language;
        the other languages go to `translations` (language → key → text)."""
        value = data.get(key)
        if not isinstance(value, dict):
            return self.string(data, key, where, required)
        original = None
        for lang, text in value.items():
            if not LANGUAGE_TAG.fullmatch(lang):
                self.errors.append(f'{where}: "{key}" has the key "{lang}", which is not a '
                                   "language tag like ko, en or en-GB")
            elif not isinstance(text, str):
                self.errors.append(f'{where}: "{key}.{lang}" must be a string, got {text!r}')
            elif lang == self.original:
                original = text
            else:
                translations.setdefault(lang, {})[key] = text
        if original is None:
            given = ", ".join(value) or "none"
            self.errors.append(f'{where}: "{key}" has no "{self.original}" text (the '
                               f"meeting's language; it gives {given})")
        return original

    def integer(self, data: Mapping[str, Any], key: str, where: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.errors.append(f'{where}: "{key}" must be a whole number of minutes, '
                               f"got {_shown(value)}")
            return None
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.errors.append(f'{where}: "{key}" must be true or false, got {_shown(value)}')
            return False
        return value

    def language(self, data: Mapping[str, Any], where: str) -> str:
        value = self.string(data, "language", where)
        if value is None:
            return "ko"
        if value not in LANGUAGES:
            self.errors.append(f'{where}: "language" must be one of {", ".join(LANGUAGES)}, '
                               f"got {_shown(value)}")
            return "ko"
        return value

    def date(self, data: Mapping[str, Any], key: str, where: str) -> _dt.date | None:
        value = data.get(key)
        if value is None:
            self.errors.append(f'{where}: "{key}" is missing')
            return None
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.errors.append(f'{where}: "{key}" must be a date like 2024-03-13, got {_shown(value)}')
        return None

    def time(self, data: Mapping[str, Any], key: str, where: str,
             required: bool = False) -> _dt.time | None:
        value = data.get(key)
        if value is None:
            if required:
                self.errors.append(f'{where}: "{key}" is missing')
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
        self.errors.append(f'{where}: "{key}" must be a local time like 14:00, got {_shown(value)}')
        return None

    def names(self, data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(
                isinstance(v, str) and AUDIENCE_NAME.fullmatch(v) for v in value):
            self.errors.append(f'{where}: "{key}" must be a list of names made of ASCII '
                               f'letters, digits, "-" and "_", like ["busan", "press"], '
                               f"got {value!r}")
            return ()
        return tuple(dict.fromkeys(value))

    def items(self, raw: Any, prefix: str, where: str, base: int = 0) -> tuple[Item, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.errors.append(f'{where}: "items" must be a list of tables, got {_shown(raw)}')
            return ()
        result = []
        for k, entry in enumerate(raw, start=base + 1):
            item = self.item(entry, f"{prefix}{k}")
            if item is not None:
                result.append(item)
        return tuple(result)

    def item(self, data: Any, number: str) -> Item | None:
        title = data.get("title") if isinstance(data, dict) else None
        if isinstance(title, dict):  # a text in several languages: named by the original
            title = title.get(self.original)
        where = f'item {number} "{title}"' if isinstance(title, str) else f"item {number}"
        if not isinstance(data, dict):
            self.errors.append(f"{where}: must be a table with a title, got {_shown(data)}")
            return None
        self.unknown(data, ITEM_KEYS, where)
        before = len(self.errors)
        kind_value = data.get("kind", Kind.TALK.value)
        if not isinstance(kind_value, str) or kind_value not in _KINDS:
            self.errors.append(f'{where}: "kind" must be one of '
                               f"{', '.join(k.value for k in Kind)}, got {_shown(kind_value)}")
        minutes = self.integer(data, "minutes", where)
        translations: dict[str, dict[str, str]] = {}
        presenter = self.translatable(data, "presenter", where, translations)
        notes = self.translatable(data, "notes", where, translations)
        at = self.time(data, "at", where)
        min_minutes = self.integer(data, "min_minutes", where)
        max_minutes = self.integer(data, "max_minutes", where)
        gap_ok = self.boolean(data, "gap_ok", where)
        ident = self.string(data, "id", where)
        parallel = self.boolean(data, "parallel", where)
        room = self.string(data, "room", where)
        title_value = self.translatable(data, "title", where, translations, required=True)
        audience = self.names(data, "audience", where)
        children = self.items(data.get("items"), f"{number}.", where)
        if len(self.errors) > before or title_value is None:
            return None
        return Item(title_value, minutes=minutes, presenter=presenter, notes=notes,
                    kind=kind_value, at=at, min_minutes=min_minutes, max_minutes=max_minutes,
                    gap_ok=gap_ok, id=ident, items=children, parallel=parallel, room=room,
                    translations=translations, audience=audience)

    def days(self, raw: Any) -> tuple[Day, ...]:
        """The [[days]] tables; item numbers run on from one day to the next."""
        if not isinstance(raw, list) or not raw:
            self.errors.append("[[days]] must be a list of tables, one per day, got "
                               f"{raw!r}")
            return ()
        result = []
        number = 0
        for k, entry in enumerate(raw, start=1):
            if not isinstance(entry, dict):
                self.errors.append(f"day {k}: must be a table with date, start and items, "
                                   f"got {_shown(entry)}")
                continue
            where = f"day {k}"
            self.unknown(entry, DAY_KEYS, where)
            before = len(self.errors)
            date = self.date(entry, "date", where)
            start = self.time(entry, "start", where, required=True)
            end = self.time(entry, "end", where)
            items = self.items(entry.get("items"), "", where, base=number)
            if isinstance(entry.get("items"), list):
                number += len(entry["items"])
            if len(self.errors) == before and date is not None and start is not None:
                result.append(Day(date, start, items, end=end))
        return tuple(result)

    def meeting(self, data: Any) -> Meeting:
        if not isinstance(data, dict):
            raise SpecError(["the spec must be a table with [meeting] and [[items]]"])
        self.unknown(data, SPEC_KEYS, "spec")
        head = data.get("meeting")
        if not isinstance(head, dict):
            self.errors.append("[meeting] is missing" if head is None
                               else f"[meeting] must be a table, got {_shown(head)}")
            head = {}
        self.unknown(head, MEETING_KEYS, "[meeting]")
        self.original = self.language(head, "[meeting]")
        if "days" in data:
            return self.meeting_of_days(data, head)
        translations: dict[str, dict[str, str]] = {}
        fields = dict(
            title=self.translatable(head, "title", "[meeting]", translations, required=True),
            date=self.date(head, "date", "[meeting]"),
            start=self.time(head, "start", "[meeting]", required=True),
            timezone=self.string(head, "timezone", "[meeting]", required=True),
            end=self.time(head, "end", "[meeting]"),
            location=self.translatable(head, "location", "[meeting]", translations),
            category=self.translatable(head, "category", "[meeting]", translations),
            weekday=self.string(head, "weekday", "[meeting]"),
            repeat=self.string(head, "repeat", "[meeting]"),
            id=self.string(head, "id", "[meeting]"),
        )
        items = self.items(data.get("items"), "", "spec")
        if self.errors:
            raise SpecError(self.errors)
        return Meeting(items=items, language=self.original, translations=translations,
                       **fields)  # type: ignore[arg-type]

    def meeting_of_days(self, data: dict[str, Any], head: dict[str, Any]) -> Meeting:
        """A meeting held over [[days]]: each day gives its date, start, end and items."""
        for key in _ONE_DAY_KEYS:
            if key in head:
                self.errors.append(f'[meeting]: "{key}"{self.where_key(key)} and [[days]] are '
                                   f"both given; with days, each [[days]] table gives its "
                                   "own date, start and end")
        if "items" in data:
            self.errors.append("[[items]] and [[days]] are both given; put each item in its "
                               "day's [[days.items]]")
        translations: dict[str, dict[str, str]] = {}
        fields = dict(
            title=self.translatable(head, "title", "[meeting]", translations, required=True),
            timezone=self.string(head, "timezone", "[meeting]", required=True),
            location=self.translatable(head, "location", "[meeting]", translations),
            category=self.translatable(head, "category", "[meeting]", translations),
            repeat=self.string(head, "repeat", "[meeting]"),
            id=self.string(head, "id", "[meeting]"),
        )
        days = self.days(data.get("days"))
        if self.errors:
            raise SpecError(self.errors)
        return Meeting(days=days, language=self.original, translations=translations,
                       **fields)  # type: ignore[arg-type]


_TOO_DEEP = "items nest deeper than Python's stack allows here; flatten the agenda"


def _read_nested(reader: _Reader, data: Any) -> Meeting:
    try:
        return reader.meeting(data)
    except RecursionError:
        raise SpecError([_TOO_DEEP]) from None


def load_toml(text: str) -> Meeting:
    """A meeting from spec text in TOML; raises :class:`SpecError`.

    rtoml (compiled) reads the text; a text it refuses is read again by the standard
    library's tomllib, whose messages name the line and column, and so is a text
    whose values the reader refuses, so that every message is tomllib's word.
    """
    try:
        data = rtoml.loads(text)
    except rtoml.TomlParsingError:
        return _read_nested(_Reader(text, "toml"), _tomllib_loads(text))
    try:
        return _read_nested(_Reader(text, "toml"), data)
    except SpecError:
        return _read_nested(_Reader(text, "toml"), _tomllib_loads(text))


def _tomllib_loads(text: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        if found:
            line, column = found.groups()
            reason = _TOML_POSITION.sub("", message).strip()
            raise SpecError([f"TOML syntax error at line {line}, column {column}: {reason}"]
                            ) from None
        raise SpecError([f"TOML syntax error: {message}"]) from None
    except RecursionError:
        raise SpecError([_TOO_DEEP]) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise SpecError([f"TOML value cannot be read: {_first_sentence(exc)}"]) from None


def load_json(text: str) -> Meeting:
    """A meeting from spec text in JSON (same names as TOML); raises :class:`SpecError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError([f"JSON syntax error at line {exc.lineno}, column {exc.colno}: "
                         f"{exc.msg}"]) from None
    except RecursionError:
        raise SpecError([_TOO_DEEP]) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise SpecError([f"JSON value cannot be read: {_first_sentence(exc)}"]) from None
    return _read_nested(_Reader(text, "json"), data)


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


def _plain_time(value: _dt.time) -> _dt.time:
    return _dt.time(value.hour, value.minute, value.second)


def _text(value: Item | Meeting, key: str, language: str) -> str | dict[str, str]:
    """A text as the spec writes it: a string, or a table keyed by language when the
    text has translations (the meeting's language first)."""
    original: str = getattr(value, key)
    others = {lang: text for lang, field, text in value.translations.entries if field == key}
    return {language: original, **others} if others else original


def _item_dict(item: Item, times_as_text: bool, language: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if item.id is not None:
        out["id"] = item.id
    out["title"] = _text(item, "title", language)
    if item.minutes is not None:
        out["minutes"] = item.minutes
    for key in ("presenter", "notes"):
        if getattr(item, key) is not None:
            out[key] = _text(item, key, language)
    if item.kind is not Kind.TALK:
        out["kind"] = item.kind.value
    if item.at is not None:
        out["at"] = item.at.isoformat() if times_as_text else _plain_time(item.at)
    for key in ("min_minutes", "max_minutes"):
        if getattr(item, key) is not None:
            out[key] = getattr(item, key)
    if item.gap_ok:
        out["gap_ok"] = True
    if item.room is not None:
        out["room"] = item.room
    if item.parallel:
        out["parallel"] = True
    if item.audience:
        out["audience"] = list(item.audience)
    if item.items:
        out["items"] = [_item_dict(child, times_as_text, language) for child in item.items]
    return out


def to_dict(meeting: Meeting, times_as_text: bool = False) -> dict[str, Any]:
    """The spec of `meeting` as plain data (the names of the spec format)."""
    if meeting.days:
        return _days_dict(meeting, times_as_text)
    head: dict[str, Any] = {}
    if meeting.id is not None:
        head["id"] = meeting.id
    head["title"] = _text(meeting, "title", meeting.language)
    head["date"] = meeting.date.isoformat() if times_as_text else _dt.date(
        meeting.date.year, meeting.date.month, meeting.date.day)
    if meeting.weekday is not None:
        head["weekday"] = meeting.weekday
    head["start"] = meeting.start.isoformat() if times_as_text else _plain_time(meeting.start)
    if meeting.end is not None:
        head["end"] = meeting.end.isoformat() if times_as_text else _plain_time(meeting.end)
    head["timezone"] = meeting.timezone
    for key in ("location", "category"):
        if getattr(meeting, key) is not None:
            head[key] = _text(meeting, key, meeting.language)
    if meeting.repeat is not None:
        head["repeat"] = meeting.repeat
    if meeting.language != DEFAULT_LANGUAGE:
        head["language"] = meeting.language
    items = [_item_dict(i, times_as_text, meeting.language) for i in meeting.items]
    return {"meeting": head, "items": items}


def _days_dict(meeting: Meeting, times_as_text: bool) -> dict[str, Any]:
    head: dict[str, Any] = {}
    if meeting.id is not None:
        head["id"] = meeting.id
    head["title"] = _text(meeting, "title", meeting.language)
    head["timezone"] = meeting.timezone
    for key in ("location", "category"):
        if getattr(meeting, key) is not None:
            head[key] = _text(meeting, key, meeting.language)
    if meeting.repeat is not None:
        head["repeat"] = meeting.repeat
    if meeting.language != DEFAULT_LANGUAGE:
        head["language"] = meeting.language
    days = []
    for day in meeting.days:
        entry: dict[str, Any] = {
            "date": day.date.isoformat() if times_as_text else _dt.date(
                day.date.year, day.date.month, day.date.day),
            "start": day.start.isoformat() if times_as_text else _plain_time(day.start),
        }
        if day.end is not None:
            entry["end"] = day.end.isoformat() if times_as_text else _plain_time(day.end)
        entry["items"] = [_item_dict(i, times_as_text, meeting.language) for i in day.items]
        days.append(entry)
    return {"meeting": head, "days": days}


def dump_toml(meeting: Meeting) -> str:
    """The spec of `meeting` in TOML; `load_toml(dump_toml(m)) == m`.

    Laid out for a person to keep editing: ``[meeting]`` first, then one
    ``[[items]]`` table per item in agenda order (under its ``[[days]]`` table when the
    meeting has days), children as ``[[items.items]]`` under their block, and notes
    with line breaks as multi-line strings.
    """
    data = to_dict(meeting)
    out = [] if data.get("items", True) else ["items = []", ""]
    out += ["[meeting]", _toml_table(data["meeting"])]
    if "days" in data:
        for day in data["days"]:
            entry = dict(day)
            items = entry.pop("items", [])
            out += ["", "[[days]]", tomli_w.dumps(entry).rstrip()]
            out += ["items = []"] if not items else _toml_items(items, "days.items")
    else:
        out += _toml_items(data["items"], "items")
    return "\n".join(out) + "\n"


def _toml_table(entry: dict[str, Any], multiline: bool = False) -> str:
    """The keys of one table, in order; a text in several languages as an inline table
    (``title = { ko = "토론", en = "Discussion" }``)."""
    lines = []
    for key, value in entry.items():
        if isinstance(value, dict):
            inner = ", ".join(tomli_w.dumps({lang: text}).strip() for lang, text in value.items())
            lines.append(f"{tomli_w.dumps({key: 0}).split('=')[0].strip()} = {{ {inner} }}")
        else:
            lines.append(tomli_w.dumps({key: value}, multiline_strings=multiline).rstrip())
    return "\n".join(lines)


def _toml_items(items: list[dict[str, Any]], header: str) -> list[str]:
    """One ``[[header]]`` table per item, depth first, children under their block."""
    out: list[str] = []
    stack: list[tuple[str, list[dict[str, Any]]]] = [(header, list(items))]
    while stack:  # without recursion: nesting is limited by the layout only
        name, entries = stack[-1]
        if not entries:
            stack.pop()
            continue
        entry = dict(entries.pop(0))
        children = entry.pop("items", None)
        # A carriage return in a multi-line string would read back as a plain line end.
        multiline = not any(isinstance(v, str) and "\r" in v for v in entry.values())
        out += ["", f"[[{name}]]", _toml_table(entry, multiline)]
        if children:
            stack.append((f"{name}.items", list(children)))
    return out


def dump_json(meeting: Meeting) -> str:
    """The spec of `meeting` in JSON; `load_json(dump_json(m)) == m`."""
    return json.dumps(to_dict(meeting, times_as_text=True), ensure_ascii=False, indent=2) + "\n"
