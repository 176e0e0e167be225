"""Public holidays: the dates a series with ``skip_holidays`` is not held on.

The dates and their names come from the maintained `holidays` package (PyPI), which
computes each country's public holidays year by year, substitute and one-off holidays
included (2025 in Korea: the temporary holiday of 27 January, the substitute
holidays of 3 March, 6 May and 8 October, the election day of 3 June). It is imported
the first time a meeting names a country, so nothing else pays for it.

A code is an ISO 3166-1 alpha-2 country code (``KR``), optionally with an ISO 3166-2
subdivision (``DE-BY``: Bavaria's holidays, Germany's included). Names are given in
the language asked for where the package has it (``ko``; ``en`` is its ``en_US``),
else in the country's own.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

from ._words.catalog import Fact

__all__ = ["CODE", "PublicHolidays", "holidays_problem"]

CODE = re.compile(r"([A-Z]{2})(?:-([A-Z0-9]{1,3}))?")
"""A ``skip_holidays`` code: a country, optionally a subdivision."""


@functools.cache
def _supported() -> dict[str, list[str]]:
    import holidays

    found: dict[str, list[str]] = holidays.list_supported_countries()
    return found


def holidays_problem(code: str) -> tuple[str, dict[str, Fact]] | None:
    """Why `code` names no set of public holidays, as a reason phrase and its facts
    (None when it names one)."""
    match = CODE.fullmatch(code)
    if match is None:
        return ("it is not an ISO 3166 country code with an optional subdivision, like KR "
                "or DE-BY"), {}
    country, subdivision = match.groups()
    known = _supported()
    if country not in known:
        return "no public holidays are known for the country {country}", {"country": country}
    if subdivision is not None and subdivision not in known[country]:
        codes = [s for s in known[country] if CODE.fullmatch(f"{country}-{s}")]
        return ("{country} has no subdivision {subdivision}; known: {known}",
                {"country": country, "subdivision": subdivision,
                 "known": ", ".join(codes) or "none"})
    return None


@functools.cache
def _calendar(code: str, lang: str | None) -> Any:
    """The package's holiday calendar of `code`, naming holidays in `lang` where it can
    (it grows by the years it is asked about)."""
    import holidays

    match = CODE.fullmatch(code)
    if match is None:
        raise ValueError(f"not a holidays code: {code!r}")
    country, subdivision = match.groups()
    cls = holidays.country_holidays(country, subdiv=subdivision).__class__
    languages = getattr(cls, "supported_languages", ()) or ()
    chosen = None
    if lang is not None:
        chosen = next((x for x in languages if x == lang), None) or next(
            (x for x in languages if x.split("_")[0] == lang), None)
    return holidays.country_holidays(country, subdiv=subdivision, language=chosen)


class PublicHolidays:
    """The public holidays of a country (and subdivision) by `code`: whether a date is
    one, and its name in a language."""

    def __init__(self, code: str) -> None:
        self.code = code
        self._dates = _calendar(code, None)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, _dt.date) and day in self._dates

    def name(self, day: _dt.date, lang: str | None = None) -> str | None:
        """The holiday's name on `day` in `lang` where the package has it (several on
        one date joined by ``; ``), None when `day` is no holiday."""
        if day not in self:
            return None
        found: str | None = _calendar(self.code, lang).get(day)
        return found

    def between(self, first: _dt.date, last: _dt.date) -> list[_dt.date]:
        """The holidays from `first` to `last`, both included, in order."""
        found: list[_dt.date] = sorted(self._dates[first:last + _dt.timedelta(days=1)])
        return found
