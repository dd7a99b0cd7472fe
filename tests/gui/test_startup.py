"""Start-up order: the window paints its frame before SQLAlchemy and the journal; the
journal opens just after the first paint, and the Today page then shows its data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from careerdesk.ui import app, clock
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.pages.opening import OpeningPage
from careerdesk.ui.pages.today import TodayPage
from tests.conftest import REPO

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 22)  # the sample journal's today


@pytest.fixture(autouse=True)
def sample_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _data_dir(journal: Any) -> Path:
    return Path(journal.path).parent


@pytest.fixture
def shell(qtbot: Any, demo_journal: Any) -> Any:
    """A window built before its journal, shown and painted, as start-up makes it."""
    window = MainWindow(None, _data_dir(demo_journal), remember=False, start_page="today")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_paint.painted, timeout=5000):
        window.show()
    yield window
    window.shutdown()


def test_the_frame_shows_the_page_title_until_the_journal_is_open(shell: MainWindow) -> None:
    assert not shell.has_journal
    assert shell.pages == {}
    assert isinstance(shell.stack.currentWidget(), OpeningPage)
    assert shell.opening_page.title_label.text() == "Today"
    assert shell.sidebar.currentRow() == 0 and shell.sidebar.count() == 9
    # Nothing that needs the journal can be used yet.
    assert not shell.new_entry_action.isEnabled()
    assert not shell.export_calendar_action.isEnabled()
    assert shell.show_start_notice() is None
    assert shell.open_record("achievement", "any") is False
    # Choosing another page meanwhile shows its title, and that page opens afterwards.
    shell.show_page("people")
    assert shell.opening_page.title_label.text() == "People"
    shell.show_page("today")


def test_attaching_the_journal_shows_today_with_its_data(shell: MainWindow, demo_journal: Any,
                                                         qtbot: Any) -> None:
    with qtbot.waitSignal(shell.first_page_ready, timeout=5000) as ready:
        shell.attach_journal(demo_journal)
    assert ready.args == ["today"]
    page = shell.pages["today"]
    assert isinstance(page, TodayPage)
    assert shell.stack.currentWidget() is page
    assert page.plan is not None and page.plan.today == TODAY
    assert page.promotion_card.isVisible() and page.side_column.isVisible()
    assert page.window_rows or page.action_rows
    assert shell.new_entry_action.isEnabled() and shell.export_calendar_action.isEnabled()
    file_items = [a.text().replace("&", "") for a in shell.menus["file"].actions()]
    assert file_items[0].startswith("New Journal Entry")
    assert file_items.index("Import…") < file_items.index("Export") < file_items.index("Quit")
    assert "Calendar (.ics)…" in [a.text().replace("&", "") for a in shell.export_menu.actions()]
    with pytest.raises(RuntimeError):
        shell.attach_journal(demo_journal)


def test_a_search_typed_before_the_journal_opens_runs_once_it_is_open(
        shell: MainWindow, demo_journal: Any, qtbot: Any) -> None:
    shell.search_field.setFocus()
    shell.search_field.setText("budget")
    shell.search_field.run_search()
    assert not shell.search_field.popup.isVisible()
    assert shell.search_field.find_hits("budget") == []
    shell.attach_journal(demo_journal)
    qtbot.waitUntil(lambda: shell.search_field.popup.isVisible(), timeout=3000)
    assert shell.search_field.popup.model.rowCount() > 0


def test_startup_shows_todays_first_look_then_opens_the_journal(qtbot: Any,
                                                                demo_journal: Any) -> None:
    from careerdesk import services

    data_dir = _data_dir(demo_journal)
    expected = services.plan(demo_journal, TODAY)
    demo_journal.close()  # Startup opens its own
    window = MainWindow(None, data_dir, remember=False, start_page="today")
    qtbot.addWidget(window)
    startup = app.Startup(window, data_dir, interactive=False)
    assert startup.journal is None
    with qtbot.waitSignal(window.first_page_ready, timeout=10000):
        window.show()
    today = window.pages["today"]
    assert isinstance(today, TodayPage) and window.stack.currentWidget() is today
    # The journal's real data, read before the journal is open; nothing edits it yet.
    assert today.plan == expected and today.window_rows and today.action_rows
    assert not window.has_journal and not today.capture.isEnabled()
    assert not today.open_about(expected.actions[0].about or "")
    with qtbot.waitSignal(startup.opened, timeout=10000):
        pass  # the journal opens just after
    assert startup.journal is not None and window.has_journal
    assert window.journal is startup.journal and today.journal is startup.journal
    assert window.pages["today"] is today and today.plan == expected
    assert today.capture.isEnabled()
    today.capture.setText("Opened just after the first look")
    assert today.log_entry()
    window.shutdown()
    startup.journal.close()


def test_a_journal_without_a_first_look_opens_before_today_loads(
        qtbot: Any, demo_journal: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerdesk.planner import first_look

    data_dir = _data_dir(demo_journal)
    demo_journal.close()
    # As for an older schema: the journal must be migrated before anything reads it.
    monkeypatch.setattr(first_look, "HEAD", "an older one")
    window = MainWindow(None, data_dir, remember=False, start_page="today")
    qtbot.addWidget(window)
    startup = app.Startup(window, data_dir, interactive=False)
    with qtbot.waitSignal(window.first_page_ready, timeout=10000):
        window.show()
    assert startup.journal is not None and window.has_journal
    assert window.pages["today"].plan is not None  # type: ignore[attr-defined]
    window.shutdown()
    startup.journal.close()


def test_a_journal_that_cannot_be_opened_is_told_and_leaves_the_frame(
        qtbot: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "broken"
    data_dir.mkdir()
    (data_dir / "journal.sqlite3").write_bytes(b"this is not a database" * 100)
    window = MainWindow(None, data_dir, remember=False)
    qtbot.addWidget(window)
    startup = app.Startup(window, data_dir, interactive=False)
    with qtbot.waitSignal(startup.failed, timeout=10000):
        window.show()
    assert startup.did_fail and startup.journal is None and not window.has_journal
    assert "journal.sqlite3" in capsys.readouterr().err
    assert QApplication.instance() is not None
    window.shutdown()


PROBE = textwrap.dedent("""
    import sys
    from pathlib import Path
    from careerdesk.ui import app

    loaded_at_paint = {}
    opened = app.Startup.open

    def open_after_paint(self):
        loaded_at_paint.update(
            {name: name in sys.modules for name in
             ("sqlalchemy", "careerdesk.store.models", "careerdesk.services",
              "careerdesk.ui.pages.today")})
        loaded_at_paint["painted"] = self.window.first_paint.done
        opened(self)

    app.Startup.open = open_after_paint
    status = app.run(Path(sys.argv[1]), measure_startup=True)
    print(loaded_at_paint)
    sys.exit(status)
