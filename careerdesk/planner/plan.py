"""The plan for a day: negotiation windows, both readiness scores, and the next best actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from careerdesk.planner.actions import Action, next_actions
from careerdesk.planner.readiness import Readiness, readiness_for_mobility, readiness_for_promotion
from careerdesk.planner.snapshot import PlannerData
from careerdesk.planner.windows import NegotiationWindow, WindowSpan, build_windows, merge_overlapping


@dataclass(frozen=True)
class Plan:
    today: date
    windows: tuple[NegotiationWindow, ...]
    """The windows ahead or open today, by start; each listed on its own."""
    dismissed_windows: tuple[NegotiationWindow, ...]
    """The windows the user dismissed, so a page can offer to bring them back."""
    promotion: Readiness
    mobility: Readiness
    actions: tuple[Action, ...]

    @property
    def spans(self) -> list[WindowSpan]:
        """The windows with overlapping ones merged into one span, for a calendar band."""
        return merge_overlapping(self.windows)


def build_plan(data: PlannerData, today: date) -> Plan:
    every = build_windows(data.cycle_events, data.openings, today, lead_times=data.lead_times,
                          overrides=data.overrides, people=data.people_by_uid)
    windows = [w for w in every if not w.dismissed]
    return Plan(
        today=today,
        windows=tuple(windows),
        dismissed_windows=tuple(w for w in every if w.dismissed),
        promotion=readiness_for_promotion(data, today, windows),
        mobility=readiness_for_mobility(data, today),
        actions=tuple(next_actions(data, today, windows)),
    )


def _readiness_json(readiness: Readiness) -> dict[str, Any]:
    return {"score": readiness.score,
            "factors": [{"name": f.name, "points": f.points, "max": f.max, "explanation": f.explanation}
                        for f in readiness.factors]}


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The plan as contract.md's ``plan --json`` object, and nothing more."""
    return {
        "today": plan.today.isoformat(),
        "windows": [{"kind": w.kind.value, "start": w.start.isoformat(), "end": w.end.isoformat(),
                     "event": w.event, "event_name": w.event_name, "reason": w.reason}
                    for w in plan.windows],
        "readiness": {"promotion": _readiness_json(plan.promotion),
                      "mobility": _readiness_json(plan.mobility)},
        "actions": [{"text": a.text, "due": a.due.isoformat() if a.due else None, "about": a.about}
                    for a in plan.actions],
    }
