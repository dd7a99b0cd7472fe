"""A signal for changes to the planner's settings (lead times, a moved or dismissed window).

Those are settings, not records, so ``RecordEvents`` does not carry them; the pages that
show the plan listen here as well. One per undo stack, like ``RecordEvents``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack


class PlannerEvents(QObject):
    settings_changed = Signal()

    @classmethod
    def of(cls, stack: QUndoStack) -> PlannerEvents:
        found = stack.findChild(cls, "planner-events")
        if isinstance(found, cls):
            return found
        events = cls(stack)
        events.setObjectName("planner-events")
        return events
