"""Evidence suggestions: the documented scoring, highlights first (careerdesk.reports.evidence)."""

from __future__ import annotations

from datetime import date

import pytest

from careerdesk import services
from careerdesk.domain.enums import AchievementKind, Scope, Strategy
from careerdesk.domain.records import Achievement, Metric, NegotiationPlan
from careerdesk.reports.evidence import rank, score, suggest_evidence

MEETING = date(2026, 12, 1)


def win(title: str, day: date, **fields: object) -> Achievement:
    return Achievement(title=title, date=day, **fields)  # type: ignore[arg-type]


def test_score_by_hand() -> None:
    a = win("Billing", date(2026, 6, 4), scope=Scope.COMPANY, kind=AchievementKind.QUANTIFIED,
            metrics=[Metric(name="m", result=2, baseline=1), Metric(name="n", result=3)])
    points, reasons = score(a, Strategy.PROMOTION, MEETING)
    # 180 days old: 40 * (1 - 180/730) = 30.137; metrics 12 + 6; company 20; quantified 10
    assert points == pytest.approx(40 * (1 - 180 / 730) + 18 + 20 + 10)
    assert reasons == ["recent", "measured", "company scope"]


def test_metrics_are_capped_and_old_wins_get_no_recency() -> None:
    a = win("Old", date(2023, 1, 1), metrics=[Metric(name=str(i), result=1, baseline=0)
                                                for i in range(5)])
    points, _ = score(a, Strategy.PROMOTION, MEETING)
    assert points == 30  # 5 x 12 capped at 30; older than two years; no scope; a story


def test_mobility_values_lateral_experience() -> None:
    a = win("In rotation", MEETING, experience="exp-1")
    assert score(a, Strategy.MOBILITY, MEETING)[0] == 40 + 10
    assert score(a, Strategy.PROMOTION, MEETING)[0] == 40


def test_highlights_first_then_score_then_recency() -> None:
    plain_strong = win("Strong", MEETING, scope=Scope.COMPANY,
                       metrics=[Metric(name="m", result=2, baseline=1)])
    highlight_weak = win("Weak but starred", date(2024, 1, 1), highlight=True)
    older_twin = win("Twin old", date(2026, 1, 1))
    newer_twin = win("Twin new", date(2026, 1, 1))
    already = win("Chosen", MEETING, scope=Scope.COMPANY)
    plan = NegotiationPlan(title="p", strategy=Strategy.PROMOTION, evidence=[already.uid])
    ranked = rank([older_twin, plain_strong, newer_twin, already, highlight_weak], plan,
                  MEETING, limit=10)
    assert [s.achievement.title for s in ranked] == ["Weak but starred", "Strong", "Twin new",
                                                     "Twin old"]
    assert "highlight" in ranked[0].reasons
    assert len(rank([plain_strong, older_twin], plan, MEETING, limit=1)) == 1


def test_suggestions_from_the_demo_journal(demo_journal: services.Journal) -> None:
    plans = services.load_all(demo_journal, NegotiationPlan)
    promotion = next(p for p in plans if p.strategy is Strategy.PROMOTION)
    with demo_journal.sessions() as session:
        found = suggest_evidence(session, promotion, limit=5)
    assert len(found) == 5
    assert not {s.achievement.uid for s in found} & set(promotion.evidence)
    highlights = [s.achievement.highlight for s in found]
    assert highlights == sorted(highlights, reverse=True)  # every highlight before the rest
    scores = [s.score for s in found if s.achievement.highlight]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("strategy", [Strategy.PROMOTION, Strategy.MOBILITY])
def test_suggestions_are_the_ranking_of_every_achievement(demo_journal: services.Journal,
                                                          strategy: Strategy) -> None:
    """The journal's own query gives ``rank``'s answer over the whole records (the demo
    journal has fewer achievements than the candidates scored), field for field."""
    plans = services.load_all(demo_journal, NegotiationPlan)
    plan = next(p for p in plans if p.evidence)
    plan.strategy = strategy
    every = services.load_all(demo_journal, Achievement)
    for limit in (1, 5, len(every)):
        with demo_journal.sessions() as session:
            found = suggest_evidence(session, plan, limit)
        expected = rank(every, plan, plan.meeting_date or date.today(), limit)
        assert found == expected
    assert any(s.achievement.metrics for s in found) and any(s.achievement.skills for s in found)
    with demo_journal.sessions() as session:
        assert suggest_evidence(session, plan, 0) == []
