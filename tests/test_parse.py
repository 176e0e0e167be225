"""Parse: the seed press release reads back as the reference meeting; problems name
their lines; the CLI's exit codes and --emit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import agenda
from agenda.cli import cli
from conftest import SEED, require_seed

PRESS = SEED / "press-release-2024-03-13.txt"
DAY = dt.date(2024, 3, 13)


def slots(timetable: agenda.Timetable) -> list[tuple[str, str, str, str]]:
    return [(s.number, " ".join(s.title.split()), s.start.isoformat(), s.end.isoformat())
            for s in timetable]


def times(timetable: agenda.Timetable) -> list[tuple[str, str, str]]:
    return [(s.number, s.start.isoformat(), s.end.isoformat()) for s in timetable]


@pytest.fixture(scope="module")
def press() -> str:
    """The seed press release, read where it is (its prose is not copied here)."""
    require_seed()
    return PRESS.read_text(encoding="utf-8")


def test_press_release_reads_as_the_reference_meeting(press: str) -> None:
    result = agenda.parse_text(press, date=DAY, tz="Asia/Seoul")
    assert result.problems == ()
    assert result.ok
    parsed = agenda.layout(result.meeting)
    reference = agenda.layout(agenda.reference_meeting())
    assert times(parsed) == times(reference)
    top = [s.title for s in parsed if s.depth == 0]
    assert top == ["사진촬영", "개회 및 참석자 소개", "차관 인사말씀",
                   "지자체별 글로벌 혁신 특구 준비현황 발표", "중기부·지자체", "토론",
                   "차관 맺음말씀"]
    assert [s.title for s in parsed if s.depth == 1] == ["부산", "강원", "충북", "전남"]
    meeting = result.meeting
    assert (meeting.title, meeting.location, meeting.category, meeting.weekday) == (
        "글로벌 혁신특구 지자체-중기부 정책협의", "강원도 원주 의료기기테크노밸리", "정책 협의",
        "수")
    assert meeting.end == dt.time(15, 0)
    regional = meeting.items[3]
    assert regional.notes == "실증계획, 특구별 규제특례 부처협의 현황, 실증 안전성 확보방안 포함"
    assert meeting.items[4].presenter == "특구정책과장"
    assert meeting.items[1].notes == "4층 회의실 사회"


def test_a_wrong_time_is_reported_at_its_line(press: str) -> None:
    lines = press.split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("14:32~14:57"))
    lines[at] = lines[at].replace("14:32~14:57", "14:32~14:55")
    result = agenda.parse_text("\n".join(lines), date=DAY, tz="Asia/Seoul")
    found = [(p.code, p.line, p.number) for p in result.problems]
    assert found == [("stated-duration", at + 1, "6"), ("row-gap", at + 3, "7")]
    assert "states 25 min, but 14:32~14:55 is 23 min" in result.problems[0].message()


def test_a_weekday_that_does_not_match_is_reported(press: str) -> None:
    text = press.replace("3.13(수) 14:00~15:00", "3.13(목) 14:00~15:00")
    line = text.split("\n").index(next(x for x in text.split("\n") if "3.13(목)" in x)) + 1
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert [(p.code, p.line) for p in result.problems] == [("weekday-mismatch", line)]
    assert result.meeting.weekday is None


def test_no_year_and_no_date_is_a_parse_error(press: str) -> None:
    with pytest.raises(agenda.ParseError, match="no year") as caught:
        agenda.parse_text(press, tz="Asia/Seoul")
    assert caught.value.line is not None


def test_text_without_times_is_a_parse_error() -> None:
    with pytest.raises(agenda.ParseError, match="no agenda found"):
        agenda.parse_text("Dear all,\nsee you on Monday.\n", date=DAY)


def test_unknown_zone_is_a_parse_error(press: str) -> None:
    with pytest.raises(agenda.ParseError, match="unknown time zone"):
        agenda.parse_text(press, date=DAY, tz="Mars/Olympus")


@pytest.mark.parametrize(("fmt", "lang"), [(f, lang) for f in ("text", "markdown", "csv")
                                           for lang in ("ko", "en")])
def test_the_reference_tables_read_back(fmt: str, lang: str) -> None:
    reference = agenda.layout(agenda.reference_meeting())
    document = agenda.render(reference, fmt, agenda.RenderOptions(lang=lang))
    assert isinstance(document, str)
    result = agenda.parse_text(document, tz="Asia/Seoul")
    assert result.problems == ()
    assert result.format == fmt
    # The table shows the texts of its language (the reference translates every one).
    assert slots(agenda.layout(result.meeting)) == slots(agenda.translate(reference, lang))


# -- the command line ------------------------------------------------------------------


def test_cli_prints_the_reference_timetable_and_no_problem(runner: CliRunner,
                                                           press: str) -> None:
    result = runner.invoke(cli, ["parse", str(PRESS), "--date", "2024-03-13",
                                 "--tz", "Asia/Seoul"])
    assert result.exit_code == 0, result.output
    assert "| 14:07~14:27 ('20) | 지자체별 글로벌 혁신 특구 준비현황 발표 |" in result.output
    assert "14:22~14:27 전남" in result.output
    assert "line " not in result.output


def test_cli_reports_a_wrong_time_with_its_line(runner: CliRunner, tmp_path: Path,
                                                press: str) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(press.replace("14:04~14:07 (’3)", "14:04~14:08 (’3)"), encoding="utf-8")
    line = press.split("\n").index(next(x for x in press.split("\n")
                                        if x.startswith("14:04~14:07"))) + 1
    result = runner.invoke(cli, ["parse", str(wrong), "--date", "2024-03-13",
                                 "--tz", "Asia/Seoul", "--lang", "en"])
    assert result.exit_code == 1
    assert f'line {line}: 3 "차관 인사말씀": states 3 min, but 14:04~14:08 is 4 min' in (
        result.output)
    assert "overlap" not in result.output
    assert f'line {line + 2}: 4 "지자체별 글로벌 혁신 특구 준비현황 발표": starts at 14:07, ' \
           "1 min before the item above it ends (14:08)" in result.output


def test_cli_unreadable_input_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(cli, ["parse", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\xff\xfe14:00")
    assert runner.invoke(cli, ["parse", str(binary)]).exit_code == 2
    prose = tmp_path / "prose.txt"
    prose.write_text("No times here.\n", encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(prose)])
    assert result.exit_code == 2
    assert "no agenda found" in result.output


@pytest.mark.parametrize("emit", ["toml", "json"])
def test_cli_emit_gives_back_the_same_times(runner: CliRunner, tmp_path: Path,
                                            emit: str, press: str) -> None:
    out = tmp_path / f"meeting.{emit}"
    result = runner.invoke(cli, ["parse", str(PRESS), "--date", "2024-03-13", "--tz",
                                 "Asia/Seoul", "--emit", emit, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert times(agenda.layout(agenda.load(out))) == times(
        agenda.layout(agenda.reference_meeting()))
    if emit == "json":
        assert json.loads(out.read_text("utf-8"))["meeting"]["timezone"] == "Asia/Seoul"
    checked = runner.invoke(cli, ["check", str(out)])
    assert checked.exit_code == 0, checked.output


def test_cli_emit_to_stdout_keeps_problems_apart(tmp_path: Path, press: str) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(press.replace("14:32~14:57 (’25)", "14:32~14:57 (’20)"), "utf-8")
    result = CliRunner().invoke(cli, ["parse", str(wrong), "--date", "2024-03-13",
                                      "--tz", "Asia/Seoul", "--emit", "toml"])
    assert result.exit_code == 1
    assert agenda.loads(result.stdout).items[5].minutes == 25
    assert "20분이라고 적혀 있지만" in result.stderr  # a Korean document: Korean messages


# -- what real agendas write --------------------------------------------------------


RANGES = [  # (the first row's range, the second row's)
    ("14:00~14:02", "14:02~14:07"), ("14:00-14:02", "14:02-14:07"),
    ("14:00–14:02", "14:02–14:07"), ("14시 00분~14시 02분", "14시 02분~14시 07분"),
    ("2:00 PM–2:02 PM", "2:02 PM–2:07 PM"), ("2:00–2:02 PM", "2:02–2:07 PM"),
    ("오후 2시~오후 2시 2분", "오후 2시 2분~오후 2시 7분"),
    ("2:00 p.m. to 2:02 p.m.", "2:02 to 2:07 pm"),
]


@pytest.mark.parametrize(("first", "second"), RANGES)
@pytest.mark.parametrize("stated", ["('{}')", "('{})", "(’{})", "({}')", "{}분", "({} min)",
                                    "{}m", "({}분)"])
def test_time_ranges_and_stated_durations(first: str, second: str, stated: str) -> None:
    text = f"{first} {stated.format(2)} ▪Opening\n{second} {stated.format(5)} ▪Talk\n"
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert result.problems == (), [str(p) for p in result.problems]
    timetable = agenda.layout(result.meeting)
    assert [(s.start.format("HH:mm"), s.minutes, s.title) for s in timetable] == [
        ("14:00", 2, "Opening"), ("14:02", 5, "Talk")]
    wrong = agenda.parse_text(text.replace(stated.format(5), stated.format(4)), date=DAY,
                              tz="Asia/Seoul")
    assert [(p.code, p.line) for p in wrong.problems] == [("stated-duration", 2)]


@pytest.mark.parametrize("bullet", ["▪", "-", "•", "○", "◦", "1.", "(1)", "①"])
def test_bullets_before_a_row_or_a_title(bullet: str) -> None:
    text = f"{bullet} 09:00~09:30 Welcome\n09:30~10:00\n{bullet} Keynote\n"
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert [item.title for item in result.meeting.items] == ["Welcome", "Keynote"]
    assert result.ok


def test_a_stated_duration_that_disagrees_names_both() -> None:
    result = agenda.parse_text("09:00~09:30 (’20) ▪Welcome\n", date=DAY, tz="Asia/Seoul")
    (problem,) = result.problems
    assert (problem.code, problem.line, problem.number) == ("stated-duration", 1, "1")
    assert problem.message() == "states 20 min, but 09:00~09:30 is 30 min"


def test_times_out_of_order_and_an_uneven_arrow_list() -> None:
    text = ("10:00~10:30 ▪Reports\n"
            "  ※ North → South → East → West\n"
            "09:30~10:00 ▪Opening\n")
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert [(p.code, p.line, p.number) for p in result.problems] == [
        ("uneven-order", 2, "1"), ("out-of-order", 3, "2")]
    assert "30 min do not split into 4 equal whole-minute parts" in result.problems[0].message()


def test_rows_that_do_not_fill_the_stated_window() -> None:
    text = ("When: 2024-03-13 (Wed) 09:00-10:00 (Asia/Seoul)\n"
            "09:05-09:30 Opening\n"
            "09:30-09:50 Talk\n")
    result = agenda.parse_text(text)
    assert [(p.code, p.line) for p in result.problems] == [("window-start", 2),
                                                          ("window-end", 3)]
    assert "the stated time (line 1) ends at 10:00" in result.problems[1].message()
    assert result.meeting.end is None  # the window is not declared when it is not filled


def test_a_gap_is_kept_as_a_fixed_time_in_the_spec() -> None:
    text = "09:00-09:30 Opening\n09:45-10:00 Closing\n"
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert [(p.code, p.line) for p in result.problems] == [("row-gap", 2)]
    closing = result.meeting.items[1]
    assert (closing.at, closing.gap_ok) == (dt.time(9, 45), True)
    reread = agenda.load_toml(agenda.dump_toml(result.meeting))
    assert [s.start.format("HH:mm") for s in agenda.layout(reread)] == ["09:00", "09:45"]


def test_stdin_and_json_emit(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["parse", "-", "--date", "2024-03-13", "--tz", "UTC",
                                 "--emit", "json"], input="09:00-09:30 Opening\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["items"] == [
        {"title": "Opening", "minutes": 30, "kind": "ceremony", "id": "opening"}]


def test_a_date_without_a_year_takes_the_year_of_another_date_in_the_document() -> None:
    text = ("Released 2025-01-20\n\n"
            "(일시) 1.22(수) 10:00~10:30\n"
            "10:00~10:30 ▪Briefing\n")
    result = agenda.parse_text(text, tz="Asia/Seoul")
    assert result.meeting.date == dt.date(2025, 1, 22)
    assert result.ok


@pytest.mark.parametrize("gap", ["빈 시간 15분", "Gap, 15 min"])
def test_a_row_that_says_the_time_is_left_empty_is_no_item(gap: str) -> None:
    text = f"09:00~09:30 Opening\n09:30~09:45 {gap}\n09:45~10:00 Closing\n"
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert result.problems == ()
    assert [item.title for item in result.meeting.items] == ["Opening", "Closing"]
    assert (result.meeting.items[1].at, result.meeting.items[1].gap_ok) == (dt.time(9, 45), True)


def test_parse_speaks_the_language_asked_for(tmp_path: Path) -> None:
    """parse printed its problems, and the "no time zone" warning, in English always."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Meeting 2024-03-13\n14:00-14:30 Opening\n14:20-15:00 Talk\n", "utf-8")
    runner = CliRunner()
    korean = runner.invoke(cli, ["parse", str(draft), "--date", "2024-03-13", "--lang", "ko"])
    assert korean.exit_code == 1
    assert korean.stdout.splitlines()[-1] == (
        '3행: 2 "Talk": 14:20에 시작해 위 항목이 끝나는 14:30보다 10분 이릅니다')
    assert korean.stderr == ("경고: 문서에 시간대가 없어 UTC으로 읽었습니다 (--tz ZONE으로 "
                             "지정하십시오)\n")
    english = runner.invoke(cli, ["parse", str(draft), "--date", "2024-03-13"])
    assert english.stdout.splitlines()[-1] == (
        'line 3: 2 "Talk": starts at 14:20, 10 min before the item above it ends (14:30)')
    assert english.stderr.startswith("warning: the document names no time zone; read as UTC")


