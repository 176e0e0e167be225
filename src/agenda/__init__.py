"""agenda: build, check and publish timed meeting agendas.

Data flows spec → model → timetable → outputs::

    meeting = agenda.load("meeting.toml")      # or build Meeting/Item in Python
    problems = agenda.validate(meeting)        # every problem at once
    result = agenda.parse_text(printed_agenda) # or read one back from a document
    timetable = agenda.layout(meeting)         # raises InvalidAgenda with all problems
    print(agenda.render(timetable, "json"))
"""

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

if TYPE_CHECKING:
    from ._audience import UnknownAudience, audiences, for_audience
    from ._check import CheckReport, check, check_summary
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
    from ._ical.update import FeedNotice, FeedUpdate, update_feed
    from ._io import load, write_atomic
    from ._layout import layout, occurrence_on, occurrences, parse_weekday, share_slack, validate
    from ._layout._repeat import UnboundedRepeat
    from ._layout._series import NotAnOccurrence, Series
    from ._model import Day, Item, Kind, Material, Meeting, Override, Translations
    from ._parse import ParseError, ParseResult, parse_bytes, parse_file, parse_text
    from ._problems import AgendaError, InvalidAgenda, Problem, Severity, SpecError
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
    from ._report import Report, ReportRow, render_report, report
    from ._schedule import (
        ScheduleError,
        schedule_dict,
        to_schedule,
        to_schedule_json,
        to_schedule_xml,
    )
    from ._spec import dump_json, dump_toml, from_dict, load_json, load_toml, loads, to_dict
    from ._spec.rewrite import rewrite_spec
    from ._spec.schema import spec_schema
    from ._spec.templates import UnknownTemplate, template, template_names
    from ._timetable import DaySpan, Slot, Timetable
    from ._translations import translate
    from ._words.catalog import UnknownLanguage
    from ._words.labels import LABELS, Labels

# Every public name, by the module that holds it. Each is imported the first time it is
# used (see __getattr__): `import agenda` costs nothing, and a command pays for what it
# uses (the feed's icalendar, the series' dateutil, a table format's own libraries).
_HOMES: dict[str, tuple[str, ...]] = {
    "._audience": ("UnknownAudience", "audiences", "for_audience"),
    "._check": ("CheckReport", "check", "check_summary"),
    "._diff": ("Change", "Diff", "diff"),
    "._edit": ("Absorb", "Actual", "ActualLog", "Address", "AddressError", "BelowMinimum", "Cut",
               "EditError", "InvalidEdit", "InvalidLog", "LateFromLog", "LateResult", "Lateness",
               "Overflow", "insert", "late_from_log", "move", "remove", "resize", "running_late",
               "shift"),
    "._formats": ("RENDERERS", "RenderOptions", "render"),
    "._formats.csv": ("to_csv",),
    "._formats.docx": ("to_docx",),
    "._formats.html": ("to_html",),
    "._formats.hwpx": ("to_hwpx",),
    "._formats.markdown": ("to_markdown",),
    "._formats.pdf": ("to_pdf",),
    "._formats.text": ("to_text",),
    "._ical.events": ("FeedEvent", "FeedTimetable"),
    "._ical.feed": ("to_ics",),
    "._ical.names": ("FeedError", "day_uid", "event_uid"),
    "._ical.read": ("from_ics",),
    "._ical.update": ("FeedNotice", "FeedUpdate", "update_feed"),
    "._io": ("load", "write_atomic"),
    "._layout": ("layout", "occurrence_on", "occurrences", "parse_weekday", "share_slack",
                 "validate"),
    "._layout._repeat": ("UnboundedRepeat",),
    "._layout._series": ("NotAnOccurrence", "Series"),
    "._model": ("Day", "Item", "Kind", "Material", "Meeting", "Override", "Translations"),
    "._parse": ("ParseError", "ParseResult", "parse_bytes", "parse_file", "parse_text"),
    "._problems": ("AgendaError", "InvalidAgenda", "Problem", "Severity", "SpecError"),
    "._publish": ("CalDAVError", "CalDAVResult", "Changelog", "Conflict", "Release", "SiteError",
                  "publish_caldav", "publish_site"),
    "._reference": ("REFERENCE_SPEC", "reference_meeting"),
    "._report": ("Report", "ReportRow", "render_report", "report"),
    "._schedule": ("ScheduleError", "schedule_dict", "to_schedule", "to_schedule_json",
                   "to_schedule_xml"),
    "._spec": ("dump_json", "dump_toml", "from_dict", "load_json", "load_toml", "loads", "to_dict"),
    "._spec.rewrite": ("rewrite_spec",),
    "._spec.schema": ("spec_schema",),
    "._spec.templates": ("UnknownTemplate", "template", "template_names"),
    "._timetable": ("DaySpan", "Slot", "Timetable"),
    "._translations": ("translate",),
    "._words.catalog": ("UnknownLanguage",),
    "._words.labels": ("LABELS", "Labels"),
}
_LAZY = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module when first used, reporting ``agenda``
    as its module."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'agenda' has no attribute {name!r}")
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
    "CheckReport",
    "Conflict",
    "Cut",
    "Day",
    "DaySpan",
    "Diff",
    "EditError",
    "FeedError",
    "FeedEvent",
    "FeedNotice",
    "FeedTimetable",
    "FeedUpdate",
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
    "check",
    "check_summary",
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
    "update_feed",
    "validate",
    "write_atomic",
]
