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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careerdesk.domain.enums import AchievementKind, Scope, Strategy
from careerdesk.domain.records import Achievement, NegotiationPlan
from careerdesk.planner import plain_data
from careerdesk.store import models as m

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
    with_base = sum(1 for x in achievement.metrics if x.baseline is not None)
    return _points(_Facts(achievement.date, with_base, len(achievement.metrics) - with_base,
                          achievement.scope, achievement.experience is not None,
                          achievement.kind, achievement.highlight), strategy, reference)


@dataclass(frozen=True)
class _Facts:
    """What the score reads of an achievement."""

    date: date
    with_baseline: int
    without_baseline: int
    scope: Scope | None
    in_experience: bool
    kind: AchievementKind
    highlight: bool


def _points(facts: _Facts, strategy: Strategy, reference: date) -> tuple[float, list[str]]:
    reasons: list[str] = []
    age = max((reference - facts.date).days, 0)
    recency = RECENCY_POINTS * max(0.0, 1.0 - age / RECENCY_DAYS)
    if age <= 365:
        reasons.append("recent")
    metrics = min(METRIC_CAP, facts.with_baseline * METRIC_WITH_BASELINE
                  + facts.without_baseline * METRIC_WITHOUT_BASELINE)
    if facts.with_baseline or facts.without_baseline:
        reasons.append("measured")
    scope = SCOPE_POINTS.get(facts.scope, 0.0) if facts.scope else 0.0
    if facts.scope in (Scope.COMPANY, Scope.EXTERNAL):
        reasons.append(f"{facts.scope.label.lower()} scope")
    fit = 0.0
    if strategy is Strategy.MOBILITY and facts.in_experience:
        fit = FIT_POINTS
        reasons.append("in a lateral experience")
    elif strategy is Strategy.PROMOTION and facts.kind is AchievementKind.QUANTIFIED:
        fit = FIT_POINTS
    if facts.highlight:
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
    found.sort(key=lambda s: _order(s.achievement.highlight, s.score, s.achievement.date,
                                    s.achievement.title))
    return found[:max(limit, 0)]


def _order(highlight: bool, points: float, day: date, title: str) -> tuple[bool, float, int, str]:
    return not highlight, -points, -day.toordinal(), title.casefold()


def suggest_evidence(session: Session, plan: NegotiationPlan, limit: int = 8,
                     today: date | None = None) -> list[Suggestion]:
    """The best achievements to add to the plan's evidence, at most ``limit``: ``rank``'s
    order, worked out from the few columns the score reads (in SQL, for the candidates),
    and only the chosen few read as whole records."""
    reference = plan.meeting_date or today or date.today()
    a, metric = m.AchievementRow, m.MetricRow
    counted = (select(func.count(metric.id)).where(metric.achievement_id == a.id)
               .correlate(a).scalar_subquery())
    with_baseline = (select(func.count(metric.id))
                     .where(metric.achievement_id == a.id, metric.baseline.is_not(None))
                     .correlate(a).scalar_subquery())
    rows = session.execute(
        select(a.id, a.uid, a.title, a.date, a.kind, a.scope, a.highlight,
               a.experience_id.is_not(None), counted, with_baseline)
        .order_by(a.highlight.desc(), a.date.desc())
        .limit(CANDIDATES)
    ).all()
    chosen = set(plan.evidence)
    scored = []
    for id_, uid, title, day, kind, scope, highlight, in_experience, count, with_base in rows:
        if uid in chosen:
            continue
        facts = _Facts(day, with_base, count - with_base, Scope(scope) if scope else None,
                       bool(in_experience), AchievementKind(kind), bool(highlight))
        points, reasons = _points(facts, plan.strategy, reference)
        scored.append((_order(facts.highlight, round(points, 2), day, title), id_,
                       round(points, 2), tuple(reasons)))
    scored.sort(key=lambda found: found[0])
    best = scored[:max(limit, 0)]
    if not best:
        return []
    ids = sorted(id_ for _, id_, _, _ in best)
    # Read as the store gives them, with plain SQL: the ORM's loading of a few records and
    # their links costs more than choosing them.
    records = dict(zip(ids, plain_data.achievements(
        session.connection().connection.dbapi_connection, ids), strict=True))
    return [Suggestion(records[id_], points, reasons) for _, id_, points, reasons in best]
