"""`agenda schema`: the JSON Schema of the spec agrees with the loader, key for key."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import agenda
from agenda._spec.keys import TABLES, Key, names
from agenda.cli import cli
from conftest import EXAMPLE_SPECS
from strategies import (
    conference_meetings,
    flexible_meetings,
    meetings,
    series_meetings,
    translated_meetings,
)

SCHEMA = agenda.spec_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
SPECS = EXAMPLE_SPECS
TEMPLATES = [(name, lang) for name in agenda.template_names() for lang in ("ko", "en")]
FEWER = settings(max_examples=max(10, settings().max_examples // 3))


def plain(value: Any) -> Any:
    """TOML data as JSON data: dates and times become their ISO text (as editors that
    check TOML against a JSON Schema treat them)."""
    if isinstance(value, dict):
        return {key: plain(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [plain(inner) for inner in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def errors(data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATOR.iter_errors(data)]


def test_agenda_schema_prints_a_draft_2020_12_schema(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed == SCHEMA
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(printed)


def test_schema_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "agenda.schema.json"
    assert runner.invoke(cli, ["schema", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text("utf-8")) == SCHEMA


@pytest.mark.parametrize("spec", SPECS, ids=[p.name for p in SPECS])
def test_every_example_validates(spec: Path) -> None:
    text = spec.read_text("utf-8")
    data = json.loads(text) if spec.suffix == ".json" else plain(tomllib.loads(text))
    assert errors(data) == []


@pytest.mark.parametrize(("name", "lang"), TEMPLATES, ids=[f"{n}-{g}" for n, g in TEMPLATES])
def test_every_template_validates(name: str, lang: str) -> None:
    assert errors(plain(tomllib.loads(agenda.template(name, lang)))) == []


@FEWER
@given(st.one_of(meetings(), flexible_meetings(), series_meetings(), translated_meetings(),
                 conference_meetings()))
def test_every_generated_spec_validates(meeting: agenda.Meeting) -> None:
    assert errors(json.loads(agenda.dump_json(meeting))) == []
    assert errors(plain(tomllib.loads(agenda.dump_toml(meeting)))) == []


# -- the schema and the loader accept the same keys -----------------------------------

MINIMAL: dict[str, Any] = {
    "meeting": {"title": "m", "date": "2024-03-13", "start": "14:00",
                "timezone": "Asia/Seoul"},
    "items": [{"title": "a", "minutes": 5}],
}
SAMPLES: dict[str, Any] = {
    "string": "x", "text": {"ko": "가", "en": "a"}, "date": "2024-03-20", "time": "14:30",
    "minutes": 5, "boolean": True, "kind": "talk", "language": "ko",
    "dates": ["2024-03-20"], "strings": ["x"], "names": ["busan", "press"],
    "url": "https://example.org/talk", "country": "KR",
}


def spec_with(table: str, key: str, value: Any) -> dict[str, Any]:
    """The minimal spec with `key` = `value` added to its `table` (the spec itself, the
    meeting, or its first item)."""
    data = json.loads(json.dumps(MINIMAL))
    target = {"spec": data, "meeting": data["meeting"], "item": data["items"][0]}[table]
    target[key] = value
    return data


def refused_keys(data: dict[str, Any]) -> set[str]:
    """The keys the loader calls unknown in `data`."""
    try:
        agenda.load_json(json.dumps(data))
    except agenda.SpecError as error:
        return {key for key in _all_names() | {"colour", "speaker", "room_x"}
                if f'unknown key "{key}"' in str(error)}
    return set()


def _all_names() -> set[str]:
    return {name for table in TABLES for name in names(table)}


LOADED_TABLES = ("spec", "meeting", "item")  # "day" is checked by the days examples


@pytest.mark.parametrize("table", LOADED_TABLES)
def test_schema_properties_are_the_loader_keys(table: str) -> None:
    definition = SCHEMA if table == "spec" else SCHEMA["$defs"][table]
    assert list(definition["properties"]) == list(names(table))
    assert definition["additionalProperties"] is False


@pytest.mark.parametrize(("table", "key"), [
    (table, key.name) for table in LOADED_TABLES for key in TABLES[table]
    if key.type in SAMPLES])
def test_every_key_the_loader_accepts_is_in_the_schema(table: str, key: str) -> None:
    """A sample value of the key's type: neither the loader nor the schema refuses the
    key (the loader may still find its value wrong for the meeting)."""
    kind = next(k.type for k in TABLES[table] if k.name == key)
    data = spec_with(table, key, SAMPLES[kind])
    assert key not in refused_keys(data)
    assert not [e for e in errors(data) if "Additional properties" in e]


@given(st.sampled_from(LOADED_TABLES),
       st.one_of(st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True),
                 st.sampled_from(sorted(_all_names()))))
def test_the_schema_allows_no_key_the_loader_refuses(table: str, key: str) -> None:
    data = spec_with(table, key, "x")
    loader_refuses = f'unknown key "{key}"' in _load_error(data)
    schema_refuses = any("Additional properties" in e and repr(key) in e
                         for e in errors(data))
    assert loader_refuses == schema_refuses == (key not in names(table))


def _load_error(data: dict[str, Any]) -> str:
    try:
        agenda.load_json(json.dumps(data))
    except agenda.SpecError as error:
        return str(error)
    return ""


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([10.0, 1e3, 2.5])
    | st.sampled_from(
        ["", "x", "14:00", "2024-03-13", "talk", "ko", "en", "25:00", "2024-02-30", "x y",
         "press", "ja", "en-GB"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["ko", "en", "x y", "title"]), inner, max_size=3),
    max_leaves=6)


@given(st.sampled_from([(table, key) for table in LOADED_TABLES for key in TABLES[table]
                        if key.type in SAMPLES]), JSON_VALUES)
def test_a_value_the_schema_allows_the_loader_reads(where: tuple[str, Key],
                                                    value: Any) -> None:
    """The schema is never more permissive than the loader: a value it allows for a
    key is read without a spec error about that key."""
    table, key = where
    data = spec_with(table, key.name, value)
    if errors(data):
        return
    message = _load_error(data)
    if key.type == "text" and isinstance(value, dict) and "ko" not in value:
        # The one rule a schema cannot state: a text table holds the meeting's language.
        assert f'"{key.name}" has no "ko" text' in message
        return
    assert f'"{key.name}' not in message, message


# -- values where the schema and the loader once disagreed ------------------------------
def _spec_problems(data: dict[str, Any]) -> list[agenda.Problem]:
    try:
        agenda.load_json(json.dumps(data))
    except agenda.SpecError as error:
        return list(error.problems)
    return []


@pytest.mark.parametrize("minutes", [10.0, 1e3])
def test_whole_minutes_written_as_a_json_number_with_a_point_are_read(minutes: float) -> None:
    data = spec_with("item", "minutes", minutes)
    assert errors(data) == []
    assert agenda.load_json(json.dumps(data)).items[0].minutes == int(minutes)
    assert isinstance(agenda.load_json(json.dumps(data)).items[0].minutes, int)


def test_minutes_with_a_fraction_are_refused_by_both() -> None:
    data = spec_with("item", "minutes", 10.5)
    assert errors(data)
    assert [p.code for p in _spec_problems(data)] == ["wrong-type"]


def test_null_is_refused_by_both_naming_the_key() -> None:
    data = spec_with("item", "minutes", None)
    assert errors(data)
    problems = _spec_problems(data)
    assert [(p.code, p.facts["key"]) for p in problems] == [("null-value", "minutes")]
    assert '"minutes" is null; leave the key out' in str(problems[0])
    title = spec_with("meeting", "title", None)  # a required key: not also "missing"
    assert errors(title)
    assert [p.code for p in _spec_problems(title)] == ["null-value"]


def test_an_empty_list_of_days_is_refused_by_both() -> None:
    data = {"meeting": {"title": "m", "timezone": "Asia/Seoul"}, "days": []}
    assert any("should be non-empty" in e or "too short" in e for e in errors(data))
    problems = _spec_problems(data)
    assert [p.code for p in problems] == ["no-days"]
    assert '"days" is empty; give at least one [[days]] table' in str(problems[0])
