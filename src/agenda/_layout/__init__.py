"""Layout: a Meeting becomes a Timetable (the only clock arithmetic), and every
problem is found on the way. This face only hands the stage's names on."""

from ._checks import parse_weekday
from ._occurrences import (
    DEFAULT_OCCURRENCES,
    LISTED_AT_MOST,
    FewerOccurrences,
    Listed,
    occurrence_listing,
    occurrence_on,
    occurrence_timetable,
    occurrences,
)
from ._place import draft, layout, validate
from ._sizing import share_slack

__all__ = ["DEFAULT_OCCURRENCES", "LISTED_AT_MOST", "FewerOccurrences", "Listed", "draft",
           "layout", "occurrence_listing", "occurrence_on", "occurrence_timetable",
           "occurrences", "parse_weekday", "share_slack", "validate"]
