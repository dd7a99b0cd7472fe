"""Opening the journal: the engine with its SQLite settings, the schema check, migrations.

A journal must never lose an acknowledged edit, so every connection runs in WAL mode with
``synchronous=FULL`` (a commit is on disk before it returns), foreign keys on, a busy
timeout for a second reader, and ``secure_delete`` so deleted notes do not linger in free
pages. pysqlite's own transaction handling is switched off and SQLAlchemy emits BEGIN
itself: SQLAlchemy's documented fix that makes DDL (migrations) transactional on SQLite.

A new journal is built under a temporary name and only then takes its real one, so a
``journal.sqlite3`` that careerdesk finds empty was never made by careerdesk: it is
refused, never silently turned into a new journal. An existing journal is checked
(``quick_check``) on open, and copied into ``backups/`` before any migration.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from careerdesk.paths import (
    backup_dir,
    create_private_file,
    database_path,
    ensure_private_dir,
    make_private,
    sync_folder,
)
from careerdesk.store import cipher, search_index
from careerdesk.store.cipher import Passphrase
from careerdesk.store.environment import (
    JournalDamaged,
    JournalRefused,
    JournalTooNew,
    StorageUnavailable,
    database_errors,
    explain,
)
from careerdesk.store.journal_check import check_openable, refuse_problems
from careerdesk.store.schema_version import APPLICATION_ID, HEAD

__all__ = ["Journal", "JournalDamaged", "JournalRefused", "JournalTooNew", "StorageUnavailable",
           "check_openable", "open_journal"]

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA secure_delete = ON",
    "PRAGMA journal_size_limit = 16777216",
    # Sorts and indexes that overflow memory would otherwise spill journal text into
    # temporary files outside the private data folder.
    "PRAGMA temp_store = MEMORY",
)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN instead
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def create_journal_engine(path: Path, passphrase: Passphrase | None = None) -> Engine:
    # hide_parameters: an error message must never carry a user's journal text.
    # URL.create: a "?" or "#" in a folder's name stays part of the path.
    url = URL.create("sqlite", database=str(path))
    if passphrase is None:
        engine = create_engine(url, hide_parameters=True,
                               connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    else:
        # SQLCipher through the pysqlite dialect, with a connection factory that keys each
        # connection first: SQLAlchemy's pysqlcipher dialect would take the passphrase
        # from the URL, which can end up in messages and logs.
        def keyed() -> Any:
            return cipher.connect(path, passphrase, timeout=BUSY_TIMEOUT_MS / 1000,
                                  check_same_thread=False)

        engine = create_engine(url, hide_parameters=True, module=cipher.driver(), creator=keyed)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def upgrade(engine: Engine) -> None:
    """Applies the Alembic migrations shipped in the package, up to the newest."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "careerdesk.store:migrations")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


@dataclass
class Journal:
    """An open journal: its file, its engine, and a factory for one session per user action."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    # In memory only, while the journal is open: backups and readers beside the engine
    # (search, the health check) open the encrypted file with it.
    passphrase: Passphrase | None = field(default=None, repr=False)
    # Set by any UPDATE or DELETE: the full-text index may still hold the old words.
    removed_text: bool = field(default=False)
    closed: bool = field(default=False)
    # Counts the commits that wrote something: what was read at one count is still the
    # journal's content while the count is the same (a page loaded ahead of its showing).
    revision: int = field(default=0)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything in it is saved together, or nothing is.

        A full disk, a read-only folder or a lock held elsewhere raises
        ``StorageUnavailable`` with what to do; the action can be tried again.
        """
        try:
            with self.sessions() as session, session.begin():
                yield session
        except database_errors(SQLAlchemyError) as error:
            explained = explain(error, self.path)
            if explained is None:
                raise
            raise explained from None

    def purge_removed_text(self) -> None:
        """Rewrites the full-text index without the words of deleted or edited text.

        FTS5 (before SQLite 3.42's secure-delete) only marks a deleted row as gone and
        keeps its words in older index segments; ``optimize`` merges them away. It costs
        about a second on a 100,000-record journal, so it runs only after a deletion or an
        edit, before a backup and on close.
        """
        if not self.removed_text:
            return
        with self.transaction() as session:
            session.execute(text(f"INSERT INTO {search_index.TABLE}({search_index.TABLE}) "
                                 "VALUES ('optimize')"))
        self.removed_text = False

    def close(self) -> None:
        try:
            self.purge_removed_text()
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except (SQLAlchemyError, StorageUnavailable):
            pass  # a read-only or busy file: the WAL keeps every commit for the next open
        finally:
            self.engine.dispose()
            # A closed journal opens no connection again: a session made now has no engine
            # and raises at its first query, instead of quietly reconnecting (during an
            # encryption rewrite that would be a second driver on the file).
            self.sessions.configure(bind=None)
            self.closed = True

    def reopen(self, passphrase: Passphrase | None) -> None:
        """Opens the file again after it was rewritten under the same name (encrypted,
        decrypted, given a new passphrase). Whatever holds this journal goes on with it:
        the sessions it makes from now on use the new engine."""
        revision = check_openable(self.path, passphrase)
        if revision != HEAD:
            raise JournalTooNew(f"{self.path}: the file changed to schema {revision}")
        engine = create_journal_engine(self.path, passphrase)
        self.engine.dispose()
        self.engine = engine
        self.sessions.configure(bind=engine)
        self.passphrase = passphrase
        self.closed = False
        _watch_writes(self)


