"""File ▸ Import and File ▸ Export: the preview dialog, the background work, the exports,
the brag document dialog, and the worker that runs it all off the main thread."""

from __future__ import annotations

import errno
import json
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy.pool import QueuePool

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.errors import FileRefused
from careerdesk.store.database import Journal
from careerdesk.store.repository import RecordWriter
from careerdesk.ui import background
from careerdesk.ui.background import Operation
from careerdesk.ui.export_dialog import BragDocumentDialog, PeriodChoice, period_for
from careerdesk.ui.file_chooser import FileChooser
from careerdesk.ui.import_dialog import ImportDialog
from careerdesk.ui.main_window import MainWindow
from tests.interchange import samples

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 22)  # the sample journal's today
SURCHARGE = "Found and fixed fuel surcharge leakage"  # Nov 2026
SLA_CREDITS = "Carrier SLA credits recovered with the delay data"  # Feb 2026


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def make_window(qtbot: Any) -> Iterator[Callable[[Journal], MainWindow]]:
    made: list[MainWindow] = []

    def make(journal: Journal) -> MainWindow:
        window = MainWindow(journal, Path(journal.path).parent, remember=False)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QMessageBox.Icon, str, str]]:
    shown: list[tuple[QMessageBox.Icon, str, str]] = []
    monkeypatch.setattr(MainWindow, "show_message",
                        lambda self, icon, title, text: shown.append((icon, title, text)))
    return shown


@pytest.fixture
def jrnl_file(tmp_path: Path) -> Path:
    path = tmp_path / "jrnl-export.json"
    path.write_text(json.dumps(samples.JRNL), encoding="utf-8")
    return path


