"""The day's snapshot read with plain SQL holds the very records the ORM loads."""

from __future__ import annotations

from datetime import date

import pytest

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.planner import build_plan, plain_data
from careerdesk.planner.data import load_planner_data
from careerdesk.store.database import Journal
from careerdesk.store.repository import load_all, load_skills

SMALL_KINDS = {
    "cycle_events": r.CycleEvent,
    "openings": r.Opening,
    "targets": r.Target,
    "plans": r.NegotiationPlan,
    "compensation": r.Compensation,
}


def _driver(session: object) -> object:
    return session.connection().connection.dbapi_connection  # type: ignore[attr-defined]


def test_every_small_kind_is_the_orms_record_field_for_field(demo_journal: Journal) -> None:
    with demo_journal.sessions() as session:
        read = plain_data.read_planner_data(_driver(session), date(2026, 11, 22))
        for name, kind in SMALL_KINDS.items():
            expected = load_all(session, kind)
            assert expected, name  # the sample journal has some of each, or this proves little
            assert getattr(read, name) == expected, name
        assert read.skills == load_skills(session)
        assert read.people == load_all(session, r.Person)
    assert any(plan.evidence and plan.participants for plan in read.plans)
    assert any(o.hiring_manager for o in read.openings)
    assert any(t.required_skills for t in read.targets)


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2026, 1, 5), date(2027, 6, 30)])
def test_the_plain_snapshot_plans_as_the_whole_journal_does(demo_journal: Journal,
                                                            today: date) -> None:
    with demo_journal.sessions() as session:
        read = plain_data.read_planner_data(_driver(session), today)
        whole = load_planner_data(session)
    assert build_plan(read, today) == build_plan(whole, today)
    assert read.lead_times == whole.lead_times and read.overrides == whole.overrides


def test_the_planner_settings_are_read_as_saved(demo_journal: Journal) -> None:
    services.shift_window(demo_journal, services.plan(demo_journal, date(2026, 11, 22))
                          .windows[0].id, 3)
    with demo_journal.sessions() as session:
        read = plain_data.read_planner_data(_driver(session), date(2026, 11, 22))
        whole = load_planner_data(session)
    assert read.overrides and read.overrides == whole.overrides


def test_an_empty_journal_is_told_apart(journal: Journal) -> None:
    with journal.sessions() as session:
        assert plain_data.journal_is_empty(_driver(session))
    services.load_demo(journal)
    with journal.sessions() as session:
        assert not plain_data.journal_is_empty(_driver(session))
        assert services.is_empty(journal) is False
