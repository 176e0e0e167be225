"""Hostile input through every command, in-process: hypothesis damages specs (values of
every type in every key, structure, nesting, bytes, encodings), printed agendas and
previous feeds, and drives check, table, ics, schedule, edit, late, diff, publish, parse,
new and schema with them (multi-day, bilingual and series agendas among them); no run
may end in a traceback or an exit code outside the contract (0, 1, 2).

The default profile runs a small sample; ``HYPOTHESIS_PROFILE=thorough`` runs 10,000.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import agenda
from agenda.cli import cli
from conftest import EXAMPLES, THOROUGH
from strategies import (
    conference_meetings,
    flexible_meetings,
    meetings,
    series_meetings,
    translated_meetings,
)

CONTRACT = {0, 1, 2}
NOW = "2024-03-01T00:00:00Z"

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.just(10**400), st.just(-(2**63)),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["", " ", "14:00", "25:00", "2024-02-30", "2024-03-13", "Asia/Seoul",
                     "Nowhere/Zone", "FREQ=WEEKLY;COUNT=3", "RRULE:FREQ=DAILY", "FREQ=DAILY",
                     "break", "수", "Mon", "ko", "en", "xx", "\x00\x07", "a\nb", "-1", "0"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
KEYS = sorted({*agenda._spec.MEETING_KEYS, *agenda._spec.ITEM_KEYS, "meeting", "items",
               "unknown"})


def _containers(root: Any) -> list[Any]:
    """Every dict and list in `root` (iteratively: a nested spec may be thousands deep)."""
    out: list[Any] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            out.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            out.append(node)
            stack.extend(node)
    return out


valid_meetings = st.one_of(
    meetings(), series_meetings(), conference_meetings(), translated_meetings(),
    flexible_meetings(), st.just(agenda.reference_meeting()),
    st.just(agenda.load(EXAMPLES / "two-day-workshop.toml")))
"""One-day, series, multi-day with parallel tracks, bilingual and flexible agendas."""


@st.composite
def damaged_specs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid spec (as plain data) with a few structural or value mutations."""
    meeting = draw(valid_meetings)
    data: dict[str, Any] = agenda.to_dict(meeting, times_as_text=True)
    for _ in range(draw(st.integers(1, 4))):
        places = _containers(data)
        place = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["set", "set", "delete", "nest", "replace"]))
        if isinstance(place, dict):
            key = draw(st.sampled_from([*place.keys(), *KEYS]) if place else st.sampled_from(KEYS))
            if action == "delete":
                place.pop(key, None)
            elif action == "nest":
                inner: Any = dict(place)
                for _level in range(draw(st.sampled_from([2, 50, 400]))):
                    inner = {"title": "n", "items": [inner]}
                place["items"] = [inner]
            else:
                place[key] = draw(values)
        elif place:
            index = draw(st.integers(0, len(place) - 1))
            if action == "delete":
                del place[index]
            else:
                place[index] = draw(values)
    return data


def _serialise(data: dict[str, Any], fmt: str) -> bytes:
    if fmt == "toml":
        try:
            return tomli_w.dumps(data).encode("utf-8")
        except (TypeError, ValueError, RecursionError):
            pass  # None, NaN, a list of mixed types...: send it as JSON
    try:
        return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except (ValueError, RecursionError):
        return b'{"meeting": '


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    raw = _serialise(draw(damaged_specs()), draw(st.sampled_from(["toml", "json"])))
    damage = draw(st.sampled_from(["none", "none", "bytes", "bom", "encoding", "cut"]))
    if damage == "bytes":
        raw_list = bytearray(raw)
        for _ in range(draw(st.integers(1, 5))):
            where = draw(st.integers(0, max(len(raw_list) - 1, 0)))
            raw_list[where:where + draw(st.integers(0, 3))] = draw(st.binary(max_size=4))
        raw = bytes(raw_list)
    elif damage == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif damage == "encoding":
        text = raw.decode("utf-8", "replace")
        encoding = draw(st.sampled_from(["utf-16", "utf-16-be", "cp949", "latin-1", "utf-32"]))
        raw = text.encode(encoding, "replace")
    elif damage == "cut":
        raw = raw[:draw(st.integers(0, len(raw)))]
    return raw


