"""The People page: the lazy table, editing with undo, the quick interaction form, the
follow-up toggle, the attention strip, opening records, and deleting a person."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from careerdesk import services
from careerdesk.domain.enums import InteractionKind, PersonRole, Stance
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import Interaction, JournalEntry, Person
from careerdesk.store.database import Journal
from careerdesk.store.people_edit import LoneInteractions, PersonLinks
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.models.people_table import Column, PeopleTableModel
from careerdesk.ui.pages.people import PeoplePage
from careerdesk.ui.people_editor import DeletePersonDialog
from careerdesk.ui.widgets.confirm import ConfirmDialog

TODAY = date(2026, 11, 22)  # the sample journal's today

completion_popup = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard")


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> PeoplePage:
    shown = PeoplePage(demo_journal, stack, today=TODAY)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.ready()
    return shown


def _uid(journal: Journal, name: str) -> str:
    return next(p.uid for p in services.load_all(journal, Person) if p.name == name)


def _names(model: PeopleTableModel) -> list[str]:
    return [model.data(model.index(row, Column.NAME)) for row in range(model.rowCount())]


def _cell(model: PeopleTableModel, name: str, column: Column) -> Any:
    return model.data(model.index(_names(model).index(name), column))


def _type_into(qtbot: Any, line_edit: Any, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


# ------------------------------------------------------------------ the table


def test_model_passes_the_model_tester_with_and_without_filters(
        qtmodeltester: Any, demo_journal: Journal) -> None:
    model = PeopleTableModel(demo_journal, today=TODAY)
    model.reload()
    assert model.rowCount() == 15
    qtmodeltester.check(model)
    from careerdesk.store.people_list import PeopleFilter, PeopleGroup

    model.set_filter(PeopleFilter(group=PeopleGroup.DECISION_MAKERS))
    assert 0 < model.rowCount() < 15
    qtmodeltester.check(model)


def test_the_log_model_passes_the_model_tester(qtmodeltester: Any, page: PeoplePage) -> None:
    page.open_record("person", _uid(page.journal, "Aisha Bello"))
    assert page.log_model.rowCount() == 5
    qtmodeltester.check(page.log_model)
    dates = [line.date for line in page.log_model.lines]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_an_empty_journal_teaches_and_offers_the_first_person(
        qtbot: Any, journal: Journal, stack: QUndoStack) -> None:
    empty = PeoplePage(journal, stack, today=TODAY)
    qtbot.addWidget(empty)
    empty.show()
    empty.ready()
    assert empty.list_stack.currentWidget() is empty.empty_state
    assert "decision-makers" in empty.empty_state.label.text()
    assert empty.filter_bar.isHidden() and empty.follow_ups_link.isHidden()
    qtbot.mouseClick(empty.empty_state.button, Qt.MouseButton.LeftButton)
    assert empty.model.rowCount() == 1 and empty.list_stack.currentWidget() is empty.table
    assert empty.editor.name.hasFocus() or empty.editor.name.text() == "New person"


def test_rows_show_stance_in_words_and_overdue_in_words(page: PeoplePage) -> None:
    model = page.model
    assert _cell(model, "Victor Hale", Column.STANCE) == "Blocker"
    assert _cell(model, "Victor Hale", Column.CONTACT_DUE) == "13 days overdue"
    assert _cell(model, "Marcus Reid", Column.CONTACT_DUE) == "176 days overdue"
    assert _cell(model, "Ian Crawford", Column.CONTACT_DUE) == "2 follow-ups overdue"
    assert _cell(model, "Daniel Okafor", Column.CONTACT_DUE) == "Due in 9 days"
    row = _names(model).index("Victor Hale")
    assert model.data(model.index(row, Column.CONTACT_DUE),
                      Qt.ItemDataRole.ForegroundRole) is not None  # the warm colour too
    assert model.data(model.index(row, Column.STANCE), Qt.ItemDataRole.DecorationRole) is not None


def test_tooltips_show_what_was_typed_never_as_markup(page: PeoplePage) -> None:
    uid = _uid(page.journal, "Victor Hale")
    record = services.load_record(page.journal, Person, uid)
    services.save_record(page.journal, dataclasses.replace(record, title="<b>VP</b> & co"))
    page.refresh()
    row = _names(page.model).index("Victor Hale")
    tip = page.model.data(page.model.index(row, Column.NAME), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;VP&lt;/b&gt; &amp; co" in tip and "<b>" not in tip


def test_the_attention_strip_counts_and_filters(qtbot: Any, page: PeoplePage) -> None:
    assert page.follow_ups_link.text() == "3 follow-ups overdue"
    assert page.quiet_link.text() == "2 relationships gone quiet"
    qtbot.mouseClick(page.quiet_link, Qt.MouseButton.LeftButton)
    assert _names(page.model) == ["Marcus Reid", "Victor Hale"]  # the longest overdue first
    assert page.contact_overdue.isChecked()
    qtbot.mouseClick(page.follow_ups_link, Qt.MouseButton.LeftButton)
    assert set(_names(page.model)) == {"Ian Crawford", "Robert Lindqvist", "Sofia Marchetti",
                                       "Tomás Alvarez"}
    assert not page.contact_overdue.isChecked()


def test_filters_for_decision_makers_and_other_departments(page: PeoplePage) -> None:
    page.group_filter.setCurrentIndex(page.group_filter.findText("Decision-makers"))
    page.apply_filter()
    shown = set(_names(page.model))
    assert "Daniel Okafor" in shown and "Aisha Bello" not in shown and len(shown) == 8
    page.clear_filter()
    assert page.other_departments.isEnabled()
    page.other_departments.setChecked(True)
    shown = set(_names(page.model))
    assert "Daniel Okafor" not in shown and "Margaret Chen" not in shown  # Finance is home
    assert "Aisha Bello" in shown and len(shown) == 10


def test_sorting_by_a_header_sorts_in_sql(page: PeoplePage) -> None:
    header = page.table.horizontalHeader()
    header.setSortIndicator(Column.LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    assert _names(page.model)[0] == "Grace Mensah"  # 20 Nov, the latest
    assert _names(page.model)[-1] == "Marcus Reid"


# ------------------------------------------------------------------ editing


def test_editing_saves_each_field_and_undo_redo(qtbot: Any, page: PeoplePage,
                                                stack: QUndoStack) -> None:
    uid = _uid(page.journal, "Victor Hale")
    assert page.open_record("person", uid)
    before = services.load_record(page.journal, Person, uid)
    _type_into(qtbot, page.editor.title, "VP, FP&A")
    assert services.load_record(page.journal, Person, uid).title == "VP, FP&A"
    page.editor.roles.buttons[PersonRole.SPONSOR].click()
    page.editor.stance.setCurrentIndex(page.editor.stance.findData(Stance.NEUTRAL.value))
    page.editor.stance.activated.emit(page.editor.stance.currentIndex())
    saved = services.load_record(page.journal, Person, uid)
    assert PersonRole.SPONSOR in saved.roles and saved.stance is Stance.NEUTRAL
    assert _cell(page.model, "Victor Hale", Column.STANCE) == "Neutral"
    assert stack.count() == 3

    stack.undo()
    stack.undo()
    stack.undo()
    assert services.load_record(page.journal, Person, uid) == before
    assert page.editor.title.text() == (before.title or "")
    assert not page.editor.roles.buttons[PersonRole.SPONSOR].isChecked()
    stack.redo()
    assert services.load_record(page.journal, Person, uid).title == "VP, FP&A"


def test_an_empty_name_is_refused_next_to_the_field(qtbot: Any, page: PeoplePage,
                                                    stack: QUndoStack) -> None:
    uid = page.current_uid()
    assert uid is not None
    name = services.load_record(page.journal, Person, uid).name
    page.editor.name.setFocus()
    page.editor.name.clear()
    qtbot.keyClick(page.editor.name, Qt.Key.Key_Return)
    assert page.editor.name_problem.isVisible()
    assert services.load_record(page.journal, Person, uid).name == name
    assert stack.count() == 0


def test_notes_still_typed_are_saved_and_the_row_clicked_stays_selected(
        page: PeoplePage) -> None:
    first = page.current_uid()
    assert first is not None
    page.editor.notes.setPlainText("Prefers numbers before the story")
    page.table.selectRow(2)
    shown = page.current_uid()
    assert shown is not None and shown != first
    assert services.load_record(page.journal, Person, first).notes == \
        "Prefers numbers before the story"
    # Saving the first person's notes must not leave their row highlighted under the
    # editor of the person clicked.
    assert page.table.currentIndex().row() == page.model.row_of_uid(shown) == 2


def test_new_person_then_undo(page: PeoplePage, stack: QUndoStack) -> None:
    page.new_person()
    uid = page.current_uid()
    assert uid is not None and page.editor.name.text() == "New person"
    assert page.model.rowCount() == 16
    stack.undo()
    with pytest.raises(NotFound):
        services.load_record(page.journal, Person, uid)
    assert page.model.rowCount() == 15


# ------------------------------------------------------------------ interactions


@completion_popup
def test_adding_an_interaction_in_a_few_keystrokes(qtbot: Any, page: PeoplePage,
                                                   stack: QUndoStack) -> None:
    uid = _uid(page.journal, "Marcus Reid")
    assert page.open_record("person", uid)
    count = page.log_model.rowCount()
    qtbot.keyClick(page.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert page.form.isVisible()
    assert QApplication.focusWidget() is page.form.summary
    qtbot.keyClicks(page.form.summary, "Coffee on the data platform roadmap")
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not page.form.isVisible()
    mine = [i for i in services.load_all(page.journal, Interaction)
            if i.summary == "Coffee on the data platform roadmap"]
    assert len(mine) == 1
    assert mine[0].people == [uid] and mine[0].date == date.today()
    assert page.log_model.rowCount() == count + 1
    assert page.log_model.lines[0].summary == "Coffee on the data platform roadmap"
    # The contact is no longer overdue (the page counts from its day, the sample's today).
    if date.today() <= TODAY:
        assert "overdue" not in _cell(page.model, "Marcus Reid", Column.CONTACT_DUE)
    stack.undo()
    assert not [i for i in services.load_all(page.journal, Interaction)
                if i.summary == "Coffee on the data platform roadmap"]
    assert page.log_model.rowCount() == count


def test_the_form_needs_a_person_and_adds_a_follow_up(page: PeoplePage) -> None:
    uid = _uid(page.journal, "Grace Mensah")
    page.open_record("person", uid)
    open_before = page.follow_ups.count()
    page.start_interaction()
    page.form.kind.setCurrentIndex(page.form.kind.findData(InteractionKind.COFFEE.value))
    page.form.summary.setText("Ops planning")
    page.form.follow_up.set_value(date(2026, 12, 1))
    page.form.action.setText("Share the dashboard")
    page.form.people.remove_value(uid)
    page.save_interaction()
    assert page.form.problem.isVisible() and page.form.isVisible()  # no one named: not saved
    page.form.people.add_value(uid)
    page.save_interaction()
    saved = next(i for i in services.load_all(page.journal, Interaction)
                 if i.summary == "Ops planning")
    assert (saved.kind, saved.follow_up, saved.follow_up_action) == (
        InteractionKind.COFFEE, date(2026, 12, 1), "Share the dashboard")
    assert page.follow_ups.count() == open_before + 1


def test_enter_in_the_log_edits_an_interaction(qtbot: Any, page: PeoplePage,
                                              stack: QUndoStack) -> None:
    page.open_record("person", _uid(page.journal, "Victor Hale"))
    page.log.setFocus()
    page.log.setCurrentIndex(page.log_model.index(0, 0))
    uid = page.log_model.lines[0].uid
    before = services.load_record(page.journal, Interaction, uid)
    qtbot.keyClick(page.log, Qt.Key.Key_Return)
    assert page.form.isVisible() and page.form.editing == before
    assert page.form.summary.text() == (before.summary or "")
    page.form.summary.setText("Budget review, reworded")
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert services.load_record(page.journal, Interaction, uid).summary == \
        "Budget review, reworded"
    assert len(services.load_all(page.journal, Interaction)) == 41  # edited, not added
    stack.undo()
    assert services.load_record(page.journal, Interaction, uid) == before


def test_the_done_toggle_saves_and_undoes(qtbot: Any, page: PeoplePage,
                                          stack: QUndoStack) -> None:
    page.open_record("person", _uid(page.journal, "Ian Crawford"))
    assert page.follow_ups.count() == 2
    item = page.follow_ups.item(0)
    uid = item.data(Qt.ItemDataRole.UserRole)
    assert "overdue" in item.text()
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: services.load_record(page.journal, Interaction, uid).done)
    assert page.follow_ups.count() == 1  # done ones leave the list
    assert page.follow_ups_link.text() == "2 follow-ups overdue"
    stack.undo()
    assert not services.load_record(page.journal, Interaction, uid).done
    assert page.follow_ups.count() == 2


def test_open_record_of_an_interaction_selects_its_person_and_highlights_it(
        page: PeoplePage) -> None:
    victor = _uid(page.journal, "Victor Hale")
    interaction = next(i for i in services.load_all(page.journal, Interaction)
                       if victor in i.people)
    assert page.open_record("interaction", interaction.uid)
    assert page.current_uid() in interaction.people
    row = page.log.currentIndex().row()
    assert page.log_model.lines[row].uid == interaction.uid
    assert not page.open_record("achievement", interaction.uid)


# ------------------------------------------------------------------ deleting


@pytest.mark.parametrize("choice", [LoneInteractions.DELETE, LoneInteractions.KEEP_AS_JOURNAL])
def test_deleting_a_person_asks_about_their_interactions(
        page: PeoplePage, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch,
        choice: LoneInteractions) -> None:
    uid = _uid(page.journal, "Aisha Bello")
    page.open_record("person", uid)
    asked: list[PersonLinks] = []

    def answer(cls: type, parent: Any, name: str, links: PersonLinks) -> LoneInteractions:
        asked.append(links)
        return choice

    monkeypatch.setattr(DeletePersonDialog, "ask", classmethod(answer))
    before = {i.uid: i for i in services.load_all(page.journal, Interaction)}
    page.delete_current()
    assert asked == [PersonLinks(alone=4, shared=1)]
    with pytest.raises(NotFound):
        services.load_record(page.journal, Person, uid)
    assert "Aisha Bello" not in _names(page.model)
    entries = [e for e in services.load_all(page.journal, JournalEntry)
               if e.title and "Aisha Bello" in e.title]
    assert len(entries) == (4 if choice is LoneInteractions.KEEP_AS_JOURNAL else 0)

    stack.undo()
    assert services.load_record(page.journal, Person, uid).name == "Aisha Bello"
    assert {i.uid: i for i in services.load_all(page.journal, Interaction)} == before
    assert not [e for e in services.load_all(page.journal, JournalEntry)
                if e.title and "Aisha Bello" in e.title]
    assert page.current_uid() == uid and page.log_model.rowCount() == 5
    stack.redo()
    with pytest.raises(NotFound):
        services.load_record(page.journal, Person, uid)


def test_cancelling_the_delete_dialog_keeps_the_person(
        page: PeoplePage, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeletePersonDialog, "ask", classmethod(lambda cls, *a: None))
    uid = page.current_uid()
    page.delete_current()
    assert uid is not None and services.load_record(page.journal, Person, uid)
    assert stack.count() == 0


def test_the_delete_dialog_offers_the_choice_only_when_needed(qtbot: Any) -> None:
    dialog = DeletePersonDialog(None, "Ana <b>", PersonLinks(alone=2, shared=1))
    qtbot.addWidget(dialog)
    assert not dialog.keep_choice.isHidden() and dialog.keep_choice.isChecked()
    assert dialog.choice() is LoneInteractions.KEEP_AS_JOURNAL
    dialog.delete_choice.setChecked(True)
    assert dialog.choice() is LoneInteractions.DELETE
    plain = DeletePersonDialog(None, "Ana", PersonLinks(alone=0, shared=0))
    qtbot.addWidget(plain)
    assert plain.keep_choice.isHidden() and plain.choice() is LoneInteractions.DELETE


def test_deleting_an_interaction_from_the_log(page: PeoplePage, stack: QUndoStack,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    page.open_record("person", _uid(page.journal, "Aisha Bello"))
    page.log.setCurrentIndex(page.log_model.index(0, 0))
    uid = page.log_model.lines[0].uid
    page.delete_interaction()
    with pytest.raises(NotFound):
        services.load_record(page.journal, Interaction, uid)
    stack.undo()
    assert services.load_record(page.journal, Interaction, uid)


# ------------------------------------------------------------------ in the window


def test_an_achievement_they_saw_opens_on_the_achievements_page(
        qtbot: Any, demo_journal: Journal) -> None:
    window = MainWindow(demo_journal, Path(demo_journal.path).parent, remember=False,
                        start_page="people")
    qtbot.addWidget(window)
    window.show()
    page = window.page("people")
    assert isinstance(page, PeoplePage)
    page.ready()
    page.open_record("person", _uid(demo_journal, "Aisha Bello"))
    assert page.seen.count() > 0
    item = page.seen.item(0)
    page.seen.itemActivated.emit(item)
    assert window.current_page_name == "achievements"
    shown = window.page("achievements")
    assert shown.current_uid() == item.data(Qt.ItemDataRole.UserRole)  # type: ignore[attr-defined]
    window.shutdown()
