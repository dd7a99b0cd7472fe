"""A full disk, a read-only journal, a journal locked elsewhere: one clear sentence on
what to do, nothing lost, and the same change works once the problem is gone.

A real full disk is a small tmpfs where mounting is allowed (root, as in CI); SQLite's
``max_page_count`` makes the same "database or disk is full" error everywhere else.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event

from careerdesk import cli, services
from careerdesk.domain import records as r
from careerdesk.domain.errors import InvalidRecord
from careerdesk.store import database
from careerdesk.store.database import Journal, StorageUnavailable, open_journal
from careerdesk.store.environment import JournalDamaged, explain


def _entries(journal: Journal) -> set[str]:
    return {entry.uid for entry in services.load_all(journal, r.JournalEntry)}


def _fill_until_refused(journal: Journal) -> tuple[list[str], StorageUnavailable]:
    saved: list[str] = []
    for number in range(100_000):
        try:
            saved.append(services.add_journal_entry(journal, f"entry {number} " + "f" * 3000))
        except StorageUnavailable as error:
            return saved, error
    raise AssertionError("the disk never filled")


def _assert_one_line_about(message: str, *words: str) -> None:
    assert "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message


# ---------------------------------------------------------------- disk full


def test_a_full_journal_says_so_keeps_every_saved_entry_and_takes_the_edit_later(
        tmp_path: Path) -> None:
    journal = open_journal(tmp_path)
    page_limit = {"pages": 120}

    def cap(connection: sqlite3.Connection, _record: Any) -> None:
        connection.execute(f"PRAGMA max_page_count = {page_limit['pages']}")

    try:
        journal.engine.dispose()
        event.listen(journal.engine, "connect", cap)
        saved, error = _fill_until_refused(journal)
        _assert_one_line_about(str(error), "disk is full", "try again", str(journal.path))
        assert saved and _entries(journal) == set(saved)  # nothing lost, nothing half-saved
        page_limit["pages"] = 100_000  # space freed
        journal.engine.dispose()
        retried = services.add_journal_entry(journal, "the same edit, again")
        assert _entries(journal) == {*saved, retried}
    finally:
        journal.close()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("mounting a small file system needs root; max_page_count covers it above")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_really_full_disk(tiny_disk: Path) -> None:
    data_dir = tiny_disk / "data"
    journal = open_journal(data_dir)
    try:
        saved, error = _fill_until_refused(journal)
        _assert_one_line_about(str(error), "disk is full")
        assert _entries(journal) == set(saved)
        status = cli.main(["--data-dir", str(data_dir), "log", "x" * 100_000])
        assert status == cli.EXIT_REFUSED
    finally:
        journal.close()
    assert sqlite3.connect(data_dir / "journal.sqlite3").execute(
        "PRAGMA integrity_check").fetchone()[0] == "ok"


# ---------------------------------------------------------------- read-only


def test_a_read_only_journal_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = open_journal(tmp_path)
    kept = services.add_journal_entry(journal, "before")
    journal.close()

    def read_only_engine(path: Path, passphrase: object = None) -> Any:
        # Root ignores file modes, so the file is opened read-only the way SQLite finds
        # it on a read-only folder or medium.
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", hide_parameters=True)
        event.listen(engine, "connect", database._on_connect)
        event.listen(engine, "begin", database._on_begin)
        return engine

    monkeypatch.setattr(database, "create_journal_engine", read_only_engine)
    journal = open_journal(tmp_path, check=False)
    try:
        with pytest.raises(StorageUnavailable) as caught:
            services.add_journal_entry(journal, "after")
        _assert_one_line_about(str(caught.value), "read-only", "writable", "try again")
        assert _entries(journal) == {kept}
    finally:
        journal.engine.dispose()


# ---------------------------------------------------------------- locked


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits 0.2 s for a lock instead of 5 s, so the test is quick."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(database, "PRAGMAS", tuple(
        "PRAGMA busy_timeout = 200" if p.startswith("PRAGMA busy_timeout") else p
        for p in database.PRAGMAS))


@pytest.fixture
def locked(tmp_path: Path, short_wait: None) -> Iterator[sqlite3.Connection]:
    """Another program holding the journal's write lock."""
    open_journal(tmp_path).close()
    other = sqlite3.connect(tmp_path / "journal.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.close()


def test_a_locked_journal_says_so_and_the_edit_works_once_released(
        tmp_path: Path, locked: sqlite3.Connection) -> None:
    journal = open_journal(tmp_path)
    try:
        with pytest.raises(StorageUnavailable) as caught:
            services.add_journal_entry(journal, "blocked")
        _assert_one_line_about(str(caught.value), "busy in another program", "try again")
        assert _entries(journal) == set()
        locked.execute("ROLLBACK")
        uid = services.add_journal_entry(journal, "blocked")
        assert _entries(journal) == {uid}
    finally:
        journal.close()


def test_the_command_line_tells_a_locked_journal_in_one_line(
        tmp_path: Path, locked: sqlite3.Connection, capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["--data-dir", str(tmp_path), "log", "hello"])
    assert status == cli.EXIT_REFUSED
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("careerdesk: ") and "busy" in err


def test_the_command_line_tells_a_full_disk_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    open_journal(tmp_path).close()
    monkeypatch.setattr(database, "PRAGMAS", (*database.PRAGMAS, "PRAGMA max_page_count = 1"))
    status = cli.main(["--data-dir", str(tmp_path), "log", "hello " * 2000])
    assert status == cli.EXIT_REFUSED
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err


# ---------------------------------------------------------------- the sentences


@pytest.mark.parametrize(("code", "words"), [
    (13, "disk is full"), (8, "read-only"), (3, "read-only"), (5, "busy"), (6, "busy"),
    (14, "cannot be reached"), (10, "cannot be reached"), (11, "damaged"), (26, "damaged"),
])
def test_each_sqlite_problem_gets_its_sentence(code: int, words: str) -> None:
    error = sqlite3.OperationalError("something")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    explained = explain(error, Path("/somewhere/journal.sqlite3"))
    assert explained is not None and words in str(explained)
    assert isinstance(explained, JournalDamaged) == (code in (11, 26))


def test_a_bug_is_not_dressed_up_as_a_problem_of_the_machine() -> None:
    assert explain(ValueError("a bug"), Path("x")) is None
    error = sqlite3.IntegrityError("UNIQUE constraint failed")
    error.sqlite_errorcode = 2067  # type: ignore[attr-defined]
    assert explain(error, Path("x")) is None


def test_an_entry_refused_for_its_content_is_not_an_environment_problem(journal: Journal) -> None:
    with pytest.raises(InvalidRecord):
        services.add_journal_entry(journal, "   ")
