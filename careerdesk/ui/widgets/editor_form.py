"""The parts every record editor builds alike: the scrolling body, the title field with
its problem line under it, and the grid of short fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from careerdesk.ui import theme
from careerdesk.ui.widgets.marks import WarningLabel


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
