"""The ``agenda`` command line.

Exit codes (a contract for scripts): 0 success, 1 the agenda is invalid,
2 the file cannot be read or parsed, an output cannot be written (and click's usage
errors), 70 an internal error (a bug: one line on standard error; the traceback with
``--debug`` or ``AGENDA_DEBUG=1``), 130 interrupted.

Start-up counts in scripts: the modules of the feed (icalendar), of series
(dateutil) and of each table format are imported by the commands that use them.
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ._time import clock_text

if TYPE_CHECKING:
    from ._ical.events import FeedTimetable

from ._diff import diff
from ._edit import (
    ActualLog,
    AddressError,
    EditError,
    insert,
    late_from_log,
    move,
    remove,
    resize,
    running_late,
    shift,
)
from ._formats import RENDERERS, RenderOptions, render
from ._io import (
    OutputIsInput,
    append_line,
    load,
    log_path,
    readable_output,
    refuse_input,
    write_atomic,
)
from ._layout import layout
from ._model import LANGUAGE_TAG, Item, Kind, Meeting
from ._parse import FORMATS, ParseError, parse_bytes
from ._problems import AgendaError, InvalidAgenda, Problem, Severity, SpecError
from ._schedule import SCHEDULE_FORMATS, ScheduleError, to_schedule
from ._spec import decode_spec, dump_json, dump_toml, loads
from ._spec.schema import spec_schema_json
from ._spec.templates import (
    TEMPLATE_LANGUAGES,
    UnknownTemplate,
    template,
    template_description,
    template_names,
)
from ._timetable import Timetable
from ._translations import original_track, translate
from ._words.catalog import LANGUAGES, render_message
from ._words.labels import LABELS

__all__ = ["main"]

EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h: a bug in agenda, not in the input
EXIT_INTERRUPTED = 130
DEBUG_VARIABLE = "AGENDA_DEBUG"
DEFAULT_OCCURRENCES = 10
MAX_OCCURRENCE_NUMBER = 100_000  # agenda._layout._series.MAX_OCCURRENCE_NUMBER (kept lazy)
LISTED_AT_MOST = 1000


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


def _read_spec(path: str) -> Meeting:
    """Load a spec file or ``-`` (standard input: JSON when it starts with ``{``, else
    TOML); raises SpecError."""
    if path == "-":
        text = decode_spec(sys.stdin.buffer.read())
        return loads(text, "json" if text.lstrip("\ufeff \t\r\n").startswith("{")
                     else "toml")
    return load(path)


def _error_lines(exc: SpecError, lang: str) -> str:
    """The spec's problems, one per line, each ``error: <file>: <problem>``."""
    return "\n".join(f"error: {line}" for line in exc.text(lang).splitlines())


def _read(path: str, lang: str | None = None) -> Meeting:
    """Load a spec file or ``-``; exit 2 with its problems when unreadable."""
    try:
        return _read_spec(path)
    except SpecError as exc:
        if path == "-" and exc.source is None:
            exc = SpecError(exc.problems, "standard input")
        _fail(_error_lines(exc, lang or "en").removeprefix("error: "))


def _source(path: str) -> tuple[Meeting, str, str]:
    """The meeting, the spec text and its format (``toml`` or ``json``) of a spec file or
    ``-``, for commands that write the spec back; exit 2 when unreadable."""
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        _fail(f"{path}: cannot read the file: {exc.strerror or exc}")
    try:
        text = decode_spec(raw).removeprefix("\ufeff")
    except SpecError as exc:
        _fail(f"{'standard input' if path == '-' else path}: {exc}")
    json_like = path.lower().endswith(".json") or (path == "-" and text.lstrip().startswith("{"))
    fmt = "json" if json_like else "toml"
    try:
        return loads(text, fmt), text, fmt
    except SpecError as exc:
        if path != "-":
            exc = SpecError(exc.problems, path)
        click.echo(_error_lines(exc, "en"), err=True)
        sys.exit(EXIT_UNREADABLE)


def _layout_or_exit(meeting: Meeting, lang: str | None = None,
                    source: str | None = None) -> Timetable:
    """Lay out `meeting`, or print its problems (one per line, in `lang`, default the
    meeting's language) and exit 1; warnings go to standard error. The problems of a
    meeting read from the TOML file `source` carry their lines."""
    lang = _language(meeting, lang)
    try:
        timetable = layout(meeting)
    except InvalidAgenda as exc:
        for problem in _with_lines(exc.problems, source):
            _out(problem.text(lang))
        sys.exit(EXIT_INVALID)
    for warning in _with_lines(timetable.warnings, source):
        click.echo(warning.text(lang), err=True)
    return timetable


def _with_lines(problems: Sequence[Problem], source: str | None) -> Sequence[Problem]:
    """`problems` with the lines of their items in the TOML file `source` (as they are
    for standard input, a JSON spec or a file that cannot be read again)."""
    if not problems or source in (None, "-") or str(source).lower().endswith(".json"):
        return problems
    try:
        text = decode_spec(Path(str(source)).read_bytes()).removeprefix("\ufeff")
    except (OSError, SpecError):
        return problems
    from ._spec import problem_lines

    return problem_lines(text, problems)


def _say(code: str, lang: str, **facts: Any) -> str:
    """A line of the message catalog in `lang` (see agenda._words.catalog)."""
    return render_message(code, facts, lang if lang in LANGUAGES else "en")


def _errors(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def _language_tag(lang: str) -> str:
    """`lang` of --lang TAG (any language a text may be translated into), or a usage
    error."""
    if not LANGUAGE_TAG.fullmatch(lang):
        raise click.BadParameter(f"{lang!r} is not a language tag like ko, en or en-GB",
                                 param_hint="--lang")
    return lang


def _message_language(lang: str | None) -> str | None:
    """The language of messages for --lang TAG: the tag when messages speak it, else
    None (the meeting's language)."""
    return lang if lang in LANGUAGES else None


def _language(meeting: Meeting, lang: str | None) -> str:
    if lang is not None:
        return lang
    return meeting.language if meeting.language in LANGUAGES else "en"


def _render_or_exit(timetable: Timetable, fmt: str, options: RenderOptions) -> str | bytes:
    """Render, or exit 2 with the reason (e.g. PDF without WeasyPrint or a Korean font)."""
    try:
        return render(timetable, fmt, options)
    except AgendaError as exc:
        _fail(str(exc))


def _not_the_input(file: str, output: str | None, what: str = "the spec file",
                   hint: str = "choose another -o", log: str | Path | None = None) -> None:
    """Exit 2 before anything is written when `output` is FILE itself (by its name,
    through a link), or the `log` of actual times it reads: writing there would replace
    what the output is made from. The rule of every command that writes
    (`agenda._io.refuse_input`)."""
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
    try:
        write_atomic(output, data)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")


def summary(timetable: Timetable, lang: str = "en") -> str:
    """One line describing a valid agenda, in `lang`: its day, its span (the end's date
    when it ends on a later day, the UTC offset where the clock shows a time twice), its
    size (over several days: both ends with their dates, the days' minutes summed)."""
    m = timetable.meeting
    lang = lang if lang in LANGUAGES else "en"
    if m.days:
        return _say("check-ok-days", lang, title=m.title,
                    first=timetable.start.format("YYYY-MM-DD (ddd) HH:mm", locale=lang),
                    last=timetable.end.format("YYYY-MM-DD (ddd) HH:mm", locale=lang),
                    zone=timetable.zone, days=len(timetable.days), count=len(timetable),
                    minutes=timetable.minutes)
    first = timetable.start.date()
    return _say("check-ok", lang, title=m.title, date=m.date.isoformat(),
                day=timetable.start.format("ddd", locale=lang),
                start=clock_text(timetable.start_utc, timetable.zone, first),
                end=clock_text(timetable.end_utc, timetable.zone, first), zone=timetable.zone,
                count=len(timetable), minutes=timetable.minutes)


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
        problems = tuple(_with_lines(exc.problems, file))
        return {"ok": False, "file": file, "lang": lang, "meeting": None,
                "problems": [p.as_dict(lang) for p in problems]}, EXIT_INVALID
    return {"ok": True, "file": file, "lang": lang, "meeting": {
        "title": meeting.title, "date": meeting.date.isoformat(),
        "start": timetable.start.isoformat(), "end": timetable.end.isoformat(),
        "timezone": timetable.zone, "items": len(timetable), "minutes": timetable.minutes},
        "problems": [p.as_dict(lang) for p in _with_lines(timetable.warnings, file)]}, 0


def _debugging(ctx: click.Context) -> bool:
    return bool(ctx.params.get("debug")) or os.environ.get(DEBUG_VARIABLE, "") not in {
        "", "0"}


def _quiet_stdout() -> None:
    """After a closed pipe: point standard output at the null device, so that the
    interpreter's last flush does not complain."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class _Agenda(click.Group):
    """The command group; it turns failures outside the contract into exit codes."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().main(*args, **kwargs)
        except SystemExit as exc:
            # click answers a closed pipe while it prints (--help) with exit 1, after
            # putting a PacifyFlushWrapper on standard output: not an error here either.
            if exc.code == 1 and type(sys.stdout).__name__.endswith("PacifyFlushWrapper"):
                _quiet_stdout()
                raise SystemExit(0) from None
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:  # what is still buffered goes now, where a closed pipe is handled
                _flush()
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except _OutputFailed as exc:
            if exc.error.errno == errno.EPIPE:  # the reader stopped (| head): not an error
                _quiet_stdout()
                sys.exit(0)
            click.echo("error: cannot write to standard output: "
                       f"{exc.error.strerror or exc.error}", err=True)
            sys.exit(EXIT_UNREADABLE)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if _debugging(ctx):
                traceback.print_exc()
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            click.echo(f"internal error: {reason[:300]}; please report (run with --debug or "
                       f"{DEBUG_VARIABLE}=1 for the details)", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Agenda, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="agenda")
@click.option("--debug", is_flag=True,
              help=f"On an internal error, print the traceback (also {DEBUG_VARIABLE}=1).")
def cli(debug: bool) -> None:
    """Build, check and publish timed meeting agendas.

    Exit codes: 0 ok, 1 the agenda is invalid, 2 unreadable input, an output that
    cannot be written or a usage error, 70 internal error (please report it).
    """


@cli.command()
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
    if fmt == "json":
        report, code = _check_report(file, lang)
        _out(json.dumps(report, ensure_ascii=False, indent=2))
        sys.exit(code)
    meeting = _read(file, lang)
    timetable = _layout_or_exit(meeting, lang, file)
    _out(summary(timetable, _language(meeting, lang)))
    if occurrences:
        _echo_occurrences(timetable, limit, _language(meeting, lang))


@cli.command()
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
    timetable = _layout_or_exit(_read(file), source=file)
    if on_day is not None or number is not None:
        timetable = _occurrence_or_exit(timetable, on_day, number)
    if occurrences:
        _echo_occurrences(timetable, limit, _language(timetable.meeting, lang))
        return
    options = RenderOptions(lang=lang or timetable.meeting.language, width=width, bom=bom)
    _emit(_render_or_exit(timetable, fmt, options), output)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text",
              show_default=True)
@click.option("--lang", type=click.Choice(sorted(LABELS)), default=None,
              help="Language of the labels (default: the meeting's language).")
def demo(fmt: str, lang: str | None) -> None:
    """Print the timetable of the reference meeting (2024-03-13, Asia/Seoul)."""
    from ._reference import reference_meeting

    meeting = reference_meeting()
    timetable = layout(meeting)
    click.echo(summary(timetable, _language(meeting, lang)), err=True)
    _emit(_render_or_exit(timetable, fmt, RenderOptions(lang=lang or meeting.language)), None)


def _occurrence_or_exit(timetable: Timetable, day: _dt.datetime | None,
                        number: int | None) -> Timetable:
    """The timetable of one occurrence (by date or number); exit 2 naming the nearest
    dates when there is none, 1 when that occurrence's own agenda is invalid."""
    meeting = timetable.meeting
    from ._layout._series import NotAnOccurrence

    series = timetable.series
    try:
        if number is not None:
            found = series.nth(number)
            if found is None:
                click.echo(f'error: "{meeting.title}" has fewer than {number} occurrences',
                           err=True)
                sys.exit(EXIT_UNREADABLE)
            return series.timetable(found)
        assert day is not None
        return series.timetable(day.date())
    except NotAnOccurrence as exc:  # a wrong date on the command line: a usage error
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except InvalidAgenda as exc:
        for problem in exc.problems:
            _out(problem.text(_language(meeting, None)))
        sys.exit(EXIT_INVALID)


def _echo_occurrences(timetable: Timetable, limit: int | None, lang: str) -> None:
    """One line per occurrence, written as found: date, weekday (in `lang`), start–end
    and UTC offset in the zone; between them, a date of the rule the meeting is not held on
    (``skip``, a public holiday named in `lang`). Without `limit`, a series without end
    lists DEFAULT_OCCURRENCES and one with an end at most LISTED_AT_MOST, with a note
    on standard error."""
    from ._layout._series import Skipped

    meeting = timetable.meeting
    series = timetable.series if meeting.repeats else None
    bounded = series is None or series.bounded
    most = limit if limit is not None else (LISTED_AT_MOST if bounded else DEFAULT_OCCURRENCES)
    if limit is None and not bounded:
        click.echo(_say("occurrences-endless", lang, most=most), err=True)
    entries = series.listing(lang) if series is not None else iter([meeting.date])
    listed = 0
    for entry in entries:
        if isinstance(entry, Skipped):
            if listed < most:  # (past the last one listed, a held date may still follow)
                weekday = LABELS[lang].weekdays[entry.date.weekday()]
                facts = {"date": entry.date.isoformat(), "weekday": weekday,
                         "name": entry.holiday}
                code = "occurrence-skipped" if entry.holiday is None else "occurrence-holiday"
                _out(render_message(code, facts, lang))
            continue
        if listed == most:
            if bounded:
                click.echo(_say("occurrences-more", lang, most=most), err=True)
            return
        start, end = ((timetable.start, timetable.end) if series is None
                      else series.occurrence(entry))
        until = end.format("HH:mm") if end.date() == start.date() else end.format(
            "YYYY-MM-DD HH:mm")
        _out(f"{start.format('YYYY-MM-DD (ddd) HH:mm', locale=lang)}–{until} "
             f"{start.format('Z')}")
        listed += 1


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
    try:
        moment.astimezone(_dt.UTC)
    except OverflowError:
        raise click.BadParameter(f"{value!r} is outside the calendar's range (in UTC it "
                                 "falls before year 1 or after 9999)") from None
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
              help="Stamp new and changed events with this time (default: now, in UTC); "
                   "never earlier than the previous feed's stamps.")
