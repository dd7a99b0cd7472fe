"""The editors of the Pathways page: a target with its required skills and gap view, and
an opening with its pipeline, dates, hiring manager and availability.

Both only show and read fields and emit ``edited(field)``; the page saves through the
undo stack, as for achievements.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.enums import Availability, OpeningStatus, TargetPath, TargetStatus
from careerdesk.domain.records import Opening, RequiredSkill, Target
from careerdesk.store.achievement_edit import Choice
from careerdesk.store.pathways_list import CLOSING_SOON_DAYS, OUTCOMES, PIPELINE, next_status
from careerdesk.store.skill_gaps import Evidence, GapStatus, SkillGap, coverage
from careerdesk.ui import icons, theme
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.models.choice_list import ChoiceListModel
from careerdesk.ui.models.pathways_tables import (
    days_left_text,
    opening_status_label,
    path_label,
    target_status_label,
)
from careerdesk.ui.people_editor import heading
from careerdesk.ui.widgets.editor_form import (
    field_grid,
    scroll_body,
    select_data,
    show_saved_text,
    title_field,
)
from careerdesk.ui.widgets.flow_layout import FlowLayout
from careerdesk.ui.widgets.marks import WarningLabel, warning_border
from careerdesk.ui.widgets.optional_date import OptionalDateEdit
from careerdesk.ui.widgets.plain_tip import plain_tip
from careerdesk.ui.widgets.stance import availability_label, availability_mark, warning_mark
from careerdesk.ui.widgets.text_edits import CommitTextEdit
from careerdesk.ui.widgets.token_editor import TagEditor


def tr(text: str) -> str:
    return QCoreApplication.translate("PathwaysEditors", text)


FIELD_LABELS = {"title": "title", "path": "path", "department": "department", "level": "level",
                "status": "status", "required_skills": "required skills", "notes": "notes",
                "tags": "tags", "posted": "posted date", "closes": "closing date",
                "hiring_manager": "hiring manager", "target": "target",
                "availability": "availability", "reference": "reference"}
MERGED_FIELDS = frozenset({"notes"})


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field, field))


def month_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "MMM yyyy")


def gap_label(status: GapStatus) -> str:
    return {GapStatus.COVERED: tr("Covered"), GapStatus.BELOW: tr("Below level"),
            GapStatus.MISSING: tr("Missing")}[status]


class _Form(QScrollArea):
    """The scrolling body the two editors share, and the commit signal."""

    edited = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.body, self.outer = scroll_body(self, name, (16, 4, 16, 16))

    def _title_field(self, placeholder: str) -> tuple[QLineEdit, WarningLabel]:
        return title_field(self.body, self.outer, placeholder, tr("Title"))

    def _grid(self, fields: Sequence[tuple[str, QWidget]], columns: int = 2) -> QGridLayout:
        grid = field_grid()
        for i, (label, widget) in enumerate(fields):
            row, column = divmod(i, columns)
            caption = QLabel(label, self.body)
            caption.setBuddy(widget)
            widget.setMinimumWidth(70)
            if isinstance(widget, QComboBox):
                widget.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(8)
            grid.addWidget(caption, row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        if columns > 1:
            grid.setColumnStretch(3, 1)
        self.outer.addLayout(grid)
        return grid

    def _commit(self, field: str) -> None:
        if not self._loading and self._has_record():
            self.edited.emit(field)

    def _has_record(self) -> bool:
        return False


# ====================================================================== required skills


class _SkillRow(QWidget):
    def __init__(self, editor: RequiredSkillsEditor) -> None:
        super().__init__(editor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(tr("Required skill"))
        self.name.setPlaceholderText(tr("Skill"))
        self.name.setCompleter(editor.completer_for(self.name))
        self.level = QComboBox(self)
        self.level.setAccessibleName(tr("Required level"))
        self.level.addItem(tr("Any level"), None)
        for value in range(1, 6):
            self.level.addItem(tr("Level %1").replace("%1", str(value)), value)
        self.remove = QToolButton(self)
        self.remove.setIcon(icons.icon("close"))
        self.remove.setAutoRaise(True)
        self.remove.setToolTip(tr("Remove this skill"))
        self.remove.setAccessibleName(tr("Remove this skill"))
        layout.addWidget(self.name, 1)
        layout.addWidget(self.level)
        layout.addWidget(self.remove)
        self.name.editingFinished.connect(editor.committed)
        self.level.activated.connect(lambda _i: editor.committed.emit())
        self.remove.clicked.connect(lambda: editor.remove_row(self))


class RequiredSkillsEditor(QWidget):
    """A small table of skill and level; ``committed`` when a row is done or removed."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Required skills"))
        self.rows: list[_SkillRow] = []
        self._names = QStringListModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)
        layout.addLayout(self.rows_box)
        self.problem = WarningLabel(self)
        layout.addWidget(self.problem)
        self.add_button = QPushButton(icons.icon("add"), tr("Add required skill"), self)
        self.add_button.setAccessibleName(tr("Add required skill"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def completer_for(self, parent: QWidget) -> QCompleter:
        completer = QCompleter(self._names, parent)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        return completer

    def set_skill_names(self, names: Sequence[str]) -> None:
        self._names.setStringList(list(names))

    def set_skills(self, skills: Sequence[RequiredSkill]) -> None:
        while len(self.rows) > len(skills):
            self._drop(self.rows[-1])
        while len(self.rows) < len(skills):
            self._append()
        for row, skill in zip(self.rows, skills, strict=True):
            row.name.setText(skill.name)
            select_data(row.level, skill.level)
        self.problem.hide()

    def add_row(self) -> None:
        row = self._append()
        row.name.setFocus()

    def remove_row(self, row: _SkillRow) -> None:
        self._drop(row)
        self.committed.emit()

    def _append(self) -> _SkillRow:
        row = _SkillRow(self)
        self.rows_box.addWidget(row)
        self.rows.append(row)
        return row

    def _drop(self, row: _SkillRow) -> None:
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()

    def skills(self) -> list[RequiredSkill] | None:
        """The listed skills (rows without a name are not yet skills), or ``None`` when one
        is listed twice (the problem shown)."""
        found: list[RequiredSkill] = []
        seen: set[str] = set()
        for row in self.rows:
            name = row.name.text().strip()
            warning_border(row.name, False)
            if not name:
                continue
            if name.casefold() in seen:
                self.problem.show_message(tr("“%1” is listed twice.").replace("%1", name))
                warning_border(row.name, True)
                return None
            seen.add(name.casefold())
            found.append(RequiredSkill(name=name, level=row.level.currentData()))
        self.problem.hide()
        return found


# ====================================================================== targets


class TargetEditor(_Form):
    """Every field of a target, and how the skills portfolio compares with it."""

    evidence_opened = Signal(str, str)  # kind, uid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Target editor"), parent)
        self.record: Target | None = None
        self.title, self.title_problem = self._title_field(tr("The role you aim for"))
        self.path = QComboBox(self.body)
        self.path.setAccessibleName(tr("Path"))
        for path in TargetPath:
            self.path.addItem(path_label(path), path.value)
        self.path.setToolTip(tr("Promotion: up in your department. Lateral: a move to "
                                "another role or department."))
        self.status = QComboBox(self.body)
        self.status.setAccessibleName(tr("Status"))
        for status in TargetStatus:
            self.status.addItem(target_status_label(status), status.value)
        self.department = QLineEdit(self.body)
        self.department.setAccessibleName(tr("Department"))
        self.level = QLineEdit(self.body)
        self.level.setAccessibleName(tr("Level"))
        self.level.setPlaceholderText(tr("e.g. L5"))
        self._grid(((tr("Path"), self.path), (tr("Status"), self.status),
                    (tr("Department"), self.department), (tr("Level"), self.level)))

        self.outer.addWidget(heading(tr("Required skills"), self.body))
        self.skills = RequiredSkillsEditor(self.body)
        self.outer.addWidget(self.skills)

        self.gap_heading = heading(tr("Your skills against it"), self.body)
        self.outer.addWidget(self.gap_heading)
        self.gap_summary = QLabel(self.body)
        self.gap_summary.setWordWrap(True)
        self.gap_summary.setAccessibleName(tr("Skill gap summary"))
        self.outer.addWidget(self.gap_summary)
        self.gaps = QTreeWidget(self.body)
        self.gaps.setAccessibleName(tr("Skill gaps and evidence"))
        self.gaps.setHeaderLabels([tr("Skill"), tr("Where you stand")])
        self.gaps.setRootIsDecorated(True)
        self.gaps.setUniformRowHeights(True)
        self.gaps.setMinimumHeight(220)
        gap_header = self.gaps.header()
        gap_header.setStretchLastSection(False)
        gap_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        gap_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        gap_header.resizeSection(1, self.fontMetrics().horizontalAdvance(
            "Sep 2026 to Oct 2026") + 40)
        self.gaps.setToolTip(tr("Enter or double-click on evidence opens it"))
        self.gaps.itemActivated.connect(self._evidence_activated)
        self.gaps.itemExpanded.connect(self._gap_expanded)
        # Evidence of a collapsed skill, by its name (listed once), until first expanded.
        self._unlisted: dict[str, Sequence[Evidence]] = {}
        self.outer.addWidget(self.gaps)

        self.outer.addWidget(heading(tr("Tags"), self.body))
        self.tags = TagEditor(self.body)
        self.outer.addWidget(self.tags)
        self.outer.addWidget(heading(tr("Notes"), self.body))
        self.notes = CommitTextEdit(self.body, lines=4)
        self.notes.setAccessibleName(tr("Notes"))
        self.outer.addWidget(self.notes)
        self.outer.addStretch(1)

        self.title.editingFinished.connect(lambda: self._commit("title"))
        self.path.activated.connect(lambda _i: self._commit("path"))
        self.status.activated.connect(lambda _i: self._commit("status"))
        self.department.editingFinished.connect(lambda: self._commit("department"))
        self.level.editingFinished.connect(lambda: self._commit("level"))
        self.skills.committed.connect(lambda: self._commit("required_skills"))
        self.tags.changed.connect(lambda: self._commit("tags"))
        self.notes.committed.connect(lambda: self._commit("notes"))
        chain: list[QWidget] = [self.title, self.path, self.status, self.department, self.level,
                                self.skills.add_button, self.gaps, self.tags.input, self.notes]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _has_record(self) -> bool:
        return self.record is not None

    def set_choices(self, *, skills: Sequence[str], tags: Sequence[str]) -> None:
        self.skills.set_skill_names(skills)
        self.tags.set_choices(tags)

    def load(self, record: Target | None) -> None:
        self.record = record
        if record is None:
            return
        self._loading = True
        try:
            for edit, value in ((self.title, record.title),
                                (self.department, record.department or ""),
                                (self.level, record.level or "")):
                show_saved_text(edit, value)
            select_data(self.path, record.path.value)
            select_data(self.status, record.status.value)
            self.skills.set_skills(record.required_skills)
            self.tags.set_values(record.tags)
            self.notes.set_text(record.notes or "")
            self.title_problem.hide()
            warning_border(self.title, False)
        finally:
            self._loading = False

    def set_saved(self, record: Target) -> None:
        self.record = record

    def flush(self) -> None:
        self.notes.flush()

    def build(self) -> Target | None:
        if self.record is None:
            return None
        title = self.title.text().strip()
        self.title_problem.show_message("" if title else tr(
            "A target needs a title; the saved one is kept until you type a new one."))
        warning_border(self.title, not title)
        skills = self.skills.skills()
        if not title or skills is None:
            return None
        notes = self.notes.text()
        return dataclasses.replace(
            self.record, title=title, path=TargetPath(self.path.currentData()),
            status=TargetStatus(self.status.currentData()),
            department=self.department.text().strip() or None,
            level=self.level.text().strip() or None, required_skills=skills,
            tags=self.tags.values(), notes=notes if notes.strip() else None)

    def show_gaps(self, gaps: Sequence[SkillGap]) -> None:
        """The gap view: each required skill's status in words, with its evidence below."""
        self.gaps.clear()
        self._unlisted.clear()
        if not gaps:
            self.gap_summary.setText(tr("List the skills this role asks for to see how yours "
                                        "compare."))
            self.gaps.hide()
            return
        self.gaps.show()
        counts = {s: sum(1 for g in gaps if g.status is s) for s in GapStatus}
        share = coverage(list(gaps)) or 0.0
        self.gap_summary.setText(
            tr("%1 covered, %2 below level, %3 missing: %4 % of the required levels.")
            .replace("%1", str(counts[GapStatus.COVERED]))
            .replace("%2", str(counts[GapStatus.BELOW]))
            .replace("%3", str(counts[GapStatus.MISSING]))
            .replace("%4", str(round(share * 100))))
        for gap in gaps:
            if gap.status is GapStatus.COVERED:
                where = tr("Covered: level %1 of %2").replace("%1", str(gap.level)).replace(
                    "%2", str(gap.required))
            elif gap.status is GapStatus.BELOW:
                where = tr("Below level: %1 of %2").replace("%1", str(gap.level)).replace(
                    "%2", str(gap.required))
            else:
                where = tr("Missing: needs level %1").replace("%1", str(gap.required))
            item = QTreeWidgetItem([gap.name, where])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{gap.name}: {where}")
            if gap.status is GapStatus.COVERED:
                item.setIcon(1, availability_mark(Availability.CONFIRMED_OPEN))
            else:
                item.setIcon(1, warning_mark())
                item.setForeground(1, theme.warning_colour())
            if not gap.evidence:
                child = QTreeWidgetItem([tr("No evidence yet"), ""])
                child.setForeground(0, theme.tone("secondary_text"))
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.addChild(child)
            self.gaps.addTopLevelItem(item)
            if gap.status is GapStatus.COVERED and gap.evidence:
                # Shown collapsed: its evidence (hundreds of items on a large journal) is
                # added when it is first expanded.
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                self._unlisted[gap.name] = gap.evidence
            else:
                self._add_evidence(item, gap.evidence)
                item.setExpanded(True)

    def _add_evidence(self, item: QTreeWidgetItem, found: Sequence[Evidence]) -> None:
        icon = {"experience": icons.icon("growth"), "achievement": icons.icon("achievements")}
        children = []
        for evidence in found:
            if evidence.kind == "experience":
                what = tr("Experience")
                when = tr("%1 to %2").replace("%1", month_text(evidence.date)).replace(
                    "%2", month_text(evidence.end) if evidence.end else tr("now"))
            else:
                what, when = tr("Achievement"), date_text(evidence.date)
            child = QTreeWidgetItem([evidence.title, when])
            child.setIcon(0, icon[evidence.kind])
            tip = plain_tip(f"{what}: {evidence.title}\n{when}")
            child.setToolTip(0, tip)
            child.setToolTip(1, tip)
            child.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                          f"{what}: {evidence.title}, {when}")
            child.setData(0, Qt.ItemDataRole.UserRole, (evidence.kind, evidence.uid))
            children.append(child)
        item.addChildren(children)

    def _gap_expanded(self, item: QTreeWidgetItem) -> None:
        found = self._unlisted.pop(item.text(0), None) if item.parent() is None else None
        if found is not None:
            item.setChildIndicatorPolicy(
                QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless)
            self._add_evidence(item, found)

    def _evidence_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        found = item.data(0, Qt.ItemDataRole.UserRole)
        if found:
            kind, uid = found
            self.evidence_opened.emit(kind, uid)


# ====================================================================== openings


class StatusSteps(QWidget):
    """The pipeline as steps (the current one marked), the outcomes beside them, and the
    next step one click away."""

    chosen = Signal(str)  # an OpeningStatus value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Opening status"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        holder = QWidget(self)
        steps = FlowLayout(holder, spacing=4)
        self.buttons: dict[OpeningStatus, QToolButton] = {}
        for status in (*PIPELINE, *OUTCOMES):
            button = QToolButton(holder)
            button.setText(opening_status_label(status))
            button.setCheckable(True)
            button.setAutoExclusive(False)
            button.setAccessibleName(tr("Status: %1").replace("%1", opening_status_label(status)))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setStyleSheet(
                "QToolButton { border: 1px solid palette(mid); border-radius: 9px;"
                " padding: 2px 6px; }"
                "QToolButton:checked { background: palette(highlight);"
                " color: palette(highlighted-text); border-color: palette(highlight); }"
                "QToolButton:focus { border: 1px solid palette(highlight); }")
            button.clicked.connect(lambda _on=False, s=status: self.chosen.emit(s.value))
            steps.addWidget(button)
            self.buttons[status] = button
        layout.addWidget(holder)
        row = QHBoxLayout()
        self.next_button = QPushButton(self)
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self._next)
        row.addWidget(self.next_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = OpeningStatus.WATCHING

    def set_status(self, status: OpeningStatus) -> None:
        self.status = status
        reached = PIPELINE.index(status) if status in PIPELINE else len(PIPELINE)
        for other, button in self.buttons.items():
            button.setChecked(other is status)
            done = other in PIPELINE and PIPELINE.index(other) < reached
            font = button.font()
            font.setBold(other is status)
            button.setFont(font)
            ended = other in OUTCOMES
            button.setToolTip(tr("Done") if done else tr("Ends the pipeline") if ended else "")
        following = next_status(status)
        self.next_button.setVisible(following is not None)
        if following is not None:
            label = tr("Move to %1 ▸").replace("%1", opening_status_label(following))
            self.next_button.setText(label)
            self.next_button.setAccessibleName(label)

    def _next(self) -> None:
        following = next_status(self.status)
        if following is not None:
            self.chosen.emit(following.value)


class OpeningEditor(_Form):
    """Every field of an internal opening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Opening editor"), parent)
        self.record: Opening | None = None
        self.today = date.today()
        self.title, self.title_problem = self._title_field(tr("The posting's title"))
        self.outer.addWidget(heading(tr("Status"), self.body))
        self.steps = StatusSteps(self.body)
        self.outer.addWidget(self.steps)

        self.promised_banner = QLabel(self.body)
        self.promised_banner.setWordWrap(True)
        self.promised_banner.setText(tr("⚠ Suspected promised: this posting may already be "
                                        "meant for someone. Weigh the goodwill it costs "
                                        "before applying."))
        self.promised_banner.setAccessibleName(tr("Suspected promised"))
        self.promised_banner.setStyleSheet(
            f"QLabel {{ color: {theme.warning_colour().name()};"
            f" border: 1px solid {theme.warning_colour().name()}; border-radius: 6px;"
            " padding: 6px 8px; }")
        self.promised_banner.hide()
        self.outer.addWidget(self.promised_banner)

        self.availability = QComboBox(self.body)
        self.availability.setAccessibleName(tr("Availability"))
        self.availability.setToolTip(tr("Whether the posting is really open, or may be "
                                        "promised to someone already"))
        for availability in Availability:
            self.availability.addItem(availability_mark(availability),
                                      availability_label(availability), availability.value)
        self.department = QLineEdit(self.body)
        self.department.setAccessibleName(tr("Department"))
        self.posted = OptionalDateEdit(tr("Posted"), tr("Posted date"), date.today(), self.body)
        self.closes = OptionalDateEdit(tr("Closes"), tr("Closing date"), date.today(), self.body)
        self.days_left = QLabel(self.body)
        self.days_left.setAccessibleName(tr("Days left"))
        self.hiring_manager = QComboBox(self.body)
        self.hiring_manager.setAccessibleName(tr("Hiring manager"))
        self.hiring_manager.setEditable(False)
        self.hiring_manager.setModel(ChoiceListModel(self.hiring_manager))  # everyone: lazily
        self.target = QComboBox(self.body)
        self.target.setAccessibleName(tr("Target"))
        self.target.setToolTip(tr("The target this opening would reach"))
        self.reference = QLineEdit(self.body)
        self.reference.setAccessibleName(tr("Reference"))
        self.reference.setPlaceholderText(tr("e.g. REQ-2026-0418"))
        self._grid(((tr("Availability"), self.availability), (tr("Department"), self.department),
                    (tr("Hiring manager"), self.hiring_manager), (tr("Target"), self.target),
                    (tr("Reference"), self.reference)), columns=1)
        dates = QGridLayout()
        dates.setContentsMargins(0, 4, 0, 0)
        dates.addWidget(self.posted, 0, 0)
        dates.addWidget(self.closes, 1, 0)
        dates.addWidget(self.days_left, 1, 1)
        dates.setColumnStretch(2, 1)
        self.outer.addLayout(dates)
        self.dates_problem = WarningLabel(self.body)
        self.outer.addWidget(self.dates_problem)
        self.outer.addWidget(heading(tr("Tags"), self.body))
        self.tags = TagEditor(self.body)
        self.outer.addWidget(self.tags)
        self.outer.addWidget(heading(tr("Notes"), self.body))
        self.notes = CommitTextEdit(self.body, lines=5)
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setPlaceholderText(tr("What you heard about it, who to talk to…"))
        self.outer.addWidget(self.notes)
        self.outer.addStretch(1)

        self.title.editingFinished.connect(lambda: self._commit("title"))
        self.steps.chosen.connect(self._status_chosen)
        self.availability.activated.connect(lambda _i: self._commit("availability"))
        self.department.editingFinished.connect(lambda: self._commit("department"))
        self.posted.changed.connect(lambda: self._commit("posted"))
        self.closes.changed.connect(lambda: self._commit("closes"))
        self.hiring_manager.activated.connect(lambda _i: self._commit("hiring_manager"))
        self.target.activated.connect(lambda _i: self._commit("target"))
        self.reference.editingFinished.connect(lambda: self._commit("reference"))
        self.tags.changed.connect(lambda: self._commit("tags"))
        self.notes.committed.connect(lambda: self._commit("notes"))
        chain: list[QWidget] = [self.title, *self.steps.buttons.values(), self.steps.next_button,
                                self.availability, self.department, self.hiring_manager,
                                self.target, self.reference, self.posted.check,
                                self.posted.edit, self.closes.check, self.closes.edit,
                                self.tags.input, self.notes]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _has_record(self) -> bool:
        return self.record is not None

    def _status_chosen(self, value: str) -> None:
        self.steps.set_status(OpeningStatus(value))
        self._commit("status")

    def set_choices(self, *, people: Sequence[Choice], targets: Sequence[tuple[str, str]],
                    tags: Sequence[str]) -> None:
        current = self.hiring_manager.currentData()
        self.hiring_manager.blockSignals(True)
        model = self.hiring_manager.model()
        assert isinstance(model, ChoiceListModel)
        model.set_choices([(tr("None"), None, ""), *((c.label, c.uid, c.hint) for c in people)])
        self.hiring_manager.setCurrentIndex(max(self.hiring_manager.findData(current), 0))
        self.hiring_manager.blockSignals(False)
        current = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(tr("None"), None)
        for uid, title in targets:
            self.target.addItem(title, uid)
        self.target.setCurrentIndex(max(self.target.findData(current), 0))
        self.target.blockSignals(False)
        self.tags.set_choices(tags)

    def load(self, record: Opening | None) -> None:
        self.record = record
        if record is None:
            return
        self._loading = True
        try:
            for edit, value in ((self.title, record.title),
                                (self.department, record.department or ""),
                                (self.reference, record.reference or "")):
                show_saved_text(edit, value)
            self.steps.set_status(record.status)
            select_data(self.availability, record.availability.value)
            for combo, uid in ((self.hiring_manager, record.hiring_manager),
                               (self.target, record.target)):
                if uid and combo.findData(uid) < 0:
                    combo.addItem(uid, uid)
                select_data(combo, uid)
            self.posted.set_value(record.posted)
            self.posted.edit.setEnabled(record.posted is not None)
            self.closes.set_value(record.closes)
            self.closes.edit.setEnabled(record.closes is not None)
            self.tags.set_values(record.tags)
            self.notes.set_text(record.notes or "")
            self.title_problem.hide()
            self.dates_problem.hide()
            warning_border(self.title, False)
        finally:
            self._loading = False
        self._show_state(record)

    def _show_state(self, record: Opening) -> None:
        promised = record.availability is Availability.SUSPECTED_PROMISED
        self.promised_banner.setVisible(promised)
        text = "" if record.status in OUTCOMES else days_left_text(record.closes, self.today)
        self.days_left.setText(text)
        left = None if record.closes is None else (record.closes - self.today).days
        soon = left is not None and 0 <= left <= CLOSING_SOON_DAYS and record.status not in OUTCOMES
        self.days_left.setStyleSheet(
            f"color: {theme.warning_colour().name()}; font-weight: 600;" if soon else "")

    def set_saved(self, record: Opening) -> None:
        self.record = record
        self._show_state(record)

    def flush(self) -> None:
        self.notes.flush()

    def build(self) -> Opening | None:
        if self.record is None:
            return None
        title = self.title.text().strip()
        self.title_problem.show_message("" if title else tr(
            "An opening needs a title; the saved one is kept until you type a new one."))
        warning_border(self.title, not title)
        posted, closes = self.posted.value(), self.closes.value()
        bad_dates = posted is not None and closes is not None and closes < posted
        self.dates_problem.show_message(tr("It cannot close before it was posted.")
                                        if bad_dates else "")
        if not title or bad_dates:
            return None
        notes = self.notes.text()
        return dataclasses.replace(
            self.record, title=title, status=self.steps.status,
            availability=Availability(self.availability.currentData()),
            department=self.department.text().strip() or None, posted=posted, closes=closes,
            hiring_manager=self.hiring_manager.currentData(), target=self.target.currentData(),
            reference=self.reference.text().strip() or None, tags=self.tags.values(),
            notes=notes if notes.strip() else None)

