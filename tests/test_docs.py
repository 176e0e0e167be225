"""Every ```python block in docs/*.md runs; the blocks of one page share a namespace.

A block may end with expected output in a ```text block right after it, introduced by
an HTML comment ``<!-- output -->``: then the block's printed output must equal it.

A page may also show a session at the command line: a ```console block whose lines
``$ agenda ...`` are run (in a folder of the page's own, through click's runner), each
followed by what it prints (standard output and standard error, as a terminal shows
them) and, when it is not 0, a last line ``(exit N)``. ``$ cat FILE`` prints a file.
The files a session needs are the code blocks introduced by ``<!-- file: NAME -->``,
written into that folder where they stand on the page (a page whose sessions need
none, docs/day.md, has a test of its own: tests/test_day_docs.py). ``$CALDAV_URL`` and
``$CALDAV_PASSWORD`` name a calendar on a Radicale server of the test's own.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from agenda.cli import cli
from conftest import DOCS, ROOT

BLOCK = re.compile(r"```python\n(.*?)```(?:\s*<!-- output -->\s*```text\n(.*?)```)?", re.S)
SESSION = re.compile(r"```console\n(.*?)```|<!-- file: (\S+) -->\s*```\w*\n(.*?)```", re.S)
PAGES = sorted(DOCS.glob("*.md"))
SESSIONS = [p for p in PAGES if "<!-- file: " in p.read_text("utf-8")]


def test_every_feature_page_exists() -> None:
    assert (DOCS / "index.md").exists()
    assert len(PAGES) >= 2


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_doc_page_code_runs(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
    for number, match in enumerate(BLOCK.finditer(page.read_text("utf-8")), start=1):
        code, expected = match.group(1), match.group(2)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"{page.name} block {number}", "exec"), namespace)
        if expected is not None:
            assert out.getvalue() == expected, f"{page.name} block {number}"


def commands(block: str) -> Iterator[tuple[str, str]]:
    """(command, what it prints) of each ``$`` line of a console block."""
    command: str | None = None
    printed: list[str] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, "".join(f"{p}\n" for p in printed)
            command, printed = line[2:], []
        elif command is not None:
            printed.append(line)
    if command is not None:
        yield command, "".join(f"{p}\n" for p in printed)


@contextlib.contextmanager
def calendar_server(tmp_path: Path, needed: bool) -> Iterator[dict[str, str]]:
    """$CALDAV_URL and $CALDAV_PASSWORD of a Radicale on 127.0.0.1 (when `needed`)."""
    if not needed:
        yield {}
        return
    pytest.importorskip("caldav")
    pytest.importorskip("radicale")
    from radicale_server import PASSWORD, radicale

    folder = tmp_path / "radicale"
    folder.mkdir()
    with radicale(folder) as server:
        yield {"CALDAV_URL": f"{server.url}weekly/", "CALDAV_PASSWORD": PASSWORD}


@pytest.mark.parametrize("page", SESSIONS, ids=[p.name for p in SESSIONS])
def test_doc_page_sessions_run(page: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    text = page.read_text("utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    with calendar_server(tmp_path, "$CALDAV_URL" in text) as env:
        for match in SESSION.finditer(text):
            block, name, content = match.groups()
            if name is not None:
                (work / name).write_text(content, "utf-8")
                continue
            for command, expected in commands(block):
                argv = shlex.split(re.sub(r"\$(\w+)", lambda m: env[m.group(1)], command))
                if argv[0] == "cat":
                    assert (work / argv[1]).read_text("utf-8") == expected, command
                    continue
                assert argv[0] == "agenda", f"{page.name}: only agenda commands run: {command}"
                result = CliRunner(env=env).invoke(cli, argv[1:])
                shown = result.output + (f"(exit {result.exit_code})\n"
                                         if result.exit_code else "")
                assert shown == expected, f"{page.name}: {command}"
