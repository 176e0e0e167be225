"""The ``agenda`` command line.

Exit codes (a contract for scripts): 0 success, 1 the agenda is invalid,
2 the file cannot be read or parsed (and click's usage errors).
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from ._clock import clock_text
from ._formats import RENDERERS, RenderOptions, render
from ._formats.labels import LABELS
from ._ics import FeedError, to_ics
from ._io import load, write_atomic
from ._layout import layout
from ._messages import LANGUAGES, escape_controls
from ._model import Meeting
from ._problems import AgendaError, InvalidAgenda, Problem, SpecError
from ._reference import reference_meeting
from ._repeat import UnboundedRepeat
from ._series import NotAnOccurrence, occurrence_on, timetable_occurrences
from ._spec import loads
from ._timetable import Timetable

__all__ = ["main"]

EXIT_INVALID = 1
EXIT_UNREADABLE = 2
DEFAULT_OCCURRENCES = 10


def _read_spec(path: str) -> Meeting:
    """Load a spec file or ``-`` (standard input: JSON when it starts with ``{``, else
    TOML); raises SpecError."""
    if path == "-":
        text = sys.stdin.read()
        return loads(text, "json" if text.lstrip().startswith("{") else "toml")
    return load(path)


def _error_lines(exc: SpecError, lang: str) -> str:
    """The spec's problems, one per line, each ``error: <file>: <problem>``."""
    return "\n".join(f"error: {line}" for line in exc.text(lang).splitlines())


def _read(path: str, lang: str | None = None) -> Meeting:
    """Load a spec file or ``-``; exit 2 with its problems when unreadable."""
    try:
        return _read_spec(path)
    except SpecError as exc:
        click.echo(_error_lines(exc, lang or "en"), err=True)
        sys.exit(EXIT_UNREADABLE)


def _layout_or_exit(meeting: Meeting, lang: str | None = None) -> Timetable:
    """Lay out `meeting`, or print its problems (one per line, in `lang`, default the
    meeting's language) and exit 1; warnings go to standard error."""
    lang = _language(meeting, lang)
    try:
        timetable = layout(meeting)
    except InvalidAgenda as exc:
        for problem in exc.problems:
            click.echo(problem.text(lang))
        sys.exit(EXIT_INVALID)
    for warning in timetable.warnings:
        click.echo(warning.text(lang), err=True)
    return timetable


def _language(meeting: Meeting, lang: str | None) -> str:
    if lang is not None:
        return lang
    return meeting.language if meeting.language in LANGUAGES else "en"


def _render_or_exit(timetable: Timetable, fmt: str, options: RenderOptions) -> str | bytes:
    """Render, or exit 2 with the reason (e.g. PDF without WeasyPrint or a Korean font)."""
    try:
        return render(timetable, fmt, options)
    except AgendaError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)


def _emit(data: str | bytes, output: str | None) -> None:
    if output is None or output == "-":
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                click.echo("error: the output is binary (PDF); write it to a file with "
                           "-o FILE or pipe it", err=True)
                sys.exit(EXIT_UNREADABLE)
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


_SUMMARY = {
    "en": 'ok: "{title}" {date} ({day}) {start}–{end} {zone}, {count} items, {minutes} min',
    "ko": 'ok: "{title}" {date} ({day}) {start}~{end} {zone}, 항목 {count}개, {minutes}분',
}


def summary(timetable: Timetable, lang: str = "en") -> str:
    """One line describing a valid agenda: its day, its span (the end's date when it
    ends on a later day, the UTC offset where the clock shows a time twice), its size."""
    m = timetable.meeting
    day = timetable.start.format("ddd", locale=lang)
    first = timetable.start.date()
    return escape_controls(_SUMMARY[lang].format(
        title=m.title, date=m.date.isoformat(), day=day,
        start=clock_text(timetable.start_utc, timetable.zone, first),
        end=clock_text(timetable.end_utc, timetable.zone, first), zone=timetable.zone,
        count=len(timetable), minutes=timetable.minutes))


def _check_report(file: str, lang: str | None) -> tuple[dict[str, object], int]:
    """``agenda check --format json``: the report and the exit code."""
    try:
        meeting = _read_spec(file)
    except SpecError as exc:
        problems: tuple[Problem, ...] = exc.problems
        return {"ok": False, "file": file, "lang": lang or "en", "meeting": None,
                "problems": [p.as_dict(lang or "en") for p in problems]}, EXIT_UNREADABLE
    lang = _language(meeting, lang)
    try:
        timetable = layout(meeting)
    except InvalidAgenda as exc:
        return {"ok": False, "file": file, "lang": lang, "meeting": None,
                "problems": [p.as_dict(lang) for p in exc.problems]}, EXIT_INVALID
    return {"ok": True, "file": file, "lang": lang, "meeting": {
        "title": meeting.title, "date": meeting.date.isoformat(),
        "start": timetable.start.isoformat(), "end": timetable.end.isoformat(),
        "timezone": timetable.zone, "items": len(timetable), "minutes": timetable.minutes},
        "problems": [p.as_dict(lang) for p in timetable.warnings]}, 0


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="agenda")
def cli() -> None:
    """Build, check and publish timed meeting agendas."""


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--occurrences", is_flag=True,
              help="Also list every occurrence of a repeating meeting, one per line.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="List at most this many occurrences (a rule without COUNT or UNTIL "
                   f"lists {DEFAULT_OCCURRENCES} unless told).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the messages (default: the meeting's language).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text: one problem per line; json: every problem with its fields.")
