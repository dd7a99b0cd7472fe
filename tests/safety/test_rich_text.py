"""Nothing a user typed is read as markup, and no document loads what it was not handed.

Qt shows a label or a tooltip as rich text when it merely looks like HTML, and a rich
text document reads ``<img src="file:///...">`` from disk. Every free-text field of the
demo journal gets an image tag pointing at a real file; every page of the window then
shows its records, and no label, tooltip or text view may hold that tag as markup.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QImage, QPageLayout, QPageSize, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTextEdit,
    QToolTip,
    QWidget,
)

from careerdesk import services
from careerdesk.reports.prep import PrintableSheet
from careerdesk.store.database import Journal
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.printing import sheet_document
from careerdesk.ui.widgets.markdown_view import MarkdownView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                      "This plugin does not support raise")

# Fields where a user writes whatever they like (references and codes are left alone).
FREE_TEXT = {
    "achievements": ("title", "story", "notes", "tags"),
    "journal": ("title", "body", "tags"),
    "people": ("name", "title", "department", "notes", "tags"),
    "interactions": ("summary", "follow_up_action"),
    "experiences": ("title", "department", "outcome", "reflection", "tags"),
    "targets": ("title", "department", "level", "notes"),
    "openings": ("title", "department", "notes"),
    "cycle_events": ("name", "notes"),
    "plans": ("title", "notes", "walk_away", "talking_points", "fallbacks"),
    "compensation": ("title", "level", "note"),
}
OPENED = ("achievement", "journal", "person", "experience", "target", "opening", "plan")


@pytest.fixture
def canary(tmp_path: Path) -> str:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    path = tmp_path / "canary.png"
    assert image.save(str(path))
    return f'<img src="{QUrl.fromLocalFile(str(path)).toString()}">'


def _planted(canary: str) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(json.loads(services.demo_file().read_text("utf-8")))
    for section, names in FREE_TEXT.items():
        for record in data[section]:
            for name in names:
                value = record.get(name)
                if isinstance(value, str) and value:
                    record[name] = f"{canary} {value}"
                elif isinstance(value, list) and value and isinstance(value[0], str):
                    record[name] = [f"{canary} {v}" for v in value]
    return data


def _is_rich(label: QLabel) -> bool:
    text_format = label.textFormat()
    return text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


def _markup_holding(window: QWidget, canary: str) -> list[str]:
    """Every place in the window where ``canary`` would be rendered as markup."""
    found = []
    for widget in window.findChildren(QWidget):
        name = f"{type(widget).__name__} {widget.accessibleName()!r}"
        if isinstance(widget, QLabel) and _is_rich(widget) and canary in widget.text():
            found.append(f"label {name}: {widget.text()[:80]}")
        if canary in widget.toolTip() and canary in _tooltip_shown(widget, QPoint(1, 1)):
            found.append(f"tooltip of {name}")
        if isinstance(widget, QTextEdit) and canary in widget.document().toHtml():
            found.append(f"text view {name}")
        if (isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView)
                and widget.model() is not None):
            found += _model_tips(widget, name, canary)
    return found


def _tooltip_shown(widget: QWidget, at: QPoint) -> str:
    """The tooltip's text as Qt shows it when the pointer rests at ``at`` in ``widget``."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, at, widget.mapToGlobal(at))
    QApplication.sendEvent(widget, event)
    shown = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return shown


def _model_tips(view: QAbstractItemView, name: str, canary: str) -> list[str]:
    model = view.model()
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column, its columnCount is private
        columns = 1
    found = []
    for row in range(min(model.rowCount(QModelIndex()), 40)):
        for column in range(columns):
            index = model.index(row, column)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if not (isinstance(tip, str) and canary in tip):
                continue
            view.scrollTo(index)
            rect = view.visualRect(index)
            if rect.isEmpty():  # hidden column or a collapsed view: nothing to point at
                continue
            if canary in _tooltip_shown(view.viewport(), rect.center()):
                found.append(f"tooltip of {name} row {row} column {column}")
    return found


def test_the_printed_sheet_loads_only_its_chart(qapp: object, canary: str) -> None:
    chart = QImage(10, 10, QImage.Format.Format_RGB32)
    chart.fill(0x0000FF)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    chart.save(buffer, "PNG")
    html = f'<p>{canary}</p><p><img src="chart.png"></p>'
    sheet = PrintableSheet(title="t", html=html, chart_name="chart.png", chart_png=bytes(png.data()),
                           chart_source="evidence")
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QPageLayout().margins())
    document = sheet_document(sheet, layout)
    document.size()  # lays it out, which asks for every image
    src = canary.split('"')[1]
    assert [u.toString() for u in document.requested_resources] == [src]  # type: ignore[attr-defined]
    refused = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(src))
    assert refused.size().width() == 1  # the blank stand-in, not the 40 px file
    assert not document.resource(QTextDocument.ResourceType.ImageResource,
                                 QUrl("chart.png")).isNull()
    # What the lock prevents: a plain document reads the file.
    plain = QTextDocument()
    plain.setHtml(html)
    plain.size()
    assert plain.resource(QTextDocument.ResourceType.ImageResource,
                          QUrl(src)).size().width() == 40


@pytest.mark.parametrize("link", ["{url}", "{path}"])
def test_a_markdown_image_never_reads_the_file(qtbot, canary: str, link: str) -> None:  # type: ignore[no-untyped-def]
    url = QUrl(canary.split('"')[1])
    target = link.format(url=url.toString(), path=url.toLocalFile())
    view = MarkdownView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.set_markdown(f"before ![picture]({target}) after")
    view.show()
    qtbot.waitExposed(view)
    assert [u.toString() for u in view.requested_resources] == [target]
    image = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(target))
    assert image.size().width() == 1


def test_no_page_renders_user_text_as_markup(journal: Journal, canary: str, qtbot,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    source = tmp_path / "planted.json"
    data = _planted(canary)
    source.write_text(json.dumps(data), encoding="utf-8")
    services.import_file(journal, source)
    window = MainWindow(journal, Path(journal.path).parent)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.first_page_ready, timeout=5000):
            window.show()
        for page in ("today", "journal", "achievements", "growth", "people", "pathways",
                     "planner", "timeline", "negotiations"):
            window.show_page(page)
            qtbot.wait(20)
        sections = {"achievement": "achievements", "journal": "journal", "person": "people",
                    "experience": "experiences", "target": "targets", "opening": "openings",
                    "plan": "plans"}
        for kind in OPENED:
            window.open_record(kind, data[sections[kind]][0]["uid"])
            qtbot.wait(20)
        shown = [w for w in window.findChildren(QLabel) if canary in w.text()]
        assert shown, "the planted text is on no label: the sweep would prove nothing"
        assert _markup_holding(window, canary) == []
    finally:
        window.shutdown()


