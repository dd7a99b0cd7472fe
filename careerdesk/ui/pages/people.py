"""The People page: gatekeepers and relationships, and the conversations with them.

The Achievements pattern: a lazy table (``models/people_table.py``) over the core's list
query, filtered and sorted in SQL; beside it one person — their details saved field by
field through the undo stack, their interaction log, open follow-ups with a done toggle,
and the achievements they have seen. The header strip counts what needs attention and
filters to it when clicked.
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from careerdesk import services
from careerdesk.domain.errors import CareerdeskError, NotFound
from careerdesk.domain.records import Achievement, Interaction, Person, Record
from careerdesk.planner.departments import other_departments, own_department
from careerdesk.store import achievement_edit, achievement_list, people_edit, people_list
from careerdesk.store.achievement_edit import Choice
from careerdesk.store.database import Journal
from careerdesk.store.people_edit import LoneInteractions, PersonDeletion
from careerdesk.store.people_list import InteractionLine, PeopleFilter, PeopleGroup, PeopleSort
from careerdesk.ui import icons, theme
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.models.people_table import SORT_OF_COLUMN, Column, PeopleTableModel
from careerdesk.ui.pages.record_page import (
    NEW_SHORTCUT,
    EditorStack,
    ListStack,
    RecordPage,
    delete_button,
    filter_timer,
    new_button,
    page_layout,
    page_shortcut,
    problem_label,
    record_table,
    search_box,
    short_title,
    side_by_side,
    tab_order,
    title_row,
    with_keys,
)
from careerdesk.ui.people_editor import (
    MERGED_FIELDS,
    DeletePersonDialog,
    InteractionForm,
    PersonEditor,
    field_label,
    heading,
    hint,
    kind_label,
)
from careerdesk.ui.undo import (
    CreateRecordCommand,
    DeleteRecordCommand,
    RecordChange,
    RecordEvents,
    SaveRecordCommand,
)
from careerdesk.ui.widgets.confirm import ConfirmDialog
from careerdesk.ui.widgets.flow_layout import FlowLayout
from careerdesk.ui.widgets.plain_tip import plain_tip
from careerdesk.ui.widgets.record_table import RecordTable
from careerdesk.ui.widgets.stance import warning_mark


def tr(text: str) -> str:
    return QCoreApplication.translate("PeoplePage", text)


LOG_SHORTCUT = QKeySequence("Ctrl+Shift+I")
ModelIndex = QModelIndex | QPersistentModelIndex




# ====================================================================== the log


class InteractionLogModel(QAbstractTableModel):
    """One person's interactions, newest first (all of them: a few thousand at most)."""

    HEADERS = ("Date", "Kind", "Summary", "Follow-up")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[InteractionLine] = []
        self.today = date.today()

    def set_lines(self, lines: list[InteractionLine], today: date) -> None:
        self.beginResetModel()
        self.lines = lines
        self.today = today
        self.endResetModel()

    def row_of_uid(self, uid: str) -> int | None:
        return next((i for i, x in enumerate(self.lines) if x.uid == uid), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return date_text(line.date)
            if column == 1:
                return kind_label(line.kind)
            if column == 2:
                with_ = tr(" (with %1)").replace("%1", ", ".join(line.others)) \
                    if line.others else ""
                return (line.summary or tr("No summary")) + with_
            if column == 3:
                return _follow_up_text(line, self.today)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            parts = [line.summary] if line.summary else []
            if line.others:
                parts.append(tr("With %1").replace("%1", ", ".join(line.others)))
            if line.follow_up_action:
                parts.append(tr("Follow-up: %1").replace("%1", line.follow_up_action))
            return plain_tip("\n".join(parts))
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 \
                and line.follow_up_overdue(self.today):
            return theme.warning_colour()
        if role == Qt.ItemDataRole.DecorationRole and column == 3 \
                and line.follow_up_overdue(self.today):
            return warning_mark()
        if role == Qt.ItemDataRole.UserRole:
            return line.uid
        return None


def _follow_up_text(line: InteractionLine, today: date) -> str:
    if line.follow_up is None:
        return line.follow_up_action and tr("No date: %1").replace("%1", line.follow_up_action)
    if line.done:
        return tr("Done")
    late = (today - line.follow_up).days
    if late > 0:
        return tr("%1 days overdue").replace("%1", str(late)) if late != 1 \
            else tr("1 day overdue")
    return tr("Due %1").replace("%1", date_text(line.follow_up))


# ====================================================================== deleting a person


class DeletePersonCommand(QUndoCommand):
    """Deletes a person as the user chose; undo restores them with every link."""

    def __init__(self, journal: Journal, events: RecordEvents, uid: str,
                 choice: LoneInteractions, text: str) -> None:
        super().__init__(text)
        self.journal = journal
        self.events = events
        self.uid = uid
        self.choice = choice
        self.deletion: PersonDeletion | None = None
        self._entry_uids: list[str] = []
        self._replay = False

    def redo(self) -> None:
        try:
            with self.journal.transaction() as session:
                self.deletion = people_edit.delete_person(session, self.uid, self.choice,
                                                          self._entry_uids)
        except (CareerdeskError, SQLAlchemyError, OSError) as error:
            self.setObsolete(True)
            self.events.failed.emit(tr("Could not delete: %1").replace("%1", str(error)))
            return
        self._entry_uids = [e.uid for e in self.deletion.journal_entries]
        self._announce(None)
        self._replay = True

    def undo(self) -> None:
        if self.deletion is None:
            return
        try:
            with self.journal.transaction() as session:
                people_edit.restore_person(session, self.deletion)
            restored = services.load_record(self.journal, Person, self.uid)
        except (CareerdeskError, SQLAlchemyError, OSError) as error:
            self.setObsolete(True)
            self.events.failed.emit(tr("Could not restore: %1").replace("%1", str(error)))
            return
        self._announce(restored)

    def _announce(self, person: Person | None) -> None:
        # One change per other kind of record touched, as it now is: a page that shows
        # those reloads once (a person named by 3,000 interactions must not make 3,000
        # reloads); the window refreshes the pages not shown when they are next shown.
        # Interactions are this page's own: the person's change below reloads them.
        assert self.deletion is not None
        first: dict[type[Record], str] = {}
        for record in (*self.deletion.referring, *self.deletion.journal_entries):
            if not isinstance(record, Interaction):
                first.setdefault(type(record), record.uid)
        for kind, uid in first.items():
            try:
                now: Record | None = services.load_record(self.journal, kind, uid)
            except NotFound:
                now = None
            self.events.changed.emit(RecordChange(kind, uid, now, False))
        self.events.changed.emit(RecordChange(Person, self.uid, person, self._replay))


# ====================================================================== the page


class PeoplePage(RecordPage):
    name = "people"
    title = tr("People")
    icon_name = "people"
    record_kind = Person
    select_column = Column.NAME
    merged_fields = MERGED_FIELDS
    model: PeopleTableModel
    table: RecordTable
    editor: PersonEditor

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.setAccessibleName(tr("People"))
        self.today = today or date.today()
        self.model = PeopleTableModel(journal, self, today=self.today)
        self.log_model = InteractionLogModel(self)
        self._other_departments: frozenset[str] | None = None
        self._filter_timer = filter_timer(self, self.apply_filter)
        self._build()
        self._listen()

    # ================================================================ building

    def _build(self) -> None:
        layout = page_layout(self)
        layout.addLayout(self._build_header())
        self.attention_strip = self._build_attention()
        layout.addWidget(self.attention_strip)
        self.filter_bar = QWidget(self)
        self.filter_bar.setLayout(self._build_filters())
        layout.addWidget(self.filter_bar)
        self.failure = problem_label(self)
        layout.addWidget(self.failure)

        self.splitter = side_by_side(self)
        self.list_stack = ListStack(self.splitter)
        self.table = self.list_stack.add_list(self._build_table())
        self.empty_state = self.list_stack.add_empty_state(
            tr("The people who decide your advancement go here: your manager, the "
               "decision-makers, mentors, sponsors and contacts in other departments."),
            tr("Add your first person"), self.new_person)
        self.no_match = self.list_stack.add_no_match(tr("No one matches these filters."),
                                                     self.clear_filter)

        # The person: their details, follow-ups, log and achievements seen, in one scroll.
        self.editor_stack = EditorStack(self.splitter)
        self.side = self._build_side()
        # Small minimums: the page must fit a narrow window beside the sidebar.
        self.nothing_selected = self.editor_stack.add_editors(
            self.side,
            nothing_selected=tr("Select a person to see them here, or add someone."),
            minimum_width=250)
        self.list_stack.setMinimumWidth(120)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 480])
        layout.addWidget(self.splitter, 1)

        self.new_action = page_shortcut(self, tr("New person"), NEW_SHORTCUT, self.new_person)
        self.log_action = page_shortcut(self, tr("Log interaction"), LOG_SHORTCUT,
                                        self.start_interaction)
        tab_order([self.follow_ups_link, self.quiet_link, self.delete_button,
                   self.new_button, self.search, self.group_filter,
                   self.other_departments, self.contact_overdue,
                   self.follow_up_overdue, self.clear_button, self.table,
                   self.editor.name])

    def _build_header(self) -> QHBoxLayout:
        row, self.count_label = title_row(self, tr("People"), tr("Number of people"))
        self.delete_button = delete_button(self, tr("Delete person"),
                                           tr("Delete the selected person (Delete)"),
                                           self.delete_current)
        row.addWidget(self.delete_button)
        self.new_button = new_button(self, tr("New person"),
                                     with_keys(tr("New person (%1)"), NEW_SHORTCUT),
                                     self.new_person)
        row.addWidget(self.new_button)
        return row

    def _build_attention(self) -> QWidget:
        """What needs doing, counted; each count filters the list to it when clicked."""
        strip = QWidget(self)
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        mark = QLabel(strip)
        mark.setPixmap(warning_mark().pixmap(12, 12))
        row.addWidget(mark)
        self.follow_ups_link = self._link_button(tr("Show the people with an overdue follow-up"))
        self.follow_ups_link.clicked.connect(lambda: self.show_attention(follow_ups=True))
        self.dot_label = QLabel("·", strip)
        self.quiet_link = self._link_button(tr("Show the relationships past their cadence"))
        self.quiet_link.clicked.connect(lambda: self.show_attention(follow_ups=False))
        for widget in (self.follow_ups_link, self.dot_label, self.quiet_link):
            widget.setParent(strip)
            row.addWidget(widget)
        row.addStretch(1)
        strip.hide()
        return strip

    def _link_button(self, tooltip: str) -> QPushButton:
        button = QPushButton(self)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(tooltip)
        button.setAccessibleDescription(tooltip)
        button.setStyleSheet(f"QPushButton {{ color: {theme.warning_colour().name()};"
                             " border: none; padding: 2px 4px; text-decoration: underline; }"
                             "QPushButton:focus { border: 1px solid palette(highlight); }")
        button.hide()
        return button

    def _build_filters(self) -> FlowLayout:
        # A flow: on a narrow window the filters wrap instead of widening the page.
        row = FlowLayout(spacing=8)
        self.search = search_box(self, tr("Search names, titles, departments, notes…"),
                                 tr("Search people"))
        self.search.setMinimumWidth(300)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        row.addWidget(self.search)
        self.group_filter = QComboBox(self)
        self.group_filter.setAccessibleName(tr("Filter by role"))
        self.group_filter.addItem(tr("Everyone"), None)
        self.group_filter.addItem(tr("Decision-makers"), PeopleGroup.DECISION_MAKERS.value)
        self.group_filter.setItemData(1, tr("Manager, skip-level, decision-makers, HR and "
                                            "executives"), Qt.ItemDataRole.ToolTipRole)
        self.group_filter.addItem(tr("Sponsors and mentors"),
                                  PeopleGroup.SPONSORS_AND_MENTORS.value)
        self.group_filter.activated.connect(lambda _i: self.apply_filter())
        row.addWidget(self.group_filter)
        self.other_departments = QCheckBox(tr("Other departments"), self)
        self.other_departments.setAccessibleName(tr("Only people in other departments"))
        self.contact_overdue = QCheckBox(tr("Contact overdue"), self)
        self.contact_overdue.setAccessibleName(tr("Only people past their contact cadence"))
        self.follow_up_overdue = QCheckBox(tr("Follow-up overdue"), self)
        self.follow_up_overdue.setAccessibleName(tr("Only people with an overdue follow-up"))
        for box in (self.other_departments, self.contact_overdue, self.follow_up_overdue):
            box.toggled.connect(lambda _on: self.apply_filter())
            row.addWidget(box)
        self.clear_button = QPushButton(tr("Clear"), self)
        self.clear_button.setAccessibleName(tr("Clear filters"))
        self.clear_button.setFlat(True)
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clear_filter)
        row.addWidget(self.clear_button)
        return row

    def _build_table(self) -> RecordTable:
        table = record_table(self, self.model, tr("People"))
        header = table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        metrics = table.fontMetrics()
        pad = 24
        table.set_columns({
            Column.ROLES: metrics.horizontalAdvance("Decision-maker, Manager") + pad,
            Column.DEPARTMENT: metrics.horizontalAdvance("Product Analytics") + pad,
            Column.INFLUENCE: metrics.horizontalAdvance("Influence") + pad,
            Column.STANCE: metrics.horizontalAdvance("Supporter") + pad + 16,
            Column.RELATIONSHIP: metrics.horizontalAdvance("Relationship") + pad,
            Column.LAST_CONTACT: metrics.horizontalAdvance("28 Sep 2025") + pad,
            Column.CONTACT_DUE: metrics.horizontalAdvance("2 follow-ups overdue") + pad + 16,
        }, stretch=Column.NAME, stretch_minimum=metrics.horizontalAdvance("x") * 18,
            hide_order=(Column.RELATIONSHIP, Column.ROLES, Column.INFLUENCE, Column.DEPARTMENT,
                        Column.LAST_CONTACT))
        table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        table.delete_requested.connect(self.delete_current)
        return table

    def _build_side(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setAccessibleName(tr("Person"))
        body = QWidget(area)
        area.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(16, 4, 16, 16)
        outer.setSpacing(6)
        self.editor = PersonEditor(body)
        self.editor.edited.connect(self._field_edited)
        outer.addWidget(self.editor)

        outer.addWidget(heading(tr("Open follow-ups"), body))
        self.follow_ups = QListWidget(body)
        self.follow_ups.setAccessibleName(tr("Open follow-ups"))
        self.follow_ups.setToolTip(tr("Tick a follow-up when it is done (Space)"))
        self.follow_ups.itemChanged.connect(self._follow_up_toggled)
        self.follow_ups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.follow_ups.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.follow_ups.setUniformItemSizes(True)
        outer.addWidget(self.follow_ups)
        self.no_follow_ups = hint(tr("No open follow-ups. Add one when you log an interaction."),
                                  body)
        outer.addWidget(self.no_follow_ups)

        row = QHBoxLayout()
        self.log_heading = heading(tr("Interactions"), body)
        row.addWidget(self.log_heading)
        row.addStretch(1)
        self.log_button = QPushButton(icons.icon("add"), tr("Log interaction"), body)
        self.log_button.setAccessibleName(tr("Log interaction"))
        self.log_button.setToolTip(with_keys(tr("Log an interaction with this person (%1)"),
                                             LOG_SHORTCUT))
        self.log_button.setAutoDefault(False)
        self.log_button.clicked.connect(self.start_interaction)
        row.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(row)
        # The interaction form is hidden until an interaction is logged or edited: it is
        # built then (``form``), in its place under this row.
        self._side_column, self._form_place = outer, outer.count()
        self._form: InteractionForm | None = None
        self._people_choices: list[Choice] = []
        self.log = record_table(body, self.log_model, tr("Interaction log"))
        metrics = self.log.fontMetrics()
        self.log.set_columns({0: metrics.horizontalAdvance("28 Sep 2025") + 20,
                              1: metrics.horizontalAdvance("One-on-one") + 20,
                              3: metrics.horizontalAdvance("12 days overdue") + 36},
                             stretch=2, stretch_minimum=metrics.horizontalAdvance("x") * 16,
                             hide_order=(1, 3))
        self.log.doubleClicked.connect(lambda index: self.edit_interaction(index.row()))
        self.log.activated.connect(lambda index: self.edit_interaction(index.row()))
        self.log.delete_requested.connect(self.delete_interaction)
        self.log.setToolTip(tr("Enter or double-click edits an interaction; Delete removes it"))
        outer.addWidget(self.log)
        self.no_log = hint(tr("No interactions yet: log a one-on-one, a coffee or an email "
                              "with them."), body)
        outer.addWidget(self.no_log)

        outer.addWidget(heading(tr("Achievements they have seen"), body))
        self.seen = QListWidget(body)
        self.seen.setAccessibleName(tr("Achievements they have seen"))
        self.seen.setToolTip(tr("Enter or double-click opens the achievement"))
        self.seen.itemActivated.connect(self._open_seen)
        self.seen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.seen.setUniformItemSizes(True)
        outer.addWidget(self.seen)
        self.no_seen = hint(tr("None yet: on an achievement, add them under “Seen by”."), body)
        outer.addWidget(self.no_seen)
        outer.addStretch(1)
        return area

    # ================================================================ loading

    def _first_load(self) -> None:
        self._load_choices()
        self.model.reload()
        self._after_reload()
        self._update_attention()
        self._select_first()

    def _reload_all(self) -> None:
        self.editor.flush()
        self._load_choices()
        uid = self.current_uid()
        self.model.reload()
        self._after_reload()
        self._update_attention()
        self._reselect(uid, max(self.table.currentIndex().row(), 0))

    def _load_choices(self) -> None:
        with self.journal.sessions() as session:
            people = achievement_edit.person_choices(session)
            departments = people_list.department_names(session)
            tags = achievement_list.all_tags(session, "person")
            own = own_department(session)
            self._other_departments = other_departments(session, own) if own else None
        self.editor.set_choices(departments=departments, tags=tags)
        self._people_choices = people
        if self._form is not None:
            self._form.set_choices(people)
        self.other_departments.setEnabled(own is not None)
        self.other_departments.setToolTip(
            plain_tip(tr("People outside %1, your department").replace("%1", own)) if own else
            tr("Your department is not known yet: mark your manager, with their department"))

    def _after_reload(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self.model.filter.is_empty or shown == total:
            text = tr("1 person") if total == 1 else tr("%1 people").replace("%1", f"{total:,}")
        else:
            text = tr("%1 of %2").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        self.count_label.setText(text)
        empty_journal = total == 0 and self.model.filter.is_empty
        self.list_stack.show_state(listed=shown > 0, empty=empty_journal)
        self.editor_stack.setVisible(shown > 0 or self.editor.record is not None)
        self.filter_bar.setVisible(not empty_journal)
        self.clear_button.setEnabled(not self.model.filter.is_empty)
        column = next(c for c, s in SORT_OF_COLUMN.items() if s == self.model.sort_key)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if self.model.descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _update_attention(self) -> None:
        with self.journal.sessions() as session:
            found = people_list.attention(session, self.today)
        n, q = found.overdue_follow_ups, found.gone_quiet
        self.follow_ups_link.setText(tr("1 follow-up overdue") if n == 1 else
                                     tr("%1 follow-ups overdue").replace("%1", f"{n:,}"))
        self.quiet_link.setText(tr("1 relationship gone quiet") if q == 1 else
                                tr("%1 relationships gone quiet").replace("%1", f"{q:,}"))
        for link, count in ((self.follow_ups_link, n), (self.quiet_link, q)):
            link.setAccessibleName(link.text())
            link.setVisible(count > 0)
        self.dot_label.setVisible(n > 0 and q > 0)
        self.attention_strip.setVisible(n > 0 or q > 0)

    # ================================================================ filter and sort

    def current_filter(self) -> PeopleFilter:
        group = self.group_filter.currentData()
        departments = None
        if self.other_departments.isChecked() and self.other_departments.isEnabled():
            departments = self._other_departments or frozenset()
        return PeopleFilter(
            text=self.search.text().strip(),
            group=PeopleGroup(group) if group else None,
            departments=departments,
            contact_overdue=self.contact_overdue.isChecked(),
            follow_up_overdue=self.follow_up_overdue.isChecked())

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        wanted = self.current_filter()
        if wanted == self.model.filter:
            return
        uid = self.current_uid()
        self.model.set_filter(wanted)
        self._after_reload()
        self._reselect(uid, 0, fallback_first=True)

    def clear_filter(self) -> None:
        self.search.clear()
        self.group_filter.setCurrentIndex(0)
        for box in (self.other_departments, self.contact_overdue, self.follow_up_overdue):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.apply_filter()

    def show_attention(self, *, follow_ups: bool) -> None:
        """The header strip's links: only the people with that kind of overdue."""
        self.clear_filter()
        box = self.follow_up_overdue if follow_ups else self.contact_overdue
        box.setChecked(True)  # applies the filter
        if follow_ups:
            self.model.set_sort(PeopleSort.NAME, False)
        else:
            self.model.set_sort(PeopleSort.OVERDUE, True)
        self._after_reload()
        self.select_row(0)

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        if not 0 <= section < len(Column) or Column(section) not in SORT_OF_COLUMN:
            self._after_reload()  # Roles do not sort: the arrow goes back
            return
        uid = self.current_uid()
        self.model.set_sort(SORT_OF_COLUMN[Column(section)],
                            order == Qt.SortOrder.DescendingOrder)
        self._after_reload()
        self._reselect(uid, 0, fallback_first=True)

    # ================================================================ selection

    def _keep_unlisted(self, uid: str, *, reload_editor: bool) -> bool:
        # The person filtered out stays, with their log and follow-ups brought up to date.
        if self._load(uid) is None:
            return False
        self.table.clearSelection()
        self._show_uid(uid)
        return True

    def _show_uid(self, uid: str | None) -> None:
        record = self._load(uid) if uid else None
        if record is None or record.uid != self.current_uid():
            self._close_form()
        self.editor.load(record)
        self.editor_stack.show_editor(record is not None)
        self.editor_stack.setVisible(record is not None or self.model.rowCount() > 0)
        self.delete_button.setEnabled(record is not None)
        self._load_person_lists()

    def _load_person_lists(self) -> None:
        """The log, the open follow-ups and the achievements seen, of the person shown."""
        uid = self.current_uid()
        with self.journal.sessions() as session:
            log = people_list.interactions_of(session, uid) if uid else []
            seen = people_list.achievements_seen_by(session, uid) if uid else []
        self.log_model.set_lines(log, self.today)
        self.log_heading.setText(tr("Interactions (%1)").replace("%1", f"{len(log):,}")
                                 if log else tr("Interactions"))
        self.log.setVisible(bool(log))
        rows = self.log.verticalHeader().defaultSectionSize()
        self.log.setFixedHeight(self.log.horizontalHeader().sizeHint().height()
                                + rows * min(max(len(log), 3), 10) + 2 * self.log.frameWidth())
        self.no_log.setVisible(not log)
        self.follow_ups.blockSignals(True)
        self.follow_ups.clear()
        for line in people_list.open_follow_ups(log):
            assert line.follow_up is not None
            late = (self.today - line.follow_up).days
            when = (tr("%1 days overdue").replace("%1", str(late)) if late > 1 else
                    tr("1 day overdue") if late == 1 else tr("due %1").replace(
                        "%1", date_text(line.follow_up)))
            what = line.follow_up_action or line.summary or tr("Follow up")
            item = QListWidgetItem(f"{what} — {when}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, line.uid)
            item.setToolTip(plain_tip(f"{item.text()}\n{tr('Tick when done')}"))
            if late > 0:
                item.setForeground(theme.warning_colour())
                item.setIcon(warning_mark())
            self.follow_ups.addItem(item)
        self.follow_ups.blockSignals(False)
        self._fit_list(self.follow_ups, self.no_follow_ups)
        self.seen.clear()
        for achievement in seen:
            item = QListWidgetItem(f"{date_text(achievement.date)}   {achievement.title}")
            item.setData(Qt.ItemDataRole.UserRole, achievement.uid)
            self.seen.addItem(item)
        self._fit_list(self.seen, self.no_seen)

    @staticmethod
    def _fit_list(widget: QListWidget, empty: QLabel) -> None:
        """As tall as its items, up to six; it scrolls beyond."""
        count = widget.count()
        widget.setVisible(count > 0)
        empty.setVisible(count == 0)
        row = max(widget.sizeHintForRow(0), widget.fontMetrics().height() + 8)
        widget.setFixedHeight(row * min(max(count, 1), 6) + 2 * widget.frameWidth() + 2)

    def open_record(self, kind: str, uid: str) -> bool:
        if kind not in ("person", "interaction"):
            return False
        self._ensure_loaded()
        interaction = None
        if kind == "interaction":
            interaction = uid
            with self.journal.sessions() as session:
                found = people_list.person_of_interaction(session, uid, self.current_uid())
            if found is None:
                return False
            uid = found
        row = self.model.row_of_uid(uid)
        if row is None and not self.model.filter.is_empty:
            self.clear_filter()
            row = self.model.row_of_uid(uid)
        if row is None:
            return False
        self.editor.flush()
        self.select_row(row)
        if self.current_uid() != uid:
            self._show_uid(uid)
        if interaction is not None:
            self.highlight_interaction(interaction)
        return True

    def highlight_interaction(self, uid: str) -> None:
        row = self.log_model.row_of_uid(uid)
        if row is None:
            return
        index = self.log_model.index(row, 2)
        self.log.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.log.scrollTo(index)
        self.log.setFocus(Qt.FocusReason.OtherFocusReason)
        area = self.side
        area.ensureWidgetVisible(self.log)

    def _open_seen(self, item: QListWidgetItem) -> None:
        uid = item.data(Qt.ItemDataRole.UserRole)
        opener = getattr(self.window(), "open_record", None)
        if callable(opener):
            opener("achievement", uid)

    # ================================================================ editing

    def _edit_text(self, field: str, record: Person) -> str:
        return tr("Edit %1 of %2").replace("%1", field_label(field)).replace(
            "%2", short_title(record.name))

    def new_person(self) -> None:
        self._ensure_loaded()
        self.editor.flush()
        if not self.model.filter.is_empty:
            self.clear_filter()
        record = people_edit.new_person(tr("New person"))
        self._push(CreateRecordCommand(self.journal, self.events, record,
                                       text=tr("New person")))
        if self.current_uid() == record.uid:
            self.editor.name.setFocus()
            self.editor.name.selectAll()

    def delete_current(self) -> None:
        record = self.editor.record
        if record is None:
            return
        with self.journal.sessions() as session:
            links = people_edit.person_links(session, record.uid)
        choice = DeletePersonDialog.ask(self, record.name, links)
        if choice is None:
            return
        self._push(DeletePersonCommand(self.journal, self.events, record.uid, choice,
                                       tr("Delete %1").replace("%1", short_title(record.name))))

    # -- interactions

    def start_interaction(self) -> None:
        """Opens the quick form for a new interaction with the person shown, dated today."""
        uid = self.current_uid()
        if uid is None:
            return
        self.form.start(people_edit.new_interaction([uid], date.today()), editing=False)
        self.side.ensureWidgetVisible(self.form)

    def edit_interaction(self, row: int) -> None:
        if not 0 <= row < len(self.log_model.lines):
            return
        try:
            record = services.load_record(self.journal, Interaction,
                                          self.log_model.lines[row].uid)
        except NotFound:
            return
        self.form.start(record, editing=True)
        self.side.ensureWidgetVisible(self.form)

    def save_interaction(self) -> None:
        record = self.form.build()
        if record is None:
            return
        before = self.form.editing
        if before is None:
            self._push(CreateRecordCommand(self.journal, self.events, record,
                                           text=tr("Log interaction")))
        elif record != before:
            self._push(SaveRecordCommand(self.journal, self.events, before, record,
                                         text=tr("Edit interaction")))
        self._close_form()
        self.log.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def form(self) -> InteractionForm:
        """The form that logs or edits an interaction, built when first needed."""
        if self._form is None:
            parent = self._side_column.parentWidget()
            self._form = InteractionForm(parent)
            self._form.hide()
            self._form.save_requested.connect(self.save_interaction)
            self._form.cancelled.connect(self._close_form)
            self._form.set_choices(self._people_choices)
            self._side_column.insertWidget(self._form_place, self._form)
            # Tab goes through its fields between the Log button and the log, as it
            # would had it been built with them.
            fields = [w for w in self._form.findChildren(QWidget)
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                      and w.window() is self._form.window()]  # not a completer's list
            for first, second in itertools.pairwise([self.log_button, *fields, self.log]):
                QWidget.setTabOrder(first, second)
        return self._form

    def _close_form(self) -> None:
        if self._form is None:
            return
        self._form.editing = None
        self._form.hide()

    def delete_interaction(self) -> None:
        row = self.log.currentIndex().row()
        if not 0 <= row < len(self.log_model.lines):
            return
        line = self.log_model.lines[row]
        if not ConfirmDialog.ask(self, tr("Delete interaction"),
                                 tr("Delete the interaction of %1?").replace(
                                     "%1", date_text(line.date)),
                                 tr("Delete"), tr("Undo brings it back.")):
            return
        self._push(DeleteRecordCommand(self.journal, self.events, Interaction, line.uid,
                                       text=tr("Delete interaction")))

    def _follow_up_toggled(self, item: QListWidgetItem) -> None:
        uid = item.data(Qt.ItemDataRole.UserRole)
        try:
            before = services.load_record(self.journal, Interaction, uid)
        except NotFound:
            return
        after = dataclasses.replace(before, done=item.checkState() == Qt.CheckState.Checked)
        if after != before:
            # Deferred: the list is rebuilt by the change, which must not happen inside
            # the list's own signal.
            QTimer.singleShot(0, lambda: self._push(SaveRecordCommand(
                self.journal, self.events, before, after,
                text=tr("Mark follow-up done") if after.done else tr("Reopen follow-up"))))

    # ================================================================ changes

    def _record_changed(self, change: RecordChange) -> None:
        if not self._loaded:
            return
        if change.kind is Achievement:
            if self.current_uid() is not None:
                self._load_person_lists()
            return
        if change.kind not in (Person, Interaction):
            return
        self.failure.hide()
        shown = self.current_uid()
        row = max(self.table.currentIndex().row(), 0)
        self.model.reload()
        self._after_reload()
        self._update_attention()
        if change.kind is Interaction:
            if shown is not None:
                self._load_person_lists()
                if change.record is not None:
                    self.highlight_interaction(change.uid)
            return
        self._load_choices()
        record = change.record
        if record is None:
            self._record_gone(change.uid, shown, row, reload_shown=True)
            return
        assert isinstance(record, Person)
        mine = self._pushing and not change.replay
        if mine and change.uid == shown:
            self.editor.set_saved(record)
            target = self.model.row_of_uid(change.uid)
            if target is not None:
                self._select_quietly(target)
            return
        if not mine and not change.replay and change.uid != shown:
            self._reselect(shown, row)
            return
        self._show_changed(record)
        self.editor_stack.setVisible(True)
        self._load_person_lists()



