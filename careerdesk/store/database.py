"""Opening the journal: the engine with its SQLite settings, the schema check, migrations.

A journal must never lose an acknowledged edit, so every connection runs in WAL mode with
``synchronous=FULL`` (a commit is on disk before it returns), foreign keys on, a busy
timeout for a second reader, and ``secure_delete`` so deleted notes do not linger in free
pages. pysqlite's own transaction handling is switched off and SQLAlchemy emits BEGIN
itself: SQLAlchemy's documented fix that makes DDL (migrations) transactional on SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from careerdesk.domain.errors import CareerdeskError
from careerdesk.paths import create_private_file, database_path, ensure_private_dir
from careerdesk.store import search_index
from careerdesk.store.schema_version import APPLICATION_ID, HEAD, REVISIONS, read_schema_state

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA secure_delete = ON",
    "PRAGMA journal_size_limit = 16777216",
)


class JournalRefused(CareerdeskError):
    """The file is not a journal this version can open; nothing was changed."""


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN instead
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def create_journal_engine(path: Path) -> Engine:
    # hide_parameters: an error message must never carry a user's journal text.
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True,
                           connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def check_openable(path: Path) -> str | None:
    """Refuses a foreign or newer file; returns the revision, None for a new empty file."""
    try:
        app_id, revision, has_tables = read_schema_state(path)
    except sqlite3.DatabaseError as error:
        raise JournalRefused(f"{path}: not a careerdesk journal ({error})") from None
    if app_id not in (0, APPLICATION_ID) or (has_tables and revision is None):
        raise JournalRefused(f"{path}: this file is not a careerdesk journal; it was left as it is")
    if revision is not None and revision not in REVISIONS:
        raise JournalRefused(
            f"{path}: this journal was written by a newer careerdesk (schema {revision}); "
            "update careerdesk to open it. The file was left as it is."
        )
    return revision


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

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything in it is saved together, or nothing is."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()


def open_journal(data_dir: Path) -> Journal:
    """Opens (creating and migrating as needed) the journal in ``data_dir``."""
    ensure_private_dir(data_dir)
    path = database_path(data_dir)
    create_private_file(path)
    revision = check_openable(path)
    engine = create_journal_engine(path)
    if revision != HEAD:
        upgrade(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    search_index.install(sessions)
    return Journal(path=path, engine=engine, sessions=sessions)