@click.option("--replace", is_flag=True,
              help="Accept a previous feed written for another meeting (its events are "
                   "cancelled).")
@click.option("--track", metavar="NAME",
              help="One track's feed: its items and those outside parallel blocks "
                   "(implies --items).")
@click.option("--audience", metavar="NAME",
              help="With --items: only the items for this audience (and those for everyone).")
@click.option("--refresh", type=click.IntRange(min=1), default=60, show_default=True,
              metavar="MINUTES", help="How often subscribers should fetch the feed again.")
@click.option("--name", help="The calendar's name (default: the meeting's title).")
@click.option("--lang", metavar="TAG", default=None,
              help="Write the texts in this language where they are translated (the UIDs "
                   "stay the same) [default: the meeting's language].")
def ics(file: str, output: str | None, items: bool, previous: str | None,
        uid_domain: str | None, now: _dt.datetime | None, replace: bool,
        track: str | None, audience: str | None, refresh: int,
        name: str | None, lang: str | None) -> None:
    """Write the iCalendar feed of FILE; regenerating it updates subscribers in place."""
    if audience is not None and not items:
        raise click.UsageError("--audience picks item events: add --items")
    _not_the_input(file, output)
    from ._ical.feed import to_ics
    from ._ical.names import FeedError

    timetable = _layout_or_exit(_read(file), _message_language(lang), file)
    if track is not None:  # a track is named by its title in any of its languages
        track = original_track(timetable, track)
    if lang is not None:
        timetable = translate(timetable, _language_tag(lang))
    source = previous
    if source is None and output not in (None, "-") and readable_output(str(output)):
        source = output
    old: bytes | None = None
    if source is not None:
        try:
            old = Path(source).read_bytes()
        except OSError as exc:
            _fail(f"cannot read {source}: {exc.strerror or exc}")
        if not old.strip():
            old = None  # an empty file holds no previous feed
    stamp = now if now is not None else _dt.datetime.now(_dt.UTC)
    try:
        if old is not None:
            from ._ical.read import from_ics  # held: to_ics reads the same bytes again

            _warn_about_previous(from_ics(old), items or track is not None, stamp, replace)
        data = to_ics(timetable, items=items, previous=old, now=stamp, uid_domain=uid_domain,
                      replace=replace, track=track, audience=audience,
                      refresh=_dt.timedelta(minutes=refresh), name=name)
    except FeedError as exc:
        where = f"{source}: " if source is not None and old is not None else ""
        _fail(f"{where}{exc.reason}")
    except AgendaError as exc:
        _fail(str(exc))
    if output not in (None, "-") and source == output and old == data:
        return  # unchanged: leave the file (and its modification time) alone
    _emit(data, output)


