"""A page for an area that later work fills: its title and one line on what belongs there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from careerdesk.store.database import Journal
from careerdesk.ui import theme
from careerdesk.ui.pages.base import Page


class PlaceholderPage(Page):
    """Shows no data at all: an honest title and sentence rather than made-up content."""

    def __init__(self, journal: Journal, undo_stack: QUndoStack, parent: QWidget | None = None,
                 *, name: str, title: str, blurb: str, icon_name: str = "") -> None:
        super().__init__(journal, undo_stack, parent)
        self.name = name
        self.title = title
        self.icon_name = icon_name or name
        self.setObjectName(f"{name}Page")
        self.setAccessibleName(title)

        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("pageTitle")
        theme.set_text_role(self.title_label, theme.TextRole.PAGE_TITLE)
        self.title_label.setAccessibleName(title)

        self.blurb_label = QLabel(blurb, self)
        theme.set_secondary(self.blurb_label)
        self.blurb_label.setWordWrap(True)
        self.blurb_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.blurb_label.setAccessibleName(self.tr("About this page"))
        self.blurb_label.setAccessibleDescription(blurb)
        self.blurb_label.setMaximumWidth(860)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN_TOP,
                                  theme.PAGE_MARGIN, theme.PAGE_MARGIN)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(self.title_label)
        layout.addWidget(self.blurb_label)
        layout.addStretch(1)
