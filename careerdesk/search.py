"""Full-text search over the journal, on plain sqlite3.

This module imports neither SQLAlchemy nor Qt: ``careerdesk search`` must answer in a
blink, and the window's search-as-you-type runs it on every key.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from careerdesk.store.cipher import Passphrase, connect

# Column weights for bm25: a word in a title counts more than one in a body.
_TITLE_WEIGHT = 4.0
_BODY_WEIGHT = 1.0
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    uid: str
    day: str | None
    title: str
    snippet: str


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """The user's words as an FTS5 query: every word must match; the last may be a prefix.

    Each word is quoted, so FTS5 syntax typed by the user (``AND``, ``*``, quotes) is
    taken as plain words and never as an error.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    terms = [f'"{w}"' for w in words]
    if prefix_last and text[-1:].isalnum():
        terms[-1] += "*"
    return " ".join(terms)


def display_title(title: str, body: str, width: int = 80) -> str:
    """The title, or the start of the text when the record has none."""
    text = title.strip() or " ".join(body.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def search(
    connection: sqlite3.Connection,
    text: str,
    *,
    limit: int = 50,
    kinds: tuple[str, ...] = (),
    prefix_last: bool = True,
) -> list[Hit]:
    """Best matches first. ``kinds`` narrows to some record kinds (``achievement``...)."""
    query = fts_query(text, prefix_last=prefix_last)
    if query is None or limit <= 0:
        return []
    sql = (
        "SELECT kind, uid, day, title, substr(body, 1, 400), "
        "snippet(search_index, 1, '[', ']', '…', 12) "
        "FROM search_index WHERE search_index MATCH ?"
    )
    params: list[object] = [query]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params.extend(kinds)
    sql += f" ORDER BY bm25(search_index, {_TITLE_WEIGHT}, {_BODY_WEIGHT}) LIMIT ?"
    params.append(limit)
    return [
        Hit(kind=kind, uid=uid, day=day, title=display_title(title or "", body or ""),
            snippet=snippet or "")
        for kind, uid, day, title, body, snippet in connection.execute(sql, params)
    ]


def connect_read_only(path: str, passphrase: Passphrase | None = None, *,
                      check_same_thread: bool = True) -> sqlite3.Connection:
    """A reader beside the window: never writes, never blocks a writer (WAL). An encrypted
    journal is read through SQLCipher, keyed with ``passphrase``. ``check_same_thread``
    False: the caller makes sure one thread at a time uses it."""
    connection: sqlite3.Connection = connect(path, passphrase, read_only=True,
                                             check_same_thread=check_same_thread)
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection
