"""Day One's JSON export (Journal.json or the zip) -> journal entries."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest

from careerdesk.domain import records as r
from careerdesk.domain.errors import FileRefused
from careerdesk.interchange import dayone
from tests.interchange import samples
from tests.interchange.conftest import Sources


def _by_title(entries: list[r.JournalEntry]) -> dict[str | None, r.JournalEntry]:
    return {e.title: e for e in entries}


def test_the_zip_reads_every_journal_in_it(sources: Sources) -> None:
    entries = dayone.read(sources.dayone_zip).sections["journal"]
    assert sorted(e.title or "" for e in entries) == [
        "Quarterly review went well!", "Short one-line entry about the offsite", "Side projects"]


def test_title_is_the_first_line_without_heading_marks_or_escapes(sources: Sources) -> None:
    entry = _by_title(dayone.read(sources.dayone_json).sections["journal"])[
        "Quarterly review went well!"]
    assert entry.tags == ["work", "wins", "starred"]
    # The photo is a word, not a link to nowhere; escapes that mean nothing are gone...
    assert entry.body.startswith("[photo]\n\nMaya said the dashboard (v2) saved her team "
                                 "5 hours a week.")
    assert "dayone-moment" not in entry.body
    # ...and those that keep a line from turning into a list stay.
    assert "\n\\- not a list, a dash\n1\\. not a list either" in entry.body


def test_the_date_is_the_local_date_where_the_entry_was_written(sources: Sources) -> None:
    entries = _by_title(dayone.read(sources.dayone_zip).sections["journal"])
    # 05:30 UTC on 1 April is 22:30 on 31 March in Los Angeles.
    assert entries["Quarterly review went well!"].date == date(2026, 3, 31)
    # 22:15 UTC on 2 April is 00:15 on 3 April in Berlin.
    assert entries["Short one-line entry about the offsite"].date == date(2026, 4, 3)
    # No zone: the UTC date.
    assert entries["Side projects"].date == date(2026, 5, 10)


def test_a_one_line_entry_is_all_title(sources: Sources) -> None:
    entry = _by_title(dayone.read(sources.dayone_json).sections["journal"])[
        "Short one-line entry about the offsite"]
    assert entry.body == ""


def test_uids_come_from_dayone_uuids(sources: Sources) -> None:
    first = [e.uid for e in dayone.read(sources.dayone_zip).sections["journal"]]
    second = [e.uid for e in dayone.read(sources.dayone_zip).sections["journal"]]
    assert first == second and len(set(first)) == 3


@pytest.mark.parametrize(("text", "title", "body"), [
    ("## Heading two\nbody", "Heading two", "body"),
    ("![](dayone-moment://ABC)\nCaption under a photo", None,
     "[photo]\nCaption under a photo"),
    ("Clip\n![](dayone-moment:/video/0A1B)", "Clip", "[video]"),
    ("Voice note\n![](dayone-moment:/audio/0A1B)", "Voice note", "[audio]"),
    ("A \\*literal\\* star", "A *literal* star", ""),
])
def test_split_text(text: str, title: str | None, body: str) -> None:
    assert dayone.split_text(text) == (title, body)


def test_a_bad_timestamp_is_refused_naming_the_journal_in_the_zip(sources: Sources) -> None:
    data = json.loads(json.dumps(samples.DAYONE_JOURNAL))
    data["entries"][1]["creationDate"] = "yesterday"
    path = sources.folder / "broken.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Journal.json", json.dumps(data))
    with pytest.raises(FileRefused) as refused:
        dayone.read(path)
    assert str(refused.value) == (
        f"{path}: Journal.json: entries[1].creationDate: expected a timestamp like "
        '2024-03-05T14:30:00Z, got "yesterday"')


def test_an_entry_without_uuid_is_refused(sources: Sources) -> None:
    path = sources.write("no-uuid.json", json.dumps(
        {"entries": [{"creationDate": "2026-01-01T10:00:00Z", "text": "x"}]}))
    with pytest.raises(FileRefused, match=r"entries\[0\]\.uuid: is missing"):
        dayone.read(path)


def test_a_zip_without_journals_is_refused(sources: Sources) -> None:
    path = sources.folder / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photos/a.jpeg", b"\xff\xd8")
    with pytest.raises(FileRefused, match="no Day One journal"):
        dayone.read(path)


def test_blank_entries_are_left_out(sources: Sources) -> None:
    path = sources.write("blank.json", json.dumps({"entries": [
        {"uuid": "A1", "creationDate": "2026-01-01T10:00:00Z", "text": " \n"},
        {"uuid": "A2", "creationDate": "2026-01-01T10:00:00Z"},
        {"uuid": "A3", "creationDate": "2026-01-01T10:00:00Z", "text": "Kept"}]}))
    assert [e.title for e in dayone.read(path).sections["journal"]] == ["Kept"]
