"""The search field's queries, run on a thread of their own so typing never waits for one.

A common word costs about 60 ms on 100,000 records. Run on the window's thread, every
pause in the typing held the window for that long, and keys typed meanwhile waited. Here
each text is searched on one worker thread with its own read-only connection; a newer
text interrupts the query still running for an older one (``sqlite3.Connection.interrupt``
is made to be called from another thread) and only the newest text's results are told.

The latest searches' results are remembered while the journal is unchanged (``PRAGMA
data_version`` changes when any other connection commits): a text typed again, a
backspace, or Down after Esc brings back a text searched a moment ago at once.
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from careerdesk.search import Hit, connect_read_only, search
from careerdesk.store.cipher import Passphrase, WrongPassphrase
from careerdesk.store.environment import database_errors

RESULT_LIMIT = 20
REMEMBERED_SEARCHES = 32


class SearchRunner(QObject):
    """``request(text)`` searches on the worker thread and emits ``found(ticket, text,
    hits)`` on the window's thread, for the newest request only; ``find(text)`` searches
    at once, on the caller's thread (Enter right after typing)."""

    found = Signal(int, str, object)  # ticket, text, list[Hit]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database_path: str | None = None
        self._passphrase: Passphrase | None = None
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # one query at a time on the connection
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        self.latest = 0  # the newest request's ticket; older results are not told
        self.remembered: dict[str, list[Hit]] = {}
        self._remembered_version: int | None = None

    @property
    def has_database(self) -> bool:
        return self._database_path is not None

    def set_database(self, database_path: Path | str,
                     passphrase: Passphrase | None = None) -> None:
        self._close(str(database_path), passphrase)

    def release_database(self) -> None:
        """Searches nothing until ``set_database`` (the file is being rewritten)."""
        self._close(None, None)

    def cancel(self) -> None:
        """What was requested is not told; a query still running stops."""
        self.latest += 1
        self._interrupt()

    def close_connection(self) -> None:
        """Stops the running query and closes the connection; the next search opens it."""
        self._close(self._database_path, self._passphrase)

    def _close(self, database_path: str | None, passphrase: Passphrase | None) -> None:
        self.cancel()
        with self._lock:  # the file and its passphrase change together, between queries
            self.remembered.clear()
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            self._database_path = database_path
            self._passphrase = passphrase

    def shutdown(self) -> None:
        self.release_database()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def request(self, text: str) -> int:
        """Searches ``text`` on the worker thread; returns its ticket."""
        self.latest += 1
        ticket = self.latest
        self._interrupt()  # an older text's query, if one still runs
        self._pool.submit(self._run, ticket, text)
        return ticket

    def find(self, text: str) -> list[Hit]:
        """Searches ``text`` now; what was requested before is not told any more."""
        self.cancel()
        return self._find(text, self.latest) or []

    def _interrupt(self) -> None:
        connection = self._connection
        if connection is not None:
            try:
                connection.interrupt()
            except database_errors():  # closed meanwhile
                pass

    def _run(self, ticket: int, text: str) -> None:
        hits = self._find(text, ticket)
        if hits is not None and ticket == self.latest:
            self.found.emit(ticket, text, hits)

    def _find(self, text: str, ticket: int) -> list[Hit] | None:
        """The hits; None when a newer text came first (while this one waited for the
        connection) or interrupted the query."""
        with self._lock:
            if ticket != self.latest:
                return None
            if self._database_path is None:
                return []
            try:
                if self._connection is None:
                    # Used on the worker thread and by find(): one at a time (the lock).
                    self._connection = connect_read_only(
                        self._database_path, self._passphrase, check_same_thread=False)
                    self.remembered.clear()
                version = self._connection.execute("PRAGMA data_version").fetchone()[0]
                if version != self._remembered_version:
                    self.remembered.clear()
                    self._remembered_version = version
                hits = self.remembered.pop(text, None)
                if hits is None:
                    hits = search(self._connection, text, limit=RESULT_LIMIT)
                self.remembered[text] = hits  # the newest last
                if len(self.remembered) > REMEMBERED_SEARCHES:
                    del self.remembered[next(iter(self.remembered))]
                return list(hits)
            except database_errors(WrongPassphrase) as error:
                if str(error) == "interrupted":  # by a newer text: the connection is fine
                    return None
                return self._lost()

    def _lost(self) -> list[Hit]:
        # A busy or vanished file: no results this time; the next key tries again.
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self.remembered.clear()
        return []
