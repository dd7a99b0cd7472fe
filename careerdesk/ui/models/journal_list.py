"""The journal list: every matching entry known at once, the lines fetched by block.

Like the achievements table: the model holds the ordered ids (one indexed query, fast
for 20,000 entries), and fetches what a row shows only when the view asks, ``BLOCK``
rows at a time, keeping a few blocks. Filtering is SQL, never a proxy over all rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from careerdesk.store import journal_list
from careerdesk.store.database import Journal
from careerdesk.store.journal_list import JournalFilter, JournalLine
from careerdesk.ui import theme
from careerdesk.ui.models.achievement_table import date_text

BLOCK = 200
MAX_BLOCKS = 40

ModelIndex = QModelIndex | QPersistentModelIndex
UID_ROLE = Qt.ItemDataRole.UserRole + 1
DATE_ROLE = Qt.ItemDataRole.UserRole + 2  # the date as shown
EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 3  # the start of the body, plain words
TAGS_ROLE = Qt.ItemDataRole.UserRole + 4  # "#work  #people"


def tr(text: str) -> str:
    return QCoreApplication.translate("JournalListModel", text)


def heading(line: JournalLine) -> str:
    """The title, or the start of the text for an entry without one."""
    return line.title or line.excerpt or tr("(empty entry)")


class JournalListModel(QAbstractListModel):
    """Rows are entries in the order ``matching_ids`` gives for the filter."""

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.filter = JournalFilter()
        self.total = 0
        self._ids: list[int] = []
        self._row_of_id: dict[int, int] | None = None
        self._blocks: OrderedDict[int, dict[int, JournalLine]] = OrderedDict()
        self.blocks_fetched = 0

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        with self.journal.sessions() as session:
            ids = journal_list.matching_ids(session, self.filter)
            self.total = journal_list.entry_count(session)
        if ids == self._ids:
            self._blocks.clear()
            if ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, 0))
            return
        self.beginResetModel()
        self._ids = ids
        self._row_of_id = None
        self._blocks.clear()
        self.endResetModel()

    def set_filter(self, new_filter: JournalFilter) -> None:
        if new_filter != self.filter:
            self.filter = new_filter
            self.reload()

    def line(self, row: int) -> JournalLine | None:
        if not 0 <= row < len(self._ids):
            return None
        block = row // BLOCK
        lines = self._blocks.get(block)
        if lines is None:
            ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
            with self.journal.sessions() as session:
                lines = journal_list.lines(session, ids)
            self.blocks_fetched += 1
            self._blocks[block] = lines
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return lines.get(self._ids[row])

    @property
    def cached_lines(self) -> int:
        return sum(len(b) for b in self._blocks.values())

    # ------------------------------------------------------------ rows and uids

    def ids(self) -> Sequence[int]:
        return self._ids

    def uid_at(self, row: int) -> str | None:
        line = self.line(row)
        return line.uid if line else None

    def row_of_uid(self, uid: str) -> int | None:
        for lines in self._blocks.values():
            for found in lines.values():
                if found.uid == uid:
                    return self.row_of_id(found.id)
        with self.journal.sessions() as session:
            id_ = journal_list.entry_id(session, uid)
        return None if id_ is None else self.row_of_id(id_)

    def row_of_id(self, id_: int) -> int | None:
        if self._row_of_id is None:
            self._row_of_id = {x: i for i, x in enumerate(self._ids)}
        return self._row_of_id.get(id_)

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0 or role not in _ROLES:
            return None
        line = self.line(index.row())
        if line is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return heading(line)
        if role == DATE_ROLE:
            return date_text(line.date)
        if role == EXCERPT_ROLE:
            return line.excerpt if line.title else ""
        if role == TAGS_ROLE:
            return "  ".join(f"#{t}" for t in line.tags)
        if role == UID_ROLE:
            return line.uid
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [heading(line), date_text(line.date)]
            if line.tags:
                parts.append(tr("Tags: %1").replace("%1", ", ".join(line.tags)))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{date_text(line.date)}, {heading(line)}"
        return None


_ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
          Qt.ItemDataRole.AccessibleTextRole, UID_ROLE, DATE_ROLE, EXCERPT_ROLE, TAGS_ROLE}


class JournalEntryDelegate(QStyledItemDelegate):
    """Three lines per entry: the title with its date, the start of the text, the tags."""

    PAD_X, PAD_Y, GAP = 12, 8, 2

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        metrics = option.fontMetrics
        return QSize(200, metrics.height() * 3 + self.GAP * 2 + self.PAD_Y * 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        main = palette.color(QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.Text)
        quiet = main if selected else theme.tone("secondary_text")
        rect: QRect = opt.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        base: QFont = opt.font
        metrics = opt.fontMetrics
        height = metrics.height()
        painter.save()
        day = index.data(DATE_ROLE) or ""
        painter.setFont(base)
        painter.setPen(quiet)
        day_width = metrics.horizontalAdvance(day)
        top = QRect(rect.left(), rect.top(), rect.width(), height)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), day)
        strong = theme.font_for(theme.TextRole.STRONG, base)
        painter.setFont(strong)
        painter.setPen(main)
        title_room = max(rect.width() - day_width - 12, 0)
        title = painter.fontMetrics().elidedText(index.data() or "", Qt.TextElideMode.ElideRight,
                                                 title_room)
        painter.drawText(QRect(rect.left(), rect.top(), title_room, height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
        painter.setFont(base)
        painter.setPen(quiet)
        for number, role in ((1, EXCERPT_ROLE), (2, TAGS_ROLE)):
            text = index.data(role) or ""
            if text:
                line = QRect(rect.left(), rect.top() + number * (height + self.GAP),
                             rect.width(), height)
                painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
