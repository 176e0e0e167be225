"""Read iCalendar files with libical (the C library behind Evolution) and print JSON.

Run with the system Python that has Debian's ``python3-gi`` and ``gir1.2-ical-3.0``::

    /usr/bin/python3 libical_dump.py a.ics b.ics     (or a JSON list of paths on stdin)

For every VEVENT it prints the UID, SUMMARY, the TZID of DTSTART/DTEND and the start
and end as UTC epoch seconds, converted twice: through the VTIMEZONE the file carries
(``start``/``end``, what Evolution shows) and through libical's own zone of the same
name (``start_builtin``/``end_builtin``). ``start_local``/``end_local`` give those instants
as wall-clock times in each VTIMEZONE of the file, converted from UTC the way libical
shows a time in a zone. A recurring event also lists its occurrences expanded by
libical's recurrence iterator, and its STATUS. ``links`` gives its URL, its CONFERENCE
(the URI, LABEL and FEATURE) and each ATTACH (the URI and FILENAME), as libical reads
them. ``components`` lists every VEVENT as read: UID, RECURRENCE-ID (UTC epoch seconds),
STATUS and SEQUENCE.

Any X-LIC-ERROR property (libical's way of reporting what it could not parse) is a
failure: it is printed on stderr and the exit status is 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gi  # type: ignore[import-not-found]

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # type: ignore[import-not-found]  # noqa: E402

MAX_OCCURRENCES = 1000
Kind = ICalGLib.ComponentKind
Prop = ICalGLib.PropertyKind


def children(component: Any, kind: Any = Kind.ANY_COMPONENT) -> Iterator[Any]:
    child = component.get_first_component(kind)
    while child is not None:
        yield child
        child = component.get_next_component(kind)


def properties(component: Any, kind: Any) -> Iterator[Any]:
    prop = component.get_first_property(kind)
    while prop is not None:
        yield prop
        prop = component.get_next_property(kind)


def errors(component: Any) -> Iterator[str]:
    """Every X-LIC-ERROR in `component` and its descendants."""
    name = component.kind_to_string(component.isa())
    for prop in properties(component, Prop.XLICERROR_PROPERTY):
        text = prop.as_ical_string().replace("\r\n ", "").replace("\n ", "").strip()
        yield f"{name}: {text}"
    for child in children(component):
        yield from errors(child)


def instant(time: Any, zone: Any) -> int:
    return int(time.as_timet_with_zone(zone))


def moment(event: Any, kind: Any) -> dict[str, Any]:
    """A DTSTART/DTEND as UTC seconds, through the file's VTIMEZONE and libical's own.
    An event with a DURATION instead of a DTEND ends that exact duration after its
    start."""
    prop = event.get_first_property(kind)
    if prop is None and kind == Prop.DTEND_PROPERTY and event.get_first_property(
            Prop.DURATION_PROPERTY) is not None:
        start = moment(event, Prop.DTSTART_PROPERTY)
        seconds = event.get_duration().as_int()
        return {**start, "at": start["at"] + seconds,
                "builtin": None if start["builtin"] is None else start["builtin"] + seconds,
                "value": None}
    if prop is None:
        raise ValueError(f"{event.get_uid()}: no {prop_name(kind)}")
    tzid = prop.get_parameter_as_string("TZID")
    # Resolves TZID against the VTIMEZONEs of the enclosing VCALENDAR.
    time = prop.get_datetime_with_component(event)
    zone = time.get_timezone()
    if tzid is not None and (zone is None or zone.get_tzid() != tzid):
        raise ValueError(f"{event.get_uid()}: TZID {tzid} was not resolved from the file")
    if tzid is None and not time.is_utc():
        raise ValueError(f"{event.get_uid()}: {prop_name(kind)} is a floating time")
    builtin = ICalGLib.Timezone.get_builtin_timezone(tzid) if tzid else zone
    return {
        "tzid": tzid,
        "utc": time.is_utc(),
        "value": time.as_ical_string(),
        "at": instant(time, zone),
        "builtin": instant(time, builtin) if builtin is not None else None,
    }


def wall_clock(at: int, zone: Any) -> str:
    """The instant `at` as a wall-clock time in `zone`, e.g. ``2024-03-13T14:00:00``."""
    t = ICalGLib.Time.new_from_timet_with_zone(at, 0, zone)
    return (f"{t.get_year():04d}-{t.get_month():02d}-{t.get_day():02d}T"
            f"{t.get_hour():02d}:{t.get_minute():02d}:{t.get_second():02d}")


def vtimezones(calendar: Any) -> dict[str, Any]:
    """TZID -> the zone defined by the file's VTIMEZONE of that TZID."""
    zones = {}
    for component in children(calendar, Kind.VTIMEZONE_COMPONENT):
        zone = ICalGLib.Timezone.new()
        if not zone.set_component(component.clone()):
            raise ValueError(f"libical rejects the VTIMEZONE {component.as_ical_string()}")
        zones[zone.get_tzid()] = zone
    return zones


def prop_name(kind: Any) -> str:
    return str(ICalGLib.Property.kind_to_string(kind))


def zoned(prop: Any, event: Any, time: Any) -> int:
    """A date-time value of `prop` as UTC seconds, through the file's VTIMEZONE named by
    its TZID (as libical resolves DTSTART)."""
    tzid = prop.get_parameter_as_string("TZID")
    if tzid is None:
        return instant(time, time.get_timezone())
    parent = event.get_parent()
    zone = parent.get_timezone(tzid) if parent is not None else None
    if zone is None:
        raise ValueError(f"{event.get_uid()}: TZID {tzid} was not resolved from the file")
    return instant(time, zone)


