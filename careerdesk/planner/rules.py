"""The planner's rules (product.md, "The planner"): which event opens which window, when, and why.

Lead times are days from the event's date, negative before it: ``DaysAround(-42, 0)`` is
"from six weeks before until the day". They are settings (``LeadTimes``), kept in the
journal; the defaults are the product's table.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from careerdesk.domain.enums import CycleEventKind, Strategy


class WindowKind(StrEnum):
    ASK = "ask"
    BUILD_CASE = "build_case"
    PRE_REVIEW = "pre_review"
    SPONSOR = "sponsor"
    LEVERAGE_WIN = "leverage_win"
    NETWORK = "network"

    @property
    def label(self) -> str:
        """What the window is for, as a heading: ``Secure a sponsor``."""
        return _LABELS[self]

    @property
    def strategy(self) -> Strategy:
        """Mobility for networking before a posting closes; promotion for the rest."""
        return Strategy.MOBILITY if self is WindowKind.NETWORK else Strategy.PROMOTION


_LABELS = {
    WindowKind.ASK: "Make the ask",
    WindowKind.BUILD_CASE: "Build the case",
    WindowKind.PRE_REVIEW: "Pre-review conversation",
    WindowKind.SPONSOR: "Secure a sponsor",
    WindowKind.LEVERAGE_WIN: "Leverage the win",
    WindowKind.NETWORK: "Network with the hiring manager",
}


@dataclass(frozen=True)
class DaysAround:
    """A window's first and last day, in days from its event (negative: before it)."""

    start: int
    end: int


@dataclass(frozen=True)
class LeadTimes:
    """When each window opens and closes around its event; the defaults are product.md's."""

    budget_ask: DaysAround = DaysAround(-42, 0)
    compensation_ask: DaysAround = DaysAround(-60, -14)
    review_build_case: DaysAround = DaysAround(-90, -30)
    review_pre_review: DaysAround = DaysAround(-30, -7)
    committee_sponsor: DaysAround = DaysAround(-60, -21)
    milestone_leverage_win: DaysAround = DaysAround(0, 21)
    network_until_days_before_close: int = 3
    """Networking for a posting stops this many days before it closes: be known before applying."""

    def to_json(self) -> dict[str, Any]:
        return {f.name: _days_to_json(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_json(cls, data: Any) -> LeadTimes:
        """Reads stored lead times; a missing or unreadable value keeps its default."""
        if not isinstance(data, dict):
            return cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = data.get(f.name)
            if f.name == "network_until_days_before_close":
                if isinstance(raw, int) and not isinstance(raw, bool):
                    values[f.name] = raw
            elif (isinstance(raw, list) and len(raw) == 2
                  and all(isinstance(x, int) and not isinstance(x, bool) for x in raw)
                  and raw[0] <= raw[1]):
                values[f.name] = DaysAround(raw[0], raw[1])
        return cls(**values)


def _days_to_json(value: DaysAround | int) -> Any:
    return [value.start, value.end] if isinstance(value, DaysAround) else value


@dataclass(frozen=True)
class Rule:
    """One row of the planner's table: an event kind opens a window of ``window`` kind."""

    event: CycleEventKind
    window: WindowKind
    lead_time: str
    """The ``LeadTimes`` field that places the window."""
    why: str


RULES: tuple[Rule, ...] = (
    Rule(CycleEventKind.BUDGET_PLANNING, WindowKind.ASK, "budget_ask",
         "pay and headcount are decided when budgets are set; after they lock the answer is 'next year'"),
    Rule(CycleEventKind.COMPENSATION_REVIEW, WindowKind.ASK, "compensation_ask",
         "merit increases are settled before the review itself; once the pool is shared out "
         "the answer is 'next year'"),
    Rule(CycleEventKind.PERFORMANCE_REVIEW, WindowKind.BUILD_CASE, "review_build_case",
         "decisions form before the formal review; gather the evidence and make it visible now"),
    Rule(CycleEventKind.PERFORMANCE_REVIEW, WindowKind.PRE_REVIEW, "review_pre_review",
         "decisions form before the formal review; talk with your manager while the rating is still open"),
    Rule(CycleEventKind.PROMOTION_COMMITTEE, WindowKind.SPONSOR, "committee_sponsor",
         "someone must nominate you; secure a sponsor before nominations close"),
    Rule(CycleEventKind.MILESTONE, WindowKind.LEVERAGE_WIN, "milestone_leverage_win",
         "a measurable result weighs most while it is recent"),
)

def rules_for(kind: CycleEventKind) -> list[Rule]:
    return [rule for rule in RULES if rule.event is kind]


def days_around(lead_times: LeadTimes, rule: Rule) -> DaysAround:
    value = getattr(lead_times, rule.lead_time)
    assert isinstance(value, DaysAround)
    return value
