"""The spec file: a meeting as TOML or JSON, with the same names in both.

The names are a public contract (other tools write these files): unknown keys
are rejected with the key and where it stands, and every problem in a file is
reported at once in one :class:`SpecError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import rtoml

from .._model import Meeting
from .._problems import Problem, SpecError
from .duplicates import given_twice
from .tables import ITEM_KEYS, MEETING_KEYS, Reader
from .values import AUDIENCE_NAME, DEFAULT_LANGUAGE

__all__ = ["AUDIENCE_NAME", "DEFAULT_LANGUAGE", "ITEM_KEYS", "MEETING_KEYS", "decode_spec",
           "from_dict", "load_json", "load_toml", "loads"]

_TOML_POSITION = re.compile(r"\s*at line (\d+) column (\d+)$")


def _read_nested(reader: Reader, data: Any) -> Meeting:
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
    return _read_nested(Reader(text, "toml"), data)


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
        raise SpecError(given_twice(data, twice))
    return _read_nested(Reader(text, "json"), data)


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
    return _read_nested(Reader("", "data"), data)


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
