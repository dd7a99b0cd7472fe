"""The colour of each kind of negotiation window, the same on every page.

Colour always comes with the kind's name beside it (``WindowKind.label``); it only makes the
name quicker to find. The hues stay clear of the warm warning colour, which means overdue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from careerdesk.planner.rules import WindowKind
from careerdesk.ui import theme

# (light scheme, dark scheme)
_COLOURS: dict[WindowKind, tuple[str, str]] = {
    WindowKind.ASK: ("#6D4BC3", "#B39DEB"),
    WindowKind.BUILD_CASE: ("#1C7F86", "#5CC3C9"),
    WindowKind.PRE_REVIEW: ("#2F6DB5", "#6AA6E8"),
    WindowKind.SPONSOR: ("#2E8B57", "#6CCB94"),
    WindowKind.LEVERAGE_WIN: ("#A8437A", "#E58AB8"),
    WindowKind.NETWORK: ("#56657F", "#A9B6CF"),
}


def kind_colour(kind: WindowKind) -> QColor:
    light, dark = _COLOURS[kind]
    return QColor(dark if theme.is_dark() else light)


def kind_tint(kind: WindowKind, alpha: float = 0.18) -> QColor:
    """The kind's colour, see-through: a band's fill behind text."""
    colour = kind_colour(kind)
    colour.setAlphaF(alpha)
    return colour


def kind_label(kind: WindowKind) -> str:
    return QCoreApplication.translate("WindowKind", kind.label)
