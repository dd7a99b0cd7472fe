"""The Skills part of the Growth page: the portfolio (every skill, its level, its
evidence) beside the details of one skill, where it is renamed, levelled or merged.

A skill that nothing backs up says so in words and with a warning mark, and a filter
shows only those. Every change is an undo step (``ui/skill_undo.py``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.records import Skill
from careerdesk.store import skills as skill_store
from careerdesk.store.database import Journal
from careerdesk.store.skills import EvidenceKind, PortfolioLine
from careerdesk.ui import theme
from careerdesk.ui.achievement_editor import _heading, _hint
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.models.growth_tables import SkillColumn, SkillTableModel, evidence_text
from careerdesk.ui.pages.record_page import (
    ListStack,
    problem_label,
    record_table,
    search_box,
    select_row,
    side_by_side,
    tab_order,
)
from careerdesk.ui.skill_undo import MergeSkillsCommand, RenameSkillCommand, SaveSkillCommand
from careerdesk.ui.undo import RecordEvents
from careerdesk.ui.widgets.confirm import ConfirmDialog
from careerdesk.ui.widgets.marks import WarningLabel, warning_border


def tr(text: str) -> str:
    return QCoreApplication.translate("SkillsPanel", text)


KIND_ROLE = Qt.ItemDataRole.UserRole + 1
UID_ROLE = Qt.ItemDataRole.UserRole + 2


class SkillsPanel(QWidget):
    record_requested = Signal(str, str)

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.undo_stack = undo_stack
        self.events = RecordEvents.of(undo_stack)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.model = SkillTableModel(warning, self)
        self.loaded = False
        self._quiet = False
        self.current: PortfolioLine | None = None
        self._follow: str | None = None  # the name to select after a rename or a merge
        self._build()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, theme.SPACE_M, 0, 0)
        layout.setSpacing(theme.SPACE_M)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        self.search = search_box(self, tr("Search skills…"), tr("Search skills"))
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        bar.addWidget(self.search, 2)
        self.category_filter = QComboBox(self)
        self.category_filter.setAccessibleName(tr("Filter by category"))
        self.category_filter.activated.connect(lambda _i: self.apply_filter())
        bar.addWidget(self.category_filter)
        self.no_evidence_only = QCheckBox(tr("No evidence only"), self)
        self.no_evidence_only.setAccessibleName(tr("Only skills with no evidence"))
        self.no_evidence_only.setToolTip(tr("Skills that no achievement or experience names"))
        self.no_evidence_only.toggled.connect(lambda _on: self.apply_filter())
        bar.addWidget(self.no_evidence_only)
        bar.addStretch(1)
        self.summary = QLabel(self)
        theme.set_secondary(self.summary)
        self.summary.setAccessibleName(tr("Skills summary"))
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.failure = problem_label(self)
        layout.addWidget(self.failure)

        self.splitter = side_by_side(self)
        self.list_stack = ListStack(self.splitter)
        self.table = record_table(self.list_stack, self.model, tr("Skills portfolio"))
        metrics = self.table.fontMetrics()
        self.table.set_columns({
            SkillColumn.CATEGORY: metrics.horizontalAdvance("Communication") + 24,
            SkillColumn.LEVEL: metrics.horizontalAdvance("●●●●●  5") + 24,
            SkillColumn.EVIDENCE: metrics.horizontalAdvance("No evidence") + 48,
            SkillColumn.LAST_SHOWN: metrics.horizontalAdvance("28 Sep 2025") + 24,
        }, stretch=SkillColumn.NAME, stretch_minimum=metrics.horizontalAdvance("x") * 18,
            hide_order=(SkillColumn.CATEGORY, SkillColumn.LAST_SHOWN))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.list_stack.add_list(self.table)
        self.empty_state = self.list_stack.add_empty_state(
            tr("Your skills go here, each backed by the achievements and experiences that "
               "show it. Name a skill on an achievement or an experience to add it."),
            tr("Go to Achievements"), lambda: self.record_requested.emit("page", "achievements"))
        self.no_match = self.list_stack.add_no_match(tr("No skill matches."), self.clear_filter)
        self.details = self._build_details(self.splitter)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 420])
        layout.addWidget(self.splitter, 1)
        tab_order([self.search, self.category_filter, self.no_evidence_only, self.table,
                   self.name, self.category, self.level, self.evidence, self.merge_target,
                   self.merge_button])

    def _build_details(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        box.setMinimumWidth(360)
        outer = QVBoxLayout(box)
        outer.setContentsMargins(20, 4, 8, 8)
        outer.setSpacing(6)
        self.name = QLineEdit(box)
        self.name.setAccessibleName(tr("Skill name"))
        self.name.setToolTip(tr("Rename the skill: every achievement and experience naming it "
                                "follows"))
        self.name.setFont(theme.font_for(theme.TextRole.SECTION))
        self.name.editingFinished.connect(self._rename)
        outer.addWidget(self.name)
        self.name_problem = WarningLabel(box)
        outer.addWidget(self.name_problem)
        self.status = QLabel(box)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Evidence status"))
        outer.addWidget(self.status)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.category = QLineEdit(box)
        self.category.setAccessibleName(tr("Category"))
        self.category.setPlaceholderText(tr("Analytics, Leadership…"))
        self.category.editingFinished.connect(lambda: self._save_field("category"))
        self._category_completer = QCompleter([], self)
        self._category_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.category.setCompleter(self._category_completer)
        self.level = QSpinBox(box)
        self.level.setAccessibleName(tr("Level"))
        self.level.setRange(0, 5)
        self.level.setSpecialValueText(tr("Not set"))
        self.level.setSuffix(tr(" of 5"))
        self.level.setToolTip(tr("Your level today: 1 beginner, 5 expert"))
        self.level.editingFinished.connect(lambda: self._save_field("level"))
        self.level.valueChanged.connect(lambda _v: self._level_stepped())
        for label, widget in ((tr("Category"), self.category), (tr("Level"), self.level)):
            caption = QLabel(label, box)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        outer.addLayout(form)
        outer.addWidget(_heading(tr("Evidence"), box))
        outer.addWidget(_hint(tr("Every achievement and experience that names this skill. "
                                 "Double-click or press Enter to open one."), box))
        self.evidence = QListWidget(box)
        self.evidence.setAccessibleName(tr("Evidence"))
        self.evidence.itemActivated.connect(self._open_evidence)
        self.evidence.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evidence.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.evidence.setSpacing(2)
        outer.addWidget(self.evidence, 1)
        self.no_evidence_room = QWidget(box)  # keeps Merge at the bottom when the list hides
        outer.addWidget(self.no_evidence_room, 1)
        outer.addWidget(_heading(tr("Merge"), box))
        outer.addWidget(_hint(tr("Two names for one skill? Merge this one into the other: "
                                 "its links move over, the higher level is kept."), box))
        row = QHBoxLayout()
        self.merge_target = QComboBox(box)
        self.merge_target.setAccessibleName(tr("Merge into"))
        row.addWidget(self.merge_target, 1)
        self.merge_button = QPushButton(tr("Merge…"), box)
        self.merge_button.setAccessibleName(tr("Merge skills"))
        self.merge_button.clicked.connect(self.merge_current)
        row.addWidget(self.merge_button)
        outer.addLayout(row)
        return box

    # ------------------------------------------------------------ loading

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.reload()
            if self.model.rowCount():
                self.select_row(0)

    def reload(self) -> None:
        name = self._follow or (self.current.name if self.current else None)
        self._follow = None
        with self.journal.sessions() as session:
            lines = skill_store.portfolio(session, date.today())
            categories = skill_store.categories(session)
        self.model.set_lines(lines)
        self._category_completer.model().setStringList(categories)  # type: ignore[attr-defined]
        chosen = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(tr("All categories"), None)
        for category in categories:
            self.category_filter.addItem(category, category)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(chosen), 0))
        self.category_filter.blockSignals(False)
        self.model.set_filter(self.search.text(), self.category_filter.currentData(),
                              self.no_evidence_only.isChecked())
        without = sum(not x.has_evidence for x in lines)
        self.summary.setText(
            tr("%1 skills · %2 without evidence").replace("%1", str(len(lines)))
            .replace("%2", str(without)))
        self._after_filter()
        self.merge_target.clear()
        for line in lines:
            self.merge_target.addItem(line.name, line.name)
        self._reselect(name)

    def _after_filter(self) -> None:
        self.list_stack.show_state(listed=self.model.rowCount() > 0,
                                   empty=not self.model.all_lines)
        self.details.setVisible(self.model.rowCount() > 0)

    def apply_filter(self) -> None:
        name = self.current.name if self.current else None
        self.model.set_filter(self.search.text(), self.category_filter.currentData(),
                              self.no_evidence_only.isChecked())
        self._after_filter()
        self._reselect(name)

    def clear_filter(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.category_filter.setCurrentIndex(0)
        self.no_evidence_only.blockSignals(True)
        self.no_evidence_only.setChecked(False)
        self.no_evidence_only.blockSignals(False)
        self.apply_filter()

    # ------------------------------------------------------------ selection

    def row_of_name(self, name: str) -> int | None:
        folded = name.casefold()
        return next((i for i, x in enumerate(self.model.lines) if x.name.casefold() == folded),
                    None)

    def _reselect(self, name: str | None) -> None:
        row = self.row_of_name(name) if name else None
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is None:
            self.show_line(None)
        else:
            self.select_row(row)
            self.show_line(self.model.line(row))

    def select_row(self, row: int) -> None:
        self._quiet = True  # the details are shown below, once
        try:
            selected = select_row(self.table, row, SkillColumn.NAME)
        finally:
            self._quiet = False
        if selected:
            self.show_line(self.model.line(row))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.show_line(self.model.line(current.row()))

    def show_line(self, line: PortfolioLine | None) -> None:
        self.current = line
        if line is None:
            return
        self.name.blockSignals(True)
        self.name.setText(line.name)
        self.name.blockSignals(False)
        self._show_name_problem("")
        self.category.setText(line.category or "")
        self.level.blockSignals(True)
        self.level.setValue(line.level or 0)
        self.level.blockSignals(False)
        if line.has_evidence:
            shown = date_text(line.last_shown) if line.last_shown else ""
            self.status.setText(tr("%1 pieces of evidence; last shown %2.")
                                .replace("%1", str(line.evidence)).replace("%2", shown)
                                if line.evidence != 1 else
                                tr("1 piece of evidence; last shown %1.").replace("%1", shown))
            self.status.setStyleSheet("")
        else:
            self.status.setText("⚠ " + tr("No evidence yet: no achievement or experience names "
                                          "this skill. Name it on a win to back it up."))
            self.status.setStyleSheet(f"color: {theme.warning_colour().name()};")
        with self.journal.sessions() as session:
            found = skill_store.evidence(session, line.name)
        self.evidence.clear()
        for item in found:
            if item.kind == EvidenceKind.ACHIEVEMENT:
                when, what = date_text(item.date), tr("Achievement")
            else:
                end = tr("ongoing") if item.ongoing else date_text(item.end)
                when, what = f"{date_text(item.date)} – {end}", tr("Experience")
            entry = QListWidgetItem(f"{what} · {when}\n{item.title}", self.evidence)
            entry.setData(KIND_ROLE, item.kind.value)
            entry.setData(UID_ROLE, item.uid)
            entry.setToolTip(item.title)
        self.evidence.setVisible(bool(found))
        self.no_evidence_room.setVisible(not found)
        self.merge_target.blockSignals(True)
        for i in range(self.merge_target.count()):
            self.merge_target.model().item(i).setEnabled(  # type: ignore[attr-defined]
                self.merge_target.itemData(i) != line.name)
        if self.merge_target.currentData() == line.name:
            self.merge_target.setCurrentIndex(0 if self.merge_target.currentIndex() else
                                              min(1, self.merge_target.count() - 1))
        self.merge_target.blockSignals(False)
        self.merge_button.setEnabled(self.merge_target.count() > 1)

    def open(self, uid: str) -> bool:
        self.ensure_loaded()
        row = next((i for i, x in enumerate(self.model.lines) if x.uid == uid), None)
        if row is None:
            self.clear_filter()
            row = next((i for i, x in enumerate(self.model.lines) if x.uid == uid), None)
        if row is None:
            return False
        self.select_row(row)
        return True

    def _open_evidence(self, item: QListWidgetItem) -> None:
        self.record_requested.emit(item.data(KIND_ROLE), item.data(UID_ROLE))

    # ------------------------------------------------------------ editing

    def _level_stepped(self) -> None:
        if not self.level.hasFocus():  # set by the program, or a wheel without focus
            self._save_field("level")

    def _save_field(self, field: str) -> None:
        line = self.current
        if line is None:
            return
        before = Skill(name=line.name, category=line.category, level=line.level)
        after = Skill(name=line.name, category=self.category.text().strip() or None,
                      level=self.level.value() or None)
        if after == before:
            return
        self.failure.hide()
        self.undo_stack.push(SaveSkillCommand(
            self.journal, self.events, before, after, field=field,
            text=tr("Edit %1 of skill “%2”").replace("%1", tr(field)).replace("%2", line.name)))

    def _show_name_problem(self, text: str) -> None:
        self.name_problem.show_message(text)
        warning_border(self.name, bool(text))

    def _rename(self) -> None:
        line = self.current
        if line is None:
            return
        new = self.name.text().strip()
        if new == line.name:
            self._show_name_problem("")
            return
        if not new:
            self._show_name_problem(tr("A skill needs a name; the saved one is kept."))
            return
        clash = next((x for x in self.model.all_lines
                      if x.name.casefold() == new.casefold() and x.uid != line.uid), None)
        if clash is not None:
            self._show_name_problem(
                tr("“%1” is another skill. To make them one, merge this skill into it "
                   "below.").replace("%1", clash.name))
            self.merge_target.setCurrentIndex(max(self.merge_target.findData(clash.name), 0))
            return
        self._show_name_problem("")
        self._follow = new
        self.undo_stack.push(RenameSkillCommand(self.journal, self.events, line.name, new))

    def merge_current(self) -> None:
        line = self.current
        target = self.merge_target.currentData()
        if line is None or not target or target == line.name:
            return
        if not ConfirmDialog.ask(
                self, tr("Merge Skills"),
                tr("Merge “%1” into “%2”?").replace("%1", line.name).replace("%2", target),
                tr("Merge"),
                tr("Every achievement, experience and target naming “%1” will name “%2”, "
                   "and “%1” goes. Undo takes it back.").replace("%1", line.name)
                .replace("%2", target)):
            return
        self._follow = target
        self.undo_stack.push(MergeSkillsCommand(self.journal, self.events, line.name, target))

    def show_failure(self, message: str) -> None:
        self.failure.show_message(message)


__all__ = ["SkillsPanel", "evidence_text"]
