"""The import preview: what a file will add before anything is written, then the import.

Reading the file, checking it and the dry run against the journal happen on a pool
thread (``services.preview_import``), and so does the writing (``services.apply_import``):
the dialog shows a busy bar meanwhile and the window keeps painting. A refused file shows
the core's message, which names the file, the line or record and the field; nothing is
written in that case, and the Import button stays off.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerdesk import services
from careerdesk.interchange.careerdesk_json import ImportCounts
from careerdesk.interchange.detect import FORMATS
from careerdesk.store.database import Journal
from careerdesk.ui import theme
from careerdesk.ui.background import Operation


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def kind_label(section: str) -> str:
    """The user's name for a section of an import file."""
    labels = {
        "journal": tr("Journal entries"),
        "achievements": tr("Achievements"),
        "experiences": tr("Growth experiences"),
        "people": tr("People"),
        "interactions": tr("Interactions"),
        "skills": tr("Skills"),
        "targets": tr("Targets"),
        "openings": tr("Openings"),
        "cycle_events": tr("Review cycle dates"),
        "plans": tr("Negotiation plans"),
        "compensation": tr("Compensation"),
    }
    return labels.get(section, section.replace("_", " ").capitalize())


def outcome_sentence(counts: ImportCounts) -> str:
    """``12 new records, 3 updated, 40 already in your journal.``"""
    added = sum(counts.added.values())
    updated = sum(counts.updated.values())
    unchanged = sum(counts.unchanged.values())
    if not (added or updated or unchanged):
        return tr("The file holds no records.")
    if not counts.changed_anything:
        return tr("Everything in this file is in your journal already; importing changes "
                  "nothing.")
    return (tr("%1 new, %2 updated, %3 already in your journal.")
            .replace("%1", str(added)).replace("%2", str(updated))
            .replace("%3", str(unchanged)))


