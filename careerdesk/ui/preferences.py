"""Preferences: where the journal lives, and a way to open that folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerdesk.paths import database_path
from careerdesk.ui import icons, theme


class PreferencesDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferencesDialog")
        self.setMinimumWidth(520)

        heading = QLabel(self.tr("Data folder"), self)
        theme.set_text_role(heading, theme.TextRole.SECTION)
        explanation = QLabel(self.tr(
            "Your journal, its backups and the window's settings are kept in this folder, "
            "on this computer only."), self)
        explanation.setWordWrap(True)
        theme.set_secondary(explanation)

        self.path_field = QLineEdit(str(data_dir), self)
        self.path_field.setReadOnly(True)
        self.path_field.setAccessibleName(self.tr("Data folder"))
        self.path_field.setToolTip(self.tr("The journal file is %1")
                                   .replace("%1", str(database_path(data_dir))))
        heading.setBuddy(self.path_field)

        self.open_button = QPushButton(icons.icon("folder"), self.tr("Open Folder"), self)
        self.open_button.setAccessibleName(self.tr("Open the data folder"))
        self.open_button.setToolTip(self.tr("Show the data folder in the file manager"))
        self.open_button.clicked.connect(self.open_folder)

        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_S)
        row.addWidget(self.path_field, 1)
        row.addWidget(self.open_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addSpacing(theme.SPACE_S)
        layout.addLayout(row)
        layout.addSpacing(theme.SPACE_M)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
