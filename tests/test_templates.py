"""`agenda new`: every template in every language is a valid, commented spec."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import agenda
from agenda.cli import cli

NAMES = agenda.template_names()
CASES = [(name, lang) for name in NAMES for lang in ("ko", "en")]
ASSIGNMENT = re.compile(r"^\s*([A-Za-z_]+)\s*=")


def test_the_templates_the_contract_names_are_there() -> None:
    assert {"policy-meeting", "seminar", "board", "council", "conference-day"} <= set(NAMES)


@pytest.mark.parametrize(("name", "lang"), CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_a_new_spec_passes_check(runner: CliRunner, tmp_path: Path, name: str,
                                 lang: str) -> None:
    spec = tmp_path / f"{name}.toml"
    made = runner.invoke(cli, ["new", "--template", name, "--lang", lang, "-o", str(spec)])
    assert made.exit_code == 0, made.output
    result = runner.invoke(cli, ["check", str(spec)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")
    assert result.stderr == ""  # not even a warning
    meeting = agenda.load(spec)
    assert meeting.language == lang
    assert spec.read_text("utf-8") == agenda.template(name, lang)


@pytest.mark.parametrize(("name", "lang"), CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_every_key_is_explained_where_it_is_first_used(name: str, lang: str) -> None:
    text = agenda.template(name, lang)
    assert text.startswith("# ")
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        found = ASSIGNMENT.match(line)
        if found and found[1] not in seen:
            seen.add(found[1])
            assert "#" in line.split("=", 1)[1], f"line {number}: {line!r} has no comment"
    # Every key the template uses is one the spec format knows, in [meeting] or [[items]].
    data = tomllib.loads(text)
    assert set(data) <= {"meeting", "items"}


def test_the_same_template_in_both_languages_has_the_same_shape() -> None:
    for name in NAMES:
        ko = agenda.layout(agenda.loads(agenda.template(name, "ko")))
        en = agenda.layout(agenda.loads(agenda.template(name, "en")))
        assert [(s.number, s.start_utc, s.end_utc) for s in ko] == [
            (s.number, s.start_utc, s.end_utc) for s in en]


def test_without_output_the_template_goes_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["new", "--template", "board", "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout == agenda.template("board", "en")
    assert agenda.template("board") == agenda.template("board", "ko")


def test_list_names_every_template_with_its_description(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["new", "--list", "--lang", "en"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(NAMES)
    assert any("board meeting" in line for line in lines)
    korean = runner.invoke(cli, ["new", "--list"])
    assert any("이사회" in line for line in korean.stdout.splitlines())


def test_an_unknown_template_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["new", "--template", "picnic"])
    assert result.exit_code == 2
    assert "no template named 'picnic'" in result.output and "board" in result.output
    assert runner.invoke(cli, ["new"]).exit_code == 2
    with pytest.raises(agenda.UnknownTemplate) as caught:
        agenda.template("../reference")
    assert isinstance(caught.value, ValueError)


def test_an_existing_file_is_kept_unless_forced(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "mine.toml"
    spec.write_text("my own agenda", "utf-8")
    result = runner.invoke(cli, ["new", "--template", "seminar", "-o", str(spec)])
    assert result.exit_code == 2
    assert "exists" in result.stderr
    assert spec.read_text("utf-8") == "my own agenda"
    forced = runner.invoke(cli, ["new", "--template", "seminar", "-o", str(spec), "--force"])
    assert forced.exit_code == 0
    assert spec.read_text("utf-8") == agenda.template("seminar")
