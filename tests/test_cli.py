"""The command line: exit codes, messages and the JSON table contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from agenda.cli import cli
from conftest import ROOT

JSON_KEYS = {"no", "title", "start", "end", "minutes", "depth", "presenter", "notes", "kind"}


def test_check_valid_prints_one_summary_line(runner: CliRunner,
                                             reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["check", "--lang", "en", str(reference_spec_path)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith('ok: "글로벌 혁신특구 지자체-중기부 정책협의" 2024-03-13 (Wed) '
                               "14:00–15:00 Asia/Seoul")
    korean = runner.invoke(cli, ["check", str(reference_spec_path)])  # the meeting's language
    assert korean.stdout == ('ok: "글로벌 혁신특구 지자체-중기부 정책협의" 2024-03-13 (수) '
                             "14:00~15:00 Asia/Seoul, 항목 11개, 60분\n")


def test_check_invalid_prints_one_problem_per_line(runner: CliRunner,
                                                   reference_spec_path: Path,
                                                   tmp_path: Path) -> None:
    text = reference_spec_path.read_text("utf-8")
    text = text.replace("minutes = 25", "minutes = 27").replace('weekday = "수"',
                                                                'weekday = "목"')
    spec = tmp_path / "broken.toml"
    spec.write_text(text, "utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(spec)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [  # each on the line of its key or item
        'line 12: meeting "글로벌 혁신특구 지자체-중기부 정책협의": weekday "목" does not match '
        "2024-03-13, which is a Wednesday",
        'line 81: 7 "차관 맺음말씀": ends 15:02, 2 min after the declared end 15:00 (the '
        "items take 62 min and end 62 min after the start; the window 14:00–15:00 is 60 min)",
    ]
    korean = runner.invoke(cli, ["check", "--lang", "ko", str(spec)])
    assert korean.stdout.splitlines() == [
        '12행: 회의 "글로벌 혁신특구 지자체-중기부 정책협의": 요일 "목"이(가) 2024-03-13와(과) '
        "맞지 않습니다. 2024-03-13은(는) 수요일입니다",
        '81행: 7 "차관 맺음말씀": 15:02에 끝나 예정 종료 15:00보다 2분 늦습니다 (항목 합계 '
        "62분, 시작부터 62분 뒤에 끝남; 14:00~15:00 시간은 60분)",
    ]


def test_check_unreadable_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(tmp_path / "missing.toml")])
    assert result.exit_code == 2
    assert "cannot read the file" in result.stderr
    assert "Traceback" not in result.output


def test_check_syntax_error_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "bad.toml"
    spec.write_text("[meeting\ntitle = 1\n", "utf-8")
    result = runner.invoke(cli, ["check", str(spec)])
    assert result.exit_code == 2
    assert ": line 1: TOML syntax error at column" in result.stderr


def test_check_reads_standard_input(runner: CliRunner, reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["check", "-"], input=reference_spec_path.read_text("utf-8"))
    assert result.exit_code == 0
    assert result.stdout.startswith("ok: ")


def test_table_json_has_the_contract_keys(runner: CliRunner, reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 11
    assert all(set(row) >= JSON_KEYS for row in rows)
    expected = {"no": "4.1", "title": "부산", "depth": 1, "minutes": 5, "presenter": None,
                "start": "2024-03-13T14:07:00+09:00", "end": "2024-03-13T14:12:00+09:00",
                "kind": "presentation", "notes": None}
    assert {key: rows[4][key] for key in JSON_KEYS} == expected


def test_table_of_an_invalid_agenda_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "m.toml"
    spec.write_text('[meeting]\ntitle = "t"\ndate = 2024-03-13\nstart = 14:00:00\n'
                    'timezone = "Asia/Seoul"\nend = 14:30:00\n[[items]]\ntitle = "a"\n'
                    "minutes = 20\n", "utf-8")
    result = runner.invoke(cli, ["table", str(spec), "--format", "json"])
    assert result.exit_code == 1
    # Problems speak the meeting's language (ko unless the spec says otherwise).
    assert "예정 종료 14:30보다 10분 이릅니다" in result.stdout


def test_demo_prints_the_reference_meeting(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["demo", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["title"] for r in rows if r["depth"] == 1] == ["부산", "강원", "충북", "전남"]


def test_real_subprocess_entry_point(reference_spec_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "agenda.cli", "check",
                           str(reference_spec_path)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")
    script = Path(sys.executable).with_name("agenda")
    if script.exists():
        done = subprocess.run([str(script), "check", "/nonexistent.toml"],
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 2
        assert "cannot read the file" in done.stderr


def test_check_reads_a_json_spec_from_standard_input(runner: CliRunner) -> None:
    import agenda

    result = runner.invoke(cli, ["check", "-"],
                           input=agenda.dump_json(agenda.reference_meeting()))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('ok: "글로벌 혁신특구 지자체-중기부 정책협의"')
