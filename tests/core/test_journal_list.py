"""The journal list's queries: filter, order, lines, the calendar's days, the nearest entry."""

from __future__ import annotations

from datetime import date

from careerdesk import services
from careerdesk.domain.records import JournalEntry
from careerdesk.store import journal_list
from careerdesk.store.database import Journal
from careerdesk.store.journal_list import JournalFilter, plain_excerpt


def _add(journal: Journal, day: str, body: str, title: str | None = None,
         tags: tuple[str, ...] = ()) -> str:
    return services.add_journal_entry(journal, body, title=title, day=date.fromisoformat(day),
                                      tags=list(tags))


def _titles(journal: Journal, f: JournalFilter) -> list[str]:
    with journal.sessions() as session:
        ids = journal_list.matching_ids(session, f)
        found = journal_list.lines(session, ids)
    return [found[i].title or found[i].excerpt for i in ids]


def test_entries_are_listed_newest_first_and_within_a_day_by_writing_order(
        journal: Journal) -> None:
    _add(journal, "2026-01-05", "older", title="A")
    _add(journal, "2026-03-01", "first of the day", title="B")
    _add(journal, "2026-03-01", "second of the day", title="C")
    assert _titles(journal, JournalFilter()) == ["C", "B", "A"]
    with journal.sessions() as session:
        ids = journal_list.matching_ids(session, JournalFilter(), newest_first=False)
        assert [journal_list.lines(session, ids)[i].title for i in ids] == ["A", "B", "C"]


def test_a_line_shows_the_start_of_the_body_as_plain_words(journal: Journal) -> None:
    uid = _add(journal, "2026-02-02", "# Heading\n\n**Bold** and [a link](http://x.test) "
               "and `code`\n\n- item one\n- item two" + " word" * 500, tags=("x", "y"))
    with journal.sessions() as session:
        id_ = journal_list.entry_id(session, uid)
        assert id_ is not None
        line = journal_list.lines(session, [id_])[id_]
    assert line.title == ""
    assert line.excerpt.startswith("Heading Bold and a link and code item one item two word")
    assert line.excerpt.endswith("…") and len(line.excerpt) <= 240
    assert line.tags == ("x", "y")
    assert plain_excerpt("> quoted *text*") == "quoted text"


def test_filters_by_tag_any_case_by_words_and_by_day(journal: Journal) -> None:
    _add(journal, "2026-01-05", "Coffee with Daniel about the lead role", title="Coffee",
         tags=("People",))
    _add(journal, "2026-01-06", "Budget numbers are out", title="Budget", tags=("money",))
    _add(journal, "2026-01-06", "A quiet day", title="Quiet")
    assert _titles(journal, JournalFilter(tag="people")) == ["Coffee"]
    assert _titles(journal, JournalFilter(text="daniel lea")) == ["Coffee"]  # last word a prefix
    assert _titles(journal, JournalFilter(text="budget", tag="money")) == ["Budget"]
    assert _titles(journal, JournalFilter(day=date(2026, 1, 6))) == ["Quiet", "Budget"]
    assert _titles(journal, JournalFilter(text='AND "OR *')) == []  # typed syntax is words
    assert JournalFilter().is_empty and not JournalFilter(tag="x").is_empty


def test_the_calendar_gets_the_days_with_entries_of_a_month_and_the_filter(
        journal: Journal) -> None:
    _add(journal, "2026-01-31", "before the month", tags=("work",))
    _add(journal, "2026-02-03", "one", tags=("work",))
    _add(journal, "2026-02-03", "two")
    _add(journal, "2026-02-28", "three", tags=("work",))
    with journal.sessions() as session:
        days = journal_list.entry_days(session, date(2026, 2, 1), date(2026, 2, 28))
        tagged = journal_list.entry_days(session, date(2026, 2, 1), date(2026, 2, 28),
                                         JournalFilter(tag="work", day=date(2026, 2, 3)))
    assert days == {date(2026, 2, 3): 2, date(2026, 2, 28): 1}
    assert tagged == {date(2026, 2, 3): 1, date(2026, 2, 28): 1}  # the day filter is ignored


def test_the_nearest_entry_to_a_day_is_on_it_then_before_then_after(journal: Journal) -> None:
    early = _add(journal, "2026-01-10", "early")
    _add(journal, "2026-02-10", "middle, first")
    middle = _add(journal, "2026-02-10", "middle, second")
    with journal.sessions() as session:
        def uid_of(day: date) -> str | None:
            id_ = journal_list.nearest_entry(session, day)
            return None if id_ is None else journal_list.lines(session, [id_])[id_].uid
        assert uid_of(date(2026, 2, 10)) == middle
        assert uid_of(date(2026, 2, 1)) == early
        assert uid_of(date(2025, 12, 1)) == early
        assert journal_list.entry_count(session) == 3


def test_tags_of_the_journal_for_completion(demo_journal: Journal) -> None:
    with demo_journal.sessions() as session:
        tags = journal_list.entry_tags(session)
    expected = {t for e in services.load_all(demo_journal, JournalEntry) for t in e.tags}
    assert set(tags) == expected
    assert tags == sorted(tags, key=str.lower)
