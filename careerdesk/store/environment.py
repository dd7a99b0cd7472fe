"""Problems of the machine rather than of careerdesk: a full disk, a read-only folder, a
journal locked by another program, a damaged file.

SQLite reports them as error codes; they are told apart from bugs here and turned into
one sentence that says what happened and what to do. Nothing was saved from the change
that met the problem, and it can be made again once the problem is gone.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from careerdesk.domain.errors import CareerdeskError

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StorageUnavailable(CareerdeskError):
    """The journal cannot be written just now; the user can fix it and try again."""


class JournalRefused(CareerdeskError):
    """The file is not a journal this version can open; nothing was changed."""


class JournalDamaged(JournalRefused):
    """The journal file is damaged or empty: restore a backup (the file is kept aside)."""


class JournalTooNew(JournalRefused):
    """Written by a newer careerdesk: update careerdesk; no backup can help."""


def database_errors(*also: type[Exception]) -> tuple[type[Exception], ...]:
    """The DB-API error classes in play, and ``also``: SQLCipher's (encrypted journals)
    are not ``sqlite3.Error``s. Its module is only looked up once loaded: no SQLCipher
    error can be raised before that. Usable as ``except database_errors():``."""
    loaded = sys.modules.get("sqlcipher3.dbapi2")
    found: tuple[type[Exception], ...] = (sqlite3.Error,) if loaded is None else (
        sqlite3.Error, loaded.Error)
    return found + also


def _code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(error).lower()  # some paths (the backup API) raise without a code
    for needle, guessed in (("disk is full", SQLITE_FULL), ("readonly", SQLITE_READONLY),
                            ("read-only", SQLITE_READONLY), ("is locked", SQLITE_BUSY),
                            ("malformed", SQLITE_CORRUPT), ("not a database", SQLITE_NOTADB),
                            ("unable to open", SQLITE_CANTOPEN), ("disk i/o", SQLITE_IOERR)):
        if needle in text:
            return guessed
    return None


def explain(error: BaseException, path: Path) -> CareerdeskError | None:
    """The user's version of a SQLite error about ``path``; None for anything else (a bug)."""
    original = getattr(error, "orig", error)  # SQLAlchemy wraps the driver's error
    if not isinstance(original, database_errors()):
        return None
    code = _code(original)
    folder = path.parent
    if code == SQLITE_FULL:
        return StorageUnavailable(
            f"{path}: the disk is full. Free some space, then try again; "
            "the change was not saved and nothing else was lost.")
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return StorageUnavailable(
            f"{folder}: the folder or the journal is read-only. Make it writable for your "
            "user, then try again; the change was not saved and nothing else was lost.")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageUnavailable(
            f"{path}: the journal is busy in another program (another careerdesk, a backup "
            "or sync tool). Close it, then try again; the change was not saved.")
    if code in (SQLITE_CANTOPEN, SQLITE_IOERR):
        return StorageUnavailable(
            f"{path}: the journal cannot be reached ({original}). Check that the disk is "
            "connected and the folder is yours, then try again.")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return JournalDamaged(
            f"{path}: the journal file is damaged. Restore a backup "
            "(careerdesk restore, or the window's recovery screen); the damaged file is kept.")
    return None
