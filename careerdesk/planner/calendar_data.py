"""The snapshot the negotiation windows alone read, for the Planner page.

``build_windows`` reads the organisation's calendar, the openings, the hiring managers'
names, the lead times and the user's changes to windows; nothing else. The Planner page
shows the windows and the calendar, not readiness or actions, so it reads only those:
on a large journal the achievements and interactions a whole plan reads would take most
of the page's opening. The windows built from this snapshot are those of the whole plan
(tests/planner/test_calendar_data.py).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.domain.enums import PersonRole, Stance
from careerdesk.planner import plain_data
from careerdesk.planner.rules import LeadTimes
from careerdesk.planner.snapshot import PlannerData

__all__ = ["load_calendar_data", "read_calendar_data"]

_ROLES = {role.value: role for role in PersonRole}
_STANCES = {stance.value: stance for stance in Stance}


def load_calendar_data(session: Session) -> PlannerData:
    """``read_calendar_data`` on the session's own connection, inside its transaction."""
    return read_calendar_data(session.connection().connection.dbapi_connection)


def read_calendar_data(db: Any) -> PlannerData:
    """The cycle events, the openings, their hiring managers, the lead times and the
    window changes, from the DB-API connection ``db``; the other kinds are left empty."""
    return PlannerData(
        cycle_events=plain_data.cycle_events(db),
        openings=plain_data.openings(db),
        people=hiring_managers(db),
        lead_times=LeadTimes.from_json(plain_data.setting(db, plain_data.LEAD_TIMES_KEY)),
        overrides=plain_data.overrides(plain_data.setting(db, plain_data.OVERRIDES_KEY)),
    )


def hiring_managers(db: Any) -> list[r.Person]:
    """The people some opening names as its hiring manager, as ``load_all`` gives them, by id
    (a window names the manager; a journal may hold thousands of other people)."""
    rows = db.execute(
        "SELECT uid, tags, created_at, updated_at, name, title, department, roles, influence, "
        "stance, relationship, cadence_days, notes FROM person "
        "WHERE id IN (SELECT hiring_manager_id FROM opening) ORDER BY id")
    return [r.Person(
        uid=uid, tags=_json_list(tags), created_at=_stamp(created), updated_at=_stamp(updated),
        name=name, title=title, department=department,
        roles=[_ROLES[role] for role in _json_list(roles)], influence=influence,
        stance=_STANCES[stance], relationship=relationship, cadence_days=cadence_days,
        notes=notes)
        for (uid, tags, created, updated, name, title, department, roles, influence, stance,
             relationship, cadence_days, notes) in rows]


# Values as SQLAlchemy stores them on SQLite: UTC times as ISO text, lists as JSON.

def _stamp(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _json_list(value: str | None) -> list[Any]:
    return list(json.loads(value) or []) if value else []
