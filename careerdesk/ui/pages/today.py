"""The Today page, the window's start page: both readiness scores with their factors, the
next negotiation windows with countdowns, the next actions, and a line to log something.

Everything shown comes from one ``Plan`` (``services.plan``), loaded in ``ready()`` after
the window's first paint and again when records or the planner's settings change.

At start-up the page may show before the journal is open: ``show_first_look`` gives it
the day's plan read with plain SQL (``planner.first_look``), so this module imports
neither SQLAlchemy nor ``services`` (they load in the methods that use the journal);
``attach_journal`` follows as soon as the journal is open.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import JournalEntry
from careerdesk.planner.actions import Action, ActionKind
from careerdesk.planner.plan import Plan
from careerdesk.planner.windows import NegotiationWindow
from careerdesk.planner.words import MONTHS, day, day_range
from careerdesk.ui import clock, icons, theme
from careerdesk.ui.pages.base import Page
from careerdesk.ui.planner_events import PlannerEvents
from careerdesk.ui.widgets.marks import WarningLabel
from careerdesk.ui.widgets.readiness_card import ReadinessCard
from careerdesk.ui.window_kinds import kind_colour, kind_label, kind_tint

if TYPE_CHECKING:  # the first look shows before SQLAlchemy is imported
    from careerdesk.planner.first_look import FirstLook
    from careerdesk.store.database import Journal
    from careerdesk.ui.undo import RecordChange, RecordEvents


def tr(text: str) -> str:
    return QCoreApplication.translate("TodayPage", text)


WINDOWS_SHOWN = 3
URGENT_SHOWN = 5
RECONNECT_SHOWN = 2
CONFIRM_MS = 5000
SIDE_COLUMN_WIDTH = 360

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_day(value: date) -> str:
    """``Sunday, 22 Nov 2026``: spelled here, like the planner's dates, whatever the locale."""
    return f"{tr(WEEKDAYS[value.weekday()])}, {day(value)}"


def actions_to_show(actions: Sequence[Action]) -> list[Action]:
    """The most urgent actions, and the first lapsed relationships even when follow-ups
    fill the top of the list (product.md: Today shows both), in the plan's order."""
    chosen = list(actions[:URGENT_SHOWN])
    reconnect = [a for a in actions[URGENT_SHOWN:] if a.kind is ActionKind.RECONNECT]
    return chosen + reconnect[:RECONNECT_SHOWN]


def short_day(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]}"


def _section_heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    theme.set_text_role(label, theme.TextRole.SECTION)
    label.setAccessibleName(text)
    return label


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # reasons and actions quote the user's words
    label.setWordWrap(True)
    theme.set_secondary(label)
    return label


