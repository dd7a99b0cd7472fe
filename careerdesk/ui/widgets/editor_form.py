"""The parts every record editor builds alike: the scrolling body, the title field with
its problem line under it, the grid of short fields; and how a saved record is shown
in them (texts, choices, when it last changed)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerdesk.ui import theme
from careerdesk.ui.widgets.marks import WarningLabel


def tr(text: str) -> str:
    return QCoreApplication.translate("EditorForm", text)


def scroll_body(area: QScrollArea, name: str,
                margins: tuple[int, int, int, int]) -> tuple[QWidget, QVBoxLayout]:
    """Makes ``area`` a frameless column that scrolls down only (a narrow editor wraps
    rather than scrolls sideways); returns its body and the body's column."""
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(name)
    body = QWidget(area)
    area.setWidget(body)
    column = QVBoxLayout(body)
    column.setContentsMargins(*margins)
    column.setSpacing(6)
    return body, column


def title_edit(parent: QWidget, placeholder: str, name: str) -> QLineEdit:
    """The record's title (or name), first and larger than the fields below it."""
    title = QLineEdit(parent)
    title.setPlaceholderText(placeholder)
    title.setAccessibleName(name)
    title.setFont(theme.font_for(theme.TextRole.SECTION))
    title.setMinimumHeight(title.sizeHint().height() + 6)
    return title


def title_field(parent: QWidget, column: QVBoxLayout, placeholder: str,
                name: str) -> tuple[QLineEdit, WarningLabel]:
    """The title, added to ``column`` with the line under it that says why it is refused."""
    title = title_edit(parent, placeholder, name)
    column.addWidget(title)
    problem = WarningLabel(parent)
    column.addWidget(problem)
    return title, problem


def field_grid() -> QGridLayout:
    """The grid of short fields under the title, captions beside them."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(8)
    grid.setContentsMargins(0, 6, 0, 0)
    return grid


def show_saved_text(edit: QLineEdit, text: str) -> None:
    """Shows a saved value, from its start; a field that says it already is left alone,
    so reloading the record the user is typing in does not move their cursor."""
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)


def select_data(combo: QComboBox, data: object) -> None:
    """Selects the item holding ``data`` (the first when none does), quietly: showing a
    record is not an edit."""
    combo.blockSignals(True)
    combo.setCurrentIndex(max(combo.findData(data), 0))
    combo.blockSignals(False)


def last_changed(updated_at: datetime | None, *, with_time: bool = True) -> str:
    """“Last changed 22 Nov 2026 at 15:48”, in local time; empty for a record never saved."""
    if updated_at is None:
        return ""
    local = updated_at.astimezone()
    when = QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")
    if not with_time:
        return tr("Last changed %1").replace("%1", when)
    return tr("Last changed %1 at %2").replace("%1", when).replace("%2", local.strftime("%H:%M"))
