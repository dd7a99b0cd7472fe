"""The look of careerdesk: Fusion, one accent colour, light or dark as the system says.

Everything visual that more than one widget shares lives here: the palettes, the type
scale, the spacing steps and the few colours that carry meaning. Pages ask this module
instead of hard-coding colours, so a change of the system's colour scheme (Qt reports it
through ``QStyleHints.colorScheme``) restyles the whole window at once.
"""

from __future__ import annotations

import weakref
from enum import Enum
from functools import cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ACCENT = QColor("#2F6DB5")
ACCENT_ON_DARK = QColor("#4A8AD8")

# Spacing steps (pixels): the distance between related controls, groups, and page edges.
SPACE_S = 6
SPACE_M = 12
SPACE_L = 20
PAGE_MARGIN = 20
PAGE_MARGIN_TOP = 16

# The sidebar is a shade apart from the page so the page reads as the work surface.
_LIGHT = {
    "window": "#F5F6F8", "window_text": "#1D2330", "base": "#FFFFFF", "alternate": "#F0F2F5",
    "text": "#1D2330", "button": "#F8F9FB", "button_text": "#1D2330", "light": "#FFFFFF",
    "midlight": "#E8EBEF", "mid": "#C5CCD6", "dark": "#9AA3B0", "shadow": "#4D5563",
    "placeholder": "#7F8896", "tooltip_base": "#FFFFFF", "tooltip_text": "#1D2330",
    "disabled_text": "#A3AAB5", "secondary_text": "#5B6473", "sidebar": "#ECEEF2",
    "border": "#D9DEE5", "link_visited": "#6A4FB3",
}
_DARK = {
    "window": "#1F2227", "window_text": "#E4E7EC", "base": "#16181C", "alternate": "#23272D",
    "text": "#E4E7EC", "button": "#2B2F36", "button_text": "#E4E7EC", "light": "#3C424B",
    "midlight": "#33383F", "mid": "#4A505A", "dark": "#121417", "shadow": "#000000",
    "placeholder": "#7E8694", "tooltip_base": "#2B2F36", "tooltip_text": "#E4E7EC",
    "disabled_text": "#6A707B", "secondary_text": "#A3AAB6", "sidebar": "#1A1C20",
    "border": "#353A42", "link_visited": "#B39DEB",
}

# Colours that mean something; always shown together with a word or an icon.
WARNING = {"light": QColor("#B45309"), "dark": QColor("#F0A64B")}
POSITIVE = {"light": QColor("#1E7F4F"), "dark": QColor("#5CC28F")}
NEGATIVE = {"light": QColor("#B3261E"), "dark": QColor("#F2827A")}


class TextRole(Enum):
    """The type scale: a factor of the system's body font and a weight."""

    PAGE_TITLE = (1.6, QFont.Weight.DemiBold)
    SECTION = (1.25, QFont.Weight.DemiBold)
    BODY = (1.0, QFont.Weight.Normal)
    STRONG = (1.0, QFont.Weight.DemiBold)
    CAPTION = (0.9, QFont.Weight.Normal)


_applied_scheme: Qt.ColorScheme | None = None  # what apply_theme last styled the app for


def is_dark(scheme: Qt.ColorScheme | None = None) -> bool:
    """Whether ``scheme`` (default: the scheme the app is styled for) is dark."""
    if scheme is None:
        scheme = _applied_scheme
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    return scheme == Qt.ColorScheme.Dark


def _tones(dark: bool) -> dict[str, str]:
    return _DARK if dark else _LIGHT


def tone(name: str, dark: bool | None = None) -> QColor:
    """A named colour of the current scheme (``sidebar``, ``border``, ``secondary_text``...)."""
    return QColor(_tones(is_dark() if dark is None else dark)[name])


def accent(dark: bool | None = None) -> QColor:
    return QColor(ACCENT_ON_DARK if (is_dark() if dark is None else dark) else ACCENT)


