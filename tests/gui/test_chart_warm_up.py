"""matplotlib is imported on a thread of its own once no page has been opened for a while."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CODE = """
import sys, threading, time
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from careerdesk.ui import chart_warm_up

app = QApplication([])

class Window(QObject):
    page_shown = Signal(str)

window = Window()
warm = chart_warm_up.ChartWarmUp(window.page_shown, window, quiet_ms=300)
def loaded():
    return "matplotlib.figure" in sys.modules
# Pages opened one after another keep the import waiting.
until = time.monotonic() + 0.9
while time.monotonic() < until:
    window.page_shown.emit("journal")
    app.processEvents()
    time.sleep(0.05)
print("while opening pages:", loaded(), [t.name for t in threading.enumerate()][1:])
# Quiet: it starts, on its own thread, and the event loop keeps running meanwhile.
until = time.monotonic() + 30
turns = 0
while not loaded() and time.monotonic() < until:
    app.processEvents()
    turns += 1
    time.sleep(0.01)
for thread in threading.enumerate():
    if thread.name == "charts import":
        thread.join(30)
print("once quiet:", loaded(), "careerdesk.reports.timeline" in sys.modules, turns > 1)
chart_warm_up.start()  # once per process
print("threads:", [t.name for t in threading.enumerate()][1:])
"""


def test_the_charts_are_imported_on_a_thread_once_the_window_is_quiet() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            cwd=REPO, timeout=120, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "while opening pages: False []"
    assert lines[1] == "once quiet: True True True"
    assert lines[2] == "threads: []"
