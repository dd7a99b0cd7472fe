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
the ORM's objects for thousands of rows; so is the prep sheet's (``careerdesk.reports.prep``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.planner import plain_data
from careerdesk.planner.preferences import load_lead_times, load_overrides
from careerdesk.planner.snapshot import PlannerData
from careerdesk.store.repository import load_all, load_skills

__all__ = ["PlannerData", "load_planner_data"]


def load_planner_data(session: Session, today: date | None = None) -> PlannerData:
    """The records the planner reads and its settings: all of them, or those that plan ``today``
    (read with plain SQL on the session's own connection, ``plain_data.read_planner_data``)."""
    if today is None:
        return _whole(session)
    return plain_data.read_planner_data(_driver(session), today)


def _whole(session: Session) -> PlannerData:
    """Every record the planner could read (the people read with plain SQL)."""
    return PlannerData(
        cycle_events=load_all(session, r.CycleEvent),
        openings=load_all(session, r.Opening),
        achievements=load_all(session, r.Achievement),
        experiences=load_all(session, r.Experience),
        people=plain_data.people(_driver(session)),
        interactions=load_all(session, r.Interaction),
        skills=load_skills(session),
        targets=load_all(session, r.Target),
        plans=load_all(session, r.NegotiationPlan),
        compensation=load_all(session, r.Compensation),
        lead_times=load_lead_times(session),
        overrides=load_overrides(session),
    )


def _driver(session: Session) -> Any:
    """The SQLite connection under the session, inside the session's transaction."""
    return session.connection().connection.dbapi_connection
