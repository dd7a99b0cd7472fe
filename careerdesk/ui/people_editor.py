"""A person's details, the quick interaction form, and the delete-person question.

Like the achievement editor, the person editor only shows and reads fields: it emits
``edited(field)`` when one is committed, and the page saves through the undo stack.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.enums import InteractionKind, PersonRole, Stance
from careerdesk.domain.records import Interaction, Person
from careerdesk.store.achievement_edit import Choice
from careerdesk.store.people_edit import LoneInteractions, PersonLinks
from careerdesk.ui import theme
from careerdesk.ui.models.people_table import role_label
from careerdesk.ui.widgets.editor_form import (
    field_grid,
    select_data,
    show_saved_text,
    title_field,
)
from careerdesk.ui.widgets.flow_layout import FlowLayout
from careerdesk.ui.widgets.marks import WarningLabel, warning_border
from careerdesk.ui.widgets.optional_date import OptionalDateEdit
from careerdesk.ui.widgets.stance import stance_dot, stance_label
from careerdesk.ui.widgets.text_edits import CommitTextEdit
from careerdesk.ui.widgets.token_editor import PeoplePicker, TagEditor


def tr(text: str) -> str:
    return QCoreApplication.translate("PersonEditor", text)


FIELD_LABELS = {
    "name": "name", "title": "title", "department": "department", "roles": "roles",
    "influence": "influence", "stance": "stance", "relationship": "relationship",
    "cadence_days": "contact cadence", "notes": "notes", "tags": "tags",
}
MERGED_FIELDS = frozenset({"notes", "influence", "stance", "relationship", "cadence_days"})


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field, field))


def kind_label(kind: InteractionKind) -> str:
    return QCoreApplication.translate("InteractionKind", kind.label)


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    theme.set_text_role(label, theme.TextRole.STRONG)
    label.setContentsMargins(0, theme.SPACE_M, 0, 0)
    return label


def hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setFont(theme.font_for(theme.TextRole.CAPTION))
    theme.style(label, "secondary")
    return label


def rating_combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.addItem(tr("Not rated"), None)
    for value in range(1, 6):
        combo.addItem(tr("%1 of 5").replace("%1", str(value)), value)
    return combo


class RoleChips(QWidget):
    """Every role as a checkable chip; ``changed`` when one is switched."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Roles"))
        flow = FlowLayout(self, spacing=5)
        self.buttons: dict[PersonRole, QToolButton] = {}
        for role in PersonRole:
            button = QToolButton(self)
            button.setText(role_label(role))
            button.setCheckable(True)
            button.setAccessibleName(tr("Role: %1").replace("%1", role_label(role)))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setStyleSheet(
                "QToolButton { border: 1px solid palette(mid); border-radius: 10px;"
                " padding: 2px 9px; background: palette(base); }"
                "QToolButton:checked { background: palette(highlight);"
                " color: palette(highlighted-text); border-color: palette(highlight); }"
                "QToolButton:focus { border: 1px solid palette(highlight); }")
            button.toggled.connect(lambda _on: self.changed.emit())
            flow.addWidget(button)
            self.buttons[role] = button

    def values(self) -> list[PersonRole]:
        return [role for role, button in self.buttons.items() if button.isChecked()]

    def set_values(self, roles: Sequence[PersonRole]) -> None:
        for role, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(role in roles)
            button.blockSignals(False)


