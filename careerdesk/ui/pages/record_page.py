"""The parts every record page builds the same way, so the pages look and behave alike.

A record page (Achievements, Journal, People, Pathways, Planner, Negotiations and the
Growth panels) is a column: a header row with the title and a count, a filter bar, a
line for problems, then the list and the editor side by side. These helpers build those
pieces; each page still lays out its own filters, list and editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerdesk.store.database import Journal
from careerdesk.ui import icons, theme
from careerdesk.ui.pages.base import Page
from careerdesk.ui.undo import RecordEvents
from careerdesk.ui.widgets.confirm import ConfirmDialog
from careerdesk.ui.widgets.marks import WarningLabel

FILTER_DELAY_MS = 250  # a pause in the typing, so a search does not run at every key


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordPage", text)


class RecordPage(Page):
    """A page over records: it loads when first shown, hears of every record change
    (``events``) and tells the changes it pushed itself (``_pushing``) from the others."""

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.events = RecordEvents.of(undo_stack)
        self._loaded = False
        self._pushing = False

    def _ensure_loaded(self) -> None:
        """Loads the page from the journal, once: the first time it is shown or asked."""
        raise NotImplementedError

    def ready(self) -> None:
        self._ensure_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_loaded()

    def _show_in_list(self, uid: str) -> bool:
        """Selects the record in the page's list, clearing the filter if it hides it.

        For pages with one list (``model``), a ``clear_filter``, an ``editor`` and
        ``select_row``/``current_uid``/``_show_uid``; returns whether the record was found.
        """
        page: Any = self
        page._ensure_loaded()
        row = page.model.row_of_uid(uid)
        if row is None and not page.model.filter.is_empty:
            page.clear_filter()
            row = page.model.row_of_uid(uid)
        if row is None:
            return False
        page.editor.flush()
        page.select_row(row)
        if page.current_uid() != uid:
            page._show_uid(uid)
        return True

    def _push(self, command: QUndoCommand) -> None:
        """Runs an edit made on this page through the undo stack; while it runs, the
        change it announces is known to be this page's own."""
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False


def filter_timer(owner: QObject, apply: Callable[[], object]) -> QTimer:
    """A single-shot timer that runs ``apply`` once the typing pauses: ``start()`` it at
    every change of the search text."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(FILTER_DELAY_MS)
    timer.timeout.connect(apply)
    return timer


def page_layout(page: QWidget) -> QVBoxLayout:
    """The page's column, with the theme's page margins and spacing."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN - 4, theme.PAGE_MARGIN,
                              theme.SPACE_L)
    layout.setSpacing(theme.SPACE_M)
    return layout


def title_row(page: QWidget, title: str, count_name: str,
              spacing: int = 12) -> tuple[QHBoxLayout, QLabel]:
    """The header row: the page title, then a count in secondary text, then a stretch
    before which the page adds its buttons. Returns the row and the count label."""
    row = QHBoxLayout()
    row.setSpacing(spacing)
    heading = QLabel(title, page)
    heading.setObjectName("pageTitle")
    theme.set_text_role(heading, theme.TextRole.PAGE_TITLE)
    heading.setAccessibleName(title)
    row.addWidget(heading, 0, Qt.AlignmentFlag.AlignBaseline)
    count = QLabel(page)
    count.setObjectName("pageBlurb")  # the theme's secondary text
    count.setAccessibleName(count_name)
    row.addWidget(count, 0, Qt.AlignmentFlag.AlignBaseline)
    row.addStretch(1)
    return row, count


def delete_button(parent: QWidget, name: str, tip: str,
                  on_click: Callable[[], object]) -> QPushButton:
    """The header's Delete button, off until a record is shown."""
    button = QPushButton(icons.icon("delete"), tr("Delete"), parent)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    button.clicked.connect(on_click)
    button.setEnabled(False)
    return button


def search_box(parent: QWidget, placeholder: str, name: str) -> QLineEdit:
    """The search field of a filter bar, with a search icon and a clear button."""
    search = QLineEdit(parent)
    search.setPlaceholderText(placeholder)
    search.setAccessibleName(name)
    search.setClearButtonEnabled(True)
    search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    return search


def problem_label(parent: QWidget) -> WarningLabel:
    """The line that says what went wrong (a save refused, a file not written)."""
    failure = WarningLabel(parent)
    failure.setAccessibleName(tr("Problem"))
    return failure


def side_by_side(parent: QWidget, handle_width: int = 10) -> QSplitter:
    """The list and the editor: neither can be dragged away, with a handle easy to grab."""
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setChildrenCollapsible(False)
    splitter.setHandleWidth(handle_width)
    return splitter


def short_title(text: str, width: int = 40) -> str:
    """A title cut to fit a question or an Edit menu item."""
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def confirm_delete(parent: QWidget, title: str, name: str, detail: str) -> bool:
    """Asks before a record is deleted: “Delete “name”?”, with what goes with it."""
    return ConfirmDialog.ask(parent, title,
                             tr("Delete “%1”?").replace("%1", short_title(name, 60)),
                             tr("Delete"), detail)


def delete_text(name: str) -> str:
    """The undo stack's name for deleting a record."""
    return tr("Delete “%1”").replace("%1", short_title(name))
