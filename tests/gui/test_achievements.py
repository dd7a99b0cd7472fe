"""The Achievements page: the lazy table, filters and sorting, the editor, undo, delete."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QScrollBar, QWidget

from careerdesk import services
from careerdesk.domain.enums import AchievementKind, Scope
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import Achievement, Experience, Metric, Person
from careerdesk.store import achievement_list
from careerdesk.store import models as m
from careerdesk.store.achievement_edit import MetricDraft, MetricProblem, parse_number
from careerdesk.store.achievement_list import AchievementFilter, AchievementSort
from careerdesk.store.database import Journal
from careerdesk.store.repository import RecordWriter
from careerdesk.ui.models.achievement_table import AchievementTableModel, Column
from careerdesk.ui.models.lazy_table import BLOCK, UID_ROLE
from careerdesk.ui.pages.achievements import AchievementsPage
from careerdesk.ui.undo import (
    CreateRecordCommand,
    DeleteRecordCommand,
    RecordChange,
    RecordEvents,
    SaveRecordCommand,
)
from careerdesk.ui.widgets.confirm import ConfirmDialog

# The sample journal's achievement with two metrics and a highlight.
SURCHARGE = "Found and fixed fuel surcharge leakage"

# Typing in a picker opens its completion list, a popup the offscreen platform cannot
# raise or give the keyboard to; it says so, and the list works all the same.
completion_popup = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard")


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> AchievementsPage:
    return _open_page(qtbot, demo_journal, stack)


def _open_page(qtbot: Any, journal: Journal, stack: QUndoStack) -> AchievementsPage:
    shown = AchievementsPage(journal, stack)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.ready()
    return shown


def _titles(model: AchievementTableModel) -> list[str]:
    return [model.data(model.index(row, Column.TITLE)) for row in range(model.rowCount())]


def _uid_titled(journal: Journal, title: str) -> str:
    return next(a.uid for a in services.load_all(journal, Achievement) if a.title == title)


def _type_into(qtbot: Any, line_edit: Any, text: str) -> None:
    """Replaces a line edit's text as a user would, and presses Return to commit it."""
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


# ------------------------------------------------------------------ the model


def test_model_passes_the_model_tester_on_the_demo_and_with_a_filter(
        qtmodeltester: Any, demo_journal: Journal) -> None:
    model = AchievementTableModel(demo_journal)
    model.reload()
    assert model.rowCount() == 25
    qtmodeltester.check(model)

    model.set_filter(AchievementFilter(kinds=frozenset({AchievementKind.QUANTIFIED})))
    assert 0 < model.rowCount() < 25
    qtmodeltester.check(model)
    kinds = {model.data(model.index(row, Column.KIND)) for row in range(model.rowCount())}
    assert kinds == {"Quantified"}


def test_rows_show_readable_dates_the_metric_change_and_a_highlight_mark(
        demo_journal: Journal) -> None:
    model = AchievementTableModel(demo_journal)
    model.reload()
    row = _titles(model).index(SURCHARGE)
    index = model.index
    record = services.load_record(demo_journal, Achievement, _uid_titled(demo_journal, SURCHARGE))
    day = record.date
    assert model.data(index(row, Column.DATE)) == f"{day.day} {day:%b %Y}"
    assert model.data(index(row, Column.METRIC)) == "0 → 1,400,000 USD, +1,400,000  +1 more"
    assert model.data(index(row, Column.KIND)) == "Quantified"
    assert model.data(index(row, Column.SCOPE)) == "Company"
    assert "SQL" in model.data(index(row, Column.SKILLS))
    assert model.data(index(row, Column.TITLE, ), Qt.ItemDataRole.AccessibleTextRole) \
        == f"{SURCHARGE} (highlight)"
    assert model.data(index(row, Column.TITLE), UID_ROLE) == record.uid
    right = int(model.data(index(row, Column.METRIC), Qt.ItemDataRole.TextAlignmentRole))
    assert right & int(Qt.AlignmentFlag.AlignRight)


