"""Pages made ready while the window is idle: loaded and laid out as their showing would,
drawn once, and never showing what the journal no longer holds."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from careerdesk import services
from careerdesk.domain.enums import AchievementKind
from careerdesk.domain.records import Achievement
from careerdesk.store.database import Journal
from careerdesk.ui import chart_warm_up
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.pages import PAGE_NAMES
from careerdesk.ui.pages import timeline as timeline_page
from careerdesk.ui.pages.achievements import AchievementsPage
from careerdesk.ui.pages.timeline import TimelinePage
from careerdesk.ui.undo import SaveRecordCommand

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    # matplotlib's Qt canvas asks about a Qt 5 attribute that Qt 6 keeps only as deprecated.
    pytest.mark.filterwarnings("ignore:Enum value:DeprecationWarning"),
]

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline_page, "today", lambda: TODAY)


@pytest.fixture
def prepared(qtbot: Any, demo_journal: Journal) -> Iterator[MainWindow]:
    """The window on Today, shown, once idle time has made every other page ready."""
    window = MainWindow(demo_journal, Path(demo_journal.path).parent, remember=False,
                        start_page="today")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.first_page_ready, timeout=5000):
        window.show()
    chart_warm_up.start()  # the Timeline waits for matplotlib's import
    qtbot.waitUntil(lambda: window.warm_up is not None and window.warm_up.done, timeout=20000)
    yield window
    window.shutdown()


def _settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def test_every_page_is_loaded_while_hidden(prepared: MainWindow) -> None:
    assert set(prepared.pages) == set(PAGE_NAMES)
    assert prepared.current_page_name == "today"
    hidden = [prepared.pages[name] for name in PAGE_NAMES[1:]]
    assert not any(page.isVisible() for page in hidden)
    achievements = prepared.pages["achievements"]
    assert isinstance(achievements, AchievementsPage)
    assert achievements.model.rowCount() > 0  # its list read from the journal
    # Sized as the page area shows it.
    assert [page.size() for page in hidden] == [prepared.stack.contentsRect().size()] * len(hidden)


def test_the_timeline_is_drawn_at_its_shown_size_and_not_again(prepared: MainWindow) -> None:
    timeline = prepared.pages["timeline"]
    assert isinstance(timeline, TimelinePage)
    chart = timeline.charts["timeline"]
    drawing = chart.drawing
    assert drawing is not None and drawing.items  # the demo journal's year, drawn hidden
    hidden_size = chart.canvas.size().toTuple()
    assert chart.drawn_size == hidden_size
    ratio = chart.canvas.device_pixel_ratio
    assert tuple(chart.canvas.figure.bbox.size) == (hidden_size[0] * ratio,
                                                   hidden_size[1] * ratio)
    prepared.show_page("timeline")
    _settle()
    assert chart.canvas.size().toTuple() == hidden_size
    assert chart.drawing is drawing  # its showing only paints what was drawn


def test_a_page_made_ready_shows_what_was_written_since(prepared: MainWindow,
                                                        demo_journal: Journal) -> None:
    """A write outside the pages (no undo command told them) is seen at the first showing."""
    late = Achievement(date=TODAY, title="Written after the page was made ready",
                       kind=AchievementKind.QUANTIFIED)
    services.save_record(demo_journal, late)
    page = prepared.show_page("achievements")
    assert isinstance(page, AchievementsPage)
    assert page.model.row_of_uid(late.uid) is not None
    assert prepared.open_record("achievement", late.uid)
    assert page.current_uid() == late.uid


def test_a_page_made_ready_with_nothing_written_since_is_not_read_again(
        prepared: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = prepared.pages["achievements"]
    reloads: list[int] = []
    monkeypatch.setattr(page, "refresh", lambda: reloads.append(1))
    prepared.show_page("achievements")
    assert reloads == []


def test_a_page_opened_first_is_not_made_again(qtbot: Any, demo_journal: Journal) -> None:
    window = MainWindow(demo_journal, Path(demo_journal.path).parent, remember=False,
                        start_page="today")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_page_ready, timeout=5000):
        window.show()
    page = window.show_page("people")  # the user is quicker than the idle time
    chart_warm_up.start()
    qtbot.waitUntil(lambda: window.warm_up is not None and window.warm_up.done, timeout=20000)
    assert window.pages["people"] is page
    assert window.stack.currentWidget() is page and page is not None and page.isVisible()
    window.shutdown()


def test_a_hidden_page_reloads_once_when_shown_not_at_every_edit(
        prepared: MainWindow, demo_journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    page = prepared.pages["achievements"]
    assert isinstance(page, AchievementsPage)
    reloads: list[int] = []
    real_reload = page.model.reload

    def counted() -> None:
        reloads.append(1)
        real_reload()

    monkeypatch.setattr(page.model, "reload", counted)
    before = page.model.row_of_uid(page.model.uid_at(0) or "")
    assert before == 0
    from careerdesk.store.repository import load

    with demo_journal.sessions() as session:
        first = load(session, Achievement, page.model.uid_at(0) or "")
    for n in range(3):  # three edits made on another page, through the undo stack
        after = dataclasses.replace(first, title=f"Renamed {n}")
        prepared.undo_stack.push(SaveRecordCommand(demo_journal, page.events, first, after,
                                                   text="Rename"))
        first = after
    assert reloads == []  # hidden: nothing read at each edit
    prepared.show_page("achievements")
    assert len(reloads) == 1  # once, as it shows
    assert page.model.row_of_uid(first.uid) is not None


def test_a_page_whose_preparation_failed_loads_when_opened(
        qtbot: Any, demo_journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    real_first_load = AchievementsPage._first_load
    failures: list[int] = []

    def fails_once(self: AchievementsPage) -> None:
        if not failures:
            failures.append(1)
            raise RuntimeError("the journal could not be read just then")
        real_first_load(self)

    monkeypatch.setattr(AchievementsPage, "_first_load", fails_once)
    window = MainWindow(demo_journal, Path(demo_journal.path).parent, remember=False,
                        start_page="today")
    qtbot.addWidget(window)
    with qtbot.capture_exceptions() as caught:
        with qtbot.waitSignal(window.first_page_ready, timeout=5000):
            window.show()
        chart_warm_up.start()
        qtbot.waitUntil(lambda: window.warm_up is not None and window.warm_up.done,
                        timeout=20000)
    assert [kind for kind, _, _ in caught] == [RuntimeError]
    page = window.show_page("achievements")
    assert isinstance(page, AchievementsPage)
    assert page.model.rowCount() > 0  # loaded now, as it opened
    window.shutdown()
