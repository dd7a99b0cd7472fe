"""Every field of one achievement, saved as the user finishes each.

The editor only shows and reads fields: it emits ``edited(field)`` when a field is
committed (Return or leaving a line, a toggle, a choice, a pause in a multi-line text),
and the page builds the record with ``build()``, saves it through the undo stack and
tells the editor with ``set_saved()``. ``build()`` refuses while a field is wrong, and
the problem shows next to that field.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.enums import AchievementKind, Scope
from careerdesk.domain.records import Achievement
from careerdesk.store.achievement_edit import Choice
from careerdesk.ui import theme
from careerdesk.ui.widgets.editor_form import (
    field_grid,
    last_changed,
    scroll_body,
    select_data,
    show_saved_text,
    title_field,
)
from careerdesk.ui.widgets.marks import warning_border
from careerdesk.ui.widgets.metrics_editor import MetricsEditor
from careerdesk.ui.widgets.text_edits import CommitTextEdit, LinesEdit
from careerdesk.ui.widgets.token_editor import PeoplePicker, SkillsPicker, TagEditor


def tr(text: str) -> str:
    return QCoreApplication.translate("AchievementEditor", text)


# The field names ``edited`` reports, with how the undo menu names their edit.
FIELD_LABELS = {
    "title": "title", "date": "date", "kind": "kind", "scope": "scope",
    "highlight": "highlight", "story": "story", "metrics": "metrics", "skills": "skills",
    "people": "people", "experience": "experience", "evidence": "evidence", "tags": "tags",
    "notes": "notes",
}
# Multi-line texts commit after every pause; their consecutive edits make one undo step.
# So do choices stepped through with the arrow keys (kind, scope, experience).
MERGED_FIELDS = frozenset({"story", "evidence", "notes", "kind", "scope", "experience"})


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field, field))


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    theme.set_text_role(label, theme.TextRole.STRONG)
    label.setContentsMargins(0, theme.SPACE_M, 0, 0)
    return label


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("editorHint")
    label.setWordWrap(True)
    label.setFont(theme.font_for(theme.TextRole.CAPTION))
    theme.style(label, "secondary")
    return label


class AchievementEditor(QScrollArea):
    """The form beside the table. ``record`` is the achievement as last saved."""

    edited = Signal(str)  # the field just committed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: Achievement | None = None
        self._loading = False
        body, outer = scroll_body(self, tr("Achievement editor"), (20, 12, 20, 20))
        body.setObjectName("editorBody")
        self._build_fields(body, outer)
        outer.addStretch(1)

    # ------------------------------------------------------------ building

    def _build_fields(self, body: QWidget, outer: QVBoxLayout) -> None:
        self.title, self.title_problem = title_field(body, outer, tr("What did you achieve?"),
                                                     tr("Title"))

        grid = field_grid()
        self.date = QDateEdit(body)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(tr("Date"))
        self.kind = QComboBox(body)
        self.kind.setAccessibleName(tr("Kind"))
        for kind in AchievementKind:
            self.kind.addItem(QCoreApplication.translate("AchievementKind", kind.label), kind.value)
        self.kind.setToolTip(tr("Quantified: a result with numbers. Story: situation, action, "
                                "result. Invisible: mentoring, knowledge sharing, glue work."))
        self.scope = QComboBox(body)
        self.scope.setAccessibleName(tr("Scope"))
        self.scope.addItem(tr("Not set"), None)
        for scope in Scope:
            self.scope.addItem(QCoreApplication.translate("Scope", scope.label), scope.value)
        self.scope.setToolTip(tr("How far the result reached"))
        self.highlight = QCheckBox(tr("Highlight"), body)
        self.highlight.setAccessibleName(tr("Highlight"))
        self.highlight.setToolTip(tr("One of your strongest wins: it leads the prep sheet"))
        for column, (label, widget) in enumerate(((tr("Date"), self.date),
                                                  (tr("Kind"), self.kind))):
            grid.addWidget(self._caption(label, widget, body), 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        grid.addWidget(self._caption(tr("Scope"), self.scope, body), 1, 0)
        grid.addWidget(self.scope, 1, 1)
        grid.addWidget(self.highlight, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)

        outer.addWidget(_heading(tr("Story"), body))
        outer.addWidget(_hint(tr("The situation, what you did, and the result. "
                                 "Markdown is welcome."), body))
        self.story = CommitTextEdit(body, lines=7)
        self.story.setAccessibleName(tr("Story"))
        self.story.setPlaceholderText(tr("**Situation:** …\n\n**Action:** …\n\n**Result:** …"))
        outer.addWidget(self.story)

        outer.addWidget(_heading(tr("Metrics"), body))
        self.metrics = MetricsEditor(body)
        outer.addWidget(self.metrics)

        outer.addWidget(_heading(tr("Skills and people"), body))
        form = QFormLayout()
        form.setContentsMargins(0, 4, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.skills = SkillsPicker(body)
        self.skills.setToolTip(tr("The skills this shows; a new name adds the skill"))
        self.people = PeoplePicker(body)
        self.people.setToolTip(tr("Who saw it happen: visibility with the people who decide"))
        self.experience = QComboBox(body)
        self.experience.setAccessibleName(tr("Experience"))
        self.experience.setToolTip(tr("The lateral experience it happened in"))
        self.experience.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.experience.setMinimumContentsLength(16)
        form.addRow(self._caption(tr("Skills"), self.skills.input, body), self.skills)
        form.addRow(self._caption(tr("Seen by"), self.people.input, body), self.people)
        form.addRow(self._caption(tr("Experience"), self.experience, body), self.experience)
        outer.addLayout(form)

        outer.addWidget(_heading(tr("Evidence"), body))
        outer.addWidget(_hint(tr("Links or references, one per line."), body))
        self.evidence = LinesEdit(body, lines=3)
        self.evidence.setAccessibleName(tr("Evidence links"))
        self.evidence.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        outer.addWidget(self.evidence)

        outer.addWidget(_heading(tr("Tags"), body))
        self.tags = TagEditor(body)
        outer.addWidget(self.tags)

        outer.addWidget(_heading(tr("Notes"), body))
        self.notes = CommitTextEdit(body, lines=4)
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setPlaceholderText(tr("Private notes: how to use this, who to tell…"))
        outer.addWidget(self.notes)

        self.times = _hint("", body)
        self.times.setContentsMargins(0, 10, 0, 0)
        outer.addWidget(self.times)

        self.title.editingFinished.connect(lambda: self._commit("title"))
        self.date.editingFinished.connect(lambda: self._commit("date"))
        self.date.calendarWidget().clicked.connect(lambda _day: self._commit("date"))
        self.kind.activated.connect(lambda _i: self._commit("kind"))
        self.scope.activated.connect(lambda _i: self._commit("scope"))
        self.highlight.toggled.connect(lambda _on: self._commit("highlight"))
        self.story.committed.connect(lambda: self._commit("story"))
        self.metrics.committed.connect(lambda: self._commit("metrics"))
        self.metrics.rows_changed.connect(self._fix_tab_order)
        self.skills.changed.connect(lambda: self._commit("skills"))
        self.people.changed.connect(lambda: self._commit("people"))
        self.experience.activated.connect(lambda _i: self._commit("experience"))
        self.evidence.committed.connect(lambda: self._commit("evidence"))
        self.tags.changed.connect(lambda: self._commit("tags"))
        self.notes.committed.connect(lambda: self._commit("notes"))
        self._fix_tab_order()

    def _caption(self, text: str, buddy: QWidget, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setBuddy(buddy)
        return label

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.title, self.date, self.kind, self.scope, self.highlight,
                                self.story, *self.metrics.focus_chain(), self.skills.input,
                                self.people.input, self.experience, self.evidence,
                                self.tags.input, self.notes]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------ choices

    def set_choices(self, *, people: Sequence[Choice], experiences: Sequence[Choice],
                    skills: Sequence[str], tags: Sequence[str]) -> None:
        self.people.set_choices(people)
        self.skills.set_choices(skills)
        self.tags.set_choices(tags)
        current = self.experience.currentData()
        self.experience.blockSignals(True)
        self.experience.clear()
        self.experience.addItem(tr("None"), None)
        for choice in experiences:
            self.experience.addItem(choice.label, choice.uid)
            self.experience.setItemData(self.experience.count() - 1,
                                        f"{choice.label}\n{choice.hint}" if choice.hint
                                        else choice.label, Qt.ItemDataRole.ToolTipRole)
        select_data(self.experience, current)
        self.experience.blockSignals(False)

    # ------------------------------------------------------------ showing

    def load(self, record: Achievement | None) -> None:
        """Shows a saved achievement (or nothing); not an edit, so nothing is saved."""
        self.record = record
        if record is None:
            return
        self._loading = True
        try:
            show_saved_text(self.title, record.title)
            self.date.setDate(QDate(record.date.year, record.date.month, record.date.day))
            select_data(self.kind, record.kind.value)
            select_data(self.scope, record.scope.value if record.scope else None)
            self.highlight.blockSignals(True)
            self.highlight.setChecked(record.highlight)
            self.highlight.blockSignals(False)
            self.story.set_text(record.story or "")
            self.metrics.set_metrics(record.metrics)
            self.skills.set_values(record.skills)
            self.people.set_values(record.people)
            if self.experience.findData(record.experience) < 0 and record.experience:
                self.experience.addItem(record.experience, record.experience)
            select_data(self.experience, record.experience)
            self.evidence.set_lines_text(record.evidence)
            self.tags.set_values(record.tags)
            self.notes.set_text(record.notes or "")
            self.show_problems({})
        finally:
            self._loading = False
        self._show_times(record)

    def set_saved(self, record: Achievement) -> None:
        """The page saved what the editor shows: that is now the state to compare with."""
        self.record = record
        self._show_times(record)

    def _show_times(self, record: Achievement) -> None:
        self.times.setText(last_changed(record.updated_at))

    # ------------------------------------------------------------ reading

    def flush(self) -> None:
        """Commits what is still being typed in a multi-line field."""
        self.story.flush()
        self.evidence.flush()
        self.notes.flush()

    def build(self) -> Achievement | None:
        """The achievement as the fields now say, or ``None`` (problems shown) when one is wrong."""
        if self.record is None:
            return None
        problems: dict[str, str] = {}
        title = self.title.text().strip()
        if not title:
            problems["title"] = tr("An achievement needs a title; the saved one is kept "
                                   "until you type a new one.")
        if self.metrics.problems():
            problems["metrics"] = ""
        self.show_problems(problems)
        if problems:
            return None
        story = self.story.text()
        notes = self.notes.text()
        qdate = self.date.date()
        kind = AchievementKind(self.kind.currentData())
        scope_value = self.scope.currentData()
        return dataclasses.replace(
            self.record,
            title=title,
            date=date(qdate.year(), qdate.month(), qdate.day()),
            kind=kind,
            scope=Scope(scope_value) if scope_value else None,
            highlight=self.highlight.isChecked(),
            story=_text(story, self.record.story),
            metrics=self.metrics.metrics(),
            skills=self.skills.values(),
            people=self.people.values(),
            experience=self.experience.currentData() or None,
            evidence=self.evidence.lines(),
            tags=self.tags.values(),
            notes=_text(notes, self.record.notes),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        message = problems.get("title", "")
        self.title_problem.show_message(message)
        warning_border(self.title, bool(message))
        if "metrics" in problems:
            self.metrics.show_problems()
        else:
            for row in self.metrics.rows:
                row.show_problems({})

    def has_problems(self) -> bool:
        return self.title_problem.isVisible() or bool(self.metrics.problems())

    def _commit(self, field: str) -> None:
        if not self._loading and self.record is not None:
            self.edited.emit(field)


def _text(typed: str, saved: str | None) -> str | None:
    """What a multi-line field holds: nothing is ``None``, unless it was saved as ``""``."""
    if typed.strip():
        return typed
    return saved if saved is not None and not saved.strip() else None
