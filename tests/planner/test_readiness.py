"""Readiness on journals built by hand; every factor's points are worked out in the comments."""

from __future__ import annotations

from datetime import date

import pytest

from careerdesk.domain import records as r
from careerdesk.domain.enums import (
    AchievementKind,
    Availability,
    CycleEventKind,
    ExperienceKind,
    OpeningStatus,
    PersonRole,
    Stance,
    Strategy,
    TargetPath,
    TargetStatus,
)
from careerdesk.planner import PlannerData, build_plan
from careerdesk.planner.people import same_department, user_department
from careerdesk.planner.readiness import Readiness, window_soon
from careerdesk.planner.rules import WindowKind
from careerdesk.planner.windows import NegotiationWindow

TODAY = date(2026, 11, 22)  # "the last 12 months" is 23 Nov 2025 .. 22 Nov 2026


def points(readiness: Readiness) -> dict[str, int]:
    return {f.name: f.points for f in readiness.factors}


def explanation(readiness: Readiness, name: str) -> str:
    return next(f.explanation for f in readiness.factors if f.name == name)


def metric() -> list[r.Metric]:
    return [r.Metric(name="Revenue", baseline=1.0, result=2.0)]


def win(title: str, day: date, kind: AchievementKind, measured: bool = False) -> r.Achievement:
    return r.Achievement(title=title, date=day, kind=kind, metrics=metric() if measured else [])


def test_an_empty_journal_scores_zero_and_says_what_to_add() -> None:
    plan = build_plan(PlannerData(), TODAY)
    for readiness in (plan.promotion, plan.mobility):
        assert readiness.score == 0
        assert readiness.max == 100
        for factor in readiness.factors:
            assert factor.points == 0
            assert factor.explanation.endswith(f": 0 of {factor.max}")
            assert len(factor.explanation) > len(": 0 of 10") + 10
    assert plan.windows == () and plan.actions == ()
    assert explanation(plan.promotion, "Window opening soon").startswith("No negotiation window ahead")
    assert explanation(plan.mobility, "Relationships in other departments").startswith(
        "Your own department is unknown")


def promotion_journal() -> PlannerData:
    return PlannerData(
        achievements=[
            win("q1", date(2026, 7, 1), AchievementKind.QUANTIFIED, measured=True),
            win("q2", date(2026, 1, 15), AchievementKind.QUANTIFIED, measured=True),
            win("q3", date(2025, 11, 23), AchievementKind.QUANTIFIED, measured=True),   # first day in
            win("q4", date(2025, 11, 22), AchievementKind.QUANTIFIED, measured=True),   # a year ago: out
            win("q5", date(2026, 8, 1), AchievementKind.QUANTIFIED),                    # no metric
            win("q6", date(2026, 12, 1), AchievementKind.QUANTIFIED, measured=True),    # future: out
            win("s1", date(2026, 10, 3), AchievementKind.STORY),                        # the last win
            win("i1", date(2026, 11, 20), AchievementKind.INVISIBLE),
            win("i2", date(2026, 3, 1), AchievementKind.INVISIBLE),
            win("i3", date(2025, 6, 1), AchievementKind.INVISIBLE),                      # too old
        ],
        people=[
            r.Person(name="Mo Manager", roles=[PersonRole.MANAGER], influence=4, stance=Stance.SUPPORTER),
            r.Person(name="Sam Skip", roles=[PersonRole.SKIP_LEVEL], influence=5, stance=Stance.CHAMPION),
            r.Person(name="Hana HR", roles=[PersonRole.HR], stance=Stance.NEUTRAL),  # influence unrated: 3
            r.Person(name="Val Blocker", roles=[PersonRole.DECISION_MAKER], influence=2,
                     stance=Stance.BLOCKER),
            r.Person(name="Eve Exec", roles=[PersonRole.EXECUTIVE], influence=5),    # stance unknown
            r.Person(name="Pat Peer", roles=[PersonRole.PEER], influence=5, stance=Stance.CHAMPION),
        ],
        # ask window for the merit review: 3 Dec 2026 .. 18 Jan 2027, 11 days ahead
        cycle_events=[r.CycleEvent(kind=CycleEventKind.COMPENSATION_REVIEW, name="Merit review",
                                   date=date(2027, 2, 1))],
        plans=[r.NegotiationPlan(
            title="Promotion", strategy=Strategy.PROMOTION, meeting_date=date(2027, 1, 10),
            benchmarks=[r.Benchmark(source="Market survey", mid=120000),
                        r.Benchmark(source="Internal band L5", mid=100000, currency="USD")])],
        compensation=[r.Compensation(date=date(2025, 3, 1), base=80000, currency="USD"),
                      r.Compensation(date=date(2026, 3, 1), base=95000, currency="USD"),
                      r.Compensation(date=date(2027, 3, 1), base=99000, currency="USD")],  # future
    )


def test_promotion_readiness_on_a_hand_built_journal() -> None:
    plan = build_plan(promotion_journal(), TODAY)
    assert points(plan.promotion) == {
        # q1, q2, q3 count; q4 is exactly a year old, q5 has no metric, q6 is ahead: 3 × 8 = 24
        "Quantified wins": 24,
        # the last win (not invisible, not ahead) is s1 on 3 Oct: 50 days ago, within 90 → 10
        "Recent win": 10,
        # stance × influence: +1×4 +2×5 +0×3 −2×2 +0×5 = +10; full support 2 × (4+5+3+2+5) = 38;
        # 20 × 10/38 = 5.26 → 5 (Pat is a peer, not a decision-maker)
        "Decision-maker support": 5,
        # the ask window opens on 3 Dec, in 11 days (within 30) → 10
        "Window opening soon": 10,
        # the band is the benchmark naming "band" (100,000); the plan has no base, so the
        # latest compensation on or before today (95,000): gap 5 % of the 10 % for full → 5
        "Internal equity gap": 5,
        # i1 and i2 in the last 12 months: 2 × 4 = 8
        "Invisible work documented": 8,
    }
    assert plan.promotion.score == 62
    assert explanation(plan.promotion, "Quantified wins") == (
        "3 quantified wins in the last 12 months (1 more without a metric yet): 24 of 30")
    assert explanation(plan.promotion, "Recent win") == "Last win 50 days ago, 's1' (3 Oct 2026): 10 of 15"
    assert explanation(plan.promotion, "Decision-maker support") == (
        "Net support +10 of a possible +38 from 5 decision-makers (Val Blocker against); "
        "stance unknown for Eve Exec: 5 of 20")
    assert explanation(plan.promotion, "Window opening soon") == (
        "Next: Make the ask for Merit review opens in 11 days (3 Dec 2026): 10 of 15")
    assert explanation(plan.promotion, "Internal equity gap") == (
        "Base 95,000 USD is 5 % below the midpoint 100,000 USD (Internal band L5): 5 of 10")


def test_the_plans_own_base_wins_over_compensation_and_currencies_must_match() -> None:
    data = promotion_journal()
    data.plans[0].current = r.Position(base=85000, currency="USD")
    # (100,000 − 85,000) / 100,000 = 15 %: past the 10 % for full points
    assert points(build_plan(data, TODAY).promotion)["Internal equity gap"] == 10
    data.plans[0].current = r.Position(base=85000, currency="EUR")
    promotion = build_plan(data, TODAY).promotion
    assert points(promotion)["Internal equity gap"] == 0
    assert "not comparable" in explanation(promotion, "Internal equity gap")
    data.plans[0].current = r.Position(base=101000, currency="USD")
    assert "no gap to argue" in explanation(build_plan(data, TODAY).promotion, "Internal equity gap")


def test_net_opposition_scores_zero_not_below() -> None:
    data = PlannerData(people=[r.Person(name="B", roles=[PersonRole.MANAGER], influence=5,
                                        stance=Stance.BLOCKER)])
    assert points(build_plan(data, TODAY).promotion)["Decision-maker support"] == 0


def _window(kind: WindowKind, start: date, end: date, dismissed: bool = False) -> NegotiationWindow:
    return NegotiationWindow(kind=kind, start=start, end=end, event="e", event_name="E", event_date=end,
                             reason="", dismissed=dismissed)


@pytest.mark.parametrize(("start", "expected"), [
    (date(2026, 11, 1), 15),    # open today
    (date(2026, 12, 22), 10),   # in 30 days
    (date(2026, 12, 23), 5),    # in 31 days
    (date(2027, 2, 20), 5),     # in 90 days
    (date(2027, 2, 21), 0),     # in 91 days
])
def test_window_soon_steps(start: date, expected: int) -> None:
    window = _window(WindowKind.ASK, start, date(2027, 6, 1))
    assert window_soon([window], TODAY).points == expected


