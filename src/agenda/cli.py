"""The ``agenda`` command line.

Exit codes (a contract for scripts): 0 success, 1 the agenda is invalid,
2 the file cannot be read or parsed (and click's usage errors).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from ._formats import RENDERERS, RenderOptions, render
from ._io import load, write_atomic
from ._layout import layout, validate
from ._model import Meeting
from ._problems import AgendaError, InvalidAgenda, Severity, SpecError
from ._reference import reference_meeting
from ._spec import loads
from ._timetable import Timetable

__all__ = ["main"]

EXIT_INVALID = 1
EXIT_UNREADABLE = 2


def _read(path: str) -> Meeting:
    """Load a spec file or ``-`` (TOML on standard input); exit 2 when unreadable."""
    try:
        if path == "-":
            return loads(sys.stdin.read(), "toml")
        return load(path)
    except SpecError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)


def _layout_or_exit(meeting: Meeting) -> Timetable:
    try:
        timetable = layout(meeting)
    except InvalidAgenda as exc:
        for problem in exc.problems:
            click.echo(str(problem))
        sys.exit(EXIT_INVALID)
    for warning in timetable.warnings:
        click.echo(str(warning), err=True)
    return timetable


def _emit(data: str | bytes, output: str | None) -> None:
    if output is None or output == "-":
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            click.echo(data, nl=False)
        return
    try:
        write_atomic(output, data)
    except OSError as exc:
        click.echo(f"error: cannot write {output}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_UNREADABLE)


def summary(timetable: Timetable) -> str:
    """One line describing a valid agenda."""
    m = timetable.meeting
    day = timetable.start.format("ddd", locale="en")
    return (f'ok: "{m.title}" {m.date.isoformat()} ({day}) '
            f"{timetable.start.format('HH:mm')}–{timetable.end.format('HH:mm')} {timetable.zone}, "
            f"{len(timetable)} items, {timetable.minutes} min")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="agenda")
def cli() -> None:
    """Build, check and publish timed meeting agendas."""


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
def check(file: str) -> None:
    """Validate FILE: exit 0 when sound, 1 with one problem per line when not."""
    meeting = _read(file)
    problems = validate(meeting)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        for problem in problems:
            click.echo(str(problem))
        sys.exit(EXIT_INVALID)
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(summary(layout(meeting)))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="json",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(["ko", "en"]), default="ko", show_default=True)
@click.option("--width", type=click.IntRange(min=40), default=100, show_default=True,
              help="Display width of the text table.")
@click.option("--bom", is_flag=True, help="Start CSV with a UTF-8 byte-order mark.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
def table(file: str, fmt: str, lang: str, width: int, bom: bool, output: str | None) -> None:
    """Print the timetable of FILE."""
    timetable = _layout_or_exit(_read(file))
    try:
        data = render(timetable, fmt, RenderOptions(lang=lang, width=width, bom=bom))
    except AgendaError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    _emit(data, output)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="json",
              show_default=True)
@click.option("--lang", type=click.Choice(["ko", "en"]), default="ko", show_default=True)
def demo(fmt: str, lang: str) -> None:
    """Print the timetable of the reference meeting (2024-03-13, Asia/Seoul)."""
    timetable = layout(reference_meeting())
    click.echo(summary(timetable), err=True)
    _emit(render(timetable, fmt, RenderOptions(lang=lang)), None)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``agenda`` script."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="agenda")


if __name__ == "__main__":  # pragma: no cover
    main()

