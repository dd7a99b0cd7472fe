"""Backups are checked copies; restore keeps the journal it replaces; check finds damage."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.store.backup import BackupFailed, backup, check_file, restore
from careerdesk.store.database import Journal, open_journal
from tests.core.samples import dump


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open_copy(backup_file: Path, folder: Path) -> Journal:
    """Opens a copy of a backup as the journal of another data folder."""
    folder.mkdir(parents=True)
    shutil.copyfile(backup_file, folder / "journal.sqlite3")
    return open_journal(folder)


def _damage(source: Path, destination: Path, *, at: float = 0.5) -> Path:
    """A copy with one page in the middle overwritten."""
    raw = bytearray(source.read_bytes())
    start = int(len(raw) * at) // 4096 * 4096
    raw[start:start + 4096] = b"\xff" * 4096
    destination.write_bytes(bytes(raw))
    return destination


@pytest.fixture
def data_dir(tmp_path: Path, journal_templates: dict[str, Path]) -> Path:
    """A data folder with the demo journal, closed (restore needs it closed)."""
    folder = tmp_path / "careerdesk"
    folder.mkdir(mode=0o700)
    shutil.copyfile(journal_templates["demo"], folder / "journal.sqlite3")
    os.chmod(folder / "journal.sqlite3", 0o600)
    return folder


def test_a_backup_is_a_private_checked_copy_that_opens(data_dir: Path, tmp_path: Path) -> None:
    made = backup(data_dir)
    assert made.parent == data_dir / "backups"
    assert made.name.startswith("journal-") and made.suffix == ".sqlite3"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert check_file(made).ok
    assert not list(made.parent.glob(".*"))  # no partial file left behind
    copy = _open_copy(made, tmp_path / "opened")
    try:
        assert len(services.load_all(copy, r.Achievement)) == 25
        assert len(services.load_skills(copy)) == 20
    finally:
        copy.close()


def test_a_backup_is_one_self_contained_file(data_dir: Path) -> None:
    made = backup(data_dir)
    connection = sqlite3.connect(made)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        connection.close()


def test_a_backup_of_an_open_journal_holds_its_latest_save(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "live")
    try:
        uid = services.add_journal_entry(journal, "Saved just before the backup",
                                         day=date(2026, 1, 2))
        made = backup(journal.path.parent, tmp_path / "copy.sqlite3")
    finally:
        journal.close()
    assert made == tmp_path / "copy.sqlite3"
    copy = _open_copy(made, tmp_path / "opened")
    try:
        assert services.load_record(copy, r.JournalEntry, uid).body == (
            "Saved just before the backup")
    finally:
        copy.close()


def test_there_is_nothing_to_back_up_without_a_journal(tmp_path: Path) -> None:
    with pytest.raises(BackupFailed, match="no journal to back up"):
        backup(tmp_path / "empty")


def test_a_backup_where_it_cannot_be_written_is_refused(data_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BackupFailed, match="cannot be written"):
        backup(data_dir, blocker / "backup.sqlite3")


# ---------------------------------------------------------------- check


def test_check_passes_a_good_journal(data_dir: Path) -> None:
    report = check_file(data_dir / "journal.sqlite3")
    assert report.ok and report.problems == ()


def test_check_passes_an_open_journal(demo_journal: Journal) -> None:
    assert check_file(demo_journal.path).ok


@pytest.mark.parametrize("at", [0.3, 0.5, 0.8])
def test_check_reports_a_damaged_file(data_dir: Path, tmp_path: Path, at: float) -> None:
    damaged = _damage(backup(data_dir), tmp_path / "damaged.sqlite3", at=at)
    report = check_file(damaged)
    assert not report.ok
    assert "damaged" in report.problems[0] or "malformed" in " ".join(report.problems)


def test_check_reports_a_file_that_is_not_a_journal(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    assert check_file(other).problems == ("this file is not a careerdesk journal",)
    text = tmp_path / "notes.txt"
    text.write_text("hello " * 1000)
    assert not check_file(text).ok
    assert check_file(tmp_path / "missing.sqlite3").problems == ("no such file",)


def test_check_reports_an_unknown_schema_revision(data_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "future.sqlite3"
    shutil.copyfile(backup(data_dir), copy)
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    assert check_file(copy).problems == (
        "schema revision 9999 is not one this careerdesk knows",)


def test_check_reports_a_broken_reference(data_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "broken.sqlite3"
    shutil.copyfile(backup(data_dir), copy)
    connection = sqlite3.connect(copy)  # foreign keys off: as another tool might write it
    connection.execute("DELETE FROM person WHERE id = (SELECT min(person_id) "
                       "FROM achievement_person)")
    connection.commit()
    connection.close()
    problems = check_file(copy).problems
    assert problems and all("refers to a missing person record" in p for p in problems)


# ---------------------------------------------------------------- restore


def test_restore_replaces_the_journal_and_keeps_the_replaced_one(data_dir: Path,
                                                                 tmp_path: Path) -> None:
    made = backup(data_dir, tmp_path / "saved.sqlite3")
    journal = open_journal(data_dir)
    late = services.add_journal_entry(journal, "Written after the backup", day=date(2026, 2, 1))
    journal.close()

    kept = restore(data_dir, made)

    assert kept is not None and kept.parent == data_dir / "backups"
    assert kept.name.startswith("before-restore-")
    assert check_file(kept).ok
    journal = open_journal(data_dir)
    try:
        ids = [e.uid for e in services.load_all(journal, r.JournalEntry)]
        assert late not in ids and len(ids) == 31
        assert stat.S_IMODE(journal.path.stat().st_mode) == 0o600
    finally:
        journal.close()
    replaced = _open_copy(kept, tmp_path / "replaced")
    try:
        assert services.load_record(replaced, r.JournalEntry, late).body == (
            "Written after the backup")
    finally:
        replaced.close()


def test_restore_into_an_empty_folder(data_dir: Path, tmp_path: Path) -> None:
    made = backup(data_dir)
    assert restore(tmp_path / "new", made) is None
    journal = open_journal(tmp_path / "new")
    try:
        assert len(services.load_all(journal, r.Person)) == 15
    finally:
        journal.close()


def test_restore_keeps_a_damaged_journal_aside(data_dir: Path, tmp_path: Path) -> None:
    made = backup(data_dir, tmp_path / "good.sqlite3")
    journal_file = data_dir / "journal.sqlite3"
    _damage(made, journal_file)
    damaged_bytes = _sha256(journal_file)
    kept = restore(data_dir, made)
    assert kept is not None and _sha256(kept) == damaged_bytes
    assert check_file(journal_file).ok


@pytest.mark.parametrize("kind", ["text", "foreign", "damaged", "missing"])
def test_restoring_a_file_that_is_not_a_good_journal_changes_nothing(
        data_dir: Path, tmp_path: Path, kind: str) -> None:
    source = tmp_path / "candidate.sqlite3"
    if kind == "text":
        source.write_text("not a database\n" * 100)
    elif kind == "foreign":
        connection = sqlite3.connect(source)
        connection.execute("CREATE TABLE contacts (name)")
        connection.close()
    elif kind == "damaged":
        _damage(backup(data_dir, tmp_path / "good.sqlite3"), source)
    journal_file = data_dir / "journal.sqlite3"
    before = _sha256(journal_file)
    backups_before = sorted(p.name for p in (data_dir / "backups").glob("*")) if (
        data_dir / "backups").exists() else []
    with pytest.raises(BackupFailed, match="not restored"):
        restore(data_dir, source)
    assert _sha256(journal_file) == before
    backups_after = sorted(p.name for p in (data_dir / "backups").glob("*")) if (
        data_dir / "backups").exists() else []
    assert backups_after == backups_before


def test_a_restored_journal_reads_like_the_original(data_dir: Path, tmp_path: Path) -> None:
    original = dump(data_dir / "journal.sqlite3")
    made = backup(data_dir)
    restore(tmp_path / "elsewhere", made)
    assert dump(tmp_path / "elsewhere" / "journal.sqlite3") == original
