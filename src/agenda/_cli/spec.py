"""`agenda new` and `agenda schema`: specs to start from, and their schema."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .._spec.schema import spec_schema_json
from .._spec.templates import (
    TEMPLATE_LANGUAGES,
    UnknownTemplate,
    template,
    template_description,
    template_names,
)
from .output import EXIT_UNREADABLE, _emit, _out


@click.command()
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


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (atomically) instead of standard output.")
def schema(output: str | None) -> None:
    """Print the JSON Schema (draft 2020-12) of the spec file, for editors and tools."""
    _emit(spec_schema_json(), output)