def _warn_about_previous(feed: FeedTimetable, items: bool, now: _dt.datetime,
                         replace: bool) -> None:
    """Say on standard error what regenerating over `feed` does that may surprise."""
    live = [e for e in feed.items if not e.cancelled]
    if not items and live:
        click.echo(f"warning: the previous feed has {len(live)} item event(s); without "
                   "--items they are cancelled", err=True)
    stamps = [moment for e in feed.events for moment in (e.stamp, e.last_modified)
              if moment is not None]
    if stamps and now.astimezone(_dt.UTC) < max(stamps):
        click.echo(f"note: --now {now.isoformat()} is earlier than the previous feed's "
                   f"latest stamp {max(stamps).isoformat()}; changed events are stamped "
                   "the second after it", err=True)
    if replace and feed.meeting is not None:
        click.echo(f'note: replacing the feed of "{feed.meeting.summary}"; its events are '
                   "cancelled", err=True)


@cli.command()
@click.option("--template", "name", metavar="NAME",
              help="The template to start from (agenda new --list names them).")
@click.option("--lang", type=click.Choice(TEMPLATE_LANGUAGES), default="ko", show_default=True,
              help="Language of the template's texts and comments.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--force", is_flag=True, help="Replace OUTPUT when it exists.")
@click.option("--list", "list_only", is_flag=True,
              help="List the templates, one per line with what each is for.")
def new(name: str | None, lang: str, output: str | None, force: bool, list_only: bool) -> None:
    """Write a new spec from a template: a valid agenda whose comments explain each key."""
    if list_only:
        names = template_names()
        width = max(map(len, names))
        for each in names:
            _out(f"{each:<{width}}  {template_description(each, lang)}")
        return
    if name is None:
        raise click.UsageError("give --template NAME (agenda new --list names them)")
    try:
        text = template(name, lang)
    except UnknownTemplate as exc:
        raise click.BadParameter(str(exc), param_hint="--template") from None
    if output not in (None, "-") and Path(str(output)).exists() and not force:
        click.echo(f"error: {output} exists; give another name, or --force to replace it",
                   err=True)
        sys.exit(EXIT_UNREADABLE)
    _emit(text, output)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
def schema(output: str | None) -> None:
    """Print the JSON Schema (draft 2020-12) of the spec file, for editors and tools."""
    _emit(spec_schema_json(), output)


def _base_url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``--base-url``: only an http or https address (a usage error, as click words it)."""
    if value is None:
        return None
    from ._publish.site import base_url_problem

    problem = base_url_problem(value)
    if problem is not None:
        raise click.BadParameter(problem)
    return value


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--dir", "folder", type=click.Path(file_okay=False),
              help="Publish a release into this folder (a static site).")
@click.option("--caldav", "calendar_url", metavar="CALENDAR_URL",
              help="Publish into this CalDAV calendar (created when missing).")
@click.option("--user", help="CalDAV user name (or in the URL).")
@click.option("--password-env", metavar="VAR",
              help="Read the CalDAV password from this environment variable.")
@click.option("--delete-removed", is_flag=True,
              help="Delete the events of removed items instead of cancelling them.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--base-url", metavar="URL", callback=_base_url,
              help="With --dir: where the folder is served, an http or https address "
                   "(makes webcal:// links absolute).")
@click.option("--lang", type=click.Choice(sorted(LABELS)), default="ko", show_default=True,
              help="With --dir: the language of the page and its changelog.")
@click.option("--refresh", type=click.IntRange(min=1), default=60, show_default=True,
              metavar="MINUTES", help="How often subscribers should fetch the feeds again.")
@click.option("--uid-domain", help="Right-hand side of every UID.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="With --caldav: seconds to wait for the server.")
@click.option("--now", callback=_parse_now, metavar="ISO",
              help="Stamp the release and changed events with this time (default: now).")
@click.option("--live-refresh", type=click.IntRange(min=1), default=None, metavar="SECONDS",
              help="With --dir: how often live.html reads the timetable and the log again "
                   "[default: 15].")
@click.option("--log", "log_file", type=click.Path(dir_okay=False), metavar="LOG",
              help="With --dir: the log of actual times for live.html (default: "
                   "NAME.log.toml beside FILE, when there is one).")
@click.option("--wait", type=click.FloatRange(min=0), default=30.0, show_default=True,
              metavar="SECONDS",
              help="With --dir: how long to wait while another publish into the folder "
                   "runs.")
def publish(file: str, folder: str | None, calendar_url: str | None, user: str | None,
            password_env: str | None, delete_removed: bool, fmt: str, base_url: str | None,
            lang: str, refresh: int, uid_domain: str | None, timeout: float,
            now: _dt.datetime | None, live_refresh: int | None,
            log_file: str | None, wait: float) -> None:
    """Publish FILE: a release into a folder (--dir) or a CalDAV calendar (--caldav).

    Exit 0 when done, 1 when the agenda is invalid or an event changed on the server
    meanwhile (it is left as it is), 2 when a file or the server cannot be used.
    """
    from ._ical.names import FeedError
    from ._publish import CalDAVError, SiteError, publish_caldav, publish_site
    from ._publish.caldav import password_from

    if (folder is None) == (calendar_url is None):
        raise click.UsageError("give one of --dir DIR and --caldav CALENDAR_URL")
    meeting = _read(file)
    _layout_or_exit(meeting)
    stamp = now if now is not None else _dt.datetime.now(_dt.UTC)
    live: dict[str, Any] = {}
    inputs = [] if file == "-" else [file]
    if folder is not None:
        if file != "-" or log_file is not None:
            log, where = _read_log(meeting, file, log_file, required=log_file is not None)
            _log_problems_or_exit(log, where, lang)
            live["log"] = log
            inputs.append(str(where))
        if live_refresh is not None:
            live["live_refresh"] = live_refresh
    elif live_refresh is not None or log_file is not None:
        raise click.UsageError("--live-refresh and --log go with --dir")
    try:
        if folder is not None:
            release = publish_site(meeting, folder, now=stamp, base_url=base_url, lang=lang,
                                   refresh=_dt.timedelta(minutes=refresh),
                                   uid_domain=uid_domain, wait=wait, sources=inputs,
                                   **live)
            if fmt == "json":
                _out(json.dumps({"version": release.version, "new": release.new,
                                 "written": list(release.written),
                                 "changes": {"ko": list(release.changes.ko),
                                             "en": list(release.changes.en)}},
                                ensure_ascii=False, indent=2))
            elif not release.new:
                _out(f"unchanged: version {release.version} is current; "
                     f"{len(release.written)} files written")
            else:
                _out(f"published version {release.version} into {folder} "
                     f"({len(release.written)} files written)")
                for line in release.changes.ko if lang == "ko" else release.changes.en:
                    _out(f"  {line}")
            return
        assert calendar_url is not None
        result = publish_caldav(meeting, calendar_url, now=stamp, user=user,
                                password=password_from(password_env),
                                delete_removed=delete_removed, uid_domain=uid_domain,
                                timeout=timeout)
    except (CalDAVError, SiteError, FeedError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except AgendaError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if fmt == "json":
        _out(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        _out(f"created {result.created}, updated {result.updated}, cancelled "
             f"{result.cancelled}, deleted {result.deleted}, unchanged {result.unchanged}")
        for conflict in result.conflicts:
            _out(f"conflict: {conflict.title} ({conflict.uid}) changed on the server "
                 "since it was read; left as the server has it")
    if result.conflicts:
        sys.exit(EXIT_INVALID)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(SCHEDULE_FORMATS), default="xml",
              show_default=True, help="frab/c3voc schedule XML, or its JSON form.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--lang", metavar="TAG", default=None,
              help="Write the texts in this language where they are translated (the GUIDs "
                   "stay the same) [default: the meeting's language].")
def schedule(file: str, fmt: str, output: str | None, lang: str | None) -> None:
    """Write the schedule of FILE for conference apps (Giggity, EventFahrplan, ...);
    exit 2 when the XML cannot carry an event (one longer than 99:59)."""
    _not_the_input(file, output)
    meeting = _read(file)
    timetable = _layout_or_exit(meeting, _message_language(lang), file)
    try:
        data = to_schedule(timetable, fmt, None if lang is None else _language_tag(lang))
    except ScheduleError as exc:
        _fail(exc.text(_language(meeting, _message_language(lang))))
    _emit(data, output)


# -- living agendas: diff, late, edit ---------------------------------------------------
def _layout_for_compare(meeting: Meeting, name: str, lang: str
                        ) -> tuple[Timetable, list[Problem]]:
    """Lay out a version to compare, and its errors. An invalid version is compared as
    laid out (a note on standard error says it is invalid); one whose items cannot be
    placed cannot be compared (exit 2)."""
    from ._layout import draft

    timetable, problems = draft(meeting)
    errors = _errors(problems)
    if timetable is None:
        click.echo(f"error: {_say('cannot-compare', lang, name=name)}", err=True)
        for problem in errors:
            click.echo(f"  {problem.text(lang)}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if errors:
        click.echo(f"note: {_say('not-valid', lang, name=name, count=len(errors))}", err=True)
        for problem in errors:
            click.echo(f"  {problem.text(lang)}", err=True)
    return timetable, errors


@cli.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("new", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="One line per change, or the changes as JSON.")
@click.option("--lang", type=click.Choice(sorted(LABELS)), default=None,
              help="Language of the text lines (default: NEW's language).")
def diff_command(old: str, new: str, fmt: str, lang: str | None) -> None:
    """Show what changed from OLD to NEW (spec files): exit 0 when they are the same,
    1 when they differ, 2 when a file cannot be read or laid out. A version with
    problems is compared as laid out, and a note on standard error says it is invalid
    (the JSON form lists its problems under "invalid")."""
    if old == new == "-":
        _fail(render_message("stdin-twice", {}, lang or "en"))
    later = _read(new)
    words = _language(later, lang)
    (before, old_errors), (after, new_errors) = (_layout_for_compare(_read(old), old, words),
                                                 _layout_for_compare(later, new, words))
    changes = diff(before, after)
    if fmt == "json":
        data = changes.as_dict()
        invalid = {side: [p.as_dict(words) for p in errors]
                   for side, errors in (("old", old_errors), ("new", new_errors)) if errors}
        if invalid:
            data["invalid"] = invalid
        _out(json.dumps(data, ensure_ascii=False, indent=2))
    elif changes:
        _out(_said(before, after, lang or later.language))
    sys.exit(EXIT_INVALID if changes else 0)


def _said(before: Timetable, after: Timetable, lang: str) -> str:
    """The changes in `lang`, titles in `lang` where the agenda translates them."""
    from ._translations import titles

    changes = diff(before, after).retitled(titles([before, after], lang))
    return changes.text(lang) if changes else _say("no-change", lang)


_DATED_AT = re.compile(r"\s*\d{4}-\d\d-\d\d")
"""An --at that names its date (``2025-04-07T10:00``): it names the occurrence too."""


def _moment(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``--at``: a wall-clock time (``14:20``, ``01:30-04:00`` with its offset) or a
    date-time (``2024-05-21T00:10``); running_late reads it in the meeting's zone."""
    if value is None:
        return None
    text = value.strip()
    try:
        if text[:1].isdigit() and len(text) > 8 and text[4:5] == "-":
            _dt.datetime.fromisoformat(text)
        else:
            _dt.time.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a time like 14:20 or a date-time like "
                                 "2024-05-21T00:10") from None
    return text


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--at", "at", callback=_moment, metavar="HH:MM|DATETIME",
              help="The time it is now: a time is the first such moment at or after the "
                   "meeting's start (00:10 of a meeting from 23:00 is after midnight); a "
                   "date-time (2024-05-21T10:00) names any day; a time the clocks show "
                   "twice needs its UTC offset (01:30-04:00).")
