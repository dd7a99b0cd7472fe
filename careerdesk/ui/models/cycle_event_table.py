"""The organisation's calendar as a table: one row per cycle event, by date.

A journal holds tens of these, not thousands: the model keeps the records themselves and
reloads them whole after a change.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from careerdesk import services
from careerdesk.domain.enums import CycleEventKind, Recurrence
from careerdesk.domain.records import CycleEvent
from careerdesk.planner.words import day
from careerdesk.store.database import Journal


def tr(text: str) -> str:
    return QCoreApplication.translate("CycleEventTable", text)


class Column(IntEnum):
    DATE = 0
    NAME = 1
    KIND = 2
    REPEATS = 3


HEADERS = {Column.DATE: "Date", Column.NAME: "Name", Column.KIND: "Kind", Column.REPEATS: "Repeats"}


def kind_text(kind: CycleEventKind) -> str:
    return QCoreApplication.translate("CycleEventKind", kind.label)


def recurrence_text(recurrence: Recurrence) -> str:
    if recurrence is Recurrence.NONE:
        return tr("Once")
    return QCoreApplication.translate("Recurrence", recurrence.label)


class CycleEventTableModel(QAbstractTableModel):
    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.events: list[CycleEvent] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.events = sorted(services.load_all(self.journal, CycleEvent),
                             key=lambda e: (e.date, e.name.casefold(), e.uid))
        self.endResetModel()

    def row_of_uid(self, uid: str | None) -> int | None:
        return next((i for i, e in enumerate(self.events) if e.uid == uid), None)

    def uid_at(self, row: int) -> str | None:
        return self.events[row].uid if 0 <= row < len(self.events) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                    ) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[Column(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        event = self.events[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.DATE:
                return day(event.date)
            if column is Column.NAME:
                return event.name
            if column is Column.KIND:
                return kind_text(event.kind)
            return recurrence_text(event.recurrence)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.NAME:
            return event.notes or event.name
        if role == Qt.ItemDataRole.UserRole:
            return event.uid
        return None