def test_window_soon_ignores_networking_and_dismissed_windows() -> None:
    windows = [_window(WindowKind.NETWORK, date(2026, 11, 1), date(2026, 12, 1)),
               _window(WindowKind.ASK, date(2026, 11, 1), date(2026, 12, 1), dismissed=True)]
    assert window_soon(windows, TODAY).points == 0


@pytest.mark.parametrize(("age", "expected"), [(0, 15), (30, 15), (31, 10), (90, 10), (91, 5), (180, 5),
                                                (181, 0)])
def test_recent_win_steps(age: int, expected: int) -> None:
    day = date.fromordinal(TODAY.toordinal() - age)
    data = PlannerData(achievements=[win("w", day, AchievementKind.STORY)])
    assert points(build_plan(data, TODAY).promotion)["Recent win"] == expected


def mobility_journal() -> PlannerData:
    people = [
        r.Person(uid="mgr", name="Mia Manager", department="Sales", roles=[PersonRole.MANAGER]),
        r.Person(uid="a", name="Ann", department="Marketing", cadence_days=30),
        r.Person(uid="b", name="Ben", department="Sales Operations"),       # part of Sales
        r.Person(uid="c", name="Cat", department="Finance", cadence_days=180),
        r.Person(uid="d", name="Dan", department="Engineering"),
        r.Person(uid="e", name="Eli", department="Marketing", roles=[PersonRole.SKIP_LEVEL]),
        r.Person(uid="f", name="Fay"),                                       # no department
        r.Person(uid="g", name="Gus", department="Product"),                 # never met
        r.Person(uid="h", name="Hal", department="marketing", roles=[PersonRole.MENTOR],
                 stance=Stance.SUPPORTER),
        r.Person(uid="s", name="Sid", roles=[PersonRole.SPONSOR], stance=Stance.BLOCKER),
    ]
    met = [("a", date(2026, 10, 1)), ("b", date(2026, 11, 1)), ("c", date(2026, 7, 1)),
           ("d", date(2026, 8, 1)), ("d", date(2026, 12, 1)), ("e", date(2026, 11, 1)),
           ("f", date(2026, 11, 1)), ("h", TODAY)]
    return PlannerData(
        people=people,
        interactions=[r.Interaction(date=day, people=[uid]) for uid, day in met],
        experiences=[
            r.Experience(kind=ExperienceKind.ROTATION, title="Rotation", start=date(2026, 1, 1),
                         end=date(2026, 3, 31)),
            r.Experience(kind=ExperienceKind.TRAINING, title="Course", department="Learning",
                         start=date(2026, 10, 1)),
            r.Experience(kind=ExperienceKind.STRETCH_ASSIGNMENT, title="Campaign", department="Marketing",
                         start=date(2026, 9, 1)),
            r.Experience(kind=ExperienceKind.STRETCH_ASSIGNMENT, title="Own team", department="Sales",
                         start=date(2026, 5, 1), end=date(2026, 6, 1)),
            r.Experience(kind=ExperienceKind.SHADOWING, title="Old shadowing", start=date(2025, 1, 1),
                         end=date(2025, 11, 22)),
            r.Experience(kind=ExperienceKind.INTERNAL_GIG, title="Not yet", start=date(2026, 12, 15)),
        ],
        targets=[
            r.Target(title="Explored", path=TargetPath.LATERAL, status=TargetStatus.EXPLORING,
                     required_skills=[r.RequiredSkill(name="SQL", level=1)]),
            r.Target(title="Marketing Analyst", path=TargetPath.LATERAL, status=TargetStatus.PREPARING,
                     required_skills=[r.RequiredSkill(name="SQL", level=3),
                                      r.RequiredSkill(name="Copywriting", level=2),
                                      r.RequiredSkill(name="Campaign Analytics"),
                                      r.RequiredSkill(name="Branding", level=4)]),
            r.Target(title="Dropped", path=TargetPath.LATERAL, status=TargetStatus.DROPPED),
        ],
        skills=[r.Skill(name="sql", level=4), r.Skill(name="Copywriting", level=1),
                r.Skill(name="Campaign Analytics")],
        openings=[
            r.Opening(title="o1", closes=date(2026, 12, 10)),
            r.Opening(title="o2", status=OpeningStatus.NETWORKING,
                      availability=Availability.SUSPECTED_PROMISED),
            r.Opening(title="o3", status=OpeningStatus.APPLIED, availability=Availability.CONFIRMED_OPEN),
            r.Opening(title="o4", status=OpeningStatus.CLOSED),
            r.Opening(title="o5", closes=date(2026, 11, 21)),
            r.Opening(title="o6", status=OpeningStatus.DECLINED),
        ],
    )


