"""Writing outputs: what stands at the path is treated with care (files, links, FIFOs,
devices, permissions), and temporaries of a killed run do not stay."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from agenda import write_atomic
from agenda._io import TEMP_SUFFIX

IS_ROOT = os.geteuid() == 0


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", "안녕")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.txt").read_text("utf-8") == "안녕"
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o664, 0o604])
def test_a_regular_file_is_replaced_and_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old", "utf-8")
    out.chmod(mode)
    before = out.stat().st_ino
    write_atomic(out, b"new")
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert out.stat().st_ino != before  # replaced by a rename, not rewritten in place


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_a_file_without_a_write_bit_is_refused(tmp_path: Path, mode: int) -> None:
    out = tmp_path / "locked.txt"
    out.write_text("keep me", "utf-8")
    out.chmod(mode)
    with pytest.raises(PermissionError) as caught:
        write_atomic(out, "new")
    assert caught.value.filename == str(out)
    out.chmod(0o600)
    assert out.read_text("utf-8") == "keep me"
    assert temporaries(tmp_path) == []


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "feed.ics"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert link.readlink() == target
    assert target.read_text("utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert temporaries(tmp_path) == [] and temporaries(real_dir) == []


def test_a_chain_of_links_and_a_dangling_link(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to(target.name)  # dangling until written
    write_atomic(tmp_path / "a", "x")
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()
    assert target.read_text("utf-8") == "x"


def test_a_symlink_to_a_read_only_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("keep", "utf-8")
    target.chmod(0o444)
    (tmp_path / "link").symlink_to(target)
    with pytest.raises(PermissionError):
        write_atomic(tmp_path / "link", "new")
    assert target.read_text("utf-8") == "keep"


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert temporaries(tmp_path) == []


@pytest.mark.skipif(not IS_ROOT, reason="creating a device node needs root")
def test_a_device_is_written_in_place(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second node of /dev/null
    write_atomic(device, "discarded")
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert temporaries(tmp_path) == []


def test_dev_null_stays_a_device() -> None:
    write_atomic("/dev/null", "discarded")  # only opens it for writing
    assert stat.S_ISCHR(Path("/dev/null").lstat().st_mode)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, "x")


def test_a_failure_part_way_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old", "utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(out, "new")
    assert out.read_text("utf-8") == "old"
    assert temporaries(tmp_path) == []


KILLED_WRITER = """
import os, signal, sys
import agenda._io
def die(fd):
    os.kill(os.getpid(), signal.SIGKILL)
os.fsync = die
agenda._io.write_atomic(sys.argv[1], "half")
"""


def test_a_killed_run_leaves_a_recognisable_temporary_that_the_next_write_removes(
        tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old", "utf-8")
    done = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(out)], check=False,
                          timeout=60)
    assert done.returncode == -9
    left = temporaries(tmp_path)
    assert len(left) == 1 and left[0].startswith(".out.txt.")
    assert out.read_text("utf-8") == "old"
    (tmp_path / "other.txt").write_text("x", "utf-8")
    other_tmp = tmp_path / left[0].replace(".out.txt.", ".other.txt.")
    (tmp_path / left[0]).rename(other_tmp)  # a leftover of another target stays
    write_atomic(out, "new")
    assert temporaries(tmp_path) == [other_tmp.name]
    write_atomic(tmp_path / "other.txt", "y")
    assert temporaries(tmp_path) == []


def test_a_temporary_of_a_running_writer_is_left_alone(tmp_path: Path) -> None:
    busy = tmp_path / f".out.txt.{os.getppid()}-0123abcd{TEMP_SUFFIX}"
    busy.write_text("someone is writing", "utf-8")
    write_atomic(tmp_path / "out.txt", "new")
    assert busy.exists()
