"""The question asked before something that is hard to take back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("ConfirmDialog", text)


class ConfirmDialog(QMessageBox):
    """A yes-or-cancel question; Cancel is the default, so Enter never destroys anything.

    Pages call ``ConfirmDialog.ask(...)``; tests replace ``ask`` instead of clicking a modal.
    """

    def __init__(self, parent: QWidget | None, title: str, text: str, confirm: str,
                 detail: str = "") -> None:
        super().__init__(QMessageBox.Icon.Question, title, text,
                         QMessageBox.StandardButton.NoButton, parent)
        self.setInformativeText(detail)
        self.confirm_button = self.addButton(confirm, QMessageBox.ButtonRole.DestructiveRole)
        self.confirm_button.setAccessibleName(confirm)
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setAccessibleName(tr("Cancel"))
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, confirm: str,
            detail: str = "") -> bool:
        dialog = cls(parent, title, text, confirm, detail)
        dialog.exec()
        return dialog.clickedButton() is dialog.confirm_button
