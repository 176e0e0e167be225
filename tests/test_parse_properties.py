"""Property tests of parse: the library's own printed tables (text, Markdown, CSV, in
Korean and English) read back to the same slots, and one wrong time injected into
them is reported at its line."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda._words.labels import labels_for
from strategies import ShapedAgenda, printable_meetings, shaped_agendas

FORMATS = st.sampled_from(["text", "markdown", "csv"])
LANGS = st.sampled_from(["ko", "en"])


def _slots(timetable: agenda.Timetable) -> list[tuple[str, str, int, int]]:
    return [(s.number, "".join(s.title.split()), s.start_utc, s.end_utc) for s in timetable]


def _print(meeting: agenda.Meeting, fmt: str, lang: str) -> tuple[agenda.Timetable, str]:
    timetable = agenda.layout(meeting)
    document = agenda.render(timetable, fmt, agenda.RenderOptions(lang=lang))
    assert isinstance(document, str)
    return timetable, document


def _read(document: str, meeting: agenda.Meeting, fmt: str) -> agenda.ParseResult:
    # CSV carries offsets, not a zone name: the reader is told the zone, as a user would.
    return agenda.parse_text(document, format=fmt, tz=meeting.timezone if fmt == "csv" else None)


@given(printable_meetings(), FORMATS, LANGS)
def test_printed_tables_read_back_to_the_same_slots(meeting: agenda.Meeting, fmt: str,
                                                    lang: str) -> None:
    timetable, document = _print(meeting, fmt, lang)
    result = _read(document, meeting, fmt)
    assert result.ok, [str(p) for p in result.problems]
    assert result.meeting.timezone == meeting.timezone
    assert _slots(agenda.layout(result.meeting)) == _slots(timetable)


def _row_line(document: str, fmt: str, slot: agenda.Slot, lang: str) -> int:
    """The (1-based) line of a top-level slot's row in a printed document."""
    lines = document.replace("\r\n", "\n").split("\n")
    if fmt == "csv":
        starts = [n for n, line in enumerate(lines, 1) if line.startswith(f"{slot.number},")]
        return starts[0]
    labels = labels_for(lang)
    cell = f"{labels.span(slot.start, slot.end)} {labels.minutes(slot.minutes)}"
    return next(n for n, line in enumerate(lines, 1) if f"| {cell} " in line)


def _shift_digit(text: str) -> str:
    return text[:-1] + str((int(text[-1]) + 1) % 10)


@given(printable_meetings(), FORMATS, LANGS, st.data())
def test_one_wrong_time_is_reported_at_its_line(meeting: agenda.Meeting, fmt: str,
                                                lang: str, data: st.DataObject) -> None:
    timetable, document = _print(meeting, fmt, lang)
    top = [slot for slot in timetable if slot.depth == 0]
    slot = data.draw(st.sampled_from(top))
    line = _row_line(document, fmt, slot, lang)
    lines = document.replace("\r\n", "\n").split("\n")
    if fmt == "csv":
        end = slot.end.isoformat()
        wrong = end[:15] + _shift_digit(end[:16])[-1] + end[16:]  # the end's last minute digit
        assert wrong != end and end in lines[line - 1]
        lines[line - 1] = lines[line - 1].replace(f",{end},", f",{wrong},", 1)
    else:
        end = slot.end.format("HH:mm")
        target = re.escape(end) + r"(?= [('])"
        found = re.search(target, lines[line - 1])
        assert found is not None
        k = found.start()
        lines[line - 1] = lines[line - 1][:k] + _shift_digit(end) + lines[line - 1][k + 5:]
    result = _read("\n".join(lines), meeting, fmt)
    assert any(p.line == line for p in result.errors), [
        (p.line, str(p)) for p in result.problems]
    assert {p.line for p in result.errors} <= {line, *(n for n in range(line + 1,
                                                                          len(lines) + 1))}


@given(shaped_agendas())
def test_agendas_in_published_shapes_read_back(agenda_doc: ShapedAgenda) -> None:
    """One cell per line, rows shifted under a rowspan, the title before the range,
    minutes in every notation: the rows read back as written, with no problem."""
    result = agenda.parse_text(agenda_doc.text, tz="Asia/Seoul")
    assert result.ok, [str(p) for p in result.problems]
    assert result.meeting.date == agenda_doc.date
    got = [(item.title, item.minutes) for item in result.meeting.items]
    assert got == [(title, minutes) for _, minutes, title in agenda_doc.rows]
    first = agenda_doc.rows[0][0]
    assert result.meeting.start == dt.time(first // 60, first % 60)


@given(st.integers(1, 30).flatmap(lambda wrong: shaped_agendas(wrong=wrong)))
def test_a_stated_duration_that_disagrees_is_reported_at_its_row(
        agenda_doc: ShapedAgenda) -> None:
    result = agenda.parse_text(agenda_doc.text, tz="Asia/Seoul")
    assert [(p.code, p.number) for p in result.problems] == [
        ("stated-duration", str(len(agenda_doc.rows)))]
    last = agenda_doc.rows[-1]
    line = result.problems[0].line
    assert line is not None
    assert f"{last[0] // 60:02d}:{last[0] % 60:02d}" in agenda_doc.text.split("\n")[line - 1]
