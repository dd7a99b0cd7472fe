"""Every record kind of product.md as a plain dataclass.

Field names are the interchange file's, so one generic codec (``codec.py``) turns a record
into the file's JSON and back. Records refer to each other by ``uid`` and to skills by name.
``created_at``/``updated_at`` are filled by the store; they travel with the record so that
an export and re-import keep them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

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


def new_uid() -> str:
    return str(uuid.uuid4())


@dataclass(kw_only=True)
class Record:
    uid: str = field(default_factory=new_uid)
    tags: list[str] = field(default_factory=list)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@dataclass(kw_only=True)
class JournalEntry(Record):
    date: dt.date
    title: str | None = None
    body: str = ""


@dataclass(kw_only=True)
class Metric:
    name: str
    result: float
    unit: str | None = None
    baseline: float | None = None
    higher_is_better: bool = True


@dataclass(kw_only=True)
class Achievement(Record):
    date: dt.date
    title: str
    kind: AchievementKind = AchievementKind.STORY
    story: str | None = None
    scope: Scope | None = None
    metrics: list[Metric] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    experience: str | None = None
    evidence: list[str] = field(default_factory=list)
    highlight: bool = False
    notes: str | None = None


@dataclass(kw_only=True)
class Experience(Record):
    kind: ExperienceKind
    title: str
    start: dt.date
    end: dt.date | None = None
    department: str | None = None
    sponsor: str | None = None
    skills: list[str] = field(default_factory=list)
    outcome: str | None = None
    reflection: str | None = None


@dataclass(kw_only=True)
class Person(Record):
    name: str
    title: str | None = None
    department: str | None = None
    roles: list[PersonRole] = field(default_factory=list)
    influence: int | None = None
    stance: Stance = Stance.UNKNOWN
    relationship: int | None = None
    cadence_days: int | None = None
    notes: str | None = None


@dataclass(kw_only=True)
class Interaction(Record):
    date: dt.date
    people: list[str] = field(default_factory=list)
    kind: InteractionKind = InteractionKind.OTHER
    summary: str | None = None
    follow_up: dt.date | None = None
    follow_up_action: str | None = None
    done: bool = False


@dataclass(kw_only=True)
class Skill:
    """Skills are named, not numbered: records name them, and a rename carries the links."""

    name: str
    category: str | None = None
    level: int | None = None


@dataclass(kw_only=True)
class RequiredSkill:
    name: str
    level: int | None = None


@dataclass(kw_only=True)
class Target(Record):
    title: str
    path: TargetPath
    department: str | None = None
    level: str | None = None
    required_skills: list[RequiredSkill] = field(default_factory=list)
    status: TargetStatus = TargetStatus.EXPLORING
    notes: str | None = None


@dataclass(kw_only=True)
class Opening(Record):
    title: str
    department: str | None = None
    posted: dt.date | None = None
    closes: dt.date | None = None
    hiring_manager: str | None = None
    target: str | None = None
    status: OpeningStatus = OpeningStatus.WATCHING
    availability: Availability = Availability.UNKNOWN
    reference: str | None = None
    notes: str | None = None


@dataclass(kw_only=True)
class CycleEvent(Record):
    kind: CycleEventKind
    name: str
    date: dt.date
    duration_days: int | None = None
    recurrence: Recurrence = Recurrence.NONE
    notes: str | None = None


@dataclass(kw_only=True)
class Position:
    title: str | None = None
    level: str | None = None
    base: float | None = None
    currency: str | None = None


@dataclass(kw_only=True)
class Ask(Position):
    scope: str | None = None


@dataclass(kw_only=True)
class Benchmark:
    source: str
    low: float | None = None
    mid: float | None = None
    high: float | None = None
    currency: str | None = None
    note: str | None = None


@dataclass(kw_only=True)
class Objection:
    objection: str
    response: str | None = None


@dataclass(kw_only=True)
class Outcome:
    date: dt.date | None = None
    result: str | None = None
    granted_title: str | None = None
    granted_base: float | None = None


@dataclass(kw_only=True)
class NegotiationPlan(Record):
    title: str
    strategy: Strategy
    target: str | None = None
    meeting_date: dt.date | None = None
    participants: list[str] = field(default_factory=list)
    current: Position = field(default_factory=Position)
    ask: Ask = field(default_factory=Ask)
    benchmarks: list[Benchmark] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    talking_points: list[str] = field(default_factory=list)
    objections: list[Objection] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    walk_away: str | None = None
    status: PlanStatus = PlanStatus.DRAFT
    outcome: Outcome | None = None
    notes: str | None = None


@dataclass(kw_only=True)
class Compensation(Record):
    date: dt.date
    title: str | None = None
    level: str | None = None
    base: float | None = None
    bonus: float | None = None
    equity: float | None = None
    currency: str | None = None
    note: str | None = None


@dataclass(kw_only=True)
class Profile:
    name: str | None = None
    employer: str | None = None
    currency: str | None = None


# The interchange file's section name for each record kind, in the order of the file.
SECTIONS: dict[str, type[Record] | type[Skill]] = {
    "journal": JournalEntry,
    "achievements": Achievement,
    "experiences": Experience,
    "people": Person,
    "interactions": Interaction,
    "skills": Skill,
    "targets": Target,
    "openings": Opening,
    "cycle_events": CycleEvent,
    "plans": NegotiationPlan,
    "compensation": Compensation,
}
