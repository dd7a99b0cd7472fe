"""The ids a list query selects, read fast: a list model asks for all of them at once.

A record list holds the ordered ids of every matching record (tens of thousands on a big
journal). Through the ORM (``session.scalars``) each row goes through the ORM's result
processing, which costs several times the query itself. An id needs no processing: the
statement runs through the session's connection as usual (compiled, its parameters
bound, in the same transaction) and the rows are read straight from the database cursor.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session


def ids_of(session: Session, query: Select[Any]) -> list[int]:
    """The first column (an integer id) of every row ``query`` selects, in its order."""
    result = session.connection().execute(query)
    try:
        rows = result.cursor.fetchall()
    finally:
        result.close()
    return [id_ for (id_,) in rows]
