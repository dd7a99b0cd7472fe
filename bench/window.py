"""The window on a large journal, as a user meets it: each page opened from the sidebar and
scrolled to its end, a word typed into the search (Ctrl+K), and the peak memory.

    python bench/window.py --data-dir DIR [--word WORD]...

DIR is a journal's data folder (a copy: the window opens it as usual, without saving its
layout). Runs offscreen unless QT_QPA_PLATFORM says otherwise. Prints one JSON object:

- ``open_ms``: per page, from choosing it in the sidebar to its data painted (the window
  starts on Today, whose showing ``--measure-startup`` times, so Today is not in it, and
  idles there ``--idle-seconds`` first, as a user reading it);
- ``scroll_ms``: per page, every list and scroll area of the page scrolled to its end
  and painted (the lists fetch their last lines on the way);
- ``rows``: per page, the lines its lists hold, to see that the data was there;
- ``search_ms``: per word, from the end of the typing pause (the field waits for it before
  it searches) to the first result painted in the list under the field;
- ``search_hits``: per word, the results listed;
- ``idle``: ``longest_wait_ms``, the longest a click would have waited for the window
  while it idled on Today (it prepares the other pages then, a step at a time), and
  ``prepared``, 1 when that preparation was over before the first page was chosen;
- ``peak_started_mb``: the process's peak resident memory (ru_maxrss) once Today shows;
- ``peak_mb``: the same at the end, after every page and the searches.

One process measures each page's first opening once; ``run.py`` takes medians over
several processes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

SEARCH_TIMEOUT_S = 30.0
IDLE_SECONDS = 3.0
"""A user's look at Today before the first click; the window prepares pages meanwhile."""
TICK_MS = 10
CHECK_MS = 5  # how often a wait looks at what it waits for


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--word", action="append", default=[],
                        help="a word to type into the search (repeatable)")
    parser.add_argument("--idle-seconds", type=float, default=IDLE_SECONDS,
                        help="how long the window idles on Today before the first page "
                             f"is chosen (default {IDLE_SECONDS:g}; 0: at once)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractScrollArea,
        QApplication,
        QHeaderView,
        QWidget,
    )

    from careerdesk.store.database import open_journal
    from careerdesk.ui import theme
    from careerdesk.ui.main_window import MainWindow
    from careerdesk.ui.pages import PAGE_NAMES

    app = QApplication(sys.argv[:1])
    theme.apply_theme(app)
    journal = open_journal(args.data_dir)
    window = MainWindow(journal, args.data_dir, remember=False, start_page=PAGE_NAMES[0])
    window.resize(1280, 800)

    def settle() -> None:
        """Runs what the page queued (a deferred load, a redraw), then paints the window."""
        for _ in range(3):
            QApplication.sendPostedEvents()
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        window.repaint()

    def wait(seconds: float, until: Callable[[], bool] = lambda: False) -> None:
        """Runs the event loop as the window's own does, asleep between events, until
        ``until()`` or for ``seconds``. (``processEvents`` with a time would spin instead:
        busy, it takes a core and Python's lock from the window's other threads.)"""
        loop = QEventLoop()
        deadline = time.perf_counter() + seconds

        def check() -> None:
            if until() or time.perf_counter() >= deadline:
                loop.quit()

        checker = QTimer()
        checker.setInterval(CHECK_MS)
        checker.timeout.connect(check)
        checker.start()
        loop.exec()
        checker.stop()

    ready: list[str] = []
    window.first_page_ready.connect(ready.append)
    window.show()
    window.activateWindow()
    wait(SEARCH_TIMEOUT_S, lambda: bool(ready))
    settle()
    peak_started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # A user reads Today before choosing a page: the window's idle time is theirs too. A
    # timer due every TICK_MS notes how late it runs: how long a click would have waited.
    waits: list[float] = [0.0]
    ticked = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        waits.append(max((now - ticked[0]) * 1000 - TICK_MS, 0.0))
        ticked[0] = now

    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(tick)
    ticker.start()
    wait(args.idle_seconds)
    ticker.stop()
    # Whether idle time made every page ready before the first click (the figures of the
    # first openings are those of prepared pages only then).
    prepared = window.warm_up is not None and window.warm_up.done

    def scroll_areas(page: QWidget) -> list[QAbstractScrollArea]:
        return [area for area in page.findChildren(QAbstractScrollArea) if area.isVisible()]

    def rows(page: QWidget) -> int:
        return sum(view.model().rowCount() for view in page.findChildren(QAbstractItemView)
                   if view.isVisible() and view.model() is not None
                   and not isinstance(view, QHeaderView))  # a header has its table's rows

    def scroll_to_end(page: QWidget) -> float:
        started = time.perf_counter()
        for area in scroll_areas(page):
            if isinstance(area, QAbstractItemView):
                area.scrollToBottom()
            bar = area.verticalScrollBar()
            bar.setValue(bar.maximum())
            area.viewport().repaint()
        settle()
        return (time.perf_counter() - started) * 1000

    result: dict[str, dict[str, float]] = {"open_ms": {}, "scroll_ms": {}, "rows": {},
                                           "search_ms": {}, "search_hits": {},
                                           "idle": {"longest_wait_ms": max(waits),
                                                    "prepared": float(prepared)}}
    for row, name in enumerate(PAGE_NAMES):
        if name != window.current_page_name:
            started = time.perf_counter()
            window.sidebar.setCurrentRow(row)  # as a click in the sidebar does
            settle()
            result["open_ms"][name] = (time.perf_counter() - started) * 1000
        page = window.pages[name]
        result["rows"][name] = rows(page)
        result["scroll_ms"][name] = scroll_to_end(page)

    field = window.search_field
    popup = field.popup

    class Stopwatch(QObject):
        """Notes when the typing pause ends (the field's timer fires) and when the first
        result is painted."""

        def __init__(self) -> None:
            super().__init__()
            self.fired: float | None = None
            self.painted: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Timer and watched is field._timer:
                self.fired = time.perf_counter()
            elif (event.type() == QEvent.Type.Paint and watched is popup.view.viewport()
                  and self.fired is not None and self.painted is None
                  and popup.model.rowCount() > 0):
                self.painted = time.perf_counter()
            return False

    for word in args.word:
        watch = Stopwatch()
        field._timer.installEventFilter(watch)
        popup.view.viewport().installEventFilter(watch)
        window.find_action.trigger()  # Ctrl+K
        QTest.keyClicks(field, word)
        wait(SEARCH_TIMEOUT_S, lambda watch=watch: watch.painted is not None)
        field._timer.removeEventFilter(watch)
        popup.view.viewport().removeEventFilter(watch)
        if watch.painted is None or watch.fired is None:
            print(f"window.py: no result painted for {word!r}", file=sys.stderr)
            return 1
        result["search_ms"][word] = (watch.painted - watch.fired) * 1000
        result["search_hits"][word] = popup.model.rowCount()
        QTest.keyClick(field, Qt.Key.Key_Escape)  # closes the results
        QTest.keyClick(field, Qt.Key.Key_Escape)  # clears the field
        settle()

    window.close()
    journal.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    per_mb = 1 << 20 if sys.platform == "darwin" else 1024  # bytes on macOS, else kilobytes
    print(json.dumps({**result, "peak_started_mb": peak_started / per_mb,
                      "peak_mb": peak / per_mb}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
