"""DOCX and HWPX documents: read back cell by cell (python-docx, python-hwpx), the HWPX
validated by python-hwpx's schema and package validators and read by an independent
converter (hwpx-tomd), the DOCX printed to PDF by LibreOffice and read with poppler
(every time and title in order, A4, nothing outside the margins)."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import agenda
from agenda import Day, Item, Meeting
from conftest import EXAMPLES, require_tool, which
from strategies import conference_meetings, hostile_texts, printable_meetings

docx = pytest.importorskip("docx")
hwpx = pytest.importorskip("hwpx")

from hwpx.tools.package_validator import validate_editor_open_safety  # noqa: E402

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COVERED = None  # a grid position that a merged cell above or to the left takes


# -- meetings ----------------------------------------------------------------------------

def reference() -> agenda.Timetable:
    return agenda.layout(agenda.reference_meeting())


def nested() -> agenda.Timetable:
    """Blocks two levels deep, a fixed time (so a gap row) and no category."""
    return agenda.layout(Meeting("Board retreat", dt.date(2024, 6, 3), dt.time(9),
                                 "Europe/Berlin", [
        Item("Welcome", minutes=10, presenter="Chair"),
        Item("Strategy", items=[
            Item("Markets", items=[Item("Europe", minutes=15), Item("Asia", minutes=20)]),
            Item("Products", minutes=25, notes="slides in advance")]),
        Item("Lunch", minutes=45, kind="break", at=dt.time(11, 0)),
    ]))


def multi_day() -> agenda.Timetable:
    """Two days without rooms: one column for the items, a heading per day."""
    return agenda.layout(Meeting("정기 연수", timezone="Asia/Seoul", days=[
        Day(dt.date(2024, 9, 2), dt.time(9), [Item("등록", minutes=30),
                                              Item("기조 강연", minutes=60, presenter="원장")]),
        Day(dt.date(2024, 9, 3), dt.time(10), [Item("분임 토의", minutes=80, items=[
            Item("1분임", minutes=40), Item("2분임", minutes=40)]),
            Item("수료식", minutes=20)])]))


def multi_room() -> agenda.Timetable:
    return agenda.layout(agenda.load(EXAMPLES / "two-day-workshop.toml"))


MEETINGS = {"one-day": reference, "nested": nested, "multi-day": multi_day,
            "multi-room": multi_room}


# -- what a document must say ------------------------------------------------------------

def clean(text: str) -> list[str]:
    """`text` as the documents print it: a paragraph per line, control characters as
    spaces, what XML cannot hold as U+FFFD."""
    text = re.sub("[\ud800-\udfff\ufffe\uffff]", "\ufffd", text)
    return [re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", line) for line in text.splitlines()] or [""]


def expected_rows(timetable: agenda.Timetable, lang: str) -> list[list[str | None]]:
    """The table of a one-day meeting without fixed times (so without gap rows), from
    the slots: the labels, then a row per slot: the category down the first column,
    a top-level item's times and duration, its title, its presenter and notes; a
    child's times and title under its block's, its notes joined to the block's unless
    one of the block's children has notes of its own."""
    labels = agenda.LABELS[lang]
    timetable = agenda.translate(timetable, lang)
    category = timetable.meeting.category
    rows: list[list[str | None]] = [[labels.time, labels.item, labels.notes]]
    if category is not None:
        rows[0].insert(0, labels.category)
    slots = list(timetable)
    k = 0
    while k < len(slots):
        top = slots[k]
        children = []
        while k + 1 + len(children) < len(slots) and slots[k + 1 + len(children)].depth:
            children.append(slots[k + 1 + len(children)])

        def notes(slot: agenda.Slot) -> str:
            return "\n".join(line for text in (slot.item.presenter, slot.item.notes) if text
                             for line in clean(text))

        joined = not any(notes(child) for child in children)
        rows.append([f"{labels.span(top.start, top.end)} {labels.minutes(top.minutes)}",
                     "\n".join(clean(top.title)), notes(top)])
        for child in children:
            title = clean(child.title)
            title[0] = f"{labels.span(child.start, child.end)} {title[0]}"
            rows.append([COVERED, "\n".join(title), COVERED if joined else notes(child)])
        k += 1 + len(children)
    if category is not None:
        rows[1].insert(0, "\n".join(clean(category)))
        for row in rows[2:]:
            row.insert(0, COVERED)
    return rows


