"""A combo box's entries as a plain list behind a model, for pickers of thousands of people.

Filling a ``QComboBox`` item by item with a tooltip each costs tens of milliseconds for a
large journal's people, paid every time a page opens; the model holds the list as it is
and makes an entry's text, data and (escaped) tooltip only when the view asks for them.
It accepts the combo's own ``addItem`` (a saved uid no longer among the choices is added
so it still shows), so the combo is used as any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from careerdesk.ui.widgets.plain_tip import plain_tip

Index = QModelIndex | QPersistentModelIndex


class ChoiceListModel(QAbstractListModel):
    """Rows of (text, data, hint); the hint is the row's tooltip, escaped."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[Any]] = []

    def set_choices(self, rows: Sequence[tuple[str, Any, str]]) -> None:
        self.beginResetModel()
        self._rows = [[text, data, hint] for text, data, hint in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text, data, hint = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.UserRole:
            return data
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(hint) or None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return hint or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            column = 0
        elif role == Qt.ItemDataRole.UserRole:
            column = 1
        else:
            return False
        self._rows[index.row()][column] = value
        self.dataChanged.emit(index, index, [role])
        return True

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or not 0 <= row <= len(self._rows) or count < 1:
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [["", None, ""] for _ in range(count)]
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count < 1 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row:row + count]
        self.endRemoveRows()
        return True
