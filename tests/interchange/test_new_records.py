"""An import writes new records set-based; the journal must come out exactly as when every
record went through ``RecordWriter`` one at a time (the way import worked before).

Each test imports the same data both ways into journals in the same state and compares
every table row by row, the full-text index and search results, and the counts.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.enums import Stance
from careerdesk.domain.errors import FileRefused, InvalidRecord
from careerdesk.interchange import careerdesk_json
from careerdesk.interchange.careerdesk_json import ImportCounts, Interchange
from careerdesk.search import search
from careerdesk.store import repository, search_index
from careerdesk.store.database import Journal, open_journal
from careerdesk.store.settings import save_profile
from tests.core.samples import sample
from tests.interchange.conftest import Sources

Importer = Callable[[Session, Interchange], ImportCounts]


def one_at_a_time(session: Session, data: Interchange) -> ImportCounts:
    """The import as it was before set-based writes: every record through RecordWriter."""
    counts = ImportCounts()
    writer = repository.RecordWriter(session)
    if any(v is not None for v in (data.profile.name, data.profile.employer,
                                   data.profile.currency)):
        save_profile(session, data.profile)
    for i, skill in enumerate(data.sections.get("skills", [])):
        result = writer.save_skill(skill, f"skills[{i}]")
        counts.count("skills", result.created, result.changed)
    for section in careerdesk_json.IMPORT_ORDER[1:]:
        for i, record in enumerate(data.sections.get(section, [])):
            result = writer.save(record, f"{section}[{i}]", keep_times=True)
            counts.count(section, result.created, result.changed)
    session.flush()
    return counts


def run(journal: Journal, importer: Importer, data: Interchange) -> ImportCounts:
    with journal.transaction() as session:
        return importer(session, data)


# A skill named only inside a record is created by the import: stamped now, with a new
# uid. Records without times in the file are stamped now too. Those values differ
# between any two imports; everything else must be equal.
STAMPED = {"created_at", "updated_at"}


def rows(journal: Journal, *, mask_times: bool) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(f"file:{journal.path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index_%' ORDER BY name")]
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            columns = [c for (_, c, *_) in connection.execute(f"PRAGMA table_info({table})")]
            if table == "search_index":
                columns = ["rowid", *columns]
            masked = (STAMPED if mask_times or table == "skill" else set()) | (
                {"uid"} if table == "skill" else set())
            kept = [c for c in columns if c not in masked]
            select = ", ".join(f'"{c}", typeof("{c}")' for c in kept)
            found = connection.execute(f'SELECT {select} FROM "{table}"').fetchall()
            if table == "search_index":  # a skill's index row carries its uid
                uid = kept.index("uid") * 2
                found = [x[:uid] + x[uid + 2:] if "skill" in x else x for x in found]
            out[table] = sorted(found, key=repr)
        return out
    finally:
        connection.close()


def hits(journal: Journal, words: list[str]) -> list[list[tuple[str, str, str | None]]]:
    connection = sqlite3.connect(f"file:{journal.path}?mode=ro", uri=True)
    try:
        return [[(h.kind, h.uid, h.day) for h in search(connection, word) if h.kind != "skill"]
                for word in words]
    finally:
        connection.close()


@pytest.fixture
def two_journals(tmp_path: Path) -> Iterator[tuple[Journal, Journal]]:
    """One journal to import set-based, one to import one record at a time."""
    fast, reference = open_journal(tmp_path / "fast"), open_journal(tmp_path / "reference")
    yield fast, reference
    fast.close()
    reference.close()


def demo() -> Interchange:
    return careerdesk_json.parse(json.loads(services.demo_file().read_text(encoding="utf-8")))


def sample_file() -> Interchange:
    """Every field of every kind, with the times of a real export."""
    data = Interchange(profile=r.Profile(name="Priya", employer="Acme", currency="USD"))
    for record in sample(with_times=True).records():
        section = next(s for s, kind in r.SECTIONS.items() if kind is type(record))
        data.sections.setdefault(section, []).append(record)
    data.sections["skills"] = [r.Skill(name="SQL", category="Analytics", level=4)]
    return data


def test_the_demo_writes_the_same_rows_index_and_search_both_ways(
        two_journals: tuple[Journal, Journal]) -> None:
    fast, reference = two_journals
    counts = run(fast, careerdesk_json.import_into, demo())
    assert counts == run(reference, one_at_a_time, demo())
    assert counts.added["achievements"] == 25 and not counts.updated
    assert rows(fast, mask_times=True) == rows(reference, mask_times=True)
    words = ["dashboard", "promotion", "Marcus", "SQL", "forecast", "review", "budget"]
    found = hits(fast, words)
    assert all(found) and found == hits(reference, words)
    # Records the file gives no time are stamped once, created and updated alike.
    with fast.sessions() as session:
        for achievement in repository.load_all(session, r.Achievement):
            assert achievement.created_at is not None
            assert achievement.created_at == achievement.updated_at


def test_every_field_of_every_kind_writes_the_same_rows_both_ways(
        two_journals: tuple[Journal, Journal]) -> None:
    fast, reference = two_journals
    data = sample_file()
    assert run(fast, careerdesk_json.import_into, data) == run(reference, one_at_a_time, data)
    assert rows(fast, mask_times=False) == rows(reference, mask_times=False)
    for section, _, record in data.records():
        if section != "skills":
            assert services.load_record(fast, type(record), record.uid) == record


def exported(journal: Journal) -> dict[str, Any]:
    """The journal's interchange file, without the times an import stamps."""
    with journal.sessions() as session:
        data = careerdesk_json.export_data(session)
    del data["exported_at"]
    for section in r.SECTIONS:
        data[section] = [{k: v for k, v in x.items() if k not in STAMPED}
                         for x in data[section]]
    return data


