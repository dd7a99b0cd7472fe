"""The Timeline page: presets and filters, hover and click, export, the other charts, and
matplotlib kept off the start-up path."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack

from careerdesk import services
from careerdesk.domain.records import Achievement
from careerdesk.reports.periods import PeriodPreset
from careerdesk.reports.timeline_data import Lane
from careerdesk.store.database import Journal
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.pages import timeline as timeline_page
from careerdesk.ui.pages.timeline import TimelinePage
from careerdesk.ui.undo import SaveRecordCommand
from tests.conftest import REPO

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    # matplotlib's Qt canvas asks about a Qt 5 attribute that Qt 6 keeps only as deprecated.
    pytest.mark.filterwarnings("ignore:Enum value:DeprecationWarning"),
]

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline_page, "today", lambda: TODAY)


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def page(qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> TimelinePage:
    shown = TimelinePage(demo_journal, stack)
    qtbot.addWidget(shown)
    shown.resize(1100, 720)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _canvas_point(page: TimelinePage, uid: str) -> tuple[float, float]:
    """Where the item of ``uid`` is drawn, in matplotlib's display pixels."""
    drawing = page.charts["timeline"].drawing
    item = next(i for i in drawing.items if i.uid == uid)
    x, y = drawing.axes.transData.transform(((item.x0 + item.x1) / 2, (item.y0 + item.y1) / 2))
    return float(x), float(y)


def test_shows_the_last_12_months_first(page: TimelinePage) -> None:
    assert page.current_preset() is PeriodPreset.LAST_12_MONTHS
    assert page.period is not None
    assert (page.period.start, page.period.end) == (date(2025, 11, 22), TODAY)
    assert "Last 12 months" in page.period_label.text()
    drawing = page.charts["timeline"].drawing
    assert drawing is not None and list(drawing.lane_rows) == list(Lane)


