"""The Achievements page: a filtered, sorted table of wins beside the editor of one.

The pattern the other record pages follow:

- a lazy table model over the core's list query (``models/achievement_table.py``);
- an editor that emits ``edited(field)``; the page builds the record, and saves it as a
  ``SaveRecordCommand`` on the shared undo stack, so every edit is one undo step;
- new and delete are commands too; the page refreshes from ``RecordEvents``, whoever
  changed the record (this page, an undo from the Edit menu, another page).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from careerdesk.domain.enums import AchievementKind, Scope
from careerdesk.domain.records import Achievement, Experience, Person, Skill
from careerdesk.store import achievement_edit, achievement_list
from careerdesk.store.achievement_list import AchievementFilter, AchievementSort
from careerdesk.store.database import Journal
from careerdesk.ui.achievement_editor import MERGED_FIELDS, AchievementEditor, field_label
from careerdesk.ui.models.achievement_table import (
    SORT_OF_COLUMN,
    AchievementTableModel,
    Column,
    MetricCellDelegate,
    kind_label,
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
    short_title,
    side_by_side,
    tab_order,
    title_row,
    with_keys,
)
from careerdesk.ui.undo import (
    CreateRecordCommand,
    RecordChange,
)
from careerdesk.ui.widgets.optional_date import OptionalDateEdit
from careerdesk.ui.widgets.record_table import RecordTable


def tr(text: str) -> str:
    return QCoreApplication.translate("AchievementsPage", text)


class AchievementsPage(RecordPage):
    name = "achievements"
    title = tr("Achievements")
    icon_name = "achievements"
    record_kind = Achievement
    select_column = Column.TITLE
    merged_fields = MERGED_FIELDS
    model: AchievementTableModel
    table: RecordTable
    editor: AchievementEditor

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.setAccessibleName(tr("Achievements"))
        self.model = AchievementTableModel(journal, self)
        self._choices_stale = True
        self._filter_timer = filter_timer(self, self.apply_filter)
        self._build()
        self._listen()

    # ================================================================ building

    def _build(self) -> None:
        layout = page_layout(self)
        layout.addLayout(self._build_header())
        self.filter_bar = QWidget(self)
        self.filter_bar.setLayout(self._build_filters())
        layout.addWidget(self.filter_bar)
        self.failure = problem_label(self)
        layout.addWidget(self.failure)

        self.splitter = side_by_side(self)
        self.list_stack = ListStack(self.splitter)
        self.table = self.list_stack.add_list(self._build_table())
        self.empty_state = self.list_stack.add_empty_state(
            tr("Your wins go here: results with numbers, stories, and the invisible work "
               "that holds a team together."),
            tr("Add your first achievement"), self.new_achievement)
        self.no_match = self.list_stack.add_no_match(
            tr("No achievement matches these filters."), self.clear_filter)

        self.editor_stack = EditorStack(self.splitter)
        self.editor = AchievementEditor(self.editor_stack)
        self.editor.edited.connect(self._field_edited)
        self.nothing_selected = self.editor_stack.add_editors(
            self.editor,
            nothing_selected=tr("Select an achievement to see it here, or add a new one."),
            minimum_width=360)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 380])  # proportions: the table gets the most
        layout.addWidget(self.splitter, 1)

        self.new_action = page_shortcut(self, tr("New achievement"), NEW_SHORTCUT,
                                        self.new_achievement)
        tab_order([self.delete_button, self.new_button, self.search,
                   self.kind_filter, self.scope_filter, self.tag_filter,
                   self.date_from.check, self.date_from.edit, self.date_to.check,
                   self.date_to.edit, self.highlights_only, self.clear_button,
                   self.table, self.editor.title])

    def _build_header(self) -> QHBoxLayout:
        row, self.count_label = title_row(self, tr("Achievements"),
                                          tr("Number of achievements"))
        self.delete_button = delete_button(self, tr("Delete achievement"),
                                           tr("Delete the selected achievement (Delete)"),
                                           self.delete_current)
        row.addWidget(self.delete_button)
        self.new_button = new_button(self, tr("New achievement"),
                                     with_keys(tr("New achievement (%1)"), NEW_SHORTCUT),
                                     self.new_achievement)
        row.addWidget(self.new_button)
        return row

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.search = search_box(self, tr("Search titles, stories, notes…"),
                                 tr("Search achievements"))
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        row.addWidget(self.search, 2)

        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(tr("Filter by kind"))
        self.kind_filter.addItem(tr("All kinds"), None)
        for kind in AchievementKind:
            self.kind_filter.addItem(kind_label(kind), kind.value)
        self.scope_filter = QComboBox(self)
        self.scope_filter.setAccessibleName(tr("Filter by scope"))
        self.scope_filter.addItem(tr("All scopes"), None)
        for scope in Scope:
            self.scope_filter.addItem(QCoreApplication.translate("Scope", scope.label),
                                      scope.value)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName(tr("Filter by tag"))
        self.tag_filter.addItem(tr("All tags"), None)
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_filter.setMaximumWidth(180)
        for combo in (self.kind_filter, self.scope_filter, self.tag_filter):
            combo.activated.connect(lambda _i: self.apply_filter())
            row.addWidget(combo)

        today = date.today()
        self.date_from = OptionalDateEdit(tr("From"), tr("From date"),
                                          date(today.year - 1, today.month, 1), self)
        self.date_to = OptionalDateEdit(tr("To"), tr("To date"), today, self)
        for edit in (self.date_from, self.date_to):
            edit.changed.connect(self.apply_filter)
            row.addWidget(edit)
        self.highlights_only = QCheckBox(tr("Highlights only"), self)
        self.highlights_only.setAccessibleName(tr("Highlights only"))
        self.highlights_only.toggled.connect(lambda _on: self.apply_filter())
        row.addWidget(self.highlights_only)
        self.clear_button = QPushButton(tr("Clear"), self)
        self.clear_button.setAccessibleName(tr("Clear filters"))
        self.clear_button.setToolTip(tr("Show every achievement again"))
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(self.clear_filter)
        self.clear_button.setEnabled(False)
        row.addWidget(self.clear_button)
        return row

    def _build_table(self) -> RecordTable:
        table = record_table(self, self.model, tr("Achievements"))
        header = table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        metrics = table.fontMetrics()
        pad = 24
        table.set_columns({
            Column.DATE: metrics.horizontalAdvance("28 Sep 2025") + pad,
            Column.KIND: metrics.horizontalAdvance(kind_label(AchievementKind.QUANTIFIED))
            + pad + 16,
            Column.SCOPE: metrics.horizontalAdvance(
                QCoreApplication.translate("Scope", Scope.DEPARTMENT.label)) + pad,
            Column.METRIC: metrics.horizontalAdvance("38,000 → 212,000 USD") + pad,
            Column.SKILLS: metrics.horizontalAdvance("Data Modeling, SQL") + pad,
        }, stretch=Column.TITLE, stretch_minimum=metrics.horizontalAdvance("x") * 30,
            hide_order=(Column.SKILLS, Column.SCOPE))
        table.setItemDelegateForColumn(Column.METRIC, MetricCellDelegate(table))
        table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        table.delete_requested.connect(self.delete_current)
        return table

    # ================================================================ loading

    def _first_load(self) -> None:
        self._load_choices()
        self.model.reload()
        self._after_reload()
        self._select_first()

    def _reload_all(self) -> None:
        """Reloads everything from the journal, keeping the selected achievement if it stays."""
        self.editor.flush()
        self._choices_stale = True
        self._load_choices()
        uid = self.current_uid()
        row = self.table.currentIndex().row()
        self.model.reload()
        self._after_reload()
        self._reselect(uid, row, reload_editor=True)

    def _load_choices(self) -> None:
        if not self._choices_stale:
            return
        self._choices_stale = False
        with self.journal.sessions() as session:
            people = achievement_edit.person_choices(session)
            experiences = achievement_edit.experience_choices(session)
            skills = achievement_edit.skill_names(session)
            tags = achievement_list.all_tags(session)
        self.editor.set_choices(people=people, experiences=experiences, skills=skills,
                                tags=tags)
        self._set_tag_filter_choices(tags)

    def _set_tag_filter_choices(self, tags: list[str]) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(tr("All tags"), None)
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        if current is not None and self.tag_filter.findData(current) < 0:
            self.tag_filter.addItem(current, current)  # still filtering by it
        self.tag_filter.setCurrentIndex(max(self.tag_filter.findData(current), 0))
        self.tag_filter.blockSignals(False)

    def _after_reload(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self.model.filter.is_empty or shown == total:
            text = tr("1 achievement") if total == 1 else \
                tr("%1 achievements").replace("%1", f"{total:,}")
        else:
            text = tr("%1 of %2").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        self.count_label.setText(text)
        empty_journal = total == 0 and self.model.filter.is_empty
        self.list_stack.show_state(listed=shown > 0, empty=empty_journal)
        # With nothing listed, the one message and its button have the page to themselves.
        self.editor_stack.setVisible(shown > 0)
        self.filter_bar.setVisible(not empty_journal)
        self.clear_button.setEnabled(not self.model.filter.is_empty)
        self._set_sort_indicator(self._column_of_sort(), self._sort_order())

    def _column_of_sort(self) -> Column:
        return next(c for c, s in SORT_OF_COLUMN.items() if s == self.model.sort_key)

    def _sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.model.descending \
            else Qt.SortOrder.AscendingOrder

    def _set_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()

    # ================================================================ filter and sort

    def current_filter(self) -> AchievementFilter:
        kind = self.kind_filter.currentData()
        scope = self.scope_filter.currentData()
        return AchievementFilter(
            text=self.search.text().strip(),
            kinds=frozenset({AchievementKind(kind)}) if kind else frozenset(),
            scopes=frozenset({Scope(scope)}) if scope else frozenset(),
            tag=self.tag_filter.currentData() or None,
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            highlights_only=self.highlights_only.isChecked(),
        )

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        wanted = self.current_filter()
        if wanted == self.model.filter:
            return
        uid = self.current_uid()
        self.model.set_filter(wanted)
        self._after_reload()
        self._reselect(uid, 0, reload_editor=False, fallback_first=True)

    def clear_filter(self) -> None:
        self.search.clear()  # starts the typing pause; apply_filter below ends it
        self.kind_filter.setCurrentIndex(0)
        self.scope_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)
        self.highlights_only.blockSignals(True)
        self.highlights_only.setChecked(False)
        self.highlights_only.blockSignals(False)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self.apply_filter()

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        """A click on a header: the model sorts in SQL, the header only shows the arrow."""
        previous = self._column_of_sort()
        if not 0 <= section < len(Column) or Column(section) not in SORT_OF_COLUMN:
            self._set_sort_indicator(previous, self._sort_order())  # Skills do not sort
            return
        # A first click on a column sorts in its natural direction (the model's
        # InitialSortOrderRole: the newest date, the widest scope, the most metrics first).
        self.sort_by(SORT_OF_COLUMN[Column(section)], order == Qt.SortOrder.DescendingOrder)

    def sort_by(self, key: AchievementSort, descending: bool) -> None:
        uid = self.current_uid()
        self.model.set_sort(key, descending)
        self._after_reload()
        self._reselect(uid, 0, reload_editor=False, fallback_first=True)

    # ================================================================ selection

    def _select_quietly(self, row: int) -> None:
        super()._select_quietly(row)
        self.delete_button.setEnabled(True)

    def _current_row_kept(self) -> None:
        self.delete_button.setEnabled(self.editor.record is not None)

    def open_record(self, kind: str, uid: str) -> bool:
        return kind == "achievement" and self._show_in_list(uid)

    # ================================================================ editing

    def _edit_text(self, field: str, record: Achievement) -> str:
        return tr("Edit %1 of “%2”").replace("%1", field_label(field)).replace(
            "%2", short_title(record.title))

    def new_achievement(self) -> None:
        self._ensure_loaded()
        self.editor.flush()
        if not self.model.filter.is_empty:
            self.clear_filter()  # the new one must be seen
        record = achievement_edit.new_achievement(tr("Untitled achievement"))
        self._push(CreateRecordCommand(self.journal, self.events, record,
                                       text=tr("New achievement")))
        if self.current_uid() == record.uid:
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def delete_current(self) -> None:
        record = self.editor.record
        if record is not None:
            self._delete_after_asking(
                record, record.title, tr("Delete achievement"),
                tr("Its metrics, links and notes go with it. Undo brings it back."))

    # ================================================================ changes

    def _record_changed(self, change: RecordChange) -> None:
        if change.kind in (Person, Experience, Skill):
            self._choices_stale = True
            if self._loaded and self.isVisible():
                self._load_choices()
            return
        if change.kind is not Achievement or not self._loaded:
            return
        self.failure.hide()
        mine = self._pushing and not change.replay
        shown = self.current_uid()
        row = max(self.table.currentIndex().row(), 0)
        self.model.reload()
        self._after_reload()
        if not (mine and change.field not in ("skills", "tags")):
            self._choices_stale = True  # new tags or skills to complete, tags to filter by
            self._load_choices()
        record = change.record
        if record is None:
            self._record_gone(change.uid, shown, row)
            return
        assert isinstance(record, Achievement)
        if mine and change.uid == shown:  # the editor shows it already
            self.editor.set_saved(record)
            if self._switching_to is None:
                self._reselect(change.uid, row, reload_editor=False)
            return
        if not mine and not change.replay and change.uid != shown:
            self._reselect(shown, row, reload_editor=False)  # another page added or edited one
            return
        self._show_changed(record)  # created here, or changed by an undo or a redo



