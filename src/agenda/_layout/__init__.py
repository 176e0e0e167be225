"""Layout: a Meeting becomes a Timetable (the only clock arithmetic), and every
problem is found on the way. This face only hands the stage's names on."""

from ._checks import parse_weekday
from ._occurrences import occurrence_on, occurrences
from ._place import draft, layout, validate
from ._sizing import share_slack

__all__ = ["draft", "layout", "occurrence_on", "occurrences", "parse_weekday", "share_slack",
           "validate"]
