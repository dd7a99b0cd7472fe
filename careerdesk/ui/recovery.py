"""The recovery screen: shown instead of the window when the journal cannot be opened.

It says what is wrong in plain words, lists the latest backups with their dates and
sizes, and restores the chosen one in one click. The damaged file is never deleted:
restoring keeps it in ``backups/`` (``damaged-…``), and "Set it aside" moves it there to
start an empty journal.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.errors import CareerdeskError
from careerdesk.paths import backup_dir, database_path, ensure_private_dir
from careerdesk.store.backup import restore
from careerdesk.store.backups import DatedBackup, list_backups
from careerdesk.store.cipher import (
    PASSPHRASE_VARIABLE,
    Passphrase,
    PassphraseNeeded,
    WrongPassphrase,
    begins_like_sqlite,
)
from careerdesk.store.database import Journal
from careerdesk.store.environment import JournalDamaged, JournalRefused, JournalTooNew
from careerdesk.ui import theme
from careerdesk.ui.widgets.marks import WarningLabel

SHOWN_BACKUPS = 30
_PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("recovery", text)


def plain_words(error: CareerdeskError) -> str:
    """What happened, for someone who never heard of SQLite."""
    if isinstance(error, JournalDamaged):
        return tr("Your journal file is damaged: careerdesk cannot read all of it. This can "
                  "happen after a disk problem, a full disk or the computer stopping suddenly. "
                  "Restore one of your backups below; the damaged file is kept in the backups "
                  "folder, never deleted.")
    return tr("The file where careerdesk keeps your journal is not a careerdesk journal. "
              "careerdesk has not changed it. Restore a backup below, or set the file aside "
              "to start a new journal.")


def _kind(backup: DatedBackup) -> str:
    name = backup.path.name
    if name.startswith("before-migration-"):
        return tr("Before an update of careerdesk")
    if name.startswith("before-restore-"):
        return tr("Before a restore")
    return tr("Automatic")


def _size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class RecoveryDialog(QDialog):
    """Accepted once a journal that opens is in place (restored, or a new one)."""

    def __init__(self, data_dir: Path, error: CareerdeskError,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.error = error
        self.restored: Path | None = None
        self.setWindowTitle(tr("careerdesk: your journal needs attention"))
        self.setAccessibleName(tr("Recovery"))
        self.setMinimumWidth(640)
        self._build()
        self._fill()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN, theme.PAGE_MARGIN,
                                  theme.PAGE_MARGIN)
        layout.setSpacing(theme.SPACE_M)
        title = QLabel(tr("Your journal cannot be opened"), self)
        theme.set_text_role(title, theme.TextRole.PAGE_TITLE)
        layout.addWidget(title)
        self.explanation = _plain_label(plain_words(self.error), self)
        self.explanation.setAccessibleName(tr("What is wrong"))
        layout.addWidget(self.explanation)
        self.detail = _plain_label(str(self.error), self)
        self.detail.setAccessibleName(tr("Details"))
        theme.set_text_role(self.detail, theme.TextRole.CAPTION)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)

        heading = QLabel(tr("Latest backups"), self)
        theme.set_text_role(heading, theme.TextRole.SECTION)
        layout.addWidget(heading)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([tr("Taken"), tr("Size"), tr("Kind")])
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.empty = _plain_label(tr("There is no backup yet. Set the damaged file aside to "
                                     "start a new journal; it stays in the backups folder."), self)
        layout.addWidget(self.empty)
        self.problem = WarningLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(tr("Problem"))
        layout.addWidget(self.problem)

        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(tr("&Restore this backup"), self)
        self.restore_button.setAccessibleName(tr("Restore the selected backup"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.aside_button = QPushButton(tr("&Set it aside and start a new journal"), self)
        self.aside_button.setAccessibleName(tr("Set the journal file aside"))
        self.aside_button.clicked.connect(self.set_aside)
        self.quit_button = QPushButton(tr("&Quit"), self)
        self.quit_button.setAccessibleName(tr("Quit"))
        self.quit_button.clicked.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.aside_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, data_dir: Path, error: CareerdeskError) -> bool:
        """Shows the screen; True once a journal that opens is in place. Tests replace it."""
        dialog = cls(data_dir, error)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _fill(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        locale = QLocale()
        for backup in list_backups(self.data_dir)[:SHOWN_BACKUPS]:
            # Stamped in UTC, shown in local time.
            taken = QDateTime.fromSecsSinceEpoch(int(backup.taken_at.timestamp())).toLocalTime()
            when = QStandardItem(
                f"{locale.toString(taken.date(), QLocale.FormatType.LongFormat)}, "
                f"{locale.toString(taken.time(), QLocale.FormatType.ShortFormat)}")
            when.setData(str(backup.path), _PATH_ROLE)
            when.setToolTip(str(backup.path))
            size = QStandardItem(_size(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow([when, size, QStandardItem(_kind(backup))])
        has_backups = self.model.rowCount() > 0
        self.table.setVisible(has_backups)
        self.empty.setVisible(not has_backups)
        self.restore_button.setEnabled(has_backups)
        if has_backups:
            self.table.selectRow(0)
            self.table.setFocus()

    def selected_backup(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return Path(str(self.model.item(rows[0].row(), 0).data(_PATH_ROLE)))

    def restore_selected(self) -> None:
        chosen = self.selected_backup()
        if chosen is None:
            return
        passphrase = None
        if not begins_like_sqlite(chosen):  # encrypted, or damaged: its passphrase tells
            from careerdesk.ui.passphrase_dialog import PassphraseDialog

            answer = PassphraseDialog.ask_to_open(chosen, parent=self)
            if not isinstance(answer, Passphrase):
                return
            passphrase = answer
        try:
            restore(self.data_dir, chosen, passphrase)
        except (CareerdeskError, OSError) as error:
            self.problem.show_message(tr("This backup could not be restored: %1. Choose another "
                                         "one.").replace("%1", str(error)))
            return
        self.restored = chosen
        self.accept()

    def set_aside(self) -> None:
        try:
            set_journal_aside(self.data_dir)
        except OSError as error:
            self.problem.show_message(tr("The file could not be moved: %1")
                                      .replace("%1", str(error)))
            return
        self.accept()


def set_journal_aside(data_dir: Path) -> Path:
    """Moves the journal (and its WAL) into ``backups/`` as ``damaged-…``; returns it."""
    journal = database_path(data_dir)
    ensure_private_dir(backup_dir(data_dir))
    kept = backup_dir(data_dir) / f"damaged-{datetime.now(UTC):%Y-%m-%dT%H%M%S}.sqlite3"
    for suffix in ("-wal", ""):  # the main file last: a crash between keeps it in place
        source = Path(f"{journal}{suffix}")
        if source.exists():
            shutil.move(source, Path(f"{kept}{suffix}"))
            os.chmod(Path(f"{kept}{suffix}"), 0o600)
    Path(f"{journal}-shm").unlink(missing_ok=True)
    return kept


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # paths and messages are never markup
    label.setWordWrap(True)
    label.setText(text)
    return label


def _ask(data_dir: Path, error: CareerdeskError) -> bool:
    return RecoveryDialog.ask(data_dir, error)


def _passphrase_from_environment() -> Passphrase | None:
    given = os.environ.get(PASSPHRASE_VARIABLE)
    return Passphrase(given) if given and "\x00" not in given else None


def open_or_recover(data_dir: Path, *, interactive: bool, check: bool = True) -> Journal | None:
    """Opens the journal; a damaged or foreign file opens the recovery screen instead,
    until a journal that opens is in place. None: the user quit. ``check``: run the
    whole-file check now (the window runs it after its first paint instead).

    An encrypted journal is opened with ``$CAREERDESK_PASSPHRASE`` when it is set, else
    with a passphrase asked for; a wrong one is asked again, never taken for damage (after
    a few, the dialog offers the recovery screen too)."""
    from careerdesk import services
    from careerdesk.ui.passphrase_dialog import Outcome, PassphraseDialog

    passphrase = _passphrase_from_environment()
    wrong = 0
    while True:
        try:
            return services.open_journal(data_dir, check=check, passphrase=passphrase)
        except (PassphraseNeeded, WrongPassphrase) as error:
            if not interactive:
                raise
            wrong += isinstance(error, WrongPassphrase)
            answer = PassphraseDialog.ask_to_open(
                database_path(data_dir), wrong=isinstance(error, WrongPassphrase),
                attempts=wrong)
            if answer is Outcome.RECOVER:
                passphrase, wrong = None, 0
                if not _ask(data_dir, JournalDamaged(str(error))):
                    return None
                continue
            if isinstance(answer, Outcome):
                return None
            passphrase = answer
        except JournalRefused as error:
            if not interactive or isinstance(error, JournalTooNew):
                raise
            if not _ask(data_dir, error):
                return None
