"""A real Radicale server for the tests: 127.0.0.1, a free port, a temporary storage
folder, bounded waits, stopped by its own process handle."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

USER = "alice"
PASSWORD = "s3cret-Pa55"

CONFIG = """\
[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {folder}/users
htpasswd_encryption = plain
# No pause after a request without credentials: every client's first request is one
# (it learns the auth scheme from the 401), and the tests make many clients.
delay = 0
[storage]
filesystem_folder = {folder}/storage
[rights]
type = {rights}
[logging]
level = warning
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Radicale:
    """One Radicale process over `folder`; `start` again after `kill` keeps the storage.
    `rights` is Radicale's rights type: ``owner_only`` (a user's own calendars, one level
    below the principal) or ``authenticated`` (any path, so that a calendar may be asked
    for below a folder that does not exist)."""

    def __init__(self, folder: Path, rights: str = "owner_only") -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        (folder / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
        (folder / "config").write_text(CONFIG.format(port=self.port, folder=folder,
                                                     rights=rights),
                                       encoding="utf-8")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{USER}/"

    def start(self) -> None:
        with (self.folder / "log").open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(self.folder / "config")],
                stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("radicale exited: "
                                   + (self.folder / "log").read_text(errors="replace"))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("radicale did not listen within 30 s")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@contextmanager
def radicale(folder: Path, rights: str = "owner_only") -> Iterator[Radicale]:
    server = Radicale(folder, rights)
    server.start()
    try:
        yield server
    finally:
        server.stop()


EXPAND = """<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
<D:prop><C:calendar-data><C:expand start="{start}" end="{end}"/></C:calendar-data></D:prop>
<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
<C:time-range start="{start}" end="{end}"/></C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""


def expanded_events(url: str, start: str, end: str) -> list[Any]:
    """The server's own expansion of a calendar between two UTC stamps
    (``20250101T000000Z``), through CalDAV ``expand``: every VEVENT it answers."""
    import xml.etree.ElementTree as ET

    import caldav
    import icalendar

    client = caldav.DAVClient(url=url, username=USER, password=PASSWORD,
                              enable_rfc6764=False)
    answer = client.request(url, "REPORT", EXPAND.format(start=start, end=end),
                            {"Depth": "1", "Content-Type": "application/xml"})
    assert answer.status == 207, answer.status
    events: list[Any] = []
    for data in ET.fromstring(answer.raw).iter("{urn:ietf:params:xml:ns:caldav}calendar-data"):
        events += icalendar.Calendar.from_ical(data.text or "").walk("VEVENT")
    return events


def etags(url: str) -> dict[str, str]:
    """href → ETag of every object in the calendar at `url` (a PROPFIND of depth 1)."""
    import xml.etree.ElementTree as ET

    import caldav

    client = caldav.DAVClient(url=url, username=USER, password=PASSWORD,
                              enable_rfc6764=False)
    answer = client.request(url, "PROPFIND",
                            '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop>'
                            "<D:getetag/></D:prop></D:propfind>", {"Depth": "1"})
    out = {}
    for response in ET.fromstring(answer.raw).iter("{DAV:}response"):
        href = response.findtext("{DAV:}href") or ""
        tag = response.findtext(".//{DAV:}getetag")
        if tag and href.endswith(".ics"):
            out[href] = tag
    return out
