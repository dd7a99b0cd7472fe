"""jrnl's JSON export -> journal entries."""

from __future__ import annotations

import json
from datetime import date

import pytest

from careerdesk.domain import records as r
from careerdesk.domain.errors import FileRefused
from careerdesk.interchange import jrnl
from tests.interchange import samples
from tests.interchange.conftest import Sources


def _entries(sources: Sources) -> list[r.JournalEntry]:
    return jrnl.read(sources.jrnl).sections["journal"]


def test_entries_keep_date_title_body_and_tags_without_the_symbol(sources: Sources) -> None:
    first, second, third = _entries(sources)
    assert first.date == date(2026, 3, 4)
    assert first.title == "Shipped the billing migration."
    assert first.body.startswith("Cut-over went clean")
    assert first.tags == ["work", "starred"]  # starred becomes a tag
    assert second.tags == ["work", "mentoring"]
    assert second.body == ""
    assert third.tags == []


def test_the_time_is_not_written_into_the_entry(sources: Sources) -> None:
    for entry in _entries(sources):
        assert "18:42" not in entry.body and "09:10" not in entry.body


def test_uids_are_stable_and_two_entries_of_the_same_minute_stay_two(sources: Sources) -> None:
    once = [e.uid for e in _entries(sources)]
    again = [e.uid for e in _entries(sources)]
    assert once == again
    assert len(set(once)) == 3


def test_a_dayone_backed_journal_uses_its_uuid(sources: Sources) -> None:
    data = json.loads(json.dumps(samples.JRNL))
    data["entries"][0]["uuid"] = "ABCDEF0123456789ABCDEF0123456789"
    path = sources.write("with-uuid.json", json.dumps(data))
    changed = jrnl.read(path).sections["journal"][0]
    data["entries"][0]["title"] = "Renamed in jrnl"
    renamed = jrnl.read(sources.write("renamed.json", json.dumps(data))).sections["journal"][0]
    assert changed.uid == renamed.uid


@pytest.mark.parametrize(("change", "message"), [
    (("date", "05/03/2026"), 'entries[1].date: expected a date YYYY-MM-DD, got "05/03/2026"'),
    (("date", None), "entries[1].date: is missing"),
    (("time", "late"), 'entries[1].time: expected a time HH:MM, got "late"'),
    (("tags", "@work"), 'entries[1].tags: expected a list of text, got "@work"'),
    (("starred", "yes"), 'entries[1].starred: expected true or false, got "yes"'),
    (("title", 42), "entries[1].title: expected text, got 42"),
])
def test_a_broken_entry_is_refused_naming_file_record_and_field(
        sources: Sources, change: tuple[str, object], message: str) -> None:
    data = json.loads(json.dumps(samples.JRNL))
    field, value = change
    if value is None:
        del data["entries"][1][field]
    else:
        data["entries"][1][field] = value
    path = sources.write("broken.json", json.dumps(data))
    with pytest.raises(FileRefused) as refused:
        jrnl.read(path)
    assert str(refused.value) == f"{path}: {message}"


def test_an_entry_with_no_text_at_all_is_refused(sources: Sources) -> None:
    path = sources.write("empty.json", json.dumps(
        {"entries": [{"title": "", "body": "  ", "date": "2026-01-01", "time": "10:00"}]}))
    with pytest.raises(FileRefused, match=r"entries\[0\]: an entry needs a title or a body"):
        jrnl.read(path)


def test_not_json_is_refused_with_line_and_column(sources: Sources) -> None:
    path = sources.write("cut.json", '{"entries": [\n  {"title": "x",\n')
    with pytest.raises(FileRefused, match=r"cut.json: line 3 column 1: not valid JSON"):
        jrnl.read(path)