def test_a_preset_changes_the_period_and_the_chart(page: TimelinePage) -> None:
    page.set_preset(PeriodPreset.EVERYTHING)
    assert page.period is not None and page.period.start == date(2022, 3, 1)
    drawing = page.charts["timeline"].drawing
    low, high = drawing.axes.get_xlim()
    from careerdesk.reports.timeline import date_number

    assert low <= date_number(date(2022, 3, 1)) and high >= date_number(page.period.end)
    assert page.date_from.date().year() == 2022
    assert len(page.data.achievements) == len(services.load_all(page.journal, Achievement))

    page.set_preset(PeriodPreset.FISCAL_YEAR)
    assert (page.period.start, page.period.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert all(page.period.contains(a.date) for a in page.data.achievements)


def test_editing_a_date_makes_the_period_custom(page: TimelinePage) -> None:
    page.date_from.setDate(page.date_from.date().addMonths(6))
    assert page.current_preset() is PeriodPreset.CUSTOM
    assert page.period is not None and page.period.start == date(2026, 5, 22)
    assert all(a.date >= date(2026, 5, 22) for a in page.data.achievements)


def test_the_timeline_is_drawn_once_at_the_size_it_is_shown_at(page: TimelinePage,
                                                                qtbot: Any) -> None:
    chart = page.charts["timeline"]
    assert chart.drawing is not None and chart.canvas.isVisible()
    assert chart.drawn_size == chart.canvas.size().toTuple()
    assert chart.canvas.width() > page.width() / 2  # laid out, not a first guess
    drawn = chart.drawing
    qtbot.wait(timeline_page.REDRAW_DELAY_MS * 3)
    assert chart.drawing is drawn  # no second drawing once the page settles
    page.resize(page.width() - 80, page.height())
    qtbot.waitUntil(lambda: chart.drawing is not drawn)  # a real resize places labels again
    assert chart.drawn_size == chart.canvas.size().toTuple()


def test_lane_tag_and_person_filters(page: TimelinePage) -> None:
    page.lane_actions[Lane.INTERACTIONS].setChecked(False)
    assert Lane.INTERACTIONS not in page.charts["timeline"].drawing.lane_rows
    assert page.data.interactions == []
    page.lane_actions[Lane.INTERACTIONS].setChecked(True)

    person = page.person_filter.findText("Helen Whitaker")
    assert person > 0
    page.person_filter.setCurrentIndex(person)
    page.person_filter.activated.emit(person)
    assert [p.name for p in page.data.people] == ["Helen Whitaker"]

    tags = [page.tag_filter.itemData(i) for i in range(1, page.tag_filter.count())]
    assert tags
    before = len(page.data.achievements)
    page.tag_filter.setCurrentIndex(1)
    page.tag_filter.activated.emit(1)
    assert page.current_filter().tag == tags[0]
    assert len(page.data.achievements) <= before


def test_a_click_on_an_achievement_opens_it(page: TimelinePage, qtbot: Any) -> None:
    opened: list[tuple[str, str]] = []
    page.record_requested.connect(lambda kind, uid: opened.append((kind, uid)))
    canvas = page.charts["timeline"].canvas
    canvas.draw()
    wanted = page.data.achievements[len(page.data.achievements) // 2]
    x, y = _canvas_point(page, wanted.uid)
    item = page.item_at("timeline", x, y)
    assert item is not None and item.uid == wanted.uid
    # A real mouse press on the canvas: Qt's logical pixels, y from the top.
    ratio = canvas.device_pixel_ratio
    point = QPoint(round(x / ratio), round(canvas.figure.bbox.height / ratio - y / ratio))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert opened == [("achievement", wanted.uid)]


def test_a_click_on_a_counted_bar_zooms_into_it(page: TimelinePage) -> None:
    bars = [i for i in page.charts["timeline"].drawing.items if i.kind == "period"]
    assert bars  # the conversations of everyone, counted per week
    page.activate(bars[0])
    assert page.current_preset() is PeriodPreset.CUSTOM
    assert page.period is not None
    assert (page.period.start, page.period.end) == (bars[0].start, bars[0].end)


# The tooltip is a popup the offscreen platform cannot raise; it says so, and shows it all the same.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hover_names_the_item(page: TimelinePage) -> None:
    from matplotlib.backend_bases import MouseEvent

    canvas = page.charts["timeline"].canvas
    canvas.draw()
    wanted = page.data.achievements[0]
    x, y = _canvas_point(page, wanted.uid)
    canvas.callbacks.process("motion_notify_event", MouseEvent("motion_notify_event", canvas, x, y))
    assert wanted.title in page.hover_label.text()
    assert "click to open" in page.hover_label.text()


def test_the_main_window_opens_what_was_clicked(demo_journal: Journal, qtbot: Any) -> None:
    window = MainWindow(demo_journal, remember=False, start_page="timeline")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_page_ready, timeout=10_000):
        window.show()
    page = window.pages["timeline"]
    assert isinstance(page, TimelinePage)
    wanted = page.data.achievements[-1]
    item = next(i for i in page.charts["timeline"].drawing.items if i.uid == wanted.uid)
    page.activate(item)
    assert window.current_page_name == "achievements"
    assert window.pages["achievements"].current_uid() == wanted.uid  # type: ignore[attr-defined]
    window.shutdown()


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_export_writes_the_current_view(page: TimelinePage, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"chart.{suffix}"
    assert page.export_chart(path)
    body = path.read_bytes()
    if suffix == "png":
        assert body.startswith(b"\x89PNG\r\n\x1a\n")
    elif suffix == "svg":
        assert ET.fromstring(body).tag.endswith("svg")
    else:
        assert body.startswith(b"%PDF") and len(PdfReader(path).pages) == 1


def test_export_asks_where_and_adds_the_suffix(page: TimelinePage, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "mine"), "SVG drawing (*.svg)"))
    assert page.ask_export_path() == tmp_path / "mine.svg"
    monkeypatch.setattr(page, "ask_export_path", lambda: None)
    assert page.export_chart() is False


