"""Idle time after start-up prepares the pages' first openings, and gives way to the user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CODE = """
import gc, sys, time
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from careerdesk.ui import warm_up

app = QApplication([])

class Window(QObject):
    page_shown = Signal(str)

window = Window()
warm_up.AFTER_USE_MS = 300  # the pause after a page is opened, shorter for the test
warm = warm_up.WarmUp(window, window.page_shown)
pages = ["careerdesk.ui.pages.journal", "careerdesk.ui.pages.people"]
def imported():
    return [name in sys.modules for name in pages]
print("before:", imported(), gc.get_freeze_count() > 0)
warm.start()
app.processEvents()  # the first slice: the mappers, the collection (the first steps)
# Pages opened one after another keep what is left waiting.
until = time.monotonic() + 0.9
while time.monotonic() < until:
    window.page_shown.emit("journal")
    app.processEvents()
    time.sleep(0.05)
print("while opening pages:", warm.done)
until = time.monotonic() + 30
while not warm.done and time.monotonic() < until:
    app.processEvents()
    time.sleep(0.01)
from careerdesk.store import models
print("idle:", imported(), gc.get_freeze_count() > 0, models.Base.registry._new_mappers)
"""


def test_idle_time_prepares_the_pages_once_the_user_leaves_it() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CODE], cwd=REPO, env=env, text=True,
                          capture_output=True, timeout=120, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "before: [False, False] False"
    assert lines[1] == "while opening pages: False"
    # Every page's modules imported, the start-up's objects frozen, the mappers set up.
    assert lines[2] == "idle: [True, True] True False"


def test_a_failing_step_is_told_and_the_rest_still_runs(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject

    from careerdesk.ui import warm_up

    told: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, trace: told.append(kind))
    ran: list[str] = []

    def failing() -> None:
        raise RuntimeError("a page could not be made")

    owner = QObject()
    warm = warm_up.WarmUp(owner, None, [failing, lambda: ran.append("next")])
    warm.start()
    qtbot.waitUntil(lambda: warm.done, timeout=10000)
    assert told == [RuntimeError]
    assert ran == ["next"]
