"""The parts every record page builds the same way, so the pages look and behave alike.

A record page (Achievements, Journal, People, Pathways, Planner, Negotiations and the
Growth panels) is a column: a header row with the title and a count, a filter bar, a
line for problems, then the list and the editor side by side. These helpers build those
pieces; each page still lays out its own filters, list and editor.

``RecordPage`` also holds how a page with one list keeps the list and the editor
together: which row is selected, the record shown, reselecting it after a reload, and
saving each committed field as one undo step. A page names its list view, its model, its
editor and the kind of record (``table``, ``model``, ``editor``, ``record_kind``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Sequence
from typing import Any, ClassVar, Protocol, TypeVar, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerdesk import services
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import Record
from careerdesk.store.database import Journal
from careerdesk.ui import icons, theme
from careerdesk.ui.pages.base import Page
from careerdesk.ui.undo import DeleteRecordCommand, RecordChange, RecordEvents, SaveRecordCommand
from careerdesk.ui.widgets.confirm import ConfirmDialog
from careerdesk.ui.widgets.empty_state import EmptyState
from careerdesk.ui.widgets.marks import WarningLabel
from careerdesk.ui.widgets.record_table import RecordTable

ViewT = TypeVar("ViewT", bound=QWidget)

FILTER_DELAY_MS = 250  # a pause in the typing, so a search does not run at every key
NEW_SHORTCUT = QKeySequence("Ctrl+Shift+N")  # a new record of the page shown


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordPage", text)


class RecordRows(Protocol):
    """A page's list model, as the page finds its records in it: by row and by uid."""

    def rowCount(self, parent: QModelIndex = ...) -> int: ...

    def index(self, row: int, column: int, parent: QModelIndex = ...) -> QModelIndex: ...

    def row_of_uid(self, uid: str) -> int | None: ...

    def uid_at(self, row: int) -> str | None: ...


class RecordEditor(Protocol):
    """A page's editor of one record: it loads one, and saves the text still being typed
    (``flush``) before another is shown."""

    record: Any

    def load(self, record: Any) -> None: ...

    def flush(self) -> None: ...


class BuildingEditor(RecordEditor, Protocol):
    """An editor that builds the record back with the edits (``None`` when a field is
    wrong, the problem shown beside it)."""

    def build(self) -> Any: ...