@click.option("--by", "by", type=click.IntRange(min=0), metavar="MINUTES",
              help="How many minutes late the next item starts.")
@click.option("--from-log", "from_log", is_flag=True,
              help="Take the delay from the log of actual times instead of --at and --by: "
                   "what has not started starts at the latest actual time.")
@click.option("--log", "log_file", type=click.Path(dir_okay=False), metavar="LOG",
              help="With --from-log: the log file (default: NAME.log.toml beside FILE).")
@click.option("--absorb", multiple=True, metavar="ITEM",
              help="An item that may give up time (id, number or title), in order; "
                   "repeat for several.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the re-timed spec here (atomically) instead of standard output.")
@click.option("--in-place", is_flag=True, help="Write the re-timed spec back into FILE "
              "(atomically).")
@click.option("--lang", type=click.Choice(sorted(LABELS)), default=None,
              help="Language of the summary (default: the meeting's language).")
@click.option("--on", "on_day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD",
              help="The occurrence of a repeating meeting that runs late (required for a "
                   "series with --at): its [[overrides]] entry is written, the series is "
                   "left alone.")
def late(file: str, at: str | None, by: int | None, from_log: bool,
         log_file: str | None, absorb: tuple[str, ...], output: str | None, in_place: bool,
         lang: str | None, on_day: _dt.datetime | None) -> None:
    """Re-time FILE as it runs BY minutes late at AT, or (--from-log) from the actual
    times logged with `agenda log`: writes the new spec and prints the planned and new
    ends (with the day) on standard error; exit 0 when the end still holds, 1 when the
    meeting now overruns (the spec is still written) or the log contradicts itself, 2
    when FILE or the log cannot be read or the re-timing is refused (nothing is
    written). A repeating meeting runs late one occurrence at a time: name it with
    --on (or give --at as a date-time)."""
    from ._layout._series import NotAnOccurrence

    if in_place and (output is not None or file == "-"):
        raise click.UsageError("--in-place writes FILE itself: give no -o, and a file, not -")
    _not_the_input(file, output, hint="--in-place writes the re-timed spec into FILE on "
                   "purpose", log=_log_file(file, log_file) if from_log and file != "-"
                   else log_file)
    output = file if in_place else output
    if from_log and (at is not None or by is not None):
        raise click.UsageError("--from-log reads the times from the log: give no --at or --by")
    if not from_log and (at is None or by is None):
        raise click.UsageError("give --at and --by, or --from-log")
    if log_file is not None and not from_log:
        raise click.UsageError("--log goes with --from-log")
    meeting, text, fmt = _source(file)
    _layout_or_exit(meeting, lang)
    words = _language(meeting, lang)
    from ._spec.rewrite import rewrite_spec  # tomlkit: only when a spec is written back

    if from_log:
        log, where = _read_log(meeting, file, log_file, required=True)
        _log_problems_or_exit(log, where, words)
        try:
            found = late_from_log(log, absorb=list(absorb))
        except EditError as exc:
            click.echo(f"error: {exc.text(words)}", err=True)
            sys.exit(EXIT_UNREADABLE)
        written = rewrite_spec(text, found.result.meeting, fmt)
        if fmt == "toml":
            from ._edit._from_log import with_note

            written = with_note(written, found.note(words, where.name))
        _emit(written, output)
        click.echo(found.summary(words, where.name), err=True)
        sys.exit(0 if found.result.holds else EXIT_INVALID)
    assert at is not None and by is not None
    if meeting.repeats and on_day is None and not _DATED_AT.match(at):
        _fail(_say("late-needs-on", words, title=meeting.title, rule=meeting.repeat or "extra"))
    try:
        result = running_late(meeting, at, late_by=by, absorb=list(absorb),
                              on=None if on_day is None else on_day.date())
    except NotAnOccurrence as exc:
        _fail(str(exc))
    except EditError as exc:
        click.echo(f"error: {exc.text(words)}", err=True)
        sys.exit(EXIT_UNREADABLE)
    _emit(rewrite_spec(text, result.meeting, fmt), output)
    click.echo(result.summary(words), err=True)
    sys.exit(0 if result.holds else EXIT_INVALID)


