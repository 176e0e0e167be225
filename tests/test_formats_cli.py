"""`agenda table` and `agenda demo` in every table format, and `-o` writing atomically."""

from __future__ import annotations

import errno
import importlib.util
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import wcwidth
from click.testing import CliRunner

import agenda
from agenda._formats import RENDERERS
from agenda.cli import cli
from conftest import require_tool


@pytest.fixture(scope="module")
def reference() -> agenda.Timetable:
    return agenda.layout(agenda.reference_meeting())


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv", "json"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_table_prints_each_format(runner: CliRunner, reference_spec_path: Path,
                                  reference: agenda.Timetable, fmt: str, lang: str) -> None:
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--format", fmt,
                                 "--lang", lang])
    assert result.exit_code == 0, result.output
    expected = agenda.render(reference, fmt, agenda.RenderOptions(lang=lang))
    assert isinstance(expected, str)
    assert result.stdout_bytes == expected.encode("utf-8")  # CRLF of CSV kept


def test_text_in_korean_is_the_default(runner: CliRunner, reference_spec_path: Path,
                                       reference: agenda.Timetable) -> None:
    result = runner.invoke(cli, ["table", str(reference_spec_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == agenda.to_text(reference)
    assert "| 구분 " in result.stdout


def test_demo_prints_the_text_table(runner: CliRunner, reference: agenda.Timetable) -> None:
    result = runner.invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    assert result.stdout == agenda.to_text(reference)
    english = runner.invoke(cli, ["demo", "--lang", "en", "--format", "markdown"])
    assert english.stdout == agenda.to_markdown(reference, lang="en")


def test_width_option(runner: CliRunner, reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--width", "60"])
    assert result.exit_code == 0, result.output
    assert {wcwidth.wcswidth(line) for line in result.stdout.splitlines()} == {60}


def test_unknown_language_is_a_usage_error(runner: CliRunner, reference_spec_path: Path
                                           ) -> None:
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--lang", "ja"])
    assert result.exit_code == 2
    assert "'ja' is not one of 'en', 'ko'" in result.output


def test_output_file_with_bom(runner: CliRunner, reference_spec_path: Path,
                              reference: agenda.Timetable, tmp_path: Path) -> None:
    out = tmp_path / "agenda.csv"
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--format", "csv",
                                 "--bom", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8") == agenda.to_csv(reference, bom=True)
    without = runner.invoke(cli, ["table", str(reference_spec_path), "--format", "csv"])
    assert not without.stdout.startswith("\ufeff")


def test_output_file_text(runner: CliRunner, reference_spec_path: Path,
                          reference: agenda.Timetable, tmp_path: Path) -> None:
    out = tmp_path / "agenda.txt"
    out.write_text("old", encoding="utf-8")
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--lang", "en",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == agenda.to_text(reference, lang="en")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.txt"]


def test_a_failing_renderer_leaves_the_old_file(runner: CliRunner, reference_spec_path: Path,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(timetable: agenda.Timetable, options: agenda.RenderOptions) -> str:
        raise agenda.AgendaError("renderer broke")

    monkeypatch.setitem(RENDERERS, "text", broken)
    out = tmp_path / "agenda.txt"
    out.write_bytes(b"previous version\n")
    result = runner.invoke(cli, ["table", str(reference_spec_path), "-o", str(out)])
    assert result.exit_code == 2
    assert "renderer broke" in result.output
    assert out.read_bytes() == b"previous version\n"
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.txt"]


class _HalfWriter:
    """A file that writes half of what it is given, then fails as a full disk does."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("existing", [True, False])
def test_a_write_failing_half_way_leaves_no_truncated_file(
        runner: CliRunner, reference_spec_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, existing: bool) -> None:
    real_fdopen = os.fdopen

    def half_fdopen(fd: int, *args: Any, **kwargs: Any) -> _HalfWriter:
        return _HalfWriter(real_fdopen(fd, *args, **kwargs))

    out = tmp_path / "agenda.html"
    if existing:
        out.write_bytes(b"<p>previous</p>\n")
    monkeypatch.setattr(os, "fdopen", half_fdopen)  # as agenda._io calls it
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--format", "html",
                                 "-o", str(out)])
    monkeypatch.undo()
    assert result.exit_code == 2
    assert "cannot write" in result.output and "No space left" in result.output
    if existing:
        assert out.read_bytes() == b"<p>previous</p>\n"
        assert [p.name for p in tmp_path.iterdir()] == ["agenda.html"]
    else:
        assert list(tmp_path.iterdir()) == []


def _require_pdf() -> None:
    from agenda._formats.pdf import korean_fonts

    require_tool("WeasyPrint (pip install 'agenda[pdf]')",
                 importlib.util.find_spec("weasyprint") is not None)
    require_tool("a font with Korean glyphs (fonts-nanum)", bool(korean_fonts()))


def test_pdf_to_a_file_and_to_a_pipe(runner: CliRunner, reference_spec_path: Path,
                                     tmp_path: Path) -> None:
    _require_pdf()
    out = tmp_path / "agenda.pdf"
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--format", "pdf",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    piped = runner.invoke(cli, ["table", str(reference_spec_path), "--format", "pdf"])
    assert piped.exit_code == 0, piped.output
    assert piped.stdout_bytes.startswith(b"%PDF-")


def test_pdf_is_not_written_to_a_terminal(reference_spec_path: Path) -> None:
    """A real process whose standard output is a terminal (a pseudo-terminal)."""
    _require_pdf()
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from agenda.cli import main; main()", "table",
             str(reference_spec_path), "--format", "pdf"],
            stdout=follower, stderr=subprocess.PIPE, timeout=120, check=False)
        os.set_blocking(leader, False)
        try:
            written = os.read(leader, 65536)
        except BlockingIOError:
            written = b""
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert b"binary" in done.stderr and b"-o FILE" in done.stderr
    assert b"%PDF" not in written


def test_demo_reports_a_missing_pdf_engine(runner: CliRunner,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import raises ImportError
    result = runner.invoke(cli, ["demo", "--format", "pdf"])
    assert result.exit_code == 2
    assert "pip install 'agenda[pdf]'" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
