"""The Pathways page: target and opening tables, editing with undo, the opening's status
pipeline, closing dates and availability, and the gap view of the sample's lateral target."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTreeWidgetItem

from careerdesk import services
from careerdesk.domain.enums import Availability, OpeningStatus
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import Opening, Person, RequiredSkill, Target
from careerdesk.store.database import Journal
from careerdesk.ui.models.pathways_tables import (
    OpeningColumn,
    OpeningTableModel,
    TargetColumn,
    TargetTableModel,
)
from careerdesk.ui.pages.pathways import OPENINGS, PathwaysPage
from careerdesk.ui.widgets.confirm import ConfirmDialog

TODAY = date(2026, 11, 22)
LATERAL = "Product Data Scientist"
PRICING = "Senior Product Analyst, Pricing"
SHIPPER = "Product Data Scientist, Shipper Experience"


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> PathwaysPage:
    shown = PathwaysPage(demo_journal, stack, today=TODAY)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.ready()
    return shown


def _uid(journal: Journal, kind: type[Target] | type[Opening], title: str) -> str:
    return next(x.uid for x in services.load_all(journal, kind) if x.title == title)


def _row(model: Any, title: str) -> int:
    return next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == title)


def test_models_pass_the_model_tester(qtmodeltester: Any, demo_journal: Journal) -> None:
    targets = TargetTableModel(demo_journal)
    targets.reload()
    assert targets.rowCount() == 2
    qtmodeltester.check(targets)
    openings = OpeningTableModel(demo_journal, today=TODAY)
    openings.reload()
    assert openings.rowCount() == 3
    qtmodeltester.check(openings)


def test_opening_rows_show_days_left_and_suspected_promised_in_words(
        qapp: Any, demo_journal: Journal) -> None:
    model = OpeningTableModel(demo_journal, today=TODAY)
    model.reload()
    row = _row(model, PRICING)
    closes = model.index(row, OpeningColumn.CLOSES)
    availability = model.index(row, OpeningColumn.AVAILABILITY)
    assert model.data(closes) == "6 days left"
    assert model.data(closes, Qt.ItemDataRole.ForegroundRole) is not None  # warm: within 14
    assert model.data(availability) == "Suspected promised"
    assert model.data(availability, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(availability, Qt.ItemDataRole.ForegroundRole) is not None
    shipper = _row(model, SHIPPER)
    assert model.data(model.index(shipper, OpeningColumn.CLOSES)) == "26 days left"
    assert model.data(model.index(shipper, OpeningColumn.CLOSES),
                      Qt.ItemDataRole.ForegroundRole) is None  # not closing soon
    assert model.data(model.index(shipper, OpeningColumn.MANAGER)) == "Sofia Marchetti"


def test_gap_view_of_the_lateral_target(page: PathwaysPage) -> None:
    assert page.open_record("target", _uid(page.journal, Target, LATERAL))
    editor = page.target_editor
    assert editor.gap_summary.text() == \
        "2 covered, 4 below level, 0 missing: 71 % of the required levels."
    gaps = editor.gaps
    rows = {gaps.topLevelItem(i).text(0): gaps.topLevelItem(i) for i in range(
        gaps.topLevelItemCount())}
    assert list(rows) == ["Python", "Statistics", "Experimentation", "Machine Learning",
                          "Causal Inference", "Product Metrics"]
    assert rows["Python"].text(1) == "Covered: level 4 of 4"
    assert rows["Experimentation"].text(1) == "Below level: 2 of 4"
    causal = rows["Causal Inference"]
    assert causal.text(1) == "Below level: 1 of 3"
    assert causal.child(0).text(0) == "No evidence yet"
    experimentation = rows["Experimentation"]
    evidence = [experimentation.child(i).text(0) for i in range(experimentation.childCount())]
    assert "Designed and read out the quote page A/B test" in evidence
    first = experimentation.child(0)  # the rotation: an experience, shown by its months
    assert first.text(1) == "Mar 2026 to May 2026"
    assert first.data(0, Qt.ItemDataRole.AccessibleTextRole).startswith("Experience: ")


def test_a_skill_removed_from_the_portfolio_shows_missing(page: PathwaysPage) -> None:
    uid = _uid(page.journal, Target, LATERAL)
    page.open_record("target", uid)
    editor = page.target_editor
    editor.skills.add_row()
    editor.skills.rows[-1].name.setText("Kubernetes")
    editor.skills.rows[-1].level.setCurrentIndex(2)
    editor.skills.committed.emit()
    saved = services.load_record(page.journal, Target, uid)
    assert saved.required_skills[-1] == RequiredSkill(name="Kubernetes", level=2)
    last = editor.gaps.topLevelItem(editor.gaps.topLevelItemCount() - 1)
    assert (last.text(0), last.text(1)) == ("Kubernetes", "Missing: needs level 2")
    assert "1 missing" in editor.gap_summary.text()


def test_a_skill_listed_twice_is_refused_next_to_it(page: PathwaysPage,
                                                     stack: QUndoStack) -> None:
    page.open_record("target", _uid(page.journal, Target, LATERAL))
    editor = page.target_editor
    editor.skills.add_row()
    editor.skills.rows[-1].name.setText("python")
    editor.skills.committed.emit()
    assert editor.skills.problem.isVisible()
    assert stack.count() == 0


def test_editing_a_target_saves_and_undo_redo(qtbot: Any, page: PathwaysPage,
                                              stack: QUndoStack) -> None:
    uid = _uid(page.journal, Target, LATERAL)
    page.open_record("target", uid)
    before = services.load_record(page.journal, Target, uid)
    title = page.target_editor.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Data Scientist, Product")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert services.load_record(page.journal, Target, uid).title == "Data Scientist, Product"
    model = page.targets_model
    assert model.data(model.index(model.row_of_uid(uid) or 0, TargetColumn.TITLE)) == \
        "Data Scientist, Product"
    stack.undo()
    assert services.load_record(page.journal, Target, uid) == before
    assert page.target_editor.title.text() == LATERAL
    stack.redo()
    assert services.load_record(page.journal, Target, uid).title == "Data Scientist, Product"


def test_opening_status_moves_one_click_at_a_time_and_undoes(
        qtbot: Any, page: PathwaysPage, stack: QUndoStack) -> None:
    uid = _uid(page.journal, Opening, SHIPPER)
    assert page.open_record("opening", uid)
    assert page.tabs.currentIndex() == OPENINGS
    steps = page.opening_editor.steps
    assert steps.buttons[OpeningStatus.NETWORKING].isChecked()
    assert steps.next_button.text() == "Move to Applied ▸"
    qtbot.mouseClick(steps.next_button, Qt.MouseButton.LeftButton)
    assert services.load_record(page.journal, Opening, uid).status is OpeningStatus.APPLIED
    assert steps.buttons[OpeningStatus.APPLIED].isChecked()
    model = page.openings_model
    assert model.data(model.index(model.row_of_uid(uid) or 0, OpeningColumn.STATUS)) == \
        "Applied"
    qtbot.mouseClick(steps.buttons[OpeningStatus.DECLINED], Qt.MouseButton.LeftButton)
    assert services.load_record(page.journal, Opening, uid).status is OpeningStatus.DECLINED
    assert not steps.next_button.isVisible()
    stack.undo()
    stack.undo()
    assert services.load_record(page.journal, Opening, uid).status is OpeningStatus.NETWORKING
    assert steps.buttons[OpeningStatus.NETWORKING].isChecked()


def test_suspected_promised_stands_out_in_the_editor(page: PathwaysPage) -> None:
    page.open_record("opening", _uid(page.journal, Opening, PRICING))
    editor = page.opening_editor
    assert not editor.promised_banner.isHidden()
    assert "Suspected promised" in editor.promised_banner.text()
    assert editor.days_left.text() == "6 days left"
    editor.availability.setCurrentIndex(editor.availability.findData(
        Availability.CONFIRMED_OPEN.value))
    editor.availability.activated.emit(editor.availability.currentIndex())
    assert services.load_record(page.journal, Opening, _uid(page.journal, Opening, PRICING)) \
        .availability is Availability.CONFIRMED_OPEN
    assert editor.promised_banner.isHidden()


def test_an_opening_cannot_close_before_it_was_posted(page: PathwaysPage,
                                                      stack: QUndoStack) -> None:
    uid = _uid(page.journal, Opening, SHIPPER)
    page.open_record("opening", uid)
    editor = page.opening_editor
    editor.closes.set_value(date(2026, 10, 1))
    editor.closes.changed.emit()
    assert editor.dates_problem.isVisible()
    assert services.load_record(page.journal, Opening, uid).closes == date(2026, 12, 18)
    assert stack.count() == 0


def test_hiring_manager_and_target_are_picked_from_the_journal(page: PathwaysPage) -> None:
    uid = _uid(page.journal, Opening, PRICING)
    page.open_record("opening", uid)
    editor = page.opening_editor
    assert editor.hiring_manager.currentText() == "Ian Crawford"
    editor.hiring_manager.setCurrentIndex(editor.hiring_manager.findText("Sofia Marchetti"))
    editor.hiring_manager.activated.emit(editor.hiring_manager.currentIndex())
    saved = services.load_record(page.journal, Opening, uid)
    sofia = next(p.uid for p in services.load_all(page.journal, Person)
                 if p.name == "Sofia Marchetti")
    assert saved.hiring_manager == sofia


def test_the_hiring_manager_list_tells_namesakes_apart_as_typed(page: PathwaysPage) -> None:
    services.save_record(page.journal, Person(name="Sofia Marchetti", title="<b>Director</b>"))
    page.refresh()
    page.open_record("opening", _uid(page.journal, Opening, PRICING))
    combo = page.opening_editor.hiring_manager
    namesakes = [i for i in range(combo.count()) if combo.itemText(i) == "Sofia Marchetti"]
    assert len(namesakes) == 2
    tips = {combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in namesakes}
    assert "<p style='white-space:pre-wrap'>&lt;b&gt;Director&lt;/b&gt;</p>" in tips
    assert combo.itemText(0) == "None" and combo.itemData(0) is None


def test_a_hiring_manager_no_longer_listed_still_shows(page: PathwaysPage) -> None:
    uid = _uid(page.journal, Opening, PRICING)
    record = services.load_record(page.journal, Opening, uid)
    editor = page.opening_editor
    editor.set_choices(people=[], targets=[], tags=[])  # as if Ian were not in the journal
    editor.load(record)
    assert record.hiring_manager and editor.hiring_manager.currentData() == record.hiring_manager
    assert editor.hiring_manager.count() == 2  # "None" and the saved uid


def test_new_and_delete_on_each_tab(page: PathwaysPage, stack: QUndoStack,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    page.tabs.setCurrentIndex(OPENINGS)
    assert page.new_button.text() == "New opening"
    page.new_record()
    kind, uid = page.current()
    assert kind == "opening" and uid is not None
    assert page.openings_model.rowCount() == 4
    page.delete_current()
    with pytest.raises(NotFound):
        services.load_record(page.journal, Opening, uid)
    stack.undo()
    assert services.load_record(page.journal, Opening, uid).title == "New opening"
    page.tabs.setCurrentIndex(0)
    page.new_record()
    assert page.current()[0] == "target" and page.targets_model.rowCount() == 3


def test_search_filters_both_lists(page: PathwaysPage) -> None:
    page.search.setText("pricing")
    page.apply_filter()
    assert page.openings_model.rowCount() == 1
    assert page.targets_model.rowCount() == 0
    assert page.targets.stack.currentWidget() is page.targets.no_match
    page.clear_filter()
    assert page.targets_model.rowCount() == 2


def test_an_empty_journal_teaches_on_both_tabs(qtbot: Any, journal: Journal,
                                                stack: QUndoStack) -> None:
    empty = PathwaysPage(journal, stack, today=TODAY)
    qtbot.addWidget(empty)
    empty.show()
    empty.ready()
    assert empty.targets.stack.currentWidget() is empty.targets.empty_state
    assert empty.openings.stack.currentWidget() is empty.openings.empty_state
    assert "promotion" in empty.targets.empty_state.label.text()
    qtbot.mouseClick(empty.targets.empty_state.button, Qt.MouseButton.LeftButton)
    assert empty.targets_model.rowCount() == 1
    assert empty.current()[0] == "target"
    assert empty.target_editor.gap_summary.text().startswith("List the skills")


def test_a_covered_skill_lists_its_evidence_when_expanded(page: PathwaysPage) -> None:
    assert page.open_record("target", _uid(page.journal, Target, LATERAL))
    gaps = page.target_editor.gaps
    python = next(gaps.topLevelItem(i) for i in range(gaps.topLevelItemCount())
                  if gaps.topLevelItem(i).text(0) == "Python")
    assert not python.isExpanded()
    assert python.childIndicatorPolicy() is QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
    python.setExpanded(True)  # as the arrow or the Right key does
    titles = [python.child(i).text(0) for i in range(python.childCount())]
    assert titles and "No evidence yet" not in titles
    assert python.child(0).data(0, Qt.ItemDataRole.UserRole)[0] in ("achievement", "experience")
    python.setExpanded(False)
    python.setExpanded(True)  # listed once, not again
    assert python.childCount() == len(titles)
