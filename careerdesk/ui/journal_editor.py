"""One journal entry: its title, date, tags, and its markdown text written or previewed.

Like the achievement editor, it only shows and reads fields: ``edited(field)`` says a
field was committed, the page saves through the undo stack and calls ``set_saved``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.records import JournalEntry
from careerdesk.ui import theme
from careerdesk.ui.widgets.editor_form import (
    last_changed,
    show_saved_text,
    title_edit,
)
from careerdesk.ui.widgets.markdown_view import MarkdownView
from careerdesk.ui.widgets.text_edits import CommitTextEdit
from careerdesk.ui.widgets.token_editor import TagEditor


def tr(text: str) -> str:
    return QCoreApplication.translate("JournalEditor", text)


FIELD_LABELS = {"title": "title", "date": "date", "tags": "tags", "body": "text"}
MERGED_FIELDS = frozenset({"body"})  # typed over a few pauses: one undo step


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field, field))


class JournalEditor(QWidget):
    """The form beside the list. ``record`` is the entry as last saved."""

    edited = Signal(str)

    WRITE, PREVIEW = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: JournalEntry | None = None
        self._loading = False
        self.setAccessibleName(tr("Journal entry editor"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 4, 4, 8)
        outer.setSpacing(8)

        self.title = title_edit(self, tr("Title (optional)"), tr("Title"))
        outer.addWidget(self.title)

        row = QHBoxLayout()
        row.setSpacing(10)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(tr("Date"))
        date_label = QLabel(tr("Date"), self)
        date_label.setBuddy(self.date)
        row.addWidget(date_label)
        row.addWidget(self.date)
        row.addSpacing(8)
        self.tags = TagEditor(self)
        tags_label = QLabel(tr("Tags"), self)
        tags_label.setBuddy(self.tags.input)
        row.addWidget(tags_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.tags, 1)
        outer.addLayout(row)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(tr("Write or preview"))
        self.tabs.tabBar().setAccessibleName(tr("Write or preview"))
        self.body = CommitTextEdit(self.tabs, lines=12)
        self.body.setAccessibleName(tr("Text"))
        self.body.setPlaceholderText(tr("Write freely. Markdown is welcome: **bold**, "
                                        "*italic*, - lists, # headings."))
        self.preview = MarkdownView(self.tabs)
        self.preview.setAccessibleName(tr("Preview"))
        self.tabs.addTab(self.body, tr("Write"))
        self.tabs.addTab(self.preview, tr("Preview"))
        self.tabs.setTabToolTip(self.WRITE, tr("Write the entry in markdown"))
        self.tabs.setTabToolTip(self.PREVIEW, tr("See the entry as it reads"))
        self.tabs.currentChanged.connect(self._tab_changed)
        outer.addWidget(self.tabs, 1)

        self.times = QLabel(self)
        self.times.setFont(theme.font_for(theme.TextRole.CAPTION))
        theme.style(self.times, "secondary")
        outer.addWidget(self.times)

        self.title.editingFinished.connect(lambda: self._commit("title"))
        self.date.editingFinished.connect(lambda: self._commit("date"))
        self.date.calendarWidget().clicked.connect(lambda _day: self._commit("date"))
        self.tags.changed.connect(lambda: self._commit("tags"))
        self.body.committed.connect(lambda: self._commit("body"))
        for first, second in itertools.pairwise([self.title, self.date, self.tags.input,
                                                 self.tabs, self.body]):
            QWidget.setTabOrder(first, second)

    def set_choices(self, tags: Sequence[str]) -> None:
        self.tags.set_choices(tags)

    # ------------------------------------------------------------ showing

    def load(self, record: JournalEntry | None) -> None:
        """Shows a saved entry (or nothing); not an edit, so nothing is saved."""
        self.record = record
        if record is None:
            return
        self._loading = True
        try:
            show_saved_text(self.title, record.title or "")
            self.date.setDate(QDate(record.date.year, record.date.month, record.date.day))
            self.tags.set_values(record.tags)
            self.body.set_text(record.body)
            if self.tabs.currentIndex() == self.PREVIEW:
                self.preview.set_markdown(record.body)
        finally:
            self._loading = False
        self._show_times(record)

    def set_saved(self, record: JournalEntry) -> None:
        self.record = record
        self._show_times(record)

    def show_preview(self, on: bool = True) -> None:
        self.tabs.setCurrentIndex(self.PREVIEW if on else self.WRITE)

    def _tab_changed(self, index: int) -> None:
        if index == self.PREVIEW:
            self.body.flush()
            self.preview.set_markdown(self.body.text())

    def _show_times(self, record: JournalEntry) -> None:
        self.times.setText(last_changed(record.updated_at))

    # ------------------------------------------------------------ reading

    def flush(self) -> None:
        self.body.flush()

    def build(self) -> JournalEntry | None:
        if self.record is None:
            return None
        day = self.date.date()
        return dataclasses.replace(
            self.record, title=self.title.text().strip() or None,
            date=date(day.year(), day.month(), day.day()), tags=self.tags.values(),
            body=self.body.text())

    def _commit(self, field: str) -> None:
        if not self._loading and self.record is not None:
            self.edited.emit(field)
