"""The window shell: sidebar, lazy pages, global search, menus, remembered layout, and the
headless modes of the command line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPalette, QUndoCommand
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from careerdesk import __version__, services
from careerdesk.paths import settings_path
from careerdesk.store.search_index import KIND_CODES
from careerdesk.ui import icons, theme
from careerdesk.ui import pages as registry
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.pages.base import Page
from careerdesk.ui.pages.placeholder import PlaceholderPage
from tests.conftest import REPO

# Qt's offscreen platform warns about every top-level window it cannot size-hint; that is
# the test platform talking, not careerdesk.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ORDER = ["today", "journal", "achievements", "growth", "people", "pathways", "planner",
         "timeline", "negotiations"]


def _data_dir(journal: object) -> Path:
    return Path(journal.path).parent  # type: ignore[attr-defined]


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    made: list[MainWindow] = []

    def make(journal: object, **kwargs: object) -> MainWindow:
        window = MainWindow(journal, _data_dir(journal), **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


def _show(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    """Shown, painted, its first page ready, and the active window (for shortcuts)."""
    with qtbot.waitSignal(window.first_page_ready, timeout=5000):
        window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


@pytest.fixture
def window(demo_journal: object, make_window, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    return _show(make_window(demo_journal), qtbot)


class RecordingPage(Page):
    """Stands in for a real page to see what the shell asks of it."""

    def __init__(self, journal, undo_stack, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(journal, undo_stack, parent)
        self.opened: list[tuple[str, str]] = []
        self.refreshed = 0
        self.readied = 0

    def open_record(self, kind: str, uid: str) -> bool:
        self.opened.append((kind, uid))
        return True

    def refresh(self) -> None:
        self.refreshed += 1

    def ready(self) -> None:
        self.readied += 1


@pytest.fixture
def recording_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "page_class", lambda spec: RecordingPage)


# -- the window and its pages -----------------------------------------------------------------


def test_window_opens_on_the_demo_journal_with_todays_page(window: MainWindow) -> None:
    assert window.isVisible()
    assert window.windowTitle() == "careerdesk"
    titles = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert titles == ["Today", "Journal", "Achievements", "Growth", "People", "Pathways",
                      "Planner", "Timeline", "Negotiations"]
    assert [window.sidebar.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(window.sidebar.count())] == ORDER
    assert all(not window.sidebar.item(row).icon().isNull()
               for row in range(window.sidebar.count()))
    assert window.current_page_name == "today"
    assert window.sidebar.currentRow() == 0
    assert window.stack.currentWidget() is window.pages["today"]
    assert not window.sample_bar.isVisibleTo(window)  # the demo journal is not empty
    assert [a.text().replace("&", "") for a in window.menuBar().actions()] == [
        "File", "Edit", "Go", "Help"]


def test_pages_are_made_when_first_shown_or_while_the_window_is_idle(  # type: ignore[no-untyped-def]
        demo_journal: object, make_window, recording_pages: None, qtbot) -> None:
    window = make_window(demo_journal)
    assert list(window.pages) == ["today"]  # only the first page, eagerly
    window.show_page("planner")  # before the window is shown: made and shown at once
    assert set(window.pages) == {"today", "planner"}
    with qtbot.waitSignal(window.first_page_ready, timeout=5000):
        window.show()
    planner = window.pages["planner"]
    assert isinstance(planner, RecordingPage) and planner.readied == 1
    assert window.warm_up is not None
    qtbot.waitUntil(lambda: window.warm_up.done, timeout=10000)
    # Idle time made every other page ready, once, without showing it.
    assert list(window.pages) == ["today", "planner"] + [n for n in ORDER
                                                           if n not in ("today", "planner")]
    assert all(page.readied == 1 for page in window.pages.values())  # type: ignore[attr-defined]
    assert window.stack.currentWidget() is planner
    for name in ("today", "planner", "journal", "planner"):
        window.show_page(name)
    assert all(page.readied == 1 for page in window.pages.values())  # type: ignore[attr-defined]
    assert all(page.refreshed == 0 for page in window.pages.values())  # type: ignore[attr-defined]


def test_sidebar_switches_pages(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    for row in (2, 4, 8, 0):
        item = window.sidebar.item(row)
        rect = window.sidebar.visualItemRect(item)
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        assert window.current_page_name == ORDER[row]
        assert window.stack.currentWidget() is window.pages[ORDER[row]]
        assert window.page_actions[ORDER[row]].isChecked()


def test_ctrl_number_switches_pages(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
            Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9]
    for number in (5, 9, 2, 1):
        target = window.focusWidget() or window
        qtbot.keyClick(target, keys[number - 1], Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_name == ORDER[number - 1]
        assert window.sidebar.currentRow() == number - 1  # the sidebar follows


def test_go_menu_lists_every_page_with_its_shortcut(window: MainWindow) -> None:
    actions = window.menus["go"].actions()
    assert [a.data() for a in actions] == ORDER
    assert [a.shortcut() for a in actions] == [QKeySequence(f"Ctrl+{n}") for n in range(1, 10)]


# -- search -----------------------------------------------------------------------------------


def _type_search(window: MainWindow, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    window.find_action.trigger()
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, text)


def test_search_as_you_type_shows_results_under_the_field(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    popup = window.search_field.popup
    _type_search(window, qtbot, "budg")
    assert not popup.isVisible()  # debounced: nothing runs on the key itself
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    model = popup.model
    assert model.rowCount() >= 5
    hits = [model.hit(row) for row in range(model.rowCount())]
    assert {"achievement", "cycle_event", "journal"} <= {hit.kind for hit in hits}
    assert all(hit.uid for hit in hits)
    first = model.index(0, 0)
    assert "budget" in first.data(Qt.ItemDataRole.AccessibleTextRole).lower()
    assert popup.view.currentIndex().row() == 0
    # Under the field, inside the window.
    field_bottom = window.search_field.mapTo(window, window.search_field.rect().bottomLeft())
    assert popup.geometry().top() >= field_bottom.y()
    assert window.rect().contains(popup.geometry())


def test_enter_opens_the_chosen_result_on_its_page(demo_journal: object, make_window,  # type: ignore[no-untyped-def]
                                                   recording_pages: None, qtbot) -> None:
    window = _show(make_window(demo_journal), qtbot)
    popup = window.search_field.popup
    _type_search(window, qtbot, "budget")
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    kinds = [popup.model.hit(row).kind for row in range(popup.model.rowCount())]
    row = kinds.index("achievement")
    for _ in range(row):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    chosen = popup.current_hit()
    assert chosen is not None and chosen.kind == "achievement"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.current_page_name == "achievements"
    assert window.pages["achievements"].opened == [("achievement", chosen.uid)]
    assert not popup.isVisible()


def test_a_click_opens_a_result_and_up_down_escape_navigate(demo_journal: object, make_window,  # type: ignore[no-untyped-def]
                                                            recording_pages: None,
                                                            qtbot) -> None:
    window = _show(make_window(demo_journal), qtbot)
    popup = window.search_field.popup
    _type_search(window, qtbot, "kevin")
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Up)
    assert popup.view.currentIndex().row() == 1
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert not popup.isVisible() and window.search_field.text() == "kevin"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)  # Down brings the results back
    assert popup.isVisible()

    person_row = next(row for row in range(popup.model.rowCount())
                      if popup.model.hit(row).kind == "person")
    person = popup.model.hit(person_row)
    rect = popup.view.visualRect(popup.model.index(person_row, 0))
    qtbot.mouseClick(popup.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_name == "people"
    assert window.pages["people"].opened == [("person", person.uid)]


def test_every_record_kind_opens_on_its_page() -> None:
    expected = {"achievement": "achievements", "journal": "journal",
                "experience": "growth", "skill": "growth", "person": "people",
                "interaction": "people", "target": "pathways", "opening": "pathways",
                "cycle_event": "planner", "plan": "negotiations",
                "compensation": "negotiations"}
    assert expected == registry.PAGE_OF_KIND
    assert {kind for _, kind in KIND_CODES.values()} == set(expected)


def test_a_result_a_page_cannot_show_yet_is_said_quietly(window: MainWindow,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         qtbot) -> None:
    monkeypatch.setattr(registry, "page_class", lambda spec: None)  # placeholders only
    assert window.open_record("cycle_event", "some-uid") is False
    assert window.current_page_name == "planner"
    assert isinstance(window.pages["planner"], PlaceholderPage)
    assert "Planner" in window.statusBar().currentMessage()


def test_search_uses_its_own_read_only_connection_and_stays_fast(window: MainWindow) -> None:
    field = window.search_field
    assert field.find_hits("budget")
    connection = field.runner._connection
    assert connection is not None
    with pytest.raises(Exception, match="readonly"):
        connection.execute("DELETE FROM search_index")
    started = time.perf_counter()
    for text in ("a", "bu", "budget", "kevin park", "promotion lead", "q"):
        field.find_hits(text)
    assert (time.perf_counter() - started) / 6 < 0.05
    window.shutdown()
    assert field.runner._connection is None


def test_empty_text_and_no_matches(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    popup = window.search_field.popup
    _type_search(window, qtbot, "zzyzxqv")
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.model.rowCount() == 0
    assert "zzyzxqv" in popup.empty_label.text()
    window.search_field.clear()
    assert not popup.isVisible()


# -- settings ---------------------------------------------------------------------------------


def test_layout_and_last_page_are_restored(demo_journal: object, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = make_window(demo_journal)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 480)  # within the offscreen screen (800x600)
    first.move(40, 50)
    first.splitter.setSizes([260, 440])
    first.show_page("people")
    qtbot.waitUntil(lambda: first.size() == QSize(700, 480) and first.pos() == QPoint(40, 50))
    first.close()

    path = settings_path(_data_dir(demo_journal))
    assert path.is_file()
    stored = QSettings(str(path), QSettings.Format.IniFormat)
    assert stored.value("window/page") == "people"
    assert not (Path(os.environ["HOME"]) / ".config").exists()  # never the user's config

    second = make_window(demo_journal)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == QSize(700, 480)
    assert second.pos() == QPoint(40, 50)
    assert second.current_page_name == "people"
    assert second.sidebar.currentRow() == ORDER.index("people")
    assert second.splitter.sizes()[0] == 260


def test_screenshot_windows_do_not_touch_the_settings(demo_journal: object, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_journal, remember=False)
    window.show_page("growth")
    window.close()
    assert not settings_path(_data_dir(demo_journal)).exists()


# -- menus, shortcuts, undo -------------------------------------------------------------------


def test_undo_and_redo_share_one_stack_with_standard_shortcuts(window: MainWindow) -> None:
    assert window.undo_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    edit = window.menus["edit"].actions()
    assert window.undo_action in edit and window.redo_action in edit
    assert window.undo_action in window.toolbar.actions()
    assert all(page.undo_stack is window.undo_stack for page in window.pages.values())

    done: list[str] = []

    class Step(QUndoCommand):
        def redo(self) -> None:
            done.append("redo")

        def undo(self) -> None:
            done.append("undo")

    assert not window.undo_action.isEnabled()
    window.undo_stack.push(Step("Rename"))
    assert window.undo_action.isEnabled() and "Rename" in window.undo_action.text()
    window.undo_action.trigger()
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert done == ["redo", "undo", "redo"]


def test_an_edit_makes_the_other_pages_reload_when_next_shown(demo_journal: object,  # type: ignore[no-untyped-def]
                                                              make_window,
                                                              recording_pages: None) -> None:
    window = make_window(demo_journal)
    window.show_page("people")
    window.show_page("journal")
    window.undo_stack.push(QUndoCommand("an edit on the journal page"))
    assert window.pages["journal"].refreshed == 0  # the page that edited shows it already
    window.show_page("people")
    assert window.pages["people"].refreshed == 1
    window.show_page("people")
    assert window.pages["people"].refreshed == 1


def test_standard_menu_shortcuts(window: MainWindow) -> None:
    find_keys = window.find_action.shortcuts()
    assert QKeySequence("Ctrl+K") in find_keys
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Find):
        assert key in find_keys
    quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
    assert window.quit_action.shortcuts() == quit_keys
    assert window.quit_action in window.menus["file"].actions()
    assert window.preferences_action in window.menus["edit"].actions()
    assert window.about_action in window.menus["help"].actions()


def test_ctrl_k_focuses_the_search_field(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()


def test_about_names_the_version_and_licence(window: MainWindow) -> None:
    text = window.about_text()
    assert __version__ in text and "GPL-3.0-or-later" in text


def test_preferences_show_the_data_folder_and_open_it(window: MainWindow,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      qtbot) -> None:
    from careerdesk.ui import preferences

    opened: list[QUrl] = []
    monkeypatch.setattr(preferences.QDesktopServices, "openUrl",
                        lambda url: opened.append(url) or True)
    dialog = preferences.PreferencesDialog(window.data_dir, window)
    qtbot.addWidget(dialog)
    assert dialog.path_field.text() == str(window.data_dir)
    assert dialog.path_field.isReadOnly()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(window.data_dir)]


def test_every_control_of_the_shell_has_an_accessible_name(window: MainWindow) -> None:
    for widget in (window.sidebar, window.search_field, window.search_field.popup.view,
                   window.sample_bar.action_button, window.sample_bar.close_button):
        assert widget.accessibleName()
    assert window.search_field.toolTip()
    assert all(window.sidebar.item(row).toolTip() for row in range(window.sidebar.count()))


# -- the sample journal, import and export ----------------------------------------------------


def test_an_empty_journal_offers_the_sample_quietly(journal: object, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(journal)
    window.show()
    qtbot.waitExposed(window)
    assert window.sample_bar.isVisible()
    assert QApplication.activeModalWidget() is None  # no dialog on start
    qtbot.mouseClick(window.sample_bar.action_button, Qt.MouseButton.LeftButton)
    assert not services.is_empty(journal)  # type: ignore[arg-type]
    assert not window.sample_bar.isVisible()
    assert "sample journal" in window.statusBar().currentMessage()


def test_a_dismissed_sample_offer_stays_dismissed(journal: object, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(journal)
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseClick(window.sample_bar.close_button, Qt.MouseButton.LeftButton)
    assert not window.sample_bar.isVisible()
    window.close()
    again = make_window(journal)
    assert not again.sample_bar.isVisibleTo(again)
    assert services.is_empty(journal)  # type: ignore[arg-type]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QMessageBox.Icon, str, str]]:
    shown: list[tuple[QMessageBox.Icon, str, str]] = []
    monkeypatch.setattr(MainWindow, "show_message",
                        lambda self, icon, title, text: shown.append((icon, title, text)))
    return shown


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    from careerdesk.ui.file_chooser import FileChooser

    monkeypatch.setattr(FileChooser, "ask_open", classmethod(lambda cls, *args: path))
    monkeypatch.setattr(FileChooser, "ask_save", classmethod(lambda cls, *args: path))


def _import_through_preview(window: MainWindow, qtbot, press_import: bool = True):  # type: ignore[no-untyped-def]
    window.import_action.trigger()
    dialog = window.import_export.dialog
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        pass
    if press_import and dialog.import_button.isEnabled():
        with qtbot.waitSignal(dialog.import_done, timeout=10000):
            dialog.import_button.click()
    return dialog


def test_export_then_import_reports_the_counts(window: MainWindow, tmp_path: Path, qtbot,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "export.json"
    _choose_file(monkeypatch, out)
    with qtbot.waitSignal(window.import_export.export_done, timeout=10000):
        window.import_export.export_careerdesk_action.trigger()
    assert out.is_file()
    assert "Exported" in window.statusBar().currentMessage()

    dialog = _import_through_preview(window, qtbot)
    assert dialog.preview.outcome.unchanged["achievements"] == 25
    assert "everything in it was in your journal already" in window.statusBar().currentMessage()


def test_a_refused_import_changes_nothing_and_says_why(journal: object, make_window,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path, qtbot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(journal)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "careerdesk", "version": 1, "achievements": [{"title": 3}]}',
                   encoding="utf-8")
    _choose_file(monkeypatch, bad)
    dialog = _import_through_preview(window, qtbot)
    assert "bad.json" in dialog.refusal_label.text()
    assert not dialog.import_button.isEnabled()
    assert services.is_empty(journal)  # type: ignore[arg-type]


def test_an_import_refreshes_the_open_pages(journal: object, make_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            qtbot, monkeypatch: pytest.MonkeyPatch,
                                            recording_pages: None) -> None:
    window = make_window(journal)
    window.show_page("achievements")
    window.show_page("journal")
    _choose_file(monkeypatch, services.demo_file())
    _import_through_preview(window, qtbot)
    assert window.pages["journal"].refreshed == 1
    window.show_page("achievements")
    assert window.pages["achievements"].refreshed == 1
    assert not window.sample_bar.isVisibleTo(window)


# -- registry, placeholders, theme, icons -----------------------------------------------------


def test_a_page_module_replaces_its_placeholder(monkeypatch: pytest.MonkeyPatch, journal: object,  # type: ignore[no-untyped-def]
                                                qtbot) -> None:
    from PySide6.QtGui import QUndoStack

    # As if the page's module were not written yet (None in sys.modules: not found).
    monkeypatch.setitem(sys.modules, "careerdesk.ui.pages.timeline", None)
    placeholder = registry.create_page("timeline", journal, QUndoStack())  # type: ignore[arg-type]
    qtbot.addWidget(placeholder)
    assert isinstance(placeholder, PlaceholderPage)
    assert placeholder.name == "timeline"
    assert placeholder.title_label.text() == "Timeline"
    assert "timeline" in placeholder.blurb_label.text().lower()
    assert placeholder.open_record("journal", "x") is False

    class TimelinePage(RecordingPage):
        name = "timeline"

    module = types.ModuleType("careerdesk.ui.pages.timeline")
    module.TimelinePage = TimelinePage  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "careerdesk.ui.pages.timeline", module)
    page = registry.create_page("timeline", journal, QUndoStack())  # type: ignore[arg-type]
    qtbot.addWidget(page)
    assert isinstance(page, TimelinePage)


def test_the_achievements_page_is_used_once_it_exists() -> None:
    spec = registry.spec("achievements")
    cls = registry.page_class(spec)
    if (REPO / "careerdesk" / "ui" / "pages" / "achievements.py").exists():
        assert cls is not None and cls.__name__ == "AchievementsPage"
    else:
        assert cls is None


def test_placeholders_show_a_title_and_one_line_only(journal: object, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QLabel

    for spec in registry.PAGES:
        page = PlaceholderPage(journal, QUndoStack(), name=spec.name,  # type: ignore[arg-type]
                               title=spec.title, blurb=spec.blurb)
        qtbot.addWidget(page)
        labels = page.findChildren(QLabel)
        assert [label.text() for label in labels] == [spec.title, spec.blurb]
        assert page.title_label.font().pointSizeF() > page.blurb_label.font().pointSizeF()


def test_palettes_follow_the_scheme_with_one_accent() -> None:
    light = theme.palette_for(Qt.ColorScheme.Light)
    dark = theme.palette_for(Qt.ColorScheme.Dark)
    unknown = theme.palette_for(Qt.ColorScheme.Unknown)
    role = QPalette.ColorRole
    assert light.color(role.Window).lightness() > 200
    assert dark.color(role.Window).lightness() < 60
    assert dark.color(role.WindowText).lightness() > 200
    assert unknown.color(role.Window) == light.color(role.Window)
    assert light.color(role.Highlight) == theme.ACCENT
    assert light.color(role.Accent) == theme.ACCENT
    assert dark.color(role.Highlight) == theme.ACCENT_ON_DARK
    assert "#sidebar" in theme.style_sheet(dark=True, part="sidebar")
    assert all(theme.style_sheet(dark, part) for dark in (False, True) for part in theme.SHEET_PARTS)


def test_the_type_scale_grows_from_the_body_font() -> None:
    body = theme.font_for(theme.TextRole.BODY)
    title = theme.font_for(theme.TextRole.PAGE_TITLE)
    section = theme.font_for(theme.TextRole.SECTION)
    caption = theme.font_for(theme.TextRole.CAPTION)
    assert caption.pointSizeF() < body.pointSizeF() < section.pointSizeF() < title.pointSizeF()
    from PySide6.QtGui import QFont

    pixel_font = QFont()
    pixel_font.setPixelSize(12)
    assert theme.font_for(theme.TextRole.PAGE_TITLE, pixel_font).pixelSize() > 12


@pytest.mark.parametrize("name", [*ORDER, "search", "add", "delete", "undo", "redo"])
def test_every_icon_is_drawn(name: str) -> None:
    icon = icons.drawn(name)
    assert not icon.isNull()
    assert not icons.icon(name).isNull()
    image = icon.pixmap(QSize(24, 24)).toImage()
    painted = [image.pixelColor(x, y) for x in range(24) for y in range(24)
               if image.pixelColor(x, y).alpha() > 128]
    assert painted, f"{name} draws nothing"
    text = QApplication.palette().color(QPalette.ColorRole.WindowText)
    assert any(abs(c.lightness() - text.lightness()) < 40 for c in painted)


def test_a_selected_icon_takes_the_highlighted_text_colour() -> None:
    image = icons.drawn("add").pixmap(QSize(24, 24), QIcon.Mode.Selected).toImage()
    centre = image.pixelColor(12, 12)
    assert centre.alpha() > 200
    expected = QApplication.palette().color(QPalette.ColorRole.HighlightedText)
    assert abs(centre.lightness() - expected.lightness()) < 30
    assert isinstance(icons.app_icon().pixmap(32).toImage().pixelColor(16, 16), QColor)


# -- the command line's headless modes --------------------------------------------------------


def _careerdesk(*args: str, data_dir: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "careerdesk", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env, timeout=timeout,
                          cwd=REPO)


@pytest.fixture
def demo_dir(tmp_path: Path) -> Iterator[Path]:
    data = tmp_path / "demo-data"
    done = _careerdesk("demo", data_dir=data)
    assert done.returncode == 0, done.stderr
    yield data


def test_screenshot_writes_every_page_at_1280_by_800(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    done = _careerdesk("--screenshot", str(out), data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.png" for name in ORDER)
    for name in ORDER:
        image = QImage(str(out / f"{name}.png"))
        assert image.size() == QSize(1280, 800), name
        colours = {image.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 800, 23)}
        assert len(colours) > 5, f"{name}.png is blank"
    assert not settings_path(demo_dir).exists()


def test_measure_startup_prints_both_times(demo_dir: Path) -> None:
    done = _careerdesk("--measure-startup", data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2
    first = re.fullmatch(r"first_paint_ms=(\d+)", lines[0])
    ready = re.fullmatch(r"ready_ms=(\d+)", lines[1])
    assert first and ready
    assert 0 < int(first.group(1)) <= int(ready.group(1)) < 60_000


def test_a_journal_that_cannot_be_opened_exits_1_with_a_message(tmp_path: Path) -> None:
    data = tmp_path / "broken"
    data.mkdir()
    (data / "journal.sqlite3").write_bytes(b"this is not a database" * 100)
    done = _careerdesk("--screenshot", str(tmp_path / "shots"), data_dir=data)
    assert done.returncode == 1
    assert "journal.sqlite3" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "shots").exists()


def test_only_the_shell_and_secondary_text_are_drawn_with_style_sheets(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A style sheet on the whole application would draw every widget through Qt's
    style-sheet style (twice the memory per widget); the pages keep plain Fusion."""
    app = QApplication.instance()
    assert isinstance(app, QApplication) and app.styleSheet() == ""
    page = window.show_page("achievements")
    assert page is not None
    assert page.table.style().metaObject().className() == "QFusionStyle"  # type: ignore[attr-defined]
    assert window.sidebar.style().metaObject().className() == "QStyleSheetStyle"
    count = next(label for label in page.findChildren(QLabel)
                 if label.objectName() == "pageBlurb")
    light = theme.tone("secondary_text", dark=False).name()
    assert light in count.styleSheet().lower()
    try:
        theme._apply(app, Qt.ColorScheme.Dark)  # the system switches to dark
        dark = theme.tone("secondary_text", dark=True).name()
        assert dark in count.styleSheet().lower()
        assert theme.tone("sidebar", dark=True).name() in window.sidebar_panel.styleSheet().lower()
    finally:
        theme._apply(app, app.styleHints().colorScheme())
