"""The Planner page: the organisation's calendar (cycle events, edited like achievements),
the coming months with the windows it opens, and the lead times that place them.

Edits of events are undo commands on the shared stack; moving, dismissing and bringing
back a window, and the lead times, are planner settings (``services.shift_window``,
``dismiss_window``, ``save_lead_times``), announced through ``PlannerEvents`` so the
Today page follows.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careerdesk import services
from careerdesk.domain.enums import CycleEventKind
from careerdesk.domain.records import CycleEvent, Opening, Person
from careerdesk.planner import (
    NegotiationWindow,
    WindowKind,
    WindowOverride,
    build_windows,
    merge_overlapping,
)
from careerdesk.planner.calendar import upcoming
from careerdesk.planner.calendar_data import load_calendar_data
from careerdesk.planner.words import day_range
from careerdesk.store.database import Journal
from careerdesk.ui import calendar_export, clock, icons, theme
from careerdesk.ui.cycle_event_editor import MERGED_FIELDS, CycleEventEditor, field_label
from careerdesk.ui.lead_times_dialog import LeadTimesDialog
from careerdesk.ui.models.cycle_event_table import Column, CycleEventTableModel
from careerdesk.ui.pages.record_page import (
    NEW_SHORTCUT,
    ListStack,
    RecordPage,
    delete_button,
    new_button,
    page_layout,
    page_shortcut,
    problem_label,
    record_table,
    short_title,
    side_by_side,
    tab_order,
    title_row,
    with_keys,
)
from careerdesk.ui.planner_commands import LeadTimesCommand, WindowOverrideCommand
from careerdesk.ui.planner_events import PlannerEvents
from careerdesk.ui.undo import (
    CreateRecordCommand,
    RecordChange,
)
from careerdesk.ui.widgets.agenda import AgendaView
from careerdesk.ui.widgets.flow_layout import FlowLayout
from careerdesk.ui.widgets.record_table import RecordTable
from careerdesk.ui.window_kinds import kind_colour, kind_label


def tr(text: str) -> str:
    return QCoreApplication.translate("PlannerPage", text)


SHIFT_LIMIT_DAYS = 180


def kind_icon(kind: WindowKind) -> QIcon:
    """A round chip in the kind's colour, for lists and the legend."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(kind_colour(kind))
    painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    painter.end()
    return QIcon(pixmap)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    theme.set_text_role(label, theme.TextRole.SECTION)
    return label


