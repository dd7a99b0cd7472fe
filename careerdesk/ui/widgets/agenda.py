"""The coming months as rows of days: negotiation windows as bands shaded by kind, the
organisation's dates as marks, today as a line.

Overlapping windows are drawn as one band (``Plan.spans``) split into a stripe per kind;
its tooltip gives every window's reason. A click or the arrow keys select a band; the
page shows the windows in it.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QToolTip, QWidget

from careerdesk.planner.calendar import Occurrence, add_months
from careerdesk.planner.windows import NegotiationWindow, WindowSpan
from careerdesk.planner.words import MONTHS, day, day_range
from careerdesk.ui import theme
from careerdesk.ui.window_kinds import kind_colour, kind_label

MONTHS_SHOWN = 12
LABEL_WIDTH = 78
ROW_HEIGHT = 28
BAND_HEIGHT = 15
DAYS_IN_ROW = 31


def tr(text: str) -> str:
    return QCoreApplication.translate("Agenda", text)


def _month_start(value: date) -> date:
    return value.replace(day=1)


def _month_end(value: date) -> date:
    return add_months(_month_start(value), 1) - timedelta(days=1)


class AgendaView(QWidget):
    span_selected = Signal(int)  # the index of the span in ``spans``; -1 for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.spans: list[WindowSpan] = []
        self.events: list[Occurrence] = []
        self.selected = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(tr("Calendar of the coming months"))
        self.setAccessibleDescription(tr("Windows to ask as shaded bands; use the left and right "
                                         "arrow keys to go from one to the next"))
        self.setMinimumHeight(ROW_HEIGHT * MONTHS_SHOWN + 2)  # every month, never clipped

    # -- data -------------------------------------------------------------------------------

    def set_plan(self, today: date, spans: list[WindowSpan], events: list[Occurrence]) -> None:
        self.today = today
        self.spans = [s for s in spans if s.start <= self.last_day]
        self.events = [o for o in events if self.first_day <= o.date <= self.last_day]
        if self.selected >= len(self.spans):
            self.selected = -1
        self.updateGeometry()
        self.update()

    @property
    def first_day(self) -> date:
        return _month_start(self.today)

    @property
    def last_day(self) -> date:
        return _month_end(add_months(self.first_day, MONTHS_SHOWN - 1))

    def select(self, index: int, *, notify: bool = True) -> None:
        index = index if 0 <= index < len(self.spans) else -1
        if index == self.selected:
            return
        self.selected = index
        self.update()
        if index >= 0:
            span = self.spans[index]
            self.setAccessibleDescription(", ".join(kind_label(k) for k in span.kinds) + ", "
                                          + day_range(span.start, span.end))
        if notify:
            self.span_selected.emit(index)

    def span_of_window(self, window_id: str) -> int:
        return next((i for i, s in enumerate(self.spans)
                     if any(w.id == window_id for w in s.windows)), -1)

    # -- geometry ---------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, ROW_HEIGHT * MONTHS_SHOWN + 2)

    def _day_width(self) -> float:
        return max((self.width() - LABEL_WIDTH - 8) / DAYS_IN_ROW, 4.0)

    def _row_of(self, value: date) -> int:
        return (value.year - self.today.year) * 12 + value.month - self.today.month

    def _x(self, day_of_month: int) -> float:
        return LABEL_WIDTH + (day_of_month - 1) * self._day_width()

    def _pieces(self, span: WindowSpan | NegotiationWindow) -> list[QRectF]:
        """The band's (or one window's) rectangles, one per month row it crosses."""
        pieces = []
        start = max(span.start, self.first_day)
        end = min(span.end, self.last_day)
        month = _month_start(start)
        while month <= end:
            row = self._row_of(month)
            first = max(start, month)
            last = min(end, _month_end(month))
            top = row * ROW_HEIGHT + 4
            pieces.append(QRectF(self._x(first.day), top,
                                 (last.day - first.day + 1) * self._day_width(), BAND_HEIGHT))
            month = add_months(month, 1)
        return pieces

    def span_at(self, x: float, y: float) -> int:
        for index, span in enumerate(self.spans):
            if any(piece.adjusted(0, -3, 0, 3).contains(QPointF(x, y))
                   for piece in self._pieces(span)):
                return index
        return -1

    def _events_at(self, x: float, y: float) -> list[Occurrence]:
        found = []
        for occurrence in self.events:
            row = self._row_of(occurrence.date)
            centre = QPointF(self._x(occurrence.date.day) + self._day_width() / 2,
                             row * ROW_HEIGHT + ROW_HEIGHT - 5)
            if abs(centre.x() - x) <= max(self._day_width() / 2, 5) and abs(centre.y() - y) <= 6:
                found.append(occurrence)
        return found

    # -- drawing ----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(self.foregroundRole())
        secondary = theme.tone("secondary_text")
        grid = theme.tone("border")
        width = self._day_width()
        caption = theme.font_for(theme.TextRole.CAPTION)
        for row in range(MONTHS_SHOWN):
            month = add_months(self.first_day, row)
            top = row * ROW_HEIGHT
            if row % 2 == 0:
                painter.fillRect(QRectF(0, top, self.width(), ROW_HEIGHT), theme.tone("alternate"))
            painter.setPen(text if month.month != 1 else theme.accent())
            painter.setFont(caption)
            label = f"{MONTHS[month.month - 1]} {month.year}"
            painter.drawText(QRectF(8, top, LABEL_WIDTH - 12, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            days = _month_end(month).day
            painter.setPen(QPen(grid, 1))
            for weekday_start in range(1, days + 1):
                if (month.replace(day=weekday_start)).weekday() == 0:  # Mondays, faintly
                    x = self._x(weekday_start)
                    painter.drawLine(QPointF(x, top + ROW_HEIGHT - 4), QPointF(x, top + ROW_HEIGHT - 1))
            painter.drawLine(QPointF(self._x(days + 1), top + 4),
                             QPointF(self._x(days + 1), top + ROW_HEIGHT - 4))

        band = theme.tone("midlight")
        for index, span in enumerate(self.spans):
            kinds = span.kinds
            stripe = BAND_HEIGHT / len(kinds)
            pieces = self._pieces(span)
            # The span as a faint band (one piece per month row; rows never overlap); each
            # kind a stripe over its own windows' days. A window is cut into its own months
            # only: a span of a hundred windows costs no more than the windows' days.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(band)
            for piece in pieces:
                painter.drawRoundedRect(piece, 3, 3)
            for window in span.windows:
                painter.setBrush(kind_colour(window.kind))
                offset = kinds.index(window.kind) * stripe
                for part in self._pieces(window):
                    painter.drawRoundedRect(QRectF(part.left(), part.top() + offset,
                                                   part.width(), stripe), 2, 2)
            if index == self.selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(text, 1.6))
                for piece in pieces:
                    painter.drawRoundedRect(piece.adjusted(-2, -2, 2, 2), 4, 4)

        painter.setPen(QPen(theme.tone("window"), 1))
        for occurrence in self.events:
            row = self._row_of(occurrence.date)
            centre = QPointF(self._x(occurrence.date.day) + width / 2,
                             row * ROW_HEIGHT + ROW_HEIGHT - 5)
            painter.setBrush(secondary if occurrence.date < self.today else text)
            r = 4.0
            painter.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() - r),
                                           QPointF(centre.x() + r, centre.y()),
                                           QPointF(centre.x(), centre.y() + r),
                                           QPointF(centre.x() - r, centre.y())]))

        row = self._row_of(self.today)
        x = self._x(self.today.day) + width / 2
        painter.setPen(QPen(theme.accent(), 2))
        painter.drawLine(QPointF(x, row * ROW_HEIGHT + 1), QPointF(x, row * ROW_HEIGHT + ROW_HEIGHT - 1))
        if self.hasFocus():
            painter.setPen(QPen(theme.accent(), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    # -- interaction ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            position = event.position()
            self.select(self.span_at(position.x(), position.y()))
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) and self.spans:
            self.select(min(self.selected + 1, len(self.spans) - 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up) and self.spans:
            self.select(max(self.selected - 1, 0))
        elif key == Qt.Key.Key_Home and self.spans:
            self.select(0)
        elif key == Qt.Key.Key_End and self.spans:
            self.select(len(self.spans) - 1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, x: float, y: float) -> str:
        lines = []
        for occurrence in self._events_at(x, y):
            lines.append(f"{occurrence.event.name}: {day(occurrence.date)}")
        index = self.span_at(x, y)
        if index >= 0:
            for window in self.spans[index].windows:
                lines.append(f"{kind_label(window.kind)}, {day_range(window.start, window.end)}: "
                             f"{window.reason}")
        # Names and reasons quote the user's words: escaped, so a tooltip never reads them as markup.
        if not lines:
            return ""
        return "<qt>" + "<br>".join(html.escape(line) for line in lines) + "</qt>"
