"""The message catalog: what each problem code says, and every other line agenda writes,
in Korean and in English.

The catalog is made of areas, each a table key -> {"en": text, "ko": text}. The message
areas (`problems`, `spec`, `parse`, `edits`, `commands`) hold what a problem code says:
a code names its message across the whole catalog, and `render_message` fills it in from
the problem's facts (with the `phrases` facts name). The word areas hold the other texts
by key within their area: what a line starts with (`heads`), the lines of a diff, of
running late, of the log and of the report (`summaries`), and the published pages
(`pages`); `words_of(area, lang)` reads one in a language. This module is the one way to
them: the language list, `render_message`, `words_of` and `where_text`, all under one
rule for a language agenda does not speak (:class:`UnknownLanguage`).

Messages are data: one `str.format` template per code and language, filled from the
problem's facts. A field may name how its value reads (the format spec):

* ``{minutes:min}``: a number of minutes (``5 min`` / ``5분``);
* ``{expected:weekday}``: an ISO weekday number (``Wednesday`` / ``수요일``);
* ``{title:q}``: a text in quotes, control characters escaped;
* ``{keys:list}``: a list of names, comma-separated;
* ``{rule:rule}``: a repeat rule as the head of a message (``repeat rule "..." :``),
  nothing when it is empty (a series of ``extra`` dates alone).

Clock times are facts already written without words (``14:00``, ``2024-03-14 00:30``,
``01:30 (UTC-04:00)``), so both languages show them as they are.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import AgendaError
from .commands import COMMANDS, HEADS
from .edits import EDITS
from .pages import LIVE, SERIES, SITE
from .parse import PARSE
from .phrases import PHRASES
from .problems import PROBLEMS
from .spec import SPEC
from .summaries import DIFF, FROM_LOG, LATE, LOGGED, REPORT

__all__ = ["AREAS", "LANGUAGES", "MESSAGES", "MESSAGE_AREAS", "Fact", "UnknownLanguage",
           "escape_controls", "known_language", "render_message", "where_text", "words_of"]

Fact = int | float | str | bool | None | tuple[str, ...] | list[str]
LANGUAGES = ("en", "ko")
"""The languages agenda speaks: every catalog entry, label and summary has each."""

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ko": ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"),
}

MESSAGE_AREAS = ("problems", "spec", "parse", "edits", "commands")
"""The areas whose keys are problem codes: a code names one message in the whole catalog."""
AREAS: dict[str, dict[str, dict[str, str]]] = {
    "problems": PROBLEMS, "spec": SPEC, "parse": PARSE, "edits": EDITS, "commands": COMMANDS,
    "heads": HEADS, "diff": DIFF, "late": LATE, "from-log": FROM_LOG, "logged": LOGGED,
    "report": REPORT, "site": SITE, "live": LIVE, "series": SERIES}
"""The catalog's parts by area: key -> {"en": text, "ko": text}."""
MESSAGES: dict[str, dict[str, str]] = {code: templates for area in MESSAGE_AREAS
                                       for code, templates in AREAS[area].items()}
"""code -> {"en": template, "ko": template}, every message area's."""


class UnknownLanguage(AgendaError, ValueError):
    """Text was asked for in a language agenda does not speak; `lang` is the name given,
    `known` the languages there are (``en``, ``ko``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.known = LANGUAGES
        super().__init__(f"unknown language {lang!r}; known languages: {', '.join(self.known)}")


def known_language(lang: str) -> str:
    """`lang` when agenda speaks it; :class:`UnknownLanguage` otherwise. The one rule for
    every piece of text agenda writes (tables, problems, diffs, summaries)."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    return lang


_CONTROLS = frozenset({"Cc", "Zl", "Zp"})


def escape_controls(text: str) -> str:
    """`text` with control characters written as escapes (``\\n``, ``\\x07``), so a
    title with a line break cannot split a message or forge another line."""
    if text.isprintable():
        return text
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) in _CONTROLS else ch
                   for ch in text)


def _minutes(value: Any, lang: str) -> str:
    if isinstance(value, float) and not value.is_integer():
        number = f"{value:.2f}"
    else:
        number = f"{int(value)}"
    return f"{number}분" if lang == "ko" else f"{number} min"


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "min":
            return _minutes(value, self.lang)
        if format_spec == "weekday":
            return _WEEKDAYS[self.lang][int(value) - 1]
        if format_spec == "q":
            return f'"{escape_controls(str(value))}"'
        if format_spec == "rule":
            if not value:
                return ""
            head = "반복 규칙" if self.lang == "ko" else "repeat rule"
            return f'{head} "{escape_controls(str(value))}": '
        if format_spec == "list":
            items = [value] if isinstance(value, str) else list(value)
            return ", ".join(escape_controls(str(v)) for v in items)
        return escape_controls(str(value)) if isinstance(value, str) else str(value)


class _Facts(dict[str, Any]):
    """The facts, with `x_ko` / `x_en` read as the phrase `x` in that language."""

    def __init__(self, facts: Mapping[str, Any], lang: str) -> None:
        super().__init__(facts)
        self.lang = lang

    def __missing__(self, key: str) -> Any:
        base, _, lang = key.rpartition("_")
        if lang in LANGUAGES and base in self:
            phrase = str(self[base])
            words = PHRASES.get(phrase, {}).get(lang, phrase)
            if "{" in words:  # a phrase with facts of its own
                return _Formatter(lang).vformat(words, (), self)
            return words
        return f"{{{key}}}"


def words_of(area: str, lang: str) -> dict[str, str]:
    """The texts of `area` in `lang`, by key (a new dict each time):
    ``words_of("diff", "en")["sep"] == "–"``. :class:`UnknownLanguage` for a language
    agenda does not speak."""
    known_language(lang)
    return {key: texts[lang] for key, texts in AREAS[area].items()}


def render_message(code: str, facts: Mapping[str, Any], lang: str = "en") -> str:
    """The message of problem `code` in `lang`, filled in from `facts`."""
    known_language(lang)
    templates = MESSAGES.get(code)
    if templates is None:
        details = ", ".join(f"{k}={v}" for k, v in facts.items())
        return f"{code}" + (f" ({details})" if details else "")
    return _Formatter(lang).vformat(templates[lang], (), _Facts(facts, lang))


def where_text(number: str, title: str, severity: str, line: int | None, lang: str) -> str:
    """The head of a problem line: ``warning: line 9: 4.2 "토론": ``."""
    known_language(lang)
    parts = []
    if severity == "warning":
        parts.append(HEADS["warning"][lang])
    if line is not None:
        parts.append(HEADS["line"][lang].format(line=line))
    if number:
        parts.append(f'{number} "{title}": ' if title else f"{number}: ")
    elif title:
        parts.append(HEADS["meeting"][lang].format(title=title))
    return "".join(parts)


def codes() -> Sequence[str]:
    """Every code the catalog has words for."""
    return sorted(MESSAGES)