def expand(event: Any, exceptions: list[Any]) -> list[list[int]] | None:
    """The occurrences of a series: the RRULE by libical's recurrence iterator, plus
    RDATE, less EXDATE; an occurrence that a RECURRENCE-ID event of the same UID names
    gets that event's times (libical leaves that step to its callers, as Evolution's
    libecal does it)."""
    rrule = event.get_first_property(Prop.RRULE_PROPERTY)
    rdates = list(properties(event, Prop.RDATE_PROPERTY))
    if rrule is None and not rdates:
        return None
    start_prop = event.get_first_property(Prop.DTSTART_PROPERTY)
    start = start_prop.get_datetime_with_component(event)
    zone = start.get_timezone()
    length = moment(event, Prop.DTEND_PROPERTY)["at"] - instant(start, zone)
    # Occurrences are matched to EXDATE and RECURRENCE-ID by their instants, converted
    # by libical (as Evolution compares them, with icaltime_compare).
    starts: list[int] = []
    if rrule is None:
        starts.append(instant(start, zone))
    else:
        iterator = ICalGLib.RecurIterator.new(rrule.get_rrule(), start)
        while True:
            occurrence = iterator.next()
            if occurrence is None or occurrence.is_null_time():
                break
            if len(starts) >= MAX_OCCURRENCES:
                raise ValueError(f"{event.get_uid()}: more than {MAX_OCCURRENCES} occurrences")
            starts.append(instant(occurrence, occurrence.get_timezone()))
    for prop in rdates:
        starts.append(zoned(prop, event, prop.get_rdate().get_time()))
    excluded = {zoned(p, event, p.get_exdate())
                for p in properties(event, Prop.EXDATE_PROPERTY)}
    replaced = {}
    for other in exceptions:
        rid = other.get_first_property(Prop.RECURRENCEID_PROPERTY)
        replaced[zoned(rid, other, rid.get_recurrenceid())] = [
            moment(other, Prop.DTSTART_PROPERTY)["at"], moment(other, Prop.DTEND_PROPERTY)["at"]]
    out = [replaced.pop(at, [at, at + length]) for at in sorted(set(starts) - excluded)]
    if replaced:
        raise ValueError(f"{event.get_uid()}: RECURRENCE-ID of no occurrence: {replaced}")
    out.sort()
    return out


def named(component: Any, name: str) -> Iterator[Any]:
    """The properties called `name`, also those libical has no kind for (CONFERENCE:
    RFC 7986)."""
    for prop in properties(component, Prop.ANY_PROPERTY):
        if prop.get_property_name() == name:
            yield prop


def links(event: Any) -> dict[str, Any]:
    url = next(named(event, "URL"), None)
    conference = next(named(event, "CONFERENCE"), None)
    return {
        "url": url.get_value_as_string() if url is not None else None,
        "conference": None if conference is None else {
            "uri": conference.get_value_as_string(),
            "label": conference.get_parameter_as_string("LABEL"),
            "feature": conference.get_parameter_as_string("FEATURE")},
        "attach": [[p.get_value_as_string(), p.get_parameter_as_string("FILENAME")]
                   for p in named(event, "ATTACH")],
    }


def dump(path: str) -> dict[str, Any]:
    text = Path(path).read_text(encoding="utf-8")
    calendar = ICalGLib.Component.new_from_string(text)
    if calendar is None:
        raise ValueError(f"{path}: libical could not parse the file")
    problems = list(errors(calendar))
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    zones = vtimezones(calendar)
    events = []
    everything = list(children(calendar, Kind.VEVENT_COMPONENT))
    exceptions = [e for e in everything
                  if e.get_first_property(Prop.RECURRENCEID_PROPERTY) is not None]
    for event in everything:
        if event in exceptions:
            continue
        start = moment(event, Prop.DTSTART_PROPERTY)
        end = moment(event, Prop.DTEND_PROPERTY)
        rrule = event.get_first_property(Prop.RRULE_PROPERTY)
        events.append({
            "uid": event.get_uid(),
            "summary": event.get_summary(),
            "start_zone": start["tzid"], "end_zone": end["tzid"],
            "start_value": start["value"], "end_value": end["value"],
            "start": start["at"], "end": end["at"],
            "start_builtin": start["builtin"], "end_builtin": end["builtin"],
            "start_local": {tzid: wall_clock(start["at"], z) for tzid, z in zones.items()},
            "end_local": {tzid: wall_clock(end["at"], z) for tzid, z in zones.items()},
            "rrule": rrule.get_rrule().to_string() if rrule is not None else None,
            "occurrences": expand(event, [e for e in exceptions
                                          if e.get_uid() == event.get_uid()]),
            "status": status(event),
            "links": links(event),
        })
    components = []
    for event in everything:
        rid = event.get_first_property(Prop.RECURRENCEID_PROPERTY)
        components.append({
            "uid": event.get_uid(),
            "recurrence_id": None if rid is None else zoned(rid, event, rid.get_recurrenceid()),
            "status": status(event),
            "sequence": event.get_sequence()
            if event.get_first_property(Prop.SEQUENCE_PROPERTY) is not None else None,
        })
    return {"file": path, "vtimezones": sorted(zones), "events": events,
            "components": components}


def status(event: Any) -> str | None:
    prop = event.get_first_property(Prop.STATUS_PROPERTY)
    return None if prop is None else str(prop.get_value_as_string())


def main(argv: list[str]) -> int:
    paths = argv if argv else json.load(sys.stdin)
    out = []
    for path in paths:
        try:
            out.append(dump(path))
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
