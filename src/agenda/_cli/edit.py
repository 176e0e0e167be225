"""`agenda edit`: one operation on a spec, written back with its diff."""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Callable

import click

from .._edit import EditError, insert, move, remove, resize, shift
from .._model import Item, Kind, Meeting
from .._words.labels import LABELS
from .changes import _said
from .common import _errors, _language, _say, _spec
from .output import EXIT_INVALID, _emit, _fail, _not_the_input, _out

_ON_HELP = ("Change only the occurrence held on this date of a repeating meeting: its "
            "[[overrides]] entry is written (created or updated), the series is left alone.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    from .._edit import InvalidEdit
    from .._layout import draft
    from .._layout._series import NotAnOccurrence

    file, group_on = click.get_current_context().obj
    on = group_on if on_day is None else on_day.date()
    if group_on is not None and on_day is not None and group_on != on:
        raise click.UsageError("--on is given twice, with two dates")
    if in_place and (output is not None or file == "-"):
        raise click.UsageError("--in-place writes FILE itself: give no -o, and a file, not -")
    _not_the_input(file, output, hint="--in-place writes the change into FILE on purpose")
    meeting, spec = _spec(file)
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
    from .._spec.rewrite import rewrite_spec  # tomlkit: only when a spec is written back

    _emit(rewrite_spec(spec.text, edited, spec.format), target)
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
