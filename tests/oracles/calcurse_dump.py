"""Import iCalendar files into calcurse (a real terminal calendar) and print what it stored.

Reads a JSON list on stdin, one job per file::

    [{"file": "a.ics", "tz": "UTC", "from": "2024-03-13", "days": 200}, ...]

(an optional "calcurse" names the program; default: ``calcurse`` on PATH).

Each file is imported into a fresh calcurse data directory with ``TZ`` set to the
job's zone (calcurse keeps wall-clock times of that zone), then read back twice:
``-G`` lists every stored appointment once (start and end as Unix seconds, the
description), and ``-Q`` lists the occurrences of the ``days`` from ``from``, which
is how calcurse expands a repeating appointment. Prints one JSON object per job with
calcurse's own import report. Stdlib only; runs with any Python 3.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from typing import Any

CALCURSE = os.environ.get("CALCURSE", "calcurse")
REPORT = re.compile(r"(\d+) apps / (\d+) events / (\d+) todos / (\d+) skipped")
# One line per appointment; the description goes last (it may hold spaces).
APT = "@apt %s %e %m\\n"
RECUR_APT = "@recur %s %e %m\\n"
EVENT = "@event %m\\n"


def run(args: list[str], tz: str, calcurse: str = CALCURSE) -> str:
    env = {**os.environ, "TZ": tz, "LC_ALL": "C.UTF-8"}
    done = subprocess.run([calcurse, *args], env=env, capture_output=True, text=True,
                          encoding="utf-8", check=False, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"calcurse {' '.join(args)} exited {done.returncode}: "
                           f"{done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def entries(text: str) -> list[dict[str, Any]]:
    out = []
    for line in text.splitlines():
        if line.startswith(("@apt ", "@recur ")):
            kind, start, end, summary = line.split(" ", 3)
            out.append({"kind": kind[1:], "start": int(start), "end": int(end),
                        "summary": summary})
        elif line.startswith("@event "):
            out.append({"kind": "event", "summary": line.split(" ", 1)[1]})
    return out


def job(spec: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="calcurse-") as data:
        program = spec.get("calcurse", CALCURSE)
        imported = run(["-D", data, "-i", spec["file"]], spec["tz"], program)
        match = REPORT.search(imported)
        if match is None:
            raise RuntimeError(f"{spec['file']}: no import report in {imported!r}")
        apps, events, todos, skipped = (int(g) for g in match.groups())
        formats = ["--format-apt", APT, "--format-recur-apt", RECUR_APT,
                   "--format-event", EVENT, "--format-recur-event", EVENT]
        stored = run(["-D", data, "-G", "--filter-type", "apt,recur-apt,event,recur-event",
                      *formats], spec["tz"], program)
        listed = run(["-D", data, "--input-datefmt", "4", "-Q", "--from", spec["from"],
                      "--days", str(spec["days"]), *formats], spec["tz"], program)
    return {
        "file": spec["file"], "tz": spec["tz"],
        "report": {"apps": apps, "events": events, "todos": todos, "skipped": skipped},
        "stored": entries(stored),
        "listed": entries(listed),
    }


def main() -> int:
    specs = json.load(sys.stdin)
    try:
        out = [job(spec) for spec in specs]
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        print(error, file=sys.stderr)
        return 1
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
