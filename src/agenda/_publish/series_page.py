"""The part of a release's page that shows a series as a series: its rule in words,
its skipped and extra dates, its next occurrences (from the release's time on) and
every occurrence held differently, each with its own table. Times are the meeting's
wall-clock times; nothing here computes one (the series and the timetables do).
"""

from __future__ import annotations

import datetime as _dt
import html

from .._formats.html import body
from .._time import moment
from .._timetable import Timetable
from .._words.catalog import words_of
from .._words.labels import labels_for
from .._words.rules import rule_words

__all__ = ["CSS", "series_section"]

UPCOMING = 5
"""How many next occurrences the page lists."""

CSS = """\
section.series .dates { margin: 2pt 0; }
section.series li.changed { font-weight: bold; }
section.series section.occurrence { margin: 10pt 0 0; }
section.series section.occurrence h3 { font-size: 11pt; margin: 6pt 0 2pt; }
"""


def _day(day: _dt.date, lang: str) -> str:
    return f"{day.isoformat()} ({labels_for(lang).weekdays[day.weekday()]})"


def _span(start: int, end: int, zone: str, sep: str) -> str:
    begin, until = moment(start, zone), moment(end, zone)
    last = (f"{until:%H:%M}" if until.date() == begin.date() else f"{until:%Y-%m-%d %H:%M}")
    return f"{begin:%H:%M}{sep}{last}"


def series_section(timetable: Timetable, lang: str, now: _dt.datetime) -> list[str]:
    """The HTML lines of the section (none for a meeting that does not repeat), in
    `lang`; the next occurrences are those that end after `now`."""
    meeting = timetable.meeting
    if not meeting.repeats:
        return []
    words = words_of("series", lang)
    series = timetable.series
    zone = timetable.zone
    rule = (rule_words(meeting.repeat, meeting.date, zone, lang) if meeting.repeat
            else words["only_extra"])
    out = ['<section class="publish series">', f"<h2>{html.escape(words['head'])}</h2>",
           f'<p class="rule">{html.escape(words["rule"])}: {html.escape(rule)}</p>']
    for key in ("skip", "extra"):
        dates = sorted(set(getattr(meeting, key)))
        if dates:
            listed = ", ".join(_day(d, lang) for d in dates)
            out.append(f'<p class="dates {key}">{html.escape(words[key])}: '
                       f"{html.escape(listed)}</p>")
    after = int(now.timestamp())
    upcoming: list[str] = []
    for day, start, end in series.spans():
        if end <= after:
            continue
        mark = words["marked"] if day in series.overrides else ""
        css = ' class="changed"' if mark else ""
        upcoming.append(f"<li{css}>{html.escape(_day(day, lang))} "
                        f"{html.escape(_span(start, end, zone, words['sep']) + mark)}</li>")
        if len(upcoming) == UPCOMING:
            break
    out.append(f"<h2>{html.escape(words['next'])}</h2>")
    out += (["<ul>", *upcoming, "</ul>"] if upcoming else
            [f"<p>{html.escape(words['none_next'])}</p>"])
    changed = sorted(day for day in series.overrides if series.held(day))
    if changed:
        out.append(f"<h2>{html.escape(words['changed'])}</h2>")
        for day in changed:
            held = series.timetable(day)
            out += ['<section class="occurrence">', *body(held, lang=lang, level=3),
                    "</section>"]
    out.append("</section>")
    return out
