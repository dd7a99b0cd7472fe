"""The gap view's core: covered, below level, missing, and the evidence of each skill."""

from __future__ import annotations

from datetime import date

import pytest

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.enums import ExperienceKind, TargetPath
from careerdesk.planner.readiness import lateral_target, skill_coverage
from careerdesk.store import pathways_list, skill_gaps
from careerdesk.store.database import Journal
from careerdesk.store.pathways_list import OpeningFilter, TargetFilter
from careerdesk.store.skill_gaps import GapStatus, gap_status


def test_gap_status_rules() -> None:
    assert gap_status(4, 4) is GapStatus.COVERED
    assert gap_status(5, 4) is GapStatus.COVERED
    assert gap_status(2, 4) is GapStatus.BELOW
    assert gap_status(None, 3) is GapStatus.MISSING  # a skill without a level
    assert gap_status(1, None) is GapStatus.COVERED  # no level asked: any level will do
    assert gap_status(None, None) is GapStatus.MISSING


@pytest.fixture
def target(journal: Journal) -> r.Target:
    for skill in (r.Skill(name="SQL", level=5), r.Skill(name="Python", level=2),
                  r.Skill(name="Storytelling")):
        with journal.transaction() as session:
            from careerdesk.store.repository import RecordWriter

            RecordWriter(session).save_skill(skill)
    services.save_record(journal, r.Achievement(date=date(2026, 5, 1), title="Query tuning",
                                                skills=["SQL"]))
    services.save_record(journal, r.Achievement(date=date(2026, 9, 1), title="Churn model",
                                                skills=["SQL", "Python"]))
    services.save_record(journal, r.Experience(kind=ExperienceKind.ROTATION, title="Rotation",
                                               start=date(2026, 3, 1), end=date(2026, 6, 30),
                                               skills=["Python"]))
    goal = r.Target(title="Data Scientist", path=TargetPath.LATERAL, required_skills=[
        r.RequiredSkill(name="sql", level=4), r.RequiredSkill(name="Python", level=4),
        r.RequiredSkill(name="Storytelling", level=3), r.RequiredSkill(name="Causal Inference",
                                                                         level=3)])
    services.save_record(journal, goal)
    return goal


def test_categories_and_evidence(journal: Journal, target: r.Target) -> None:
    with journal.sessions() as session:
        gaps = skill_gaps.skill_gaps(session, target.uid)
    assert [(g.name, g.required, g.level, g.status) for g in gaps] == [
        ("SQL", 4, 5, GapStatus.COVERED),
        ("Python", 4, 2, GapStatus.BELOW),
        ("Storytelling", 3, None, GapStatus.MISSING),  # in the journal, no level
        ("Causal Inference", 3, None, GapStatus.MISSING),  # named by the target only
    ]
    sql, python, story, causal = gaps
    assert [(e.kind, e.title, e.date) for e in sql.evidence] == [
        ("achievement", "Churn model", date(2026, 9, 1)),
        ("achievement", "Query tuning", date(2026, 5, 1))]
    assert [(e.kind, e.title, e.end) for e in python.evidence] == [
        ("achievement", "Churn model", None),
        ("experience", "Rotation", date(2026, 6, 30))]
    assert story.evidence == () and causal.evidence == ()
    assert skill_gaps.coverage(gaps) == pytest.approx((1 + 0.5 + 0 + 0) / 4)


def test_coverage_agrees_with_the_planners_factor(demo_journal: Journal) -> None:
    data = services.planner_data(demo_journal)
    lateral = lateral_target(data.targets)
    assert lateral is not None and lateral.title == "Product Data Scientist"
    with demo_journal.sessions() as session:
        gaps = skill_gaps.skill_gaps(session, lateral.uid)
    percent = round((skill_gaps.coverage(gaps) or 0) * 100)
    assert f"{percent} % of the required skill levels" in skill_coverage(
        data.targets, data.skills).explanation
    assert {g.name: g.status for g in gaps}["Causal Inference"] is GapStatus.BELOW


def test_targets_list_counts_covered_skills(journal: Journal, target: r.Target) -> None:
    with journal.sessions() as session:
        ids = pathways_list.target_ids(session, TargetFilter())
        line = pathways_list.target_lines(session, ids)[ids[0]]
    assert (line.covered, line.required) == (1, 4)


def test_openings_list_order_filter_and_days_left(demo_journal: Journal) -> None:
    today = date(2026, 11, 22)
    with demo_journal.sessions() as session:
        ids = pathways_list.opening_ids(session, OpeningFilter())
        lines = pathways_list.opening_lines(session, ids)
        open_ids = pathways_list.opening_ids(session, OpeningFilter(open_only=True))
    shown = [lines[i] for i in ids]
    assert [x.closes for x in shown] == sorted(x.closes for x in shown if x.closes)
    pricing = next(x for x in shown if x.title == "Senior Product Analyst, Pricing")
    assert pricing.days_left(today) == 6 and pricing.closing_soon(today)
    assert pricing.hiring_manager == "Ian Crawford"
    assert len(open_ids) == 2  # the closed one is left out
    assert pathways_list.next_status(pathways_list.PIPELINE[0]) is pathways_list.PIPELINE[1]
    assert pathways_list.next_status(pathways_list.PIPELINE[-1]) is None
