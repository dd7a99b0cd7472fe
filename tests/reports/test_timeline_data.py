"""The timeline's data: read per period in SQL, filtered by lane, tag and person."""

from __future__ import annotations

from datetime import date

from careerdesk import services
from careerdesk.domain.enums import AchievementKind, CycleEventKind, InteractionKind, Recurrence
from careerdesk.domain.records import Achievement, CycleEvent, Interaction, Person
from careerdesk.planner.rules import WindowKind
from careerdesk.reports.periods import Period
from careerdesk.reports.timeline_data import (
    MAX_PEOPLE,
    Lane,
    TimelineFilter,
    load_timeline_data,
    people_choices,
    tag_choices,
)
from careerdesk.store.database import Journal
from tests.reports.conftest import DEMO_TODAY

YEAR = Period(date(2025, 11, 22), DEMO_TODAY)


def load(journal: Journal, period: Period = YEAR, **kwargs: object):  # type: ignore[no-untyped-def]
    with journal.sessions() as session:
        return load_timeline_data(session, period, today=DEMO_TODAY,
                                  filter=TimelineFilter(**kwargs))  # type: ignore[arg-type]


def test_every_lane_holds_the_period_only(demo_journal: Journal) -> None:
    data = load(demo_journal)
    assert data.achievements and all(YEAR.contains(a.date) for a in data.achievements)
    everything = services.load_all(demo_journal, Achievement)
    assert len(data.achievements) == sum(YEAR.contains(a.date) for a in everything)
    assert data.interactions and all(YEAR.contains(i.date) for i in data.interactions)
    assert all(e.start <= YEAR.end and (e.end is None or e.end >= YEAR.start)
               for e in data.experiences)
    assert all(b.end >= YEAR.start and b.start <= YEAR.end for b in data.events)
    assert all(w.end >= YEAR.start and w.start <= YEAR.end for w in data.windows)
    # Pay: the record in force on the first day, then the changes inside the period.
    assert [p.date for p in data.pay] == [date(2025, 3, 1), date(2026, 3, 1)]


def test_windows_are_the_planners_and_reach_back_in_time(demo_journal: Journal) -> None:
    data = load(demo_journal)
    budget = [w for w in data.windows if w.event_name == "FY27 budget lock"]
    # Budget lock 15 Oct 2026: ask from six weeks before until the day; over by today.
    assert [(w.kind, w.start, w.end) for w in budget] == [
        (WindowKind.ASK, date(2026, 9, 3), date(2026, 10, 15))]
    with demo_journal.sessions() as session:
        from careerdesk.planner.data import load_planner_data
        from careerdesk.planner.plan import build_plan

        plan = build_plan(load_planner_data(session), DEMO_TODAY)
    ahead = {w.id for w in plan.windows if w.start <= YEAR.end}
    assert ahead <= {w.id for w in data.windows}


def test_a_long_period_gets_every_recurring_window(journal: Journal) -> None:
    services.save_record(journal, CycleEvent(kind=CycleEventKind.PERFORMANCE_REVIEW,
                                             name="Review", date=date(2010, 12, 10),
                                             recurrence=Recurrence.ANNUAL))
    data = load(journal, Period(date(2012, 1, 1), date(2021, 12, 31)))
    pre_review = sorted(w.event_date.year for w in data.windows if w.kind is WindowKind.PRE_REVIEW)
    assert pre_review == list(range(2012, 2022))


def test_hidden_lanes_are_not_read(demo_journal: Journal) -> None:
    data = load(demo_journal, lanes=frozenset({Lane.ACHIEVEMENTS}))
    assert data.achievements
    assert not (data.experiences or data.interactions or data.events or data.windows or data.pay)
    assert data.shows(Lane.ACHIEVEMENTS) and not data.shows(Lane.PAY)


def test_the_tag_filter(demo_journal: Journal) -> None:
    with demo_journal.sessions() as session:
        tags = tag_choices(session)
    assert tags == sorted(tags, key=str.lower)
    in_year = [a for a in services.load_all(demo_journal, Achievement) if YEAR.contains(a.date)]
    tag = next(t for t in tags if 0 < sum(t in a.tags for a in in_year) < len(in_year))
    data = load(demo_journal, tag=tag)
    everything = load(demo_journal)
    assert 0 < len(data.achievements) < len(everything.achievements)
    uids = {a.uid for a in services.load_all(demo_journal, Achievement)
            if tag.lower() in (t.lower() for t in a.tags)}
    assert {a.uid for a in data.achievements} <= uids


def test_people_rows_are_the_most_frequent_or_the_chosen(journal: Journal) -> None:
    people = [Person(name=f"Person {n}") for n in range(MAX_PEOPLE + 3)]
    for person in people:
        services.save_record(journal, person)
    for n, person in enumerate(people):  # person n is met n + 1 times
        for k in range(n + 1):
            services.save_record(journal, Interaction(date=date(2026, 1, 1 + k), people=[person.uid],
                                                      kind=InteractionKind.COFFEE))
    data = load(journal)
    assert [p.name for p in data.people] == [f"Person {n}" for n in
                                            range(MAX_PEOPLE + 2, 2, -1)]
    assert data.other_people == 3
    assert sum(n for _, n in data.conversations_per_day) == sum(range(1, MAX_PEOPLE + 4))
    chosen = load(journal, people=(people[0].uid, people[1].uid))
    assert [p.name for p in chosen.people] == ["Person 0", "Person 1"]
    assert {i.person for i in chosen.interactions} == {people[0].uid, people[1].uid}
    assert len(chosen.interactions) == 3
    with journal.sessions() as session:
        assert [name for _, name in people_choices(session)][:2] == ["Person 0", "Person 1"]


def test_bad_stored_values_do_not_break_loading(journal: Journal) -> None:
    services.save_record(journal, Achievement(date=date(2026, 5, 1), title="Win",
                                              kind=AchievementKind.QUANTIFIED))
    with journal.transaction() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE achievement SET kind = 'nonsense', scope = 'galaxy'"))
    data = load(journal)
    assert [(a.kind, a.scope) for a in data.achievements] == [(AchievementKind.STORY, None)]


def test_a_connection_of_its_own_reads_what_the_session_reads(demo_journal: Journal) -> None:
    """The ``timeline`` command reads on a read-only connection, the window on its session:
    the same data either way, for any period, tag and person."""
    from careerdesk.reports.periods import PeriodPreset, resolve_period
    from careerdesk.search import connect_read_only

    person = next(p for p in services.load_all(demo_journal, Person))
    with demo_journal.sessions() as session:
        tag = tag_choices(session)[0]
        expected = [
            (resolve_period(session, preset, DEMO_TODAY), choice)
            for preset in PeriodPreset if preset is not PeriodPreset.CUSTOM
            for choice in (TimelineFilter(), TimelineFilter(tag=tag),
                           TimelineFilter(people=(person.uid,)))]
        from_session = [load_timeline_data(session, period, today=DEMO_TODAY, filter=choice)
                        for period, choice in expected]
        choices = tag_choices(session), people_choices(session)
    connection = connect_read_only(str(demo_journal.path))
    try:
        assert [(resolve_period(connection, period.preset, DEMO_TODAY), choice)
                for period, choice in expected] == expected
        assert [load_timeline_data(connection, period, today=DEMO_TODAY, filter=choice)
                for period, choice in expected] == from_session
        assert (tag_choices(connection), people_choices(connection)) == choices
    finally:
        connection.close()
    assert any(data.windows for data in from_session)
    assert any(data.interactions and data.filter.people for data in from_session)
