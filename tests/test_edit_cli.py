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


def test_diff_of_an_invalid_version_exits_2(runner: CliRunner, reference_spec_path: Path,
                                            tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(reference_spec_path.read_text("utf-8").replace("minutes = 25",
                                                                     "minutes = 26"), "utf-8")
    result = runner.invoke(cli, ["diff", str(reference_spec_path), str(broken)])
    assert result.exit_code == 2
    assert "is not a valid agenda" in result.stderr


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
    assert "short of" in result.stderr or "before the declared end" in result.stderr
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


def test_diff_of_standard_input_with_itself_says_it_is_read_once(
        runner: CliRunner, reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["diff", "-", "-"], input=reference_spec_path.read_bytes())
    assert result.exit_code == 2
    assert "standard input can be read only once" in result.stderr
    assert "missing" not in result.output
    one = runner.invoke(cli, ["diff", "-", str(reference_spec_path)],
                        input=reference_spec_path.read_bytes())
    assert one.exit_code == 0, one.output
