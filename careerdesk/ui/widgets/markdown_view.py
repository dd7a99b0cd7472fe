"""A read-only view of a markdown text that loads nothing and runs nothing.

Qt renders markdown itself (md4c). What a user wrote is their own, but a journal may
hold text pasted from anywhere: raw HTML in it is shown as text, images and other
resources are never fetched (neither a local file nor a URL), and a link opens only
when clicked, only for web and mail addresses, in the system's browser.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from careerdesk.ui.widgets.sealed_document import refused_resource

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
MARKDOWN_FEATURES = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                     | QTextDocument.MarkdownFeature.MarkdownNoHTML)


def render_markdown(document: QTextDocument, text: str) -> None:
    """Markdown as GitHub writes it, without its HTML: tags show as the text they are."""
    document.setMarkdown(text, MARKDOWN_FEATURES)


class MarkdownView(QTextBrowser):
    """``set_markdown`` shows a text; ``link_opened`` tells which link a click opened."""

    link_opened = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._clicked)
        self.requested_resources: list[QUrl] = []  # asked for, and refused

    def set_markdown(self, text: str) -> None:
        self.requested_resources.clear()
        render_markdown(self.document(), text)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        # Nothing is ever loaded: no local file, no network, no data of another document.
        self.requested_resources.append(QUrl(url))
        return refused_resource(kind)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in OPENABLE_SCHEMES and url.isValid():
            QDesktopServices.openUrl(url)
            self.link_opened.emit(url)
