"""`agenda ics` and `agenda check --occurrences` through click's runner."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from agenda import from_ics
from agenda.cli import cli

NOW = "2024-03-01T09:00:00+09:00"
LATER = "2024-03-05T12:00:00Z"


def series_spec(tmp_path: Path, reference_spec_path: Path, rule: str) -> Path:
    text = reference_spec_path.read_text("utf-8").replace(
        'timezone = "Asia/Seoul"', f'timezone = "Asia/Seoul"\nrepeat = "{rule}"')
    spec = tmp_path / "council.toml"
    spec.write_text(text, "utf-8")
    return spec


def test_ics_prints_the_feed(runner: CliRunner, reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["ics", str(reference_spec_path), "--now", NOW])
    assert result.exit_code == 0, result.output
    assert b"DTSTART;TZID=Asia/Seoul:20240313T140000\r\n" in result.stdout_bytes
    assert b"DTSTAMP:20240301T000000Z\r\n" in result.stdout_bytes
    assert result.stdout_bytes.count(b"\r\nBEGIN:VEVENT\r\n") == 1


def test_ics_items_and_uid_domain(runner: CliRunner, reference_spec_path: Path,
                                  tmp_path: Path) -> None:
    out = tmp_path / "feed.ics"
    result = runner.invoke(cli, ["ics", str(reference_spec_path), "--items", "-o", str(out),
                                 "--uid-domain", "mss.example", "--now", NOW])
    assert result.exit_code == 0, result.output
    feed = from_ics(out.read_bytes())
    assert len(feed.items) == 10
    assert all(e.uid.endswith("@mss.example") for e in feed.events)


def test_an_existing_output_is_read_as_the_previous_feed(runner: CliRunner,
                                                         reference_spec_path: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "feed.ics"
    args = ["ics", str(reference_spec_path), "--items", "-o", str(out)]
    assert runner.invoke(cli, [*args, "--now", NOW]).exit_code == 0
    first = out.read_bytes()
    os.utime(out, (1_000_000_000, 1_000_000_000))
    result = runner.invoke(cli, [*args, "--now", LATER])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == first
    assert out.stat().st_mtime == 1_000_000_000  # unchanged: not even rewritten

    edited = tmp_path / "edited.toml"
    edited.write_text(reference_spec_path.read_text("utf-8").replace(
        'ko = "토론"', 'ko = "자유 토론"'), "utf-8")
    result = runner.invoke(cli, ["ics", str(edited), "--items", "-o", str(out), "--now", LATER])
    assert result.exit_code == 0, result.output
    feed = from_ics(out.read_bytes())
    changed = {e.summary for e in feed.events if e.sequence == 1}
    assert changed == {"자유 토론", "글로벌 혁신특구 지자체-중기부 정책협의"}
    assert feed.by_path(("discussion",)).last_modified is not None
    assert feed.by_path(("discussion",)).last_modified.isoformat() == "2024-03-05T12:00:00+00:00"


def test_previous_names_the_feed_to_update(runner: CliRunner, reference_spec_path: Path,
                                           tmp_path: Path) -> None:
    old = tmp_path / "old.ics"
    assert runner.invoke(cli, ["ics", str(reference_spec_path), "-o", str(old),
                               "--now", NOW]).exit_code == 0
    edited = tmp_path / "late.toml"
    edited.write_text(reference_spec_path.read_text("utf-8").replace(
        "start = 14:00:00", "start = 14:30:00").replace("end = 15:00:00", "end = 15:30:00"),
        "utf-8")
    result = runner.invoke(cli, ["ics", str(edited), "--previous", str(old), "--now", LATER])
    assert result.exit_code == 0, result.output
    assert b"SEQUENCE:1\r\n" in result.stdout_bytes
    assert b"DTSTART;TZID=Asia/Seoul:20240313T143000\r\n" in result.stdout_bytes


def test_a_previous_file_that_is_not_ours_is_left_untouched(runner: CliRunner,
                                                            reference_spec_path: Path,
                                                            tmp_path: Path) -> None:
    for content in (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
                    b"END:VCALENDAR\r\n", "회의 메모\n".encode()):
        out = tmp_path / "feed.ics"
        out.write_bytes(content)
        result = runner.invoke(cli, ["ics", str(reference_spec_path), "-o", str(out)])
        assert result.exit_code == 2
        assert re.search(r"feed\.ics: not (valid iCalendar|a feed written by agenda)",
                         result.stderr)
        assert out.read_bytes() == content
        result = runner.invoke(cli, ["ics", str(reference_spec_path), "--previous", str(out)])
        assert result.exit_code == 2
        assert "BEGIN:VCALENDAR" not in result.stdout


def test_unreadable_previous_and_bad_now_exit_2(runner: CliRunner, reference_spec_path: Path,
                                               tmp_path: Path) -> None:
    result = runner.invoke(cli, ["ics", str(reference_spec_path),
                                 "--previous", str(tmp_path / "missing.ics")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr
    for now in ("2024-03-01T09:00:00", "yesterday"):
        result = runner.invoke(cli, ["ics", str(reference_spec_path), "--now", now])
        assert result.exit_code == 2
    result = runner.invoke(cli, ["ics", str(reference_spec_path), "--uid-domain", "a b"])
    assert result.exit_code == 2
    assert "uid domain" in result.stderr


def test_ics_of_an_invalid_agenda_exits_1(runner: CliRunner, reference_spec_path: Path,
                                          tmp_path: Path) -> None:
    spec = series_spec(tmp_path, reference_spec_path, "FREQ=MONTHLY;BYDAY=3WE")
    result = runner.invoke(cli, ["ics", str(spec)])
    assert result.exit_code == 1
    assert '반복 규칙 "FREQ=MONTHLY;BYDAY=3WE"' in result.stdout


def test_check_lists_occurrences(runner: CliRunner, reference_spec_path: Path,
                                 tmp_path: Path) -> None:
    spec = series_spec(tmp_path, reference_spec_path, "FREQ=MONTHLY;BYDAY=2WE;COUNT=6")
    result = runner.invoke(cli, ["check", "--occurrences", str(spec), "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ok: ")
    assert lines[1:] == [f"2024-{d} (Wed) 14:00–15:00 +09:00" for d in
                         ("03-13", "04-10", "05-08", "06-12", "07-10", "08-14")]
    korean = runner.invoke(cli, ["check", "--occurrences", str(spec)])  # the meeting's
    assert korean.stdout.splitlines()[1] == "2024-03-13 (수) 14:00–15:00 +09:00"
    result = runner.invoke(cli, ["check", "--occurrences", "--limit", "2", str(spec)])
    assert len(result.stdout.splitlines()) == 3


def test_check_occurrences_of_an_unbounded_rule(runner: CliRunner, reference_spec_path: Path,
                                                tmp_path: Path) -> None:
    spec = series_spec(tmp_path, reference_spec_path, "FREQ=WEEKLY")
    result = runner.invoke(cli, ["check", "--occurrences", str(spec), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1 + 10
    assert "no end" in result.stderr
    result = runner.invoke(cli, ["check", "--occurrences", "--limit", "3", str(spec)])
    assert len(result.stdout.splitlines()) == 1 + 3
    assert result.stderr == ""


def test_check_occurrences_of_a_single_meeting(runner: CliRunner,
                                               reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["check", "--occurrences", str(reference_spec_path),
                                 "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == ["2024-03-13 (Wed) 14:00–15:00 +09:00"]


def test_agenda_ics_as_a_real_process(reference_spec_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.ics"
    done = subprocess.run(
        [sys.executable, "-m", "agenda.cli", "ics", str(reference_spec_path), "--items",
         "-o", str(out)], capture_output=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    feed = from_ics(out.read_bytes())
    assert len(feed.events) == 11
    assert feed.meeting is not None and feed.meeting.stamp is not None
    assert feed.meeting.stamp.tzinfo is not None