class PlannerPage(RecordPage):
    name = "planner"
    title = tr("Planner")
    icon_name = "planner"
    record_kind = CycleEvent
    select_column = Column.NAME
    merged_fields = MERGED_FIELDS
    model: CycleEventTableModel
    table: RecordTable
    editor: CycleEventEditor

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.setAccessibleName(tr("Planner"))
        self.planner_events = PlannerEvents.of(undo_stack)
        self.model = CycleEventTableModel(journal, self)
        self.windows: list[NegotiationWindow] = []
        self.dismissed_windows: list[NegotiationWindow] = []
        self._build()
        self._listen()
        self.planner_events.settings_changed.connect(self._settings_changed)

    # ================================================================ building

    def _build(self) -> None:
        layout = page_layout(self)
        layout.addLayout(self._build_header())
        self.failure = problem_label(self)
        layout.addWidget(self.failure)

        self.splitter = side_by_side(self, handle_width=12)
        self.splitter.addWidget(self._build_events_column())
        self.splitter.addWidget(self._build_calendar_column())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 660])
        layout.addWidget(self.splitter, 1)

        self.new_action = page_shortcut(self, tr("New event"), NEW_SHORTCUT, self.new_event)
        tab_order([self.new_button, self.delete_button, self.lead_times_button,
                   self.export_button, self.table, self.editor.name,
                   self.editor.kind, self.editor.date, self.editor.duration,
                   self.editor.recurrence, self.editor.notes, self.agenda,
                   self.window_list, self.shift_days, self.shift_button,
                   self.dismiss_button, self.dismissed_combo, self.restore_button])

    def _build_header(self) -> QHBoxLayout:
        row, self.count_label = title_row(self, tr("Planner"), tr("Number of dates and windows"),
                                          spacing=theme.SPACE_M)
        self.lead_times_button = QPushButton(tr("Lead Times…"), self)
        self.lead_times_button.setAccessibleName(tr("Lead times"))
        self.lead_times_button.setToolTip(tr("When each kind of window opens and closes around "
                                             "its event"))
        self.lead_times_button.clicked.connect(self.edit_lead_times)
        self.export_button = QPushButton(icons.icon("export"), tr("Export Calendar…"), self)
        self.export_button.setAccessibleName(tr("Export calendar"))
        self.export_button.setToolTip(tr("Save the dates, windows and open follow-ups as an "
                                         ".ics file for your calendar app"))
        self.export_button.clicked.connect(self.export_calendar)
        self.delete_button = delete_button(self, tr("Delete event"),
                                           tr("Delete the selected event"), self.delete_current)
        self.new_button = new_button(self, tr("New event"),
                                     with_keys(tr("New event (%1)"), NEW_SHORTCUT),
                                     self.new_event)
        for button in (self.lead_times_button, self.export_button, self.delete_button,
                       self.new_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        return row

    def _build_events_column(self) -> QWidget:
        column = QWidget(self)
        column.setMinimumWidth(300)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S + 2)
        layout.addWidget(_heading(tr("Your organisation's calendar"), column))
        self.list_stack = ListStack(column)
        self.table = record_table(column, self.model, tr("Cycle events"))
        metrics = self.table.fontMetrics()
        self.table.set_columns({
            Column.DATE: metrics.horizontalAdvance("28 Sep 2026") + 24,
            Column.KIND: metrics.horizontalAdvance("Performance review") + 24,
            Column.REPEATS: metrics.horizontalAdvance("Semiannual") + 24,
        }, stretch=Column.NAME, stretch_minimum=metrics.horizontalAdvance("x") * 24,
            hide_order=(Column.REPEATS, Column.KIND))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.delete_requested.connect(self.delete_current)
        self.list_stack.add_list(self.table)
        self.empty_state = self.list_stack.add_empty_state(
            tr("Your organisation's reviews, budget dates and promotion committees go here: "
               "the planner turns them into windows to ask."),
            tr("Add your first date"), self.new_event)
        layout.addWidget(self.list_stack, 3)

        self.editor_frame = QFrame(column)
        self.editor_frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_layout = QVBoxLayout(self.editor_frame)
        frame_layout.setContentsMargins(theme.SPACE_M, theme.SPACE_M, theme.SPACE_M, theme.SPACE_M)
        self.editor = CycleEventEditor(self.editor_frame)
        self.editor.edited.connect(self._field_edited)
        frame_layout.addWidget(self.editor)
        self.editor_frame.setEnabled(False)
        layout.addWidget(self.editor_frame, 2)
        return column

    def _build_calendar_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S + 2)
        top = QHBoxLayout()
        top.addWidget(_heading(tr("The coming 12 months"), column))
        top.addStretch(1)
        layout.addLayout(top)
        # The legend wraps onto a second line in a narrow window rather than widen it.
        legend_box = QWidget(column)
        legend = FlowLayout(legend_box, spacing=theme.SPACE_M)
        legend.setContentsMargins(0, 0, 0, 0)
        for kind in WindowKind:
            entry = QLabel(legend_box)
            entry.setTextFormat(Qt.TextFormat.RichText)
            entry.setText(f'<span style="color:{kind_colour(kind).name()}">■</span> '
                          f"{html.escape(kind_label(kind))}")
            entry.setFont(theme.font_for(theme.TextRole.CAPTION))
            entry.setAccessibleName(kind_label(kind))
            legend.addWidget(entry)
        marker = QLabel("◆ " + tr("your organisation's dates"), legend_box)
        marker.setFont(theme.font_for(theme.TextRole.CAPTION))
        legend.addWidget(marker)
        layout.addWidget(legend_box)
        self.agenda = AgendaView(column)
        self.agenda.span_selected.connect(self._span_selected)
        layout.addWidget(self.agenda)

        bottom = QHBoxLayout()
        bottom.setSpacing(theme.SPACE_M)
        self.window_list = QListWidget(column)
        self.window_list.setAccessibleName(tr("Windows ahead"))
        self.window_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.window_list.setIconSize(QSize(12, 12))
        self.window_list.setUniformItemSizes(True)
        self.window_list.currentRowChanged.connect(self._window_row_changed)
        bottom.addWidget(self.window_list, 1)
        bottom.addWidget(self._build_window_detail(column), 1)
        layout.addLayout(bottom, 1)
        return column

    def _build_window_detail(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S)
        self.window_title = QLabel(panel)
        self.window_title.setFont(theme.font_for(theme.TextRole.STRONG))
        self.window_title.setWordWrap(True)
        self.window_title.setTextFormat(Qt.TextFormat.PlainText)  # the event's name is the user's
        self.window_when = QLabel(panel)
        self.window_reason = QLabel(panel)
        self.window_reason.setTextFormat(Qt.TextFormat.PlainText)
        self.window_reason.setWordWrap(True)
        theme.set_secondary(self.window_reason)
        self.window_reason.setAccessibleName(tr("Why this window"))
        layout.addWidget(self.window_title)
        layout.addWidget(self.window_when)
        layout.addWidget(self.window_reason)
        shift = QHBoxLayout()
        shift.setSpacing(theme.SPACE_S)
        shift_label = QLabel(tr("&Move by"), panel)
        self.shift_days = QSpinBox(panel)
        self.shift_days.setRange(-SHIFT_LIMIT_DAYS, SHIFT_LIMIT_DAYS)
        self.shift_days.setSuffix(tr(" days"))
        self.shift_days.setAccessibleName(tr("Days to move the window (negative: earlier)"))
        self.shift_days.setToolTip(tr("From where the rules put it; 0 puts it back"))
        shift_label.setBuddy(self.shift_days)
        self.shift_button = QPushButton(tr("Move"), panel)
        self.shift_button.setAccessibleName(tr("Move the window"))
        self.shift_button.setAutoDefault(False)
        self.shift_button.clicked.connect(lambda: self.shift_selected(self.shift_days.value()))
        shift.addWidget(shift_label)
        shift.addWidget(self.shift_days)
        shift.addWidget(self.shift_button)
        shift.addStretch(1)
        layout.addLayout(shift)
        self.dismiss_button = QPushButton(tr("Dismiss this window"), panel)
        self.dismiss_button.setAccessibleName(tr("Dismiss this window"))
        self.dismiss_button.setToolTip(tr("Leave it out of the plan; you can bring it back below"))
        self.dismiss_button.setAutoDefault(False)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.dismissed_label = QLabel(tr("Dismissed windows"), panel)
        self.dismissed_label.setFont(theme.font_for(theme.TextRole.STRONG))
        restore_row = QHBoxLayout()
        self.dismissed_combo = QComboBox(panel)
        self.dismissed_combo.setAccessibleName(tr("Dismissed windows"))
        self.dismissed_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dismissed_combo.setMinimumContentsLength(16)
        self.restore_button = QPushButton(tr("Bring Back"), panel)
        self.restore_button.setAccessibleName(tr("Bring the dismissed window back"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(
            lambda: self.bring_back(str(self.dismissed_combo.currentData() or "")))
        restore_row.addWidget(self.dismissed_combo, 1)
        restore_row.addWidget(self.restore_button)
        layout.addWidget(self.dismissed_label)
        layout.addLayout(restore_row)
        self._show_window(None)
        return panel

    # ================================================================ loading

    def _first_load(self) -> None:
        self.model.reload()
        self._after_events_reload()
        self.reload_plan()
        self._select_first()

    def _reload_all(self) -> None:
        self.editor.flush()
        uid = self.current_uid()
        self.model.reload()
        self._after_events_reload()
        self._reselect(uid)
        self.reload_plan()

    def reload_plan(self) -> None:
        today = clock.today()
        # The windows alone, not the whole plan: readiness and actions read thousands of
        # achievements and interactions that this page does not show.
        with self.journal.sessions() as session:
            data = load_calendar_data(session)
        every = build_windows(data.cycle_events, data.openings, today,
                              lead_times=data.lead_times, overrides=data.overrides,
                              people=data.people_by_uid)
        occurrences = upcoming(data.cycle_events, today)
        selected = self.selected_window()
        self.windows = [w for w in every if not w.dismissed]
        self.dismissed_windows = [w for w in every if w.dismissed]
        self.agenda.set_plan(today, merge_overlapping(self.windows), occurrences)
        # One chip per kind, not per window (a large journal has a hundred windows ahead).
        chips = {kind: kind_icon(kind) for kind in {w.kind for w in every}}
        self.window_list.blockSignals(True)
        self.window_list.clear()
        for window in self.windows:
            item = QListWidgetItem(chips[window.kind],
                                   f"{kind_label(window.kind)} · {day_range(window.start, window.end)}")
            item.setToolTip(window.reason)
            item.setData(Qt.ItemDataRole.UserRole, window.id)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                         f"{window.countdown(today)}. {window.reason}")
            self.window_list.addItem(item)
        self.window_list.blockSignals(False)
        self.dismissed_combo.clear()
        for window in self.dismissed_windows:
            self.dismissed_combo.addItem(
                chips[window.kind],
                f"{kind_label(window.kind)} · {window.event_name} · "
                f"{day_range(window.start, window.end)}", window.id)
        has_dismissed = bool(self.dismissed_windows)
        for widget in (self.dismissed_label, self.dismissed_combo, self.restore_button):
            widget.setVisible(has_dismissed)
        self._update_count()
        wanted = selected.id if selected is not None else None
        row = next((i for i, w in enumerate(self.windows) if w.id == wanted), -1)
        self.select_window_row(row if row >= 0 else (0 if self.windows else -1))

    def _after_events_reload(self) -> None:
        empty = self.model.rowCount() == 0
        self.list_stack.show_state(listed=not empty, empty=True)
        self.editor_frame.setVisible(not empty)
        self._update_count()

    def _update_count(self) -> None:
        events = self.model.rowCount()
        windows = len(self.windows)
        self.count_label.setText(
            (tr("1 date") if events == 1 else tr("%1 dates").replace("%1", str(events))) + " · "
            + (tr("1 window ahead") if windows == 1
               else tr("%1 windows ahead").replace("%1", str(windows))))

    # ================================================================ windows

    def selected_window(self) -> NegotiationWindow | None:
        row = self.window_list.currentRow()
        return self.windows[row] if 0 <= row < len(self.windows) else None

    def select_window_row(self, row: int) -> None:
        self.window_list.blockSignals(True)
        self.window_list.setCurrentRow(row)
        self.window_list.blockSignals(False)
        self._window_row_changed(row)

    def _window_row_changed(self, row: int) -> None:
        window = self.windows[row] if 0 <= row < len(self.windows) else None
        self._show_window(window)
        self.agenda.select(self.agenda.span_of_window(window.id) if window else -1, notify=False)

    def _span_selected(self, index: int) -> None:
        if not 0 <= index < len(self.agenda.spans):
            return
        first = self.agenda.spans[index].windows[0]
        row = next((i for i, w in enumerate(self.windows) if w.id == first.id), -1)
        if row >= 0:
            self.window_list.blockSignals(True)
            self.window_list.setCurrentRow(row)
            self.window_list.blockSignals(False)
            self._show_window(first)

    def _show_window(self, window: NegotiationWindow | None) -> None:
        for widget in (self.shift_days, self.shift_button, self.dismiss_button):
            widget.setEnabled(window is not None)
        if window is None:
            self.window_title.setText(tr("No window selected"))
            self.window_when.clear()
            self.window_reason.setText(tr("Select a window in the list or on the calendar to "
                                          "see why it matters, move it, or dismiss it."))
            return
        today = clock.today()
        self.window_title.setText(f"{kind_label(window.kind)}: {window.event_name}")
        self.window_title.setStyleSheet(f"color: {kind_colour(window.kind).name()};")
        when = f"{day_range(window.start, window.end)} · {window.countdown(today)}"
        self.window_when.setText(when)
        self.window_reason.setText(window.reason)
        self.shift_days.setValue(window.shifted_days)

    def _change_window(self, window: NegotiationWindow, *, shift_days: int | None = None,
                       dismissed: bool | None = None, text: str) -> None:
        before = WindowOverride(shift_days=window.shifted_days, dismissed=window.dismissed)
        after = WindowOverride(
            shift_days=before.shift_days if shift_days is None else shift_days,
            dismissed=before.dismissed if dismissed is None else dismissed)
        if after == before:
            return
        self.failure.hide()
        self.undo_stack.push(WindowOverrideCommand(
            self.journal, self.planner_events, self.events, window.id, before, after,
            text=text.replace("%1", kind_label(window.kind)).replace("%2", short_title(window.event_name))))

    def shift_selected(self, days: int) -> None:
        window = self.selected_window()
        if window is not None:
            self._change_window(window, shift_days=days, text=tr("Move the %1 window for “%2”"))

    def dismiss_selected(self) -> None:
        window = self.selected_window()
        if window is not None:
            self._change_window(window, dismissed=True, text=tr("Dismiss the %1 window for “%2”"))

    def bring_back(self, window_id: str) -> None:
        window = next((w for w in self.dismissed_windows if w.id == window_id), None)
        if window is not None:
            self._change_window(window, dismissed=False,
                                text=tr("Bring back the %1 window for “%2”"))

    def edit_lead_times(self) -> bool:
        current = services.lead_times(self.journal)
        changed = LeadTimesDialog.ask(self, current)
        if changed is None or changed == current:
            return False
        self.undo_stack.push(LeadTimesCommand(self.journal, self.planner_events, self.events,
                                              current, changed))
        return True

    def _settings_changed(self) -> None:
        if self._loaded:
            self.reload_plan()

    def export_calendar(self) -> bool:
        shell = self.window()
        exporter = getattr(shell, "export_calendar", None) if shell is not self else None
        if callable(exporter):  # the window remembers the folder and says what it wrote
            return bool(exporter())
        result = calendar_export.export_calendar(self, self.journal)
        if isinstance(result, str):
            self.failure.show_message(result)
        return isinstance(result, tuple)

    # ================================================================ events

    def _keep_unlisted(self, uid: str, *, reload_editor: bool) -> bool:
        return False  # every event is listed: one not listed is gone

    def _show_uid(self, uid: str | None) -> None:
        record = self._load(uid) if uid else None
        self.editor.load(record)
        self.editor_frame.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None)

    def open_record(self, kind: str, uid: str) -> bool:
        if kind != "cycle_event":
            return False
        self._ensure_loaded()
        row = self.model.row_of_uid(uid)
        if row is None:
            return False
        self.editor.flush()
        self.select_row(row)
        if self.current_uid() != uid:
            self._show_uid(uid)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _edit_text(self, field: str, record: CycleEvent) -> str:
        return tr("Edit %1 of “%2”").replace("%1", field_label(field)).replace(
            "%2", short_title(record.name))

    def new_event(self) -> None:
        self._ensure_loaded()
        self.editor.flush()
        record = CycleEvent(kind=CycleEventKind.PERFORMANCE_REVIEW, name=tr("New event"),
                            date=clock.today())
        self._push(CreateRecordCommand(self.journal, self.events, record, text=tr("New event")))
        if self.current_uid() == record.uid:
            self.editor.name.setFocus()
            self.editor.name.selectAll()

    def delete_current(self) -> None:
        record = self.editor.record
        if record is not None:
            self._delete_after_asking(
                record, record.name, tr("Delete event"),
                tr("The windows it opens go with it. Undo brings it back."))

    def _record_changed(self, change: RecordChange) -> None:
        if not self._loaded:
            return
        if change.kind is not CycleEvent:
            if change.kind in (Opening, Person):  # networking windows and their reasons
                self.reload_plan()
            return
        self.failure.hide()
        mine = self._pushing and not change.replay
        shown = self.current_uid()
        row = max(self.table.currentIndex().row(), 0)
        self.model.reload()
        self._after_events_reload()
        record = change.record
        if record is None:
            self._record_gone(change.uid, shown, row, reload_shown=True)
        elif mine and change.uid == shown:
            assert isinstance(record, CycleEvent)
            self.editor.set_saved(record)
            target = self.model.row_of_uid(change.uid)
            if target is not None:
                self._select_quietly(target)
        elif not mine and not change.replay and change.uid != shown:
            self._reselect(shown, row)
        else:
            self._reselect(change.uid, row)
        self.reload_plan()



