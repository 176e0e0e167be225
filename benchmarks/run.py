"""The benchmark of agenda against its peers, on the same work and in the same run.

Synthetic agendas (flat and nested, several zones, a DST crossing) of 100 to 100,000
slots are measured in process (load, layout + validation, each renderer, the
iCalendar feed fresh and against a previous feed, peak memory per slot), then the
command line is measured as whole processes beside scripts that do the same work
with the standard library, icalendar, ics.py, tabulate and rich. Each peer runs
in the same loop as agenda, so ratios hold even on a busy machine.

Run: ``python benchmarks/run.py [--quick] [--json FILE] [--repeat N]``; a Markdown
report goes to standard output. Peers that are not installed are reported as
skipped (``pip install -e '.[bench]'`` installs them). Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import tomli_w

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PEERS = HERE / "peers"
SIZES = (100, 1_000, 10_000, 100_000)
QUICK_SIZES = (100, 1_000)

# Shapes: (zone, first date, start, structure). The New York agenda starts on the
# night of the spring-forward change, the Berlin one on the night of the fall-back.
SHAPES: dict[str, tuple[str, dt.date, dt.time, str]] = {
    "flat": ("America/New_York", dt.date(2024, 3, 10), dt.time(0, 30), "flat"),
    "nested": ("Europe/Berlin", dt.date(2024, 10, 26), dt.time(22, 0), "nested"),
    "seoul": ("Asia/Seoul", dt.date(2024, 3, 13), dt.time(9, 0), "flat"),
}
TITLES = ("지자체별 글로벌 혁신 특구 준비현황 발표", "Opening remarks and introductions",
          "질의응답 및 토론", "Coffee break", "차관 맺음말씀과 향후 일정 안내 (Closing)")
# Work too slow for the biggest agendas is measured up to this many slots.
RENDER_CAP = {"pdf": 100}
# Whole commands grow at most this much from 10,000 to 100,000 items (1.1 × the items).
GROWTH_GOAL = 11.0


@dataclass(frozen=True)
class Goal:
    """A goal of a whole-process row: at most `limit` seconds of wall time (the median),
    or at most `limit` times a peer's CPU time."""

    kind: str  # "seconds" or "ratio"
    limit: float
    peer: str = ""

    def text(self) -> str:
        if self.kind == "seconds":
            return f"≤ {self.limit} s"
        return f"≤ {self.limit}× {self.peer}"

    def met(self, row: dict[str, Any]) -> bool | None:
        """Whether the row meets the goal (None when its peer was not run)."""
        if self.kind == "seconds":
            return bool(row["agenda"]["wall"] <= self.limit)
        for peer in row["peers"]:
            if peer["name"] == self.peer:
                return bool(peer["ratio_cpu"] <= self.limit)
        return None


# -- synthetic agendas -------------------------------------------------------------------
def _item(k: int) -> dict[str, Any]:
    item: dict[str, Any] = {"id": f"i{k}", "title": f"{TITLES[k % len(TITLES)]} {k}",
                            "minutes": 3 + k % 3 * 2}
    if k % 3 == 0:
        item["presenter"] = "기획재정부 정책관" if k % 2 else "Dr. Kim"
    if k % 5 == 0:
        item["notes"] = "자료 배포, 4층 회의실"
    return item


def spec(slots: int, shape: str) -> dict[str, Any]:
    """A spec dict of `slots` slots in the given shape."""
    zone, date, start, structure = SHAPES[shape]
    items: list[dict[str, Any]] = []
    count = k = 0
    while count < slots:
        k += 1
        if structure == "nested" and k % 2 and slots - count >= 5:
            block = {"id": f"s{k}", "title": f"세션 {k}: {TITLES[k % len(TITLES)]}",
                     "minutes": 20,
                     "items": [{"id": f"t{k}-{j}", "title": f"발표 {k}.{j}"} for j in range(4)]}
            items.append(block)
            count += 5
        else:
            items.append(_item(k))
            count += 1
    return {"meeting": {"id": f"bench-{shape}-{slots}", "title": f"벤치마크 {shape} {slots}",
                        "date": date, "start": start, "timezone": zone,
                        "location": "서울 정부청사 2층"},
            "items": items}


