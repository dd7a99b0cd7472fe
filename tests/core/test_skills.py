"""The skills portfolio (evidence counted and dated), rename and merge, and undoing them."""

from __future__ import annotations

from datetime import date

import pytest

from careerdesk import search, services
from careerdesk.domain.enums import ExperienceKind, TargetPath
from careerdesk.domain.errors import InvalidRecord, NotFound
from careerdesk.domain.records import (
    Achievement,
    Experience,
    RequiredSkill,
    Skill,
    Target,
)
from careerdesk.store import skills
from careerdesk.store.database import Journal
from careerdesk.store.skills import EvidenceKind, SkillClash

TODAY = date(2026, 11, 22)


@pytest.fixture
def small(journal: Journal) -> Journal:
    """Two skills with evidence, one without; a target requiring two of them."""
    services.save_skill(journal, Skill(name="SQL", category="Analytics", level=3))
    services.save_skill(journal, Skill(name="Structured Query Language", level=5,
                                       category=None))
    services.save_skill(journal, Skill(name="Negotiation", category="Communication", level=2))
    services.save_record(journal, Achievement(uid="a1", date=date(2026, 1, 5), title="Report",
                                              skills=["SQL"]))
    services.save_record(journal, Achievement(uid="a2", date=date(2026, 6, 1), title="Model",
                                              skills=["SQL", "Structured Query Language"]))
    services.save_record(journal, Achievement(uid="a3", date=date(2026, 7, 1), title="Query",
                                              skills=["structured query language"]))
    services.save_record(journal, Experience(uid="e1", kind=ExperienceKind.ROTATION,
                                             title="Rotation", start=date(2026, 3, 1),
                                             skills=["SQL"]))
    services.save_record(journal, Target(uid="t1", title="Lead", path=TargetPath.PROMOTION,
                                         required_skills=[RequiredSkill(name="SQL", level=4),
                                                          RequiredSkill(
                                                              name="Structured Query Language",
                                                              level=5)]))
    return journal


def _portfolio(journal: Journal) -> dict[str, skills.PortfolioLine]:
    with journal.sessions() as session:
        return {line.name: line for line in skills.portfolio(session, TODAY)}


def _skills_of(journal: Journal, kind: type[Achievement] | type[Experience], uid: str
               ) -> list[str]:
    return services.load_record(journal, kind, uid).skills


def test_the_portfolio_counts_and_dates_evidence_and_marks_a_skill_without(
        small: Journal) -> None:
    lines = _portfolio(small)
    assert list(lines) == ["Negotiation", "SQL", "Structured Query Language"]
    sql = lines["SQL"]
    assert (sql.achievements, sql.experiences, sql.evidence) == (2, 1, 3)
    assert sql.last_shown == TODAY  # the rotation is ongoing: shown until today
    assert (sql.category, sql.level) == ("Analytics", 3)
    other = lines["Structured Query Language"]
    assert (other.evidence, other.last_shown) == (2, date(2026, 7, 1))
    assert not lines["Negotiation"].has_evidence and lines["Negotiation"].last_shown is None


def test_evidence_lists_achievements_and_experiences_latest_first(small: Journal) -> None:
    with small.sessions() as session:
        found = skills.evidence(session, "sql")
    assert [(x.kind, x.uid) for x in found] == [
        (EvidenceKind.EXPERIENCE, "e1"), (EvidenceKind.ACHIEVEMENT, "a2"),
        (EvidenceKind.ACHIEVEMENT, "a1")]
    assert found[0].ongoing and found[0].date == date(2026, 3, 1)
    with small.sessions() as session, pytest.raises(NotFound):
        skills.evidence(session, "Cobol")


