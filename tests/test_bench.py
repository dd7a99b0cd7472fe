"""The benchmark runs with one command and prints every measurement against its budget."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import REPO

PAGES = ("journal", "achievements", "growth", "people", "pathways", "planner", "timeline",
         "negotiations")


def test_quick_benchmark_prints_every_row(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--scale", "0.02",
                           "--runs", "1", "--work-dir", str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=240)
    # 1 is a budget missed, which a small scale on a busy machine may do; never a crash.
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    rows = {}
    for line in done.stdout.splitlines():
        found = re.match(r"^(.+?)\s{2,}([\d,.]+) (s|ms|MB|windows)\s+([\d.]+ s|—)\s+(< [\d.]+ \w+|—)"
                         r"\s+(pass|FAIL|—)$", line)
        if found:
            rows[found.group(1)] = (float(found.group(2).replace(",", "")), found.group(6))
            # Whole commands tell their CPU time too; the window's figures do not.
            assert (found.group(4) != "—") == found.group(1).startswith(
                ("import", "search '", "timeline", "prep sheet")), line
    expected = ["import, whole file", "search 'zephyrine' (rare), whole command",
                "search 'budget' (common), whole command", "first paint", "Today ready",
                *(f"page opens: {page}" for page in PAGES),
                *(f"page opens at once after start-up (not prepared yet): {page}"
                  for page in PAGES),
                *(f"page scrolled to its end: {page}" for page in ("today", *PAGES)),
                "search as you type 'zephyrine' (rare): first result",
                "search as you type 'budget' (common): first result",
                "longest wait for a click while the pages are prepared",
                "windows whose pages were all prepared before the first click (of 1)",
                "timeline PNG, 12 months, whole command",
                "timeline PNG, whole history, whole command", "prep sheet PDF, whole command",
                "peak memory, window started on the journal",
                "peak memory, window after every page and the searches"]
    assert list(rows) == expected
    waited = "longest wait for a click while the pages are prepared"
    assert rows[waited][0] >= 0  # a timer may never have run late
    prepared = "windows whose pages were all prepared before the first click (of 1)"
    assert rows[prepared][0] in (0, 1)
    assert all(value > 0 for what, (value, _) in rows.items() if what not in (waited, prepared))
    assert (rows["peak memory, window started on the journal"][0]
            <= rows["peak memory, window after every page and the searches"][0])
    # The exit status says whether a budget failed, and the summary names them.
    failed = [what for what, (_, verdict) in rows.items() if verdict == "FAIL"]
    assert done.returncode == (1 if failed else 0)
    for what in failed:
        assert what in done.stdout.rsplit("over budget:", 1)[-1]
    # The commands wrote their files where the work folder says.
    assert (tmp_path / "timeline.png").stat().st_size > 0
    assert (tmp_path / "prep-sheet.pdf").read_bytes().startswith(b"%PDF")