COMMANDS = [
    ["check"], ["check", "--occurrences", "--limit", "3"],
    ["table"], ["table", "--lang", "en", "--width", "40"], ["table", "--format", "markdown"],
    ["table", "--format", "html"], ["table", "--format", "csv"], ["table", "--format", "json"],
    ["table", "--occurrences", "--limit", "3"], ["table", "--on", "2024-03-13"],
    ["ics", "--now", NOW], ["ics", "--items", "--now", NOW],
]


def _run(args: list[str], given_bytes: bytes) -> None:
    result = CliRunner().invoke(cli, args, input=given_bytes)
    command = " ".join(args[:3] if args[0] == "edit" else args[:1])
    event(f"{command}: exit {result.exit_code}")
    assert result.exit_code in CONTRACT, (args, result.output[-2000:])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))


HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


@settings(max_examples=10_000 if THOROUGH else 50, suppress_health_check=HEALTH)
@given(damaged_bytes(), st.sampled_from(COMMANDS))
def test_damaged_specs_never_crash_any_command(raw: bytes, command: list[str]) -> None:
    _run([command[0], "-", *command[1:]], raw)


@pytest.fixture(scope="module")
def feed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("feeds")


FEED = agenda.to_ics(agenda.layout(agenda.reference_meeting()), items=True, now=NOW)
FEED_LINES = FEED.split(b"\r\n")


@settings(max_examples=10_000 if THOROUGH else 25, suppress_health_check=HEALTH)
@given(st.lists(st.tuples(st.integers(0, len(FEED_LINES) - 1),
                          st.sampled_from(["value", "drop", "swap", "bytes"]),
                          st.one_of(st.text(max_size=20).map(str.encode), st.binary(max_size=8),
                                    st.sampled_from([b"abc", b"-1", b"99999999999999999999",
                                                     b"20241313T140000", b"20240313T990000",
                                                     b"20240313", b"", b"CANCELLED"]))),
                min_size=1, max_size=4),
       st.booleans())
def test_damaged_previous_feeds_never_crash(feed_dir: Path,
                                            edits: list[tuple[int, str, bytes]],
                                            changed: bool) -> None:
    lines = list(FEED_LINES)
    for index, action, payload in edits:
        line = lines[index]
        if action == "value" and b":" in line:
            lines[index] = line.split(b":", 1)[0] + b":" + payload
        elif action == "drop":
            lines[index] = b""
        elif action == "swap":
            lines[index], lines[-index - 1] = lines[-index - 1], line
        else:
            lines[index] = line[:len(payload)] + payload
    previous = feed_dir / "previous.ics"
    previous.write_bytes(b"\r\n".join(lines))
    meeting = agenda.reference_meeting()
    if changed:  # a changed agenda makes the merge read SEQUENCE, CREATED and stamps
        spec = agenda.dump_json(meeting).replace('"minutes": 25', '"minutes": 24')
        spec = spec.replace('"end": "15:00:00",', "")
    else:
        spec = agenda.dump_json(meeting)
    for args in (["ics", "-", "--items", "--now", NOW, "--previous", str(previous)],
                 ["ics", "-", "--previous", str(previous)]):
        _run(args, spec.encode("utf-8"))
    with contextlib.suppress(agenda.FeedError):  # read back, or refused: never a crash
        agenda.from_ics(previous.read_bytes())


