"""The achievements table: every matching row known at once, the lines fetched by block.

The model holds the ordered ids of the matching achievements (one indexed query, fast
for 30,000), so the row count and the scroll bar are right from the start. What a row
shows is fetched only when the view asks for it, ``BLOCK`` rows at a time, and kept in a
small cache of blocks. Sorting and filtering are SQL (``matching_ids``), never a proxy
over all rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from careerdesk.domain.enums import AchievementKind
from careerdesk.store import achievement_edit, achievement_list
from careerdesk.store.achievement_list import AchievementFilter, AchievementLine, AchievementSort
from careerdesk.store.database import Journal
from careerdesk.ui.widgets.marks import blank_mark, kind_dot, star_icon

BLOCK = 200
MAX_BLOCKS = 40  # 8,000 lines at most in memory, whatever the journal's size

ModelIndex = QModelIndex | QPersistentModelIndex
UID_ROLE = Qt.ItemDataRole.UserRole + 1
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

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


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


class AchievementTableModel(QAbstractTableModel):
    """Rows are achievements in the order ``matching_ids`` gives for the filter and sort."""

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.filter = AchievementFilter()
        self.sort_key = AchievementSort.DATE
        self.descending = True
        self.total = 0
        self._ids: list[int] = []
        self._row_of_id: dict[int, int] | None = None
        self._blocks: OrderedDict[int, dict[int, AchievementLine]] = OrderedDict()
        self.blocks_fetched = 0  # how often the model asked the journal for lines

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Asks the journal again for the matching ids; keeps the rows if they are the same."""
        with self.journal.sessions() as session:
            ids = achievement_list.matching_ids(session, self.filter, self.sort_key,
                                                self.descending)
            self.total = achievement_edit.achievement_count(session)
        if ids == self._ids:
            self._blocks.clear()
            if ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(ids) - 1, len(Column) - 1))
            return
        self.beginResetModel()
        self._ids = ids
        self._row_of_id = None
        self._blocks.clear()
        self.endResetModel()

    def set_filter(self, new_filter: AchievementFilter) -> None:
        if new_filter != self.filter:
            self.filter = new_filter
            self.reload()

    def set_sort(self, key: AchievementSort, descending: bool) -> None:
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_OF_COLUMN.get(Column(column)) if 0 <= column < len(Column) else None
        if key is not None:
            self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    def _line(self, row: int) -> AchievementLine | None:
        block = row // BLOCK
        lines = self._blocks.get(block)
        if lines is None:
            ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
            with self.journal.sessions() as session:
                lines = achievement_list.lines(session, ids)
            self.blocks_fetched += 1
            self._blocks[block] = lines
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        # A row deleted by another window since the ids were read has no line: show it empty.
        return lines.get(self._ids[row])

    @property
    def cached_lines(self) -> int:
        return sum(len(b) for b in self._blocks.values())

    # ------------------------------------------------------------ rows and uids

    def ids(self) -> Sequence[int]:
        return self._ids

    def uid_at(self, row: int) -> str | None:
        if not 0 <= row < len(self._ids):
            return None
        line = self._line(row)
        return line.uid if line else None

    def row_of_uid(self, uid: str) -> int | None:
        for lines in self._blocks.values():
            for line in lines.values():
                if line.uid == uid:
                    return self.row_of_id(line.id)
        with self.journal.sessions() as session:
            id_ = achievement_edit.achievement_id(session, uid)
        return None if id_ is None else self.row_of_id(id_)

    def row_of_id(self, id_: int) -> int | None:
        if self._row_of_id is None:
            self._row_of_id = {x: i for i, x in enumerate(self._ids)}
        return self._row_of_id.get(id_)

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return header(column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (Column.DATE, Column.METRIC) else _LEFT
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            descending = column in (Column.DATE, Column.SCOPE, Column.METRIC)
            return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in SORT_OF_COLUMN:
                return tr("Sort by %1").replace("%1", header(column).lower())
            return None
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role not in _ROLES:
            return None
        line = self._line(index.row())
        if line is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(line, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == Column.TITLE and line.highlight:
                return tr("%1 (highlight)").replace("%1", line.title)
            return _display(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (Column.DATE, Column.METRIC) else _LEFT
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Column.TITLE:
                return star_icon() if line.highlight else blank_mark()
            if column == Column.KIND:
                return kind_dot(line.kind)
            return None
        if role == UID_ROLE:
            return line.uid
        if role == METRIC_MORE_ROLE:
            return more_metrics_text(line) if column == Column.METRIC else None
        return None


_ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
          Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.TextAlignmentRole,
          Qt.ItemDataRole.DecorationRole, UID_ROLE, METRIC_MORE_ROLE}


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
        painter.drawText(area, int(_RIGHT), shown)
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
