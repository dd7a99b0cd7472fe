"""A table over the ids of matching records, whose lines are fetched by block when shown.

The pattern of ``achievement_table.py`` for any record list: the model holds the ordered
ids (one SQL query, so the row count and the scroll bar are right at once) and asks for
the lines of ``BLOCK`` rows at a time, keeping a bounded cache. Subclasses say how to get
the ids and the lines, and what each cell shows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from careerdesk.store.database import Journal

# A block is a little more than a tall window's rows: opening a page reads only what it
# shows (a line may take a few queries), and scrolling reads the next block on the way.
BLOCK = 64
MAX_BLOCKS = 120

ModelIndex = QModelIndex | QPersistentModelIndex
UID_ROLE = Qt.ItemDataRole.UserRole + 1
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# The roles ``data`` answers; a subclass with roles of its own adds them to ``roles``.
CELL_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole, UID_ROLE})


class LazyTableModel(QAbstractTableModel):
    """Rows are records (lines with ``id`` and ``uid``) in the order ``fetch_ids`` gives."""

    headers: Sequence[str] = ()
    right_aligned: frozenset[int] = frozenset()
    roles: frozenset[int] = CELL_ROLES
    # Filtered and sorted in SQL: ``fetch_ids`` reads these; a click on a header sorts by
    # the key ``sort_of_column`` gives its column (a column without one does not sort).
    filter: Any
    sort_key: Any = None
    descending = False
    sort_of_column: Mapping[Any, Any] = {}

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.total = 0
        self._ids: list[int] = []
        self._row_of_id: dict[int, int] | None = None
        self._blocks: OrderedDict[int, dict[int, Any]] = OrderedDict()
        self.blocks_fetched = 0

    # ------------------------------------------------------------ for subclasses

    def fetch_ids(self, session: Session) -> list[int]:
        raise NotImplementedError

    def fetch_lines(self, session: Session, ids: Sequence[int]) -> dict[int, Any]:
        raise NotImplementedError

    def count_all(self, session: Session) -> int:
        raise NotImplementedError

    def id_of_uid(self, session: Session, uid: str) -> int | None:
        raise NotImplementedError

    def cell(self, line: Any, column: int, role: int) -> Any:
        """What a cell shows for a role (display, tooltip, decoration, foreground...)."""
        return None

    def header_text(self, section: int) -> str:
        return self.headers[section]

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Asks the journal again for the matching ids; keeps the rows if they are the same."""
        with self.journal.sessions() as session:
            ids = self.fetch_ids(session)
            self.total = self.count_all(session)
        if ids == self._ids:
            self._blocks.clear()
            if ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(ids) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._ids = ids
        self._row_of_id = None
        self._blocks.clear()
        self.endResetModel()

    def line(self, row: int) -> Any | None:
        if not 0 <= row < len(self._ids):
            return None
        block = row // BLOCK
        lines = self._blocks.get(block)
        if lines is None:
            ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
            with self.journal.sessions() as session:
                lines = self.fetch_lines(session, ids)
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

    # ------------------------------------------------------------ filter and sort

    def set_filter(self, new_filter: Any) -> None:
        if new_filter != self.filter:
            self.filter = new_filter
            self.reload()

    def set_sort(self, key: Any, descending: bool) -> None:
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.sort_of_column.get(column)
        if key is not None:
            self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------ rows and uids

    def ids(self) -> Sequence[int]:
        return self._ids

    def uid_at(self, row: int) -> str | None:
        line = self.line(row)
        return None if line is None else str(line.uid)

    def row_of_uid(self, uid: str) -> int | None:
        for block, lines in self._blocks.items():
            for line in lines.values():
                if line.uid == uid:
                    # Within its block: no map of every id's row (30,000) to build for it.
                    first = block * BLOCK
                    ids = self._ids[first:first + BLOCK]
                    return first + ids.index(line.id) if line.id in ids \
                        else self.row_of_id(line.id)
        with self.journal.sessions() as session:
            id_ = self.id_of_uid(session, uid)
        return None if id_ is None else self.row_of_id(id_)

    def row_of_id(self, id_: int) -> int | None:
        if self._row_of_id is None:
            self._row_of_id = {x: i for i, x in enumerate(self._ids)}
        return self._row_of_id.get(id_)

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in self.right_aligned else LEFT
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (not index.isValid() or not 0 <= index.row() < len(self._ids)
                or role not in self.roles):
            return None
        line = self.line(index.row())
        if line is None:
            return None
        column = index.column()
        if role == UID_ROLE:
            return line.uid
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in self.right_aligned else LEFT
        if role == Qt.ItemDataRole.AccessibleTextRole:
            found = self.cell(line, column, role)
            return found if found is not None else self.cell(
                line, column, Qt.ItemDataRole.DisplayRole)
        return self.cell(line, column, role)
