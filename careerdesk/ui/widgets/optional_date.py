"""A date the user may leave unset: a check box that switches a date field on."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class OptionalDateEdit(QWidget):
    """``[x] From [14 Nov 2025]``: unchecked means no date (``value()`` is ``None``)."""

    changed = Signal()

    def __init__(self, label: str, accessible_name: str, initial: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.check.setAccessibleName(accessible_name)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy")
        self.edit.setDate(QDate(initial.year, initial.month, initial.day))
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(accessible_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(self._date_changed)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        day = self.edit.date()
        return date(day.year(), day.month(), day.day())

    def set_value(self, value: date | None) -> None:
        """Sets the date without announcing it (the caller knows)."""
        self.blockSignals(True)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))
        self.check.setChecked(value is not None)
        self.blockSignals(False)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()

    def _date_changed(self) -> None:
        if self.check.isChecked():
            self.changed.emit()
