"""The schema revisions this version knows, checked on open without importing Alembic.

A test keeps ``REVISIONS`` equal to the migration scripts, newest last. This module uses
plain sqlite3 so that quick commands (``search``) can check a journal without the ORM.
"""

from __future__ import annotations

from pathlib import Path

from careerdesk.store.cipher import Passphrase, connect

APPLICATION_ID = 0x43524B44  # "CRKD": marks the file as a careerdesk journal
REVISIONS = ("0001",)
HEAD = REVISIONS[-1]


def read_schema_state(path: Path, passphrase: Passphrase | None = None
                      ) -> tuple[int, str | None, bool]:
    """(application id, Alembic revision or None, whether the file holds any table).

    Raises ``sqlite3.DatabaseError`` (or SQLCipher's) for a file that is not a database,
    ``WrongPassphrase`` for an encrypted one the passphrase does not open.
    """
    connection = connect(path, passphrase, read_only=True)
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return int(app_id), revision, bool(tables)
    finally:
        connection.close()
