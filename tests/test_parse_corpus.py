"""The corpus: agendas written the ways people write them (Korean and English; press
releases, mails, plain lists, Markdown and CSV tables; 12- and 24-hour clocks), each
with a sidecar ``NAME.expect.toml`` that says what it holds and which problems it
has, at which lines. Every problem must be found exactly: no more, no fewer."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

import agenda

CORPUS = Path(__file__).parent / "parse_corpus"
DOCUMENTS = sorted(p for p in CORPUS.iterdir()
                   if not p.name.endswith(".expect.toml") and p.name != "SHAPES.md")
SHAPES = CORPUS / "SHAPES.md"


def expectation(document: Path) -> dict[str, Any]:
    sidecar = document.with_name(f"{document.stem}.expect.toml")
    return tomllib.loads(sidecar.read_text("utf-8"))


def test_the_corpus_is_large_and_bilingual() -> None:
    assert len(DOCUMENTS) >= 45
    texts = [p.read_text("utf-8") for p in DOCUMENTS]
    korean = [t for t in texts if any("\uac00" <= c <= "\ud7a3" for c in t)]
    assert len(korean) >= 5 and len(texts) - len(korean) >= 5
    formats = {expectation(p)["format"] for p in DOCUMENTS}
    assert formats == {"text", "markdown", "csv"}
    for document in DOCUMENTS:
        assert document.with_name(f"{document.stem}.expect.toml").exists(), document.name


@pytest.mark.parametrize("document", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_corpus_document(document: Path) -> None:
    expect = expectation(document)
    day = dt.date.fromisoformat(expect["date"]) if "date" in expect else None
    result = agenda.parse_file(document, date=day, tz=expect.get("tz"))
    found = [(p.code, p.line, p.number) for p in result.problems]
    wanted = [(p["code"], p.get("line"), p.get("number", "")) for p in expect.get("problems", [])]
    assert sorted(found, key=str) == sorted(wanted, key=str)
    assert result.format == expect["format"]

    meeting = result.meeting
    assert len(list(meeting.walk())) == expect["slots"]
    if "zone" in expect:
        assert meeting.timezone == expect["zone"]
    if "date" in expect:
        assert meeting.date.isoformat() == expect["date"]
    if "title" in expect:
        assert meeting.title == expect["title"]
    top = meeting.items
    if "titles" in expect:
        assert [item.title for item in top] == expect["titles"]
    if "presenters" in expect:
        assert [item.presenter or "" for item in top] == expect["presenters"]
    if "notes" in expect:
        assert [item.notes or "" for item in top] == expect["notes"]
    if "start" in expect or "end" in expect:
        timetable = agenda.layout(meeting)
        assert timetable.start.format("HH:mm") == expect["start"]
        assert timetable.end.format("HH:mm") == expect["end"]


@pytest.mark.parametrize("document", [p for p in DOCUMENTS if not expectation(p).get(
    "problems")], ids=lambda p: p.name)
def test_a_consistent_document_emits_a_spec_with_the_same_times(document: Path) -> None:
    expect = expectation(document)
    day = dt.date.fromisoformat(expect["date"]) if "date" in expect else None
    result = agenda.parse_file(document, date=day, tz=expect.get("tz"))
    assert result.ok
    before = agenda.layout(result.meeting)
    for spec in (agenda.load_toml(agenda.dump_toml(result.meeting)),
                 agenda.load_json(agenda.dump_json(result.meeting))):
        after = agenda.layout(spec)
        assert [(s.number, s.start_utc, s.end_utc) for s in after] == [
            (s.number, s.start_utc, s.end_utc) for s in before]


def test_the_survey_names_a_corpus_document_for_each_shape_it_reads() -> None:
    """SHAPES.md lists 40 sources or more; every corpus document it names exists, and
    every document of a surveyed shape that it says parses right does."""
    text = SHAPES.read_text("utf-8")
    sources = [line for line in text.splitlines() if line.startswith("| ") and "<http" in line]
    assert len(sources) >= 40
    named = {name for line in sources for name in re.findall(r"`([\w.-]+\.(?:txt|md|csv))`", line)}
    assert named and named <= {p.name for p in DOCUMENTS}
    for line in sources:
        for name in re.findall(r"`([\w.-]+\.(?:txt|md|csv))`", line):
            if line.rstrip(" |").endswith("| right"):
                document = CORPUS / name
                expect = expectation(document)
                day = dt.date.fromisoformat(expect["date"]) if "date" in expect else None
                result = agenda.parse_file(document, date=day, tz=expect.get("tz"))
                assert [item.title for item in result.meeting.items] == expect["titles"]
