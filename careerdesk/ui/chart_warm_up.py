"""matplotlib imported on a background thread once the window has settled, for the charts.

The Timeline page draws with matplotlib, whose import (with numpy) takes about half a
second of the page's first opening. It never belongs on the start-up path; once the first
page shows its data and the window is quiet, it is imported on a thread of its own, so
that opening the Timeline later only draws. The cost: the import's memory (about 60 MB) and half a
second of one core, in every session, whether or not the Timeline is opened; it starts
only once the user has stayed on a page for a moment, never while pages are being opened.

Only modules are imported: no figure, canvas or widget is made off the GUI thread. A
failed import is left for the page to meet (and report) when it imports the same.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, SignalInstance

QUIET_MS = 500
"""How long no page must have been opened: the import waits for the user to settle on a
page (reading Today, say), so it never competes with a page being opened. The idle-time
preparation of the Timeline page (``warm_up``) waits for it in turn."""

_started = threading.Event()
_finished = threading.Event()


def _import_charts() -> None:
    try:
        import matplotlib.figure  # noqa: F401 (numpy, the artists, the font list)
        from matplotlib import font_manager  # noqa: F401
        from matplotlib.backends import backend_agg  # noqa: F401

        import careerdesk.reports.timeline  # noqa: F401 (the chart's own drawing code)
    except Exception:  # the page imports the same and says what failed
        pass
    finally:
        _finished.set()


def finished() -> bool:
    """Whether the import has run (or failed): the Timeline can then be made without
    waiting on it."""
    return _finished.is_set()


def running() -> bool:
    """Whether the import is under way on its thread."""
    return _started.is_set() and not _finished.is_set()


class ChartWarmUp(QObject):
    """Starts the import once no page has been opened for ``quiet_ms``; each page shown
    before then starts the wait again."""

    def __init__(self, page_shown: SignalInstance, parent: QObject,
                 quiet_ms: int = QUIET_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(start)
        page_shown.connect(self._page_shown)
        self._timer.start()

    def _page_shown(self, _name: str) -> None:
        if not _started.is_set():
            self._timer.start()


def start() -> None:
    """Imports the charting modules on a thread of their own, once per process."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_import_charts, name="charts import", daemon=True).start()
