"""Records in and out of the database: domain dataclasses <-> ORM rows.

Functions take a session (kept "separate and external", as SQLAlchemy advises); the
caller owns the transaction. ``RecordWriter`` is the one way records are written (the
editors, import and undo all use it), so references are resolved and checked, skills
named for the first time are created, and a record saved unchanged stays untouched
(its ``updated_at`` too), which keeps import idempotent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from careerdesk.domain import records as r
from careerdesk.domain.codec import from_json, to_json
from careerdesk.domain.enums import (
    AchievementKind,
    Availability,
    CycleEventKind,
    ExperienceKind,
    InteractionKind,
    OpeningStatus,
    PersonRole,
    PlanStatus,
    Recurrence,
    Scope,
    Stance,
    Strategy,
    TargetPath,
    TargetStatus,
)
from careerdesk.domain.errors import InvalidRecord, NotFound
from careerdesk.store import models as m

RowT = TypeVar("RowT", bound=m.Base)

# Record kind -> its table. The order is the order a file is written in, so that a
# record's references are already saved when it is.
ROW_OF: dict[type[r.Record], type[m.Base]] = {
    r.Person: m.PersonRow,
    r.Experience: m.ExperienceRow,
    r.Target: m.TargetRow,
    r.Achievement: m.AchievementRow,
    r.Interaction: m.InteractionRow,
    r.Opening: m.OpeningRow,
    r.CycleEvent: m.CycleEventRow,
    r.NegotiationPlan: m.PlanRow,
    r.Compensation: m.CompensationRow,
    r.JournalEntry: m.JournalEntryRow,
}

KIND_NAMES: dict[type[r.Record], str] = {
    r.JournalEntry: "journal entry",
    r.Achievement: "achievement",
    r.Experience: "experience",
    r.Person: "person",
    r.Interaction: "interaction",
    r.Target: "target",
    r.Opening: "opening",
    r.CycleEvent: "cycle event",
    r.NegotiationPlan: "negotiation plan",
    r.Compensation: "compensation record",
}

_LOAD_OPTIONS: dict[type[m.Base], Sequence[Any]] = {
    m.AchievementRow: (selectinload(m.AchievementRow.metrics), selectinload(m.AchievementRow.skills),
                       selectinload(m.AchievementRow.people),
                       selectinload(m.AchievementRow.experience)),
    m.ExperienceRow: (selectinload(m.ExperienceRow.skills), selectinload(m.ExperienceRow.sponsor)),
    m.InteractionRow: (selectinload(m.InteractionRow.people),),
    m.TargetRow: (selectinload(m.TargetRow.required_skills).selectinload(m.TargetSkillRow.skill),),
    m.OpeningRow: (selectinload(m.OpeningRow.hiring_manager), selectinload(m.OpeningRow.target)),
    m.PlanRow: (selectinload(m.PlanRow.participants), selectinload(m.PlanRow.target),
                selectinload(m.PlanRow.evidence).selectinload(m.PlanEvidenceRow.achievement)),
}


# ---------------------------------------------------------------- reading


def _uids(rows: Iterable[Any]) -> list[str]:
    return [row.uid for row in rows]


def _uid(row: Any | None) -> str | None:
    return None if row is None else cast(str, row.uid)


def to_record(row: Any) -> r.Record:
    """The domain record a row stands for."""
    common: dict[str, Any] = {"uid": row.uid, "tags": list(row.tags or []),
                              "created_at": row.created_at, "updated_at": row.updated_at}
    match row:
        case m.JournalEntryRow():
            return r.JournalEntry(**common, date=row.date, title=row.title, body=row.body)
        case m.AchievementRow():
            return r.Achievement(
                **common, date=row.date, title=row.title, kind=AchievementKind(row.kind),
                story=row.story, scope=Scope(row.scope) if row.scope else None,
                metrics=[r.Metric(name=x.name, unit=x.unit, baseline=x.baseline, result=x.result,
                                  higher_is_better=x.higher_is_better) for x in row.metrics],
                skills=[s.name for s in row.skills], people=_uids(row.people),
                experience=_uid(row.experience), evidence=list(row.evidence or []),
                highlight=row.highlight, notes=row.notes)
        case m.ExperienceRow():
            return r.Experience(
                **common, kind=ExperienceKind(row.kind), title=row.title, start=row.start,
                end=row.end, department=row.department, sponsor=_uid(row.sponsor),
                skills=[s.name for s in row.skills], outcome=row.outcome,
                reflection=row.reflection)
        case m.PersonRow():
            return r.Person(
                **common, name=row.name, title=row.title, department=row.department,
                roles=[PersonRole(x) for x in row.roles or []], influence=row.influence,
                stance=Stance(row.stance), relationship=row.relationship,
                cadence_days=row.cadence_days, notes=row.notes)
        case m.InteractionRow():
            return r.Interaction(
                **common, date=row.date, people=_uids(row.people), kind=InteractionKind(row.kind),
                summary=row.summary, follow_up=row.follow_up,
                follow_up_action=row.follow_up_action, done=row.done)
        case m.TargetRow():
            return r.Target(
                **common, title=row.title, path=TargetPath(row.path), department=row.department,
                level=row.level, status=TargetStatus(row.status), notes=row.notes,
                required_skills=[r.RequiredSkill(name=x.skill.name, level=x.level)
                                 for x in row.required_skills])
        case m.OpeningRow():
            return r.Opening(
                **common, title=row.title, department=row.department, posted=row.posted,
                closes=row.closes, hiring_manager=_uid(row.hiring_manager),
                target=_uid(row.target), status=OpeningStatus(row.status),
                availability=Availability(row.availability), reference=row.reference,
                notes=row.notes)
        case m.CycleEventRow():
            return r.CycleEvent(
                **common, kind=CycleEventKind(row.kind), name=row.name, date=row.date,
                duration_days=row.duration_days, recurrence=Recurrence(row.recurrence),
                notes=row.notes)
        case m.PlanRow():
            return r.NegotiationPlan(
                **common, title=row.title, strategy=Strategy(row.strategy),
                target=_uid(row.target), meeting_date=row.meeting_date,
                participants=_uids(row.participants),
                current=from_json(r.Position, row.current or {}),
                ask=from_json(r.Ask, row.ask or {}),
                benchmarks=from_json(list[r.Benchmark], row.benchmarks or []),
                evidence=[e.achievement.uid for e in row.evidence],
                talking_points=list(row.talking_points or []),
                objections=from_json(list[r.Objection], row.objections or []),
                fallbacks=list(row.fallbacks or []), walk_away=row.walk_away,
                status=PlanStatus(row.status),
                outcome=None if row.outcome is None else from_json(r.Outcome, row.outcome),
                notes=row.notes)
        case m.CompensationRow():
            return r.Compensation(
                **common, date=row.date, title=row.title, level=row.level, base=row.base,
                bonus=row.bonus, equity=row.equity, currency=row.currency, note=row.note)
    raise TypeError(f"{type(row).__name__} is not a record table")


def to_skill(row: m.SkillRow) -> r.Skill:
    return r.Skill(name=row.name, category=row.category, level=row.level)


RecordT = TypeVar("RecordT", bound=r.Record)


def load(session: Session, kind: type[RecordT], uid: str) -> RecordT:
    row_type = ROW_OF[kind]
    row = session.scalars(
        select(row_type).where(row_type.uid == uid)  # type: ignore[attr-defined]
        .options(*_LOAD_OPTIONS.get(row_type, ()))
    ).one_or_none()
    if row is None:
        raise NotFound(f"no {KIND_NAMES[kind]} with uid {uid}")
    return cast(RecordT, to_record(row))


def load_all(session: Session, kind: type[RecordT]) -> list[RecordT]:
    row_type = ROW_OF[kind]
    rows = session.scalars(
        select(row_type).options(*_LOAD_OPTIONS.get(row_type, ())).order_by(row_type.id)  # type: ignore[attr-defined]
    )
    return [cast(RecordT, to_record(row)) for row in rows]


def load_skills(session: Session) -> list[r.Skill]:
    return [to_skill(s) for s in session.scalars(select(m.SkillRow).order_by(m.SkillRow.name))]


def delete(session: Session, kind: type[r.Record], uid: str) -> r.Record:
    """Deletes a record and returns what it was, so the deletion can be undone."""
    record = load(session, kind, uid)
    row_type = ROW_OF[kind]
    row = session.scalars(select(row_type).where(row_type.uid == uid)).one()  # type: ignore[attr-defined]
    session.delete(row)
    session.flush()
    return record


# ---------------------------------------------------------------- writing


@dataclass
class SaveResult:
    uid: str
    created: bool
    changed: bool


class RecordWriter:
    """Saves records within one session, resolving references by uid and skills by name.

    Rows it has seen are cached, so an import of thousands of records does one query per
    batch rather than one per reference.
    """

    def __init__(self, session: Session, now: Callable[[], datetime] = m.utc_now) -> None:
        self.session = session
        self.now = now
        self._rows: dict[tuple[type[m.Base], str], Any] = {}
        self._skills: dict[str, m.SkillRow] | None = None

    # -- lookups

    def prefetch(self, row_type: type[m.Base], uids: Iterable[str]) -> None:
        """Loads the rows with these uids into the cache in a few queries."""
        wanted = [u for u in set(uids) if (row_type, u) not in self._rows]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows = self.session.scalars(
                select(row_type).where(row_type.uid.in_(chunk))  # type: ignore[attr-defined]
                .options(*_LOAD_OPTIONS.get(row_type, ()))
            )
            for row in rows:
                self._rows[(row_type, row.uid)] = row  # type: ignore[attr-defined]
            for uid in chunk:
                self._rows.setdefault((row_type, uid), None)

    def find(self, row_type: type[RowT], uid: str) -> RowT | None:
        if (row_type, uid) not in self._rows:
            self.prefetch(row_type, [uid])
        return cast(RowT | None, self._rows[(row_type, uid)])

    def _ref(self, row_type: type[RowT], uid: str | None, where: str, what: str) -> RowT | None:
        if uid is None:
            return None
        row = self.find(row_type, uid)
        if row is None:
            raise InvalidRecord(where, f"no {what} with uid {uid}")
        return row

    def _refs(self, row_type: type[RowT], uids: Sequence[str], where: str, what: str) -> list[RowT]:
        self.prefetch(row_type, uids)
        rows: list[RowT] = []
        for i, uid in enumerate(uids):
            row = self._ref(row_type, uid, f"{where}[{i}]", what)
            if row is not None and row not in rows:
                rows.append(row)
        return rows

    def skill(self, name: str, where: str = "") -> m.SkillRow:
        """The skill of that name (any case), created when a record names it first."""
        return self._skill(name, where)[0]

    def _skill(self, name: str, where: str) -> tuple[m.SkillRow, bool]:
        clean = name.strip()
        if not clean:
            raise InvalidRecord(where, "a skill needs a name")
        if self._skills is None:
            self._skills = {s.name.casefold(): s for s in self.session.scalars(select(m.SkillRow))}
        row = self._skills.get(clean.casefold())
        if row is not None:
            return row, False
        now = self.now()
        row = m.SkillRow(name=clean, tags=[], created_at=now, updated_at=now)
        self.session.add(row)
        self._skills[clean.casefold()] = row
        return row, True

    def skills_named(self, names: Sequence[str], where: str) -> list[m.SkillRow]:
        """The skills of these names, each once, in the order first named."""
        rows: list[m.SkillRow] = []
        for i, name in enumerate(names):
            row = self.skill(name, f"{where}[{i}]")
            if row not in rows:
                rows.append(row)
        return rows

    # -- saving

    def save_skill(self, skill: r.Skill, where: str = "") -> SaveResult:
        """Creates or updates the skill of that name (its category and level)."""
        row, created = self._skill(skill.name, f"{where}.name" if where else "name")
        changed = _assign(row, {"category": skill.category, "level": skill.level}) or created
        if changed and not created:
            row.updated_at = self.now()
        return SaveResult(row.uid, created, changed)

    def save(self, record: r.Record, where: str = "", *, keep_times: bool = False) -> SaveResult:
        """Creates or updates the record with this uid; raises ``InvalidRecord`` naming the field.

        ``keep_times`` takes ``created_at``/``updated_at`` from the record (an import, an
        undo); otherwise an edit that changes something is stamped now.
        """
        check(record, where)
        row_type = ROW_OF[type(record)]
        row: Any = self.find(row_type, record.uid)
        # Resolved before a new row joins the session: looking up a reference or a skill
        # queries, and the query's autoflush would insert the still empty row.
        values = self._values(record, where)
        created = row is None
        if row is None:
            row = row_type(uid=record.uid)
            self.session.add(row)
            self._rows[(row_type, record.uid)] = row
        changed = _assign(row, values) or created
        stamp = self.now()
        if keep_times and record.created_at and record.updated_at:
            changed = _assign(row, {"created_at": record.created_at,
                                    "updated_at": record.updated_at}) or changed
        elif changed:
            if created:
                row.created_at = (record.created_at if keep_times else None) or stamp
            row.updated_at = stamp
        return SaveResult(record.uid, created, changed)

    def _values(self, record: r.Record, where: str) -> dict[str, Any]:
        return {**column_values(record), **self._links(record, where)}

    def _links(self, record: r.Record, where: str) -> dict[str, Any]:
        """The rows a record refers to, looked up in the order a file's problems are told."""
        def at(name: str) -> str:
            return f"{where}.{name}" if where else name

        match record:
            case r.Achievement():
                return {
                    "experience": self._ref(m.ExperienceRow, record.experience,
                                            at("experience"), "experience"),
                    "skills": self.skills_named(record.skills, at("skills")),
                    "people": self._refs(m.PersonRow, record.people, at("people"), "person"),
                    "metrics": [_metric_row(x, i) for i, x in enumerate(record.metrics)],
                }
            case r.Experience():
                return {
                    "sponsor": self._ref(m.PersonRow, record.sponsor, at("sponsor"), "person"),
                    "skills": self.skills_named(record.skills, at("skills")),
                }
            case r.Interaction():
                return {"people": self._refs(m.PersonRow, record.people, at("people"), "person")}
            case r.Target():
                return {
                    "required_skills": [
                        m.TargetSkillRow(skill=self.skill(x.name, at(f"required_skills[{i}].name")),
                                         level=x.level, position=i)
                        for i, x in enumerate(record.required_skills)],
                }
            case r.Opening():
                return {
                    "hiring_manager": self._ref(m.PersonRow, record.hiring_manager,
                                                at("hiring_manager"), "person"),
                    "target": self._ref(m.TargetRow, record.target, at("target"), "target"),
                }
            case r.NegotiationPlan():
                evidence = self._refs(m.AchievementRow, record.evidence, at("evidence"),
                                      "achievement")
                return {
                    "target": self._ref(m.TargetRow, record.target, at("target"), "target"),
                    "participants": self._refs(m.PersonRow, record.participants,
                                               at("participants"), "person"),
                    "evidence": [m.PlanEvidenceRow(achievement=a, position=i)
                                 for i, a in enumerate(evidence)],
                }
        return {}


