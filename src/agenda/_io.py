"""File-system edges: reading spec files and writing outputs safely.

`write_atomic` treats what already stands at the output path with care: a regular
file is replaced atomically and keeps its mode (and, where allowed, its owner); a
symbolic link is written through, so its target is replaced and the link stays; a
device, a FIFO or a path under ``/dev`` or ``/proc`` (``/dev/stdout``) is written in
place, never renamed over; a file without any write bit is refused.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from ._model import Meeting
from ._problems import AgendaError, Problem, SpecError
from ._spec.source import STANDARD_INPUT, SpecText, spec_text

__all__ = ["STDIN", "TEMP_SUFFIX", "OutputIsInput", "append_line", "load", "log_path",
           "previous_output", "read_input", "read_spec", "readable_output", "refuse_input",
           "remove_stale_temporaries", "temporary_folder", "write_atomic"]

#: Temporary files are named ``.<target name>.<pid>-<random>.agenda-tmp`` beside the
#: target; one left by a killed run is removed by the next write to the same target.
TEMP_SUFFIX = ".agenda-tmp"
_IN_PLACE_ROOTS = ("/dev/", "/proc/")
STDIN = "-"
"""The path that names standard input (and, for an output, standard output)."""


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at `path`, or of standard input for ``-``; raises
    :class:`OSError` when they cannot be read."""
    if os.fspath(path) == STDIN:
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def read_spec(path: str | os.PathLike[str]) -> SpecText:
    """The spec in the file at `path` (``-``: standard input), with its format: the one
    reader of spec files (see `agenda._spec.source.spec_format`).

    An unreadable file, or one that is not UTF-8 (a byte-order mark is accepted),
    raises :class:`SpecError` naming it and saying how to convert it.
    """
    source = None if os.fspath(path) == STDIN else os.fspath(path)
    try:
        raw = read_input(path)
    except OSError as exc:
        raise SpecError([Problem("unreadable", facts={"reason": exc.strerror or str(exc)})],
                        STANDARD_INPUT if source is None else source) from None
    return spec_text(raw, source)


def load(path: str | os.PathLike[str]) -> Meeting:
    """Read a spec file; ``.json`` is read as JSON, anything else as TOML; ``-`` reads
    standard input (JSON when it starts with ``{``, else TOML).

    A UTF-8 byte-order mark at the start is accepted; other encodings are refused
    with a message that says how to convert the file. Every problem is raised at once
    in a :class:`SpecError` that names the file.
    """
    return read_spec(path).meeting()


class OutputIsInput(AgendaError, ValueError):
    """Writing `output` would replace `source`, a file the output is made from."""

    def __init__(self, output: str | os.PathLike[str], source: str | os.PathLike[str],
                 what: str = "the spec file") -> None:
        self.output = str(output)
        self.source = str(source)
        self.what = what
        super().__init__(f"{self.output} is {what} itself; writing there would replace it")


