"""careerdesk's benchmark: a large journal made, then everything a user waits for, timed.

    python bench/run.py [--scale 1.0] [--runs 5] [--seed 7] [--work-dir DIR] [--journal FILE]
                        [--markdown]

Makes the journal (``generate.py``: 100,000 records at scale 1, the same file for the same
seed and scale) unless ``--journal`` names an interchange file to use, then measures, each
time in fresh processes as a user runs them: the import of the whole file into an empty
journal; ``search`` for a rare and for a common word; ``--measure-startup``; each page
opened from the sidebar and scrolled to its end, and a word typed into the search, in a
window opened offscreen (``window.py``); the timeline for 12 months and for the whole
history; the prep sheet PDF of the next meeting; the window's peak memory.

Prints one table of medians over ``--runs`` runs, each against its budget; the exit status
is 1 when a budget fails. The budgets are for scale 1 on a 2-core machine (see
bench/RESULTS.md); a smaller scale is a quick check that everything runs. The work folder
(default: a temporary one, removed at the end) holds the file and the journals.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generate import MIN_SCALE, RARE, generate
from measure import CAREERDESK, command_seconds, run_once, user_env
from timeline import timeline_argv, timeline_periods

HERE = Path(__file__).resolve().parent
COMMON_WORD = "budget"
"""In thousands of records' text at any scale (generate.py's WORDS)."""
RARE_WORD = RARE[0]
"""In one achievement in 5,000 (the first one always), so found at any scale."""
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class Row:
    what: str
    value: float
    unit: str  # "s", "ms", "MB" or "windows"
    budget: float | None  # None: measured, with no budget of its own
    cpu: float | None = None
    """A whole command's CPU seconds (median): what it costs whatever else runs."""

    @property
    def passed(self) -> bool:
        return self.budget is None or self.value < self.budget

    def cells(self) -> tuple[str, str, str, str, str]:
        digits = 2 if self.unit == "s" else 0
        cpu = "—" if self.cpu is None else f"{self.cpu:.2f} s"
        budget = "—" if self.budget is None else f"< {self.budget:g} {self.unit}"
        verdict = "—" if self.budget is None else ("pass" if self.passed else "FAIL")
        return self.what, f"{self.value:,.{digits}f} {self.unit}", cpu, budget, verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="journal size; 1.0 is 100,000 records (default)")
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work-dir", type=Path,
                        help="keep the file and the journals here (default: a temporary folder)")
    parser.add_argument("--journal", type=Path,
                        help="an interchange file to use instead of generating one")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.journal is None and args.scale < MIN_SCALE:
        parser.error(f"--scale must be at least {MIN_SCALE}")

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="careerdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    speed_before = machine_speed()
    try:
        rows = measure_all(work, args)
    finally:
        if args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    speed_after = machine_speed()
    print()
    print(machine())
    print(f"the machine's speed: a Python loop of {SPEED_LOOP:,} additions took "
          f"{speed_before:.2f} s of CPU before the benchmark and {speed_after:.2f} s after "
          "(a virtual machine's speed varies with its host: compare runs by this)")
    print(table(rows, args.markdown))
    failed = [row.what for row in rows if not row.passed]
    if failed:
        print(f"\n{len(failed)} over budget: {', '.join(failed)}")
    return 1 if failed else 0


def measure_all(work: Path, args: argparse.Namespace) -> list[Row]:
    runs = args.runs
    source = args.journal or work / f"journal-{args.scale:g}-{args.seed}.json"
    if args.journal is None and not source.exists():
        say(f"making the journal (scale {args.scale:g}, seed {args.seed})")
        data = generate(args.scale, args.seed)
        source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    say(f"importing {source} ({runs} runs)")
    journal, import_wall, import_cpu = import_runs(source, work, runs)
    rows = [Row("import, whole file", import_wall, "s", 10.0, import_cpu)]

    for label, word in (("rare", RARE_WORD), ("common", COMMON_WORD)):
        say(f"search for a {label} word")
        wall, cpu = command_seconds([*CAREERDESK, "--data-dir", str(journal), "search", word,
                                     "--limit", str(SEARCH_LIMIT)], runs, env=user_env())
        rows.append(Row(f"search {word!r} ({label}), whole command", wall, "s", 0.2, cpu))

    say("--measure-startup")
    first_paints, readies = [], []
    run_once([*CAREERDESK, "--data-dir", str(journal), "--measure-startup"], user_env())
    for _ in range(runs):
        _, _, out = run_once([*CAREERDESK, "--data-dir", str(journal), "--measure-startup"],
                             user_env())
        figures = dict(re.findall(r"^(\w+)=(\d+)$", out, re.M))
        first_paints.append(float(figures["first_paint_ms"]))
        readies.append(float(figures["ready_ms"]))
    rows += [Row("first paint", statistics.median(first_paints), "ms", 300),
             Row("Today ready", statistics.median(readies), "ms", 800)]

    say(f"the window: pages, scrolling, search as you type ({runs} windows)")
    rows += window_rows(journal, runs)

    today = date.today()
    periods = timeline_periods(journal, today)
    out = work / "timeline.png"
    for name, budget in (("12 months", 1.5), ("whole history", 3.0)):
        say(f"timeline, {name}")
        start, end = periods[name]
        wall, cpu = command_seconds(timeline_argv(journal, out, start, end), runs,
                                    env=user_env())
        rows.append(Row(f"timeline PNG, {name}, whole command", wall, "s", budget, cpu))

    say("prep sheet")
    wall, cpu = command_seconds([*CAREERDESK, "--data-dir", str(journal), "prep-sheet",
                                 "--latest", "-o", str(work / "prep-sheet.pdf")], runs,
                                env=user_env())
    rows.append(Row("prep sheet PDF, whole command", wall, "s", 2.0, cpu))
    # The peak memory last: it was measured with the window, and reads best after the times.
    rows.sort(key=lambda row: row.unit == "MB")
    return rows


