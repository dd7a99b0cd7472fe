"""Every field of one cycle event, saved as the user finishes each (the Achievements editor's
pattern at a smaller scale): ``edited(field)`` when a field is committed, ``build()`` for
the record as it now reads, ``None`` while the name is empty.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.enums import CycleEventKind, Recurrence
from careerdesk.domain.records import CycleEvent
from careerdesk.planner.rules import rules_for
from careerdesk.ui import theme
from careerdesk.ui.models.cycle_event_table import kind_text, recurrence_text
from careerdesk.ui.widgets.marks import WarningLabel
from careerdesk.ui.widgets.text_edits import CommitTextEdit
from careerdesk.ui.window_kinds import kind_label


def tr(text: str) -> str:
    return QCoreApplication.translate("CycleEventEditor", text)


FIELD_LABELS = {"name": "name", "kind": "kind", "date": "date", "duration_days": "duration",
                "recurrence": "recurrence", "notes": "notes"}
MERGED_FIELDS = frozenset({"notes", "kind", "recurrence", "duration_days", "date"})
MAX_DURATION_DAYS = 366


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field, field))


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class CycleEventEditor(QWidget):
    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: CycleEvent | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(theme.SPACE_M)
        form.setVerticalSpacing(theme.SPACE_S + 2)

        self.name = QLineEdit(self)
        self.name.setAccessibleName(tr("Event name"))
        self.name.setPlaceholderText(tr("e.g. Annual performance review"))
        self.name.editingFinished.connect(lambda: self._commit("name"))
        self.name_problem = WarningLabel(self)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(tr("Kind of event"))
        for kind in CycleEventKind:
            self.kind.addItem(kind_text(kind), kind.value)
        self.kind.activated.connect(lambda _i: self._commit("kind"))
        self.opens = QLabel(self)
        self.opens.setWordWrap(True)
        theme.set_secondary(self.opens)
        self.opens.setAccessibleName(tr("Windows this event opens"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(tr("Date"))
        self.date.editingFinished.connect(lambda: self._commit("date"))
        self.date.dateChanged.connect(self._date_picked)
        self.duration = QSpinBox(self)
        self.duration.setRange(0, MAX_DURATION_DAYS)
        self.duration.setSpecialValueText(tr("Not set"))
        self.duration.setSuffix(tr(" days"))
        self.duration.setAccessibleName(tr("Duration in days"))
        self.duration.editingFinished.connect(lambda: self._commit("duration_days"))
        self.recurrence = QComboBox(self)
        self.recurrence.setAccessibleName(tr("Repeats"))
        for recurrence in Recurrence:
            self.recurrence.addItem(recurrence_text(recurrence), recurrence.value)
        self.recurrence.activated.connect(lambda _i: self._commit("recurrence"))
        self.notes = CommitTextEdit(self, lines=4)
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setPlaceholderText(tr("What happens, who decides, what to prepare"))
        self.notes.setMinimumHeight(70)
        self.notes.committed.connect(lambda: self._commit("notes"))

        form.addRow(tr("&Name"), self.name)
        form.addRow("", self.name_problem)
        form.addRow(tr("&Kind"), self.kind)
        form.addRow("", self.opens)
        form.addRow(tr("&Date"), self.date)
        form.addRow(tr("D&uration"), self.duration)
        form.addRow(tr("&Repeats"), self.recurrence)
        form.addRow(tr("N&otes"), self.notes)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel) and widget.text():
                widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(form)
        layout.addStretch(1)
        QWidget.setTabOrder(self.name, self.kind)
        QWidget.setTabOrder(self.kind, self.date)
        QWidget.setTabOrder(self.date, self.duration)
        QWidget.setTabOrder(self.duration, self.recurrence)
        QWidget.setTabOrder(self.recurrence, self.notes)

    def load(self, record: CycleEvent | None) -> None:
        self.record = record
        self._loading = True
        try:
            self.name_problem.hide()
            if record is None:
                self.name.clear()
                self.notes.set_text("")
                return
            self.name.setText(record.name)
            self.kind.setCurrentIndex(max(self.kind.findData(record.kind.value), 0))
            self.date.setDate(_qdate(record.date))
            self.duration.setValue(record.duration_days or 0)
            self.recurrence.setCurrentIndex(max(self.recurrence.findData(record.recurrence.value), 0))
            self.notes.set_text(record.notes or "")
            self._show_opens(record.kind)
        finally:
            self._loading = False

    def set_saved(self, record: CycleEvent) -> None:
        self.record = record
        self._show_opens(record.kind)

    def flush(self) -> None:
        """Commits a note still being typed (before another event is shown)."""
        self.notes.flush()

    def _show_opens(self, kind: CycleEventKind) -> None:
        windows = [kind_label(rule.window) for rule in rules_for(kind)]
        self.opens.setText(tr("Opens: %1").replace("%1", ", ".join(windows)) if windows
                           else tr("Opens no window to ask; it shows on the calendar."))

    def _date_picked(self, _value: QDate) -> None:
        # A pick from the calendar popup commits at once; typed dates wait for editingFinished.
        if not self._loading and self.date.calendarWidget().isVisible():
            self._commit("date")

    def build(self) -> CycleEvent | None:
        if self.record is None:
            return None
        name = self.name.text().strip()
        if not name:
            self.name_problem.show_message(tr("An event needs a name."))
            return None
        self.name_problem.hide()
        picked = self.date.date()
        return dataclasses.replace(
            self.record, name=name, kind=CycleEventKind(self.kind.currentData()),
            date=date(picked.year(), picked.month(), picked.day()),
            duration_days=self.duration.value() or None,
            recurrence=Recurrence(self.recurrence.currentData()),
            notes=self.notes.text().strip() or None)

    def _commit(self, field: str) -> None:
        if not self._loading and self.record is not None:
            self.edited.emit(field)