# -- the commands that change, compare and publish agendas --------------------------------
@st.composite
def specs(draw: st.DrawFn) -> bytes:
    """A spec as a file holds it: valid (as TOML or JSON), or damaged."""
    if draw(st.booleans()):
        return draw(damaged_bytes())
    meeting = draw(valid_meetings)
    text = agenda.dump_toml(meeting) if draw(st.booleans()) else agenda.dump_json(meeting)
    return text.encode("utf-8")


ADDRESSES = st.sampled_from(["1", "2", "3", "1.1", "2.2", "4.2", "discussion", "busan",
                             "Morning tracks", "Data", "0", "99", "-1", "", "1..2", "Q&A"])
ABSORBERS = st.sampled_from(["end", "parent", "discussion", "1", "2.1", "nowhere"])
MOMENTS = st.sampled_from(["00:00", "09:30", "14:00", "14:10", "23:59", "25:00", "14:00:30",
                           "2024-03-13T14:10", "2024-05-21T10:00", "2024-03-13T14:10+09:00",
                           "0001-01-01T00:00", "9999-12-31T23:59", "x"])
MINUTES = st.sampled_from(["0", "1", "5", "25", "600", "-5", "100000", "99999999999999999999"])


@st.composite
def living_commands(draw: st.DrawFn, work: Path) -> list[str]:
    """Arguments of edit, late, diff, schedule or publish, reading the spec from ``-``;
    `work` holds a second spec (for diff) and the folders releases go into."""
    other = str(work / "other.toml")
    command = draw(st.sampled_from(["shift", "move", "resize", "insert", "remove", "late",
                                    "diff", "schedule", "publish"]))
    lang = ["--lang", draw(st.sampled_from(["ko", "en"]))]
    if command == "shift":
        how = (["--to", draw(MOMENTS)] if draw(st.booleans()) else ["--by", draw(MINUTES)])
        anchors = ["--move-anchors"] if draw(st.booleans()) else []
        return ["edit", "-", "shift", *how, *anchors, *lang]
    if command in ("move", "insert"):
        where = [f"--{draw(st.sampled_from(['before', 'after', 'into']))}", draw(ADDRESSES)]
        if command == "move":
            return ["edit", "-", "move", draw(ADDRESSES), *where, *lang]
        minutes = ["--minutes", draw(MINUTES)] if draw(st.booleans()) else []
        absorb = ["--absorb", draw(ABSORBERS)] if draw(st.booleans()) else []
        return ["edit", "-", "insert", draw(st.sampled_from(["New", "", "새 항목"])), *where,
                *minutes, *absorb, *lang]
    absorb = ["--absorb", draw(ABSORBERS)] if draw(st.booleans()) else []
    if command == "resize":
        return ["edit", "-", "resize", draw(ADDRESSES), draw(MINUTES), *absorb, *lang]
    if command == "remove":
        return ["edit", "-", "remove", draw(ADDRESSES), *absorb, *lang]
    if command == "late":
        return ["late", "-", "--at", draw(MOMENTS), "--by", draw(MINUTES).lstrip("-"),
                *absorb, *lang]
    if command == "diff":
        pair = ["-", other] if draw(st.booleans()) else [other, "-"]
        return ["diff", *pair, "--format", draw(st.sampled_from(["text", "json"])), *lang]
    if command == "schedule":
        return ["schedule", "-", "--format", draw(st.sampled_from(["xml", "json"]))]
    folder = tempfile.mkdtemp(dir=work)  # a folder of its own for each release
    return ["publish", "-", "--dir", folder, "--now", NOW, "--format",
            draw(st.sampled_from(["text", "json"])), "--lang", draw(st.sampled_from(["ko", "en"]))]


@pytest.fixture(scope="module")
def work_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("living")
    (folder / "other.toml").write_text(agenda.dump_toml(agenda.reference_meeting()), "utf-8")
    return folder


@settings(max_examples=10_000 if THOROUGH else 40, suppress_health_check=[
    *HEALTH, HealthCheck.function_scoped_fixture])
