"""A quiet bar above the page: one message, an optional action, and a way to dismiss it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from careerdesk.ui import icons, theme


class InfoBar(QFrame):
    """Never modal: the user reads it, acts on it, or closes it, in their own time."""

    accepted = Signal()
    dismissed = Signal()

    def __init__(self, message: str, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        theme.style(self, "info_bar")
        self.setAccessibleName(self.tr("Notice"))
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.icon_label = QLabel(self)
        self._paint_icon()
        self.icon_label.setAccessibleName(self.tr("Information"))

        self.message_label = QLabel(message, self)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Notice"))
        self.message_label.setAccessibleDescription(
            QTextDocumentFragment.fromHtml(message).toPlainText())

        self.action_button = QPushButton(action_text, self)
        self.action_button.setAccessibleName(action_text)
        self.action_button.setToolTip(action_text)
        self.action_button.setDefault(False)
        self.action_button.setAutoDefault(False)
        self.action_button.clicked.connect(self.accepted)

        self.close_button = QToolButton(self)
        self.close_button.setIcon(icons.icon("close"))
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.clicked.connect(self._dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_S + 2, theme.SPACE_S,
                                  theme.SPACE_S + 2)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _paint_icon(self) -> None:
        self.icon_label.setPixmap(icons.icon("info").pixmap(QSize(20, 20),
                                                            self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: redraw in the new ink
            self._paint_icon()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
