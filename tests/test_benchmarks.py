"""The benchmark runs: a smoke run of benchmarks/run.py (it measures; nothing here
judges a time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

RUN = ROOT / "benchmarks" / "run.py"


def test_quick_benchmark_reports_every_part(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(RUN), "--quick", "--sizes", "100",
                           "--growth", "50,100", "--json", str(out)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    works = [row["work"] for row in report["whole_process"]]
    assert works == ["start-up: agenda --version", "start-up: agenda check (reference meeting)",
                     "start-up: import agenda.cli", "table --format json",
                     "ics --items (fresh)", "ics --items --previous (one item changed)",
                     "table (text)"]
    for row in report["whole_process"]:
        assert row["agenda"]["cpu"] > 0
        assert row["peers"] or row["skipped"], row
    json_row = report["whole_process"][3]
    assert json_row["same_output"] is True  # the floor does exactly agenda's work
    shapes = {(row["shape"], row["slots"]) for row in report["in_process"]}
    assert shapes == {("flat", 100), ("nested", 100)}
    for row in report["in_process"]:
        assert row["layout"] > 0 and row["ics"] > 0 and row["ics_previous"] > 0
        assert row["dump_toml"] > 0
        assert row["bytes_per_slot_layout"] > 0
    assert "| table --format json |" in done.stdout
    grown = {row["work"]: row for row in report["command_growth"]}
    assert sorted(grown) == ["check", "ics --items", "ics --items --previous",
                             "table (text)", "table --format json"]
    for row in grown.values():
        assert row["growth"] == row["cpu_large"] / row["cpu_small"]
        assert row["met"] is (row["growth"] <= 2.2)  # 1.1 × twice the items
    for row in report["whole_process"]:  # each goal is judged: met, not met, or no peer
        assert len(row["met"]) == row["goal"].count("≤"), row
    assert report["whole_process"][0]["met"] in ([True], [False])
