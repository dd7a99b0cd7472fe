"""Pay and level history with negotiation outcomes, and the stakeholder map, on Agg."""

from __future__ import annotations

from datetime import date
from itertools import combinations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from careerdesk import services
from careerdesk.domain.enums import PlanStatus, Stance, Strategy
from careerdesk.domain.records import NegotiationPlan, Outcome, Person
from careerdesk.reports.charts import draw_pay_history, draw_stakeholder_map, spread
from careerdesk.reports.charts_data import (
    Stakeholder,
    StakeholderMap,
    load_pay_history,
    load_stakeholders,
)
from careerdesk.store.database import Journal
from tests.reports.conftest import DEMO_TODAY


def figure(width: float = 10, height: float = 5.5) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def test_pay_history_names_each_title_and_level_change(demo_journal: Journal) -> None:
    with demo_journal.sessions() as session:
        history = load_pay_history(session)
    assert [p.base for p in history.points] == [72000, 76500, 90000, 95000, 98000]
    drawing = draw_pay_history(figure(), history, today=DEMO_TODAY)
    shown = [t.get_text() for t in drawing.axes.texts]
    assert shown.count("Data Analyst, L3") == 1  # named once, where it starts
    assert "Senior Data Analyst, L4" in shown
    assert len([i for i in drawing.items if i.kind == "compensation"]) == 5
    assert len(drawing.axes.lines) >= 2  # base, and base plus bonus


def test_negotiation_outcomes_are_marked(demo_journal: Journal) -> None:
    outcomes = {"Won it": (PlanStatus.WON, date(2024, 2, 20)),
                "Half of it": (PlanStatus.PARTIAL, date(2025, 2, 10)),
                "Not yet": (PlanStatus.DEFERRED, date(2025, 9, 1)),
                "No": (PlanStatus.DECLINED, date(2026, 2, 1))}
    for title, (status, day) in outcomes.items():
        services.save_record(demo_journal, NegotiationPlan(
            title=title, strategy=Strategy.PROMOTION, status=status,
            outcome=Outcome(date=day, granted_title="Lead" if status is PlanStatus.WON else None)))
    services.save_record(demo_journal, NegotiationPlan(title="Undated", strategy=Strategy.PROMOTION,
                                                       status=PlanStatus.WON))
    with demo_journal.sessions() as session:
        history = load_pay_history(session)
    assert [(o.title, o.status, o.date) for o in history.outcomes] == [
        (t, s, d) for t, (s, d) in outcomes.items()]
    assert history.outcomes[0].granted == "Lead"
    fig = figure()
    drawing = draw_pay_history(fig, history, today=DEMO_TODAY)
    marked = [i for i in drawing.items if i.kind == "plan"]
    assert [i.title.split(":")[0] for i in marked] == list(outcomes)
    assert "won" in marked[0].title and "declined" in marked[-1].title
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert {"Negotiation won", "Negotiation partial", "Negotiation deferred",
            "Negotiation declined"} <= set(legend)


def test_pay_history_without_records_says_what_to_do(journal: Journal) -> None:
    with journal.sessions() as session:
        history = load_pay_history(session)
    drawing = draw_pay_history(figure(), history)
    assert "No pay records yet" in drawing.axes.texts[0].get_text()


def test_the_stakeholder_map_of_the_journal(demo_journal: Journal) -> None:
    with demo_journal.sessions() as session:
        people = load_stakeholders(session)
    assert people.people and people.plan_title is None
    fig = figure(10, 6.5)
    drawing = draw_stakeholder_map(fig, people)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    names = [t for t in drawing.axes.texts if t.get_text() in {p.name for p in people.people}]
    assert len(names) >= len(people.people) * 0.8
    boxes = [t.get_window_extent(renderer) for t in names]
    assert not [(a, b) for a, b in combinations(boxes, 2)
                if a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1 and b.y0 < a.y1 - 1]
    # Champions on the left, blockers on the right; influence upwards.
    position = {i.uid: (i.x0, i.y0) for i in drawing.items}
    by_stance = {p.stance: position[p.uid] for p in people.people}
    assert by_stance[Stance.CHAMPION][0] < by_stance[Stance.SUPPORTER][0] < \
        by_stance[Stance.SKEPTIC][0] < by_stance[Stance.BLOCKER][0]
    for person in people.people:
        assert abs(position[person.uid][1] - (person.influence or 0)) < 0.5


def test_the_stakeholder_map_of_a_plan(demo_journal: Journal) -> None:
    plan = next(p for p in services.load_all(demo_journal, NegotiationPlan) if p.participants)
    with demo_journal.sessions() as session:
        people = load_stakeholders(session, plan.uid)
    assert people.plan_title == plan.title
    assert {p.uid for p in people.people} == set(plan.participants)
    fig = figure(10, 6.5)
    draw_stakeholder_map(fig, people)
    assert plan.title in fig.texts[0].get_text()


def test_people_in_one_cell_are_spread_the_same_way_every_time() -> None:
    crowd = StakeholderMap([Stakeholder(f"u{n}", f"Person {n}", None, Stance.NEUTRAL, 4, 3)
                            for n in range(9)])
    first = draw_stakeholder_map(figure(), crowd)
    again = draw_stakeholder_map(figure(), crowd)
    assert [(i.x0, i.y0) for i in first.items] == [(i.x0, i.y0) for i in again.items]
    assert len({(round(i.x0, 3), round(i.y0, 3)) for i in first.items}) == 9
    offsets = spread(9, 0.4)
    assert all((dx * dx + dy * dy) ** 0.5 <= 0.4 for dx, dy in offsets)


def test_only_people_with_weight_are_mapped(journal: Journal) -> None:
    services.save_record(journal, Person(name="Judged", stance=Stance.SKEPTIC))
    services.save_record(journal, Person(name="Weighed", influence=2))
    services.save_record(journal, Person(name="Unknown quantity"))
    with journal.sessions() as session:
        people = load_stakeholders(session)
    assert sorted(p.name for p in people.people) == ["Judged", "Weighed"]
