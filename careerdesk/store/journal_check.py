"""Whether a journal file may be opened, and at which schema revision, and whether its
pages are whole, on plain sqlite3 (SQLCipher for an encrypted journal).

Opening checks this first (``database.open_journal``); the window's first look at the
Today page checks it too, before SQLAlchemy is imported (``planner.first_look``).
"""

from __future__ import annotations

from pathlib import Path

from careerdesk.store.cipher import Passphrase, connect
from careerdesk.store.environment import (
    JournalDamaged,
    JournalRefused,
    JournalTooNew,
    database_errors,
    explain,
)
from careerdesk.store.schema_version import APPLICATION_ID, REVISIONS, read_schema_state

__all__ = ["check_openable", "quick_check_file", "refuse_problems"]

BUSY_TIMEOUT_S = 5.0


def check_openable(path: Path, passphrase: Passphrase | None = None) -> str:
    """Refuses an empty, damaged, foreign or newer file; returns the journal's revision.

    An encrypted journal needs its passphrase; a wrong one raises ``WrongPassphrase``."""
    if path.stat().st_size == 0:
        raise JournalDamaged(
            f"{path}: the journal file is empty, so it is not a careerdesk journal (it was left "
            "as it is). Restore a backup, or move the file away to start a new journal.")
    try:
        app_id, revision, _has_tables = read_schema_state(path, passphrase)
    except database_errors() as error:
        raise JournalDamaged(f"{path}: cannot be read: the file is damaged or not a careerdesk "
                             f"journal ({error}); it was left as it is") from None
    if app_id not in (0, APPLICATION_ID) or revision is None:
        raise JournalRefused(f"{path}: this file is not a careerdesk journal; it was left as it is")
    if revision not in REVISIONS:
        raise JournalTooNew(
            f"{path}: this journal was written by a newer careerdesk (schema {revision}); "
            "update careerdesk to open it. The file was left as it is."
        )
    return revision


def quick_check_file(path: Path, passphrase: Passphrase | None = None) -> None:
    """``quick_check`` on a connection of its own, for a check beside the open journal
    (from another thread); raises ``JournalDamaged`` like opening would."""
    try:
        connection = connect(path, passphrase, timeout=BUSY_TIMEOUT_S)
        try:
            rows = [row[0] for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except database_errors() as error:
        explained = explain(error, path)
        if explained is None:
            raise
        raise explained from None
    refuse_problems(rows, path)


def refuse_problems(rows: list[str], path: Path) -> None:
    """``JournalDamaged`` unless SQLite's check said ``ok``."""
    if rows != ["ok"]:
        raise JournalDamaged(f"{path}: the journal file is damaged ({rows[0]}). Restore a backup; "
                             "the damaged file is kept.")