# -- on the day: the log of actual times, and planned against actual -------------------
def clock() -> _dt.datetime:
    """The time it is now (aware); `agenda log` reads it when no --at is given. Tests
    replace it to freeze the clock."""
    return _dt.datetime.now(_dt.UTC)


def _time_of_day(_ctx: click.Context, _param: click.Parameter, value: str | None
                 ) -> _dt.time | None:
    if value is None:
        return None
    parts = value.split(":")
    if not (2 <= len(parts) <= 3 and all(p.isdigit() and len(p) == 2 for p in parts[1:])
            and parts[0].isdigit() and 1 <= len(parts[0]) <= 2):
        raise click.BadParameter(f"{value!r} is not a time like 14:03 or 14:03:30")
    hour, minute, second = (int(p) for p in (*parts, "0")[:3])
    try:
        return _dt.time(hour, minute, second)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a time of day") from None


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


@cli.command("log")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("item")
@click.argument("event", type=click.Choice(["start", "end"]))
@click.option("--at", "at", callback=_time_of_day, metavar="HH:MM[:SS]",
              help="When it happened, on the item's day in the meeting's zone "
                   "(default: now).")
@click.option("--log", "log_file", type=click.Path(dir_okay=False), metavar="LOG",
              help="The log file (default: NAME.log.toml beside FILE).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the messages (default: the meeting's language).")