class RecordPage(Page):
    """A page over records: it loads when first shown, hears of every record change
    (``events``) and tells the changes it pushed itself (``_pushing``) from the others.

    The methods from ``current_uid`` on serve a page with one list beside one editor;
    such a page sets ``record_kind``, ``select_column`` and ``merged_fields``, builds
    ``model``, ``table`` (or overrides ``_list_view``), ``editor``, ``delete_button`` and
    ``failure``, and says how an edit is named (``_edit_text``).
    """

    record_kind: ClassVar[type[Record]]
    select_column: ClassVar[int] = 0  # the column a selection makes current
    merged_fields: ClassVar[Collection[str]] = frozenset()  # typed in bursts: one undo step
    model: RecordRows
    table: QAbstractItemView
    editor: RecordEditor
    editor_stack: EditorStack
    delete_button: QPushButton
    failure: WarningLabel

    def __init__(self, journal: Journal, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, undo_stack, parent)
        self.events = RecordEvents.of(undo_stack)
        self._changed_while_hidden = False
        self._pushing = False
        self._quiet = False  # a row selected to follow the editor, not to change it
        self._switching_to: str | None = None  # the record about to be shown

    def _ensure_loaded(self) -> None:
        """Loads the page from the journal, once: the first time it is shown or asked."""
        self._load_once(self._first_load)

    def _first_load(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reloads the page from the journal (a page not loaded yet loads now)."""
        self._changed_while_hidden = False
        if not self._loaded:
            self._ensure_loaded()
            return
        self._reload_all()

    def _reload_all(self) -> None:
        raise NotImplementedError

    def _listen(self) -> None:
        """Hears every change of a record, and shows on the problem line an edit that
        could not be saved."""
        self.events.changed.connect(self._heard)
        self.events.failed.connect(self.failure.show_message)

    def _heard(self, change: RecordChange) -> None:
        if self._loaded and not self.isVisible():
            # Hidden (made ready in idle time, or left for another page): reloaded once,
            # when shown again, not at every edit made elsewhere.
            self._changed_while_hidden = True
            return
        self._record_changed(change)

    def _record_changed(self, change: RecordChange) -> None:
        raise NotImplementedError

    def ready(self) -> None:
        self._ensure_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_loaded()
        if self._changed_while_hidden:
            self.refresh()

    def _show_in_list(self, uid: str) -> bool:
        """Selects the record in the page's list, clearing the filter if it hides it.

        For pages with one list (``model``), a ``clear_filter``, an ``editor`` and
        ``select_row``/``current_uid``/``_show_uid``; returns whether the record was found.
        """
        page: Any = self
        page._ensure_loaded()
        row = page.model.row_of_uid(uid)
        if row is None and not page.model.filter.is_empty:
            page.clear_filter()
            row = page.model.row_of_uid(uid)
        if row is None:
            return False
        page.editor.flush()
        page.select_row(row)
        if page.current_uid() != uid:
            page._show_uid(uid)
        return True

    def _delete_after_asking(self, record: Record, name: str, question: str,
                             detail: str) -> None:
        """Deletes ``record`` once the user agrees (``question`` is the dialog's title,
        ``detail`` what goes with it); one undo step brings it back."""
        if not confirm_delete(self, question, name, detail):
            return
        self._push(DeleteRecordCommand(self.journal, self.events, type(record), record.uid,
                                       text=delete_text(name)))

    def _push(self, command: QUndoCommand) -> None:
        """Runs an edit made on this page through the undo stack; while it runs, the
        change it announces is known to be this page's own."""
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False

    # ---------------------------------------------------------------- the list and the editor

    def _list_view(self) -> QAbstractItemView:
        return self.table

    def current_uid(self) -> str | None:
        """The record in the editor (it may be filtered out of the list)."""
        record = self.editor.record
        return record.uid if record is not None else None

    def select_row(self, row: int) -> None:
        """Selects a row of the list; the editor then shows its record."""
        select_row(self._list_view(), row, self.select_column)

    def _select_quietly(self, row: int) -> None:
        """Selects a row without reloading the editor (it shows that record already)."""
        self._quiet = True
        try:
            self.select_row(row)
        finally:
            self._quiet = False

    def _reselect(self, uid: str | None, fallback_row: int = 0, *, reload_editor: bool = True,
                  fallback_first: bool = False) -> None:
        """After the rows changed: the same record if listed, else a row near it
        (``fallback_first``: the row, even when the record is only filtered out)."""
        row = self.model.row_of_uid(uid) if uid else None
        if uid and row is not None:
            self._select_quietly(row)
            if reload_editor:
                self._show_uid(uid)
            return
        if uid and not fallback_first and self._keep_unlisted(uid, reload_editor=reload_editor):
            return
        count = self.model.rowCount()
        if count:
            self.select_row(min(max(fallback_row, 0), count - 1))
        else:
            self._show_uid(None)

    def _keep_unlisted(self, uid: str, *, reload_editor: bool) -> bool:
        """A record the filters hide stays in the editor while it exists; returns whether
        it does. (A page without filters lists every record: there, it is gone.)"""
        still_there = self._load(uid)
        if still_there is None:
            return False
        self._list_view().clearSelection()
        if reload_editor:
            self.editor.load(still_there)
        return True

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        uid = self.model.uid_at(current.row()) if current.isValid() else None
        if uid is None or uid == self.current_uid():
            self._current_row_kept()
            return
        # Text still being typed belongs to the previous record: it is saved first. Saving
        # may reorder the rows, so the row is found again by uid afterwards.
        self._switching_to = uid
        try:
            self.editor.flush()
        finally:
            self._switching_to = None
        self._show_uid(uid)
        row = self.model.row_of_uid(uid)
        if row is not None and row != self._list_view().currentIndex().row():
            self._select_quietly(row)

    def _select_first(self) -> None:
        """On the first load, the first record; unless one is shown already (opened
        from elsewhere before the page loaded)."""
        if self.model.rowCount() > 0 and self.editor.record is None:
            self.select_row(0)

    def _record_gone(self, uid: str, shown: str | None, row: int, *,
                     reload_shown: bool = False) -> None:
        """A record was deleted: when it was the one shown (or none was), the record now
        at its ``row`` takes its place; else the one shown stays selected (its editor
        reloaded when ``reload_shown``)."""
        if uid == shown or shown is None:
            self.editor.record = None
            self._reselect(None, row)
        else:
            self._reselect(shown, row, reload_editor=reload_shown)

    def _show_changed(self, record: Record) -> None:
        """A record created here, or changed by an undo or a redo: the editor shows it,
        selected in the list if the filters let it be listed."""
        target = self.model.row_of_uid(record.uid)
        if target is not None:
            self._select_quietly(target)
        else:
            self._list_view().clearSelection()
        self.editor.load(record)
        self.editor_stack.show_editor(True)
        self.delete_button.setEnabled(True)

    def _current_row_kept(self) -> None:
        """The current row changed, yet not the record shown (none, or the same)."""

    def _load(self, uid: str) -> Any:
        """The record as the journal holds it now, or None when it is gone."""
        try:
            return services.load_record(self.journal, self.record_kind, uid)
        except NotFound:
            return None

    def _show_uid(self, uid: str | None) -> None:
        """Shows the record in the editor (or, for None, what to select)."""
        record = self._load(uid) if uid else None
        self.editor.load(record)
        self.editor_stack.show_editor(record is not None)
        self.delete_button.setEnabled(record is not None)

    def _field_edited(self, field: str) -> None:
        """The editor committed ``field``: saved at once, as one undo step."""
        # Every editor saved this way builds its record (the Negotiations page's editor
        # hands the plan over with the signal, and saves it itself).
        editor = cast(BuildingEditor, self._editing())
        command = save_command(self.journal, self.events, editor, field, self.merged_fields,
                               lambda after: self._edit_text(field, after))
        if command is None:
            return
        self.failure.hide()
        self._push(command)

    def _editing(self) -> RecordEditor:
        """The editor of the record shown (a page may have one for each kind)."""
        return self.editor

    def _edit_text(self, field: str, record: Any) -> str:
        """The undo stack's name for an edit of ``field`` of ``record``."""
        raise NotImplementedError


class ListStack(QStackedWidget):
    """A page's list, or in its place the empty state (nothing recorded yet) or the
    no-match state (the filters hide every record)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_view: QWidget | None = None
        self.empty_state: EmptyState | None = None
        self.no_match: EmptyState | None = None

    def add_list(self, view: ViewT) -> ViewT:
        self.list_view = view
        self.addWidget(view)
        return view

    def add_empty_state(self, text: str, button: str,
                        on_click: Callable[[], object]) -> EmptyState:
        self.empty_state = EmptyState(text, button, self)
        self.empty_state.button.clicked.connect(on_click)
        self.addWidget(self.empty_state)
        return self.empty_state

    def add_no_match(self, text: str, on_clear: Callable[[], object]) -> EmptyState:
        self.no_match = EmptyState(text, tr("Clear filters"), self)
        self.no_match.button.clicked.connect(on_clear)
        self.addWidget(self.no_match)
        return self.no_match

    def show_state(self, *, listed: bool, empty: bool) -> None:
        """The list when it has rows; else the empty state when nothing is recorded
        (``empty``) and there is one, else the no-match state."""
        if listed:
            shown: QWidget | None = self.list_view
        elif empty and self.empty_state is not None:
            shown = self.empty_state
        else:
            shown = self.no_match
        if shown is not None:
            self.setCurrentWidget(shown)


class EditorStack(QStackedWidget):
    """A page's editor, or in its place a line saying what to select."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nothing_selected: QLabel | None = None

    def add_editors(self, *editors: QWidget, nothing_selected: str,
                    minimum_width: int) -> QLabel:
        """Puts the editors in (a page may edit more than one kind of record), then the
        line shown until a record is selected."""
        for editor in editors:
            self.addWidget(editor)
        label = QLabel(nothing_selected, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        self.addWidget(label)
        self.setCurrentWidget(label)
        self.setMinimumWidth(minimum_width)
        self.nothing_selected = label
        return label

    def show_editor(self, shown: bool) -> None:
        """The (first) editor, or the line saying what to select."""
        if shown or self.nothing_selected is None:
            self.setCurrentIndex(0)
        else:
            self.setCurrentWidget(self.nothing_selected)


def select_row(view: QAbstractItemView, row: int, column: int) -> bool:
    """Makes ``row`` of the view's model current and selected, scrolled into view; returns
    whether there is such a row."""
    model = view.model()
    if not 0 <= row < model.rowCount():
        return False
    index = model.index(row, column)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
    return True


def save_command(journal: Journal, events: RecordEvents, editor: BuildingEditor, field: str,
                 merged_fields: Collection[str],
                 text: Callable[[Any], str]) -> SaveRecordCommand | None:
    """The undo command that saves the editor's committed ``field`` (``text(after)``
    names it), or None when the record did not change."""
    before, after = editor.record, editor.build()
    if before is None or after is None or after == before:
        return None
    return SaveRecordCommand(journal, events, before, after, field=field,
                             merge=field in merged_fields, text=text(after))


def filter_timer(owner: QObject, apply: Callable[[], object]) -> QTimer:
    """A single-shot timer that runs ``apply`` once the typing pauses: ``start()`` it at
    every change of the search text."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(FILTER_DELAY_MS)
    timer.timeout.connect(apply)
    return timer


def page_layout(page: QWidget) -> QVBoxLayout:
    """The page's column, with the theme's page margins and spacing."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN - 4, theme.PAGE_MARGIN,
                              theme.SPACE_L)
    layout.setSpacing(theme.SPACE_M)
    return layout


def title_row(page: QWidget, title: str, count_name: str,
              spacing: int = 12) -> tuple[QHBoxLayout, QLabel]:
    """The header row: the page title, then a count in secondary text, then a stretch
    before which the page adds its buttons. Returns the row and the count label."""
    row = QHBoxLayout()
    row.setSpacing(spacing)
    heading = QLabel(title, page)
    heading.setObjectName("pageTitle")
    theme.set_text_role(heading, theme.TextRole.PAGE_TITLE)
    heading.setAccessibleName(title)
    row.addWidget(heading, 0, Qt.AlignmentFlag.AlignBaseline)
    count = QLabel(page)
    theme.set_secondary(count)
    count.setAccessibleName(count_name)
    row.addWidget(count, 0, Qt.AlignmentFlag.AlignBaseline)
    row.addStretch(1)
    return row, count


def new_button(parent: QWidget, text: str, tip: str,
               on_click: Callable[[], object]) -> QPushButton:
    """The header's button that adds a record; Enter in a field does not press it."""
    button = QPushButton(icons.icon("add"), text, parent)
    button.setAccessibleName(text)
    button.setToolTip(tip)
    button.setAutoDefault(False)
    button.clicked.connect(on_click)
    return button


def with_keys(tip: str, keys: QKeySequence) -> str:
    """A tooltip naming its shortcut: ``tip`` with %1 replaced by the keys, as the
    platform writes them."""
    return tip.replace("%1", keys.toString(QKeySequence.SequenceFormat.NativeText))


def page_shortcut(page: QWidget, text: str, keys: QKeySequence,
                  on_trigger: Callable[[], object]) -> QAction:
    """An action whose shortcut works only while the page is shown (an action of a
    hidden widget does not fire), anywhere in the window."""
    action = QAction(text, page)
    action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(on_trigger)
    page.addAction(action)
    return action


def tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def delete_button(parent: QWidget, name: str, tip: str,
                  on_click: Callable[[], object]) -> QPushButton:
    """The header's Delete button, off until a record is shown."""
    button = QPushButton(icons.icon("delete"), tr("Delete"), parent)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    button.clicked.connect(on_click)
    button.setEnabled(False)
    return button


def search_box(parent: QWidget, placeholder: str, name: str) -> QLineEdit:
    """The search field of a filter bar, with a search icon and a clear button."""
    search = QLineEdit(parent)
    search.setPlaceholderText(placeholder)
    search.setAccessibleName(name)
    search.setClearButtonEnabled(True)
    search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    return search


def problem_label(parent: QWidget) -> WarningLabel:
    """The line that says what went wrong (a save refused, a file not written)."""
    failure = WarningLabel(parent)
    failure.setAccessibleName(tr("Problem"))
    return failure


def record_table(parent: QWidget, model: QAbstractItemModel, name: str) -> RecordTable:
    """A table of records over ``model``, named ``name`` for screen readers."""
    table = RecordTable(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    return table


def side_by_side(parent: QWidget, handle_width: int = 10) -> QSplitter:
    """The list and the editor: neither can be dragged away, with a handle easy to grab."""
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setChildrenCollapsible(False)
    splitter.setHandleWidth(handle_width)
    return splitter


def short_title(text: str, width: int = 40) -> str:
    """A title cut to fit a question or an Edit menu item."""
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def confirm_delete(parent: QWidget, title: str, name: str, detail: str) -> bool:
    """Asks before a record is deleted: “Delete “name”?”, with what goes with it."""
    return ConfirmDialog.ask(parent, title,
                             tr("Delete “%1”?").replace("%1", short_title(name, 60)),
                             tr("Delete"), detail)


def delete_text(name: str) -> str:
    """The undo stack's name for deleting a record."""
    return tr("Delete “%1”").replace("%1", short_title(name))
