"""Planned against actual: `report`, its formats, and `agenda report`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda import ActualLog, Meeting, layout, render_report, report
from agenda.cli import cli
from conftest import EXAMPLES, require_tool
from strategies import actual_logs, meetings

REF = agenda.load(EXAMPLES / "reference-meeting.toml")
REHEARSAL = ActualLog.read((EXAMPLES / "rehearsal.log.toml").read_text("utf-8"), REF)


@given(meetings(), st.data())
def test_over_and_under_add_up_as_the_timetable_does(meeting: Meeting,
                                                     data: st.DataObject) -> None:
    log, happened = data.draw(actual_logs(meeting))
    found = report(log)
    planned = layout(meeting)
    rows = {row.path: row for row in found.rows}
    assert [row.path for row in found.rows] == [slot.path for slot in planned]
    for slot in planned:  # the planned side is the timetable's, row by row
        row = rows[slot.path]
        assert (row.planned_start_utc, row.planned_end_utc, row.planned_minutes) == (
            slot.start_utc, slot.end_utc, slot.minutes)
    for item in happened:  # each item: its actual end against its planned end
        row = rows[item.slot.path]
        assert (row.actual_start_utc, row.actual_end_utc) == (item.start, item.end)
        assert row.over_seconds == (None if item.end is None else item.end - item.slot.end_utc)
    held = {item.slot.path for item in happened}
    leaves = [s for s in planned if not s.is_block]
    assert [r.path for r in found.rows if r.status == "not-started" and not r.is_block] == [
        s.path for s in leaves if s.path not in held]
    for block in (s for s in planned if s.is_block):  # a block: from its items
        inner = [i for i in happened if i.slot.number.startswith(f"{block.number}.")]
        row = rows[block.path]
        if not inner:
            assert row.status == "not-started" and row.over_seconds is None
        elif any(i.end is None for i in inner):
            assert row.status == "running" and row.actual_start_utc == inner[0].start
        else:
            assert row.over_seconds == inner[-1].end - block.end_utc
    meeting_row = found.meeting
    last = happened[-1]
    if last.end is None:
        assert meeting_row.over_seconds is None and meeting_row.status == "running"
    else:
        # The meeting: its last actual end against its planned end, which is the late
        # start, plus what each item held took more or less than planned, plus the
        # pauses, less what the items never held would have taken.
        assert meeting_row.over_seconds == last.end - planned.end_utc
        held_rows = [rows[item.slot.path] for item in happened]
        assert meeting_row.over_seconds == (
            (happened[0].start - planned.start_utc)
            + sum(r.actual_seconds - r.planned_minutes * 60 for r in held_rows
                  if r.actual_seconds is not None)
            + sum(item.pause for item in happened)
            - sum(s.minutes * 60 for s in leaves if s.path not in held))
        over = meeting_row.over
        assert over is not None
        shown = render_report(found, "text", "en").splitlines()[-3].split()[-2:]
        assert shown == [("+" if over > 0 else "-" if over < 0 else "±") + str(abs(over)),
                         "min"]


def test_the_rehearsed_run_of_the_reference_meeting() -> None:
    found = report(REHEARSAL)
    assert render_report(found, "text", "en").splitlines() == [
        "Planned against actual: Global Innovation Special Zones: regions–ministry policy "
        "consultation",
        "2024-03-13 Asia/Seoul",
        "",
        "No   Item                                                         Planned      Actual"
        "             Planned min  Actual min  Over/under",
        "1    Photo session                                                14:00–14:02  "
        "14:03:00–14:05:10        2 min       2 min      +3 min",
        "2    Opening and introduction of the attendees                    14:02–14:04  "
        "14:05:10–14:08:00        2 min       3 min      +4 min",
        "3    Greeting by the vice-minister                                14:04–14:07  "
        "14:08:00–14:11:40        3 min       4 min      +5 min",
        "4    Preparation of each region's Global Innovation Special Zone  14:07–14:27  "
        "14:11:40–14:27:15       20 min      16 min      ±0 min",
        "4.1    Busan                                                      14:07–14:12  "
        "14:11:40–14:17:30        5 min       6 min      +6 min",
        "4.2    Gangwon                                                    14:12–14:17  "
        "14:17:30–14:22:00        5 min       5 min      +5 min",
        "4.3    Chungbuk                                                   14:17–14:22  "
        "not started              5 min           —           —",
        "4.4    Jeonnam                                                    14:22–14:27  "
        "14:22:00–14:27:15        5 min       5 min      ±0 min",
        "5    Cooperation of the ministry and the regions                  14:27–14:32  "
        "14:27:15–14:33:00        5 min       6 min      +1 min",
        "6    Discussion                                                   14:32–14:57  "
        "14:33:00–14:55:30       25 min      23 min      -2 min",
        "7    Closing remarks by the vice-minister                         14:57–15:00  "
        "14:55:30–14:59:00        3 min       4 min      -1 min",
        "     Meeting                                                      14:00–15:00  "
        "14:03:00–14:59:00       60 min      56 min      -1 min",
        "",
        "Never started: 4.3 Chungbuk",
    ]
    korean = render_report(found, "text", "ko")
    assert "1     사진촬영" in korean and "+3분" in korean
    assert korean.endswith("\n진행하지 않은 항목: 4.3 충북\n")
    assert [r.number for r in found.never_started] == ["4.3"]


def test_a_block_logged_as_a_whole_stands_for_its_items() -> None:
    log = ActualLog(REF).started("regional-reports", "14:09").ended("regional-reports",
                                                                     "14:31:30")
    found = report(log)
    rows = {r.number: r for r in found.rows}
    assert (rows["4"].status, rows["4"].over_seconds) == ("done", 270)
    assert {rows[n].status for n in ("4.1", "4.2", "4.3", "4.4")} == {"in-block"}
    assert [r.number for r in found.never_started] == ["1", "2", "3", "5", "6", "7"]
    assert "with its block" in render_report(found, "text", "en")


def test_csv_and_json_carry_the_exact_seconds() -> None:
    found = report(REHEARSAL)
    rows = list(csv.reader(io.StringIO(render_report(found, "csv", "en"))))
    assert rows[0] == ["no", "title", "depth", "planned_start", "planned_end",
                       "planned_minutes", "actual_start", "actual_end", "actual_minutes",
                       "over_minutes", "over_seconds", "status"]
    assert rows[4] == ["4", "Preparation of each region's Global Innovation Special Zone", "0",
                       "2024-03-13T14:07:00+09:00", "2024-03-13T14:27:00+09:00", "20",
                       "2024-03-13T14:11:40+09:00", "2024-03-13T14:27:15+09:00", "16", "0",
                       "15", "done"]
    assert rows[7][-5:] == ["", "", "", "", "not started"]
    assert rows[-1][:3] == ["", "Global Innovation Special Zones: regions–ministry policy "
                            "consultation", "-1"]
    data = json.loads(render_report(found, "json", "ko"))
    assert data["meeting"]["over_seconds"] == -60 and data["never_started"] == ["4.3"]
    assert data["items"][0] == {
        "no": "1", "title": "사진촬영", "depth": 0, "path": ["photo"],
        "planned_start": "2024-03-13T14:00:00+09:00", "planned_end": "2024-03-13T14:02:00+09:00",
        "planned_minutes": 2, "actual_start": "2024-03-13T14:03:00+09:00",
        "actual_end": "2024-03-13T14:05:10+09:00", "actual_minutes": 2, "actual_seconds": 130,
        "over_minutes": 3, "over_seconds": 190, "status": "done"}


def test_markdown_and_html_escape_what_the_titles_hold() -> None:
    odd = Meeting("a | b <i>", "2024-03-13", "14:00", "Asia/Seoul", [
        agenda.Item("x | <script>", minutes=5, id="x"), agenda.Item("=1+1", minutes=5)])
    found = report(ActualLog(odd).started("x", "14:00").ended("x", "14:06"))
    markdown = render_report(found, "markdown", "en")
    assert "| 1 | x \\| \\<script\\> |" in markdown
    page = render_report(found, "html", "en")
    assert "<script>" not in page and "x | &lt;script&gt;" in page
    assert '<td class="num late">+1 min</td>' in page
    sheet = render_report(found, "csv", "en")
    assert "'=1+1" in sheet  # no formula for the spreadsheet


def test_the_pdf_report_holds_its_rows() -> None:
    require_tool("WeasyPrint", _weasyprint())
    import pypdf

    pdf = render_report(report(REHEARSAL), "pdf", "ko")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "예정 대비 실제" in text.replace("\x01", " ") and "+3분" in text


def _weasyprint() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def test_unknown_formats_and_languages_are_refused() -> None:
    found = report(REHEARSAL)
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        render_report(found, "xlsx")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        render_report(found, "text", "fr")


# -- agenda report ---------------------------------------------------------------------
def test_agenda_report_reads_the_log_beside_the_spec_or_the_one_named(tmp_path: Path) -> None:
    spec = tmp_path / "meeting.toml"
    spec.write_bytes((EXAMPLES / "reference-meeting.toml").read_bytes())
    runner = CliRunner()
    missing = runner.invoke(cli, ["report", str(spec)])
    assert missing.exit_code == 2 and "there is no log yet" in missing.stderr
    named = runner.invoke(cli, ["report", str(spec), "--log",
                                str(EXAMPLES / "rehearsal.log.toml"), "--format", "markdown"])
    assert named.exit_code == 0, named.output
    assert named.stdout.startswith("# 예정 대비 실제: 글로벌 혁신특구 지자체-중기부 정책협의\n")
    spec.with_name("meeting.log.toml").write_bytes(
        (EXAMPLES / "rehearsal.log.toml").read_bytes())
    out = tmp_path / "report.csv"
    written = runner.invoke(cli, ["report", str(spec), "--format", "csv", "--bom", "-o",
                                  str(out), "--lang", "en"])
    assert written.exit_code == 0, written.output
    assert out.read_text("utf-8").startswith("\ufeffno,title,depth")


def test_agenda_report_of_a_contradictory_log_prints_its_problems_and_exits_1(
        tmp_path: Path) -> None:
    spec = tmp_path / "meeting.toml"
    spec.write_bytes((EXAMPLES / "reference-meeting.toml").read_bytes())
    spec.with_name("meeting.log.toml").write_text(
        "photo.start = 2024-03-13T14:03:00+09:00\nphoto.end = 2024-03-13T14:02:00+09:00\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(spec), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout.endswith('line 2: 1 "사진촬영": ends at 14:02, before it starts at '
                                  "14:03\n")
