"""Publishing into a CalDAV calendar on a real Radicale server (no mocks).

The server runs on 127.0.0.1 on a free port with a temporary storage folder; the tests
publish, republish, edit, remove, race an edit on the server, kill the server half-way,
and read the calendar back with the caldav client.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import socket
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import agenda
from agenda import CalDAVError, Item, Meeting, publish_caldav
from agenda.cli import cli
from conftest import require_module
from radicale_server import PASSWORD, USER, Radicale, etags, expanded_events, radicale
from strategies import audience_meetings

caldav = require_module("caldav")  # CI installs both (the test extra): there, missing fails
require_module("radicale")

_CALENDARS = itertools.count()
T0 = dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.UTC)
T1 = dt.datetime(2024, 3, 11, 17, 30, tzinfo=dt.UTC)
T2 = dt.datetime(2024, 3, 12, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    with radicale(tmp_path_factory.mktemp("radicale")) as running:
        yield running


@pytest.fixture
def url(server: Radicale, request: pytest.FixtureRequest) -> str:
    """A calendar of its own for each test (created by the first publish)."""
    return f"{server.url}{request.node.name.replace('_', '-')[:40]}/"


class Requests:
    """Every HTTP method the caldav client sends, counted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sent: Counter[str] = Counter()
        original = caldav.DAVClient.request

        def request(client: Any, url: str, method: str = "GET", *args: Any, **kw: Any) -> Any:
            self.sent[method] += 1
            return original(client, url, method, *args, **kw)

        monkeypatch.setattr(caldav.DAVClient, "request", request)


def publish(meeting: Meeting, url: str, now: dt.datetime = T0, **options: Any
            ) -> agenda.CalDAVResult:
    return publish_caldav(meeting, url, now=now, user=USER, password=PASSWORD, **options)


def stored(url: str) -> dict[str, icalendar.Event]:
    """UID → event of every object in the calendar, read with the caldav client."""
    client = caldav.DAVClient(url=url, username=USER, password=PASSWORD,
                              enable_rfc6764=False)
    out: dict[str, icalendar.Event] = {}
    for obj in client.calendar(url=url).search(event=True):
        [event] = icalendar.Calendar.from_ical(obj.data).walk("VEVENT")
        uid = str(event["UID"])
        assert uid not in out, f"two objects hold {uid}"
        out[uid] = event
    return out


def reference() -> Meeting:
    return agenda.reference_meeting()


def reordered(meeting: Meeting) -> Meeting:
    """Gangwon presents before Busan (two items retimed, the meeting's agenda text too)."""
    reports = meeting.items[3]
    swapped = attrs.evolve(reports, items=[reports.items[1], reports.items[0],
                                           *reports.items[2:]])
    return attrs.evolve(meeting, items=[*meeting.items[:3], swapped, *meeting.items[4:]])


def without_closing(meeting: Meeting) -> Meeting:
    return attrs.evolve(meeting, end=None, items=meeting.items[:-1])


def instants(event: icalendar.Event) -> tuple[int, int]:
    """Start and end of an event; a series' event gives its end as a DURATION."""
    start = event["DTSTART"].dt
    end = event["DTEND"].dt if "DTEND" in event else start + event["DURATION"].dt
    return (int(start.timestamp()), int(end.timestamp()))


def test_publish_then_read_back_the_timetables_instants(url: str) -> None:
    result = publish(reference(), url)
    assert (result.created, result.updated, result.unchanged) == (11, 0, 0)
    timetable = agenda.layout(reference())
    on_server = stored(url)
    key = reference().key
    want = {agenda.event_uid(key, ()): (timetable.start_utc, timetable.end_utc)}
    want |= {agenda.event_uid(key, s.path): (s.start_utc, s.end_utc)
             for s in timetable if not s.is_block}
    assert {uid: instants(event) for uid, event in on_server.items()} == want