def import_runs(source: Path, work: Path, runs: int) -> tuple[Path, float, float]:
    """Imports the file into a new, empty journal ``runs`` times; the last journal is kept
    for the other measurements. The medians of the wall-clock and CPU seconds."""
    walls, cpus = [], []
    journal = work / "journal"
    for _ in range(runs):
        shutil.rmtree(journal, ignore_errors=True)
        wall, cpu, _ = run_once([*CAREERDESK, "--data-dir", str(journal), "import", str(source)],
                                user_env())
        walls.append(wall)
        cpus.append(cpu)
    return journal, statistics.median(walls), statistics.median(cpus)


def _window_results(journal: Path, runs: int,
                    idle_seconds: float | None = None) -> list[dict[str, Any]]:
    """``runs`` window processes (``window.py``), each on a copy of the journal so that no
    window sees what the one before it left."""
    results = []
    idle = [] if idle_seconds is None else ["--idle-seconds", str(idle_seconds)]
    for n in range(runs):
        copy = journal.with_name(f"window-{n}")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(journal, copy)
        _, _, out = run_once([sys.executable, str(HERE / "window.py"), "--data-dir", str(copy),
                              "--word", RARE_WORD, "--word", COMMON_WORD, *idle], user_env())
        result = json.loads(out.strip().splitlines()[-1])
        empty = [name for name in ("journal", "achievements") if not result["rows"][name]]
        if empty:  # a window that listed nothing measured nothing
            raise SystemExit(f"window.py: the {' and '.join(empty)} list showed no records")
        results.append(result)
        shutil.rmtree(copy, ignore_errors=True)
    return results


def window_rows(journal: Path, runs: int) -> list[Row]:
    """Medians over ``runs`` window processes; then, with no budget, the pages chosen at once
    after start-up, before idle time has prepared them."""
    results = _window_results(journal, runs)
    at_once = _window_results(journal, runs, idle_seconds=0)

    def median(pick: Callable[[dict[str, Any]], float], of: list[dict[str, Any]] = results
               ) -> float:
        return statistics.median(pick(result) for result in of)

    rows = []
    for name in results[0]["open_ms"]:
        rows.append(Row(f"page opens: {name}", median(lambda r, n=name: r["open_ms"][n]),
                        "ms", 100))
    for name in at_once[0]["open_ms"]:
        rows.append(Row(f"page opens at once after start-up (not prepared yet): {name}",
                        median(lambda r, n=name: r["open_ms"][n], at_once), "ms", None))
    for name in results[0]["scroll_ms"]:
        rows.append(Row(f"page scrolled to its end: {name}",
                        median(lambda r, n=name: r["scroll_ms"][n]), "ms", None))
    for word, label in ((RARE_WORD, "rare"), (COMMON_WORD, "common")):
        rows.append(Row(f"search as you type {word!r} ({label}): first result",
                        median(lambda r, w=word: r["search_ms"][w]), "ms", 100))
    rows.append(Row("longest wait for a click while the pages are prepared",
                    median(lambda r: r["idle"]["longest_wait_ms"]), "ms", None))
    rows.append(Row(f"windows whose pages were all prepared before the first click "
                    f"(of {len(results)})", sum(r["idle"]["prepared"] for r in results),
                    "windows", None))
    rows.append(Row("peak memory, window started on the journal",
                    median(lambda r: r["peak_started_mb"]), "MB", 250))
    rows.append(Row("peak memory, window after every page and the searches",
                    median(lambda r: r["peak_mb"]), "MB", 250))
    return rows


def table(rows: list[Row], markdown: bool) -> str:
    header = ("what", "median", "CPU", "budget", "result")
    lines = [header, *(row.cells() for row in rows)]
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|---|---:|---:|---:|---|"]
        out += ["| " + " | ".join(cells) + " |" for cells in lines[1:]]
        return "\n".join(out)
    widths = [max(len(cells[i]) for cells in lines) for i in range(5)]
    return "\n".join(f"{a:<{widths[0]}}  {b:>{widths[1]}}  {c:>{widths[2]}}  {d:>{widths[3]}}  {e}"
                     for a, b, c, d, e in lines)


SPEED_LOOP = 10_000_000


def machine_speed() -> float:
    """The median CPU seconds of a fixed pure-Python loop, over three tries: a shared or
    virtual machine runs at different speeds at different times, and the budgets are
    only comparable between runs at the same speed."""
    times = []
    for _ in range(3):
        started = time.process_time()
        total = 0
        for number in range(SPEED_LOOP):
            total += number
        times.append(time.process_time() - started)
    return statistics.median(times)


def machine() -> str:
    """The machine the figures were measured on, in one line."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        cpu = re.search(r"^model name\s*:\s*(.+)$", info, re.M).group(1)  # type: ignore[union-attr]
        kilobytes = int(re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(
            encoding="utf-8"), re.M).group(1))  # type: ignore[union-attr]
        memory = f", {kilobytes / (1 << 20):.1f} GiB RAM"
    except (OSError, AttributeError):
        pass
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "not installed"
    load = f", load {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    return (f"{cpu}, {os.cpu_count()} cores{memory}{load}; Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, PySide6 {pyside}; {platform.platform()}")


def say(text: str) -> None:
    print(f"· {text}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
