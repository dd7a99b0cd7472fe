"""The journal list: every matching entry known at once, the lines fetched by block.

Like the achievements table (``LazyTableModel``): the model holds the ordered ids (one
indexed query, fast for 20,000 entries), and fetches what a row shows only when the view
asks, by block, keeping a few blocks. Filtering is SQL, never a proxy over all rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem
from sqlalchemy.orm import Session

from careerdesk.store import journal_list
from careerdesk.store.database import Journal
from careerdesk.store.journal_list import JournalFilter, JournalLine
from careerdesk.ui import theme
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.models.lazy_table import UID_ROLE, LazyTableModel, ModelIndex

DATE_ROLE = Qt.ItemDataRole.UserRole + 2  # the date as shown
EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 3  # the start of the body, plain words
TAGS_ROLE = Qt.ItemDataRole.UserRole + 4  # "#work  #people"


def tr(text: str) -> str:
    return QCoreApplication.translate("JournalListModel", text)


def heading(line: JournalLine) -> str:
    """The title, or the start of the text for an entry without one."""
    return line.title or line.excerpt or tr("(empty entry)")


class JournalListModel(LazyTableModel):
    """Rows are entries in the order ``matching_ids`` gives for the filter; one column,
    drawn by ``JournalEntryDelegate``."""

    headers = ("",)
    roles = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                       Qt.ItemDataRole.AccessibleTextRole, UID_ROLE, DATE_ROLE, EXCERPT_ROLE,
                       TAGS_ROLE})
    filter: JournalFilter

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(journal, parent)
        self.filter = JournalFilter()

    # ------------------------------------------------------------ what the journal gives

    def fetch_ids(self, session: Session) -> list[int]:
        return journal_list.matching_ids(session, self.filter)

    def fetch_lines(self, session: Session, ids: Sequence[int]) -> dict[int, Any]:
        return journal_list.lines(session, ids)

    def count_all(self, session: Session) -> int:
        return journal_list.entry_count(session)

    def id_of_uid(self, session: Session, uid: str) -> int | None:
        return journal_list.entry_id(session, uid)

    # ------------------------------------------------------------ what a row shows

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A list shows no header: Qt's default, as for any list model.
        return QAbstractItemModel.headerData(self, section, orientation, role)

    def cell(self, line: JournalLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return heading(line)
        if role == DATE_ROLE:
            return date_text(line.date)
        if role == EXCERPT_ROLE:
            return line.excerpt if line.title else ""
        if role == TAGS_ROLE:
            return "  ".join(f"#{t}" for t in line.tags)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [heading(line), date_text(line.date)]
            if line.tags:
                parts.append(tr("Tags: %1").replace("%1", ", ".join(line.tags)))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{date_text(line.date)}, {heading(line)}"
        return None


class JournalEntryDelegate(QStyledItemDelegate):
    """Three lines per entry: the title with its date, the start of the text, the tags."""

    PAD_X, PAD_Y, GAP = 12, 8, 2

    @classmethod
    def row_height(cls, metrics: QFontMetrics) -> int:
        return metrics.height() * 3 + cls.GAP * 2 + cls.PAD_Y * 2

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(200, self.row_height(option.fontMetrics))

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
