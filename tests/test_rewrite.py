"""Writing an edited meeting back into its spec keeps the file's comments and layout."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
import tomli_w
from hypothesis import HealthCheck, event, given, note, reject, settings
from hypothesis import strategies as st

import agenda
from agenda import (
    EditError,
    InvalidEdit,
    Item,
    Meeting,
    dump_json,
    dump_toml,
    layout,
    move,
    rewrite_spec,
)
from conftest import EXAMPLES
from strategies import meetings, move_arguments, translated_meetings

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


# -- every shape of TOML the spec allows -------------------------------------------------
INLINE = """\
items = [
  { title = "Opening", minutes = 5 },  # the chair opens
  # reports come next
  { title = "Reports", minutes = 20 },
  { title = "Discussion", minutes = 25 },  # absorbs changes
  { title = "Closing", minutes = 5 },
]

[meeting]
title = "Board"
date = 2024-03-13
start = 14:00:00
timezone = "UTC"
"""


def test_an_array_of_inline_tables_stays_one_and_its_comments_move_with_their_items() -> None:
    meeting = agenda.loads(INLINE)
    out = rewrite_spec(INLINE, move(meeting, "Closing", before="Reports"))
    assert out == INLINE.replace(
        '  { title = "Closing", minutes = 5 },\n', "").replace(
        '  # reports come next\n', '  { title = "Closing", minutes = 5 },\n'
                                   '  # reports come next\n')
    out = rewrite_spec(INLINE, move(meeting, "Opening", after="Discussion"))
    assert out.splitlines()[:6] == [
        "items = [", "  # reports come next", '  { title = "Reports", minutes = 20 },',
        '  { title = "Discussion", minutes = 25 },  # absorbs changes',
        '  { title = "Opening", minutes = 5 },  # the chair opens',
        '  { title = "Closing", minutes = 5 },']
    removed = rewrite_spec(INLINE, agenda.remove(meeting, "Reports", absorb="end"))
    assert "Reports" not in removed and "reports come next" not in removed
    assert agenda.loads(removed) == agenda.remove(meeting, "Reports", absorb="end")


COMMENTED_TABLES = """\
[meeting]
title = "M"
date = 2024-03-13
start = 14:00:00
timezone = "UTC"
# about the meeting

# the opening, always first
[[items]]
title = "A"  # A's own
minutes = 5
# about B
# more about B
[[items]]
title = "B"
minutes = 10

[[items]]
title = "C"
minutes = 5
# about D
[[items]]
title = "D"
minutes = 5
# the end of the file
"""


@pytest.mark.parametrize(("item", "where", "order"), [
    ("A", {"after": "B"}, "BACD"), ("D", {"before": "A"}, "DABC"), ("B", {"after": "D"}, "ACDB"),
    ("C", {"before": "B"}, "ACBD")])
def test_a_moved_table_takes_the_comments_above_its_header_and_leaves_the_others(
        item: str, where: dict[str, str], order: str) -> None:
    out = rewrite_spec(COMMENTED_TABLES, move(agenda.loads(COMMENTED_TABLES), item, **where))
    lines = out.splitlines()
    titles = [line for line in lines if line.startswith("title = ") and line != 'title = "M"']
    assert [t.split('"')[1] for t in titles] == list(order)
    above = {"A": ["# the opening, always first"], "B": ["# about B", "# more about B"],
             "C": [], "D": ["# about D"]}
    for title, comments in above.items():
        at = next(k for k, line in enumerate(lines) if line.startswith(f'title = "{title}"'))
        assert lines[at - 1] == "[[items]]"
        assert lines[at - 1 - len(comments):at - 1] == comments, title
    assert lines[5] == "# about the meeting" and lines[-1] == "# the end of the file"
    assert sorted(_comments(out)) == sorted(_comments(COMMENTED_TABLES))


DOTTED = """\
[meeting]
title = "Board"
date = 2024-03-13
start = 14:00:00
timezone = "UTC"

[[items]]
title.ko = '개회'
minutes = 5

[[items]]
title.ko = '보고'
title.en = "Reports"
minutes = 20

