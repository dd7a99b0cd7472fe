"""Small drawn marks the lists share: the kind's dot, the highlight star, the warm colour.

Drawn at the screen's pixel ratio, so they stay sharp on high-DPI screens. Colour always
comes with a word or a shape beside it; these only make the word quicker to find.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QLabel, QWidget

from careerdesk.domain.enums import AchievementKind
from careerdesk.ui import theme

MARK_SIZE = 12

# (light scheme, dark scheme): calm, tell-apart hues with enough contrast on either base.
_KIND_COLORS: dict[AchievementKind, tuple[str, str]] = {
    AchievementKind.QUANTIFIED: ("#2f6fb3", "#6aa6e8"),
    AchievementKind.STORY: ("#7a5bb5", "#b197e6"),
    AchievementKind.INVISIBLE: ("#3d8a6a", "#71c29e"),
}
_STAR = ("#c98a00", "#f2c04d")


def _pick(pair: tuple[str, str]) -> QColor:
    return QColor(pair[1] if theme.is_dark() else pair[0])


def warning_color() -> QColor:
    """The warm colour of problems and overdue things (the theme's)."""
    return theme.warning_colour()


def kind_color(kind: AchievementKind) -> QColor:
    return _pick(_KIND_COLORS[kind])


def _ratio() -> float:
    app = QGuiApplication.instance()
    return float(app.devicePixelRatio()) if isinstance(app, QGuiApplication) else 1.0


def _canvas() -> tuple[QPixmap, QPainter]:
    ratio = _ratio()
    pixmap = QPixmap(round(MARK_SIZE * ratio), round(MARK_SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    return pixmap, painter


def _icon(pixmap: QPixmap) -> QIcon:
    # The same drawing when selected: the style would otherwise tint it into the highlight.
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


@cache
def _dot(color: str) -> QIcon:
    pixmap, painter = _canvas()
    painter.setBrush(QColor(color))
    # A light ring keeps the dot visible on the selection's colour too.
    painter.setPen(QPen(QColor(255, 255, 255, 200), 1.0))
    painter.drawEllipse(QPointF(MARK_SIZE / 2, MARK_SIZE / 2), MARK_SIZE * 0.34, MARK_SIZE * 0.34)
    painter.end()
    return _icon(pixmap)


@cache
def _star(color: str) -> QIcon:
    pixmap, painter = _canvas()
    centre, outer, inner = MARK_SIZE / 2, MARK_SIZE / 2, MARK_SIZE / 4.6
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre + radius * math.cos(angle),
                              centre + 0.5 + radius * math.sin(angle)))
    painter.setBrush(QColor(color))
    painter.drawPolygon(QPolygonF(points))
    painter.end()
    return _icon(pixmap)


@cache
def _blank() -> QIcon:
    pixmap, painter = _canvas()
    painter.end()
    return QIcon(pixmap)


def kind_dot(kind: AchievementKind) -> QIcon:
    return _dot(kind_color(kind).name())


def star_icon() -> QIcon:
    return _star(_pick(_STAR).name())


def blank_mark() -> QIcon:
    """As wide as a mark, so that titles with and without a star line up."""
    return _blank()


class WarningLabel(QLabel):
    """A problem told in words, in the warm colour; hidden until there is one.

    The colour follows the theme when the system switches between light and dark.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._recolour()
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        self.setStyleSheet(f"color: {warning_color().name()};")


def warning_border(widget: QWidget, on: bool) -> None:
    """Marks a field that holds a problem (the message beside it says which)."""
    if widget.property("problem") == on:
        return
    widget.setProperty("problem", on)
    widget.setStyleSheet(f"border: 1px solid {warning_color().name()}; border-radius: 3px;"
                         " padding: 2px;" if on else "")
