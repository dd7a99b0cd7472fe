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
under way or ended in the last 12 months. The snapshot of a day is read with plain SQL,
column by column (``careerdesk.planner.plain_data``), which is several times faster than
the ORM's objects for thousands of rows; ``load_chosen`` (the prep sheet) reads the big
kinds that way too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.domain.enums import (
    ExperienceKind,
)
from careerdesk.planner import plain_data
from careerdesk.planner.preferences import load_lead_times, load_overrides
from careerdesk.planner.snapshot import PlannerData
from careerdesk.store import models as m
from careerdesk.store.repository import load_all, load_skills

__all__ = ["PlannerData", "load_chosen", "load_planner_data"]


def load_planner_data(session: Session, today: date | None = None) -> PlannerData:
    """The records the planner reads and its settings: all of them, or those that plan ``today``
    (read with plain SQL on the session's own connection, ``plain_data.read_planner_data``)."""
    if today is None:
        return load_chosen(session)
    return plain_data.read_planner_data(_driver(session), today)


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


# Achievements, interactions and people are the thousands of rows of a large journal: they
# are read with plain SQL on the session's own connection (``plain_data``), without
# SQLAlchemy's processing of every value (a third of the time).


def _driver(session: Session) -> Any:
    """The SQLite connection under the session, inside the session's transaction."""
    return session.connection().connection.dbapi_connection


def _achievements(session: Session, chosen: ColumnElement[bool]) -> list[r.Achievement]:
    db = _driver(session)
    return [achievement for ids in _chosen_ids(session, m.AchievementRow.id, chosen)
            for achievement in plain_data.achievements(db, ids)]


def _people(session: Session) -> list[r.Person]:
    return plain_data.people(_driver(session))


def _interactions(session: Session, chosen: ColumnElement[bool]) -> list[r.Interaction]:
    db = _driver(session)
    return [interaction for ids in _chosen_ids(session, m.InteractionRow.id, chosen)
            for interaction in plain_data.interactions(db, ids)]


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
