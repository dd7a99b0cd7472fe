"""The pages of the sidebar, in order, and which page owns which kind of record.

A page's module is ``careerdesk.ui.pages.<name>`` with a class ``<Name>Page(Page)`` taking
``(journal, undo_stack, parent)``. Until that module exists the area shows a placeholder
that says what will belong there, so a page arrives by adding its module, nothing else.
Modules are imported when their page is first shown, which keeps start-up fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from careerdesk.store.database import Journal
    from careerdesk.ui.pages.base import Page

CONTEXT = "pages"


@dataclass(frozen=True)
class PageSpec:
    name: str          # lower case; the --screenshot file name
    source_title: str  # untranslated; see ``title``
    source_blurb: str  # one line on what the page holds, for its placeholder
    class_name: str
    kinds: tuple[str, ...] = ()  # the search kinds this page opens

    @property
    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.source_title)

    @property
    def blurb(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.source_blurb)

    @property
    def module_name(self) -> str:
        return f"{__name__}.{self.name}"


# QT_TRANSLATE_NOOP only marks the texts for the translation tools; ``PageSpec.title``
# translates them when shown.
PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "today", str(QT_TRANSLATE_NOOP("pages", "Today")),
        str(QT_TRANSLATE_NOOP("pages", "Your readiness for a promotion and for a move, the "
                              "next windows to ask, and the follow-ups that are due will "
                              "show here.")),
        "TodayPage"),
    PageSpec(
        "journal", str(QT_TRANSLATE_NOOP("pages", "Journal")),
        str(QT_TRANSLATE_NOOP("pages", "Your private journal entries, newest first, will be "
                              "listed here.")),
        "JournalPage", ("journal",)),
    PageSpec(
        "achievements", str(QT_TRANSLATE_NOOP("pages", "Achievements")),
        str(QT_TRANSLATE_NOOP("pages", "Your wins, with their metrics, their scope and the "
                              "people who saw them, will be listed here.")),
        "AchievementsPage", ("achievement",)),
    PageSpec(
        "growth", str(QT_TRANSLATE_NOOP("pages", "Growth")),
        str(QT_TRANSLATE_NOOP("pages", "Your lateral experiences and the skills they build "
                              "will be listed here.")),
        "GrowthPage", ("experience", "skill")),
    PageSpec(
        "people", str(QT_TRANSLATE_NOOP("pages", "People")),
        str(QT_TRANSLATE_NOOP("pages", "The people who decide your advancement, your mentors "
                              "and sponsors, and your conversations with them will be "
                              "listed here.")),
        "PeoplePage", ("person", "interaction")),
    PageSpec(
        "pathways", str(QT_TRANSLATE_NOOP("pages", "Pathways")),
        str(QT_TRANSLATE_NOOP("pages", "The roles you are aiming for and the internal "
                              "openings you are watching will be listed here.")),
        "PathwaysPage", ("target", "opening")),
    PageSpec(
        "planner", str(QT_TRANSLATE_NOOP("pages", "Planner")),
        str(QT_TRANSLATE_NOOP("pages", "Your organisation's review, budget and promotion "
                              "calendar, and the windows it opens for you to ask, will "
                              "show here.")),
        "PlannerPage", ("cycle_event",)),
    PageSpec(
        "timeline", str(QT_TRANSLATE_NOOP("pages", "Timeline")),
        str(QT_TRANSLATE_NOOP("pages", "A timeline of your achievements, experiences, "
                              "conversations and cycle events will be drawn here.")),
        "TimelinePage"),
    PageSpec(
        "negotiations", str(QT_TRANSLATE_NOOP("pages", "Negotiations")),
        str(QT_TRANSLATE_NOOP("pages", "Your negotiation plans, with the ask, the evidence, "
                              "the fallbacks and your pay history, will be kept here.")),
        "NegotiationsPage", ("plan", "compensation")),
)

PAGE_NAMES: tuple[str, ...] = tuple(spec.name for spec in PAGES)

# The search kind of a record -> the name of the page that shows it.
PAGE_OF_KIND: dict[str, str] = {kind: spec.name for spec in PAGES for kind in spec.kinds}


def spec(name: str) -> PageSpec:
    for candidate in PAGES:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def page_class(page: PageSpec) -> type[Page] | None:
    """The page's own class, or None while its module has not been written yet."""
    try:
        module = importlib.import_module(page.module_name)
    except ModuleNotFoundError as error:
        if error.name == page.module_name:
            return None
        raise  # the page exists but needs something missing: a bug to see, not to hide
    found = getattr(module, page.class_name, None)
    return found if isinstance(found, type) else None


def create_page(name: str, journal: Journal, undo_stack: QUndoStack,
                parent: QWidget | None = None) -> Page:
    page = spec(name)
    cls = page_class(page)
    if cls is not None:
        return cls(journal, undo_stack, parent)
    from careerdesk.ui.pages.placeholder import PlaceholderPage

    return PlaceholderPage(journal, undo_stack, parent, name=page.name, title=page.title,
                           blurb=page.blurb)