# -- rows that used to be dropped or misread --------------------------------------------


def _titles(text: str, **options: object) -> list[tuple[str, int | None]]:
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul", **options)  # type: ignore[arg-type]
    return [(item.title, item.minutes) for item in result.meeting.items]


def test_rows_past_24_00_continue_the_night_instead_of_joining_a_note() -> None:
    text = "22:00-23:00 Stalls\n23:00-24:00 Band\n24:00-25:30 Food tour\n"
    assert _titles(text) == [("Stalls", 60), ("Band", 60), ("Food tour", 90)]


def test_times_with_seconds_keep_every_row_and_say_so() -> None:
    text = "14:00:30~14:10 Check\n14:10~14:20 Rehearsal\n14:20~14:30 Debrief\n"
    result = agenda.parse_text(text, date=DAY, tz="UTC")
    assert [item.title for item in result.meeting.items] == ["Check", "Rehearsal", "Debrief"]
    assert [(p.code, p.line) for p in result.problems] == [("seconds-dropped", 1)]


def test_full_width_digits_a_wave_dash_and_a_full_width_duration_are_read_and_checked() -> None:
    text = "１４：００〜１４：４０ 개회 （４０분）\n１４：４０〜１５：００ 토론 （３０분）\n"
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert [(i.title, i.minutes) for i in result.meeting.items] == [("개회", 40), ("토론", 20)]
    assert [(p.code, p.line, p.number) for p in result.problems] == [("stated-duration", 2, "2")]