@given(specs(), st.data())
def test_edit_late_diff_schedule_and_publish_never_crash(work_dir: Path, raw: bytes,
                                                        data: st.DataObject) -> None:
    _run(data.draw(living_commands(work_dir)), raw)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """A printed agenda (text, Markdown, CSV table, or lines of times), damaged or not."""
    meeting = draw(st.one_of(meetings(), conference_meetings(), translated_meetings()))
    fmt = draw(st.sampled_from(["text", "markdown", "csv", "lines"]))
    if fmt == "lines":
        text = "\n".join(f"{s.start:HH:mm}-{s.end:HH:mm} {s.title}"
                         for s in agenda.layout(meeting))
    else:
        text = agenda.render(agenda.layout(meeting), fmt, agenda.RenderOptions(
            lang=draw(st.sampled_from(["ko", "en"]))))
        text = text.decode("utf-8") if isinstance(text, bytes) else text
    raw = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, max(len(raw) - 1, 0)))
        raw[where:where + draw(st.integers(0, 6))] = draw(st.one_of(
            st.binary(max_size=4), st.sampled_from([
                b"24:00-25:30 ", b"14:00:30~14:10 ", "14：40〜15：00".encode(), b"\r",
                b"\x00", "오전 11시 50분 ~ 낮 12시 20분".encode(), b"| 1 |", b",,,\n",
                b"Date: 2024-02-30\n", b"%PDF-1.4\n"])).map(bytes))
    return bytes(raw)


@settings(max_examples=10_000 if THOROUGH else 40, suppress_health_check=HEALTH)
@given(documents(), st.sampled_from(["auto", "text", "markdown", "csv"]),
       st.sampled_from([[], ["--date", "2024-03-13"], ["--date", "0001-01-01"]]),
       st.sampled_from([[], ["--tz", "Asia/Seoul"], ["--tz", "Asia"], ["--tz", "UTC"]]),
       st.sampled_from([[], ["--emit", "toml"], ["--emit", "json"], ["--lang", "en"]]))
def test_damaged_documents_never_crash_parse(raw: bytes, fmt: str, day: list[str],
                                             zone: list[str], emit: list[str]) -> None:
    _run(["parse", "-", "--format", fmt, *day, *zone, *emit], raw)


@settings(max_examples=10_000 if THOROUGH else 20, suppress_health_check=HEALTH)
@given(st.one_of(st.sampled_from(agenda.template_names()), st.text(max_size=12)),
       st.sampled_from(["ko", "en", "xx"]), st.booleans())
def test_new_and_schema_never_crash(name: str, lang: str, listing: bool) -> None:
    _run(["new", "--list", "--lang", lang] if listing else ["new", "--template", name,
                                                             "--lang", lang], b"")
    _run(["schema"], b"")


# -- on the day: the log of actual times, the report, late --from-log -----------------------
@settings(max_examples=10_000 if THOROUGH else 20, suppress_health_check=[
    *HEALTH, HealthCheck.function_scoped_fixture])
@given(specs(), st.lists(st.tuples(ADDRESSES, st.sampled_from(["start", "end"]),
                                   st.sampled_from(["14:00", "14:02:30", "09:00", "23:59",
                                                    "00:10", "14:00:99", "x"])),
                         max_size=4),
       st.sampled_from(["text", "json", "csv", "markdown", "html"]))
def test_the_log_the_report_and_late_from_the_log_never_crash(
        work_dir: Path, raw: bytes, events: list[tuple[str, str, str]], fmt: str) -> None:
    folder = Path(tempfile.mkdtemp(dir=work_dir))
    spec = folder / ("m.json" if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
                     else "m.toml")
    spec.write_bytes(raw)
    for item, what, at in events:
        _run(["log", str(spec), item, what, "--at", at], b"")
    _run(["report", str(spec), "--format", fmt], b"")
    _run(["late", str(spec), "--from-log", "--absorb", "discussion"], b"")
