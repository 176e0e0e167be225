"""agenda diff, agenda late and agenda edit: the command-line contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

import agenda
from agenda.cli import cli


def _swapped(tmp_path: Path, reference_spec_path: Path) -> Path:
    target = tmp_path / "swapped.toml"
    target.write_text(agenda.rewrite_spec(
        reference_spec_path.read_text("utf-8"),
        agenda.move(agenda.load(reference_spec_path), "gangwon", before="busan")), "utf-8")
    return target


def test_diff_exit_codes(runner: CliRunner, reference_spec_path: Path, tmp_path: Path) -> None:
    same = runner.invoke(cli, ["diff", str(reference_spec_path), str(reference_spec_path)])
    assert (same.exit_code, same.stdout) == (0, "")
    changed = _swapped(tmp_path, reference_spec_path)
    differ = runner.invoke(cli, ["diff", str(reference_spec_path), str(changed)])
    assert differ.exit_code == 1
    assert differ.stdout.splitlines() == ["강원: 순서 변경 4.2 → 4.1",
                                          "강원: 14:12~14:17 → 14:07~14:12",
                                          "부산: 14:07~14:12 → 14:12~14:17"]
    missing = runner.invoke(cli, ["diff", str(reference_spec_path), str(tmp_path / "no.toml")])
    assert missing.exit_code == 2
    assert "cannot read" in missing.stderr


def test_diff_json_is_empty_when_nothing_changed(runner: CliRunner,
                                                 reference_spec_path: Path,
                                                 tmp_path: Path) -> None:
    same = runner.invoke(cli, ["diff", str(reference_spec_path), str(reference_spec_path),
                               "--format", "json"])
    assert same.exit_code == 0
    assert json.loads(same.stdout) == {"changes": []}
    changed = _swapped(tmp_path, reference_spec_path)
    data = json.loads(runner.invoke(cli, ["diff", str(reference_spec_path), str(changed),
                                          "--format", "json", "--lang", "en"]).stdout)
    assert [c["kind"] for c in data["changes"]] == ["moved", "retimed", "retimed"]


def test_diff_of_an_invalid_version_compares_it_and_says_it_is_invalid(
        runner: CliRunner, reference_spec_path: Path, tmp_path: Path) -> None:
    """A changelog of a fix is the most useful changelog there is."""
    broken = tmp_path / "broken.toml"
    broken.write_text(reference_spec_path.read_text("utf-8").replace("minutes = 25",
                                                                     "minutes = 26"), "utf-8")
    result = runner.invoke(cli, ["diff", str(broken), str(reference_spec_path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == ["회의 “글로벌 혁신특구 지자체-중기부 정책협의”: "
                                              "14:00~15:01 → 14:00~15:00 (61분 → 60분)",
                                              "토론: 14:32~14:58 → 14:32~14:57 (26분 → 25분)"]
    assert result.stderr.splitlines()[0] == (
        f"note: {broken}은(는) 유효한 일정이 아닙니다 (문제 1개). 배치된 대로 비교합니다")
    assert "예정 종료 15:00보다 1분 늦습니다" in result.stderr
    data = json.loads(runner.invoke(cli, ["diff", str(broken), str(reference_spec_path),
                                          "--format", "json"]).stdout)
    assert [p["code"] for p in data["invalid"]["old"]] == ["past-end"]
    assert "new" not in data["invalid"]


def test_diff_of_a_version_that_cannot_be_laid_out_exits_2(
        runner: CliRunner, reference_spec_path: Path, tmp_path: Path) -> None:
    nowhere = tmp_path / "nowhere.toml"
    nowhere.write_text(reference_spec_path.read_text("utf-8").replace(
        'timezone = "Asia/Seoul"', 'timezone = "Mars/Olympus"'), "utf-8")
    result = runner.invoke(cli, ["diff", str(reference_spec_path), str(nowhere)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {nowhere}은(는) 유효한 일정이 아니어서 비교할 수 있게 배치할 수 없습니다:",
        '  회의 "글로벌 혁신특구 지자체-중기부 정책협의": 알 수 없는 시간대 "Mars/Olympus"']


def test_late_writes_the_spec_and_summarises(runner: CliRunner, reference_spec_path: Path,
                                             tmp_path: Path) -> None:
    out = tmp_path / "late.toml"
    result = runner.invoke(cli, ["late", str(reference_spec_path), "--at", "14:00", "--by",
                                 "10", "--absorb", "discussion", "-o", str(out),
                                 "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "토론: 25 → 15 min (10 min cut)" in result.stderr
    late = agenda.load(out)
    assert str(late.start) == "14:10:00"
    assert out.read_text("utf-8").startswith("# The reference meeting")  # comments kept


def test_late_that_overruns_exits_1_and_still_writes(runner: CliRunner,
                                                     reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["late", str(reference_spec_path), "--at", "14:00", "--by",
                                 "40", "--absorb", "discussion"])
    assert result.exit_code == 1
    assert "16분 늦게" in result.stderr
    assert str(agenda.loads(result.stdout).end) == "15:16:00"


def test_late_with_a_bad_time_is_a_usage_error(runner: CliRunner,
                                               reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["late", str(reference_spec_path), "--at", "2pm", "--by", "5"])
    assert result.exit_code == 2
    assert "not a time like 14:20" in result.stderr


def test_late_refusals_write_nothing_and_exit_2(runner: CliRunner, reference_spec_path: Path,
                                               tmp_path: Path) -> None:
    out = tmp_path / "late.toml"
    huge = runner.invoke(cli, ["late", str(reference_spec_path), "--at", "14:00", "--by",
                               "100000000", "-o", str(out)])
    assert huge.exit_code == 2, huge.output
    assert "error:" in huge.stderr
    after_end = runner.invoke(cli, ["late", str(reference_spec_path), "--at", "15:30", "--by",
                                    "5", "-o", str(out), "--lang", "en"])
    assert after_end.exit_code == 2
    assert "every item has started by 2024-03-13 15:30" in after_end.stderr
    assert not out.exists()


def test_late_at_a_date_time_after_midnight(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "night.toml"
    spec.write_text('[meeting]\ntitle = "Night"\ndate = 2024-03-13\nstart = 23:00\n'
                    'end = 01:00\ntimezone = "Asia/Seoul"\nlanguage = "en"\n\n'
                    '[[items]]\ntitle = "One"\nminutes = 80\n\n'
                    '[[items]]\nid = "discussion"\ntitle = "Discussion"\nminutes = 40\n',
                    "utf-8")
    for at in ("00:10", "2024-03-14T00:10", "2024-03-14T00:10+09:00"):
        result = runner.invoke(cli, ["late", str(spec), "--at", at, "--by", "5",
                                     "--absorb", "discussion"])
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines()[0] == (
            "Meeting (2024-03-13): ends 2024-03-14 01:00 → 2024-03-14 01:00 (on time)")
        assert agenda.loads(result.stdout).items[1].minutes == 35


def test_edit_prints_the_diff_and_writes_the_new_spec(runner: CliRunner,
                                                      reference_spec_path: Path,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "new.toml"
    result = runner.invoke(cli, ["edit", str(reference_spec_path), "resize", "briefing", "10",
                                 "--absorb", "discussion", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "토론: 14:32~14:57 → 14:37~14:57 (25분 → 20분)" in result.stdout
    assert agenda.load(out).items[5].minutes == 20


def test_edit_in_place_and_every_operation(runner: CliRunner, reference_spec_path: Path,
                                           tmp_path: Path) -> None:
    spec = tmp_path / "meeting.toml"
    spec.write_text(reference_spec_path.read_text("utf-8"), "utf-8")
    steps = [
        ["move", "4.2", "--before", "4.1"],
        ["insert", "질의응답", "--after", "briefing", "--minutes", "5", "--id", "qna",
         "--kind", "discussion", "--absorb", "discussion"],
        ["remove", "photo", "--absorb", "discussion"],
        ["shift", "--by", "30"],
    ]
    for step in steps:
        result = runner.invoke(cli, ["edit", str(spec), *step, "--in-place", "--lang", "en"])
        assert result.exit_code == 0, (step, result.output)
        assert result.stdout.strip()
    final = agenda.layout(agenda.load(spec))
    assert [s.title for s in final.top_level()][:1] == ["개회 및 참석자 소개"]
    assert final.start.format("HH:mm") == "14:30" and final.end.format("HH:mm") == "15:30"
    assert "# The reference meeting" in spec.read_text("utf-8")


def test_an_edit_that_cannot_be_made_exits_1_and_writes_nothing(
        runner: CliRunner, reference_spec_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.toml"
    result = runner.invoke(cli, ["edit", str(reference_spec_path), "remove", "photo",
                                 "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: 편집하면 원래 없던 문제가 생깁니다. 아무것도 쓰지 않았습니다:",
        '  회의 "글로벌 혁신특구 지자체-중기부 정책협의": 항목이 14:58에 끝나 예정 종료 '
        "15:00보다 2분 이릅니다 (항목 합계 58분; 14:00~15:00 시간은 60분)"]
    assert not out.exists()
    nobody = runner.invoke(cli, ["edit", str(reference_spec_path), "remove", "nobody"])
    assert nobody.exit_code == 1
    assert 'no item matches "nobody"' in nobody.stderr


def test_edit_of_a_json_spec_stays_json(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "meeting.json"
    spec.write_text(agenda.dump_json(agenda.reference_meeting()), "utf-8")
    result = runner.invoke(cli, ["edit", str(spec), "move", "jeonnam", "--before", "busan"])
    assert result.exit_code == 0, result.output
    edited = agenda.loads(result.stdout, "json")
    assert [c.id for c in edited.items[3].items] == ["jeonnam", "busan", "gangwon", "chungbuk"]
    assert "전남: 순서 변경 4.4 → 4.1" in result.stderr


def test_late_runs_as_a_real_process(reference_spec_path: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from agenda.cli import main; main()", "late",
         str(reference_spec_path), "--at", "14:18", "--by", "5", "--absorb", "discussion"],
        capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "정시" in done.stderr
    assert agenda.loads(done.stdout).items[3].minutes == 25


def test_diff_in_english_names_the_items_in_english(runner: CliRunner,
                                                    reference_spec_path: Path,
                                                    tmp_path: Path) -> None:
    changed = _swapped(tmp_path, reference_spec_path)
    result = runner.invoke(cli, ["diff", str(reference_spec_path), str(changed), "--lang", "en"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].endswith(": moved 4.2 → 4.1")
    assert "강원" not in result.stdout
    korean = runner.invoke(cli, ["diff", str(reference_spec_path), str(changed)])
    assert korean.stdout.splitlines()[0] == "강원: 순서 변경 4.2 → 4.1"


# -- a series: one occurrence, or the whole series -------------------------------------
WEEKLY = (Path(__file__).parent / "data" / "weekly.toml").read_text("utf-8")


def _weekly(tmp_path: Path) -> Path:
    spec = tmp_path / "weekly.toml"
    spec.write_text(WEEKLY, "utf-8")
    return spec


def test_late_on_a_series_without_on_exits_2_and_asks_for_the_occurrence(
        runner: CliRunner, tmp_path: Path) -> None:
    """It used to re-time all 23 Mondays and say the end still held."""
    spec = _weekly(tmp_path)
    result = runner.invoke(cli, ["late", str(spec), "--at", "10:00", "--by", "12",
                                 "--absorb", "discussion"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ('error: "주간회의"은(는) 반복 회의입니다 (FREQ=WEEKLY;COUNT=23). '
                             "늦어진 회차를 --on YYYY-MM-DD로 지정하십시오\n")
    english = runner.invoke(cli, ["late", str(spec), "--at", "10:00", "--by", "12",
                                  "--lang", "en"])
    assert english.stderr == ('error: "주간회의" is a repeating meeting (FREQ=WEEKLY;COUNT=23): '
                              "name the occurrence that runs late with --on YYYY-MM-DD\n")


def test_late_on_writes_that_occurrences_override_only(runner: CliRunner,
                                                       tmp_path: Path) -> None:
    spec = _weekly(tmp_path)
    result = runner.invoke(cli, ["late", str(spec), "--at", "10:00", "--by", "12",
                                 "--absorb", "discussion", "--on", "2025-04-07",
                                 "-o", str(tmp_path / "late.toml")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "2025-04-07 회차만 바꿉니다 (반복 회의의 [[overrides]] 항목)",
        "회의 전체 (2025-04-07): 종료 11:00 → 11:00 (정시)", "2 토론: 25분 → 13분 (12분 줄임)",
        "예정된 종료 시각을 지킵니다"]
    late = agenda.load(tmp_path / "late.toml")
    assert [o.date.isoformat() for o in late.overrides] == ["2025-04-07"]
    assert late.start.isoformat() == "10:00:00" and late.items == agenda.load(spec).items
    text = (tmp_path / "late.toml").read_text("utf-8")
    assert text.startswith(WEEKLY)  # the series' text is untouched; the override follows
    skipped = runner.invoke(cli, ["late", str(spec), "--at", "10:00", "--by", "12",
                                  "--on", "2025-04-08"])
    assert skipped.exit_code == 2
    assert "the nearest: 2025-04-07 and 2025-04-14" in skipped.stderr


def test_edit_on_one_occurrence_says_so_and_edit_without_on_says_the_series(
        runner: CliRunner, tmp_path: Path) -> None:
    spec = _weekly(tmp_path)
    one = runner.invoke(cli, ["edit", str(spec), "resize", "discussion", "15", "--absorb",
                              "end", "--on", "2025-04-14", "-o", str(tmp_path / "one.toml")])
    assert one.exit_code == 0, one.output
    assert one.stdout.splitlines()[0] == "2025-04-14 회차만 바뀝니다 ([[overrides]] 항목)"
    assert [o.date.isoformat() for o in agenda.load(tmp_path / "one.toml").overrides] == [
        "2025-04-14"]
    before_file = runner.invoke(cli, ["edit", "--on", "2025-04-14", str(spec), "resize",
                                      "discussion", "15", "--absorb", "end"])
    assert before_file.exit_code == 0 and before_file.stdout == (tmp_path / "one.toml"
                                                                 ).read_text("utf-8")
    whole = runner.invoke(cli, ["edit", str(spec), "resize", "progress", "30", "--lang", "en"])
    assert whole.exit_code == 0, whole.output
    assert whole.stderr.splitlines() == [
        "the series changes: every occurrence held as the series holds it (give --on "
        "YYYY-MM-DD to change one occurrence)",
        "추진 현황: 10:00–10:35 → 10:00–10:30 (35 → 30 min)",
        "토론: 10:35–11:00 → 10:30–11:00 (25 → 30 min)"]
    assert agenda.load_toml(whole.stdout).overrides == ()


CLASH = """\
[meeting]
title = "Board"
date = 2025-03-03
start = 10:00:00
timezone = "Asia/Seoul"
language = "en"