def test_an_ascii_pdf_is_refused_not_read_as_an_agenda_titled_stream() -> None:
    pdf = "%PDF-1.4\n1 0 obj\n<< /Length 20 >>\nstream\n09:00-09:30 Opening\nendstream\n"
    with pytest.raises(agenda.ParseError, match="is a PDF") as caught:
        agenda.parse_text(pdf, date=DAY)
    assert "PDF입니다" in caught.value.text("ko")


def test_the_markdown_depth_column_nests_rows() -> None:
    text = ("| depth | time | item |\n| --- | --- | --- |\n| 0 | 09:00~10:00 | Block |\n"
            "| 1 | 09:00~09:30 | A |\n| 1 | 09:30~10:00 | B |\n")
    result = agenda.parse_text(text, date=DAY, tz="UTC")
    assert result.ok
    (block,) = result.meeting.items
    assert [child.title for child in block.items] == ["A", "B"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv"])
def test_agendas_own_tables_read_back_across_the_fall_back_hour(fmt: str) -> None:
    meeting = agenda.Meeting("Night shift", "2024-11-03", "00:30", "America/New_York", [
        agenda.Item("A", minutes=60), agenda.Item("B", minutes=60),
        agenda.Item("C", minutes=60), agenda.Item("D", minutes=30)], language="en")
    timetable = agenda.layout(meeting)
    document = agenda.render(timetable, fmt, agenda.RenderOptions(lang="en"))
    assert isinstance(document, str)
    result = agenda.parse_text(document)
    assert [(s.start_utc, s.end_utc) for s in agenda.layout(result.meeting)] == [
        (s.start_utc, s.end_utc) for s in timetable]


@pytest.mark.parametrize("header", ["Date: 2024-03-13", "When: Wednesday, March 13, 2024"])
def test_a_date_or_when_line_at_the_top_gives_the_date(header: str) -> None:
    result = agenda.parse_text(f"{header}\n\n14:00~14:30 Opening\n14:30~15:00 Talk\n", tz="UTC")
    assert result.meeting.date == DAY


def test_korean_noon_words_keep_their_row() -> None:
    text = ("오전 11시 ~ 오전 11시 50분 의견 청취\n오전 11시 50분 ~ 낮 12시 20분 사업 설명\n"
            "낮 12시 20분 ~ 오후 1시 환담\n")
    assert _titles(text) == [("의견 청취", 50), ("사업 설명", 30), ("환담", 40)]


def test_a_cp949_file_gets_an_iconv_hint(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_bytes("일시: 2024. 3. 13.\n14:00~14:30 개회\n".encode("cp949"))
    result = runner.invoke(cli, ["parse", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "iconv -f cp949 -t utf-8" in result.output and "agenda.txt" in result.output
    result = runner.invoke(cli, ["parse", str(path), "--lang", "ko"])
    assert "UTF-8 텍스트가 아닙니다" in result.output and "iconv" in result.output


def test_parse_speaks_korean_with_lang_ko_and_for_korean_documents(runner: CliRunner,
                                                                   tmp_path: Path) -> None:
    english = tmp_path / "en.txt"
    english.write_text("09:00-09:30 Opening (20 min)\n", "utf-8")
    result = runner.invoke(cli, ["parse", str(english), "--date", "2024-03-13", "--tz", "UTC",
                                 "--lang", "ko"])
    assert result.exit_code == 1
    assert "1행: 1 \"Opening\": 20분이라고 적혀 있지만" in result.output
    korean = tmp_path / "ko.txt"
    korean.write_text("09:00~09:30 개회 (20분)\n", "utf-8")
    result = runner.invoke(cli, ["parse", str(korean), "--tz", "Asia/Seoul"])
    assert result.exit_code == 2
    assert result.output.startswith("오류: ") and "날짜가 없습니다" in result.output


def test_an_open_last_row_is_kept_with_a_warning_and_a_length_the_user_gives() -> None:
    text = "10:30~11:10 제례\n11:10~12:00 추모식\n12:00~ 오찬\n"
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert [(i.title, i.minutes) for i in result.meeting.items] == [
        ("제례", 40), ("추모식", 50), ("오찬", 30)]
    assert [(p.code, p.line, p.severity) for p in result.problems] == [
        ("open-end", 3, agenda.Severity.WARNING)]
    longer = agenda.parse_text(text, date=DAY, tz="Asia/Seoul", open_end=90)
    assert longer.meeting.items[-1].minutes == 90


def test_emit_keeps_the_events_own_title_and_ids_a_person_would_keep(runner: CliRunner,
                                                                     tmp_path: Path) -> None:
    release = tmp_path / "release.txt"
    release.write_text(
        "보 도 자 료\n\n항만 안전 캠페인, 시민과 함께 연다\n\n 시는 캠페인을 연다고 밝혔다.\n\n"
        "붙임  항만 안전 캠페인 개요\n\n□ 일 시 : 2024. 3. 13.(수) 10:00~11:00\n\n"
        "10:00~10:10 개회\n10:10~10:40 안전 교육\n10:40~11:00 질의응답\n", "utf-8")
    result = runner.invoke(cli, ["parse", str(release), "--tz", "Asia/Seoul", "--emit", "toml"])
    assert result.exit_code == 0, result.output
    meeting = agenda.loads(result.stdout)
    assert meeting.title == "항만 안전 캠페인"
    assert [item.id for item in meeting.items] == ["opening", "talk", "discussion"]


def test_parse_text_of_something_other_than_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="parse_text reads a str"):
        agenda.parse_text(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("zone", ["Asia", "A" * 300])
def test_a_folder_of_the_zone_database_or_a_long_name_is_an_unknown_zone(zone: str) -> None:
    with pytest.raises(agenda.ParseError, match="unknown time zone"):
        agenda.parse_text("09:00-09:30 Opening\n", date=DAY, tz=zone)


def test_a_title_that_starts_like_a_zone_mark_keeps_its_letters() -> None:
    """Found by the thorough profile: ``18:52~19:07 PW-2`` read "PW" as the end's zone
    mark (as in ``01:30 EDT–01:10 EST``) and the title as "-2"."""
    meeting = agenda.Meeting("t", dt.date(2024, 10, 6), dt.time(17), "Pacific/Chatham", [
        agenda.Item("b", minutes=30, items=[agenda.Item("x"), agenda.Item("PW-2")])])
    for lang in ("ko", "en"):
        text = agenda.to_markdown(agenda.layout(meeting), lang=lang)
        result = agenda.parse_text(text, date=meeting.date, tz=meeting.timezone)
        assert [s.title for s in agenda.layout(result.meeting)] == ["b", "x", "PW-2"]


@pytest.mark.parametrize("zone", ["Asia", "A" * 300])
def test_parse_names_a_folder_of_the_zone_database_an_unknown_zone(runner: CliRunner,
                                                                   zone: str) -> None:
    result = runner.invoke(cli, ["parse", "-", "--date", "2024-03-13", "--tz", zone],
                           input="09:00-09:30 Opening\n")
    assert result.exit_code == 2, result.output
    assert f'unknown time zone "{zone}"' in result.stderr
    with pytest.raises(agenda.ParseError, match="unknown time zone"):
        agenda.parse_text("09:00-09:30 Opening\n", date=DAY, tz=zone)


@pytest.mark.parametrize(("given", "says"), [(None, "got NoneType"),
                                             (b"09:00-09:30 a", "use parse_bytes for bytes")])
def test_parse_text_of_something_that_is_not_text_is_a_type_error(given: object,
                                                                   says: str) -> None:
    with pytest.raises(TypeError, match=says):
        agenda.parse_text(given)  # type: ignore[arg-type]


def test_a_row_of_one_cell_between_bars_is_a_row_of_its_table() -> None:
    """``| 10:30~10:40 부산 |`` (the cells beside it merged from above, as a web page or
    an HWPX table prints them) made the table finder loop for ever."""
    text = ("| 시간 | 내용 | 비고 |\n| --- | --- | --- |\n| 10:00~10:30 | 개회 | 사회 |\n"
            "| 10:30~10:50 | 발표 | 자료 |\n| 10:30~10:40 부산 |\n| 10:40~10:50 강원 |\n"
            "| 10:50~11:00 | 마무리 | |\n")
    result = agenda.parse_text(text, date=DAY, tz="Asia/Seoul")
    assert [(item.title, item.minutes) for item in result.meeting.items] == [
        ("개회", 30), ("발표", 20), ("부산", 10), ("강원", 10), ("마무리", 10)]
    assert [(p.code, p.line) for p in result.problems] == [("row-overlap", 5)]


def test_a_title_that_begins_with_a_number_of_minutes_keeps_it() -> None:
    # "1분임" is the first breakout group, not "임" stated as 1 minute; "5분간" is a duration.
    text = ("| 시간 | 내용 |\n| --- | --- |\n| 14:00~14:30 | 분임토의 |\n"
            "|  | · 14:00~14:15 1분임 |\n|  | · 14:15~14:30 2분임 |\n"
            "| 14:30~14:35 | 정리 (5분간) |\n")
    result = agenda.parse_text(text, date=dt.date(2025, 1, 1), tz="Asia/Seoul")
    assert [i.title for i in result.meeting.items[0].items] == ["1분임", "2분임"]
    assert result.meeting.items[1].title == "정리"
    assert [p.code for p in result.problems] == []
