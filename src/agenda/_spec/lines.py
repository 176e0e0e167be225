"""Where a problem stands in a TOML spec: the line of each table and key, found by a
scan of the table headers (made only when there is a problem to report)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .._problems import Problem

__all__ = ["problem_lines", "toml_tables"]


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]*?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("?)([A-Za-z0-9_-]+)\1\s*[=.]""")
_OVERRIDE_DATE = re.compile(r"""^\s*"?date"?\s*=\s*["']?(\d{4}-\d\d-\d\d)""")
_MULTILINE = re.compile("\"\"\"|'''")


def problem_lines(text: str, problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """`problems` of the meeting read from the TOML spec `text`, each that has no line
    given the line of its item's ``[[items]]`` table (in ``[[days.items]]`` and
    ``[[overrides.items]]`` too; an occurrence's problem, numbered ``2025-04-07 2``, in
    that override's items when it has its own), or for the meeting's own the line of
    the ``[meeting]`` key it is about (else of ``[meeting]``). Only a text with a
    problem is scanned."""
    if not problems or all(p.line is not None for p in problems):
        return tuple(problems)
    tables = toml_tables(text)
    out = []
    for problem in problems:
        day, _, number = problem.number.rpartition(" ")
        found = (tables.get(f"{day}/{number}") or tables.get(number)) if day else (
            tables.get(number) if number else tables.get("meeting"))
        if problem.line is None and found is not None:
            header, keys = found
            key = _MEETING_KEY_OF.get(problem.code) if not number else None
            problem = attrs.evolve(problem, line=keys.get(key, header) if key else header)
        out.append(problem)
    return tuple(out)


_MEETING_KEY_OF = {"weekday-mismatch": "weekday", "unknown-weekday": "weekday",
                   "unknown-timezone": "timezone", "bad-repeat": "repeat",
                   "end-before-start": "end", "past-end": "end", "short-of-end": "end",
                   "empty-title": "title", "empty-id": "id", "bad-override": "overrides"}
"""The [meeting] key a problem of the meeting itself is about."""


def toml_tables(text: str) -> dict[str, tuple[int, dict[str, int]]]:
    """Each table of a TOML spec with its header's line and the line of each key it
    sets directly, named as the reader names them: ``"meeting"``, ``"spec"`` for the
    top, item numbers such as ``"4.2"`` for ``[[items]]`` at any depth, in ``[[days]]``
    too (numbers run on from one day to the next), and ``"2025-02-10/1"`` for the items
    of an override. Lines inside multi-line strings are text, not headers."""
    tables: dict[str, tuple[int, dict[str, int]]] = {"spec": (1, {})}
    counts: dict[str, int] = {}  # item number prefix -> children opened so far
    current = tables["spec"][1]
    override: str | None = None  # the number prefix of the override being read
    in_string: str | None = None
    for n, line in enumerate(text.splitlines(), start=1):
        opened = in_string
        for quote in _MULTILINE.findall(line):
            if in_string is None:
                in_string = quote
            elif quote == in_string:
                in_string = None
        if opened is not None:
            continue  # a line that starts inside a multi-line string
        header = _HEADER.match(line)
        if header:
            kind, path = header.group(1), header.group(2).replace(" ", "").split(".")
            current = {}
            if kind == "[" and path == ["meeting"]:
                tables["meeting"] = (n, current)
            elif kind == "[[" and path == ["overrides"]:
                override, counts = "", {}
            elif kind == "[[" and path == ["days"]:
                override, counts = None, {"": counts.get("", 0)}  # numbers run on
            elif kind == "[[" and (path == ["items"] or (
                    path[0] in ("items", "days", "overrides") and set(path[1:]) == {"items"})):
                depth = len(path) - (1 if path[0] == "items" else 2)
                parent = ""
                for _ in range(depth):
                    parent = f"{parent}{counts.get(parent, 0)}."
                counts[parent] = counts.get(parent, 0) + 1
                for stale in [key for key in counts if key.startswith(parent) and key != parent]:
                    del counts[stale]
                prefix = override or "" if path[0] == "overrides" else ""
                tables[f"{prefix}{parent}{counts[parent]}"] = (n, current)
            continue
        key = _KEY.match(line)
        if key:
            current.setdefault(key.group(2), n)
            day = _OVERRIDE_DATE.match(line)
            if day and override == "" and not counts:
                override = f"{day.group(1)}/"
    return tables
