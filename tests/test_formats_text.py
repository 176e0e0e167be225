"""The text table: aligned by display width, wrapped inside its cells, every slot once."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import wcwidth
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import Item, Meeting
from agenda._words.labels import zone_marks
from strategies import grapheme_titles, risky_meetings

# The printed agenda of 2024-03-13: time range, duration, title (top-level rows) and
# the four presentations of the 20-minute block with their own times.
PRINTED_ROWS = [
    ("14:00~14:02", "('2)", "사진촬영"),
    ("14:02~14:04", "('2)", "개회 및 참석자 소개"),
    ("14:04~14:07", "('3)", "차관 인사말씀"),
    ("14:07~14:27", "('20)", "지자체별 글로벌 혁신 특구 준비현황 발표"),
    ("14:27~14:32", "('5)", "중기부·지자체 협업 방향"),
    ("14:32~14:57", "('25)", "토론"),
    ("14:57~15:00", "('3)", "차관 맺음말씀"),
]
PRINTED_PRESENTATIONS = [("14:07~14:12", "부산"), ("14:12~14:17", "강원"),
                         ("14:17~14:22", "충북"), ("14:22~14:27", "전남")]
# A time range; either end may name its day (``19:50–Mon 2024-11-04 01:15``,
# ``23:30~2024-03-14(목) 00:30``).
_DAY = r"(?:[A-Z][a-z]{2} \d{4}-\d\d-\d\d |\d{4}-\d\d-\d\d\(.\) )"
RANGE = rf"{_DAY}?\d\d:\d\d[~–]{_DAY}?\d\d:\d\d"
SPAN = re.compile(rf"({RANGE})")
CHILD = re.compile(rf"^( *)({RANGE})(?: (.*))?$")


@pytest.fixture(scope="module")
def reference() -> agenda.Timetable:
    return agenda.layout(agenda.reference_meeting())


# -- reading a text table back --------------------------------------------------


def cut(line: str, borders: list[int]) -> tuple[str, list[str]]:
    """The characters at the display offsets `borders` and the cells between them."""
    marks: list[str] = []
    cells: list[str] = []
    column = 0
    for grapheme in wcwidth.iter_graphemes(line):
        if column in borders:
            marks.append(grapheme)
            cells.append("")
        elif cells:
            cells[-1] += grapheme
        column += wcwidth.wcswidth(grapheme)
    return "".join(marks), cells[:-1]


def body_rows(table: str) -> list[list[str]]:
    """The cells of every body line (rules left out), trailing padding removed."""
    lines = table.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("+="))
    borders = [i for i, ch in enumerate(lines[start]) if ch == "+"]
    rows = []
    for line in lines[start + 1:]:
        marks, cells = cut(line, borders)
        if set(marks) - {"|", "+"}:
            break  # the footer box
        if set(marks[1:]) == {"+"}:
            continue  # a rule between groups (or the closing one)
        rows.append([cell[1:].rstrip() for cell in cells])
    return rows


def read_slots(table: str) -> list[tuple[int, str, str]]:
    """(depth, time range, title without spaces) of every slot, in printed order."""
    slots: list[list[object]] = []
    for cells in body_rows(table):
        time, item = cells[-3], cells[-2]
        child = CHILD.match(item)
        top = SPAN.match(time)
        if top:
            slots.append([0, top[1], item])
        elif child:
            slots.append([len(child[1]) // 2, child[2], child[3] or ""])
        else:
            slots[-1][2] = f"{slots[-1][2]}{item}"
    return [(int(str(d)), str(s), _squeeze(str(t))) for d, s, t in slots]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def printed_streams(table: str) -> tuple[str, str]:
    """The time column and the item column, each read top to bottom, without spaces.

    Unlike `read_slots`, this needs no pattern for a time range, so it reads every
    range as printed: one that names its end day, one that names its zone on a DST day,
    one that had to wrap inside a narrow column.
    """
    rows = body_rows(table)
    return (_squeeze("".join(cells[-3] for cells in rows)),
            _squeeze("".join(cells[-2] for cells in rows)))


def expected_streams(timetable: agenda.Timetable, lang: str) -> tuple[str, str]:
    """What `printed_streams` must read: each top-level slot's range and duration in the
    time column; each slot's title in the item column, a child's after its range; and a
    gap row wherever a top-level item starts after the previous one ended."""
    labels = agenda.LABELS[lang]
    times, items = [], []
    end = timetable.start
    for s in timetable:
        if s.depth == 0 and s.start_utc > end.int_timestamp:
            minutes = (s.start_utc - end.int_timestamp) // 60
            times.append(labels.span(end, s.start) + labels.minutes(minutes))
            items.append(labels.gap.format(minutes=minutes))
        if s.depth == 0:
            end = max(end, s.end)
            times.append(labels.span(s.start, s.end) + labels.minutes(s.minutes))
        items.append(s.title if s.depth == 0 else labels.span(s.start, s.end) + s.title)
    return _squeeze("".join(times)), _squeeze("".join(items))


def expected_slots(timetable: agenda.Timetable, lang: str) -> list[tuple[int, str, str]]:
    labels = agenda.LABELS[lang]
    return [(s.depth, labels.span(s.start, s.end), _squeeze(s.title))
            for s in agenda.translate(timetable, lang)]


# -- the reference meeting ------------------------------------------------------


def test_korean_table_shows_every_printed_row(reference: agenda.Timetable) -> None:
    table = agenda.to_text(reference)
    rows = body_rows(table)
    for span, minutes, title in PRINTED_ROWS:
        matching = [r for r in rows if r[1] == f"{span} {minutes}"]
        assert len(matching) == 1, span
        assert matching[0][2] == title
    children = [CHILD.match(r[2]) for r in rows if CHILD.match(r[2])]
    assert [(m[2], m[3]) for m in children if m] == PRINTED_PRESENTATIONS
    assert all(m and m[1] == "  " for m in children)
    block = next(i for i, r in enumerate(rows) if r[1].startswith("14:07~14:27"))
    busan = next(i for i, r in enumerate(rows) if r[2].endswith("부산"))
    assert block < busan < block + 8
    assert table.count("정책 협의") == 1
    assert rows[0][0] == "정책 협의"
    lines = table.splitlines()
    assert lines[1] == "| 글로벌 혁신특구 지자체-중기부 정책협의" + " " * 59 + "|"
    assert "| 일시: 2024-03-13(수) 14:00~15:00 (Asia/Seoul)" in lines[2]
    assert "| 장소: 강원도 원주 의료기기테크노밸리 4층 회의실" in lines[3]
    assert lines[-2].startswith("| 총 60분 · 14:00~15:00 종료 시각에 맞음 ")


def test_reference_columns_and_notes(reference: agenda.Timetable) -> None:
    rows = body_rows(agenda.to_text(reference))
    header = agenda.to_text(reference).splitlines()[5]
    assert [c.strip() for c in header.strip("|").split("|")] == ["구분", "시간", "내용", "비고"]
    opening = next(i for i, r in enumerate(rows) if r[2] == "개회 및 참석자 소개")
    assert rows[opening][3] == "사회"
    assert rows[opening + 1][3] == "4층 회의실"
    briefing = next(i for i, r in enumerate(rows) if r[2] == "중기부·지자체 협업 방향")
    assert rows[briefing][3] == "특구정책과장"


def test_english_labels_and_times(reference: agenda.Timetable) -> None:
    table = agenda.to_text(reference, lang="en")
    assert "| Category " in table and "| Time " in table and "| Notes " in table
    assert "14:07–14:27 (20 min)" in table
    assert "When: Wed 2024-03-13 14:00–15:00 (Asia/Seoul)" in table
    assert "Total 60 min · ends at 15:00 as declared" in table
    assert read_slots(table) == expected_slots(reference, "en")


@pytest.mark.parametrize("width", [40, 60, 80, 100, 140])
def test_reference_fits_every_width(reference: agenda.Timetable, width: int) -> None:
    for lang in agenda.LABELS:
        lines = agenda.to_text(reference, lang=lang, width=width).splitlines()
        assert {wcwidth.wcswidth(line) for line in lines} <= set(range(width + 1))
        assert len({wcwidth.wcswidth(line) for line in lines}) == 1


def test_too_narrow_a_width_is_refused_with_the_minimum(reference: agenda.Timetable) -> None:
    with pytest.raises(agenda.AgendaError, match="at least 21") as caught:
        agenda.to_text(reference, width=20)
    assert isinstance(caught.value, ValueError)
    lines = agenda.to_text(reference, width=21).splitlines()
    assert {wcwidth.wcswidth(line) for line in lines} == {21}


def test_unknown_language_is_a_clear_error(reference: agenda.Timetable) -> None:
    with pytest.raises(agenda.AgendaError, match=r"unknown language 'ja'.*en, ko") as caught:
        agenda.to_text(reference, lang="ja")
    assert isinstance(caught.value, ValueError)
    with pytest.raises(agenda.AgendaError, match="unknown language"):
        agenda.render(reference, "text", agenda.RenderOptions(lang="xx"))


def test_the_renderer_is_registered(reference: agenda.Timetable) -> None:
    assert agenda.render(reference, "text") == agenda.to_text(reference)
    options = agenda.RenderOptions(lang="en", width=70)
    assert agenda.render(reference, "text", options) == agenda.to_text(
        reference, lang="en", width=70)


def test_a_meeting_without_category_has_no_category_column() -> None:
    meeting = Meeting("주간 회의", dt.date(2024, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item("보고", minutes=10), Item("토의", minutes=20)])
    table = agenda.to_text(agenda.layout(meeting))
    assert "구분" not in table
    assert body_rows(table)[0][:2] == ["09:00~09:10 ('10)", "보고"]
    assert table.splitlines()[-2].rstrip(" |") == "| 총 30분 · 09:00~09:30"


def test_control_characters_and_line_breaks_stay_inside_their_cell() -> None:
    meeting = Meeting("t", dt.date(2024, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item("첫 줄\n둘째\t줄\x07끝", minutes=10, notes="a\r\nb\x0bc")])
    table = agenda.to_text(agenda.layout(meeting), width=60)
    rows = body_rows(table)
    assert [r[1] for r in rows] == ["첫 줄", "둘째 줄 끝", ""]
    assert [r[2] for r in rows] == ["a", "b", "c"]
    assert "\t" not in table and "\x07" not in table


# -- properties -----------------------------------------------------------------


@given(risky_meetings(), st.integers(40, 160), st.sampled_from(sorted(agenda.LABELS)))
def test_lines_align_and_every_slot_appears_once_in_order(meeting: Meeting, width: int,
                                                          lang: str) -> None:
    timetable = agenda.layout(meeting)
    table = agenda.to_text(timetable, lang=lang, width=width)
    widths = {wcwidth.wcswidth(line) for line in table.splitlines()}
    assert len(widths) == 1
    assert 0 < widths.pop() <= width
    assert printed_streams(table) == expected_streams(timetable, lang)
    # Wide enough for every time range to stay on one line (a range that names a
    # later day is longer and may wrap in a narrower item column); a range that names
    # its zone on a DST day is read by `printed_streams` only.
    dated = any(s.end.date() != s.start.date() for s in timetable)
    marked = any(zone_marks(s.start, s.end) for s in timetable)
    if width >= (120 if dated else 72) and not marked:
        assert read_slots(table) == expected_slots(timetable, lang)


@given(grapheme_titles, st.integers(40, 70))
def test_wrapping_never_splits_a_grapheme(title: str, width: int) -> None:
    meeting = Meeting("t", dt.date(2024, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item(title, minutes=5, id="a"),
                       Item(title, id="b", items=[Item(title, minutes=5, id="c")])])
    timetable = agenda.layout(meeting)
    table = agenda.to_text(timetable, width=width)
    allowed = set(wcwidth.iter_graphemes(title)) | {" "}
    for cells in body_rows(table):
        item = cells[-2]
        child = CHILD.match(item)
        text = (child[3] or "") if child else item
        assert set(wcwidth.iter_graphemes(text)) <= allowed, text
    assert len({wcwidth.wcswidth(line) for line in table.splitlines()}) == 1
    inner = timetable[2]
    printed = _squeeze("".join(cells[-2] for cells in body_rows(table)))
    assert printed == _squeeze(title * 2 + agenda.LABELS["ko"].span(inner.start, inner.end)
                               + title)


def test_a_span_past_midnight_names_the_day_it_ends() -> None:
    meeting = agenda.Meeting("night", dt.date(2024, 3, 13), dt.time(23), "Asia/Seoul",
                             [agenda.Item("a", minutes=30), agenda.Item("b", minutes=60)])
    text = agenda.to_text(agenda.layout(meeting))
    assert "일시: 2024-03-13(수) 23:00~2024-03-14(목) 00:30 (Asia/Seoul)" in text
    assert "23:30~2024-03-14(목) 00:30" in text
    english = agenda.to_text(agenda.layout(meeting), lang="en")
    assert "23:00–Thu 2024-03-14 00:30" in english


def test_a_long_title_makes_a_table_of_lines_no_wider_than_asked() -> None:
    meeting = Meeting("긴 제목", dt.date(2024, 3, 13), dt.time(14), "Asia/Seoul",
                      [Item("가" * 50_000, minutes=5), Item("https://" + "x" * 20_000,
                                                            minutes=5)])
    text = agenda.to_text(agenda.layout(meeting), width=80)
    assert {wcwidth.wcswidth(line) for line in text.splitlines()} == {80}
    assert text.count("가") == 50_000
