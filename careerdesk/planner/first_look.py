"""The Today page's plan read before the journal is opened, for a quick start.

The window shows Today first. Opening the journal (``store.database.open_journal``)
imports SQLAlchemy and the ORM, about a third of a second; the plan of the day needs
neither. ``first_look`` checks the file as opening does (``check_openable``: not empty,
not damaged, a careerdesk journal, a schema this version knows) and reads the day's
snapshot with plain SQL (``plain_data``) in one read transaction; the window shows it and
opens the journal right after, for everything else.

It only looks where nothing needs doing first: a journal that does not exist yet, an
encrypted one (its passphrase is asked when it opens), one at an older schema (migrated,
after a backup, before anything reads it) or one that is refused, damaged or busy gives
None, and the window takes the normal way, which creates, asks, migrates or shows the
recovery screen. This module imports neither SQLAlchemy nor Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from careerdesk.domain.errors import CareerdeskError
from careerdesk.paths import database_path
from careerdesk.planner import plain_data
from careerdesk.planner.plan import Plan, build_plan
from careerdesk.store import cipher
from careerdesk.store.environment import database_errors
from careerdesk.store.journal_check import check_openable
from careerdesk.store.schema_version import HEAD

__all__ = ["FirstLook", "first_look"]


@dataclass(frozen=True)
class FirstLook:
    """What the Today page shows: the day's plan, and whether the journal is empty."""

    plan: Plan
    empty: bool


def first_look(data_dir: Path, today: date) -> FirstLook | None:
    """The plan of ``today`` from the journal in ``data_dir``, or None: open it the normal way."""
    path = database_path(data_dir)
    refused: tuple[type[Exception], ...] = (CareerdeskError, OSError, *database_errors())
    try:
        if not path.is_file() or cipher.marker_path(path).exists():
            return None  # a new journal, or an encrypted one (or one half-way there)
        if check_openable(path) != HEAD:
            return None
        connection = cipher.connect(path, read_only=True)
        try:
            connection.execute("BEGIN")  # one snapshot for every query
            data = plain_data.read_planner_data(connection, today)
            empty = plain_data.journal_is_empty(connection)
        finally:
            connection.close()
    except refused:
        return None  # opening says what is wrong, or offers the recovery screen
    return FirstLook(plan=build_plan(data, today), empty=empty)
