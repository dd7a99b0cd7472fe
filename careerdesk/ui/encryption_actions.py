"""The File menu's Encrypt Journal…, Change Passphrase… and Decrypt Journal….

The rewrite itself is the core's (``careerdesk.store.encryption``); here the journal is
closed for it (every connection of this window, so SQLite's lock tells the rewrite that
nobody else has it open), the rewrite runs off the main thread behind a busy dialog, and
the same ``Journal`` is opened again afterwards, so the pages go on as they were. When the
rewrite fails, the journal was left as it was and is opened again with its old passphrase.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog, QWidget

from careerdesk.store import cipher
from careerdesk.store.cipher import Passphrase, WrongPassphrase
from careerdesk.store.database import Journal
from careerdesk.store.encryption import (
    Rewritten,
    change_passphrase,
    decrypt_journal,
    encrypt_journal,
)
from careerdesk.ui.background import Operation, wait_for_all
from careerdesk.ui.passphrase_dialog import PassphraseDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("EncryptionActions", text)


class EncryptionActions(QObject):
    """``rewriting()`` comes before a rewrite: whoever holds a connection of their own to the
    file (the search) closes it and opens none until ``switched()``, which follows the
    rewrite whether it succeeded or not, once the journal is open again."""

    rewriting = Signal()
    switched = Signal()

    def __init__(self, window: QWidget, journal: Journal) -> None:
        super().__init__(window)
        self.window = window
        self.journal = journal
        self.operation: Operation | None = None
        self.progress: QProgressDialog | None = None
        self.encrypt_action = QAction(tr("&Encrypt Journal…"), self)
        self.encrypt_action.setStatusTip(tr("Keep the journal and its backups unreadable "
                                            "without a passphrase"))
        self.encrypt_action.triggered.connect(lambda: self.encrypt())
        self.change_action = QAction(tr("Change &Passphrase…"), self)
        self.change_action.setStatusTip(tr("Encrypt the journal and its backups with a new "
                                           "passphrase"))
        self.change_action.triggered.connect(lambda: self.change())
        self.decrypt_action = QAction(tr("&Decrypt Journal…"), self)
        self.decrypt_action.setStatusTip(tr("Store the journal and its backups without "
                                            "encryption"))
        self.decrypt_action.triggered.connect(lambda: self.decrypt())
        self.actions = (self.encrypt_action, self.change_action, self.decrypt_action)
        self._update()

    @property
    def data_dir(self) -> Path:
        return self.journal.path.parent

    @property
    def encrypted(self) -> bool:
        return self.journal.passphrase is not None

    def add_to_menu(self, menu: QMenu, before: QAction) -> None:
        for action in self.actions:
            menu.insertAction(before, action)
        menu.insertSeparator(before)

    def _update(self) -> None:
        busy = self.operation is not None and self.operation.running
        self.encrypt_action.setVisible(not self.encrypted)
        self.change_action.setVisible(self.encrypted)
        self.decrypt_action.setVisible(self.encrypted)
        for action in self.actions:
            action.setEnabled(not busy)

    # -- the three actions -------------------------------------------------------------------

    def encrypt(self) -> None:
        new = PassphraseDialog.ask_new(self.window)
        if new is None:
            return
        self._rewrite(lambda: encrypt_journal(self.data_dir, new), new,
                      tr("Encrypting your journal and its backups…"),
                      tr("Your journal and %1 are encrypted."))

    def change(self) -> None:
        answer = PassphraseDialog.ask_change(self.window)
        if answer is None:
            return
        current, new = answer
        if not self._is_current(current):
            return
        self._rewrite(lambda: change_passphrase(self.data_dir, current, new), new,
                      tr("Encrypting your journal and its backups with the new passphrase…"),
                      tr("The passphrase of your journal and %1 is changed."))

    def decrypt(self) -> None:
        current = PassphraseDialog.ask_current(tr(
            "Decrypted, the journal and its backups can be read by anyone who can read your "
            "files. Type the passphrase to decrypt them."), self.window)
        if current is None or not self._is_current(current):
            return
        self._rewrite(lambda: decrypt_journal(self.data_dir, current), None,
                      tr("Decrypting your journal and its backups…"),
                      tr("Your journal and %1 are no longer encrypted."))

    def _is_current(self, passphrase: Passphrase) -> bool:
        if passphrase == self.journal.passphrase:
            return True
        QMessageBox.warning(self.window, tr("Wrong Passphrase"),
                            tr("That is not the journal's passphrase; nothing was changed."))
        return False

    # -- the rewrite -------------------------------------------------------------------------

    def _rewrite(self, work: Callable[[], Rewritten], after: Passphrase | None,
                 busy_text: str, done_text: str) -> None:
        before = self.journal.passphrase
        focused = self.window.focusWidget()
        if focused is not None:
            focused.clearFocus()  # an editor saves the field it was editing
        wait_for_all()  # a backup or check still running keeps its connection
        self.journal.close()
        self.rewriting.emit()
        self.progress = QProgressDialog(busy_text, "", 0, 0, self.window)
        self.progress.setWindowTitle(tr("Encryption"))
        self.progress.setCancelButton(None)  # a rewrite cannot be stopped halfway
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        self.operation = Operation(work, self)
        self.operation.succeeded.connect(lambda result: self._done(result, after, done_text))
        self.operation.failed.connect(lambda message: self._failed(message, before, after))
        self.operation.start()
        self._update()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, result: object, after: Passphrase | None, done_text: str) -> None:
        self._close_progress()
        self.journal.reopen(after)
        self.switched.emit()
        self._update()
        assert isinstance(result, Rewritten)
        status = getattr(self.window, "statusBar", None)
        count = len(result.backups)
        said = done_text.replace("%1", tr("1 backup") if count == 1
                                 else tr("%1 backups").replace("%1", str(count)))
        if status is not None:
            status().showMessage(said, 10_000)
        if result.left:
            QMessageBox.warning(self.window, tr("Some Backups Were Left As They Were"), tr(
                "careerdesk cannot read these files in the backups folder (damaged, or "
                "another passphrase), so they were not changed and are as readable as before; "
                "delete them if you do not need them: %1")
                .replace("%1", ", ".join(path.name for path in result.left)))

    def _failed(self, message: str, before: Passphrase | None, after: Passphrase | None) -> None:
        self._close_progress()
        # The rewrite changes nothing until the new file takes the journal's name, so the
        # file is as it was; should it have failed after that, the new passphrase opens it.
        if cipher.is_encrypted(self.journal.path):
            try:
                self.journal.reopen(before or after)
            except WrongPassphrase:
                self.journal.reopen(after)
        else:
            self.journal.reopen(None)
        self.switched.emit()
        self._update()
        QMessageBox.warning(self.window, tr("Nothing Was Changed"), message)
