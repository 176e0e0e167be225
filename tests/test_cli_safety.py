"""The CLI at its edges: outputs it must not damage, standard output that fails,
exit codes that tell a crash from a bad agenda, and input people really have."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import agenda
from agenda.cli import EXIT_INTERNAL, cli

AGENDA = [sys.executable, "-m", "agenda.cli"]
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*AGENDA, *args], capture_output=True, timeout=120, check=False,
                          env=ENV, **kwargs)  # type: ignore[call-overload,no-any-return]


# -- -o: what stands at the path ---------------------------------------------------------
def test_output_to_a_read_only_file_is_refused_by_name(runner: CliRunner,
                                                       reference_spec_path: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "agenda.txt"
    out.write_text("keep", "utf-8")
    out.chmod(0o444)
    result = runner.invoke(cli, ["table", str(reference_spec_path), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: cannot write {out}: the file is read-only (it "
                                     "has no write permission); change its mode or choose "
                                     "another output")
    out.chmod(0o644)
    assert out.read_text("utf-8") == "keep"


def test_output_keeps_the_mode_and_writes_through_a_link(runner: CliRunner,
                                                         reference_spec_path: Path,
                                                         tmp_path: Path) -> None:
    target = tmp_path / "published.ics"
    target.write_text("", "utf-8")
    target.unlink()
    link = tmp_path / "current.ics"
    link.symlink_to(target.name)
    args = ["ics", str(reference_spec_path), "--now", "2024-03-01T00:00:00Z", "-o", str(link)]
    assert runner.invoke(cli, args).exit_code == 0
    target.chmod(0o640)
    changed = reference_spec_path.read_text("utf-8").replace("minutes = 25", "minutes = 24")
    spec = tmp_path / "changed.toml"
    spec.write_text(changed.replace("end = 15:00:00\n", ""), "utf-8")
    args[1] = str(spec)
    assert runner.invoke(cli, args).exit_code == 0, runner.invoke(cli, args).output
    assert link.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert "SEQUENCE:1" in target.read_text("utf-8")  # the link was read as the previous feed


def test_output_to_dev_stdout_writes_in_place(reference_spec_path: Path,
                                              tmp_path: Path) -> None:
    captured = tmp_path / "captured.txt"
    with captured.open("wb") as handle:
        done = subprocess.run([*AGENDA, "table", str(reference_spec_path), "--format",
                               "markdown", "-o", "/dev/stdout"], stdout=handle,
                              stderr=subprocess.PIPE, timeout=120, check=False, env=ENV)
    assert done.returncode == 0, done.stderr
    assert "사진촬영" in captured.read_text("utf-8")
    assert stat.S_ISCHR(Path("/dev/null").lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["captured.txt"]


# -- standard output that fails ---------------------------------------------------------
def long_spec(tmp_path: Path, count: int = 3000) -> Path:
    items = "".join(f'[[items]]\ntitle = "item {n}"\nminutes = 1\n' for n in range(count))
    spec = tmp_path / "long.toml"
    spec.write_text('[meeting]\ntitle = "long"\ndate = 2024-03-13\nstart = 00:00:00\n'
                    f'timezone = "UTC"\n{items}', "utf-8")
    return spec


def test_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    spec = long_spec(tmp_path)
    with subprocess.Popen([*AGENDA, "table", str(spec)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=ENV) as producer:
        assert producer.stdout is not None and producer.stderr is not None
        producer.stdout.read(100)  # like `| head -c 100`
        producer.stdout.close()
        errors = producer.stderr.read()
        assert producer.wait(timeout=120) == 0
    assert errors == b""


WEEKLY = (Path(__file__).parent / "data" / "weekly.toml").read_text("utf-8")
NOW = ["--now", "2025-03-01T00:00:00Z"]
REFERENCE = str(Path(__file__).resolve().parent.parent / "examples" / "reference-meeting.toml")
# Every command that prints more than one line to standard output ({spec} is a weekly
# series, {moved} the same with one override, {site} a folder published once).
MANY_LINES = {
    "check --occurrences": ["check", "{spec}", "--occurrences"],
    "check json": ["check", "{spec}", "--format", "json"],
    "table": ["table", "{spec}"],
    "table --occurrences": ["table", "{spec}", "--occurrences"],
    "table json": ["table", "{spec}", "--format", "json"],
    "demo": ["demo"],
    "ics": ["ics", "{spec}", "--items", *NOW],
    "new --list": ["new", "--list"],
    "new": ["new", "--template", "seminar"],
    "schema": ["schema"],
    "schedule": ["schedule", REFERENCE],
    "diff": ["diff", "{spec}", "{moved}"],
    "diff json": ["diff", "{spec}", "{moved}", "--format", "json"],
    "late": ["late", "{spec}", "--at", "10:00", "--by", "5", "--on", "2025-04-07"],
    "edit": ["edit", "{spec}", "resize", "discussion", "20", "--absorb", "end"],
    "edit -o": ["edit", "{spec}", "resize", "discussion", "20", "--absorb", "end", "-o",
                "{out}"],
    "parse": ["parse", "{draft}", "--date", "2024-03-13", "--tz", "Asia/Seoul"],
    "publish": ["publish", "{moved}", "--dir", "{site}", *NOW],
    "publish json": ["publish", "{moved}", "--dir", "{site}", "--format", "json", *NOW],
    "help": ["--help"],
}


@pytest.mark.parametrize("name", sorted(MANY_LINES))
def test_every_command_that_prints_lines_is_quiet_into_a_closed_pipe(name: str,
                                                                      tmp_path: Path) -> None:
    """`agenda publish … | head -1` exited 70 (internal error: BrokenPipeError) in 5 of 8
    runs. Here the reader has gone before the first line: every write fails."""
    spec = tmp_path / "weekly.toml"
    spec.write_text(WEEKLY, "utf-8")
    moved = tmp_path / "moved.toml"
    moved.write_text(WEEKLY + '\n[[overrides]]\ndate = 2025-04-07\nstart = 10:30:00\n',
                     "utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("2024-03-13 14:00 회의\n14:00~14:30 개회\n14:30~15:00 토론\n", "utf-8")
    site = tmp_path / "site"
    assert run("publish", str(spec), "--dir", str(site), *NOW).returncode == 0
    args = [a.format(spec=spec, moved=moved, draft=draft, site=site, out=tmp_path / "o.toml")
            for a in MANY_LINES[name]]
    read, write = os.pipe()
    os.close(read)  # the reader that closes early: gone before the first line
    try:
        done = subprocess.run([*AGENDA, *args], stdout=write, stderr=subprocess.PIPE,
                              timeout=120, check=False, env=ENV)
    finally:
        os.close(write)
    errors = done.stderr.decode("utf-8")
    assert "Traceback" not in errors and "internal error" not in errors, errors
    assert "Exception ignored" not in errors and "BrokenPipe" not in errors, errors
    assert done.returncode == 0, errors  # docs/cli.md: a closed pipe is not an error
    if not name.startswith("publish"):  # (published once already: nothing new to say)
        with_reader = run(*args)
        assert len(with_reader.stdout.decode("utf-8").splitlines()) > 1


def test_a_full_disk_on_standard_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    spec = long_spec(tmp_path, 50)
    for args in (["table", str(spec)], ["table", str(spec), "--format", "json"],
                 ["check", str(spec)], ["ics", str(spec), "--now", "2024-03-01T00:00:00Z"]):
        with Path("/dev/full").open("wb") as full:
            done = subprocess.run([*AGENDA, *args], stdout=full, stderr=subprocess.PIPE,
                                  timeout=120, check=False, env=ENV)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.decode().splitlines() == [
            "error: cannot write to standard output: No space left on device"]


# -- internal errors --------------------------------------------------------------------
def crash(_meeting: object) -> object:
    raise RuntimeError("boom\nsecond line")


def test_an_internal_error_is_one_line_with_its_own_exit_code(
        runner: CliRunner, reference_spec_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("agenda._check.layout", crash)
    monkeypatch.delenv("AGENDA_DEBUG", raising=False)
    result = runner.invoke(cli, ["check", str(reference_spec_path)])
    assert result.exit_code == EXIT_INTERNAL == 70
    assert result.stderr.splitlines() == [
        "internal error: RuntimeError: boom second line; please report (run with --debug "
        "or AGENDA_DEBUG=1 for the details)"]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_debug_shows_the_traceback(runner: CliRunner, reference_spec_path: Path,
                                   monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setattr("agenda._check.layout", crash)
    args = ["check", str(reference_spec_path)]
    if how == "flag":
        args.insert(0, "--debug")
    else:
        monkeypatch.setenv("AGENDA_DEBUG", "1")
    result = runner.invoke(cli, args)
    assert result.exit_code == EXIT_INTERNAL
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: boom" in result.stderr


# -- input people really have -----------------------------------------------------------
BOM = b"\xef\xbb\xbf"


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_byte_order_mark_is_accepted_on_a_file_and_on_stdin(
        runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    meeting = agenda.reference_meeting()
    text = agenda.dump_toml(meeting) if fmt == "toml" else agenda.dump_json(meeting)
    spec = tmp_path / f"notepad.{fmt}"
    spec.write_bytes(BOM + text.encode("utf-8"))
    assert agenda.load(spec) == meeting
    for args, given in ((["check", str(spec)], None), (["check", "-"], spec.read_bytes())):
        result = runner.invoke(cli, args, input=given)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("ok: ")


@pytest.mark.parametrize(("raw", "says"), [
    ("[meeting]\ntitle = '회의'\n".encode("cp949"), "not UTF-8 text (byte 0xc0 at offset 21)"),
    ("[meeting]\n".encode("utf-16"), "UTF-16"),
    (BOM + b"\xff", "not UTF-8 text (byte 0xff at offset 3)"),
])
def test_other_encodings_say_what_to_do(runner: CliRunner, tmp_path: Path, raw: bytes,
                                        says: str) -> None:
    spec = tmp_path / "m.toml"
    spec.write_bytes(raw)
    for args, given, name in ((["check", str(spec)], None, str(spec)),
                              (["check", "-"], raw, "standard input")):
        result = runner.invoke(cli, args, input=given)
        assert result.exit_code == 2
        [line] = result.stderr.splitlines()
        assert line.startswith(f"error: {name}: ") and says in line
        assert "save" in line and "UTF-8" in line


def test_a_deep_json_spec_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    deep = '{"meeting": {}, "items": ' + "[" * 5000 + "]" * 5000 + "}"
    spec = tmp_path / "deep.json"
    spec.write_text(deep, "utf-8")
    result = runner.invoke(cli, ["check", str(spec)])
    assert result.exit_code == 2
    assert "nest deeper" in result.stderr


@pytest.mark.parametrize(("key", "value", "says"), [
    ("kind", "[1]", '"kind" must be one of talk, presentation'),
    ("kind", "{ a = 1 }", '"kind" must be one of'),
    ("title", "[\"a\"]", '"title" must be a string, got'),
    ("minutes", "1" * 5000, "TOML syntax error at column 11: integer number overflowed"),
])
def test_values_of_the_wrong_type_are_named(runner: CliRunner, tmp_path: Path, key: str,
                                            value: str, says: str) -> None:
    spec = tmp_path / "m.toml"
    spec.write_text('[meeting]\ntitle = "t"\ndate = 2024-03-13\nstart = 14:00:00\n'
                    f'timezone = "UTC"\n[[items]]\ntitle = "a"\n{key} = {value}\n'
                    .replace('title = "a"\ntitle', "title"), "utf-8")
    result = runner.invoke(cli, ["check", str(spec)])
    assert result.exit_code == 2, result.output
    assert says in result.stderr
    assert len(result.stderr) < 400


def test_ics_output_that_is_empty_a_fifo_or_dev_stdout_is_not_read_back(
        runner: CliRunner, reference_spec_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.ics"
    empty.touch()
    args = ["ics", str(reference_spec_path), "--now", "2024-03-01T00:00:00Z"]
    result = runner.invoke(cli, [*args, "-o", str(empty)])
    assert result.exit_code == 0, result.output
    assert empty.read_bytes().startswith(b"BEGIN:VCALENDAR")
    fifo = tmp_path / "feed.fifo"
    os.mkfifo(fifo)
    with subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE) as reader:
        done = run(*args, "-o", str(fifo))
        received = reader.communicate(timeout=120)[0]
    assert done.returncode == 0, done.stderr
    assert received.startswith(b"BEGIN:VCALENDAR")
    captured = tmp_path / "captured.ics"
    captured.write_bytes(b"something the shell is about to replace")
    with captured.open("wb") as handle:
        done = subprocess.run([*AGENDA, *args, "-o", "/dev/stdout"], stdout=handle,
                              stderr=subprocess.PIPE, timeout=120, check=False, env=ENV)
    assert done.returncode == 0, done.stderr
    assert captured.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_output_onto_the_spec_itself_is_refused(runner: CliRunner, reference_spec_path: Path,
                                                tmp_path: Path) -> None:
    spec = tmp_path / "m.toml"
    spec.write_bytes(reference_spec_path.read_bytes())
    (tmp_path / "link.toml").symlink_to(spec)
    for args in (["table", str(spec), "-o", str(spec)],
                 ["table", str(spec), "--format", "pdf", "-o", str(tmp_path / "link.toml")],
                 ["ics", str(tmp_path / "link.toml"), "-o", str(spec)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, args
        assert "is the spec file itself" in result.stderr
    assert spec.read_bytes() == reference_spec_path.read_bytes()


def test_a_lone_surrogate_in_a_json_title_is_refused_by_every_command(runner: CliRunner,
                                                                       tmp_path: Path) -> None:
    spec = tmp_path / "m.json"
    spec.write_text('{"meeting": {"title": "t\\ud800", "date": "2024-03-13", "start": "14:00",'
                    ' "timezone": "UTC"}, "items": [{"title": "a", "minutes": 5}]}', "utf-8")
    for command in (["check"], ["table"], ["ics", "--now", "2024-03-01T00:00:00Z"],
                    ["schedule"], ["check", "--format", "json"]):
        result = runner.invoke(cli, [command[0], str(spec), *command[1:]])
        assert result.exit_code == 2, (command, result.output)
        assert "lone surrogate" in result.output, command


def test_problem_lines_of_parse_into_a_closed_pipe_are_quiet(tmp_path: Path) -> None:
    """With no timetable to print (a start in a DST gap), parse's first line for standard
    output is a problem line; the reader has gone before it."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Board meeting\n02:10-02:30 Opening\n", "utf-8")
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run([*AGENDA, "parse", str(draft), "--date", "2024-03-31", "--tz",
                               "Europe/Berlin"], stdout=writer, stderr=subprocess.PIPE,
                              timeout=120, check=False, env=ENV)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, b"note: no timetable can be laid out until "
                                                 b"the problems below are fixed\n")


