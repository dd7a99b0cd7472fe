"""The brag document dialog: choose a period, read the document, copy it or save it.

The document is made by ``services.brag_document`` on a pool thread (it loads the whole
journal), again whenever the period changes; a document made for a period the user has
since left is dropped. The preview is the shared ``MarkdownView``: raw HTML shows as text
and every resource (an image, a file, a URL) is refused, so what a user typed in a story
can never load anything or be read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerdesk import services
from careerdesk.interchange.markdown_export import last_twelve_months
from careerdesk.store.database import Journal
from careerdesk.ui import theme
from careerdesk.ui.background import Operation
from careerdesk.ui.clipboard import copy_private_text
from careerdesk.ui.file_chooser import FileChooser
from careerdesk.ui.widgets.markdown_view import MarkdownView

# Wait this long after the last change of a date before making the document again.
_SETTLE_MS = 250


def tr(text: str) -> str:
    return QCoreApplication.translate("BragDocumentDialog", text)


class PeriodChoice(Enum):
    LAST_12_MONTHS = "last12"
    THIS_YEAR = "year"
    SINCE = "since"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return {
            PeriodChoice.LAST_12_MONTHS: tr("The last 12 months"),
            PeriodChoice.THIS_YEAR: tr("This year"),
            PeriodChoice.SINCE: tr("Since a date"),
            PeriodChoice.CUSTOM: tr("From one date to another"),
        }[self]


@dataclass(frozen=True)
class ChosenPeriod:
    start: date
    end: date


def period_for(choice: PeriodChoice, today: date, since: date, start: date,
               end: date) -> ChosenPeriod:
    """The days a choice covers (``since`` for SINCE, ``start``/``end`` for CUSTOM)."""
    if choice is PeriodChoice.LAST_12_MONTHS:
        twelve = last_twelve_months(today)
        return ChosenPeriod(twelve.start, twelve.end)
    if choice is PeriodChoice.THIS_YEAR:
        return ChosenPeriod(date(today.year, 1, 1), today)
    if choice is PeriodChoice.SINCE:
        return ChosenPeriod(since, max(since, today))
    return ChosenPeriod(start, end)


class BragPreview(MarkdownView):
    """The shared markdown view (loads nothing, raw HTML shown as text), framed, with
    headings a step calmer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def set_markdown(self, text: str) -> None:
        super().set_markdown(text)
        _calm_headings(self.document())


# Markdown's headings come out at a web page's sizes; a preview reads calmer a step down,
# with air above each heading so the sections stand apart.
# (Qt's size steps: 0 the text's size, 1 a fifth larger, 2 half as large again.)
_HEADING_STEPS = {1: 2, 2: 1, 3: 0, 4: 0}


