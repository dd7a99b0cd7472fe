"""The window's icon is the installed one, in every size the installers ship."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from careerdesk.ui import icons
from careerdesk.ui.app import _application


def test_app_icon_offers_each_rendered_size(qapp: QApplication) -> None:
    icon = icons.app_icon()
    assert set(icon.availableSizes()) == {QSize(size, size) for size in icons.APP_ICON_SIZES}
    # The tile's blue, not an empty pixmap.
    assert icon.pixmap(48).toImage().pixelColor(8, 24).blue() > 150


def test_application_names_itself_and_its_desktop_file(qapp: QApplication) -> None:
    app = _application()
    assert app.applicationDisplayName() == "careerdesk"
    assert app.desktopFileName() == "careerdesk"  # installer/linux/careerdesk.desktop
    assert not app.windowIcon().isNull()