[[items]]
title = '토론'
minutes = 25
"""


def test_resizing_one_item_leaves_an_untouched_items_dotted_keys_as_written() -> None:
    edited = agenda.resize(agenda.loads(DOTTED), "2", 15, absorb="3")
    out = rewrite_spec(DOTTED, edited)
    assert out == DOTTED.replace("minutes = 20", "minutes = 15").replace("minutes = 25",
                                                                         "minutes = 30")
    assert agenda.loads(out) == edited


def test_a_shifted_day_keeps_its_table_and_comments() -> None:
    text = (EXAMPLES / "two-day-workshop.toml").read_text("utf-8")
    edited = agenda.shift(agenda.loads(text), to="2024-06-03T09:00")
    out = rewrite_spec(text, edited)
    assert agenda.loads(out) == edited
    assert _comments(out) == _comments(text)
    assert out.replace("2024-06-04", "2024-05-21").replace("2024-06-03", "2024-05-20") == text


# A generated spec: every item with an id, a comment line above it and one on its id line,
# written as [[items]] tables or as an array of inline tables, texts as basic or literal
# strings, translations as inline tables or dotted keys.
def _scalar(value: Any, literal: bool) -> str:
    if isinstance(value, str) and literal and "'" not in value and all(
            c >= " " and c != "\x7f" for c in value):
        return f"'{value}'"
    return tomli_w.dumps({"v": value})[4:].rstrip("\n")


def _pairs(entry: dict[str, Any], style: st.DataObject) -> list[str]:
    """``key = value`` for each key of an item but its items (id first)."""
    out = []
    for key, value in sorted(entry.items(), key=lambda kv: kv[0] != "id"):
        if key == "items":
            continue
        literal = style.draw(st.booleans())
        if isinstance(value, dict) and style.draw(st.booleans()):
            out += [f"{key}.{lang} = {_scalar(text, literal)}" for lang, text in value.items()]
        elif isinstance(value, dict):
            out.append(f"{key} = {{ " + ", ".join(f"{lang} = {_scalar(text, literal)}"
                                                 for lang, text in value.items()) + " }")
        else:
            out.append(f"{key} = {_scalar(value, literal)}")
    return out


def _inline(entry: dict[str, Any], style: st.DataObject) -> str:
    pairs = _pairs(entry, style)
    if "items" in entry:
        pairs.append("items = [" + ", ".join(_inline(c, style) for c in entry["items"]) + "]")
    return "{ " + ", ".join(pairs) + " }"


def _tables(entries: list[dict[str, Any]], header: str, style: st.DataObject,
            blocks: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for entry in entries:
        own = _pairs(entry, style)
        own[0] += f"  # own {entry['id']}"
        blocks[entry["id"]] = "\n".join(own) + "\n"  # below its header, at any depth
        lines += [f"# about {entry['id']}", f"[[{header}]]", *own]
        if style.draw(st.booleans()):
            lines.append("")
        lines += _tables(entry.get("items", []), f"{header}.items", style, blocks)
    return lines


def commented_spec(meeting: Meeting, shape: str, style: st.DataObject
                   ) -> tuple[str, dict[str, str]]:
    """The spec text of `meeting` in `shape`, and each item's own lines (its block)."""
    data = agenda.to_dict(meeting)
    head = tomli_w.dumps({"meeting": data["meeting"]})
    blocks: dict[str, str] = {}
    if shape == "tables":
        return head + "\n" + "\n".join(_tables(data["items"], "items", style, blocks)) + "\n", (
            blocks)
    lines = ["items = ["]
    for entry in data["items"]:
        element = f"  {_inline(entry, style)},  # own {entry['id']}"
        lines += [f"  # about {entry['id']}", element]
        blocks[entry["id"]] = f"  # about {entry['id']}\n{element}\n"
    return "\n".join([*lines, "]", "", head]), blocks


def _with_ids(meeting: Meeting) -> Meeting:
    counter = iter(range(1, 10_000))

    def named(item: Item) -> Item:
        return attrs.evolve(item, id=item.id or f"t{next(counter)}",
                            items=tuple(named(c) for c in item.items))

    return attrs.evolve(meeting, items=tuple(named(i) for i in meeting.items))


def _entries(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every item's data by id (an inline item with its children, else without)."""
    found: dict[str, dict[str, Any]] = {}
    stack = list(data["items"])
    while stack:
        entry = stack.pop()
        found[entry["id"]] = entry
        stack.extend(entry.get("items", []))
    return found


@st.composite
def edits(draw: st.DrawFn, meeting: Meeting) -> Meeting:
    numbers = [s.number for s in layout(meeting)]
    op = draw(st.sampled_from(["move", "resize", "remove", "insert"]))
    event(op)
    item = draw(st.sampled_from(numbers))
    try:
        if op == "move":
            where = draw(st.sampled_from(["before", "after"]))
            return move(meeting, item, **{where: draw(st.sampled_from(numbers))})
        absorb = draw(st.sampled_from(["end", "parent", None]))
        if op == "resize":
            return agenda.resize(meeting, item, draw(st.integers(1, 60)), absorb=absorb)
        if op == "remove":
            return agenda.remove(meeting, item, absorb=absorb)
        return agenda.insert(meeting, Item("new", minutes=draw(st.integers(1, 30)), id="new"),
                             after=item, absorb=absorb)
    except EditError:
        reject()


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.one_of(meetings(), translated_meetings()).map(_with_ids),
       st.sampled_from(["tables", "inline"]), st.data())
def test_an_edit_changes_only_the_items_it_changes_in_every_toml_shape(
        meeting: Meeting, shape: str, data: st.DataObject) -> None:
    text, blocks = commented_spec(meeting, shape, data)
    assert agenda.loads(text) == meeting
    edited = data.draw(edits(meeting))
    out = rewrite_spec(text, edited)
    note(f"spec:\n{text}\nrewritten:\n{out}")
    assert agenda.loads(out) == edited
    before, after = _entries(agenda.to_dict(meeting)), _entries(agenda.to_dict(edited))
    lines = out.splitlines()
    for ident, entry in after.items():
        if ident not in before:
            continue
        if shape == "tables":  # its comments stay with it: above its header, on its id line
            at = lines.index(f"# about {ident}")
            assert lines[at + 1].startswith("[[items"), ident
            assert lines[at + 2].endswith(f"  # own {ident}"), ident
            same = {k: v for k, v in entry.items() if k != "items"} == {
                k: v for k, v in before[ident].items() if k != "items"}
            written = "\n".join(lines[at + 2:]) + "\n"
        else:  # a top-level item keeps its lines (a nested one is on its parent's line)
            tops = {e["id"] for e in agenda.to_dict(edited)["items"]}
            same = entry == before[ident] and ident in tops
            written = out
        if same and ident in blocks:  # untouched: as it was written, to the character
            assert written.startswith(blocks[ident]) if shape == "tables" else (
                blocks[ident] in written), ident
    for ident in set(before) - set(after):
        assert f"# about {ident}\n" not in out  # a removed item's comment goes with it
