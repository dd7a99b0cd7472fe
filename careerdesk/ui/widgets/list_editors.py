"""Small editable lists of a plan: lines of text, two-column rows, a table of benchmarks.

Each is a view over a few items (a plan has a handful of talking points, not thousands),
with buttons to add, remove and move, and drag and drop to reorder. They announce
``changed`` once an edit is committed; the owner reads ``values()`` and saves.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ListEditors", text)


def _button(parent: QWidget, text: str, name: str, tip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.setToolTip(tip or name)
    button.setAutoDefault(False)
    return button


class _FittingList(QListWidget):
    """Tells its editor when its width changed: wrapped lines change height with it."""

    width_changed = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.width_changed.emit()


class _FittingTable(QTableWidget):
    width_changed = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.width_changed.emit()


class _Buttons(QWidget):
    """Add, remove, up, down: the same row under every list."""

    def __init__(self, what: str, parent: QWidget) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.add = _button(self, tr("Add"), tr("Add %1").replace("%1", what))
        self.remove = _button(self, tr("Remove"), tr("Remove %1").replace("%1", what))
        self.up = _button(self, "↑", tr("Move %1 up").replace("%1", what))
        self.down = _button(self, "↓", tr("Move %1 down").replace("%1", what))
        for button in (self.up, self.down):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("↑") + 28)
        for button in (self.add, self.remove, self.up, self.down):
            row.addWidget(button)
        row.addStretch(1)


class TextListEditor(QWidget):
    """Lines of text, edited in place (double-click or F2), reordered by drag or ↑ ↓."""

    changed = Signal()

    def __init__(self, what: str, accessible_name: str, parent: QWidget | None = None,
                 *, rows: int = 4) -> None:
        super().__init__(parent)
        self.what = what
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.list = _FittingList(self)
        self.list.setAccessibleName(accessible_name)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self._min_rows = rows
        layout.addWidget(self.list)
        self.list.width_changed.connect(self.fit_height)
        self.fit_height()
        self.buttons = _Buttons(what, self)
        layout.addWidget(self.buttons)
        self.buttons.add.clicked.connect(self.add_new)
        self.buttons.remove.clicked.connect(self.remove_current)
        self.buttons.up.clicked.connect(lambda: self.move_current(-1))
        self.buttons.down.clicked.connect(lambda: self.move_current(1))
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(lambda *_: self.changed.emit())  # a drag
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._loading = False

    def fit_height(self) -> None:
        """As tall as its lines (at least a few), up to a limit; longer lists scroll."""
        metrics = self.list.fontMetrics()
        line = metrics.lineSpacing()
        width = max(self.list.viewport().width() - 12, 80)
        body = sum(max(metrics.boundingRect(QRect(0, 0, width, 100_000),
                                            Qt.TextFlag.TextWordWrap,
                                            self.list.item(r).text()).height(), line) + 4
                   for r in range(self.list.count()))
        body = max(body, (line + 4) * self._min_rows)
        self.list.setFixedHeight(min(body + 2 * self.list.frameWidth() + 6, 360))

    def values(self) -> list[str]:
        items = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return [text for text in items if text]

    def set_values(self, values: Sequence[str]) -> None:
        if list(values) == self.values() and self.list.count() == len(values):
            return
        self._loading = True
        row = self.list.currentRow()
        self.list.clear()
        for value in values:
            self.list.addItem(self._item(value))
        if self.list.count() and row >= 0:  # keep the place while editing; none at first
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._loading = False
        self.fit_height()

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        return item

    def append(self, text: str) -> None:
        """Adds a finished line (a suggested fallback) and commits it."""
        self.list.addItem(self._item(text))
        self.list.setCurrentRow(self.list.count() - 1)
        self.fit_height()
        self.changed.emit()

    def add_new(self) -> None:
        """An empty line to type in; it is saved once it holds text."""
        self._loading = True
        item = self._item("")
        self.list.addItem(item)
        self._loading = False
        self.fit_height()
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.fit_height()
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.changed.emit()


class TableEditor(QWidget):
    """Rows of a few text columns, edited in place; ``rows()`` gives each row's texts."""

    changed = Signal()

    def __init__(self, what: str, accessible_name: str, headers: Sequence[str],
                 parent: QWidget | None = None, *, stretch: Sequence[int] = (),
                 movable: bool = True, rows: int = 4) -> None:
        super().__init__(parent)
        self.what = what
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.table = _FittingTable(0, len(headers), self)
        self.table.setAccessibleName(accessible_name)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in every field
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if column in stretch else
                                        QHeaderView.ResizeMode.ResizeToContents)
        self._min_rows = rows
        layout.addWidget(self.table)
        self.table.width_changed.connect(self._refit)
        self.buttons = _Buttons(what, self)
        self.buttons.up.setVisible(movable)
        self.buttons.down.setVisible(movable)
        layout.addWidget(self.buttons)
        self.buttons.add.clicked.connect(self.add_new)
        self.buttons.remove.clicked.connect(self.remove_current)
        self.buttons.up.clicked.connect(lambda: self.move_current(-1))
        self.buttons.down.clicked.connect(lambda: self.move_current(1))
        self.table.itemChanged.connect(self._item_changed)
        self._loading = False

    def _refit(self) -> None:
        self.table.resizeRowsToContents()
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as its rows (at least a few empty ones' worth), so the form does not
        scroll inside a table and the table holds no sea of blank space."""
        line = self.table.fontMetrics().lineSpacing() + 10
        body = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        body = max(body, line * self._min_rows)
        height = self.table.horizontalHeader().sizeHint().height() + body \
            + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(min(height, 420))

    def rows(self) -> list[list[str]]:
        found = []
        for row in range(self.table.rowCount()):
            cells = []
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                cells.append(item.text().strip() if item is not None else "")
            found.append(cells)
        return found

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self._loading = True
        current = self.table.currentRow()
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.fit_height()
        if rows and current >= 0:  # keep the place while editing; select nothing at first
            self.table.setCurrentCell(min(current, len(rows) - 1), 0)
        self._loading = False

    def add_new(self) -> None:
        """An empty row to type in; it counts once its first cell holds text."""
        self._loading = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem("")
        self.table.setItem(row, 0, first)
        for column in range(1, self.table.columnCount()):
            self.table.setItem(row, column, QTableWidgetItem(""))
        self._loading = False
        self.fit_height()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(first)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self.fit_height()
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows.insert(target, rows.pop(row))
        self.set_rows(rows)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.table.resizeRowsToContents()
            self.fit_height()
            self.changed.emit()
