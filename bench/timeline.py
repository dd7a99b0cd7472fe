"""Measures the timeline on a large journal: the whole ``timeline`` command, and the drawing alone.

    python bench/timeline.py --data-dir DIR [--runs 5] [--today 2026-11-22]

DIR is a journal's data folder (a copy: the command opens the journal as usual). The
command is run in a fresh process each time, as a user runs it, for the last 12 months and
for the whole history; the drawing is timed in this process on data loaded once. Prints
the median of the runs, in seconds. Budgets: 12 months well under 1.5 s for the whole
command, the whole history under 3 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BUDGETS = {"12 months": 1.5, "whole history": 3.0}


def median_of(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def command_seconds(data_dir: Path, out: Path, start: date, end: date, runs: int
                    ) -> tuple[float, float]:
    """The median wall-clock and CPU seconds of the command in a fresh process.

    CPU time (user and system, of the child) says what the command costs even when other
    work shares the machine; wall-clock time is what the user waits on an idle one.
    """
    argv = [sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir), "timeline",
            "-o", str(out), "--from", start.isoformat(), "--to", end.isoformat()]
    subprocess.run(argv, check=True, capture_output=True)  # warms the disk and bytecode caches
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from careerdesk.planner.calendar import add_months
    from careerdesk.reports.periods import PeriodPreset, resolve_period
    from careerdesk.reports.timeline import draw_timeline, suggested_size
    from careerdesk.reports.timeline_data import TimelineData, load_timeline_data
    from careerdesk.store.database import open_journal

    journal = open_journal(args.data_dir)
    with journal.sessions() as session:
        everything = resolve_period(session, PeriodPreset.EVERYTHING, args.today)
    periods = {"12 months": (add_months(args.today, -12), args.today),
               "whole history": (everything.start, everything.end)}
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "timeline.png"
        for name, (start, end) in periods.items():
            seconds, cpu = command_seconds(args.data_dir, out, start, end, args.runs)
            ok = seconds < BUDGETS[name]
            failed |= not ok
            print(f"command, {name} ({start} to {end}): {seconds:.2f} s wall, {cpu:.2f} s CPU "
                  f"(budget {BUDGETS[name]} s) {'ok' if ok else 'OVER BUDGET'}")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for name, (start, end) in periods.items():
        with journal.sessions() as session:
            preset = resolve_period(session, PeriodPreset.CUSTOM, args.today, start=start, end=end)

            def load(period=preset) -> None:  # type: ignore[no-untyped-def]
                with journal.sessions() as inner:
                    load_timeline_data(inner, period, today=args.today)

            load_seconds = median_of(args.runs, load)
            data = load_timeline_data(session, preset, today=args.today)
        fig = Figure(figsize=suggested_size(data), dpi=150)
        canvas = FigureCanvasAgg(fig)

        def draw(fig: Figure = fig, data: TimelineData = data,
                 canvas: FigureCanvasAgg = canvas) -> None:
            draw_timeline(fig, data)
            canvas.draw()

        draw_seconds = median_of(args.runs, draw)
        print(f"load, {name}: {load_seconds:.2f} s; draw and render, {name}: {draw_seconds:.2f} s "
              f"({len(data.achievements):,} achievements, {len(data.windows):,} windows)")
    journal.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
