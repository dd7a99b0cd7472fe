"""File ▸ Import and File ▸ Export: the actions, and what happens when they are chosen.

Each action is one call into ``careerdesk.services``, run on a pool thread through
``background.Operation``. One import or export at a time: while one runs, every action
here is off, and a busy bar in the status bar (exports) or the import dialog says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QProgressBar, QStatusBar

from careerdesk import services
from careerdesk.interchange.careerdesk_json import ImportCounts
from careerdesk.interchange.detect import FORMATS
from careerdesk.store.database import Journal
from careerdesk.ui import background, icons
from careerdesk.ui.background import Operation
from careerdesk.ui.file_chooser import FileChooser

if TYPE_CHECKING:
    from careerdesk.ui.export_dialog import BragDocumentDialog
    from careerdesk.ui.import_dialog import ImportDialog
    from careerdesk.ui.main_window import MainWindow

KEY_FOLDER = "files/lastFolder"


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportExport", text)


def import_filters() -> str:
    """Every format careerdesk reads, all together first, then one filter each."""
    patterns: list[str] = []
    for spec in FORMATS.values():
        patterns += [p for p in spec.patterns if p not in patterns]
    each = [f"{spec.label} ({' '.join(spec.patterns)})"
            for spec in FORMATS.values()]
    return ";;".join([tr("Everything careerdesk can import (%1)").replace("%1", " ".join(patterns)),
                      *each, tr("All files (*)")])


def import_sentence(name: str, counts: ImportCounts) -> str:
    added = sum(counts.added.values())
    updated = sum(counts.updated.values())
    if not counts.changed_anything:
        return tr("Imported %1: everything in it was in your journal already.").replace("%1", name)
    return (tr("Imported %1: %2 new records, %3 updated.").replace("%1", name)
            .replace("%2", str(added)).replace("%3", str(updated)))


class ImportExport(QObject):
    """Owns the import and export actions of a window and runs them.

    ``journal_changed`` follows an import that wrote; ``busy_changed(bool)`` follows the
    start and end of every import or export; ``export_done`` follows every export, written
    or failed.
    """

    journal_changed = Signal()
    busy_changed = Signal(bool)
    export_done = Signal()

    def __init__(self, window: MainWindow, journal: Journal, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.journal = journal
        self.settings = settings
        self.busy = False
        self.dialog: ImportDialog | None = None
        self.brag_dialog: BragDocumentDialog | None = None
        self.operation: Operation | None = None
        self._build_actions()
        self._build_status(window.statusBar())

    # -- building ---------------------------------------------------------------------------

    def _action(self, text: str, tip: str, slot: Callable[[], Any],
                icon: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if icon:
            action.setIcon(icons.icon(icon))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            tr("&Import…"),
            tr("Add a careerdesk file, a jrnl or Day One export, a LinkedIn data export or "
               "vCard contacts to your journal"),
            self.import_file, "import")
        self.import_folder_action = self._action(
            tr("Import LinkedIn &Folder…"),
            tr("Add the unzipped folder of a LinkedIn data export to your journal"),
            self.import_linkedin_folder)
        self.export_careerdesk_action = self._action(
            tr("careerdesk &File…"), tr("Save your whole journal as a careerdesk file"),
            self.export_careerdesk, "export")
        self.export_csv_action = self._action(
            tr("&CSV Files (Zip)…"),
            tr("Save every kind of record as a spreadsheet-ready CSV file, in one zip"),
            self.export_csv)
        self.brag_action = self._action(
            tr("&Brag Document…"),
            tr("Your achievements for a period as markdown, for a self-review"),
            self.show_brag_document)
        self.actions = [self.import_action, self.import_folder_action,
                        self.export_careerdesk_action, self.export_csv_action,
                        self.brag_action]

    def add_to_menu(self, file_menu: QMenu, before: QAction | None = None) -> QMenu:
        """Adds Import…, Import LinkedIn Folder… and the Export submenu (at the end, or
        ``before`` an action of the menu); returns the submenu (other exports join it)."""
        file_menu.insertAction(before, self.import_action)  # type: ignore[arg-type]
        file_menu.insertAction(before, self.import_folder_action)  # type: ignore[arg-type]
        self.export_menu = QMenu(tr("&Export"), file_menu)
        self.export_menu.setIcon(icons.icon("export"))
        file_menu.insertMenu(before, self.export_menu)  # type: ignore[arg-type]
        self.export_menu.addAction(self.export_careerdesk_action)
        self.export_menu.addAction(self.export_csv_action)
        self.export_menu.addAction(self.brag_action)
        return self.export_menu

    def _build_status(self, status_bar: QStatusBar) -> None:
        self.status_label = QLabel(status_bar)
        self.status_progress = QProgressBar(status_bar)
        self.status_progress.setRange(0, 0)  # the core gives no steps: busy, not a guess
        self.status_progress.setTextVisible(False)
        self.status_progress.setMaximumWidth(140)
        self.status_progress.setMaximumHeight(10)
        self.status_progress.setAccessibleName(tr("Export progress"))
        status_bar.addPermanentWidget(self.status_label)
        status_bar.addPermanentWidget(self.status_progress)
        self.status_label.hide()
        self.status_progress.hide()

    # -- state ------------------------------------------------------------------------------

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for action in self.actions:
            action.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def _show_progress(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.show()
        self.status_progress.show()

    def _hide_progress(self) -> None:
        self.status_label.hide()
        self.status_progress.hide()

    def _last_folder(self) -> Path:
        folder = self.settings.value(KEY_FOLDER)
        if isinstance(folder, str) and Path(folder).is_dir():
            return Path(folder)
        return Path.home()

    def _remember_folder(self, path: Path) -> None:
        self.settings.setValue(KEY_FOLDER, str(path.parent))

    def wait(self) -> None:
        """Lets running work finish (the window closes; the journal closes after)."""
        background.wait_for_all()

    # -- import -----------------------------------------------------------------------------

    def import_file(self, path: Path | None = None,
                    format: str | None = None) -> ImportDialog | None:
        """Asks for a file (unless given), then opens the preview; None when nothing opened."""
        if self.busy:
            return None
        path = path or FileChooser.ask_open(self.window, tr("Import into Your Journal"),
                                            str(self._last_folder()), import_filters())
        if path is None:
            return None
        return self._open_preview(path, format)

    def import_linkedin_folder(self, path: Path | None = None) -> ImportDialog | None:
        if self.busy:
            return None
        path = path or FileChooser.ask_folder(self.window, tr("Import a LinkedIn Export Folder"),
                                              str(self._last_folder()))
        if path is None:
            return None
        return self._open_preview(path, None)

    def _open_preview(self, path: Path, format: str | None) -> ImportDialog:
        from careerdesk.ui.import_dialog import ImportDialog

        self._remember_folder(path)
        self._set_busy(True)
        dialog = ImportDialog(self.journal, path, format, self.window)
        dialog.finished.connect(lambda result: self._on_preview_closed(dialog, result))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_preview_closed(self, dialog: ImportDialog, result: int) -> None:
        self.dialog = None
        self._set_busy(False)
        counts = dialog.counts
        background.delete_when_idle(dialog)
        if result != QDialog.DialogCode.Accepted or counts is None:
            return
        if counts.changed_anything:
            self.journal_changed.emit()
        self.window.notify(import_sentence(dialog.path.name, counts))

    # -- export -----------------------------------------------------------------------------

    def _export(self, path: Path, work: Callable[[], Any], done: Callable[[Any], str]) -> Operation:
        self._remember_folder(path)
        self._set_busy(True)
        self._show_progress(tr("Exporting to %1…").replace("%1", path.name))
        operation = Operation(work, self)

        def succeeded(result: object) -> None:
            self.window.notify(done(result))

        def failed(message: str) -> None:
            self.window.show_message(QMessageBox.Icon.Critical, tr("Export Failed"),
                                     tr("Nothing was written to %1.").replace("%1", str(path))
                                     + "\n\n" + message)

        def finished() -> None:
            self._hide_progress()
            self._set_busy(False)
            self.operation = None
            operation.deleteLater()
            self.export_done.emit()

        operation.succeeded.connect(succeeded)
        operation.failed.connect(failed)
        operation.finished.connect(finished)
        self.operation = operation
        return operation.start()

    def _ask_save(self, title: str, name: str, filters: str, suffix: str) -> Path | None:
        return FileChooser.ask_save(self.window, title, self._last_folder() / name, filters,
                                    suffix)

    def export_careerdesk(self, path: Path | None = None) -> Operation | None:
        if self.busy:
            return None
        path = path or self._ask_save(tr("Export the Journal"),
                                      f"careerdesk-{date.today().isoformat()}.json",
                                      tr("careerdesk files (*.json)"), ".json")
        if path is None:
            return None
        journal, target = self.journal, path

        def done(data: Any) -> str:
            total = sum(len(v) for v in data.values() if isinstance(v, list))
            return (tr("Exported %1 records to %2.").replace("%1", str(total))
                    .replace("%2", str(target)))

        return self._export(path, lambda: services.export_interchange(journal, target), done)

    def export_csv(self, path: Path | None = None) -> Operation | None:
        if self.busy:
            return None
        path = path or self._ask_save(tr("Export as CSV Files"),
                                      f"careerdesk-csv-{date.today().isoformat()}.zip",
                                      tr("Zip files (*.zip)"), ".zip")
        if path is None:
            return None
        journal, target = self.journal, path

        def done(rows: Any) -> str:
            return (tr("Exported %1 rows in %2 CSV files to %3.")
                    .replace("%1", str(sum(rows.values()))).replace("%2", str(len(rows)))
                    .replace("%3", str(target)))

        return self._export(path, lambda: services.export_csv(journal, target), done)

    def show_brag_document(self, today: date | None = None) -> BragDocumentDialog | None:
        if self.busy:
            return None
        from careerdesk.ui.export_dialog import BragDocumentDialog

        dialog = BragDocumentDialog(self.journal, today=today, folder=self._last_folder(),
                                    parent=self.window)
        dialog.saved.connect(lambda path: self._remember_folder(Path(path)))
        dialog.saved.connect(lambda path: self.window.notify(
            tr("Saved the brag document as %1.").replace("%1", path)))
        dialog.finished.connect(lambda _result: self._on_brag_closed(dialog))
        self.brag_dialog = dialog
        self._set_busy(True)
        dialog.open()
        return dialog

    def _on_brag_closed(self, dialog: BragDocumentDialog) -> None:
        self.brag_dialog = None
        self._set_busy(False)
        background.delete_when_idle(dialog)
