"""Writing an edited meeting back into its spec keeps the file's comments and layout."""

from __future__ import annotations

from hypothesis import given, reject
from hypothesis import strategies as st

import agenda
from agenda import InvalidEdit, Meeting, dump_json, dump_toml, move, rewrite_spec
from conftest import EXAMPLES
from strategies import meetings, move_arguments

COMMENTED = (EXAMPLES / "reference-meeting.toml").read_text("utf-8")


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def test_an_edit_of_a_commented_file_keeps_every_comment() -> None:
    text = COMMENTED.replace('[[items]]\nid = "discussion"',
                             '# The discussion absorbs changes.\n[[items]]\nid = "discussion"')
    text = text.replace('minutes = 25\n', 'minutes = 25  # shortened when late\n')
    meeting = agenda.loads(text)
    edited = agenda.resize(move(meeting, "gangwon", before="busan"), "briefing", 10,
                           absorb="discussion")
    out = rewrite_spec(text, edited)
    assert agenda.loads(out) == edited
    assert _comments(out) == _comments(text)
    assert "minutes = 20  # shortened when late" in out  # the comment stays on its line
    assert out.index('ko = "강원"') < out.index('ko = "부산"')


def test_an_unchanged_meeting_gives_back_the_same_text() -> None:
    meeting = agenda.loads(COMMENTED)
    assert rewrite_spec(COMMENTED, meeting) == COMMENTED


@given(meetings(), st.data())
def test_rewriting_after_a_move_reads_back_to_the_edited_meeting(
        meeting: Meeting, data: st.DataObject) -> None:
    item, where, target = data.draw(move_arguments(meeting))
    try:
        edited = move(meeting, item, **{where: target})
    except InvalidEdit as exc:  # e.g. the block it leaves would have no time left
        assert exc.problems
        reject()
    assert agenda.loads(rewrite_spec(dump_toml(meeting), edited)) == edited
    assert agenda.loads(rewrite_spec(dump_json(meeting), edited, "json"), "json") == edited


def test_a_default_the_user_wrote_survives_an_edit() -> None:
    text = COMMENTED.replace('timezone = "Asia/Seoul"\n',
                             'timezone = "Asia/Seoul"\nlanguage = "ko"\n')
    text = text.replace('id = "discussion"\n', 'id = "discussion"\ngap_ok = false\n')
    assert "gap_ok = false" in text
    edited = agenda.resize(agenda.loads(text), "briefing", 10, absorb="discussion")
    out = rewrite_spec(text, edited)
    assert 'language = "ko"' in out
    assert "gap_ok = false" in out
    assert agenda.loads(out) == edited
