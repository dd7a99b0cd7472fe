"""Text documents that load nothing they were not handed.

A QTextDocument fetches what its HTML or markdown names: ``<img src="file:///home/...">``
or ``![](/home/...)`` reads a local file into the document, and so onto the screen or
into a printed PDF. Returning nothing from ``loadResource`` is not enough: Qt's image
handler then reads the file itself. So a refused image is answered with a blank one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument


def refused_resource(kind: int) -> Any:
    """What a sealed document gives for a resource it will not load: a blank image."""
    if kind == QTextDocument.ResourceType.ImageResource.value:
        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(Qt.GlobalColor.transparent)
        return blank
    return None


class SealedTextDocument(QTextDocument):
    """Only resources added with ``addResource`` (the prep sheet's chart) are shown.

    ``requested_resources``: what the document asked for beyond those, all refused.
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.requested_resources: list[QUrl] = []

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        # Called only for what addResource did not provide: no file, no qrc, no data URL.
        self.requested_resources.append(QUrl(url))
        return refused_resource(kind)
