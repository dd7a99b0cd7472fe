"""The achievements table: every matching row known at once, the lines fetched by block.

The model holds the ordered ids of the matching achievements (one indexed query, fast
for 30,000), so the row count and the scroll bar are right from the start. What a row
shows is fetched only when the view asks for it, by block (``LazyTableModel``). Sorting
and filtering are SQL (``matching_ids``), never a proxy over all rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem
from sqlalchemy.orm import Session

from careerdesk.domain.enums import AchievementKind
from careerdesk.store import achievement_edit, achievement_list
from careerdesk.store.achievement_list import AchievementFilter, AchievementLine, AchievementSort
from careerdesk.store.database import Journal
from careerdesk.ui.models.lazy_table import CELL_ROLES, RIGHT, LazyTableModel, ModelIndex
from careerdesk.ui.widgets.marks import blank_mark, kind_dot, star_icon

METRIC_MORE_ROLE = Qt.ItemDataRole.UserRole + 2  # "+2 more": kept visible when the cell elides


def tr(text: str) -> str:
    return QCoreApplication.translate("AchievementTableModel", text)


class Column(IntEnum):
    DATE = 0
    TITLE = 1
    KIND = 2
    SCOPE = 3
    METRIC = 4
    SKILLS = 5


_HEADERS = {
    Column.DATE: "Date",
    Column.TITLE: "Title",
    Column.KIND: "Kind",
    Column.SCOPE: "Scope",
    Column.METRIC: "Metric",
    Column.SKILLS: "Skills",
}


def header(column: Column) -> str:
    return tr(_HEADERS[column])

SORT_OF_COLUMN: dict[Column, AchievementSort] = {
    Column.DATE: AchievementSort.DATE,
    Column.TITLE: AchievementSort.TITLE,
    Column.KIND: AchievementSort.KIND,
    Column.SCOPE: AchievementSort.SCOPE,
    Column.METRIC: AchievementSort.METRICS,
}


def date_text(day: Any) -> str:
    """A date as people write it (``14 Nov 2025``), in the user's language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def more_metrics_text(line: AchievementLine) -> str:
    if line.metric_count < 2:
        return ""
    return tr("+%1 more").replace("%1", str(line.metric_count - 1))


def metric_text(line: AchievementLine) -> str:
    more = more_metrics_text(line)
    return f"{line.first_metric_change}  {more}" if more else line.first_metric_change


class AchievementTableModel(LazyTableModel):
    """Rows are achievements in the order ``matching_ids`` gives for the filter and sort."""

    headers = tuple(_HEADERS[c] for c in Column)
    right_aligned = frozenset({Column.DATE, Column.METRIC})
    roles = CELL_ROLES | {METRIC_MORE_ROLE}
    sort_of_column = SORT_OF_COLUMN
    filter: AchievementFilter

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(journal, parent)
        self.filter = AchievementFilter()
        self.sort_key = AchievementSort.DATE
        self.descending = True

    # ------------------------------------------------------------ what the journal gives

    def fetch_ids(self, session: Session) -> list[int]:
        return achievement_list.matching_ids(session, self.filter, self.sort_key,
                                             self.descending)

    def fetch_lines(self, session: Session, ids: Sequence[int]) -> dict[int, Any]:
        return achievement_list.lines(session, ids)

    def count_all(self, session: Session) -> int:
        return achievement_edit.achievement_count(session)

    def id_of_uid(self, session: Session, uid: str) -> int | None:
        return achievement_edit.achievement_id(session, uid)

    # ------------------------------------------------------------ filter and sort

    # ------------------------------------------------------------ what a cell shows

    def header_text(self, section: int) -> str:
        return header(Column(section))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            descending = column in (Column.DATE, Column.SCOPE, Column.METRIC)
            return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in SORT_OF_COLUMN:
                return tr("Sort by %1").replace("%1", header(column).lower())
            return None
        return super().headerData(section, orientation, role)

    def cell(self, line: AchievementLine, column: int, role: int) -> Any:
        column = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(line, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == Column.TITLE and line.highlight:
                return tr("%1 (highlight)").replace("%1", line.title)
            return _display(line, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Column.TITLE:
                return star_icon() if line.highlight else blank_mark()
            if column == Column.KIND:
                return kind_dot(line.kind)
            return None
        if role == METRIC_MORE_ROLE:
            return more_metrics_text(line) if column == Column.METRIC else None
        return None


class MetricCellDelegate(QStyledItemDelegate):
    """Right-aligned numbers with room before the next column; elides the change, never
    the "+2 more" after it, since that part says there is more to see."""

    GAP = 12

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        text, opt.text = opt.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        area.adjust(0, 0, -self.GAP, 0)
        more = index.data(METRIC_MORE_ROLE) or ""
        change = text[: len(text) - len(more)].rstrip() if more else text
        suffix = f"  {more}" if more else ""
        metrics = opt.fontMetrics
        room = max(area.width() - metrics.horizontalAdvance(suffix), 0)
        shown = metrics.elidedText(change, Qt.TextElideMode.ElideRight, room) + suffix
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        painter.drawText(area, int(RIGHT), shown)
        painter.restore()


def kind_label(kind: AchievementKind) -> str:
    return QCoreApplication.translate("AchievementKind", kind.label)


def _display(line: AchievementLine, column: Column) -> str:
    match column:
        case Column.DATE:
            return date_text(line.date)
        case Column.TITLE:
            return line.title
        case Column.KIND:
            return kind_label(line.kind)
        case Column.SCOPE:
            return QCoreApplication.translate("Scope", line.scope.label) if line.scope else ""
        case Column.METRIC:
            return metric_text(line)
        case Column.SKILLS:
            return ", ".join(line.skills)
    return ""


def _tooltip(line: AchievementLine, column: Column) -> str | None:
    match column:
        case Column.TITLE:
            # Everything of the row in words, as narrow tables hide some columns.
            parts = [line.title]
            if line.scope:
                parts.append(tr("Scope: %1").replace(
                    "%1", QCoreApplication.translate("Scope", line.scope.label)))
            if line.skills:
                parts.append(tr("Skills: %1").replace("%1", ", ".join(line.skills)))
            if line.tags:
                parts.append(tr("Tags: %1").replace("%1", ", ".join(line.tags)))
            return "\n".join(parts)
        case Column.METRIC:
            if not line.metric_count:
                return None
            text = line.first_metric
            if line.metric_count > 1:
                text += "\n" + tr("and %1 more").replace("%1", str(line.metric_count - 1))
            return text
        case Column.SKILLS:
            return ", ".join(line.skills) or None
        case Column.KIND:
            return {
                AchievementKind.QUANTIFIED: tr("Quantified: a result with numbers"),
                AchievementKind.STORY: tr("Story: a situation, what you did, the result"),
                AchievementKind.INVISIBLE: tr("Invisible work: mentoring, knowledge sharing, "
                                              "glue work"),
            }[line.kind]
    return None