def warning_colour() -> QColor:
    return QColor(WARNING["dark" if is_dark() else "light"])


def positive_colour() -> QColor:
    return QColor(POSITIVE["dark" if is_dark() else "light"])


def negative_colour() -> QColor:
    return QColor(NEGATIVE["dark" if is_dark() else "light"])


def palette_for(scheme: Qt.ColorScheme) -> QPalette:
    """The full palette of one scheme; an unknown scheme is light."""
    dark = is_dark(scheme)
    t = {k: QColor(v) for k, v in _tones(dark).items()}
    highlight = accent(dark)
    p = QPalette()
    R = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
                  QPalette.ColorGroup.Disabled):
        p.setColor(group, R.Window, t["window"])
        p.setColor(group, R.WindowText, t["window_text"])
        p.setColor(group, R.Base, t["base"])
        p.setColor(group, R.AlternateBase, t["alternate"])
        p.setColor(group, R.Text, t["text"])
        p.setColor(group, R.Button, t["button"])
        p.setColor(group, R.ButtonText, t["button_text"])
        p.setColor(group, R.BrightText, QColor("#FFFFFF"))
        p.setColor(group, R.Light, t["light"])
        p.setColor(group, R.Midlight, t["midlight"])
        p.setColor(group, R.Mid, t["mid"])
        p.setColor(group, R.Dark, t["dark"])
        p.setColor(group, R.Shadow, t["shadow"])
        p.setColor(group, R.PlaceholderText, t["placeholder"])
        p.setColor(group, R.ToolTipBase, t["tooltip_base"])
        p.setColor(group, R.ToolTipText, t["tooltip_text"])
        p.setColor(group, R.Highlight, highlight)
        p.setColor(group, R.HighlightedText, QColor("#FFFFFF"))
        p.setColor(group, R.Link, highlight)
        p.setColor(group, R.LinkVisited, t["link_visited"])
        p.setColor(group, R.Accent, highlight)
    disabled = QPalette.ColorGroup.Disabled
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(disabled, role, t["disabled_text"])
    p.setColor(disabled, R.Highlight, t["mid"])
    return p


def font_for(role: TextRole, base: QFont | None = None) -> QFont:
    """The system's body font scaled for ``role``; works for point- and pixel-sized fonts."""
    font = QFont(base if base is not None else QApplication.font())
    factor, weight = role.value
    if factor != 1.0:
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(1.0, font.pointSizeF() * factor))
        elif font.pixelSize() > 0:
            font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    font.setWeight(weight)
    return font


def set_text_role(widget: QWidget, role: TextRole) -> None:
    widget.setFont(font_for(role))


