"""Starting the window: the application object, the journal, and the two headless modes
of the command line (``--screenshot`` and ``--measure-startup``, see contract.md).

The order is what makes start-up quick: the window's frame (sidebar, menus, toolbar, the
page's title) is built and painted with Qt alone; only then does ``Startup`` read the
Today page's plan with plain SQL (``planner.first_look``: the file checked as opening
checks it, at the current schema) and show it, and right after open the journal
(``open_journal``, the one place that does) for everything else. SQLAlchemy and the ORM,
a third of a second to import, are on neither the path to the first paint nor the path
to Today's data; matplotlib and the PDF code load when a page first needs them. A journal
that is new, encrypted, at an older schema or refused takes the normal way: opened
first (created, its passphrase asked, migrated, or the recovery screen), then Today loads.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from careerdesk import APP_NAME, __version__
from careerdesk.ui import icons, theme
from careerdesk.ui.pages import PAGE_NAMES

if TYPE_CHECKING:
    from careerdesk.store.database import Journal
    from careerdesk.ui.main_window import MainWindow
    from careerdesk.ui.single_instance import SingleInstance

ORGANISATION = "careerdesk"
ORGANISATION_DOMAIN = "careerdesk.local"
SCREENSHOT_SIZE = QSize(1280, 800)
MEASURE_TIMEOUT_MS = 60_000
# A window that is not painted (shown on another desktop, never exposed) opens its
# journal anyway after this long, so backups and a second start's hand-over still work.
OPEN_UNPAINTED_MS = 1500

_IMPORTED_AT = time.time()  # the fallback "start" where the process start is not known


def process_start_time() -> float:
    """When this process started, as a ``time.time()`` value.

    Linux: /proc/self/stat field 22 is the start in clock ticks after boot, /proc/uptime the
    seconds since boot. Elsewhere: when this module was imported, a little late but honest.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as stat_file:
            stat = stat_file.read()
        with open("/proc/uptime", encoding="ascii") as uptime_file:
            uptime = float(uptime_file.read().split()[0])
        fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces
        started_after_boot = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22
    except (OSError, ValueError, IndexError, AttributeError):
        return _IMPORTED_AT
    return min(time.time() - (uptime - started_after_boot), _IMPORTED_AT)


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    QGuiApplication.setDesktopFileName(APP_NAME)
    app.setWindowIcon(icons.app_icon())
    return app


def _refuse(message: str, headless: bool) -> int:
    if headless:
        print(f"careerdesk: {message}", file=sys.stderr)
    else:
        QMessageBox.critical(None, QApplication.translate("app", "careerdesk cannot start"),
                             message)
    return 1


def open_journal(data_dir: Path, *, interactive: bool, check: bool = False) -> Journal | None:
    """The one place the window opens its journal, once its frame is on screen.

    A damaged or foreign file shows the recovery screen (``interactive``); a journal that
    cannot be opened is told in a message box, or on stderr when headless. None: it was
    not opened. ``check``: the whole-file check now; otherwise it runs after the first
    paint (HealthCheck). A step that must come before the journal opens goes here.
    """
    from careerdesk.domain.errors import CareerdeskError
    from careerdesk.ui.recovery import open_or_recover

    try:
        return open_or_recover(data_dir, interactive=interactive, check=check)
    except CareerdeskError as error:
        _refuse(str(error), not interactive)
    except (OSError, sqlite3.Error) as error:
        _refuse(QApplication.translate("app", "The journal in %1 cannot be opened: %2")
                .replace("%1", str(data_dir)).replace("%2", str(error)), not interactive)
    return None


class Startup(QObject):
    """Opens the journal just after the window's first paint and gives it to the window.

    ``opened(journal)`` follows, or ``failed`` when it was not opened (already told).
    """

    opened = Signal(object)  # Journal
    failed = Signal()

    def __init__(self, window: MainWindow, data_dir: Path, *, interactive: bool,
                 check: bool = False) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.interactive = interactive
        self.check = check
        self.journal: Journal | None = None
        self.did_fail = False
        self._started = False
        window.first_paint.painted.connect(self.open)
        QTimer.singleShot(OPEN_UNPAINTED_MS, self, self.open)

    def open(self) -> None:
        if self._started:
            return
        self._started = True
        if not self.check and self._show_first_look():
            # The first look paints before the journal opens (SQLAlchemy's import).
            QTimer.singleShot(0, self, self._open_journal)
            return
        self._open_journal()

    def _show_first_look(self) -> bool:
        """Today's plan, read before the journal is opened, on screen; False: not possible
        (a new, encrypted, older or refused journal), the journal opens first."""
        from careerdesk.planner.first_look import first_look
        from careerdesk.ui import clock

        look = first_look(self.data_dir, clock.today())
        return look is not None and self.window.show_first_look(look)

    def _open_journal(self) -> None:
        journal = open_journal(self.data_dir, interactive=self.interactive, check=self.check)
        if journal is None:
            self.did_fail = True
            self.failed.emit()
            return
        self.journal = journal
        self.window.attach_journal(journal)
        self.opened.emit(journal)


