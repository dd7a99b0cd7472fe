"""The window's side of encryption: asking for the passphrase on open (again after a wrong
one, never the recovery screen for it), and the File menu's Encrypt, Change Passphrase and
Decrypt, with the window going on with the same journal afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from careerdesk import services
from careerdesk.domain.records import Person
from careerdesk.paths import database_path
from careerdesk.store import cipher
from careerdesk.store.backup import backup
from careerdesk.store.cipher import Passphrase, WrongPassphrase
from careerdesk.store.database import Journal, open_journal
from careerdesk.store.encryption import encrypt_journal
from careerdesk.ui import recovery
from careerdesk.ui.main_window import MainWindow
from careerdesk.ui.passphrase_dialog import Mode, Outcome, PassphraseDialog

KEY = Passphrase("a long and memorable passphrase")


@pytest.fixture
def encrypted_dir(private_data_dir: Path) -> Path:
    journal = open_journal(private_data_dir)
    services.load_demo(journal)
    journal.close()
    encrypt_journal(private_data_dir, KEY)
    return private_data_dir


@pytest.fixture
def window(qtbot: Any, demo_journal: Journal) -> Iterator[MainWindow]:
    made = MainWindow(demo_journal, Path(demo_journal.path).parent, remember=False)
    qtbot.addWidget(made)
    made.show()
    yield made
    made.shutdown()


def test_the_window_asks_again_after_a_wrong_passphrase(
        encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    answers: list[Passphrase | Outcome] = [Passphrase("wrong"), Passphrase("also wrong"), KEY]
    asked: list[tuple[bool, int]] = []

    def ask_to_open(path: Path, *, wrong: bool = False, attempts: int = 0,
                    parent: object = None) -> Passphrase | Outcome:
        asked.append((wrong, attempts))
        return answers.pop(0)

    monkeypatch.setattr(PassphraseDialog, "ask_to_open", ask_to_open)
    monkeypatch.setattr(recovery, "_ask", lambda *_: pytest.fail("recovery for a passphrase"))

    journal = recovery.open_or_recover(encrypted_dir, interactive=True, check=False)

    assert journal is not None
    try:
        assert asked == [(False, 0), (True, 1), (True, 2)]
        assert journal.passphrase == KEY
        assert len(services.load_all(journal, Person)) == 15  # the demo's people
    finally:
        journal.close()


def test_giving_up_on_the_passphrase_quits_and_recovery_is_offered_after_a_few(
        encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    monkeypatch.setattr(PassphraseDialog, "ask_to_open",
                        lambda *_a, **_k: Outcome.CANCELLED)
    assert recovery.open_or_recover(encrypted_dir, interactive=True, check=False) is None

    recovered: list[str] = []

    def ask_to_open(path: Path, *, wrong: bool = False, attempts: int = 0,
                    parent: object = None) -> Passphrase | Outcome:
        return Outcome.RECOVER if attempts >= 3 else Passphrase("wrong")

    monkeypatch.setattr(PassphraseDialog, "ask_to_open", ask_to_open)
    monkeypatch.setattr(recovery, "_ask",
                        lambda data_dir, error: recovered.append(str(error)) or False)
    assert recovery.open_or_recover(encrypted_dir, interactive=True, check=False) is None
    assert len(recovered) == 1 and "passphrase is wrong" in recovered[0]


def test_the_unlock_dialog_offers_a_restore_only_after_several_wrong_tries(qtbot: Any) -> None:
    first = PassphraseDialog(Mode.OPEN, about="journal.sqlite3")
    qtbot.addWidget(first)
    assert first.problem.isHidden()
    assert "Restore" not in " ".join(b.text() for b in first.buttons.buttons())
    later = PassphraseDialog(Mode.OPEN, about="journal.sqlite3", problem="wrong",
                             offer_recovery=True)
    qtbot.addWidget(later)
    assert "&Restore a Backup…" in [b.text() for b in later.buttons.buttons()]


def test_a_new_passphrase_must_be_typed_the_same_twice(qtbot: Any) -> None:
    dialog = PassphraseDialog(Mode.NEW, about="encrypt")
    qtbot.addWidget(dialog)
    assert dialog.new_field is not None and dialog.again_field is not None
    dialog.new_field.setText("one two three four")
    dialog.again_field.setText("one two three fou")
    assert dialog.problem.text() == "The two new passphrases differ."
    dialog.ok_button.click()
    assert dialog.result() == 0 and dialog.new is None  # still open
    dialog.again_field.setText("one two three four")
    assert dialog.problem.isHidden()
    dialog.ok_button.click()
    assert dialog.new == Passphrase("one two three four")
    assert dialog.new_field.text() == "" and dialog.again_field.text() == ""  # not kept

    short = PassphraseDialog(Mode.NEW, about="encrypt")
    qtbot.addWidget(short)
    assert short.new_field is not None
    short.new_field.setText("abc")
    assert "short passphrase" in short.problem.text()


def _wait_for_rewrite(qtbot: Any, window: MainWindow) -> None:
    operation = window.encryption.operation
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=60_000)


def test_encrypt_change_and_decrypt_from_the_file_menu(
        window: MainWindow, demo_journal: Journal, monkeypatch: pytest.MonkeyPatch,
        qtbot: Any) -> None:
    data_dir = Path(demo_journal.path).parent
    path = database_path(data_dir)
    actions = window.encryption
    assert actions.encrypt_action.isVisible() and not actions.decrypt_action.isVisible()
    assert actions.encrypt_action in window.menus["file"].actions()

    monkeypatch.setattr(PassphraseDialog, "ask_new", lambda parent=None: KEY)
    actions.encrypt_action.trigger()
    _wait_for_rewrite(qtbot, window)

    assert cipher.is_encrypted(path)
    assert demo_journal.passphrase == KEY and not demo_journal.closed
    assert "encrypted" in window.statusBar().currentMessage()
    assert not actions.encrypt_action.isVisible() and actions.decrypt_action.isVisible()
    # The same journal goes on: a new entry is saved into the encrypted file and found.
    services.add_journal_entry(demo_journal, "written after encrypting, quillwort")
    assert [hit.title for hit in window.search_field.find_hits("quillwort")] == [
        "written after encrypting, quillwort"]
    # Text in the search field: its connection must not come back during a rewrite.
    window.search_field.setText("quillwort")

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    new = Passphrase("another long passphrase")
    monkeypatch.setattr(PassphraseDialog, "ask_change",
                        lambda parent=None: (Passphrase("not the one"), new))
    actions.change_action.trigger()
    assert warnings == ["That is not the journal's passphrase; nothing was changed."]
    assert actions.operation is not None and demo_journal.passphrase == KEY

    monkeypatch.setattr(PassphraseDialog, "ask_change", lambda parent=None: (KEY, new))
    actions.change_action.trigger()
    _wait_for_rewrite(qtbot, window)
    assert demo_journal.passphrase == new
    assert window.search_field.find_hits("quillwort")

    monkeypatch.setattr(PassphraseDialog, "ask_current", lambda about, parent=None: new)
    actions.decrypt_action.trigger()
    _wait_for_rewrite(qtbot, window)
    assert not cipher.is_encrypted(path) and cipher.begins_like_sqlite(path)
    assert demo_journal.passphrase is None
    assert window.search_field.find_hits("quillwort")
    assert warnings == ["That is not the journal's passphrase; nothing was changed."]


def test_a_rewrite_that_fails_leaves_the_journal_open_as_it_was(
        window: MainWindow, demo_journal: Journal, monkeypatch: pytest.MonkeyPatch,
        qtbot: Any) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(PassphraseDialog, "ask_new", lambda parent=None: KEY)

    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("careerdesk.store.encryption.os.replace", disk_full)
    window.encryption.encrypt_action.trigger()
    _wait_for_rewrite(qtbot, window)

    assert len(warnings) == 1 and "No space left on device" in warnings[0]
    assert demo_journal.passphrase is None and not demo_journal.closed
    assert not cipher.is_encrypted(database_path(Path(demo_journal.path).parent))
    services.add_journal_entry(demo_journal, "still writable")
    assert window.encryption.encrypt_action.isEnabled()


def test_the_recovery_screen_restores_an_encrypted_backup_with_its_passphrase(
        encrypted_dir: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    journal = open_journal(encrypted_dir, passphrase=KEY)
    made = backup(encrypted_dir, passphrase=journal.passphrase)
    journal.close()
    path = database_path(encrypted_dir)
    path.write_bytes(b"\0" * 4096)  # the journal is damaged beyond any passphrase
    asked: list[Path] = []

    def ask_to_open(chosen: Path, **_: object) -> Passphrase | Outcome:
        asked.append(chosen)
        return KEY

    monkeypatch.setattr(PassphraseDialog, "ask_to_open", ask_to_open)
    dialog = recovery.RecoveryDialog(encrypted_dir, WrongPassphrase(f"{path}: wrong"))
    qtbot.addWidget(dialog)
    assert dialog.selected_backup() == made
    dialog.restore_selected()

    assert asked == [made] and dialog.restored == made
    assert cipher.is_encrypted(path)
    open_journal(encrypted_dir, passphrase=KEY).close()
