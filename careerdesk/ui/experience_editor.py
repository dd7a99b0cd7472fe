"""Every field of one lateral experience, saved as the user finishes each, and the
achievements made during it, each a click away.

As the other editors: ``edited(field)`` says a field was committed, ``build()`` gives the
record (or ``None`` with the problem shown beside its field), the page saves it.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.enums import ExperienceKind
from careerdesk.domain.records import Experience
from careerdesk.store.achievement_edit import Choice
from careerdesk.store.experience_list import AchievementRef
from careerdesk.ui.achievement_editor import _heading, _hint
from careerdesk.ui.models.achievement_table import date_text
from careerdesk.ui.models.growth_tables import kind_label
from careerdesk.ui.widgets.editor_form import (
    field_grid,
    last_changed,
    scroll_body,
    show_saved_text,
    title_field,
)
from careerdesk.ui.widgets.marks import WarningLabel, warning_border
from careerdesk.ui.widgets.optional_date import OptionalDateEdit
from careerdesk.ui.widgets.text_edits import CommitTextEdit
from careerdesk.ui.widgets.token_editor import SkillsPicker, TagEditor


def tr(text: str) -> str:
    return QCoreApplication.translate("ExperienceEditor", text)


FIELD_LABELS = {"title": "title", "kind": "kind", "department": "department",
                "start": "start", "end": "end", "sponsor": "sponsor", "skills": "skills",
                "outcome": "outcome", "reflection": "reflection", "tags": "tags"}
MERGED_FIELDS = frozenset({"outcome", "reflection", "kind", "sponsor"})
UID_ROLE = Qt.ItemDataRole.UserRole + 1


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field, field))


class ExperienceEditor(QScrollArea):
    edited = Signal(str)
    achievement_requested = Signal(str)  # an achievement's uid, to open it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: Experience | None = None
        self._loading = False
        body, outer = scroll_body(self, tr("Experience editor"), (20, 12, 20, 20))
        self._build(body, outer)
        outer.addStretch(1)

    def _build(self, body: QWidget, outer: QVBoxLayout) -> None:
        self.title, self.title_problem = title_field(
            body, outer, tr("What was the experience?"), tr("Title"))

        grid = field_grid()
        self.kind = QComboBox(body)
        self.kind.setAccessibleName(tr("Kind"))
        for kind in ExperienceKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.department = QLineEdit(body)
        self.department.setAccessibleName(tr("Department"))
        self.department.setPlaceholderText(tr("Where it happened"))
        self._departments = QStringListModel(self)
        completer = QCompleter(self._departments, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.department.setCompleter(completer)
        self.start = QDateEdit(body)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMM yyyy")
        self.start.setAccessibleName(tr("Start"))
        self.end = OptionalDateEdit(tr("Ended"), tr("End date"), date.today(), body)
        self.end.setToolTip(tr("Leave unticked while the experience is ongoing"))
        self.sponsor = QComboBox(body)
        self.sponsor.setAccessibleName(tr("Sponsor"))
        self.sponsor.setToolTip(tr("Who opened the door or vouched for you"))
        self.sponsor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sponsor.setMinimumContentsLength(14)
        rows = ((tr("Kind"), self.kind), (tr("Department"), self.department),
                (tr("Start"), self.start), (tr("End"), self.end), (tr("Sponsor"), self.sponsor))
        for row, (label, widget) in enumerate(rows):
            caption = QLabel(label, body)
            caption.setBuddy(widget.check if widget is self.end else widget)
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid)
        self.dates_problem = WarningLabel(body)
        outer.addWidget(self.dates_problem)

        outer.addWidget(_heading(tr("Skills gained"), body))
        self.skills = SkillsPicker(body)
        outer.addWidget(self.skills)
        outer.addWidget(_heading(tr("Outcome"), body))
        outer.addWidget(_hint(tr("What came of it, with numbers where you have them."), body))
        self.outcome = CommitTextEdit(body, lines=4)
        self.outcome.setAccessibleName(tr("Outcome"))
        outer.addWidget(self.outcome)
        outer.addWidget(_heading(tr("Reflection"), body))
        self.reflection = CommitTextEdit(body, lines=4)
        self.reflection.setAccessibleName(tr("Reflection"))
        self.reflection.setPlaceholderText(tr("What you learned, what you would do differently…"))
        outer.addWidget(self.reflection)
        outer.addWidget(_heading(tr("Tags"), body))
        self.tags = TagEditor(body)
        outer.addWidget(self.tags)

        outer.addWidget(_heading(tr("Achievements made in it"), body))
        self.made = self._achievement_list(body, tr("Achievements made in this experience"))
        self.made_empty = _hint(tr("None yet. On the Achievements page, choose this "
                                   "experience for a win to list it here."), body)
        outer.addWidget(self.made_empty)
        outer.addWidget(self.made)
        outer.addWidget(_heading(tr("Also dated during it"), body))
        outer.addWidget(_hint(tr("Achievements from the same weeks that name another "
                                 "experience or none. Open one to link it."), body))
        self.during = self._achievement_list(body, tr("Achievements dated during this "
                                                      "experience, not linked to it"))
        outer.addWidget(self.during)

        self.title.editingFinished.connect(lambda: self._commit("title"))
        self.kind.activated.connect(lambda _i: self._commit("kind"))
        self.department.editingFinished.connect(lambda: self._commit("department"))
        self.start.editingFinished.connect(lambda: self._commit("start"))
        self.start.calendarWidget().clicked.connect(lambda _d: self._commit("start"))
        self.end.changed.connect(lambda: self._commit("end"))
        self.sponsor.activated.connect(lambda _i: self._commit("sponsor"))
        self.skills.changed.connect(lambda: self._commit("skills"))
        self.outcome.committed.connect(lambda: self._commit("outcome"))
        self.reflection.committed.connect(lambda: self._commit("reflection"))
        self.tags.changed.connect(lambda: self._commit("tags"))
        chain: list[QWidget] = [self.title, self.kind, self.department, self.start,
                                self.end.check, self.end.edit, self.sponsor, self.skills.input,
                                self.outcome, self.reflection, self.tags.input, self.made,
                                self.during]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _achievement_list(self, parent: QWidget, name: str) -> QListWidget:
        widget = QListWidget(parent)
        widget.setAccessibleName(name)
        widget.setToolTip(tr("Double-click or press Enter to open the achievement"))
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.setUniformItemSizes(True)
        widget.setSpacing(1)
        widget.itemActivated.connect(
            lambda item: self.achievement_requested.emit(item.data(UID_ROLE)))
        return widget

    # ------------------------------------------------------------ choices and showing

    def set_choices(self, *, people: Sequence[Choice], skills: Sequence[str],
                    tags: Sequence[str], departments: Sequence[str]) -> None:
        self.skills.set_choices(skills)
        self.tags.set_choices(tags)
        self._departments.setStringList(list(departments))
        current = self.sponsor.currentData()
        self.sponsor.blockSignals(True)
        self.sponsor.clear()
        self.sponsor.addItem(tr("None"), None)
        for choice in people:
            self.sponsor.addItem(choice.label, choice.uid)
            self.sponsor.setItemData(self.sponsor.count() - 1,
                                     f"{choice.label}\n{choice.hint}" if choice.hint
                                     else choice.label, Qt.ItemDataRole.ToolTipRole)
        self.sponsor.setCurrentIndex(max(self.sponsor.findData(current), 0))
        self.sponsor.blockSignals(False)

    def load(self, record: Experience | None) -> None:
        self.record = record
        if record is None:
            return
        self._loading = True
        try:
            show_saved_text(self.title, record.title)
            _select(self.kind, record.kind.value)
            self.department.setText(record.department or "")
            self.start.setDate(QDate(record.start.year, record.start.month, record.start.day))
            self.end.set_value(record.end)
            _select(self.sponsor, record.sponsor)
            self.skills.set_values(record.skills)
            self.outcome.set_text(record.outcome or "")
            self.reflection.set_text(record.reflection or "")
            self.tags.set_values(record.tags)
            self.show_problems({})
        finally:
            self._loading = False

    def set_saved(self, record: Experience) -> None:
        self.record = record

    def show_achievements(self, made: Sequence[AchievementRef],
                          during: Sequence[AchievementRef]) -> None:
        # A long experience has thousands dated during it: each date is written once, and
        # the lines are added in one call.
        days = {day: date_text(day) for day in {ref.date for ref in (*made, *during)}}
        for widget, refs in ((self.made, made), (self.during, during)):
            widget.clear()
            widget.addItems([f"{days[ref.date]}   {ref.title}" for ref in refs])
            for row, ref in enumerate(refs):
                item = widget.item(row)
                item.setData(UID_ROLE, ref.uid)
                item.setToolTip(ref.title)
            rows = max(min(len(refs), 6), 1)
            row_height = widget.fontMetrics().height() + 8
            widget.setFixedHeight(row_height * rows + 2 * widget.frameWidth() + 4)
            widget.setVisible(bool(refs))
        self.made_empty.setVisible(not made)

    # ------------------------------------------------------------ reading

    def flush(self) -> None:
        self.outcome.flush()
        self.reflection.flush()

    def build(self) -> Experience | None:
        if self.record is None:
            return None
        problems: dict[str, str] = {}
        title = self.title.text().strip()
        if not title:
            problems["title"] = tr("An experience needs a title; the saved one is kept until "
                                   "you type a new one.")
        qstart = self.start.date()
        start = date(qstart.year(), qstart.month(), qstart.day())
        end = self.end.value()
        if end is not None and end < start:
            problems["dates"] = tr("It cannot end before it starts; the saved dates are kept.")
        self.show_problems(problems)
        if problems:
            return None
        return dataclasses.replace(
            self.record, title=title, kind=ExperienceKind(self.kind.currentData()),
            department=self.department.text().strip() or None, start=start, end=end,
            sponsor=self.sponsor.currentData() or None, skills=self.skills.values(),
            outcome=(self.outcome.text().strip() and self.outcome.text()) or None,
            reflection=(self.reflection.text().strip() and self.reflection.text()) or None,
            tags=self.tags.values())

    def show_problems(self, problems: dict[str, str]) -> None:
        self.title_problem.show_message(problems.get("title", ""))
        warning_border(self.title, "title" in problems)
        self.dates_problem.show_message(problems.get("dates", ""))
        warning_border(self.end.edit, "dates" in problems)

    def _commit(self, field: str) -> None:
        if not self._loading and self.record is not None:
            self.edited.emit(field)

    def times_text(self) -> str:
        if self.record is None:
            return ""
        return last_changed(self.record.updated_at, with_time=False)


def _select(combo: QComboBox, data: object) -> None:
    combo.blockSignals(True)
    index = combo.findData(data)
    if index < 0 and data:
        combo.addItem(str(data), data)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
