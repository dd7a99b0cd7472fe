"""The table every record page shows: calm, one row per record, keyboard-friendly.

Columns get widths from the font, never "resize to contents" (which reads every row of a
lazy model). One column stretches (the title); when the table is too narrow for all of
them, the least needed columns step aside, in an order the page gives, and come back as
soon as there is room again.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

# Delete everywhere; on a Mac keyboard the key marked "delete" sends Backspace.
DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) if sys.platform == "darwin" \
    else (Qt.Key.Key_Delete,)


class RecordTable(QTableView):
    """Rows are records; Delete asks to delete the current one (``delete_requested``)."""

    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * 2.0))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        self._widths: dict[int, int] = {}
        self._stretch = -1
        self._stretch_minimum = 0
        self._hide_order: tuple[int, ...] = ()
        self._fitting = False

    def set_columns(self, widths: Mapping[int, int], *, stretch: int, stretch_minimum: int,
                    hide_order: Sequence[int] = ()) -> None:
        """Widths of the fixed columns; ``stretch`` takes the rest, at least its minimum."""
        self._widths = dict(widths)
        self._stretch = stretch
        self._stretch_minimum = stretch_minimum
        self._hide_order = tuple(hide_order)
        header = self.horizontalHeader()
        for column, width in self._widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Shows every column that fits beside the stretching one, in the page's order."""
        if self._fitting or self._stretch < 0:
            return
        self._fitting = True
        try:
            room = self.viewport().width()
            needed = sum(self._widths.values()) + self._stretch_minimum
            hidden: set[int] = set()
            for column in self._hide_order:
                if needed <= room:
                    break
                hidden.add(column)
                needed -= self._widths.get(column, 0)
            for column in self._widths:
                if self.isColumnHidden(column) != (column in hidden):
                    self.setColumnHidden(column, column in hidden)
                    if column not in hidden:
                        self.horizontalHeader().resizeSection(column, self._widths[column])
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in DELETE_KEYS \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                and self.currentIndex().isValid():
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
