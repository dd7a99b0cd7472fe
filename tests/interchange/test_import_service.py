"""Importing through the services: preview without writing, all or nothing, re-import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.enums import ExperienceKind, PersonRole, Stance
from careerdesk.domain.errors import FileRefused
from careerdesk.store.database import Journal
from careerdesk.store.repository import RecordWriter
from tests.interchange import samples
from tests.interchange.conftest import Sources

KINDS: list[type[Any]] = [r.JournalEntry, r.Person, r.Compensation, r.Experience]


def _sizes(journal: Journal) -> dict[str, int]:
    sizes = {kind.__name__: len(services.load_all(journal, kind)) for kind in KINDS}
    sizes["Skill"] = len(services.load_skills(journal))
    return sizes


def _every_source(sources: Sources) -> list[Path]:
    return [sources.jrnl, sources.dayone_zip, sources.linkedin_zip, sources.vcard3,
            sources.vcard4, sources.vcard21]


def test_preview_reads_and_counts_without_writing(journal: Journal, sources: Sources) -> None:
    preview = services.preview_import(sources.linkedin_zip)
    assert (preview.format, preview.label) == ("linkedin", "LinkedIn data export")
    assert preview.counts == {"experiences": 1, "people": 2, "skills": 3, "compensation": 3}
    assert preview.lines() == ["experiences: 1", "people: 2", "skills: 3", "compensation: 3"]
    assert preview.outcome is None
    assert _sizes(journal) == dict.fromkeys(_sizes(journal), 0)


def test_preview_against_a_journal_tells_what_would_change(journal: Journal,
                                                            sources: Sources) -> None:
    before = services.preview_import(sources.vcard3, journal=journal)
    assert before.outcome is not None and before.outcome.added == {"people": 2}
    assert _sizes(journal)["Person"] == 0  # the dry run was rolled back
    services.apply_import(journal, before)
    after = services.preview_import(sources.vcard3, journal=journal)
    assert after.outcome is not None
    assert (after.outcome.added, after.outcome.unchanged) == ({}, {"people": 2})


def test_every_format_imports_and_a_second_import_changes_nothing(journal: Journal,
                                                                  sources: Sources) -> None:
    for path in _every_source(sources):
        first = services.import_file(journal, path)
        assert first.added and not first.updated, path
    sizes = _sizes(journal)
    assert sizes == {"JournalEntry": 6, "Person": 6, "Compensation": 3, "Experience": 1,
                     "Skill": 3}
    for path in _every_source(sources):
        again = services.import_file(journal, path)
        assert not again.changed_anything, path
    assert _sizes(journal) == sizes


def test_a_later_export_updates_what_the_source_knows(journal: Journal, sources: Sources) -> None:
    services.import_file(journal, sources.linkedin_folder)
    (sources.linkedin_folder / "Connections.csv").write_bytes(
        samples.CONNECTIONS.replace("Head of Product Analytics", "VP Product Analytics")
        .encode("utf-8"))
    counts = services.import_file(journal, sources.linkedin_folder)
    assert counts.updated == {"people": 1}
    titles = {p.name: p.title for p in services.load_all(journal, r.Person)}
    assert titles["Sofía Núñez"] == "VP Product Analytics"


def test_a_re_import_keeps_what_the_user_changed(journal: Journal, sources: Sources) -> None:
    services.import_file(journal, sources.linkedin_zip)
    daniel = next(p for p in services.load_all(journal, r.Person) if p.name == "Daniel Okafor")
    daniel.stance, daniel.influence = Stance.CHAMPION, 4
    daniel.roles = [PersonRole.MANAGER]
    daniel.notes = "My manager. Prefers one-pagers."
    daniel.tags = ["finance"]
    services.save_record(journal, daniel)
    role = services.load_all(journal, r.Experience)[0]
    role.kind = ExperienceKind.LATERAL_MOVE
    services.save_record(journal, role)
    position = next(c for c in services.load_all(journal, r.Compensation)
                    if c.title == "Senior Data Analyst")
    position.base, position.currency = 98000.0, "USD"
    services.save_record(journal, position)
    with journal.transaction() as session:
        RecordWriter(session).save_skill(r.Skill(name="SQL", category="Analytics", level=5))
    services.import_file(journal, sources.linkedin_zip)

    daniel = services.load_record(journal, r.Person, daniel.uid)
    assert (daniel.stance, daniel.influence, daniel.roles) == (Stance.CHAMPION, 4,
                                                               [PersonRole.MANAGER])
    assert daniel.notes == "My manager. Prefers one-pagers."
    assert daniel.tags == ["finance", "linkedin"]
    assert services.load_record(journal, r.Experience, role.uid).kind == ExperienceKind.LATERAL_MOVE
    position = services.load_record(journal, r.Compensation, position.uid)
    assert (position.base, position.currency) == (98000.0, "USD")
    sql = next(s for s in services.load_skills(journal) if s.name == "SQL")
    assert (sql.category, sql.level) == ("Analytics", 5)


def test_the_profile_is_only_filled_where_empty(demo_journal: Journal, sources: Sources) -> None:
    from careerdesk.store.settings import load_profile

    with demo_journal.sessions() as session:
        before = load_profile(session)
    (sources.linkedin_folder / "Profile.csv").write_bytes(
        samples.PROFILE.replace("Priya,Raman", "P.,R.").encode("utf-8"))
    services.import_file(demo_journal, sources.linkedin_folder)
    with demo_journal.sessions() as session:
        assert load_profile(session) == before


def test_a_refused_file_leaves_the_journal_as_it_was(demo_journal: Journal,
                                                     sources: Sources) -> None:
    before = _sizes(demo_journal)
    broken = [
        sources.write("broken-jrnl.json", '{"entries": [{"date": "soon", "title": "x"}]}'),
        sources.write("broken.vcf", samples.VCARD_4.replace("END:VCARD\nBEGIN", "BEGIN", 1)
                      .replace("KIND:group\n", "")),
        sources.write("broken-dayone.json", '{"metadata": {}, "entries": [{"uuid": "A", '
                                            '"creationDate": "2026-01-01T10:00:00Z", "tags": "x"}]}'),
    ]
    (sources.linkedin_folder / "Connections.csv").write_bytes(
        samples.CONNECTIONS.replace("12 Mar 2020", "12/03/2020").encode("utf-8"))
    broken.append(sources.linkedin_folder)
    for path in broken:
        with pytest.raises(FileRefused) as refused:
            services.import_file(demo_journal, path)
        assert str(refused.value).startswith(f"{path}: "), refused.value
    assert _sizes(demo_journal) == before


def test_a_failure_while_writing_rolls_everything_back(journal: Journal, sources: Sources,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from careerdesk.domain.errors import InvalidRecord
    from careerdesk.interchange import careerdesk_json

    real = careerdesk_json.import_into

    def fails_after_writing(session: Any, data: Any) -> Any:
        real(session, data)
        raise InvalidRecord("people[1].name", "made up to test the rollback")

    monkeypatch.setattr(careerdesk_json, "import_into", fails_after_writing)
    with pytest.raises(FileRefused, match=r"contacts.vcf: people\[1\].name: made up"):
        services.import_file(journal, sources.vcard3)
    assert _sizes(journal)["Person"] == 0


def test_careerdesk_files_still_import_as_before(journal: Journal) -> None:
    counts = services.import_file(journal, services.demo_file())
    assert counts.added["achievements"] == 25
    assert not services.import_file(journal, services.demo_file(), "careerdesk").changed_anything
