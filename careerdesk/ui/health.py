"""The journal's health check, run just after the window first paints.

``quick_check`` reads the whole file: 0.15 to 0.35 s on a 100,000-record journal, too
long to hold up the first paint. Opening already refuses an empty file, a foreign one
and a damaged header; this finds damage deeper in the file, on a pool thread with its
own connection, and says so through ``damaged``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from careerdesk.store.cipher import Passphrase
from careerdesk.store.environment import JournalDamaged
from careerdesk.store.journal_check import quick_check_file
from careerdesk.ui.background import Operation

START_DELAY_MS = 500


class HealthCheck(QObject):
    damaged = Signal(str)  # what is wrong, in one sentence

    def __init__(self, path: Path, parent: QObject | None = None,
                 passphrase: Passphrase | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.passphrase = passphrase  # an encrypted journal's, held while it is open
        self.operation: Operation | None = None

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.run)

    def run(self) -> None:
        path, passphrase = self.path, self.passphrase
        self.operation = Operation(lambda: quick_check_file(path, passphrase), self)
        self.operation.failed.connect(self._on_failed)
        self.operation.start()

    @property
    def running(self) -> bool:
        return self.operation is not None and self.operation.running

    def _on_failed(self, message: str) -> None:
        # Only damage counts: a busy or unreachable file is met again at the next save.
        if self.operation is not None and isinstance(self.operation.error, JournalDamaged):
            self.damaged.emit(message)
