"""agenda: build, check and publish timed meeting agendas.

Data flows spec → model → timetable → outputs::

    meeting = agenda.load("meeting.toml")      # or build Meeting/Item in Python
    problems = agenda.validate(meeting)        # every problem at once
    timetable = agenda.layout(meeting)         # raises InvalidAgenda with all problems
    print(agenda.render(timetable, "json"))
"""

from ._formats import RENDERERS, RenderOptions, render
from ._io import load, write_atomic
from ._layout import layout, parse_weekday, share_slack, validate
from ._model import Item, Kind, Meeting
from ._problems import AgendaError, InvalidAgenda, Problem, Severity, SpecError
from ._reference import REFERENCE_SPEC, reference_meeting
from ._spec import dump_json, dump_toml, load_json, load_toml, loads, to_dict
from ._timetable import Slot, Timetable

__all__ = [
    "REFERENCE_SPEC",
    "RENDERERS",
    "AgendaError",
    "InvalidAgenda",
    "Item",
    "Kind",
    "Meeting",
    "Problem",
    "RenderOptions",
    "Severity",
    "Slot",
    "SpecError",
    "Timetable",
    "dump_json",
    "dump_toml",
    "layout",
    "load",
    "load_json",
    "load_toml",
    "loads",
    "parse_weekday",
    "reference_meeting",
    "render",
    "share_slack",
    "to_dict",
    "validate",
    "write_atomic",
]
