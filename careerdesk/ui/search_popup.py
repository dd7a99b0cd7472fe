"""The global search field and its list of results, updated as the user types.

The search runs on a read-only sqlite3 connection of its own (``careerdesk.search``),
never on the window's SQLAlchemy session, so it cannot block or see half of an edit, and
on a thread of its own (``search_runner``), so typing never waits for a query. Typing is
debounced, briefly: keys that arrive together (a fast burst, a paste) make one query, and
a typist sees results within about a tenth of a second of a key (the query itself takes
~60 ms on 100,000 records).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from careerdesk.search import Hit
from careerdesk.store.cipher import Passphrase
from careerdesk.ui import icons, theme
from careerdesk.ui.pages import PAGE_OF_KIND
from careerdesk.ui.search_runner import SearchRunner

CONTEXT = "search"
DEBOUNCE_MS = 20
VISIBLE_ROWS = 8
POPUP_WIDTH = 540

KIND_LABELS: dict[str, str] = {
    "journal": str(QT_TRANSLATE_NOOP("search", "Journal entry")),
    "achievement": str(QT_TRANSLATE_NOOP("search", "Achievement")),
    "experience": str(QT_TRANSLATE_NOOP("search", "Experience")),
    "person": str(QT_TRANSLATE_NOOP("search", "Person")),
    "interaction": str(QT_TRANSLATE_NOOP("search", "Interaction")),
    "skill": str(QT_TRANSLATE_NOOP("search", "Skill")),
    "target": str(QT_TRANSLATE_NOOP("search", "Target")),
    "opening": str(QT_TRANSLATE_NOOP("search", "Opening")),
    "cycle_event": str(QT_TRANSLATE_NOOP("search", "Cycle event")),
    "plan": str(QT_TRANSLATE_NOOP("search", "Negotiation plan")),
    "compensation": str(QT_TRANSLATE_NOOP("search", "Compensation")),
}

_MATCH = re.compile(r"(\[[^\[\]]*\])")
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"\*\*|__|`+|^#+\s*")  # markdown marks read as noise in one line


def kind_label(kind: str) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_LABELS.get(kind, kind))


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) runs; the index marks matches with [ and ]."""
    parts = []
    plain = _MARKUP.sub("", _SPACE.sub(" ", snippet).strip())
    for piece in _MATCH.split(plain):
        if not piece:
            continue
        if piece.startswith("[") and piece.endswith("]"):
            parts.append((piece[1:-1], True))
        else:
            parts.append((piece, False))
    return parts


def describe(hit: Hit) -> str:
    """One line a screen reader (and a tooltip) can say for a result."""
    meta = kind_label(hit.kind) + (f", {hit.day}" if hit.day else "")
    snippet = "".join(text for text, _ in snippet_parts(hit.snippet))
    return f"{meta}: {hit.title}" + (f". {snippet}" if snippet else "")


