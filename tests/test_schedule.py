"""The conference-app schedule (frab/c3voc XML and JSON): valid against the published
schemas, read back by an independent consumer, with stable, unique ids and GUIDs."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
import xmlschema
from hypothesis import assume, given
from hypothesis import strategies as st

import agenda
from agenda import Meeting
from agenda.cli import cli
from conftest import EXAMPLES, ROOT, require_tool
from strategies import conference_meetings, meetings

SCHEMAS = ROOT / "tests" / "data" / "c3voc-schedule"
WORKSHOP = EXAMPLES / "two-day-workshop.toml"
FAHRPLAN = ROOT / "tests" / "oracles" / "pyfahrplan-venv" / "bin" / "python"


XSD = xmlschema.XMLSchema(str(SCHEMAS / "schedule.xml.xsd"))
_SCHEMA = json.loads((SCHEMAS / "schema.json").read_text("utf-8"))
_VALIDATOR = jsonschema.validators.validator_for(_SCHEMA)
JSON_SCHEMA = _VALIDATOR(_SCHEMA, format_checker=_VALIDATOR.FORMAT_CHECKER)


def check(timetable: agenda.Timetable) -> dict[str, Any]:
    """Both forms valid against their schemas, and saying the same; the JSON data."""
    document = agenda.to_schedule_xml(timetable)
    XSD.validate(document)
    data = json.loads(agenda.to_schedule_json(timetable))
    JSON_SCHEMA.validate(data)
    root = ET.fromstring(document)
    from_xml = [(e.get("guid"), int(e.get("id", "0")), e.findtext("title"), e.findtext("room"),
                 e.findtext("date"), e.findtext("duration")) for e in root.iter("event")]
    from_json = [(e["guid"], e["id"], e["title"], e["room"], e["date"], e["duration"])
                 for e in events(data)]
    assert from_xml == from_json
    return data


def events(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [event for day in data["schedule"]["conference"]["days"]
            for room in day["rooms"].values() for event in room]


def test_the_workshop_passes_both_schemas() -> None:
    timetable = agenda.layout(agenda.load(WORKSHOP))
    data = check(timetable)
    conference = data["schedule"]["conference"]
    assert conference["acronym"] == "odw2024" and conference["daysCount"] == 2
    assert [d["day_start"] for d in conference["days"]] == [
        "2024-05-20T09:00:00+09:00", "2024-05-21T18:00:00+09:00"]
    assert conference["days"][1]["day_end"] == "2024-05-22T00:30:00+09:00"
    assert set(conference["days"][0]["rooms"]) == {
        "Seoul Startup Hub", "Main hall", "Room A", "Room B", "Room C", "Cafeteria"}
    late = next(e for e in events(data) if e["title"].startswith("Midnight talk"))
    assert (late["date"], late["start"], late["duration"], late["room"]) == (
        "2024-05-21T23:00:00+09:00", "23:00", "01:30", "Main hall")
    columnar = next(e for e in events(data) if e["title"].startswith("Columnar"))
    assert columnar["track"] == "Data" and columnar["persons"][0]["public_name"] == "Jiwoo Kim"
    leaves = [s for s in timetable if not s.is_block]
    assert len(events(data)) == len(leaves)


def test_the_reference_meeting_passes_both_schemas() -> None:
    data = check(agenda.layout(agenda.reference_meeting()))
    assert [e["start"] for e in events(data)][:3] == ["14:00", "14:02", "14:04"]


@given(st.one_of(conference_meetings(), meetings()))
def test_every_schedule_passes_both_schemas(meeting: Meeting) -> None:
    data = check(agenda.layout(meeting))
    found = events(data)
    assert len({e["guid"] for e in found}) == len(found)
    assert len({e["id"] for e in found}) == len(found)


def _guids(meeting: Meeting) -> dict[str, tuple[str, int]]:
    data = json.loads(agenda.to_schedule_json(agenda.layout(meeting)))
    return {e["title"]: (e["guid"], e["id"]) for e in events(data)}


def _swap_tracks(meeting: Meeting) -> Meeting:
    """Every parallel block's tracks keep their rooms but swap their talks."""
    def swap(item: agenda.Item) -> agenda.Item:
        if item.parallel and len(item.items) > 1:
            talks = [track.items for track in item.items]
            talks = talks[1:] + talks[:1]
            return attrs.evolve(item, items=[attrs.evolve(track, items=t) for track, t in
                                             zip(item.items, talks, strict=True)])
        return item
    days = [attrs.evolve(day, items=[swap(i) for i in day.items]) for day in meeting.days]
    return attrs.evolve(meeting, days=days)


