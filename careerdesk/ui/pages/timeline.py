"""The Timeline page: the timeline chart with its period and filters, and the other charts
(pay history, the stakeholder map), each zoomable, hoverable, clickable and exportable.

The page only hosts the charts: data comes from ``careerdesk.reports.timeline_data`` and
``charts_data``, drawing from ``reports.timeline`` and ``reports.charts`` (the same code the
``timeline`` command runs). matplotlib is imported when the page is first shown, never at
start-up: this module imports none of it at the top.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.errors import CareerdeskError
from careerdesk.reports.periods import Period, PeriodPreset, resolve_period
from careerdesk.reports.timeline_data import (
    Lane,
    TimelineData,
    TimelineFilter,
    load_timeline_data,
    people_choices,
    tag_choices,
)
from careerdesk.store.database import Journal
from careerdesk.ui import icons, theme
from careerdesk.ui.pages.base import Page, lay_out_hidden
from careerdesk.ui.undo import RecordChange, RecordEvents

if TYPE_CHECKING:
    from matplotlib.backend_bases import Event
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from careerdesk.reports.timeline import TimelineItem


def tr(text: str) -> str:
    return QCoreApplication.translate("TimelinePage", text)


PRESETS = (PeriodPreset.SINCE_REVIEW, PeriodPreset.LAST_12_MONTHS, PeriodPreset.FISCAL_YEAR,
           PeriodPreset.EVERYTHING, PeriodPreset.CUSTOM)
REDRAW_DELAY_MS = 120
ROW_INCHES = 0.2
"""A lane row's height on screen: one line of the chart's small text and a little air."""
EXPORT_FILTERS = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)", "pdf": "PDF document (*.pdf)"}


def today() -> date:
    """The day the charts mark; one place for tests to pin it."""
    return date.today()


@dataclass
class _Chart:
    """One tab's canvas and what was drawn on it last (for hovering and clicking)."""

    canvas: FigureCanvasQTAgg
    drawing: Any = None
    draw: Callable[[], None] | None = None
    drawn_size: tuple[int, int] = (0, 0)
    """The canvas's size when it was last drawn: a resize to the same size draws nothing."""


def _fit_figure(canvas: FigureCanvasQTAgg) -> None:
    """Gives the figure the canvas's size, as the canvas's resize does: a resize that came
    while another was handled (the scroll bar showing for a taller chart) is not passed on
    by matplotlib, and the chart would be laid out for the width before it."""
    figure = canvas.figure
    ratio = canvas.device_pixel_ratio
    figure.set_size_inches(canvas.width() * ratio / figure.dpi,
                           canvas.height() * ratio / figure.dpi, forward=False)


