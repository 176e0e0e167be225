"""`agenda log` and `agenda report`: the log of actual times, and planned against
actual."""

from __future__ import annotations

import datetime as _dt

import click

from .._edit import ActualLog, AddressError
from .._io import append_line
from .._problems import AgendaError
from .._words.catalog import LANGUAGES
from .._words.labels import LABELS
from .common import _language, _layout_or_exit, _read
from .logs import _log_file, _log_problems_or_exit, _read_log
from .output import _emit, _fail, _not_the_input, _out


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


@click.command("log")
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


@click.command("report")
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
    from .._report import render_report, report
    from .._report._plain import to_csv

    found = report(log)
    try:
        data = (to_csv(found, lang=words, bom=True) if fmt == "csv" and bom
                else render_report(found, fmt, words))
    except AgendaError as exc:  # a PDF without WeasyPrint or a Korean font
        _fail(str(exc))
    _emit(data, output)
