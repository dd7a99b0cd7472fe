"""The colours of stance (champion to blocker) and the small marks that carry them.

Colour is never alone: every mark sits beside the stance's word (or an overdue count).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap, QPolygonF

from careerdesk.domain.enums import Availability, Stance
from careerdesk.ui import theme

MARK_SIZE = 12

# (light scheme, dark scheme), from the strongest ally (green) to the firmest opponent (red).
_STANCE: dict[Stance, tuple[str, str]] = {
    Stance.CHAMPION: ("#1E7F4F", "#5CC28F"),
    Stance.SUPPORTER: ("#5E9E3A", "#9CCF6F"),
    Stance.NEUTRAL: ("#7F8896", "#9AA3B0"),
    Stance.SKEPTIC: ("#B45309", "#F0A64B"),
    Stance.BLOCKER: ("#B3261E", "#F2827A"),
    Stance.UNKNOWN: ("#A3AAB5", "#6A707B"),
}


def stance_label(stance: Stance) -> str:
    return QCoreApplication.translate("Stance", stance.label)


def stance_color(stance: Stance) -> QColor:
    pair = _STANCE[stance]
    return QColor(pair[1] if theme.is_dark() else pair[0])


def _ratio() -> float:
    app = QGuiApplication.instance()
    return float(app.devicePixelRatio()) if isinstance(app, QGuiApplication) else 1.0


@cache
def _mark(color: str, hollow: bool, shape: str) -> QIcon:
    ratio = _ratio()
    pixmap = QPixmap(round(MARK_SIZE * ratio), round(MARK_SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(MARK_SIZE / 2, MARK_SIZE / 2)
    radius = MARK_SIZE * 0.36
    if hollow:
        painter.setPen(QPen(QColor(color), 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(QPen(QColor(255, 255, 255, 200), 1.0))
        painter.setBrush(QColor(color))
    if shape == "diamond":
        edge = MARK_SIZE - 0.8
        painter.drawPolygon(QPolygonF([QPointF(centre.x(), 0.8), QPointF(edge, centre.y()),
                                       QPointF(centre.x(), edge), QPointF(0.8, centre.y())]))
    else:
        painter.drawEllipse(centre, radius, radius)
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


def stance_dot(stance: Stance) -> QIcon:
    """A filled dot in the stance's colour; a hollow ring while the stance is unknown."""
    return _mark(stance_color(stance).name(), stance is Stance.UNKNOWN, "dot")


def warning_mark() -> QIcon:
    """A warm diamond: overdue, closing soon, maybe promised to someone."""
    return _mark(theme.warning_colour().name(), False, "diamond")


def availability_mark(availability: Availability) -> QIcon:
    if availability is Availability.SUSPECTED_PROMISED:
        return warning_mark()
    if availability is Availability.CONFIRMED_OPEN:
        return _mark(theme.positive_colour().name(), False, "dot")
    return _mark(theme.tone("mid").name(), True, "dot")


def availability_label(availability: Availability) -> str:
    return QCoreApplication.translate("Availability", availability.label)
