"""The Experiences part of the Growth page: the list of lateral experiences beside the
editor of one, saved field by field through the undo stack."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from careerdesk import services
from careerdesk.domain.enums import ExperienceKind
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import Experience
from careerdesk.store import achievement_edit, achievement_list, experience_list
from careerdesk.store.database import Journal
from careerdesk.ui import theme
from careerdesk.ui.experience_editor import MERGED_FIELDS, ExperienceEditor, field_label
from careerdesk.ui.models.growth_tables import ExperienceColumn, ExperienceTableModel, kind_label
from careerdesk.ui.pages.record_page import (
    EditorStack,
    ListStack,
    confirm_delete,
    delete_button,
    delete_text,
    filter_timer,
    new_button,
    problem_label,
    record_table,
    save_command,
    search_box,
    select_row,
    short_title,
    side_by_side,
    tab_order,
)
from careerdesk.ui.undo import (
    CreateRecordCommand,
    DeleteRecordCommand,
    RecordChange,
    RecordEvents,
    SaveRecordCommand,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ExperiencesPanel", text)


class ExperiencesPanel(QWidget):
    record_requested = Signal(str, str)  # kind, uid: a record another page shows

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.undo_stack = undo_stack
        self.events = RecordEvents.of(undo_stack)
        self.model = ExperienceTableModel(self)
        self.loaded = False
        self._pushing = False
        self._quiet = False
        self._timer = filter_timer(self, self.reload)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, theme.SPACE_M, 0, 0)
        layout.setSpacing(theme.SPACE_M)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search = search_box(self, tr("Search experiences, departments, sponsors…"),
                                 tr("Search experiences"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        bar.addWidget(self.search, 2)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(tr("Filter by kind"))
        self.kind_filter.addItem(tr("All kinds"), None)
        for kind in ExperienceKind:
            self.kind_filter.addItem(kind_label(kind), kind.value)
        self.kind_filter.activated.connect(lambda _i: self.reload())
        bar.addWidget(self.kind_filter)
        bar.addStretch(1)
        self.delete_button = delete_button(self, tr("Delete experience"), "",
                                           self.delete_current)
        bar.addWidget(self.delete_button)
        self.new_button = new_button(self, tr("New experience"), "", self.new_experience)
        bar.addWidget(self.new_button)
        self.bar = QWidget(self)
        self.bar.setLayout(bar)
        bar.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        self.failure = problem_label(self)
        layout.addWidget(self.failure)

        self.splitter = side_by_side(self)
        self.list_stack = ListStack(self.splitter)
        self.table = record_table(self.list_stack, self.model, tr("Experiences"))
        metrics = self.table.fontMetrics()
        self.table.set_columns({
            ExperienceColumn.KIND: metrics.horizontalAdvance("Cross-functional project") + 24,
            ExperienceColumn.DEPARTMENT: metrics.horizontalAdvance("Product Analytics") + 24,
            ExperienceColumn.DATES: metrics.horizontalAdvance("Nov 2025 – Feb 2026") + 24,
            ExperienceColumn.SPONSOR: metrics.horizontalAdvance("Daniel Okafor") + 24,
        }, stretch=ExperienceColumn.TITLE, stretch_minimum=metrics.horizontalAdvance("x") * 20,
            hide_order=(ExperienceColumn.DEPARTMENT, ExperienceColumn.SPONSOR,
                        ExperienceColumn.KIND))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.delete_requested.connect(self.delete_current)
        self.list_stack.add_list(self.table)
        self.empty_state = self.list_stack.add_empty_state(
            tr("Your lateral growth goes here: rotations, cross-functional projects, stretch "
               "assignments, shadowing, mentoring, internal gigs and moves."),
            tr("Add your first experience"), self.new_experience)
        self.no_match = self.list_stack.add_no_match(tr("No experience matches."),
                                                     self.clear_filter)
        self.editor_stack = EditorStack(self.splitter)
        self.editor = ExperienceEditor(self.editor_stack)
        self.editor.edited.connect(self._field_edited)
        self.editor.achievement_requested.connect(
            lambda uid: self.record_requested.emit("achievement", uid))
        self.nothing = self.editor_stack.add_editors(
            self.editor, nothing_selected=tr("Select an experience to see it here."),
            minimum_width=360)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([660, 360])
        layout.addWidget(self.splitter, 1)
        tab_order([self.search, self.kind_filter, self.delete_button, self.new_button,
                   self.table, self.editor.title])

    # ------------------------------------------------------------ loading

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.load_choices()
            self.reload()
            if self.model.rowCount():
                self.select_row(0)

    def load_choices(self) -> None:
        with self.journal.sessions() as session:
            people = achievement_edit.person_choices(session)
            skills = achievement_edit.skill_names(session)
            tags = achievement_list.all_tags(session, "experience")
            departments = experience_list.departments(session)
        self.editor.set_choices(people=people, skills=skills, tags=tags,
                                departments=departments)

    def reload(self) -> None:
        self._timer.stop()
        kind = self.kind_filter.currentData()
        uid = self.current_uid()
        with self.journal.sessions() as session:
            lines = experience_list.experience_lines(
                session, self.search.text(), ExperienceKind(kind) if kind else None)
            total = len(experience_list.experience_lines(session)) if lines == [] else None
        self.model.set_lines(lines)
        filtered = bool(self.search.text().strip() or kind)
        self.list_stack.show_state(listed=bool(lines), empty=not (filtered or total))
        self.editor_stack.setVisible(bool(lines))
        self.bar.setVisible(bool(lines) or filtered or bool(total))
        row = self.model.row_of_uid(uid) if uid else None
        if row is not None:
            self._select_quietly(row)

    def flush_and_reload(self) -> None:
        """After a change made elsewhere: the lists, the choices and the shown record."""
        self.editor.flush()
        self.load_choices()
        self.reload()
        uid = self.current_uid()
        if uid is not None and self.model.row_of_uid(uid) is not None:
            self.show_uid(uid)
        elif self.model.rowCount():
            self.select_row(0)
        else:
            self.show_uid(None)

    def clear_filter(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.kind_filter.setCurrentIndex(0)
        self.reload()

    # ------------------------------------------------------------ selection

    def current_uid(self) -> str | None:
        return self.editor.record.uid if self.editor.record is not None else None

    def select_row(self, row: int) -> None:
        select_row(self.table, row, ExperienceColumn.TITLE)

    def _select_quietly(self, row: int) -> None:
        self._quiet = True
        try:
            self.select_row(row)
        finally:
            self._quiet = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        uid = self.model.uid_at(current.row()) if current.isValid() else None
        if uid is None or uid == self.current_uid():
            return
        self.editor.flush()
        self.show_uid(uid)

    def show_uid(self, uid: str | None) -> None:
        record = None
        if uid is not None:
            try:
                record = services.load_record(self.journal, Experience, uid)
            except NotFound:
                record = None
        self.editor.load(record)
        self.editor_stack.show_editor(record is not None)
        self.delete_button.setEnabled(record is not None)
        if record is not None:
            self.show_achievements(record.uid)

    def show_achievements(self, uid: str) -> None:
        with self.journal.sessions() as session:
            made, during = experience_list.achievements_of(session, uid, date.today())
        self.editor.show_achievements(made, during)

    def open(self, uid: str) -> bool:
        self.ensure_loaded()
        row = self.model.row_of_uid(uid)
        if row is None:
            self.clear_filter()
            row = self.model.row_of_uid(uid)
        if row is None:
            return False
        self.editor.flush()
        self.select_row(row)
        if self.current_uid() != uid:
            self.show_uid(uid)
        return True

    # ------------------------------------------------------------ editing

    def _push(self, command: SaveRecordCommand | CreateRecordCommand | DeleteRecordCommand
              ) -> None:
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False

    def _field_edited(self, field: str) -> None:
        command = save_command(
            self.journal, self.events, self.editor, field, MERGED_FIELDS,
            lambda after: tr("Edit %1 of “%2”").replace("%1", field_label(field))
            .replace("%2", short_title(after.title)))
        if command is None:
            return
        self.failure.hide()
        self._push(command)

    def new_experience(self) -> None:
        self.ensure_loaded()
        self.editor.flush()
        self.clear_filter()
        record = Experience(kind=ExperienceKind.STRETCH_ASSIGNMENT,
                            title=tr("Untitled experience"), start=date.today())
        self._push(CreateRecordCommand(self.journal, self.events, record,
                                       text=tr("New experience")))
        if self.current_uid() == record.uid:
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def delete_current(self) -> None:
        record = self.editor.record
        if record is None or not confirm_delete(
                self, tr("Delete Experience"), record.title,
                tr("Achievements made in it stay, without the link. Undo brings it back.")):
            return
        self._push(DeleteRecordCommand(self.journal, self.events, Experience, record.uid,
                                       text=delete_text(record.title)))

    def record_changed(self, change: RecordChange) -> None:
        if not self.loaded:
            return
        if change.kind is not Experience:
            if self.current_uid():
                self.show_achievements(self.current_uid() or "")
            self.load_choices()
            return
        self.failure.hide()
        mine = self._pushing and not change.replay
        shown = self.current_uid()
        row = max(self.table.currentIndex().row(), 0)
        self.reload()
        self.load_choices()
        record = change.record
        if record is None:
            if change.uid == shown or shown is None:
                self.editor.record = None
                count = self.model.rowCount()
                if count:
                    self.select_row(min(row, count - 1))
                else:
                    self.show_uid(None)
            return
        assert isinstance(record, Experience)
        if mine and change.uid == shown:
            self.editor.set_saved(record)
            self.show_achievements(record.uid)
            return
        if not mine and not change.replay and change.uid != shown:
            return
        target = self.model.row_of_uid(change.uid)
        if target is not None:
            self._select_quietly(target)
        self.editor.load(record)
        self.editor_stack.setCurrentWidget(self.editor)
        self.delete_button.setEnabled(True)
        self.show_achievements(record.uid)

    def show_failure(self, message: str) -> None:
        self.failure.show_message(message)


