"""The Journal page: the lazy list, the calendar, filters, the editor with its preview,
undo, delete, and quick capture from anywhere in the window (Ctrl+N)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication

from careerdesk import services
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import JournalEntry
from careerdesk.store.database import Journal
from careerdesk.store.journal_list import JournalFilter
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.models.journal_list import JournalListModel
from careerdesk.ui.models.lazy_table import BLOCK, UID_ROLE
from careerdesk.ui.pages.journal import JournalPage
from careerdesk.ui.quick_capture import QuickCaptureDialog
from careerdesk.ui.widgets.confirm import ConfirmDialog

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard")

FIRST = "Starting this journal"  # the sample journal's first entry


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


def _open(qtbot: Any, journal: Journal, stack: QUndoStack) -> JournalPage:
    page = JournalPage(journal, stack)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.ready()
    return page


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> JournalPage:
    return _open(qtbot, demo_journal, stack)


def _entry_titled(journal: Journal, title: str) -> JournalEntry:
    return next(e for e in services.load_all(journal, JournalEntry) if e.title == title)


def _headings(model: JournalListModel) -> list[str]:
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


# ------------------------------------------------------------------ the model


def test_the_model_passes_the_model_tester_and_lists_newest_first(
        qtmodeltester: Any, demo_journal: Journal) -> None:
    model = JournalListModel(demo_journal)
    model.reload()
    entries = services.load_all(demo_journal, JournalEntry)
    assert model.rowCount() == len(entries) == 31
    qtmodeltester.check(model)
    dates = [services.load_record(demo_journal, JournalEntry,
                                  model.data(model.index(r, 0), UID_ROLE)).date
             for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    model.set_filter(JournalFilter(tag="reflection"))
    assert 0 < model.rowCount() < 31
    qtmodeltester.check(model)
    assert FIRST in _headings(model)


def test_the_model_fetches_only_the_lines_it_shows(qtbot: Any, journal: Journal,
                                                   stack: QUndoStack) -> None:
    with journal.transaction() as session:
        from careerdesk.store.repository import RecordWriter

        writer = RecordWriter(session)
        for i in range(BLOCK * 3):
            writer.save(JournalEntry(date=date(2020, 1, 1).fromordinal(737425 + i),
                                     title=f"Entry {i}", body=f"body {i}"))
    page = _open(qtbot, journal, stack)
    assert page.model.rowCount() == BLOCK * 3
    assert page.model.cached_lines <= BLOCK * 2
    page.list.scrollToBottom()
    qtbot.wait(10)
    last = page.model.index(page.model.rowCount() - 1, 0)
    assert page.model.data(last) == "Entry 0"
    assert page.model.cached_lines < BLOCK * 3


# ------------------------------------------------------------------ the page


def test_the_page_selects_the_newest_entry_and_marks_the_days_of_its_month(
        page: JournalPage) -> None:
    newest = max(services.load_all(page.journal, JournalEntry), key=lambda e: e.date)
    assert page.editor.record is not None and page.editor.record.date == newest.date
    assert page.count_label.text() == "31 entries"
    shown = page.calendar.selectedDate()
    assert (shown.year(), shown.month()) == (newest.date.year, newest.date.month)
    month_days = {e.date for e in services.load_all(page.journal, JournalEntry)
                  if (e.date.year, e.date.month) == (newest.date.year, newest.date.month)}
    assert month_days <= set(page.marked_days)
    q = QDate(newest.date.year, newest.date.month, newest.date.day)
    assert page.calendar.dateTextFormat(q).fontWeight() == QFont.Weight.Bold
    assert "entr" in page.calendar.dateTextFormat(q).toolTip()
    empty = next(d for d in range(1, 28) if date(newest.date.year, newest.date.month, d)
                 not in month_days)
    plain = page.calendar.dateTextFormat(QDate(newest.date.year, newest.date.month, empty))
    assert plain.fontWeight() != QFont.Weight.Bold


def test_clicking_a_day_goes_to_its_entry_and_activating_it_shows_only_that_day(
        page: JournalPage) -> None:
    first = _entry_titled(page.journal, FIRST)
    q = QDate(first.date.year, first.date.month, first.date.day)
    page.calendar.setCurrentPage(q.year(), q.month())
    assert first.date in page.marked_days
    page.calendar.setFocus()
    page.calendar.setSelectedDate(q.addDays(1))  # no entry that day: the one before it
    assert page.current_uid() == first.uid
    newest = page.model.uid_at(0)
    page.calendar.setSelectedDate(QDate(2026, 11, 22))
    assert page.current_uid() == newest
    page.calendar.setSelectedDate(q)
    assert page.current_uid() == first.uid
    page.calendar.activated.emit(q)
    assert page.model.rowCount() == 1 and page.model.filter.day == first.date
    assert page.day_button.isVisible() and "Only" in page.day_button.text()
    page.day_button.click()
    assert page.model.rowCount() == 31


def test_search_and_tag_filters_narrow_the_list(qtbot: Any, page: JournalPage) -> None:
    page.search.setText("leveling guide")
    page.apply_filter()
    assert _headings(page.model) == ['What does "lead" actually mean here?']
    assert page.count_label.text() == "1 of 31"
    page.search.setText("zzzz-no-such-word")
    page.apply_filter()
    assert page.list_stack.currentWidget() is page.no_match
    page.no_match.button.click()
    assert page.model.rowCount() == 31
    index = page.tag_filter.findData("goals")
    assert index > 0
    page.tag_filter.setCurrentIndex(index)
    page.apply_filter()
    assert FIRST in _headings(page.model) and page.model.rowCount() < 31


def test_an_empty_journal_teaches_what_belongs_here_and_offers_quick_capture(
        qtbot: Any, journal: Journal, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _open(qtbot, journal, stack)
    assert page.content_stack.currentWidget() is page.empty_state
    assert "journal" in page.empty_state.label.text()
    monkeypatch.setattr(QuickCaptureDialog, "ask", classmethod(
        lambda cls, parent, **kw: JournalEntry(date=date(2026, 11, 20), body="First words")))
    page.empty_state.button.click()
    assert page.content_stack.currentWidget() is page.splitter
    assert page.editor.record is not None and page.editor.record.body == "First words"
    stack.undo()
    assert services.load_all(journal, JournalEntry) == []
    assert page.content_stack.currentWidget() is page.empty_state


def test_editing_saves_at_once_and_undo_redo_revert_and_reapply(
        qtbot: Any, page: JournalPage, stack: QUndoStack) -> None:
    first = _entry_titled(page.journal, FIRST)
    assert page.open_record("journal", first.uid)
    page.editor.title.setFocus()
    page.editor.title.selectAll()
    qtbot.keyClicks(page.editor.title, "A fresh start")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_Return)
    assert services.load_record(page.journal, JournalEntry, first.uid).title == "A fresh start"
    page.editor.body.setFocus()
    page.editor.body.moveCursor(page.editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.editor.body, " More.")
    page.editor.flush()
    assert services.load_record(page.journal, JournalEntry, first.uid).body.endswith(" More.")
    page.editor.tags.add_value("new-tag")
    assert "new-tag" in services.load_record(page.journal, JournalEntry, first.uid).tags
    assert page.tag_filter.findData("new-tag") > 0

    stack.undo()
    stack.undo()
    assert services.load_record(page.journal, JournalEntry, first.uid).body == first.body
    stack.undo()
    assert services.load_record(page.journal, JournalEntry, first.uid) == first
    assert page.editor.title.text() == FIRST
    stack.redo()
    assert page.editor.title.text() == "A fresh start"


def test_changing_the_date_moves_the_entry_and_the_calendar_follows(
        page: JournalPage) -> None:
    first = _entry_titled(page.journal, FIRST)
    page.open_record("journal", first.uid)
    page.editor.date.setDate(QDate(2026, 11, 21))
    page.editor.date.editingFinished.emit()
    assert services.load_record(page.journal, JournalEntry, first.uid).date == date(2026, 11, 21)
    assert page.list.currentIndex().row() == 0
    assert page.calendar.selectedDate() == QDate(2026, 11, 21)
    assert date(2026, 11, 21) in page.marked_days


def test_the_preview_renders_markdown_and_loads_or_runs_nothing(
        qtbot: Any, page: JournalPage) -> None:
    first = _entry_titled(page.journal, FIRST)
    page.open_record("journal", first.uid)
    body = ('# Heading\n\n**bold** and a [link](https://example.com)\n\n'
            '<img src="file:///etc/passwd"> <script>alert(1)</script>\n\n'
            '![secret](file:///etc/passwd)')
    page.editor.body.setPlainText(body)
    page.editor.show_preview()
    preview = page.editor.preview
    html = preview.toHtml()
    assert "<h1" in html and "font-weight:700" in html  # rendered, not shown as markup
    text = preview.toPlainText()
    assert '<img src="file:///etc/passwd">' in text and "<script>alert(1)</script>" in text
    assert "root:" not in text  # nothing of the file was read
    assert [u.toString() for u in preview.requested_resources] == ["file:///etc/passwd"]
    # A blank stand-in: answered with nothing, Qt's image handler would read the file itself.
    assert preview.loadResource(2, "file:///etc/passwd").size().width() == 1
    assert not preview.openLinks() and not preview.openExternalLinks()
    # The text typed before the preview was saved.
    assert services.load_record(page.journal, JournalEntry, first.uid).body == body


def test_links_open_only_on_click_and_only_web_and_mail(
        page: JournalPage, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerdesk.ui.widgets import markdown_view

    opened: list[str] = []
    monkeypatch.setattr(markdown_view.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toString()) or True)
    from PySide6.QtCore import QUrl

    for url in ("https://example.com/a", "file:///etc/passwd", "javascript:alert(1)",
                "mailto:me@example.com"):
        page.editor.preview.anchorClicked.emit(QUrl(url))
    assert opened == ["https://example.com/a", "mailto:me@example.com"]


def test_delete_asks_first_and_undo_brings_the_entry_back(
        page: JournalPage, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _entry_titled(page.journal, FIRST)
    page.open_record("journal", first.uid)
    answers = iter([False, True])
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: next(answers)))
    page.delete_current()
    assert services.load_record(page.journal, JournalEntry, first.uid) == first
    page.delete_current()
    with pytest.raises(NotFound):
        services.load_record(page.journal, JournalEntry, first.uid)
    assert page.model.rowCount() == 30 and page.current_uid() != first.uid
    stack.undo()
    assert services.load_record(page.journal, JournalEntry, first.uid) == first
    assert page.current_uid() == first.uid


# ------------------------------------------------------------------ quick capture


def test_quick_capture_dialog_saves_with_ctrl_enter(qtbot: Any) -> None:
    dialog = QuickCaptureDialog(None, tags=["wins"], today=date(2026, 11, 22))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.text, "Shipped the **thing**")
    dialog.tags.add_value("wins")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QuickCaptureDialog.DialogCode.Accepted
    entry = dialog.entry()
    assert (entry.body, entry.tags, entry.title, entry.date) == (
        "Shipped the **thing**", ["wins"], None, date(2026, 11, 22))


def test_quick_capture_refuses_nothing_and_asks_before_discarding(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = QuickCaptureDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.problem.isVisible()
    asked: list[str] = []
    answers = iter([False, True])

    def ask(cls: Any, parent: Any, title: str, text: str, *rest: Any) -> bool:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(ask))
    qtbot.keyClicks(dialog.text, "half a thought")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert dialog.isVisible() and asked == ["Discard what you wrote?"]
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QuickCaptureDialog.DialogCode.Rejected


def test_escape_closes_an_untouched_quick_capture_without_asking(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = QuickCaptureDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a: pytest.fail("asked")))
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_ctrl_n_in_the_main_window_captures_an_entry_from_any_page(
        qtbot: Any, demo_journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(demo_journal, Path(demo_journal.path).parent, remember=False,
                        start_page="achievements")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_page_ready, timeout=5000):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    assert window.new_entry_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.new_entry_action in window.menus["file"].actions()

    def write(dialog: QuickCaptureDialog) -> None:
        qtbot.keyClicks(dialog.title, "Skip-level went well")
        qtbot.keyClicks(dialog.text, "She asked about the *forecast*.")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    original = QuickCaptureDialog.ask.__func__  # type: ignore[attr-defined]

    def ask(cls: Any, parent: Any, **kw: Any) -> JournalEntry | None:
        # The real dialog, driven by key presses once it is shown.
        from PySide6.QtCore import QTimer

        def drive() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QuickCaptureDialog)
            write(dialog)
        QTimer.singleShot(50, drive)
        return original(cls, parent, **kw)  # type: ignore[no-any-return]

    monkeypatch.setattr(QuickCaptureDialog, "ask", classmethod(ask))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(e.title == "Skip-level went well"
                                for e in services.load_all(demo_journal, JournalEntry)),
                    timeout=3000)
    entry = _entry_titled(demo_journal, "Skip-level went well")
    assert entry.body == "She asked about the *forecast*." and entry.date == date.today()
    assert window.current_page_name == "achievements"  # writing did not leave the page
    window.show_page("journal")
    journal_page = window.pages["journal"]
    assert isinstance(journal_page, JournalPage)
    assert journal_page.model.row_of_uid(entry.uid) is not None
    window.undo_stack.undo()
    assert all(e.uid != entry.uid for e in services.load_all(demo_journal, JournalEntry))
    window.shutdown()


def test_every_control_has_a_name(page: JournalPage) -> None:
    from PySide6.QtWidgets import QScrollBar, QWidget

    for preview in (False, True):
        page.editor.show_preview(preview)
        unnamed = [f"{type(w).__name__} {w.objectName()}" for w in page.findChildren(QWidget)
                   if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                   and not isinstance(w, QScrollBar) and not w.accessibleName()
                   and w.objectName() != "qt_spinbox_lineedit"]
        assert unnamed == []
