"""The errors of edits: each keeps the facts it reports as attributes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .._problems import AgendaError, Problem, Severity
from .._words.catalog import Fact, known_language, render_message

__all__ = ["AddressError", "BelowMinimum", "EditError", "InvalidEdit", "Overflow"]


class EditError(AgendaError, ValueError):
    """An edit that cannot be made; nothing was changed.

    `operation` names the edit (``"resize"``), `reason` says why in words. An error
    with a `code` of the message catalog keeps its `facts` and says itself in Korean
    too (:meth:`text`).
    """

    def __init__(self, operation: str, reason: str | None = None, *, code: str | None = None,
                 facts: Mapping[str, Fact] | None = None) -> None:
        self.operation = operation
        self.code = code
        self.facts: dict[str, Fact] = dict(facts or {})
        if reason is None:
            reason = render_message(code or "", self.facts, "en")
        self.reason = reason
        super().__init__(f"{operation}: {reason}")

    def text(self, lang: str = "en") -> str:
        """Why the edit cannot be made, in `lang` where the catalog has the words (else
        as said when raised); :class:`UnknownLanguage` for a language agenda does not
        speak."""
        if self.code is None:
            known_language(lang)
            return self.reason
        return render_message(self.code, self.facts, lang)


class AddressError(EditError):
    """An item address that matches no item, or more than one.

    `candidates` lists the items it could have meant (number, title path and id),
    empty when nothing comes close.
    """

    def __init__(self, operation: str, address: str, candidates: Sequence[str],
                 ambiguous: bool) -> None:
        self.address = address
        self.candidates: tuple[str, ...] = tuple(candidates)
        self.ambiguous = ambiguous
        if ambiguous:
            reason = f'"{address}" matches {len(self.candidates)} items: '
        elif self.candidates:
            reason = f'no item matches "{address}"; did you mean: '
        else:
            reason = f'no item matches "{address}"'
        reason += "; ".join(self.candidates)
        super().__init__(operation, reason)


class BelowMinimum(EditError):
    """Taking time from an item would leave it under its minimum.

    ``토론 would need 12 min, its minimum is 15``: `title`, `needed` (the minutes it
    would keep) and `minimum`.
    """

    def __init__(self, operation: str, title: str, needed: int, minimum: int) -> None:
        self.title = title
        self.needed = needed
        self.minimum = minimum
        super().__init__(operation, f"{title} would need {needed} min, its minimum is "
                                    f"{minimum}")


class Overflow(EditError):
    """An insert or a resize that does not fit its block's declared length.

    `block` is the block's title (or the meeting's), `minutes` its length and `over`
    by how many minutes the children would exceed it.
    """

    def __init__(self, operation: str, block: str, minutes: int, over: int) -> None:
        self.block = block
        self.minutes = minutes
        self.over = over
        super().__init__(operation, f"{block} ({minutes} min) would overflow by {over} min; "
                                    'name an item to absorb it, or absorb="end" or "parent"')


class InvalidEdit(EditError):
    """The edited agenda would have errors; `problems` holds them all."""

    def __init__(self, operation: str, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(
            p for p in problems if p.severity is Severity.ERROR)
        lines = "; ".join(str(p) for p in self.problems)
        super().__init__(operation, f"the edited agenda would be invalid: {lines}")