@pytest.fixture
def broken_file(tmp_path: Path) -> Path:
    data = json.loads(json.dumps(samples.JRNL))
    data["entries"][1]["date"] = "05/03/2026"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _choose_open(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Replaces the open-file dialog; returns the filters it was shown with."""
    seen: list[str] = []

    def ask(cls: type, parent: object, title: str, folder: str, filters: str) -> Path | None:
        seen.append(filters)
        return path

    monkeypatch.setattr(FileChooser, "ask_open", classmethod(ask))
    return seen


def _choose_save(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[Path]:
    suggested: list[Path] = []

    def ask(cls: type, parent: object, title: str, suggestion: Path, filters: str,
            suffix: str) -> Path | None:
        suggested.append(suggestion)
        return path

    monkeypatch.setattr(FileChooser, "ask_save", classmethod(ask))
    return suggested


def _open_import(window: MainWindow, qtbot: Any) -> ImportDialog:
    """Chooses File ▸ Import… and waits for the preview (or the refusal)."""
    window.import_export.import_action.trigger()
    dialog = window.import_export.dialog
    assert isinstance(dialog, ImportDialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        pass
    return dialog


def _grid_rows(dialog: ImportDialog) -> list[list[str]]:
    rows: dict[int, dict[int, str]] = {}
    for index in range(dialog.grid.count()):
        item = dialog.grid.itemAt(index)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            row, column, _, _ = dialog.grid.getItemPosition(index)
            rows.setdefault(row, {})[column] = widget.text()
    return [[cells[c] for c in sorted(cells)] for _, cells in sorted(rows.items())]


def _entries(journal: Journal) -> list[r.JournalEntry]:
    return services.load_all(journal, r.JournalEntry)


# -- the File menu ----------------------------------------------------------------------------


def test_the_file_menu_offers_every_import_and_export(journal: Journal, make_window: Any) -> None:
    window = make_window(journal)
    file_menu = window.menus["file"]
    texts = [a.text().replace("&", "") for a in file_menu.actions() if not a.isSeparator()]
    at = texts.index("Import…")
    assert texts[at:at + 3] == ["Import…", "Import LinkedIn Folder…", "Export"]
    exports = [a.text().replace("&", "") for a in window.export_menu.actions()]
    assert exports[:3] == ["careerdesk File…", "CSV Files (Zip)…", "Brag Document…"]
    assert all(a.statusTip() for a in window.import_export.actions)


def test_the_open_dialog_offers_a_filter_for_every_format(
        journal: Journal, make_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(journal)
    seen = _choose_open(monkeypatch, None)  # the user cancels the file dialog
    window.import_export.import_action.trigger()
    [filters] = seen
    parts = filters.split(";;")
    assert parts[0].startswith("Everything careerdesk can import")
    for pattern in ("*.json", "*.zip", "*.csv", "*.vcf"):
        assert pattern in parts[0]
    assert any(p.startswith("jrnl JSON export") for p in parts)
    assert any(p.startswith("vCard contacts (*.vcf *.vcard)") for p in parts)
    assert window.import_export.dialog is None
    assert window.import_export.import_action.isEnabled()


# -- import -----------------------------------------------------------------------------------


def test_a_jrnl_file_is_previewed_then_imported(
        journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        jrnl_file: Path) -> None:
    window = make_window(journal)
    _choose_open(monkeypatch, jrnl_file)
    dialog = _open_import(window, qtbot)

    assert dialog.title_label.text() == "Import jrnl-export.json"
    assert dialog.format_combo.currentData() == "jrnl"
    assert dialog.preview is not None and dialog.preview.counts == {"journal": 3}
    assert _grid_rows(dialog) == [
        ["Kind of record", "In the file", "New", "Updated", "Unchanged"],
        ["Journal entries", "3", "3", "0", "0"],
    ]
    assert dialog.outcome_label.text() == "3 new, 0 updated, 0 already in your journal."
    assert dialog.import_button.isEnabled()
    assert _entries(journal) == []  # the preview wrote nothing
    assert not window.import_export.import_action.isEnabled()  # one import at a time

    with qtbot.waitSignal(dialog.import_done, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    titles = sorted(e.title or "" for e in _entries(journal))
    assert titles == ["Coffee with Ana.", "Coffee with Ana.", "Shipped the billing migration."]
    assert window.statusBar().currentMessage() == (
        "Imported jrnl-export.json: 3 new records, 0 updated.")
    assert window.import_export.import_action.isEnabled()
    assert not window.sample_bar.isVisibleTo(window)  # the journal is not empty any more


def test_cancel_writes_nothing(journal: Journal, make_window: Any, qtbot: Any,
                               monkeypatch: pytest.MonkeyPatch, jrnl_file: Path) -> None:
    window = make_window(journal)
    _choose_open(monkeypatch, jrnl_file)
    dialog = _open_import(window, qtbot)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Rejected
    assert services.is_empty(journal)
    assert window.import_export.dialog is None
    assert window.import_export.import_action.isEnabled()
    assert "Imported" not in window.statusBar().currentMessage()


def test_a_second_import_finds_everything_unchanged(
        demo_journal: Journal, make_window: Any, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(demo_journal)
    _choose_open(monkeypatch, services.demo_file())
    dialog = _open_import(window, qtbot)
    assert dialog.format_combo.currentData() == "careerdesk"
    assert ["Achievements", "25", "0", "0", "25"] in _grid_rows(dialog)
    assert "importing changes nothing" in dialog.outcome_label.text()
    with qtbot.waitSignal(dialog.import_done, timeout=10000):
        dialog.import_button.click()
    assert "everything in it was in your journal already" in window.statusBar().currentMessage()


def test_a_refused_file_says_where_and_writes_nothing(
        journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        broken_file: Path) -> None:
    window = make_window(journal)
    _choose_open(monkeypatch, broken_file)
    dialog = _open_import(window, qtbot)
    assert dialog.pages.currentIndex() == 2
    assert dialog.refusal_label.text() == (
        f'{broken_file}: entries[1].date: expected a date YYYY-MM-DD, got "05/03/2026"')
    assert not dialog.import_button.isEnabled()
    assert dialog.cancel_button.text() == "Close"
    dialog.start_import()  # even asked directly, there is nothing to import
    assert services.is_empty(journal)
    dialog.cancel_button.click()
    assert window.import_export.import_action.isEnabled()


def test_choosing_another_format_reads_the_file_again(
        journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        jrnl_file: Path) -> None:
    window = make_window(journal)
    _choose_open(monkeypatch, jrnl_file)
    dialog = _open_import(window, qtbot)
    index = dialog.format_combo.findData("vcard")
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.format_combo.setCurrentIndex(index)
        dialog.format_combo.activated.emit(index)
    assert "jrnl-export.json" in dialog.refusal_label.text()
    assert not dialog.import_button.isEnabled()
    index = dialog.format_combo.findData("jrnl")
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.format_combo.setCurrentIndex(index)
        dialog.format_combo.activated.emit(index)
    assert dialog.import_button.isEnabled()
    assert dialog.cancel_button.text() == "Cancel"


def test_a_linkedin_folder_is_imported_from_its_own_menu_item(
        journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    folder = tmp_path / "Basic_LinkedInDataExport"
    folder.mkdir()
    (folder / "Connections.csv").write_text(samples.CONNECTIONS, encoding="utf-8")
    monkeypatch.setattr(FileChooser, "ask_folder", classmethod(lambda cls, *args: folder))
    window = make_window(journal)
    window.import_export.import_folder_action.trigger()
    dialog = window.import_export.dialog
    assert isinstance(dialog, ImportDialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        pass
    assert dialog.format_combo.currentData() == "linkedin"
    assert dialog.preview is not None and dialog.preview.counts.get("people", 0) > 0


def test_the_reading_and_the_writing_run_off_the_main_thread(
        journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        jrnl_file: Path) -> None:
    window = make_window(journal)
    release = threading.Event()
    threads: list[int] = []
    real_preview, real_apply = services.preview_import, services.apply_import

    def slow_preview(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        assert release.wait(10)
        return real_preview(*args, **kwargs)

    def slow_apply(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        assert release.wait(10)
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(services, "preview_import", slow_preview)
    monkeypatch.setattr(services, "apply_import", slow_apply)
    _choose_open(monkeypatch, jrnl_file)
    window.import_export.import_action.trigger()
    dialog = window.import_export.dialog
    assert isinstance(dialog, ImportDialog)

    # While the worker waits, the main thread goes on: a timer fires, the dialog shows
    # its busy bar, and a second import cannot start.
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)
    assert dialog.pages.currentIndex() == 0 and dialog.progress.maximum() == 0
    assert not dialog.import_button.isEnabled()
    assert window.import_export.import_file(jrnl_file) is None
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        release.set()

    release.clear()
    dialog.start_import()
    ticks.clear()
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)
    assert dialog.writing and not dialog.cancel_button.isEnabled()
    dialog.reject()  # an import already writing cannot be cancelled half-way
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.import_done, timeout=10000):
        release.set()
    timer.stop()
    assert len(threads) == 2
    assert threading.get_ident() not in threads
    assert len(_entries(journal)) == 3


def test_an_import_refreshes_the_pages(journal: Journal, make_window: Any, qtbot: Any,
                                       monkeypatch: pytest.MonkeyPatch, jrnl_file: Path) -> None:
    window = make_window(journal)
    refreshed: list[bool] = []
    monkeypatch.setattr(window, "refresh_pages", lambda: refreshed.append(True))
    window.import_export.journal_changed.disconnect()
    window.import_export.journal_changed.connect(window.refresh_pages)
    _choose_open(monkeypatch, jrnl_file)
    dialog = _open_import(window, qtbot)
    with qtbot.waitSignal(dialog.import_done, timeout=10000):
        dialog.import_button.click()
    assert refreshed == [True]


# -- export -----------------------------------------------------------------------------------


def test_the_careerdesk_export_writes_the_whole_journal(
        demo_journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    window = make_window(demo_journal)
    out = tmp_path / "journal-copy.json"
    suggested = _choose_save(monkeypatch, out)
    with qtbot.waitSignal(window.import_export.export_done, timeout=10000):
        window.import_export.export_careerdesk_action.trigger()
        assert not window.import_export.export_csv_action.isEnabled()  # one at a time
        assert window.import_export.status_progress.isVisibleTo(window)
    assert suggested[0].name.startswith("careerdesk-") and suggested[0].suffix == ".json"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "careerdesk"
    assert len(data["achievements"]) == 25
    assert window.statusBar().currentMessage().startswith("Exported 160 records to ")
    assert not window.import_export.status_progress.isVisibleTo(window)
    assert window.import_export.export_csv_action.isEnabled()


def test_the_csv_export_writes_a_zip_of_csv_files(
        demo_journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    window = make_window(demo_journal)
    out = tmp_path / "records.zip"
    _choose_save(monkeypatch, out)
    with qtbot.waitSignal(window.import_export.export_done, timeout=10000):
        window.import_export.export_csv_action.trigger()
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        achievements = archive.read("achievements.csv").decode("utf-8-sig")
    assert "achievements.csv" in names and "people.csv" in names
    assert SURCHARGE in achievements
    assert len(achievements.strip().splitlines()) >= 26  # a header and 25 achievements
    assert "CSV files" in window.statusBar().currentMessage()


def test_an_export_that_cannot_be_written_says_what_to_do(
        demo_journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        messages: list[tuple[QMessageBox.Icon, str, str]], tmp_path: Path) -> None:
    window = make_window(demo_journal)
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")
    out = not_a_folder / "records.zip"
    _choose_save(monkeypatch, out)
    with qtbot.waitSignal(window.import_export.export_done, timeout=10000):
        window.import_export.export_csv_action.trigger()
    [(icon, title, text)] = messages
    assert icon == QMessageBox.Icon.Critical and title == "Export Failed"
    assert f"Nothing was written to {out}." in text
    assert "cannot be written" in text
    assert not out.exists()
    assert window.import_export.export_csv_action.isEnabled()


def test_disk_full_and_read_only_folders_are_put_in_words() -> None:
    full = background.describe(OSError(errno.ENOSPC, "No space left on device", "/x/a.zip"))
    assert full.startswith("/x/a.zip: No space left on device")
    assert "The disk is full" in full
    read_only = background.describe(FileRefused("/x/a.zip: cannot be written (Permission denied)"))
    assert "Choose another folder" in read_only
    assert background.describe(FileRefused("/x/a.json: line 3: not valid JSON")) == (
        "/x/a.json: line 3: not valid JSON")


# -- the brag document ------------------------------------------------------------------------


def _brag(window: MainWindow, qtbot: Any) -> BragDocumentDialog:
    dialog = window.import_export.show_brag_document(today=TODAY)
    assert dialog is not None
    with qtbot.waitSignal(dialog.document_ready, timeout=10000):
        pass
    return dialog


def _settled(dialog: BragDocumentDialog, qtbot: Any, change: Callable[[], None]) -> None:
    with qtbot.waitSignal(dialog.document_ready, timeout=10000):
        change()


def test_the_brag_document_covers_the_last_twelve_months_by_default(
        demo_journal: Journal, make_window: Any, qtbot: Any) -> None:
    window = make_window(demo_journal)
    dialog = _brag(window, qtbot)
    assert dialog.choice() is PeriodChoice.LAST_12_MONTHS
    assert not dialog.start_edit.isVisibleTo(dialog)
    assert dialog.text.startswith(
        "# Priya Raman’s accomplishments, 23 Nov 2025 to 22 Nov 2026")
    assert dialog.text == services.brag_document(demo_journal, start=date(2025, 11, 23),
                                                 end=TODAY)
    assert SURCHARGE in dialog.preview.toPlainText()
    assert "# " not in dialog.preview.toPlainText()  # rendered, not shown as markdown
    assert dialog.copy_button.isEnabled() and dialog.save_button.isEnabled()


def test_the_period_choice_changes_the_document(demo_journal: Journal, make_window: Any,
                                                qtbot: Any) -> None:
    window = make_window(demo_journal)
    dialog = _brag(window, qtbot)
    assert SLA_CREDITS in dialog.text

    _settled(dialog, qtbot, lambda: dialog.set_choice(PeriodChoice.SINCE))
    assert dialog.start_edit.isVisibleTo(dialog) and not dialog.end_edit.isVisibleTo(dialog)
    _settled(dialog, qtbot, lambda: dialog.set_dates(date(2026, 6, 1)))
    assert "1 Jun 2026 to 22 Nov 2026" in dialog.text.splitlines()[0]
    assert SURCHARGE in dialog.text and SLA_CREDITS not in dialog.text

    _settled(dialog, qtbot, lambda: dialog.set_choice(PeriodChoice.THIS_YEAR))
    assert "1 Jan 2026 to 22 Nov 2026" in dialog.text.splitlines()[0]
    assert SLA_CREDITS in dialog.text

    _settled(dialog, qtbot, lambda: dialog.set_choice(PeriodChoice.CUSTOM))
    _settled(dialog, qtbot, lambda: dialog.set_dates(date(2026, 1, 1), date(2026, 3, 31)))
    assert "1 Jan 2026 to 31 Mar 2026" in dialog.text.splitlines()[0]
    assert SLA_CREDITS in dialog.text and SURCHARGE not in dialog.text


def test_a_typed_date_makes_the_document_once_it_settles(
        demo_journal: Journal, make_window: Any, qtbot: Any) -> None:
    window = make_window(demo_journal)
    dialog = _brag(window, qtbot)
    _settled(dialog, qtbot, lambda: dialog.set_choice(PeriodChoice.SINCE))
    with qtbot.waitSignal(dialog.document_ready, timeout=10000):
        dialog.start_edit.setDate(QDate(2026, 10, 1))
    assert "1 Oct 2026 to 22 Nov 2026" in dialog.text.splitlines()[0]


def test_an_end_before_the_start_is_refused_in_words(demo_journal: Journal, make_window: Any,
                                                    qtbot: Any) -> None:
    window = make_window(demo_journal)
    dialog = _brag(window, qtbot)
    _settled(dialog, qtbot, lambda: dialog.set_choice(PeriodChoice.CUSTOM))
    _settled(dialog, qtbot, lambda: dialog.set_dates(date(2026, 5, 1), date(2026, 4, 1)))
    assert dialog.text == ""
    assert "before its start" in dialog.preview.toPlainText()
    assert not dialog.copy_button.isEnabled() and not dialog.save_button.isEnabled()


def test_copy_and_save_give_the_markdown_shown(
        demo_journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    window = make_window(demo_journal)
    dialog = _brag(window, qtbot)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.text

    out = tmp_path / "brag.md"
    suggested = _choose_save(monkeypatch, out)
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_button.click()
    assert suggested[0].name == "brag-document-2025-11-23-to-2026-11-22.md"
    assert out.read_text(encoding="utf-8") == dialog.text
    assert window.statusBar().currentMessage() == f"Saved the brag document as {out}."


def test_a_save_that_fails_is_shown_and_writes_nothing(
        demo_journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    window = make_window(demo_journal)
    dialog = _brag(window, qtbot)
    shown: list[str] = []
    monkeypatch.setattr(dialog, "show_message", lambda title, text: shown.append(text))
    out = tmp_path / "folder-that-is-not-there" / "brag.md"
    _choose_save(monkeypatch, out)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert str(out) in shown[0]
    assert not out.exists()
    assert dialog.save_button.isEnabled()


def test_the_preview_loads_nothing_and_shows_html_as_text(
        demo_journal: Journal, make_window: Any, qtbot: Any) -> None:
    window = make_window(demo_journal)
    dialog = _brag(window, qtbot)
    dialog.preview.set_markdown("# Title\n\n<b>not bold</b> ![x](file:///etc/passwd)\n")
    assert "<b>not bold</b>" in dialog.preview.toPlainText()
    dialog.preview.viewport().grab()  # painting is when an image would be fetched
    assert QUrl("file:///etc/passwd") in dialog.preview.requested_resources  # asked, refused
    # A blank stand-in: answered with nothing, Qt's image handler would read the file itself.
    assert dialog.preview.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                       QUrl("file:///etc/passwd")).size().width() == 1


def test_period_for_each_choice() -> None:
    since, start, end = date(2026, 3, 1), date(2025, 1, 1), date(2025, 6, 30)
    assert period_for(PeriodChoice.LAST_12_MONTHS, TODAY, since, start, end) == (
        period_for(PeriodChoice.CUSTOM, TODAY, since, date(2025, 11, 23), TODAY))
    assert period_for(PeriodChoice.THIS_YEAR, TODAY, since, start, end).start == date(2026, 1, 1)
    assert period_for(PeriodChoice.SINCE, TODAY, since, start, end).start == since
    custom = period_for(PeriodChoice.CUSTOM, TODAY, since, start, end)
    assert (custom.start, custom.end) == (start, end)


# -- the background worker --------------------------------------------------------------------


def _run(qtbot: Any, work: Callable[[], Any]) -> Operation:
    operation = Operation(work)
    with qtbot.waitSignal(operation.finished, timeout=10000):
        operation.start()
    return operation


def test_the_worker_delivers_a_result_on_the_main_thread(qtbot: Any) -> None:
    where: list[int] = []
    operation = Operation(lambda: threading.get_ident())
    operation.succeeded.connect(lambda _result: where.append(threading.get_ident()))
    with qtbot.waitSignal(operation.finished, timeout=10000):
        operation.start()
    assert operation.result != threading.get_ident()  # the work ran elsewhere
    assert where == [threading.get_ident()]  # and the answer came back here
    assert not operation.running


def test_the_worker_delivers_errors_as_messages(qtbot: Any, caplog: Any) -> None:
    def refuse() -> None:
        raise FileRefused("/x/file.json: entries[0].date: is missing")

    def crash() -> None:
        raise ValueError("a bug")

    failures: list[str] = []
    refused = Operation(refuse)
    refused.failed.connect(failures.append)
    with qtbot.waitSignal(refused.finished, timeout=10000):
        refused.start()
    assert failures == ["/x/file.json: entries[0].date: is missing"]

    crashed = _run(qtbot, crash)
    assert isinstance(crashed.error, ValueError)
    assert crashed.message.startswith("Something unexpected went wrong (ValueError)")
    assert "background work failed" in caplog.text  # the traceback is logged, not lost


def test_a_worker_thread_uses_its_own_pooled_connection(journal: Journal, qtbot: Any) -> None:
    # File journals use a QueuePool, whose connections are opened with
    # check_same_thread=False: one made on the main thread may serve a worker afterwards.
    assert isinstance(journal.engine.pool, QueuePool)
    services.add_journal_entry(journal, "Written on the main thread.")
    operation = _run(qtbot, lambda: [e.body for e in services.load_all(journal, r.JournalEntry)])
    assert operation.error is None
    assert operation.result == ["Written on the main thread."]

    # A worker writes while the main thread reads: WAL keeps both going.
    release = threading.Event()

    def write() -> None:
        with journal.transaction() as session:
            RecordWriter(session).save(r.JournalEntry(date=TODAY, body="From a worker."))
            assert release.wait(10)

    writing = Operation(write)
    writing.start()
    qtbot.wait(50)
    assert len(_entries(journal)) == 1  # the main thread reads meanwhile, not blocked
    with qtbot.waitSignal(writing.finished, timeout=10000):
        release.set()
    assert writing.error is None, writing.message
    assert len(_entries(journal)) == 2


def test_closing_the_window_waits_for_running_work(
        journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        jrnl_file: Path) -> None:
    window = make_window(journal)
    _choose_open(monkeypatch, jrnl_file)
    dialog = _open_import(window, qtbot)
    with qtbot.waitSignal(dialog.import_done, timeout=10000):
        dialog.start_import()
        window.shutdown()  # waits for the pool: the journal may be closed right after
        assert len(_entries(journal)) == 3  # written before shutdown returned


def test_cancel_while_reading_drops_the_preview_quietly(
        journal: Journal, make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        jrnl_file: Path) -> None:
    window = make_window(journal)
    release = threading.Event()
    real_preview = services.preview_import

    def slow_preview(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(10)
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(services, "preview_import", slow_preview)
    _choose_open(monkeypatch, jrnl_file)
    window.import_export.import_action.trigger()
    dialog = window.import_export.dialog
    assert isinstance(dialog, ImportDialog) and dialog.cancel_button.isEnabled()
    operation = dialog.operation
    assert operation is not None
    dialog.cancel_button.click()  # reading writes nothing, so it may be abandoned
    assert window.import_export.import_action.isEnabled()
    with qtbot.waitSignal(operation.finished, timeout=10000):
        release.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=10000)  # deleted after
    assert services.is_empty(journal)
    assert "Imported" not in window.statusBar().currentMessage()


def test_emitting_a_signal_keeps_the_reference_count_of_true(qtbot: Any) -> None:
    # PySide6 6.12.0's emit() returned True without a reference: every emit took one from
    # True until the interpreter aborted ("deallocating True or False"). The workers emit
    # for every piece of work, so a long session would end in that crash.
    operation = Operation(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        operation.finished.emit()
    assert sys.getrefcount(True) - before >= 0