DRAFT = "Board meeting\n2024-03-13\n14:00-14:10 Opening\n14:10-14:30 Talk\n"


@pytest.mark.parametrize(("command", "through_link"), [
    (command, link) for command in
    ["table", "ics", "schedule", "parse", "parse-emit", "late", "edit", "edit-from-a-link"]
    for link in (False, True)])
def test_no_command_writes_over_its_own_input(runner: CliRunner, tmp_path: Path,
                                              command: str, through_link: bool) -> None:
    spec = tmp_path / "m.toml"
    spec.write_text(agenda.dump_toml(agenda.reference_meeting()), "utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, "utf-8")
    source = draft if command.startswith("parse") else spec
    target = source
    if through_link:
        target = tmp_path / "link"
        target.symlink_to(source.name)
    args, what = {
        "table": (["table", str(spec), "-o", str(target)], "the spec file"),
        "ics": (["ics", str(spec), "-o", str(target)], "the spec file"),
        "schedule": (["schedule", str(spec), "-o", str(target)], "the spec file"),
        "parse": (["parse", str(draft), "--tz", "UTC", "-o", str(target)],
                  "the document being read"),
        "parse-emit": (["parse", str(draft), "--tz", "UTC", "--emit", "toml", "-o",
                        str(target)], "the document being read"),
        "late": (["late", str(spec), "--at", "14:00", "--by", "5", "-o", str(target)],
                 "the spec file"),
        "edit": (["edit", str(spec), "resize", "busan", "4", "--absorb", "discussion", "-o",
                  str(target)], "the spec file"),
        "edit-from-a-link": (["edit", str(target), "resize", "busan", "4", "--absorb",
                           "discussion", "-o", str(spec)], "the spec file"),
    }[command]
    before = source.read_bytes()
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert f"is {what} itself; writing there would replace it (" in result.stderr
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["m.toml", "draft.txt", *(["link"] if through_link else [])])


def test_edit_in_place_still_writes_the_file_it_was_given(runner: CliRunner,
                                                          tmp_path: Path) -> None:
    spec = tmp_path / "m.toml"
    spec.write_text(agenda.dump_toml(agenda.reference_meeting()), "utf-8")
    result = runner.invoke(cli, ["edit", str(spec), "resize", "busan", "4", "--absorb",
                                 "discussion", "--in-place"])
    assert result.exit_code == 0, result.output
    assert agenda.load(spec) != agenda.reference_meeting()


def test_late_in_place_writes_the_re_timed_spec_into_the_file_it_was_given(
        runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "m.toml"
    spec.write_text(agenda.dump_toml(agenda.reference_meeting()), "utf-8")
    result = runner.invoke(cli, ["late", str(spec), "--at", "14:00", "--by", "10", "--absorb",
                                 "discussion", "--in-place"])
    assert result.exit_code == 0, result.output
    assert agenda.load(spec).start.isoformat() == "14:10:00"
    both = runner.invoke(cli, ["late", str(spec), "--at", "14:00", "--by", "1", "--in-place",
                               "-o", str(tmp_path / "other.toml")])
    assert both.exit_code == 2 and "--in-place writes FILE itself" in both.output