def test_rename_keeps_every_link_and_updates_search(small: Journal) -> None:
    assert services.rename_skill(small, "sql", "  SQL (advanced) ") == "SQL (advanced)"
    assert _skills_of(small, Achievement, "a1") == ["SQL (advanced)"]
    assert _skills_of(small, Experience, "e1") == ["SQL (advanced)"]
    target = services.load_record(small, Target, "t1")
    assert (target.required_skills[0].name, target.required_skills[0].level) == ("SQL (advanced)", 4)
    assert _portfolio(small)["SQL (advanced)"].evidence == 3
    with search.connect_read_only(str(small.path)) as connection:
        assert [h.title for h in search.search(connection, "advanced", kinds=("skill",))] \
            == ["SQL (advanced)"]
        assert search.search(connection, "sql", kinds=("skill",), prefix_last=False)[0].title \
            == "SQL (advanced)"


def test_rename_refuses_a_name_another_skill_has_and_allows_a_change_of_case(
        small: Journal) -> None:
    with pytest.raises(SkillClash, match="merge"):
        services.rename_skill(small, "SQL", "negotiation")
    with pytest.raises(InvalidRecord):
        services.rename_skill(small, "SQL", "  ")
    with pytest.raises(NotFound):
        services.rename_skill(small, "Cobol", "COBOL")
    assert _portfolio(small)["SQL"].evidence == 3  # nothing changed
    services.rename_skill(small, "Negotiation", "negotiation")
    assert "negotiation" in _portfolio(small)


def test_merge_moves_every_link_keeps_the_higher_level_and_names_each_record_once(
        small: Journal) -> None:
    uid_before = _portfolio(small)["SQL"].uid
    assert services.merge_skills(small, "Structured Query Language", "SQL") == "SQL"
    lines = _portfolio(small)
    assert "Structured Query Language" not in lines
    merged = lines["SQL"]
    assert (merged.uid, merged.level, merged.category) == (uid_before, 5, "Analytics")
    assert (merged.achievements, merged.experiences) == (3, 1)
    assert _skills_of(small, Achievement, "a2") == ["SQL"]  # named both: now once
    assert _skills_of(small, Achievement, "a3") == ["SQL"]
    target = services.load_record(small, Target, "t1")
    assert [(x.name, x.level) for x in target.required_skills] == [("SQL", 5)]
    with search.connect_read_only(str(small.path)) as connection:
        assert search.search(connection, "structured", kinds=("skill",)) == []
    with pytest.raises(InvalidRecord):
        services.merge_skills(small, "SQL", "sql")


def test_a_merge_and_a_rename_are_taken_back_exactly_from_the_states_before(
        small: Journal) -> None:
    names = ["Structured Query Language", "SQL"]
    before = services.skill_states(small, names)
    portfolio_before = _portfolio(small)
    target_before = services.load_record(small, Target, "t1")
    services.merge_skills(small, *names)
    services.restore_skills(small, before)
    assert _portfolio(small) == portfolio_before
    assert services.skill_states(small, names) == before
    assert services.load_record(small, Target, "t1").required_skills \
        == target_before.required_skills
    assert sorted(_skills_of(small, Achievement, "a2")) == ["SQL", "Structured Query Language"]

    states = services.skill_states(small, ["SQL"])
    services.rename_skill(small, "SQL", "Querying")
    services.restore_skills(small, states)
    assert _portfolio(small) == portfolio_before
    with search.connect_read_only(str(small.path)) as connection:
        assert search.search(connection, "querying", kinds=("skill",)) == []


def test_the_demo_portfolio_in_one_query(demo_journal: Journal) -> None:
    lines = _portfolio(demo_journal)
    assert len(lines) == len(services.load_skills(demo_journal))
    achievements = services.load_all(demo_journal, Achievement)
    experiences = services.load_all(demo_journal, Experience)
    for name, line in lines.items():
        assert line.achievements == sum(name in a.skills for a in achievements)
        assert line.experiences == sum(name in e.skills for e in experiences)


def test_a_level_outside_one_to_five_is_refused(journal: Journal) -> None:
    with pytest.raises(InvalidRecord):
        services.save_skill(journal, Skill(name="SQL", level=6))
