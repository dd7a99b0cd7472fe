"""The people table: roles, department, influence, stance, relationship, last contact.

Overdue contact shows in the warm colour and always in words ("12 days overdue",
"never contacted"), with a mark; stance shows its word beside its coloured dot.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from sqlalchemy.orm import Session

from careerdesk.domain.enums import PersonRole
from careerdesk.store import people_list
from careerdesk.store.database import Journal
from careerdesk.store.people_list import PeopleFilter, PeopleSort, PersonLine
from careerdesk.ui import theme
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.models.lazy_table import LazyTableModel
from careerdesk.ui.widgets.plain_tip import plain_tip
from careerdesk.ui.widgets.stance import stance_dot, stance_label, warning_mark


def tr(text: str) -> str:
    return QCoreApplication.translate("PeopleTableModel", text)


class Column(IntEnum):
    NAME = 0
    ROLES = 1
    DEPARTMENT = 2
    INFLUENCE = 3
    STANCE = 4
    RELATIONSHIP = 5
    LAST_CONTACT = 6
    CONTACT_DUE = 7


_HEADERS = ("Name", "Roles", "Department", "Influence", "Stance", "Relationship",
            "Last contact", "Contact")

SORT_OF_COLUMN: dict[Column, PeopleSort] = {
    Column.NAME: PeopleSort.NAME,
    Column.DEPARTMENT: PeopleSort.DEPARTMENT,
    Column.INFLUENCE: PeopleSort.INFLUENCE,
    Column.STANCE: PeopleSort.STANCE,
    Column.RELATIONSHIP: PeopleSort.RELATIONSHIP,
    Column.LAST_CONTACT: PeopleSort.LAST_CONTACT,
    Column.CONTACT_DUE: PeopleSort.OVERDUE,
}


def role_label(role: PersonRole) -> str:
    return QCoreApplication.translate("PersonRole", role.label)


def rating_text(value: int | None) -> str:
    """``4 of 5`` for a rating; nothing when unrated."""
    return "" if value is None else tr("%1 of 5").replace("%1", str(value))


def days_text(days: int) -> str:
    return tr("1 day") if days == 1 else tr("%1 days").replace("%1", str(days))


def contact_text(line: PersonLine) -> str:
    """Where the person stands against their cadence, in words."""
    c = line.contact
    if c.overdue:
        late = c.days_overdue
        return tr("Never contacted") if late is None else \
            tr("%1 overdue").replace("%1", days_text(late))
    if c.cadence_days is None:
        return ""
    since = c.days_since
    assert since is not None
    left = c.cadence_days - since
    return tr("Due today") if left == 0 else tr("Due in %1").replace("%1", days_text(left))


class PeopleTableModel(LazyTableModel):
    headers = _HEADERS
    right_aligned = frozenset({Column.LAST_CONTACT})
    sort_of_column = SORT_OF_COLUMN
    filter: PeopleFilter

    def __init__(self, journal: Journal, parent: QObject | None = None,
                 today: date | None = None) -> None:
        super().__init__(journal, parent)
        self.filter = PeopleFilter()
        self.sort_key = PeopleSort.NAME
        self.descending = False
        self.today = today or date.today()

    def header_text(self, section: int) -> str:
        return tr(_HEADERS[section])

    def fetch_ids(self, session: Session) -> list[int]:
        return people_list.matching_ids(session, self.filter, self.today, self.sort_key,
                                        self.descending)

    def fetch_lines(self, session: Session, ids: Sequence[int]) -> dict[int, Any]:
        return people_list.lines(session, ids, self.today)

    def count_all(self, session: Session) -> int:
        return people_list.person_count(session)

    def id_of_uid(self, session: Session, uid: str) -> int | None:
        return people_list.person_id(session, uid)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.InitialSortOrderRole
                and orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column)):
            descending = Column(section) in (Column.INFLUENCE, Column.RELATIONSHIP,
                                             Column.LAST_CONTACT, Column.CONTACT_DUE)
            return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return super().headerData(section, orientation, role)

    def cell(self, line: PersonLine, column: int, role: int) -> Any:
        col = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(line, col)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == Column.STANCE:
                return stance_dot(line.stance)
            if col == Column.CONTACT_DUE and (line.contact.overdue or line.overdue_follow_ups):
                return warning_mark()
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.CONTACT_DUE and (line.contact.overdue or line.overdue_follow_ups):
                return theme.warning_colour()
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(_tooltip(line, col))
        if role == Qt.ItemDataRole.AccessibleTextRole and col == Column.CONTACT_DUE:
            return "; ".join(x for x in (_display(line, col), _follow_up_text(line)) if x)
        return None


def _follow_up_text(line: PersonLine) -> str:
    n = line.overdue_follow_ups
    if not n:
        return ""
    return tr("1 follow-up overdue") if n == 1 else \
        tr("%1 follow-ups overdue").replace("%1", str(n))


def _display(line: PersonLine, column: Column) -> str:
    match column:
        case Column.NAME:
            return line.name
        case Column.ROLES:
            return ", ".join(role_label(r) for r in line.roles)
        case Column.DEPARTMENT:
            return line.department or ""
        case Column.INFLUENCE:
            return rating_text(line.influence)
        case Column.STANCE:
            return stance_label(line.stance)
        case Column.RELATIONSHIP:
            return rating_text(line.relationship)
        case Column.LAST_CONTACT:
            return date_text(line.contact.last) if line.contact.last else tr("Never")
        case Column.CONTACT_DUE:
            # What needs doing comes first: an overdue contact, then an overdue follow-up.
            follow = _follow_up_text(line)
            if line.contact.overdue:
                return f"{contact_text(line)} · {follow}" if follow else contact_text(line)
            return follow or contact_text(line)
    return ""


def _tooltip(line: PersonLine, column: Column) -> str | None:
    if column == Column.NAME:
        parts = [line.name]
        if line.title:
            parts.append(line.title)
        if line.tags:
            parts.append(tr("Tags: %1").replace("%1", ", ".join(line.tags)))
        return "\n".join(parts)
    if column == Column.CONTACT_DUE:
        c = line.contact
        parts = [contact_text(line), _follow_up_text(line)]
        parts.append(tr("No contact cadence set") if c.cadence_days is None else
                     tr("You aim to be in touch every %1").replace("%1", days_text(c.cadence_days)))
        return "\n".join(x for x in parts if x)
    if column == Column.ROLES:
        return _display(line, column) or None
    return None
