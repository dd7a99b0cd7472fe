"""What the page area shows between the window's first paint and the journal being open.

Only the page's title, where the page itself will put it: the data appears below it a
moment later. No spinner and no "Loading…" text: for half a second either would flash
rather than inform.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from careerdesk.ui import theme


class OpeningPage(QWidget):
    """Stands in for the page called ``name`` until the journal is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingPage")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("pageTitle")
        theme.set_text_role(self.title_label, theme.TextRole.PAGE_TITLE)
        layout = QVBoxLayout(self)
        # The margins of the pages' own title rows (record_page.py, today.py).
        layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN - 4, theme.PAGE_MARGIN,
                                  theme.PAGE_MARGIN)
        layout.addWidget(self.title_label)
        layout.addStretch(1)

    def show_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.title_label.setAccessibleName(title)
        self.setAccessibleName(title)