def _calm_headings(document: QTextDocument) -> None:
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            spacing = QTextBlockFormat()
            spacing.setTopMargin(theme.SPACE_L if level <= 2 else theme.SPACE_M)
            spacing.setBottomMargin(theme.SPACE_S / 2)
            size = QTextCharFormat()
            size.setProperty(QTextFormat.Property.FontSizeAdjustment,
                             _HEADING_STEPS.get(level, 0))
            cursor = QTextCursor(block)
            cursor.mergeBlockFormat(spacing)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            cursor.mergeCharFormat(size)
        block = block.next()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class BragDocumentDialog(QDialog):
    """``document_ready`` follows every document made (or refused); ``saved(path)`` follows
    a save. ``today`` is fixed for tests; by default the day the dialog opens."""

    document_ready = Signal()
    saved = Signal(str)

    def __init__(self, journal: Journal, *, today: date | None = None,
                 folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.today = today or date.today()
        self.folder = folder or Path.home()
        self.text = ""
        self.error = ""
        self.period: ChosenPeriod | None = None
        self._generation = 0
        self.operation: Operation | None = None
        self.save_operation: Operation | None = None

        self.setObjectName("bragDocumentDialog")
        self.setWindowTitle(tr("Brag Document"))
        self.resize(720, 640)
        self._build()
        self._on_choice()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel(tr("Brag document"), self)
        theme.set_text_role(heading, theme.TextRole.SECTION)
        blurb = QLabel(tr("Your achievements, lateral growth and skills for a period, ready "
                          "to paste into a self-review. Journal entries, notes and pay stay "
                          "out."), self)
        blurb.setWordWrap(True)
        theme.style(blurb, "secondary")

        self.choice_combo = QComboBox(self)
        self.choice_combo.setAccessibleName(tr("Period"))
        for choice in PeriodChoice:
            self.choice_combo.addItem(choice.label, choice)
        self.choice_combo.currentIndexChanged.connect(self._on_choice)
        period_label = QLabel(tr("&Period:"), self)
        period_label.setBuddy(self.choice_combo)

        twelve = last_twelve_months(self.today)
        self.start_edit = self._date_edit(tr("From"), twelve.start)
        self.end_edit = self._date_edit(tr("To"), self.today)
        self.start_label = QLabel(tr("&From"), self)
        self.start_label.setBuddy(self.start_edit)
        self.end_label = QLabel(tr("&to"), self)
        self.end_label.setBuddy(self.end_edit)

        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_S)
        row.addWidget(period_label)
        row.addWidget(self.choice_combo)
        row.addSpacing(theme.SPACE_M)
        row.addWidget(self.start_label)
        row.addWidget(self.start_edit)
        row.addWidget(self.end_label)
        row.addWidget(self.end_edit)
        row.addStretch(1)

        self.range_label = QLabel(self)
        self.range_label.setObjectName("bragRange")
        theme.style(self.range_label, "secondary")

        self.preview = BragPreview(self)
        self.preview.setObjectName("bragPreview")
        self.preview.setAccessibleName(tr("Brag document preview"))
        self.preview.document().setDocumentMargin(theme.SPACE_L)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setAccessibleName(tr("Making the document"))
        self.progress.setVisible(False)

        self.copy_button = QPushButton(tr("&Copy to Clipboard"), self)
        self.copy_button.setAccessibleName(tr("Copy to Clipboard"))
        self.copy_button.setToolTip(tr("Copy the document as markdown"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button = QPushButton(tr("&Save…"), self)
        self.save_button.setAccessibleName(tr("Save"))
        self.save_button.setToolTip(tr("Save the document as a markdown file"))
        self.save_button.clicked.connect(lambda: self.save())
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(tr("Close"))
        close.clicked.connect(self.reject)
        self.status_label = QLabel(self)
        theme.style(self.status_label, "secondary")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(heading)
        layout.addWidget(blurb)
        layout.addSpacing(theme.SPACE_S)
        layout.addLayout(row)
        layout.addWidget(self.range_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.preview, 1)
        layout.addSpacing(theme.SPACE_S)
        layout.addLayout(bottom)

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(_SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        self.choice_combo.setFocus()

    def _date_edit(self, name: str, initial: date) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setDate(_qdate(initial))
        edit.setAccessibleName(name)
        edit.dateChanged.connect(lambda _day: self._settle.start())
        return edit

    # -- the period -------------------------------------------------------------------------

    def choice(self) -> PeriodChoice:
        value = self.choice_combo.currentData()
        return value if isinstance(value, PeriodChoice) else PeriodChoice.LAST_12_MONTHS

    def set_choice(self, choice: PeriodChoice) -> None:
        self.choice_combo.setCurrentIndex(self.choice_combo.findData(choice))

    def set_dates(self, start: date, end: date | None = None) -> None:
        """Sets the From (and To) dates and makes the document at once."""
        self.start_edit.setDate(_qdate(start))
        if end is not None:
            self.end_edit.setDate(_qdate(end))
        self._settle.stop()
        self.refresh()

    def _on_choice(self, _index: int = 0) -> None:
        choice = self.choice()
        uses_start = choice in (PeriodChoice.SINCE, PeriodChoice.CUSTOM)
        uses_end = choice is PeriodChoice.CUSTOM
        for widget in (self.start_label, self.start_edit):
            widget.setVisible(uses_start)
        for widget in (self.end_label, self.end_edit):
            widget.setVisible(uses_end)
        self.start_label.setText(tr("&From") if uses_end else tr("&Since"))
        self._settle.stop()
        self.refresh()

    def current_period(self) -> ChosenPeriod:
        start = _pydate(self.start_edit.date())
        return period_for(self.choice(), self.today, start, start,
                          _pydate(self.end_edit.date()))

    # -- the document -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Makes the document for the period shown, on a pool thread."""
        period = self.current_period()
        self.period = period
        self._generation += 1
        generation = self._generation
        self.range_label.setText(tr("%1 to %2").replace("%1", _day_text(period.start))
                                 .replace("%2", _day_text(period.end)))
        if period.end < period.start:
            self._show_problem(tr("The end of the period is before its start; choose a later "
                                  "“to” date."))
            self.document_ready.emit()
            return
        self.progress.setVisible(True)
        self._set_actions(False)
        journal = self.journal
        operation = Operation(lambda: services.brag_document(journal, start=period.start,
                                                             end=period.end), self)
        operation.succeeded.connect(lambda text: self._on_document(generation, text))
        operation.failed.connect(lambda message: self._on_refused(generation, message))
        operation.finished.connect(operation.deleteLater)  # a new one comes with each change
        self.operation = operation
        operation.start()

    def _on_document(self, generation: int, text: object) -> None:
        if generation != self._generation:
            return  # made for a period the user has left already
        assert isinstance(text, str)
        self.text = text
        self.error = ""
        self.preview.set_markdown(text)
        self.progress.setVisible(False)
        self._set_actions(True)
        self.document_ready.emit()

    def _on_refused(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._show_problem(message)
        self.document_ready.emit()

    def _show_problem(self, message: str) -> None:
        self.text = ""
        self.error = message
        self.preview.setPlainText(message)
        self.progress.setVisible(False)
        self._set_actions(False)

    def _set_actions(self, on: bool) -> None:
        self.copy_button.setEnabled(on)
        self.save_button.setEnabled(on and not self._saving())

    def _saving(self) -> bool:
        return self.save_operation is not None and self.save_operation.running

    # -- copy and save ----------------------------------------------------------------------

    def copy_to_clipboard(self) -> None:
        if not self.text:
            return
        seconds = copy_private_text(self.text)
        if seconds:
            self.status_label.setText(tr("Copied to the clipboard as markdown; cleared from it "
                                         "in %1 seconds.").replace("%1", str(seconds)))
        else:
            self.status_label.setText(tr("Copied to the clipboard as markdown."))

    def suggested_path(self) -> Path:
        period = self.period or self.current_period()
        return self.folder / f"brag-document-{period.start.isoformat()}-to-{period.end.isoformat()}.md"

    def save(self, path: Path | None = None) -> bool:
        """Asks where (unless ``path`` is given) and writes the text shown, whole or not at
        all, on a pool thread; returns whether the writing started."""
        if not self.text or self._saving():
            return False
        path = path or FileChooser.ask_save(self, tr("Save the Brag Document"),
                                            self.suggested_path(),
                                            tr("Markdown files (*.md)"), ".md")
        if path is None:
            return False
        from careerdesk.interchange.markdown_export import write_text

        text = self.text  # what the user read, even if the period changes meanwhile
        self.save_button.setEnabled(False)
        self.status_label.setText(tr("Saving…"))
        operation = Operation(lambda: write_text(path, text), self)
        operation.succeeded.connect(lambda _none: self._on_saved(path))
        operation.failed.connect(self._on_save_failed)
        self.save_operation = operation
        operation.start()
        return True

    def _on_saved(self, path: Path) -> None:
        self.folder = path.parent
        self.save_button.setEnabled(bool(self.text))
        self.status_label.setText(tr("Saved as %1.").replace("%1", path.name))
        self.saved.emit(str(path))

    def _on_save_failed(self, message: str) -> None:
        self.save_button.setEnabled(bool(self.text))
        self.status_label.setText(tr("Not saved."))
        self.show_message(tr("The Brag Document Was Not Saved"), message)

    def show_message(self, title: str, text: str) -> None:
        """A warning; a method so a test can replace it."""
        QMessageBox.warning(self, title, text)


def _day_text(day: date) -> str:
    from careerdesk.interchange.markdown_export import day_text

    return day_text(day)
