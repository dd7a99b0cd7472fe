"""The closed vocabularies of product.md ("What the user keeps").

The values are the interchange file's spellings; the labels are what the window shows.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    @property
    def label(self) -> str:
        """The value as a user reads it: ``cross_functional_project`` -> ``Cross-functional project``."""
        text = self.value.replace("_", " ")
        special = {"one on one": "One-on-one", "cross functional project": "Cross-functional project",
                   "skip level": "Skip-level", "hr": "HR"}
        return special.get(text, text[:1].upper() + text[1:])


class AchievementKind(LabelledEnum):
    QUANTIFIED = "quantified"
    STORY = "story"
    INVISIBLE = "invisible"


class Scope(LabelledEnum):
    TEAM = "team"
    DEPARTMENT = "department"
    COMPANY = "company"
    EXTERNAL = "external"


class ExperienceKind(LabelledEnum):
    ROTATION = "rotation"
    CROSS_FUNCTIONAL_PROJECT = "cross_functional_project"
    STRETCH_ASSIGNMENT = "stretch_assignment"
    INTERNAL_GIG = "internal_gig"
    SHADOWING = "shadowing"
    TRAINING = "training"
    MENTORING = "mentoring"
    LATERAL_MOVE = "lateral_move"
    OTHER = "other"


class PersonRole(LabelledEnum):
    MANAGER = "manager"
    SKIP_LEVEL = "skip_level"
    HR = "hr"
    DECISION_MAKER = "decision_maker"
    MENTOR = "mentor"
    SPONSOR = "sponsor"
    PEER = "peer"
    HIRING_MANAGER = "hiring_manager"
    EXECUTIVE = "executive"
    OTHER = "other"


class Stance(LabelledEnum):
    """From the strongest ally to the firmest opponent; ``unknown`` is not yet judged."""

    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SKEPTIC = "skeptic"
    BLOCKER = "blocker"
    UNKNOWN = "unknown"


class InteractionKind(LabelledEnum):
    ONE_ON_ONE = "one_on_one"
    MEETING = "meeting"
    COFFEE = "coffee"
    EMAIL = "email"
    CHAT = "chat"
    REVIEW = "review"
    OTHER = "other"


class TargetPath(LabelledEnum):
    PROMOTION = "promotion"
    LATERAL = "lateral"


class TargetStatus(LabelledEnum):
    EXPLORING = "exploring"
    PREPARING = "preparing"
    PURSUING = "pursuing"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class OpeningStatus(LabelledEnum):
    WATCHING = "watching"
    NETWORKING = "networking"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CLOSED = "closed"


class Availability(LabelledEnum):
    UNKNOWN = "unknown"
    SUSPECTED_PROMISED = "suspected_promised"
    CONFIRMED_OPEN = "confirmed_open"


class CycleEventKind(LabelledEnum):
    PERFORMANCE_REVIEW = "performance_review"
    MID_YEAR_REVIEW = "mid_year_review"
    BUDGET_PLANNING = "budget_planning"
    COMPENSATION_REVIEW = "compensation_review"
    PROMOTION_COMMITTEE = "promotion_committee"
    HEADCOUNT_PLANNING = "headcount_planning"
    FISCAL_YEAR_END = "fiscal_year_end"
    MILESTONE = "milestone"
    OTHER = "other"


class Recurrence(LabelledEnum):
    NONE = "none"
    ANNUAL = "annual"
    SEMIANNUAL = "semiannual"
    QUARTERLY = "quarterly"


class Strategy(LabelledEnum):
    PROMOTION = "promotion"
    MOBILITY = "mobility"


class PlanStatus(LabelledEnum):
    DRAFT = "draft"
    READY = "ready"
    HELD = "held"
    WON = "won"
    PARTIAL = "partial"
    DEFERRED = "deferred"
    DECLINED = "declined"
