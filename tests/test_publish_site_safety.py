"""Publishing into a folder when things go wrong: files the release does not own, a run
killed half-way (a real process, SIGKILL), several runs at once, a lock held too long."""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import agenda
from agenda import Meeting, SiteError, publish_site
from agenda._io import TEMP_SUFFIX
from agenda._publish.site import LOCK
from agenda.cli import cli
from conftest import THOROUGH
from test_publish_site import T0, T1, T2, marked, snapshot, swapped

AGENDA = [sys.executable, "-m", "agenda.cli"]
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
RELEASE_FILES = {"agenda.json", "agenda.html", "changes.json", "changes.ko.txt",
                 "changes.en.txt", "agenda.ics", "agenda-busan.ics", "agenda-press.ics"}
OFFICE_FILES = {"agenda.docx", "agenda.hwpx"}  # where agenda[office] is installed


def resized(meeting: Meeting, minutes: int) -> Meeting:
    """`meeting` with Busan's report (4.1 before any swap) lasting `minutes`, the
    discussion absorbing the difference: times change, the end holds."""
    return agenda.resize(meeting, "busan", minutes, absorb="discussion")


# Versions of the agenda that differ pairwise in their times.
VERSIONS = [marked(), swapped(marked()), resized(marked(), 8), resized(marked(), 3),
            resized(swapped(marked()), 9)]


def write_specs(folder: Path) -> list[Path]:
    specs = []
    for k, meeting in enumerate(VERSIONS):
        spec = folder / f"v{k}.toml"
        spec.write_text(agenda.dump_toml(meeting), "utf-8")
        specs.append(spec)
    return specs


def consistent(site: Path, spec: Meeting) -> None:
    """The folder as a finished run leaves it: releases complete, the top-level files
    those of the latest, every release listed, nothing temporary, no lock."""
    everything = sorted(str(p.relative_to(site)) for p in site.rglob("*"))
    assert not [n for n in everything if n.endswith(TEMP_SUFFIX) or LOCK in n], everything
    numbers = sorted(int(p.name) for p in (site / "versions").iterdir())
    assert numbers == list(range(1, len(numbers) + 1))
    for number in numbers:
        release = site / "versions" / f"{number:04d}"
        assert RELEASE_FILES <= {p.name for p in release.iterdir()} <= RELEASE_FILES | (
            OFFICE_FILES), number
        entry = json.loads((release / "changes.json").read_text("utf-8"))
        assert entry["version"] == number
    latest = site / "versions" / f"{numbers[-1]:04d}"
    assert agenda.load(latest / "agenda.json") == spec
    for feed in ("agenda.ics", "agenda-busan.ics", "agenda-press.ics"):
        assert (site / feed).read_bytes() == (latest / feed).read_bytes(), feed
    history = json.loads((site / "changes.json").read_text("utf-8"))["releases"]
    assert [r["version"] for r in history] == numbers[::-1]
    assert history == [json.loads((site / "versions" / f"{n:04d}" / "changes.json")
                                  .read_text("utf-8")) for n in numbers[::-1]]
    page = (site / "index.html").read_text("utf-8")
    assert all(f"versions/{n:04d}/agenda.html" in page for n in numbers)


def sequences_rise(site: Path) -> None:
    """From each release to the next, every event whose times changed has a higher
    SEQUENCE, and none has a lower one."""
    numbers = sorted(int(p.name) for p in (site / "versions").iterdir())
    feeds = [agenda.from_ics((site / "versions" / f"{n:04d}" / "agenda.ics").read_bytes())
             for n in numbers]
    for before, after in itertools.pairwise(feeds):
        old = {e.uid: e for e in before.events}
        for event in after.events:
            if event.uid not in old:
                continue
            was = old[event.uid]
            assert event.sequence >= was.sequence, event.summary
            if (event.start, event.end) != (was.start, was.end):
                assert event.sequence > was.sequence, event.summary


