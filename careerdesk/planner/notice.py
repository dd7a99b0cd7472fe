"""The quiet notice at start: a window that opens this week, follow-ups that are overdue."""

from __future__ import annotations

from datetime import timedelta

from careerdesk.planner.actions import ActionKind
from careerdesk.planner.plan import Plan
from careerdesk.planner.words import MONTHS, count

WEEK_DAYS = 7
""""This week": today and the six days after it."""


def start_notice(plan: Plan) -> str | None:
    """``A window opens this week: Make the ask (17 Dec). 3 follow-ups overdue.``, or None.

    Windows the user dismissed are not in ``plan.windows`` and are never announced.
    """
    today = plan.today
    week_end = today + timedelta(days=WEEK_DAYS - 1)
    opening = [w for w in plan.windows if today <= w.start <= week_end]
    overdue = sum(1 for a in plan.actions if a.kind is ActionKind.FOLLOW_UP and a.is_overdue(today))
    parts = []
    if opening:
        names = ", ".join(f"{w.kind.label} ({w.start.day} {MONTHS[w.start.month - 1]})"
                          for w in opening)
        lead = "A window opens" if len(opening) == 1 else f"{len(opening)} windows open"
        parts.append(f"{lead} this week: {names}.")
    if overdue:
        parts.append(f"{count(overdue, 'follow-up')} overdue.")
    return " ".join(parts) or None
