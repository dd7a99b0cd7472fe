"""Consistent copies of the journal, restoring one, and checking a file's health.

Copies go through SQLite's online backup API into a temporary file, are checked with
``integrity_check``, and only then take their final name: a backup that exists is whole.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from careerdesk.domain.errors import CareerdeskError
from careerdesk.paths import backup_dir, database_path, ensure_private_dir
from careerdesk.store import cipher
from careerdesk.store.cipher import Passphrase, WrongPassphrase
from careerdesk.store.environment import database_errors
from careerdesk.store.schema_version import APPLICATION_ID, REVISIONS


class BackupFailed(CareerdeskError):
    pass


@dataclass(frozen=True)
class CheckReport:
    path: Path
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _integrity(connection: Any) -> list[str]:
    rows = [r[0] for r in connection.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows


def check_file(path: Path, passphrase: Passphrase | None = None) -> CheckReport:
    """Integrity, foreign keys, and that the file is a careerdesk journal this version reads.

    ``passphrase`` opens an encrypted file (the file's own first bytes say whether it is);
    a plain file ignores it.
    """
    if not path.exists():
        return CheckReport(path, ("no such file",))
    problems: list[str] = []
    try:
        connection = cipher.connect(path, _key_for(path, passphrase), read_only=True)
    except WrongPassphrase:
        return CheckReport(path, ("the passphrase does not open it (a wrong passphrase, or "
                                  "the file is damaged)",))
    except database_errors() as error:
        return CheckReport(path, (f"cannot be opened ({error})",))
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            problems.append("this file is not a careerdesk journal")
        else:
            problems += _integrity(connection)
            problems += [f"{table} row {rowid} refers to a missing {parent} record"
                         for table, rowid, parent, _ in
                         connection.execute("PRAGMA foreign_key_check")]
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] not in REVISIONS:
                problems.append(f"schema revision {row[0] if row else 'missing'} is not one "
                                "this careerdesk knows")
    except database_errors() as error:
        problems.append(f"the file is damaged ({error})")
    finally:
        connection.close()
    return CheckReport(path, tuple(problems))


def _key_for(path: Path, passphrase: Passphrase | None) -> Passphrase | None:
    """The passphrase when ``path`` is an encrypted file; None for a plain one."""
    return None if passphrase is None or cipher.begins_like_sqlite(path) else passphrase


def copy_database(source: Path, destination: Path, passphrase: Passphrase | None = None) -> Path:
    """A consistent copy of a live journal at ``destination`` (0600), checked before it counts.

    The copy of an encrypted journal is encrypted with the same passphrase: SQLite's
    backup API copies the pages as SQLCipher wrote them.
    """
    temporary = destination.with_name(f".{destination.name}.partial")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise BackupFailed(f"{destination}: cannot be written ({error.strerror})") from None
    os.close(fd)
    try:
        key = _key_for(source, passphrase)
        reader = cipher.connect(source, key, read_only=True)
        try:
            writer = cipher.connect(temporary, key)
        except BaseException:
            reader.close()
            raise
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            problems = _integrity(writer)
        finally:
            writer.close()
            reader.close()
        if problems:
            raise BackupFailed(f"{destination}: the copy failed its check ({problems[0]})")
        os.replace(temporary, destination)
    except database_errors() as error:
        raise BackupFailed(f"{source}: could not be copied ({error})") from None
    finally:
        temporary.unlink(missing_ok=True)
    return destination


def default_backup_path(data_dir: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H%M%S")
    return backup_dir(data_dir) / f"journal-{stamp}.sqlite3"


def backup(data_dir: Path, destination: Path | None = None,
           passphrase: Passphrase | None = None) -> Path:
    source = database_path(data_dir)
    if not source.exists():
        raise BackupFailed(f"{source}: there is no journal to back up yet")
    if destination is None:
        ensure_private_dir(backup_dir(data_dir))
        destination = default_backup_path(data_dir)
    return copy_database(source, destination, passphrase)


def restore(data_dir: Path, backup_file: Path, passphrase: Passphrase | None = None) -> Path | None:
    """Replaces the journal with a backup; returns the backup made of the journal it replaced.

    The journal must be closed (no open engine in this process). The backup is checked
    first; a journal that is replaced is copied into ``backups/`` before, never deleted.
    An encrypted backup is opened with ``passphrase`` and stays encrypted: the journal is
    encrypted afterwards exactly when the backup is.
    """
    report = check_file(backup_file, passphrase)
    if not report.ok:
        raise BackupFailed(f"{backup_file}: not restored: {report.problems[0]}")
    target = database_path(data_dir)
    ensure_private_dir(data_dir)
    saved = None
    if target.exists() and target.stat().st_size > 0:
        ensure_private_dir(backup_dir(data_dir))
        stamp = f"{datetime.now(UTC):%Y-%m-%dT%H%M%S}"
        saved = backup_dir(data_dir) / f"before-restore-{stamp}.sqlite3"
        try:
            copy_database(target, saved, passphrase)
        except (BackupFailed, WrongPassphrase):
            # Kept byte for byte instead. A damaged journal cannot be copied page by page: it
            # goes under a name that no list of good backups offers. An encrypted one this
            # passphrase does not open may well be whole: it stays among the backups.
            kind = "before-restore" if cipher.is_encrypted(target) else "damaged"
            saved = backup_dir(data_dir) / f"{kind}-{stamp}.sqlite3"
            shutil.copy2(target, saved)
            os.chmod(saved, 0o600)
            wal = Path(f"{target}-wal")
            if wal.exists() and wal.stat().st_size > 0:  # commits not yet in the main file
                kept_wal = Path(f"{saved}-wal")
                shutil.copy2(wal, kept_wal)
                os.chmod(kept_wal, 0o600)
    temporary = target.with_name(f".{target.name}.restoring")
    shutil.copyfile(backup_file, temporary)
    os.chmod(temporary, 0o600)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    encrypted = not cipher.begins_like_sqlite(temporary)
    if encrypted:
        cipher.write_marker(target)  # before the file: a plain header always wins over it
    os.replace(temporary, target)
    if not encrypted:
        cipher.remove_marker(target)
    return saved
