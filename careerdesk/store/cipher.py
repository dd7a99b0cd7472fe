"""Encryption at rest: which journal files are encrypted, and the one way to connect to any
journal file, encrypted or not.

An encrypted journal is a SQLCipher 4 database (its default settings: AES-256, a key
derived from the passphrase with PBKDF2-HMAC-SHA512, an HMAC on every page), read through
the ``sqlcipher3`` package, a dependency loaded only for an
encrypted journal. Anyone with the passphrase and SQLCipher's own tools
can open it. The passphrase reaches SQLCipher through ``PRAGMA key`` on the connection,
never through a URL or a file, and is held in memory only while the journal is open.

Whether a journal is encrypted is told by two things together: its first bytes are not
SQLite's plain header, and a marker file beside it says that it was encrypted. Without the
marker a journal that does not begin like SQLite is damaged (the recovery screen); with
it, a key that does not open the file is a wrong passphrase, asked again, never taken for
damage. The marker holds no secret; it also tells a person what the file is.

This module imports neither SQLAlchemy nor Qt: ``careerdesk search`` connects through it.
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO
from urllib.parse import quote

from careerdesk.domain.errors import CareerdeskError
from careerdesk.store.environment import JournalRefused

PLAIN_HEADER = b"SQLite format 3\x00"
MARKER_SUFFIX = ".encrypted"
PASSPHRASE_VARIABLE = "CAREERDESK_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "CAREERDESK_NEW_PASSPHRASE"
_SQLITE_NOTADB = 26
MARKER_TEXT = (
    "The journal beside this file is encrypted with SQLCipher 4 (its default settings).\n"
    "careerdesk asks for its passphrase when it opens the journal. A forgotten passphrase\n"
    "cannot be recovered, by anyone. Keep this file with the journal: without it careerdesk\n"
    "takes the encrypted journal for a damaged one.\n"
)


class EncryptionUnavailable(CareerdeskError):
    """SQLCipher (the ``sqlcipher3`` package, a dependency loaded only for an
encrypted journal) is not installed."""


class PassphraseNeeded(JournalRefused):
    """The journal is encrypted and no passphrase was given."""


class WrongPassphrase(JournalRefused):
    """The passphrase does not open the file."""


class Passphrase:
    """A passphrase that never shows itself in a ``repr``, a log or a traceback's locals."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        if not text:
            raise ValueError("a passphrase cannot be empty")
        if "\x00" in text:
            raise ValueError("a passphrase cannot hold a NUL character")
        self._text = text

    def reveal(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Passphrase):
            return NotImplemented
        import hmac  # here: loading hashlib's OpenSSL is 3 ms of every start and search

        return hmac.compare_digest(self._text.encode(), other._text.encode())

    def __hash__(self) -> int:
        return hash(Passphrase)  # equal passphrases must hash alike; none is ever a key


def marker_path(database: Path) -> Path:
    return database.with_name(database.name + MARKER_SUFFIX)


def begins_like_sqlite(path: Path) -> bool:
    """Whether the file starts with SQLite's plain header (an empty file counts as plain:
    opening refuses it as empty, which is what it is)."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return True
    return not head or head == PLAIN_HEADER


def is_encrypted(database: Path) -> bool:
    """The journal at ``database`` is encrypted: it has the marker and no plain header."""
    return marker_path(database).exists() and not begins_like_sqlite(database)


def write_marker(database: Path) -> None:
    from careerdesk.interchange.atomic import write_atomically

    def write(file: BinaryIO) -> None:
        file.write(MARKER_TEXT.encode("utf-8"))

    write_atomically(marker_path(database), write)


def remove_marker(database: Path) -> None:
    marker_path(database).unlink(missing_ok=True)


def driver() -> ModuleType:
    """SQLCipher's DB-API module; refuses clearly when the optional package is missing."""
    try:
        return importlib.import_module("sqlcipher3.dbapi2")
    except ImportError:
        raise EncryptionUnavailable(
            "this journal is encrypted, and SQLCipher is not installed: install "
            "careerdesk again with its dependencies (pip install sqlcipher3)") from None


def is_not_a_database(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return (isinstance(code, int) and code & 0xFF == _SQLITE_NOTADB) or (
        "not a database" in str(error))


def quoted(passphrase: Passphrase) -> str:
    """The passphrase as an SQL string literal (``PRAGMA key`` takes no bound parameter)."""
    return "'" + passphrase.reveal().replace("'", "''") + "'"


def apply_key(connection: Any, passphrase: Passphrase) -> None:
    """Keys a fresh SQLCipher connection; nothing may run on it before this."""
    # A wrong key makes SQLCipher log the failed page checks to stderr: keep it quiet, the
    # user hears "wrong passphrase" from careerdesk instead.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {quoted(passphrase)}")


def connect(path: Path | str, passphrase: Passphrase | None = None, *, read_only: bool = False,
            timeout: float = 5.0, check_same_thread: bool = True) -> Any:
    """A DB-API connection to a journal file: plain sqlite3 without a passphrase,
    SQLCipher keyed with it otherwise. A key that does not open the file raises
    ``WrongPassphrase`` (naming the file) instead of SQLite's "file is not a database"."""
    # A URI, for mode=ro: the path's own "?", "#" and "%" must not be read as URI syntax.
    target = f"file:{quote(str(path))}{'?mode=ro' if read_only else ''}"
    if passphrase is None:
        return sqlite3.connect(target, uri=True, timeout=timeout,
                               check_same_thread=check_same_thread)
    module = driver()
    connection = module.connect(target, uri=True, timeout=timeout,
                                check_same_thread=check_same_thread)
    try:
        apply_key(connection, passphrase)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # proves the key
    except module.DatabaseError as error:
        connection.close()
        if is_not_a_database(error):
            raise WrongPassphrase(
                f"{path}: the passphrase is wrong. (If you are sure it is right, the file is "
                "damaged: restore a backup.)") from None
        raise
    except BaseException:
        connection.close()
        raise
    return connection
