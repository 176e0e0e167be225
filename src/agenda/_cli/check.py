"""`agenda check`, `agenda table` and `agenda demo`: a spec validated and printed."""

from __future__ import annotations

import datetime as _dt
import json
import sys

import click

from .._check import check as check_file
from .._check import check_summary
from .._formats import RENDERERS, RenderOptions
from .._layout import (
    DEFAULT_OCCURRENCES,
    LISTED_AT_MOST,
    FewerOccurrences,
    layout,
    occurrence_listing,
    occurrence_timetable,
)
from .._layout._series import NotAnOccurrence
from .._problems import InvalidAgenda, SpecError
from .._timetable import Timetable
from .._words.catalog import LANGUAGES
from .._words.labels import LABELS
from .common import (
    _language,
    _layout_or_exit,
    _render_or_exit,
    _spec,
    _unreadable,
)
from .output import EXIT_INVALID, EXIT_UNREADABLE, _emit, _fail, _not_the_input, _out

MAX_OCCURRENCE_NUMBER = 100_000  # agenda._layout._series.MAX_OCCURRENCE_NUMBER


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--occurrences", is_flag=True,
              help="Also list every occurrence of a repeating meeting, one per line.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help=f"List at most this many occurrences (default: {LISTED_AT_MOST}, "
                   f"or {DEFAULT_OCCURRENCES} of a rule without end).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the messages (default: the meeting's language).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text: one problem per line; json: every problem with its fields.")
def check(file: str, occurrences: bool, limit: int | None, lang: str | None,
          fmt: str) -> None:
    """Validate FILE: exit 0 when sound, 1 with one problem per line when not."""
    report = check_file(file, lang)
    if fmt == "json":
        _out(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        sys.exit(0 if report.ok else EXIT_INVALID if report.readable else EXIT_UNREADABLE)
    if not report.readable:
        _unreadable(SpecError(report.problems, report.name), report.lang)
    if report.timetable is None:
        for problem in report.problems:
            _out(problem.text(report.lang))
        sys.exit(EXIT_INVALID)
    for warning in report.problems:
        click.echo(warning.text(report.lang), err=True)
    _out(report.summary())
    if occurrences:
        _echo_occurrences(report.timetable, limit, report.lang)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(sorted(LABELS)), default=None,
              help="Language of the labels, and of the texts where the agenda translates "
                   "them (default: the meeting's language).")
@click.option("--width", type=click.IntRange(min=40), default=100, show_default=True,
              help="Display width of the text table.")
@click.option("--bom", is_flag=True, help="Start CSV with a UTF-8 byte-order mark.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--on", "on_day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD",
              help="Print the agenda of the occurrence held on this date of a repeating "
                   "meeting.")
@click.option("--occurrence", "number", type=click.IntRange(1, MAX_OCCURRENCE_NUMBER),
              default=None, metavar="N",
              help="Print the agenda of the Nth occurrence (1 is the first).")
@click.option("--occurrences", is_flag=True,
              help="List the occurrences of the meeting, one per line, instead of a table.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help=f"With --occurrences: list at most this many (default: {LISTED_AT_MOST}, "
                   f"or {DEFAULT_OCCURRENCES} of a rule without end).")
def table(file: str, fmt: str, lang: str | None, width: int, bom: bool, output: str | None,
          on_day: _dt.datetime | None, number: int | None, occurrences: bool,
          limit: int | None) -> None:
    """Print the timetable of FILE."""
    if on_day is not None and number is not None:
        raise click.UsageError("give --on or --occurrence, not both")
    _not_the_input(file, output)
    meeting, spec = _spec(file)
    timetable = _layout_or_exit(meeting, spec=spec)
    if on_day is not None or number is not None:
        timetable = _occurrence_or_exit(timetable, on_day, number)
    if occurrences:
        _echo_occurrences(timetable, limit, _language(timetable.meeting, lang))
        return
    options = RenderOptions(lang=lang or timetable.meeting.language, width=width, bom=bom)
    _emit(_render_or_exit(timetable, fmt, options), output)


@click.command()
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text",
              show_default=True)
@click.option("--lang", type=click.Choice(sorted(LABELS)), default=None,
              help="Language of the labels (default: the meeting's language).")
def demo(fmt: str, lang: str | None) -> None:
    """Print the timetable of the reference meeting (2024-03-13, Asia/Seoul)."""
    from .._reference import reference_meeting

    meeting = reference_meeting()
    timetable = layout(meeting)
    click.echo(check_summary(timetable, _language(meeting, lang)), err=True)
    _emit(_render_or_exit(timetable, fmt, RenderOptions(lang=lang or meeting.language)), None)


def _occurrence_or_exit(timetable: Timetable, day: _dt.datetime | None,
                        number: int | None) -> Timetable:
    """The timetable of one occurrence (by date or number); exit 2 naming the nearest
    dates when there is none, 1 when that occurrence's own agenda is invalid."""
    try:
        return occurrence_timetable(timetable, on=None if day is None else day.date(),
                                    number=number)
    except (NotAnOccurrence, FewerOccurrences) as exc:  # a usage error
        _fail(str(exc))
    except InvalidAgenda as exc:
        for problem in exc.problems:
            _out(problem.text(_language(timetable.meeting, None)))
        sys.exit(EXIT_INVALID)


def _echo_occurrences(timetable: Timetable, limit: int | None, lang: str) -> None:
    """The occurrences listed (see `occurrence_listing`), the notes on standard error."""
    for line in occurrence_listing(timetable, limit, lang):
        if line.note:
            click.echo(line.text, err=True)
        else:
            _out(line.text)
