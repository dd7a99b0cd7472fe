"""Loading the planner's snapshot from the journal, in one read."""

from __future__ import annotations

from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.planner.preferences import load_lead_times, load_overrides
from careerdesk.planner.snapshot import PlannerData
from careerdesk.store.repository import load_all, load_skills

__all__ = ["PlannerData", "load_planner_data"]


def load_planner_data(session: Session) -> PlannerData:
    """Every record the planner reads (journal entries are not among them) and its settings."""
    return PlannerData(
        cycle_events=load_all(session, r.CycleEvent),
        openings=load_all(session, r.Opening),
        achievements=load_all(session, r.Achievement),
        experiences=load_all(session, r.Experience),
        people=load_all(session, r.Person),
        interactions=load_all(session, r.Interaction),
        skills=load_skills(session),
        targets=load_all(session, r.Target),
        plans=load_all(session, r.NegotiationPlan),
        compensation=load_all(session, r.Compensation),
        lead_times=load_lead_times(session),
        overrides=load_overrides(session),
    )