""")


def test_the_window_paints_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    made = subprocess.run([sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir),
                           "demo"], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=120)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([sys.executable, "-c", PROBE, str(data_dir)], capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    first = int(lines[0].removeprefix("first_paint_ms="))
    ready = int(lines[1].removeprefix("ready_ms="))
    assert 0 < first <= ready
    assert lines[2] == str({"sqlalchemy": False, "careerdesk.store.models": False,
                            "careerdesk.services": False, "careerdesk.ui.pages.today": False,
                            "painted": True})


FIRST_LOOK_PROBE = textwrap.dedent("""
    import json
    import sys
    from pathlib import Path
    from careerdesk.ui import app

    seen = {}
    shown = app.Startup._show_first_look

    def watched(self):
        done = shown(self)
        today = self.window.pages.get("today")
        seen.update(shown=done, sqlalchemy="sqlalchemy" in sys.modules,
                    services="careerdesk.services" in sys.modules,
                    windows=len(today.window_rows), actions=len(today.action_rows))
        return done

    app.Startup._show_first_look = watched
    status = app.run(Path(sys.argv[1]), measure_startup=True)
    print(json.dumps(seen))
    sys.exit(status)
""")


def test_today_is_ready_with_its_data_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    made = subprocess.run([sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir),
                           "demo"], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=120)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([sys.executable, "-c", FIRST_LOOK_PROBE, str(data_dir)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[1].startswith("ready_ms=")
    seen = json.loads(lines[2])
    assert seen["shown"] and not seen["sqlalchemy"] and not seen["services"]
    assert seen["windows"] + seen["actions"] > 0  # the sample journal's plan, on the page


def test_the_window_keeps_its_journal_safe_once_it_is_open(qtbot: Any, demo_journal: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = _data_dir(demo_journal)
    demo_journal.close()
    seen: dict[str, Any] = {}
    keep_safe = app.keep_safe

    def watching(window: MainWindow, journal: Any, instance: Any = None) -> Any:
        guards = keep_safe(window, journal, instance)
        seen.update(painted=window.first_paint.done, attached=window.has_journal,
                    guards=guards, closed=False)
        close = journal.close
        journal.close = lambda: seen.update(closed=True) or close()
        QTimer.singleShot(0, window.close)  # the user closes the window
        return guards

    monkeypatch.setattr(app, "keep_safe", watching)
    assert app.run(data_dir) == 0
    assert seen["painted"] and seen["attached"]
    assert seen["guards"].health.path == data_dir / "journal.sqlite3"
    assert not seen["guards"].backups.timer.isActive()  # stopped before the journal closed
    assert seen["closed"]


def test_quitting_the_recovery_screen_ends_the_start_with_status_1(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerdesk.ui import recovery

    data_dir = tmp_path / "broken"
    data_dir.mkdir()
    (data_dir / "journal.sqlite3").write_bytes(b"this is not a database" * 100)
    asked: list[str] = []
    monkeypatch.setattr(recovery, "_ask", lambda folder, error: asked.append(str(error)) or False)
    assert app.run(data_dir) == 1
    assert len(asked) == 1 and "journal.sqlite3" in asked[0]


def test_an_empty_journal_offers_the_sample_once_it_is_open(qtbot: Any, journal: Any) -> None:
    window = MainWindow(None, _data_dir(journal), remember=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_paint.painted, timeout=5000):
        window.show()
    assert not window.sample_bar.isVisible()  # unknown until the journal is open
    with qtbot.waitSignal(window.first_page_ready, timeout=5000):
        window.attach_journal(journal)
    assert window.sample_bar.isVisible()
    window.shutdown()


def test_a_window_that_is_never_painted_opens_its_journal_anyway(
        qtbot: Any, demo_journal: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = _data_dir(demo_journal)
    demo_journal.close()
    monkeypatch.setattr(app, "OPEN_UNPAINTED_MS", 50)
    window = MainWindow(None, data_dir, remember=False)
    qtbot.addWidget(window)
    startup = app.Startup(window, data_dir, interactive=False)
    with qtbot.waitSignal(startup.opened, timeout=5000):
        pass  # never shown, so never painted
    assert not window.first_paint.done and window.has_journal
    window.shutdown()
    assert startup.journal is not None
    startup.journal.close()
