"""Undoable changes to the planner's settings: a window moved, dismissed or brought back, and
the lead times. They go on the window's one undo stack like record edits, so Edit > Undo
reverses the last change wherever it was made; each announces itself through
``PlannerEvents`` so every page showing the plan follows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from careerdesk import services
from careerdesk.domain.errors import CareerdeskError
from careerdesk.planner import LeadTimes, WindowOverride
from careerdesk.store.database import Journal
from careerdesk.ui.planner_events import PlannerEvents
from careerdesk.ui.undo import RecordEvents


def tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


_BLOCKED = (CareerdeskError, SQLAlchemyError, OSError)


class _SettingCommand(QUndoCommand):
    def __init__(self, journal: Journal, events: PlannerEvents, failures: RecordEvents,
                 text: str) -> None:
        super().__init__(text)
        self.journal = journal
        self.events = events
        self.failures = failures

    def _apply(self, change: object) -> None:
        raise NotImplementedError

    def _run(self, change: object) -> None:
        try:
            self._apply(change)
        except _BLOCKED as error:
            self.setObsolete(True)  # nothing changed: no undo step that does nothing
            self.failures.failed.emit(tr("Could not save the change: %1").replace("%1", str(error)))
            return
        self.events.settings_changed.emit()


class WindowOverrideCommand(_SettingCommand):
    """One window from ``before`` to ``after`` (its shift in days and whether dismissed)."""

    def __init__(self, journal: Journal, events: PlannerEvents, failures: RecordEvents,
                 window_id: str, before: WindowOverride, after: WindowOverride, *,
                 text: str) -> None:
        super().__init__(journal, events, failures, text)
        self.window_id = window_id
        self.before = before
        self.after = after

    def _apply(self, change: object) -> None:
        assert isinstance(change, WindowOverride)
        services.shift_window(self.journal, self.window_id, change.shift_days)
        services.dismiss_window(self.journal, self.window_id, change.dismissed)

    def redo(self) -> None:
        self._run(self.after)

    def undo(self) -> None:
        self._run(self.before)


class LeadTimesCommand(_SettingCommand):
    def __init__(self, journal: Journal, events: PlannerEvents, failures: RecordEvents,
                 before: LeadTimes, after: LeadTimes) -> None:
        super().__init__(journal, events, failures, tr("Change lead times"))
        self.before = before
        self.after = after

    def _apply(self, change: object) -> None:
        assert isinstance(change, LeadTimes)
        services.save_lead_times(self.journal, change)

    def redo(self) -> None:
        self._run(self.after)

    def undo(self) -> None:
        self._run(self.before)
