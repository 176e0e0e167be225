"""Audiences: inheritance, the spec key, and audience feeds as subsets of the full feed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings

import agenda
from agenda import Item, Meeting, audiences, for_audience, layout, to_ics
from agenda.cli import cli
from strategies import audience_meetings

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)
T1 = dt.datetime(2024, 3, 5, 18, 30, tzinfo=dt.UTC)


def marked() -> Meeting:
    """The reference meeting: Busan's report for busan, the briefing for press and busan,
    the discussion for the ministry (a block naming one audience, children inheriting)."""
    meeting = agenda.reference_meeting()
    reports = meeting.items[3]
    busan = attrs.evolve(reports.items[0], audience=["busan"])
    items = list(meeting.items)
    items[3] = attrs.evolve(reports, items=[busan, *reports.items[1:]])
    items[4] = attrs.evolve(items[4], audience=["press", "busan"])
    items[5] = attrs.evolve(items[5], audience=["ministry"])
    return attrs.evolve(meeting, items=items)


def events(feed: bytes) -> dict[str, bytes]:
    """Each VEVENT's bytes (as written, folded) by its UID."""
    out = {}
    for block in re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", feed, re.S):
        uid = re.search(rb"\r\nUID:(.*?)\r\n(?! )", b"\r\n" + block, re.S)
        assert uid is not None
        out[uid.group(1).replace(b"\r\n ", b"").decode()] = block
    return out


def test_audiences_are_named_in_order_and_inherited_by_children() -> None:
    meeting = marked()
    timetable = layout(meeting)
    assert audiences(meeting) == ("busan", "press", "ministry")
    assert [s.title for s in for_audience(timetable, "press")] == [
        "사진촬영", "개회 및 참석자 소개", "차관 인사말씀",
        "지자체별 글로벌 혁신 특구 준비현황 발표",
        "강원", "충북", "전남", "중기부·지자체 협업 방향", "차관 맺음말씀"]
    assert "부산" in [s.title for s in for_audience(timetable, "busan")]
    children = [Item("a", minutes=5), Item("b", minutes=5, audience=["busan"])]
    nested = attrs.evolve(meeting, end=None,
                          items=[Item("block", audience=["press"], items=children)])
    assert [s.title for s in for_audience(layout(nested), "press")] == ["block", "a"]
    assert [s.title for s in for_audience(layout(nested), "busan")] == ["b"]


def test_an_unknown_audience_names_the_known_ones() -> None:
    with pytest.raises(agenda.UnknownAudience, match='"seoul"; the audiences: busan, press'):
        to_ics(layout(marked()), items=True, audience="seoul", now=T0)
    with pytest.raises(agenda.UnknownAudience, match="no item has an audience"):
        for_audience(layout(agenda.reference_meeting()), "busan")


def test_the_spec_key_round_trips_and_bad_names_are_refused() -> None:
    meeting = marked()
    assert agenda.load_toml(agenda.dump_toml(meeting)) == meeting
    assert agenda.load_json(agenda.dump_json(meeting)) == meeting
    text = agenda.dump_toml(agenda.reference_meeting()).replace(
        'title = { ko = "토론", en = "Discussion" }',
        'title = { ko = "토론", en = "Discussion" }\naudience = ["부산 시", "press"]')
    with pytest.raises(agenda.SpecError, match=r'6 "토론": "audience" must be a list'):
        agenda.load_toml(text)
    with pytest.raises(TypeError, match="list of names"):
        Item("x", minutes=5, audience="press")  # type: ignore[arg-type]


def test_the_audience_feed_of_the_reference() -> None:
    timetable = layout(marked())
    full = to_ics(timetable, items=True, now=T0)
    press = to_ics(timetable, items=True, now=T0, audience="press")
    feed = agenda.from_ics(press)
    assert [e.summary for e in feed.items] == [
        "사진촬영", "개회 및 참석자 소개", "차관 인사말씀", "강원", "충북", "전남",
        "중기부·지자체 협업 방향", "차관 맺음말씀"]
    assert feed.meeting is not None
    assert set(events(press).items()) <= set(events(full).items())


@settings(max_examples=max(15, settings().max_examples // 4))
@given(audience_meetings())
def test_an_audience_feed_is_a_subset_of_the_full_feed_with_the_same_bytes_per_event(
        meeting: Meeting) -> None:
    timetable = layout(meeting)
    full = events(to_ics(timetable, items=True, now=T0))
    names = audiences(meeting)
    for name in names:
        mine = events(to_ics(timetable, items=True, now=T0, audience=name))
        assert set(mine.items()) <= set(full.items())
        wanted = {agenda.event_uid(meeting.key, s.path) for s in for_audience(timetable, name)
                  if not s.is_block}
        assert set(mine) == wanted | {agenda.event_uid(meeting.key, ())}
    if names:  # every item is in at least one feed: its audience's, or everyone's
        seen = set().union(*(events(to_ics(timetable, items=True, now=T0, audience=name))
                             for name in names))
        assert seen == set(full)


def test_an_item_leaving_an_audience_is_cancelled_in_its_feed() -> None:
    meeting = marked()
    first = to_ics(layout(meeting), items=True, now=T0, audience="busan")
    items = list(meeting.items)
    items[4] = attrs.evolve(items[4], audience=["press"])
    second = to_ics(layout(attrs.evolve(meeting, items=items)), items=True, now=T1,
                    audience="busan", previous=first)
    [gone] = agenda.from_ics(second).cancelled
    assert gone.summary == "중기부·지자체 협업 방향"


def test_refresh_and_name_are_configurable() -> None:
    timetable = layout(agenda.reference_meeting())
    text = to_ics(timetable, now=T0, refresh=dt.timedelta(minutes=15), name="부산 일정").decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n" in text
    assert "X-PUBLISHED-TTL:PT15M\r\n" in text
    assert "NAME:부산 일정\r\n" in text and "X-WR-CALNAME:부산 일정\r\n" in text
    default = to_ics(timetable, now=T0).decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in default
    with pytest.raises(ValueError, match="a minute or more"):
        to_ics(timetable, now=T0, refresh=dt.timedelta(seconds=5))


def test_the_command_line_writes_an_audience_feed(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "marked.toml"
    spec.write_text(agenda.dump_toml(marked()), encoding="utf-8")
    now = ["--now", "2024-03-01T09:00:00Z"]
    full = runner.invoke(cli, ["ics", str(spec), "--items", *now])
    press = runner.invoke(cli, ["ics", str(spec), "--items", "--audience", "press", *now,
                                "--refresh", "30", "--name", "기자단"])
    assert full.exit_code == 0 and press.exit_code == 0, press.output
    mine = events(press.stdout_bytes)
    assert len(mine) == 9 and set(mine.items()) <= set(events(full.stdout_bytes).items())
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT30M\r\n" in press.stdout_bytes
    unknown = runner.invoke(cli, ["ics", str(spec), "--items", "--audience", "seoul"])
    assert unknown.exit_code == 2
    assert unknown.output == ('error: no item is for the audience "seoul"; '
                              "the audiences: busan, press, ministry\n")
    bare = runner.invoke(cli, ["ics", str(spec), "--audience", "press"])
    assert bare.exit_code == 2 and "add --items" in bare.output