# -- readers -----------------------------------------------------------------------------

def docx_rows(data: bytes) -> list[list[list[str | None]]]:
    """Every table of a DOCX, read with python-docx cell by cell: a cell's text (its
    paragraphs, one per line), COVERED for each grid column a merged cell takes."""
    from docx.table import _Cell

    document = docx.Document(io.BytesIO(data))
    tables = []
    for table in document.tables:
        rows = []
        for tr in table._tbl.tr_lst:
            row: list[str | None] = []
            for tc in tr.tc_lst:
                merge = tc.tcPr.find(f"{W}vMerge") if tc.tcPr is not None else None
                continued = merge is not None and merge.get(f"{W}val") in (None, "continue")
                row.append(COVERED if continued else _Cell(tc, table).text)
                row += [COVERED] * (tc.grid_span - 1)
            rows.append(row)
        tables.append(rows)
    return tables


def hwpx_rows(data: bytes) -> list[list[list[str | None]]]:
    """Every table of an HWPX, read with python-hwpx: each grid position's text (the
    cell's paragraphs, one per line), COVERED where a merged cell takes it."""
    document = hwpx.HwpxDocument.open(data)
    tables = []
    for section in document.sections:
        for tbl in section.element.iter(f"{HP}tbl"):
            count = int(tbl.get("rowCnt")), int(tbl.get("colCnt"))
            grid: list[list[str | None]] = [[COVERED] * count[1] for _ in range(count[0])]
            for tc in tbl.iter(f"{HP}tc"):
                address = tc.find(f"{HP}cellAddr")
                assert address is not None
                lines = ["".join(t.text or "" for t in p.iter(f"{HP}t"))
                         for p in tc.find(f"{HP}subList").iter(f"{HP}p")]  # type: ignore[union-attr]
                grid[int(address.get("rowAddr"))][int(address.get("colAddr"))] = "\n".join(lines)
            tables.append(grid)
    return tables


def assert_valid_hwpx(data: bytes) -> None:
    """python-hwpx's editor-open safety gate passes: its package validator (ZIP,
    container, manifest), its schema validation of header and sections, reopening."""
    safety = validate_editor_open_safety(data)
    package, document = safety.validate_package, safety.validate_document
    assert package.ok, [str(issue) for issue in package.errors]
    assert document is not None and document.ok, (safety.document_validation_error, [
        str(issue) for issue in getattr(document, "issues", ())])
    assert safety.reopen_ok and not safety.blocking_package_errors, safety.reopen_error


def squeeze(text: str) -> str:
    return "".join(text.split())


def assert_in_order(text: str, pieces: list[str]) -> None:
    """Each piece (whitespace ignored) is found in `text` after the one before it."""
    flat = squeeze(text)
    at = 0
    for piece in pieces:
        found = flat.find(squeeze(piece), at)
        assert found >= 0, (piece, flat[at:at + 200])
        at = found + len(squeeze(piece))


def shown_times(timetable: agenda.Timetable, lang: str) -> Iterator[str]:
    """The times a room grid shows: every slot's but a track's (a track shows its title
    over its column; its items their times), with a date where a day runs past
    midnight."""
    labels = agenda.LABELS[lang]
    parallel = {slot.number for slot in timetable if slot.item.parallel}
    for slot in timetable:
        if slot.item.items and slot.number.rpartition(".")[0] in parallel:
            continue
        yield labels.span(slot.start, slot.end, slot.date)


def time_and_title(timetable: agenda.Timetable, lang: str) -> Iterator[list[str]]:
    """The times and title of each slot, in the order a one-day table shows them."""
    labels = agenda.LABELS[lang]
    timetable = agenda.translate(timetable, lang)
    for slot in timetable:
        yield [labels.span(slot.start, slot.end), slot.title]


# -- the reference meeting, exactly ------------------------------------------------------

