"""The Planner page: cycle events edited with undo, the agenda of windows, moving and
dismissing a window, lead times, and the calendar export."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from careerdesk import services
from careerdesk.domain.enums import CycleEventKind, Recurrence
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import CycleEvent
from careerdesk.planner import DaysAround, LeadTimes, WindowKind
from careerdesk.store.database import Journal
from careerdesk.ui import calendar_export, clock
from careerdesk.ui.lead_times_dialog import LeadTimesDialog
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.models.cycle_event_table import Column
from careerdesk.ui.pages.planner import PlannerPage
from careerdesk.ui.widgets.confirm import ConfirmDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


def _open_page(qtbot: Any, journal: Journal, stack: QUndoStack) -> PlannerPage:
    page = PlannerPage(journal, stack)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.ready()
    return page


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> PlannerPage:
    return _open_page(qtbot, demo_journal, stack)


def _uid_named(journal: Journal, name: str) -> str:
    return next(e.uid for e in services.load_all(journal, CycleEvent) if e.name == name)


def _names(page: PlannerPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, Column.NAME)) for row in range(model.rowCount())]


def test_events_are_listed_by_date_and_open_by_uid(qtbot: Any, page: PlannerPage,
                                                   demo_journal: Journal) -> None:
    events = sorted(services.load_all(demo_journal, CycleEvent), key=lambda e: e.date)
    assert _names(page) == [e.name for e in events]
    assert page.editor.record is not None and page.editor.record.uid == events[0].uid
    uid = _uid_named(demo_journal, "Promotion committee")
    assert page.open_record("cycle_event", uid)
    assert page.current_uid() == uid
    assert page.editor.name.text() == "Promotion committee"
    assert page.editor.opens.text() == "Opens: Secure a sponsor"
    assert not page.open_record("achievement", uid)
    assert not page.open_record("cycle_event", "no-such-uid")


def test_editing_an_event_saves_each_field_and_undo_restores_it(
        qtbot: Any, page: PlannerPage, demo_journal: Journal, stack: QUndoStack) -> None:
    uid = _uid_named(demo_journal, "Promotion committee")
    page.open_record("cycle_event", uid)
    before = services.load_record(demo_journal, CycleEvent, uid)
    page.editor.name.selectAll()
    qtbot.keyClicks(page.editor.name, "Talent review board")
    qtbot.keyClick(page.editor.name, Qt.Key.Key_Return)
    page.editor.recurrence.setCurrentIndex(page.editor.recurrence.findData(Recurrence.ANNUAL.value))
    page.editor.recurrence.activated.emit(page.editor.recurrence.currentIndex())
    saved = services.load_record(demo_journal, CycleEvent, uid)
    assert saved.name == "Talent review board" and saved.recurrence is Recurrence.ANNUAL
    assert "Talent review board" in _names(page)
    stack.undo()
    stack.undo()
    restored = services.load_record(demo_journal, CycleEvent, uid)
    assert (restored.name, restored.recurrence) == (before.name, before.recurrence)
    assert page.editor.name.text() == before.name
    # A name left empty is refused in place, and nothing is saved.
    page.editor.name.clear()
    qtbot.keyClick(page.editor.name, Qt.Key.Key_Return)
    assert services.load_record(demo_journal, CycleEvent, uid).name == before.name
    assert page.editor.name_problem.isVisibleTo(page)


def test_new_and_delete_are_undoable(qtbot: Any, page: PlannerPage, demo_journal: Journal,
                                     stack: QUndoStack, monkeypatch: pytest.MonkeyPatch) -> None:
    count = page.model.rowCount()
    page.new_event()
    assert page.model.rowCount() == count + 1
    created = page.editor.record
    assert created is not None and created.name == "New event" and created.date == TODAY
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    page.delete_current()
    with pytest.raises(NotFound):
        services.load_record(demo_journal, CycleEvent, created.uid)
    assert page.model.rowCount() == count
    stack.undo()
    assert services.load_record(demo_journal, CycleEvent, created.uid).name == "New event"
    assert page.model.rowCount() == count + 1


def test_a_new_budget_date_adds_its_window_to_the_agenda(page: PlannerPage,
                                                         demo_journal: Journal) -> None:
    before = {w.id for w in page.windows}
    event = CycleEvent(kind=CycleEventKind.BUDGET_PLANNING, name="Mid-cycle budget",
                       date=date(2027, 4, 20))
    page.new_event()
    record = page.editor.record
    assert record is not None
    page.editor.name.setText(event.name)
    page.editor.kind.setCurrentIndex(page.editor.kind.findData(event.kind.value))
    page.editor.date.setDate(page.editor.date.date().fromString("2027-04-20", "yyyy-MM-dd"))
    page._field_edited("date")  # the editor's commit of the three fields at once
    added = [w for w in page.windows if w.id not in before]
    assert [(w.kind, w.start, w.end) for w in added] == [
        (WindowKind.ASK, date(2027, 3, 9), date(2027, 4, 20))]
    assert any(any(w.id == added[0].id for w in span.windows) for span in page.agenda.spans)


def test_moving_and_dismissing_a_window_changes_the_agenda(qtbot: Any, page: PlannerPage,
                                                           demo_journal: Journal,
                                                           stack: QUndoStack) -> None:
    row = next(i for i, w in enumerate(page.windows) if w.kind is WindowKind.ASK)
    page.window_list.setCurrentRow(row)
    window = page.selected_window()
    assert window is not None and page.window_reason.text() == window.reason
    span = page.agenda.spans[page.agenda.selected]
    assert any(w.id == window.id for w in span.windows)

    page.shift_days.setValue(7)
    qtbot.mouseClick(page.shift_button, Qt.MouseButton.LeftButton)
    moved = next(w for w in page.windows if w.id == window.id)
    assert (moved.start, moved.end) == (window.start + timedelta(days=7),
                                        window.end + timedelta(days=7))
    assert "moved 7 days later" in moved.reason
    assert page.selected_window() == moved  # still the one selected
    spans = [s for s in page.agenda.spans if any(w.id == window.id for w in s.windows)]
    assert spans and spans[0].end >= moved.end

    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    assert window.id not in {w.id for w in page.windows}
    assert all(window.id not in {w.id for w in s.windows} for s in page.agenda.spans)
    assert page.dismissed_combo.isVisibleTo(page)
    assert page.dismissed_combo.findData(window.id) >= 0
    assert window.id not in {w.id for w in services.plan(demo_journal, TODAY).windows}

    page.dismissed_combo.setCurrentIndex(page.dismissed_combo.findData(window.id))
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    back = next(w for w in page.windows if w.id == window.id)
    assert back.start == moved.start  # brought back where the user had moved it
    assert not page.dismissed_combo.isVisibleTo(page)

    # Each change is one step on the shared undo stack.
    assert stack.undoText() == "Bring back the Make the ask window for “Merit and compensation review”"
    stack.undo()  # dismissed again
    assert window.id not in {w.id for w in page.windows}
    stack.undo()  # not dismissed
    assert next(w for w in page.windows if w.id == window.id).start == moved.start
    stack.undo()  # not moved
    assert next(w for w in page.windows if w.id == window.id).start == window.start
    stack.redo()
    assert next(w for w in page.windows if w.id == window.id).start == moved.start


def test_clicking_a_band_selects_its_window(qtbot: Any, page: PlannerPage) -> None:
    target = next(w for w in page.windows if w.start.month == 5 and w.start.year == 2027)
    index = page.agenda.span_of_window(target.id)
    piece = page.agenda._pieces(page.agenda.spans[index])[0]
    qtbot.mouseClick(page.agenda, Qt.MouseButton.LeftButton, pos=piece.center().toPoint())
    assert page.agenda.selected == index
    assert page.selected_window() == page.agenda.spans[index].windows[0]
    tip = page.agenda.tooltip_at(piece.center().x(), piece.center().y())
    assert tip.startswith("<qt>") and "Secure a sponsor" in tip


def test_lead_times_change_the_windows_at_once(page: PlannerPage, demo_journal: Journal,
                                               stack: QUndoStack,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def asks(window: PlannerPage) -> list[tuple[date, date]]:
        return [(w.start, w.end) for w in window.windows
                if w.kind is WindowKind.ASK and w.event_name == "FY28 budget planning"]

    assert asks(page) == [(date(2027, 8, 20), date(2027, 10, 1))]
    wider = dataclasses.replace(LeadTimes(), budget_ask=DaysAround(-60, -7))
    monkeypatch.setattr(LeadTimesDialog, "ask", classmethod(lambda cls, parent, current: wider))
    assert page.edit_lead_times()
    assert asks(page) == [(date(2027, 8, 2), date(2027, 9, 24))]
    assert services.lead_times(demo_journal) == wider
    stack.undo()
    assert asks(page) == [(date(2027, 8, 20), date(2027, 10, 1))]
    assert services.lead_times(demo_journal) == LeadTimes()


def test_the_lead_times_dialog_checks_and_restores_the_defaults(qtbot: Any) -> None:
    changed = dataclasses.replace(LeadTimes(), committee_sponsor=DaysAround(-45, -10),
                                  network_until_days_before_close=5)
    dialog = LeadTimesDialog(changed)
    qtbot.addWidget(dialog)
    assert dialog.lead_times() == changed
    start, end = dialog.spins["budget_ask"]
    start.setValue(5)
    end.setValue(-5)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and dialog.lead_times() is None
    assert dialog.problem.isVisibleTo(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.lead_times() == LeadTimes() and save.isEnabled()


def test_export_calendar_writes_a_calendar_that_parses(page: PlannerPage, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan"
    monkeypatch.setattr(calendar_export, "ask_path", lambda parent, suggested: target.with_suffix(".ics"))
    assert page.export_calendar()
    calendar = Calendar.from_ical(target.with_suffix(".ics").read_bytes())
    summaries = [str(c.get("SUMMARY")) for c in calendar.walk("VEVENT")]
    assert any(s.startswith("Make the ask") for s in summaries)
    assert any("Promotion committee" in s for s in summaries)


def test_the_file_menu_exports_the_calendar_too(qtbot: Any, demo_journal: Journal,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(demo_journal, Path(demo_journal.path).parent, remember=False)
    qtbot.addWidget(window)
    try:
        assert window.export_calendar_action in window.export_menu.actions()
        target = tmp_path / "calendar.ics"
        monkeypatch.setattr(calendar_export, "ask_path", lambda parent, suggested: target)
        window.export_calendar_action.trigger()
        counts = services.export_calendar(demo_journal, tmp_path / "again.ics", TODAY)
        events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
        assert len(events) == counts.total
        assert str(counts.total) in window.statusBar().currentMessage()
        monkeypatch.setattr(calendar_export, "ask_path", lambda parent, suggested: None)
        assert not window.export_calendar()  # cancelled: nothing written, nothing said
    finally:
        window.shutdown()