def test_republishing_an_unchanged_agenda_sends_no_put(url: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    publish(reference(), url)
    before = etags(url)
    requests = Requests(monkeypatch)
    result = publish(reference(), url, now=T1)
    assert result.as_dict() == {"created": 0, "updated": 0, "cancelled": 0, "deleted": 0,
                                "unchanged": 11, "conflicts": []}
    assert requests.sent["PUT"] == 0 and requests.sent["DELETE"] == 0
    assert etags(url) == before


def test_a_reorder_changes_only_the_changed_events(url: str) -> None:
    publish(reference(), url)
    before = etags(url)
    result = publish(reordered(reference()), url, now=T1)
    assert (result.created, result.updated, result.unchanged) == (0, 3, 8)
    after = etags(url)
    changed = {href for href in before if before[href] != after[href]}
    assert len(changed) == 3 and set(after) == set(before)
    events = {str(e["SUMMARY"]): e for e in stored(url).values()}
    assert events["강원"]["DTSTART"].dt.strftime("%H:%M") == "14:07"
    assert int(events["강원"]["SEQUENCE"]) == 1 and int(events["충북"]["SEQUENCE"]) == 0


def test_removed_items_are_cancelled_or_deleted(url: str, server: Radicale) -> None:
    publish(reference(), url)
    result = publish(without_closing(reference()), url, now=T1)
    assert (result.cancelled, result.updated, result.unchanged) == (1, 1, 9)
    events = {str(e["SUMMARY"]): e for e in stored(url).values()}
    assert str(events["차관 맺음말씀"]["STATUS"]) == "CANCELLED"
    again = publish(without_closing(reference()), url, now=T2)
    assert again.unchanged == 11

    later = publish(without_closing(reference()), url, now=T2, delete_removed=True)
    assert (later.deleted, later.unchanged) == (1, 10)  # the cancelled event goes too
    assert "차관 맺음말씀" not in {str(e["SUMMARY"]) for e in stored(url).values()}

    other = url.rstrip("/") + "-deleting/"
    publish(reference(), other)
    gone = publish(without_closing(reference()), other, now=T1, delete_removed=True)
    assert (gone.deleted, gone.cancelled) == (1, 0)
    assert "차관 맺음말씀" not in {str(e["SUMMARY"]) for e in stored(other).values()}


def test_an_edit_made_on_the_server_meanwhile_is_reported_not_overwritten(url: str) -> None:
    publish(reference(), url)
    client = caldav.DAVClient(url=url, username=USER, password=PASSWORD,
                              enable_rfc6764=False)
    # Someone moves Busan's object on the server after our run read it: simulate the
    # race by reading, then changing, then publishing with the ETag read before.
    [(href, obj)] = [(o.url, o) for o in client.calendar(url=url).search(event=True)
                     if "SUMMARY:부산" in o.data]
    original = agenda._publish.caldav._Server.objects

    def read_then_race(self: Any) -> Iterator[Any]:
        found = list(original(self))
        changed = obj.data.replace("SUMMARY:부산", "SUMMARY:부산 (수정)")
        client.request(str(href), "PUT", changed, {"Content-Type": "text/calendar"})
        return iter(found)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(agenda._publish.caldav._Server, "objects", read_then_race)
        result = publish(reordered(reference()), url, now=T1)
    assert [c.title for c in result.conflicts] == ["부산"]
    assert result.updated == 2
    events = {str(e["SUMMARY"]) for e in stored(url).values()}
    assert "부산 (수정)" in events  # the server's edit stands


def test_a_run_killed_half_way_is_completed_by_the_next(tmp_path: Path) -> None:
    server = Radicale(tmp_path)
    server.start()
    try:
        url = f"{server.url}killed/"
        done: list[str] = []

        def kill_after_four(action: str, uid: str) -> None:
            done.append(uid)
            if len(done) == 4:
                server.kill()

        with pytest.raises(CalDAVError, match="cannot connect"):
            publish(reference(), url, progress=kill_after_four)
        server.start()
        result = publish(reference(), url, now=T1)
        assert (result.created, result.unchanged) == (7, 4)
        assert len(stored(url)) == 11  # every UID once: no duplicates
        assert publish(reference(), url, now=T2).unchanged == 11
    finally:
        server.stop()


def test_the_command_line_prints_counts_as_json_and_hides_credentials(
        url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    spec = tmp_path / "meeting.toml"
    spec.write_text(agenda.dump_toml(reference()), encoding="utf-8")
    monkeypatch.setenv("CALDAV_PASSWORD", PASSWORD)
    caplog.set_level(logging.DEBUG)
    runner = CliRunner()
    args = ["publish", str(spec), "--caldav", url, "--user", USER,
            "--password-env", "CALDAV_PASSWORD", "--now", "2024-03-04T09:00:00Z"]
    first = runner.invoke(cli, [*args, "--format", "json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.output) == {"created": 11, "updated": 0, "cancelled": 0,
                                        "deleted": 0, "unchanged": 0, "conflicts": []}
    again = runner.invoke(cli, args)
    assert again.exit_code == 0
    assert again.output == ("created 0, updated 0, cancelled 0, deleted 0, unchanged 11\n")
    monkeypatch.setenv("CALDAV_PASSWORD", "wrong-" + PASSWORD)
    refused = runner.invoke(cli, args)
    assert refused.exit_code == 2
    assert refused.output == f"error: {url}: the server refused the credentials\n"
    with_url = url.replace("http://", f"http://{USER}:{PASSWORD}@")
    in_url = runner.invoke(cli, ["publish", str(spec), "--caldav", with_url])
    assert in_url.exit_code == 0, in_url.output
    for text in (first.output, again.output, refused.output, in_url.output, caplog.text):
        assert PASSWORD not in text


def test_a_server_that_is_down_or_silent_is_one_line_and_exit_2(tmp_path: Path) -> None:
    spec = tmp_path / "meeting.toml"
    spec.write_text(agenda.dump_toml(reference()), encoding="utf-8")
    runner = CliRunner()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    down = runner.invoke(cli, ["publish", str(spec), "--caldav",
                               f"http://127.0.0.1:{closed}/cal/"])
    assert down.exit_code == 2
    assert down.output == f"error: http://127.0.0.1:{closed}/cal/: cannot connect to the server\n"

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        silent.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(silent.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        port = silent.getsockname()[1]
        slow = runner.invoke(cli, ["publish", str(spec), "--caldav",
                                   f"http://127.0.0.1:{port}/cal/", "--timeout", "1"])
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in accepted:
            connection.close()
        silent.close()
    assert slow.exit_code == 2
    assert slow.output == (f"error: http://127.0.0.1:{port}/cal/: "
                           "the server did not answer in time\n")


def expand(url: str, start: str, end: str) -> list[tuple[str, int, int]]:
    """The server's own expansion of the calendar (CalDAV ``expand``), as instants."""
    return sorted((str(event["SUMMARY"]), *instants(event))
                  for event in expanded_events(url, start, end))


@settings(max_examples=max(3, settings().max_examples // 20), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(audience_meetings())
def test_publishing_twice_without_a_change_changes_nothing_on_the_server(
        server: Radicale, meeting: Meeting) -> None:
    url = f"{server.url}twice-{next(_CALENDARS)}/"  # one calendar per example
    first = publish(meeting, url)
    before = etags(url)
    with pytest.MonkeyPatch.context() as patch:
        requests = Requests(patch)
        again = publish(meeting, url, now=T1)
    assert (again.created, again.updated, again.cancelled, again.deleted) == (0, 0, 0, 0)
    assert again.unchanged == first.created + first.unchanged
    assert requests.sent["PUT"] == 0 and etags(url) == before


def test_a_one_off_feed_does_not_make_a_later_series_late_on_the_server(server: Radicale) -> None:
    """Radicale (vobject) keeps the first definition of a TZID: a November 2024 New York
    meeting published first must not shift a 2025 weekly New York series."""
    one_off = Meeting("Board", dt.date(2024, 11, 12), dt.time(10, 0), "America/New_York",
                      [Item("report", minutes=30)], id="board-2024")
    weekly = Meeting("Weekly sync", dt.date(2025, 1, 8), dt.time(14, 0), "America/New_York",
                     [Item("status", minutes=20)], repeat="FREQ=WEEKLY;COUNT=30",
                     id="weekly-2025")
    publish(one_off, f"{server.url}cache-one-off/")
    publish(weekly, f"{server.url}cache-weekly/")
    got = [(t, s) for title, t, s in expand(f"{server.url}cache-weekly/",
                                            "20250101T000000Z", "20260101T000000Z")
           if title == "Weekly sync"]
    want = [(start.int_timestamp, end.int_timestamp) for start, end in agenda.occurrences(weekly)]
    assert got == want


# -- a series: one calendar object per UID (RFC 4791, 4.1) --------------------------------
def weekly(*overrides: agenda.Override, skip: tuple[str, ...] = ("2025-01-20",)) -> Meeting:
    """A weekly meeting of ten Mondays, one skipped, with the given overrides."""
    return Meeting("주간회의", dt.date(2025, 1, 6), dt.time(10, 0), "Asia/Seoul",
                   [Item("추진 현황", minutes=35, id="progress"),
                    Item("토론", min_minutes=10, id="discussion")],
                   end=dt.time(11, 0), repeat="FREQ=WEEKLY;COUNT=10", skip=skip,
                   overrides=overrides, id="weekly")


MOVED = agenda.Override("2025-02-10", start="14:00", end="15:00")


def expected(meeting: Meeting) -> list[tuple[str, int, int]]:
    """(title, start, end) of the meeting event and every item event of every
    occurrence, as the library lays each occurrence out."""
    out = []
    for start, _ in agenda.occurrences(meeting):
        held = agenda.layout(agenda.occurrence_on(meeting, start.date()))
        out.append((meeting.title, held.start_utc, held.end_utc))
        out += [(s.title, s.start_utc, s.end_utc) for s in held if not s.is_block]
    return sorted(out)


def objects(url: str) -> dict[str, list[str]]:
    """href → the (UID, RECURRENCE-ID) of each event its object holds."""
    client = caldav.DAVClient(url=url, username=USER, password=PASSWORD,
                              enable_rfc6764=False)
    out = {}
    for obj in client.calendar(url=url).search(event=True):
        events = icalendar.Calendar.from_ical(obj.data).walk("VEVENT")
        out[str(obj.url)] = [f"{e['UID']} {e['RECURRENCE-ID'].dt:%Y-%m-%d}"
                             if "RECURRENCE-ID" in e else str(e["UID"]) for e in events]
    return out


WINDOW = ("20250101T000000Z", "20260101T000000Z")


def test_a_series_with_an_override_is_one_object_per_uid_and_no_conflict(url: str) -> None:
    meeting = weekly(MOVED)
    first = publish(meeting, url)
    assert first.as_dict() == {"created": 3, "updated": 0, "cancelled": 0, "deleted": 0,
                               "unchanged": 0, "conflicts": []}
    held = objects(url)
    assert len(held) == 3
    for events in held.values():  # the series, then its moved occurrence, together
        assert len(events) == 2 and events[1] == f"{events[0]} 2025-02-10"
    assert expand(url, *WINDOW) == expected(meeting)
    assert len([e for e in expand(url, *WINDOW) if e[0] == "주간회의"]) == 9


def test_republishing_a_series_with_overrides_sends_no_put(url: str,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    meeting = weekly(MOVED, agenda.Override("2025-03-03", start="09:00", end="10:00"))
    publish(meeting, url)
    before = etags(url)
    requests = Requests(monkeypatch)
    again = publish(meeting, url, now=T1)
    assert (again.unchanged, again.created, again.updated, again.conflicts) == (3, 0, 0, ())
    assert requests.sent["PUT"] == 0 and etags(url) == before
    assert expand(url, *WINDOW) == expected(meeting)


def test_changing_an_override_updates_its_series_object(url: str) -> None:
    publish(weekly(MOVED), url)
    later = agenda.Override("2025-02-10", start="15:00", end="16:00")
    result = publish(weekly(later), url, now=T1)
    assert (result.updated, result.created, result.conflicts) == (3, 0, ())
    assert expand(url, *WINDOW) == expected(weekly(later))


def test_removing_an_override_restores_the_series_own_occurrence(url: str) -> None:
    publish(weekly(MOVED), url)
    result = publish(weekly(), url, now=T1)
    assert (result.updated, result.created, result.conflicts) == (3, 0, ())
    assert all(len(events) == 1 for events in objects(url).values())
    on_the_day = [e for e in expand(url, "20250210T000000Z", "20250211T000000Z")
                  if e[0] == "주간회의"]
    ten = int(dt.datetime(2025, 2, 10, 1, 0, tzinfo=dt.UTC).timestamp())
    assert on_the_day == [("주간회의", ten, ten + 3600)]
    assert expand(url, *WINDOW) == expected(weekly())


def test_a_calendar_left_with_only_an_override_is_repaired(url: str) -> None:
    """What the earlier one-event-per-object publisher left behind: each series' object
    replaced by its moved occurrence alone. The next run puts the series back."""
    publish(weekly(MOVED), url)
    client = caldav.DAVClient(url=url, username=USER, password=PASSWORD,
                              enable_rfc6764=False)
    for obj in client.calendar(url=url).search(event=True):
        calendar = icalendar.Calendar.from_ical(obj.data)
        calendar.subcomponents = [c for c in calendar.subcomponents
                                  if not (c.name == "VEVENT" and "RECURRENCE-ID" not in c)]
        client.request(str(obj.url), "PUT", calendar.to_ical().decode(),
                       {"Content-Type": "text/calendar"})
    assert all(len(events) == 1 and events[0].endswith(" 2025-02-10")
               for events in objects(url).values())
    result = publish(weekly(MOVED), url, now=T1)
    assert (result.updated, result.conflicts) == (3, ())
    assert expand(url, *WINDOW) == expected(weekly(MOVED))


def test_a_series_changed_on_the_server_meanwhile_is_a_conflict(url: str) -> None:
    publish(weekly(MOVED), url)
    client = caldav.DAVClient(url=url, username=USER, password=PASSWORD,
                              enable_rfc6764=False)
    [obj] = [o for o in client.calendar(url=url).search(event=True)
             if "SUMMARY:주간회의" in o.data]
    original = agenda._publish.caldav._Server.objects

    def read_then_race(self: Any) -> Iterator[Any]:
        found = list(original(self))
        client.request(str(obj.url), "PUT", obj.data.replace("SUMMARY:주간회의",
                                                             "SUMMARY:주간회의 (수정)"),
                       {"Content-Type": "text/calendar"})
        return iter(found)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(agenda._publish.caldav._Server, "objects", read_then_race)
        result = publish(weekly(), url, now=T1)
    assert [c.uid for c in result.conflicts] == ["weekly@agenda.invalid"]
    assert result.updated == 2
    titles = {e[0] for e in expand(url, *WINDOW)}
    assert "주간회의 (수정)" in titles  # the server's edit stands, override and all


def test_a_calendar_whose_parent_is_missing_says_what_the_server_needs(tmp_path: Path) -> None:
    """The server answers MKCALENDAR with 409 when the collection above the calendar does
    not exist: here a principal no one has logged in as (a mistyped user name)."""
    with radicale(tmp_path, rights="authenticated") as open_server:
        parent = f"http://127.0.0.1:{open_server.port}/nobody/"
        url = f"{parent}council/"
        with pytest.raises(CalDAVError) as caught:
            publish(reference(), url)
        assert caught.value.status == 409
        assert str(caught.value) == (
            f"{url}: cannot create the calendar (HTTP 409): the collection it would be made "
            f"in, {parent}, does not exist on the server (most servers, Radicale among them, "
            "make a user's principal collection at the first login); check the user name "
            "and the path in the URL, or create that collection first")


def test_publishing_a_series_from_the_command_line_twice_finds_no_conflict(
        url: str, tmp_path: Path) -> None:
    spec = tmp_path / "weekly.toml"
    spec.write_text(agenda.dump_toml(weekly(MOVED)), encoding="utf-8")
    args = ["publish", str(spec), "--caldav", url, "--user", USER, "--now",
            "2025-01-01T00:00:00Z"]
    runner = CliRunner(env={"CALDAV_PASSWORD": PASSWORD})
    first = runner.invoke(cli, [*args, "--password-env", "CALDAV_PASSWORD"])
    assert (first.exit_code, first.output) == (
        0, "created 3, updated 0, cancelled 0, deleted 0, unchanged 0\n")
    again = runner.invoke(cli, [*args, "--password-env", "CALDAV_PASSWORD"])
    assert (again.exit_code, again.output) == (
        0, "created 0, updated 0, cancelled 0, deleted 0, unchanged 3\n")
    assert len([e for e in expand(url, *WINDOW) if e[0] == "주간회의"]) == 9