class SearchResultsModel(QAbstractListModel):
    HitRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(hit)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.drawn(PAGE_OF_KIND.get(hit.kind, "search"))
        if role == self.HitRole:
            return hit
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Two lines per result: title with kind and date on the right, then the snippet."""

    PAD_X = 10
    PAD_Y = 7
    ICON = 18

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        strong = QFontMetrics(theme.font_for(theme.TextRole.STRONG, option.font))
        small = QFontMetrics(theme.font_for(theme.TextRole.CAPTION, option.font))
        return QSize(200, self.PAD_Y * 2 + strong.height() + 3 + small.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        hit = index.data(SearchResultsModel.HitRole)
        if not isinstance(hit, Hit):
            return
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        rect = option.rect.adjusted(4, 1, -4, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if selected:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, 6, 6)
        elif hovered:
            tint = palette.color(QPalette.ColorRole.Highlight)
            tint.setAlphaF(0.10)
            painter.setBrush(tint)
            painter.drawRoundedRect(rect, 6, 6)

        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        quiet_colour = text_colour if selected else theme.tone("secondary_text")

        strong_font = theme.font_for(theme.TextRole.STRONG, option.font)
        small_font = theme.font_for(theme.TextRole.CAPTION, option.font)
        strong, small = QFontMetrics(strong_font), QFontMetrics(small_font)

        icon = icons.drawn(PAGE_OF_KIND.get(hit.kind, "search"))
        icon_rect = QRect(rect.x() + self.PAD_X, rect.y() + self.PAD_Y
                          + (strong.height() - self.ICON) // 2, self.ICON, self.ICON)
        icon.paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter,
                   QIcon.Mode.Selected if selected else QIcon.Mode.Normal)

        left = icon_rect.right() + 1 + self.PAD_X
        right = rect.right() - self.PAD_X
        top = rect.y() + self.PAD_Y

        meta = kind_label(hit.kind) + (f"  ·  {hit.day}" if hit.day else "")
        meta_width = small.horizontalAdvance(meta)
        painter.setFont(small_font)
        painter.setPen(quiet_colour)
        painter.drawText(QRect(right - meta_width, top, meta_width, strong.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), meta)

        painter.setFont(strong_font)
        painter.setPen(text_colour)
        title_width = max(0, right - meta_width - 12 - left)
        title = strong.elidedText(hit.title, Qt.TextElideMode.ElideRight, title_width)
        painter.drawText(QRect(left, top, title_width, strong.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)

        match_font = theme.font_for(theme.TextRole.CAPTION, option.font)
        match_font.setWeight(QFont.Weight.DemiBold)
        baseline = top + strong.height() + 3 + small.ascent()
        x = left
        for text, is_match in snippet_parts(hit.snippet):
            font = match_font if is_match else small_font
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(text)
            painter.setFont(font)
            painter.setPen(text_colour if is_match else quiet_colour)
            if x + width > right:
                painter.drawText(QPoint(x, baseline), metrics.elidedText(
                    text, Qt.TextElideMode.ElideRight, right - x))
                break
            painter.drawText(QPoint(x, baseline), text)
            x += width
        painter.restore()


class SearchPopup(QFrame):
    """The results under the field: an overlay inside the window, so focus stays in the field."""

    hit_activated = Signal(object)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("searchPopup")
        theme.style(self, "search_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Search results"))
        self.model = SearchResultsModel(self)
        self.shown_for = ""  # the text whose results are listed

        self.view = QListView(self)
        self.view.setObjectName("searchResults")
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchResultDelegate(self.view))
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.clicked.connect(self._on_clicked)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("searchEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setContentsMargins(theme.SPACE_M, theme.SPACE_M,
                                            theme.SPACE_M, theme.SPACE_M)

        self.hint_label = QLabel(self.tr("↑ ↓ to choose   ·   Enter to open   ·   Esc to close"),
                                 self)
        self.hint_label.setObjectName("searchHint")
        theme.set_text_role(self.hint_label, theme.TextRole.CAPTION)
        self.hint_label.setContentsMargins(theme.SPACE_M, 2, theme.SPACE_M, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        self._margins = layout.contentsMargins()
        layout.setSpacing(2)
        layout.addWidget(self.view)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.hint_label)
        self.hide()
        host.installEventFilter(self)
        self._anchor: QWidget | None = None

    # -- content --------------------------------------------------------------------------

    def show_hits(self, text: str, hits: list[Hit]) -> None:
        self.shown_for = text
        self.model.set_hits(hits)
        self.view.setVisible(bool(hits))
        self.hint_label.setVisible(bool(hits))
        self.empty_label.setVisible(not hits)
        if hits:
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.empty_label.setText(self.tr("Nothing in your journal matches “%1”.")
                                     .replace("%1", text))
        self._fit()
        self.show()
        self.raise_()

    def current_hit(self) -> Hit | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.hit(index.row())

    def move_current(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        row = self.view.currentIndex().row()
        row = 0 if row < 0 else min(max(row + step, 0), rows - 1)
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hit_activated.emit(self.model.hit(index.row()))

    # -- geometry -------------------------------------------------------------------------

    def anchor_to(self, field: QWidget) -> None:
        self._anchor = field

    def _fit(self) -> None:
        host = self.parentWidget()
        if host is None or self._anchor is None:
            return
        field = self._anchor
        corner = field.mapTo(host, QPoint(field.width(), field.height()))
        width = min(max(POPUP_WIDTH, field.width()), host.width() - 16)
        x = max(8, corner.x() - width)
        y = corner.y() + 4
        margins = self._margins
        if self.model.rowCount():
            rows = min(self.model.rowCount(), VISIBLE_ROWS)
            height = (rows * self.view.sizeHintForRow(0) + 2 * self.view.frameWidth()
                      + self.hint_label.sizeHint().height() + 2)
        else:
            self.empty_label.setFixedWidth(width - margins.left() - margins.right())
            height = self.empty_label.heightForWidth(self.empty_label.width())
            height = max(height, self.empty_label.sizeHint().height())
        height += margins.top() + margins.bottom()
        height = min(height, max(80, host.height() - y - 8))
        self.setGeometry(x, y, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._fit()
        return False


class SearchField(QLineEdit):
    """Search everything as you type; Down/Up choose a result, Enter opens it, Esc closes."""

    record_requested = Signal(str, str)  # kind, uid

    def __init__(self, database_path: Path | str | None, host: QWidget,
                 parent: QWidget | None = None) -> None:
        """``database_path`` None: the journal is not open yet (start-up); what is typed
        meanwhile is searched once ``set_database`` gives the file."""
        super().__init__(parent)
        self.runner = SearchRunner(self)
        self.runner.found.connect(self._found)
        if database_path is not None:
            self.runner.set_database(database_path)
        self.setObjectName("globalSearch")
        self.setClearButtonEnabled(True)
        self.setAccessibleName(self.tr("Search"))
        self.setAccessibleDescription(self.tr("Search every record in your journal"))
        self.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)

        self.popup = SearchPopup(host)
        self.popup.anchor_to(self)
        self.popup.hit_activated.connect(self._open)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textChanged.connect(self._on_text_changed)

    def set_shortcut_hint(self, sequence: QKeySequence) -> None:
        hint = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        self.setPlaceholderText(self.tr("Search everything") + (f"   {hint}" if hint else ""))
        self.setToolTip(self.tr("Search achievements, journal entries, people and every "
                                "other record") + (f" ({hint})" if hint else ""))

    def set_database(self, database_path: Path | str,
                     passphrase: Passphrase | None = None) -> None:
        """The journal file to search; ``passphrase`` opens an encrypted one."""
        self.runner.set_database(database_path, passphrase)
        if self.text().strip():
            self.run_search()

    # -- searching ------------------------------------------------------------------------

    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.runner.cancel()  # a search still running is not shown
            self.popup.hide()

    def run_search(self) -> None:
        """Searches the text on the search thread; the results show when they come."""
        self._timer.stop()
        text = self.text().strip()
        if not text:
            self.popup.hide()
            return
        if not self.runner.has_database:
            return  # set_database searches it
        self.runner.request(text)

    def search_now(self) -> None:
        """Searches the text and shows the results before returning (Enter, arrows)."""
        self._timer.stop()
        text = self.text().strip()
        if not text:
            self.popup.hide()
        elif self.runner.has_database:
            self.popup.show_hits(text, self.runner.find(text))

    def _found(self, ticket: int, text: str, hits: list[Hit]) -> None:
        if ticket == self.runner.latest and text == self.text().strip():
            self.popup.show_hits(text, hits)

    def find_hits(self, text: str) -> list[Hit]:
        return self.runner.find(text)

    def release_database(self) -> None:
        """Lets go of the journal file until ``set_database``: nothing is searched meanwhile
        (the file is being rewritten: encrypted, decrypted, given a new passphrase)."""
        self.runner.release_database()

    def close_connection(self) -> None:
        self.runner.close_connection()

    def shutdown(self) -> None:
        """Stops the search thread (the window closes)."""
        self.runner.shutdown()

    def _open(self, hit: Hit) -> None:
        self._timer.stop()
        self.runner.cancel()  # a newer text's results must not cover the record opened
        self.popup.hide()
        self.record_requested.emit(hit.kind, hit.uid)

    # -- keyboard and focus ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not self.popup.isVisible():
                if self.text().strip():
                    self.search_now()
            else:
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: VISIBLE_ROWS,
                        Qt.Key.Key_PageUp: -VISIBLE_ROWS}[Qt.Key(key)]
                self.popup.move_current(step)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self._shows_text():
                self.search_now()  # Enter right after typing opens the best match at once
            hit = self.popup.current_hit() if self.popup.isVisible() else None
            if hit is not None:
                self._open(hit)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self._timer.stop()
            self.runner.cancel()  # a search still running does not open the list again
            if self.popup.isVisible():
                self.popup.hide()
            elif self.text():
                self.clear()
            else:
                self.clearFocus()
            event.accept()
            return
        super().keyPressEvent(event)

    def _shows_text(self) -> bool:
        """Whether the results listed are the current text's (not an older one's, its
        query overtaken by the typing)."""
        return self.popup.isVisible() and self.popup.shown_for == self.text().strip()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.text().strip() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self._timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # a context menu keeps it open
            self._timer.stop()
            self.runner.cancel()  # a search still running is not shown
            self.popup.hide()
