"""A readiness score as a card: a ring with the score, and one bar per factor with its reason.

Drawn with QPainter (no chart library): the Today page is the first page the window shows
and must be on screen at once. The numbers are always written beside the drawing, and
each factor's explanation says in words what the bar shows.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from careerdesk.planner.readiness import Factor, Readiness
from careerdesk.ui import theme


def tr(text: str) -> str:
    return QCoreApplication.translate("ReadinessCard", text)


CARD_WIDTH = 320
CARD_MINIMUM_WIDTH = 260

_POINTS_SUFFIX = re.compile(r":\s*\d+ of \d+\s*$")


def explanation_in_words(factor: Factor) -> str:
    """The factor's explanation without its trailing ``: 24 of 30``, which the bar says."""
    return _POINTS_SUFFIX.sub("", factor.explanation)


class ScoreRing(QWidget):
    """The score as a ring filled to score ÷ max, with ``81`` and ``of 100`` inside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = 0
        self.maximum = 100
        self.setFixedSize(QSize(104, 104))

    def set_score(self, score: int, maximum: int) -> None:
        self.score, self.maximum = score, max(maximum, 1)
        self.setAccessibleName(tr("Score %1 of %2").replace("%1", str(score))
                               .replace("%2", str(maximum)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 9.0
        rect = QRectF(self.rect()).adjusted(width / 2 + 1, width / 2 + 1, -width / 2 - 1,
                                            -width / 2 - 1)
        track = QPen(theme.tone("midlight"), width)
        painter.setPen(track)
        painter.drawEllipse(rect)
        share = max(0.0, min(self.score / self.maximum, 1.0))
        if share > 0:
            pen = QPen(theme.accent(), width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(rect, 90 * 16, -round(share * 360 * 16))  # clockwise from noon
        painter.setPen(self.palette().color(self.foregroundRole()))
        big = theme.font_for(theme.TextRole.PAGE_TITLE)
        if big.pointSizeF() > 0:
            big.setPointSizeF(big.pointSizeF() * 1.25)
        painter.setFont(big)
        number = QRectF(rect.left(), rect.top() + rect.height() * 0.18, rect.width(),
                        rect.height() * 0.45)
        painter.drawText(number, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         str(self.score))
        painter.setFont(theme.font_for(theme.TextRole.CAPTION))
        painter.setPen(theme.tone("secondary_text"))
        below = QRectF(rect.left(), number.bottom(), rect.width(), rect.height() * 0.25)
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         tr("of %1").replace("%1", str(self.maximum)))
        painter.end()


class PointsBar(QWidget):
    """A thin horizontal bar: ``points`` of ``maximum`` filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = 0
        self.maximum = 1
        self.setFixedHeight(8)
        self.setMinimumWidth(60)

    def set_points(self, points: int, maximum: int) -> None:
        self.points, self.maximum = points, max(maximum, 1)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(160, 8)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect())
        radius = rect.height() / 2
        painter.setBrush(theme.tone("midlight"))
        painter.drawRoundedRect(rect, radius, radius)
        share = max(0.0, min(self.points / self.maximum, 1.0))
        if share > 0:
            filled = QRectF(rect.left(), rect.top(), max(rect.height(), rect.width() * share),
                            rect.height())
            painter.setBrush(QColor(theme.accent()))
            painter.drawRoundedRect(filled, radius, radius)
        painter.end()


class FactorRow(QWidget):
    """One factor: its name and ``24 / 30`` above a bar, the explanation in words below."""

    def __init__(self, factor: Factor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.factor = factor
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(theme.SPACE_M)
        layout.setVerticalSpacing(3)
        self.name_label = QLabel(QCoreApplication.translate("Factor", factor.name), self)
        self.name_label.setFont(theme.font_for(theme.TextRole.STRONG))
        self.name_label.setWordWrap(True)
        self.points_label = QLabel(f"{factor.points} / {factor.max}", self)
        self.points_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.bar = PointsBar(self)
        self.bar.set_points(factor.points, factor.max)
        self.explanation = QLabel(explanation_in_words(factor), self)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)  # user text: never markup
        self.explanation.setWordWrap(True)
        theme.set_secondary(self.explanation)
        self.explanation.setFont(theme.font_for(theme.TextRole.CAPTION))
        layout.addWidget(self.name_label, 0, 0)
        layout.addWidget(self.points_label, 0, 1)
        layout.addWidget(self.bar, 1, 0, 1, 2)
        layout.addWidget(self.explanation, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        self.setAccessibleName(f"{factor.name}: {factor.points} of {factor.max}")
        self.setAccessibleDescription(explanation_in_words(factor))


class ReadinessCard(QFrame):
    """The card of one strategy: title, the ring with the score and where the most points are
    still to be had, then the factors."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.readiness: Readiness | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 4, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)

        self.title_label = QLabel(title, self)
        theme.set_text_role(self.title_label, theme.TextRole.SECTION)
        layout.addWidget(self.title_label)
        top = QHBoxLayout()
        top.setSpacing(theme.SPACE_L)
        self.ring = ScoreRing(self)
        top.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignTop)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        theme.set_secondary(self.summary_label)
        top.addWidget(self.summary_label, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        layout.addSpacing(theme.SPACE_S)

        self.factor_box = QVBoxLayout()
        self.factor_box.setSpacing(theme.SPACE_M)
        layout.addLayout(self.factor_box)
        layout.addStretch(1)
        self.factor_rows: list[FactorRow] = []

    def sizeHint(self) -> QSize:
        # The same width for both cards, whatever their texts: side by side they share the row.
        return QSize(CARD_WIDTH, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(CARD_MINIMUM_WIDTH, super().minimumSizeHint().height())

    def set_readiness(self, readiness: Readiness) -> None:
        self.readiness = readiness
        self.ring.set_score(readiness.score, readiness.max)
        self.summary_label.setText(_summary(readiness))
        for row in self.factor_rows:
            self.factor_box.removeWidget(row)
            row.deleteLater()
        self.factor_rows = [FactorRow(factor, self) for factor in readiness.factors]
        for row in self.factor_rows:
            self.factor_box.addWidget(row)


def _summary(readiness: Readiness) -> str:
    """Where the most points are still to be had, in one line."""
    missing = sorted((f for f in readiness.factors if f.points < f.max),
                     key=lambda f: f.points - f.max)
    if not missing:
        return tr("Every factor is at its full points.")
    gap = missing[0]
    return tr("Most to gain: %1 (%2 more points).").replace(
        "%1", QCoreApplication.translate("Factor", gap.name)).replace("%2", str(gap.max - gap.points))
