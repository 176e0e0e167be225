"""Problems found in an agenda, and the exceptions that carry them."""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

__all__ = ["AgendaError", "InvalidAgenda", "Problem", "Severity", "SpecError"]


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@attrs.frozen
class Problem:
    """One thing wrong with an agenda, with the facts a secretariat needs to fix it.

    `number` is the item's number in the timetable (``"4.2"``), empty for the
    meeting itself; `path` is the item's identity path (its keys from the top);
    `line` is the line of the source document the problem was found on, when known.
    """

    code: str
    message: str
    number: str = ""
    title: str = ""
    path: tuple[str, ...] = ()
    severity: Severity = Severity.ERROR
    line: int | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        if self.number:
            where = f'{self.number} "{self.title}"'
        else:
            where = f'meeting "{self.title}"' if self.title else "meeting"
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{prefix}{where}: {self.message}"


class AgendaError(Exception):
    """Root of every error this library raises."""


class InvalidAgenda(AgendaError, ValueError):
    """A timetable was asked for an agenda with errors; `problems` holds them all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        lines = "\n".join(f"  {p}" for p in errors)
        super().__init__(f"the agenda has {len(errors)} problem(s):\n{lines}")


class SpecError(AgendaError, ValueError):
    """A spec file (TOML or JSON) that cannot be read into a meeting.

    `messages` holds every problem found, each naming its key, item or line.
    """

    def __init__(self, messages: Sequence[str], source: str | None = None) -> None:
        self.messages: tuple[str, ...] = tuple(messages)
        self.source = source
        head = f"{source}: " if source else ""
        if len(self.messages) == 1:
            super().__init__(f"{head}{self.messages[0]}")
        else:
            lines = "\n".join(f"  {m}" for m in self.messages)
            super().__init__(f"{head}{len(self.messages)} problems:\n{lines}")
