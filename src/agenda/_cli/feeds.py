"""`agenda ics`, `agenda publish` and `agenda schedule`: what subscribers read."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from .._io import previous_output
from .._problems import AgendaError
from .._schedule import SCHEDULE_FORMATS, ScheduleError, to_schedule
from .._translations import original_track, translate
from .._words.labels import LABELS
from .common import (
    _language,
    _language_tag,
    _layout_or_exit,
    _message_language,
    _parse_now,
    _read,
    _spec,
)
from .logs import _log_problems_or_exit, _read_log
from .output import EXIT_INVALID, EXIT_UNREADABLE, _emit, _fail, _not_the_input, _out


@click.command()
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
    from .._ical.names import FeedError
    from .._ical.update import update_feed

    meeting, spec = _spec(file)
    timetable = _layout_or_exit(meeting, _message_language(lang), spec)
    if track is not None:  # a track is named by its title in any of its languages
        track = original_track(timetable, track)
    if lang is not None:
        timetable = translate(timetable, _language_tag(lang))
    source = previous_output(output, previous)
    try:
        old = None if source is None else Path(source).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {source}: {exc.strerror or exc}")
    try:
        update = update_feed(timetable, old, items=items, now=now or _dt.datetime.now(_dt.UTC),
                             uid_domain=uid_domain, replace=replace, track=track,
                             audience=audience, refresh=_dt.timedelta(minutes=refresh),
                             name=name)
    except FeedError as exc:
        _fail(f"{source}: {exc.reason}" if old is not None and old.strip() else exc.reason)
    except AgendaError as exc:
        _fail(str(exc))
    for notice in update.notices:
        click.echo(notice.text("en"), err=True)
    if source is not None and source == output and not update.changed:
        return  # unchanged: leave the file (and its modification time) alone
    _emit(update.data, output)


def _base_url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``--base-url``: only an http or https address (a usage error, as click words it)."""
    if value is None:
        return None
    from .._publish.site import base_url_problem

    problem = base_url_problem(value)
    if problem is not None:
        raise click.BadParameter(problem)
    return value


@click.command()
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
    from .._ical.names import FeedError
    from .._publish import CalDAVError, SiteError, publish_caldav, publish_site
    from .._publish.caldav import password_from

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
                for line in release.changes.lines(lang):
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


@click.command()
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
    meeting, spec = _spec(file)
    timetable = _layout_or_exit(meeting, _message_language(lang), spec)
    try:
        data = to_schedule(timetable, fmt, None if lang is None else _language_tag(lang))
    except ScheduleError as exc:
        _fail(exc.text(_language(meeting, _message_language(lang))))
    _emit(data, output)
