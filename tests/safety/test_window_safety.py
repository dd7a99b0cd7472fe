"""The window's side of safety: the recovery screen, one window per journal, and
automatic backups triggered from the window."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.errors import CareerdeskError
from careerdesk.store.backup import backup, check_file
from careerdesk.store.cipher import Passphrase
from careerdesk.store.database import Journal, open_journal
from careerdesk.store.environment import JournalDamaged, JournalTooNew
from careerdesk.ui import recovery
from careerdesk.ui.auto_backup import AutoBackup
from careerdesk.ui.health import HealthCheck
from careerdesk.ui.passphrase_dialog import PassphraseDialog
from careerdesk.ui.recovery import RecoveryDialog, open_or_recover
from careerdesk.ui.single_instance import LOCK_NAME, SingleInstance, ask_first_to_show
from tests.conftest import REPO


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A data folder whose journal was overwritten, with two backups from before."""
    data_dir = tmp_path / "data"
    journal = open_journal(data_dir)
    services.add_journal_entry(journal, "kept safe")
    journal.close()
    backup(data_dir, data_dir / "backups" / "journal-2026-11-20T090000.sqlite3")
    services_journal = open_journal(data_dir)
    services.add_journal_entry(services_journal, "kept safe too")
    services_journal.close()
    backup(data_dir, data_dir / "backups" / "journal-2026-11-21T090000.sqlite3")
    (data_dir / "journal.sqlite3").write_bytes(b"\0" * 8192)
    return data_dir


def _error(data_dir: Path) -> CareerdeskError:
    try:
        open_journal(data_dir)
    except CareerdeskError as error:
        return error
    raise AssertionError("the journal opened")


def test_the_recovery_screen_explains_and_lists_the_latest_backups(
        qtbot: QtBot, damaged: Path) -> None:
    error = _error(damaged)
    assert isinstance(error, JournalDamaged)
    dialog = RecoveryDialog(damaged, error)
    qtbot.addWidget(dialog)
    assert "damaged" in dialog.explanation.text() and "never deleted" in dialog.explanation.text()
    assert dialog.model.rowCount() == 2
    newest = dialog.model.item(0, 0)
    assert "2026" in newest.text() and "21" in newest.text()
    assert dialog.model.item(0, 1).text().endswith("kB")
    assert dialog.selected_backup() == damaged / "backups" / "journal-2026-11-21T090000.sqlite3"
    for widget in (dialog.table, dialog.restore_button, dialog.aside_button, dialog.quit_button):
        assert widget.accessibleName()
        assert widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_one_click_restores_the_newest_backup_and_keeps_the_damaged_file(
        qtbot: QtBot, damaged: Path) -> None:
    damaged_bytes = _sha256(damaged / "journal.sqlite3")
    dialog = RecoveryDialog(damaged, _error(damaged))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    journal = open_journal(damaged)
    try:
        assert sorted(e.body for e in services.load_all(journal, r.JournalEntry)) == [
            "kept safe", "kept safe too"]
    finally:
        journal.close()
    (kept,) = (damaged / "backups").glob("damaged-*.sqlite3")
    assert _sha256(kept) == damaged_bytes


