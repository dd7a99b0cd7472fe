"""The journal's rows read with plain SQL, for the charts.

The charts read a few columns of many rows, which plain SQL does several times faster
than the ORM; and the ``timeline`` command, which reads and draws and writes nothing to
the journal, then needs no SQLAlchemy at all (a third of its time was spent importing
it). Every reader takes the window's or the tests' SQLAlchemy ``Session`` (read through
its own connection, inside its transaction) or a DB-API connection of its own
(``careerdesk.search.connect_read_only``).

This module must not import SQLAlchemy; ``tests/reports/test_timeline_cli.py`` checks that
the command does not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from careerdesk.domain.enums import CycleEventKind, Recurrence
from careerdesk.domain.records import CycleEvent

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Rows(Protocol):
    """What is used of a DB-API connection: ``execute`` with ``?`` or ``:name`` parameters."""

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ...,
                /) -> Iterable[Any]: ...


def rows_of(source: Session | Rows) -> Rows:
    """The DB-API connection to read with: the session's own (inside its transaction, so
    it sees what the session wrote), or ``source`` itself when it is one."""
    if callable(getattr(source, "connection", None)):  # a Session; a DB-API one has none
        session: Any = source
        connection: Rows = session.connection().connection.dbapi_connection
        return connection
    return source  # type: ignore[return-value]


def day(text: str | None) -> date | None:
    """A stored day (``YYYY-MM-DD``, as SQLAlchemy's Date writes it) as a date."""
    return None if text is None else date.fromisoformat(text)


LEAD_TIMES_KEY = "planner.lead_times"
OVERRIDES_KEY = "planner.window_overrides"
"""The settings ``careerdesk.planner.preferences`` keeps the user's lead times and window
changes under (that module reads them through the ORM)."""


def in_list(values: Sequence[Any]) -> str:
    """``?, ?, ?``: the placeholders for ``values`` in ``IN (...)``."""
    return ", ".join("?" * len(values))


def setting(source: Session | Rows, key: str) -> Any:
    """A journal setting's stored value (JSON), or None when it is not set."""
    found = list(rows_of(source).execute("SELECT value FROM setting WHERE key = ?", (key,)))
    if not found or found[0][0] is None:
        return None
    return json.loads(found[0][0])


CYCLE_EVENT_KINDS = {kind.value: kind for kind in CycleEventKind}
RECURRENCES = {recurrence.value: recurrence for recurrence in Recurrence}


def cycle_events(source: Session | Rows) -> list[CycleEvent]:
    """Every cycle event of the organisation's calendar, in the order they were added."""
    return [CycleEvent(uid=uid, tags=json.loads(tags) if tags else [],
                       kind=CYCLE_EVENT_KINDS.get(kind, CycleEventKind.OTHER), name=name,
                       date=date.fromisoformat(when), duration_days=duration,
                       recurrence=RECURRENCES.get(recurrence, Recurrence.NONE), notes=notes)
            for uid, tags, kind, name, when, duration, recurrence, notes in rows_of(source).execute(
                "SELECT uid, tags, kind, name, date, duration_days, recurrence, notes "
                "FROM cycle_event ORDER BY id")]
