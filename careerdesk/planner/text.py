"""The plan as plain text, for ``careerdesk plan``: what a person reads in a terminal."""

from __future__ import annotations

import textwrap

from careerdesk.planner import words
from careerdesk.planner.plan import Plan
from careerdesk.planner.readiness import Readiness

WIDTH = 100
INDENT = "    "


def _wrapped(text: str, indent: str, then: str | None = None) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=then or indent)


def _readiness(title: str, readiness: Readiness) -> list[str]:
    lines = [f"{title}: {readiness.score} of {readiness.max}"]
    for factor in readiness.factors:
        lines += _wrapped(f"{factor.name} — {factor.explanation}", "  ", INDENT)
    return lines


def plan_to_text(plan: Plan) -> str:
    today = plan.today
    lines = [f"Plan for {words.day(today)}", "", "Negotiation windows"]
    if not plan.windows:
        lines.append("  None in the next 18 months: add review, budget and promotion committee dates.")
    for window in plan.windows:
        lines.append(f"  {window.kind.label}, {words.day_range(window.start, window.end)}: "
                     f"{window.countdown(today)}")
        lines += _wrapped(window.reason, INDENT)
    lines += ["", *_readiness("Promotion readiness", plan.promotion), "",
              *_readiness("Mobility readiness", plan.mobility), "", "Next actions"]
    if not plan.actions:
        lines.append("  Nothing pressing.")
    for number, action in enumerate(plan.actions, 1):
        lines += textwrap.wrap(action.text, WIDTH, initial_indent=f"{number:>3}. ",
                               subsequent_indent=" " * 5)
    return "\n".join(lines)