# -- what the release does not own -------------------------------------------------------
def test_a_users_own_index_page_is_refused_untouched(tmp_path: Path) -> None:
    page = b"<!doctype html><title>Our council</title><p>Welcome</p>\n"
    (tmp_path / "index.html").write_bytes(page)
    with pytest.raises(SiteError, match=r"index\.html: not a page written by agenda publish"):
        publish_site(marked(), tmp_path, now=T0)
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]
    assert (tmp_path / "index.html").read_bytes() == page


@pytest.mark.parametrize("name", ["index.html", "agenda.ics", "changes.json"])
@pytest.mark.parametrize("through_link", [False, True])
def test_a_spec_kept_in_the_folder_under_a_name_the_release_writes_is_refused(
        runner: CliRunner, tmp_path: Path, name: str, through_link: bool) -> None:
    site = tmp_path / "site"
    site.mkdir()
    text = agenda.dump_json(marked()) if name.endswith(".json") else agenda.dump_toml(marked())
    spec = site / name
    if through_link:
        spec = tmp_path / ("council.json" if name.endswith(".json") else "council.toml")
        (site / name).symlink_to(spec)
    spec.write_text(text, "utf-8")
    result = runner.invoke(cli, ["publish", str(spec), "--dir", str(site)])
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"error: {site / name}: this is {spec}, which the release is "
                             "made from; publishing would replace it (keep it outside the "
                             "folder)\n")
    assert spec.read_text("utf-8") == text
    assert sorted(p.name for p in site.iterdir()) == [name]


def test_a_page_published_before_it_carried_the_generator_tag_is_still_ours(
        tmp_path: Path) -> None:
    publish_site(marked(), tmp_path, now=T0)
    page = tmp_path / "index.html"
    page.write_text(page.read_text("utf-8").replace(
        '<meta name="generator" content="agenda publish">\n', ""), "utf-8")
    assert "generator" not in page.read_text("utf-8")
    assert publish_site(swapped(marked()), tmp_path, now=T1).version == 2
    assert '<meta name="generator" content="agenda publish">' in page.read_text("utf-8")


# -- an unfinished release ---------------------------------------------------------------
def test_a_release_left_unfinished_is_made_again_by_the_next_run(tmp_path: Path) -> None:
    """What a run killed while writing its release files one by one left behind (the
    release folder without its feed, a zero-byte temporary in it): the next run makes
    the release again and lists it."""
    publish_site(marked(), tmp_path, now=T0)
    unfinished = tmp_path / "versions" / "0002"
    unfinished.mkdir()
    (unfinished / "agenda.json").write_text(agenda.dump_json(swapped(marked())), "utf-8")
    (unfinished / f".agenda.ics.999999999-0123abcd{TEMP_SUFFIX}").touch()
    again = publish_site(swapped(marked()), tmp_path, now=T1)
    assert (again.version, again.new) == (2, True)
    assert again.changes.en[0] == "Gangwon: moved 4.2 → 4.1"
    consistent(tmp_path, swapped(marked()))


def test_a_run_that_stopped_after_its_release_is_finished_by_the_next(tmp_path: Path) -> None:
    publish_site(marked(), tmp_path, now=T0)
    before = snapshot(tmp_path)
    publish_site(swapped(marked()), tmp_path, now=T1)
    for name, (data, _) in before.items():  # the top-level files as they were before it
        if "/" not in name:
            (tmp_path / name).write_bytes(data)
    finished = publish_site(swapped(marked()), tmp_path, now=T2)
    assert (finished.version, finished.new) == (2, False)
    assert {"agenda-busan.ics", "agenda-press.ics", "agenda.ics", "changes.json",
            "index.html"} <= set(finished.written)
    assert not [name for name in finished.written if name.startswith("versions/")]
    consistent(tmp_path, swapped(marked()))


