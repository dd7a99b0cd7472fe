"""What every page of the main window offers the shell."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the window's frame paints before SQLAlchemy is imported
    from careerdesk.store.database import Journal


class Page(QWidget):
    """One area of the sidebar. Subclasses set ``name`` (the sidebar's lower-case page name,
    also the ``--screenshot`` file name) and ``title`` (shown to the user, translated)."""

    name = ""
    title = ""
    icon_name = ""
    needs_charts = False
    """Whether it draws with matplotlib: its preparation in idle time waits for the charts'
    import on its own thread (``chart_warm_up``) instead of importing it on this one."""

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.undo_stack = undo_stack
        self._loaded = False

    def _load_once(self, load: Callable[[], None]) -> None:
        """Runs ``load`` the first time it is asked; one that fails (its error goes on up)
        runs again the next time, so a page never stays empty without saying why."""
        if self._loaded:
            return
        self._loaded = True
        try:
            load()
        except BaseException:
            self._loaded = False
            raise

    def open_record(self, kind: str, uid: str) -> bool:
        """Shows the record (``kind`` as search prints it). Returns whether this page could."""
        return False

    def refresh(self) -> None:
        """Reloads from the journal after a change made elsewhere (import, undo elsewhere)."""

    def ready(self) -> None:
        """Called when the page is first shown: the place for loading that can wait."""

    def load_hidden(self) -> None:
        """Loads the page while it is hidden, in the window's idle time, as ``ready`` does
        at its first showing; what takes long to draw may wait for ``draw_hidden``."""
        self.ready()

    def draw_hidden(self) -> None:
        """Draws, while hidden, what ``load_hidden`` left to draw (a chart): a step of
        its own, so that no single step holds the window for long."""


def lay_out_hidden(widget: QWidget) -> None:
    """Gives a hidden widget's children the sizes they will have when it shows.

    Qt keeps the resizes of a hidden widget until it is shown; rendering it delivers them
    first, so rendering one pixel lays the widget out at the cost of its layouts alone.
    """
    if not widget.isVisible():
        widget.grab(QRect(0, 0, 1, 1))
