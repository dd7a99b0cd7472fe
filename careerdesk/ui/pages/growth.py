"""The Growth page: lateral experiences, and the skills portfolio they build.

Two tabs over one undo stack. Achievements and evidence listed here open on their own
page, through the window's open-record path (the one search uses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from careerdesk.domain.records import Achievement, Experience, Person, Skill
from careerdesk.store.database import Journal
from careerdesk.ui import theme
from careerdesk.ui.growth_experiences import ExperiencesPanel
from careerdesk.ui.pages.base import Page
from careerdesk.ui.undo import RecordChange, RecordEvents

if TYPE_CHECKING:
    from careerdesk.ui.growth_skills import SkillsPanel


def tr(text: str) -> str:
    return QCoreApplication.translate("GrowthPage", text)


class GrowthPage(Page):
    name = "growth"
    title = tr("Growth")
    icon_name = "growth"

    EXPERIENCES, SKILLS = 0, 1

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.setAccessibleName(tr("Growth"))
        self.events = RecordEvents.of(undo_stack)
        self.opened: list[tuple[str, str]] = []  # what this page asked the window to open
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN - 4, theme.PAGE_MARGIN,
                                  theme.SPACE_L)
        layout.setSpacing(theme.SPACE_S)
        header = QHBoxLayout()
        heading = QLabel(tr("Growth"), self)
        heading.setObjectName("pageTitle")
        theme.set_text_role(heading, theme.TextRole.PAGE_TITLE)
        heading.setAccessibleName(tr("Growth"))
        header.addWidget(heading, 0, Qt.AlignmentFlag.AlignBaseline)
        blurb = QLabel(tr("Lateral experiences and the skills they build"), self)
        theme.set_secondary(blurb)
        header.addWidget(blurb, 0, Qt.AlignmentFlag.AlignBaseline)
        header.addStretch(1)
        layout.addLayout(header)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(tr("Experiences or skills"))
        self.tabs.tabBar().setAccessibleName(tr("Experiences or skills"))
        self.experiences = ExperiencesPanel(journal, undo_stack, self.tabs)
        # The skills portfolio is built the first time its tab is shown (or asked for):
        # opening the page shows the experiences only.
        self._skills: SkillsPanel | None = None
        self._skills_tab = QWidget(self.tabs)
        self._skills_tab.setAccessibleName(tr("Skills portfolio"))
        skills_layout = QVBoxLayout(self._skills_tab)
        skills_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.experiences, tr("Experiences"))
        self.tabs.addTab(self._skills_tab, tr("Skills portfolio"))
        self.tabs.setTabToolTip(self.EXPERIENCES, tr("Rotations, projects, stretch assignments, "
                                                     "mentoring, moves (Alt+1 in the tabs)"))
        self.tabs.currentChanged.connect(lambda _i: self._ensure_loaded())
        layout.addWidget(self.tabs, 1)
        self.experiences.record_requested.connect(self.request_record)
        self.events.changed.connect(self._record_changed)
        self.events.failed.connect(self._failed)
        self._ready = False
        self._stale = False

    @property
    def skills(self) -> SkillsPanel:
        """The skills portfolio tab's panel, built when first needed."""
        if self._skills is None:
            from careerdesk.ui.growth_skills import SkillsPanel

            self._skills = SkillsPanel(self.journal, self.undo_stack, self._skills_tab)
            self._skills.record_requested.connect(self.request_record)
            layout = self._skills_tab.layout()
            assert layout is not None
            layout.addWidget(self._skills)
        return self._skills

    def _skills_loaded(self) -> bool:
        return self._skills is not None and self._skills.loaded

    def ready(self) -> None:
        self._ready = True
        self._ensure_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ready = True
        if self._stale:
            self._stale = False
            self.refresh()
        self._ensure_loaded()

    def _ensure_loaded(self) -> None:
        if not self._ready:
            return
        if self.tabs.currentIndex() == self.EXPERIENCES:
            self.experiences.ensure_loaded()
        else:
            self.skills.ensure_loaded()

    def refresh(self) -> None:
        self._stale = False
        if self.experiences.loaded:
            self.experiences.flush_and_reload()
        if self._skills_loaded():
            self.skills.reload()
        self._ensure_loaded()

    def open_record(self, kind: str, uid: str) -> bool:
        self._ready = True
        if kind == "experience":
            self.tabs.setCurrentIndex(self.EXPERIENCES)
            return self.experiences.open(uid)
        if kind == "skill":
            self.tabs.setCurrentIndex(self.SKILLS)
            return self.skills.open(uid)
        return False

    def request_record(self, kind: str, uid: str) -> None:
        """Opens a record another page shows (an achievement), as search does."""
        self.opened.append((kind, uid))
        window = self.window()
        if kind == "page":
            show = getattr(window, "show_page", None)
            if callable(show):
                show(uid)
            return
        opener = getattr(window, "open_record", None)
        if callable(opener):
            opener(kind, uid)

    def _record_changed(self, change: RecordChange) -> None:
        if not self.isVisible():
            self._stale = True  # edits on other pages: reload once, when shown again
            return
        if change.kind in (Experience, Person, Achievement, Skill):
            self.experiences.record_changed(change)
        if change.kind in (Skill, Achievement, Experience) and self._skills_loaded():
            self.skills.reload()

    def _failed(self, message: str) -> None:
        panel = self.experiences if self.tabs.currentIndex() == self.EXPERIENCES else self.skills
        panel.show_failure(message)
