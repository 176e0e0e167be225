"""agenda: build, check and publish timed meeting agendas.

Data flows spec → model → timetable → outputs::

    meeting = agenda.load("meeting.toml")      # or build Meeting/Item in Python
    problems = agenda.validate(meeting)        # every problem at once
    result = agenda.parse_text(printed_agenda) # or read one back from a document
    timetable = agenda.layout(meeting)         # raises InvalidAgenda with all problems
    print(agenda.render(timetable, "json"))
"""

from typing import TYPE_CHECKING, Any

from ._audience import UnknownAudience, audiences, for_audience
from ._diff import Change, Diff, diff
from ._edit import (
    Absorb,
    Actual,
    ActualLog,
    Address,
    AddressError,
    BelowMinimum,
    Cut,
    EditError,
    InvalidEdit,
    InvalidLog,
    LateFromLog,
    Lateness,
    LateResult,
    Overflow,
    insert,
    late_from_log,
    move,
    remove,
    resize,
    running_late,
    shift,
)
from ._formats import RENDERERS, RenderOptions, render
from ._io import load, write_atomic
from ._layout import layout, occurrence_on, occurrences, parse_weekday, share_slack, validate
from ._model import Day, Item, Kind, Material, Meeting, Override, Translations
from ._parse import ParseError, ParseResult, parse_bytes, parse_file, parse_text
from ._problems import (
    AgendaError,
    InvalidAgenda,
    Problem,
    Severity,
    SpecError,
)
from ._schedule import (
    ScheduleError,
    schedule_dict,
    to_schedule,
    to_schedule_json,
    to_schedule_xml,
)
from ._series import NotAnOccurrence
from ._spec import dump_json, dump_toml, from_dict, load_json, load_toml, loads, to_dict
from ._spec.schema import spec_schema
from ._spec.templates import UnknownTemplate, template, template_names
from ._timetable import DaySpan, Slot, Timetable
from ._translations import translate
from ._words.catalog import UnknownLanguage
from ._words.labels import LABELS, Labels

if TYPE_CHECKING:  # imported on first use (see __getattr__): a command pays for what it uses
    from ._formats.csv import to_csv
    from ._formats.docx import to_docx
    from ._formats.html import to_html
    from ._formats.hwpx import to_hwpx
    from ._formats.markdown import to_markdown
    from ._formats.pdf import to_pdf
    from ._formats.text import to_text
    from ._ical.events import FeedEvent, FeedTimetable
    from ._ical.feed import to_ics
    from ._ical.names import FeedError, day_uid, event_uid
    from ._ical.read import from_ics
    from ._publish import (
        CalDAVError,
        CalDAVResult,
        Changelog,
        Conflict,
        Release,
        SiteError,
        publish_caldav,
        publish_site,
    )
    from ._reference import REFERENCE_SPEC, reference_meeting
    from ._repeat import UnboundedRepeat
    from ._report import Report, ReportRow, render_report, report
    from ._series import Series
    from ._spec.rewrite import rewrite_spec

_LAZY = {
    "to_csv": "._formats.csv",
    "to_docx": "._formats.docx",
    "to_html": "._formats.html",
    "to_hwpx": "._formats.hwpx",
    "to_markdown": "._formats.markdown",
    "to_pdf": "._formats.pdf",
    "to_text": "._formats.text",
    **dict.fromkeys(("FeedError", "day_uid", "event_uid"), "._ical.names"),
    **dict.fromkeys(("FeedEvent", "FeedTimetable"), "._ical.events"),
    "from_ics": "._ical.read",
    "to_ics": "._ical.feed",
    **dict.fromkeys(("REFERENCE_SPEC", "reference_meeting"), "._reference"),
    "UnboundedRepeat": "._repeat",
    **dict.fromkeys(("Report", "ReportRow", "render_report", "report"), "._report"),
    "rewrite_spec": "._spec.rewrite",
    "Series": "._series",
    **dict.fromkeys(("CalDAVError", "CalDAVResult", "Changelog", "Conflict", "Release",
                     "SiteError", "publish_caldav", "publish_site"), "._publish"),
}


def __getattr__(name: str) -> Any:
    """The names whose modules are heavy (icalendar, dateutil, wcwidth, WeasyPrint,
    tomlkit, the publishers), imported when first used."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'agenda' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = _owned(value)
    return value


def _owned(value: Any) -> Any:
    """`value` reporting ``agenda`` as its module (as httpx does): the public face owns
    its names, wherever the code lives."""
    if isinstance(value, type) or (callable(value) and hasattr(value, "__qualname__")):
        value.__module__ = __name__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "LABELS",
    "REFERENCE_SPEC",
    "RENDERERS",
    "Absorb",
    "Actual",
    "ActualLog",
    "Address",
    "AddressError",
    "AgendaError",
    "BelowMinimum",
    "CalDAVError",
    "CalDAVResult",
    "Change",
    "Changelog",
    "Conflict",
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
    "InvalidLog",
    "Item",
    "Kind",
    "Labels",
    "LateFromLog",
    "LateResult",
    "Lateness",
    "Material",
    "Meeting",
    "NotAnOccurrence",
    "Overflow",
    "Override",
    "ParseError",
    "ParseResult",
    "Problem",
    "Release",
    "RenderOptions",
    "Report",
    "ReportRow",
    "ScheduleError",
    "Series",
    "Severity",
    "SiteError",
    "Slot",
    "SpecError",
    "Timetable",
    "Translations",
    "UnboundedRepeat",
    "UnknownAudience",
    "UnknownLanguage",
    "UnknownTemplate",
    "audiences",
    "day_uid",
    "diff",
    "dump_json",
    "dump_toml",
    "event_uid",
    "for_audience",
    "from_dict",
    "from_ics",
    "insert",
    "late_from_log",
    "layout",
    "load",
    "load_json",
    "load_toml",
    "loads",
    "move",
    "occurrence_on",
    "occurrences",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "parse_weekday",
    "publish_caldav",
    "publish_site",
    "reference_meeting",
    "remove",
    "render",
    "render_report",
    "report",
    "resize",
    "rewrite_spec",
    "running_late",
    "schedule_dict",
    "share_slack",
    "shift",
    "spec_schema",
    "template",
    "template_names",
    "to_csv",
    "to_dict",
    "to_docx",
    "to_html",
    "to_hwpx",
    "to_ics",
    "to_markdown",
    "to_pdf",
    "to_schedule",
    "to_schedule_json",
    "to_schedule_xml",
    "to_text",
    "translate",
    "validate",
    "write_atomic",
]

for _name in __all__:
    if _name in globals():
        _owned(globals()[_name])
