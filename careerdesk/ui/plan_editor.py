"""The editor of one negotiation plan: every field, saved the moment an edit is committed.

The editor never writes to the journal. Each committed edit builds the whole plan as it
would be and announces it with ``edited(field, plan)``; the page saves it as one undoable
command. A plan the core refuses (a benchmark whose low end is above its high end, a
number that is not one) is not announced: the core's message shows next to the field.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.enums import PlanStatus, Strategy
from careerdesk.domain.errors import InvalidRecord
from careerdesk.domain.records import Benchmark, NegotiationPlan, Objection
from careerdesk.reports import equity as eq
from careerdesk.reports.evidence import Suggestion
from careerdesk.store.achievement_edit import Choice
from careerdesk.store.plan_edit import COMMON_FALLBACKS, OUTCOME_STATUSES, with_outcome
from careerdesk.store.repository import check
from careerdesk.ui import theme
from careerdesk.ui.widgets.list_editors import TableEditor, TextListEditor
from careerdesk.ui.widgets.marks import WarningLabel
from careerdesk.ui.widgets.optional_date import OptionalDateEdit
from careerdesk.ui.widgets.text_edits import CommitTextEdit
from careerdesk.ui.widgets.token_editor import PeoplePicker


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanEditor", text)


FIELD_LABELS = {
    "title": "title", "strategy": "strategy", "target": "target",
    "meeting_date": "meeting date", "participants": "participants", "current": "current pay",
    "ask": "ask", "benchmarks": "benchmarks", "evidence": "evidence",
    "talking_points": "talking points", "objections": "objections", "fallbacks": "fallbacks",
    "walk_away": "walk-away point", "status": "status", "notes": "notes", "outcome": "outcome",
}
MERGED_FIELDS = frozenset({"walk_away", "notes"})
"""Typed over a few pauses: consecutive saves of these merge into one undo step."""


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field.split(".")[0], field))


def parse_amount(text: str) -> float | None:
    """``98,000`` or ``98 000`` or ``98000.50`` -> a number; blank -> None; else ValueError."""
    cleaned = text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def format_amount(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _line(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _plain_label(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never rich text
    label.setWordWrap(True)
    return label


def _warning(parent: QWidget, name: str) -> WarningLabel:
    label = WarningLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(name)
    return label


class PositionFields(QWidget):
    """Title, level, base and currency (and the ask's scope) on one or two rows."""

    committed = Signal()

    def __init__(self, what: str, parent: QWidget | None = None, *, scope: bool = False) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self.title = _line(self, tr("%1 title").replace("%1", what), tr("Title"))
        self.level = _line(self, tr("%1 level").replace("%1", what), tr("Level"))
        self.base = _line(self, tr("%1 base pay").replace("%1", what), tr("Base pay"))
        self.currency = _line(self, tr("%1 currency").replace("%1", what), tr("Currency"))
        self.level.setMaximumWidth(70)
        self.currency.setMaximumWidth(70)
        self.base.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.level, 0, 1)
        grid.addWidget(self.base, 0, 2)
        grid.addWidget(self.currency, 0, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        self.scope: QLineEdit | None = None
        if scope:
            self.scope = _line(self, tr("%1 scope").replace("%1", what),
                               tr("Scope: what you would own"))
            grid.addWidget(self.scope, 1, 0, 1, 4)
        for edit in self.edits():
            edit.editingFinished.connect(self._finished)
        self._shown: tuple[str, ...] = ()

    def edits(self) -> list[QLineEdit]:
        return [e for e in (self.title, self.level, self.base, self.currency, self.scope) if e]

    def texts(self) -> tuple[str, ...]:
        return tuple(e.text() for e in self.edits())

    def set_texts(self, texts: Sequence[str]) -> None:
        for edit, text in zip(self.edits(), texts, strict=True):
            if edit.text() != text:
                edit.setText(text)
        self._shown = self.texts()

    def _finished(self) -> None:
        if self.texts() != self._shown:
            self._shown = self.texts()
            self.committed.emit()


class EvidenceEditor(QWidget):
    """The plan's achievements in order, and the best ones not yet chosen to add."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.chosen = TextListEditor(tr("evidence"), tr("Evidence, in the order to tell it"), self,
                                     rows=5)
        self.chosen.list.setEditTriggers(QListWidget.EditTrigger.NoEditTriggers)
        self.chosen.buttons.add.hide()  # added from the picker or the suggestions
        layout.addWidget(self.chosen)
        self.picker = _line(self, tr("Add an achievement as evidence"),
                            tr("Add an achievement by title…"))
        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.picker.setCompleter(self.completer)
        self.completer.activated[str].connect(self._picked)  # type: ignore[index]
        self.picker.returnPressed.connect(lambda: self._picked(self.picker.text()))
        layout.addWidget(self.picker)
        self.message = _warning(self, tr("Evidence problem"))
        layout.addWidget(self.message)
        heading = QLabel(tr("Suggested: highlights first, then recent, measured, wide-scope wins"),
                         self)
        theme.set_secondary(heading)
        layout.addWidget(heading)
        self.suggestions = QListWidget(self)
        self.suggestions.setAccessibleName(tr("Suggested evidence"))
        self.suggestions.setMaximumHeight(self.suggestions.fontMetrics().lineSpacing() * 5 + 12)
        self.suggestions.itemActivated.connect(self._suggestion_taken)
        layout.addWidget(self.suggestions)
        self.add_suggestion = QPushButton(tr("Add suggestion"), self)
        self.add_suggestion.setAccessibleName(tr("Add the selected suggestion as evidence"))
        self.add_suggestion.setAutoDefault(False)
        self.add_suggestion.clicked.connect(
            lambda: self._suggestion_taken(self.suggestions.currentItem()))
        row = QHBoxLayout()
        row.addWidget(self.add_suggestion)
        row.addStretch(1)
        layout.addLayout(row)
        self.chosen.changed.connect(self.changed)
        self._labels: dict[str, str] = {}
        self._by_text: dict[str, str] = {}
        # Where the picker's thousands of titles come from, read when the picker is first
        # used (focused, typed in) rather than every time a page opens or changes.
        self._choice_source: Callable[[], Sequence[Choice]] | None = None
        self.picker.installEventFilter(self)
        self.picker.textEdited.connect(lambda _text: self._read_choices())

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self._choice_source = None
        self._by_text = {self._text(c): c.uid for c in choices}
        self._labels.update({c.uid: self._text(c) for c in choices})
        self._completions.setStringList(list(self._by_text))

    def set_choice_source(self, source: Callable[[], Sequence[Choice]]) -> None:
        """The picker's choices, read from ``source`` once it is used (again after each call)."""
        self._choice_source = source
        if self.picker.hasFocus():
            self._read_choices()

    def _read_choices(self) -> None:
        source = self._choice_source
        if source is not None:
            self.set_choices(source())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.picker and event.type() == QEvent.Type.FocusIn:
            self._read_choices()
        return super().eventFilter(watched, event)

    @staticmethod
    def _text(choice: Choice) -> str:
        return f"{choice.label} ({choice.hint})" if choice.hint else choice.label

    def uids(self) -> list[str]:
        return [self.chosen.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.chosen.list.count())]

    def set_uids(self, uids: Sequence[str], labels: dict[str, Choice]) -> None:
        self._labels.update({uid: self._text(c) for uid, c in labels.items()})
        if list(uids) == self.uids():
            return
        self.chosen._loading = True
        row = self.chosen.list.currentRow()
        self.chosen.list.clear()
        for uid in uids:
            self.chosen.list.addItem(self._item(uid))
        if uids and row >= 0:
            self.chosen.list.setCurrentRow(min(row, len(uids) - 1))
        self.chosen._loading = False
        self.chosen.fit_height()

    def _item(self, uid: str) -> QListWidgetItem:
        item = QListWidgetItem(self._labels.get(uid, tr("(an achievement no longer found)")))
        item.setData(Qt.ItemDataRole.UserRole, uid)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        return item

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self.suggestions.clear()
        for s in suggestions:
            a = s.achievement
            why = ", ".join(s.reasons)
            text = f"{'★ ' if a.highlight else ''}{a.title} ({a.date.isoformat()})"
            item = QListWidgetItem(f"{text} · {why}" if why else text)
            item.setData(Qt.ItemDataRole.UserRole, a.uid)
            item.setToolTip(tr("Score %1").replace("%1", f"{s.score:.0f}"))
            self._labels[a.uid] = f"{a.title} ({a.date.isoformat()})"
            self.suggestions.addItem(item)
        self.add_suggestion.setEnabled(bool(suggestions))

    def add_uid(self, uid: str) -> None:
        if uid in self.uids():
            self.message.show_message(tr("That achievement is already in the evidence."))
            return
        self.message.hide()
        self.chosen.list.addItem(self._item(uid))
        self.chosen.list.setCurrentRow(self.chosen.list.count() - 1)
        self.chosen.fit_height()
        self.changed.emit()

    def _picked(self, text: str) -> None:
        self._read_choices()
        uid = self._by_text.get(text.strip())
        if uid is None:
            if text.strip():
                self.message.show_message(
                    tr("No achievement called “%1”; pick one from the list.").replace("%1", text))
            return
        self.picker.clear()
        self.add_uid(uid)

    def _suggestion_taken(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.add_uid(item.data(Qt.ItemDataRole.UserRole))


class PlanEditor(QScrollArea):
    """Every field of one plan, in the order of preparing it."""

    edited = Signal(str, object)  # field, the plan as it would be saved
    add_to_compensation = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: NegotiationPlan | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.body = body
        self.setWidget(body)
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(0, 0, theme.SPACE_M, theme.SPACE_M)
        self.column.setSpacing(theme.SPACE_M)
        self.problems: dict[str, WarningLabel] = {}
        self._build_plan(body)
        self._build_pay(body)
        self._build_case(body)
        self._build_conversation(body)
        self._build_outcome(body)
        self.column.addStretch(1)

    # ------------------------------------------------------------ building

    def _group(self, parent: QWidget, title: str) -> QFormLayout:
        box = QGroupBox(title, parent)
        box.setAccessibleName(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.column.addWidget(box)
        return form

    def _problem(self, form: QFormLayout, field: str) -> None:
        label = _warning(self.body, tr("Problem with the %1").replace(
            "%1", field_label(field)))
        self.problems[field] = label
        form.addRow("", label)

    def _build_plan(self, body: QWidget) -> None:
        form = self._group(body, tr("The plan"))
        self.title = _line(body, tr("Plan title"), tr("What the meeting is about"))
        self.title.editingFinished.connect(
            lambda: self._text_field("title", self.title.text().strip() or None))
        form.addRow(tr("Title"), self.title)
        self._problem(form, "title")
        self.strategy = QComboBox(body)
        self.strategy.setAccessibleName(tr("Strategy"))
        for strategy in Strategy:
            self.strategy.addItem(tr(strategy.label), strategy.value)
        self.strategy.activated.connect(lambda _i: self._set(
            "strategy", lambda p: setattr(p, "strategy", Strategy(self.strategy.currentData()))))
        self.status = QComboBox(body)
        self.status.setAccessibleName(tr("Status"))
        for status in PlanStatus:
            self.status.addItem(tr(status.label), status.value)
        self.status.activated.connect(lambda _i: self._set(
            "status", lambda p: setattr(p, "status", PlanStatus(self.status.currentData()))))
        row = QHBoxLayout()
        row.addWidget(self.strategy, 1)
        status_label = QLabel(tr("Status"), body)
        status_label.setBuddy(self.status)
        row.addWidget(status_label)
        row.addWidget(self.status, 1)
        form.addRow(tr("Strategy"), row)
        self.target = QComboBox(body)
        self.target.setAccessibleName(tr("Target role"))
        self.target.activated.connect(lambda _i: self._set(
            "target", lambda p: setattr(p, "target", self.target.currentData() or None)))
        form.addRow(tr("Target"), self.target)
        self.meeting = OptionalDateEdit(tr("Set"), tr("Meeting date"), date.today(), body)
        self.meeting.changed.connect(lambda: self._set(
            "meeting_date", lambda p: setattr(p, "meeting_date", self.meeting.value())))
        meeting_row = QHBoxLayout()
        meeting_row.addWidget(self.meeting)
        meeting_row.addStretch(1)
        form.addRow(tr("Meeting"), meeting_row)
        self.participants = PeoplePicker(body)
        self.participants.setAccessibleName(tr("People in the room"))
        self.participants.input.setAccessibleName(tr("People in the room"))
        self.participants.changed.connect(lambda: self._set(
            "participants", lambda p: setattr(p, "participants", self.participants.values())))
        form.addRow(tr("In the room"), self.participants)

    def _build_pay(self, body: QWidget) -> None:
        form = self._group(body, tr("Pay and the ask"))
        self.current = PositionFields(tr("Current"), body)
        self.current.committed.connect(lambda: self._position("current"))
        form.addRow(tr("Now"), self.current)
        self._problem(form, "current")
        self.ask = PositionFields(tr("Ask"), body, scope=True)
        self.ask.committed.connect(lambda: self._position("ask"))
        form.addRow(tr("The ask"), self.ask)
        self._problem(form, "ask")
        self.benchmarks = TableEditor(
            tr("benchmark"), tr("Benchmarks"),
            [tr("Source"), tr("Low"), tr("Mid"), tr("High"), tr("Currency"), tr("Note")], body,
            stretch=(0, 5), rows=3)
        self.benchmarks.changed.connect(self._benchmarks_changed)
        form.addRow(tr("Benchmarks"), self.benchmarks)
        self._problem(form, "benchmarks")
        self.equity = _plain_label(body)
        self.equity.setAccessibleName(tr("Internal equity"))
        self.equity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("Equity"), self.equity)

    def _build_case(self, body: QWidget) -> None:
        form = self._group(body, tr("The case"))
        self.evidence = EvidenceEditor(body)
        self.evidence.changed.connect(lambda: self._set(
            "evidence", lambda p: setattr(p, "evidence", self.evidence.uids())))
        form.addRow(tr("Evidence"), self.evidence)
        self.talking_points = TextListEditor(tr("talking point"), tr("Talking points"), body)
        self.talking_points.changed.connect(lambda: self._set(
            "talking_points", lambda p: setattr(p, "talking_points",
                                                self.talking_points.values())))
        form.addRow(tr("Talking points"), self.talking_points)

    def _build_conversation(self, body: QWidget) -> None:
        form = self._group(body, tr("In the meeting"))
        self.objections = TableEditor(tr("objection"), tr("Objections and responses"),
                                      [tr("If they say"), tr("Answer")], body, stretch=(0, 1))
        self.objections.changed.connect(self._objections_changed)
        form.addRow(tr("Objections"), self.objections)
        self.fallbacks = TextListEditor(tr("fallback"), tr("Fallbacks"), body, rows=3)
        self.fallbacks.changed.connect(lambda: self._set(
            "fallbacks", lambda p: setattr(p, "fallbacks", self.fallbacks.values())))
        form.addRow(tr("Fallbacks"), self.fallbacks)
        offers = QHBoxLayout()
        offers.setSpacing(4)
        self.fallback_offers: list[QPushButton] = []
        for text, short in zip(COMMON_FALLBACKS, (tr("Micro-promotion"), tr("Scope"),
                                                  tr("Training budget"),
                                                  tr("Dated commitment")), strict=True):
            button = QPushButton("+ " + short, body)
            button.setAccessibleName(tr("Add the fallback: %1").replace("%1", text))
            button.setToolTip(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, t=text: self._offer_fallback(t))
            offers.addWidget(button)
            self.fallback_offers.append(button)
        offers.addStretch(1)
        form.addRow("", offers)
        self.walk_away = CommitTextEdit(body, lines=2)
        self.walk_away.setAccessibleName(tr("Walk-away point"))
        self.walk_away.committed.connect(
            lambda: self._text_field("walk_away", self.walk_away.text().strip() or None))
        form.addRow(tr("Walk away if"), self.walk_away)
        self.notes = CommitTextEdit(body, lines=3)
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.committed.connect(
            lambda: self._text_field("notes", self.notes.text().strip() or None))
        form.addRow(tr("Notes"), self.notes)

    def _build_outcome(self, body: QWidget) -> None:
        form = self._group(body, tr("After the meeting"))
        self.outcome_status = QComboBox(body)
        self.outcome_status.setAccessibleName(tr("Outcome"))
        self.outcome_status.addItem(tr("Not held yet"), None)
        for status in OUTCOME_STATUSES:
            self.outcome_status.addItem(tr(status.label), status.value)
        self.outcome_status.activated.connect(self._outcome_status_chosen)
        form.addRow(tr("Outcome"), self.outcome_status)
        self.outcome_date = OptionalDateEdit(tr("Set"), tr("Outcome date"), date.today(), body)
        self.outcome_date.changed.connect(lambda: self._outcome(date=self.outcome_date.value()))
        decided_row = QHBoxLayout()
        decided_row.addWidget(self.outcome_date)
        decided_row.addStretch(1)
        form.addRow(tr("Decided on"), decided_row)
        self.granted = PositionFields(tr("Granted"), body)
        self.granted.level.hide()
        self.granted.currency.hide()
        self.granted.committed.connect(self._granted_changed)
        form.addRow(tr("Granted"), self.granted)
        self._problem(form, "outcome")
        self.result = _line(body, tr("Result note"), tr("What was said and agreed"))
        self.result.editingFinished.connect(
            lambda: self._outcome(result=self.result.text().strip() or None))
        form.addRow(tr("Result"), self.result)
        self.to_compensation = QPushButton(tr("Add to compensation history"), body)
        self.to_compensation.setAccessibleName(tr("Add to compensation history"))
        self.to_compensation.setToolTip(
            tr("A pay record dated the outcome's date, with the granted title and base"))
        self.to_compensation.setAutoDefault(False)
        self.to_compensation.clicked.connect(self.add_to_compensation)
        row = QHBoxLayout()
        row.addWidget(self.to_compensation)
        row.addStretch(1)
        form.addRow("", row)

    # ------------------------------------------------------------ loading

    def set_choices(self, *, people: Sequence[Choice], targets: Sequence[Choice],
                    achievements: Sequence[Choice] | Callable[[], Sequence[Choice]]) -> None:
        """The pickers' choices; the achievements may come as a function that reads them,
        called once the evidence picker is used."""
        self.participants.set_choices(list(people))
        current = self.target.currentData()
        self.target.clear()
        self.target.addItem(tr("No target"), None)
        for choice in targets:
            self.target.addItem(f"{choice.label} ({choice.hint})" if choice.hint else choice.label,
                                choice.uid)
        self.target.setCurrentIndex(max(self.target.findData(current), 0))
        if callable(achievements):
            self.evidence.set_choice_source(achievements)
        else:
            self.evidence.set_choices(achievements)

    def load(self, plan: NegotiationPlan | None, evidence_labels: dict[str, Choice] | None = None
             ) -> None:
        """Shows a saved plan (not an edit: nothing is announced)."""
        self.record = copy.deepcopy(plan)
        for label in self.problems.values():
            label.hide()
        if plan is None:
            return
        self.title.setText(plan.title)
        self.strategy.setCurrentIndex(max(self.strategy.findData(plan.strategy.value), 0))
        self.status.setCurrentIndex(max(self.status.findData(plan.status.value), 0))
        self.target.setCurrentIndex(max(self.target.findData(plan.target), 0))
        self.meeting.set_value(plan.meeting_date)
        self.participants.set_values(plan.participants)
        self.current.set_texts([plan.current.title or "", plan.current.level or "",
                                format_amount(plan.current.base), plan.current.currency or ""])
        self.ask.set_texts([plan.ask.title or "", plan.ask.level or "",
                            format_amount(plan.ask.base), plan.ask.currency or "",
                            plan.ask.scope or ""])
        self.benchmarks.set_rows([[b.source, format_amount(b.low), format_amount(b.mid),
                                   format_amount(b.high), b.currency or "", b.note or ""]
                                  for b in plan.benchmarks])
        self.evidence.set_uids(plan.evidence, evidence_labels or {})
        self.talking_points.set_values(plan.talking_points)
        self.objections.set_rows([[o.objection, o.response or ""] for o in plan.objections])
        self.fallbacks.set_values(plan.fallbacks)
        self.walk_away.set_text(plan.walk_away or "")
        self.notes.set_text(plan.notes or "")
        outcome = plan.outcome
        status = plan.status.value if plan.status in OUTCOME_STATUSES else None
        self.outcome_status.setCurrentIndex(max(self.outcome_status.findData(status), 0))
        self.outcome_date.set_value(outcome.date if outcome else None)
        self.granted.set_texts([(outcome.granted_title or "") if outcome else "", "",
                                format_amount(outcome.granted_base) if outcome else "", ""])
        self.result.setText((outcome.result or "") if outcome else "")
        self.show_equity()

    def set_saved(self, plan: NegotiationPlan) -> None:
        """The plan as saved after this editor's own edit; the fields already show it."""
        self.record = copy.deepcopy(plan)
        self.show_equity()

    def flush(self) -> None:
        """Commits text still being typed (before switching plans or printing)."""
        for edit in (self.walk_away, self.notes):
            edit.flush()

    def show_equity(self) -> None:
        if self.record is None:
            return
        result = eq.equity(self.record)
        lines = eq.figures(result) + eq.problem_sentences(result)
        self.equity.setText("\n".join(lines) if lines else tr("Add a benchmark with a midpoint."))
        granted = self.record.outcome is not None and (
            self.record.outcome.granted_base is not None or bool(self.record.outcome.granted_title))
        self.to_compensation.setEnabled(granted)

    # ------------------------------------------------------------ edits

    def _set(self, field: str, change: Callable[[NegotiationPlan], None]) -> None:
        if self.record is None:
            return
        after = copy.deepcopy(self.record)
        change(after)
        self._offer(field, after)

    def _offer(self, field: str, after: NegotiationPlan) -> None:
        """Announces the edited plan, or shows why the core refuses it."""
        if self.record is None or after == self.record:
            self._problem_text(field, "")
            return
        try:
            check(after)
        except InvalidRecord as error:
            self._problem_text(field, error.problem if error.where else str(error))
            return
        self._problem_text(field, "")
        self.edited.emit(field, after)

    def _problem_text(self, field: str, text: str) -> None:
        label = self.problems.get(field)
        if label is not None:
            label.show_message(text)

    def _text_field(self, field: str, value: str | None) -> None:
        if field == "title" and value is None:
            self._problem_text("title", tr("A plan needs a title."))
            return
        self._set(field, lambda p: setattr(p, field, value))

    def _position(self, field: str) -> None:
        if self.record is None:
            return
        fields = self.current if field == "current" else self.ask
        try:
            base = parse_amount(fields.base.text())
        except ValueError:
            self._problem_text(field, tr("The base pay must be a number, such as 98,000."))
            return
        values = {"title": fields.title.text().strip() or None,
                  "level": fields.level.text().strip() or None, "base": base,
                  "currency": fields.currency.text().strip().upper() or None}
        if fields.scope is not None:
            values["scope"] = fields.scope.text().strip() or None
        self._set(field, lambda p: setattr(p, field, replace(getattr(p, field), **values)))

    def _benchmarks_changed(self) -> None:
        benchmarks = []
        for number, (source, low, mid, high, currency, note) in enumerate(self.benchmarks.rows(), 1):
            if not (source or low or mid or high):
                continue  # a row still being filled in
            try:
                amounts = [parse_amount(x) for x in (low, mid, high)]
            except ValueError:
                self._problem_text("benchmarks", tr("Benchmark %1: low, mid and high must be "
                                                    "numbers.").replace("%1", str(number)))
                return
            if not source:
                self._problem_text("benchmarks", tr("Benchmark %1 needs a source.")
                                   .replace("%1", str(number)))
                return
            benchmarks.append(Benchmark(source=source, low=amounts[0], mid=amounts[1],
                                        high=amounts[2], currency=currency.upper() or None,
                                        note=note or None))
        self._set("benchmarks", lambda p: setattr(p, "benchmarks", benchmarks))

    def _objections_changed(self) -> None:
        rows = [Objection(objection=said, response=answer or None)
                for said, answer in self.objections.rows() if said]
        self._set("objections", lambda p: setattr(p, "objections", rows))

    def _offer_fallback(self, text: str) -> None:
        if text in self.fallbacks.values():
            return
        self.fallbacks.append(text)

    def _outcome_status_chosen(self) -> None:
        value = self.outcome_status.currentData()
        if self.record is None:
            return
        after = copy.deepcopy(self.record)
        if value is None:
            after.status = PlanStatus.HELD if self.record.status in OUTCOME_STATUSES \
                else self.record.status
        else:
            after.status = PlanStatus(value)
            if after.outcome is None or after.outcome.date is None:
                after = with_outcome(after, date=after.meeting_date or date.today())
        self._offer("status", after)

    def _outcome(self, **changes: object) -> None:
        if self.record is not None:
            self._offer("outcome", with_outcome(self.record, **changes))

    def _granted_changed(self) -> None:
        try:
            base = parse_amount(self.granted.base.text())
        except ValueError:
            self._problem_text("outcome", tr("The granted base must be a number."))
            return
        self._outcome(granted_title=self.granted.title.text().strip() or None, granted_base=base)
