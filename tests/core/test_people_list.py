"""The People list's core: last contact, overdue against cadence, filters, a person's page,
and deleting a person with their interactions (and undoing it)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.enums import InteractionKind, PersonRole, Stance
from careerdesk.domain.errors import NotFound
from careerdesk.planner.departments import other_departments, own_department
from careerdesk.store import people_edit, people_list
from careerdesk.store.database import Journal
from careerdesk.store.people_edit import LoneInteractions
from careerdesk.store.people_list import Contact, PeopleFilter, PeopleGroup, PeopleSort

TODAY = date(2026, 11, 22)


def _person(name: str, **fields: object) -> r.Person:
    return r.Person(name=name, **fields)  # type: ignore[arg-type]


def _meet(day: date, *people: r.Person, **fields: object) -> r.Interaction:
    return r.Interaction(date=day, people=[p.uid for p in people], **fields)  # type: ignore[arg-type]


@pytest.fixture
def circle(journal: Journal) -> dict[str, r.Person]:
    """Five people: seen recently, lapsed, never seen, no cadence, planned for the future."""
    people = {
        "ana": _person("Ana", roles=[PersonRole.MANAGER], department="Finance Analytics",
                       cadence_days=14, stance=Stance.CHAMPION, influence=5),
        "ben": _person("Ben", roles=[PersonRole.MENTOR], department="Data Science",
                       cadence_days=30, influence=2),
        "cy": _person("Cy", roles=[PersonRole.EXECUTIVE], department="Finance",
                      cadence_days=60),
        "dee": _person("Dee", roles=[PersonRole.PEER], department="Product"),
        "eve": _person("Eve", roles=[PersonRole.SPONSOR], department="Product Analytics",
                       cadence_days=10),
    }
    for person in people.values():
        services.save_record(journal, person)
    for interaction in (
            _meet(TODAY - timedelta(days=3), people["ana"]),
            _meet(TODAY - timedelta(days=20), people["ana"], people["ben"]),
            _meet(TODAY - timedelta(days=42), people["ben"],
                  follow_up=TODAY - timedelta(days=5), follow_up_action="Send notes"),
            _meet(TODAY - timedelta(days=400), people["dee"]),
            # Planned: a future meeting is not yet a contact.
            _meet(TODAY + timedelta(days=2), people["eve"]),
            _meet(TODAY - timedelta(days=15), people["eve"]),
    ):
        services.save_record(journal, interaction)
    return people


def _names(journal: Journal, f: PeopleFilter, sort: PeopleSort = PeopleSort.NAME,
           descending: bool = False) -> list[str]:
    with journal.sessions() as session:
        ids = people_list.matching_ids(session, f, TODAY, sort, descending)
        lines = people_list.lines(session, ids, TODAY)
    return [lines[i].name for i in ids]


def _line(journal: Journal, person: r.Person) -> people_list.PersonLine:
    with journal.sessions() as session:
        pid = people_list.person_id(session, person.uid)
        assert pid is not None
        return people_list.lines(session, [pid], TODAY)[pid]


def test_contact_overdue_rules() -> None:
    assert Contact(TODAY - timedelta(days=10), 10, TODAY).overdue is False  # on the day
    late = Contact(TODAY - timedelta(days=22), 10, TODAY)
    assert late.overdue and late.days_overdue == 12 and late.days_since == 22
    never = Contact(None, 10, TODAY)
    assert never.overdue and never.days_overdue is None
    assert Contact(None, None, TODAY).overdue is False  # no cadence: never overdue
    assert Contact(TODAY - timedelta(days=999), None, TODAY).overdue is False


def test_last_contact_is_the_latest_past_interaction_naming_the_person(
        journal: Journal, circle: dict[str, r.Person]) -> None:
    assert _line(journal, circle["ana"]).contact.last == TODAY - timedelta(days=3)
    assert _line(journal, circle["ben"]).contact.last == TODAY - timedelta(days=20)
    assert _line(journal, circle["cy"]).contact.last is None
    # The planned meeting in two days does not count.
    assert _line(journal, circle["eve"]).contact.last == TODAY - timedelta(days=15)
    with journal.sessions() as session:
        ids = people_list.matching_ids(session, PeopleFilter(), TODAY)
        assert len(people_list.last_contacts(session, ids, TODAY)) == 4  # Cy: never


def test_overdue_against_cadence_including_never_contacted_and_no_cadence(
        journal: Journal, circle: dict[str, r.Person]) -> None:
    eve = _line(journal, circle["eve"])
    assert eve.contact.overdue and eve.contact.days_overdue == 5
    cy = _line(journal, circle["cy"])
    assert cy.contact.overdue and cy.contact.days_overdue is None  # never contacted
    assert not _line(journal, circle["ana"]).contact.overdue
    assert not _line(journal, circle["dee"]).contact.overdue  # 400 days, but no cadence
    assert _names(journal, PeopleFilter(contact_overdue=True)) == ["Cy", "Eve"]
    # Sorted by how overdue: never contacted first when descending, then the days.
    assert _names(journal, PeopleFilter(), PeopleSort.OVERDUE, True)[:2] == ["Cy", "Eve"]
    assert _names(journal, PeopleFilter(), PeopleSort.LAST_CONTACT, True) == [
        "Ana", "Eve", "Ben", "Dee", "Cy"]


def test_overdue_follow_ups_and_the_attention_counts(
        journal: Journal, circle: dict[str, r.Person]) -> None:
    assert _line(journal, circle["ben"]).overdue_follow_ups == 1
    assert _names(journal, PeopleFilter(follow_up_overdue=True)) == ["Ben"]
    assert _names(journal, PeopleFilter(contact_overdue=True, follow_up_overdue=True)) == [
        "Ben", "Cy", "Eve"]
    with journal.sessions() as session:
        assert people_list.attention(session, TODAY) == people_list.Attention(1, 2)
        log = people_list.interactions_of(session, circle["ben"].uid)
    late = services.load_record(journal, r.Interaction, log[-1].uid)
    services.save_record(journal, dataclasses.replace(late, done=True))
    with journal.sessions() as session:
        assert people_list.attention(session, TODAY).overdue_follow_ups == 0


def test_group_filters(journal: Journal, circle: dict[str, r.Person]) -> None:
    assert _names(journal, PeopleFilter(group=PeopleGroup.DECISION_MAKERS)) == ["Ana", "Cy"]
    assert _names(journal, PeopleFilter(group=PeopleGroup.SPONSORS_AND_MENTORS)) == [
        "Ben", "Eve"]
    assert _names(journal, PeopleFilter(text="product")) == ["Dee", "Eve"]


def test_other_departments_use_the_planners_own_department(
        journal: Journal, circle: dict[str, r.Person]) -> None:
    with journal.sessions() as session:
        own = own_department(session)
        others = other_departments(session, own)
    assert own == "Finance Analytics"  # the manager's department
    # Finance is the larger department the user's belongs to: not "other".
    assert others == {"Data Science", "Product", "Product Analytics"}
    assert _names(journal, PeopleFilter(departments=others)) == ["Ben", "Dee", "Eve"]


def test_no_department_known_means_no_other_departments(journal: Journal) -> None:
    services.save_record(journal, _person("Lone", department="Sales"))
    with journal.sessions() as session:
        assert own_department(session) is None
        assert other_departments(session, None) == frozenset()


def test_sorting_puts_unrated_people_last_either_way(
        journal: Journal, circle: dict[str, r.Person]) -> None:
    assert _names(journal, PeopleFilter(), PeopleSort.INFLUENCE, True)[:2] == ["Ana", "Ben"]
    assert _names(journal, PeopleFilter(), PeopleSort.INFLUENCE, False)[:2] == ["Ben", "Ana"]


def test_a_persons_log_follow_ups_and_achievements_seen(
        journal: Journal, circle: dict[str, r.Person]) -> None:
    ben = circle["ben"]
    win = r.Achievement(date=date(2026, 10, 1), title="Closed the books early",
                        people=[ben.uid])
    services.save_record(journal, win)
    with journal.sessions() as session:
        log = people_list.interactions_of(session, ben.uid)
        seen = people_list.achievements_seen_by(session, ben.uid)
        owner = people_list.person_of_interaction(session, log[0].uid)
    assert [x.date for x in log] == [TODAY - timedelta(days=20), TODAY - timedelta(days=42)]
    assert log[0].others == ("Ana",)
    follow = people_list.open_follow_ups(log)
    assert [x.follow_up_action for x in follow] == ["Send notes"]
    assert follow[0].follow_up_overdue(TODAY)
    assert [s.title for s in seen] == ["Closed the books early"]
    assert owner == circle["ana"].uid  # the first by name when no one is preferred


def test_person_links_count_lone_and_shared_interactions(
        journal: Journal, circle: dict[str, r.Person]) -> None:
    with journal.sessions() as session:
        assert people_edit.person_links(session, circle["ben"].uid) == \
            people_edit.PersonLinks(alone=1, shared=1)
        assert people_edit.person_links(session, circle["cy"].uid) == \
            people_edit.PersonLinks(0, 0)


@pytest.mark.parametrize("choice", list(LoneInteractions))
def test_deleting_a_person_and_undoing_it(journal: Journal, circle: dict[str, r.Person],
                                          choice: LoneInteractions) -> None:
    ben = circle["ben"]
    win = r.Achievement(date=date(2026, 10, 1), title="Closed the books early",
                        people=[ben.uid, circle["ana"].uid])
    services.save_record(journal, win)
    before = {i.uid: i for i in services.load_all(journal, r.Interaction)}
    with journal.transaction() as session:
        deletion = people_edit.delete_person(session, ben.uid, choice)
    with pytest.raises(NotFound):
        services.load_record(journal, r.Person, ben.uid)
    after = {i.uid: i for i in services.load_all(journal, r.Interaction)}
    lone = [u for u, i in before.items() if i.people == [ben.uid]]
    shared = [u for u, i in before.items() if ben.uid in i.people and len(i.people) > 1]
    assert len(lone) == 1 and len(shared) == 1
    assert lone[0] not in after  # an interaction cannot stay without a person
    assert after[shared[0]].people == [circle["ana"].uid]  # shared stays, without Ben
    entries = services.load_all(journal, r.JournalEntry)
    if choice is LoneInteractions.KEEP_AS_JOURNAL:
        assert [(e.date, e.title) for e in entries] == [
            (TODAY - timedelta(days=42), "Interaction with Ben")]
        assert "Send notes" in entries[0].body and "open" in entries[0].body
    else:
        assert entries == []
    assert services.load_record(journal, r.Achievement, win.uid).people == [circle["ana"].uid]

    with journal.transaction() as session:
        people_edit.restore_person(session, deletion)
    assert services.load_record(journal, r.Person, ben.uid).name == "Ben"
    restored = {i.uid: i for i in services.load_all(journal, r.Interaction)}
    assert restored == before  # every interaction back, with Ben in it, times and all
    assert services.load_all(journal, r.JournalEntry) == []
    assert set(services.load_record(journal, r.Achievement, win.uid).people) == {
        ben.uid, circle["ana"].uid}


def test_journal_entry_for_an_interaction_keeps_every_word() -> None:
    meeting = r.Interaction(date=TODAY, people=["x"], kind=InteractionKind.COFFEE,
                            summary="Talked rotations", follow_up=TODAY,
                            follow_up_action="Intro to Sam", done=True, tags=["mobility"])
    entry = people_edit.journal_entry_for(meeting, "Ana")
    assert entry.title == "Coffee with Ana"
    assert entry.body == f"Talked rotations\n\nFollow-up ({TODAY.isoformat()}, done): Intro to Sam"
    assert entry.tags == ["mobility"] and entry.date == TODAY
