"""The global search remembers its latest results while the journal is unchanged."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from careerdesk import services
from careerdesk.domain.records import JournalEntry
from careerdesk.store.database import Journal
from careerdesk.ui import search_runner
from careerdesk.ui.search_popup import SearchField


def _field(qtbot: Any, journal: Journal) -> SearchField:
    host = QWidget()
    qtbot.addWidget(host)
    field = SearchField(journal.path, host, host)
    return field


def _queries(field: SearchField) -> list[str]:
    assert field.find_hits("warm up") is not None  # opens the connection
    assert field.runner._connection is not None
    seen: list[str] = []
    field.runner._connection.set_trace_callback(
        lambda sql: seen.append(sql) if "MATCH" in sql else None)
    return seen


def test_a_text_searched_again_is_answered_without_a_query(qtbot: Any,
                                                          demo_journal: Journal) -> None:
    field = _field(qtbot, demo_journal)
    queries = _queries(field)
    first = field.find_hits("budget")
    assert first and len(queries) == 1
    assert field.find_hits("budget") == first and len(queries) == 1
    assert field.find_hits("budge") and len(queries) == 2
    field.close_connection()


def test_an_edit_saved_meanwhile_is_found(qtbot: Any, demo_journal: Journal) -> None:
    field = _field(qtbot, demo_journal)
    queries = _queries(field)
    before = field.find_hits("quillwort")
    assert before == [] and len(queries) == 1
    services.save_record(demo_journal, JournalEntry(date=date(2026, 11, 20),
                                                     title="Quillwort survey notes", body=""))
    after = field.find_hits("quillwort")
    assert [hit.title for hit in after] == ["Quillwort survey notes"] and len(queries) == 2
    field.close_connection()


def test_only_the_latest_searches_are_kept(qtbot: Any, demo_journal: Journal) -> None:
    field = _field(qtbot, demo_journal)
    queries = _queries(field)
    texts = [f"budget {n}" for n in range(search_runner.REMEMBERED_SEARCHES + 5)]
    for text in texts:
        field.find_hits(text)
    assert len(field.runner.remembered) == search_runner.REMEMBERED_SEARCHES
    asked = len(queries)
    field.find_hits(texts[-1])  # kept
    assert len(queries) == asked
    field.find_hits(texts[0])  # the oldest, dropped
    assert len(queries) == asked + 1
    field.close_connection()
    assert not field.runner.remembered
