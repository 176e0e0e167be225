"""The one reader of spec files: one rule tells JSON from TOML, every command names the
spec the same way (the file as given, or standard input), and problems get their lines
from the text that was read."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import agenda
from agenda._io import read_spec
from agenda._spec.source import SpecText, spec_format, spec_text
from agenda.cli import cli

BROKEN = '[meeting]\ntitle = "x"\nbogus = 1\n'
OVERLAP = """[meeting]
title = "m"
date = 2024-03-13
start = 14:00
timezone = "Asia/Seoul"
language = "en"

[[items]]
title = "a"
minutes = 40

[[items]]
title = "b"
minutes = 10
at = 14:30
"""


@pytest.mark.parametrize(("source", "text", "expected"), [
    ("m.json", "[meeting]", "json"),
    ("M.JSON", "", "json"),
    ("m.toml", '{"meeting": {}}', "toml"),
    ("m", '{"meeting": {}}', "toml"),
    (".json", "{}", "toml"),  # a file called .json has no suffix
    ("dir.json/m", "{}", "toml"),
    (None, '\ufeff \n {"meeting": {}}', "json"),
    (None, "[meeting]", "toml"),
    (None, "", "toml"),
])
def test_one_rule_tells_json_from_toml(source: str | None, text: str, expected: str) -> None:
    assert spec_format(source, text) == expected


def test_a_spec_that_is_not_utf8_names_standard_input() -> None:
    with pytest.raises(agenda.SpecError) as caught:
        spec_text("회의".encode("cp949"), None)
    assert caught.value.source == "standard input"
    assert "iconv -f cp949" in str(caught.value)


def test_problems_get_lines_from_a_toml_file_only() -> None:
    with pytest.raises(agenda.InvalidAgenda) as caught:
        agenda.layout(SpecText(OVERLAP, "toml", "m.toml").meeting())
    problems = caught.value.problems
    assert [p.line for p in SpecText(OVERLAP, "toml", "m.toml").with_lines(problems)] == [12]
    assert [p.line for p in SpecText(OVERLAP, "toml", None).with_lines(problems)] == [None]


def test_load_names_the_file_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.toml").write_text(BROKEN, "utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(agenda.SpecError) as caught:
        agenda.load("./bad.toml")
    assert caught.value.source == "./bad.toml"
    with pytest.raises(agenda.SpecError) as missing:
        agenda.load(tmp_path / "missing.toml")
    assert missing.value.source == str(tmp_path / "missing.toml")
    assert [p.code for p in missing.value.problems] == ["unreadable"]


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch,
                                   reference_spec_path: Path) -> None:
    json_spec = agenda.dump_json(agenda.load(reference_spec_path)).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json_spec)))
    spec = read_spec("-")
    assert (spec.format, spec.source, spec.name) == ("json", None, "standard input")
    assert spec.meeting() == agenda.load(reference_spec_path)


@pytest.mark.parametrize("command", [["check"], ["table"], ["late", "--at", "14:00", "--by",
                                                              "5"], ["edit", "shift", "--by",
                                                                     "5"]])
def test_every_command_names_a_broken_spec_on_standard_input_the_same_way(
        command: list[str]) -> None:
    # edit and late printed these lines without the name before one reader served all
    args = [*command[:1], "-", *command[1:]]
    result = CliRunner().invoke(cli, args, input=BROKEN)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        'error: standard input: line 3: [meeting]: unknown key "bogus"; known keys: id, '
        "title, date, weekday, start, end, timezone, location, category, repeat, skip, "
        "extra, language, skip_holidays, url, online, materials")
    assert result.stdout == ""


def test_a_spec_file_is_named_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    (tmp_path / "bad.toml").write_text(BROKEN, "utf-8")
    monkeypatch.chdir(tmp_path)
    for command in (["check", "./bad.toml"], ["edit", "./bad.toml", "shift", "--by", "5"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2
        assert result.stderr.startswith("error: ./bad.toml: line 3: [meeting]: unknown key")


def test_problems_of_a_toml_file_keep_their_lines_on_every_path(tmp_path: Path) -> None:
    spec = tmp_path / "m.toml"
    spec.write_text(OVERLAP, "utf-8")
    text = CliRunner().invoke(cli, ["check", str(spec)])
    assert text.exit_code == 1
    assert text.stdout.startswith('line 12: 2 "b": fixed at 14:30')
    report = CliRunner().invoke(cli, ["check", "--format", "json", str(spec)])
    assert report.exit_code == 1
    assert '"line": 12' in report.stdout