@cache  # one text per part and scheme, shared by every widget styled with it
def style_sheet(dark: bool, part: str) -> str:
    """The rules of one part of the shell (``SHEET_PARTS``) for the light or dark scheme."""
    t = _tones(dark)
    a = accent(dark)
    hover = QColor(a)
    hover.setAlphaF(0.12)
    tint = QColor(a)
    tint.setAlphaF(0.10 if not dark else 0.18)
    hover_rgba = f"rgba({hover.red()}, {hover.green()}, {hover.blue()}, {hover.alphaF():.2f})"
    tint_rgba = f"rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alphaF():.2f})"
    sheets = {
        "sidebar": f"""
#sidebarPanel {{ background: {t['sidebar']}; border-right: 1px solid {t['border']}; }}
#sidebar {{ background: transparent; border: none; outline: 0; }}
#sidebar::item {{ padding: 7px 10px; margin: 1px 8px; border-radius: 6px;
                  color: {t['window_text']}; }}
#sidebar::item:hover:!selected {{ background: {hover_rgba}; }}
#sidebar::item:selected {{ background: {a.name()}; color: #FFFFFF; }}
#appName {{ color: {t['window_text']}; }}
""",
        "toolbar": f"""
#mainToolBar {{ background: {t['window']}; border: none;
                border-bottom: 1px solid {t['border']}; padding: 4px; }}
#globalSearch {{ border: 1px solid {t['border']}; border-radius: 7px; padding: 4px 6px;
                 background: {t['base']}; }}
#globalSearch:focus {{ border: 1px solid {a.name()}; }}
""",
        "search_popup": f"""
#searchPopup {{ background: {t['base']}; border: 1px solid {t['border']}; border-radius: 8px; }}
#searchResults {{ background: transparent; border: none; outline: 0; }}
#searchPopup QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
#searchPopup QScrollBar::handle:vertical {{ background: {t['mid']}; border-radius: 3px;
                                             min-height: 24px; }}
#searchPopup QScrollBar::add-line, #searchPopup QScrollBar::sub-line {{ height: 0; }}
#searchPopup QScrollBar::add-page, #searchPopup QScrollBar::sub-page {{ background: none; }}
#searchEmpty, #searchHint {{ color: {t['secondary_text']}; }}
""",
        "info_bar": f"""
#infoBar {{ background: {tint_rgba}; border: 1px solid {a.name()}; border-radius: 8px; }}
#infoBar QLabel {{ background: transparent; }}
#infoBar QPushButton {{ background: {a.name()}; color: #FFFFFF; border: 1px solid {a.name()};
                        border-radius: 6px; padding: 5px 14px; }}
#infoBar QPushButton:hover {{ background: {a.lighter(112).name()}; }}
#infoBar QPushButton:pressed {{ background: {a.darker(115).name()}; }}
#infoBar QPushButton:focus {{ border: 1px solid {t['window_text']}; }}
#infoBar QToolButton {{ border: none; border-radius: 4px; padding: 3px; background: transparent; }}
#infoBar QToolButton:hover {{ background: {hover_rgba}; }}
""",
        "status_bar": f"QStatusBar {{ color: {t['secondary_text']}; }}",
        "secondary": f"color: {t['secondary_text']};",
    }
    return sheets[part]


SHEET_PARTS = ("sidebar", "toolbar", "search_popup", "info_bar", "status_bar", "secondary")

# Each styled widget and its part, restyled when the scheme changes. Weak: a widget that
# is gone is forgotten.
_styled: weakref.WeakKeyDictionary[QWidget, str] = weakref.WeakKeyDictionary()


def style(widget: QWidget, part: str) -> None:
    """Gives ``widget`` (and what it holds) its part of careerdesk's style sheet, kept
    current when the scheme changes.

    The rules touch only the shell's widgets and secondary text; pages keep Fusion's own
    look. They are never set on the whole application: Qt would then draw every widget
    through its style-sheet style, which on a large journal's pages takes some 12 MB
    more, and time.
    """
    _styled[widget] = part
    widget.setStyleSheet(style_sheet(is_dark(), part))


def set_secondary(label: QWidget) -> None:
    """Shows a label (a count, a date, a hint) in the scheme's secondary text colour."""
    label.setObjectName("pageBlurb")
    style(label, "secondary")


class ThemeWatcher(QObject):
    """Re-applies the theme when the system switches between light and dark."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        app.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    def _on_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        _apply(self._app, scheme)
        self.changed.emit()


def _apply(app: QApplication, scheme: Qt.ColorScheme) -> None:
    global _applied_scheme
    _applied_scheme = scheme
    app.setPalette(palette_for(scheme))
    dark = is_dark(scheme)
    for widget, part in list(_styled.items()):
        try:
            widget.setStyleSheet(style_sheet(dark, part))
        except RuntimeError:  # its C++ side is gone already
            _styled.pop(widget, None)


def apply_theme(app: QApplication) -> ThemeWatcher:
    """Fusion with careerdesk's palette for the system's current scheme, kept current."""
    app.setStyle("Fusion")
    _apply(app, app.styleHints().colorScheme())
    return ThemeWatcher(app)
