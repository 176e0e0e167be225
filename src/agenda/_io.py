"""File-system edges: reading spec files and writing outputs atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ._model import Meeting
from ._problems import Problem, SpecError
from ._spec import loads

__all__ = ["load", "write_atomic"]


def load(path: str | os.PathLike[str]) -> Meeting:
    """Read a spec file; ``.json`` is read as JSON, anything else as TOML."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError([Problem("unreadable", facts={"reason": exc.strerror or str(exc)})],
                        str(file)) from None
    except UnicodeDecodeError as exc:
        raise SpecError([Problem("not-utf8", facts={"reason": exc.reason, "byte": exc.start})],
                        str(file)) from None
    try:
        return loads(text, "json" if file.suffix.lower() == ".json" else "toml")
    except SpecError as exc:
        raise SpecError(exc.problems, str(file)) from None


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    A failure part-way leaves no partial file, and an existing file untouched.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                               dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        temporary = Path(tmp)
        temporary.chmod(0o644 if not target.exists() else target.stat().st_mode & 0o777)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise
