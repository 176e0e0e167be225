"""`agenda parse`: an agenda written in a document read back."""

from __future__ import annotations

import datetime as _dt
import sys

import click

from .._formats import RenderOptions
from .._layout import layout
from .._parse import FORMATS, ParseError, parse_file
from .._problems import InvalidAgenda, Severity
from .._spec import dump_json, dump_toml
from .._words.catalog import render_message, words_of
from .._words.labels import LABELS
from .common import _render_or_exit
from .output import EXIT_INVALID, EXIT_UNREADABLE, _emit, _not_the_input, _out


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="What the document is (auto tells text, Markdown, CSV, HTML, DOCX and "
                   "HWPX apart by their content).")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The meeting's date (YYYY-MM-DD), or the year of a date written without one.")
@click.option("--tz", default=None, help="The IANA time zone of the document's times.")
@click.option("--open-end", "open_end", type=click.IntRange(min=1, max=24 * 60), default=None,
              metavar="MINUTES",
              help="How long a last row left open (12:00~) lasts [default: 30].")
@click.option("--emit", type=click.Choice(["toml", "json"]), default=None,
              help="Write the spec read from the document instead of its timetable.")
@click.option("--lang", type=click.Choice(sorted(LABELS)), default=None,
              help="Language of the timetable and the messages (default: the document's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
def parse(file: str, fmt: str, day: _dt.datetime | None, tz: str | None, open_end: int | None,
          emit: str | None, lang: str | None, output: str | None) -> None:
    """Read the agenda written in FILE (a press release, a mail, a Markdown or CSV
    table, a saved web page, a DOCX or HWPX file) and report every inconsistency with
    its line: exit 0 when none, 1 when some, 2 when FILE cannot be read."""
    _not_the_input(file, output, what="the document being read")
    try:
        result = parse_file(file, format=fmt, date=None if day is None else day.date(),
                            tz=tz, open_end=open_end)
    except ParseError as exc:
        language = lang or exc.lang
        name = "standard input" if file == "-" else file
        prefix = "" if exc.code in _NAMED else f"{name}: "
        click.echo(f"{words_of('heads', language)['error']}{prefix}{exc.text(language)}", err=True)
        sys.exit(EXIT_UNREADABLE)
    language = lang or result.meeting.language
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    warnings = [p for p in result.problems if p.severity is Severity.WARNING]
    for warning in warnings:
        click.echo(warning.text(language), err=True)
    if emit is not None:
        spec = dump_toml(result.meeting) if emit == "toml" else dump_json(result.meeting)
        _emit(spec, output)
        for problem in errors:
            click.echo(problem.text(language), err=True)
    else:
        try:
            timetable = layout(result.meeting)
        except InvalidAgenda:
            note = render_message("parse-no-timetable", {}, language)
            click.echo(f"{words_of('heads', language)['note']}{note}", err=True)
        else:
            _emit(_render_or_exit(timetable, "text", RenderOptions(lang=language)), output)
        for problem in errors:
            _out(problem.text(language))
    if errors:
        sys.exit(EXIT_INVALID)


_NAMED = frozenset({"parse-not-utf8", "parse-unreadable", "parse-pdf",
                    "parse-office-unreadable"})
