"""Encrypting a journal, decrypting it, changing its passphrase (``careerdesk encrypt``,
``decrypt``, ``passphrase`` and the window's Encryption menu).

Each is a rewrite: SQLCipher's ``sqlcipher_export`` copies every table into a new file
keyed with the new passphrase (or none), the copy is checked, and only then takes the
journal's name. The backups in ``backups/`` are rewritten the same way, so one passphrase
opens the journal and every backup, and encrypting leaves no readable copy in the data
folder. A rewrite that is cut short leaves the old file whole: the new one is made under
a temporary name.

The journal must be closed everywhere: the rewrite holds SQLite's exclusive lock, and a
journal open in a window or another command is refused as busy, never rewritten under it.
Copies made before (file-system snapshots, sync tools, backups copied elsewhere) are not
touched and stay as readable as they were.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerdesk.domain.errors import CareerdeskError
from careerdesk.paths import backup_dir, database_path, sync_folder
from careerdesk.store import cipher
from careerdesk.store.cipher import Passphrase, WrongPassphrase
from careerdesk.store.environment import JournalDamaged, database_errors, explain
from careerdesk.store.schema_version import APPLICATION_ID

BUSY_TIMEOUT_S = 2.0
REWRITING = ".rewriting"


class EncryptionRefused(CareerdeskError):
    """The journal is not in the state the command needs (already encrypted, not encrypted)."""


@dataclass(frozen=True)
class Rewritten:
    """What a rewrite changed: the journal, the backups rewritten with it, and the backups
    left as they were because the old passphrase did not open them (damaged ones)."""

    journal: Path
    backups: tuple[Path, ...]
    left: tuple[Path, ...]

    def lines(self) -> list[str]:
        said = [f"{self.journal}: done, with {len(self.backups)} "
                f"{'backup' if len(self.backups) == 1 else 'backups'}"]
        said += [f"{path}: left as it was: careerdesk cannot read it (damaged, or another "
                 "passphrase), so it is as readable as before; delete it if you do not need it"
                 for path in self.left]
        return said


def encrypt_journal(data_dir: Path, new: Passphrase) -> Rewritten:
    path = _existing_journal(data_dir)
    if cipher.is_encrypted(path):
        raise EncryptionRefused(f"{path}: the journal is encrypted already; "
                                "change its passphrase instead")
    return _rewrite_all(data_dir, None, new)


def decrypt_journal(data_dir: Path, current: Passphrase) -> Rewritten:
    path = _existing_journal(data_dir)
    if not cipher.is_encrypted(path):
        raise EncryptionRefused(f"{path}: the journal is not encrypted")
    return _rewrite_all(data_dir, current, None)


def change_passphrase(data_dir: Path, current: Passphrase, new: Passphrase) -> Rewritten:
    path = _existing_journal(data_dir)
    if not cipher.is_encrypted(path):
        raise EncryptionRefused(f"{path}: the journal is not encrypted; encrypt it instead")
    return _rewrite_all(data_dir, current, new)


def _existing_journal(data_dir: Path) -> Path:
    path = database_path(data_dir)
    if not path.exists() or path.stat().st_size == 0:
        raise EncryptionRefused(f"{path}: there is no journal here yet")
    return path


def _rewrite_all(data_dir: Path, old: Passphrase | None, new: Passphrase | None) -> Rewritten:
    path = database_path(data_dir)
    try:
        return _rewrite_journal(data_dir, path, old, new)
    except database_errors() as error:
        raise explain(error, path) or error from None


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}{REWRITING}")


def _rewrite_journal(data_dir: Path, path: Path, old: Passphrase | None,
                     new: Passphrase | None) -> Rewritten:
    """Two steps. First every copy is written beside its file and checked: the journal and
    each backup it can read; a failure there deletes them all, and nothing has changed.
    Then they take their files' names, the journal first."""
    source = _open_exclusively(path, old)  # refuses a wrong passphrase before any change
    made: list[tuple[Path, Path]] = []  # (copy, the file it replaces)
    try:
        _remove_stale_temporaries(data_dir)  # the lock says no other careerdesk is at work
        try:
            _rewrite(source, path, _temporary(path), new, purge_search_index=True)
            made.append((_temporary(path), path))
            left = _rewrite_backups(data_dir, old, new, made)
            # The marker goes before the encrypted file, and after the plain one: at every
            # moment a plain header wins over a marker, so a cut-short switch opens as before.
            if new is not None:
                cipher.write_marker(path)
            os.replace(_temporary(path), path)
            sync_folder(path.parent)
        except BaseException:
            for copy, _ in made:
                copy.unlink(missing_ok=True)
            _temporary(path).unlink(missing_ok=True)
            raise
    finally:
        source.close()  # the old file, now nameless: its lock goes with it
    if new is None:
        cipher.remove_marker(path)
    done = []
    try:
        for copy, backup in made[1:]:
            os.replace(copy, backup)
            done.append(backup)
    except OSError as error:
        raise EncryptionRefused(
            f"{path}: the journal is rewritten, but {backup.name} could not be replaced "
            f"({error.strerror}); {len(done)} backups were, the rest are as they were") from None
    sync_folder(backup_dir(data_dir))
    return Rewritten(path, tuple(done), left)


