"""Table models of the Negotiations page: the plans, and the pay history.

Both hold a few dozen rows at most (plans are made a few times a year, pay changes once
or twice), so each reloads whole from the core's list query.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from careerdesk.domain.records import Compensation
from careerdesk.planner import words
from careerdesk.store.plan_edit import PlanLine
from careerdesk.ui.plan_editor import format_amount


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanTables", text)


_Index = QModelIndex | QPersistentModelIndex


class PlanColumn(IntEnum):
    MEETING = 0
    TITLE = 1
    STRATEGY = 2
    STATUS = 3


class PlanListModel(QAbstractTableModel):
    HEADERS = ("Meeting", "Plan", "Strategy", "Status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[PlanLine] = []

    def set_lines(self, lines: list[PlanLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == PlanColumn.MEETING:
                return words.day(line.meeting_date) if line.meeting_date else tr("not set")
            if column == PlanColumn.TITLE:
                return line.title
            if column == PlanColumn.STRATEGY:
                return tr(line.strategy.label)
            if column == PlanColumn.STATUS:
                return tr(line.status.label)
        if role == Qt.ItemDataRole.UserRole:
            return line.uid
        return None

    def uid_at(self, row: int) -> str | None:
        return self.lines[row].uid if 0 <= row < len(self.lines) else None

    def row_of_uid(self, uid: str) -> int | None:
        return next((i for i, line in enumerate(self.lines) if line.uid == uid), None)


class PayColumn(IntEnum):
    DATE = 0
    TITLE = 1
    LEVEL = 2
    BASE = 3
    BONUS = 4
    EQUITY = 5
    NOTE = 6


class CompensationModel(QAbstractTableModel):
    HEADERS = ("Date", "Title", "Level", "Base", "Bonus", "Equity", "Note")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.records: list[Compensation] = []

    def set_records(self, records: list[Compensation]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PayColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        record = self.records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                PayColumn.BASE, PayColumn.BONUS, PayColumn.EQUITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None

        def money(value: float | None) -> str:
            text = format_amount(value)
            return f"{text} {record.currency}" if text and record.currency else text

        values = {PayColumn.DATE: words.day(record.date), PayColumn.TITLE: record.title or "",
                  PayColumn.LEVEL: record.level or "", PayColumn.BASE: money(record.base),
                  PayColumn.BONUS: money(record.bonus), PayColumn.EQUITY: money(record.equity),
                  PayColumn.NOTE: record.note or ""}
        return values[PayColumn(column)]

    def row_of_uid(self, uid: str) -> int | None:
        return next((i for i, r in enumerate(self.records) if r.uid == uid), None)
