"""The careerdesk interchange file: export, import, idempotence, and all-or-nothing refusals."""

from __future__ import annotations

import copy
import json
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.errors import FileRefused
from careerdesk.interchange import careerdesk_json
from careerdesk.store.database import Journal, open_journal
from tests.conftest import REPO
from tests.core.samples import dump, sample

PACKAGE_SCHEMA = REPO / "careerdesk" / "interchange" / "careerdesk.schema.json"
# The design folder sits beside the repository: <parent>/shared/design.
DESIGN_SCHEMA = REPO.parent / "shared" / "design" / "careerdesk.schema.json"
SECTIONS = list(r.SECTIONS)


def demo_data() -> dict[str, Any]:
    return dict(json.loads(services.demo_file().read_text(encoding="utf-8")))


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def export(journal: Journal, path: Path) -> dict[str, Any]:
    services.export_interchange(journal, path)
    return dict(json.loads(path.read_text(encoding="utf-8")))


def without_stamp(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "exported_at"}


# ---------------------------------------------------------------- the schema


def test_the_package_ships_the_designs_schema() -> None:
    if not DESIGN_SCHEMA.parent.is_dir():
        pytest.skip(f"the design folder {DESIGN_SCHEMA.parent} is not beside this checkout")
    assert PACKAGE_SCHEMA.read_bytes() == DESIGN_SCHEMA.read_bytes()


def test_the_schema_is_a_valid_json_schema() -> None:
    schema = json.loads(PACKAGE_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["required"]) >= {"format", "version", *SECTIONS}


