"""Triggers the core's automatic backups from the window: soon after start, then on a
timer. When one is due, and which old ones go, is decided by ``store.backups``.

The copy runs on a pool thread (about a second on a 100,000-record journal); a failure
is told once through ``failed`` and tried again at the next tick.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from careerdesk.store.backups import automatic_backup
from careerdesk.store.database import Journal
from careerdesk.ui.background import Operation

START_DELAY_MS = 3_000  # after the first paint, so start-up stays quick
CHECK_EVERY_MS = 5 * 60_000  # the core takes one at most every 30 minutes


class AutoBackup(QObject):
    made = Signal(object)  # Path
    failed = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run)
        self._operation: Operation | None = None
        self._last_failure = ""

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.run)
        self.timer.start()

    def run(self) -> None:
        if self._operation is not None and self._operation.running:
            return
        journal = self.journal
        self._operation = Operation(lambda: automatic_backup(journal, datetime.now(UTC)), self)
        self._operation.succeeded.connect(self._on_made)
        self._operation.failed.connect(self._on_failed)
        self._operation.start()

    def stop(self) -> None:
        """Stops the timer and waits for a copy under way: the journal is about to close."""
        self.timer.stop()
        if self._operation is not None and self._operation.running:
            QThreadPool.globalInstance().waitForDone()

    def _on_made(self, made: object) -> None:
        self._last_failure = ""
        if isinstance(made, Path):
            self.made.emit(made)

    def _on_failed(self, message: str) -> None:
        if message != self._last_failure:  # every five minutes the same words would nag
            self._last_failure = message
            self.failed.emit(message)
