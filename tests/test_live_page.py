"""The live page: what `publish --dir` writes for the day itself (live.html, and the
timetable.json and log.json it reads), and the page in headless Chromium at frozen
moments, after a republish, and in the presenter view."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import re
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import agenda
from agenda import ActualLog, Item, Meeting, publish_site
from agenda.cli import cli
from conftest import EXAMPLES
from test_publish_browser import browser  # noqa: F401  (the fixture: headless Chromium)

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)
REF = agenda.reference_meeting()
# The reference meeting's rehearsal up to 14:05:10: the photo from 14:03 to 14:05:10, and
# the opening started then (planned 14:02-14:04).
REF_LOG = ActualLog(REF).started("photo", "14:03").ended("photo", "14:05:10").started(
    "opening", "14:05:10")
# A board meeting in New York with a block and a gap before a fixed discussion.
BOARD = Meeting("Board", "2024-11-04", "09:00", "America/New_York", [
    Item("Welcome", minutes=10, id="welcome"),
    Item("Reports", id="reports", items=[Item("Finance", minutes=10, id="finance"),
                                         Item("Audit", minutes=10, id="audit")]),
    Item("Discussion", minutes=15, at="09:45", gap_ok=True, id="discussion"),
], end="10:00", language="en")
WORKSHOP = agenda.load(EXAMPLES / "two-day-workshop.toml")


# -- the files ----------------------------------------------------------------------------
def test_publish_writes_the_page_and_the_data_it_reads(tmp_path: Path) -> None:
    release = publish_site(REF, tmp_path, now=T0, log=REF_LOG, live_refresh=5)
    assert {"live.html", "timetable.json", "log.json"} <= set(release.written)
    timetable = json.loads((tmp_path / "timetable.json").read_text("utf-8"))
    assert timetable["meeting"]["timezone"] == "Asia/Seoul"
    assert timetable["slots"][4] == {
        "no": "4.1", "title": "부산", "start": "2024-03-13T14:07:00+09:00",
        "end": "2024-03-13T14:12:00+09:00", "minutes": 5, "depth": 1, "presenter": None,
        "notes": None, "kind": "presentation", "id": "busan", "path": ["busan"],
        "date": "2024-03-13", "room": None, "track": None, "block": False}
    log = json.loads((tmp_path / "log.json").read_text("utf-8"))
    assert log["events"] == [
        {"path": ["photo"], "no": "1", "event": "start", "at": "2024-03-13T14:03:00+09:00"},
        {"path": ["photo"], "no": "1", "event": "end", "at": "2024-03-13T14:05:10+09:00"},
        {"path": ["opening"], "no": "2", "event": "start", "at": "2024-03-13T14:05:10+09:00"}]
    page = (tmp_path / "live.html").read_text("utf-8")
    config = json.loads(re.search(r'<script type="application/json" id="live-config">(.*?)'
                                  r"</script>", page, re.S)[1])  # type: ignore[index]
    assert config["refresh"] == 5 and config["words"]["now"] == "지금"
    assert '<a href="live.html">' in (tmp_path / "index.html").read_text("utf-8")


def test_the_page_loads_nothing_from_elsewhere(tmp_path: Path) -> None:
    publish_site(WORKSHOP, tmp_path, now=T0, lang="en")
    page = (tmp_path / "live.html").read_text("utf-8")
    assert re.findall(r'\b(?:src|href)="([^"]*)"', page) == ["data:,"]
    assert not re.search(r"@import|url\(|https?://|//cdn|<link rel=\"stylesheet\"", page)
    assert re.findall(r'fetch\(name', page) and "timetable.json" in page


def test_a_new_log_alone_rewrites_only_the_log_file(tmp_path: Path) -> None:
    publish_site(REF, tmp_path, now=T0, log=REF_LOG)
    again = publish_site(REF, tmp_path, now=T0, log=REF_LOG.ended("opening", "14:08"))
    assert (again.new, again.written) == (False, ("log.json",))
    assert publish_site(REF, tmp_path, now=T0, log=REF_LOG.ended("opening", "14:08")
                        ).written == ()


def test_a_log_that_contradicts_the_agenda_publishes_nothing(tmp_path: Path) -> None:
    log = REF_LOG.started("opening", "14:06")
    with pytest.raises(agenda.InvalidLog):
        publish_site(REF, tmp_path / "site", now=T0, log=log)
    assert not (tmp_path / "site").exists()


def test_publish_reads_the_log_beside_the_spec(tmp_path: Path) -> None:
    spec = tmp_path / "meeting.toml"
    spec.write_bytes((EXAMPLES / "reference-meeting.toml").read_bytes())
    runner = CliRunner()
    assert runner.invoke(cli, ["log", str(spec), "photo", "start", "--at", "14:03"]
                         ).exit_code == 0
    done = runner.invoke(cli, ["publish", str(spec), "--dir", str(tmp_path / "site"),
                               "--now", "2024-03-13T05:00:00Z", "--live-refresh", "2"])
    assert done.exit_code == 0, done.output
    assert json.loads((tmp_path / "site" / "log.json").read_text("utf-8"))["events"][0][
        "at"] == "2024-03-13T14:03:00+09:00"
    assert '"refresh": 2' in (tmp_path / "site" / "live.html").read_text("utf-8")
    spec.with_name("meeting.log.toml").write_text(
        "photo.start = 2024-03-13T14:03:00+09:00\nphoto.start = 2024-03-13T14:04:00+09:00\n",
        encoding="utf-8")
    refused = runner.invoke(cli, ["publish", str(spec), "--dir", str(tmp_path / "site")])
    assert refused.exit_code == 1 and "두 번 시작했습니다" in refused.stdout
    usage = runner.invoke(cli, ["publish", str(spec), "--caldav", "http://127.0.0.1:9/x/",
                                "--live-refresh", "3"])
    assert usage.exit_code == 2 and "go with --dir" in usage.output


# -- the page in a browser ------------------------------------------------------------------
@pytest.fixture(scope="module")
def days(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("days")
    publish_site(REF, root / "ref", now=T0, log=REF_LOG)
    publish_site(BOARD, root / "board", now=T0, lang="en")
    wrap_up = ActualLog(WORKSHOP).started("Day 1 wrap-up", "14:16").ended("Day 1 wrap-up",
                                                                           "14:47")
    publish_site(WORKSHOP, root / "workshop", now=T0, lang="en", log=wrap_up)
    return root


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, threading.Thread, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def served(days: Path) -> Iterator[str]:
    server, thread, url = _serve(days)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(autouse=True)
def _a_quiet_browser(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each browser test starts with an empty console and leaves no page polling: an
    open page keeps fetching its data, and one whose server a test has stopped would log
    refused connections into the next test's console."""
    if "browser" not in request.fixturenames:
        yield
        return
    driver = request.getfixturevalue("browser")
    driver.get("about:blank")
    driver.get_log("browser")
    yield
    driver.get("about:blank")
    driver.get_log("browser")


