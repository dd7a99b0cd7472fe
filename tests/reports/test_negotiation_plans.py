"""The Negotiations page's core: plan order, outcomes, and what a granted change puts in pay."""

from __future__ import annotations

from datetime import date

import pytest

from careerdesk import services
from careerdesk.domain.enums import Strategy
from careerdesk.domain.records import Ask, NegotiationPlan, Outcome, Position
from careerdesk.store import plan_edit


def plan(**fields: object) -> NegotiationPlan:
    return NegotiationPlan(title="Lead ask", strategy=Strategy.PROMOTION,
                           current=Position(title="Senior", level="L4", base=98000, currency="USD"),
                           ask=Ask(title="Lead", level="L5", base=118000, currency="USD"),
                           **fields)  # type: ignore[arg-type]


def test_granted_title_and_base_become_a_pay_record() -> None:
    granted = plan(meeting_date=date(2026, 12, 3),
                   outcome=Outcome(date=date(2026, 12, 10), result="Title now, the rest in July",
                                   granted_title="Lead", granted_base=112000))
    record = plan_edit.compensation_from_outcome(granted, date(2027, 1, 1))
    assert (record.date, record.title, record.level, record.base, record.currency) == (
        date(2026, 12, 10), "Lead", "L5", 112000, "USD")
    assert record.note == "Granted in “Lead ask”: Title now, the rest in July"


def test_a_raise_without_a_new_title_keeps_the_current_one() -> None:
    raise_only = plan(meeting_date=date(2026, 12, 3), outcome=Outcome(granted_base=104000))
    record = plan_edit.compensation_from_outcome(raise_only, date(2027, 1, 1))
    assert (record.date, record.title, record.level, record.base) == (
        date(2026, 12, 3), "Senior", "L4", 104000)


def test_nothing_granted_is_refused() -> None:
    with pytest.raises(plan_edit.NothingGranted):
        plan_edit.compensation_from_outcome(plan(outcome=Outcome(result="deferred")),
                                            date(2027, 1, 1))
    with pytest.raises(plan_edit.NothingGranted):
        plan_edit.compensation_from_outcome(plan(), date(2027, 1, 1))


def test_an_all_blank_outcome_is_no_outcome() -> None:
    some = plan_edit.with_outcome(plan(), granted_base=1.0)
    assert some.outcome == Outcome(granted_base=1.0)
    assert plan_edit.with_outcome(some, granted_base=None).outcome is None


def test_plans_listed_next_meeting_first(journal: services.Journal) -> None:
    for title, day in (("past", date(2026, 1, 5)), ("later", date(2027, 3, 1)),
                       ("undated", None), ("next", date(2026, 12, 1)),
                       ("long past", date(2025, 1, 1))):
        services.save_record(journal, plan_edit.new_plan(title, day))
    with journal.sessions() as session:
        lines = plan_edit.plan_lines(session, today=date(2026, 11, 22))
    assert [x.title for x in lines] == ["next", "later", "past", "long past", "undated"]
