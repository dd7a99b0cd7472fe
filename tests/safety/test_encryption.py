"""Encryption at rest: no plaintext in the journal, its WAL or a backup; a wrong passphrase
is a wrong passphrase (never "damaged"); encrypt, change and decrypt keep every record."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from careerdesk import cli, services
from careerdesk.domain.records import JournalEntry
from careerdesk.paths import backup_dir, database_path
from careerdesk.store import cipher, encryption
from careerdesk.store.backup import backup, check_file, restore
from careerdesk.store.cipher import Passphrase, PassphraseNeeded, WrongPassphrase
from careerdesk.store.database import JournalDamaged, open_journal
from careerdesk.store.encryption import (
    EncryptionRefused,
    change_passphrase,
    decrypt_journal,
    encrypt_journal,
)
from careerdesk.store.environment import StorageUnavailable

SECRET = "zanzibar-quokka-7731"  # a word found nowhere else
KEY = Passphrase("correct horse battery staple")


def files_of(data_dir: Path) -> list[Path]:
    return [path for path in data_dir.rglob("*") if path.is_file()]


def holding(data_dir: Path, needle: str) -> list[Path]:
    """Every file of the data folder that holds ``needle``, in UTF-8 or UTF-16."""
    patterns = (needle.encode("utf-8"), needle.encode("utf-16-le"))
    return [path for path in files_of(data_dir)
            if any(pattern in path.read_bytes() for pattern in patterns)]


def demo_with_secret(data_dir: Path) -> None:
    journal = open_journal(data_dir)
    try:
        services.load_demo(journal)
        services.add_journal_entry(journal, f"Notes on the pay talk: {SECRET}")
    finally:
        journal.close()


def exported(data_dir: Path, passphrase: Passphrase | None) -> dict[str, object]:
    journal = open_journal(data_dir, passphrase=passphrase)
    try:
        with journal.transaction() as session:
            from careerdesk.interchange.careerdesk_json import export_data

            data = export_data(session)
    finally:
        journal.close()
    data.pop("exported_at")
    return data


def test_an_encrypted_journal_wal_and_backups_hold_no_plaintext(private_data_dir: Path) -> None:
    demo_with_secret(private_data_dir)
    backup(private_data_dir)
    assert holding(private_data_dir, SECRET), "the test's secret must be findable in plain files"
    before = exported(private_data_dir, None)

    done = encrypt_journal(private_data_dir, KEY)

    assert len(done.backups) == 1 and done.left == ()
    path = database_path(private_data_dir)
    assert cipher.is_encrypted(path)
    assert not cipher.begins_like_sqlite(done.backups[0])
    assert holding(private_data_dir, SECRET) == []
    assert holding(private_data_dir, "Priya") == []  # the demo's own words neither

    # Edits while it is open go into the WAL, which SQLCipher encrypts too; and a backup
    # taken now is encrypted with the same passphrase.
    journal = open_journal(private_data_dir, passphrase=KEY)
    try:
        services.add_journal_entry(journal, f"More notes: {SECRET}-wal")
        assert Path(f"{path}-wal").stat().st_size > 0
        assert holding(private_data_dir, f"{SECRET}-wal") == []
        made = backup(private_data_dir, passphrase=journal.passphrase)
    finally:
        journal.close()
    assert not cipher.begins_like_sqlite(made)
    assert check_file(made, KEY).ok
    assert holding(private_data_dir, SECRET) == []
    after = exported(private_data_dir, KEY)
    assert [entry for entry in after["journal"] if entry not in before["journal"]]  # type: ignore[attr-defined]
    after["journal"] = [e for e in after["journal"]  # type: ignore[attr-defined]
                        if f"{SECRET}-wal" not in str(e)]
    assert after == before


def test_a_wrong_or_missing_passphrase_is_never_taken_for_damage(private_data_dir: Path) -> None:
    demo_with_secret(private_data_dir)
    encrypt_journal(private_data_dir, KEY)

    with pytest.raises(PassphraseNeeded, match="encrypted"):
        open_journal(private_data_dir)
    with pytest.raises(WrongPassphrase, match="passphrase is wrong"):
        open_journal(private_data_dir, passphrase=Passphrase("Correct horse battery staple"))
    # Without its marker the same file is what it looks like: not a journal careerdesk can read.
    cipher.marker_path(database_path(private_data_dir)).rename(private_data_dir / "kept")
    with pytest.raises(JournalDamaged):
        open_journal(private_data_dir, passphrase=KEY)
    (private_data_dir / "kept").rename(cipher.marker_path(database_path(private_data_dir)))
    open_journal(private_data_dir, passphrase=KEY).close()


def test_a_new_passphrase_opens_the_journal_and_its_backups_and_the_old_one_nothing(
        private_data_dir: Path) -> None:
    demo_with_secret(private_data_dir)
    encrypt_journal(private_data_dir, KEY)
    journal = open_journal(private_data_dir, passphrase=KEY)
    old_backup = backup(private_data_dir, passphrase=journal.passphrase)
    journal.close()
    before = exported(private_data_dir, KEY)
    new = Passphrase("it's a new one; with 'quotes'")

    done = change_passphrase(private_data_dir, KEY, new)

    assert done.backups == (old_backup,)
    with pytest.raises(WrongPassphrase):
        open_journal(private_data_dir, passphrase=KEY)
    assert not check_file(old_backup, KEY).ok
    assert check_file(old_backup, new).ok
    assert exported(private_data_dir, new) == before
    with pytest.raises(WrongPassphrase):  # a wrong current passphrase changes nothing
        change_passphrase(private_data_dir, KEY, Passphrase("other"))
    assert exported(private_data_dir, new) == before


def test_decrypting_gives_back_a_plain_journal_with_every_record(private_data_dir: Path) -> None:
    demo_with_secret(private_data_dir)
    before = exported(private_data_dir, None)
    encrypt_journal(private_data_dir, KEY)

    decrypt_journal(private_data_dir, KEY)

    path = database_path(private_data_dir)
    assert cipher.begins_like_sqlite(path)
    assert not cipher.marker_path(path).exists()
    assert exported(private_data_dir, None) == before
    assert check_file(path).ok
    with pytest.raises(EncryptionRefused, match="not encrypted"):
        decrypt_journal(private_data_dir, KEY)


HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("open", flush=True)
sys.stdin.readline()
"""


