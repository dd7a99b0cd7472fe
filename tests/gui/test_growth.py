"""The Growth page: experiences (list, editor, the achievements made during one) and the
skills portfolio (evidence, the no-evidence mark, level, rename and merge with undo)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget

from careerdesk import search, services
from careerdesk.domain.enums import ExperienceKind
from careerdesk.domain.records import Achievement, Experience, Person, Skill
from careerdesk.store.database import Journal
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.models.growth_tables import (
    NO_EVIDENCE_ROLE,
    ExperienceColumn,
    ExperienceTableModel,
    SkillColumn,
    SkillTableModel,
)
from careerdesk.ui.pages.growth import GrowthPage
from careerdesk.ui.widgets.confirm import ConfirmDialog

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard")

CARRIER = "Carrier delay dashboard and late-delivery forecast"


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> GrowthPage:
    shown = GrowthPage(demo_journal, stack)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    shown.show()
    qtbot.waitExposed(shown)
    shown.ready()
    return shown


def _experience(journal: Journal, title: str) -> Experience:
    return next(e for e in services.load_all(journal, Experience) if e.title == title)


def _skills(journal: Journal) -> dict[str, Skill]:
    return {s.name: s for s in services.load_skills(journal)}


def _add_lonely_skill(journal: Journal) -> None:
    services.save_skill(journal, Skill(name="Public Speaking", category="Communication",
                                       level=2))


# ------------------------------------------------------------------ models


def test_the_tables_pass_the_model_tester(qtmodeltester: Any, page: GrowthPage) -> None:
    assert isinstance(page.experiences.model, ExperienceTableModel)
    assert page.experiences.model.rowCount() == 6
    qtmodeltester.check(page.experiences.model)
    page.open_record("skill", "no-such-uid")
    assert isinstance(page.skills.model, SkillTableModel)
    assert page.skills.model.rowCount() == 20
    qtmodeltester.check(page.skills.model)


# ------------------------------------------------------------------ experiences


def test_experiences_show_kind_dates_ongoing_and_sponsor(page: GrowthPage) -> None:
    model = page.experiences.model
    rows = {model.data(model.index(r, ExperienceColumn.TITLE)): r for r in range(model.rowCount())}
    carrier = rows[CARRIER]
    assert model.data(model.index(carrier, ExperienceColumn.KIND)) == "Cross-functional project"
    assert model.data(model.index(carrier, ExperienceColumn.DATES)) == "Nov 2025 – Feb 2026"
    assert model.data(model.index(carrier, ExperienceColumn.DEPARTMENT)) == "Operations"
    assert model.data(model.index(carrier, ExperienceColumn.SPONSOR))
    ongoing = [model.data(model.index(r, ExperienceColumn.DATES)) for r in range(model.rowCount())
               if model.data(model.index(r, ExperienceColumn.DATES)).endswith("ongoing")]
    assert ongoing and model.data(model.index(0, ExperienceColumn.DATES)) == ongoing[0]


def test_an_experience_lists_the_achievements_made_in_it_and_those_dated_during_it(
        page: GrowthPage) -> None:
    carrier = _experience(page.journal, CARRIER)
    assert page.open_record("experience", carrier.uid)
    achievements = services.load_all(page.journal, Achievement)
    linked = {a.title for a in achievements if a.experience == carrier.uid}
    editor = page.experiences.editor
    made = {editor.made.item(i).text().split("   ", 1)[1] for i in range(editor.made.count())}
    assert made == linked and linked
    assert carrier.end is not None
    during = {a.title for a in achievements if carrier.start <= a.date <= carrier.end
              and a.experience != carrier.uid}
    shown = {editor.during.item(i).text().split("   ", 1)[1]
             for i in range(editor.during.count())}
    assert shown == during


def test_an_achievement_opens_on_its_page_through_the_window(
        qtbot: Any, demo_journal: Journal) -> None:
    window = MainWindow(demo_journal, Path(demo_journal.path).parent, remember=False,
                        start_page="growth")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_page_ready, timeout=5000):
        window.show()
    carrier = _experience(demo_journal, CARRIER)
    assert window.open_record("experience", carrier.uid)
    growth = window.pages["growth"]
    assert isinstance(growth, GrowthPage)
    made = growth.experiences.editor.made
    item = made.item(0)
    made.itemActivated.emit(item)
    assert window.current_page_name == "achievements"
    shown = window.pages["achievements"]
    assert shown.current_uid() == item.data(Qt.ItemDataRole.UserRole + 1)  # type: ignore[attr-defined]
    with search.connect_read_only(str(demo_journal.path)) as connection:
        hit = search.search(connection, "SQL", kinds=("skill",), prefix_last=False)[0]
    assert hit.title == "SQL"
    skill_uid = hit.uid  # as search prints it
    assert window.open_record("skill", skill_uid)
    assert window.current_page_name == "growth" and growth.skills.current is not None
    assert growth.skills.current.name == "SQL"
    window.shutdown()


def test_editing_an_experience_saves_each_field_and_undo_reverts(
        qtbot: Any, page: GrowthPage, stack: QUndoStack) -> None:
    carrier = _experience(page.journal, CARRIER)
    page.open_record("experience", carrier.uid)
    editor = page.experiences.editor
    editor.department.setText("Operations Excellence")
    editor.department.editingFinished.emit()
    assert _experience(page.journal, CARRIER).department == "Operations Excellence"
    editor.end.check.setChecked(False)  # ongoing again
    assert _experience(page.journal, CARRIER).end is None
    editor.skills.add_value("Public Speaking")
    assert "Public Speaking" in _experience(page.journal, CARRIER).skills
    people = services.load_all(page.journal, Person)
    other = next(p for p in people if p.uid != carrier.sponsor)
    editor.sponsor.setCurrentIndex(editor.sponsor.findData(other.uid))
    editor.sponsor.activated.emit(editor.sponsor.currentIndex())
    assert _experience(page.journal, CARRIER).sponsor == other.uid
    for _ in range(4):
        stack.undo()
    assert _experience(page.journal, CARRIER) == carrier
    assert editor.department.text() == "Operations"


def test_an_end_before_the_start_is_refused_beside_the_field(page: GrowthPage) -> None:
    carrier = _experience(page.journal, CARRIER)
    page.open_record("experience", carrier.uid)
    editor = page.experiences.editor
    editor.end.edit.setDate(QDate(2025, 1, 1))
    assert editor.dates_problem.isVisibleTo(editor) and "before" in editor.dates_problem.text()
    assert _experience(page.journal, CARRIER) == carrier


def test_new_and_delete_experience_with_confirmation_and_undo(
        page: GrowthPage, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = page.experiences
    panel.new_experience()
    record = panel.editor.record
    assert record is not None and record.title == "Untitled experience"
    assert panel.model.rowCount() == 7 and record.end is None
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    panel.delete_current()
    assert panel.model.rowCount() == 6
    stack.undo()
    assert panel.model.rowCount() == 7
    assert any(e.uid == record.uid for e in services.load_all(page.journal, Experience))


def test_an_empty_journal_says_what_experiences_belong_here(
        qtbot: Any, journal: Journal, stack: QUndoStack) -> None:
    shown = GrowthPage(journal, stack)
    qtbot.addWidget(shown)
    shown.show()
    shown.ready()
    panel = shown.experiences
    assert panel.list_stack.currentWidget() is panel.empty_state
    assert "rotations" in panel.empty_state.label.text()
    panel.empty_state.button.click()
    assert panel.model.rowCount() == 1
    shown.open_record("skill", "none")
    assert shown.skills.list_stack.currentWidget() is shown.skills.empty_state


# ------------------------------------------------------------------ skills


def test_the_portfolio_shows_evidence_and_marks_a_skill_without_in_words(
        qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> None:
    _add_lonely_skill(demo_journal)
    shown = GrowthPage(demo_journal, stack)
    qtbot.addWidget(shown)
    shown.show()
    shown.ready()
    shown.tabs.setCurrentIndex(shown.SKILLS)
    model = shown.skills.model
    rows = {model.data(model.index(r, SkillColumn.NAME)): r for r in range(model.rowCount())}
    lonely = rows["Public Speaking"]
    assert model.data(model.index(lonely, SkillColumn.EVIDENCE)) == "No evidence"
    assert model.data(model.index(lonely, SkillColumn.EVIDENCE), NO_EVIDENCE_ROLE) is True
    assert model.data(model.index(lonely, SkillColumn.NAME),
                      Qt.ItemDataRole.AccessibleTextRole) == "Public Speaking (no evidence)"
    assert model.data(model.index(lonely, SkillColumn.EVIDENCE),
                      Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(lonely, SkillColumn.LAST_SHOWN)) == "—"
    sql = rows["SQL"]
    count = int(model.data(model.index(sql, SkillColumn.EVIDENCE)))
    achievements = services.load_all(demo_journal, Achievement)
    experiences = services.load_all(demo_journal, Experience)
    assert count == sum("SQL" in a.skills for a in achievements) \
        + sum("SQL" in e.skills for e in experiences)
    assert model.data(model.index(sql, SkillColumn.LEVEL)) == "●●●●●  5"
    shown.skills.no_evidence_only.setChecked(True)
    names = [model.data(model.index(r, SkillColumn.NAME)) for r in range(model.rowCount())]
    assert "Public Speaking" in names and "SQL" not in names
    shown.skills.select_row(names.index("Public Speaking"))
    assert "No evidence" in shown.skills.status.text()
    assert shown.skills.evidence.count() == 0
    assert "without evidence" in shown.skills.summary.text()


def test_the_evidence_of_a_skill_lists_and_opens_its_records(page: GrowthPage) -> None:
    page.tabs.setCurrentIndex(page.SKILLS)
    skills = page.skills
    skills.select_row(skills.row_of_name("Forecasting") or 0)
    texts = [skills.evidence.item(i).text() for i in range(skills.evidence.count())]
    assert any(t.startswith("Experience · ") for t in texts)
    assert any(t.startswith("Achievement · ") for t in texts)
    skills.evidence.itemActivated.emit(skills.evidence.item(0))
    assert page.opened and page.opened[-1][0] in ("achievement", "experience")


def test_changing_the_level_saves_and_undo_reverts(page: GrowthPage, stack: QUndoStack) -> None:
    page.tabs.setCurrentIndex(page.SKILLS)
    skills = page.skills
    skills.select_row(skills.row_of_name("Negotiation") or 0)
    assert _skills(page.journal)["Negotiation"].level == 2
    skills.level.setValue(4)
    skills.level.editingFinished.emit()
    assert _skills(page.journal)["Negotiation"].level == 4
    row = skills.row_of_name("Negotiation")
    assert row is not None
    assert skills.model.data(skills.model.index(row, SkillColumn.LEVEL)) == "●●●●○  4"
    skills.category.setText("Influence")
    skills.category.editingFinished.emit()
    assert _skills(page.journal)["Negotiation"].category == "Influence"
    stack.undo()
    stack.undo()
    assert _skills(page.journal)["Negotiation"] == Skill(name="Negotiation",
                                                          category="Communication", level=2)


def test_rename_through_the_page_keeps_links_refuses_a_clash_and_undoes(
        qtbot: Any, page: GrowthPage, stack: QUndoStack) -> None:
    page.tabs.setCurrentIndex(page.SKILLS)
    skills = page.skills
    skills.select_row(skills.row_of_name("SQL") or 0)
    linked = [a.uid for a in services.load_all(page.journal, Achievement) if "SQL" in a.skills]
    skills.name.setText("python")
    skills.name.editingFinished.emit()
    assert skills.name_problem.isVisibleTo(skills) and "merge" in skills.name_problem.text()
    assert "SQL" in _skills(page.journal)
    skills.name.setText("SQL & databases")
    skills.name.editingFinished.emit()
    assert "SQL" not in _skills(page.journal) and "SQL & databases" in _skills(page.journal)
    assert skills.current is not None and skills.current.name == "SQL & databases"
    renamed = [a.uid for a in services.load_all(page.journal, Achievement)
               if "SQL & databases" in a.skills]
    assert renamed == linked
    stack.undo()
    assert "SQL" in _skills(page.journal)
    assert [a.uid for a in services.load_all(page.journal, Achievement)
            if "SQL" in a.skills] == linked
    stack.redo()
    assert "SQL & databases" in _skills(page.journal)


def test_merge_through_the_page_keeps_links_and_the_higher_level_and_undoes(
        page: GrowthPage, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch) -> None:
    page.tabs.setCurrentIndex(page.SKILLS)
    skills = page.skills
    before = _skills(page.journal)
    achievements = services.load_all(page.journal, Achievement)
    experiences = services.load_all(page.journal, Experience)
    stats = {a.uid for a in achievements if "Statistics" in a.skills} \
        | {e.uid for e in experiences if "Statistics" in e.skills}
    python = {a.uid for a in achievements if "Python" in a.skills} \
        | {e.uid for e in experiences if "Python" in e.skills}
    skills.select_row(skills.row_of_name("Statistics") or 0)
    skills.merge_target.setCurrentIndex(skills.merge_target.findData("Python"))
    asked: list[str] = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(
        lambda cls, parent, title, text, *rest: asked.append(text) or True))
    skills.merge_current()
    assert asked == ["Merge “Statistics” into “Python”?"]
    after = _skills(page.journal)
    assert "Statistics" not in after
    assert after["Python"].level == max(before["Python"].level or 0,
                                        before["Statistics"].level or 0)
    now = {a.uid for a in services.load_all(page.journal, Achievement) if "Python" in a.skills} \
        | {e.uid for e in services.load_all(page.journal, Experience) if "Python" in e.skills}
    assert now == stats | python
    assert skills.current is not None and skills.current.name == "Python"
    stack.undo()
    assert _skills(page.journal) == before
    restored = {a.uid for a in services.load_all(page.journal, Achievement)
                if "Statistics" in a.skills} \
        | {e.uid for e in services.load_all(page.journal, Experience) if "Statistics" in e.skills}
    assert restored == stats


def test_every_control_has_a_name(page: GrowthPage) -> None:
    for tab in (page.EXPERIENCES, page.SKILLS):
        page.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        unnamed = [f"{type(w).__name__} {w.objectName()}" for w in page.findChildren(QWidget)
                   if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                   and not isinstance(w, QScrollBar) and not w.accessibleName()
                   and w.objectName() != "qt_spinbox_lineedit"]
        assert unnamed == []


def test_open_record_of_an_unknown_kind_is_refused(page: GrowthPage) -> None:
    assert not page.open_record("achievement", "x")
    assert not page.open_record("experience", "no-such-uid")
    assert ExperienceKind.ROTATION.label == "Rotation" and date.today()


def test_a_hidden_page_catches_up_with_edits_made_elsewhere_when_shown(
        qtbot: Any, page: GrowthPage, stack: QUndoStack) -> None:
    import dataclasses

    from careerdesk.ui.undo import RecordEvents, SaveRecordCommand

    page.tabs.setCurrentIndex(page.SKILLS)
    row = page.skills.row_of_name("Negotiation")
    assert row is not None
    line = page.skills.model.line(row)
    assert line is not None and not line.has_evidence  # in the sample journal
    page.hide()
    achievement = next(a for a in services.load_all(page.journal, Achievement)
                       if "Negotiation" not in a.skills)
    stack.push(SaveRecordCommand(page.journal, RecordEvents.of(stack), achievement,
                                 dataclasses.replace(achievement,
                                                     skills=[*achievement.skills, "Negotiation"])))
    page.show()
    row = page.skills.row_of_name("Negotiation")
    assert row is not None
    assert page.skills.model.data(page.skills.model.index(row, SkillColumn.EVIDENCE)) == "1"
