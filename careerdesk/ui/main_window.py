"""The main window: sidebar of pages, global search, menus, and the remembered layout.

The window owns no data. Every user action is one call into ``careerdesk.services``; the
pages share one ``QUndoStack`` so Edit > Undo reverses the last edit wherever it was made.

At start-up the window is built and painted before its journal is open: the sidebar,
menus and toolbar need no data, and the page area shows its title (``OpeningPage``).
``attach_journal`` then adds what needs the journal. Nothing on that first path imports
SQLAlchemy or ``services`` (about half a second), so they load in the methods that use them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPicture,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from careerdesk import APP_NAME, __version__
from careerdesk.domain.errors import CareerdeskError
from careerdesk.paths import private_settings_file, settings_path
from careerdesk.ui import icons, theme, tooltip_guard
from careerdesk.ui.first_paint import FirstPaint
from careerdesk.ui.info_bar import InfoBar
from careerdesk.ui.pages import PAGE_NAMES, PAGE_OF_KIND, PAGES, create_page, spec
from careerdesk.ui.pages.base import Page, lay_out_hidden
from careerdesk.ui.pages.opening import OpeningPage
from careerdesk.ui.search_popup import SearchField

if TYPE_CHECKING:
    from careerdesk.planner.first_look import FirstLook
    from careerdesk.store.database import Journal
    from careerdesk.ui.chart_warm_up import ChartWarmUp
    from careerdesk.ui.import_export import ImportExport
    from careerdesk.ui.warm_up import WarmUp

LICENSE = "GPL-3.0-or-later"
DEFAULT_SIZE = QSize(1200, 780)
NOTICE_MS = 6000
START_NOTICE_MS = 20000
START_NOTICE_DELAY_MS = 300
SIDEBAR_WIDTH = 200

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SPLITTER = "window/splitter"
KEY_PAGE = "window/page"
KEY_FOLDER = "files/lastFolder"
KEY_SAMPLE_DISMISSED = "offers/sampleDismissed"


def _standard_keys(standard: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for ``standard``; ``fallback`` where it has none (except Windows,
    where having none is the convention, e.g. Quit is Alt+F4)."""
    keys = QKeySequence.keyBindings(standard)
    if not keys and sys.platform != "win32":
        keys = [QKeySequence(fallback)]
    return keys