def test_a_journal_open_in_another_program_is_refused_as_busy_and_left_as_it_was(
        private_data_dir: Path) -> None:
    demo_with_secret(private_data_dir)
    path = database_path(private_data_dir)
    # Another process: SQLite's locks (POSIX advisory locks) only tell processes apart.
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(StorageUnavailable, match="busy"):
            encrypt_journal(private_data_dir, KEY)
    finally:
        holder.communicate("\n", timeout=30)
    assert cipher.begins_like_sqlite(path) and not cipher.marker_path(path).exists()
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
    encrypt_journal(private_data_dir, KEY)  # once it is closed
    assert cipher.is_encrypted(path)


def test_a_switch_cut_short_leaves_the_journal_as_it_was(private_data_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    demo_with_secret(private_data_dir)
    before = exported(private_data_dir, None)

    def power_cut(source: object, target: object) -> None:
        raise OSError(5, "Input/output error")  # after the marker, before the new file

    monkeypatch.setattr("careerdesk.store.encryption.os.replace", power_cut)
    with pytest.raises(OSError):
        encrypt_journal(private_data_dir, KEY)
    monkeypatch.undo()

    # The marker was written, but a plain header wins: the journal opens as before.
    assert exported(private_data_dir, None) == before
    path = database_path(private_data_dir)
    assert not cipher.marker_path(path).exists()  # the stale marker is cleared on open
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


def test_a_copy_that_fails_its_check_changes_no_file_at_all(
        private_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    demo_with_secret(private_data_dir)
    first = backup(private_data_dir, backup_dir(private_data_dir) / "journal-a.sqlite3")
    second = backup(private_data_dir, backup_dir(private_data_dir) / "journal-b.sqlite3")
    (backup_dir(private_data_dir) / ".journal-c.sqlite3.partial").write_bytes(b"cut short")
    backups_before = {path: path.read_bytes() for path in (first, second)}
    journal_before = exported(private_data_dir, None)
    checked: list[Path] = []
    real_check = encryption._check_copy

    def disk_full_at_the_last_copy(temporary: Path, new: Passphrase | None) -> None:
        checked.append(temporary)
        if len(checked) == 3:  # the journal's and the first backup's copies are made
            raise OSError(28, "No space left on device")
        real_check(temporary, new)

    monkeypatch.setattr(encryption, "_check_copy", disk_full_at_the_last_copy)
    with pytest.raises(OSError, match="No space"):
        encrypt_journal(private_data_dir, KEY)

    # The journal was checkpointed for the copy (its data unchanged); nothing else changed,
    # and no copy is left behind. The stale partial backup is gone.
    assert len(checked) == 3
    assert {path: path.read_bytes() for path in (first, second)} == backups_before
    assert sorted(p.name for p in files_of(private_data_dir)) == sorted(
        ["journal.sqlite3", first.name, second.name])
    assert not cipher.marker_path(database_path(private_data_dir)).exists()
    assert exported(private_data_dir, None) == journal_before


def test_files_it_cannot_read_are_named_as_left_readable(private_data_dir: Path) -> None:
    demo_with_secret(private_data_dir)
    backup(private_data_dir)
    damaged = backup_dir(private_data_dir) / "damaged-2026-11-01T100000.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    wal = backup_dir(private_data_dir) / "damaged-2026-11-01T100000.sqlite3-wal"
    wal.write_bytes(b"plain commits")

    done = encrypt_journal(private_data_dir, KEY)

    assert len(done.backups) == 1 and done.left == (damaged, wal)
    assert all("as readable as before" in line for line in done.lines()[1:])


def test_restoring_an_encrypted_backup_leaves_an_encrypted_journal(private_data_dir: Path) -> None:
    demo_with_secret(private_data_dir)
    encrypt_journal(private_data_dir, KEY)
    journal = open_journal(private_data_dir, passphrase=KEY)
    made = backup(private_data_dir, passphrase=journal.passphrase)
    services.add_journal_entry(journal, "written after the backup")
    journal.close()

    saved = restore(private_data_dir, made, KEY)

    path = database_path(private_data_dir)
    assert cipher.is_encrypted(path)
    assert saved is not None and not cipher.begins_like_sqlite(saved)
    journal = open_journal(private_data_dir, passphrase=KEY)
    try:
        bodies = [entry.body for entry in services.load_all(journal, JournalEntry)]
        assert SECRET in " ".join(bodies) and "written after the backup" not in bodies
    finally:
        journal.close()
    assert holding(private_data_dir, SECRET) == []


def test_the_passphrase_never_shows_itself() -> None:
    assert "horse" not in repr(KEY)
    assert Passphrase("correct horse battery staple") == KEY
    with pytest.raises(ValueError):
        Passphrase("")
    with pytest.raises(ValueError):
        Passphrase("a\x00b")


def test_commands_take_the_passphrase_from_the_environment(
        private_data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    demo_with_secret(private_data_dir)
    monkeypatch.setenv("CAREERDESK_PASSPHRASE", KEY.reveal())
    assert cli.main(["encrypt"]) == 0
    assert cli.main(["search", SECRET.split("-")[0], "--json"]) == 0
    assert SECRET in capfd.readouterr().out
    assert cli.main(["check"]) == 0
    assert cli.main(["plan", "--today", date(2026, 11, 22).isoformat()]) == 0
    capfd.readouterr()

    monkeypatch.setenv("CAREERDESK_PASSPHRASE", "not it")
    assert cli.main(["search", "pay"]) == 1
    captured = capfd.readouterr()
    assert captured.err.splitlines() == [
        f"careerdesk: {database_path(private_data_dir)}: the passphrase is wrong. (If you are "
        "sure it is right, the file is damaged: restore a backup.)"]
    assert "ERROR" not in captured.err  # SQLCipher's own logging stays quiet

    monkeypatch.setenv("CAREERDESK_PASSPHRASE", KEY.reveal())
    monkeypatch.setenv("CAREERDESK_NEW_PASSPHRASE", "second")
    assert cli.main(["passphrase"]) == 0
    monkeypatch.setenv("CAREERDESK_PASSPHRASE", "second")
    assert cli.main(["decrypt"]) == 0
    assert not cipher.is_encrypted(database_path(private_data_dir))


def run(data_dir: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERDESK_")}
    env["CAREERDESK_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "careerdesk", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_a_new_passphrase_is_typed_twice(private_data_dir: Path) -> None:
    demo_with_secret(private_data_dir)

    differ = run(private_data_dir, "encrypt", stdin="first\nsecond\n")
    assert differ.returncode == 1
    assert "the two passphrases differ; nothing was changed" in differ.stderr
    assert not cipher.is_encrypted(database_path(private_data_dir))

    done = run(private_data_dir, "encrypt", stdin="s3cret pass\ns3cret pass\n")
    assert done.returncode == 0, done.stderr
    assert "cannot be recovered" in done.stderr
    assert cipher.is_encrypted(database_path(private_data_dir))

    asked = run(private_data_dir, "search", "pay", "--json", stdin="s3cret pass\n")
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.startswith("[{")
    assert backup_dir(private_data_dir).exists() is False or all(
        not cipher.begins_like_sqlite(p) for p in backup_dir(private_data_dir).iterdir())


def test_a_folder_named_with_uri_characters_opens_plain_and_encrypted(tmp_path: Path) -> None:
    data_dir = tmp_path / "notes #1 ?draft %20"
    journal = open_journal(data_dir)
    services.add_journal_entry(journal, "in an odd folder")
    journal.close()
    assert check_file(database_path(data_dir)).ok
    encrypt_journal(data_dir, KEY)
    journal = open_journal(data_dir, passphrase=KEY)
    journal.close()
    assert check_file(database_path(data_dir), KEY).ok
    assert sorted(p.name for p in tmp_path.iterdir()) == [data_dir.name]  # no stray file


def test_a_closed_journal_opens_no_connection_until_it_is_reopened(private_data_dir: Path) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import UnboundExecutionError

    journal = open_journal(private_data_dir)
    journal.close()
    with pytest.raises(UnboundExecutionError), journal.sessions() as session:
        session.execute(text("SELECT 1"))
    journal.reopen(None)
    with journal.sessions() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
    journal.close()