def test_mobility_readiness_on_a_hand_built_journal() -> None:
    plan = build_plan(mobility_journal(), TODAY)
    assert points(plan.mobility) == {
        # own department: Sales (the manager's). Ann (Marketing, 52 days ago, within 90),
        # Cat (Finance, 144 days ago but within her 180-day cadence), Hal (marketing, today).
        # Not: Ben (Sales Operations is part of Sales), Dan (113 days; the 1 Dec meeting is
        # ahead), Eli (skip-level), Fay (no department), Gus (never met). 3 × 6 = 18
        "Relationships in other departments": 18,
        # Rotation (ended after 22 Nov 2025) and Campaign (stretch in Marketing, ongoing).
        # Not: Course (training), Own team (Sales), Old shadowing (ended exactly a year
        # ago), Not yet (starts ahead). 2 × 10 = 20
        "Lateral experience": 20,
        # target: Marketing Analyst (preparing before exploring; dropped is out).
        # SQL 4 of 3 → 1; Copywriting 1 of 2 → 0.5; Campaign Analytics (no level: 0) of 1 → 0;
        # Branding (missing) of 4 → 0. Coverage 1.5/4 = 0.375; 25 × 0.375 = 9.4 → 9
        "Skills for the lateral target": 9,
        # o1 and o3; o2 may be promised, o4 and o6 are finished, o5 closed yesterday: 2 × 5
        "Open postings": 10,
        # Hal is a mentor; the only sponsor, Sid, is a blocker: 5
        "Mentor and sponsor": 5,
    }
    assert plan.mobility.score == 62
    assert explanation(plan.mobility, "Relationships in other departments") == (
        "3 active relationships outside Sales (Ann, Cat and Hal): 18 of 30")
    assert explanation(plan.mobility, "Skills for the lateral target") == (
        "Marketing Analyst: 38 % of the required skill levels (short of Copywriting 1/2, "
        "Campaign Analytics 0/1, Branding 0/4): 9 of 25")
    assert explanation(plan.mobility, "Open postings") == (
        "2 open postings not suspected promised ('o1', 'o3'); 1 more may be promised to someone: 10 of 10")
    assert explanation(plan.mobility, "Mentor and sponsor") == (
        "Mentor: Hal; no sponsor yet (someone senior who brings your name up): 5 of 10")


def test_the_users_department_comes_from_the_manager_then_the_promotion_target() -> None:
    target = r.Target(title="Lead", path=TargetPath.PROMOTION, department="Finance Analytics")
    assert user_department([], [target]) == "Finance Analytics"
    managers = [r.Person(name="A", department="Sales", roles=[PersonRole.MANAGER]),
                r.Person(name="B", department="Ops", roles=[PersonRole.MANAGER]),
                r.Person(name="C", department="Ops", roles=[PersonRole.MANAGER])]
    assert user_department(managers, [target]) == "Ops"
    dropped = r.Target(title="Lead", path=TargetPath.PROMOTION, department="X", status=TargetStatus.DROPPED)
    assert user_department([], [dropped]) is None


def test_a_larger_department_counts_as_the_users_own() -> None:
    assert same_department("Finance", "Finance Analytics")
    assert same_department("finance analytics", "Finance Analytics")
    assert not same_department("Finance Planning", "Finance Analytics")
    assert not same_department("Fin", "Finance")
    assert not same_department(None, "Finance")


def test_caps_hold_however_much_is_logged() -> None:
    data = PlannerData(achievements=[win(f"w{i}", date(2026, 10, i + 1), AchievementKind.QUANTIFIED,
                                         measured=True) for i in range(10)]
                       + [win(f"i{i}", date(2026, 9, i + 1), AchievementKind.INVISIBLE) for i in range(5)])
    promotion = points(build_plan(data, TODAY).promotion)
    assert promotion["Quantified wins"] == 30 and promotion["Invisible work documented"] == 10
