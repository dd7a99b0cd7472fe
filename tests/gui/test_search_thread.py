"""The search field's queries run on a thread of their own: typing never waits for one, a
newer text stops an older query, and only the newest text's results are shown."""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from careerdesk.search import Hit
from careerdesk.search import search as real_search
from careerdesk.store.database import Journal
from careerdesk.ui import search_runner
from careerdesk.ui.search_popup import SearchField

ENDLESS = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
           "SELECT count(*) FROM n")
"""A query that only an interruption ends."""


@pytest.fixture
def field(qtbot: Any, demo_journal: Journal) -> Any:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 600)
    made = SearchField(demo_journal.path, host, host)
    host.show()
    yield made
    made.shutdown()


def test_typing_does_not_wait_for_the_query(field: SearchField, qtbot: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    on_thread: list[str] = []

    def slow(connection: sqlite3.Connection, text: str, **kwargs: Any) -> list[Hit]:
        on_thread.append(threading.current_thread().name)
        time.sleep(0.4)
        return real_search(connection, text, **kwargs)

    monkeypatch.setattr(search_runner, "search", slow)
    field.setText("budget")
    started = time.perf_counter()
    field.run_search()
    assert time.perf_counter() - started < 0.1  # the window goes on meanwhile
    assert not field.popup.isVisible()
    qtbot.waitUntil(field.popup.isVisible, timeout=5000)
    assert field.popup.shown_for == "budget" and field.popup.model.rowCount() > 0
    assert on_thread and on_thread[0].startswith("search")


def test_a_newer_text_stops_the_older_query(field: SearchField, qtbot: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    outcomes: list[str] = []

    def endless_for_slow(connection: sqlite3.Connection, text: str,
                         **kwargs: Any) -> list[Hit]:
        if text != "slow":
            return real_search(connection, text, **kwargs)
        try:
            connection.execute(ENDLESS).fetchall()
        except sqlite3.OperationalError as error:
            outcomes.append(str(error))
            raise
        return []

    monkeypatch.setattr(search_runner, "search", endless_for_slow)
    field.setText("slow")
    field.run_search()
    qtbot.wait(100)  # the endless query is running
    field.setText("budget")
    field.run_search()
    qtbot.waitUntil(field.popup.isVisible, timeout=5000)
    assert outcomes == ["interrupted"]
    assert field.popup.shown_for == "budget"
    titles = [field.popup.model.hit(row).title for row in range(field.popup.model.rowCount())]
    assert titles == [hit.title for hit in field.find_hits("budget")]


def test_an_older_texts_results_are_never_shown(field: SearchField, qtbot: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_for_kevin(connection: sqlite3.Connection, text: str,
                       **kwargs: Any) -> list[Hit]:
        hits = real_search(connection, text, **kwargs)
        if text == "kevin":
            time.sleep(0.3)  # Python code: no interruption reaches it
        return hits

    monkeypatch.setattr(search_runner, "search", slow_for_kevin)
    shown: list[str] = []
    field.runner.found.connect(lambda _ticket, text, _hits: shown.append(text))
    field.setText("kevin")
    field.run_search()
    field.setText("budget")
    field.run_search()
    qtbot.waitUntil(lambda: field.popup.shown_for == "budget", timeout=5000)
    qtbot.wait(400)  # the kevin search has ended by now
    assert shown == ["budget"]
    assert field.popup.shown_for == "budget"


def test_closing_stops_a_running_query(field: SearchField, qtbot: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(connection: sqlite3.Connection, text: str, **kwargs: Any) -> list[Hit]:
        connection.execute(ENDLESS).fetchall()
        return []

    monkeypatch.setattr(search_runner, "search", endless)
    field.setText("anything")
    field.run_search()
    qtbot.wait(100)
    started = time.perf_counter()
    field.shutdown()
    assert time.perf_counter() - started < 2
    assert not field.popup.isVisible()


def test_enter_right_after_typing_opens_the_best_match(field: SearchField, qtbot: Any) -> None:
    opened: list[tuple[str, str]] = []
    field.record_requested.connect(lambda kind, uid: opened.append((kind, uid)))
    field.setFocus()
    qtbot.keyClicks(field, "kevin park")
    qtbot.keyClick(field, "\r")  # before the typing pause has even ended
    best = field.find_hits("kevin park")[0]
    assert opened == [(best.kind, best.uid)]


def test_esc_while_a_query_runs_keeps_the_list_closed(field: SearchField, qtbot: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    field.setFocus()
    field.setText("budge")
    field.run_search()
    qtbot.waitUntil(field.popup.isVisible, timeout=5000)  # the list of "budge" shows

    def slow(connection: sqlite3.Connection, text: str, **kwargs: Any) -> list[Hit]:
        time.sleep(0.3)
        return real_search(connection, text, **kwargs)

    monkeypatch.setattr(search_runner, "search", slow)
    field.setText("budget")  # one more letter: its query runs...
    field.run_search()
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # ...and Esc closes the list meanwhile
    assert not field.popup.isVisible()
    qtbot.wait(600)  # the query has ended by now
    assert not field.popup.isVisible()
    assert field.text() == "budget"
