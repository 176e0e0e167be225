"""Hostile input through every command, in-process: hypothesis damages specs (values of
every type in every key, structure, nesting, bytes, encodings) and previous feeds, and
no run may end in a traceback or an exit code outside the contract (0, 1, 2).

The default profile runs a small sample; ``HYPOTHESIS_PROFILE=thorough`` runs 10,000.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import agenda
from agenda.cli import cli
from conftest import THOROUGH
from strategies import meetings, series_meetings

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


@st.composite
def damaged_specs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid spec (as plain data) with a few structural or value mutations."""
    meeting = draw(st.one_of(meetings(), series_meetings(), st.just(agenda.reference_meeting())))
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