def _remove_stale_temporaries(data_dir: Path) -> None:
    """Copies left by a rewrite, backup or restore that was cut short: never finished files."""
    for folder in (data_dir, backup_dir(data_dir)):
        for pattern in (f".*{REWRITING}", ".*.partial", ".*.restoring"):
            for stale in folder.glob(pattern):
                stale.unlink(missing_ok=True)


def _rewrite_backups(data_dir: Path, old: Passphrase | None, new: Passphrase | None,
                     made: list[tuple[Path, Path]]) -> tuple[Path, ...]:
    """Writes a checked copy of every backup it can read into ``made``; returns the files
    of ``backups/`` left as they were (damaged ones, a damaged copy's WAL)."""
    folder = backup_dir(data_dir)
    left: list[Path] = []
    entries = sorted(folder.iterdir()) if folder.is_dir() else []
    for backup in entries:
        if backup.name.startswith(".") or not backup.is_file():
            continue
        # Not a backup file, or a kept damaged journal with its WAL (opening it could fold
        # or drop that WAL): left exactly as it is.
        if backup.suffix != ".sqlite3" or Path(f"{backup}-wal").exists():
            left.append(backup)
            continue
        key = None if cipher.begins_like_sqlite(backup) else old
        try:
            source = _open_exclusively(backup, key)
            try:
                _rewrite(source, backup, _temporary(backup), new, purge_search_index=False)
            finally:
                source.close()
        except database_errors(WrongPassphrase, JournalDamaged):
            _temporary(backup).unlink(missing_ok=True)
            left.append(backup)
            continue
        except BaseException:
            _temporary(backup).unlink(missing_ok=True)
            raise
        made.append((_temporary(backup), backup))
    return tuple(left)


def _open_exclusively(path: Path, passphrase: Passphrase | None) -> Any:
    """A SQLCipher connection holding the file's exclusive lock until it is closed.

    In WAL mode SQLite grants the exclusive locking mode only when no other connection has
    the file open, so a journal open in a window is refused here as busy.
    """
    module = cipher.driver()
    connection = module.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        if passphrase is not None:
            cipher.apply_key(connection, passphrase)
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute("COMMIT")  # the lock stays: exclusive locking mode
        # Every commit into the one file, and out of WAL mode: the rewrite is then the
        # only copy of the data besides this file, and no -wal file is left beside it.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    except module.DatabaseError as error:
        connection.close()
        if passphrase is not None and cipher.is_not_a_database(error):
            raise WrongPassphrase(f"{path}: the passphrase is wrong. (If you are sure it is "
                                  "right, the file is damaged: restore a backup.)") from None
        raise
    except BaseException:
        connection.close()
        raise
    return connection


def _rewrite(source: Any, path: Path, temporary: Path, new: Passphrase | None, *,
             purge_search_index: bool) -> None:
    """Exports the file open on ``source`` into ``temporary`` keyed with ``new`` (plain
    without), and checks the copy."""
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
    if purge_search_index and "search_index" in tables:
        # Words of deleted text can linger in old index segments: merge them away first,
        # so decrypting never brings back text the user deleted.
        source.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    # ATTACH takes bound parameters, so the passphrase needs no quoting here; an empty
    # key makes the attached file plain.
    source.execute("ATTACH DATABASE ? AS rewritten KEY ?",
                   (str(temporary), "" if new is None else new.reveal()))
    try:
        source.execute("SELECT sqlcipher_export('rewritten')")
        for pragma in ("application_id", "user_version"):  # not copied by the export
            value = int(source.execute(f"PRAGMA main.{pragma}").fetchone()[0])
            source.execute(f"PRAGMA rewritten.{pragma} = {value}")
    finally:
        source.execute("DETACH DATABASE rewritten")
    _check_copy(temporary, new)


def _check_copy(temporary: Path, new: Passphrase | None) -> None:
    connection = cipher.driver().connect(str(temporary))
    try:
        if new is not None:
            cipher.apply_key(connection, new)
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        app_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
    finally:
        connection.close()
    if rows != ["ok"] or app_id not in (0, APPLICATION_ID):
        raise JournalDamaged(f"{temporary}: the rewritten copy failed its check ({rows[0]}); "
                             "the journal was left as it was")
    with open(temporary, "rb+") as file:
        os.fsync(file.fileno())