def test_docx_reads_back_cell_by_cell() -> None:
    data = agenda.to_docx(reference())
    (table,) = docx_rows(data)
    assert table == expected_rows(reference(), "ko")
    assert table[4][1:] == ["14:07~14:27 ('20)", "지자체별 글로벌 혁신 특구 준비현황 발표",
                            "실증계획, 특구별 규제특례 부처협의 현황, 실증 안전성 확보방안 포함"]
    assert table[5] == [COVERED, COVERED, "14:07~14:12 부산", COVERED]
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.right_margin,
                                  section.bottom_margin, section.left_margin)] == [16, 14, 18, 14]
    assert document.paragraphs[0].text == "글로벌 혁신특구 지자체-중기부 정책협의"
    assert document.paragraphs[1].text == "일시:\t2024-03-13(수) 14:00~15:00 (Asia/Seoul)"
    assert document.paragraphs[-1].text == "총 60분 · 14:00~15:00 종료 시각에 맞음"


def test_docx_names_malgun_gothic_with_its_fallbacks() -> None:
    data = agenda.to_docx(reference())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
        fonts = package.read("word/fontTable.xml").decode()
    assert 'w:eastAsia="맑은 고딕"' in styles and 'w:ascii="맑은 고딕"' in styles
    assert re.search(r'<w:font w:name="맑은 고딕"><w:altName w:val="Malgun Gothic"/>'
                     r'<w:panose1 w:val="020B0503020000020004"/><w:charset w:val="81"/>', fonts)


def test_a_title_longer_than_255_characters_fits_the_document_properties() -> None:
    long = attrs.evolve(agenda.reference_meeting(), title="회의" * 200)
    data = agenda.to_docx(agenda.layout(long))
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == "회의" * 127 + "…"
    assert document.paragraphs[0].text == "회의" * 200  # the page keeps all of it


def test_hwpx_validates_and_reads_back_cell_by_cell() -> None:
    data = agenda.to_hwpx(reference())
    assert_valid_hwpx(data)
    (table,) = hwpx_rows(data)
    assert table == expected_rows(reference(), "ko")
    document = hwpx.HwpxDocument.open(data)
    size, margins = document.page.size(), document.page.margins()
    assert (round(size.width / 7200 * 25.4), round(size.height / 7200 * 25.4)) == (210, 297)
    assert [round(getattr(margins, side) / 7200 * 25.4)
            for side in ("top", "right", "bottom", "left")] == [16, 14, 18, 14]


def test_hwpx_names_hamchorom_batang_with_a_substitute() -> None:
    with zipfile.ZipFile(io.BytesIO(agenda.to_hwpx(reference()))) as package:
        header = package.read("Contents/header.xml").decode()
    assert re.search(r'<hh:font id="\d+" face="함초롬바탕"[^>]*><hh:substFont face="바탕"',
                     header)


@pytest.mark.parametrize("name", sorted(MEETINGS))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_independent_reader_finds_every_time_and_title(name: str, lang: str,
                                                          tmp_path: Path) -> None:
    from hwpx_tomd import to_markdown

    timetable = MEETINGS[name]()
    data = agenda.to_hwpx(timetable, lang=lang)
    assert_valid_hwpx(data)
    path = tmp_path / "agenda.hwpx"
    path.write_bytes(data)
    text = to_markdown(path)
    if not timetable.meeting.uses_rooms:
        assert_in_order(text, [piece for pair in time_and_title(timetable, lang)
                               for piece in pair])
        return
    timetable = agenda.translate(timetable, lang)
    # A room grid reads row by row: the top-level items in order, each item of a
    # track with its times, a day's heading before its items.
    assert_in_order(text, [slot.title for slot in timetable if slot.depth == 0])
    for span in shown_times(timetable, lang):
        assert squeeze(span) in squeeze(text), span
    for slot in timetable:
        assert squeeze(slot.title) in squeeze(text), slot.title


def test_same_timetable_same_bytes() -> None:
    for write in (agenda.to_docx, agenda.to_hwpx):
        assert write(multi_room(), lang="en") == write(multi_room(), lang="en")


def test_grids_read_back_with_merged_cells() -> None:
    timetable = multi_room()
    for tables in (docx_rows(agenda.to_docx(timetable, lang="en")),
                   hwpx_rows(agenda.to_hwpx(timetable, lang="en"))):
        assert len(tables) == 2  # a table per day
        first = tables[0]
        assert first[0] == ["Time", "Room A", "Room B", "Room C"]
        assert first[1] == ["09:00–09:30\n(30 min)", "Registration", COVERED, COVERED]
        assert first[4] == ["", "Data", "Web", "Civic tech"]
        # Room C's hands-on session spans the four rows of the morning block.
        assert first[5][3] is not None and first[5][3].startswith(
            "10:15–11:45 Hands-on: publishing a city budget")
        assert [row[3] for row in first[6:9]] == [COVERED] * 3


