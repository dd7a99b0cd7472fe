"""Copying journal text to the clipboard, and taking it back after a while.

What careerdesk copies (a brag document, notes about a manager) should not sit on the
clipboard for days where any program can read it. Each copy is cleared after a delay, or
when careerdesk quits first, unless the user has copied something else meanwhile.

Plain text only: a QMimeData made in Python and still on the clipboard when the
application is destroyed crashes PySide6 on exit, so no history hint is attached.

The delay is ``CAREERDESK_CLIPBOARD_SECONDS`` (0 keeps the text), 60 seconds by default.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

DELAY_VARIABLE = "CAREERDESK_CLIPBOARD_SECONDS"
DEFAULT_SECONDS = 60


def clear_after_seconds() -> int:
    try:
        return max(0, int(os.environ.get(DELAY_VARIABLE, DEFAULT_SECONDS)))
    except ValueError:
        return DEFAULT_SECONDS


class _Clearer(QObject):
    """The one pending clearing; a newer copy replaces it."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear)
        self.text = ""

    def arm(self, text: str, delay_ms: int) -> None:
        self.text = text
        self.timer.start(delay_ms)

    def clear(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.text and clipboard.text() == self.text:  # the user's later copy is theirs
            clipboard.clear(QClipboard.Mode.Clipboard)
        self.text = ""


def copy_private_text(text: str, delay_seconds: int | None = None) -> int:
    """Puts ``text`` on the clipboard and clears it after the delay; returns the delay."""
    app = QGuiApplication.instance()
    if app is None:
        raise RuntimeError("copying needs the application")
    QGuiApplication.clipboard().setText(text)
    delay = clear_after_seconds() if delay_seconds is None else delay_seconds
    clearer = app.findChild(_Clearer, "careerdesk-clipboard-clearer")
    if not isinstance(clearer, _Clearer):
        clearer = _Clearer(app)
        clearer.setObjectName("careerdesk-clipboard-clearer")
        app.aboutToQuit.connect(clearer.clear)
    if delay > 0:
        clearer.arm(text, delay * 1000)
    return delay
