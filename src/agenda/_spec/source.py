"""A spec as read from a file or standard input: its text, its format and its name.

One rule tells the formats apart (:func:`spec_format`), and one value carries what a
command needs after reading: the meeting, and the lines of its problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

import attrs

from .._model import Meeting
from .._problems import Problem, SpecError
from .lines import problem_lines
from .read import decode_spec, loads

__all__ = ["STANDARD_INPUT", "SpecText", "spec_format", "spec_text"]

STANDARD_INPUT = "standard input"
"""The name of a spec read from standard input (``-``) in messages."""


def spec_format(source: str | None, text: str) -> str:
    """``json`` or ``toml``: a file is JSON when its name ends in ``.json``, standard
    input (`source` None) when its text starts with ``{``; anything else is TOML."""
    if source is None:
        return "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "toml"
    return "json" if PurePath(source).suffix.lower() == ".json" else "toml"


@attrs.frozen
class SpecText:
    """The `text` of a spec (without a byte-order mark), its `format` (``toml`` or
    ``json``) and its `source`: the file's name as given, None for standard input."""

    text: str
    format: str
    source: str | None = None

    @property
    def name(self) -> str:
        """The source in messages: the file's name, or ``standard input``."""
        return STANDARD_INPUT if self.source is None else self.source

    def meeting(self) -> Meeting:
        """The meeting the text describes; :class:`SpecError` naming the source lists
        every problem (with its line)."""
        try:
            return loads(self.text, self.format)
        except SpecError as exc:
            raise SpecError(exc.problems, self.name) from None

    def with_lines(self, problems: Sequence[Problem]) -> Sequence[Problem]:
        """`problems` of its meeting with the lines of their items, for a TOML file
        (problems of standard input and of JSON keep none)."""
        if not problems or self.source is None or self.format != "toml":
            return problems
        return problem_lines(self.text, problems)


def spec_text(raw: bytes, source: str | None = None) -> SpecText:
    """The spec in the bytes `raw` of the file named `source` (None: standard input):
    UTF-8 with or without a byte-order mark, else :class:`SpecError` saying how to
    convert it."""
    try:
        text = decode_spec(raw).removeprefix("\ufeff")
    except SpecError as exc:
        raise SpecError(exc.problems, STANDARD_INPUT if source is None else source) from None
    return SpecText(text, spec_format(source, text), source)
