"""The journal file: its privacy, its SQLite settings, its schema, and records in and out."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.enums import ExperienceKind, TargetPath
from careerdesk.domain.errors import InvalidRecord, NotFound
from careerdesk.store import models as m
from careerdesk.store import repository
from careerdesk.store.database import Journal, JournalRefused, open_journal
from careerdesk.store.repository import RecordWriter
from careerdesk.store.schema_version import APPLICATION_ID, HEAD, REVISIONS
from careerdesk.store.search_index import CREATE_TABLE
from careerdesk.store.search_index import TABLE as SEARCH_TABLE
from tests.core.samples import CREATED, UPDATED, dump, sample, without_times


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask: permissions must not depend on a strict one."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def new_journal(tmp_path: Path) -> Iterator[Journal]:
    """A journal created and migrated by open_journal (the shared ``journal`` is a copy)."""
    opened = open_journal(tmp_path / "new")
    yield opened
    opened.close()


# ---------------------------------------------------------------- the file


@pytest.mark.usefixtures("umask_022")
def test_a_new_journal_is_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "careerdesk"
    journal = open_journal(data_dir)
    try:
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        assert journal.path == data_dir / "journal.sqlite3"
        assert stat.S_IMODE(journal.path.stat().st_mode) == 0o600
    finally:
        journal.close()


def test_an_existing_empty_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    # careerdesk never leaves an empty journal.sqlite3 behind (it builds a new one under a
    # temporary name), so an empty one was made by something else, or emptied: keep it.
    tmp_path.joinpath("journal.sqlite3").touch()
    before = _files(tmp_path)
    with pytest.raises(JournalRefused, match="empty"):
        open_journal(tmp_path)
    assert _files(tmp_path) == before


def _pragma(connection: object, name: str) -> object:
    return connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # type: ignore[attr-defined]


def test_every_connection_runs_with_the_safe_settings(new_journal: Journal) -> None:
    journal = new_journal
    # Two connections at once: the settings are made per connection, not once per file.
    with journal.engine.connect() as first, journal.engine.connect() as second:
        for connection in (first, second):
            assert _pragma(connection, "journal_mode") == "wal"
            assert _pragma(connection, "synchronous") == 2  # FULL
            assert _pragma(connection, "foreign_keys") == 1
            assert _pragma(connection, "busy_timeout") > 0  # type: ignore[operator]
            assert _pragma(connection, "secure_delete") == 1
    with journal.sessions() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2


def test_the_file_is_marked_as_a_careerdesk_journal(new_journal: Journal) -> None:
    journal = new_journal
    connection = sqlite3.connect(journal.path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        connection.close()
    assert int.from_bytes(b"CRKD", "big") == APPLICATION_ID


def test_a_foreign_key_violation_is_refused_by_the_database(journal: Journal) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), journal.transaction() as session:
        session.execute(text("INSERT INTO achievement_person VALUES (999, 999)"))


# ---------------------------------------------------------------- the schema


def _revision(journal: Journal) -> str | None:
    with journal.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", "careerdesk.store:migrations")
    return ScriptDirectory.from_config(config)


def test_a_new_journal_is_at_the_newest_revision(new_journal: Journal) -> None:
    journal = new_journal
    assert _revision(journal) == HEAD


def test_revisions_are_the_migration_scripts_oldest_first() -> None:
    scripts = _scripts()
    newest_first = [s.revision for s in scripts.walk_revisions()]
    assert tuple(reversed(newest_first)) == REVISIONS
    assert scripts.get_heads() == [HEAD]


def _not_search_index(obj: object, name: str | None, type_: str, *_: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLE))


def test_the_models_match_the_migrated_schema(new_journal: Journal) -> None:
    journal = new_journal
    with journal.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_object": _not_search_index})
        differences = compare_metadata(context, m.Base.metadata)
    assert differences == []


def test_the_migration_makes_the_search_index_the_code_describes(new_journal: Journal) -> None:
    journal = new_journal
    connection = sqlite3.connect(journal.path)
    try:
        (sql,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = ?", [SEARCH_TABLE]).fetchone()
    finally:
        connection.close()
    assert sql == CREATE_TABLE.replace(" IF NOT EXISTS", "")


def test_reopening_keeps_records_and_does_not_migrate_again(tmp_path: Path) -> None:
    journal = open_journal(tmp_path)
    uid = services.add_journal_entry(journal, "First entry", day=date(2026, 1, 2))
    journal.close()
    before = dump(journal.path)
    again = open_journal(tmp_path)
    try:
        assert services.load_record(again, r.JournalEntry, uid).body == "First entry"
        assert _revision(again) == HEAD
    finally:
        again.close()
    assert dump(journal.path) == before


def _files(folder: Path) -> dict[str, str]:
    return {p.name: _sha256(p) for p in folder.iterdir() if p.is_file()}


def test_a_journal_from_a_newer_careerdesk_is_refused_and_left_alone(tmp_path: Path) -> None:
    journal = open_journal(tmp_path)
    services.add_journal_entry(journal, "Written by a future version", day=date(2026, 1, 2))
    journal.close()
    connection = sqlite3.connect(journal.path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    before = _sha256(journal.path)
    with pytest.raises(JournalRefused, match="newer") as caught:
        open_journal(tmp_path)
    assert "9999_future" in str(caught.value)
    assert _sha256(journal.path) == before


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Ada', '555-0100')")
    connection.commit()
    connection.close()
    before = _files(tmp_path)
    with pytest.raises(JournalRefused, match="not a careerdesk journal"):
        open_journal(tmp_path)
    assert _files(tmp_path) == before


def test_a_database_marked_by_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1234")
    connection.commit()
    connection.close()
    before = _files(tmp_path)
    with pytest.raises(JournalRefused, match="not a careerdesk journal"):
        open_journal(tmp_path)
    assert _files(tmp_path) == before


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"Dear diary, this is a text file and not a database.\n" * 200)
    before = _files(tmp_path)
    with pytest.raises(JournalRefused, match="not a careerdesk journal"):
        open_journal(tmp_path)
    assert _files(tmp_path) == before


# ---------------------------------------------------------------- records in and out


def _save_all(journal: Journal, records: list[r.Record], *, keep_times: bool = False) -> None:
    with journal.transaction() as session:
        writer = RecordWriter(session)
        for record in records:
            writer.save(record, keep_times=keep_times)


def test_every_record_kind_round_trips_through_the_store(journal: Journal) -> None:
    records = sample().records()
    _save_all(journal, records)
    with journal.sessions() as session:
        for record in records:
            loaded = repository.load(session, type(record), record.uid)
            assert without_times(loaded) == record
            assert loaded.created_at is not None and loaded.created_at.tzinfo is not None
            assert loaded.updated_at == loaded.created_at


def test_keep_times_restores_a_record_exactly(journal: Journal) -> None:
    records = sample(with_times=True).records()
    _save_all(journal, records, keep_times=True)
    for record in records:
        loaded = services.load_record(journal, type(record), record.uid)
        assert loaded == record
        assert loaded.created_at == CREATED and loaded.updated_at == UPDATED


def test_load_all_returns_each_kind(journal: Journal) -> None:
    s = sample()
    _save_all(journal, s.records())
    assert [p.uid for p in services.load_all(journal, r.Person)] == [s.mentor.uid, s.manager.uid]
    assert services.load_all(journal, r.NegotiationPlan) == [
        services.load_record(journal, r.NegotiationPlan, s.plan.uid)]


def test_loading_a_missing_uid_is_not_found(journal: Journal) -> None:
    with pytest.raises(NotFound, match="no achievement with uid nope"):
        services.load_record(journal, r.Achievement, "nope")


def test_skills_are_created_by_name_on_first_use(journal: Journal) -> None:
    assert services.load_skills(journal) == []
    s = sample()
    _save_all(journal, s.records())
    names = [skill.name for skill in services.load_skills(journal)]
    assert names == ["Experimentation", "SQL", "Stakeholder management"]


def test_skill_names_ignore_case(journal: Journal) -> None:
    first = r.Achievement(date=date(2026, 1, 2), title="One", skills=["Python"])
    second = r.Achievement(date=date(2026, 1, 3), title="Two", skills=["python", " PYTHON "])
    services.save_record(journal, first)
    services.save_record(journal, second)
    assert [x.name for x in services.load_skills(journal)] == ["Python"]
    assert services.load_record(journal, r.Achievement, second.uid).skills == ["Python"]
    with journal.transaction() as session:
        result = RecordWriter(session).save_skill(r.Skill(name="PYTHON", category="Code",
                                                          level=4))
        assert not result.created and result.changed
    assert services.load_skills(journal) == [r.Skill(name="Python", category="Code", level=4)]


def test_linked_people_are_listed_by_name_once(journal: Journal) -> None:
    s = sample()
    _save_all(journal, [s.mentor, s.manager])
    talk = r.Interaction(date=date(2026, 1, 2),
                         people=[s.manager.uid, s.mentor.uid, s.manager.uid])
    services.save_record(journal, talk)
    assert services.load_record(journal, r.Interaction, talk.uid).people == [
        s.mentor.uid, s.manager.uid]  # "Ada Quokka" before "Bob Manager"


def test_a_new_record_may_refer_to_records_saved_earlier(journal: Journal) -> None:
    # Each save is its own transaction here, as in the window.
    s = sample()
    for record in s.records():
        services.save_record(journal, record)
    assert without_times(services.load_record(journal, r.Achievement, s.achievement.uid)) == (
        s.achievement)


def _count(journal: Journal, table: object) -> int:
    with journal.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


def test_deleting_a_person_removes_the_links_and_keeps_the_records(journal: Journal) -> None:
    s = sample()
    _save_all(journal, s.records())
    deleted = services.delete_record(journal, r.Person, s.mentor.uid)
    assert without_times(deleted) == s.mentor  # returned whole, for undo
    with pytest.raises(NotFound):
        services.load_record(journal, r.Person, s.mentor.uid)
    achievement = services.load_record(journal, r.Achievement, s.achievement.uid)
    assert achievement.people == [s.manager.uid]
    assert achievement.title == s.achievement.title
    assert services.load_record(journal, r.Interaction, s.interaction.uid).people == [
        s.manager.uid]
    assert services.load_record(journal, r.Experience, s.experience.uid).sponsor is None
    assert services.load_record(journal, r.Opening, s.opening.uid).hiring_manager is None
    assert _count(journal, m.achievement_person) == 1
    assert _count(journal, m.interaction_person) == 1


def test_deleting_an_achievement_takes_its_metrics_and_links_with_it(journal: Journal) -> None:
    s = sample()
    _save_all(journal, s.records())
    services.delete_record(journal, r.Achievement, s.achievement.uid)
    assert _count(journal, m.MetricRow) == 0
    assert _count(journal, m.achievement_person) == 0
    assert _count(journal, m.achievement_skill) == 0
    assert services.load_record(journal, r.NegotiationPlan, s.plan.uid).evidence == []
    assert len(services.load_all(journal, r.Person)) == 2
    assert len(services.load_skills(journal)) == 3  # skills outlive the records naming them


def test_a_deleted_record_can_be_saved_back_as_it_was(journal: Journal) -> None:
    s = sample()
    _save_all(journal, s.records())
    before = services.load_record(journal, r.Achievement, s.achievement.uid)
    deleted = services.delete_record(journal, r.Achievement, s.achievement.uid)
    services.save_record(journal, deleted, keep_times=True)
    assert services.load_record(journal, r.Achievement, s.achievement.uid) == before


def test_saving_an_unchanged_record_changes_nothing(journal: Journal) -> None:
    s = sample()
    _save_all(journal, s.records())
    before = dump(journal.path)
    late = datetime(2030, 1, 1, tzinfo=UTC)
    for record in s.records():
        with journal.transaction() as session:
            result = RecordWriter(session, now=lambda: late).save(record)
        assert (result.created, result.changed) == (False, False)
    for record in s.records():
        assert services.load_record(journal, type(record), record.uid).updated_at != late
    assert dump(journal.path) == before


def test_an_edit_is_stamped_and_keeps_created_at(journal: Journal) -> None:
    entry = r.JournalEntry(date=date(2026, 1, 2), title="Draft", body="text")
    first = datetime(2026, 1, 2, 8, 0, tzinfo=UTC)
    later = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    with journal.transaction() as session:
        assert RecordWriter(session, now=lambda: first).save(entry).created
    with journal.transaction() as session:
        result = RecordWriter(session, now=lambda: later).save(
            dataclasses.replace(entry, title="Final"))
    assert (result.created, result.changed) == (False, True)
    loaded = services.load_record(journal, r.JournalEntry, entry.uid)
    assert (loaded.title, loaded.created_at, loaded.updated_at) == ("Final", first, later)


def test_changing_a_metric_is_a_change(journal: Journal) -> None:
    s = sample()
    _save_all(journal, s.records())
    edited = dataclasses.replace(
        s.achievement, metrics=[dataclasses.replace(s.achievement.metrics[0], result=91),
                                s.achievement.metrics[1]])
    with journal.transaction() as session:
        assert RecordWriter(session).save(edited).changed
    assert services.load_record(journal, r.Achievement, s.achievement.uid).metrics == (
        edited.metrics)
    assert _count(journal, m.MetricRow) == 2


def test_changing_a_required_skill_level_is_saved(journal: Journal) -> None:
    s = sample()
    _save_all(journal, s.records())
    edited = dataclasses.replace(s.target, required_skills=[
        r.RequiredSkill(name="sql", level=5), r.RequiredSkill(name="Python", level=2)])
    services.save_record(journal, edited)
    assert services.load_record(journal, r.Target, s.target.uid).required_skills == [
        r.RequiredSkill(name="SQL", level=5), r.RequiredSkill(name="Python", level=2)]


def test_tags_are_cleaned(journal: Journal) -> None:
    entry = r.JournalEntry(date=date(2026, 1, 2), body="x", tags=[" wins ", "Wins", "", "q3"])
    services.save_record(journal, entry)
    assert services.load_record(journal, r.JournalEntry, entry.uid).tags == ["wins", "q3"]
    with journal.transaction() as session:
        assert not RecordWriter(session).save(entry).changed  # the same tags, once cleaned


@pytest.mark.parametrize(
    ("field", "value", "where", "what"),
    [
        ("people", ["missing-person"], "achievements[3].people[0]", "person"),
        ("experience", "missing-experience", "achievements[3].experience", "experience"),
    ],
)
def test_a_reference_to_a_missing_uid_names_the_field(
        journal: Journal, field: str, value: object, where: str, what: str) -> None:
    achievement = r.Achievement(date=date(2026, 1, 2), title="Won", **{field: value})
    with pytest.raises(InvalidRecord) as caught, journal.transaction() as session:
        RecordWriter(session).save(achievement, "achievements[3]")
    assert caught.value.where == where
    missing = value[0] if isinstance(value, list) else value
    assert str(caught.value) == f"{where}: no {what} with uid {missing}"
    assert services.is_empty(journal)


def test_a_refused_record_leaves_the_whole_action_undone(journal: Journal) -> None:
    s = sample()
    bad_plan = dataclasses.replace(s.plan, evidence=["no-such-achievement"])
    before = dump(journal.path)
    with pytest.raises(InvalidRecord, match=r"^evidence\[0\]: no achievement with uid"):
        _save_all(journal, [*s.records()[:-3], bad_plan])
    assert dump(journal.path) == before


def _experience(**fields: object) -> r.Experience:
    values: dict[str, object] = {"kind": ExperienceKind.ROTATION, "title": "Rotation",
                                 "start": date(2026, 3, 1), **fields}
    return r.Experience(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (_experience(end=date(2026, 2, 1)),
         "end: ends (2026-02-01) before it starts (2026-03-01)"),
        (_experience(title="   "), "title: must not be empty"),
        (r.Person(name="Ada", influence=6), "influence: expected 1 to 5, got 6"),
        (r.Person(name="Ada", relationship=0), "relationship: expected 1 to 5, got 0"),
        (r.Person(name="Ada", cadence_days=0), "cadence_days: must be at least 1 day"),
        (r.Person(name=""), "name: must not be empty"),
        (r.Achievement(date=date(2026, 1, 2), title=""), "title: must not be empty"),
        (r.Achievement(date=date(2026, 1, 2), title="Won",
                       metrics=[r.Metric(name=" ", result=1)]),
         "metrics[0].name: must not be empty"),
        (r.Interaction(date=date(2026, 1, 2)),
         "people: an interaction needs at least one person"),
        (r.Opening(title="Analyst", posted=date(2026, 3, 1), closes=date(2026, 2, 1)),
         "closes: closes (2026-02-01) before it was posted (2026-03-01)"),
        (r.CycleEvent(kind="milestone", name="Launch", date=date(2026, 1, 2),  # type: ignore[arg-type]
                      duration_days=-1), "duration_days: must not be negative"),
        (r.Target(title="Lead", path=TargetPath.PROMOTION,
                  required_skills=[r.RequiredSkill(name="SQL", level=9)]),
         "required_skills[0].level: expected 1 to 5, got 9"),
        (r.Target(title="Lead", path=TargetPath.PROMOTION,
                  required_skills=[r.RequiredSkill(name="SQL"), r.RequiredSkill(name="sql ")]),
         'required_skills[1].name: "sql" is already listed as required_skills[0]'),
        (r.NegotiationPlan(title="Raise", strategy="promotion",  # type: ignore[arg-type]
                           benchmarks=[r.Benchmark(source="Band", low=120, high=100)]),
         "benchmarks[0].high: the high end (100) is below the low end (120)"),
        (r.JournalEntry(uid=" ", date=date(2026, 1, 2), body="x"), "uid: must not be empty"),
        (r.Achievement(date=date(2026, 1, 2), title="Won", skills=["  "]),
         "skills[0]: a skill needs a name"),
    ],
)
def test_domain_rules_are_enforced_on_save(
        journal: Journal, record: r.Record, message: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        services.save_record(journal, record)
    assert str(caught.value) == message
    assert services.is_empty(journal)


def test_rule_messages_carry_the_records_place(journal: Journal) -> None:
    with pytest.raises(InvalidRecord) as caught, journal.transaction() as session:
        RecordWriter(session).save(r.Person(name="Ada", influence=6), "people[7]")
    assert str(caught.value) == "people[7].influence: expected 1 to 5, got 6"


def test_the_revision_counts_the_commits_that_wrote(journal: Journal) -> None:
    """A reader that noted the revision knows whether the journal changed since."""
    start = journal.revision
    with journal.sessions() as session:
        session.execute(select(func.count()).select_from(m.JournalEntryRow)).scalar()
    with journal.transaction() as session:
        session.execute(select(func.count()).select_from(m.JournalEntryRow)).scalar()
    assert journal.revision == start  # reading, even in a transaction, changes nothing
    uid = services.add_journal_entry(journal, "a first entry")
    assert journal.revision == start + 1
    with pytest.raises(RuntimeError), journal.transaction() as session:
        session.execute(text("DELETE FROM journal_entry"))
        raise RuntimeError("the action fails: nothing is written")
    assert journal.revision == start + 1
    with journal.sessions() as session:  # rolled back: the entry is still there
        assert session.execute(select(func.count()).select_from(m.JournalEntryRow)).scalar() == 1
    services.delete_record(journal, r.JournalEntry, uid)
    assert journal.revision == start + 2
    journal.purge_removed_text()  # rewrites the full-text index only: no record changed
    assert journal.revision == start + 2
