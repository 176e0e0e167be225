"""What changed between two published versions: the changelog of a release.

The changes are :func:`agenda.diff` of the two versions' timetables: one line per
change in Korean and in English, and its JSON form.
"""

from __future__ import annotations

from typing import Any

import attrs

from .._diff import diff
from .._timetable import Timetable
from .._translations import titles
from .._words.catalog import known_language

__all__ = ["Changelog", "changelog"]


@attrs.frozen
class Changelog:
    """The changes of one release: a line per change in Korean and English, and a
    JSON-ready form (``{"changes": [...]}``, each change as :meth:`agenda.Change.as_dict`
    gives it). Empty for a first release."""

    ko: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    data: dict[str, Any] = attrs.field(factory=lambda: {"changes": []})

    def lines(self, lang: str) -> tuple[str, ...]:
        """The lines in `lang` (``ko`` or ``en``); :class:`UnknownLanguage` for another."""
        return {"ko": self.ko, "en": self.en}[known_language(lang)]

    def text(self, lang: str) -> str:
        """The lines in `lang`, each ending in a newline (``changes.ko.txt``)."""
        return "".join(f"{line}\n" for line in self.lines(lang))


def changelog(old: Timetable | None, new: Timetable) -> Changelog:
    """The changes from the version `old` (None for a first release) to `new`."""
    if old is None:
        return Changelog()
    found = diff(old, new)
    ko, en = (found.retitled(titles([old, new], lang)) for lang in ("ko", "en"))
    return Changelog(tuple(ko.text("ko").splitlines()), tuple(en.text("en").splitlines()),
                     found.as_dict())