class MainWindow(QMainWindow):
    """Build it from an open journal, or from ``None`` and ``data_dir`` to paint the window
    first and ``attach_journal`` once the journal is open (start-up). ``data_dir`` (default:
    the journal's folder) holds the settings file. ``remember=False`` neither restores nor
    saves the layout (screenshots)."""

    page_shown = Signal(str)
    first_page_ready = Signal(str)
    journal_attached = Signal()

    journal: Journal  # set by attach_journal

    def __init__(self, journal: Journal | None, data_dir: Path | None = None, *,
                 settings: QSettings | None = None, remember: bool = True,
                 start_page: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tooltip_guard.install(QApplication.instance())  # type: ignore[arg-type]
        if data_dir is None:
            if journal is None:
                raise ValueError("a window without its journal needs the data folder")
            data_dir = journal.path.parent
        self.data_dir = Path(data_dir)
        self.has_journal = False
        self.import_export: ImportExport | None = None
        # Emits ``painted`` just after the first paint: start-up opens the journal then.
        self.first_paint = FirstPaint(self)
        # A window that remembers its layout writes settings: the file is made 0600 first.
        self.settings = settings if settings is not None else QSettings(
            str(private_settings_file(self.data_dir) if remember else settings_path(self.data_dir)),
            QSettings.Format.IniFormat)
        self.remember = remember
        self.undo_stack = QUndoStack(self)
        self.pages: dict[str, Page] = {}
        self.current_page_name = ""
        self._ready: set[str] = set()
        self._stale: set[str] = set()
        self._prepared: dict[str, int] = {}  # made ready hidden: the journal's revision then
        self._unprepared: set[str] = set()  # their loading failed in idle time: left alone
        self._shown = False
        self._closed = False
        self._first_ready_told = False  # first_page_ready is emitted once
        self.chart_warm_up: ChartWarmUp | None = None  # matplotlib, once the window is quiet
        self.warm_up: WarmUp | None = None  # the pages' first-opening work, done when idle

        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icons.app_icon())

        self._build_actions()
        self._build_central()
        self._build_toolbar()
        self._build_menus()
        self.statusBar().setObjectName("statusBar")
        theme.style(self.statusBar(), "status_bar")
        self.undo_stack.indexChanged.connect(self._on_journal_edited)

        first = start_page if start_page in PAGE_NAMES else None
        if remember:
            self._restore_layout()
            if first is None:
                saved = self.settings.value(KEY_PAGE)
                first = saved if isinstance(saved, str) and saved in PAGE_NAMES else None
        if not remember or self.settings.value(KEY_GEOMETRY) is None:
            self.resize(DEFAULT_SIZE)
        self.show_page(first or PAGE_NAMES[0])
        if journal is not None:
            self.attach_journal(journal)

    def attach_journal(self, journal: Journal) -> None:
        """Gives the window its open journal: the actions that need it, the search, the
        sample-journal offer, and the current page, loaded at once when the window shows."""
        from careerdesk.ui.encryption_actions import EncryptionActions
        from careerdesk.ui.import_export import ImportExport

        if self.has_journal:
            raise RuntimeError("the window has its journal already")
        self.journal = journal
        self.has_journal = True
        self.import_export = ImportExport(self, journal, self.settings)
        self.import_export.journal_changed.connect(self.refresh_pages)
        self.import_export.journal_changed.connect(self._update_sample_offer)
        self.import_action = self.import_export.import_action
        for action in self.import_export.actions:
            self.addAction(action)  # shortcuts work even where the menu bar is hidden
        self.export_menu = self.import_export.add_to_menu(self.menus["file"],
                                                          before=self._file_menu_end)
        self.export_menu.addAction(self.export_calendar_action)
        for action in self._journal_actions:
            action.setEnabled(True)
        self.search_field.set_database(journal.path, journal.passphrase)
        for early in self.pages.values():  # the first look at Today (show_first_look)
            attach = getattr(early, "attach_journal", None)
            if callable(attach):
                attach(journal)
        self.encryption = EncryptionActions(self, journal)
        self.encryption.add_to_menu(self.menus["file"], before=self._file_menu_end)
        self.encryption.rewriting.connect(self.search_field.release_database)
        self.encryption.switched.connect(
            lambda: self.search_field.set_database(journal.path, journal.passphrase))
        self._update_sample_offer()
        self.show_page(self.current_page_name)
        self.journal_attached.emit()
        if self._shown and not self._closed:
            self._first_page_ready()  # shown already: the frame is on screen, go on now

    # -- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        tr = self.tr
        self.new_entry_action = QAction(icons.icon("journal"), tr("&New Journal Entry…"), self)
        self.new_entry_action.setShortcuts(_standard_keys(QKeySequence.StandardKey.New, "Ctrl+N"))
        self.new_entry_action.setStatusTip(tr("Write a journal entry, from any page"))
        self.new_entry_action.triggered.connect(lambda: self.quick_capture())

        self.export_calendar_action = QAction(icons.icon("export"), tr("Ca&lendar (.ics)…"), self)
        self.export_calendar_action.setStatusTip(
            tr("Save your organisation's dates, the windows to ask and open follow-ups as an "
               ".ics file for your calendar app"))
        self.export_calendar_action.triggered.connect(lambda: self.export_calendar())

        self.quit_action = QAction(tr("&Quit"), self)
        self.quit_action.setShortcuts(_standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.setStatusTip(tr("Close careerdesk; everything is saved already"))
        self.quit_action.triggered.connect(self.close)

        self.undo_action = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setIcon(icons.icon("undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setIcon(icons.icon("redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)

        self.find_action = QAction(icons.icon("search"), tr("&Find…"), self)
        find_keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Find),
                     QKeySequence("Ctrl+K")]
        self.find_action.setShortcuts(find_keys)
        self.find_action.setStatusTip(tr("Search every record in your journal"))
        self.find_action.triggered.connect(self.focus_search)

        self.preferences_action = QAction(tr("&Preferences…"), self)
        self.preferences_action.setShortcuts(
            _standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.show_preferences)

        self.about_action = QAction(tr("&About careerdesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.about_qt_action = QAction(tr("About &Qt"), self)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.about_qt_action.triggered.connect(QApplication.aboutQt)

        self.page_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for number, page in enumerate(PAGES, start=1):
            action = QAction(icons.drawn(page.name), page.title, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setStatusTip(tr("Show the %1 page").replace("%1", page.title))
            action.setData(page.name)
            action.triggered.connect(lambda _=False, name=page.name: self.show_page(name))
            group.addAction(action)
            self.page_actions[page.name] = action

        for action in (self.new_entry_action, self.quit_action,
                       self.undo_action, self.redo_action, self.find_action,
                       self.preferences_action, *self.page_actions.values()):
            self.addAction(action)  # shortcuts work even where the menu bar is hidden
        # Off until the journal is open (attach_journal).
        self._journal_actions = (self.new_entry_action, self.export_calendar_action)
        for action in self._journal_actions:
            action.setEnabled(False)

    def _build_central(self) -> None:
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.sidebar.setAccessibleDescription(self.tr("Choose the page to show"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setUniformItemSizes(True)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, page in enumerate(PAGES, start=1):
            item = QListWidgetItem(icons.drawn(page.name), page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.name)
            shortcut = QKeySequence(f"Ctrl+{number}").toString(
                QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{page.title} ({shortcut})")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, page.blurb)
            item.setSizeHint(QSize(0, 36))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)

        app_name = QLabel(APP_NAME, self)
        app_name.setObjectName("appName")
        theme.set_text_role(app_name, theme.TextRole.SECTION)
        app_logo = QLabel(self)
        app_logo.setPixmap(icons.app_icon().pixmap(QSize(26, 26), self.devicePixelRatioF()))
        app_logo.setAccessibleName(APP_NAME)
        header = QHBoxLayout()
        header.setContentsMargins(theme.SPACE_M + 6, theme.SPACE_M + 2, theme.SPACE_M,
                                  theme.SPACE_M)
        header.setSpacing(theme.SPACE_S + 2)
        header.addWidget(app_logo)
        header.addWidget(app_name, 1)

        self.sidebar_panel = QWidget(self)
        self.sidebar_panel.setObjectName("sidebarPanel")
        theme.style(self.sidebar_panel, "sidebar")
        self.sidebar_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.sidebar_panel.setMinimumWidth(168)
        self.sidebar_panel.setMaximumWidth(360)
        side = QVBoxLayout(self.sidebar_panel)
        side.setContentsMargins(0, 0, 0, theme.SPACE_M)
        side.setSpacing(0)
        side.addLayout(header)
        side.addWidget(self.sidebar, 1)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pageStack")
        self.opening_page = OpeningPage(self.stack)
        self.stack.addWidget(self.opening_page)

        self.sample_bar = InfoBar(
            self.tr("<b>Your journal is empty.</b> To look around first, load the sample "
                    "journal of Priya, an analyst going for a promotion and an internal move."),
            self.tr("Load the Sample Journal"), self)
        self.sample_bar.action_button.setToolTip(
            self.tr("Fill this empty journal with the sample records"))
        self.sample_bar.accepted.connect(self.load_sample_journal)
        self.sample_bar.dismissed.connect(self._dismiss_sample_offer)
        self.sample_bar.hide()

        content = QWidget(self)
        content.setObjectName("content")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bar_row = QHBoxLayout()
        bar_row.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, 0)
        bar_row.addWidget(self.sample_bar)
        column.addLayout(bar_row)
        column.addWidget(self.stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self.sidebar_panel)
        self.splitter.addWidget(content)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDEBAR_WIDTH, DEFAULT_SIZE.width() - SIDEBAR_WIDTH])
        self.setCentralWidget(self.splitter)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolBar")
        theme.style(toolbar, "toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        toolbar.toggleViewAction().setVisible(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        spacer.setAccessibleName(self.tr("Space"))
        toolbar.addWidget(spacer)

        self.search_field = SearchField(None, self, toolbar)  # searches once the journal is open
        self.search_field.setFixedWidth(340)
        self.search_field.set_shortcut_hint(QKeySequence("Ctrl+K"))
        self.search_field.record_requested.connect(self.open_record)
        toolbar.addWidget(self.search_field)
        margin = QWidget(toolbar)
        margin.setFixedWidth(theme.SPACE_S)
        margin.setAccessibleName(self.tr("Space"))
        toolbar.addWidget(margin)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        self.setTabOrder(self.search_field, self.sidebar)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_entry_action)
        file_menu.addSeparator()
        # Import and Export join here once the journal is open (attach_journal).
        self._file_menu_end = file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)

        go_menu = bar.addMenu(self.tr("&Go"))
        for action in self.page_actions.values():
            go_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        help_menu.addAction(self.about_qt_action)
        self.menus: dict[str, QMenu] = {"file": file_menu, "edit": edit_menu, "go": go_menu,
                                        "help": help_menu}

    def createPopupMenu(self) -> QMenu | None:
        return None  # the toolbar holds the search field: it must not be hidden by accident

    # -- pages ------------------------------------------------------------------------------

    def page(self, name: str) -> Page:
        """The page called ``name``, created the first time it is asked for."""
        page = self.pages.get(name)
        if page is None:
            page = create_page(name, self.journal, self.undo_stack, self.stack)
            self.pages[name] = page
            self.stack.addWidget(page)
        return page

    def show_page(self, name: str) -> Page | None:
        """Shows the page; until the journal is open, its title only (and returns None)."""
        self.current_page_name = name
        row = PAGE_NAMES.index(name)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        self.page_actions[name].setChecked(True)
        if not self.has_journal:
            early = self.pages.get(name)  # Today's first look, before the journal is open
            if early is None:
                self.opening_page.show_title(spec(name).title)
            self.stack.setCurrentWidget(early or self.opening_page)
            self.page_shown.emit(name)
            return None
        page = self.page(name)
        prepared_at = self._prepared.pop(name, None)
        if name in self._stale or prepared_at not in (None, self.journal.revision):
            # Edited elsewhere since it was loaded (also outside the undo stack, when it
            # was made ready ahead of its showing). Reloaded before it shows: a page that
            # heard of edits while hidden reloads once, here, not again as it shows.
            self._stale.discard(name)
            page.refresh()
        self.stack.setCurrentWidget(page)
        if self._shown:
            self._make_ready(name)
        self.page_shown.emit(name)
        return page

    def _make_ready(self, name: str) -> None:
        if name not in self._ready:
            self._ready.add(name)
            self.pages[name].ready()

    def page_preparation(self) -> list[Callable[[], bool | None]]:
        """The steps that make each page not yet opened ready while the window is idle
        (``warm_up``): built, sized to the page area, loaded, drawn (a chart) and painted
        once off screen, so that its first showing only paints (tens of milliseconds,
        where building and loading a page of a large journal takes some hundreds). A step
        is skipped once the user has opened its page; the Timeline's wait for matplotlib's
        import, and every step waits while the journal is closed for a rewrite."""
        names = [n for n in PAGE_NAMES if n != self.current_page_name and n not in self._ready]
        # All built first: a page's minimum size can widen the page area, and each page is
        # then loaded and painted at the area's final size.
        steps: list[Callable[[], bool | None]] = [partial(self._build_hidden, n) for n in names]
        for name in names:
            steps += [partial(self._load_hidden, name), partial(self._draw_hidden, name),
                      partial(self._paint_hidden, name)]
        return steps

    def _hidden(self, name: str) -> Page | None:
        page = self.pages.get(name)
        return None if self._closed or (page is not None and page.isVisible()) else page

    def _build_hidden(self, name: str) -> bool | None:
        if self._closed or name == self.current_page_name or name in self.pages:
            return None
        if self.journal.closed:
            return False  # being encrypted: a page reads the journal as it is made
        page = self.page(name)
        page.resize(self.stack.contentsRect().size())
        lay_out_hidden(page)
        return None

    def _load_hidden(self, name: str) -> bool | None:
        from careerdesk.ui import chart_warm_up

        page = self._hidden(name)
        if page is None or name in self._ready:
            return None
        if (self.journal.closed or chart_warm_up.running()
                or (page.needs_charts and not chart_warm_up.finished())):
            # Being encrypted; or matplotlib being imported on its own thread: that thread
            # holds Python's lock in long stretches, and a page's loading, which gives the
            # lock up at every row SQLite reads, would wait for it each time (a 60 ms
            # loading took 560).
            return False
        self._stale.discard(name)  # what it reads now is the latest
        revision = self.journal.revision  # before: a write landing meanwhile counts
        self._ready.add(name)
        try:
            page.load_hidden()
        except BaseException:
            self._ready.discard(name)  # opened, it loads again and says what failed
            self._unprepared.add(name)
            raise
        self._prepared[name] = revision
        return None

    def _draw_hidden(self, name: str) -> bool | None:
        page = self._hidden(name)
        if page is None or name in self._unprepared:
            return None
        if name not in self._ready or self.journal.closed:
            return False  # after its loading, which waits; a closed journal is not read
        page.draw_hidden()
        return None

    def _paint_hidden(self, name: str) -> bool | None:
        page = self._hidden(name)
        if page is None or name in self._unprepared:
            return None
        if name not in self._ready or self.journal.closed:
            return False  # after its loading, which waits; a closed journal is not read
        page.resize(self.stack.contentsRect().size())  # the window may have been resized
        if page.needs_charts:
            # Its charts are drawn (draw_hidden); a picture would record each one's
            # pixels, compressed, which takes longer than the drawing.
            return None
        # Painted into a picture, which records the painting instead of making pixels: the
        # page's painting code runs (the fonts laid out, the rows asked for their text), at
        # almost no memory, where a pixmap of the page would take megabytes.
        page.render(QPicture())
        return None

    def _on_sidebar_row(self, row: int) -> None:
        if 0 <= row < len(PAGE_NAMES):
            self.show_page(PAGE_NAMES[row])

    def refresh_pages(self) -> None:
        """After a change made outside the pages (import, the sample journal)."""
        for name, page in self.pages.items():
            if name == self.current_page_name:
                page.refresh()
            else:
                self._stale.add(name)

    def _on_journal_edited(self, _index: int) -> None:
        # The page that made the edit shows it; the others reload when next shown.
        self._stale.update(n for n in self.pages if n != self.current_page_name)
        self._update_sample_offer()

    def open_record(self, kind: str, uid: str) -> bool:
        """Shows the record on the page that owns its kind (a search result, a link)."""
        name = PAGE_OF_KIND.get(kind)
        if name is None:
            self.notify(self.tr("careerdesk cannot show this kind of record."))
            return False
        page = self.show_page(name)
        if page is None:  # the journal is not open yet
            return False
        opened = page.open_record(kind, uid)
        if not opened:
            self.notify(self.tr("The %1 page cannot show single records yet.")
                        .replace("%1", spec(name).title))
        page.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.search_field.hasFocus():
            self.search_field.clearFocus()
        return opened

    def quick_capture(self) -> str | None:
        """Writes a journal entry from any page (one undo step); returns its uid."""
        from careerdesk.ui.quick_capture import capture_entry

        uid = capture_entry(self, self.journal, self.undo_stack)
        if uid is None:
            return None
        if self.current_page_name == "journal":
            self.pages["journal"].open_record("journal", uid)
        else:
            self.pages[self.current_page_name].refresh()
        self.notify(self.tr("Journal entry saved."))
        return uid

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # -- the sample journal -----------------------------------------------------------------

    def _update_sample_offer(self) -> None:
        from careerdesk import services

        if not self.has_journal:
            return
        dismissed = self.settings.value(KEY_SAMPLE_DISMISSED, False, type=bool)
        offer = not dismissed and services.is_empty(self.journal)
        self.sample_bar.setVisible(bool(offer))

    def _dismiss_sample_offer(self) -> None:
        self.settings.setValue(KEY_SAMPLE_DISMISSED, True)

    def load_sample_journal(self) -> bool:
        from careerdesk import services

        try:
            with _busy():
                counts = services.load_demo(self.journal)
        except CareerdeskError as error:
            self.show_message(QMessageBox.Icon.Warning, self.tr("Sample Journal"), str(error))
            self._update_sample_offer()
            return False
        self.sample_bar.hide()
        self.refresh_pages()
        total = sum(counts.added.values())
        self.notify(self.tr("Loaded the sample journal: %1 records.").replace("%1", str(total)))
        return True

    # -- dialogs (methods, so a test can replace them instead of blocking on a modal) -------

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.exec()

    def about_text(self) -> str:
        return self.tr(
            "<h3>careerdesk %1</h3>"
            "<p>A private, offline career journal and planner. Everything stays on this "
            "computer, in one file.</p>"
            "<p>Licensed under the GNU General Public License, %2.</p>"
        ).replace("%1", __version__).replace("%2", LICENSE)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About careerdesk"), self.about_text())

    def show_preferences(self) -> None:
        from careerdesk.ui.preferences import PreferencesDialog

        PreferencesDialog(self.data_dir, self).exec()

    def notify(self, text: str) -> None:
        """A quiet notice in the status bar that fades on its own."""
        self.statusBar().showMessage(text, NOTICE_MS)

    # -- layout memory ----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value(KEY_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes) and not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
        state = self.settings.value(KEY_STATE)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(state)
        splitter = self.settings.value(KEY_SPLITTER)
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        if not self.remember:
            return
        self.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.settings.setValue(KEY_STATE, self.saveState())
        self.settings.setValue(KEY_SPLITTER, self.splitter.saveState())
        self.settings.setValue(KEY_PAGE, self.current_page_name)
        self.settings.sync()

    # -- life cycle -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            if self.has_journal:
                # The page loads what it shows once the frame is painted.
                QTimer.singleShot(0, self._first_page_ready)

    def show_first_look(self, look: FirstLook) -> bool:
        """Shows the Today page with the day's plan read before the journal is open
        (``planner.first_look``); the journal follows with ``attach_journal``. False: the
        window does not start on Today, or is not shown yet, or has its journal already."""
        from careerdesk.ui.pages.today import TodayPage

        if (self.has_journal or self._closed or not self._shown
                or self.current_page_name != TodayPage.name):
            return False
        page = TodayPage(None, self.undo_stack, self.stack)
        self.pages[TodayPage.name] = page
        self.stack.addWidget(page)
        self._ready.add(TodayPage.name)
        page.show_first_look(look)
        self.stack.setCurrentWidget(page)
        self._first_page_ready()
        return True

    def _first_page_ready(self) -> None:
        if self._closed:
            return
        name = self.current_page_name
        if self.has_journal:
            self._make_ready(name)
            # After the first page is on screen: a window opening this week, overdue
            # follow-ups (after a first look at Today: once its journal is attached).
            QTimer.singleShot(START_NOTICE_DELAY_MS, self.show_start_notice)
        if not self._first_ready_told:
            self._first_ready_told = True
            self.first_page_ready.emit(name)
        if self.has_journal and self.warm_up is None and not self._closed:
            from careerdesk.ui.warm_up import WarmUp

            self.warm_up = WarmUp(self, self.page_shown, self.page_preparation())
            self.warm_up.start()
        if self.has_journal and self.chart_warm_up is None and not self._closed:
            from careerdesk.ui.chart_warm_up import ChartWarmUp  # the Timeline's matplotlib

            self.chart_warm_up = ChartWarmUp(self.page_shown, self)

    def show_start_notice(self) -> str | None:
        """Says in the status bar what needs attention this week; never a dialog."""
        if self._closed or not self.has_journal:
            return None
        from careerdesk import services
        from careerdesk.planner.notice import start_notice
        from careerdesk.ui import clock

        today = clock.today()
        plan = getattr(self.pages.get("today"), "plan", None)  # the Today page has it already
        if plan is None or getattr(plan, "today", None) != today:
            plan = services.plan(self.journal, today)
        text = start_notice(plan)
        if text and not self.statusBar().currentMessage():  # never over what the user just did
            self.statusBar().showMessage(text, START_NOTICE_MS)
        return text

    def export_calendar(self) -> bool:
        """File > Export > Calendar…: an .ics file of the organisation's dates and the windows."""
        from careerdesk.ui.calendar_export import done_text, export_calendar

        saved = self.settings.value(KEY_FOLDER)
        folder = Path(saved) if isinstance(saved, str) and Path(saved).is_dir() else None
        result = export_calendar(self, self.journal, folder)
        if result is None:
            return False
        if isinstance(result, str):
            self.show_message(QMessageBox.Icon.Critical, self.tr("Export Failed"), result)
            return False
        path, counts = result
        self.settings.setValue(KEY_FOLDER, str(path.parent))
        self.notify(done_text(path, counts))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Saves the layout and lets go of the search connection; the caller closes the
        journal. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self.warm_up is not None:
            self.warm_up.stop()
        self.save_layout()
        if self.import_export is not None:
            self.import_export.wait()  # an import finishes its transaction before the journal closes
        self.search_field.popup.hide()
        self.search_field.shutdown()


@contextmanager
def _busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