def column_values(record: r.Record) -> dict[str, Any]:
    """A record's own columns as its table keeps them; what it refers to is left out.

    Shared by ``RecordWriter`` and the import's set-based insert of new records, so both
    store exactly the same values.
    """
    tags = _clean_tags(record.tags)
    match record:
        case r.JournalEntry():
            return {"tags": tags, "date": record.date, "title": record.title,
                    "body": record.body}
        case r.Achievement():
            return {
                "tags": tags, "date": record.date, "title": record.title,
                "story": record.story, "kind": record.kind.value,
                "scope": record.scope.value if record.scope else None,
                "evidence": list(record.evidence), "highlight": record.highlight,
                "notes": record.notes,
            }
        case r.Experience():
            return {
                "tags": tags, "kind": record.kind.value, "title": record.title,
                "department": record.department, "start": record.start, "end": record.end,
                "outcome": record.outcome, "reflection": record.reflection,
            }
        case r.Person():
            return {
                "tags": tags, "name": record.name, "title": record.title,
                "department": record.department,
                "roles": list(dict.fromkeys(x.value for x in record.roles)),
                "influence": record.influence, "stance": record.stance.value,
                "relationship": record.relationship, "cadence_days": record.cadence_days,
                "notes": record.notes,
            }
        case r.Interaction():
            return {
                "tags": tags, "date": record.date, "kind": record.kind.value,
                "summary": record.summary, "follow_up": record.follow_up,
                "follow_up_action": record.follow_up_action, "done": record.done,
            }
        case r.Target():
            return {
                "tags": tags, "title": record.title, "department": record.department,
                "level": record.level, "path": record.path.value,
                "status": record.status.value, "notes": record.notes,
            }
        case r.Opening():
            return {
                "tags": tags, "title": record.title, "department": record.department,
                "posted": record.posted, "closes": record.closes,
                "status": record.status.value, "availability": record.availability.value,
                "reference": record.reference, "notes": record.notes,
            }
        case r.CycleEvent():
            return {
                "tags": tags, "kind": record.kind.value, "name": record.name,
                "date": record.date, "duration_days": record.duration_days,
                "recurrence": record.recurrence.value, "notes": record.notes,
            }
        case r.NegotiationPlan():
            return {
                "tags": tags, "title": record.title, "strategy": record.strategy.value,
                "meeting_date": record.meeting_date,
                "current": to_json(record.current), "ask": to_json(record.ask),
                "benchmarks": to_json(record.benchmarks),
                "talking_points": list(record.talking_points),
                "objections": to_json(record.objections),
                "fallbacks": list(record.fallbacks), "walk_away": record.walk_away,
                "status": record.status.value,
                "outcome": None if record.outcome is None else to_json(record.outcome),
                "notes": record.notes,
            }
        case r.Compensation():
            return {
                "tags": tags, "date": record.date, "title": record.title,
                "level": record.level, "base": record.base, "bonus": record.bonus,
                "equity": record.equity, "currency": record.currency, "note": record.note,
            }
    raise TypeError(f"{type(record).__name__} is not a record kind")


