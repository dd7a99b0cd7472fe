"""Loading the planner's snapshot from the journal, in one read.

``load_planner_data(session)`` loads every record the planner could read. Given the day
to plan for, it loads only what the plan of that day reads, with the choice made in SQL:
a journal of many years would otherwise build tens of thousands of records to look at a
few hundred, and the Today page, the first thing the window shows, waits for it. The
plan built from either snapshot for that day is the same (tests/planner/test_data.py).

For that day the planner reads, of achievements: those of the last 12 months, the
latest win, and quantified ones still without a metric (``readiness``, ``actions``); of
interactions: every open follow-up (actions, the calendar export) and each person's
latest contact on or before the day (``people.last_contacts``); of experiences: those
under way or ended in the last 12 months. Those three kinds are read column by column
rather than through the ORM's objects, which is several times faster for thousands of rows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select, text
from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.domain.enums import (
    AchievementKind,
    ExperienceKind,
    InteractionKind,
    PersonRole,
    Scope,
    Stance,
)
from careerdesk.planner.calendar import add_months
from careerdesk.planner.preferences import load_lead_times, load_overrides
from careerdesk.planner.snapshot import PlannerData
from careerdesk.store import models as m
from careerdesk.store.repository import load_all, load_skills

__all__ = ["PlannerData", "load_chosen", "load_planner_data"]


def load_planner_data(session: Session, today: date | None = None) -> PlannerData:
    """The records the planner reads and its settings: all of them, or those that plan ``today``."""
    if today is None:
        return load_chosen(session)
    return load_chosen(session, achievements=_achievements_for(today),
                       experiences=_experiences_for(today),
                       interactions=_interactions_for(session, today))


def load_chosen(session: Session, *, achievements: ColumnElement[bool] | None = None,
                experiences: ColumnElement[bool] | None = None,
                interactions: ColumnElement[bool] | None = None) -> PlannerData:
    """The planner's snapshot with only the achievements, experiences and interactions that
    each condition chooses (read column by column); a kind without a condition is read whole.

    The other kinds hold a few thousand records at most and are always read whole.
    """
    return PlannerData(
        cycle_events=load_all(session, r.CycleEvent),
        openings=load_all(session, r.Opening),
        achievements=(load_all(session, r.Achievement) if achievements is None
                      else _achievements(session, achievements)),
        experiences=(load_all(session, r.Experience) if experiences is None
                     else _experiences(session, experiences)),
        people=_people(session),
        interactions=(load_all(session, r.Interaction) if interactions is None
                      else _interactions(session, interactions)),
        skills=load_skills(session),
        targets=load_all(session, r.Target),
        plans=load_all(session, r.NegotiationPlan),
        compensation=load_all(session, r.Compensation),
        lead_times=load_lead_times(session),
        overrides=load_overrides(session),
    )


# ------------------------------------------------------------------ which rows


def _achievements_for(today: date) -> ColumnElement[bool]:
    a = m.AchievementRow
    year_ago = add_months(today, -12)
    has_metric = exists().where(m.MetricRow.achievement_id == a.id)
    # readiness.last_win: the latest achievement that is not invisible work, by date then title.
    latest_win = (select(a.id).where(a.kind != AchievementKind.INVISIBLE.value, a.date <= today)
                  .order_by(a.date.desc(), a.title.desc()).limit(1).scalar_subquery())
    return and_(a.date <= today,
                or_(a.date > year_ago,
                    and_(a.kind == AchievementKind.QUANTIFIED.value, ~has_metric),
                    a.id == latest_win))


def _interactions_for(session: Session, today: date) -> ColumnElement[bool]:
    i = m.InteractionRow
    # One interaction per person on their latest day of contact: SQLite gives the bare
    # column ``id`` from the row holding the max. Scanning interactions by date first (CROSS
    # JOIN fixes the order) is several times faster than the planner's choice on large journals.
    latest = session.execute(text(
        "SELECT i.id, max(i.date) FROM interaction AS i CROSS JOIN interaction_person AS ip "
        "ON ip.interaction_id = i.id WHERE i.date <= :today GROUP BY ip.person_id"),
        {"today": today.isoformat()}).scalars().all()
    open_follow_up = and_(i.done.is_(False), i.follow_up.is_not(None))
    return or_(open_follow_up, i.id.in_(sorted(set(latest))))


def _experiences_for(today: date) -> ColumnElement[bool]:
    e = m.ExperienceRow
    year_ago = add_months(today, -12)
    return and_(e.start <= today, or_(e.end.is_(None), e.end > year_ago))


# ------------------------------------------------------------------ reading columns


def _common(row: Any) -> dict[str, Any]:
    return {"uid": row.uid, "tags": list(row.tags or []), "created_at": row.created_at,
            "updated_at": row.updated_at}


def _grouped(pairs: Iterable[Any]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for owner, value in pairs:
        grouped[owner].append(value)
    return grouped


CHUNK = 10_000
"""Ids bound in one query: well under SQLite's limit of bound values (32,766 since 3.32)."""


def _chosen_ids(session: Session, id_column: Any, chosen: ColumnElement[bool]) -> list[list[int]]:
    """The ids of the chosen rows, found once (the choice scans the table), in chunks."""
    ids = list(session.scalars(select(id_column).where(chosen).order_by(id_column)))
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