def run(data_dir: Path, screenshot_dir: Path | None = None,
        measure_startup: bool = False) -> int:
    """Opens the window on the journal in ``data_dir``; returns the exit status."""
    started = process_start_time()
    headless = screenshot_dir is not None or measure_startup
    app = _application()
    watcher = theme.apply_theme(app)

    from careerdesk.ui.main_window import MainWindow

    instance = None
    journal: Journal | None = None
    try:
        if not headless:  # one window per journal; the headless modes only read and exit
            from careerdesk.ui.single_instance import hold_or_hand_over

            instance = hold_or_hand_over(data_dir)
            if instance is None:
                return 0
        if screenshot_dir is not None:
            journal = open_journal(data_dir, interactive=False)
            if journal is None:
                return 1
            window = MainWindow(journal, data_dir, remember=False, start_page=PAGE_NAMES[0])
            return render_screenshots(window, Path(screenshot_dir))
        if measure_startup:
            window = MainWindow(None, data_dir, remember=False, start_page=PAGE_NAMES[0])
            startup = Startup(window, data_dir, interactive=False)
            try:
                return measure(window, started, startup)
            finally:
                journal = startup.journal
        check = False
        while True:
            window = MainWindow(None, data_dir)
            startup = Startup(window, data_dir, interactive=True, check=check)
            guards: list[Safeguards] = []
            startup.opened.connect(
                lambda opened, w=window, kept=guards: kept.append(keep_safe(w, opened)))
            startup.failed.connect(lambda: app.exit(1))
            forward = (instance.show_requested.connect(lambda w=window: bring_forward(w))
                       if instance is not None else None)
            window.show()
            status = app.exec()
            journal = startup.journal
            for guard in guards:
                guard.stop()
            window.shutdown()
            if instance is not None and forward is not None:
                instance.show_requested.disconnect(forward)
            if startup.did_fail:
                return 1
            if not (guards and guards[0].damage_found):
                return status
            # The check after the first paint found damage: close, and offer recovery
            # (the check runs at once this time, so the recovery screen shows).
            if journal is not None:
                journal.close()
                journal = None
            check = True
    finally:
        watcher.deleteLater()
        if journal is not None:
            journal.close()
        if instance is not None:
            instance.release()


class Safeguards(QObject):
    """What keeps an open window's journal safe: automatic backups, the health check
    after the first paint, and a second start bringing this window forward."""

    def __init__(self, window: MainWindow, journal: Journal,
                 instance: SingleInstance | None) -> None:
        from careerdesk.ui.auto_backup import AutoBackup
        from careerdesk.ui.health import HealthCheck

        super().__init__(window)
        self.window = window
        self.damage_found = False
        self.backups = AutoBackup(journal, self)
        self.backups.failed.connect(lambda message: window.statusBar().showMessage(
            QApplication.translate("app", "The automatic backup failed: %1")
            .replace("%1", message)))
        self.health = HealthCheck(journal.path, self, journal.passphrase)
        self.health.damaged.connect(self._on_damaged)
        if instance is not None:
            instance.show_requested.connect(lambda: bring_forward(window))

    def start(self) -> None:
        self.health.start()
        self.backups.start()

    def stop(self) -> None:
        self.backups.stop()
        if self.health.running:
            QThreadPool.globalInstance().waitForDone()

    def _on_damaged(self, message: str) -> None:
        self.damage_found = True
        self.backups.timer.stop()  # never copy a damaged journal over a good backup
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QApplication.translate("app", "Your journal is damaged"), "",
                          QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(QApplication.translate(
            "app", "careerdesk found damage in your journal file. It will now close the "
            "journal and show your backups, so you can restore one. Nothing is deleted.")
            + "\n\n" + message)
        box.exec()
        self.window.close()


def keep_safe(window: MainWindow, journal: Journal,
              instance: SingleInstance | None = None) -> Safeguards:
    guards = Safeguards(window, journal, instance)
    guards.start()
    return guards


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def render_screenshots(window: MainWindow, folder: Path) -> int:
    """Every page at 1280×800 to ``folder/<page>.png``; no dialogs, no saved layout."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(SCREENSHOT_SIZE)
    window.show()
    _settle()
    for name in PAGE_NAMES:
        window.show_page(name)
        _settle()
        image = window.grab().toImage()
        if image.size() != SCREENSHOT_SIZE:  # a high-DPI screen grabs more device pixels
            image = image.scaled(SCREENSHOT_SIZE, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        path = folder / f"{name}.png"
        if not image.save(str(path)):
            print(f"careerdesk: {path}: cannot be written", file=sys.stderr)
            window.close()
            return 1
    window.close()
    return 0


def _settle() -> None:
    """Lets layouts, deferred loading and painting finish."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


class _FirstPaint(QObject):
    """Notes the moment the window paints for the first time."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self.at is None and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self.window):
            self.at = time.time()
        return False


def measure(window: MainWindow, started: float, startup: Startup | None = None) -> int:
    """Prints ``first_paint_ms`` and ``ready_ms`` since the process started, then closes.

    ``startup``: the window was built before its journal; it opens after the first paint."""
    app = QApplication.instance()
    if app is None:
        return 1
    first_paint = _FirstPaint(window)
    app.installEventFilter(first_paint)
    loop = QEventLoop()
    ready_at: list[float] = []

    def on_ready(name: str) -> None:
        page = window.pages[name]
        page.repaint()  # the page as the user sees it, with its data, on screen now
        ready_at.append(time.time())
        loop.quit()

    window.first_page_ready.connect(on_ready)
    if startup is not None:
        startup.failed.connect(loop.quit)
    QTimer.singleShot(MEASURE_TIMEOUT_MS, loop.quit)
    window.show()
    if not ready_at:
        loop.exec()
    app.removeEventFilter(first_paint)
    window.close()
    if startup is not None and startup.did_fail:
        return 1  # open_journal said why
    if not ready_at or first_paint.at is None:
        print("careerdesk: the window did not finish starting", file=sys.stderr)
        return 1
    print(f"first_paint_ms={round((first_paint.at - started) * 1000)}")
    print(f"ready_ms={round((max(ready_at[0], first_paint.at) - started) * 1000)}")
    return 0
