"""Publish the reference meeting into a CalDAV calendar, edit it, publish again.

Starts a Radicale server of its own (127.0.0.1, a free port, a temporary storage
folder; `pip install radicale`), publishes the meeting and its items, publishes again
unchanged (no PUT), swaps two presenters and drops the closing remarks, publishes the
edit, and prints the counts of every run as the command line does with --format json.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

import agenda
from agenda import publish_caldav

USER, PASSWORD = "secretariat", "example-only"


def start_radicale(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    (folder / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    (folder / "config").write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\n"
        f"htpasswd_filename = {folder}/users\nhtpasswd_encryption = plain\n"
        f"[storage]\nfilesystem_folder = {folder}/storage\n[logging]\nlevel = error\n",
        encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "radicale", "--config",
                               str(folder / "config")], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    server.wait(timeout=10)
    raise SystemExit("radicale did not start within 30 s")


def main() -> None:
    try:
        import radicale  # noqa: F401
    except ImportError:
        print("radicale is not installed (pip install radicale); nothing to publish into")
        return
    meeting = agenda.reference_meeting()
    reports = meeting.items[3]
    swapped = attrs.evolve(reports, items=[reports.items[1], reports.items[0],
                                           *reports.items[2:]])
    edited = attrs.evolve(meeting, end=None,
                          items=[*meeting.items[:3], swapped, *meeting.items[4:-1]])
    with tempfile.TemporaryDirectory(prefix="agenda-caldav-") as folder:
        server, port = start_radicale(Path(folder))
        try:
            url = f"http://127.0.0.1:{port}/{USER}/council/"
            runs = [("publish", meeting, dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.UTC)),
                    ("publish unchanged", meeting, dt.datetime(2024, 3, 5, 9, 0, tzinfo=dt.UTC)),
                    ("publish the edit", edited, dt.datetime(2024, 3, 11, 17, 30, tzinfo=dt.UTC))]
            for label, version, now in runs:
                result = publish_caldav(version, url, now=now, user=USER, password=PASSWORD)
                print(f"{label:18} {json.dumps(result.as_dict())}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
