"""In the window, a change the machine refuses is told, leaves no false undo step, and can
be made again once the problem is gone."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.store import database
from careerdesk.store.database import Journal, open_journal
from careerdesk.ui.undo import CreateRecordCommand, RecordEvents, SaveRecordCommand


@pytest.fixture
def quick_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(database, "PRAGMAS", tuple(
        "PRAGMA busy_timeout = 100" if p.startswith("PRAGMA busy_timeout") else p
        for p in database.PRAGMAS))


@pytest.fixture
def opened(tmp_path: Path, quick_lock: None) -> Iterator[Journal]:
    journal = open_journal(tmp_path)
    yield journal
    journal.close()


def _lock(journal: Journal) -> sqlite3.Connection:
    other = sqlite3.connect(journal.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_refused_new_record_leaves_no_undo_step_and_can_be_made_again(
        qapp: QApplication, opened: Journal) -> None:
    stack = QUndoStack()
    events = RecordEvents.of(stack)
    told: list[str] = []
    events.failed.connect(told.append)
    entry = r.JournalEntry(date=date(2026, 11, 22), body="a thought worth keeping")
    other = _lock(opened)
    stack.push(CreateRecordCommand(opened, events, entry))
    assert stack.count() == 0 and not stack.canUndo()
    assert len(told) == 1 and "busy in another program" in told[0] and "\n" not in told[0]
    assert services.load_all(opened, r.JournalEntry) == []
    other.execute("ROLLBACK")
    other.close()
    stack.push(CreateRecordCommand(opened, events, entry))  # the same change, again
    assert stack.count() == 1
    assert [e.body for e in services.load_all(opened, r.JournalEntry)] == [entry.body]


def test_a_refused_undo_keeps_the_stack_and_the_journal_in_step(
        qapp: QApplication, opened: Journal) -> None:
    stack = QUndoStack()
    events = RecordEvents.of(stack)
    told: list[str] = []
    events.failed.connect(told.append)
    uid = services.add_journal_entry(opened, "first words")
    before = services.load_record(opened, r.JournalEntry, uid)
    after = r.JournalEntry(**{**before.__dict__, "body": "better words"})
    stack.push(SaveRecordCommand(opened, events, before, after))
    assert stack.count() == 1
    other = _lock(opened)
    stack.undo()
    other.execute("ROLLBACK")
    other.close()
    assert told and "busy" in told[-1]
    saved = services.load_record(opened, r.JournalEntry, uid).body
    # The step that could not be undone is dropped; the journal keeps the edit it shows.
    assert stack.count() == 0 and not stack.canRedo()
    assert saved == "better words"
