"""Work every page's first opening would do, done once the window is idle instead.

Once the first page shows its data, the window prepares, in slices of the event loop's
idle time (a click waits for one step at most; once the user opens a page, the rest
waits until they have been idle for a second), what any page's first opening would
otherwise pay for: SQLAlchemy's one-time mapping set-up
(``configure_mappers``, tens of milliseconds, paid by the first ORM query of the process),
the import of each page's modules, a full garbage collection, and then the pages
themselves (``MainWindow.page_preparation``: each built, loaded and painted once while
hidden, so that its first showing only paints).

That collection is the one Python would otherwise run by itself a little later, in the
middle of whatever allocates next (a page's first query): it walks every object the
start-up made, some 100,000, for tens of milliseconds. Once collected, those objects are
frozen (``gc.freeze``, once per process): they live as long as the window, and later
collections walk only what was made since.

A step may answer False: it cannot run yet (the Timeline waits for matplotlib, imported
on a thread of its own by ``chart_warm_up``). It goes to the back of the queue, and the
queue waits ``WAIT_MS`` when nothing else in it can run.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, SignalInstance

from careerdesk.ui.pages import PAGES, page_class

SLICE_MS = 20  # steps run back to back for this long, then the queued events go first
AFTER_USE_MS = 1000  # a page the user opens does its own work: the rest waits this long
WAIT_MS = 100  # how long the queue waits when its steps cannot run yet

Step = Callable[[], bool | None]
"""One piece of idle work; False: it cannot run yet, ask again later."""


def _configure_mappers() -> None:
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


_frozen: set[str] = set()  # which freezes this process has made: each one only once


def _collect_and_freeze() -> None:
    if "start-up" not in _frozen:
        _frozen.add("start-up")
        gc.collect()
        gc.freeze()


def _freeze_imports() -> None:
    """The pages' modules are as long-lived as the start-up's objects."""
    if "imports" not in _frozen:
        _frozen.add("imports")
        gc.freeze()


def _import_page(module_name: str) -> Callable[[], None]:
    def run() -> None:
        for page in PAGES:
            if page.module_name == module_name:
                page_class(page)

    return run


class WarmUp(QObject):
    """Runs the steps, a slice per turn of the event loop; ``stop()`` drops the rest."""

    def __init__(self, parent: QObject, activity: SignalInstance | None = None,
                 pages: Sequence[Step] = ()) -> None:
        """``activity``: a signal of the user at work (a page shown), which postpones
        what is left, so that it never runs within what the user waits for. ``pages``:
        the steps that prepare the pages, run after the imports."""
        super().__init__(parent)
        self._steps: list[Step] = [
            _configure_mappers, _collect_and_freeze,
            *(_import_page(page.module_name) for page in PAGES), _freeze_imports, *pages]
        self._waiting = 0  # steps in a row that could not run yet
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        if activity is not None:
            activity.connect(self.postpone)

    @property
    def done(self) -> bool:
        return not self._steps

    def start(self) -> None:
        if self._steps:
            self._timer.start(0)

    def postpone(self) -> None:
        if self._steps:
            self._timer.start(AFTER_USE_MS)

    def stop(self) -> None:
        self._steps.clear()
        self._timer.stop()

    def _step(self) -> None:
        until = time.perf_counter() + SLICE_MS / 1000
        while self._steps and time.perf_counter() < until:
            step = self._steps.pop(0)
            try:
                later = step() is False
            except Exception:
                # Told as any failure in the event loop is; the rest still runs (a page
                # that failed to be made ready fails again, and says so, when opened).
                sys.excepthook(*sys.exc_info())
                continue
            if later:
                self._steps.append(step)
                self._waiting += 1
                if self._waiting >= len(self._steps):  # none of them can run yet
                    self._waiting = 0
                    self._timer.start(WAIT_MS)
                    return
            else:
                self._waiting = 0
        if self._steps:
            self._timer.start(0)
