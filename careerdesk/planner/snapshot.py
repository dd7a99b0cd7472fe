"""The plain snapshot of a journal that the planner works on: lists of records, no session.

Everything in ``careerdesk.planner`` is a pure function of a ``PlannerData`` and a date,
so the window, the command line and the tests get the same answer from the same data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from careerdesk.domain.records import (
    Achievement,
    Compensation,
    CycleEvent,
    Experience,
    Interaction,
    NegotiationPlan,
    Opening,
    Person,
    Skill,
    Target,
)
from careerdesk.planner.rules import LeadTimes
from careerdesk.planner.windows import WindowOverride


@dataclass
class PlannerData:
    cycle_events: list[CycleEvent] = field(default_factory=list)
    openings: list[Opening] = field(default_factory=list)
    achievements: list[Achievement] = field(default_factory=list)
    experiences: list[Experience] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    plans: list[NegotiationPlan] = field(default_factory=list)
    compensation: list[Compensation] = field(default_factory=list)
    lead_times: LeadTimes = field(default_factory=LeadTimes)
    overrides: dict[str, WindowOverride] = field(default_factory=dict)

    @cached_property
    def people_by_uid(self) -> dict[str, Person]:
        return {person.uid: person for person in self.people}