def test_the_export_after_an_import_is_the_same_both_ways(
        two_journals: tuple[Journal, Journal]) -> None:
    fast, reference = two_journals
    run(fast, careerdesk_json.import_into, demo())
    run(reference, one_at_a_time, demo())
    assert exported(fast) == exported(reference)
    assert len(exported(fast)["interactions"]) == len(demo().sections["interactions"])


def edit_the_same_way(journal: Journal) -> None:
    """The user's work after a first import: one edit, one deletion."""
    priya = demo()
    person = priya.sections["people"][0]
    services.save_record(journal, dataclasses.replace(person, title="Changed by the user"))
    services.delete_record(journal, r.Achievement, priya.sections["achievements"][3].uid)


def test_a_re_import_with_new_and_known_records_matches_one_at_a_time(
        two_journals: tuple[Journal, Journal]) -> None:
    fast, reference = two_journals
    for journal in two_journals:
        run(journal, one_at_a_time, demo())
        edit_the_same_way(journal)
    data = demo()
    data.sections["achievements"].append(dataclasses.replace(
        data.sections["achievements"][0], uid="brand-new", title="Brand new, from the file",
        people=[data.sections["people"][2].uid]))
    counts = run(fast, careerdesk_json.import_into, data)
    assert counts == run(reference, one_at_a_time, data)
    # The deleted achievement comes back beside the new one, and again backs the plan
    # that cited it; the file's person wins over the edit (a careerdesk file is the truth
    # for every field it holds); everything else is unchanged.
    assert counts.added == {"achievements": 2}
    assert counts.updated == {"people": 1, "plans": 1}
    assert counts.unchanged["achievements"] == 24
    assert rows(fast, mask_times=True) == rows(reference, mask_times=True)


def test_a_second_import_adds_nothing_and_touches_nothing(journal: Journal) -> None:
    services.import_file(journal, services.demo_file())
    before = rows(journal, mask_times=False)
    counts = services.import_file(journal, services.demo_file())
    assert not counts.changed_anything
    assert sum(counts.unchanged.values()) == sum(len(v) for k, v in demo().sections.items())
    assert rows(journal, mask_times=False) == before


def test_a_re_import_from_another_tool_keeps_the_users_edits(journal: Journal,
                                                             sources: Sources) -> None:
    services.import_file(journal, sources.vcard4)
    [person] = services.load_all(journal, r.Person)
    services.save_record(journal, dataclasses.replace(person, stance=Stance.CHAMPION,
                                                      notes="Met at the offsite"))
    counts = services.import_file(journal, sources.vcard4)
    assert not counts.added
    [again] = services.load_all(journal, r.Person)
    assert (again.stance, again.notes) == (Stance.CHAMPION, "Met at the offsite")


def test_the_first_problem_in_file_order_is_told_whether_new_or_known(
        two_journals: tuple[Journal, Journal]) -> None:
    for journal in two_journals:
        run(journal, one_at_a_time, demo())
    known = demo().sections["achievements"][0]
    for first_is_new in (True, False):
        data = demo()
        new = dataclasses.replace(known, uid="new-one", people=["ghost-new"])
        old = dataclasses.replace(known, people=["ghost-old"])
        data.sections["achievements"] = [new, old] if first_is_new else [old, new]
        told = []
        for journal, importer in zip(two_journals, (careerdesk_json.import_into,
                                                    one_at_a_time), strict=True):
            with pytest.raises(InvalidRecord) as refused:
                run(journal, importer, data)
            told.append(str(refused.value))
        ghost = "ghost-new" if first_is_new else "ghost-old"
        assert told == [f"achievements[0].people[0]: no person with uid {ghost}"] * 2


def test_a_failure_in_the_middle_of_the_writes_leaves_nothing(
        journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = search_index.write_new
    written: list[str] = []

    def disk_full_at_achievements(connection: Any, kind: type[Any], items: Any) -> None:
        written.append(kind.__name__)
        if kind.__name__ == "AchievementRow":
            raise InvalidRecord("achievements", "made up to test the rollback")
        real(connection, kind, items)

    monkeypatch.setattr(search_index, "write_new", disk_full_at_achievements)
    with pytest.raises(FileRefused, match="made up to test the rollback"):
        services.import_file(journal, services.demo_file())
    assert written[:2] == ["PersonRow", "ExperienceRow"]  # some tables were written first
    assert services.is_empty(journal)
    assert all(not found for table, found in rows(journal, mask_times=True).items()
               if table not in ("alembic_version", "setting"))


def test_a_uid_twice_in_one_list_updates_the_first_as_before(
        two_journals: tuple[Journal, Journal]) -> None:
    entry = r.JournalEntry(date=date(2026, 5, 1), body="First", uid="twice")
    data = Interchange(sections={"journal": [entry, dataclasses.replace(entry, body="Second")]})
    fast, reference = two_journals
    counts = run(fast, careerdesk_json.import_into, data)
    assert counts == run(reference, one_at_a_time, data)
    assert (counts.added, counts.updated) == ({"journal": 1}, {"journal": 1})
    assert services.load_record(fast, r.JournalEntry, "twice").body == "Second"
    assert rows(fast, mask_times=True) == rows(reference, mask_times=True)