class PersonEditor(QWidget):
    """Every field of one person. ``record`` is the person as last saved."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: Person | None = None
        self._loading = False
        self.setAccessibleName(tr("Person details"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)

        self.name, self.name_problem = title_field(self, outer, tr("Their name"), tr("Name"))

        grid = field_grid()
        self.title = QLineEdit(self)
        self.title.setAccessibleName(tr("Job title"))
        self.title.setPlaceholderText(tr("e.g. Head of Product Analytics"))
        self.department = QLineEdit(self)
        self.department.setAccessibleName(tr("Department"))
        self._departments = QStringListModel(self)
        completer = QCompleter(self._departments, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.department.setCompleter(completer)
        self.stance = QComboBox(self)
        self.stance.setAccessibleName(tr("Stance"))
        self.stance.setToolTip(tr("Where they stand on your advancement"))
        for stance in Stance:
            self.stance.addItem(stance_dot(stance), stance_label(stance), stance.value)
        self.influence = rating_combo(tr("Influence"), self)
        self.influence.setToolTip(tr("How much their word weighs in decisions about you"))
        self.relationship = rating_combo(tr("Relationship strength"), self)
        self.relationship.setToolTip(tr("How strong your relationship is"))
        self.cadence = QSpinBox(self)
        self.cadence.setAccessibleName(tr("Contact cadence in days"))
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText(tr("No cadence"))
        self.cadence.setSuffix(tr(" days"))
        self.cadence.setToolTip(tr("How often you aim to be in touch; past it, the contact "
                                   "shows as overdue"))
        fields = ((tr("Title"), self.title), (tr("Department"), self.department),
                  (tr("Stance"), self.stance), (tr("Influence"), self.influence),
                  (tr("Relationship"), self.relationship), (tr("Contact every"), self.cadence))
        for i, (label, widget) in enumerate(fields):
            row, column = divmod(i, 2)
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            widget.setMinimumWidth(70)
            if isinstance(widget, QComboBox):
                widget.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(6)
            grid.addWidget(caption, row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)
        self.cadence_problem = WarningLabel(self)
        outer.addWidget(self.cadence_problem)

        outer.addWidget(heading(tr("Roles"), self))
        self.roles = RoleChips(self)
        outer.addWidget(self.roles)
        outer.addWidget(heading(tr("Tags"), self))
        self.tags = TagEditor(self)
        outer.addWidget(self.tags)
        outer.addWidget(heading(tr("Notes"), self))
        self.notes = CommitTextEdit(self, lines=3)
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setPlaceholderText(tr("What matters to them, how they like to be "
                                         "approached…"))
        outer.addWidget(self.notes)

        self.name.editingFinished.connect(lambda: self._commit("name"))
        self.title.editingFinished.connect(lambda: self._commit("title"))
        self.department.editingFinished.connect(lambda: self._commit("department"))
        self.stance.activated.connect(lambda _i: self._commit("stance"))
        self.influence.activated.connect(lambda _i: self._commit("influence"))
        self.relationship.activated.connect(lambda _i: self._commit("relationship"))
        self.cadence.editingFinished.connect(lambda: self._commit("cadence_days"))
        self.roles.changed.connect(lambda: self._commit("roles"))
        self.tags.changed.connect(lambda: self._commit("tags"))
        self.notes.committed.connect(lambda: self._commit("notes"))
        chain: list[QWidget] = [self.name, self.title, self.department, self.stance,
                                self.influence, self.relationship, self.cadence,
                                *self.roles.buttons.values(), self.tags.input, self.notes]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_choices(self, *, departments: Sequence[str], tags: Sequence[str]) -> None:
        self._departments.setStringList(list(departments))
        self.tags.set_choices(tags)

    def load(self, record: Person | None) -> None:
        self.record = record
        if record is None:
            return
        self._loading = True
        try:
            for edit, value in ((self.name, record.name), (self.title, record.title or ""),
                                (self.department, record.department or "")):
                show_saved_text(edit, value)
            select_data(self.stance, record.stance.value)
            select_data(self.influence, record.influence)
            select_data(self.relationship, record.relationship)
            self.cadence.blockSignals(True)
            self.cadence.setValue(record.cadence_days or 0)
            self.cadence.blockSignals(False)
            self.roles.set_values(record.roles)
            self.tags.set_values(record.tags)
            self.notes.set_text(record.notes or "")
            self.show_problems({})
        finally:
            self._loading = False

    def set_saved(self, record: Person) -> None:
        self.record = record

    def flush(self) -> None:
        self.notes.flush()

    def build(self) -> Person | None:
        """The person as the fields say, or ``None`` (the problem shown) when one is wrong."""
        if self.record is None:
            return None
        problems: dict[str, str] = {}
        name = self.name.text().strip()
        if not name:
            problems["name"] = tr("A person needs a name; the saved one is kept until you "
                                  "type a new one.")
        self.show_problems(problems)
        if problems:
            return None
        notes = self.notes.text()
        return dataclasses.replace(
            self.record, name=name, title=self.title.text().strip() or None,
            department=self.department.text().strip() or None, roles=self.roles.values(),
            stance=Stance(self.stance.currentData()), influence=self.influence.currentData(),
            relationship=self.relationship.currentData(),
            cadence_days=self.cadence.value() or None, tags=self.tags.values(),
            notes=notes if notes.strip() else None)

    def show_problems(self, problems: dict[str, str]) -> None:
        message = problems.get("name", "")
        self.name_problem.show_message(message)
        warning_border(self.name, bool(message))

    def _commit(self, field: str) -> None:
        if not self._loading and self.record is not None:
            self.edited.emit(field)


class InteractionForm(QFrame):
    """The quick form under a person: date, kind, who, what, and a follow-up.

    Ctrl+Enter saves (``save_requested``), Escape closes. It edits an existing
    interaction too (``editing`` holds it).
    """

    save_requested = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactionForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Log an interaction"))
        self.editing: Interaction | None = None
        self._base: Interaction | None = None  # what the form started from
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        self.caption = QLabel(tr("New interaction"), self)
        theme.set_text_role(self.caption, theme.TextRole.STRONG)
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(tr("Interaction date"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(tr("Kind of interaction"))
        for kind in InteractionKind:
            self.kind.addItem(kind_label(kind), kind.value)
        row.addWidget(self.date)
        row.addWidget(self.kind)
        row.addStretch(1)
        layout.addLayout(row)
        self.people = PeoplePicker(self)
        self.people.setAccessibleName(tr("People in the interaction"))
        self.people.input.setAccessibleName(tr("People in the interaction"))
        layout.addWidget(self.people)
        self.summary = QLineEdit(self)
        self.summary.setAccessibleName(tr("Summary"))
        self.summary.setPlaceholderText(tr("What was said, what you learned…"))
        layout.addWidget(self.summary)
        follow = QHBoxLayout()
        self.follow_up = OptionalDateEdit(tr("Follow up"), tr("Follow-up date"), date.today(),
                                          self)
        self.action = QLineEdit(self)
        self.action.setAccessibleName(tr("Follow-up action"))
        self.action.setPlaceholderText(tr("Follow-up action, e.g. send the deck"))
        follow.addWidget(self.follow_up)
        follow.addWidget(self.action, 1)
        layout.addLayout(follow)
        self.problem = WarningLabel(self)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(hint(tr("Ctrl+Enter saves, Esc closes"), self), 1)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setAccessibleName(tr("Cancel the interaction"))
        self.save_button = QPushButton(tr("Save"), self)
        self.save_button.setAccessibleName(tr("Save the interaction"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button.clicked.connect(self.cancelled)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_requested)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancelled)
        chain: list[QWidget] = [self.summary, self.date, self.kind, self.people.input,
                                self.follow_up.check, self.follow_up.edit, self.action,
                                self.cancel_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_choices(self, people: Sequence[Choice]) -> None:
        self.people.set_choices(people)

    def start(self, record: Interaction, *, editing: bool) -> None:
        """Fills the form with a new (or an existing) interaction and puts the cursor in it."""
        self.editing = record if editing else None
        self.caption.setText(tr("Edit interaction") if editing else tr("New interaction"))
        self.date.setDate(QDate(record.date.year, record.date.month, record.date.day))
        select_data(self.kind, record.kind.value)
        self.people.set_values(record.people)
        self.summary.setText(record.summary or "")
        self.follow_up.set_value(record.follow_up)
        self.follow_up.edit.setEnabled(record.follow_up is not None)
        self.action.setText(record.follow_up_action or "")
        self.problem.hide()
        self._base = record
        self.show()
        self.summary.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def build(self) -> Interaction | None:
        if self._base is None:
            return None
        people = self.people.values()
        if not people:
            self.problem.show_message(tr("An interaction names at least one person."))
            return None
        self.problem.hide()
        day = self.date.date()
        action = self.action.text().strip()
        return dataclasses.replace(
            self._base, date=date(day.year(), day.month(), day.day()),
            kind=InteractionKind(self.kind.currentData()), people=people,
            summary=self.summary.text().strip() or None, follow_up=self.follow_up.value(),
            follow_up_action=action or None)


class DeletePersonDialog(QDialog):
    """Deleting a person: what becomes of the interactions that name only them.

    Pages call ``DeletePersonDialog.ask(...)``; it returns the choice, or ``None`` when
    the user cancels. Tests replace ``ask``.
    """

    def __init__(self, parent: QWidget | None, name: str, links: PersonLinks) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Delete person"))
        self.setAccessibleName(tr("Delete person"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        question = QLabel(tr("Delete %1?").replace("%1", name), self)
        question.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_text_role(question, theme.TextRole.SECTION)
        layout.addWidget(question)
        parts = []
        if links.shared:
            parts.append(tr("%1 interaction(s) shared with others stay, without them.")
                         .replace("%1", str(links.shared)))
        parts.append(tr("Achievements, openings and plans that name them lose the link. "
                        "Undo brings everything back."))
        self.choice_group = QButtonGroup(self)
        self.delete_choice = QRadioButton(self)
        self.keep_choice = QRadioButton(self)
        if links.alone:
            explain = QLabel(tr("%1 interaction(s) name only them. An interaction needs a "
                                "person, so they cannot stay as they are:")
                             .replace("%1", str(links.alone)), self)
            explain.setWordWrap(True)
            layout.addWidget(explain)
            self.keep_choice.setText(tr("Keep them as journal entries (same day, summary "
                                        "and follow-up)"))
            self.delete_choice.setText(tr("Delete them too"))
            for button in (self.keep_choice, self.delete_choice):
                button.setAccessibleName(button.text())
                self.choice_group.addButton(button)
                layout.addWidget(button)
            self.keep_choice.setChecked(True)  # the choice that loses nothing
        else:
            self.keep_choice.hide()
            self.delete_choice.hide()
            self.delete_choice.setChecked(True)
        detail = QLabel(" ".join(parts), self)
        detail.setWordWrap(True)
        layout.addWidget(detail)
        buttons = QDialogButtonBox(self)
        self.confirm_button = buttons.addButton(tr("Delete"),
                                                QDialogButtonBox.ButtonRole.DestructiveRole)
        self.confirm_button.setAccessibleName(tr("Delete person"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(tr("Cancel"))
        cancel.setDefault(True)
        self.confirm_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def choice(self) -> LoneInteractions:
        return LoneInteractions.DELETE if self.delete_choice.isChecked() \
            else LoneInteractions.KEEP_AS_JOURNAL

    @classmethod
    def ask(cls, parent: QWidget | None, name: str,
            links: PersonLinks) -> LoneInteractions | None:
        dialog = cls(parent, name, links)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
