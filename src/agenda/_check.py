"""Checking a spec file: what ``agenda check`` finds, as data a script can use (the
problems with their lines, the summary line, the JSON of ``--format json``)."""

from __future__ import annotations

import os
from typing import Any

import attrs

from ._io import read_spec
from ._layout import layout
from ._problems import InvalidAgenda, Problem, SpecError
from ._spec.source import STANDARD_INPUT
from ._time import clock_text
from ._timetable import Timetable
from ._words.catalog import LANGUAGES, known_language, render_message
from ._words.labels import LABELS

__all__ = ["CheckReport", "check", "check_summary"]


def check_summary(timetable: Timetable, lang: str = "en") -> str:
    """One line describing a valid agenda in `lang` (``ko`` or ``en``), as ``agenda
    check`` prints it: its day, its span (the end's date when it ends on a later day,
    the UTC offset where the clock shows a time twice), its size; over several days,
    both ends with their dates and weekdays and the days' minutes summed.

    Raises :class:`UnknownLanguage` for a language agenda does not speak.
    """
    lang = known_language(lang)
    meeting = timetable.meeting
    weekdays = LABELS[lang].weekdays
    if meeting.days:
        return render_message("check-ok-days", {
            "title": meeting.title,
            "first": f"{timetable.start:%Y-%m-%d} ({weekdays[timetable.start.weekday()]}) "
                     f"{timetable.start:%H:%M}",
            "last": f"{timetable.end:%Y-%m-%d} ({weekdays[timetable.end.weekday()]}) "
                    f"{timetable.end:%H:%M}",
            "zone": timetable.zone, "days": len(timetable.days), "count": len(timetable),
            "minutes": timetable.minutes}, lang)
    first = timetable.start.date()
    return render_message("check-ok", {
        "title": meeting.title, "date": meeting.date.isoformat(),
        "day": weekdays[first.weekday()],
        "start": clock_text(timetable.start_utc, timetable.zone, first),
        "end": clock_text(timetable.end_utc, timetable.zone, first), "zone": timetable.zone,
        "count": len(timetable), "minutes": timetable.minutes}, lang)


@attrs.frozen
class CheckReport:
    """What checking a spec file found (see :func:`check`).

    `file` is the file as named (``-`` for standard input) and `lang` the language of
    the messages. `timetable` is the agenda's timetable when it has no errors, else
    None. `problems` holds every problem in item order, each with its line where the
    file is TOML: the errors and warnings of an invalid agenda, the warnings of a
    sound one, or why the spec cannot be read at all (then `readable` is False).
    """

    file: str
    lang: str
    timetable: Timetable | None
    problems: tuple[Problem, ...]
    readable: bool = True

    @property
    def ok(self) -> bool:
        """True when the agenda has no errors (it may have warnings)."""
        return self.timetable is not None

    @property
    def name(self) -> str:
        """The file in messages: its name, or ``standard input``."""
        return STANDARD_INPUT if self.file == "-" else self.file

    def summary(self) -> str:
        """The summary line of a sound agenda (:func:`check_summary`); a report that is
        not `ok` has none (:class:`ValueError`)."""
        if self.timetable is None:
            raise ValueError(f"{self.name} has problems; a summary describes a valid agenda")
        return check_summary(self.timetable, self.lang)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: the object ``agenda check --format json``
        prints (``ok``, ``file``, ``lang``, ``meeting``, ``problems``)."""
        meeting: dict[str, Any] | None = None
        if self.timetable is not None:
            timetable = self.timetable
            meeting = {"title": timetable.meeting.title,
                       "date": timetable.meeting.date.isoformat(),
                       "start": timetable.start.isoformat(), "end": timetable.end.isoformat(),
                       "timezone": timetable.zone, "items": len(timetable),
                       "minutes": timetable.minutes}
        return {"ok": self.ok, "file": self.file, "lang": self.lang, "meeting": meeting,
                "problems": [p.as_dict(self.lang) for p in self.problems]}


def check(path: str | os.PathLike[str], lang: str | None = None) -> CheckReport:
    """Check the spec file at `path` (``-``: standard input) as ``agenda check`` does:
    read it, lay it out, and report every problem found on the way, in `lang`
    (default: the meeting's language, else English).

    Never raises for a bad spec: one that cannot be read is a report that is not
    `readable`, an invalid agenda one that is not `ok`. Raises
    :class:`UnknownLanguage` for a `lang` agenda does not speak.
    """
    if lang is not None:
        known_language(lang)
    file = os.fspath(path)
    try:
        spec = read_spec(path)
        meeting = spec.meeting()
    except SpecError as exc:
        return CheckReport(file, lang or "en", None, exc.problems, readable=False)
    words = lang or (meeting.language if meeting.language in LANGUAGES else "en")
    try:
        timetable = layout(meeting)
    except InvalidAgenda as exc:
        return CheckReport(file, words, None, tuple(spec.with_lines(exc.problems)))
    return CheckReport(file, words, timetable, tuple(spec.with_lines(timetable.warnings)))
