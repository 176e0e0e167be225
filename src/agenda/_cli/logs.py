"""The log of actual times beside a spec, as the commands that read it find it
(`agenda log`, `agenda report`, `agenda late --from-log`, `agenda publish --dir`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from .._edit import ActualLog
from .._io import log_path
from .._model import Meeting
from .._problems import Problem, Severity
from .output import EXIT_INVALID, _fail, _out


def _log_file(file: str, log_file: str | None) -> Path:
    if log_file is not None:
        return Path(log_file)
    if file == "-":
        raise click.UsageError("the log is kept beside the spec file: with - give --log LOG")
    return log_path(file)


def _read_log(meeting: Meeting, file: str, log_file: str | None, *, required: bool
              ) -> tuple[ActualLog, Path]:
    """The log of `meeting` (beside FILE unless --log names it); an empty one when there
    is none yet and it is not `required`; exit 2 when it cannot be read."""
    where = _log_file(file, log_file)
    try:
        raw = where.read_bytes()
    except FileNotFoundError:
        if required:
            _fail(f"{where}: there is no log yet; `agenda log {file} ITEM start` starts it")
        return ActualLog(meeting), where
    except OSError as exc:
        _fail(f"{where}: cannot read the log: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        _fail(f"{where}: not UTF-8 text: {exc.reason} at byte {exc.start}")
    return ActualLog.read(text, meeting), where


def _log_problems_or_exit(log: ActualLog, where: Path, lang: str,
                          before: Sequence[Problem] = ()) -> None:
    """Print the log's errors (one per line on standard output) and exit 1 when it has
    any that are not in `before`; its warnings (and older errors) go to standard error."""
    problems = log.problems()
    fresh = [p for p in problems if p.severity is Severity.ERROR and p not in before]
    if fresh:
        for problem in fresh:
            _out(f"{where}: {problem.text(lang)}")
        sys.exit(EXIT_INVALID)
    for problem in problems:
        click.echo(f"{where}: {problem.text(lang)}", err=True)
