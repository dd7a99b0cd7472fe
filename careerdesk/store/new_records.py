"""Records new to the journal, written set-based: a few INSERTs per table for a whole import.

Through the ORM, an import of 100,000 records builds, flushes and indexes one row object
at a time. Here a new record becomes a plain dict of the same column values
(``repository.column_values``), its references become ids, and each table, link table
and the full-text index get one executemany. The ids are the ones SQLite would have
picked (the next free ones, in file order), so the journal, its exports and its search
results come out exactly as through ``RecordWriter``.

Only records whose uid is not in the journal come here. A record that exists is
updated through ``RecordWriter`` as before, which keeps what the user changed since
and tells whether anything did. Everything runs in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Table, TypeDecorator, func, insert, select
from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.domain.errors import InvalidRecord
from careerdesk.store import models as m
from careerdesk.store import search_index
from careerdesk.store.repository import ROW_OF, RecordWriter, check, column_values

_CHUNK = 500  # below SQLite's limit on the number of values in one IN (...)


@dataclass
class _Pending:
    """One new record, checked and resolved, waiting for its id."""

    record: r.Record
    values: dict[str, Any]
    # Link rows without the record's own id: (link table, the other side's columns).
    links: list[tuple[Table, dict[str, Any]]] = field(default_factory=list)
    # Skills it names, as rows (a skill created by this import gets its id at the flush).
    skills: list[tuple[Table, m.SkillRow, dict[str, Any]]] = field(default_factory=list)


class NewRecords:
    """Collects the new records of one section at a time and writes them together."""

    def __init__(self, session: Session, writer: RecordWriter,
                 now: Callable[[], datetime] = m.utc_now) -> None:
        self.session = session
        self.writer = writer
        self.now = now
        self._ids: dict[type[m.Base], dict[str, int]] = {}
        self._pending: list[_Pending] = []
        self._row_type: type[m.Base] | None = None

    # -- which uids the journal has

    def existing(self, row_type: type[m.Base], uids: Sequence[str]) -> set[str]:
        """The uids among these that are in the journal already."""
        table = _table(row_type)
        if self.session.execute(select(table.c.id).limit(1)).first() is None:
            return set()
        self._load_ids(row_type, uids)
        known = self._ids[row_type]
        return {u for u in uids if u in known}

    def _load_ids(self, row_type: type[m.Base], uids: Iterable[str]) -> dict[str, int]:
        known = self._ids.setdefault(row_type, {})
        wanted = [u for u in set(uids) if u not in known]
        table = _table(row_type)
        found: dict[str, int] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            for uid, id_ in self.session.execute(
                    select(table.c.uid, table.c.id).where(table.c.uid.in_(chunk))):
                found[uid] = id_
        known.update(found)
        return found

    def prefetch(self, records: Iterable[r.Record]) -> None:
        """Looks up, in a few queries, the ids of every record these refer to."""
        # What the writer added so far must be in the database to be found there.
        self.session.flush()
        wanted: dict[type[m.Base], set[str]] = {}
        for record in records:
            for row_type, refs in _references(record):
                wanted.setdefault(row_type, set()).update(u for u in refs if u)
        for row_type, uids in wanted.items():
            self._load_ids(row_type, uids)

    # -- collecting

    def add(self, record: r.Record, where: str) -> None:
        """Checks a new record and resolves what it refers to; raises ``InvalidRecord``
        naming the field, in the same order as ``RecordWriter.save`` would."""
        check(record, where)
        row_type = ROW_OF[type(record)]
        if self._row_type not in (None, row_type):
            raise ValueError("write() the records of one kind before adding another")
        self._row_type = row_type
        pending = _Pending(record, {**column_values(record), **self._times(record)})
        self._resolve(record, pending, where)
        self._pending.append(pending)

    def _times(self, record: r.Record) -> dict[str, datetime]:
        # As RecordWriter.save(keep_times=True) stamps a row it creates.
        if record.created_at and record.updated_at:
            return {"created_at": record.created_at, "updated_at": record.updated_at}
        stamp = self.now()
        return {"created_at": record.created_at or stamp, "updated_at": stamp}

    def _ref(self, row_type: type[m.Base], uid: str | None, where: str, what: str) -> int | None:
        if uid is None:
            return None
        id_ = self._ids.get(row_type, {}).get(uid)
        if id_ is None:
            id_ = self._load_ids(row_type, [uid]).get(uid)
        if id_ is None:
            raise InvalidRecord(where, f"no {what} with uid {uid}")
        return id_

    def _refs(self, row_type: type[m.Base], uids: Sequence[str], where: str,
              what: str) -> list[int]:
        ids: list[int] = []
        for i, uid in enumerate(uids):
            id_ = self._ref(row_type, uid, f"{where}[{i}]", what)
            if id_ is not None and id_ not in ids:
                ids.append(id_)
        return ids

    def _resolve(self, record: r.Record, pending: _Pending, where: str) -> None:
        """References in the order ``RecordWriter._links`` looks them up."""
        def at(name: str) -> str:
            return f"{where}.{name}" if where else name

        values, links = pending.values, pending.links

        def link(table: Table, column: str, ids: Iterable[int]) -> None:
            links.extend((table, {column: id_}) for id_ in ids)

        def skills(table: Table, names: Sequence[str], name_at: str) -> None:
            pending.skills.extend((table, row, {}) for row in
                                  self.writer.skills_named(names, name_at))

        match record:
            case r.Achievement():
                values["experience_id"] = self._ref(m.ExperienceRow, record.experience,
                                                    at("experience"), "experience")
                skills(m.achievement_skill, record.skills, at("skills"))
                link(m.achievement_person, "person_id",
                     self._refs(m.PersonRow, record.people, at("people"), "person"))
            case r.Experience():
                values["sponsor_id"] = self._ref(m.PersonRow, record.sponsor, at("sponsor"),
                                                 "person")
                skills(m.experience_skill, record.skills, at("skills"))
            case r.Interaction():
                link(m.interaction_person, "person_id",
                     self._refs(m.PersonRow, record.people, at("people"), "person"))
            case r.Target():
                for i, required in enumerate(record.required_skills):
                    row = self.writer.skill(required.name, at(f"required_skills[{i}].name"))
                    pending.skills.append((_table(m.TargetSkillRow), row,
                                           {"level": required.level, "position": i}))
            case r.Opening():
                values["hiring_manager_id"] = self._ref(m.PersonRow, record.hiring_manager,
                                                        at("hiring_manager"), "person")
                values["target_id"] = self._ref(m.TargetRow, record.target, at("target"),
                                                "target")
            case r.NegotiationPlan():
                evidence = self._refs(m.AchievementRow, record.evidence, at("evidence"),
                                      "achievement")
                values["target_id"] = self._ref(m.TargetRow, record.target, at("target"),
                                                "target")
                link(m.plan_participant, "person_id",
                     self._refs(m.PersonRow, record.participants, at("participants"),
                                "person"))
                links.extend((_table(m.PlanEvidenceRow),
                              {"achievement_id": id_, "position": i})
                             for i, id_ in enumerate(evidence))

    # -- writing

    def write(self) -> int:
        """Inserts the collected records, their links and index rows; returns how many."""
        pending, row_type = self._pending, self._row_type
        self._pending, self._row_type = [], None
        if not pending or row_type is None:
            return 0
        # Skills this import named first are still only in the session: give them ids.
        self.session.flush()
        connection = self.session.connection()
        table = _table(row_type)
        first = (connection.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        key = f"{table.name}_id"
        rows: list[dict[str, Any]] = []
        children: dict[Table, list[dict[str, Any]]] = {}
        indexed: list[tuple[int, Any]] = []
        known = self._ids.setdefault(row_type, {})
        for id_, item in enumerate(pending, start=first):
            rows.append({"id": id_, "uid": item.record.uid, **item.values})
            for link_table, columns in item.links:
                children.setdefault(link_table, []).append({key: id_, **columns})
            for link_table, skill, columns in item.skills:
                children.setdefault(link_table, []).append(
                    {key: id_, "skill_id": skill.id, **columns})
            if isinstance(item.record, r.Achievement):
                metrics = children.setdefault(_table(m.MetricRow), [])
                metrics.extend(_metric(id_, x, i) for i, x in enumerate(item.record.metrics))
            indexed.append((id_, SimpleNamespace(uid=item.record.uid, **item.values,
                                                 metrics=getattr(item.record, "metrics", []))))
            known[item.record.uid] = id_
        _insert(self.session, table, rows)
        for child_table, child_rows in children.items():
            _insert(self.session, child_table, child_rows)
        search_index.write_new(connection, row_type, indexed)
        return len(rows)


def _table(row_type: type[m.Base]) -> Table:
    table = row_type.__table__
    assert isinstance(table, Table)
    return table


def _metric(achievement_id: int, metric: r.Metric, position: int) -> dict[str, Any]:
    return {"achievement_id": achievement_id, "position": position, "name": metric.name,
            "unit": metric.unit, "baseline": metric.baseline, "result": metric.result,
            "higher_is_better": metric.higher_is_better}


def _references(record: r.Record) -> list[tuple[type[m.Base], Sequence[str | None]]]:
    match record:
        case r.Achievement():
            return [(m.ExperienceRow, [record.experience]), (m.PersonRow, record.people)]
        case r.Experience():
            return [(m.PersonRow, [record.sponsor])]
        case r.Interaction():
            return [(m.PersonRow, record.people)]
        case r.Opening():
            return [(m.PersonRow, [record.hiring_manager]), (m.TargetRow, [record.target])]
        case r.NegotiationPlan():
            return [(m.AchievementRow, record.evidence), (m.TargetRow, [record.target]),
                    (m.PersonRow, record.participants)]
    return []


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Inserts rows (dicts with the same keys) with one executemany per set of columns.

    The ORM leaves an attribute that is None out of a new row's INSERT. That matters
    only for a column with a default (which then applies) and a JSON column (which
    then holds SQL NULL, not the JSON text null); for those a None is left out here
    too. The values go to the driver through each column type's own bind processor,
    as SQLAlchemy sends them, without its per-row bookkeeping (a third of the time).
    """
    if not rows:
        return
    left_out_if_none = [c.key for c in table.columns
                        if c.default is not None or isinstance(c.type, JSON)]
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        absent = tuple(k for k in left_out_if_none if k in row and row[k] is None)
        groups.setdefault(absent, []).append(row)
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    memos: dict[type, dict[Any, Any]] = {}
    for absent, group in groups.items():
        keys = [k for k in group[0] if k not in absent]
        if any(c.default is not None for c in table.columns if c.key not in keys):
            # A default to fill in: SQLAlchemy does that (no import reaches this today).
            connection.execute(insert(table), [{k: row[k] for k in keys} for row in group])
            continue
        columns: list[list[Any]] = []
        for key in keys:
            values = [row[key] for row in group]
            column_type = table.c[key].type
            process: Callable[[Any], Any] | None = (
                column_type.dialect_impl(dialect).bind_processor(dialect))
            stored = column_type.impl if isinstance(column_type, TypeDecorator) else column_type
            if process is not None and isinstance(stored, Date | DateTime):
                # Dates repeat, and a new record's created_at is its updated_at: each
                # distinct one is converted once (a tenth of the write's own time).
                process = _once_each(process, memos.setdefault(type(column_type), {}))
            columns.append(values if process is None else list(map(process, values)))
        statement = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(k) for k in keys)}) "
                     f"VALUES ({', '.join('?' for _ in keys)})")
        connection.exec_driver_sql(statement, list(zip(*columns, strict=True)))


def _once_each(process: Callable[[Any], Any], memo: dict[Any, Any]) -> Callable[[Any], Any]:
    def converted(value: Any) -> Any:
        try:
            return memo[value]
        except KeyError:
            memo[value] = result = process(value)
            return result

    return converted