def changed(data: dict[str, Any]) -> dict[str, Any]:
    """The same spec with the title of the middle item changed."""
    items = list(data["items"])
    middle = len(items) // 2
    items[middle] = {**items[middle], "title": items[middle]["title"] + " (수정)"}
    return {**data, "items": items}


def write_spec(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


# -- measuring ---------------------------------------------------------------------------
def best(repeat: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        func()
        times.append(time.perf_counter() - begin)
    return min(times)


def peak(func: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def forget_read_feeds() -> None:
    """Empty the reader's hold on the feeds it read, so that each `to_ics` against a
    previous feed reads it (a command reads it once)."""
    from agenda._ical import read

    read._read.cache_clear()


def in_process(sizes: Sequence[int], repeat: int, folder: Path,
               formats: Sequence[str] | None = None) -> list[dict[str, Any]]:
    import agenda

    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    rows = []
    for shape in ("flat", "nested"):
        for slots in sizes:
            data = spec(slots, shape)
            path = write_spec(folder, f"{shape}-{slots}", data)
            meeting = agenda.load(path)
            timetable = agenda.layout(meeting)
            other = agenda.layout(agenda.loads(tomli_w.dumps(changed(data))))
            row: dict[str, Any] = {"shape": shape, "slots": len(timetable),
                                   "zone": SHAPES[shape][0]}
            row["load"] = best(repeat, lambda p=path: agenda.load(p))
            row["dump_toml"] = best(repeat, lambda m=meeting: agenda.dump_toml(m))
            row["layout"] = best(repeat, lambda m=meeting: agenda.layout(m))
            for fmt in sorted(agenda.RENDERERS if formats is None else formats):
                if slots > RENDER_CAP.get(fmt, slots):
                    row[fmt] = None
                    continue
                try:
                    row[fmt] = best(repeat, lambda t=timetable, f=fmt: agenda.render(t, f))
                except agenda.AgendaError:  # e.g. PDF without WeasyPrint or a font
                    row[fmt] = None
            row["ics"] = best(repeat, lambda t=timetable: agenda.to_ics(t, items=True, now=now))
            previous = agenda.to_ics(timetable, items=True, now=now)
            row["ics_previous"] = best(repeat, lambda t=other, p=previous: (
                forget_read_feeds(), agenda.to_ics(t, items=True, previous=p, now=now)))
            row["bytes_per_slot_layout"] = peak(lambda m=meeting: agenda.layout(m)) / slots
            row["bytes_per_slot_load"] = peak(lambda p=path: agenda.load(p)) / slots
            rows.append(row)
    return rows


def _clean_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "PYTHONDEVMODE",
                 "PYTHONTRACEMALLOC", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    return env


def run_process(argv: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one whole-process run."""
    begin = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env=env, cwd=cwd)
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - begin
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {child.returncode}: "
                           f"{err.decode(errors='replace')[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def _agenda(*args: str) -> list[str]:
    return [sys.executable, "-c", "from agenda.cli import main; main()", *args]


def _peer(script: str, *args: str) -> list[str]:
    return [sys.executable, str(PEERS / script), *args]


def _output(argv: Sequence[str], env: dict[str, str], cwd: Path) -> bytes:
    return subprocess.run(argv, capture_output=True, env=env, cwd=cwd, check=True).stdout


def whole_process(quick: bool, repeat: int, folder: Path) -> list[dict[str, Any]]:
    env = _clean_env()
    n_json, n_ics, n_text = (500, 200, 300) if quick else (20_000, 3_000, 10_000)
    json_spec = write_spec(folder, "cli-json", spec(n_json, "flat"))
    ics_data = spec(n_ics, "flat")
    ics_spec = write_spec(folder, "cli-ics", ics_data)
    ics_changed = write_spec(folder, "cli-ics-changed", changed(ics_data))
    previous = folder / "previous.ics"
    previous.write_bytes(_output(_agenda("ics", str(ics_spec), "--items", "--now",
                                         "2024-01-01T00:00:00Z"), env, folder))
    text_spec = write_spec(folder, "cli-text", spec(n_text, "seoul"))
    now = ("--now", "2024-01-02T00:00:00Z")
    reference = str(ROOT / "examples" / "reference-meeting.toml")
    bare: list[tuple[str, str | None, list[str]]] = [
        ("bare interpreter", None, [sys.executable, "-c", "pass"])]
    cases: list[tuple[str, int, list[Goal], list[str],
                      list[tuple[str, str | None, list[str]]]]] = [
        ("start-up: agenda --version", 0, [Goal("seconds", 0.1)],
         [sys.executable, "-m", "agenda.cli", "--version"], bare),
        ("start-up: agenda check (reference meeting)", 0, [Goal("seconds", 0.1)],
         [sys.executable, "-m", "agenda.cli", "check", reference], bare),
        ("start-up: import agenda.cli", 0, [],
         [sys.executable, "-c", "import agenda.cli"],
         [("stdlib imports", None, _peer("imports.py"))]),
        ("table --format json", n_json, [Goal("ratio", 1.0, "stdlib (tomllib, zoneinfo, json)")],
         _agenda("table", str(json_spec), "--format", "json"),
         [("stdlib (tomllib, zoneinfo, json)", None, _peer("stdlib_json.py", str(json_spec)))]),
        ("ics --items (fresh)", n_ics,
         [Goal("ratio", 0.6, "icalendar loop"), Goal("ratio", 1.0, "ics.py")],
         _agenda("ics", str(ics_spec), "--items", *now),
         [("icalendar loop", "icalendar", _peer("icalendar_loop.py", str(ics_spec))),
          ("ics.py", "ics", _peer("ics_py.py", str(ics_spec)))]),
        ("ics --items --previous (one item changed)", n_ics,
         [Goal("ratio", 1.0, "icalendar loop")],
         _agenda("ics", str(ics_changed), "--items", "--previous", str(previous), *now),
         [("icalendar loop", "icalendar", _peer("icalendar_loop.py", str(ics_spec)))]),
        ("table (text)", n_text, [Goal("ratio", 1.0, "tabulate")],
         _agenda("table", str(text_spec)),
         [("tabulate", "tabulate", _peer("tabulate_text.py", str(text_spec))),
          ("rich", "rich", _peer("rich_table.py", str(text_spec)))]),
    ]
    # The floor must do the same work: its JSON is agenda's, byte for byte.
    same = _output(_agenda("table", str(json_spec), "--format", "json"), env, folder) == \
        _output(_peer("stdlib_json.py", str(json_spec)), env, folder)
    results = []
    for work, slots, goals, ours, peers in cases:
        present = [(name, argv) for name, module, argv in peers
                   if module is None or find_spec(module) is not None]
        commands = [ours, *(argv for _, argv in present)]
        for argv in commands:  # warm-up: byte-code caches, page cache
            run_process(argv, env, folder)
        samples: list[list[tuple[float, float]]] = [[] for _ in commands]
        for _ in range(repeat):
            for k, argv in enumerate(commands):
                samples[k].append(run_process(argv, env, folder))
        medians = [(statistics.median(w for w, _ in s), statistics.median(c for _, c in s))
                   for s in samples]
        row: dict[str, Any] = {"work": work, "slots": slots,
                               "goal": ", ".join(g.text() for g in goals),
                               "agenda": {"wall": medians[0][0], "cpu": medians[0][1]},
                               "peers": []}
        for (name, _), (wall, cpu) in zip(present, medians[1:], strict=True):
            row["peers"].append({"name": name, "wall": wall, "cpu": cpu,
                                 "ratio_cpu": medians[0][1] / cpu,
                                 "ratio_wall": medians[0][0] / wall})
        row["skipped"] = [name for name, module, _ in peers
                          if module is not None and find_spec(module) is None]
        row["met"] = [g.met(row) for g in goals]
        if work == "table --format json":
            row["same_output"] = same
        results.append(row)
    return results


def command_growth(sizes: Sequence[int], repeat: int, folder: Path) -> list[dict[str, Any]]:
    """Each command's whole-process CPU time at two sizes of a flat agenda, and its growth
    (goal: at most 11× from 10,000 to 100,000 items)."""
    env = _clean_env()
    small, large = sizes
    now = ("--now", "2024-01-02T00:00:00Z")
    times: dict[str, dict[int, float]] = {}
    for slots in (small, large):
        data = spec(slots, "flat")
        path = write_spec(folder, f"growth-{slots}", data)
        other = write_spec(folder, f"growth-changed-{slots}", changed(data))
        previous = folder / f"growth-{slots}.ics"
        previous.write_bytes(_output(_agenda("ics", str(path), "--items", "--now",
                                             "2024-01-01T00:00:00Z"), env, folder))
        commands = {
            "check": _agenda("check", str(path)),
            "table --format json": _agenda("table", str(path), "--format", "json"),
            "table (text)": _agenda("table", str(path)),
            "ics --items": _agenda("ics", str(path), "--items", *now),
            "ics --items --previous": _agenda("ics", str(other), "--items", "--previous",
                                              str(previous), *now),
        }
        for work, argv in commands.items():
            cpu = [run_process(argv, env, folder)[1] for _ in range(repeat)]
            times.setdefault(work, {})[slots] = statistics.median(cpu)
    goal = GROWTH_GOAL * large / small / 10  # 11× for ten times the items
    return [{"work": work, "small": small, "large": large, "cpu_small": t[small],
             "cpu_large": t[large], "growth": t[large] / t[small],
             "goal": goal, "met": t[large] / t[small] <= goal}
            for work, t in times.items()]


# -- reporting ---------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpu": model or platform.processor(), "cores": os.cpu_count(),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value * 1000:,.1f}"


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    out = [f"# agenda benchmark ({'quick' if report['quick'] else 'full'})", "",
           f"Python {m['python']} on {m['platform']}, {m['cpu']}, {m['cores']} cores, "
           f"load average {m['load_average']}, {m['date']}.", "",
           "## Whole process, beside the peers", "",
           f"Median of {report['repeat']} interleaved runs; ratio = agenda ÷ peer in CPU "
           "time (user + system) of the whole process, wall time in brackets.", "",
           "| work | slots | agenda s | peer | peer s | ratio | goal | met |",
           "|---|---:|---:|---|---:|---:|---|---|"]
    for row in report["whole_process"]:
        ours = f"{row['agenda']['cpu']:.3f} ({row['agenda']['wall']:.3f})"
        met = ", ".join({True: "yes", False: "no", None: "—"}[m] for m in row["met"]) or "—"
        for peer in row["peers"] or [{"name": "—", "cpu": None}]:
            if peer["cpu"] is None:
                out.append(f"| {row['work']} | {row['slots']:,} | {ours} | — | — | — | "
                           f"{row['goal']} | {met} |")
                continue
            out.append(f"| {row['work']} | {row['slots']:,} | {ours} | {peer['name']} | "
                       f"{peer['cpu']:.3f} ({peer['wall']:.3f}) | "
                       f"{peer['ratio_cpu']:.2f}× ({peer['ratio_wall']:.2f}×) | "
                       f"{row['goal']} | {met} |")
        for name in row["skipped"]:
            out.append(f"| {row['work']} | {row['slots']:,} | {ours} | {name}: not installed "
                       f"| — | — | {row['goal']} | {met} |")
        if "same_output" in row:
            out.append(f"| (the JSON of both is identical: {row['same_output']}) | | | | | | | |")
    formats = [k for k in report["in_process"][0]
               if k not in {"shape", "slots", "zone", "load", "dump_toml", "layout", "ics",
                            "ics_previous", "bytes_per_slot_layout", "bytes_per_slot_load"}]
    out += ["", "## In process (milliseconds, best of "
            f"{report['repeat']}; memory: peak bytes per slot)", "",
            "| shape | slots | load | dump_toml | layout + validate | " + " | ".join(formats)
            + " | to_ics | to_ics previous | B/slot layout | B/slot load |",
            "|---|---:|" + "---:|" * (len(formats) + 7)]
    for row in report["in_process"]:
        cells = [_ms(row["load"]), _ms(row["dump_toml"]), _ms(row["layout"]),
                 *(_ms(row[f]) for f in formats),
                 _ms(row["ics"]), _ms(row["ics_previous"]),
                 f"{row['bytes_per_slot_layout']:,.0f}", f"{row['bytes_per_slot_load']:,.0f}"]
        out.append(f"| {row['shape']} ({row['zone']}) | {row['slots']:,} | "
                   + " | ".join(cells) + " |")
    growth = report["growth"]
    if growth:
        out += ["", "## Growth (time at the largest size ÷ time at a tenth of it)", "",
                "| shape | " + " | ".join(growth[next(iter(growth))]) + " |",
                "|---|" + "---:|" * len(growth[next(iter(growth))])]
        for shape, values in growth.items():
            out.append(f"| {shape} | " + " | ".join(
                "—" if v is None else f"{v:.1f}×" for v in values.values()) + " |")
    if report.get("command_growth"):
        rows = report["command_growth"]
        out += ["", "## Growth of whole commands (flat agenda, CPU seconds, median of "
                f"{report['repeat']})", "",
                f"| command | {rows[0]['small']:,} items | {rows[0]['large']:,} items | growth "
                f"| goal | met |", "|---|---:|---:|---:|---|---|"]
        out += [f"| {r['work']} | {r['cpu_small']:.2f} | {r['cpu_large']:.2f} | "
                f"{r['growth']:.1f}× | ≤ {r['goal']:g}× | {'yes' if r['met'] else 'no'} |"
                for r in rows]
    return "\n".join(out) + "\n"


def growth(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    for shape in sorted({r["shape"] for r in rows}):
        mine = sorted((r for r in rows if r["shape"] == shape), key=lambda r: r["slots"])
        if len(mine) < 2:
            continue
        small, large = mine[-2], mine[-1]
        out[shape] = {key: (large[key] / small[key] if large[key] and small[key] else None)
                      for key in ("load", "dump_toml", "layout", "text", "json", "ics",
                                  "ics_previous")}
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: small agendas, one repetition")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--repeat", type=int, help="repetitions (default 5, quick 1)")
    parser.add_argument("--sizes", type=lambda s: tuple(int(x) for x in s.split(",")),
                        help="in-process sizes, comma-separated")
    parser.add_argument("--formats", type=lambda s: tuple(s.split(",")),
                        help="the table formats measured in process, comma-separated "
                             "(default every one)")
    parser.add_argument("--growth", type=lambda s: tuple(int(x) for x in s.split(",")),
                        metavar="SMALL,LARGE",
                        help="also the growth of whole commands between two sizes "
                             "(e.g. 10000,100000; slow)")
    parser.add_argument("--skip", choices=("in-process", "whole-process"), action="append",
                        default=[], help="leave a part out")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 5)
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    with tempfile.TemporaryDirectory(prefix="agenda-bench-") as tmp:
        folder = Path(tmp)
        inside = (in_process(sizes, repeat, folder, args.formats)
                  if "in-process" not in args.skip else [])
        outside = (whole_process(args.quick, repeat, folder)
                   if "whole-process" not in args.skip else [])
        grown = command_growth(args.growth, repeat, folder) if args.growth else []
    report = {"quick": args.quick, "repeat": repeat, "machine": machine(),
              "whole_process": outside, "in_process": inside, "growth": growth(inside),
              "command_growth": grown}
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if not inside:
        report["in_process"] = [{"shape": "—", "slots": 0, "zone": "—", "load": None,
                                 "dump_toml": None,
                                 "layout": None, "ics": None, "ics_previous": None,
                                 "bytes_per_slot_layout": 0, "bytes_per_slot_load": 0}]
    sys.stdout.write(markdown(report))


if __name__ == "__main__":
    main()
