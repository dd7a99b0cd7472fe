"""An achievement's metrics: name, baseline → result, unit, direction, and the change.

Each metric is two lines of fields with its derived change beside it, updated as the
user types ("72 → 88 %, +22 %"). What is typed stays as typed until it is a complete
metric: a problem shows under the metric, in the warm colour and in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.records import Metric
from careerdesk.store.achievement_edit import MetricDraft, MetricProblem
from careerdesk.ui.widgets.marks import WarningLabel, warning_border


def tr(text: str) -> str:
    return QCoreApplication.translate("MetricsEditor", text)


def problem_text(problem: MetricProblem) -> str:
    return {
        MetricProblem.NO_NAME: tr("Give the metric a name."),
        MetricProblem.NO_RESULT: tr("Enter the result, as a number."),
        MetricProblem.RESULT_NOT_A_NUMBER: tr("The result must be a number, such as 88 or 1.5."),
        MetricProblem.BASELINE_NOT_A_NUMBER: tr("The baseline must be a number, or left empty."),
    }[problem]


# Shown only once the user has left the metric: while filling it in, a missing part is
# just not typed yet.
_MISSING = {MetricProblem.NO_NAME, MetricProblem.NO_RESULT}


class MetricRow(QFrame):
    """One metric's fields. ``committed`` when a field is done with (left or toggled)."""

    committed = Signal()
    move_requested = Signal(int)  # -1 up, +1 down
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metric")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._shown: dict[str, MetricProblem] = {}

        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("Metric, e.g. Client satisfaction"))
        self.baseline = QLineEdit(self)
        self.baseline.setPlaceholderText(tr("Baseline"))
        self.result = QLineEdit(self)
        self.result.setPlaceholderText(tr("Result"))
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(tr("Unit"))
        self.higher = QCheckBox(tr("Higher is better"), self)
        self.higher.setChecked(True)
        self.change = QLabel(self)
        self.change.setWordWrap(True)
        self.change.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = WarningLabel(self)
        for edit in (self.baseline, self.result):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(90)
        self.unit.setMaximumWidth(80)

        self.up = self._tool("↑", tr("Move metric up"))
        self.down = self._tool("↓", tr("Move metric down"))
        self.remove = self._tool("✕", tr("Remove metric"))
        self.up.clicked.connect(lambda: self.move_requested.emit(-1))
        self.down.clicked.connect(lambda: self.move_requested.emit(1))
        self.remove.clicked.connect(self.remove_requested.emit)

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.name, 1)
        top.addSpacing(4)
        top.addWidget(self.up)
        top.addWidget(self.down)
        top.addWidget(self.remove)
        grid.addLayout(top, 0, 0)
        numbers = QHBoxLayout()
        numbers.setSpacing(6)
        numbers.addWidget(self.baseline)
        arrow = QLabel("→", self)
        arrow.setAccessibleName(tr("to"))
        numbers.addWidget(arrow)
        numbers.addWidget(self.result)
        numbers.addWidget(self.unit)
        numbers.addStretch(1)
        grid.addLayout(numbers, 1, 0)
        outcome = QHBoxLayout()
        outcome.setSpacing(12)
        outcome.addWidget(self.higher)
        outcome.addWidget(self.change, 1)
        grid.addLayout(outcome, 2, 0)
        grid.addWidget(self.message, 3, 0)

        for edit in (self.name, self.baseline, self.result, self.unit):
            edit.textEdited.connect(self._typed)
            edit.editingFinished.connect(self._edited)
        self.higher.toggled.connect(self._toggled)
        self.set_position(0, 1)
        self._refresh_change()

    def _tool(self, text: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.setToolTip(name)
        button.setAccessibleName(name)
        return button

    def set_position(self, index: int, count: int) -> None:
        """Names the fields after the metric's place, for screen readers."""
        number = str(index + 1)
        for widget, text in ((self.name, tr("Metric %1 name")),
                             (self.baseline, tr("Metric %1 baseline")),
                             (self.result, tr("Metric %1 result")),
                             (self.unit, tr("Metric %1 unit")),
                             (self.higher, tr("Metric %1: higher is better")),
                             (self.change, tr("Metric %1 change"))):
            widget.setAccessibleName(text.replace("%1", number))
        self.up.setEnabled(index > 0)
        self.down.setEnabled(index < count - 1)

    def draft(self) -> MetricDraft:
        return MetricDraft(name=self.name.text(), unit=self.unit.text(),
                           baseline=self.baseline.text(), result=self.result.text(),
                           higher_is_better=self.higher.isChecked())

    def set_draft(self, draft: MetricDraft) -> None:
        for edit, text in ((self.name, draft.name), (self.unit, draft.unit),
                           (self.baseline, draft.baseline), (self.result, draft.result)):
            if edit.text() != text:
                edit.setText(text)
        self.higher.blockSignals(True)
        self.higher.setChecked(draft.higher_is_better)
        self.higher.blockSignals(False)
        self.show_problems({})
        self._refresh_change()

    def has_focus_within(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self or self.isAncestorOf(focus))

    def show_problems(self, problems: dict[str, MetricProblem]) -> None:
        if self.has_focus_within():
            problems = {k: v for k, v in problems.items() if v not in _MISSING}
        self._shown = problems
        for field, edit in (("name", self.name), ("baseline", self.baseline),
                            ("result", self.result)):
            warning_border(edit, field in problems)
        self.message.show_message(" ".join(problem_text(p) for p in problems.values()))

    def _typed(self) -> None:
        self._refresh_change()
        if self._shown:  # once a problem shows, it goes as soon as it is fixed
            self.show_problems(self.draft().problems())

    def _toggled(self) -> None:
        self._refresh_change()
        self.committed.emit()

    def _edited(self) -> None:
        self.committed.emit()

    def _refresh_change(self) -> None:
        preview = self.draft().preview()
        self.change.setText(tr("Change: %1").replace("%1", preview) if preview else "")
        self.change.setVisible(bool(preview))


class MetricsEditor(QWidget):
    """The list of metric rows and the button to add one."""

    committed = Signal()
    rows_changed = Signal()  # the focus chain needs the new fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Metrics"))
        self.rows: list[MetricRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.add_button = QPushButton(tr("Add metric"), self)
        self.add_button.setAccessibleName(tr("Add metric"))
        self.add_button.setToolTip(tr("Add a number that shows the result: before and after"))
        self.add_button.clicked.connect(self.add_metric)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self._layout.addLayout(buttons)

    def drafts(self) -> list[MetricDraft]:
        return [row.draft() for row in self.rows]

    def problems(self) -> dict[int, dict[str, MetricProblem]]:
        found = {}
        for i, draft in enumerate(self.drafts()):
            problems = draft.problems()
            if problems:
                found[i] = problems
        return found

    def show_problems(self) -> None:
        for row, draft in zip(self.rows, self.drafts(), strict=True):
            row.show_problems(draft.problems())

    def metrics(self) -> list[Metric]:
        """The metrics; raises ``ValueError`` while any is incomplete."""
        return [draft.to_metric() for draft in self.drafts()]

    def set_metrics(self, metrics: Sequence[Metric]) -> None:
        """Shows saved metrics (no commit)."""
        drafts = [MetricDraft.of(x) for x in metrics]
        while len(self.rows) > len(drafts):
            self._drop(self.rows[-1])
        while len(self.rows) < len(drafts):
            self._append()
        for row, draft in zip(self.rows, drafts, strict=True):
            row.set_draft(draft)
        self._renumber()

    def add_metric(self) -> MetricRow:
        """A new empty metric, with the cursor in its name; saved once it is complete."""
        row = self._append()
        self._renumber()
        row.name.setFocus()
        return row

    def _append(self) -> MetricRow:
        row = MetricRow(self)
        row.committed.connect(self.committed.emit)
        row.move_requested.connect(lambda step, r=row: self._move(r, step))
        row.remove_requested.connect(lambda r=row: self._remove(r))
        self._layout.insertWidget(len(self.rows), row)
        row.show()
        self.rows.append(row)
        return row

    def _drop(self, row: MetricRow) -> None:
        self.rows.remove(row)
        self._layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _remove(self, row: MetricRow) -> None:
        index = self.rows.index(row)
        self._drop(row)
        self._renumber()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].name.setFocus()
        else:
            self.add_button.setFocus()
        self.committed.emit()

    def _move(self, row: MetricRow, step: int) -> None:
        index = self.rows.index(row)
        target = index + step
        if not 0 <= target < len(self.rows):
            return
        self.rows.insert(target, self.rows.pop(index))
        self._layout.removeWidget(row)
        self._layout.insertWidget(target, row)
        self._renumber()
        (row.up if step < 0 and target > 0 else row.down if target < len(self.rows) - 1
         else row.name).setFocus()
        self.committed.emit()

    def focus_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them: each metric's values, its buttons, then Add."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain += [row.name, row.baseline, row.result, row.unit, row.higher, row.up,
                      row.down, row.remove]
        return [*chain, self.add_button]

    def _renumber(self) -> None:
        for i, row in enumerate(self.rows):
            row.set_position(i, len(self.rows))
        self.rows_changed.emit()
