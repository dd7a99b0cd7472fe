"""One window per journal: a second careerdesk on the same data folder brings the first
window forward instead of writing beside it.

A ``QLockFile`` in the data folder says who holds the journal; a lock left by a process
that no longer runs (after a crash) is taken over. The first window listens on a local
socket named after the data folder (a Unix socket or a Windows pipe, never the network,
open to this user only); the second one sends it "show" and quits.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "careerdesk.lock"
_SHOW = b"show\n"
_WAIT_MS = 1000


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:20]
    return f"careerdesk-{digest}"


class SingleInstance(QObject):
    """Holds the data folder's lock while the window is open; ``show_requested`` is
    emitted when a second careerdesk asks this one to come forward."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, however old
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Takes the lock (and starts listening); False when another careerdesk holds it."""
        previous = os.umask(0o077)  # the lock file, like every file here, is the user's only
        try:
            taken = self.lock.tryLock(0)
        finally:
            os.umask(previous)
        if not taken:
            return False
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a crash: the lock says it is ours
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(name)  # without it a second start only sees the lock
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _on_connection(self) -> None:
        if self.server is None:
            return
        while (connection := self.server.nextPendingConnection()) is not None:
            # A message is one short line; waiting for it briefly keeps this simple.
            arrived = connection.bytesAvailable() > 0 or connection.waitForReadyRead(_WAIT_MS)
            if arrived and bytes(connection.readAll().data()).startswith(_SHOW.strip()):
                self.show_requested.emit()
            connection.disconnectFromServer()
            connection.deleteLater()


def ask_first_to_show(data_dir: Path) -> bool:
    """Asks the careerdesk that holds ``data_dir`` to bring its window forward."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(_WAIT_MS):
        return False
    socket.write(_SHOW)
    sent = socket.waitForBytesWritten(_WAIT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(_WAIT_MS)
    return sent


def hold_or_hand_over(data_dir: Path) -> SingleInstance | None:
    """The lock of ``data_dir`` for this window, or None when another careerdesk holds it
    (it was asked to come forward, or told that it is open elsewhere)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from careerdesk.paths import ensure_private_dir

    ensure_private_dir(data_dir)
    instance = SingleInstance(data_dir)
    if instance.acquire():
        return instance
    if not ask_first_to_show(data_dir):
        box = QMessageBox(QMessageBox.Icon.Information,
                          QApplication.translate("app", "careerdesk is already open"), "")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is never markup
        box.setText(QApplication.translate(
            "app", "careerdesk is already open on the journal in %1. Switch to its window, "
            "or close it and start careerdesk again.").replace("%1", str(data_dir)))
        box.exec()
    return None
