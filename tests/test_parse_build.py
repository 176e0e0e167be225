"""Building a meeting from the rows a reader found: from values, never changing the table
it is given, so reading one document twice gives equal results."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

import agenda
from agenda._parse import _read, build
from agenda._parse._scan import normalize

DAY = dt.date(2024, 3, 13)

# Each document exercises one step that used to change the rows in place: a gap row
# (the row after it becomes `gap_ok`), a last row that only marks the end (the row
# before it takes its end), a 12-hour clock without am/pm (times move past noon), and
# nested parts (each level placed and checked).
DOCUMENTS = {
    "gap row": "09:00~09:30 Opening\n09:30~09:45 빈 시간 15분\n09:45~10:00 Closing\n",
    "end marker": "9:00 Welcome\n9:30 Keynote\n10:30 End\n",
    "afternoon": "11:00 - 12:00 Talks\n12:00 - 1:00 Lunch\n1:00 - 2:30 Workshop\n",
    "parts": ("10:00~11:00 Block\n  10:00~10:30 First\n  10:30~11:00 Second\n"
              "11:00~11:20 Closing\n"),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_build_leaves_the_table_it_is_given_as_it_was(name: str) -> None:
    table = _read(normalize(DOCUMENTS[name]), "auto")
    before = copy.deepcopy(table)
    first = build(table, date=DAY, tz="Asia/Seoul", hangul=False)
    assert table == before
    assert build(table, date=DAY, tz="Asia/Seoul", hangul=False) == first


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_reading_a_document_twice_gives_equal_results(name: str) -> None:
    text = DOCUMENTS[name]
    assert agenda.parse_text(text, date=DAY, tz="Asia/Seoul") == agenda.parse_text(
        text, date=DAY, tz="Asia/Seoul")


def test_the_steps_that_read_times_as_meant_still_apply() -> None:
    """The pure steps give the same meeting the in-place ones gave."""
    ends = {name: [(item.title, item.minutes, item.gap_ok) for item in
                   agenda.parse_text(text, date=DAY, tz="Asia/Seoul").meeting.items]
            for name, text in DOCUMENTS.items()}
    assert ends["gap row"] == [("Opening", 30, False), ("Closing", 15, True)]
    assert ends["end marker"] == [("Welcome", 30, False), ("Keynote", 60, False)]
    assert ends["afternoon"] == [("Talks", 60, False), ("Lunch", 60, False),
                                 ("Workshop", 90, False)]
    assert ends["parts"] == [("Block", 60, False), ("Closing", 20, False)]
