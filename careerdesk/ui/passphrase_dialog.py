"""Asking for a passphrase: to open an encrypted journal (or one of its backups), and a new
one to encrypt with or change to (typed twice, with the plain warning that a forgotten
passphrase cannot be recovered).

Callers use the ``ask_*`` class methods; tests replace them instead of answering a modal.
The passphrase goes from the field straight into a ``Passphrase`` and the field is
cleared: nothing keeps it but the open journal.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerdesk.store.cipher import Passphrase
from careerdesk.ui import theme
from careerdesk.ui.widgets.marks import WarningLabel

SHORT = 10  # fewer characters than this: said, not refused


def tr(text: str) -> str:
    return QCoreApplication.translate("PassphraseDialog", text)


class Mode(Enum):
    OPEN = "open"  # the current passphrase, once
    NEW = "new"  # a new one, twice
    CHANGE = "change"  # the current one, then a new one twice


class Outcome(Enum):
    """What the user chose besides giving a passphrase."""

    CANCELLED = "cancelled"
    RECOVER = "recover"  # "Restore a backup…": the file may be damaged after all


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumWidth(280)
    # No undo history, no drag out, no context menu copy: the text is a secret.
    field.setDragEnabled(False)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


class PassphraseDialog(QDialog):
    def __init__(self, mode: Mode, *, about: str, problem: str = "",
                 offer_recovery: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.outcome = Outcome.CANCELLED
        self.current: Passphrase | None = None
        self.new: Passphrase | None = None
        titles = {Mode.OPEN: tr("Unlock Journal"), Mode.NEW: tr("Encrypt Journal"),
                  Mode.CHANGE: tr("Change Passphrase")}
        self.setWindowTitle(titles[mode])
        self.setAccessibleName(titles[mode])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN, theme.PAGE_MARGIN,
                                  theme.PAGE_MARGIN)
        layout.setSpacing(theme.SPACE_M)
        intro = QLabel(self)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # a path is never markup
        intro.setWordWrap(True)
        intro.setText(about)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current_field: QLineEdit | None = None
        self.new_field: QLineEdit | None = None
        self.again_field: QLineEdit | None = None
        if mode in (Mode.OPEN, Mode.CHANGE):
            label = tr("&Passphrase:") if mode is Mode.OPEN else tr("&Current passphrase:")
            self.current_field = _password_field(self, label.replace("&", "").rstrip(":"))
            form.addRow(label, self.current_field)
        if mode in (Mode.NEW, Mode.CHANGE):
            self.new_field = _password_field(self, tr("New passphrase"))
            self.again_field = _password_field(self, tr("New passphrase again"))
            form.addRow(tr("&New passphrase:"), self.new_field)
            form.addRow(tr("&Again:"), self.again_field)
            self.new_field.textChanged.connect(self._update)
            self.again_field.textChanged.connect(self._update)
        layout.addLayout(form)
        self.show_text = QCheckBox(tr("&Show what I type"), self)
        self.show_text.setAccessibleName(tr("Show the passphrase"))
        self.show_text.toggled.connect(self._set_shown)
        layout.addWidget(self.show_text)

        if mode in (Mode.NEW, Mode.CHANGE):
            warning = QLabel(tr(
                "A forgotten passphrase cannot be recovered, by anyone: without it the journal "
                "and its backups cannot be opened. Write it down somewhere safe."), self)
            warning.setWordWrap(True)
            theme.set_text_role(warning, theme.TextRole.CAPTION)
            layout.addWidget(warning)
        self.problem = WarningLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(tr("Problem"))
        layout.addWidget(self.problem)
        self.problem.show_message(problem)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok_texts = {Mode.OPEN: tr("&Unlock"), Mode.NEW: tr("&Encrypt"),
                    Mode.CHANGE: tr("C&hange")}
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_texts[mode])
        if mode is Mode.OPEN:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("&Quit"))
        if offer_recovery:
            recover = QPushButton(tr("&Restore a Backup…"), self)
            recover.setAccessibleName(tr("Restore a backup instead"))
            recover.clicked.connect(self._recover)
            self.buttons.addButton(recover, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.current_field, self.new_field):
            if field is not None:
                field.setFocus()
                break
        self._update()

    # -- the class methods callers use -----------------------------------------------------

    @classmethod
    def ask_to_open(cls, path: Path, *, wrong: bool = False, attempts: int = 0,
                    parent: QWidget | None = None) -> Passphrase | Outcome:
        """The passphrase of the encrypted file at ``path``; ``wrong``: the last one typed
        did not open it (after a few, restoring a backup is offered)."""
        problem = ""
        if wrong:
            problem = tr("That passphrase does not open the journal. Check Caps Lock and the "
                         "keyboard layout, then try again.")
            if attempts >= 3:
                problem += " " + tr("If you are sure it is right, the file may be damaged: "
                                    "restore a backup.")
        dialog = cls(Mode.OPEN, about=tr("This journal is encrypted. Type its passphrase to "
                                         "open it.\n%1").replace("%1", str(path)),
                     problem=problem, offer_recovery=wrong and attempts >= 3, parent=parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.current is not None:
            return dialog.current
        return dialog.outcome

    @classmethod
    def ask_new(cls, parent: QWidget | None = None) -> Passphrase | None:
        """A new passphrase to encrypt the journal with; None: cancelled."""
        dialog = cls(Mode.NEW, about=tr(
            "Encrypting keeps your journal and its backups unreadable without a passphrase, "
            "for example on a lost laptop. careerdesk asks for it each time it opens the "
            "journal."), parent=parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.new
        return None

    @classmethod
    def ask_change(cls, parent: QWidget | None = None
                   ) -> tuple[Passphrase, Passphrase] | None:
        """(current, new); None: cancelled. The current one is checked by the caller."""
        dialog = cls(Mode.CHANGE, about=tr(
            "The journal and every backup beside it are encrypted again with the new "
            "passphrase."), parent=parent)
        if (dialog.exec() == QDialog.DialogCode.Accepted and dialog.current is not None
                and dialog.new is not None):
            return dialog.current, dialog.new
        return None

    @classmethod
    def ask_current(cls, about: str, parent: QWidget | None = None) -> Passphrase | None:
        """The current passphrase, to confirm an action (decrypting); None: cancelled."""
        dialog = cls(Mode.OPEN, about=about, parent=parent)
        dialog.setWindowTitle(tr("Decrypt Journal"))
        dialog.ok_button.setText(tr("&Decrypt"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.current
        return None

    # -- behaviour ---------------------------------------------------------------------------

    def _set_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.current_field, self.new_field, self.again_field):
            if field is not None:
                field.setEchoMode(mode)

    def _update(self) -> None:
        if self.new_field is None or self.again_field is None:
            return
        new, again = self.new_field.text(), self.again_field.text()
        if again and new != again:
            self.problem.show_message(tr("The two new passphrases differ."))
        elif new and len(new) < SHORT:
            self.problem.show_message(tr("A short passphrase is easy to guess: several words "
                                         "make a better one."))
        else:
            self.problem.show_message("")

    def _accept(self) -> None:
        try:
            if self.current_field is not None:
                self.current = Passphrase(self.current_field.text())
            if self.new_field is not None and self.again_field is not None:
                if self.new_field.text() != self.again_field.text():
                    self.problem.show_message(tr("The two new passphrases differ."))
                    self.again_field.setFocus()
                    return
                self.new = Passphrase(self.new_field.text())
        except ValueError:
            self.problem.show_message(tr("Type a passphrase first."))
            return
        self._clear()
        self.accept()

    def _recover(self) -> None:
        self.outcome = Outcome.RECOVER
        self._clear()
        self.reject()

    def reject(self) -> None:
        self._clear()
        super().reject()

    def _clear(self) -> None:
        for field in (self.current_field, self.new_field, self.again_field):
            if field is not None:
                field.clear()
