"""The one TOML writer: a fresh spec and an edit written back into a spec write each key
the same way."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import attrs
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import Item, Meeting, Translations, dump_toml, rewrite_spec
from strategies import (
    audience_meetings,
    conference_meetings,
    linked_meetings,
    meetings,
    risky_meetings,
    series_meetings,
    translated_meetings,
)


def _meeting(*items: Item, **fields: object) -> Meeting:
    return Meeting("회의", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul", items,
                   **fields)  # type: ignore[arg-type]


@given(st.one_of(meetings(), risky_meetings(), translated_meetings(), linked_meetings(),
                 series_meetings(), conference_meetings(), audience_meetings()))
def test_an_edit_into_an_empty_file_writes_what_the_dump_writes(meeting: Meeting) -> None:
    """Both build their TOML from the same items: the rewrite differs only by the
    blank line it leaves at the end, as every table of a file keeps its own."""
    assert rewrite_spec("", meeting) == dump_toml(meeting) + "\n"


def test_a_translation_added_by_an_edit_is_an_inline_table_as_the_dump_writes_it() -> None:
    """The rewrite wrote a text given a translation as a table of its own
    (``[meeting.title]`` after the meeting's keys) where the dump writes an inline table."""
    plain = _meeting(Item("개회", minutes=5))
    text = dump_toml(plain)
    translated = attrs.evolve(plain, translations=Translations({"en": {"title": "Meeting"}}))
    out = rewrite_spec(text, translated)
    assert 'title = { ko = "회의", en = "Meeting" }' in out
    assert "[meeting.title]" not in out
    assert out == dump_toml(translated)
    assert agenda.loads(out) == translated


def test_notes_with_line_breaks_are_written_over_lines_by_an_edit_too() -> None:
    plain = _meeting(Item("개회", minutes=5))
    noted = _meeting(Item("개회", minutes=5, notes="자료 배포\n4층 회의실"))
    out = rewrite_spec(dump_toml(plain), noted)
    assert 'notes = """\n자료 배포\n4층 회의실"""' in out
    assert out == dump_toml(noted)
    assert agenda.loads(out) == noted


def test_a_carriage_return_keeps_only_its_own_text_on_one_line() -> None:
    """A carriage return in a multi-line string would read back as a plain line end, so
    that text is written on one line; another text of the item still goes over lines
    (the item's texts all went on one line)."""
    meeting = _meeting(Item("a\rb", minutes=5, notes="x\ny"))
    text = dump_toml(meeting)
    assert 'title = "a\\rb"' in text
    assert 'notes = """\nx\ny"""' in text
    assert agenda.load_toml(text) == meeting


def test_control_characters_are_escaped_and_a_tab_is_kept() -> None:
    meeting = _meeting(Item('tab\there "quoted" \\ bell\x07 del\x7f', minutes=5))
    text = dump_toml(meeting)
    assert 'title = "tab\there \\"quoted\\" \\\\ bell\\u0007 del\\u007f"' in text
    assert agenda.load_toml(text) == meeting


def test_lists_are_written_one_value_a_line() -> None:
    meeting = _meeting(Item("a", minutes=5, audience=("busan", "press")),
                       repeat="FREQ=WEEKLY;COUNT=3", skip=(dt.date(2024, 3, 20),))
    text = dump_toml(meeting)
    assert 'skip = [\n    2024-03-20,\n]' in text
    assert 'audience = [\n    "busan",\n    "press",\n]' in text
    assert agenda.load_toml(text) == meeting


def test_the_cli_starts_without_the_toml_writer() -> None:
    """tomlkit is imported when a spec is written, not when a command starts."""
    code = ("import sys, agenda.cli; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] == 'tomlkit'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
