"""Icons: the platform theme's where it has one, else careerdesk's own SVG drawing.

The SVGs in ``resources/icons`` draw with ``currentColor``; they are painted in the
palette's text colour (the highlighted-text colour when selected), so one file serves
light and dark schemes and stays sharp at any screen scale. Page icons are careerdesk's
own on every platform: no icon theme has a consistent set for these areas, and a sidebar
that mixes two icon styles looks broken.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from careerdesk.resources_path import resource

# careerdesk name -> freedesktop icon name (Qt maps these on Windows and macOS too).
THEME_NAMES: dict[str, str] = {
    "search": "edit-find",
    "add": "list-add",
    "delete": "edit-delete",
    "undo": "edit-undo",
    "redo": "edit-redo",
    "import": "document-open",
    "export": "document-save-as",
    "folder": "folder-open",
    "close": "window-close",
    "info": "dialog-information",
    "quit": "application-exit",
    "preferences": "preferences-system",
    "about": "help-about",
}

# Python-side engines must outlive every QIcon that paints with them.
_engines: list[QIconEngine] = []


class SvgIconEngine(QIconEngine):
    """Paints one ``currentColor`` SVG in the colour the icon's mode calls for."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Selected:
            colour = palette.color(QPalette.ColorRole.HighlightedText)
        elif mode == QIcon.Mode.Disabled:
            colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        else:
            colour = palette.color(QPalette.ColorRole.WindowText)
        key = colour.name()
        renderer = self._renderers.get(key)
        if renderer is None:
            renderer = QSvgRenderer(QByteArray(self._svg.replace(b"currentColor", key.encode())))
            self._renderers[key] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        square = QRectF(rect.x() + (rect.width() - side) / 2,
                        rect.y() + (rect.height() - side) / 2, side, side)
        self._renderer(mode).render(painter, square)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, pixmap.rect(), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        copy = SvgIconEngine(self._svg)
        _engines.append(copy)
        return copy

    def key(self) -> str:
        return "careerdesk-svg"


@cache
def drawn(name: str) -> QIcon:
    """careerdesk's own drawing of ``name`` (a null icon when there is none)."""
    path = resource("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    engine = SvgIconEngine(path.read_bytes())
    _engines.append(engine)
    return QIcon(engine)


def icon(name: str) -> QIcon:
    """The platform's icon for an action, else careerdesk's drawing; pages always drawn."""
    theme_name = THEME_NAMES.get(name)
    if theme_name and QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    return drawn(name)


# The sizes installer/make_icons.py renders from resources/icons/app/careerdesk.svg: a
# window manager or task bar gets pixels drawn for the size it asks for.
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """careerdesk's own icon (window, task bar, About), the same as the installed one."""
    icon = QIcon()  # from the PNGs alone, so that availableSizes() lists them for the WM
    for size in APP_ICON_SIZES:
        icon.addFile(str(resource("icons", "app", f"careerdesk-{size}.png")), QSize(size, size))
    return icon