def _metric_row(metric: r.Metric, position: int) -> m.MetricRow:
    return m.MetricRow(name=metric.name, unit=metric.unit, baseline=metric.baseline,
                       result=metric.result, higher_is_better=metric.higher_is_better,
                       position=position)


def _clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags without surrounding blanks, empty ones or repeats, in the user's order."""
    seen: dict[str, str] = {}
    for tag in tags:
        clean = tag.strip()
        if clean and clean.casefold() not in seen:
            seen[clean.casefold()] = clean
    return list(seen.values())


_UNORDERED = {m.PersonRow, m.SkillRow}

_CHILD_KEYS: dict[type[m.Base], Callable[[Any], tuple[Any, ...]]] = {
    m.MetricRow: lambda x: (x.name, x.unit, x.baseline, x.result, x.higher_is_better),
    m.TargetSkillRow: lambda x: (x.skill.name, x.level),
    m.PlanEvidenceRow: lambda x: (x.achievement.uid,),
}


def _same(current: Any, new: Any) -> bool:
    if isinstance(new, list) and isinstance(current, list | tuple):
        if len(new) != len(current):
            return False
        if new and all(type(x) in _UNORDERED for x in new):
            # Linked people and skills are a set: the journal lists them by name.
            return {id(x) for x in current} == {id(x) for x in new}
        for a, b in zip(current, new, strict=True):
            key = _CHILD_KEYS.get(type(b))
            if key is not None:
                if type(a) is not type(b) or key(a) != key(b):
                    return False
            elif a is not b and a != b:
                return False
        return True
    return bool(current == new) if not isinstance(new, m.Base) else current is new