def test_multi_day_without_rooms_has_a_heading_and_table_per_day() -> None:
    timetable = multi_day()
    document = docx.Document(io.BytesIO(agenda.to_docx(timetable)))
    headings = [p.text for p in document.paragraphs if p.text.startswith("2024-09-0")]
    assert headings == ["2024-09-02(월) 09:00~10:30", "2024-09-03(화) 10:00~11:40"]
    tables = hwpx_rows(agenda.to_hwpx(timetable))
    assert [table[0] for table in tables] == [["시간", "내용"], ["시간", "내용"]]
    assert tables[1][1][1] == "분임 토의\n10:00~10:40 1분임\n10:40~11:20 2분임"


# -- random agendas, hostile text --------------------------------------------------------

@st.composite
def hostile_meetings(draw: st.DrawFn) -> Meeting:
    """A printable meeting whose titles, presenters, notes, category and place carry
    control characters, very long words, XML-special characters and emoji."""
    meeting = draw(printable_meetings())

    def worse(text: str | None) -> str | None:
        return None if text is None else text + draw(hostile_texts)

    def item(value: Item) -> Item:
        return attrs.evolve(value, title=worse(value.title), presenter=worse(value.presenter),
                            notes=draw(st.none() | hostile_texts),
                            items=[item(child) for child in value.items])

    return attrs.evolve(meeting, title=worse(meeting.title), category=worse(meeting.category),
                        location=worse(meeting.location),
                        items=[item(value) for value in meeting.items])


