"""Records of every kind, linked to each other the way a user's journal is.

Linked people and skills are listed in name order, the order the journal gives them back.

Each record carries one made-up word ("quokka", "wombat"...) that no other record
contains, so the search tests can tell which record a hit belongs to.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from careerdesk.domain import records as r
from careerdesk.domain.enums import (
    AchievementKind,
    Availability,
    CycleEventKind,
    ExperienceKind,
    InteractionKind,
    OpeningStatus,
    PersonRole,
    PlanStatus,
    Recurrence,
    Scope,
    Stance,
    Strategy,
    TargetPath,
    TargetStatus,
)

CREATED = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)
UPDATED = datetime(2026, 3, 2, 17, 5, 0, tzinfo=UTC)


@dataclass
class Sample:
    """Every kind of record, in an order where a record's references come before it."""

    mentor: r.Person
    manager: r.Person
    experience: r.Experience
    target: r.Target
    achievement: r.Achievement
    interaction: r.Interaction
    opening: r.Opening
    cycle_event: r.CycleEvent
    plan: r.NegotiationPlan
    compensation: r.Compensation
    entry: r.JournalEntry

    def records(self) -> list[r.Record]:
        return [self.mentor, self.manager, self.experience, self.target, self.achievement,
                self.interaction, self.opening, self.cycle_event, self.plan, self.compensation,
                self.entry]


# The word each kind's record carries, and the index kind its hits report.
MARKERS = {
    "mentor": ("quokka", "person"),
    "experience": ("wombat", "experience"),
    "target": ("axolotl", "target"),
    "achievement": ("pangolin", "achievement"),
    "interaction": ("narwhal", "interaction"),
    "opening": ("capybara", "opening"),
    "cycle_event": ("okapi", "cycle_event"),
    "plan": ("platypus", "plan"),
    "compensation": ("dugong", "compensation"),
    "entry": ("tapir", "journal"),
}


def sample(*, with_times: bool = False) -> Sample:
    """A fresh set of records (new uids each call)."""
    times = {"created_at": CREATED, "updated_at": UPDATED} if with_times else {}
    mentor = r.Person(
        name="Ada Quokka", title="Director of Data", department="Product",
        roles=[PersonRole.MENTOR, PersonRole.SPONSOR], influence=4, stance=Stance.CHAMPION,
        relationship=3, cadence_days=30, notes="Met at the guild meetup.",
        tags=["mentor", "product"], **times)
    manager = r.Person(
        name="Bob Manager", title="Manager", department="Finance", roles=[PersonRole.MANAGER],
        influence=5, stance=Stance.SUPPORTER, **times)
    experience = r.Experience(
        kind=ExperienceKind.ROTATION, title="Wombat rotation in Product Analytics",
        department="Product", start=date(2026, 1, 5), end=date(2026, 3, 27),
        sponsor=mentor.uid, skills=["Experimentation", "SQL"], outcome="Shipped one test.",
        reflection="Liked it.", tags=["rotation"], **times)
    target = r.Target(
        title="Lead Axolotl Analyst", path=TargetPath.PROMOTION, department="Finance",
        level="L5", status=TargetStatus.PREPARING, notes="The January round.",
        required_skills=[r.RequiredSkill(name="SQL", level=4),
                         r.RequiredSkill(name="Stakeholder management", level=3)],
        tags=["promotion"], **times)
    achievement = r.Achievement(
        date=date(2026, 2, 14), title="Pangolin dashboard load time cut",
        kind=AchievementKind.QUANTIFIED, story="Situation, action, result.",
        scope=Scope.DEPARTMENT,
        metrics=[r.Metric(name="Client satisfaction", unit="%", baseline=72, result=88),
                 r.Metric(name="Load time", unit="seconds", baseline=24, result=4,
                          higher_is_better=False)],
        skills=["Experimentation", "SQL"], people=[mentor.uid, manager.uid],
        experience=experience.uid, evidence=["https://wiki.example/load-time"],
        highlight=True, notes="Ask Bob to mention it.", tags=["wins", "dashboards"], **times)
    interaction = r.Interaction(
        date=date(2026, 2, 20), people=[mentor.uid, manager.uid],
        kind=InteractionKind.ONE_ON_ONE, summary="Talked about the narwhal project.",
        follow_up=date(2026, 3, 6), follow_up_action="Send the one-pager", done=False,
        tags=["one-on-one"], **times)
    opening = r.Opening(
        title="Capybara analyst, Product", department="Product", posted=date(2026, 2, 1),
        closes=date(2026, 3, 1), hiring_manager=mentor.uid, target=target.uid,
        status=OpeningStatus.NETWORKING, availability=Availability.CONFIRMED_OPEN,
        reference="REQ-1042", notes="Confirmed open by HR.", tags=["posting"], **times)
    cycle_event = r.CycleEvent(
        kind=CycleEventKind.BUDGET_PLANNING, name="Okapi budget planning",
        date=date(2026, 10, 1), duration_days=14, recurrence=Recurrence.ANNUAL,
        notes="Locks in October.", tags=["budget"], **times)
    plan = r.NegotiationPlan(
        title="Platypus promotion case", strategy=Strategy.PROMOTION, target=target.uid,
        meeting_date=date(2026, 9, 15), participants=[manager.uid],
        current=r.Position(title="Senior Analyst", level="L4", base=98000, currency="USD"),
        ask=r.Ask(title="Lead Analyst", level="L5", base=118000, currency="USD",
                  scope="Own the roadmap"),
        benchmarks=[r.Benchmark(source="Internal band", low=105000, mid=117000, high=130000,
                                currency="USD", note="From the manager.")],
        evidence=[achievement.uid], talking_points=["Three wins this year"],
        objections=[r.Objection(objection="No budget", response="Ask for a dated commitment")],
        fallbacks=["Training budget"], walk_away="No change before next review",
        status=PlanStatus.READY,
        outcome=r.Outcome(date=date(2026, 9, 20), result="Deferred", granted_title=None,
                          granted_base=None),
        notes="Send the sheet the day before.", tags=["promotion"], **times)
    compensation = r.Compensation(
        date=date(2026, 1, 1), title="Senior Analyst", level="L4", base=98000, bonus=5000,
        equity=0, currency="USD", note="Dugong merit increase.", tags=["merit"], **times)
    entry = r.JournalEntry(
        date=date(2026, 2, 21), title="Tapir thoughts", body="What I learned this week.",
        tags=["reflection"], **times)
    return Sample(mentor, manager, experience, target, achievement, interaction, opening,
                  cycle_event, plan, compensation, entry)


def without_times(record: r.Record) -> r.Record:
    from dataclasses import replace

    return replace(record, created_at=None, updated_at=None)


def dump(path: Path) -> list[str]:
    """Every table's schema and rows as SQL text: equal dumps, equal databases."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()