def _assign(row: Any, values: dict[str, Any]) -> bool:
    """Sets only what differs, so an unchanged record is not touched at all."""
    changed = False
    for name, value in values.items():
        if not _same(getattr(row, name, None), value):
            setattr(row, name, value)
            changed = True
    return changed


# ---------------------------------------------------------------- rules


def check(record: r.Record, where: str = "") -> None:
    """Domain rules beyond field types; raises ``InvalidRecord`` naming the field."""

    def at(name: str) -> str:
        return f"{where}.{name}" if where else name

    def need_text(name: str, value: str | None) -> None:
        if value is None or not value.strip():
            raise InvalidRecord(at(name), "must not be empty")

    def in_range(name: str, value: int | None, low: int, high: int) -> None:
        if value is not None and not low <= value <= high:
            raise InvalidRecord(at(name), f"expected {low} to {high}, got {value}")

    if not record.uid.strip():
        raise InvalidRecord(at("uid"), "must not be empty")
    match record:
        case r.Achievement():
            need_text("title", record.title)
            for i, metric in enumerate(record.metrics):
                if not metric.name.strip():
                    raise InvalidRecord(at(f"metrics[{i}].name"), "must not be empty")
        case r.Experience():
            need_text("title", record.title)
            if record.end is not None and record.end < record.start:
                raise InvalidRecord(at("end"), f"ends ({record.end}) before it starts ({record.start})")
        case r.Person():
            need_text("name", record.name)
            in_range("influence", record.influence, 1, 5)
            in_range("relationship", record.relationship, 1, 5)
            if record.cadence_days is not None and record.cadence_days < 1:
                raise InvalidRecord(at("cadence_days"), "must be at least 1 day")
        case r.Interaction():
            if not record.people:
                raise InvalidRecord(at("people"), "an interaction needs at least one person")
        case r.Target():
            need_text("title", record.title)
            listed: dict[str, int] = {}
            for i, skill in enumerate(record.required_skills):
                in_range(f"required_skills[{i}].level", skill.level, 1, 5)
                # Skill names ignore case: "SQL" twice would be one skill required twice.
                key = skill.name.strip().casefold()
                if key in listed:
                    raise InvalidRecord(at(f"required_skills[{i}].name"),
                                        f'"{skill.name.strip()}" is already listed as '
                                        f"required_skills[{listed[key]}]")
                listed[key] = i
        case r.Opening():
            need_text("title", record.title)
            if record.posted and record.closes and record.closes < record.posted:
                raise InvalidRecord(at("closes"),
                                    f"closes ({record.closes}) before it was posted ({record.posted})")
        case r.CycleEvent():
            need_text("name", record.name)
            if record.duration_days is not None and record.duration_days < 0:
                raise InvalidRecord(at("duration_days"), "must not be negative")
        case r.NegotiationPlan():
            need_text("title", record.title)
            for i, b in enumerate(record.benchmarks):
                if b.low is not None and b.high is not None and b.low > b.high:
                    raise InvalidRecord(at(f"benchmarks[{i}].high"),
                                        f"the high end ({b.high:g}) is below the low end ({b.low:g})")
        case _:
            pass
