"""The English words of the problems a document can have, filled from their facts
(``{minutes:min}`` reads as ``5 min``)."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

__all__ = ["MESSAGES", "render"]

MESSAGES: dict[str, str] = {
    "stated-duration": "states {stated:min}, but {start}~{end} is {minutes:min}",
    "row-gap": "starts at {start}, {gap:min} after the item above it ends ({previous_end})",
    "row-overlap": "starts at {start}, {overlap:min} before the item above it ends "
                   "({previous_end})",
    "out-of-order": "starts at {start}, before the item above it ({previous}, "
                    "{previous_start})",
    "backwards-range": "ends at {end}, before it starts at {start}",
    "no-end": "gives only its start ({start}) and nothing after it says when it ends",
    "window-start": "starts at {start}, but the stated time (line {window_line}) starts at "
                    "{expected}",
    "window-end": "ends at {end}, but the stated time (line {window_line}) ends at {expected}",
    "block-start": "starts at {start}, but item {block} starts at {expected}",
    "block-end": "ends at {end}, but item {block} ends at {expected}",
    "uneven-order": "{minutes:min} do not split into {count} equal whole-minute parts "
                    "({names})",
    "date-mismatch": "the document gives {date}, not {given} as asked",
    "weekday-mismatch": 'weekday "{weekday}" does not match {date}, which is a '
                        "{expected:weekday}",
    "no-title": "has no title",
    "assumed-timezone": "the document names no time zone; read as {timezone} (pass --tz ZONE)",
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "min":
            return f"{value} min"
        if format_spec == "weekday":
            return _WEEKDAYS[int(value) - 1]
        return str(value)


def render(code: str, facts: Mapping[str, Any]) -> str:
    """The English message of problem `code`."""
    return _Formatter().vformat(MESSAGES[code], (), facts)