def test_a_bad_backup_is_refused_on_the_screen_and_another_can_be_chosen(
        qtbot: QtBot, damaged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = damaged / "backups" / "journal-2026-11-21T090000.sqlite3"
    bad.write_bytes(b"broken" * 100)
    # Not SQLite's header: it may be an encrypted backup, so its passphrase is asked for.
    asked: list[Path] = []
    monkeypatch.setattr(PassphraseDialog, "ask_to_open",
                        lambda path, **_: asked.append(path) or Passphrase("a guess"))
    dialog = RecoveryDialog(damaged, _error(damaged))
    qtbot.addWidget(dialog)
    dialog.restore_selected()
    assert asked == [bad]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "could not be restored" in dialog.problem.text()
    assert "passphrase does not open it" in dialog.problem.text()
    dialog.table.selectRow(1)
    dialog.restore_selected()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert check_file(damaged / "journal.sqlite3").ok


def test_without_backups_the_file_can_be_set_aside_for_a_new_journal(
        qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "journal.sqlite3").write_bytes(b"my notes, not a database" * 50)
    before = _sha256(data_dir / "journal.sqlite3")
    dialog = RecoveryDialog(data_dir, _error(data_dir))
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and dialog.empty.isVisibleTo(dialog)
    dialog.set_aside()
    (kept,) = (data_dir / "backups").glob("damaged-*.sqlite3")
    assert _sha256(kept) == before
    open_journal(data_dir).close()  # a new, empty journal


def test_the_window_start_loops_through_recovery_until_a_journal_opens(
        qapp: object, damaged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def restore_oldest(data_dir: Path, error: CareerdeskError) -> bool:
        shown.append(type(error).__name__)
        dialog = RecoveryDialog(data_dir, error)
        dialog.table.selectRow(dialog.model.rowCount() - 1)
        dialog.restore_selected()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(recovery, "_ask", restore_oldest)
    journal = open_or_recover(damaged, interactive=True)
    assert journal is not None
    try:
        assert [e.body for e in services.load_all(journal, r.JournalEntry)] == ["kept safe"]
    finally:
        journal.close()
    assert shown == ["JournalDamaged"]


def test_quitting_the_recovery_screen_leaves_everything_as_it_was(
        qapp: object, damaged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _sha256(damaged / "journal.sqlite3")
    monkeypatch.setattr(recovery, "_ask", lambda data_dir, error: False)
    assert open_or_recover(damaged, interactive=True) is None
    assert _sha256(damaged / "journal.sqlite3") == before


def test_a_journal_from_a_newer_careerdesk_gets_no_recovery_screen(
        qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    open_journal(tmp_path).close()
    connection = sqlite3.connect(tmp_path / "journal.sqlite3")
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    monkeypatch.setattr(recovery, "_ask", lambda *args: pytest.fail("no recovery for this"))
    with pytest.raises(JournalTooNew):
        open_or_recover(tmp_path, interactive=True)


# ---------------------------------------------------------------- one window per journal


def test_a_second_start_brings_the_first_window_forward(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.acquire()
    assert (tmp_path / LOCK_NAME).stat().st_mode & 0o077 == 0
    second = SingleInstance(tmp_path)
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.show_requested, timeout=3000):
            assert ask_first_to_show(tmp_path)
    finally:
        first.release()
    assert second.acquire()  # free once the first one closed
    second.release()


def test_another_data_folder_is_another_journal(tmp_path: Path, qapp: object) -> None:
    one, other = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    try:
        assert one.acquire() and other.acquire()
    finally:
        one.release()
        other.release()


def test_the_lock_of_a_crashed_careerdesk_is_taken_over(tmp_path: Path, qapp: object) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from PySide6.QtCore import QLockFile; "
         "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); print('held', flush=True); "
         "time.sleep(60)", str(tmp_path / LOCK_NAME)],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    instance = SingleInstance(tmp_path)
    try:
        assert not instance.acquire()  # alive: respected
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert (tmp_path / LOCK_NAME).exists()  # left behind by the crash
        assert instance.acquire()
    finally:
        instance.release()
        if holder.poll() is None:
            holder.kill()


# ---------------------------------------------------------------- automatic backups


def test_the_window_takes_an_automatic_backup_soon_after_start(
        qtbot: QtBot, journal: Journal) -> None:
    services.add_journal_entry(journal, "worth a backup")
    backups = AutoBackup(journal)
    with qtbot.waitSignal(backups.made, timeout=10_000) as made:
        backups.start(delay_ms=0)
    backups.stop()
    path = made.args[0]
    assert isinstance(path, Path) and check_file(path).ok
    assert path.parent == journal.path.parent / "backups"


# ---------------------------------------------------------------- the check after the first paint


def _damage_entries_table(path: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master "
                              "WHERE name = 'journal_entry'").fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start: start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def test_the_health_check_finds_damage_the_quick_open_did_not_look_for(
        qtbot: QtBot, tmp_path: Path) -> None:
    journal = open_journal(tmp_path)
    for number in range(40):
        services.add_journal_entry(journal, f"entry {number} " + "words " * 200)
    journal.close()
    _damage_entries_table(journal.path)
    opened = open_journal(tmp_path, check=False)  # as the window opens it: at once
    try:
        check = HealthCheck(opened.path)
        with qtbot.waitSignal(check.damaged, timeout=10_000) as found:
            check.start(delay_ms=0)
        assert "damaged" in found.args[0] and str(opened.path) in found.args[0]
    finally:
        opened.close()
    with pytest.raises(JournalDamaged):
        open_journal(tmp_path)  # and the next open, with the check, shows the recovery screen


def test_the_health_check_is_quiet_about_a_good_journal(qtbot: QtBot, journal: Journal) -> None:
    services.add_journal_entry(journal, "all well")
    check = HealthCheck(journal.path)
    told: list[str] = []
    check.damaged.connect(told.append)
    check.start(delay_ms=0)
    qtbot.waitUntil(lambda: check.operation is not None and not check.running, timeout=10_000)
    assert told == [] and check.operation is not None and check.operation.error is None