@settings(max_examples=max(20, settings().max_examples // 2))  # two documents an example
@given(hostile_meetings(), st.sampled_from(["ko", "en"]))
def test_random_agendas_validate_and_read_back_to_the_same_rows(meeting: Meeting,
                                                                lang: str) -> None:
    timetable = agenda.layout(meeting)
    rows = expected_rows(timetable, lang)
    assert docx_rows(agenda.to_docx(timetable, lang=lang)) == [rows]
    data = agenda.to_hwpx(timetable, lang=lang)
    assert_valid_hwpx(data)
    assert hwpx_rows(data) == [rows]


@settings(max_examples=max(10, settings().max_examples // 4))  # two room grids an example
@given(conference_meetings())
def test_random_conferences_validate_and_keep_every_item(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    data = agenda.to_hwpx(timetable, lang="en")
    assert_valid_hwpx(data)
    for tables in (hwpx_rows(data), docx_rows(agenda.to_docx(timetable, lang="en"))):
        assert len(tables) == len(timetable.days)
        cells = "\n".join(cell for table in tables for row in table for cell in row
                          if cell is not None)
        for slot in timetable:
            assert slot.title in cells, slot.number
        for table in tables:  # every row spans the whole width
            assert len({len(row) for row in table}) == 1


# -- LibreOffice prints the DOCX ---------------------------------------------------------

def print_docx(data: bytes, folder: Path) -> Path:
    """The DOCX printed to PDF by LibreOffice (headless, its own profile folder)."""
    soffice = which("soffice")
    require_tool("LibreOffice Writer (libreoffice-writer-nogui)", soffice is not None)
    require_tool("pdftotext (poppler-utils)", which("pdftotext") is not None)
    source = folder / "agenda.docx"
    source.write_bytes(data)
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([str(soffice), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=120)
    return folder / "agenda.pdf"


@pytest.mark.parametrize("name", sorted(MEETINGS))
def test_libreoffice_prints_every_time_and_title_inside_the_a4_margins(
        name: str, tmp_path: Path) -> None:
    timetable = MEETINGS[name]()
    lang = "en" if name == "multi-room" else "ko"
    pdf = print_docx(agenda.to_docx(timetable, lang=lang), tmp_path)
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    if timetable.meeting.uses_rooms:
        timetable = agenda.translate(timetable, lang)
        assert_in_order(raw, [slot.title for slot in timetable if slot.depth == 0])
        for span in shown_times(timetable, lang):
            assert squeeze(span) in squeeze(raw), span
        for slot in timetable:
            assert squeeze(slot.title) in squeeze(raw), slot.title
    else:
        assert_in_order(raw, [piece for pair in time_and_title(timetable, lang)
                              for piece in pair])
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, timeout=60, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">', boxes)
    landscape = timetable.meeting.uses_rooms
    size = (842, 595) if landscape else (595, 842)
    assert pages and all((round(float(w)), round(float(h))) == size for w, h in pages)
    top, right, bottom, left = (12, 10, 14, 10) if landscape else (16, 14, 18, 14)
    points = 72 / 25.4
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"'
                       r">([^<]*)</word>", boxes)
    assert words
    for x0, y0, x1, y1, word in words:
        assert float(x0) >= left * points - 1 and float(x1) <= size[0] - right * points + 1, word
        assert float(y0) >= top * points - 1 and float(y1) <= size[1] - bottom * points + 1, word


def test_a_long_word_wraps_inside_its_cell(tmp_path: Path) -> None:
    meeting = agenda.reference_meeting()
    items = list(meeting.items)
    items[5] = attrs.evolve(items[5], title="토론" + "X" * 150)
    timetable = agenda.layout(attrs.evolve(meeting, items=tuple(items)))
    pdf = print_docx(agenda.to_docx(timetable), tmp_path)
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, timeout=60, check=True).stdout
    right = 595 - 14 / 25.4 * 72
    words = re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', boxes)
    assert all(float(x) <= right + 1 for x, _ in words)
    assert "".join(w for _, w in words).count("X" * 150) == 1  # all of it, over lines


# -- the command line and the missing extra ----------------------------------------------

@pytest.mark.parametrize("fmt", ["docx", "hwpx"])
def test_the_table_command_writes_the_file(fmt: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from agenda.cli import cli

    out = tmp_path / f"agenda.{fmt}"
    result = CliRunner().invoke(cli, ["table", str(EXAMPLES / "reference-meeting.toml"),
                                      "--format", fmt, "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    timetable = agenda.layout(agenda.load(EXAMPLES / "reference-meeting.toml"))
    assert out.read_bytes() == agenda.render(timetable, fmt, agenda.RenderOptions(lang="en"))


@pytest.mark.parametrize(("fmt", "library"), [("docx", "docx"), ("hwpx", "hwpx")])
def test_a_missing_library_names_the_extra(fmt: str, library: str,
                                           monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    from click.testing import CliRunner

    from agenda.cli import cli

    monkeypatch.setitem(__import__("sys").modules, library, None)  # import raises ImportError
    with pytest.raises(agenda.AgendaError, match=r"pip install 'agenda\[office\]'"):
        agenda.render(reference(), fmt)
    out = tmp_path / f"agenda.{fmt}"
    result = CliRunner().invoke(cli, ["table", str(EXAMPLES / "reference-meeting.toml"),
                                      "--format", fmt, "-o", str(out)])
    assert result.exit_code == 2 and "agenda[office]" in result.output
    assert not out.exists()


def test_publish_without_the_extra_warns_and_leaves_the_documents_out(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    now = dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC)
    with pytest.warns(RuntimeWarning, match=r"no agenda\.docx and agenda\.hwpx"):
        agenda.publish_site(agenda.reference_meeting(), tmp_path, now=now)
    names = {p.name for p in (tmp_path / "versions" / "0001").iterdir()}
    assert "agenda.html" in names and not names & {"agenda.docx", "agenda.hwpx"}


def test_publish_adds_the_documents_in_the_release_language(tmp_path: Path) -> None:
    now = dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC)
    agenda.publish_site(agenda.reference_meeting(), tmp_path, now=now, lang="en")
    release = tmp_path / "versions" / "0001"
    timetable = reference()
    assert (release / "agenda.docx").read_bytes() == agenda.to_docx(timetable, lang="en")
    assert (release / "agenda.hwpx").read_bytes() == agenda.to_hwpx(timetable, lang="en")
    assert docx_rows((release / "agenda.docx").read_bytes())[0][0] == [
        "Category", "Time", "Item", "Notes"]
