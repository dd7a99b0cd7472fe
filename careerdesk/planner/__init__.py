"""The planner: negotiation windows from the organisation's calendar, readiness scores, next actions.

Pure functions of a ``PlannerData`` snapshot and a day; ``careerdesk.planner.data`` loads
the snapshot from a journal session, ``careerdesk.planner.preferences`` keeps the user's
lead times and window changes.
"""

from __future__ import annotations

from careerdesk.planner.actions import Action, ActionKind, next_actions
from careerdesk.planner.calendar import Occurrence, add_months, upcoming
from careerdesk.planner.plan import Plan, build_plan, plan_to_json
from careerdesk.planner.readiness import (
    Factor,
    Readiness,
    readiness_for_mobility,
    readiness_for_promotion,
)
from careerdesk.planner.rules import DaysAround, LeadTimes, WindowKind
from careerdesk.planner.snapshot import PlannerData
from careerdesk.planner.windows import (
    NegotiationWindow,
    WindowOverride,
    WindowSpan,
    build_windows,
    merge_overlapping,
)

__all__ = [
    "Action",
    "ActionKind",
    "DaysAround",
    "Factor",
    "LeadTimes",
    "NegotiationWindow",
    "Occurrence",
    "Plan",
    "PlannerData",
    "Readiness",
    "WindowKind",
    "WindowOverride",
    "WindowSpan",
    "add_months",
    "build_plan",
    "build_windows",
    "merge_overlapping",
    "next_actions",
    "plan_to_json",
    "readiness_for_mobility",
    "readiness_for_promotion",
    "upcoming",
]