def check(file: str, occurrences: bool, limit: int | None, lang: str | None,
          fmt: str) -> None:
    """Validate FILE: exit 0 when sound, 1 with one problem per line when not."""
    if fmt == "json":
        report, code = _check_report(file, lang)
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        sys.exit(code)
    meeting = _read(file, lang)
    timetable = _layout_or_exit(meeting, lang)
    click.echo(summary(timetable, _language(meeting, lang)))
    if occurrences:
        _echo_occurrences(timetable, limit)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(sorted(LABELS)), default="ko", show_default=True)
@click.option("--width", type=click.IntRange(min=40), default=100, show_default=True,
              help="Display width of the text table.")
@click.option("--bom", is_flag=True, help="Start CSV with a UTF-8 byte-order mark.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--on", "on_day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Print the agenda of the occurrence held on this date (YYYY-MM-DD) "
                   "of a repeating meeting.")
@click.option("--occurrences", is_flag=True,
              help="List the occurrences of the meeting, one per line, instead of a table.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="With --occurrences: list at most this many.")
def table(file: str, fmt: str, lang: str, width: int, bom: bool, output: str | None,
          on_day: _dt.datetime | None, occurrences: bool, limit: int | None) -> None:
    """Print the timetable of FILE."""
    meeting = _read(file)
    if on_day is not None:
        _layout_or_exit(meeting)
        try:
            meeting = occurrence_on(meeting, on_day.date())
        except NotAnOccurrence as exc:  # a wrong date on the command line: a usage error
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_UNREADABLE)
    timetable = _layout_or_exit(meeting)
    if occurrences:
        _echo_occurrences(timetable, limit)
        return
    _emit(_render_or_exit(timetable, fmt, RenderOptions(lang=lang, width=width, bom=bom)),
          output)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text",
              show_default=True)
@click.option("--lang", type=click.Choice(sorted(LABELS)), default="ko", show_default=True)
def demo(fmt: str, lang: str) -> None:
    """Print the timetable of the reference meeting (2024-03-13, Asia/Seoul)."""
    timetable = layout(reference_meeting())
    click.echo(summary(timetable), err=True)
    _emit(_render_or_exit(timetable, fmt, RenderOptions(lang=lang)), None)


def _echo_occurrences(timetable: Timetable, limit: int | None) -> None:
    """One line per occurrence: date, weekday, start–end and UTC offset in the zone."""
    try:
        found = timetable_occurrences(timetable, limit)
    except UnboundedRepeat:
        found = timetable_occurrences(timetable, DEFAULT_OCCURRENCES)
        click.echo(f"note: the repeat rule has no end; the first {DEFAULT_OCCURRENCES} "
                   "occurrences are listed (--limit N lists more)", err=True)
    for start, end in found:
        until = end.format("HH:mm") if end.date() == start.date() else end.format(
            "YYYY-MM-DD HH:mm")
        click.echo(f"{start.format('YYYY-MM-DD (ddd) HH:mm', locale='en')}–{until} "
                   f"{start.format('Z')}")


def _parse_now(_ctx: click.Context, _param: click.Parameter, value: str | None
               ) -> _dt.datetime | None:
    if value is None:
        return None
    try:
        moment = _dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date-time") from None
    if moment.tzinfo is None:
        raise click.BadParameter(f"{value!r} has no UTC offset (add Z or e.g. +09:00)")
    return moment


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the feed to this file (atomically); an existing file is read as "
                   "the previous feed.")
@click.option("--items", is_flag=True, help="Add one event per item, linked to the meeting.")
@click.option("--previous", type=click.Path(dir_okay=False),
              help="The feed as last published (default: the existing OUTPUT).")
@click.option("--uid-domain", help="Right-hand side of every UID (default: the previous "
                                   "feed's, else agenda.invalid).")
@click.option("--now", callback=_parse_now, metavar="ISO",
              help="Stamp new and changed events with this time (default: now, in UTC).")
def ics(file: str, output: str | None, items: bool, previous: str | None,
        uid_domain: str | None, now: _dt.datetime | None) -> None:
    """Write the iCalendar feed of FILE; regenerating it updates subscribers in place."""
    timetable = _layout_or_exit(_read(file))
    source = previous
    if source is None and output not in (None, "-") and Path(str(output)).exists():
        source = output
    old: bytes | None = None
    if source is not None:
        try:
            old = Path(source).read_bytes()
        except OSError as exc:
            click.echo(f"error: cannot read {source}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_UNREADABLE)
    stamp = now if now is not None else _dt.datetime.now(_dt.UTC)
    try:
        data = to_ics(timetable, items=items, previous=old, now=stamp, uid_domain=uid_domain)
    except FeedError as exc:
        where = f"{source}: " if source is not None and old is not None else ""
        click.echo(f"error: {where}{exc.reason}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except AgendaError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if output not in (None, "-") and source == output and old == data:
        return  # unchanged: leave the file (and its modification time) alone
    _emit(data, output)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``agenda`` script."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="agenda")


if __name__ == "__main__":  # pragma: no cover
    main()

