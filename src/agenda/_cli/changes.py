"""`agenda diff` and `agenda late`: living agendas compared and re-timed."""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys

import click

from .._diff import diff
from .._edit import EditError, late_from_log, running_late
from .._model import Meeting
from .._problems import Problem
from .._timetable import Timetable
from .._words.catalog import render_message
from .._words.labels import LABELS
from .common import _errors, _language, _layout_or_exit, _read, _say, _spec
from .logs import _log_file, _log_problems_or_exit, _read_log
from .output import EXIT_INVALID, EXIT_UNREADABLE, _emit, _fail, _not_the_input, _out


def _layout_for_compare(meeting: Meeting, name: str, lang: str
                        ) -> tuple[Timetable, list[Problem]]:
    """Lay out a version to compare, and its errors. An invalid version is compared as
    laid out (a note on standard error says it is invalid); one whose items cannot be
    placed cannot be compared (exit 2)."""
    from .._layout import draft

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


@click.command("diff")
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
    from .._translations import titles

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


@click.command()
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
    from .._layout._series import NotAnOccurrence

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
    meeting, spec = _spec(file)
    _layout_or_exit(meeting, lang)
    words = _language(meeting, lang)
    from .._spec.rewrite import rewrite_spec  # tomlkit: only when a spec is written back

    if from_log:
        log, where = _read_log(meeting, file, log_file, required=True)
        _log_problems_or_exit(log, where, words)
        try:
            found = late_from_log(log, absorb=list(absorb))
        except EditError as exc:
            click.echo(f"error: {exc.text(words)}", err=True)
            sys.exit(EXIT_UNREADABLE)
        written = rewrite_spec(spec.text, found.result.meeting, spec.format)
        if spec.format == "toml":
            from .._edit._from_log import with_note

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
    _emit(rewrite_spec(spec.text, result.meeting, spec.format), output)
    click.echo(result.summary(words), err=True)
    sys.exit(0 if result.holds else EXIT_INVALID)
