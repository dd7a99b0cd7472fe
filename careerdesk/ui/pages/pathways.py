"""The Pathways page: the targets the user aims for, and the internal openings watched.

Two lists on tabs (lazy tables over the core's queries, sorted and filtered in SQL) beside
the editor of the selected record, saved field by field through the undo stack. A
target's editor shows how the skills portfolio compares with what it asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerdesk import services
from careerdesk.domain.enums import TargetPath
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import (
    Achievement,
    Experience,
    Opening,
    Person,
    Record,
    Skill,
    Target,
)
from careerdesk.store import achievement_edit, achievement_list, pathways_list, skill_gaps
from careerdesk.store.database import Journal
from careerdesk.store.pathways_list import OpeningFilter, TargetFilter
from careerdesk.ui.models.lazy_table import LazyTableModel
from careerdesk.ui.models.pathways_tables import (
    OpeningColumn,
    OpeningTableModel,
    TargetColumn,
    TargetTableModel,
)
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
    select_row,
    short_title,
    side_by_side,
    tab_order,
    title_row,
    with_keys,
)
from careerdesk.ui.pathways_editors import (
    MERGED_FIELDS,
    OpeningEditor,
    TargetEditor,
    field_label,
)
from careerdesk.ui.undo import (
    CreateRecordCommand,
    RecordChange,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("PathwaysPage", text)


TARGETS, OPENINGS = 0, 1




class _List(QWidget):
    """One tab: its table and its two empty states."""

    def __init__(self, model: LazyTableModel, name: str, empty: str, add: str,
                 parent: QWidget, on_add: Callable[[], object],
                 on_clear: Callable[[], object]) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.stack = ListStack(self)
        layout.addWidget(self.stack)
        self.table = self.stack.add_list(record_table(self, model, name))
        self.empty_state = self.stack.add_empty_state(empty, add, on_add)
        self.no_match = self.stack.add_no_match(tr("Nothing matches these filters."), on_clear)

    def show_state(self, filtered: bool) -> None:
        self.stack.show_state(listed=self.model.rowCount() > 0,
                              empty=self.model.total == 0 and not filtered)


class PathwaysPage(RecordPage):
    name = "pathways"
    title = tr("Pathways")
    icon_name = "pathways"
    merged_fields = MERGED_FIELDS

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.setAccessibleName(tr("Pathways"))
        self.today = today or date.today()
        self.targets_model = TargetTableModel(journal, self)
        self.openings_model = OpeningTableModel(journal, self, today=self.today)
        self._quiet = False
        self._shown_by_selection: tuple[str, str | None] | None = None
        self._filter_timer = filter_timer(self, self.apply_filter)
        self._build()
        self._listen()

    # ================================================================ building

    def _build(self) -> None:
        layout = page_layout(self)
        header, self.count_label = title_row(self, tr("Pathways"),
                                             tr("Number of targets and openings"))
        self.count_label.setMinimumWidth(10)  # gives way first on a narrow window
        self.delete_button = delete_button(self, tr("Delete the selected record"), "",
                                           self.delete_current)
        header.addWidget(self.delete_button)
        self.new_button = new_button(self, tr("New target"), "", self.new_record)
        header.addWidget(self.new_button)
        layout.addLayout(header)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = search_box(self, tr("Search titles, departments, notes…"),
                                 tr("Search targets and openings"))
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        filters.addWidget(self.search, 2)
        self.active_only = QCheckBox(tr("Hide finished"), self)
        self.active_only.setAccessibleName(tr("Hide achieved and dropped targets, and closed "
                                              "openings"))
        self.active_only.setToolTip(self.active_only.accessibleName())
        self.active_only.toggled.connect(lambda _on: self.apply_filter())
        filters.addWidget(self.active_only)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.failure = problem_label(self)
        layout.addWidget(self.failure)

        self.splitter = side_by_side(self)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setAccessibleName(tr("Targets and openings"))
        self.targets = _List(self.targets_model, tr("Targets"),
                             tr("The roles you aim for go here: a promotion in your "
                                "department or a move elsewhere, with the skills each asks for."),
                             tr("Add your first target"), self.tabs, self.new_record,
                             self.clear_filter)
        self.openings = _List(self.openings_model, tr("Openings"),
                              tr("The internal postings you watch go here, with their closing "
                                 "dates, hiring managers and whether they are really open."),
                              tr("Add your first opening"), self.tabs, self.new_record,
                              self.clear_filter)
        self.tabs.addTab(self.targets, tr("Targets"))
        self.tabs.addTab(self.openings, tr("Openings"))
        for part in (self.targets, self.openings):
            part.table.delete_requested.connect(self.delete_current)
            part.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
            part.table.horizontalHeader().setSortIndicatorShown(True)
        self._set_columns()
        for part in (self.targets, self.openings):
            part.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.editor_stack = EditorStack(self.splitter)
        self.target_editor = TargetEditor(self.editor_stack)
        self.opening_editor = OpeningEditor(self.editor_stack)
        self.opening_editor.today = self.today
        # Small minimums: the page must fit a narrow window beside the sidebar.
        self.nothing_selected = self.editor_stack.add_editors(
            self.target_editor, self.opening_editor,
            nothing_selected=tr("Select a target or an opening to see it here."),
            minimum_width=250)
        self.tabs.setMinimumWidth(120)
        self.target_editor.edited.connect(self._field_edited)
        self.opening_editor.edited.connect(self._field_edited)
        self.target_editor.evidence_opened.connect(self._open_elsewhere)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 480])
        layout.addWidget(self.splitter, 1)

        self.new_action = page_shortcut(self, tr("New"), NEW_SHORTCUT, self.new_record)
        self._update_new_button()
        tab_order([self.delete_button, self.new_button, self.search,
                   self.active_only, self.tabs, self.targets.table,
                   self.openings.table])

    def _set_columns(self) -> None:
        metrics = self.fontMetrics()
        pad = 24
        self.targets.table.set_columns({
            TargetColumn.PATH: metrics.horizontalAdvance("Promotion") + pad,
            TargetColumn.LEVEL: metrics.horizontalAdvance("Level") + pad,
            TargetColumn.DEPARTMENT: metrics.horizontalAdvance("Product Analytics") + pad,
            TargetColumn.STATUS: metrics.horizontalAdvance("Exploring") + pad,
            TargetColumn.SKILLS: metrics.horizontalAdvance("Skills covered") + pad,
        }, stretch=TargetColumn.TITLE, stretch_minimum=metrics.horizontalAdvance("x") * 22,
            hide_order=(TargetColumn.LEVEL, TargetColumn.DEPARTMENT, TargetColumn.PATH))
        self.targets.table.horizontalHeader().setSortIndicator(TargetColumn.STATUS,
                                                               Qt.SortOrder.AscendingOrder)
        self.openings.table.set_columns({
            OpeningColumn.STATUS: metrics.horizontalAdvance("Interviewing") + pad,
            OpeningColumn.CLOSES: metrics.horizontalAdvance("26 days left") + pad + 16,
            OpeningColumn.AVAILABILITY: metrics.horizontalAdvance("Suspected promised") + pad + 8,
            OpeningColumn.MANAGER: metrics.horizontalAdvance("Sofia Marchetti") + pad,
            OpeningColumn.DEPARTMENT: metrics.horizontalAdvance("Product Analytics") + pad,
        }, stretch=OpeningColumn.TITLE, stretch_minimum=metrics.horizontalAdvance("x") * 20,
            hide_order=(OpeningColumn.DEPARTMENT, OpeningColumn.MANAGER, OpeningColumn.STATUS))
        self.openings.table.horizontalHeader().setSortIndicator(OpeningColumn.CLOSES,
                                                                Qt.SortOrder.AscendingOrder)

    # ================================================================ loading

    def _first_load(self) -> None:
        self._load_choices()
        self.targets_model.reload()
        self.openings_model.reload()
        self._after_reload()
        if self.targets_model.rowCount():
            self._select(self.targets, 0)

    def _reload_all(self) -> None:
        self._current_editor_flush()
        self._load_choices()
        kind, uid = self.current()
        self.targets_model.reload()
        self.openings_model.reload()
        self._after_reload()
        self._reselect_in(kind, uid)

    def _load_choices(self) -> None:
        with self.journal.sessions() as session:
            skills = achievement_edit.skill_names(session)
            people = achievement_edit.person_choices(session)
            targets = pathways_list.target_choices(session)
            target_tags = achievement_list.all_tags(session, "target")
            opening_tags = achievement_list.all_tags(session, "opening")
        self.target_editor.set_choices(skills=skills, tags=target_tags)
        self.opening_editor.set_choices(people=people, targets=targets, tags=opening_tags)

    def _after_reload(self) -> None:
        t, o = self.targets_model, self.openings_model
        self.count_label.setText(tr("%1 targets · %2 openings").replace("%1", str(t.total))
                                 .replace("%2", str(o.total)))
        self.tabs.setTabText(TARGETS, tr("Targets (%1)").replace("%1", str(t.rowCount())))
        self.tabs.setTabText(OPENINGS, tr("Openings (%1)").replace("%1", str(o.rowCount())))
        self.targets.show_state(not t.filter.is_empty)
        self.openings.show_state(not o.filter.is_empty)

    # ================================================================ filters

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        words = self.search.text().strip()
        finished = self.active_only.isChecked()
        kind, uid = self.current()
        target_filter = TargetFilter(text=words, active_only=finished)
        opening_filter = OpeningFilter(text=words, open_only=finished)
        if target_filter != self.targets_model.filter:
            self.targets_model.filter = target_filter
            self.targets_model.reload()
        if opening_filter != self.openings_model.filter:
            self.openings_model.filter = opening_filter
            self.openings_model.reload()
        self._after_reload()
        self._reselect_in(kind, uid)

    def clear_filter(self) -> None:
        self.search.clear()
        self.active_only.blockSignals(True)
        self.active_only.setChecked(False)
        self.active_only.blockSignals(False)
        self.apply_filter()

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        part = self._part()
        kind, uid = self.current()
        part.model.sort(section, order)
        self._after_reload()
        self._reselect_in(kind, uid)

    def _tab_changed(self, index: int) -> None:
        self._update_new_button()
        part = self._part()
        row = part.table.currentIndex().row()
        if row < 0 and part.model.rowCount():
            row = 0
        if row >= 0:
            self._select(part, row)
        else:
            self._show(None, None)

    def _update_new_button(self) -> None:
        text = tr("New target") if self.tabs.currentIndex() == TARGETS else tr("New opening")
        self.new_button.setText(text)
        self.new_button.setAccessibleName(text)
        self.new_button.setToolTip(with_keys(f"{text} (%1)", NEW_SHORTCUT))
        self.new_action.setText(text)

    # ================================================================ selection

    def _part(self, kind: str | None = None) -> _List:
        if kind is None:
            return self.targets if self.tabs.currentIndex() == TARGETS else self.openings
        return self.targets if kind == "target" else self.openings

    def current(self) -> tuple[str | None, str | None]:
        if self.editor_stack.currentWidget() is self.target_editor and self.target_editor.record:
            return "target", self.target_editor.record.uid
        if self.editor_stack.currentWidget() is self.opening_editor \
                and self.opening_editor.record:
            return "opening", self.opening_editor.record.uid
        return None, None

    def _select(self, part: _List, row: int, *, quiet: bool = False) -> None:
        if not 0 <= row < part.model.rowCount():
            return
        kind = "target" if part is self.targets else "opening"
        uid = part.model.uid_at(row)
        self._quiet = quiet
        self._shown_by_selection = None
        try:
            select_row(part.table, row, 0)
        finally:
            self._quiet = False
        # The new current row has usually shown its record already (_current_row_changed):
        # a second reading and gap view would double the cost of every selection.
        if not quiet and self._shown_by_selection != (kind, uid):
            self._show(kind, uid)

    def _reselect_in(self, kind: str | None, uid: str | None) -> None:
        """After the rows changed: the same record if listed, else the first of the tab."""
        if kind and uid:
            part = self._part(kind)
            row = part.model.row_of_uid(uid)
            if row is not None:
                self._select(part, row, quiet=True)
                self._show(kind, uid)
                return
        part = self._part()
        if part.model.rowCount():
            self._select(part, 0)
        else:
            self._show(None, None)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        model = current.model()
        kind = "target" if model is self.targets_model else "opening"
        uid = (self.targets_model if kind == "target" else self.openings_model).uid_at(
            current.row())
        if (kind, uid) != self.current():
            self._current_editor_flush()
            self._show(kind, uid)
            self._shown_by_selection = (kind, uid)

    def _current_editor_flush(self) -> None:
        self.target_editor.flush()
        self.opening_editor.flush()

    def _show(self, kind: str | None, uid: str | None) -> None:
        record: Record | None = None
        if kind and uid:
            try:
                record = services.load_record(self.journal, Target if kind == "target"
                                              else Opening, uid)
            except NotFound:
                record = None
        if isinstance(record, Target):
            self.target_editor.load(record)
            self._show_gaps(record.uid)
            self.editor_stack.setCurrentWidget(self.target_editor)
        elif isinstance(record, Opening):
            self.opening_editor.load(record)
            self.editor_stack.setCurrentWidget(self.opening_editor)
        else:
            self.target_editor.record = None
            self.opening_editor.record = None
            self.editor_stack.setCurrentWidget(self.nothing_selected)
        self.delete_button.setEnabled(record is not None)

    def _show_gaps(self, uid: str) -> None:
        with self.journal.sessions() as session:
            gaps = skill_gaps.skill_gaps(session, uid)
        self.target_editor.show_gaps(gaps)

    def open_record(self, kind: str, uid: str) -> bool:
        if kind not in ("target", "opening"):
            return False
        self._ensure_loaded()
        part = self._part(kind)
        row = part.model.row_of_uid(uid)
        if row is None and not part.model.filter.is_empty:
            self.clear_filter()
            row = part.model.row_of_uid(uid)
        if row is None:
            return False
        self._current_editor_flush()
        self.tabs.blockSignals(True)
        self.tabs.setCurrentWidget(part)
        self.tabs.blockSignals(False)
        self._update_new_button()
        self._select(part, row)
        return True

    def _open_elsewhere(self, kind: str, uid: str) -> None:
        opener = getattr(self.window(), "open_record", None)
        if callable(opener):
            opener(kind, uid)

    # ================================================================ editing

    def _editing(self) -> TargetEditor | OpeningEditor:
        return (self.target_editor if self.editor_stack.currentWidget() is self.target_editor
                else self.opening_editor)

    def _edit_text(self, field: str, record: Target | Opening) -> str:
        return tr("Edit %1 of “%2”").replace("%1", field_label(field)).replace(
            "%2", short_title(record.title))

    def new_record(self) -> None:
        self._ensure_loaded()
        self._current_editor_flush()
        if not self.targets_model.filter.is_empty or not self.openings_model.filter.is_empty:
            self.clear_filter()
        record: Record
        if self.tabs.currentIndex() == TARGETS:
            record = Target(title=tr("New target"), path=TargetPath.PROMOTION)
            text, editor_title = tr("New target"), self.target_editor.title
        else:
            record = Opening(title=tr("New opening"), posted=date.today())
            text, editor_title = tr("New opening"), self.opening_editor.title
        self._push(CreateRecordCommand(self.journal, self.events, record, text=text))
        if self.current()[1] == record.uid:
            editor_title.setFocus()
            editor_title.selectAll()

    def delete_current(self) -> None:
        kind, uid = self.current()
        if kind is None or uid is None:
            return
        editor = self.target_editor if kind == "target" else self.opening_editor
        record = editor.record
        assert record is not None
        what = tr("target") if kind == "target" else tr("opening")
        self._delete_after_asking(record, record.title, tr("Delete %1").replace("%1", what),
                                  tr("Undo brings it back."))

    # ================================================================ changes

    def _record_changed(self, change: RecordChange) -> None:
        if not self._loaded:
            return
        kind, uid = self.current()
        if change.kind in (Person, Skill, Achievement, Experience):
            self._load_choices()
            if kind == "target" and uid:
                self._show_gaps(uid)  # a level or a piece of evidence changed
            if change.kind is Person:
                self.openings_model.reload()  # hiring managers' names
            return
        if change.kind not in (Target, Opening):
            return
        self.failure.hide()
        if change.kind is Target:
            self._load_choices()
        self.targets_model.reload()
        self.openings_model.reload()
        self._after_reload()
        changed_kind = "target" if change.kind is Target else "opening"
        mine = self._pushing and not change.replay
        if change.record is None:
            self._reselect_in(kind, uid if uid != change.uid else None)
            return
        if mine and change.uid == uid:
            editor = self.target_editor if changed_kind == "target" else self.opening_editor
            editor.set_saved(change.record)  # type: ignore[arg-type]
            if changed_kind == "target":
                self._show_gaps(change.uid)
            part = self._part(changed_kind)
            row = part.model.row_of_uid(change.uid)
            if row is not None:
                self._select(part, row, quiet=True)
            return
        if not mine and not change.replay and change.uid != uid:
            self._reselect_in(kind, uid)
            return
        part = self._part(changed_kind)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentWidget(part)
        self.tabs.blockSignals(False)
        self._update_new_button()
        row = part.model.row_of_uid(change.uid)
        if row is not None:
            self._select(part, row, quiet=True)
        self._show(changed_kind, change.uid)