def log_command(file: str, item: str, event: str, at: _dt.time | None,
                log_file: str | None, lang: str | None) -> None:
    """Log that ITEM (an id, a number such as 4.2, or a title) started or ended: one line
    appended to the log beside FILE, the earlier lines never rewritten. Exit 0 logged,
    1 the event would contradict the log (nothing is written), 2 unreadable input or an
    ITEM the agenda does not have."""
    meeting = _read(file, lang)
    _layout_or_exit(meeting, lang)
    words = _language(meeting, lang)
    log, where = _read_log(meeting, file, log_file, required=False)
    try:
        actual = log.event(item, event, at if at is not None else clock())
    except AddressError as exc:
        _fail(exc.reason)
    before = log.problems()
    after = log.adding(actual)
    _log_problems_or_exit(after, where, words, before=before)
    try:
        append_line(where, log.line(actual), header=ActualLog.header())
    except OSError as exc:
        _fail(f"cannot write {where}: {exc.strerror or exc}")
    _out(after.said(actual, words, str(where)))


@cli.command("report")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["csv", "html", "json", "markdown", "pdf",
                                                     "text"]),
              default="text", show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(sorted(LABELS)), default=None,
              help="Language of the labels, and of the titles where the agenda translates "
                   "them (default: the meeting's language).")
@click.option("--log", "log_file", type=click.Path(dir_okay=False), metavar="LOG",
              help="The log file (default: NAME.log.toml beside FILE).")
@click.option("--bom", is_flag=True, help="Start CSV with a UTF-8 byte-order mark.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
def report_command(file: str, fmt: str, lang: str | None, log_file: str | None, bom: bool,
                   output: str | None) -> None:
    """Planned against actual: each item's planned and actual times and over/under, per
    block and for the meeting, and the items never started, from FILE and its log.
    Exit 0, 1 when the log contradicts itself, 2 unreadable input."""
    _not_the_input(file, output, log=_log_file(file, log_file) if file != "-" else log_file)
    meeting = _read(file, lang)
    _layout_or_exit(meeting, lang)
    words = lang or meeting.language
    log, where = _read_log(meeting, file, log_file, required=True)
    _log_problems_or_exit(log, where, words)
    from ._report import render_report, report
    from ._report._plain import to_csv

    found = report(log)
    try:
        data = (to_csv(found, lang=words, bom=True) if fmt == "csv" and bom
                else render_report(found, fmt, words))
    except AgendaError as exc:  # a PDF without WeasyPrint or a Korean font
        _fail(str(exc))
    _emit(data, output)
_ON_HELP = ("Change only the occurrence held on this date of a repeating meeting: its "
            "[[overrides]] entry is written (created or updated), the series is left alone.")


@cli.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--on", "on_day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD", help=_ON_HELP)
@click.pass_context
def edit(ctx: click.Context, file: str, on_day: _dt.datetime | None) -> None:
    """Change FILE with one OPERATION and print the diff of the change.

    The new spec goes to standard output (the diff to standard error), to -o NEWFILE or
    back into FILE with --in-place (the diff to standard output); comments and layout
    outside the changed items are kept. On a repeating meeting the edit changes the
    whole series, or with --on DATE that occurrence alone. An agenda with problems may
    be edited when the edit adds none: the summary says which it fixed and which
    remain (exit 1 while some remain). An edit that would add a problem exits 1 with
    the reason and writes nothing.
    """
    ctx.obj = (file, None if on_day is None else on_day.date())


def _edit_outputs(command: Callable[..., None]) -> Callable[..., None]:
    command = click.option("--on", "on_day", type=click.DateTime(formats=["%Y-%m-%d"]),
                           default=None, metavar="YYYY-MM-DD", help=_ON_HELP)(command)
    command = click.option("--lang", type=click.Choice(sorted(LABELS)), default=None,
                           help="Language of the diff (default: the meeting's language)."
                           )(command)
    command = click.option("--in-place", is_flag=True, help="Write the result back into "
                           "FILE (atomically).")(command)
    return click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
                        help="Write the new spec here (atomically).")(command)


def _apply(change: Callable[[Meeting, _dt.date | None], Meeting], output: str | None,
           in_place: bool, lang: str | None, on_day: _dt.datetime | None) -> None:
    """Make the edit `change` (given the meeting and the occurrence's date, or None),
    write the new spec, and say what changed: the diff, whether the series or one
    occurrence changed, and which problems the edit fixed and which remain."""
    from ._edit import InvalidEdit
    from ._layout import draft
    from ._layout._series import NotAnOccurrence

    file, group_on = click.get_current_context().obj
    on = group_on if on_day is None else on_day.date()
    if group_on is not None and on_day is not None and group_on != on:
        raise click.UsageError("--on is given twice, with two dates")
    if in_place and (output is not None or file == "-"):
        raise click.UsageError("--in-place writes FILE itself: give no -o, and a file, not -")
    _not_the_input(file, output, hint="--in-place writes the change into FILE on purpose")
    meeting, text, fmt = _source(file)
    words = _language(meeting, lang)
    before, problems = draft(meeting)
    if before is None:
        for problem in _errors(problems):
            _out(problem.text(words))
        sys.exit(EXIT_INVALID)
    try:
        edited = change(meeting, on)
    except NotAnOccurrence as exc:
        _fail(str(exc))
    except InvalidEdit as exc:
        click.echo(f"error: {_say('edit-refused', words)}", err=True)
        for problem in exc.problems:
            click.echo(f"  {problem.text(words)}", err=True)
        sys.exit(EXIT_INVALID)
    except EditError as exc:
        click.echo(f"error: {exc.text(_language(meeting, lang))}", err=True)
        sys.exit(EXIT_INVALID)
    after, remaining = draft(edited)
    assert after is not None  # an edit adds no problem, and the old ones left a draft
    target = file if in_place else output
    from ._spec.rewrite import rewrite_spec  # tomlkit: only when a spec is written back

    _emit(rewrite_spec(text, edited, fmt), target)
    lines = []
    if meeting.repeats:
        lines.append(_say("edit-whole-series", words) if on is None else
                     _say("edit-occurrence", words, date=on.isoformat()))
    lines.append(_said(before, after, lang or meeting.language))
    left = {p.identity for p in _errors(remaining)}
    lines += [_say("problem-fixed", words, problem=p.text(words)) for p in _errors(problems)
              if p.identity not in left]
    lines += [_say("problem-remains", words, problem=p.text(words))
              for p in _errors(remaining)]
    said = "\n".join(lines)
    if target in (None, "-"):
        click.echo(said, err=True)
    else:
        _out(said)
    if _errors(remaining):
        sys.exit(EXIT_INVALID)  # written, but the agenda still has problems


