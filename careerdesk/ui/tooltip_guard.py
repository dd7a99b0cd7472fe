"""Tooltips never read the user's words as markup.

Qt shows a tooltip as rich text whenever it merely looks like HTML, and rich text loads
what an ``<img>`` names, a local file included. Many tables put a record's title in its
tooltip, so rather than trust every model, one application-wide filter looks at each
tooltip as it is about to show: one that would render as markup is shown escaped, as
the text it is, unless careerdesk made it rich on purpose (``plain_tip`` and ``<qt>``
tips, whose user text is escaped where they are built).
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolTip, QWidget

from careerdesk.ui.widgets.plain_tip import PLAIN_TIP_START, plain_tip

# Tooltips careerdesk builds as rich text itself, with every user word escaped.
_TRUSTED_STARTS = (PLAIN_TIP_START, "<qt>")


def shown_as_markup(text: str) -> bool:
    """Whether Qt would render ``text`` as rich text that careerdesk did not escape."""
    return QtGui.Qt.mightBeRichText(text) and not text.startswith(_TRUSTED_STARTS)


def tooltip_of(widget: QWidget, event: QHelpEvent) -> str:
    """The tooltip Qt is about to show for ``widget`` (an item view's comes from its model)."""
    view = widget.parent()
    if isinstance(view, QAbstractItemView) and view.viewport() is widget:
        index = view.indexAt(event.pos())
        tip = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        return tip if isinstance(tip, str) else ""
    return widget.toolTip()


class TooltipGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QHelpEvent)
        text = tooltip_of(watched, event)
        if not text or not shown_as_markup(text):
            return False
        QToolTip.showText(event.globalPos(), plain_tip(text), watched)
        return True


_guard: TooltipGuard | None = None


def install(app: QApplication) -> None:
    """Once per application; later calls do nothing."""
    global _guard
    if _guard is None:
        _guard = TooltipGuard(app)
        app.installEventFilter(_guard)