class KindStripe(QWidget):
    """A short vertical bar in a window kind's colour, at a row's left edge."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setFixedWidth(4)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(self.rect(), 2, 2)
        painter.end()


class WindowRow(QFrame):
    """One window: its kind in its colour, the countdown, the dates and the reason."""

    def __init__(self, window: NegotiationWindow, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.is_open = window.is_open(today)
        self.setObjectName("windowRowOpen" if self.is_open else "windowRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_S + 2, theme.SPACE_S + 2, theme.SPACE_M,
                                  theme.SPACE_S + 2)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(KindStripe(kind_colour(window.kind), self))
        column = QVBoxLayout()
        column.setSpacing(2)
        self.kind_label = QLabel(kind_label(window.kind), self)
        self.kind_label.setFont(theme.font_for(theme.TextRole.STRONG))
        self.kind_label.setWordWrap(True)
        column.addWidget(self.kind_label)
        self.countdown = QLabel(window.countdown(today), self)
        if self.is_open:
            self.countdown.setFont(theme.font_for(theme.TextRole.STRONG))
            self.countdown.setStyleSheet(f"color: {kind_colour(window.kind).name()};")
        self.dates = QLabel(day_range(window.start, window.end), self)
        when = QHBoxLayout()
        when.setSpacing(theme.SPACE_S)
        when.addWidget(self.countdown)
        dot = QLabel("·", self)
        dot.setAccessibleName(" ")
        when.addWidget(dot)
        when.addWidget(self.dates, 1)
        column.addLayout(when)
        self.reason = _caption(window.reason, self)
        self.reason.setFont(theme.font_for(theme.TextRole.CAPTION))
        column.addWidget(self.reason)
        layout.addLayout(column, 1)
        self.setAccessibleName(f"{kind_label(window.kind)}, {window.countdown(today)}")
        self.setAccessibleDescription(window.reason)
        self.setToolTip(window.reason)
        if self.is_open:
            self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            tint = kind_tint(window.kind, 0.10 if not theme.is_dark() else 0.20)
            border = kind_colour(window.kind)
            self.setStyleSheet(
                f"#windowRowOpen {{ background: rgba({tint.red()}, {tint.green()}, {tint.blue()}, "
                f"{tint.alphaF():.2f}); border: 1px solid {border.name()}; border-radius: 8px; }}")


class ActionRow(QWidget):
    """One next action: when it is due (overdue in the warm colour, with the word), the
    sentence, and a button that opens the record it is about."""

    open_requested = Signal(str)

    def __init__(self, action: Action, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.overdue = action.is_overdue(today)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(theme.SPACE_M)
        self.when = QLabel(self)
        self.when.setFixedWidth(self.fontMetrics().horizontalAdvance("Overdue 00") + 8)
        self.when.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Past its day: a follow-up is overdue, a relationship past its cadence has lapsed.
        late_word = tr("Lapsed") if action.kind is ActionKind.RECONNECT else tr("Overdue")
        if self.overdue:
            self.when.setText(late_word)
            self.when.setFont(theme.font_for(theme.TextRole.STRONG))
            self.when.setStyleSheet(f"color: {theme.warning_colour().name()};")
        elif action.due is not None:
            self.when.setText(tr("Today") if action.due == today else short_day(action.due))
            theme.set_secondary(self.when)
        layout.addWidget(self.when, 0, Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(action.text, self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.open_button: QToolButton | None = None
        if action.about:
            button = QToolButton(self)
            button.setText(tr("Open"))
            button.setToolTip(tr("Open the record this is about"))
            button.setAccessibleName(tr("Open: %1").replace("%1", action.text))
            button.setAutoRaise(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            uid = action.about
            button.clicked.connect(lambda: self.open_requested.emit(uid))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.open_button = button
        status = late_word + ": " if self.overdue else ""
        self.setAccessibleName(status + action.text)


class TodayPage(Page):
    name = "today"
    title = tr("Today")
    icon_name = "today"

    record_requested = Signal(str, str)  # kind, uid

    def __init__(self, journal: Journal | None, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        # Without its journal (the first look at start-up), nothing reads ``self.journal``
        # before attach_journal gives it: every use is behind ``has_journal``.
        super().__init__(cast("Journal", journal), undo_stack, parent)
        self.setAccessibleName(tr("Today"))
        self.has_journal = False
        self.events: RecordEvents | None = None
        self.plan: Plan | None = None
        self.empty = False
        self._loaded = False
        self._stale = False
        self.window_rows: list[WindowRow] = []
        self.action_rows: list[ActionRow] = []
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_if_shown)
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.setInterval(CONFIRM_MS)
        self._build()
        PlannerEvents.of(undo_stack).settings_changed.connect(self._mark_stale)
        if journal is not None:
            self.attach_journal(journal)
        else:
            self.capture.setEnabled(False)  # until the journal is open, a moment later

    def attach_journal(self, journal: Journal) -> None:
        """The journal, once open: what the page shows stays; logging and reloading work."""
        from careerdesk.ui.undo import RecordEvents

        self.journal = journal
        self.has_journal = True
        self.events = RecordEvents.of(self.undo_stack)
        self.events.changed.connect(self._record_changed)
        self.events.failed.connect(self.failure.show_message)
        self.capture.setEnabled(True)
        if self._stale:
            self._reload_timer.start()

    def show_first_look(self, look: FirstLook) -> None:
        """Shows the day's plan read before the journal was open (``planner.first_look``)."""
        self._loaded = True
        self._stale = False
        self.plan = look.plan
        self.empty = look.empty
        self._show_plan()

    # ================================================================ building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(tr("Today"))
        outer.addWidget(self.scroll_area)
        content = QWidget(self.scroll_area)
        content.setObjectName("todayContent")
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN - 4, theme.PAGE_MARGIN,
                                  theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)

        header = QHBoxLayout()
        header.setSpacing(theme.SPACE_M)
        heading = QLabel(tr("Today"), content)
        heading.setObjectName("pageTitle")
        theme.set_text_role(heading, theme.TextRole.PAGE_TITLE)
        header.addWidget(heading, 0, Qt.AlignmentFlag.AlignBaseline)
        self.date_label = QLabel(content)
        theme.set_secondary(self.date_label)
        self.date_label.setAccessibleName(tr("Date"))
        header.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignBaseline)
        header.addStretch(1)
        layout.addLayout(header)

        capture = QHBoxLayout()
        capture.setSpacing(theme.SPACE_M)
        self.capture = QLineEdit(content)
        self.capture.setPlaceholderText(tr("Log something…"))
        self.capture.setAccessibleName(tr("Log something in your journal"))
        self.capture.setToolTip(tr("Type a line and press Enter: it is added to your journal "
                                   "for today"))
        self.capture.setClearButtonEnabled(True)
        self.capture.addAction(icons.icon("add"), QLineEdit.ActionPosition.LeadingPosition)
        self.capture.setMinimumWidth(320)
        self.capture.returnPressed.connect(self.log_entry)
        capture.addWidget(self.capture, 1)
        self.confirmation = QLabel(content)
        theme.set_secondary(self.confirmation)
        self.confirmation.setAccessibleName(tr("Confirmation"))
        self._confirm_timer.timeout.connect(self.confirmation.clear)
        capture.addWidget(self.confirmation)
        layout.addLayout(capture)
        self.failure = WarningLabel(content)
        self.failure.setAccessibleName(tr("Problem"))
        layout.addWidget(self.failure)

        self.empty_line = QLabel(
            tr("As you log achievements, the people who decide and your organisation's "
               "calendar, your readiness, the windows to ask and your next actions appear here."),
            content)
        self.empty_line.setWordWrap(True)
        theme.set_secondary(self.empty_line)
        self.empty_line.hide()
        layout.addWidget(self.empty_line)

        body = QHBoxLayout()
        body.setSpacing(theme.SPACE_L)
        cards = QHBoxLayout()
        cards.setSpacing(theme.SPACE_M + 4)
        self.promotion_card = ReadinessCard(tr("Ready for a promotion"), content)
        self.mobility_card = ReadinessCard(tr("Ready for a move"), content)
        for card in (self.promotion_card, self.mobility_card):
            card.hide()
            cards.addWidget(card, 1)
        body.addLayout(cards, 1)

        side = QVBoxLayout()
        side.setSpacing(theme.SPACE_S + 2)
        self.side_column = QWidget(content)
        self.side_column.setFixedWidth(SIDE_COLUMN_WIDTH)
        self.side_column.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(_section_heading(tr("Next windows to ask"), self.side_column))
        self.windows_box = QVBoxLayout()
        self.windows_box.setSpacing(theme.SPACE_S)
        side.addLayout(self.windows_box)
        self.windows_note = _caption("", self.side_column)
        side.addWidget(self.windows_note)
        side.addSpacing(theme.SPACE_M)
        side.addWidget(_section_heading(tr("Next actions"), self.side_column))
        self.actions_box = QVBoxLayout()
        self.actions_box.setSpacing(theme.SPACE_S)
        side.addLayout(self.actions_box)
        self.actions_note = _caption("", self.side_column)
        side.addWidget(self.actions_note)
        self.planner_button = QPushButton(tr("Open the Planner"), self.side_column)
        self.planner_button.setAccessibleName(tr("Open the Planner"))
        self.planner_button.setToolTip(tr("Every window, your organisation's calendar and the "
                                          "lead times"))
        self.planner_button.setAutoDefault(False)
        self.planner_button.clicked.connect(self._open_planner)
        side.addWidget(self.planner_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        self.side_column.hide()
        body.addWidget(self.side_column, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body)
        layout.addStretch(1)
        self._style_cards()

    def _style_cards(self) -> None:
        base, border = theme.tone("base"), theme.tone("border")
        self.setStyleSheet(
            f"#todayContent {{ background: transparent; }}"
            f"#card {{ background: {base.name()}; border: 1px solid {border.name()}; "
            f"border-radius: 10px; }}"
            f"#card QLabel {{ background: transparent; }}")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._loaded:
            self._style_cards()
            self._show_plan()  # rows take the new scheme's colours

    # ================================================================ loading

    def ready(self) -> None:
        self._ensure_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        # The first show waits for ready(): the window paints its frame before the data.

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        from careerdesk import services

        if not self.has_journal:
            return  # the first look shows; attach_journal reloads if it went stale
        self._loaded = True
        self._stale = False
        today = clock.today()
        self.plan = services.plan(self.journal, today)
        self.empty = services.is_empty(self.journal)
        self._show_plan()

    def _mark_stale(self) -> None:
        if not self._loaded:
            return
        self._stale = True
        self._reload_timer.start()

    def _reload_if_shown(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def _record_changed(self, change: RecordChange) -> None:
        if change.kind is JournalEntry and not self.empty:
            return  # entries are not part of the plan
        self._mark_stale()

    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        today = plan.today
        self.date_label.setText(long_day(today))
        self.empty_line.setVisible(self.empty)
        self.promotion_card.set_readiness(plan.promotion)
        self.mobility_card.set_readiness(plan.mobility)
        for card in (self.promotion_card, self.mobility_card):
            card.show()
        self.side_column.show()

        for row in self.window_rows:
            self.windows_box.removeWidget(row)
            row.deleteLater()
        self.window_rows = [WindowRow(w, today, self.side_column)
                            for w in plan.windows[:WINDOWS_SHOWN]]
        for window_row in self.window_rows:
            self.windows_box.addWidget(window_row)
        more = len(plan.windows) - len(self.window_rows)
        if not plan.windows:
            self.windows_note.setText(tr("No windows ahead. Add your organisation's review, "
                                         "budget and promotion dates in the Planner."))
        elif more > 0:
            self.windows_note.setText(tr("%1 more ahead in the Planner.").replace("%1", str(more)))
        else:
            self.windows_note.setText("")
        self.windows_note.setVisible(bool(self.windows_note.text()))

        for action_row in self.action_rows:
            self.actions_box.removeWidget(action_row)
            action_row.deleteLater()
        self.action_rows = [ActionRow(a, today, self.side_column)
                            for a in actions_to_show(plan.actions)]
        for action_row in self.action_rows:
            action_row.open_requested.connect(self.open_about)
            self.actions_box.addWidget(action_row)
        hidden = len(plan.actions) - len(self.action_rows)
        if not plan.actions:
            self.actions_note.setText(tr("Nothing needs doing right now."))
        elif hidden > 0:
            self.actions_note.setText(tr("%1 more after these.").replace("%1", f"{hidden:,}"))
        else:
            self.actions_note.setText("")
        self.actions_note.setVisible(bool(self.actions_note.text()))

    # ================================================================ acting

    def open_about(self, uid: str) -> bool:
        """Opens the record an action is about, on the page that shows its kind."""
        from careerdesk.store.lookup import kind_of_uid

        if not self.has_journal:
            return False  # a moment before the journal is open
        with self.journal.sessions() as session:
            kind = kind_of_uid(session, uid)
        if kind is None:
            self.failure.show_message(tr("That record is no longer in your journal."))
            self._mark_stale()
            return False
        self.record_requested.emit(kind, uid)
        shell = self.window()  # the main window, when the page is in one
        opener = getattr(shell, "open_record", None) if shell is not self else None
        if callable(opener):
            return bool(opener(kind, uid))
        return False

    def _open_planner(self) -> None:
        shell = self.window()
        show = getattr(shell, "show_page", None) if shell is not self else None
        if callable(show):
            show("planner")

    def log_entry(self) -> bool:
        """Adds the typed line to the journal for today, as one undoable step."""
        from careerdesk import services
        from careerdesk.ui.undo import CreateRecordCommand

        text = self.capture.text().strip()
        if not text or not self.has_journal or self.events is None:
            return False
        entry = JournalEntry(date=clock.today(), body=text)
        short = text if len(text) <= 30 else text[:29].rstrip() + "…"
        self.failure.hide()
        self.undo_stack.push(CreateRecordCommand(self.journal, self.events, entry,
                                                 text=tr("Log “%1”").replace("%1", short)))
        try:
            services.load_record(self.journal, JournalEntry, entry.uid)
        except NotFound:  # not saved: the command reported why, the text stays to retry
            return False
        self.capture.clear()
        self.confirmation.setText(tr("Added to your journal."))
        self._confirm_timer.start()
        return True

    def minimumSizeHint(self) -> QSize:
        return QSize(400, 300)

