"""What the commands share: reading specs and logs, laying out, languages."""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from .._formats import RenderOptions, render
from .._io import read_spec
from .._layout import layout
from .._model import LANGUAGE_TAG, Meeting
from .._problems import AgendaError, InvalidAgenda, Problem, Severity, SpecError
from .._spec.source import SpecText
from .._timetable import Timetable
from .._words.catalog import LANGUAGES, render_message
from .output import EXIT_INVALID, _fail, _out


def _unreadable(exc: SpecError, lang: str) -> NoReturn:
    """Exit 2 with the spec's problems, one per line, each ``error: <file>: <problem>``."""
    _fail("\nerror: ".join(exc.text(lang).splitlines()))


def _spec(path: str, lang: str | None = None) -> tuple[Meeting, SpecText]:
    """The meeting of the spec file `path` (``-``: standard input) and the spec as read
    (its text, format and name); exit 2 with its problems, in `lang`, when it cannot
    be read."""
    try:
        spec = read_spec(path)
        return spec.meeting(), spec
    except SpecError as exc:
        _unreadable(exc, lang or "en")


def _read(path: str, lang: str | None = None) -> Meeting:
    """The meeting of a spec file or ``-``; exit 2 with its problems when unreadable."""
    return _spec(path, lang)[0]


def _layout_or_exit(meeting: Meeting, lang: str | None = None,
                    spec: SpecText | None = None) -> Timetable:
    """Lay out `meeting`, or print its problems (one per line, in `lang`, default the
    meeting's language) and exit 1; warnings go to standard error. The problems of a
    meeting read from `spec` carry their lines (see `SpecText.with_lines`)."""
    lang = _language(meeting, lang)
    try:
        timetable = layout(meeting)
    except InvalidAgenda as exc:
        for problem in exc.problems if spec is None else spec.with_lines(exc.problems):
            _out(problem.text(lang))
        sys.exit(EXIT_INVALID)
    warnings = timetable.warnings
    for warning in warnings if spec is None else spec.with_lines(warnings):
        click.echo(warning.text(lang), err=True)
    return timetable


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