# -- one publisher at a time -------------------------------------------------------------
def test_a_lock_held_too_long_is_an_error_naming_the_folder(runner: CliRunner,
                                                            tmp_path: Path) -> None:
    site = tmp_path / "site"
    spec = tmp_path / "m.toml"
    spec.write_text(agenda.dump_toml(marked()), "utf-8")
    site.mkdir()
    with (site / LOCK).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = runner.invoke(cli, ["publish", str(spec), "--dir", str(site), "--wait",
                                     "0.2"])
        assert result.exit_code == 2, result.output
        assert result.stderr == (f"error: {site}: another publish into this folder holds "
                                 f"its lock ({LOCK}); waited 0.2 s, try again when it is "
                                 "done\n")
        assert sorted(p.name for p in site.iterdir()) == [LOCK]
    result = runner.invoke(cli, ["publish", str(spec), "--dir", str(site)])
    assert result.exit_code == 0, result.output
    consistent(site, marked())


def test_three_publishers_at_once_make_three_whole_releases(tmp_path: Path) -> None:
    specs = write_specs(tmp_path)
    site = tmp_path / "site"
    publish_site(VERSIONS[0], site, now=T0)
    runs = [subprocess.Popen([*AGENDA, "publish", str(spec), "--dir", str(site), "--now",
                              f"2024-03-0{5 + k}T09:00:00Z", "--format", "json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
            for k, spec in enumerate(specs[1:4])]
    outcomes = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outcomes
    made = sorted(json.loads(out)["version"] for out, _ in outcomes)
    assert made == [2, 3, 4]
    last = next(VERSIONS[k + 1] for k, (out, _) in enumerate(outcomes)
                if json.loads(out)["version"] == 4)
    consistent(site, last)
    for number in (2, 3, 4):
        entry = json.loads((site / "versions" / f"{number:04d}" / "changes.json")
                           .read_text("utf-8"))
        assert entry["changes"]["changes"] and entry["text"]["en"], (number, entry)
    sequences_rise(site)


# -- killed at random points -------------------------------------------------------------
KILLS = 100 if THOROUGH else 5


def _lock_appears(site: Path, process: subprocess.Popen[bytes], limit: float) -> bool:
    """Wait (at most `limit` seconds) until the run holds the folder's lock."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if (site / LOCK).exists():
            return True
        time.sleep(0.0005)
    return False


def test_a_publish_killed_at_any_point_is_finished_or_redone_by_the_next_run(
        tmp_path: Path) -> None:
    specs = write_specs(tmp_path)
    site = tmp_path / "site"
    args = ["publish", "--dir", str(site)]
    # How long a run holds the lock: the window the kills are spread over.
    first = subprocess.Popen([*AGENDA, "publish", str(specs[0]), "--dir", str(site), "--now",
                              "2024-03-04T09:00:00Z"], stdout=subprocess.DEVNULL, env=ENV)
    assert _lock_appears(site, first, 60)
    started = time.monotonic()
    assert first.wait(timeout=120) == 0
    window = 1.2 * (time.monotonic() - started)
    chance = random.Random(20240313)
    current = 0
    killed_inside = 0
    for kill in range(KILLS):
        target = (current + 1 + chance.randrange(len(specs) - 1)) % len(specs)
        run = subprocess.Popen([*AGENDA, args[0], str(specs[target]), *args[1:], "--now",
                                f"2024-04-01T09:{kill % 60:02d}:00Z"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        if _lock_appears(site, run, 60):
            time.sleep(chance.uniform(0, window))
        run.send_signal(signal.SIGKILL)
        code = run.wait(timeout=120)
        assert run.stderr is not None
        assert b"error" not in run.stderr.read()
        run.stderr.close()
        killed_inside += code == -signal.SIGKILL
        # The next run publishes the same version (finishing it) or yet another one.
        after = target if chance.random() < 0.5 else (target + 1) % len(specs)
        done = CliRunner().invoke(cli, [args[0], str(specs[after]), *args[1:], "--now",
                                        f"2024-04-02T09:{kill % 60:02d}:00Z"])
        assert done.exit_code == 0, done.output
        consistent(site, VERSIONS[after])
        current = after
    assert killed_inside > 0  # a run was killed at work, not only after it ended
    sequences_rise(site)
