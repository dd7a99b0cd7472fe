"""Multi-line fields that save when the user is done, not at every key.

A line edit says it is done with ``editingFinished``; a multi-line field has no Return
to press, so it commits when it loses focus or after a pause in typing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

PAUSE_MS = 1500


class CommitTextEdit(QPlainTextEdit):
    """Plain text (markdown) that emits ``committed`` after a pause or on focus out."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 6) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self._pending = False
        self._height = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._typed)
        self.set_visible_lines(lines)

    def set_visible_lines(self, lines: int) -> None:
        """Sizes the field for that many lines; longer texts scroll inside it."""
        margins = self.contentsMargins()
        self._height = int(self.fontMetrics().lineSpacing() * lines
                           + 2 * self.document().documentMargin()
                           + margins.top() + margins.bottom() + 2)
        self.setMinimumHeight(self._height)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Shows a saved text; that is not an edit, so nothing is committed."""
        self.blockSignals(True)
        if text != self.toPlainText():
            self.setPlainText(text)
        self.blockSignals(False)
        self._pending = False
        self._timer.stop()

    def flush(self) -> None:
        """Commits what was typed since the last commit, if anything."""
        self._timer.stop()
        if self._pending:
            self._pending = False
            self.committed.emit()

    def _typed(self) -> None:
        self._pending = True
        self._timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.flush()


class LinesEdit(CommitTextEdit):
    """One item a line (evidence links): blank lines and surrounding blanks are dropped."""

    def lines(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_lines_text(self, items: list[str]) -> None:
        self.set_text("\n".join(items))
