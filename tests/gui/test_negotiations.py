"""The Negotiations page: the plan list, the editor saved field by field with undo,
evidence order, validation from the core, equity, and the outcome turned into pay."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from careerdesk import services
from careerdesk.domain.enums import PlanStatus, Strategy
from careerdesk.domain.records import Compensation, NegotiationPlan
from careerdesk.store import plan_edit
from careerdesk.store.database import Journal
from careerdesk.ui.models.plan_tables import CompensationModel, PlanListModel
from careerdesk.ui.pages.negotiations import NegotiationsPage

PROMOTION = "Promotion to Lead Data Analyst"


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> NegotiationsPage:
    shown = NegotiationsPage(demo_journal, stack)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.ready()
    uid = _promotion(demo_journal).uid
    assert shown.open_record("plan", uid)
    return shown


def _promotion(journal: Journal) -> NegotiationPlan:
    return next(p for p in services.load_all(journal, NegotiationPlan) if p.title == PROMOTION)


def _type_into(qtbot: Any, line_edit: Any, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_models_and_list(qtmodeltester: Any, page: NegotiationsPage) -> None:
    assert isinstance(page.plans, PlanListModel) and isinstance(page.pay, CompensationModel)
    qtmodeltester.check(page.plans)
    qtmodeltester.check(page.pay)
    assert page.plans.rowCount() == 2 and page.pay.rowCount() == 5
    assert page.editor.title.text() == PROMOTION
    assert page.count_label.text() == "2 plans"


def test_edit_saves_at_once_and_undo_restores(qtbot: Any, page: NegotiationsPage,
                                              demo_journal: Journal, stack: QUndoStack) -> None:
    _type_into(qtbot, page.editor.title, "Lead Analyst ask")
    assert _promotion_by_uid(demo_journal, page).title == "Lead Analyst ask"
    _type_into(qtbot, page.editor.ask.base, "121,500")
    saved = _promotion_by_uid(demo_journal, page)
    assert saved.ask.base == 121500 and saved.ask.title == "Lead Data Analyst"
    assert stack.count() == 2
    stack.undo()
    assert _promotion_by_uid(demo_journal, page).ask.base == 118000
    assert page.editor.ask.base.text() == "118,000"
    stack.undo()
    assert _promotion_by_uid(demo_journal, page).title == PROMOTION
    assert page.editor.title.text() == PROMOTION
    stack.redo()
    assert page.editor.title.text() == "Lead Analyst ask"


def _promotion_by_uid(journal: Journal, page: NegotiationsPage) -> NegotiationPlan:
    assert page.editor.record is not None
    return services.load_record(journal, NegotiationPlan, page.editor.record.uid)


def test_notes_still_typed_are_saved_and_the_plan_clicked_stays_selected(
        page: NegotiationsPage) -> None:
    first = page.current_uid()
    assert first is not None
    page.editor.notes.setPlainText("Bring the surcharge numbers")
    other = next(row for row in range(page.plans.rowCount()) if page.plans.uid_at(row) != first)
    page.table.selectRow(other)
    shown = page.current_uid()
    assert shown is not None and shown != first
    assert services.load_record(page.journal, NegotiationPlan, first).notes == \
        "Bring the surcharge numbers"
    # Saving the first plan's notes must not leave its row highlighted under the editor
    # of the plan clicked.
    assert page.table.currentIndex().row() == page.plans.row_of_uid(shown) == other


def test_talking_points_and_fallback_offers(page: NegotiationsPage, demo_journal: Journal,
                                            stack: QUndoStack) -> None:
    before = _promotion_by_uid(demo_journal, page)
    page.editor.fallback_offers[3].click()  # a dated commitment, with one click
    after = _promotion_by_uid(demo_journal, page)
    assert after.fallbacks == [*before.fallbacks, plan_edit.COMMON_FALLBACKS[3]]
    page.editor.fallback_offers[3].click()  # offered once only
    assert _promotion_by_uid(demo_journal, page).fallbacks == after.fallbacks
    points = page.editor.talking_points
    points.list.setCurrentRow(0)
    points.remove_current()
    assert _promotion_by_uid(demo_journal, page).talking_points == before.talking_points[1:]
    stack.undo()
    assert _promotion_by_uid(demo_journal, page).talking_points == before.talking_points
    assert points.values() == before.talking_points


def test_evidence_reorder_by_buttons_and_by_drag_model(page: NegotiationsPage,
                                                       demo_journal: Journal,
                                                       stack: QUndoStack) -> None:
    original = _promotion_by_uid(demo_journal, page).evidence
    evidence = page.editor.evidence
    assert evidence.uids() == original
    evidence.chosen.list.setCurrentRow(0)
    evidence.chosen.move_current(1)
    moved = [original[1], original[0], *original[2:]]
    assert _promotion_by_uid(demo_journal, page).evidence == moved
    # A drag moves the row in the list's model; the same save follows.
    list_model = evidence.chosen.list.model()
    assert list_model.moveRow(evidence.chosen.list.rootIndex(), 5,
                              evidence.chosen.list.rootIndex(), 0)
    assert _promotion_by_uid(demo_journal, page).evidence == [original[5], *moved[:5]]
    stack.undo()
    stack.undo()
    assert _promotion_by_uid(demo_journal, page).evidence == original
    assert evidence.uids() == original


def test_suggestions_add_evidence(page: NegotiationsPage, demo_journal: Journal) -> None:
    suggestions = page.editor.evidence.suggestions
    assert suggestions.count() > 0
    first = suggestions.item(0).data(Qt.ItemDataRole.UserRole)
    assert first not in _promotion_by_uid(demo_journal, page).evidence
    suggestions.setCurrentRow(0)
    page.editor.evidence.add_suggestion.click()
    assert _promotion_by_uid(demo_journal, page).evidence[-1] == first
    # Once chosen it is no longer suggested.
    remaining = [suggestions.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(suggestions.count())]
    assert first not in remaining


@pytest.mark.qt_log_ignore(  # the completion popup, offscreen
    "This plugin does not support propagateSizeHints", "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard")
def test_the_evidence_picker_reads_its_titles_once_used(page: NegotiationsPage, qtbot: Any,
                                                        demo_journal: Journal) -> None:
    evidence = page.editor.evidence
    assert evidence._completions.rowCount() == 0  # not read when the page opened
    chosen = set(_promotion_by_uid(demo_journal, page).evidence)
    with demo_journal.sessions() as session:
        choice = next(c for c in plan_edit.achievement_choices(session) if c.uid not in chosen)
    evidence.picker.setFocus()
    qtbot.waitUntil(lambda: evidence._completions.rowCount() > 0)
    assert f"{choice.label} ({choice.hint})" in evidence._completions.stringList()
    _type_into(qtbot, evidence.picker, f"{choice.label} ({choice.hint})")
    assert _promotion_by_uid(demo_journal, page).evidence[-1] == choice.uid
    # After a change elsewhere the titles are read again on the next use, not at once.
    page.editor.title.setFocus()
    qtbot.waitUntil(lambda: not evidence.picker.hasFocus())
    page.refresh()
    assert evidence._choice_source is not None
    evidence.picker.setFocus()
    qtbot.waitUntil(lambda: evidence._choice_source is None)


def test_benchmark_low_above_high_is_refused_next_to_the_table(
        page: NegotiationsPage, demo_journal: Journal, stack: QUndoStack) -> None:
    table = page.editor.benchmarks.table
    count = stack.count()
    table.item(0, 1).setText("140,000")  # low above the high end of 130,000
    problem = page.editor.problems["benchmarks"]
    assert problem.isVisible()
    assert "below the low end" in problem.text()
    assert stack.count() == count
    assert _promotion_by_uid(demo_journal, page).benchmarks[0].low == 105000
    table.item(0, 1).setText("100,000")
    assert not problem.isVisible()
    assert _promotion_by_uid(demo_journal, page).benchmarks[0].low == 100000


def test_equity_is_shown_and_follows_edits(qtbot: Any, page: NegotiationsPage) -> None:
    text = page.editor.equity.text()
    assert "Compa-ratio 0.84" in text
    assert "Position in the band: −28 % (below the low end)" in text
    assert "Gap to the ask: +20,000 USD (+20.4 %)" in text
    _type_into(qtbot, page.editor.current.base, "117000")
    assert "Compa-ratio 1.00" in page.editor.equity.text()
    _type_into(qtbot, page.editor.current.currency, "EUR")
    assert "different currencies" in page.editor.equity.text()


def test_outcome_becomes_a_pay_record_in_one_step(qtbot: Any, page: NegotiationsPage,
                                                  demo_journal: Journal,
                                                  stack: QUndoStack) -> None:
    editor = page.editor
    assert not editor.to_compensation.isEnabled()
    won = editor.outcome_status.findData(PlanStatus.WON.value)
    editor.outcome_status.setCurrentIndex(won)
    editor.outcome_status.activated.emit(won)
    plan = _promotion_by_uid(demo_journal, page)
    assert plan.status is PlanStatus.WON
    assert plan.outcome is not None and plan.outcome.date == date(2026, 12, 3)
    _type_into(qtbot, editor.granted.title, "Lead Data Analyst")
    _type_into(qtbot, editor.granted.base, "115000")
    assert editor.to_compensation.isEnabled()
    before = len(services.load_all(demo_journal, Compensation))
    editor.to_compensation.click()
    records = services.load_all(demo_journal, Compensation)
    assert len(records) == before + 1
    added = next(r for r in records if r.date == date(2026, 12, 3))
    assert (added.title, added.base, added.currency, added.level) == (
        "Lead Data Analyst", 115000, "USD", "L5")
    assert page.pay.rowCount() == before + 1
    assert page.open_record("compensation", added.uid)
    assert page.tabs.currentIndex() == 1
    stack.undo()  # one step takes it away again
    assert len(services.load_all(demo_journal, Compensation)) == before
    assert page.pay.rowCount() == before


def test_user_text_stays_plain(qtbot: Any, page: NegotiationsPage) -> None:
    _type_into(qtbot, page.editor.current.currency, "<b>X</b>")
    assert page.editor.equity.textFormat() == Qt.TextFormat.PlainText
    assert "<B>X</B>" in page.editor.equity.text()


def test_new_plan_and_delete_with_undo(page: NegotiationsPage, demo_journal: Journal,
                                       stack: QUndoStack, monkeypatch: pytest.MonkeyPatch) -> None:
    page.new_plan()
    assert page.plans.rowCount() == 3
    assert page.editor.title.text() == "New negotiation"
    assert page.editor.record is not None and page.editor.record.strategy is Strategy.PROMOTION
    from careerdesk.ui.widgets.confirm import ConfirmDialog

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    page.delete_current()
    assert page.plans.rowCount() == 2
    stack.undo()
    assert page.plans.rowCount() == 3


def test_export_pdf_from_the_page(qtbot: Any, page: NegotiationsPage, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    page.export_pdf(out)
    assert not page.pdf_button.isEnabled()  # while the sheet is prepared off the main thread
    qtbot.waitUntil(lambda: "Saved the prep sheet" in page.notice.text(), timeout=30_000)
    assert page.pdf_button.isEnabled()
    reader = PdfReader(out)
    assert 1 <= len(reader.pages) <= 2
    assert reader.metadata is not None and reader.metadata.title == f"Prep sheet: {PROMOTION}"
    assert "Saved the prep sheet" in page.notice.text()


@pytest.mark.parametrize(("language", "country", "paper"), [
    ("English", "UnitedStates", "Letter"), ("French", "Canada", "Letter"),
    ("German", "Germany", "A4"), ("English", "UnitedKingdom", "A4")])
def test_paper_follows_the_locale(language: str, country: str, paper: str) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    from careerdesk.ui.printing import page_size_for

    locale = QLocale(getattr(QLocale.Language, language), getattr(QLocale.Country, country))
    assert page_size_for(locale).id() == getattr(QPageSize.PageSizeId, paper)


def test_printer_path_names_the_document(page: NegotiationsPage, tmp_path: Path) -> None:
    """What Print and Print Preview use: a QPrinter named after the sheet, printing the document."""
    from PySide6.QtPrintSupport import QPrinter

    from careerdesk.ui.printing import _printer, print_document, sheet_document

    sheet = page._sheet()
    assert sheet is not None
    printer = _printer(sheet)
    assert printer.docName() == f"Prep sheet: {PROMOTION}"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_document(sheet_document(sheet, printer.pageLayout()), printer)
    assert 1 <= len(PdfReader(tmp_path / "printed.pdf").pages) <= 2
