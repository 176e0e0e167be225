"""Problems found in an agenda, and the exceptions that carry them.

A :class:`Problem` is data: a stable `code`, where it is (`number`, `path`,
`line`), and the numbers that matter (`facts`). Its words come from the message
catalog (:mod:`agenda._words.catalog`) in Korean or English, so a program reads the
fields and a person reads ``problem.message("ko")``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from ._errors import AgendaError
from ._words.catalog import Fact, escape_controls, render_message, where_text

__all__ = ["AgendaError", "InvalidAgenda", "Problem", "Severity", "SpecError"]


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


def _to_facts(value: Mapping[str, Fact]) -> Mapping[str, Fact]:
    """A read-only copy of `value`; lists become tuples (facts are hashable)."""
    return MappingProxyType({k: tuple(v) if isinstance(v, list) else v
                             for k, v in value.items()})


def _to_path(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Problem:
    """One thing wrong with an agenda, with the facts a secretariat needs to fix it.

    `code` is stable (a program may switch on it); `number` is the item's number in
    the timetable (``"4.2"``), empty for the meeting itself; `path` is the item's
    identity path (its keys from the top); `line` is the line of the source file
    where the spec has one; `facts` holds the numbers and names the message is made
    of (``minutes``, ``expected``, ``overlap``, ...), JSON-ready.
    """

    code: str
    facts: Mapping[str, Fact] = attrs.field(factory=dict, converter=_to_facts, kw_only=True,
                                           eq=False, hash=False)
    number: str = attrs.field(default="", kw_only=True)
    title: str = attrs.field(default="", kw_only=True)
    path: tuple[str, ...] = attrs.field(default=(), converter=_to_path, kw_only=True)
    severity: Severity = attrs.field(default=Severity.ERROR, kw_only=True)
    line: int | None = attrs.field(default=None, kw_only=True)
    _key: tuple[tuple[str, Fact], ...] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", tuple(sorted(self.facts.items())))

    def message(self, lang: str = "en") -> str:
        """The problem in words (``"ko"`` or ``"en"``), without where it is."""
        return render_message(self.code, self.facts, lang)

    def text(self, lang: str = "en") -> str:
        """One line: where the problem is, then the message. Control characters (a
        newline in a title) are escaped, so one problem is always one line."""
        where = where_text(self.number, self.title, self.severity.value, self.line, lang)
        return escape_controls(f"{where}{self.message(lang)}")

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The problem as JSON-ready data (the fields of ``agenda check --format json``)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "number": self.number,
            "title": self.title,
            "path": list(self.path),
            "line": self.line,
            "facts": {k: list(v) if isinstance(v, tuple) else v for k, v in self.facts.items()},
            "message": self.message(lang),
        }

    @property
    def identity(self) -> tuple[str, tuple[str, ...], str]:
        """What makes problems of two versions of an agenda the same problem: its code,
        the item's path and, for a problem of one occurrence of a series, its date
        (the numbers and the times it names may differ between the versions)."""
        day, _, rest = self.number.partition(" ")
        return self.code, self.path, day if rest else ""

    def __str__(self) -> str:
        return self.text("en")


class InvalidAgenda(AgendaError, ValueError):
    """A timetable was asked for an agenda with errors; `problems` holds them all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        lines = "\n".join(f"  {p}" for p in errors)
        super().__init__(f"the agenda has {len(errors)} problem(s):\n{lines}")


class SpecError(AgendaError, ValueError):
    """A spec file (TOML or JSON) that cannot be read into a meeting.

    `problems` holds every problem found, each with its code, key, item and line
    where the file has one; `messages` holds them as English lines.
    """

    def __init__(self, problems: Sequence[Problem | str], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(
            p if isinstance(p, Problem) else Problem("spec-error", facts={"detail": p})
            for p in problems)
        self.messages: tuple[str, ...] = tuple(str(p) for p in self.problems)
        self.source = source
        head = f"{source}: " if source else ""
        if len(self.messages) == 1:
            super().__init__(f"{head}{self.messages[0]}")
        else:
            lines = "\n".join(f"  {m}" for m in self.messages)
            super().__init__(f"{head}{len(self.messages)} problems:\n{lines}")

    def text(self, lang: str = "en") -> str:
        """Every problem in `lang`, one per line, after the source's name."""
        head = f"{self.source}: " if self.source else ""
        return "\n".join(f"{head}{p.text(lang)}" for p in self.problems)
