"""Opening a journal: new ones built whole, damaged ones refused with a way back,
migrations backed up first and never left half done."""

from __future__ import annotations

import hashlib
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.store import database
from careerdesk.store.backup import backup, check_file, restore
from careerdesk.store.database import (
    JournalDamaged,
    create_journal_engine,
    open_journal,
    upgrade,
)
from careerdesk.store.schema_version import HEAD
from tests.conftest import REPO


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master "
                                                     "WHERE type = 'table'")}
    finally:
        connection.close()


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        if "alembic_version" not in {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master")}:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A closed journal with a few entries, and one backup of it."""
    data_dir = tmp_path / "data"
    journal = open_journal(data_dir)
    for number in range(30):
        services.add_journal_entry(journal, f"entry {number} " + "words " * 200, title=f"t{number}")
    journal.close()
    backup(data_dir)
    return data_dir


# ---------------------------------------------------------------- new journals


def test_a_new_journal_never_exists_half_made(tmp_path: Path) -> None:
    journal = open_journal(tmp_path)
    journal.close()
    assert _revision(journal.path) == HEAD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


def test_a_leftover_of_a_killed_first_start_is_thrown_away(tmp_path: Path) -> None:
    leftover = tmp_path / ".journal.sqlite3.new"
    leftover.write_bytes(b"half a database")
    journal = open_journal(tmp_path)
    journal.close()
    assert not leftover.exists()
    assert _revision(journal.path) == HEAD


# ---------------------------------------------------------------- damaged files


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 3 + 100]
    elif how == "zeroed header":
        data[:100] = bytes(100)
    elif how == "random bytes":
        data = bytearray(random.Random(7).randbytes(len(data)))
    elif how == "not a database":
        data = bytearray(b"Dear diary, these are my notes.\n" * 300)
    elif how == "damaged page":
        # The entries' table: the header still says "journal", so only the check on open
        # can tell.
        connection = sqlite3.connect(path)
        root = connection.execute("SELECT rootpage FROM sqlite_master "
                                  "WHERE name = 'journal_entry'").fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        connection.close()
        start = (root - 1) * page_size
        data[start: start + page_size] = random.Random(3).randbytes(page_size)
    path.write_bytes(bytes(data))


DAMAGE = ["truncated", "zeroed header", "random bytes", "not a database", "damaged page"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_journal_is_refused_with_a_way_back_and_restored(filled: Path, how: str) -> None:
    path = filled / "journal.sqlite3"
    _damage(path, how)
    damaged = _sha256(path)
    with pytest.raises(JournalDamaged) as caught:
        open_journal(filled).close()
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    assert "damaged" in message or "not a careerdesk journal" in message
    assert _sha256(path) == damaged  # refused, not touched

    (good,) = (filled / "backups").glob("journal-*.sqlite3")
    kept = restore(filled, good)
    assert kept is not None and _sha256(kept) == damaged  # the damaged file is kept aside
    journal = open_journal(filled)
    try:
        assert len(services.load_all(journal, r.JournalEntry)) == 30
    finally:
        journal.close()
    assert check_file(path).ok


# ---------------------------------------------------------------- migrations


def test_a_migration_is_preceded_by_a_backup_of_the_old_journal(
        filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _sha256(filled / "journal.sqlite3")
    upgraded: list[str] = []

    def pretend_upgrade(engine: object) -> None:
        backups = sorted((filled / "backups").glob("before-migration-*.sqlite3"))
        upgraded.append(backups[0].name if backups else "")

    # As if this careerdesk knew a revision newer than the journal's.
    monkeypatch.setattr(database, "HEAD", "0002")
    monkeypatch.setattr(database, "upgrade", pretend_upgrade)
    open_journal(filled).close()
    assert upgraded and upgraded[0].startswith(f"before-migration-{HEAD}-")
    (made,) = (filled / "backups").glob("before-migration-*.sqlite3")
    assert check_file(made).ok
    connection = sqlite3.connect(made)
    try:
        assert connection.execute("SELECT count(*) FROM journal_entry").fetchone()[0] == 30
    finally:
        connection.close()
    assert _sha256(filled / "journal.sqlite3") == before  # the pretend upgrade changed nothing
    assert oct(made.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("fail_after", [1, 3, 8, 15, 25, 40])
def test_a_migration_that_fails_midway_leaves_the_journal_as_it_was(
        tmp_path: Path, fail_after: int) -> None:
    path = tmp_path / "journal.sqlite3"
    path.touch()
    engine = create_journal_engine(path)
    statements = 0

    def fail_midway(*_args: object) -> None:
        nonlocal statements
        statements += 1
        if statements == fail_after:
            raise RuntimeError("the process died here")

    event.listen(engine, "before_cursor_execute", fail_midway)
    try:
        with pytest.raises(RuntimeError, match="died here"):
            upgrade(engine)
    finally:
        engine.dispose()
    assert _tables(path) == set()  # DDL is transactional: nothing of the new schema stays


def test_a_killed_migration_leaves_the_journal_old_or_new(tmp_path: Path) -> None:
    rng = random.Random()
    outcomes = set()
    for attempt in range(8):
        path = tmp_path / f"j{attempt}" / "journal.sqlite3"
        path.parent.mkdir()
        path.touch()
        process = subprocess.Popen(
            [sys.executable, "-c",
             "import sys; from pathlib import Path; "
             "from careerdesk.store.database import create_journal_engine, upgrade; "
             "print('ready', flush=True); e = create_journal_engine(Path(sys.argv[1])); "
             "upgrade(e); e.dispose(); print('done', flush=True)", str(path)],
            cwd=REPO, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        tables = _tables(path)
        revision = _revision(path)
        assert not any(name.startswith("_alembic_tmp_") for name in tables)
        assert (tables == set() and revision is None) or revision == HEAD
        outcomes.add("new" if revision == HEAD else "old")
        if revision == HEAD:
            assert check_file(path).ok
        else:
            # An old (here: never migrated) journal is migrated cleanly by the next start.
            engine = create_journal_engine(path)
            upgrade(engine)
            engine.dispose()
            assert _revision(path) == HEAD
    assert outcomes  # at least one run, whichever way the kills fell
