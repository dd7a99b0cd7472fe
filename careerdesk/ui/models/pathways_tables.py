"""The two tables of the Pathways page: targets and openings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from sqlalchemy.orm import Session

from careerdesk.domain.enums import Availability, OpeningStatus, TargetPath, TargetStatus
from careerdesk.store import pathways_list as pl
from careerdesk.store.database import Journal
from careerdesk.store.pathways_list import (
    OpeningFilter,
    OpeningLine,
    OpeningSort,
    TargetFilter,
    TargetLine,
    TargetSort,
)
from careerdesk.ui import theme
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.models.lazy_table import LazyTableModel
from careerdesk.ui.widgets.stance import availability_label, availability_mark, warning_mark


def tr(text: str) -> str:
    return QCoreApplication.translate("PathwaysTables", text)


def path_label(path: TargetPath) -> str:
    return QCoreApplication.translate("TargetPath", path.label)


def target_status_label(status: TargetStatus) -> str:
    return QCoreApplication.translate("TargetStatus", status.label)


def opening_status_label(status: OpeningStatus) -> str:
    return QCoreApplication.translate("OpeningStatus", status.label)


def days_left_text(line_closes: date | None, today: date) -> str:
    if line_closes is None:
        return ""
    left = (line_closes - today).days
    if left < 0:
        return tr("Closed %1").replace("%1", date_text(line_closes))
    if left == 0:
        return tr("Closes today")
    return tr("1 day left") if left == 1 else tr("%1 days left").replace("%1", str(left))


class TargetColumn(IntEnum):
    TITLE = 0
    PATH = 1
    LEVEL = 2
    DEPARTMENT = 3
    STATUS = 4
    SKILLS = 5


TARGET_SORTS = {TargetColumn.TITLE: TargetSort.TITLE, TargetColumn.PATH: TargetSort.PATH,
                TargetColumn.LEVEL: TargetSort.LEVEL,
                TargetColumn.DEPARTMENT: TargetSort.DEPARTMENT,
                TargetColumn.STATUS: TargetSort.STATUS}


class TargetTableModel(LazyTableModel):
    headers = ("Target", "Path", "Level", "Department", "Status", "Skills covered")
    right_aligned = frozenset({TargetColumn.SKILLS})
    sort_of_column = TARGET_SORTS
    filter: TargetFilter

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(journal, parent)
        self.filter = TargetFilter()
        self.sort_key = TargetSort.STATUS
        self.descending = False

    def header_text(self, section: int) -> str:
        return tr(self.headers[section])

    def fetch_ids(self, session: Session) -> list[int]:
        return pl.target_ids(session, self.filter, self.sort_key, self.descending)

    def fetch_lines(self, session: Session, ids: Sequence[int]) -> dict[int, Any]:
        return pl.target_lines(session, ids)

    def count_all(self, session: Session) -> int:
        return pl.target_count(session)

    def id_of_uid(self, session: Session, uid: str) -> int | None:
        return pl.target_id(session, uid)

    def cell(self, line: TargetLine, column: int, role: int) -> Any:
        col = TargetColumn(column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match col:
            case TargetColumn.TITLE:
                return line.title
            case TargetColumn.PATH:
                return path_label(line.path)
            case TargetColumn.LEVEL:
                return line.level or ""
            case TargetColumn.DEPARTMENT:
                return line.department or ""
            case TargetColumn.STATUS:
                return target_status_label(line.status)
            case TargetColumn.SKILLS:
                if not line.required:
                    return tr("None listed")
                return tr("%1 of %2").replace("%1", str(line.covered)).replace(
                    "%2", str(line.required))
        return None


class OpeningColumn(IntEnum):
    TITLE = 0
    STATUS = 1
    CLOSES = 2
    AVAILABILITY = 3
    MANAGER = 4
    DEPARTMENT = 5


OPENING_SORTS = {OpeningColumn.TITLE: OpeningSort.TITLE, OpeningColumn.STATUS: OpeningSort.STATUS,
                 OpeningColumn.CLOSES: OpeningSort.CLOSES,
                 OpeningColumn.AVAILABILITY: OpeningSort.AVAILABILITY,
                 OpeningColumn.DEPARTMENT: OpeningSort.DEPARTMENT}


class OpeningTableModel(LazyTableModel):
    headers = ("Opening", "Status", "Closes", "Availability", "Hiring manager", "Department")
    right_aligned = frozenset({OpeningColumn.CLOSES})
    sort_of_column = OPENING_SORTS
    filter: OpeningFilter

    def __init__(self, journal: Journal, parent: QObject | None = None,
                 today: date | None = None) -> None:
        super().__init__(journal, parent)
        self.filter = OpeningFilter()
        self.sort_key = OpeningSort.CLOSES
        self.descending = False
        self.today = today or date.today()

    def header_text(self, section: int) -> str:
        return tr(self.headers[section])

    def fetch_ids(self, session: Session) -> list[int]:
        return pl.opening_ids(session, self.filter, self.sort_key, self.descending)

    def fetch_lines(self, session: Session, ids: Sequence[int]) -> dict[int, Any]:
        return pl.opening_lines(session, ids)

    def count_all(self, session: Session) -> int:
        return pl.opening_count(session)

    def id_of_uid(self, session: Session, uid: str) -> int | None:
        return pl.opening_id(session, uid)

    def cell(self, line: OpeningLine, column: int, role: int) -> Any:
        col = OpeningColumn(column)
        soon = line.closing_soon(self.today)
        promised = line.availability is Availability.SUSPECTED_PROMISED
        if role == Qt.ItemDataRole.DisplayRole:
            match col:
                case OpeningColumn.TITLE:
                    return line.title
                case OpeningColumn.STATUS:
                    return opening_status_label(line.status)
                case OpeningColumn.CLOSES:
                    if line.status in pl.OUTCOMES:
                        return date_text(line.closes) if line.closes else ""
                    return days_left_text(line.closes, self.today)
                case OpeningColumn.AVAILABILITY:
                    return availability_label(line.availability)
                case OpeningColumn.MANAGER:
                    return line.hiring_manager or ""
                case OpeningColumn.DEPARTMENT:
                    return line.department or ""
        if role == Qt.ItemDataRole.DecorationRole:
            if col == OpeningColumn.AVAILABILITY:
                return availability_mark(line.availability)
            if col == OpeningColumn.CLOSES and soon:
                return warning_mark()
        warm = (col == OpeningColumn.CLOSES and soon) or (
            col == OpeningColumn.AVAILABILITY and promised)
        if role == Qt.ItemDataRole.ForegroundRole and warm:
            return theme.warning_colour()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == OpeningColumn.CLOSES and line.closes:
                return tr("Closes %1").replace("%1", date_text(line.closes))
            if col == OpeningColumn.AVAILABILITY and promised:
                return tr("This posting may already be promised to someone")
        return None