# Achievements and interactions are the thousands of rows of a large journal: they are
# read with plain SQL on the session's own connection, and turned into records here,
# without SQLAlchemy's processing of every value (a third of the time). The values are
# stored as SQLAlchemy stores them on SQLite: dates and UTC times as ISO text, lists as
# JSON, booleans as 0 or 1.

_ACHIEVEMENT_KINDS = {kind.value: kind for kind in AchievementKind}
_SCOPES = {scope.value: scope for scope in Scope}
_INTERACTION_KINDS = {kind.value: kind for kind in InteractionKind}
_ROLES = {role.value: role for role in PersonRole}
_STANCES = {stance.value: stance for stance in Stance}


def _driver(session: Session) -> Any:
    """The SQLite connection under the session, inside the session's transaction."""
    return session.connection().connection.dbapi_connection


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _stamp(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _json_list(value: str | None) -> list[Any]:
    if not value or value == "[]":
        return []
    return list(json.loads(value) or [])


def _in_ids(column: str, count: int) -> str:
    return f"{column} IN ({', '.join('?' * count)})"


def _achievements(session: Session, chosen: ColumnElement[bool]) -> list[r.Achievement]:
    db = _driver(session)
    found = []
    for ids in _chosen_ids(session, m.AchievementRow.id, chosen):
        metrics = _grouped(
            (owner, r.Metric(name=name, unit=unit, baseline=baseline, result=result,
                             higher_is_better=bool(higher)))
            for owner, name, unit, baseline, result, higher in db.execute(
                "SELECT achievement_id, name, unit, baseline, result, higher_is_better "
                f"FROM metric WHERE {_in_ids('achievement_id', len(ids))} "
                "ORDER BY achievement_id, position", ids))
        skills = _grouped(db.execute(
            "SELECT link.achievement_id, skill.name FROM achievement_skill AS link "
            "JOIN skill ON skill.id = link.skill_id "
            f"WHERE {_in_ids('link.achievement_id', len(ids))} ORDER BY skill.name", ids))
        people = _grouped(db.execute(
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
            skills=skills.get(id_, []), people=people.get(id_, []), experience=experience,
            evidence=_json_list(evidence), highlight=bool(highlight), notes=notes)
            for (id_, uid, tags, created, updated, day, title, kind, story, scope, evidence,
                 highlight, notes, experience) in rows]
    return found


def _people(session: Session) -> list[r.Person]:
    """Every person (the planner weighs them all), as ``load_all`` gives them, by id."""
    rows = _driver(session).execute(
        "SELECT uid, tags, created_at, updated_at, name, title, department, roles, influence, "
        "stance, relationship, cadence_days, notes FROM person ORDER BY id")
    return [r.Person(
        uid=uid, tags=_json_list(tags), created_at=_stamp(created), updated_at=_stamp(updated),
        name=name, title=title, department=department,
        roles=[_ROLES[role] for role in _json_list(roles)], influence=influence,
        stance=_STANCES[stance], relationship=relationship, cadence_days=cadence_days,
        notes=notes)
        for (uid, tags, created, updated, name, title, department, roles, influence, stance,
             relationship, cadence_days, notes) in rows]


def _interactions(session: Session, chosen: ColumnElement[bool]) -> list[r.Interaction]:
    db = _driver(session)
    found = []
    for ids in _chosen_ids(session, m.InteractionRow.id, chosen):
        people = _grouped(db.execute(
            "SELECT link.interaction_id, person.uid FROM interaction_person AS link "
            "JOIN person ON person.id = link.person_id "
            f"WHERE {_in_ids('link.interaction_id', len(ids))} ORDER BY person.name", ids))
        rows = db.execute(
            "SELECT id, uid, tags, created_at, updated_at, date, kind, summary, follow_up, "
            f"follow_up_action, done FROM interaction WHERE {_in_ids('id', len(ids))} "
            "ORDER BY id", ids)
        found += [r.Interaction(
            uid=uid, tags=_json_list(tags), created_at=_stamp(created), updated_at=_stamp(updated),
            date=date.fromisoformat(day), people=people.get(id_, []),
            kind=_INTERACTION_KINDS[kind], summary=summary, follow_up=_day(follow_up),
            follow_up_action=follow_up_action, done=bool(done))
            for (id_, uid, tags, created, updated, day, kind, summary, follow_up,
                 follow_up_action, done) in rows]
    return found


def _experiences(session: Session, chosen: ColumnElement[bool]) -> list[r.Experience]:
    e, link = m.ExperienceRow, m.experience_skill
    sponsor = m.PersonRow
    found = []
    for ids in _chosen_ids(session, e.id, chosen):
        skills = _grouped(session.execute(
            select(link.c.experience_id, m.SkillRow.name)
            .join(m.SkillRow, m.SkillRow.id == link.c.skill_id)
            .where(link.c.experience_id.in_(ids)).order_by(m.SkillRow.name)).tuples())
        rows = session.execute(
            select(e.id, e.uid, e.tags, e.created_at, e.updated_at, e.kind, e.title, e.start,
                   e.end, e.department, sponsor.uid.label("sponsor"), e.outcome, e.reflection)
            .outerjoin(sponsor, sponsor.id == e.sponsor_id).where(e.id.in_(ids)).order_by(e.id))
        found += [r.Experience(**_common(row), kind=ExperienceKind(row.kind), title=row.title,
                               start=row.start, end=row.end, department=row.department,
                               sponsor=row.sponsor, skills=skills.get(row.id, []),
                               outcome=row.outcome, reflection=row.reflection)
                  for row in rows]
    return found