def _remove_with_sidecars(path: Path) -> None:
    for name in (str(path), f"{path}-wal", f"{path}-shm", f"{path}-journal"):
        Path(name).unlink(missing_ok=True)


def create_journal(path: Path) -> None:
    """A new, migrated journal at ``path``, which must not exist yet.

    Built under a temporary name and linked into place whole: a crash on the way leaves
    only the temporary file, which the next start throws away and builds again.
    """
    temporary = path.with_name(f".{path.name}.new")
    _remove_with_sidecars(temporary)  # a leftover of a start that was killed
    create_private_file(temporary)
    engine = create_journal_engine(temporary)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    try:
        os.link(temporary, path)  # unlike a rename, never replaces a file made meanwhile
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        if not path.exists():
            os.replace(temporary, path)
    _remove_with_sidecars(temporary)
    sync_folder(path.parent)


def quick_check(engine: Engine, path: Path) -> None:
    """Refuses a damaged journal. ``quick_check`` reads every page but skips the index
    cross-checks of ``integrity_check``: 0.15 to 0.35 s for the 150 MB of a 100,000-record
    journal, which is why the window runs it after its first paint instead."""
    with engine.connect() as connection:
        rows = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check")]
    refuse_problems(rows, path)


def backup_before_migration(data_dir: Path, path: Path, revision: str,
                            passphrase: Passphrase | None = None) -> Path:
    from careerdesk.store.backup import copy_database

    ensure_private_dir(backup_dir(data_dir))
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M%S")
    return copy_database(path, backup_dir(data_dir) / f"before-migration-{revision}-{stamp}.sqlite3",
                         passphrase)


def open_journal(data_dir: Path, *, check: bool = True,
                 passphrase: Passphrase | None = None) -> Journal:
    """Opens the journal in ``data_dir``, creating it when there is none.

    An existing journal is checked first (``check``), and backed up before a migration.
    An encrypted journal needs ``passphrase`` (``PassphraseNeeded`` without it,
    ``WrongPassphrase`` when it does not open the file); a plain journal ignores it.
    """
    ensure_private_dir(data_dir)
    make_private(data_dir)
    path = database_path(data_dir)
    engine: Engine | None = None
    try:
        if not path.exists():
            create_journal(path)
        if cipher.is_encrypted(path):
            if passphrase is None:
                raise cipher.PassphraseNeeded(
                    f"{path}: the journal is encrypted; give its passphrase "
                    f"(in ${cipher.PASSPHRASE_VARIABLE}, or when asked)")
        else:
            passphrase = None
            cipher.remove_marker(path)  # left by an encrypt or decrypt that was cut short
        revision = check_openable(path, passphrase)
        engine = create_journal_engine(path, passphrase)
        if check:
            quick_check(engine, path)
        if revision != HEAD:
            backup_before_migration(data_dir, path, revision, passphrase)
            upgrade(engine)
    except database_errors(SQLAlchemyError) as error:
        if engine is not None:
            engine.dispose()
        explained = explain(error, path)
        if explained is None:
            raise
        raise explained from None
    except BaseException:
        if engine is not None:
            engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    search_index.install(sessions)
    journal = Journal(path=path, engine=engine, sessions=sessions, passphrase=passphrase)
    _watch_writes(journal)
    return journal


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")  # the first six letters of a statement


def _watch_writes(journal: Journal) -> None:
    """Keeps ``removed_text`` and ``revision``: every write goes through the engine."""

    def after_execute(conn: Connection, cursor: Any, statement: str, *_rest: Any) -> None:
        head = statement.lstrip()
        verb = head[:6].upper()
        # The full-text index alone (its optimize, before a backup) changes no record.
        if verb in WRITES and search_index.TABLE not in head[:40]:
            conn.info["wrote"] = True
        # rowcount: the index deletes a record's row before writing it, even a new one.
        if verb in ("DELETE", "UPDATE") and cursor.rowcount != 0:
            journal.removed_text = True

    def after_commit(conn: Connection) -> None:
        # Heard as the commit starts: one that then fails counts too, which costs a reload.
        if conn.info.pop("wrote", False):
            journal.revision += 1

    def after_rollback(conn: Connection) -> None:
        conn.info.pop("wrote", None)

    event.listen(journal.engine, "after_cursor_execute", after_execute)
    event.listen(journal.engine, "commit", after_commit)
    event.listen(journal.engine, "rollback", after_rollback)
