"""The full-text index stays current with every write, and search reads it safely."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.errors import InvalidRecord
from careerdesk.search import Hit, connect_read_only, display_title, fts_query, search
from careerdesk.store import models as m
from careerdesk.store import search_index
from careerdesk.store.database import Journal
from careerdesk.store.repository import RecordWriter
from tests.core.samples import MARKERS, Sample, sample


def find(journal: Journal, query: str, **options: object) -> list[Hit]:
    connection = connect_read_only(str(journal.path))
    try:
        return search(connection, query, **options)  # type: ignore[arg-type]
    finally:
        connection.close()


def uids(journal: Journal, query: str, **options: object) -> list[str]:
    return [hit.uid for hit in find(journal, query, **options)]


def index_rows(journal: Journal, uid: str) -> int:
    with journal.engine.connect() as connection:
        return int(connection.execute(
            text("SELECT count(*) FROM search_index WHERE uid = :u"), {"u": uid}).scalar_one())


@pytest.fixture
def saved(journal: Journal) -> Sample:
    s = sample()
    with journal.transaction() as session:
        writer = RecordWriter(session)
        for record in s.records():
            writer.save(record)
    return s


# ---------------------------------------------------------------- kept current


@pytest.mark.parametrize("name", sorted(MARKERS))
def test_every_kind_is_found_after_insert(journal: Journal, saved: Sample, name: str) -> None:
    word, kind = MARKERS[name]
    record = getattr(saved, name)
    hits = find(journal, word)
    assert [(h.kind, h.uid) for h in hits] == [(kind, record.uid)]
    assert index_rows(journal, record.uid) == 1


def test_skills_are_indexed_by_name(journal: Journal, saved: Sample) -> None:
    hits = find(journal, "experimentation")
    assert [h.kind for h in hits] == ["skill"]
    assert hits[0].title == "Experimentation"


def test_hits_carry_the_records_date(journal: Journal, saved: Sample) -> None:
    (hit,) = find(journal, "pangolin")
    assert hit.day == "2026-02-14"
    (person,) = find(journal, "quokka")
    assert person.day is None


@pytest.mark.parametrize(
    ("name", "field", "old_word", "new_word"),
    [
        ("entry", "title", "tapir", "marmot"),
        ("achievement", "title", "pangolin", "echidna"),
        ("mentor", "name", "quokka", "wallaby"),
        ("cycle_event", "name", "okapi", "gazelle"),
        ("compensation", "note", "dugong", "manatee"),
    ],
)
def test_an_update_replaces_the_old_words(journal: Journal, saved: Sample, name: str,
                                          field: str, old_word: str, new_word: str) -> None:
    record = getattr(saved, name)
    old_text = getattr(record, field)
    services.save_record(journal, dataclasses.replace(
        record, **{field: old_text.replace(old_word.capitalize(), new_word.capitalize())
                   .replace(old_word, new_word)}))
    assert uids(journal, old_word) == []
    assert uids(journal, new_word) == [record.uid]
    assert index_rows(journal, record.uid) == 1


def test_a_delete_removes_the_record_from_the_index(journal: Journal, saved: Sample) -> None:
    for record, word in [(saved.entry, "tapir"), (saved.plan, "platypus"),
                         (saved.mentor, "quokka"), (saved.achievement, "pangolin")]:
        services.delete_record(journal, type(record), record.uid)
        assert uids(journal, word) == []
        assert index_rows(journal, record.uid) == 0


def test_a_metric_is_found_through_its_achievement(journal: Journal, saved: Sample) -> None:
    assert uids(journal, "satisfaction") == [saved.achievement.uid]
    assert uids(journal, "seconds") == [saved.achievement.uid]  # the unit too


def test_editing_a_metric_reindexes_its_achievement(journal: Journal, saved: Sample) -> None:
    a = saved.achievement
    renamed = dataclasses.replace(a.metrics[0], name="Net promoter score")
    services.save_record(journal, dataclasses.replace(a, metrics=[renamed, a.metrics[1]]))
    assert uids(journal, "satisfaction") == []
    assert uids(journal, "promoter") == [a.uid]
    services.save_record(journal, dataclasses.replace(a, metrics=[]))
    assert uids(journal, "promoter") == []
    assert uids(journal, "pangolin") == [a.uid]


def test_a_metric_changed_directly_in_a_session_reindexes(journal: Journal,
                                                          saved: Sample) -> None:
    with journal.transaction() as session:
        metric = session.scalars(select(m.MetricRow).where(m.MetricRow.position == 0)).one()
        metric.name = "Churn rate"
    assert uids(journal, "churn") == [saved.achievement.uid]
    assert uids(journal, "satisfaction") == []


def test_a_metric_of_a_new_achievement_is_indexed_in_the_same_save(journal: Journal) -> None:
    achievement = r.Achievement(date=date(2026, 5, 1), title="Faster close",
                                metrics=[r.Metric(name="Days to close", result=3)])
    services.save_record(journal, achievement)
    assert uids(journal, "close") == [achievement.uid]


def test_tags_and_bodies_are_searchable(journal: Journal, saved: Sample) -> None:
    assert uids(journal, "dashboards") == [saved.achievement.uid]
    assert set(uids(journal, "promotion")) >= {saved.target.uid, saved.plan.uid}
    assert uids(journal, "REQ-1042") == [saved.opening.uid]
    assert uids(journal, "commitment") == [saved.plan.uid]  # an objection's response


def test_a_refused_save_leaves_no_index_row(journal: Journal) -> None:
    entry = r.JournalEntry(date=date(2026, 1, 2), body="gnu migration notes")
    talk = r.Interaction(date=date(2026, 1, 3), people=["nobody"], summary="gnu again")
    with pytest.raises(InvalidRecord), journal.transaction() as session:
        writer = RecordWriter(session)
        writer.save(entry)
        session.flush()
        writer.save(talk)
    assert uids(journal, "gnu") == []


# ---------------------------------------------------------------- reading


@pytest.mark.parametrize("query", ["resume", "Résumé", "RESUME", "résu"])
def test_diacritics_and_case_are_folded(journal: Journal, query: str) -> None:
    entry = r.JournalEntry(date=date(2026, 1, 2), title="Updated my résumé", body="")
    services.save_record(journal, entry)
    assert uids(journal, query) == [entry.uid]


def test_diacritics_are_folded_both_ways(journal: Journal) -> None:
    entry = r.JournalEntry(date=date(2026, 1, 2), body="Café chat with Zoë about the resume")
    services.save_record(journal, entry)
    assert uids(journal, "cafe zoe résumé") == [entry.uid]


def test_all_words_must_match(journal: Journal, saved: Sample) -> None:
    assert uids(journal, "pangolin dashboard") == [saved.achievement.uid]
    assert uids(journal, "pangolin quokka") == []


def test_the_last_word_is_a_prefix_as_you_type(journal: Journal, saved: Sample) -> None:
    assert uids(journal, "quok") == [saved.mentor.uid]
    assert uids(journal, "qu") == [saved.mentor.uid]
    assert uids(journal, "quok", prefix_last=False) == []
    assert uids(journal, "quok ") == []  # a finished word is a whole word


NASTY = ['"', '""', "'", "AND", "OR", "NOT", "pangolin AND", "AND pangolin", "*", "pangolin*",
         "(", ")", "(pangolin", "NEAR(pangolin quokka)", "title:pangolin", "-pangolin", "^",
         "pan*gol", '"pangolin', "pangolin OR quokka", "{title}: x", "\\", "%", "_", "a_b",
         "\x00", "\u0301", "😀", "🙂 pangolin", " ", "", "+", "..", "col:*"]


@pytest.mark.parametrize("query", NASTY)
def test_typed_search_syntax_never_raises(journal: Journal, saved: Sample, query: str) -> None:
    hits = find(journal, query)
    assert isinstance(hits, list)


def test_fts_syntax_is_taken_as_plain_words(journal: Journal, saved: Sample) -> None:
    assert uids(journal, '"pangolin"') == [saved.achievement.uid]
    assert uids(journal, "pangolin AND dashboard") == []  # "and" is a word the record lacks
    assert uids(journal, "(pangolin)") == [saved.achievement.uid]
    assert uids(journal, "pangolin*") == [saved.achievement.uid]


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('say "hi" AND (bye') == '"say" "hi" "AND" "bye"*'
    assert fts_query("pangolin*") == '"pangolin"'
    assert fts_query("x", prefix_last=False) == '"x"'
    assert fts_query(" *() ") is None


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """A journal for the property test below, made once (hypothesis reruns the test)."""
    from careerdesk.store.database import open_journal

    journal = open_journal(tmp_path_factory.mktemp("index"))
    for record in sample().records():
        services.save_record(journal, record)
    connection = connect_read_only(str(journal.path))
    yield connection
    connection.close()
    journal.close()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40), prefix_last=st.booleans())
def test_no_typed_text_makes_search_fail(small_index: sqlite3.Connection, query: str,
                                         prefix_last: bool) -> None:
    hits = search(small_index, query, prefix_last=prefix_last)
    assert all(isinstance(h, Hit) for h in hits)


def test_title_matches_rank_first(journal: Journal) -> None:
    in_body = r.JournalEntry(date=date(2026, 1, 2), title="Weekly notes",
                             body="We talked about kanban boards and the roadmap")
    in_title = r.JournalEntry(date=date(2026, 1, 3), title="Kanban rollout",
                              body="We talked about boards, tickets and the roadmap")
    other = r.JournalEntry(date=date(2026, 1, 4), title="Unrelated", body="nothing here")
    for entry in (in_body, in_title, other):
        services.save_record(journal, entry)
    assert uids(journal, "kanban") == [in_title.uid, in_body.uid]


def test_kinds_and_limit_narrow_the_hits(journal: Journal, saved: Sample) -> None:
    both = set(uids(journal, "promotion"))
    assert len(both) >= 2
    assert uids(journal, "promotion", kinds=("plan",)) == [saved.plan.uid]
    assert len(find(journal, "promotion", limit=1)) == 1
    assert find(journal, "promotion", limit=0) == []


def test_a_hit_without_a_title_shows_the_start_of_its_text(journal: Journal) -> None:
    long_body = "Coffee with the   HR partner\nabout the mobility program. " * 5
    entry = r.JournalEntry(date=date(2026, 1, 2), title=None, body=long_body)
    services.save_record(journal, entry)
    (hit,) = find(journal, "mobility")
    assert hit.title.startswith("Coffee with the HR partner about the mobility program.")
    assert len(hit.title) == 80 and hit.title.endswith("…")
    assert "[mobility]" in hit.snippet


def test_display_title() -> None:
    assert display_title("Title", "body") == "Title"
    assert display_title("  ", " short\n body ") == "short body"
    assert display_title("", "x" * 100, width=10) == "x" * 9 + "…"


# ---------------------------------------------------------------- the whole index


def _indexed_tables_rows(journal: Journal) -> int:
    total = 0
    with journal.engine.connect() as connection:
        for model in search_index.KIND_CODES:
            total += int(connection.execute(
                text(f"SELECT count(*) FROM {model.__tablename__}")).scalar_one())
    return total


def test_one_index_row_per_record_after_the_demo_import(demo_journal: Journal) -> None:
    import json

    demo = json.loads(services.demo_file().read_text(encoding="utf-8"))
    expected = sum(len(v) for v in demo.values() if isinstance(v, list))
    with demo_journal.engine.connect() as connection:
        rows = connection.execute(text("SELECT count(*) FROM search_index")).scalar_one()
        distinct = connection.execute(
            text("SELECT count(DISTINCT uid) FROM search_index")).scalar_one()
    assert rows == distinct == expected == _indexed_tables_rows(demo_journal)


QUERIES = ["budget", "promotion", "sql", "daniel", "rotation", "review", "dashboard", "mentor"]


def _all_hits(journal: Journal) -> dict[str, list[tuple[str, str]]]:
    return {q: [(h.kind, h.uid) for h in find(journal, q, limit=500)] for q in QUERIES}


def test_rebuild_gives_the_same_hits(demo_journal: Journal) -> None:
    before = _all_hits(demo_journal)
    assert all(before.values())  # the queries mean something in the demo journal
    with demo_journal.transaction() as session:
        session.execute(text("DELETE FROM search_index"))
    assert not any(_all_hits(demo_journal).values())
    with demo_journal.transaction() as session:
        search_index.rebuild(session)
    assert _all_hits(demo_journal) == before
    with demo_journal.engine.connect() as connection:
        rows = connection.execute(text("SELECT count(*) FROM search_index")).scalar_one()
    assert rows == _indexed_tables_rows(demo_journal)
