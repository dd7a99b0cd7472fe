"""The planner's snapshot for one day, read with plain SQL on a DB-API connection.

``read_planner_data(db, today)`` gives what ``load_planner_data(session, today)`` gives
(that function calls it on the session's own connection), without SQLAlchemy: the window
reads the Today page's plan with it before SQLAlchemy and the ORM are imported, which is
about a third of a second of start-up (``careerdesk.planner.first_look``).

Of achievements, interactions and experiences only what the plan of that day reads is
loaded, chosen in SQL (see ``careerdesk.planner.data``); the other kinds hold a few
thousand records at most and are read whole. The values are read as SQLAlchemy stores
them on SQLite: dates and UTC times as ISO text, lists and mappings as JSON, booleans as
0 or 1; every kind is ordered as ``repository.load_all`` orders it (by id, links as the
ORM's relationships order them). tests/planner/test_plain_data.py compares both ways.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from careerdesk.domain import records as r
from careerdesk.domain.codec import from_json
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
from careerdesk.planner.calendar import add_months
from careerdesk.planner.rules import LeadTimes
from careerdesk.planner.snapshot import PlannerData
from careerdesk.planner.windows import WindowOverride

__all__ = ["read_planner_data"]

# The keys of the planner's settings (``careerdesk.planner.preferences`` writes them).
LEAD_TIMES_KEY = "planner.lead_times"
OVERRIDES_KEY = "planner.window_overrides"

CHUNK = 10_000
"""Ids bound in one query: well under SQLite's limit of bound values (32,766 since 3.32)."""

# The tables of the record kinds and skills: a journal with a row in none of them is empty.
RECORD_TABLES = ("person", "experience", "target", "achievement", "interaction", "opening",
                 "cycle_event", '"plan"', "compensation", "journal_entry", "skill")

_ACHIEVEMENT_KINDS = {kind.value: kind for kind in AchievementKind}
_SCOPES = {scope.value: scope for scope in Scope}
_INTERACTION_KINDS = {kind.value: kind for kind in InteractionKind}
_ROLES = {role.value: role for role in PersonRole}
_STANCES = {stance.value: stance for stance in Stance}


def read_planner_data(db: Any, today: date) -> PlannerData:
    """Every record and setting the plan of ``today`` reads, from the connection ``db``
    (run it inside one read transaction for a consistent snapshot)."""
    year_ago = add_months(today, -12).isoformat()
    day = today.isoformat()
    return PlannerData(
        cycle_events=cycle_events(db),
        openings=openings(db),
        achievements=achievements(db, _ids(db, _ACHIEVEMENTS_FOR, {
            "today": day, "year_ago": year_ago, "quantified": AchievementKind.QUANTIFIED.value,
            "invisible": AchievementKind.INVISIBLE.value})),
        experiences=experiences(db, _ids(db, _EXPERIENCES_FOR,
                                         {"today": day, "year_ago": year_ago})),
        people=people(db),
        interactions=interactions(db, _interaction_ids(db, day)),
        skills=skills(db),
        targets=targets(db),
        plans=plans(db),
        compensation=compensation(db),
        lead_times=LeadTimes.from_json(setting(db, LEAD_TIMES_KEY)),
        overrides=overrides(setting(db, OVERRIDES_KEY)),
    )


def journal_is_empty(db: Any) -> bool:
    """No record and no skill: the window offers the sample journal."""
    return all(db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None
               for table in RECORD_TABLES)


# ------------------------------------------------------------------ which rows

# readiness and actions read the achievements of the last 12 months, quantified ones
# still without a metric, and the latest win (not invisible work, by date then title).
_ACHIEVEMENTS_FOR = (
    "SELECT a.id FROM achievement AS a WHERE a.date <= :today AND ("
    "a.date > :year_ago "
    "OR (a.kind = :quantified AND NOT EXISTS (SELECT 1 FROM metric WHERE metric.achievement_id = a.id)) "
    "OR a.id = (SELECT w.id FROM achievement AS w WHERE w.kind != :invisible AND w.date <= :today "
    "ORDER BY w.date DESC, w.title DESC LIMIT 1)) ORDER BY a.id")

# Experiences under way or ended in the last 12 months.
_EXPERIENCES_FOR = ("SELECT id FROM experience WHERE start <= :today "
                    "AND (\"end\" IS NULL OR \"end\" > :year_ago) ORDER BY id")

