"""Lead times: when each kind of window opens and closes around its event, in days.

One row per rule of product.md's table, with the defaults a click away. The page calls
``LeadTimesDialog.ask(...)``; tests replace ``ask`` instead of answering a modal.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careerdesk.planner.rules import RULES, DaysAround, LeadTimes, WindowKind
from careerdesk.ui import theme
from careerdesk.ui.models.cycle_event_table import kind_text
from careerdesk.ui.widgets.marks import WarningLabel
from careerdesk.ui.window_kinds import kind_label


def tr(text: str) -> str:
    return QCoreApplication.translate("LeadTimesDialog", text)


LIMIT_DAYS = 365


def _spin(parent: QWidget, name: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(-LIMIT_DAYS, LIMIT_DAYS)
    spin.setAccessibleName(name)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    spin.setMinimumWidth(80)
    return spin


class LeadTimesDialog(QDialog):
    def __init__(self, lead_times: LeadTimes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Lead Times"))
        self.setAccessibleName(tr("Lead times"))
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACE_M)
        intro = QLabel(tr("When each window opens and closes, in days from its event: negative "
                          "is before it, 0 is the day itself."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.SPACE_M)
        grid.setVerticalSpacing(theme.SPACE_S)
        for column, text in ((2, tr("From day")), (3, tr("To day"))):
            header = QLabel(text, self)
            header.setFont(theme.font_for(theme.TextRole.STRONG))
            grid.addWidget(header, 0, column, Qt.AlignmentFlag.AlignRight)
        self.spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for row, rule in enumerate(RULES, start=1):
            window = QLabel(kind_label(rule.window), self)
            window.setFont(theme.font_for(theme.TextRole.STRONG))
            event = QLabel(tr("before %1").replace("%1", kind_text(rule.event).lower())
                           if rule.lead_time != "milestone_leverage_win"
                           else tr("after a %1").replace("%1", kind_text(rule.event).lower()), self)
            theme.set_secondary(event)
            start = _spin(self, tr("%1: first day").replace("%1", kind_label(rule.window)))
            end = _spin(self, tr("%1: last day").replace("%1", kind_label(rule.window)))
            start.valueChanged.connect(self._check)
            end.valueChanged.connect(self._check)
            grid.addWidget(window, row, 0)
            grid.addWidget(event, row, 1)
            grid.addWidget(start, row, 2)
            grid.addWidget(end, row, 3)
            self.spins[rule.lead_time] = (start, end)
        network_row = len(RULES) + 1
        network = QLabel(kind_label(WindowKind.NETWORK), self)
        network.setFont(theme.font_for(theme.TextRole.STRONG))
        network_hint = QLabel(tr("stops this many days before a posting closes"), self)
        theme.set_secondary(network_hint)
        self.network = QSpinBox(self)
        self.network.setRange(0, 60)
        self.network.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.network.setAccessibleName(tr("Days before a posting closes to stop networking"))
        grid.addWidget(network, network_row, 0)
        grid.addWidget(network_hint, network_row, 1, 1, 2)
        grid.addWidget(self.network, network_row, 3)
        layout.addLayout(grid)

        self.problem = WarningLabel(self)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setAccessibleName(tr("Restore defaults"))
        restore.clicked.connect(lambda: self.set_lead_times(LeadTimes()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.set_lead_times(lead_times)

    def set_lead_times(self, lead_times: LeadTimes) -> None:
        for name, (start, end) in self.spins.items():
            days = getattr(lead_times, name)
            assert isinstance(days, DaysAround)
            start.setValue(days.start)
            end.setValue(days.end)
        self.network.setValue(lead_times.network_until_days_before_close)
        self._check()

    def lead_times(self) -> LeadTimes | None:
        """The lead times as set, or None while a window would close before it opens."""
        values: dict[str, object] = {}
        for name, (start, end) in self.spans_by_name():
            if start > end:
                return None
            values[name] = DaysAround(start, end)
        values["network_until_days_before_close"] = self.network.value()
        return dataclasses.replace(LeadTimes(), **values)  # type: ignore[arg-type]

    def spans_by_name(self) -> list[tuple[str, tuple[int, int]]]:
        return [(name, (start.value(), end.value())) for name, (start, end) in self.spins.items()]

    def _check(self) -> None:
        wrong = [name for name, (start, end) in self.spans_by_name() if start > end]
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not wrong)
        if wrong:
            rule = next(r for r in RULES if r.lead_time == wrong[0])
            self.problem.show_message(tr("%1 would close before it opens: its first day must "
                                         "come before its last.")
                                      .replace("%1", kind_label(rule.window)))
        else:
            self.problem.hide()

    @classmethod
    def ask(cls, parent: QWidget | None, lead_times: LeadTimes) -> LeadTimes | None:
        dialog = cls(lead_times, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.lead_times()