def test_a_bad_export_name_is_told_not_raised(page: TimelinePage, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    assert page.export_chart(tmp_path / "chart.bmp") is False
    assert told and ".png, .svg or .pdf" in told[0]


def test_the_other_charts(page: TimelinePage) -> None:
    page.tabs.setCurrentIndex(1)
    pay = page.charts["pay"].drawing
    assert pay is not None and any(i.kind == "compensation" for i in pay.items)
    assert page.charts["pay"].canvas.isVisible()
    assert page.charts["pay"].drawn_size == page.charts["pay"].canvas.size().toTuple()
    page.tabs.setCurrentIndex(2)
    assert page.charts["people"].canvas.isVisible()
    people = page.charts["people"].drawing
    assert people is not None and any(i.kind == "person" for i in people.items)
    plan = page.plan_filter.findText("Promotion to Lead Data Analyst")
    assert plan > 0
    page.plan_filter.setCurrentIndex(plan)
    page.plan_filter.activated.emit(plan)
    assert len(page.charts["people"].drawing.items) < len(people.items)


def test_an_edit_elsewhere_redraws(page: TimelinePage, stack: QUndoStack) -> None:
    from careerdesk.ui.undo import RecordEvents

    before = {a.uid: a.title for a in page.data.achievements}
    record = services.load_record(page.journal, Achievement, next(iter(before)))
    changed = Achievement(**{**record.__dict__, "title": "Renamed on another page"})
    stack.push(SaveRecordCommand(page.journal, RecordEvents.of(stack), record, changed,
                                 field="title"))
    assert "Renamed on another page" in {a.title for a in page.data.achievements}


def test_draws_at_the_screens_pixel_ratio(page: TimelinePage) -> None:
    canvas = page.charts["timeline"].canvas
    assert canvas.device_pixel_ratio == canvas.devicePixelRatioF()
    # matplotlib scales the figure's dpi by the ratio, so a chart has as many pixels as the
    # screen shows; a canvas told of a sharper screen draws more of them.
    width = canvas.get_width_height(physical=True)[0]
    canvas._set_device_pixel_ratio(2.0)
    assert canvas.get_width_height(physical=True)[0] == pytest.approx(width * 2, abs=2)


def test_every_control_has_an_accessible_name(page: TimelinePage) -> None:
    from PySide6.QtWidgets import QComboBox, QDateEdit, QPushButton

    for widget in page.findChildren(QComboBox) + page.findChildren(QDateEdit) + \
            page.findChildren(QPushButton):
        assert widget.accessibleName(), widget


def test_the_window_starts_without_matplotlib(demo_journal: Journal) -> None:
    """Importing the window and building it must not load matplotlib (start-up time)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from careerdesk.store.database import open_journal\n"
        "from careerdesk.ui.main_window import MainWindow\n"
        f"journal = open_journal(Path({str(demo_journal.path.parent)!r}))\n"
        "window = MainWindow(journal, remember=False)\n"
        "window.show(); app.processEvents()\n"
        "import careerdesk.ui.pages.timeline\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib')[:3])\n"
        "window.shutdown(); journal.close()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, timeout=120, check=False,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_an_empty_journal_says_what_belongs_here(qtbot: Any, journal: Journal,
                                                 stack: QUndoStack) -> None:
    shown = TimelinePage(journal, stack)
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.data is not None and shown.data.is_empty
    assert "Nothing recorded in this period" in shown.hover_label.text()
    for index in (1, 2):  # the other charts say what to add
        shown.tabs.setCurrentIndex(index)
    assert "No people to map yet" in shown.charts["people"].drawing.axes.texts[0].get_text()
    assert "No pay records yet" in shown.charts["pay"].drawing.axes.texts[0].get_text()


def test_the_chart_is_laid_out_for_the_width_left_by_the_scroll_bar(
        page: TimelinePage, qtbot: Any) -> None:
    """A year of the demo journal is taller than the page: the scroll bar that shows takes
    some width, and the figure is drawn at the canvas's width, not the one before."""
    chart = page.charts["timeline"]
    qtbot.waitUntil(lambda: chart.drawing is not None)
    assert page.timeline_scroll.verticalScrollBar().isVisible()
    canvas = chart.canvas
    ratio = canvas.device_pixel_ratio
    assert canvas.width() == page.timeline_scroll.viewport().width()
    assert tuple(canvas.figure.bbox.size) == (canvas.width() * ratio, canvas.height() * ratio)


def test_made_ready_hidden_its_chart_is_drawn_in_a_step_of_its_own(
        qtbot: Any, demo_journal: Journal, stack: QUndoStack) -> None:
    hidden = TimelinePage(demo_journal, stack)
    qtbot.addWidget(hidden)
    hidden.resize(1100, 720)
    hidden.load_hidden()
    chart = hidden.charts["timeline"]
    assert hidden.data is not None and chart.drawing is None  # loaded, not drawn yet
    hidden.draw_hidden()
    assert chart.drawing is not None
    ratio = chart.canvas.device_pixel_ratio
    assert tuple(chart.canvas.figure.bbox.size) == (chart.canvas.width() * ratio,
                                                   chart.canvas.height() * ratio)


def test_shown_before_its_drawing_step_it_draws_then(qtbot: Any, demo_journal: Journal,
                                                     stack: QUndoStack) -> None:
    hidden = TimelinePage(demo_journal, stack)
    qtbot.addWidget(hidden)
    hidden.resize(1100, 720)
    hidden.load_hidden()
    assert hidden.charts["timeline"].drawing is None
    hidden.show()
    qtbot.waitExposed(hidden)
    assert hidden.charts["timeline"].drawing is not None
