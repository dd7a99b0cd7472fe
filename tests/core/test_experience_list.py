"""The experiences list and the achievements made in, or dated during, an experience."""

from __future__ import annotations

from datetime import date

from careerdesk import services
from careerdesk.domain.enums import ExperienceKind
from careerdesk.domain.records import Achievement, Experience, Person
from careerdesk.store import experience_list
from careerdesk.store.database import Journal


def _setup(journal: Journal) -> None:
    services.save_record(journal, Person(uid="p1", name="Daniel Okafor", department="Finance"))
    services.save_record(journal, Experience(uid="done", kind=ExperienceKind.ROTATION,
                                             title="Ops rotation", department="Operations",
                                             start=date(2026, 1, 1), end=date(2026, 3, 31),
                                             sponsor="p1"))
    services.save_record(journal, Experience(uid="now", kind=ExperienceKind.MENTORING,
                                             title="Mentoring Jamal", start=date(2026, 6, 1)))
    for uid, day, experience in (("in", date(2026, 2, 1), "done"),
                                 ("during", date(2026, 3, 1), None),
                                 ("other", date(2026, 3, 2), "now"),
                                 ("before", date(2025, 12, 31), None),
                                 ("ongoing", date(2026, 11, 1), None)):
        services.save_record(journal, Achievement(uid=uid, date=day, title=uid,
                                                  experience=experience))


def test_lines_put_ongoing_first_and_say_who_sponsored(journal: Journal) -> None:
    _setup(journal)
    with journal.sessions() as session:
        lines = experience_list.experience_lines(session)
        by_sponsor = experience_list.experience_lines(session, "okafor")
        by_kind = experience_list.experience_lines(session, kind=ExperienceKind.MENTORING)
        by_words = experience_list.experience_lines(session, "operations")
    assert [x.uid for x in lines] == ["now", "done"]
    assert lines[0].ongoing and not lines[1].ongoing
    assert (lines[1].sponsor, lines[1].achievements) == ("Daniel Okafor", 1)
    assert [x.uid for x in by_sponsor] == ["done"]
    assert [x.uid for x in by_kind] == ["now"]
    assert [x.uid for x in by_words] == ["done"]


def test_made_in_and_dated_during_are_told_apart(journal: Journal) -> None:
    _setup(journal)
    with journal.sessions() as session:
        made, during = experience_list.achievements_of(session, "done", date(2026, 11, 22))
        made_now, during_now = experience_list.achievements_of(session, "now",
                                                               date(2026, 11, 22))
        assert experience_list.achievements_of(session, "gone", date(2026, 11, 22)) == ([], [])
        assert experience_list.departments(session) == ["Finance", "Operations"]
    assert [x.uid for x in made] == ["in"]
    assert [x.uid for x in during] == ["during", "other"]
    assert [x.uid for x in made_now] == ["other"]
    assert [x.uid for x in during_now] == ["ongoing"]  # ongoing: up to today
