"""The commands of docs/day.md run as shown: every ```console block, one shared folder
holding the reference meeting as ``meeting.toml`` and the example rehearsal log."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from agenda.cli import cli
from conftest import DOCS, EXAMPLES

PAGE = DOCS / "day.md"
CONSOLE = re.compile(r"```console\n(.*?)```", re.S)


def commands(text: str) -> list[tuple[list[str], str, int]]:
    """Each ``$ agenda ...`` line of the page's console blocks: its arguments, the output
    shown under it, and its exit code (``(exit N)`` after the output, else 0)."""
    found: list[tuple[list[str], str, int]] = []
    for block in CONSOLE.findall(text):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            line, _, shown = chunk.partition("\n")
            exit_code = 0
            status = re.search(r"^\(exit (\d+)\)\n\Z", shown, flags=re.M)
            if status:
                exit_code = int(status[1])
                shown = shown[:status.start()]
            args = shlex.split(line)
            assert args[0] == "agenda", line
            found.append((args[1:], shown, exit_code))
    return found


def test_the_page_shows_the_commands_of_a_whole_day() -> None:
    run = [args[0] for args, _, _ in commands(PAGE.read_text("utf-8"))]
    assert {"log", "late", "publish", "report"} <= set(run)


def test_every_command_of_the_page_prints_what_the_page_shows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "meeting.toml").write_bytes((EXAMPLES / "reference-meeting.toml").read_bytes())
    (tmp_path / "rehearsal.log.toml").write_bytes(
        (EXAMPLES / "rehearsal.log.toml").read_bytes())
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args, shown, exit_code in commands(PAGE.read_text("utf-8")):
        result = runner.invoke(cli, args)
        assert (result.output, result.exit_code) == (shown, exit_code), " ".join(args)