def refuse_input(output: str | os.PathLike[str] | None,
                 sources: Iterable[str | os.PathLike[str]],
                 what: str = "the spec file") -> None:
    """Raise :class:`OutputIsInput` when `output` is one of `sources`: the same file by
    its own name, through a symbolic link or as a hard link. Standard input and output
    (``-``, None) are no files, and an output that does not exist yet is no input.

    The one rule of every command that writes: nothing is ever written over what it
    was made from.
    """
    if output is None or str(output) == "-":
        return
    for source in sources:
        if str(source) == "-":
            continue
        try:
            same = Path(output).samefile(source)
        except (OSError, ValueError):  # missing (nothing to lose), or not a path at all
            continue
        if same:
            raise OutputIsInput(output, source, what)


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write `data` (text is encoded as UTF-8) to `path` without ever leaving half a file.

    - a regular file (or a new one) is written to a temporary file beside it, synced
      and renamed over it: a failure part-way leaves the old file untouched; an
      existing file keeps its permission bits;
    - a symbolic link is followed: its final target is replaced that way, the link stays;
    - a device, a FIFO, a socket or anything under ``/dev`` or ``/proc`` (such as
      ``/dev/stdout``) is opened and written in place, never replaced by a file;
    - a regular file with no write bit at all (``chmod a-w``), or one the caller may
      not write, is refused with :class:`PermissionError`, even for root.

    Temporary files that a killed run left beside the target are removed first.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        found: os.stat_result | None = target.stat()  # follows links
    except FileNotFoundError:
        found = None
    if _in_place(target, found):
        with target.open("wb") as handle:
            handle.write(payload)
        return
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    if found is not None and (not found.st_mode & 0o222 or not os.access(real, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only (it has no write "
                              "permission); change its mode or choose another output",
                              str(target))
    folder = real.parent
    remove_stale_temporaries(folder, real.name)
    tmp, fd = _create_temporary(folder, real.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if found is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(found.st_mode))
                if (found.st_uid, found.st_gid) != _owner(handle.fileno()):
                    with contextlib.suppress(OSError):  # only root may give files away
                        os.fchown(handle.fileno(), found.st_uid, found.st_gid)
            os.fsync(handle.fileno())
        tmp.replace(real)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def log_path(spec: str | os.PathLike[str]) -> Path:
    """The log of actual times kept beside a spec file: ``NAME.log.toml`` for
    ``NAME.toml`` (or ``NAME.json``)."""
    file = Path(spec)
    return file.with_name(f"{file.stem if file.suffix else file.name}.log.toml")


def append_line(path: str | os.PathLike[str], line: str, header: str = "") -> None:
    """Add `line` (one complete line, ending in a newline) at the end of the file at
    `path`, created (starting with `header`) when missing.

    The earlier bytes of the file are never rewritten: the line goes out in one
    ``write(2)`` on a descriptor opened with ``O_APPEND``, which the kernel places at
    the end of the file even when another process appends at the same moment, and is
    synced to disk before this returns. A file whose last line has no newline (torn, or
    edited by hand) gets one first, so the new line stands on its own; appenders hold an
    exclusive ``flock`` while they look at the last byte and write, so two of them never
    both add that newline. A file without any write bit is refused with
    :class:`PermissionError`, even for root.
    """
    if not line.endswith("\n") or "\n" in line[:-1]:
        raise ValueError("append_line writes exactly one line, ending in a newline")
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released when the file is closed
        found = os.fstat(fd)
        if not found.st_mode & 0o222:  # chmod a-w: refused, as write_atomic does, even for root
            raise PermissionError(errno.EACCES, "the file is read-only (it has no write "
                                  "permission)", str(path))
        size = found.st_size
        if size == 0:
            text = header + line
        elif os.pread(fd, 1, size - 1) != b"\n":
            text = "\n" + line
        else:
            text = line
        payload = text.encode("utf-8")
        while payload:
            payload = payload[os.write(fd, payload):]
        os.fsync(fd)
    finally:
        os.close(fd)


def readable_output(path: str | os.PathLike[str]) -> bool:
    """True when `path` holds a previous output worth reading back: a non-empty regular
    file (through links), not a device, a FIFO or ``/dev/stdout``, whose reading would
    block or consume what is not ours."""
    target = Path(path)
    try:
        found = target.stat()
    except OSError:
        return False
    return stat.S_ISREG(found.st_mode) and found.st_size > 0 and not _in_place(target, found)


def previous_output(output: str | os.PathLike[str] | None,
                    previous: str | os.PathLike[str] | None = None) -> str | None:
    """The file that holds the previous version of an output: `previous` when given,
    else `output` itself when it holds one (see `readable_output`); None when there is
    none (standard output, ``-``, has none)."""
    if previous is not None:
        return os.fspath(previous)
    if output is None or os.fspath(output) == STDIN or not readable_output(output):
        return None
    return os.fspath(output)


def _in_place(target: Path, found: os.stat_result | None) -> bool:
    """True for what must be written where it is: devices, FIFOs, sockets, /dev, /proc."""
    if found is not None and not (stat.S_ISREG(found.st_mode) or stat.S_ISDIR(found.st_mode)):
        return True
    absolute = os.path.normpath(target.absolute())  # not resolved: /dev/stdout stays itself
    return found is not None and absolute.startswith(_IN_PLACE_ROOTS)


def _owner(fd: int) -> tuple[int, int]:
    info = os.fstat(fd)
    return info.st_uid, info.st_gid


def _token() -> str:
    """Eight random hex digits (as `secrets.token_hex(4)`, without its start-up)."""
    return os.urandom(4).hex()


def _create_temporary(folder: Path, name: str) -> tuple[Path, int]:
    """A new file ``.<name>.<pid>-<random>.agenda-tmp`` in `folder`, opened for writing.

    Created with mode 0o666 less the umask, as a plain ``open`` would create it.
    """
    while True:
        tmp = folder / f".{name}.{os.getpid()}-{_token()}{TEMP_SUFFIX}"
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue


def temporary_folder(folder: str | os.PathLike[str], name: str) -> Path:
    """A new, empty folder ``.<name>.<pid>-<random>.agenda-tmp`` in `folder`, to build
    something aside before it is renamed into place as `name`."""
    while True:
        tmp = Path(folder) / f".{name}.{os.getpid()}-{_token()}{TEMP_SUFFIX}"
        try:
            tmp.mkdir()
        except FileExistsError:
            continue
        return tmp


def remove_stale_temporaries(folder: str | os.PathLike[str], name: str | None = None) -> None:
    """Remove the temporaries in `folder` (of the target `name`, or of any target)
    whose writing process no longer runs: files, or folders a release was built in."""
    prefix = f".{name}." if name is not None else "."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX)):
            continue
        pid_text, _, token = entry.name[:-len(TEMP_SUFFIX)].rpartition(".")[2].partition("-")
        if not (pid_text.isdigit() and len(token) == 8) or _running(int(pid_text)):
            continue
        if entry.is_dir(follow_symlinks=False):
            import shutil  # (its archive modules cost every command's start-up)

            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another thread of this process may be writing the same target
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