def test_sorting_happens_in_sql_through_the_model(demo_journal: Journal) -> None:
    model = AchievementTableModel(demo_journal)
    model.reload()
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    titles = _titles(model)
    assert titles == sorted(titles, key=str.lower)
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert _titles(model) == sorted(titles, key=str.lower, reverse=True)
    model.sort(Column.SKILLS, Qt.SortOrder.AscendingOrder)  # not a sort: nothing moves
    assert model.sort_key == AchievementSort.TITLE


# ------------------------------------------------------------------ the page: list


def test_the_page_lists_the_demo_and_selects_the_newest(page: AchievementsPage) -> None:
    assert page.name == "achievements" and page.icon_name == "achievements"
    assert page.count_label.text() == "25 achievements"
    assert page.list_stack.currentWidget() is page.table
    assert page.table.currentIndex().row() == 0
    newest = max(services.load_all(page.journal, Achievement), key=lambda a: a.date)
    assert page.editor.record is not None and page.editor.record.uid == newest.uid
    assert page.editor.title.text() == newest.title


def test_clicking_headers_sorts_and_skills_do_not_sort(qtbot: Any,
                                                       page: AchievementsPage) -> None:
    header = page.table.horizontalHeader()

    def click(column: Column) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))

    click(Column.TITLE)
    titles = _titles(page.model)
    assert titles == sorted(titles, key=str.lower)
    assert header.sortIndicatorSection() == Column.TITLE
    click(Column.TITLE)
    assert _titles(page.model) == sorted(titles, key=str.lower, reverse=True)
    click(Column.SKILLS)
    assert header.sortIndicatorSection() == Column.TITLE
    assert _titles(page.model) == sorted(titles, key=str.lower, reverse=True)
    click(Column.DATE)  # a first click on the date shows the newest first
    dates = [services.load_record(page.journal, Achievement, page.model.uid_at(r) or "").date
             for r in range(page.model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    click(Column.METRIC)
    counts = [page.model.line(r).metric_count for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert counts == sorted(counts, reverse=True)


def test_filters_narrow_the_rows_and_the_count_says_so(qtbot: Any,
                                                       page: AchievementsPage) -> None:
    qtbot.keyClicks(page.search, "surcharge")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # after the typing pause
    assert _titles(page.model) == [SURCHARGE]
    assert page.count_label.text() == "1 of 25"
    assert page.editor.title.text() == SURCHARGE  # the only match is shown
    page.search.clear()
    page.apply_filter()
    assert page.model.rowCount() == 25

    page.kind_filter.setCurrentIndex(page.kind_filter.findData("invisible"))
    page.kind_filter.activated.emit(page.kind_filter.currentIndex())
    invisible = [a for a in services.load_all(page.journal, Achievement)
                 if a.kind == AchievementKind.INVISIBLE]
    assert page.model.rowCount() == len(invisible)
    assert page.count_label.text() == f"{len(invisible)} of 25"

    page.highlights_only.setChecked(True)
    both = [a for a in invisible if a.highlight]
    assert page.model.rowCount() == len(both)

    page.clear_filter()
    page.scope_filter.setCurrentIndex(page.scope_filter.findData("external"))
    page.scope_filter.activated.emit(page.scope_filter.currentIndex())
    external = [a for a in services.load_all(page.journal, Achievement)
                if a.scope == Scope.EXTERNAL]
    assert page.model.rowCount() == len(external) > 0

    page.clear_filter()
    assert page.tag_filter.findData("finance") > 0
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("finance"))
    page.tag_filter.activated.emit(page.tag_filter.currentIndex())
    tagged = [a for a in services.load_all(page.journal, Achievement) if "finance" in a.tags]
    assert page.model.rowCount() == len(tagged) > 0

    page.clear_filter()
    dates = sorted(a.date for a in services.load_all(page.journal, Achievement))
    for edit, day in ((page.date_from, dates[5]), (page.date_to, dates[9])):
        edit.check.setChecked(True)
        edit.edit.setDate(QDate(day.year, day.month, day.day))
    in_range = [d for d in dates if dates[5] <= d <= dates[9]]
    assert page.model.rowCount() == len(in_range)
    assert page.clear_button.isEnabled()


def test_a_filter_that_matches_nothing_says_so_and_offers_to_clear(
        qtbot: Any, page: AchievementsPage) -> None:
    page.search.setText("zzzznothing")
    page.apply_filter()
    assert page.model.rowCount() == 0
    assert page.list_stack.currentWidget() is page.no_match
    assert page.editor_stack.currentWidget() is page.nothing_selected
    qtbot.mouseClick(page.no_match.button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 25
    assert page.search.text() == ""
    assert page.list_stack.currentWidget() is page.table
    assert page.table.currentIndex().isValid()


def test_an_empty_journal_says_what_belongs_here_and_adds_the_first(
        qtbot: Any, journal: Journal, stack: QUndoStack) -> None:
    empty = _open_page(qtbot, journal, stack)
    assert empty.list_stack.currentWidget() is empty.empty_state
    assert "wins" in empty.empty_state.label.text()
    qtbot.mouseClick(empty.empty_state.button, Qt.MouseButton.LeftButton)
    assert empty.model.rowCount() == 1
    assert empty.list_stack.currentWidget() is empty.table
    assert empty.count_label.text() == "1 achievement"
    assert empty.editor.title.hasFocus()


def test_open_record_clears_the_filter_and_shows_the_achievement(
        page: AchievementsPage) -> None:
    uid = _uid_titled(page.journal, SURCHARGE)
    page.highlights_only.setChecked(True)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("story"))
    page.apply_filter()
    assert page.model.row_of_uid(uid) is None
    assert page.open_record("achievement", uid)
    assert page.model.filter.is_empty
    assert page.model.uid_at(page.table.currentIndex().row()) == uid
    assert page.editor.title.text() == SURCHARGE
    assert not page.open_record("person", uid)
    assert not page.open_record("achievement", "no-such-uid")


# ------------------------------------------------------------------ editing and undo


def test_editing_the_title_saves_it_and_undo_redo_revert_and_reapply(
        qtbot: Any, page: AchievementsPage, stack: QUndoStack) -> None:
    assert page.open_record("achievement", _uid_titled(page.journal, SURCHARGE))
    uid = page.current_uid()
    assert uid is not None
    before = services.load_record(page.journal, Achievement, uid)

    _type_into(qtbot, page.editor.title, "Recovered $1.4M of fuel surcharge")
    saved = services.load_record(page.journal, Achievement, uid)
    assert saved.title == "Recovered $1.4M of fuel surcharge"
    assert saved.metrics == before.metrics  # the other fields stay as they were
    assert stack.count() == 1
    assert "title" in stack.undoText()
    row = page.model.row_of_uid(uid)
    assert row is not None
    assert page.model.data(page.model.index(row, Column.TITLE)) == saved.title

    stack.undo()
    restored = services.load_record(page.journal, Achievement, uid)
    assert restored == before  # times included: it is back exactly as it was
    assert page.editor.title.text() == SURCHARGE
    assert page.model.data(page.model.index(page.model.row_of_uid(uid) or 0, Column.TITLE)) \
        == SURCHARGE

    stack.redo()
    assert services.load_record(page.journal, Achievement, uid).title == saved.title
    assert page.editor.title.text() == saved.title
    assert page.current_uid() == uid


@completion_popup
def test_toggles_and_choices_save_at_once(qtbot: Any, page: AchievementsPage,
                                         stack: QUndoStack) -> None:
    uid = page.current_uid()
    assert uid is not None
    was = services.load_record(page.journal, Achievement, uid)
    page.editor.highlight.click()
    assert services.load_record(page.journal, Achievement, uid).highlight is not was.highlight
    page.editor.scope.setCurrentIndex(page.editor.scope.findData("external"))
    page.editor.scope.activated.emit(page.editor.scope.currentIndex())
    assert services.load_record(page.journal, Achievement, uid).scope == Scope.EXTERNAL
    experience = services.load_all(page.journal, Experience)[0]
    page.editor.experience.setCurrentIndex(page.editor.experience.findData(experience.uid))
    page.editor.experience.activated.emit(page.editor.experience.currentIndex())
    assert services.load_record(page.journal, Achievement, uid).experience == experience.uid
    qtbot.keyClicks(page.editor.tags.input, "promotion-case")
    qtbot.keyClick(page.editor.tags.input, Qt.Key.Key_Return)
    assert "promotion-case" in services.load_record(page.journal, Achievement, uid).tags
    assert page.tag_filter.findData("promotion-case") > 0  # the filter offers the new tag
    qtbot.keyClicks(page.editor.skills.input, "negotiation")
    qtbot.keyClick(page.editor.skills.input, Qt.Key.Key_Return)
    # The journal's own spelling wins over the typed one: no second "negotiation" skill.
    assert "Negotiation" in services.load_record(page.journal, Achievement, uid).skills
    skills = page.editor.skills
    qtbot.keyClicks(skills.input, "pyth")  # picked from the completion list
    popup = skills.completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    saved_skills = services.load_record(page.journal, Achievement, uid).skills
    assert "Python" in saved_skills and "pyth" not in saved_skills
    assert skills.input.text() == ""
    assert stack.count() == 6
    for _ in range(6):
        stack.undo()
    assert services.load_record(page.journal, Achievement, uid) == was


@completion_popup
def test_people_are_picked_by_name_and_unknown_names_are_refused(
        qtbot: Any, page: AchievementsPage) -> None:
    uid = page.current_uid()
    assert uid is not None
    person = next(p for p in services.load_all(page.journal, Person)
                  if p.uid not in services.load_record(page.journal, Achievement, uid).people)
    picker = page.editor.people
    qtbot.keyClicks(picker.input, person.name.upper())
    qtbot.keyClick(picker.input, Qt.Key.Key_Return)
    assert person.uid in services.load_record(page.journal, Achievement, uid).people
    qtbot.keyClicks(picker.input, "Nobody Atall")
    qtbot.keyClick(picker.input, Qt.Key.Key_Return)
    assert picker.message.isVisible() and "Nobody Atall" in picker.message.text()
    picker.input.clear()
    qtbot.keyClick(picker.input, Qt.Key.Key_Backspace)  # empty field: removes the last one
    assert services.load_record(page.journal, Achievement, uid).people == picker.values()
    assert person.uid not in picker.values()


def test_adding_and_editing_a_metric_shows_the_change_and_saves_it(
        qtbot: Any, page: AchievementsPage, stack: QUndoStack) -> None:
    story = next(a for a in services.load_all(page.journal, Achievement) if not a.metrics)
    assert page.open_record("achievement", story.uid)
    assert page.editor.metrics.rows == []
    qtbot.mouseClick(page.editor.metrics.add_button, Qt.MouseButton.LeftButton)
    row = page.editor.metrics.rows[0]
    assert row.name.hasFocus()

    row.name.setText("Client satisfaction")
    row.name.editingFinished.emit()  # still filling it in: nothing saved, nothing scolded
    assert services.load_record(page.journal, Achievement, story.uid).metrics == []
    assert not row.message.isVisible()
    qtbot.keyClicks(row.baseline, "72")
    qtbot.keyClicks(row.result, "88")
    qtbot.keyClicks(row.unit, "%")
    assert row.change.text() == "Change: 72 → 88 %, +22 %"  # live, before any commit
    qtbot.keyClick(row.unit, Qt.Key.Key_Return)
    saved = services.load_record(page.journal, Achievement, story.uid)
    assert saved.metrics == [Metric(name="Client satisfaction", unit="%", baseline=72,
                                    result=88, higher_is_better=True)]
    table_row = page.model.row_of_uid(story.uid)
    assert table_row is not None
    assert page.model.data(page.model.index(table_row, Column.METRIC)) == "72 → 88 %, +22 %"

    _type_into(qtbot, row.result, "91,5")
    assert row.change.text() == "Change: 72 → 91.5 %, +27 %"
    assert services.load_record(page.journal, Achievement, story.uid).metrics[0].result == 91.5

    second = page.editor.metrics.add_metric()
    second.name.setText("Escalations")
    second.baseline.setText("12")
    second.result.setText("4")
    second.higher.setChecked(False)  # a toggle commits
    metrics = services.load_record(page.journal, Achievement, story.uid).metrics
    assert [x.name for x in metrics] == ["Client satisfaction", "Escalations"]
    assert metrics[1].higher_is_better is False
    qtbot.waitUntil(lambda: second.up.height() > 0)  # laid out, as a user would see it
    qtbot.mouseClick(second.up, Qt.MouseButton.LeftButton)
    metrics = services.load_record(page.journal, Achievement, story.uid).metrics
    assert [x.name for x in metrics] == ["Escalations", "Client satisfaction"]
    assert page.editor.metrics.rows[0].name.text() == "Escalations"
    qtbot.mouseClick(page.editor.metrics.rows[0].remove, Qt.MouseButton.LeftButton)
    assert [x.name for x in services.load_record(page.journal, Achievement,
                                                 story.uid).metrics] == ["Client satisfaction"]
    stack.undo()  # the removed metric comes back, in its place
    assert [r.name.text() for r in page.editor.metrics.rows] \
        == ["Escalations", "Client satisfaction"]
    assert len(services.load_record(page.journal, Achievement, story.uid).metrics) == 2


def test_a_metric_that_is_not_a_number_is_refused_with_a_message(
        qtbot: Any, page: AchievementsPage, stack: QUndoStack) -> None:
    assert page.open_record("achievement", _uid_titled(page.journal, SURCHARGE))
    uid = page.current_uid()
    assert uid is not None
    before = services.load_record(page.journal, Achievement, uid)
    row = page.editor.metrics.rows[0]
    _type_into(qtbot, row.result, "a lot")
    assert row.message.isVisible()
    assert "number" in row.message.text()
    assert services.load_record(page.journal, Achievement, uid) == before
    assert stack.count() == 0
    _type_into(qtbot, row.name, "")
    page.editor.title.setFocus()  # leaving the metric shows what is missing too
    row.name.editingFinished.emit()
    assert "name" in row.message.text()
    row.name.setText("Fuel surcharge recovered")
    row.name.textEdited.emit(row.name.text())
    _type_into(qtbot, row.result, "1400000")
    assert not row.message.isVisible()
    assert services.load_record(page.journal, Achievement, uid).metrics[0].name \
        == "Fuel surcharge recovered"


def test_an_empty_title_is_refused_with_an_inline_message(
        qtbot: Any, page: AchievementsPage, stack: QUndoStack) -> None:
    uid = page.current_uid()
    assert uid is not None
    before = services.load_record(page.journal, Achievement, uid)
    _type_into(qtbot, page.editor.title, "")
    assert page.editor.title_problem.isVisible()
    assert "title" in page.editor.title_problem.text()
    assert services.load_record(page.journal, Achievement, uid) == before
    assert stack.count() == 0
    row = page.model.row_of_uid(uid)
    assert page.model.data(page.model.index(row or 0, Column.TITLE)) == before.title
    page.editor.highlight.click()  # other edits wait for the title too
    assert services.load_record(page.journal, Achievement, uid) == before
    _type_into(qtbot, page.editor.title, "A better title")
    assert not page.editor.title_problem.isVisible()
    assert services.load_record(page.journal, Achievement, uid).title == "A better title"


def test_story_edits_after_pauses_make_one_undo_step(qtbot: Any, page: AchievementsPage,
                                                    stack: QUndoStack) -> None:
    uid = page.current_uid()
    assert uid is not None
    before = services.load_record(page.journal, Achievement, uid)
    story = page.editor.story
    story.setFocus()
    story.moveCursor(story.textCursor().MoveOperation.End)
    qtbot.keyClicks(story, " First.")
    story.flush()  # the pause
    qtbot.keyClicks(story, " Second.")
    with qtbot.waitSignal(story.committed, timeout=5000):
        pass  # the pause timer commits by itself
    assert services.load_record(page.journal, Achievement, uid).story \
        == (before.story or "") + " First. Second."
    assert stack.count() == 1
    stack.undo()
    assert services.load_record(page.journal, Achievement, uid) == before
    assert page.editor.story.text() == before.story


# ------------------------------------------------------------------ new and delete


def test_new_achievement_is_created_selected_and_undoable(
        qtbot: Any, page: AchievementsPage, stack: QUndoStack) -> None:
    page.highlights_only.setChecked(True)
    assert "Ctrl+Shift+N" in page.new_button.toolTip()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    uid = page.current_uid()
    assert uid is not None
    created = services.load_record(page.journal, Achievement, uid)
    assert created.title == "Untitled achievement" and created.date == date.today()
    assert page.model.filter.is_empty  # the filter was cleared to show it
    assert page.model.uid_at(page.table.currentIndex().row()) == uid
    assert page.count_label.text() == "26 achievements"
    _type_into(qtbot, page.editor.title, "Ran the quarterly pricing review")
    stack.undo()
    stack.undo()
    with pytest.raises(NotFound):
        services.load_record(page.journal, Achievement, uid)
    assert page.model.rowCount() == 25
    assert page.current_uid() != uid and page.current_uid() is not None
    stack.redo()
    assert services.load_record(page.journal, Achievement, uid).created_at == created.created_at
    assert page.current_uid() == uid
    stack.redo()
    assert page.editor.title.text() == "Ran the quarterly pricing review"


def test_delete_asks_first_and_undo_brings_it_back_whole(
        qtbot: Any, page: AchievementsPage, stack: QUndoStack,
        monkeypatch: pytest.MonkeyPatch) -> None:
    uid = _uid_titled(page.journal, SURCHARGE)
    assert page.open_record("achievement", uid)
    row = page.table.currentIndex().row()
    before = services.load_record(page.journal, Achievement, uid)
    asked: list[str] = []

    def refuse(cls: type, parent: Any, title: str, text: str, *args: Any) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(refuse))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and SURCHARGE in asked[0]
    assert services.load_record(page.journal, Achievement, uid) == before

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    with pytest.raises(NotFound):
        services.load_record(page.journal, Achievement, uid)
    assert page.model.rowCount() == 24
    assert page.table.currentIndex().row() == row  # the next one takes its place
    assert page.current_uid() == page.model.uid_at(row)

    stack.undo()
    back = services.load_record(page.journal, Achievement, uid)
    assert back == before
    assert back.metrics == before.metrics and len(back.metrics) == 2
    assert page.current_uid() == uid
    assert page.model.uid_at(page.table.currentIndex().row()) == uid
    stack.redo()
    with pytest.raises(NotFound):
        services.load_record(page.journal, Achievement, uid)


# ------------------------------------------------------------------ laziness


def _generate(journal: Journal, count: int) -> None:
    start = date(2020, 1, 1)
    records = []
    for i in range(count):
        metrics = [Metric(name="Throughput", unit="%", baseline=50, result=50 + i % 40)] \
            if i % 3 == 0 else []
        records.append(Achievement(date=start + timedelta(days=i % 2000),
                                   title=f"Generated win {i:05d}",
                                   kind=list(AchievementKind)[i % 3], metrics=metrics,
                                   tags=["generated"]))
    with journal.transaction() as session:
        writer = RecordWriter(session)
        writer.prefetch(m.AchievementRow, [r.uid for r in records])
        for record in records:
            writer.save(record)


def test_the_model_fetches_only_the_lines_it_shows(
        qtbot: Any, journal: Journal, stack: QUndoStack,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _generate(journal, 3000)
    asked: list[int] = []
    real_lines = achievement_list.lines

    def counting(session: Any, ids: Any) -> Any:
        asked.append(len(ids))
        return real_lines(session, ids)

    monkeypatch.setattr(achievement_list, "lines", counting)
    shown = _open_page(qtbot, journal, stack)
    model = shown.model
    assert model.rowCount() == 3000
    assert shown.count_label.text() == "3,000 achievements"
    assert sum(asked) <= 2 * BLOCK  # the rows on screen, not the journal
    assert model.cached_lines <= 2 * BLOCK

    last_id = model.ids()[-1]
    shown.table.scrollToBottom()
    qtbot.wait(50)
    shown.table.viewport().repaint()
    assert any(last_id in block for block in model._blocks.values())
    assert model.cached_lines <= 4 * BLOCK
    assert len(asked) <= 4

    shown.sort_by(AchievementSort.TITLE, descending=False)  # sorting reads ids, few lines
    assert model.data(model.index(0, Column.TITLE)) == "Generated win 00000"
    assert model.cached_lines <= 2 * BLOCK


# ------------------------------------------------------------------ the undo commands


def test_undo_commands_work_for_any_record_kind(demo_journal: Journal,
                                                stack: QUndoStack) -> None:
    events = RecordEvents.of(stack)
    assert RecordEvents.of(stack) is events
    heard: list[RecordChange] = []
    events.changed.connect(heard.append)

    person = Person(name="Priya Raman", title="VP Operations")
    stack.push(CreateRecordCommand(demo_journal, events, person))
    created = services.load_record(demo_journal, Person, person.uid)
    assert heard[-1].record == created and not heard[-1].replay

    renamed = dataclasses.replace(created, title="COO")
    stack.push(SaveRecordCommand(demo_journal, events, created, renamed, field="title"))
    assert services.load_record(demo_journal, Person, person.uid).title == "COO"
    stack.undo()
    assert services.load_record(demo_journal, Person, person.uid) == created
    assert heard[-1].replay
    stack.redo()

    stack.push(DeleteRecordCommand(demo_journal, events, Person, person.uid))
    with pytest.raises(NotFound):
        services.load_record(demo_journal, Person, person.uid)
    assert heard[-1].record is None
    stack.undo()
    assert services.load_record(demo_journal, Person, person.uid).title == "COO"
    stack.undo()
    stack.undo()
    with pytest.raises(NotFound):
        services.load_record(demo_journal, Person, person.uid)


def test_a_save_that_fails_is_reported_and_leaves_no_undo_step(
        demo_journal: Journal, stack: QUndoStack) -> None:
    events = RecordEvents.of(stack)
    failures: list[str] = []
    events.failed.connect(failures.append)
    achievement = services.load_all(demo_journal, Achievement)[0]
    broken = dataclasses.replace(achievement, people=["no-such-person"])
    stack.push(SaveRecordCommand(demo_journal, events, achievement, broken, field="people"))
    assert failures and "no-such-person" in failures[0]
    assert stack.count() == 0
    assert services.load_record(demo_journal, Achievement, achievement.uid) == achievement


def test_metric_drafts_read_numbers_as_people_type_them() -> None:
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("1 234,5") == 1234.5
    assert parse_number("91,5") == 91.5
    assert parse_number("−3") == -3
    assert parse_number("  ") is None
    with pytest.raises(ValueError):
        parse_number("a lot")
    draft = MetricDraft(name="", result="x", baseline="7")
    assert draft.problems() == {"name": MetricProblem.NO_NAME,
                                "result": MetricProblem.RESULT_NOT_A_NUMBER}
    exact = Metric(name="Share", result=0.125, baseline=0.1, unit="%")
    assert MetricDraft.of(exact).to_metric() == exact


def test_refresh_reloads_and_keeps_the_selection(page: AchievementsPage) -> None:
    assert page.open_record("achievement", _uid_titled(page.journal, SURCHARGE))
    uid = page.current_uid()
    assert uid is not None
    changed = dataclasses.replace(services.load_record(page.journal, Achievement, uid),
                                  title="Renamed by an import")
    services.save_record(page.journal, changed)  # a change the page did not make
    page.refresh()
    assert page.current_uid() == uid
    assert page.model.uid_at(page.table.currentIndex().row()) == uid
    assert page.editor.title.text() == "Renamed by an import"


def test_every_control_has_a_name_and_the_shortcuts_are_documented(
        page: AchievementsPage) -> None:
    assert page.new_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    page.editor.metrics.add_metric()  # its fields too
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in page.findChildren(QWidget)
               if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
               and not isinstance(w, QScrollBar) and not w.accessibleName()
               and w.objectName() != "qt_spinbox_lineedit"]  # inside a named date field
    assert unnamed == []
