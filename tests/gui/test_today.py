"""The Today page: readiness with its factors, windows with countdowns, next actions that
open their record, quick capture, the empty journal, and reloading after changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from careerdesk import services
from careerdesk.domain.enums import AchievementKind
from careerdesk.domain.records import Achievement, JournalEntry, Metric
from careerdesk.planner import ActionKind
from careerdesk.planner.notice import start_notice
from careerdesk.store.database import Journal
from careerdesk.ui import clock
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.pages.today import TodayPage
from careerdesk.ui.undo import CreateRecordCommand, RecordEvents
from careerdesk.ui.widgets.readiness_card import explanation_in_words

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 22)  # the sample journal's today


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


def _open_page(qtbot: Any, journal: Journal, stack: QUndoStack) -> TodayPage:
    page = TodayPage(journal, stack)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.ready()
    return page


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> TodayPage:
    return _open_page(qtbot, demo_journal, stack)


@pytest.fixture
def window(qtbot: Any, journal: Journal) -> Iterator[MainWindow]:
    shown = MainWindow(journal, Path(journal.path).parent, remember=False, start_page="today")
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.first_page_ready, timeout=5000):
        shown.show()
    yield shown
    shown.shutdown()


def test_both_scores_and_every_factor_are_shown_with_words(page: TodayPage,
                                                           demo_journal: Journal) -> None:
    plan = services.plan(demo_journal, TODAY)
    for card, readiness in ((page.promotion_card, plan.promotion),
                            (page.mobility_card, plan.mobility)):
        assert card.isVisible()
        assert card.ring.score == readiness.score and card.ring.maximum == readiness.max
        assert card.ring.accessibleName() == f"Score {readiness.score} of {readiness.max}"
        shown = [(row.name_label.text(), row.points_label.text(), row.bar.points,
                  row.explanation.text()) for row in card.factor_rows]
        assert shown == [(f.name, f"{f.points} / {f.max}", f.points, explanation_in_words(f))
                         for f in readiness.factors]
    # The sample journal's known facts, read the way the user reads them.
    wins = page.promotion_card.factor_rows[0]
    assert wins.name_label.text() == "Quantified wins"
    assert wins.explanation.text() == "14 quantified wins in the last 12 months"
    assert page.date_label.text() == "Sunday, 22 Nov 2026"
    assert not page.empty_line.isVisible()


def test_the_next_windows_have_countdowns_and_open_ones_stand_out(page: TodayPage,
                                                                  demo_journal: Journal) -> None:
    plan = services.plan(demo_journal, TODAY)
    assert len(page.window_rows) == min(3, len(plan.windows))
    for row, window in zip(page.window_rows, plan.windows, strict=False):
        assert row.kind_label.text() == window.kind.label
        assert row.countdown.text() == window.countdown(TODAY)
        assert row.reason.text() == window.reason
        assert (row.objectName() == "windowRowOpen") == window.is_open(TODAY)
    first = page.window_rows[0]
    assert first.countdown.text() == "open now, 3 days left"
    assert page.windows_note.text() == f"{len(plan.windows) - 3} more ahead in the Planner."


def test_actions_come_most_urgent_first_with_overdue_ones_said_in_words(
        page: TodayPage, demo_journal: Journal) -> None:
    plan = services.plan(demo_journal, TODAY)
    shown = [row.action for row in page.action_rows]
    # The five most urgent, then the first lapsed relationships, in the plan's order.
    reconnect = [a for a in plan.actions[5:] if a.kind is ActionKind.RECONNECT][:2]
    assert shown == [*plan.actions[:5], *reconnect]
    assert len(reconnect) == 2 and reconnect[0].text.startswith("Get back in touch with")
    assert [plan.actions.index(a) for a in shown] == sorted(plan.actions.index(a) for a in shown)
    late_follow_ups = [row for row in page.action_rows
                       if row.overdue and row.action.kind is ActionKind.FOLLOW_UP]
    assert late_follow_ups and late_follow_ups == page.action_rows[:len(late_follow_ups)]
    for row in page.action_rows:
        word = "Lapsed" if row.action.kind is ActionKind.RECONNECT else "Overdue"
        if row.overdue:
            assert row.when.text() == word
            assert row.accessibleName().startswith(f"{word}: ")
        else:
            assert row.when.text() not in ("Overdue", "Lapsed")
    assert page.action_rows[-1].when.text() == "Lapsed"
    assert page.action_rows[0].text.text().startswith("Follow up with Ian Crawford")


def test_an_action_opens_the_record_it_is_about(qtbot: Any, window: MainWindow,
                                                journal: Journal) -> None:
    win = Achievement(date=TODAY - timedelta(days=3), title="Cut the close by two days",
                      kind=AchievementKind.QUANTIFIED)
    services.save_record(journal, win)
    today_page = window.pages["today"]
    assert isinstance(today_page, TodayPage)
    today_page.refresh()
    row = next(r for r in today_page.action_rows if r.action.about == win.uid)
    assert row.open_button is not None
    with qtbot.waitSignal(today_page.record_requested) as requested:
        qtbot.mouseClick(row.open_button, Qt.MouseButton.LeftButton)
    assert requested.args == ["achievement", win.uid]
    assert window.current_page_name == "achievements"
    achievements = window.pages["achievements"]
    assert achievements.current_uid() == win.uid  # type: ignore[attr-defined]


def test_an_action_about_a_cycle_event_opens_it_on_the_planner(qtbot: Any, window: MainWindow,
                                                               journal: Journal) -> None:
    from careerdesk.domain.enums import CycleEventKind
    from careerdesk.domain.records import CycleEvent

    review = CycleEvent(kind=CycleEventKind.PERFORMANCE_REVIEW, name="Annual review",
                        date=TODAY + timedelta(days=20))  # its pre-review window is open
    services.save_record(journal, review)
    today_page = window.pages["today"]
    assert isinstance(today_page, TodayPage)
    today_page.refresh()
    row = next(r for r in today_page.action_rows if r.action.about == review.uid)
    assert today_page.open_about(review.uid)
    assert window.current_page_name == "planner"
    assert window.pages["planner"].current_uid() == review.uid  # type: ignore[attr-defined]
    assert row.open_button is not None


def test_quick_capture_adds_an_entry_for_today_and_undo_takes_it_back(
        qtbot: Any, page: TodayPage, demo_journal: Journal, stack: QUndoStack) -> None:
    before = len(services.load_all(demo_journal, JournalEntry))
    page.capture.setFocus()
    qtbot.keyClicks(page.capture, "Presented the <b>surcharge</b> fix to Helen")
    qtbot.keyClick(page.capture, Qt.Key.Key_Return)
    entries = services.load_all(demo_journal, JournalEntry)
    assert len(entries) == before + 1
    added = next(e for e in entries if e.body == "Presented the <b>surcharge</b> fix to Helen")
    assert added.date == TODAY
    assert page.capture.text() == ""
    assert page.confirmation.text() == "Added to your journal."
    assert stack.undoText().startswith("Log “Presented the")
    stack.undo()
    assert len(services.load_all(demo_journal, JournalEntry)) == before
    # An empty line logs nothing.
    qtbot.keyClick(page.capture, Qt.Key.Key_Return)
    assert len(services.load_all(demo_journal, JournalEntry)) == before


def test_the_empty_journal_says_what_will_appear_and_shows_calm_zeros(
        qtbot: Any, journal: Journal, stack: QUndoStack) -> None:
    page = _open_page(qtbot, journal, stack)
    assert page.empty_line.isVisible()
    assert "appear here" in page.empty_line.text()
    for card in (page.promotion_card, page.mobility_card):
        assert card.isVisible()
        assert card.ring.score == 0
        assert card.factor_rows and all(row.bar.points == 0 for row in card.factor_rows)
        assert all(row.explanation.text() for row in card.factor_rows)
    assert page.window_rows == [] and page.action_rows == []
    assert "No windows ahead" in page.windows_note.text()
    assert page.actions_note.text() == "Nothing needs doing right now."


def test_the_page_reloads_when_records_change(qtbot: Any, journal: Journal,
                                              stack: QUndoStack) -> None:
    page = _open_page(qtbot, journal, stack)
    recent = next(row for row in page.promotion_card.factor_rows if row.factor.name == "Recent win")
    assert recent.bar.points == 0
    win = Achievement(date=TODAY - timedelta(days=2), title="Shipped the forecast",
                      kind=AchievementKind.QUANTIFIED,
                      metrics=[Metric(name="Error", baseline=12, result=7, higher_is_better=False)])
    stack.push(CreateRecordCommand(journal, RecordEvents.of(stack), win))
    qtbot.waitUntil(lambda: any(row.factor.name == "Recent win" and row.bar.points == 15
                                for row in page.promotion_card.factor_rows), timeout=3000)
    assert not page.empty_line.isVisible()
    stack.undo()
    qtbot.waitUntil(lambda: any(row.factor.name == "Recent win" and row.bar.points == 0
                                for row in page.promotion_card.factor_rows), timeout=3000)


def test_the_start_notice_is_quiet_and_matches_the_core(qtbot: Any, window: MainWindow,
                                                        journal: Journal) -> None:
    from careerdesk.domain.enums import CycleEventKind
    from careerdesk.domain.records import CycleEvent

    budget = CycleEvent(kind=CycleEventKind.BUDGET_PLANNING, name="FY28 budget",
                        date=TODAY + timedelta(days=44))  # the ask opens in two days
    services.save_record(journal, budget)
    window.pages["today"].refresh()
    text = window.show_start_notice()
    assert text == start_notice(services.plan(journal, TODAY))
    assert text == "A window opens this week: Make the ask (24 Nov)."
    assert window.statusBar().currentMessage() == text
    assert QApplication.activeModalWidget() is None


def test_a_window_dismissed_in_the_planner_leaves_the_today_page(qtbot: Any, page: TodayPage,
                                                                 demo_journal: Journal,
                                                                 stack: QUndoStack) -> None:
    from careerdesk.planner import WindowOverride
    from careerdesk.ui.planner_commands import WindowOverrideCommand
    from careerdesk.ui.planner_events import PlannerEvents

    first = page.window_rows[0].window_
    stack.push(WindowOverrideCommand(demo_journal, PlannerEvents.of(stack), RecordEvents.of(stack),
                                     first.id, WindowOverride(), WindowOverride(dismissed=True),
                                     text="Dismiss"))
    qtbot.waitUntil(lambda: page.window_rows[0].window_.id != first.id, timeout=3000)
    stack.undo()
    qtbot.waitUntil(lambda: page.window_rows[0].window_.id == first.id, timeout=3000)
