"""The words of the report in one language (the catalog's `report` area) and how its
numbers read."""

from __future__ import annotations

import datetime as _dt

import attrs

from .._words.catalog import words_of
from ._rows import ReportRow, Status

__all__ = ["Words", "words_for"]


@attrs.frozen
class Words:
    """The report's labels in one language. `signed` writes over/under (``{sign}`` and
    ``{minutes}``); `columns` name the table's columns, `csv` the CSV's header row."""

    lang: str
    heading: str
    meeting: str
    never_started: str
    nothing: str
    signed: str
    minutes: str
    range_sep: str
    columns: tuple[str, ...]
    csv: tuple[str, ...]
    status: dict[str, str]

    def over(self, minutes: int | None) -> str:
        """``+5 min`` / ``-2 min`` / ``±0 min`` (``+5분``…); a dash when unknown."""
        if minutes is None:
            return "—"
        sign = "+" if minutes > 0 else "-" if minutes < 0 else "±"
        return self.signed.format(sign=sign, minutes=abs(minutes))

    def duration(self, minutes: int | None) -> str:
        return "—" if minutes is None else self.minutes.format(minutes=minutes)

    def clock(self, moment: _dt.datetime | None, seconds: bool, day: _dt.date) -> str:
        """``14:03`` (``14:03:30`` with `seconds`), with the date when it is not `day`."""
        if moment is None:
            return "—"
        text = moment.strftime("%H:%M:%S" if seconds else "%H:%M")
        return text if moment.date() == day else f"{moment.date().isoformat()} {text}"

    def planned(self, row: ReportRow, day: _dt.date) -> str:
        return (f"{self.clock(row.planned_start, False, day)}{self.range_sep}"
                f"{self.clock(row.planned_end, False, day)}")

    def actual(self, row: ReportRow, seconds: bool, day: _dt.date) -> str:
        if row.status is Status.IN_BLOCK:
            return self.status[Status.IN_BLOCK]
        if row.actual_start is None and row.actual_end is None:
            return self.status[Status.NOT_STARTED]
        return (f"{self.clock(row.actual_start, seconds, day)}{self.range_sep}"
                f"{self.clock(row.actual_end, seconds, day) if row.actual_end else '…'}")


# The catalog's keys (the `report` area) of the table's columns and the CSV's, in order.
_COLUMNS = ("no", "item", "planned", "actual", "planned-minutes", "actual-minutes", "over")
_CSV = ("no", "title", "depth", "planned_start", "planned_end", "planned_minutes",
        "actual_start", "actual_end", "actual_minutes", "over_minutes", "over_seconds", "status")


def words_for(lang: str) -> Words:
    """The report's words in `lang`, from the catalog; `UnknownLanguage` for another."""
    said = words_of("report", lang)
    return Words(lang=lang, heading=said["heading"], meeting=said["meeting"],
                 never_started=said["never_started"], nothing=said["nothing"],
                 signed=said["signed"], minutes=said["minutes"], range_sep=said["range_sep"],
                 columns=tuple(said[f"column-{key}"] for key in _COLUMNS),
                 csv=tuple(said[f"csv-{key}"] for key in _CSV),
                 status={status: said[f"status-{status.value}"] for status in Status})