[[items]]
title = "Sessions"
parallel = true

[[items.items]]
title = "A"

[[items.items.items]]
id = "a1"
title = "Budget"
minutes = 30
room = "R1"

[[items.items]]
title = "B"

[[items.items.items]]
id = "b1"
title = "Audit"
minutes = 30
room = "R1"

[[items.items.items]]
id = "b0"
title = "Warm-up"
minutes = 30
room = "R2"
"""


def test_an_edit_that_fixes_a_double_booking_says_what_it_fixed(runner: CliRunner,
                                                                 tmp_path: Path) -> None:
    """It used to exit 1 and print the double booking as if the move caused it."""
    spec = tmp_path / "clash.toml"
    spec.write_text(CLASH, "utf-8")
    assert runner.invoke(cli, ["check", str(spec)]).exit_code == 1
    fixed = runner.invoke(cli, ["edit", str(spec), "move", "b1", "--after", "b0",
                                "--in-place"])
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stdout.splitlines() == [
        "Warm-up: moved 1.2.2 → 1.2.1", "Warm-up: 10:30–11:00 → 10:00–10:30",
        "Audit: 10:00–10:30 → 10:30–11:00",
        'fixed: 1.2.1 "Audit": room "R1" is double-booked: this item runs 10:00–10:30, item '
        '1.1.1 "Budget" runs 10:00–10:30']
    assert runner.invoke(cli, ["check", str(spec)]).exit_code == 0


def test_an_edit_that_leaves_a_problem_writes_and_says_it_remains(runner: CliRunner,
                                                                  tmp_path: Path) -> None:
    spec = tmp_path / "clash.toml"
    spec.write_text(CLASH, "utf-8")
    result = runner.invoke(cli, ["edit", str(spec), "resize", "b0", "20", "-o",
                                 str(tmp_path / "out.toml")])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].startswith('remains: 1.2.1 "Audit": room "R1" is '
                                                     "double-booked")
    assert agenda.load(tmp_path / "out.toml").items[0].items[1].items[1].minutes == 20
    worse = runner.invoke(cli, ["edit", str(spec), "insert", "Coffee", "--after", "a1",
                                "--minutes", "5", "--id", "b1", "-o",
                                str(tmp_path / "worse.toml")])
    assert worse.exit_code == 1
    assert worse.stderr.splitlines() == [
        "error: the edit would leave problems the agenda did not have; nothing was written:",
        '  1.2.1 "Audit": item 1.1.2 has the same identity "b1"; give one of them an id',
        '  1.2.1 "Audit": id "b1" is already used by item 1.1.2']
    assert not (tmp_path / "worse.toml").exists()


def test_diff_of_standard_input_with_itself_says_it_is_read_once(
        runner: CliRunner, reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["diff", "-", "-"], input=reference_spec_path.read_bytes())
    assert result.exit_code == 2
    assert "standard input can be read only once" in result.stderr
    assert "missing" not in result.output
    one = runner.invoke(cli, ["diff", "-", str(reference_spec_path)],
                        input=reference_spec_path.read_bytes())
    assert one.exit_code == 0, one.output
