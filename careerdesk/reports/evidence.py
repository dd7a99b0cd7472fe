"""Which achievements to offer as a plan's evidence, best first.

The score of an achievement (higher is better), as of the plan's meeting date (else today):

- recency, up to 40 points: 40 on the day, falling evenly to 0 at two years old (an
  achievement dated after the reference day counts as on the day);
- metrics, up to 30 points: 12 for each metric with a baseline (a change the room can
  weigh), 6 for each metric without one;
- scope, up to 20 points: team 5, department 10, company 20, external 20;
- fit, 10 points: for a mobility plan, an achievement made in a lateral experience (it
  shows the growth a move builds on); for a promotion plan, a quantified achievement.

Highlights come first whatever their score (the user has already said they matter),
then the rest by score; ties go to the more recent, then the title. Achievements already
in the plan's evidence are not suggested again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from careerdesk.domain.enums import AchievementKind, Scope, Strategy
from careerdesk.domain.records import Achievement, NegotiationPlan
from careerdesk.store import models as m
from careerdesk.store.repository import to_record

RECENCY_POINTS = 40.0
RECENCY_DAYS = 730
METRIC_WITH_BASELINE = 12.0
METRIC_WITHOUT_BASELINE = 6.0
METRIC_CAP = 30.0
SCOPE_POINTS = {Scope.TEAM: 5.0, Scope.DEPARTMENT: 10.0, Scope.COMPANY: 20.0, Scope.EXTERNAL: 20.0}
FIT_POINTS = 10.0

CANDIDATES = 400
"""How many achievements are scored at most: the highlights and the most recent, so a
journal of thousands stays quick (older ones score almost nothing for recency anyway)."""


@dataclass(frozen=True)
class Suggestion:
    achievement: Achievement
    score: float
    reasons: tuple[str, ...]


def score(achievement: Achievement, strategy: Strategy, reference: date) -> tuple[float, list[str]]:
    """The achievement's score and the words that explain it."""
    reasons: list[str] = []
    age = max((reference - achievement.date).days, 0)
    recency = RECENCY_POINTS * max(0.0, 1.0 - age / RECENCY_DAYS)
    if age <= 365:
        reasons.append("recent")
    with_base = sum(1 for x in achievement.metrics if x.baseline is not None)
    without = len(achievement.metrics) - with_base
    metrics = min(METRIC_CAP, with_base * METRIC_WITH_BASELINE + without * METRIC_WITHOUT_BASELINE)
    if achievement.metrics:
        reasons.append("measured")
    scope = SCOPE_POINTS.get(achievement.scope, 0.0) if achievement.scope else 0.0
    if achievement.scope in (Scope.COMPANY, Scope.EXTERNAL):
        reasons.append(f"{achievement.scope.label.lower()} scope")
    fit = 0.0
    if strategy is Strategy.MOBILITY and achievement.experience:
        fit = FIT_POINTS
        reasons.append("in a lateral experience")
    elif strategy is Strategy.PROMOTION and achievement.kind is AchievementKind.QUANTIFIED:
        fit = FIT_POINTS
    if achievement.highlight:
        reasons.insert(0, "highlight")
    return recency + metrics + scope + fit, reasons


def rank(achievements: Iterable[Achievement], plan: NegotiationPlan, reference: date,
         limit: int) -> list[Suggestion]:
    """The pure ranking (see the module's text) of the given achievements."""
    chosen = set(plan.evidence)
    found = []
    for achievement in achievements:
        if achievement.uid in chosen:
            continue
        points, reasons = score(achievement, plan.strategy, reference)
        found.append(Suggestion(achievement, round(points, 2), tuple(reasons)))
    found.sort(key=lambda s: (not s.achievement.highlight, -s.score,
                              -s.achievement.date.toordinal(), s.achievement.title.casefold()))
    return found[:max(limit, 0)]


def suggest_evidence(session: Session, plan: NegotiationPlan, limit: int = 8,
                     today: date | None = None) -> list[Suggestion]:
    """The best achievements to add to the plan's evidence, at most ``limit``."""
    reference = plan.meeting_date or today or date.today()
    rows = session.scalars(
        select(m.AchievementRow)
        .options(selectinload(m.AchievementRow.metrics), selectinload(m.AchievementRow.experience),
                 selectinload(m.AchievementRow.skills), selectinload(m.AchievementRow.people))
        .order_by(m.AchievementRow.highlight.desc(), m.AchievementRow.date.desc())
        .limit(CANDIDATES)
    ).all()
    achievements = [cast(Achievement, to_record(row)) for row in rows]
    return rank(achievements, plan, reference, limit)
