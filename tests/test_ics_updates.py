"""Feed updates send only real changes: one definition of a change for the update and
for `FeedTimetable.differences`; previous feeds of another meeting, empty or folded
inside a character; stamps that never go back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
from click.testing import CliRunner

import agenda
from agenda import Item, from_ics, layout, to_ics
from agenda._ical.changes import changed, event_content
from agenda.cli import cli
from conftest import EXAMPLES

T0 = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
T1 = dt.datetime(2024, 3, 5, tzinfo=dt.UTC)


def inserted() -> agenda.Meeting:
    """The reference meeting with a 5-minute item before the discussion, which gives up
    5 minutes: every later item is renumbered, the closing keeps its time."""
    meeting = agenda.reference_meeting()
    items = list(meeting.items)
    talk = items.index(next(i for i in items if i.title == "토론"))
    items[talk] = attrs.evolve(items[talk], minutes=20)
    items.insert(talk, Item("질의응답", minutes=5))
    return attrs.evolve(meeting, items=items)


def test_renumbering_bumps_no_event_that_did_not_change() -> None:
    first = to_ics(layout(agenda.reference_meeting()), items=True, now=T0)
    edited = layout(inserted())
    second = from_ics(to_ics(edited, items=True, previous=first, now=T1))
    bumped = {e.summary for e in second.events if e.sequence > 0}
    new = {e.summary for e in second.events if e.stamp == T1 and e.sequence == 0}
    assert bumped == {"글로벌 혁신특구 지자체-중기부 정책협의", "토론"}
    assert new == {"질의응답"}
    assert edited.by_number("8").title == "차관 맺음말씀"
    assert second.by_path(("closing",)).sequence == 0


def test_differences_name_exactly_the_events_the_update_changes() -> None:
    first = to_ics(layout(agenda.reference_meeting()), items=True, now=T0)
    edited = layout(inserted())
    lines = from_ics(first).differences(edited)
    named = {line.split('"')[1] for line in lines}
    second = from_ics(to_ics(edited, items=True, previous=first, now=T1))
    touched = {e.summary for e in second.events if e.stamp == T1}
    assert named == touched
    assert from_ics(to_ics(edited, items=True, previous=first, now=T1)).differences(
        edited) == ()


def test_a_change_is_a_change_of_content_not_of_stamps() -> None:
    lines = ["BEGIN:VEVENT", "UID:x", "SUMMARY:a", "DURATION:P1DT2H", "DTSTAMP:20240101T0Z",
             "SEQUENCE:3", "END:VEVENT"]
    same = ["UID:x", "DURATION:PT26H", "SEQUENCE:4", "SUMMARY:a", "LAST-MODIFIED:x"]
    assert not changed(lines, same)
    assert changed(lines, [*same[:-1], "SUMMARY:b"])
    assert event_content(same) == ("DURATION:93600", "SUMMARY:a", "UID:x")


def spec_file(tmp_path: Path, meeting: agenda.Meeting, name: str) -> str:
    path = tmp_path / name
    path.write_text(agenda.dump_toml(meeting), encoding="utf-8")
    return str(path)


def test_a_previous_feed_of_another_meeting_is_refused_unless_replaced(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "council.ics"
    council = str(EXAMPLES / "council-series.toml")
    reference = str(EXAMPLES / "reference-meeting.toml")
    assert runner.invoke(cli, ["ics", council, "--items", "-o", str(out)]).exit_code == 0
    before = out.read_bytes()
    result = runner.invoke(cli, ["ics", reference, "--items", "-o", str(out)])
    assert result.exit_code == 2
    assert '"gis-council"' in result.stderr and '"gis-policy-2024-03-13"' in result.stderr
    assert out.read_bytes() == before
    result = runner.invoke(cli, ["ics", reference, "--items", "-o", str(out), "--replace"])
    assert result.exit_code == 0, result.output
    feed = from_ics(out.read_bytes())
    assert feed.meeting is not None and feed.meeting.uid.startswith("gis-policy")
    assert {e.uid.split("@")[0].split("/")[0] for e in feed.cancelled} == {"gis-council"}


def test_regenerating_without_items_says_it_cancels_them(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "feed.ics"
    spec = str(EXAMPLES / "reference-meeting.toml")
    runner.invoke(cli, ["ics", spec, "--items", "-o", str(out)])
    result = runner.invoke(cli, ["ics", spec, "-o", str(out)])
    assert result.exit_code == 0
    assert "the previous feed has 10 item event(s); without --items they are cancelled" in \
        result.stderr


def test_an_empty_existing_file_is_no_previous_feed(tmp_path: Path) -> None:
    out = tmp_path / "feed.ics"
    out.write_bytes(b"")
    result = CliRunner().invoke(cli, ["ics", str(EXAMPLES / "reference-meeting.toml"), "-o",
                                      str(out), "--now", "2024-03-01T00:00:00Z"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == to_ics(layout(agenda.load(EXAMPLES / "reference-meeting.toml")),
                                      now=T0)
    assert to_ics(layout(agenda.reference_meeting()), previous=b"", now=T0) == \
        to_ics(layout(agenda.reference_meeting()), now=T0)


def refold(feed: bytes, width: int) -> bytes:
    """Fold every line at `width` octets, cutting UTF-8 sequences in the middle."""
    out = []
    for line in feed.split(b"\r\n"):
        pieces = [line[:width]] + [b" " + line[k:k + width - 1]
                                   for k in range(width, len(line), width - 1)]
        out.append(b"\r\n".join(pieces))
    return b"\r\n".join(out)


def test_a_feed_folded_inside_a_character_is_read_unchanged() -> None:
    timetable = layout(agenda.reference_meeting())
    feed = to_ics(timetable, items=True, now=T0)
    folded = refold(feed, 20)
    assert folded != feed
    try:
        folded.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # pragma: no cover - the fold must really split a character
        raise AssertionError("no fold split a character")
    assert to_ics(timetable, items=True, previous=folded, now=T1) == feed
    assert from_ics(folded).differences(timetable) == ()


def test_an_earlier_now_is_clamped_to_the_previous_stamps(tmp_path: Path) -> None:
    first = to_ics(layout(agenda.reference_meeting()), now=T1)
    second = from_ics(to_ics(layout(inserted()), previous=first, now=T0))
    [event] = second.events
    assert event.last_modified is not None and event.last_modified > T1
    out = tmp_path / "feed.ics"
    out.write_bytes(first)
    spec = spec_file(tmp_path, inserted(), "edited.toml")
    result = CliRunner().invoke(cli, ["ics", spec, "-o", str(out), "--now",
                                      "2024-03-01T00:00:00Z"])
    assert result.exit_code == 0, result.output
    assert "earlier than the previous feed's latest stamp" in result.stderr


def test_now_at_the_edge_of_the_calendar_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["ics", str(EXAMPLES / "reference-meeting.toml"),
                                      "--now", "0001-01-01T00:00:00+01:00"])
    assert result.exit_code == 2
    assert "outside the calendar's range" in result.output
    assert "Traceback" not in result.output
