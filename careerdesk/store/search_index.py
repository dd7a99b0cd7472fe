"""The full-text index (SQLite FTS5) over every text a user writes.

One row per record in ``search_index``; its rowid is ``id * 16 + kind code`` so an edit
replaces exactly one row without a scan. The index is kept current from the ORM's flush,
so every write path (editor, import, undo) updates it in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, event, select, text
from sqlalchemy.orm import Session, UOWTransaction

from careerdesk.store.models import (
    AchievementRow,
    Base,
    CompensationRow,
    CycleEventRow,
    ExperienceRow,
    InteractionRow,
    JournalEntryRow,
    MetricRow,
    OpeningRow,
    PersonRow,
    PlanRow,
    SkillRow,
    TargetRow,
)

TABLE = "search_index"

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, body, kind UNINDEXED, uid UNINDEXED, day UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)

# The kind names that search prints; the codes only ever grow.
KIND_CODES: dict[type[Base], tuple[int, str]] = {
    JournalEntryRow: (1, "journal"),
    AchievementRow: (2, "achievement"),
    ExperienceRow: (3, "experience"),
    PersonRow: (4, "person"),
    InteractionRow: (5, "interaction"),
    SkillRow: (6, "skill"),
    TargetRow: (7, "target"),
    OpeningRow: (8, "opening"),
    CycleEventRow: (9, "cycle_event"),
    PlanRow: (10, "plan"),
    CompensationRow: (11, "compensation"),
}
KIND_BITS = 16


def _join(parts: Iterable[Any]) -> str:
    return "\n".join(str(p) for p in parts if p not in (None, "", []))


def _texts(value: Any) -> list[str]:
    """Strings found anywhere in a JSON value (benchmarks, objections...)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def document(row: Base) -> tuple[str, str, date | None]:
    """The (title, body, day) a record contributes to the index."""
    return document_of(type(row), row)


def document_of(kind: type[Base], row: Any) -> tuple[str, str, date | None]:
    """The (title, body, day) of a record of table ``kind``.

    ``row`` is the ORM row, or any object with its attributes: the import writes new
    records without building rows and indexes their values through this same function.
    """
    tags = " ".join(getattr(row, "tags", None) or [])
    if kind is JournalEntryRow:
        return row.title or "", _join([row.body, tags]), row.date
    if kind is AchievementRow:
        metrics = [_join([m.name, m.unit]) for m in row.metrics]
        return row.title, _join([row.story, row.notes, *metrics, *row.evidence, tags]), row.date
    if kind is ExperienceRow:
        return row.title, _join([row.department, row.outcome, row.reflection, tags]), row.start
    if kind is PersonRow:
        return row.name, _join([row.title, row.department, row.notes, tags]), None
    if kind is InteractionRow:
        return "", _join([row.summary, row.follow_up_action, tags]), row.date
    if kind is SkillRow:
        return row.name, row.category or "", None
    if kind is TargetRow:
        return row.title, _join([row.department, row.level, row.notes, tags]), None
    if kind is OpeningRow:
        return row.title, _join([row.department, row.reference, row.notes, tags]), row.posted
    if kind is CycleEventRow:
        return row.name, _join([row.notes, tags]), row.date
    if kind is PlanRow:
        parts = [*_texts(row.ask), *_texts(row.current), *_texts(row.benchmarks),
                 *_texts(row.talking_points), *_texts(row.objections),
                 *_texts(row.fallbacks), row.walk_away, row.notes, tags]
        return row.title, _join(parts), row.meeting_date
    if kind is CompensationRow:
        return row.title or "", _join([row.level, row.note, tags]), row.date
    raise TypeError(f"{kind.__name__} is not indexed")


def rowid_of(row: Base) -> int:
    code, _ = KIND_CODES[type(row)]
    return int(row.id) * KIND_BITS + code  # type: ignore[attr-defined]


def write(connection: Connection, rows: Sequence[Base]) -> None:
    """Replaces the index rows of these records."""
    _replace(connection, [_params(type(row), row.id, row)  # type: ignore[attr-defined]
                          for row in rows])


def write_new(connection: Connection, kind: type[Base], records: Iterable[tuple[int, Any]]) -> None:
    """Indexes records of table ``kind`` given as (id, object with the row's attributes)."""
    _replace(connection, [_params(kind, id_, values) for id_, values in records])


def _params(kind: type[Base], id_: int, row: Any) -> tuple[int, str, str, str, str, str | None]:
    title, body, day = document_of(kind, row)
    code, name = KIND_CODES[kind]
    return int(id_) * KIND_BITS + code, title, body, name, row.uid, day.isoformat() if day else None


def _replace(connection: Connection, params: list[tuple[int, str, str, str, str, str | None]],
             ) -> None:
    # Straight to the driver: plain values need no conversion, and an import writes
    # a hundred thousand of them.
    if not params:
        return
    remove(connection, [p[0] for p in params])
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE}(rowid, title, body, kind, uid, day) VALUES (?, ?, ?, ?, ?, ?)",
        params)


def remove(connection: Connection, rowids: Sequence[int]) -> None:
    if rowids:
        connection.exec_driver_sql(f"DELETE FROM {TABLE} WHERE rowid = ?", [(r,) for r in rowids])


def rebuild(session: Session) -> None:
    """Indexes every record afresh (after a migration, or when the index is suspect)."""
    connection = session.connection()
    connection.execute(text(f"DELETE FROM {TABLE}"))
    for model in KIND_CODES:
        for chunk in session.scalars(select(model)).partitions(2000):
            write(connection, list(chunk))


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    # Keyed by index rowid: the same record must be written once. New rows are not in the
    # identity map yet at this point, so a metric's parent is looked up among them first.
    deleted = session.deleted  # a new set at every access: read it once, not once per object
    pending = [obj for obj in (*session.new, *session.dirty) if obj not in deleted]
    changed: dict[int, Base] = {rowid_of(obj): obj for obj in pending if type(obj) in KIND_CODES}
    achievements = {obj.id: obj for obj in changed.values() if isinstance(obj, AchievementRow)}
    for obj in pending:
        if isinstance(obj, MetricRow):
            parent = achievements.get(obj.achievement_id) or session.get(
                AchievementRow, obj.achievement_id)
            if parent is not None and parent not in deleted:
                changed[rowid_of(parent)] = parent
    connection = session.connection()
    remove(connection, [rowid_of(obj) for obj in deleted if type(obj) in KIND_CODES])
    write(connection, list(changed.values()))


def install(session_class: Any) -> None:
    """Keeps the index current for every session made by ``session_class``."""
    event.listen(session_class, "after_flush", _after_flush)
