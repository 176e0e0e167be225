"""CSV: reads back with the csv module to the timetable's rows, never starts a cell
with a formula character, and carries a byte-order mark on request."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import Item, Meeting
from strategies import risky_meetings

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def shown(text: str | None) -> str:
    """What a cell holds for `text`: a leading quote when it would start a formula."""
    value = text or ""
    return "'" + value if value[:1] in FORMULA and value else value


def expected_rows(timetable: agenda.Timetable) -> list[list[str]]:
    category = shown(timetable.meeting.category)
    return [[s.number, category, s.start.isoformat(), s.end.isoformat(), str(s.minutes),
             str(s.depth), shown(s.title), shown(s.item.presenter), shown(s.item.notes)]
            for s in timetable]


def test_reference_rows() -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    rows = read(agenda.to_csv(timetable))
    assert rows[0] == ["번호", "구분", "시작", "종료", "분", "깊이", "내용", "발표자", "비고"]
    assert rows[1] == ["1", "정책 협의", "2024-03-13T14:00:00+09:00", "2024-03-13T14:02:00+09:00",
                       "2", "0", "사진촬영", "", ""]
    assert [(r[0], r[6]) for r in rows[5:9]] == [("4.1", "부산"), ("4.2", "강원"),
                                                 ("4.3", "충북"), ("4.4", "전남")]
    english = read(agenda.to_csv(timetable, lang="en"))
    assert english[0] == ["no", "category", "start", "end", "minutes", "depth", "title",
                          "presenter", "notes"]
    # The same rows in English: the times unchanged, the texts from the translations.
    assert [row[:6] for row in english[1:]] == [[*row[:1], "Policy consultation", *row[2:6]]
                                                for row in rows[1:]]
    assert english[1][6:] == ["Photo session", "", ""]
    assert english[3][6:] == ["Greeting by the vice-minister", "Vice-minister", ""]


def test_formula_cells_are_neutralised() -> None:
    titles = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\ry", "'ok",
              "a=b"]
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(9), "Asia/Seoul",
                      [Item(t, minutes=1, presenter="=cmd|' /C calc'!A0", notes="-x")
                       for t in titles], category="@cat")
    rows = read(agenda.to_csv(agenda.layout(meeting)))[1:]
    assert [r[6] for r in rows] == ["'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2+3",
                                    "'@SUM(A1)", "'\tx", "'\ry", "'ok", "a=b"]
    assert {r[7] for r in rows} == {"'=cmd|' /C calc'!A0"}
    assert {r[8] for r in rows} == {"'-x"}
    assert {r[1] for r in rows} == {"'@cat"}


def test_byte_order_mark_on_request() -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    plain = agenda.to_csv(timetable)
    marked = agenda.render(timetable, "csv", agenda.RenderOptions(bom=True))
    assert not plain.startswith("\ufeff")
    assert marked == "\ufeff" + plain
    assert marked.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert read(marked.encode("utf-8").decode("utf-8-sig")) == read(plain)


def test_lines_end_with_crlf() -> None:
    text = agenda.to_csv(agenda.layout(agenda.reference_meeting()))
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 12  # a header and 11 slots, no line break inside a cell


@given(risky_meetings(), st.sampled_from(sorted(agenda.LABELS)), st.booleans())
def test_reads_back_to_the_same_rows(meeting: Meeting, lang: str, bom: bool) -> None:
    timetable = agenda.layout(meeting)
    text = agenda.to_csv(timetable, lang=lang, bom=bom)
    rows = read(text.removeprefix("\ufeff") if bom else text)
    assert rows[0] == list(agenda.LABELS[lang].csv_columns)
    assert rows[1:] == expected_rows(timetable)
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA), cell
