"""The Negotiations page: the plans by meeting date beside the editor of one, and the pay history.

It follows the Achievements page: the editor announces each committed edit, the page
saves it as one command on the shared undo stack, and every change (here, an undo from
the Edit menu, another page) arrives through ``RecordEvents`` and refreshes the page. The
prep sheet of the plan shown prints, previews or exports as PDF from the header.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerdesk import services
from careerdesk.domain.errors import CareerdeskError
from careerdesk.domain.records import (
    Achievement,
    Compensation,
    NegotiationPlan,
    Person,
    Record,
    Target,
)
from careerdesk.reports.evidence import suggest_evidence
from careerdesk.reports.prep import PrintableSheet
from careerdesk.store import achievement_edit, plan_edit
from careerdesk.store.achievement_edit import Choice
from careerdesk.store.database import Journal
from careerdesk.ui import icons, theme
from careerdesk.ui.background import run_in_background
from careerdesk.ui.models.plan_tables import CompensationModel, PayColumn, PlanColumn, PlanListModel
from careerdesk.ui.pages.record_page import (
    NEW_SHORTCUT,
    EditorStack,
    RecordPage,
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
from careerdesk.ui.plan_editor import MERGED_FIELDS, PlanEditor, field_label
from careerdesk.ui.undo import (
    CreateRecordCommand,
    DeleteRecordCommand,
    RecordChange,
    SaveRecordCommand,
)
from careerdesk.ui.widgets.confirm import ConfirmDialog
from careerdesk.ui.widgets.record_table import RecordTable


def tr(text: str) -> str:
    return QCoreApplication.translate("NegotiationsPage", text)


SUGGESTIONS = 8




class NegotiationsPage(RecordPage):
    name = "negotiations"
    title = tr("Negotiations")
    icon_name = "negotiations"
    record_kind = NegotiationPlan
    select_column = PlanColumn.TITLE
    model: PlanListModel
    table: RecordTable
    editor: PlanEditor

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.setAccessibleName(tr("Negotiations"))
        self.plans = PlanListModel(self)
        self.model = self.plans  # the list the shared selection methods look in
        self.pay = CompensationModel(self)
        self._choices_stale = True
        self._preparing = False
        self._build()
        self._listen()

    # ================================================================ building

    def _build(self) -> None:
        layout = page_layout(self)
        layout.addLayout(self._build_header())
        self.failure = problem_label(self)
        self.failure.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.failure)
        self.notice = QLabel(self)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_secondary(self.notice)
        self.notice.setAccessibleName(tr("Last action"))
        self.notice.hide()
        layout.addWidget(self.notice)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Plans and pay history"))
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)

        self.splitter = side_by_side(self)
        self.list_stack = QStackedWidget(self.splitter)
        self.table = record_table(self, self.plans, tr("Negotiation plans"))
        metrics = self.table.fontMetrics()
        self.table.set_columns({
            PlanColumn.MEETING: metrics.horizontalAdvance("28 Sep 2026") + 24,
            PlanColumn.STRATEGY: metrics.horizontalAdvance("Promotion") + 24,
            PlanColumn.STATUS: metrics.horizontalAdvance("Deferred") + 24,
        }, stretch=PlanColumn.TITLE, stretch_minimum=metrics.horizontalAdvance("x") * 18,
            hide_order=(PlanColumn.STRATEGY,))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.delete_requested.connect(self.delete_current)
        self.list_stack.addWidget(self.table)
        self.empty_state = QWidget(self.list_stack)
        empty = QVBoxLayout(self.empty_state)
        empty.addStretch(2)
        text = QLabel(tr("Plan the conversation before you have it: the ask, the evidence, "
                         "the people in the room and what you will settle for."),
                      self.empty_state)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.addWidget(text)
        self.first_plan = QPushButton(tr("Plan your first negotiation"), self.empty_state)
        self.first_plan.setAccessibleName(tr("Plan your first negotiation"))
        self.first_plan.clicked.connect(self.new_plan)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.first_plan)
        row.addStretch(1)
        empty.addLayout(row)
        empty.addStretch(3)
        self.list_stack.addWidget(self.empty_state)

        self.editor_stack = EditorStack(self.splitter)
        self.editor = PlanEditor(self.editor_stack)
        self.editor.edited.connect(self._plan_edited)
        self.editor.add_to_compensation.connect(self.add_outcome_to_compensation)
        self.nothing_selected = self.editor_stack.add_editors(
            self.editor,
            nothing_selected=tr("Select a plan to see it here, or start a new one."),
            minimum_width=460)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([330, 700])  # the editor holds the most
        self.tabs.addTab(self.splitter, tr("Plans"))

        self.pay_table = QTableView(self)
        self.pay_table.setModel(self.pay)
        self.pay_table.setAccessibleName(tr("Pay history"))
        self.pay_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pay_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pay_table.verticalHeader().setVisible(False)
        self.pay_table.setAlternatingRowColors(True)
        self.pay_table.horizontalHeader().setStretchLastSection(True)
        pay_page = QWidget(self)
        pay_layout = QVBoxLayout(pay_page)
        pay_layout.setContentsMargins(0, theme.SPACE_S, 0, 0)
        pay_layout.addWidget(self.pay_table)
        pay_buttons = QHBoxLayout()
        self.delete_pay_button = QPushButton(tr("Delete pay record"), pay_page)
        self.delete_pay_button.setAccessibleName(tr("Delete pay record"))
        self.delete_pay_button.clicked.connect(self.delete_current_pay)
        pay_buttons.addStretch(1)
        pay_buttons.addWidget(self.delete_pay_button)
        pay_layout.addLayout(pay_buttons)
        self.tabs.addTab(pay_page, tr("Pay history"))

        self.new_action = page_shortcut(self, tr("New plan"), NEW_SHORTCUT, self.new_plan)
        tab_order([self.print_button, self.preview_button, self.pdf_button,
                   self.delete_button, self.new_button, self.tabs, self.table,
                   self.editor.title])

    def _button(self, text: str, name: str, tip: str, icon: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        if icon:
            button.setIcon(icons.icon(icon))
        return button

    def _build_header(self) -> QHBoxLayout:
        row, self.count_label = title_row(self, tr("Negotiations"), tr("Number of plans"))
        self.print_button = self._button(tr("Print…"), tr("Print the prep sheet"),
                                         tr("Print the plan's prep sheet"))
        self.print_button.clicked.connect(self.print_sheet)
        self.preview_button = self._button(tr("Preview"), tr("Print preview of the prep sheet"),
                                           tr("See the prep sheet as it will print"))
        self.preview_button.clicked.connect(self.preview_sheet)
        self.pdf_button = self._button(tr("Export PDF…"), tr("Export the prep sheet as PDF"),
                                       tr("Save the prep sheet as a PDF file"), "export")
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.delete_button = self._button(tr("Delete"), tr("Delete plan"),
                                          tr("Delete the selected plan (Delete)"), "delete")
        self.delete_button.clicked.connect(self.delete_current)
        self.new_button = new_button(self, tr("New plan"),
                                     with_keys(tr("New plan (%1)"), NEW_SHORTCUT),
                                     self.new_plan)
        for button in (self.print_button, self.preview_button, self.pdf_button,
                       self.delete_button, self.new_button):
            row.addWidget(button)
        self._enable_plan_actions(False)
        return row

    def _enable_plan_actions(self, on: bool) -> None:
        for button in (self.print_button, self.preview_button, self.pdf_button,
                       self.delete_button):
            button.setEnabled(on)

    # ================================================================ loading

    def _first_load(self) -> None:
        self._load_choices()
        self._reload_lists()
        self._select_first()

    def _reload_all(self) -> None:
        self.editor.flush()
        self._choices_stale = True
        self._load_choices()
        uid = self.current_uid()
        self._reload_lists()
        self._reselect(uid, reload_editor=True)

    def _load_choices(self) -> None:
        if not self._choices_stale:
            return
        self._choices_stale = False
        with self.journal.sessions() as session:
            people = achievement_edit.person_choices(session)
            targets = plan_edit.target_choices(session)
        self.editor.set_choices(people=people, targets=targets,
                                achievements=self._achievement_choices)

    def _achievement_choices(self) -> list[Choice]:
        with self.journal.sessions() as session:
            return plan_edit.achievement_choices(session)

    def _reload_lists(self) -> None:
        with self.journal.sessions() as session:
            self.plans.set_lines(plan_edit.plan_lines(session))
            self.pay.set_records(plan_edit.compensation_history(session))
        count = self.plans.rowCount()
        self.count_label.setText(tr("1 plan") if count == 1 else
                                 tr("%1 plans").replace("%1", str(count)))
        self.list_stack.setCurrentWidget(self.table if count else self.empty_state)
        self.editor_stack.setVisible(count > 0)
        self.pay_table.resizeColumnsToContents()
        self.delete_pay_button.setEnabled(self.pay.rowCount() > 0)

    # ================================================================ selection

    def _keep_unlisted(self, uid: str, *, reload_editor: bool) -> bool:
        return False  # every plan is listed: one not listed is gone

    def _show_uid(self, uid: str | None) -> None:
        plan = self._load(uid) if uid else None
        self._show_plan(plan)

    def _show_plan(self, plan: NegotiationPlan | None) -> None:
        labels = {}
        if plan is not None:
            with self.journal.sessions() as session:
                labels = plan_edit.achievement_lines(session, plan.evidence)
        self.editor.load(plan, labels)
        self._update_suggestions()
        self.editor_stack.show_editor(plan is not None)
        self._enable_plan_actions(plan is not None)

    def _update_suggestions(self) -> None:
        plan = self.editor.record
        if plan is None:
            self.editor.evidence.set_suggestions([])
            return
        with self.journal.sessions() as session:
            self.editor.evidence.set_suggestions(suggest_evidence(session, plan, SUGGESTIONS))

    def open_record(self, kind: str, uid: str) -> bool:
        self._ensure_loaded()
        if kind == "plan":
            row = self.plans.row_of_uid(uid)
            if row is None:
                return False
            self.tabs.setCurrentIndex(0)
            self.editor.flush()
            self.select_row(row)
            if self.current_uid() != uid:
                self._show_uid(uid)
            return True
        if kind == "compensation":
            row = self.pay.row_of_uid(uid)
            if row is None:
                return False
            self.tabs.setCurrentIndex(1)
            self.pay_table.selectRow(row)
            self.pay_table.scrollTo(self.pay.index(row, PayColumn.DATE))
            return True
        return False

    # ================================================================ editing

    def _plan_edited(self, field: str, after: object) -> None:
        """The editor committed ``field``, and built the plan with it (``after``)."""
        before = self.editor.record
        if before is None or not isinstance(after, NegotiationPlan) or after == before:
            return
        self.failure.hide()
        self._push(SaveRecordCommand(
            self.journal, self.events, before, after, field=field,
            merge=field in MERGED_FIELDS,
            text=tr("Edit %1 of “%2”").replace("%1", field_label(field))
            .replace("%2", short_title(after.title))))

    def new_plan(self) -> None:
        self._ensure_loaded()
        self.editor.flush()
        self.tabs.setCurrentIndex(0)
        plan = plan_edit.new_plan(tr("New negotiation"))
        self._push(CreateRecordCommand(self.journal, self.events, plan, text=tr("New plan")))
        if self.current_uid() == plan.uid:
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def delete_current(self) -> None:
        plan = self.editor.record
        if plan is not None:
            self._delete_after_asking(plan, plan.title, tr("Delete plan"),
                                      tr("Undo brings it back."))

    def delete_current_pay(self) -> None:
        row = self.pay_table.currentIndex().row()
        if not 0 <= row < self.pay.rowCount():
            return
        record = self.pay.records[row]
        if not ConfirmDialog.ask(self, tr("Delete pay record"),
                                 tr("Delete the pay record of %1?").replace(
                                     "%1", record.date.isoformat()),
                                 tr("Delete"), tr("Undo brings it back.")):
            return
        self._push(DeleteRecordCommand(self.journal, self.events, Compensation, record.uid,
                                       text=tr("Delete pay record")))

    def add_outcome_to_compensation(self) -> None:
        """What the meeting granted, as a pay record, in one undoable step."""
        plan = self.editor.record
        if plan is None:
            return
        try:
            record = plan_edit.compensation_from_outcome(plan, date.today())
        except plan_edit.NothingGranted as error:
            self.failure.show_message(str(error)[:1].upper() + str(error)[1:] + ".")
            return
        self._push(CreateRecordCommand(self.journal, self.events, record,
                                       text=tr("Add to compensation history")))
        self.notice.setText(tr("Added to the pay history: %1, %2").replace(
            "%1", record.date.isoformat()).replace("%2", record.title or ""))
        self.notice.show()

    # ================================================================ printing

    def _sheet(self) -> PrintableSheet | None:
        """The sheet of the plan shown, built here and now (the printer tests use it)."""
        plan = self.editor.record
        if plan is None:
            return None
        self.editor.flush()
        try:
            return services.prep_sheet(self.journal, plan.uid, date.today())
        except CareerdeskError as error:
            self.failure.show_message(str(error))
            return None

    def _with_sheet(self, then: Callable[[PrintableSheet], object]) -> None:
        """Builds the sheet off the main thread (the chart takes a moment), then ``then``.

        Printing itself stays on the main thread: dialogs and the text layout belong there.
        """
        plan = self.editor.record
        if plan is None or self._preparing:
            return
        self.editor.flush()
        self._preparing = True
        self._enable_plan_actions(False)
        self.notice.setText(tr("Preparing the prep sheet…"))
        self.notice.show()
        journal, uid, today = self.journal, plan.uid, date.today()

        def done(sheet: object) -> None:
            self._prepared()
            assert isinstance(sheet, PrintableSheet)
            self.notice.hide()
            then(sheet)

        def failed(message: str) -> None:
            self._prepared()
            self.notice.hide()
            self.failure.show_message(message)

        run_in_background(lambda: services.prep_sheet(journal, uid, today), self,
                          on_success=done, on_failure=failed)

    def _prepared(self) -> None:
        self._preparing = False
        self._enable_plan_actions(self.editor.record is not None)

    def print_sheet(self) -> None:
        from careerdesk.ui.printing import print_with_dialog

        self._with_sheet(lambda sheet: print_with_dialog(sheet, self))

    def preview_sheet(self) -> None:
        from careerdesk.ui.printing import preview_dialog

        self._with_sheet(lambda sheet: preview_dialog(sheet, self).exec())

    def choose_pdf(self) -> None:
        plan = self.editor.record
        if plan is None:
            return
        suggested = str(Path.home() / f"{plan.title}.pdf".replace("/", "-"))
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the prep sheet"), suggested,
                                              tr("PDF files (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Writes the prep sheet to ``path``; the notice line says when it is done."""
        self._with_sheet(lambda sheet: self._write_pdf(sheet, path))

    def _write_pdf(self, sheet: PrintableSheet, path: Path) -> None:
        from careerdesk.ui.printing import write_pdf

        try:
            pages = write_pdf(sheet, path)
        except OSError as error:
            self.failure.show_message(tr("Could not write %1: %2").replace("%1", str(path))
                                      .replace("%2", error.strerror or str(error)))
            return
        self.notice.setText(tr("Saved the prep sheet (%1 pages) to %2").replace(
            "%1", str(pages)).replace("%2", str(path)))
        self.notice.show()

    # ================================================================ changes

    def _record_changed(self, change: RecordChange) -> None:
        if change.kind in (Person, Target, Achievement):
            self._choices_stale = True
            if self._loaded and self.isVisible():
                self._load_choices()
            return
        if change.kind is Compensation and self._loaded:
            self._reload_lists()
            return
        if change.kind is not NegotiationPlan or not self._loaded:
            return
        self.failure.hide()
        mine = self._pushing and not change.replay
        shown = self.current_uid()
        row = max(self.table.currentIndex().row(), 0)
        self._reload_lists()
        record: Record | None = change.record
        if record is None:
            if change.uid == shown or shown is None:
                self.editor.record = None
                self._reselect(None, reload_editor=True, fallback_row=row)
            else:
                self._reselect(shown, reload_editor=False)
            return
        assert isinstance(record, NegotiationPlan)
        if mine and change.uid == shown:
            self.editor.set_saved(record)
            if change.field == "evidence":
                self._update_suggestions()
            self._reselect(change.uid, reload_editor=False)
            return
        if not mine and not change.replay and change.uid != shown:
            self._reselect(shown, reload_editor=False)
            return
        target = self.plans.row_of_uid(change.uid)
        if target is not None:
            self._select_quietly(target)
        self._show_plan(record)

