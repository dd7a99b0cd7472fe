"""The Journal page: private free-form entries, a month calendar of the days written on,
the list of entries newest first, and the editor of one (markdown, with a preview).

It follows the Achievements page: a lazy list model over the core's query, an editor
whose committed fields are saved as undo commands, refreshes from ``RecordEvents``.
New entries are written in the quick-capture dialog (Ctrl+N, from anywhere).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QKeySequence, QTextCharFormat, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.records import JournalEntry
from careerdesk.store import journal_list
from careerdesk.store.database import Journal
from careerdesk.store.journal_list import JournalFilter
from careerdesk.ui import icons, theme
from careerdesk.ui.journal_editor import MERGED_FIELDS, JournalEditor, field_label
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.models.journal_list import JournalEntryDelegate, JournalListModel
from careerdesk.ui.pages.record_page import (
    EditorStack,
    ListStack,
    RecordPage,
    delete_button,
    filter_timer,
    new_button,
    page_layout,
    problem_label,
    search_box,
    short_title,
    side_by_side,
    tab_order,
    title_row,
    with_keys,
)
from careerdesk.ui.quick_capture import capture_entry
from careerdesk.ui.undo import RecordChange
from careerdesk.ui.widgets.empty_state import EmptyState
from careerdesk.ui.widgets.record_table import DELETE_KEYS


def tr(text: str) -> str:
    return QCoreApplication.translate("JournalPage", text)




class _EntryList(QTableView):
    """The entries, a list of one column; Delete asks to delete the current one.

    A table view, not a QListView: a list view lays out every row (one call into the
    model per row, 20,000 on a big journal) before it shows the first, where a table of
    fixed-height rows knows where any row is without asking. Without grid or headers it
    looks like the list it is.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delete_requested: Callable[[], None] | None = None  # set by the page
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as it does a list view
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(JournalEntryDelegate.row_height(self.fontMetrics()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in DELETE_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                and self.currentIndex().isValid() and callable(self.delete_requested):
            self.delete_requested()
            event.accept()
            return
        super().keyPressEvent(event)


class JournalPage(RecordPage):
    name = "journal"
    title = tr("Journal")
    icon_name = "journal"
    record_kind = JournalEntry
    merged_fields = MERGED_FIELDS
    model: JournalListModel
    editor: JournalEditor

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.setAccessibleName(tr("Journal"))
        self.model = JournalListModel(journal, self)
        self._tags_stale = True
        self.marked_days: dict[date, int] = {}
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
        left = QWidget(self.splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE_M)
        self.calendar = self._build_calendar(left)
        column.addWidget(self.calendar)
        self.list_stack = ListStack(left)
        self.list = _EntryList(self.list_stack)
        self.list.setModel(self.model)
        self.list.setItemDelegate(JournalEntryDelegate(self.list))
        self.list.setAccessibleName(tr("Journal entries"))
        self.list.delete_requested = self.delete_current
        self.list.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.list_stack.add_list(self.list)
        self.no_match = self.list_stack.add_no_match(tr("No entry matches these filters."),
                                                     self.clear_filter)
        column.addWidget(self.list_stack, 1)

        self.editor_stack = EditorStack(self.splitter)
        self.editor = JournalEditor(self.editor_stack)
        self.editor.edited.connect(self._field_edited)
        self.nothing_selected = self.editor_stack.add_editors(
            self.editor,
            nothing_selected=tr("Select an entry to read it here, or write a new one."),
            minimum_width=360)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 600])

        self.content_stack = QStackedWidget(self)
        self.content_stack.addWidget(self.splitter)
        self.empty_state = EmptyState(
            tr("Your private journal goes here: what happened at work, what you noticed, "
               "the conversations and feelings worth remembering when it is time to ask."),
            tr("Write your first entry"), self.content_stack)
        self.empty_state.button.clicked.connect(self.new_entry)
        self.content_stack.addWidget(self.empty_state)
        layout.addWidget(self.content_stack, 1)

        tab_order([self.delete_button, self.new_button, self.search,
                   self.tag_filter, self.day_button, self.clear_button,
                   self.calendar, self.list, self.editor.title])

    def _build_header(self) -> QHBoxLayout:
        row, self.count_label = title_row(self, tr("Journal"), tr("Number of entries"))
        self.delete_button = delete_button(self, tr("Delete entry"),
                                           tr("Delete the selected entry (Delete)"),
                                           self.delete_current)
        row.addWidget(self.delete_button)
        self.new_button = new_button(
            self, tr("New entry"), with_keys(tr("Write a new entry (%1), from any page"),
                                             QKeySequence(QKeySequence.StandardKey.New)),
            self.new_entry)
        row.addWidget(self.new_button)
        return row

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.search = search_box(self, tr("Search your entries…"), tr("Search entries"))
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        row.addWidget(self.search, 2)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName(tr("Filter by tag"))
        self.tag_filter.addItem(tr("All tags"), None)
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_filter.setMaximumWidth(200)
        self.tag_filter.activated.connect(lambda _i: self.apply_filter())
        row.addWidget(self.tag_filter)
        self.day_button = QPushButton(self)
        self.day_button.setIcon(icons.icon("close"))
        self.day_button.setAccessibleName(tr("Show every day"))
        self.day_button.setToolTip(tr("Show the entries of every day again"))
        self.day_button.clicked.connect(lambda: self.filter_day(None))
        self.day_button.hide()
        row.addWidget(self.day_button)
        row.addStretch(1)
        self.clear_button = QPushButton(tr("Clear"), self)
        self.clear_button.setAccessibleName(tr("Clear filters"))
        self.clear_button.setToolTip(tr("Show every entry again"))
        self.clear_button.setFlat(True)
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clear_filter)
        row.addWidget(self.clear_button)
        return row

    def _build_calendar(self, parent: QWidget) -> QCalendarWidget:
        calendar = QCalendarWidget(parent)
        calendar.setAccessibleName(tr("Calendar of entries"))
        calendar.setToolTip(tr("Days in bold have entries. Choose a day to go to its entry; "
                               "double-click it or press Enter to show only that day."))
        calendar.setGridVisible(False)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calendar.setHorizontalHeaderFormat(
            QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        calendar.setMaximumHeight(240)
        days = calendar.findChild(QAbstractItemView)
        if days is not None:
            days.setAccessibleName(tr("Days of the month"))
        calendar.currentPageChanged.connect(lambda _y, _m: self.mark_days())
        # A day chosen by click or by the arrow keys goes to its entry.
        calendar.selectionChanged.connect(lambda: self._day_clicked(calendar.selectedDate()))
        calendar.activated.connect(self._day_activated)
        return calendar

    # ================================================================ loading

    def _first_load(self) -> None:
        self._load_tags()
        self.model.reload()
        self._after_reload()
        self._select_first()
        self.mark_days()

    def _reload_all(self) -> None:
        self.editor.flush()
        self._tags_stale = True
        self._load_tags()
        uid = self.current_uid()
        row = self.list.currentIndex().row()
        self.model.reload()
        self._after_reload()
        self._reselect(uid, row, reload_editor=True)
        self.mark_days()

    def _load_tags(self) -> None:
        if not self._tags_stale:
            return
        self._tags_stale = False
        with self.journal.sessions() as session:
            tags = journal_list.entry_tags(session)
        self.editor.set_choices(tags)
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(tr("All tags"), None)
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        if current is not None and self.tag_filter.findData(current) < 0:
            self.tag_filter.addItem(current, current)
        self.tag_filter.setCurrentIndex(max(self.tag_filter.findData(current), 0))
        self.tag_filter.blockSignals(False)

    def _after_reload(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self.model.filter.is_empty or shown == total:
            text = tr("1 entry") if total == 1 else tr("%1 entries").replace("%1", f"{total:,}")
        else:
            text = tr("%1 of %2").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        self.count_label.setText(text)
        empty_journal = total == 0
        self.content_stack.setCurrentWidget(self.empty_state if empty_journal else self.splitter)
        self.filter_bar.setVisible(not empty_journal)
        self.delete_button.setVisible(not empty_journal)
        self.list_stack.show_state(listed=shown > 0, empty=False)
        self.clear_button.setEnabled(not self.model.filter.is_empty)
        day = self.model.filter.day
        self.day_button.setVisible(day is not None)
        if day is not None:
            self.day_button.setText(tr("Only %1").replace("%1", date_text(day)))

    # ================================================================ the calendar

    def mark_days(self) -> None:
        """Bold, tinted days for the entries of the month shown (and the days around it)."""
        if not self._loaded:
            return
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first = date(year, month, 1) - timedelta(days=7)
        last = date(year, month, 28) + timedelta(days=21)
        with self.journal.sessions() as session:
            days = journal_list.entry_days(session, first, last, self.model.filter)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget the last month's
        tint = theme.accent()
        tint.setAlphaF(0.18)
        for day, count in days.items():
            mark = QTextCharFormat()
            mark.setFontWeight(QFont.Weight.Bold)
            mark.setBackground(QBrush(tint))
            mark.setToolTip(tr("1 entry") if count == 1
                            else tr("%1 entries").replace("%1", str(count)))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), mark)
        self.marked_days = days

    def _day_clicked(self, qdate: QDate) -> None:
        day = date(qdate.year(), qdate.month(), qdate.day())
        with self.journal.sessions() as session:
            id_ = journal_list.nearest_entry(session, day, self.model.filter)
        row = self.model.row_of_id(id_) if id_ is not None else None
        if row is not None:
            self.select_row(row)

    def _day_activated(self, qdate: QDate) -> None:
        self.filter_day(date(qdate.year(), qdate.month(), qdate.day()))

    def _follow_in_calendar(self, day: date) -> None:
        self.calendar.blockSignals(True)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.blockSignals(False)
        self.mark_days()

    # ================================================================ filter

    def current_filter(self) -> JournalFilter:
        return JournalFilter(text=self.search.text().strip(),
                             tag=self.tag_filter.currentData() or None,
                             day=self.model.filter.day)

    def apply_filter(self, wanted: JournalFilter | None = None) -> None:
        self._filter_timer.stop()
        wanted = wanted or self.current_filter()
        if wanted == self.model.filter:
            return
        uid = self.current_uid()
        self.model.set_filter(wanted)
        self._after_reload()
        self._reselect(uid, 0, reload_editor=False, fallback_first=True)
        self.mark_days()

    def filter_day(self, day: date | None) -> None:
        current = self.current_filter()
        self.apply_filter(JournalFilter(text=current.text, tag=current.tag, day=day))

    def clear_filter(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.tag_filter.setCurrentIndex(0)
        self.apply_filter(JournalFilter())

    # ================================================================ selection

    def _list_view(self) -> QAbstractItemView:
        return self.list

    def _select_quietly(self, row: int) -> None:
        super()._select_quietly(row)
        self.delete_button.setEnabled(True)

    def _show_uid(self, uid: str | None) -> None:
        super()._show_uid(uid)
        if self.editor.record is not None:
            self._follow_in_calendar(self.editor.record.date)

    def open_record(self, kind: str, uid: str) -> bool:
        return kind == "journal" and self._show_in_list(uid)

    # ================================================================ editing

    def _edit_text(self, field: str, record: JournalEntry) -> str:
        return tr("Edit %1 of “%2”").replace("%1", field_label(field)).replace(
            "%2", short_title(heading_of(record)))

    def new_entry(self) -> None:
        """Opens quick capture; the new entry is then shown here."""
        self._ensure_loaded()
        self.editor.flush()
        uid = capture_entry(self, self.journal, self.undo_stack)
        if uid is not None:
            self.open_record("journal", uid)

    def delete_current(self) -> None:
        record = self.editor.record
        if record is not None:
            self._delete_after_asking(record, heading_of(record), tr("Delete Entry"),
                                      tr("Undo brings it back."))

    # ================================================================ changes

    def _record_changed(self, change: RecordChange) -> None:
        if change.kind is not JournalEntry or not self._loaded:
            return
        self.failure.hide()
        mine = self._pushing and not change.replay
        shown = self.current_uid()
        row = max(self.list.currentIndex().row(), 0)
        was_listed = self.model.row_of_uid(change.uid) is not None
        self.model.reload()
        self._after_reload()
        if not (mine and change.field in ("body", "title", "date")):
            self._tags_stale = True
            self._load_tags()
        self.mark_days()
        record = change.record
        if record is None:
            self._record_gone(change.uid, shown, row)
            return
        assert isinstance(record, JournalEntry)
        if mine and change.uid == shown:
            self.editor.set_saved(record)
            self._reselect(change.uid, row, reload_editor=False)
            self._follow_in_calendar(record.date)
            return
        if not change.replay and change.uid != shown and was_listed:
            self._reselect(shown, row, reload_editor=False)  # edited elsewhere
            return
        # New (quick capture), or changed by an undo or a redo: show that entry.
        self._show_changed(record)
        self._follow_in_calendar(record.date)



def heading_of(entry: JournalEntry) -> str:
    return (entry.title or "").strip() or " ".join(entry.body.split()) or tr("(empty entry)")