def _retime(meeting: Meeting) -> Meeting:
    """A week later, every day starting an hour later, the days' items reversed."""
    days = [attrs.evolve(day, date=day.date.add(days=7),
                         start=day.start.replace(hour=(day.start.hour + 1) % 24),
                         items=list(reversed(day.items))) for day in meeting.days]
    return attrs.evolve(meeting, days=days)


@given(conference_meetings(), st.sampled_from([_swap_tracks, _retime]))
def test_ids_and_guids_survive_edits_that_keep_the_items(meeting: Meeting, edit: Any) -> None:
    edited = edit(meeting)
    assume(not agenda.validate(edited))
    assert _guids(edited) == _guids(meeting)


def test_fahrplan_reads_the_workshop_back(tmp_path: Path) -> None:
    require_tool("pyfahrplan (in tests/oracles/pyfahrplan-venv, see .ci/run)",
                 FAHRPLAN.exists())
    timetable = agenda.layout(agenda.load(WORKSHOP))
    path = tmp_path / "schedule.json"
    path.write_text(agenda.to_schedule_json(timetable), "utf-8")
    done = subprocess.run([str(FAHRPLAN), str(ROOT / "tests" / "oracles" / "fahrplan_dump.py"),
                           str(path)], capture_output=True, text=True, timeout=120,
                          check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    data = json.loads(path.read_text("utf-8"))
    by_guid = {e["guid"]: e for e in events(data)}
    leaves = {s.title: s for s in timetable if not s.is_block}
    assert len(seen["talks"]) == len(leaves)
    for talk in seen["talks"]:
        slot = leaves[talk["title"]]
        event = by_guid[talk["talk_guid"]]
        assert talk["talk_id"] == event["id"]
        assert talk["room"] == (slot.room or "Seoul Startup Hub")
        assert talk["track"] == (slot.track or "")
        assert talk["talk_date"] == slot.start.isoformat()
        assert talk["day"] == 1 + [d.date for d in timetable.days].index(slot.date)
        assert talk["speakers"] == (slot.item.presenter or "")
        assert seen["ends"][talk["talk_guid"]] == [False, True]  # its end is the slot's end
    assert len(seen["by_track"]["Data"]) == sum(
        1 for s in leaves.values() if s.track == "Data")
    assert {int(k): len(v) for k, v in seen["by_day"].items()} == {
        k + 1: sum(1 for s in leaves.values() if s.date == day.date)
        for k, day in enumerate(timetable.days)}


def test_cli_writes_a_schedule_and_refuses_broken_agendas(tmp_path: Path, runner: Any) -> None:
    from agenda.cli import cli

    out = tmp_path / "schedule.xml"
    result = runner.invoke(cli, ["schedule", str(WORKSHOP), "--format", "xml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    XSD.validate(str(out))
    result = runner.invoke(cli, ["schedule", str(WORKSHOP), "--format", "json"])
    assert result.exit_code == 0
    JSON_SCHEMA.validate(json.loads(result.output))
    broken = tmp_path / "broken.toml"
    broken.write_text(WORKSHOP.read_text("utf-8").replace("minutes = 45\npresenter = "
                                                          '"Sora Jung"', "minutes = 80\n"
                                                          'presenter = "Sora Jung"', 1))
    result = runner.invoke(cli, ["schedule", str(broken), "-o", str(tmp_path / "x.xml")])
    assert result.exit_code == 1 and "track-overflow" not in result.output
    assert "병렬 블록" in result.output  # the meeting speaks Korean (its language)
    assert not (tmp_path / "x.xml").exists()
    result = runner.invoke(cli, ["schedule", str(tmp_path / "missing.toml")])
    assert result.exit_code == 2


def test_ics_location_is_the_room_and_a_track_feed_keeps_the_uids(runner: Any) -> None:
    timetable = agenda.layout(agenda.load(WORKSHOP))
    full = agenda.from_ics(agenda.to_ics(timetable, items=True))
    web = agenda.from_ics(agenda.to_ics(timetable, track="Web"))
    assert full.differences(timetable) == ()
    rooms = {event.summary: event.location for event in full.items}
    assert rooms["HTTP caching for open data portals"] == "Room B"
    assert rooms["Registration"] == "Seoul Startup Hub"
    web_titles = {event.summary for event in web.items}
    assert "Vector tiles" in web_titles and "Keynote: ten years of open data" in web_titles
    assert not web_titles & {"Open contracting", "Columnar storage in practice"}
    by_uid = {event.uid: event.summary for event in full.items}
    assert all(by_uid[event.uid] == event.summary for event in web.items)
    from agenda.cli import cli

    result = runner.invoke(cli, ["ics", str(WORKSHOP), "--track", "Nope"])
    assert result.exit_code == 2 and 'no track is called "Nope"' in result.output


def test_a_talk_moved_to_another_room_keeps_its_uid_and_guid() -> None:
    meeting = agenda.load(WORKSHOP)
    moved = _swap_tracks(meeting)
    before = agenda.from_ics(agenda.to_ics(agenda.layout(meeting), items=True))
    after = agenda.from_ics(agenda.to_ics(agenda.layout(moved), items=True))
    assert {e.summary: e.uid for e in before.items} == {e.summary: e.uid for e in after.items}
    rooms = {e.summary: e.location for e in after.items}
    assert rooms["Columnar storage in practice"] == "Room C"
    assert _guids(moved) == _guids(meeting)


@pytest.mark.parametrize("edit", [
    lambda m: agenda.move(m, "4.2", before="4.1"),
    lambda m: agenda.resize(m, "5", 10, absorb="6"),
    lambda m: agenda.shift(m, by=30, move_anchors=True),
])
def test_edit_operations_keep_ids_and_guids(edit: Any) -> None:
    meeting = agenda.reference_meeting()
    assert _guids(edit(meeting)) == _guids(meeting)


def test_removing_an_item_removes_only_its_event() -> None:
    meeting = agenda.reference_meeting()
    before, after = _guids(meeting), _guids(agenda.remove(meeting, "4.4", absorb="6"))
    assert set(before) - set(after) == {"전남"}
    assert all(after[title] == before[title] for title in after)


def test_an_event_longer_than_the_xml_duration_field_is_refused_and_json_carries_it(
        tmp_path: Path, runner: Any) -> None:
    long = Meeting("marathon", dt.date(2024, 5, 20), dt.time(9), "Asia/Seoul", (
        agenda.Item("hackathon", minutes=6001), agenda.Item("closing", minutes=30)))
    timetable = agenda.layout(long)
    with pytest.raises(agenda.ScheduleError) as caught:
        agenda.to_schedule_xml(timetable)
    assert caught.value.too_long == (("1", "hackathon", 6001),)
    assert "lasts 6001 min (100:01), more than the 99:59" in str(caught.value)
    data = json.loads(agenda.to_schedule_json(timetable))
    JSON_SCHEMA.validate(data)
    assert events(data)[0]["duration"] == "100:01"
    spec = tmp_path / "marathon.toml"
    spec.write_text(agenda.dump_toml(long), "utf-8")
    out = tmp_path / "schedule.xml"
    result = runner.invoke(cli, ["schedule", str(spec), "-o", str(out)])
    assert result.exit_code == 2
    assert "--format json" in result.stderr and not out.exists()
    assert runner.invoke(cli, ["schedule", str(spec), "--format", "json"]).exit_code == 0
    just_fits = Meeting("marathon", long.date, long.start, "Asia/Seoul",
                        (agenda.Item("hackathon", minutes=99 * 60 + 59),))
    XSD.validate(agenda.to_schedule_xml(agenda.layout(just_fits)))
