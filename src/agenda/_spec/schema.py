"""The JSON Schema (draft 2020-12) of the spec file, generated from the spec's key
tables (`_keys`) and the model's own rules (the item kinds, the language tag), so
that editors (Taplo / Even Better TOML, VS Code's JSON support) complete and check
agenda files with exactly the names the loader accepts.
"""

from __future__ import annotations

import json
from typing import Any

from .._model import LANGUAGE_TAG, Kind
from .._words.catalog import LANGUAGES
from .keys import TABLES, Key
from .read import AUDIENCE_NAME

__all__ = ["SCHEMA_ID", "spec_schema", "spec_schema_json"]

SCHEMA_ID = "https://agenda.invalid/schema/spec.json"
"""The schema's ``$id``: a name, not a place to fetch it from."""

_DATE = r"^\d{4}-\d{2}-\d{2}$"
_URL = r'^[Hh][Tt][Tt][Pp][Ss]?://[^\s<>"\\/?#]+([/?#][^\s<>"\\]*)?$'
_COUNTRY = r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
_TIME = r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$"


def _definitions() -> dict[str, Any]:
    """The value types that more than one key uses."""
    tag = {"type": "string", "pattern": f"^{LANGUAGE_TAG.pattern}$"}
    return {
        "text": {
            "description": "A string in the meeting's language, or a table keyed by "
                           'language tag: { ko = "토론", en = "Discussion" }.',
            "anyOf": [
                {"type": "string"},
                {"type": "object", "minProperties": 1, "propertyNames": tag,
                 "additionalProperties": {"type": "string"}},
            ],
        },
        "date": {"type": "string", "format": "date", "pattern": _DATE,
                 "description": "A date, YYYY-MM-DD (a TOML local date)."},
        "time": {"type": "string", "pattern": _TIME,
                 "description": "A wall-clock time, HH:MM or HH:MM:SS (a TOML local time)."},
        "url": {"type": "string", "pattern": _URL,
                "description": "An http or https address, e.g. https://example.org/talk."},
        "country": {"type": "string", "pattern": _COUNTRY,
                    "description": "An ISO 3166 country code with an optional "
                                   "subdivision: KR, DE-BY."},
        "language": {"enum": list(LANGUAGES),
                     "description": "A language a meeting is held in (its texts are "
                                    "written in): ko or en."},
    }


def _value(key: Key) -> dict[str, Any]:
    """The schema of one key's value."""
    kind = key.type
    if kind == "string":
        out: dict[str, Any] = {"type": "string"}
    elif kind in ("text", "date", "time", "language", "url", "country"):
        out = {"$ref": f"#/$defs/{kind}"}
    elif kind == "minutes":
        out = {"type": "integer"}
    elif kind == "boolean":
        out = {"type": "boolean"}
    elif kind == "kind":
        out = {"enum": [member.value for member in Kind]}
    elif kind == "dates":
        out = {"type": "array", "items": {"$ref": "#/$defs/date"}}
    elif kind == "strings":
        out = {"type": "array", "items": {"type": "string"}}
    elif kind == "names":
        out = {"type": "array", "items": {"type": "string",
                                          "pattern": f"^{AUDIENCE_NAME.pattern}$"}}
    elif kind == "table":
        out = {"$ref": f"#/$defs/{key.of}"}
    else:  # "tables"
        out = {"type": "array", "items": {"$ref": f"#/$defs/{key.of}"}}
        if key.min_items:
            out["minItems"] = key.min_items
    return {**out, "description": key.doc}  # (2020-12 allows $ref beside other keywords)


def _table(keys: tuple[Key, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {key.name: _value(key) for key in keys},
        "additionalProperties": False,
    }
    wanted = [key.name for key in keys if key.required and not key.one_day]
    if wanted:
        out["required"] = wanted
    return out


def _one_day_or_days() -> dict[str, Any]:
    """A meeting of one day requires its own date and start; a meeting with
    ``[[days]]`` gives none of the one-day keys and no top-level ``[[items]]``."""
    keys = TABLES["meeting"]
    needed = [key.name for key in keys if key.required and key.one_day]
    refused = [{"required": [key.name]} for key in keys if key.one_day]
    return {
        "if": {"required": ["days"]},
        "then": {"properties": {"meeting": {"not": {"anyOf": refused}}},
                 "not": {"required": ["items"]}},
        "else": {"properties": {"meeting": {"required": needed}}},
    }


def spec_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a spec file, TOML or JSON: every table with
    exactly the keys the loader accepts, their types, and the required ones."""
    definitions = _definitions()
    for name, keys in TABLES.items():
        if name != "spec":
            definitions[name] = _table(keys)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "agenda spec",
        "description": "A meeting and its timed items, as read by agenda (TOML or JSON, "
                       "the same names in both).",
        **_table(TABLES["spec"]),
        **_one_day_or_days(),
        "$defs": definitions,
    }


def spec_schema_json() -> str:
    """`spec_schema()` as indented JSON text (what ``agenda schema`` prints)."""
    return json.dumps(spec_schema(), ensure_ascii=False, indent=2) + "\n"