class TimelinePage(Page):
    name = "timeline"
    title = tr("Timeline")
    icon_name = "timeline"
    needs_charts = True

    record_requested = Signal(str, str)
    """(kind, uid) of an item clicked; the main window opens it."""

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.setAccessibleName(tr("Timeline"))
        self.events = RecordEvents.of(undo_stack)
        self.events.changed.connect(self._record_changed)
        self.period: Period | None = None
        self.data: TimelineData | None = None
        self.charts: dict[str, _Chart] = {}
        self.toolbar: Any = None
        self._drawing_held = False  # made ready while hidden: the drawing is a step of its own
        self._stale_charts: set[str] = set()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_DELAY_MS)
        self._redraw_timer.timeout.connect(self._redraw_current)
        self._build()
        self.record_requested.connect(self._open_in_window)

    # ================================================================ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN - 4, theme.PAGE_MARGIN,
                                  theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)
        header = QHBoxLayout()
        header.setSpacing(12)
        heading = QLabel(tr("Timeline"), self)
        heading.setObjectName("pageTitle")
        theme.set_text_role(heading, theme.TextRole.PAGE_TITLE)
        heading.setAccessibleName(tr("Timeline"))
        header.addWidget(heading, 0, Qt.AlignmentFlag.AlignBaseline)
        self.period_label = QLabel(self)
        theme.set_secondary(self.period_label)
        self.period_label.setAccessibleName(tr("Period shown"))
        header.addWidget(self.period_label, 0, Qt.AlignmentFlag.AlignBaseline)
        header.addStretch(1)
        self.export_button = QPushButton(tr("Export…"), self)
        self.export_button.setIcon(icons.icon("export"))
        self.export_button.setAccessibleName(tr("Export the chart"))
        self.export_button.setToolTip(tr("Save the chart as you see it as PNG, SVG or PDF"))
        self.export_button.clicked.connect(lambda: self.export_chart())
        header.addWidget(self.export_button)
        layout.addLayout(header)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Charts"))
        self.tabs.setDocumentMode(True)
        self.timeline_tab = QWidget(self.tabs)
        self.pay_tab = QWidget(self.tabs)
        self.people_tab = QWidget(self.tabs)
        self.tabs.addTab(self.timeline_tab, tr("Timeline"))
        self.tabs.addTab(self.pay_tab, tr("Pay history"))
        self.tabs.addTab(self.people_tab, tr("Stakeholder map"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        layout.addWidget(self.tabs, 1)

        column = QVBoxLayout(self.timeline_tab)
        column.setContentsMargins(0, theme.SPACE_M, 0, 0)
        column.setSpacing(theme.SPACE_S)
        column.addLayout(self._build_filters())
        self.timeline_area = QVBoxLayout()
        column.addLayout(self.timeline_area, 1)
        self.hover_label = QLabel(self.timeline_tab)
        theme.set_secondary(self.hover_label)
        self.hover_label.setAccessibleName(tr("Item under the pointer"))
        self.hover_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.hover_label)

        pay_column = QVBoxLayout(self.pay_tab)
        pay_column.setContentsMargins(0, theme.SPACE_M, 0, 0)
        self.pay_area = QVBoxLayout()
        pay_column.addLayout(self.pay_area, 1)

        people_column = QVBoxLayout(self.people_tab)
        people_column.setContentsMargins(0, theme.SPACE_M, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("People of"), self.people_tab))
        self.plan_filter = QComboBox(self.people_tab)
        self.plan_filter.setAccessibleName(tr("Whose stakeholders"))
        self.plan_filter.addItem(tr("The whole journal"), None)
        self.plan_filter.activated.connect(lambda _i: self._draw_people())
        row.addWidget(self.plan_filter)
        row.addStretch(1)
        people_column.addLayout(row)
        self.people_area = QVBoxLayout()
        people_column.addLayout(self.people_area, 1)

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.preset = QComboBox(self)
        self.preset.setAccessibleName(tr("Period"))
        for preset in PRESETS:
            self.preset.addItem(tr(preset.label), preset.value)
        self.preset.setCurrentIndex(PRESETS.index(PeriodPreset.LAST_12_MONTHS))
        self.preset.activated.connect(lambda _i: self._preset_chosen())
        row.addWidget(self.preset)

        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit, name in ((self.date_from, tr("From date")), (self.date_to, tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(lambda _d: self._dates_edited())
        row.addWidget(QLabel(tr("From"), self))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(tr("to"), self))
        row.addWidget(self.date_to)

        self.lanes_button = QPushButton(tr("Lanes"), self)
        self.lanes_button.setAccessibleName(tr("Choose the lanes"))
        self.lanes_button.setToolTip(tr("Choose which lanes the timeline shows"))
        menu = QMenu(self.lanes_button)
        self.lane_actions: dict[Lane, QAction] = {}
        for lane in Lane:
            action = QAction(tr(lane.label), menu)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda _on: self.reload())
            menu.addAction(action)
            self.lane_actions[lane] = action
        self.lanes_button.setMenu(menu)
        row.addWidget(self.lanes_button)

        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName(tr("Filter by tag"))
        self.tag_filter.addItem(tr("All tags"), None)
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_filter.setMaximumWidth(180)
        self.tag_filter.activated.connect(lambda _i: self.reload())
        row.addWidget(self.tag_filter)

        self.person_filter = QComboBox(self)
        self.person_filter.setAccessibleName(tr("Whose conversations"))
        self.person_filter.addItem(tr("People met most"), None)
        self.person_filter.setMaximumWidth(200)
        self.person_filter.activated.connect(lambda _i: self.reload())
        row.addWidget(self.person_filter)
        row.addStretch(1)
        self.filter_row = row  # the zoom and pan buttons join it when the chart is made
        return row

    # ================================================================ loading

    def ready(self) -> None:
        self._ensure_loaded()

    def load_hidden(self) -> None:
        # Loaded now; the chart (a tenth of a second to lay out, as much to draw) is drawn
        # by draw_hidden, the window's next idle step.
        self._drawing_held = True
        try:
            self._ensure_loaded()
        finally:
            self._drawing_held = False

    def draw_hidden(self) -> None:
        # The canvas hears of its size first: hearing it at the showing, matplotlib would
        # draw the chart again then.
        lay_out_hidden(self)
        self._draw_if_shown(self.current_chart_name())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_loaded()
        if self._loaded:  # shown before draw_hidden had its turn
            self._draw_if_shown(self.current_chart_name())

    def _ensure_loaded(self) -> None:
        self._load_once(self._load_first)

    def _load_first(self) -> None:
        if not self.charts:  # made once, also when a first loading failed after it
            self._create_charts()
        self._load_choices()
        # Lay the page out before the first drawing: drawn at the canvas's first size, the
        # chart would be drawn again (and its labels placed again) a moment later at its own.
        # (Qt shows widgets added to a shown page only later: show them now, then lay out.)
        # (A widget of a hidden tab shows with its tab; hiding it here would keep it hidden.)
        for widget in (self.toolbar, self.timeline_scroll, *(c.canvas for c in self.charts.values())):
            parent = widget.parentWidget()
            if parent is not None and parent.isVisible():
                widget.show()
        layout = self.timeline_tab.layout()
        if layout is not None:
            layout.activate()
        lay_out_hidden(self)  # made ready while hidden (idle time): laid out all the same
        self._preset_chosen()

    def _create_charts(self) -> None:
        """The canvases: the first use of matplotlib in the window."""
        from matplotlib.backend_bases import MouseEvent, ResizeEvent
        from matplotlib.backends.backend_qt import NavigationToolbar2QT
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        class Toolbar(NavigationToolbar2QT):
            # Zoom and pan; saving is the page's own Export, which knows the formats.
            toolitems: list[tuple[str, ...] | tuple[None, ...]] = [  # noqa: RUF012
                t for t in NavigationToolbar2QT.toolitems
                if t[0] in ("Home", "Back", "Forward", "Pan", "Zoom")]

        for name, area in (("timeline", self.timeline_area), ("pay", self.pay_area),
                           ("people", self.people_area)):
            canvas = FigureCanvasQTAgg(Figure(facecolor="white"))  # type: ignore[no-untyped-call]
            canvas.setAccessibleName({"timeline": tr("Timeline chart"), "pay": tr("Pay history chart"),
                                      "people": tr("Stakeholder map")}[name])
            canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            canvas.setMinimumHeight(240)
            chart = _Chart(canvas)
            self.charts[name] = chart

            def hovered(event: MouseEvent, name: str = name) -> None:
                self._hovered(name, event)

            def clicked(event: MouseEvent, name: str = name) -> None:
                self._clicked(name, event)

            def resized(_event: ResizeEvent, name: str = name) -> None:
                self._resized(name)

            canvas.mpl_connect("motion_notify_event", hovered)
            canvas.mpl_connect("button_press_event", clicked)
            canvas.mpl_connect("resize_event", resized)
            if name == "timeline":
                self.toolbar = Toolbar(canvas, self.timeline_tab,  # type: ignore[no-untyped-call]
                                       coordinates=False)
                self.toolbar.setAccessibleName(tr("Zoom and pan"))
                self.toolbar.setIconSize(self.toolbar.iconSize() * 0.8)
                self.filter_row.addWidget(self.toolbar)
                # The lanes keep a readable height; a tall timeline scrolls.
                self.timeline_scroll = QScrollArea(self.timeline_tab)
                self.timeline_scroll.setWidgetResizable(True)
                self.timeline_scroll.setFrameShape(QFrame.Shape.NoFrame)
                self.timeline_scroll.setAccessibleName(tr("Timeline"))
                self.timeline_scroll.setWidget(canvas)
                area.addWidget(self.timeline_scroll, 1)
                continue
            area.addWidget(canvas, 1)
        self.charts["timeline"].draw = self._draw_timeline
        self.charts["pay"].draw = self._draw_pay
        self.charts["people"].draw = self._draw_people

    def _load_choices(self) -> None:
        with self.journal.sessions() as session:
            tags = tag_choices(session)
            people = people_choices(session)
            from sqlalchemy import select

            from careerdesk.store import models as m

            plans = session.execute(select(m.PlanRow.uid, m.PlanRow.title)
                                    .order_by(m.PlanRow.meeting_date.desc(), m.PlanRow.title)).all()
        _refill(self.tag_filter, tr("All tags"), [(t, t) for t in tags])
        _refill(self.person_filter, tr("People met most"), [(name, uid) for uid, name in people])
        _refill(self.plan_filter, tr("The whole journal"), [(title, uid) for uid, title in plans])

    def refresh(self) -> None:
        if not self._loaded:
            return
        self._load_choices()
        self._stale_charts.update(self.charts)
        self.reload()

    def _record_changed(self, _change: RecordChange) -> None:
        if self._loaded:
            self._stale_charts.update(self.charts)
            if self.isVisible():
                self.refresh()

    # ================================================================ the period and filters

    def current_preset(self) -> PeriodPreset:
        return PeriodPreset(self.preset.currentData())

    def set_preset(self, preset: PeriodPreset) -> None:
        """Chooses a preset as the user would (the test's and the keyboard's way in)."""
        self.preset.setCurrentIndex(PRESETS.index(preset))
        self._preset_chosen()

    def _preset_chosen(self) -> None:
        preset = self.current_preset()
        if preset is PeriodPreset.CUSTOM:
            self._dates_edited()
            return
        with self.journal.sessions() as session:
            period = resolve_period(session, preset, today())
        self._show_dates(period)
        self._set_period(period)

    def set_custom_period(self, start: date, end: date) -> None:
        with QSignalBlocker(self.preset):
            self.preset.setCurrentIndex(PRESETS.index(PeriodPreset.CUSTOM))
        self._show_dates(Period(start, end))
        self._dates_edited()

    def _show_dates(self, period: Period) -> None:
        for edit, day in ((self.date_from, period.start), (self.date_to, period.end)):
            with QSignalBlocker(edit):
                edit.setDate(QDate(day.year, day.month, day.day))

    def _dates_edited(self) -> None:
        start, end = _day(self.date_from.date()), _day(self.date_to.date())
        if end < start:
            start, end = end, start
        if self.current_preset() is not PeriodPreset.CUSTOM:
            with QSignalBlocker(self.preset):
                self.preset.setCurrentIndex(PRESETS.index(PeriodPreset.CUSTOM))
        self._set_period(Period(start, end, PeriodPreset.CUSTOM))

    def _set_period(self, period: Period) -> None:
        self.period = period
        text = period.title + (f" ({period.note})" if period.note else "")
        self.period_label.setText(text)
        self.reload()

    def current_filter(self) -> TimelineFilter:
        person = self.person_filter.currentData()
        return TimelineFilter(
            lanes=frozenset(lane for lane, action in self.lane_actions.items() if action.isChecked()),
            tag=self.tag_filter.currentData() or None,
            people=(person,) if person else ())

    def reload(self) -> None:
        """Reads the period's data again and redraws the timeline."""
        if not self._loaded or self.period is None:
            return
        with _busy(), self.journal.sessions() as session:
            self.data = load_timeline_data(session, self.period, today=today(),
                                           filter=self.current_filter())
        self._stale_charts.add("timeline")
        self._draw_if_shown("timeline")

    # ================================================================ drawing

    def _tab_changed(self) -> None:
        name = self.current_chart_name()
        self.period_label.setVisible(name == "timeline")  # the other charts show all time
        if self._loaded:
            self._draw_if_shown(name, force=name not in self._drawn_once())

    def _drawn_once(self) -> set[str]:
        return {n for n, c in self.charts.items() if c.drawing is not None}

    def current_chart_name(self) -> str:
        return ("timeline", "pay", "people")[max(self.tabs.currentIndex(), 0)]

    def _draw_if_shown(self, name: str, force: bool = False) -> None:
        if self._drawing_held:
            self._stale_charts.add(name)
            return
        if name != self.current_chart_name():
            return
        if force or name in self._stale_charts or self.charts[name].drawing is None:
            self._stale_charts.discard(name)
            draw = self.charts[name].draw
            if draw is not None:
                draw()

    def _resized(self, name: str) -> None:
        # Labels are placed for the chart's size: place them again once resizing pauses.
        chart = self.charts.get(name)
        if chart is not None and chart.drawing is not None \
                and chart.drawn_size != chart.canvas.size().toTuple():
            self._stale_charts.add(name)
            self._redraw_timer.start()

    def _redraw_current(self) -> None:
        self._draw_if_shown(self.current_chart_name())

    def _draw_timeline(self) -> None:
        from careerdesk.reports.timeline import draw_timeline, timeline_rows

        if self.data is None:
            return
        chart = self.charts["timeline"]
        rows = timeline_rows(self.data)
        wanted = round((rows * ROW_INCHES + 1.5) * chart.canvas.logicalDpiY())
        if chart.canvas.minimumHeight() != wanted:
            chart.canvas.setMinimumHeight(wanted)
            chart.canvas.resize(chart.canvas.width(), max(chart.canvas.height(), wanted))
            # The scroll area fits the canvas to its new height now (a scroll bar may take
            # some width), so the chart is drawn once at the size it is shown at.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            if not self.isVisible():
                # Made ready hidden (idle time), the same is done by hand: a hidden canvas
                # does not tell the scroll area it grew. Asked (setWidgetResizable), the
                # scroll area shows its bar (a queued call), then fits the canvas to the
                # narrower view; rendering (lay_out_hidden) tells the canvas its new size.
                # Else the figure would be laid out for the width without the scroll bar.
                self.timeline_scroll.setWidgetResizable(True)
                QCoreApplication.sendPostedEvents(self.timeline_scroll)
                self.timeline_scroll.setWidgetResizable(True)
                lay_out_hidden(self)
        _fit_figure(chart.canvas)
        chart.drawing = draw_timeline(chart.canvas.figure, self.data, title="")
        chart.drawn_size = chart.canvas.size().toTuple()
        if self.toolbar is not None:
            self.toolbar.update()  # zoom history starts again from the new picture
        chart.canvas.draw_idle()  # type: ignore[no-untyped-call]
        if self.data.is_empty:
            self.hover_label.setText(tr("Nothing recorded in this period. Achievements, "
                                        "experiences and conversations you add show up here."))
        else:
            self.hover_label.setText(tr("Point at an item to see it; click it to open it. "
                                        "Drag with Zoom or Pan to look closer."))

    def _draw_pay(self) -> None:
        from careerdesk.reports.charts import draw_pay_history
        from careerdesk.reports.charts_data import load_pay_history

        with self.journal.sessions() as session:
            history = load_pay_history(session)
        chart = self.charts["pay"]
        chart.drawing = draw_pay_history(chart.canvas.figure, history, today=today())
        chart.drawn_size = chart.canvas.size().toTuple()
        chart.canvas.draw_idle()  # type: ignore[no-untyped-call]

    def _draw_people(self) -> None:
        from careerdesk.reports.charts import draw_stakeholder_map
        from careerdesk.reports.charts_data import load_stakeholders

        if not self.charts:
            return
        with self.journal.sessions() as session:
            people = load_stakeholders(session, self.plan_filter.currentData())
        chart = self.charts["people"]
        chart.drawing = draw_stakeholder_map(chart.canvas.figure, people)
        chart.drawn_size = chart.canvas.size().toTuple()
        chart.canvas.draw_idle()  # type: ignore[no-untyped-call]

    # ================================================================ hover and click

    def item_at(self, name: str, x: float, y: float) -> TimelineItem | None:
        """The item under display position ``x``, ``y`` (matplotlib pixels) of a chart."""
        drawing = self.charts[name].drawing if name in self.charts else None
        return drawing.item_at(x, y) if drawing is not None else None

    def _hovered(self, name: str, event: Event) -> None:
        x, y = getattr(event, "x", None), getattr(event, "y", None)
        item = self.item_at(name, x, y) if x is not None and y is not None else None
        canvas = self.charts[name].canvas
        if item is None:
            QToolTip.hideText()
            canvas.unsetCursor()
            return
        canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        # User text is escaped: a title holding markup shows as typed.
        QToolTip.showText(QCursor.pos(), f"<b>{html.escape(item.title)}</b><br>"
                                         f"{html.escape(item.when)}", canvas)
        if name == "timeline":
            hint = tr("click to look closer") if item.kind == "period" else tr("click to open")
            self.hover_label.setText(f"{item.title} · {item.when} ({hint})")

    def _clicked(self, name: str, event: Event) -> None:
        if self.toolbar is not None and str(getattr(self.toolbar, "mode", "")):
            return  # zooming or panning: the click belongs to the toolbar
        button = getattr(event, "button", None)
        if button is not None and int(button) != 1:
            return
        x, y = getattr(event, "x", None), getattr(event, "y", None)
        if x is None or y is None:
            return
        self.activate(self.item_at(name, x, y))

    def activate(self, item: TimelineItem | None) -> None:
        """What a click on ``item`` does: open its record, or zoom into a counted bar."""
        if item is None:
            return
        if item.kind == "period":
            self.set_custom_period(item.start, item.end)
            return
        if item.uid:
            QToolTip.hideText()
            self.record_requested.emit(item.kind, item.uid)

    def _open_in_window(self, kind: str, uid: str) -> None:
        window = self.window()
        opener = getattr(window, "open_record", None)
        if callable(opener) and window is not self:
            opener(kind, uid)

    # ================================================================ export

    def ask_export_path(self) -> Path | None:
        """Asks where to save the chart; a method so that a test can answer instead."""
        default = Path.home() / f"careerdesk-{self.current_chart_name()}-{today().isoformat()}.png"
        name, chosen = QFileDialog.getSaveFileName(self, tr("Export the Chart"), str(default),
                                                   ";;".join(EXPORT_FILTERS.values()))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            kind = next((k for k, v in EXPORT_FILTERS.items() if v == chosen), "png")
            path = path.with_name(path.name + f".{kind}")
        return path

    def export_chart(self, path: Path | None = None) -> bool:
        """Saves the chart of the current tab, as zoomed, in the format its name says."""
        from careerdesk.reports.export import save_figure

        self._ensure_loaded()
        chart = self.charts[self.current_chart_name()]
        if chart.drawing is None:
            self._draw_if_shown(self.current_chart_name(), force=True)
        path = path or self.ask_export_path()
        if path is None:
            return False
        try:
            with _busy():
                save_figure(chart.canvas.figure, path)
        except (CareerdeskError, OSError) as error:
            QMessageBox.warning(self, tr("Export Failed"), str(error))
            return False
        window = self.window()
        notify = getattr(window, "notify", None)
        if callable(notify) and window is not self:
            notify(tr("Saved the chart to %1.").replace("%1", str(path)))
        return True


def _refill(combo: QComboBox, first: str, items: list[tuple[str, Any]]) -> None:
    """New choices, keeping the chosen one when it is still there."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(first, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _busy:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