def test_the_demo_export_validates_against_the_schema(demo_journal: Journal,
                                                      tmp_path: Path) -> None:
    data = export(demo_journal, tmp_path / "export.json")
    schema = json.loads(PACKAGE_SCHEMA.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors == []
    assert data["format"] == "careerdesk" and data["version"] == 1
    assert datetime.fromisoformat(data["exported_at"]).tzinfo is not None
    assert data["profile"] == demo_data()["profile"]


def test_an_empty_journal_exports_a_valid_empty_file(journal: Journal, tmp_path: Path) -> None:
    data = export(journal, tmp_path / "empty.json")
    schema = json.loads(PACKAGE_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert all(data[section] == [] for section in SECTIONS)


def test_every_field_of_every_kind_survives_export_and_import(journal: Journal,
                                                              tmp_path: Path) -> None:
    s = sample(with_times=True)
    for record in s.records():
        services.save_record(journal, record, keep_times=True)
    path = tmp_path / "all.json"
    export(journal, path)
    other = open_journal(tmp_path / "other")
    try:
        services.import_interchange(other, path)
        for record in s.records():
            assert services.load_record(other, type(record), record.uid) == record
    finally:
        other.close()


def test_the_export_is_private_and_written_whole(demo_journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "out" / "export.json"
    path.parent.mkdir()
    services.export_interchange(demo_journal, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["export.json"]  # no temporary left


def test_an_export_into_a_missing_folder_is_refused(journal: Journal, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "export.json"
    with pytest.raises(FileRefused) as caught:
        services.export_interchange(journal, target)
    assert str(caught.value) == f"{target}: cannot be written (No such file or directory)"


def test_an_export_onto_a_folder_is_refused(journal: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(FileRefused) as caught:
        services.export_interchange(journal, folder)
    assert str(caught.value) == f"{folder}: is a folder; give the name of the file to write"
    assert list(folder.iterdir()) == [] and folder.is_dir()
    assert not list(tmp_path.glob(".*"))  # no temporary file beside it


# ---------------------------------------------------------------- round trips


def test_export_import_export_gives_the_same_records(demo_journal: Journal,
                                                     tmp_path: Path) -> None:
    first = export(demo_journal, tmp_path / "first.json")
    fresh = open_journal(tmp_path / "fresh")
    try:
        services.import_interchange(fresh, tmp_path / "first.json")
        second = export(fresh, tmp_path / "second.json")
    finally:
        fresh.close()
    assert without_stamp(second) == without_stamp(first)


def test_the_demo_import_keeps_every_record(demo_journal: Journal, tmp_path: Path) -> None:
    demo = demo_data()
    exported = export(demo_journal, tmp_path / "export.json")
    for section in SECTIONS:
        key = "name" if section == "skills" else "uid"
        assert sorted(x[key] for x in exported[section]) == sorted(x[key] for x in demo[section])
    achievement = next(x for x in exported["achievements"]
                       if x["uid"] == demo["achievements"][0]["uid"])
    assert achievement["metrics"] == demo["achievements"][0]["metrics"]


def test_the_counts_of_an_import(journal: Journal) -> None:
    counts = services.import_interchange(journal, services.demo_file())
    demo = demo_data()
    assert counts.added == {s: len(demo[s]) for s in SECTIONS if demo[s]}
    assert counts.updated == {} and counts.unchanged == {}
    assert "achievements: 25 added, 0 updated, 0 unchanged" in counts.lines()
    assert counts.changed_anything


def test_importing_the_same_file_twice_changes_nothing(demo_journal: Journal,
                                                       tmp_path: Path) -> None:
    before_dump = dump(demo_journal.path)
    before = export(demo_journal, tmp_path / "before.json")
    counts = services.import_interchange(demo_journal, services.demo_file())
    assert counts.added == {} and counts.updated == {}
    assert sum(counts.unchanged.values()) == sum(
        len(v) for v in demo_data().values() if isinstance(v, list))
    assert not counts.changed_anything
    assert dump(demo_journal.path) == before_dump  # every row, updated_at included
    assert without_stamp(export(demo_journal, tmp_path / "after.json")) == without_stamp(before)


def test_reimporting_an_export_changes_nothing(demo_journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    export(demo_journal, path)
    before = dump(demo_journal.path)
    counts = services.import_interchange(demo_journal, path)
    assert not counts.changed_anything
    assert dump(demo_journal.path) == before


def test_a_record_whose_uid_exists_is_updated(demo_journal: Journal, tmp_path: Path) -> None:
    data = export(demo_journal, tmp_path / "export.json")
    person = data["people"][2]
    person["title"] = "VP of Everything"
    data["journal"][0]["body"] = "Rewritten."
    counts = services.import_interchange(demo_journal, write(tmp_path / "edited.json", data))
    assert counts.updated == {"people": 1, "journal": 1}
    assert counts.added == {}
    assert services.load_record(demo_journal, r.Person, person["uid"]).title == "VP of Everything"
    uid = data["journal"][0]["uid"]
    assert services.load_record(demo_journal, r.JournalEntry, uid).body == "Rewritten."


def test_an_import_may_refer_to_records_already_in_the_journal(demo_journal: Journal,
                                                               tmp_path: Path) -> None:
    person_uid = demo_data()["people"][0]["uid"]
    data = {"format": "careerdesk", "version": 1, **{s: [] for s in SECTIONS}}
    data["interactions"] = [{"uid": "new-talk", "date": "2026-12-01", "people": [person_uid],
                             "kind": "coffee", "summary": "Coffee after the review"}]
    counts = services.import_interchange(demo_journal, write(tmp_path / "one.json", data))
    assert counts.added == {"interactions": 1}
    assert services.load_record(demo_journal, r.Interaction, "new-talk").people == [person_uid]


def test_timestamps_in_the_file_are_kept(journal: Journal, tmp_path: Path) -> None:
    data = {"format": "careerdesk", "version": 1, **{s: [] for s in SECTIONS}}
    data["journal"] = [{"uid": "j-1", "date": "2026-01-02", "body": "x",
                        "created_at": "2026-01-02T08:00:00+01:00",
                        "updated_at": "2026-01-03T08:00:00Z"}]
    services.import_interchange(journal, write(tmp_path / "one.json", data))
    entry = services.load_record(journal, r.JournalEntry, "j-1")
    assert entry.created_at == datetime(2026, 1, 2, 7, 0, tzinfo=UTC)
    assert entry.updated_at == datetime(2026, 1, 3, 8, 0, tzinfo=UTC)
    assert entry.date == date(2026, 1, 2)


# ---------------------------------------------------------------- refusals


Mutation = Callable[[dict[str, Any]], None]


def _set(section: str, index: int, field: str, value: Any) -> Mutation:
    return lambda d: d[section][index].__setitem__(field, value)


def _drop(section: str, index: int, field: str) -> Mutation:
    return lambda d: d[section][index].pop(field)


def _duplicate_uid(d: dict[str, Any]) -> None:
    d["people"][1]["uid"] = d["people"][0]["uid"]


DEMO = demo_data()

REFUSALS: list[tuple[str, Mutation, str]] = [
    ("a lot", _set("achievements", 2, "metrics", [{"name": "Client satisfaction",
                                                   "result": "a lot"}]),
     'achievements[2].metrics[0].result: expected a number, got "a lot"'),
    ("missing field", _drop("people", 3, "name"), "people[3].name: is missing"),
    ("missing section", lambda d: d.pop("plans"), "plans: is missing"),
    ("enum", _set("achievements", 0, "kind", "heroic"),
     'achievements[0].kind: expected one of quantified, story, invisible, got "heroic"'),
    ("date pattern", _set("journal", 1, "date", "02/01/2026"),
     'journal[1].date: expected a date YYYY-MM-DD, got "02/01/2026"'),
    ("calendar date", _set("journal", 1, "date", "2026-02-30"),
     'journal[1].date: expected a date YYYY-MM-DD, got "2026-02-30"'),
    ("optional date", _set("interactions", 1, "follow_up", "2026-13-01"),
     'interactions[1].follow_up: expected a date YYYY-MM-DD, got "2026-13-01"'),
    ("timestamp without zone", _set("people", 0, "created_at", "2026-01-01T10:00:00"),
     'people[0].created_at: expected a timestamp with a zone, got "2026-01-01T10:00:00"'),
    ("duplicate uid", _duplicate_uid,
     f'people[1].uid: "{DEMO["people"][0]["uid"]}" is already used by people[0]'),
    ("missing person", _set("interactions", 4, "people", ["no-such-person"]),
     "interactions[4].people[0]: no person with uid no-such-person"),
    ("missing achievement", _set("plans", 1, "evidence", ["no-such-achievement"]),
     "plans[1].evidence[0]: no achievement with uid no-such-achievement"),
    ("influence", _set("people", 0, "influence", 6), "people[0].influence: expected at most 5, got 6"),
    ("domain rule", _set("experiences", 0, "end", "1999-01-01"),
     f"experiences[0].end: ends (1999-01-01) before it starts ({DEMO['experiences'][0]['start']})"),
    ("NaN", _set("compensation", 0, "base", float("nan")),
     "compensation[0].base: expected a number, got NaN"),
    ("format", lambda d: d.__setitem__("format", "jrnl"),
     'format: expected "careerdesk", got "jrnl"'),
    ("version 2", lambda d: d.__setitem__("version", 2),
     "version: this careerdesk reads version 1 files, got version 2"),
]


@pytest.fixture
def journal_with_data(demo_journal: Journal) -> Journal:
    services.add_journal_entry(demo_journal, "Something of my own", day=date(2026, 12, 1))
    return demo_journal


@pytest.mark.parametrize(("mutate", "message"), [(m, msg) for _, m, msg in REFUSALS],
                         ids=[label for label, _, _ in REFUSALS])
def test_a_bad_file_is_refused_with_the_exact_field_and_nothing_changes(
        journal_with_data: Journal, tmp_path: Path, mutate: Mutation, message: str) -> None:
    data = demo_data()
    mutate(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = dump(journal_with_data.path)
    with pytest.raises(FileRefused) as caught:
        services.import_interchange(journal_with_data, path)
    assert str(caught.value) == f"{path}: {message}"
    assert dump(journal_with_data.path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "careerdesk",\n  "version": 1,\n  oops}',
         "line 3 column 3: not valid JSON (Expecting property name enclosed in double quotes)"),
        (b"", "line 1 column 1: not valid JSON (Expecting value)"),
        (b'{"format": "careerdesk", "note": "caf\xe9"}', "not UTF-8 text (byte 37)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8 text (byte 0)"),
        (b"[1, 2, 3]", "expected an object, got [1, 2, 3]"),
    ],
    ids=["not JSON", "empty", "not UTF-8", "binary", "not an object"],
)
def test_a_file_that_is_not_an_interchange_file_is_refused(
        journal_with_data: Journal, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = dump(journal_with_data.path)
    with pytest.raises(FileRefused) as caught:
        services.import_interchange(journal_with_data, path)
    assert str(caught.value) == f"{path}: {message}"
    assert dump(journal_with_data.path) == before


def test_a_missing_file_or_a_folder_is_refused(journal: Journal, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(FileRefused) as caught:
        services.import_interchange(journal, missing)
    assert str(caught.value) == f"{missing}: no such file"
    with pytest.raises(FileRefused, match="is a folder, not a file"):
        services.import_interchange(journal, tmp_path)
    assert services.is_empty(journal)


def test_a_utf8_file_with_a_byte_order_mark_is_read(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + services.demo_file().read_bytes())
    counts = services.import_interchange(journal, path)
    assert counts.added["achievements"] == 25


def _many_good_then_one_bad() -> dict[str, Any]:
    """The demo, 300 extra entries and people, then a plan pointing at nothing."""
    data = demo_data()
    data["people"] += [{"uid": f"extra-person-{i}", "name": f"Extra {i}"} for i in range(300)]
    data["journal"] += [{"uid": f"extra-entry-{i}", "date": "2026-12-01", "body": f"entry {i}"}
                        for i in range(300)]
    bad_plan = copy.deepcopy(data["plans"][0])
    bad_plan["uid"] = "the-bad-plan"
    bad_plan["participants"] = [*bad_plan["participants"], "extra-person-299", "ghost"]
    data["plans"].append(bad_plan)
    return data


def test_all_or_nothing_into_an_empty_journal(journal: Journal, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", _many_good_then_one_bad())
    before = dump(journal.path)
    with pytest.raises(FileRefused) as caught:
        services.import_interchange(journal, path)
    participants = len(demo_data()["plans"][0]["participants"])
    assert str(caught.value) == (
        f"{path}: plans[2].participants[{participants + 1}]: no person with uid ghost")
    assert dump(journal.path) == before
    assert services.is_empty(journal)


def test_all_or_nothing_into_a_journal_with_records(journal_with_data: Journal,
                                                    tmp_path: Path) -> None:
    data = _many_good_then_one_bad()
    data["people"][0]["title"] = "Changed, then rolled back"
    path = write(tmp_path / "bad.json", data)
    before = dump(journal_with_data.path)
    with pytest.raises(FileRefused, match="no person with uid ghost"):
        services.import_interchange(journal_with_data, path)
    assert dump(journal_with_data.path) == before


def test_reading_a_file_does_not_touch_the_journal(journal: Journal) -> None:
    parsed = services.read_interchange(services.demo_file())
    assert len(parsed.sections["achievements"]) == 25
    assert parsed.profile.name == demo_data()["profile"]["name"]
    assert parsed.exported_at is not None
    assert services.is_empty(journal)


def test_the_parser_orders_sections_so_references_come_first() -> None:
    order = careerdesk_json.IMPORT_ORDER
    assert set(order) == set(SECTIONS)
    for later, earlier in [("achievements", "people"), ("achievements", "experiences"),
                           ("openings", "targets"), ("plans", "achievements"),
                           ("interactions", "people"), ("experiences", "skills")]:
        assert order.index(earlier) < order.index(later)
