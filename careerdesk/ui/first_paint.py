"""A signal for the moment just after a window has painted for the first time.

Start-up puts the slow part (SQLAlchemy, opening the journal, the Today page's data)
after this moment, so the window is on screen first. ``showEvent`` is too early: Qt
paints on a later turn of the event loop, so work queued from ``showEvent`` runs before
the paint and holds it up.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Emits ``painted`` once, on the event loop's next turn after ``window``'s first paint."""

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            watched.removeEventFilter(self)
            # The window paints its children after itself, in the same pass: go once it is over.
            QTimer.singleShot(0, self, self.painted.emit)
        return False
