"""The ``agenda`` command line.

Exit codes (a contract for scripts): 0 success, 1 the agenda is invalid,
2 the file cannot be read or parsed, an output cannot be written (and click's usage
errors), 70 an internal error (a bug: one line on standard error; the traceback with
``--debug`` or ``AGENDA_DEBUG=1``), 130 interrupted.

Start-up counts in scripts: each command's module (in `agenda._cli`) is imported when
that command runs, and it imports what it uses; ``agenda --version`` and ``--help``
of the group import no stage of the library.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from ._cli.output import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_UNREADABLE, _flush, _OutputFailed
from ._version import __version__

__all__ = ["cli", "main"]

DEBUG_VARIABLE = "AGENDA_DEBUG"

COMMANDS = {
    "check": "check:check",
    "demo": "check:demo",
    "diff": "changes:diff_command",
    "edit": "edit:edit",
    "ics": "feeds:ics",
    "late": "changes:late",
    "log": "day:log_command",
    "new": "spec:new",
    "parse": "parse:parse",
    "publish": "feeds:publish",
    "report": "day:report_command",
    "schedule": "feeds:schedule",
    "schema": "spec:schema",
    "table": "check:table",
}
"""Each command, by its module in `agenda._cli` and its name there."""


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
    """The command group: it imports a command's module when the command is asked for,
    and turns failures outside the contract into exit codes."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return super().get_command(ctx, cmd_name)
        module, name = where.split(":")
        command: click.Command = getattr(importlib.import_module(f"._cli.{module}",
                                                                 __package__), name)
        return command

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
                import traceback

                traceback.print_exc()
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            click.echo(f"internal error: {reason[:300]}; please report (run with --debug or "
                       f"{DEBUG_VARIABLE}=1 for the details)", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Agenda, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="agenda")
@click.option("--debug", is_flag=True,
              help=f"On an internal error, print the traceback (also {DEBUG_VARIABLE}=1).")
def cli(debug: bool) -> None:
    """Build, check and publish timed meeting agendas.

    Exit codes: 0 ok, 1 the agenda is invalid, 2 unreadable input, an output that
    cannot be written or a usage error, 70 internal error (please report it).
    """


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``agenda`` script."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="agenda")


if __name__ == "__main__":  # pragma: no cover
    main()

