"""The snapshot the negotiation windows alone read, for the Planner page.

``build_windows`` reads the organisation's calendar, the openings, the hiring managers'
names, the lead times and the user's changes to windows; nothing else. The Planner page
shows the windows and the calendar, not readiness or actions, so it reads only those:
on a large journal the achievements and interactions a whole plan reads would take most
of the page's opening. The windows built from this snapshot are those of the whole plan
(tests/planner/test_calendar_data.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from careerdesk.planner import plain_data
from careerdesk.planner.rules import LeadTimes
from careerdesk.planner.snapshot import PlannerData

__all__ = ["load_calendar_data", "read_calendar_data"]


def load_calendar_data(session: Session) -> PlannerData:
    """``read_calendar_data`` on the session's own connection, inside its transaction."""
    return read_calendar_data(session.connection().connection.dbapi_connection)


def read_calendar_data(db: Any) -> PlannerData:
    """The cycle events, the openings, their hiring managers, the lead times and the
    window changes, from the DB-API connection ``db``; the other kinds are left empty."""
    return PlannerData(
        cycle_events=plain_data.cycle_events(db),
        openings=plain_data.openings(db),
        # A window names its opening's hiring manager; a journal may hold thousands of
        # other people.
        people=plain_data.people(db, hiring_managers_only=True),
        lead_times=LeadTimes.from_json(plain_data.setting(db, plain_data.LEAD_TIMES_KEY)),
        overrides=plain_data.overrides(plain_data.setting(db, plain_data.OVERRIDES_KEY)),
    )