class ImportDialog(QDialog):
    """Opens on a file, reads it in the background, shows the preview, imports on Import.

    ``preview_ready`` follows every reading (a preview or a refusal); ``import_done``
    follows the writing. After a successful import the dialog is accepted and ``counts``
    says what was written.
    """

    preview_ready = Signal()
    import_done = Signal()

    def __init__(self, journal: Journal, path: Path, format: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.path = path
        self.format = format
        self.preview: services.ImportPreview | None = None
        self.counts: ImportCounts | None = None
        self.refusal = ""
        self.operation: Operation | None = None
        self.writing = False

        self.setObjectName("importDialog")
        self.setWindowTitle(tr("Import"))
        self.setMinimumWidth(520)
        self._build()
        self._read()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(tr("Import %1").replace("%1", self.path.name), self)
        self.title_label.setObjectName("importTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is user text
        self.title_label.setWordWrap(True)
        theme.set_text_role(self.title_label, theme.TextRole.SECTION)
        self.folder_label = QLabel(str(self.path.parent), self)
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setWordWrap(True)
        self.folder_label.setAccessibleName(tr("Folder"))
        theme.set_text_role(self.folder_label, theme.TextRole.CAPTION)
        theme.style(self.folder_label, "secondary")

        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(tr("Format"))
        self.format_combo.setToolTip(tr("careerdesk tells the format from the content; "
                                        "choose another if it guessed wrong"))
        self.format_combo.addItem(tr("Tell from the content"), None)
        for name, spec in FORMATS.items():
            self.format_combo.addItem(spec.label, name)
        self.format_combo.activated.connect(self._on_format_chosen)
        form = QFormLayout()
        form.setContentsMargins(0, theme.SPACE_S, 0, 0)
        form.addRow(tr("&Format:"), self.format_combo)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_busy())
        self.pages.addWidget(self._build_summary())
        self.pages.addWidget(self._build_refusal())

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(tr("&Import"), self)
        self.import_button.setAccessibleName(tr("Import"))
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(tr("Cancel"))
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(self.title_label)
        layout.addWidget(self.folder_label)
        layout.addLayout(form)
        layout.addSpacing(theme.SPACE_S)
        layout.addWidget(self.pages, 1)
        layout.addSpacing(theme.SPACE_S)
        layout.addWidget(self.buttons)

    def _build_busy(self) -> QWidget:
        page = QWidget(self)
        self.busy_label = QLabel(page)
        self.busy_label.setWordWrap(True)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 0)  # the core gives no steps: a busy bar, not a guess
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(tr("Progress"))
        self.progress.setMaximumHeight(8)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, theme.SPACE_M, 0, theme.SPACE_M)
        column.addStretch(1)
        column.addWidget(self.busy_label)
        column.addWidget(self.progress)
        column.addStretch(1)
        return page

    def _build_summary(self) -> QWidget:
        page = QWidget(self)
        self.detected_label = QLabel(page)
        self.detected_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detected_label.setWordWrap(True)
        theme.style(self.detected_label, "secondary")
        self.table = QFrame(page)
        self.table.setObjectName("importCounts")
        self.table.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(self.table)
        self.grid.setContentsMargins(theme.SPACE_M, theme.SPACE_M, theme.SPACE_M, theme.SPACE_M)
        self.grid.setHorizontalSpacing(theme.SPACE_L)
        self.grid.setVerticalSpacing(theme.SPACE_S)
        self.outcome_label = QLabel(page)
        self.outcome_label.setObjectName("importOutcome")
        self.outcome_label.setWordWrap(True)
        theme.set_text_role(self.outcome_label, theme.TextRole.STRONG)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE_M)
        column.addWidget(self.detected_label)
        column.addWidget(self.table)
        column.addWidget(self.outcome_label)
        column.addStretch(1)
        return page

    def _build_refusal(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(tr("careerdesk cannot import this file"), page)
        theme.set_text_role(heading, theme.TextRole.STRONG)
        heading.setStyleSheet(f"color: {theme.negative_colour().name()};")
        self.refusal_label = QLabel(page)
        self.refusal_label.setObjectName("importRefusal")
        self.refusal_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes the file
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.refusal_label.setAccessibleName(tr("Why the file was refused"))
        nothing = QLabel(tr("Nothing was written to your journal."), page)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE_S)
        column.addWidget(heading)
        column.addWidget(self.refusal_label)
        column.addSpacing(theme.SPACE_S)
        column.addWidget(nothing)
        column.addStretch(1)
        return page

    # -- reading ----------------------------------------------------------------------------

    def _read(self) -> None:
        self.preview = None
        self._show_busy(tr("Reading and checking the file…"))
        journal, path, format = self.journal, self.path, self.format
        self._run(lambda: services.preview_import(path, format, journal=journal),
                  self._on_preview, self._on_read_refused)

    def _on_format_chosen(self, index: int) -> None:
        chosen = self.format_combo.itemData(index)
        if chosen != self.format:
            self.format = chosen
            self._read()

    def _on_preview(self, preview: object) -> None:
        assert isinstance(preview, services.ImportPreview)
        self.preview = preview
        guessed = self.format is None
        self._select_format(preview.format)
        self.detected_label.setText(
            tr("careerdesk told the format from the file’s content.") if guessed
            else tr("Read as the format you chose."))
        self._fill_counts(preview)
        self.pages.setCurrentIndex(1)
        self._set_idle(can_import=True)
        self.import_button.setFocus()
        self.preview_ready.emit()

    def _on_read_refused(self, message: str) -> None:
        self._refuse(message)
        self.preview_ready.emit()

    def _select_format(self, name: str) -> None:
        index = self.format_combo.findData(name)
        if index >= 0 and self.format is None:
            self.format_combo.setCurrentIndex(index)

    def _fill_counts(self, preview: services.ImportPreview) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        outcome = preview.outcome
        headings = [tr("In the file")]
        if outcome is not None:
            headings += [tr("New"), tr("Updated"), tr("Unchanged")]
        self._cell(tr("Kind of record"), 0, 0, heading=True)
        for column, text in enumerate(headings, start=1):
            self._cell(text, 0, column, heading=True, number=True)
        for row, (section, count) in enumerate(preview.counts.items(), start=1):
            self._cell(kind_label(section), row, 0)
            values = [count]
            if outcome is not None:
                values += [outcome.added.get(section, 0), outcome.updated.get(section, 0),
                           outcome.unchanged.get(section, 0)]
            for column, value in enumerate(values, start=1):
                self._cell(str(value), row, column, number=True, quiet=value == 0)
        if not preview.counts:
            self._cell(tr("No records"), 1, 0)
        self.grid.setColumnStretch(0, 1)
        self.outcome_label.setText(outcome_sentence(outcome) if outcome is not None
                                   else tr("%1 records in the file.")
                                   .replace("%1", str(sum(preview.counts.values()))))

    def _cell(self, text: str, row: int, column: int, *, heading: bool = False,
              number: bool = False, quiet: bool = False) -> None:
        label = QLabel(text, self.table)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if number:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if heading:
            theme.set_text_role(label, theme.TextRole.CAPTION)
        if heading or quiet:
            theme.style(label, "secondary")
        self.grid.addWidget(label, row, column)

    # -- writing ----------------------------------------------------------------------------

    def start_import(self) -> None:
        """Writes the previewed file, all or nothing, on a pool thread."""
        preview = self.preview
        if preview is None or self.writing or self._busy():
            return
        self.writing = True
        self._show_busy(tr("Importing %1…").replace("%1", self.path.name))
        journal = self.journal
        self._run(lambda: services.apply_import(journal, preview), self._on_imported,
                  self._on_import_refused)

    def _on_imported(self, counts: object) -> None:
        assert isinstance(counts, ImportCounts)
        self.writing = False
        self.counts = counts
        self.import_done.emit()
        self.accept()

    def _on_import_refused(self, message: str) -> None:
        self.writing = False
        self._refuse(message)
        self.import_done.emit()

    # -- state ------------------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], on_success: Callable[[object], None],
             on_failure: Callable[[str], None]) -> None:
        operation = Operation(work, self)
        operation.succeeded.connect(on_success)
        operation.failed.connect(on_failure)
        self.operation = operation
        operation.start()

    def _busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def _show_busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self.pages.setCurrentIndex(0)
        self.import_button.setEnabled(False)
        self.format_combo.setEnabled(False)
        # Reading can be abandoned (it writes nothing); a started import cannot.
        self.cancel_button.setEnabled(not self.writing)

    def _set_idle(self, *, can_import: bool) -> None:
        self.import_button.setEnabled(can_import)
        self.format_combo.setEnabled(True)
        self.cancel_button.setEnabled(True)
        text = tr("Cancel") if can_import else tr("Close")
        self.cancel_button.setText(text)
        self.cancel_button.setAccessibleName(text)

    def _refuse(self, message: str) -> None:
        self.refusal = message
        self.preview = None
        self.refusal_label.setText(message)
        self.pages.setCurrentIndex(2)
        self._set_idle(can_import=False)
        self.cancel_button.setFocus()

    def reject(self) -> None:
        if self.writing:
            return  # the import is one transaction; it finishes in a moment
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.writing:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.writing and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
