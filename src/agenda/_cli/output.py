"""Standard output, exit codes and written outputs of the command line.

The group (`agenda.cli`) imports this module before any command: it imports no stage
of the library until something is written."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h: a bug in agenda, not in the input
EXIT_INTERRUPTED = 130


class _OutputFailed(Exception):
    """Writing to standard output failed (a closed pipe, a full disk)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


def _out(text: str, nl: bool = True) -> None:
    """Echo `text` to standard output; a failed write becomes :class:`_OutputFailed`."""
    try:
        click.echo(text, nl=nl)
    except OSError as exc:
        raise _OutputFailed(exc) from exc


def _out_bytes(data: bytes) -> None:
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as exc:
        raise _OutputFailed(exc) from exc


def _flush() -> None:
    """Flush standard output; a failed flush becomes :class:`_OutputFailed`."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise _OutputFailed(exc) from exc
    except ValueError:
        pass  # closed already


def _fail(message: str, code: int = EXIT_UNREADABLE) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _not_the_input(file: str, output: str | None, what: str = "the spec file",
                   hint: str = "choose another -o",
                   log: str | os.PathLike[str] | None = None) -> None:
    """Exit 2 before anything is written when `output` is FILE itself (by its name,
    through a link), or the `log` of actual times it reads: writing there would replace
    what the output is made from. The rule of every command that writes
    (`agenda._io.refuse_input`)."""
    from .._io import OutputIsInput, refuse_input

    try:
        refuse_input(output, [file], what)
        if log is not None:
            refuse_input(output, [log], "the log of actual times")
    except OutputIsInput as exc:
        _fail(f"{exc} ({hint})")


def _emit(data: str | bytes, output: str | None) -> None:
    """Write `data` to standard output, or atomically to `output` (see `write_atomic`)."""
    if output is None or output == "-":
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                _fail("the output is binary (PDF, DOCX, HWPX); write it to a file with -o FILE "
                      "or pipe it")
            _out_bytes(data)
        else:
            _out(data, nl=False)
        return
    from .._io import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