_ABSORB_HELP = ('Where the time comes from or goes: an item (id, number or title), "end" '
                '(the meeting ends later or earlier) or "parent" (the block grows or '
                "shrinks); default: flexible items in the same window, else an error.")


def _place_options(command: Callable[..., None]) -> Callable[..., None]:
    for name, text in (("--into", "As the last item of this block."),
                       ("--after", "After this item."), ("--before", "Before this item.")):
        command = click.option(name, metavar="ITEM", help=text)(command)
    return command


@edit.command("shift")
@click.option("--to", "to", metavar="HH:MM", help="The new start (a time, or an ISO date-time "
              "to change the date too).")
@click.option("--by", "by", type=int, metavar="MINUTES", help="Minutes later (negative: "
              "earlier).")
@click.option("--move-anchors", is_flag=True, help="Move fixed-time items and the declared "
              "end too.")
@_edit_outputs
def edit_shift(to: str | None, by: int | None, move_anchors: bool, output: str | None,
               in_place: bool, lang: str | None, on_day: _dt.datetime | None) -> None:
    """Move the whole meeting to start at --to or --by minutes later."""
    if (to is None) == (by is None):
        raise click.UsageError("give exactly one of --to or --by")
    _apply(lambda m, on: shift(m, to=to, by=by, move_anchors=move_anchors, on=on), output,
           in_place, lang, on_day)


@edit.command("move")
@click.argument("item")
@_place_options
@_edit_outputs
def edit_move(item: str, before: str | None, after: str | None, into: str | None,
              output: str | None, in_place: bool, lang: str | None,
              on_day: _dt.datetime | None) -> None:
    """Move ITEM (id, number such as 4.2, or title path) before or after another item,
    or into a block."""
    _apply(lambda m, on: move(m, item, before=before, after=after, into=into, on=on), output,
           in_place, lang, on_day)


@edit.command("resize")
@click.argument("item")
@click.argument("minutes", type=int)
@click.option("--absorb", metavar="ITEM|end|parent", help=_ABSORB_HELP)
@_edit_outputs
def edit_resize(item: str, minutes: int, absorb: str | None, output: str | None,
                in_place: bool, lang: str | None, on_day: _dt.datetime | None) -> None:
    """Make ITEM last MINUTES."""
    _apply(lambda m, on: resize(m, item, minutes, absorb=absorb, on=on), output, in_place,
           lang, on_day)


@edit.command("insert")
@click.argument("title")
@_place_options
@click.option("--minutes", type=int, help="Its minutes (default: its share of an equal split).")
@click.option("--id", "ident", help="Its id (keeps its calendar event across renames).")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), default=Kind.TALK.value,
              show_default=True)
@click.option("--presenter", help="Who presents it.")
@click.option("--notes", help="Its notes.")
@click.option("--absorb", metavar="ITEM|end|parent", help=_ABSORB_HELP)
@_edit_outputs
def edit_insert(title: str, before: str | None, after: str | None, into: str | None,
                minutes: int | None, ident: str | None, kind: str, presenter: str | None,
                notes: str | None, absorb: str | None, output: str | None, in_place: bool,
                lang: str | None, on_day: _dt.datetime | None) -> None:
    """Insert a new item called TITLE."""
    new = Item(title, minutes=minutes, id=ident, kind=kind, presenter=presenter, notes=notes)
    _apply(lambda m, on: insert(m, new, before=before, after=after, into=into, absorb=absorb,
                                on=on), output, in_place, lang, on_day)


@edit.command("remove")
@click.argument("item")
@click.option("--absorb", metavar="ITEM|end|parent", help=_ABSORB_HELP)
@_edit_outputs
def edit_remove(item: str, absorb: str | None, output: str | None, in_place: bool,
                lang: str | None, on_day: _dt.datetime | None) -> None:
    """Remove ITEM (and the items it holds)."""
    _apply(lambda m, on: remove(m, item, absorb=absorb, on=on), output, in_place, lang,
           on_day)


@cli.command()
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
    name = "standard input" if file == "-" else file
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = render_message("parse-unreadable", {"name": name, "reason": reason},
                                 lang or "en")
        click.echo(f"{_ERROR[lang or 'en']}{message}", err=True)
        sys.exit(EXIT_UNREADABLE)
    hangul = any("\uac00" <= c <= "\ud7a3" for c in data.decode("utf-8", "replace"))
    language = lang or ("ko" if hangul else "en")
    try:
        result = parse_bytes(data, format=fmt, date=None if day is None else day.date(),
                             tz=tz, open_end=open_end, name=name)
    except ParseError as exc:
        text = exc.text(language)
        prefix = "" if exc.code in _NAMED else f"{name}: "
        click.echo(f"{_ERROR[language]}{prefix}{text}", err=True)
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
            click.echo(f"{_NOTE[language]}{note}", err=True)
        else:
            _emit(_render_or_exit(timetable, "text", RenderOptions(lang=language)), output)
        for problem in errors:
            _out(problem.text(language))
    if errors:
        sys.exit(EXIT_INVALID)


_ERROR = {"en": "error: ", "ko": "오류: "}
_NOTE = {"en": "note: ", "ko": "참고: "}
_NAMED = frozenset({"parse-not-utf8", "parse-unreadable", "parse-pdf",
                    "parse-office-unreadable"})


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``agenda`` script."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="agenda")


if __name__ == "__main__":  # pragma: no cover
    main()

