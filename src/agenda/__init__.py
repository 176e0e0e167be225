"""agenda: build, check and publish timed meeting agendas.

Data flows spec → model → timetable → outputs::

    meeting = agenda.load("meeting.toml")      # or build Meeting/Item in Python
    problems = agenda.validate(meeting)        # every problem at once
    result = agenda.parse_text(printed_agenda) # or read one back from a document
    timetable = agenda.layout(meeting)         # raises InvalidAgenda with all problems
    print(agenda.render(timetable, "json"))
"""

from ._audience import UnknownAudience, audiences, for_audience
from ._diff import Change, Diff, diff
from ._edit import (
    AddressError,
    BelowMinimum,
    Cut,
    EditError,
    InvalidEdit,
    Lateness,
    LateResult,
    Overflow,
    insert,
    move,
    remove,
    resize,
    running_late,
    shift,
)
from ._formats import RENDERERS, RenderOptions, render
from ._formats.csv import to_csv
from ._formats.html import to_html
from ._formats.labels import LABELS, Labels
from ._formats.markdown import to_markdown
from ._formats.pdf import to_pdf
from ._formats.text import to_text
from ._ics import FeedError, FeedEvent, FeedTimetable, event_uid, from_ics, to_ics
from ._io import load, write_atomic
from ._layout import layout, parse_weekday, share_slack, validate
from ._model import Day, Item, Kind, Meeting
from ._problems import AgendaError, InvalidAgenda, Problem, Severity, SpecError
from ._reference import REFERENCE_SPEC, reference_meeting
from ._repeat import UnboundedRepeat
from ._rewrite import rewrite_spec
from ._schedule import schedule_dict, to_schedule, to_schedule_json, to_schedule_xml
from ._series import NotAnOccurrence, occurrence_on, occurrences
from ._spec import dump_json, dump_toml, from_dict, load_json, load_toml, loads, to_dict
from ._timetable import DaySpan, Slot, Timetable
from .parse import ParseError, ParseResult, parse_file, parse_text
from .publish import CalDAVError, CalDAVResult, Release, SiteError, publish_caldav, publish_site

__all__ = [
    "LABELS",
    "REFERENCE_SPEC",
    "RENDERERS",
    "AddressError",
    "AgendaError",
    "BelowMinimum",
    "CalDAVError",
    "CalDAVResult",
    "Change",
    "Cut",
    "Day",
    "DaySpan",
    "Diff",
    "EditError",
    "FeedError",
    "FeedEvent",
    "FeedTimetable",
    "InvalidAgenda",
    "InvalidEdit",
    "Item",
    "Kind",
    "Labels",
    "LateResult",
    "Lateness",
    "Meeting",
    "NotAnOccurrence",
    "Overflow",
    "ParseError",
    "ParseResult",
    "Problem",
    "Release",
    "RenderOptions",
    "Severity",
    "SiteError",
    "Slot",
    "SpecError",
    "Timetable",
    "UnboundedRepeat",
    "UnknownAudience",
    "audiences",
    "diff",
    "dump_json",
    "dump_toml",
    "event_uid",
    "for_audience",
    "from_dict",
    "from_ics",
    "insert",
    "layout",
    "load",
    "load_json",
    "load_toml",
    "loads",
    "move",
    "occurrence_on",
    "occurrences",
    "parse_file",
    "parse_text",
    "parse_weekday",
    "publish_caldav",
    "publish_site",
    "reference_meeting",
    "remove",
    "render",
    "resize",
    "rewrite_spec",
    "running_late",
    "schedule_dict",
    "share_slack",
    "shift",
    "to_csv",
    "to_dict",
    "to_html",
    "to_ics",
    "to_markdown",
    "to_pdf",
    "to_schedule",
    "to_schedule_json",
    "to_schedule_xml",
    "to_text",
    "validate",
    "write_atomic",
]