def _open(driver: Any, url: str, loads: int = 1) -> dict[str, str]:
    """Open `url`, wait (bounded) until the page has read its data `loads` times, and
    return what it shows."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: int(
        d.find_element("tag name", "body").get_attribute("data-loads")) >= loads)
    return _shown(driver)


def _shown(driver: Any) -> dict[str, str]:
    shown: dict[str, str] = driver.execute_script("""
        const text = id => document.getElementById(id).textContent;
        return {state: document.body.dataset.state, clock: text("clock"),
                now: text("now-title"), left: text("left"),
                tone: document.getElementById("left").className, label: text("left-label"),
                next: text("next-title"), next_time: text("next-time"), over: text("over"),
                expected: text("expected"),
                rest: [...document.querySelectorAll("#rest-list li")]
                      .map(li => [...li.childNodes].map(c => c.textContent).join(" "))
                      .join(" | ")};""")
    return shown


def _console_errors(driver: Any) -> list[Any]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


MOMENTS = [
    # before the meeting (the log's later events are not yet true)
    ("ref", "2024-03-13T13:50:00", {
        "state": "before", "clock": "13:50:00", "now": "회의 시작 전", "left": "10:00",
        "label": "시작까지", "next": "1 사진촬영", "next_time": "14:00", "over": "예정대로"}),
    # an item running by the log, within its last two minutes: the warning colour; the
    # meeting runs behind: the opening ends 14:07:10, the greeting was planned for 14:04
    ("ref", "2024-03-13T14:06:30", {
        "state": "running", "clock": "14:06:30", "now": "2 개회 및 참석자 소개", "left": "0:40",
        "tone": "warn", "label": "남은 시간", "next": "3 차관 인사말씀", "next_time": "14:04",
        "over": "+3분", "expected": "(15:03쯤 종료)"}),
    # the same item over its time
    ("ref", "2024-03-13T14:09:30", {
        "state": "running", "now": "2 개회 및 참석자 소개", "left": "+2:20", "tone": "over",
        "label": "초과", "over": "+5분", "expected": "(15:05쯤 종료)"}),
    # in a block, by the timetable (New York, shown on its own clock in a Berlin browser)
    ("board", "2024-11-04T09:15:00", {
        "state": "running", "clock": "09:15:00", "now": "2.1 Finance", "left": "5:00",
        "tone": "", "label": "left", "next": "2.2 Audit", "next_time": "09:20",
        "over": "as planned", "rest": "09:20–09:30 2.2 Audit | 09:45–10:00 3 Discussion"}),
    # in the gap before the fixed discussion
    ("board", "2024-11-04T09:35:00", {
        "state": "gap", "now": "Nothing is running", "left": "10:00",
        "label": "until it starts", "next": "3 Discussion", "next_time": "09:45"}),
    # after the meeting
    ("board", "2024-11-04T10:30:00", {
        "state": "after", "now": "The meeting has ended", "next": "Nothing more today",
        "rest": "Nothing more today"}),
    # one room of a day with parallel tracks
    ("workshop", "2024-05-20T10:20:00&room=Room%20A", {
        "state": "running", "now": "3.1.1 Columnar storage in practice", "left": "25:00",
        "next": "3.1.2 Streaming joins without tears", "next_time": "10:45"}),
    ("workshop", "2024-05-20T10:20:00&room=Room%20B", {
        "state": "running", "now": "3.2.1 HTTP caching for open data portals",
        "next": "3.2.2 Accessible maps", "next_time": "11:00"}),
    # the first day's last item runs over, by the log; nothing more that day
    ("workshop", "2024-05-20T14:46:30", {
        "state": "running", "now": "6 Day 1 wrap-up", "left": "+0:30", "tone": "over",
        "next": "7 Keynote: ten years of open data", "next_time": "18:00",
        "over": "+1 min", "rest": "Nothing more today"}),
    # the next evening: the log has not reached it, the rest of that day is shown
    ("workshop", "2024-05-21T17:50:00", {
        "state": "gap", "left": "10:00", "next": "7 Keynote: ten years of open data",
        "over": "as planned"}),
]


@pytest.mark.parametrize(("site", "at", "expected"), MOMENTS,
                         ids=[f"{s}-{a[11:16]}{'-' + a.split('=')[-1][-1] if '&' in a else ''}"
                              for s, a, _ in MOMENTS])
def test_the_page_at_a_frozen_moment(browser: Any, served: str, site: str, at: str,  # noqa: F811
                                     expected: dict[str, str]) -> None:
    shown = _open(browser, f"{served}{site}/live.html?at={at}")
    assert {key: shown[key] for key in expected} == expected
    assert _console_errors(browser) == []


def test_warning_and_over_time_have_their_own_colours(browser: Any,  # noqa: F811
                                                      served: str) -> None:
    colours = []
    for page in ("board/live.html?at=2024-11-04T09:15:00",  # 5:00 left, 0:40 left, +2:20
                 "ref/live.html?at=2024-03-13T14:06:30", "ref/live.html?at=2024-03-13T14:09:30"):
        _open(browser, served + page)
        colours.append(browser.execute_script(
            "return getComputedStyle(document.getElementById('left')).color"))
    assert colours == ["rgb(17, 17, 17)", "rgb(179, 92, 0)", "rgb(196, 0, 26)"]


def test_a_republished_late_start_reaches_the_open_page_within_one_refresh(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    spec = tmp_path / "meeting.toml"
    spec.write_bytes((EXAMPLES / "reference-meeting.toml").read_bytes())
    site = tmp_path / "site"
    runner = CliRunner()

    def run(*args: str) -> None:
        done = runner.invoke(cli, list(args))
        assert done.exit_code == 0, done.output

    run("publish", str(spec), "--dir", str(site), "--live-refresh", "1")
    server, thread, url = _serve(site)
    try:
        before = _open(browser, url + "live.html?at=2024-03-13T14:11:00")
        assert (before["now"], before["next"], before["next_time"]) == (
            "4.1 부산", "4.2 강원", "14:12")
        # The meeting started ten minutes late: logged, re-timed from the log, published.
        run("log", str(spec), "photo", "start", "--at", "14:10")
        run("late", str(spec), "--from-log", "--absorb", "discussion", "-o",
            str(tmp_path / "now.toml"))
        run("publish", str(tmp_path / "now.toml"), "--dir", str(site), "--log",
            str(spec.with_name("meeting.log.toml")), "--live-refresh", "1")
        seen = int(browser.find_element("tag name", "body").get_attribute("data-loads"))
        # A reading that starts after the republish has finished is at most two away.
        WebDriverWait(browser, 30).until(lambda d: int(
            d.find_element("tag name", "body").get_attribute("data-loads")) >= seen + 2)
        after = _shown(browser)
        assert (after["now"], after["left"], after["next"], after["next_time"]) == (
            "1 사진촬영", "1:00", "2 개회 및 참석자 소개", "14:12")
        assert after["rest"].startswith("14:12~14:14 2 개회 및 참석자 소개 | 14:14~14:17 3 ")
        assert _console_errors(browser) == []
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_the_presenter_view_fills_the_screen(browser: Any, served: str, tmp_path: Path,  # noqa: F811
                                             width: int, height: int) -> None:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    try:
        for at, text in (("14:09:30", "+2:20"), ("14:30:00", "+22:50"),
                         ("16:10:00", "+122:50")):
            shown = _open(browser, f"{served}ref/live.html?view=presenter&at=2024-03-13T{at}")
            assert shown["left"] == text
            box = browser.execute_script("""
                const r = e => { const b = e.getBoundingClientRect();
                                 return [b.left, b.top, b.right, b.bottom]; };
                const root = document.documentElement;
                return {view: [innerWidth, innerHeight],
                        scroll: [root.scrollWidth, root.scrollHeight],
                        main: r(document.querySelector("main")),
                        digits: r(document.getElementById("left")),
                        next: r(document.getElementById("next")),
                        background: getComputedStyle(document.body).backgroundColor};""")
            assert box["view"] == [width, height]
            assert box["scroll"][0] <= width and box["scroll"][1] <= height  # no scrolling
            assert box["main"] == [0, 0, width, height]
            left, top, right, bottom = box["digits"]
            assert left >= 0 and right <= width and top >= 0 and bottom <= height
            assert right - left >= width / 2 and bottom - top >= height / 3
            assert box["next"][3] <= height  # the next item stays on the screen
            assert box["background"] == "rgb(0, 0, 0)"
            shot = browser.get_screenshot_as_png()
            assert _png_size(shot) == (width, height)
            (tmp_path / f"presenter-{width}x{height}-{at[:5].replace(':', '')}.png"
             ).write_bytes(shot)
        assert _console_errors(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