# One interaction per person on their latest day of contact: SQLite gives the bare column
# ``id`` from the row holding the max. Scanning interactions by date first (CROSS JOIN
# fixes the order) is several times faster than the planner's own choice on large journals.
_LATEST_CONTACTS = (
    "SELECT i.id, max(i.date) FROM interaction AS i CROSS JOIN interaction_person AS ip "
    "ON ip.interaction_id = i.id WHERE i.date <= :today GROUP BY ip.person_id")

_OPEN_FOLLOW_UPS = "SELECT id FROM interaction WHERE done IS 0 AND follow_up IS NOT NULL"


def _ids(db: Any, sql: str, params: dict[str, Any]) -> list[int]:
    return [row[0] for row in db.execute(sql, params)]


def _interaction_ids(db: Any, day: str) -> list[int]:
    """Every open follow-up (actions, the calendar export) and each person's latest
    contact on or before the day (``people.last_contacts``), by id."""
    chosen = {row[0] for row in db.execute(_LATEST_CONTACTS, {"today": day})}
    chosen.update(row[0] for row in db.execute(_OPEN_FOLLOW_UPS))
    return sorted(chosen)


def chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    return (ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK))


# ------------------------------------------------------------------ values


def _grouped(pairs: Iterable[Any]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for owner, value in pairs:
        grouped[owner].append(value)
    return grouped


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _stamp(value: str) -> datetime:
    # Stored as UTC without its zone: parsed with the zone spelled out, several times
    # faster than parsing and then replacing it (tens of thousands of times on a big journal).
    try:
        return datetime.fromisoformat(value + "+00:00")
    except ValueError:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _json_list(value: str | None) -> list[Any]:
    if not value or value == "[]":
        return []
    return list(json.loads(value) or [])


def _in_ids(column: str, count: int) -> str:
    return f"{column} IN ({', '.join('?' * count)})"


def _common(uid: str, tags: str | None, created: str, updated: str) -> dict[str, Any]:
    return {"uid": uid, "tags": _json_list(tags), "created_at": _stamp(created),
            "updated_at": _stamp(updated)}


def setting(db: Any, key: str) -> Any:
    row = db.execute('SELECT value FROM setting WHERE "key" = ?', (key,)).fetchone()
    return None if row is None else _json(row[0])


def overrides(stored: Any) -> dict[str, WindowOverride]:
    if not isinstance(stored, dict):
        return {}
    return {str(key): WindowOverride.from_json(value) for key, value in stored.items()}


# ------------------------------------------------------------------ the large kinds


def achievements(db: Any, chosen: Sequence[int]) -> list[r.Achievement]:
    found = []
    for ids in chunks(chosen):
        metrics = _grouped(
            (owner, r.Metric(name=name, unit=unit, baseline=baseline, result=result,
                             higher_is_better=bool(higher)))
            for owner, name, unit, baseline, result, higher in db.execute(
                "SELECT achievement_id, name, unit, baseline, result, higher_is_better "
                f"FROM metric WHERE {_in_ids('achievement_id', len(ids))} "
                "ORDER BY achievement_id, position", ids))
        skill_names = _grouped(db.execute(
            "SELECT link.achievement_id, skill.name FROM achievement_skill AS link "
            "JOIN skill ON skill.id = link.skill_id "
            f"WHERE {_in_ids('link.achievement_id', len(ids))} ORDER BY skill.name", ids))
        people_of = _grouped(db.execute(
            "SELECT link.achievement_id, person.uid FROM achievement_person AS link "
            "JOIN person ON person.id = link.person_id "
            f"WHERE {_in_ids('link.achievement_id', len(ids))} ORDER BY person.name", ids))
        rows = db.execute(
            "SELECT a.id, a.uid, a.tags, a.created_at, a.updated_at, a.date, a.title, a.kind, "
            "a.story, a.scope, a.evidence, a.highlight, a.notes, experience.uid "
            "FROM achievement AS a LEFT OUTER JOIN experience ON experience.id = a.experience_id "
            f"WHERE {_in_ids('a.id', len(ids))} ORDER BY a.id", ids)
        found += [r.Achievement(
            uid=uid, tags=_json_list(tags), created_at=_stamp(created), updated_at=_stamp(updated),
            date=date.fromisoformat(day), title=title, kind=_ACHIEVEMENT_KINDS[kind], story=story,
            scope=_SCOPES[scope] if scope else None, metrics=metrics.get(id_, []),
            skills=skill_names.get(id_, []), people=people_of.get(id_, []),
            experience=experience, evidence=_json_list(evidence), highlight=bool(highlight),
            notes=notes)
            for (id_, uid, tags, created, updated, day, title, kind, story, scope, evidence,
                 highlight, notes, experience) in rows]
    return found


def interactions(db: Any, chosen: Sequence[int]) -> list[r.Interaction]:
    found = []
    for ids in chunks(chosen):
        people_of = _grouped(db.execute(
            "SELECT link.interaction_id, person.uid FROM interaction_person AS link "
            "JOIN person ON person.id = link.person_id "
            f"WHERE {_in_ids('link.interaction_id', len(ids))} ORDER BY person.name", ids))
        rows = db.execute(
            "SELECT id, uid, tags, created_at, updated_at, date, kind, summary, follow_up, "
            f"follow_up_action, done FROM interaction WHERE {_in_ids('id', len(ids))} "
            "ORDER BY id", ids)
        found += [r.Interaction(
            uid=uid, tags=_json_list(tags), created_at=_stamp(created), updated_at=_stamp(updated),
            date=date.fromisoformat(day), people=people_of.get(id_, []),
            kind=_INTERACTION_KINDS[kind], summary=summary, follow_up=_day(follow_up),
            follow_up_action=follow_up_action, done=bool(done))
            for (id_, uid, tags, created, updated, day, kind, summary, follow_up,
                 follow_up_action, done) in rows]
    return found


def experiences(db: Any, chosen: Sequence[int]) -> list[r.Experience]:
    found = []
    for ids in chunks(chosen):
        skill_names = _grouped(db.execute(
            "SELECT link.experience_id, skill.name FROM experience_skill AS link "
            "JOIN skill ON skill.id = link.skill_id "
            f"WHERE {_in_ids('link.experience_id', len(ids))} ORDER BY skill.name", ids))
        rows = db.execute(
            "SELECT e.id, e.uid, e.tags, e.created_at, e.updated_at, e.kind, e.title, e.start, "
            "e.\"end\", e.department, sponsor.uid, e.outcome, e.reflection FROM experience AS e "
            "LEFT OUTER JOIN person AS sponsor ON sponsor.id = e.sponsor_id "
            f"WHERE {_in_ids('e.id', len(ids))} ORDER BY e.id", ids)
        found += [r.Experience(
            **_common(uid, tags, created, updated), kind=ExperienceKind(kind), title=title,
            start=date.fromisoformat(start), end=_day(end), department=department,
            sponsor=sponsor, skills=skill_names.get(id_, []), outcome=outcome,
            reflection=reflection)
            for (id_, uid, tags, created, updated, kind, title, start, end, department, sponsor,
                 outcome, reflection) in rows]
    return found


def people(db: Any, *, hiring_managers_only: bool = False) -> list[r.Person]:
    """Every person (the planner weighs them all), as ``load_all`` gives them, by id;
    ``hiring_managers_only``: the people some opening names as its hiring manager."""
    where = ("WHERE id IN (SELECT hiring_manager_id FROM opening) " if hiring_managers_only
             else "")
    rows = db.execute(
        "SELECT uid, tags, created_at, updated_at, name, title, department, roles, influence, "
        f"stance, relationship, cadence_days, notes FROM person {where}ORDER BY id")
    return [r.Person(
        uid=uid, tags=_json_list(tags), created_at=_stamp(created), updated_at=_stamp(updated),
        name=name, title=title, department=department,
        roles=[_ROLES[role] for role in _json_list(roles)], influence=influence,
        stance=_STANCES[stance], relationship=relationship, cadence_days=cadence_days,
        notes=notes)
        for (uid, tags, created, updated, name, title, department, roles, influence, stance,
             relationship, cadence_days, notes) in rows]


# ------------------------------------------------------------------ the small kinds


def cycle_events(db: Any) -> list[r.CycleEvent]:
    rows = db.execute(
        "SELECT uid, tags, created_at, updated_at, kind, name, date, duration_days, recurrence, "
        "notes FROM cycle_event ORDER BY id")
    return [r.CycleEvent(
        **_common(uid, tags, created, updated), kind=CycleEventKind(kind), name=name,
        date=date.fromisoformat(day), duration_days=duration_days,
        recurrence=Recurrence(recurrence), notes=notes)
        for (uid, tags, created, updated, kind, name, day, duration_days, recurrence,
             notes) in rows]


def openings(db: Any) -> list[r.Opening]:
    rows = db.execute(
        "SELECT o.uid, o.tags, o.created_at, o.updated_at, o.title, o.department, o.posted, "
        "o.closes, manager.uid, target.uid, o.status, o.availability, o.reference, o.notes "
        "FROM opening AS o LEFT OUTER JOIN person AS manager ON manager.id = o.hiring_manager_id "
        "LEFT OUTER JOIN target ON target.id = o.target_id ORDER BY o.id")
    return [r.Opening(
        **_common(uid, tags, created, updated), title=title, department=department,
        posted=_day(posted), closes=_day(closes), hiring_manager=manager, target=target,
        status=OpeningStatus(status), availability=Availability(availability),
        reference=reference, notes=notes)
        for (uid, tags, created, updated, title, department, posted, closes, manager, target,
             status, availability, reference, notes) in rows]


def skills(db: Any) -> list[r.Skill]:
    return [r.Skill(name=name, category=category, level=level) for name, category, level
            in db.execute("SELECT name, category, level FROM skill ORDER BY name")]


def targets(db: Any) -> list[r.Target]:
    required = _grouped(
        (target_id, r.RequiredSkill(name=name, level=level))
        for target_id, name, level in db.execute(
            "SELECT link.target_id, skill.name, link.level FROM target_skill AS link "
            "JOIN skill ON skill.id = link.skill_id ORDER BY link.target_id, link.position"))
    rows = db.execute(
        "SELECT id, uid, tags, created_at, updated_at, title, path, department, level, status, "
        "notes FROM target ORDER BY id")
    return [r.Target(
        **_common(uid, tags, created, updated), title=title, path=TargetPath(path),
        department=department, level=level, status=TargetStatus(status), notes=notes,
        required_skills=required.get(id_, []))
        for (id_, uid, tags, created, updated, title, path, department, level, status,
             notes) in rows]


def plans(db: Any) -> list[r.NegotiationPlan]:
    participants = _grouped(db.execute(
        "SELECT link.plan_id, person.uid FROM plan_participant AS link "
        "JOIN person ON person.id = link.person_id ORDER BY link.plan_id, person.name"))
    evidence = _grouped(db.execute(
        "SELECT link.plan_id, achievement.uid FROM plan_evidence AS link "
        "JOIN achievement ON achievement.id = link.achievement_id "
        "ORDER BY link.plan_id, link.position"))
    rows = db.execute(
        "SELECT p.id, p.uid, p.tags, p.created_at, p.updated_at, p.title, p.strategy, "
        "target.uid, p.meeting_date, p.current, p.ask, p.benchmarks, p.talking_points, "
        "p.objections, p.fallbacks, p.walk_away, p.status, p.outcome, p.notes "
        'FROM "plan" AS p LEFT OUTER JOIN target ON target.id = p.target_id ORDER BY p.id')
    found = []
    for (id_, uid, tags, created, updated, title, strategy, target, meeting_date, current, ask,
         benchmarks, talking_points, objections, fallbacks, walk_away, status, outcome,
         notes) in rows:
        outcome_value = _json(outcome)
        found.append(r.NegotiationPlan(
            **_common(uid, tags, created, updated), title=title, strategy=Strategy(strategy),
            target=target, meeting_date=_day(meeting_date),
            participants=participants.get(id_, []),
            current=from_json(r.Position, _json(current) or {}),
            ask=from_json(r.Ask, _json(ask) or {}),
            benchmarks=from_json(list[r.Benchmark], _json(benchmarks) or []),
            evidence=evidence.get(id_, []),
            talking_points=list(_json(talking_points) or []),
            objections=from_json(list[r.Objection], _json(objections) or []),
            fallbacks=list(_json(fallbacks) or []), walk_away=walk_away,
            status=PlanStatus(status),
            outcome=None if outcome_value is None else from_json(r.Outcome, outcome_value),
            notes=notes))
    return found


def compensation(db: Any) -> list[r.Compensation]:
    rows = db.execute(
        "SELECT uid, tags, created_at, updated_at, date, title, level, base, bonus, equity, "
        "currency, note FROM compensation ORDER BY id")
    return [r.Compensation(
        **_common(uid, tags, created, updated), date=date.fromisoformat(day), title=title,
        level=level, base=base, bonus=bonus, equity=equity, currency=currency, note=note)
        for (uid, tags, created, updated, day, title, level, base, bonus, equity, currency,
             note) in rows]
