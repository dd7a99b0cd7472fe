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
import sys
import tempfile
from datetime import date
from pathlib import Path

from measure import CAREERDESK, command_seconds, median_of

BUDGETS = {"12 months": 1.5, "whole history": 3.0}


def timeline_argv(data_dir: Path, out: Path, start: date, end: date) -> list[str]:
    return [*CAREERDESK, "--data-dir", str(data_dir), "timeline", "-o", str(out),
            "--from", start.isoformat(), "--to", end.isoformat()]


def timeline_periods(data_dir: Path, today: date) -> dict[str, tuple[date, date]]:
    """The two periods measured: the last 12 months (the command's default) and the
    journal's whole history."""
    from careerdesk.planner.calendar import add_months
    from careerdesk.reports.periods import PeriodPreset, resolve_period
    from careerdesk.store.database import open_journal

    journal = open_journal(data_dir)
    try:
        with journal.sessions() as session:
            everything = resolve_period(session, PeriodPreset.EVERYTHING, today)
    finally:
        journal.close()
    return {"12 months": (add_months(today, -12), today),
            "whole history": (everything.start, everything.end)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from careerdesk.reports.periods import PeriodPreset, resolve_period
    from careerdesk.reports.timeline import draw_timeline, suggested_size
    from careerdesk.reports.timeline_data import TimelineData, load_timeline_data
    from careerdesk.store.database import open_journal

    journal = open_journal(args.data_dir)
    periods = timeline_periods(args.data_dir, args.today)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "timeline.png"
        for name, (start, end) in periods.items():
            seconds, cpu = command_seconds(timeline_argv(args.data_dir, out, start, end),
                                           args.runs)
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
