"""Undoable edits of any record kind, as commands on the window's one ``QUndoStack``.

Each command holds whole records (deep copies of the domain dataclasses), never widgets:
undo saves the record as it was, times included, so it comes back exactly; undoing a
creation deletes it; undoing a deletion saves it again under the same uid.

Pages hear about every change through the ``RecordEvents`` of the stack, whoever made it
(an edit, an undo in another page, a redo from the Edit menu), and refresh from it.
Deleting a record also drops the links other records had to it (a plan's evidence, a
person's place in an interaction); undoing the deletion brings the record back with its
own links, not those of the others.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.exc import SQLAlchemyError

from careerdesk import services
from careerdesk.domain.errors import CareerdeskError
from careerdesk.domain.records import Record
from careerdesk.store.database import Journal


def tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


@dataclass(frozen=True)
class RecordChange:
    """What happened to one record: ``record`` is it as now saved, ``None`` once deleted.

    ``replay`` is true for an undo or a redo, false when the user's edit first happens:
    an editor that made the change already shows it and need not reload.
    """

    kind: type[Record]
    uid: str
    record: Record | None
    replay: bool
    field: str = ""


class RecordEvents(QObject):
    """The signals of one undo stack; every page of the window listens to the same one."""

    changed = Signal(object)  # RecordChange
    failed = Signal(str)  # a sentence the window can show

    @classmethod
    def of(cls, stack: QUndoStack) -> RecordEvents:
        """The events of this stack, created on first use and living as long as the stack."""
        found = stack.findChild(cls, "record-events")
        if isinstance(found, cls):
            return found
        events = cls(stack)
        events.setObjectName("record-events")
        return events


_SAVE_ID = 0x5EC0  # QUndoCommand.id() of field edits, so consecutive ones can merge
_MERGE_WITHIN_SECONDS = 120.0
_BLOCKED = (CareerdeskError, SQLAlchemyError, OSError)


class _RecordCommand(QUndoCommand):
    def __init__(self, journal: Journal, events: RecordEvents, text: str) -> None:
        super().__init__(text)
        self.journal = journal
        self.events = events
        self._done_once = False

    def _report(self, error: Exception) -> None:
        # The change could not be made (a linked record is gone, the disk is full...):
        # the stack drops the command rather than offer an undo that does nothing.
        self.setObsolete(True)
        self.events.failed.emit(tr("Could not save the change: %1").replace("%1", str(error)))

    def _saved(self, record: Record) -> Record:
        """The record as the journal now holds it, with the times the store gave it."""
        return services.load_record(self.journal, type(record), record.uid)

    def _announce(self, kind: type[Record], uid: str, record: Record | None,
                  field: str = "") -> None:
        self.events.changed.emit(RecordChange(kind, uid, record, self._done_once, field))


class SaveRecordCommand(_RecordCommand):
    """One edit of an existing record: ``before`` and ``after`` are whole records.

    Edits of the same field of the same record in a row (a story typed over a few
    pauses) merge into one undo step when ``merge`` is set.
    """

    def __init__(self, journal: Journal, events: RecordEvents, before: Record, after: Record,
                 *, text: str = "", field: str = "", merge: bool = False) -> None:
        super().__init__(journal, events, text or tr("Edit"))
        if before.uid != after.uid or type(before) is not type(after):
            raise ValueError("before and after must be the same record")
        self.before = copy.deepcopy(before)
        self.after = copy.deepcopy(after)
        self.field = field
        self.merge = merge
        self._at = time.monotonic()

    def redo(self) -> None:
        try:
            # The first time the edit is stamped now; a redo puts back that same stamp.
            services.save_record(self.journal, self.after, keep_times=self._done_once)
            self.after = self._saved(self.after)
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(type(self.after), self.after.uid, self.after, self.field)
        self._done_once = True

    def undo(self) -> None:
        try:
            services.save_record(self.journal, self.before, keep_times=True)
            restored = self._saved(self.before)
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(type(self.before), self.before.uid, restored, self.field)

    def id(self) -> int:
        return _SAVE_ID if self.merge and self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SaveRecordCommand) or not other.merge:
            return False
        if (other.field != self.field or other.after.uid != self.after.uid
                or other._at - self._at > _MERGE_WITHIN_SECONDS):
            return False
        if _without_times(other.before) != _without_times(self.after):
            return False
        self.after = other.after
        self._at = other._at
        if _without_times(self.after) == _without_times(self.before):
            self.setObsolete(True)  # typed and then typed back: nothing left to undo
        return True


class CreateRecordCommand(_RecordCommand):
    """A new record; undo deletes it, redo brings it back with the same uid and times."""

    def __init__(self, journal: Journal, events: RecordEvents, record: Record,
                 *, text: str = "") -> None:
        super().__init__(journal, events, text or tr("New record"))
        self.record = copy.deepcopy(record)

    def redo(self) -> None:
        try:
            services.save_record(self.journal, self.record, keep_times=self._done_once)
            self.record = self._saved(self.record)
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(type(self.record), self.record.uid, self.record)
        self._done_once = True

    def undo(self) -> None:
        try:
            services.delete_record(self.journal, type(self.record), self.record.uid)
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(type(self.record), self.record.uid, None)


class DeleteRecordCommand(_RecordCommand):
    """Deletes a record; undo saves it again whole, with its uid, times and children."""

    def __init__(self, journal: Journal, events: RecordEvents, kind: type[Record], uid: str,
                 *, text: str = "") -> None:
        super().__init__(journal, events, text or tr("Delete"))
        self.kind = kind
        self.uid = uid
        self.deleted: Record | None = None

    def redo(self) -> None:
        try:
            self.deleted = copy.deepcopy(services.delete_record(self.journal, self.kind, self.uid))
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(self.kind, self.uid, None)
        self._done_once = True

    def undo(self) -> None:
        if self.deleted is None:
            return
        try:
            services.save_record(self.journal, self.deleted, keep_times=True)
            restored = self._saved(self.deleted)
        except _BLOCKED as error:
            self._report(error)
            return
        self._announce(self.kind, self.uid, restored)


def _without_times(record: Record) -> Record:
    clean = copy.copy(record)
    clean.created_at = None
    clean.updated_at = None
    return clean
