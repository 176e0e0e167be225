"""The reference meeting gives exactly the times of the printed agenda."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import agenda
from conftest import EXAMPLES, SEED, require_seed

PRINTED = [
    ("1", "14:00", "14:02", 2),
    ("2", "14:02", "14:04", 2),
    ("3", "14:04", "14:07", 3),
    ("4", "14:07", "14:27", 20),
    ("4.1", "14:07", "14:12", 5),
    ("4.2", "14:12", "14:17", 5),
    ("4.3", "14:17", "14:22", 5),
    ("4.4", "14:22", "14:27", 5),
    ("5", "14:27", "14:32", 5),
    ("6", "14:32", "14:57", 25),
    ("7", "14:57", "15:00", 3),
]


@pytest.fixture
def timetable() -> agenda.Timetable:
    return agenda.layout(agenda.reference_meeting())


def test_reference_times_match_the_printed_table(timetable: agenda.Timetable) -> None:
    got = [(s.number, s.start.format("HH:mm"), s.end.format("HH:mm"), s.minutes)
           for s in timetable]
    assert got == PRINTED


def test_presentations_run_in_the_printed_order(timetable: agenda.Timetable) -> None:
    block = [s for s in timetable if s.depth == 1]
    assert [s.title for s in block] == ["부산", "강원", "충북", "전남"]
    assert [s.start.format("HH:mm") for s in block] == ["14:07", "14:12", "14:17", "14:22"]


def test_reference_instants_are_korean_standard_time(timetable: agenda.Timetable) -> None:
    assert timetable.start.in_timezone("UTC").isoformat() == "2024-03-13T05:00:00+00:00"
    assert timetable.end.in_timezone("UTC").isoformat() == "2024-03-13T06:00:00+00:00"
    assert timetable.minutes == 60
    assert agenda.validate(agenda.reference_meeting()) == ()


def test_embedded_reference_is_the_example_file() -> None:
    example = (EXAMPLES / "reference-meeting.toml").read_text("utf-8")
    assert example == agenda.REFERENCE_SPEC


def test_reference_matches_the_seed_table(timetable: agenda.Timetable) -> None:
    """Every time range and duration printed in the seed's agenda is in our timetable."""
    require_seed()
    text = (SEED / "agenda-2024-03-13.md").read_text("utf-8")
    printed = re.findall(r"\| (\d\d:\d\d)~(\d\d:\d\d) \| \('(\d+)\)", text)
    assert len(printed) == 7
    top = [(s.start.format("HH:mm"), s.end.format("HH:mm"), str(s.minutes))
           for s in timetable.top_level()]
    assert top == printed


def test_reference_seed_file_is_not_copied(tmp_path: Path) -> None:
    """The press release's prose stays out of the project."""
    require_seed()
    release = (SEED / "press-release-2024-03-13.txt").read_text("utf-8")
    sentences = [line.strip() for line in release.splitlines() if len(line.strip()) > 30]
    ours = "\n".join(p.read_text("utf-8", errors="ignore")
                     for p in Path(EXAMPLES.parent).rglob("*")
                     if p.is_file() and p.suffix in {".md", ".toml", ".py", ".txt", ".json"}
                     and ".venv" not in p.parts and "node_modules" not in p.parts)
    assert not [s for s in sentences if s in ours]
