"""Automatic backups: when they are taken, which are kept, and the WAL while they run."""

from __future__ import annotations

import os
import stat
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from careerdesk import services
from careerdesk.store.backup import backup, check_file
from careerdesk.store.backups import (
    BACKUP_INTERVAL,
    HISTORY,
    KEEP_DAILY,
    KEEP_LATEST,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    backup_if_due,
    backups_to_keep,
    changed_since_last_backup,
    list_backups,
    thin_backups,
)
from careerdesk.store.database import open_journal

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)

moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 11, 22, 11, 59),
                       timezones=st.just(UTC))


def _paths(stamps: list[datetime]) -> list[tuple[datetime, Path]]:
    return [(moment, Path(f"b{index}")) for index, moment in enumerate(stamps)]


@settings(max_examples=300, deadline=None)
@given(st.lists(moments, max_size=120))
def test_thinning_keeps_the_newest_and_a_year_of_history(stamps: list[datetime]) -> None:
    dated = _paths(stamps)
    kept = backups_to_keep(dated, NOW)
    assert kept <= {path for _, path in dated}
    newest_first = sorted(dated, key=lambda pair: (pair[0], str(pair[1])), reverse=True)
    assert {path for _, path in newest_first[:KEEP_LATEST]} <= kept
    assert len(kept) <= KEEP_LATEST + KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
    # Nothing older than a year survives, except among the newest few.
    old = {path for moment, path in dated if NOW - moment > HISTORY}
    assert len(kept & old) <= KEEP_LATEST
    # Thinning what was kept keeps it all: a second pass deletes nothing.
    assert backups_to_keep([pair for pair in dated if pair[1] in kept], NOW) == kept


@settings(max_examples=200, deadline=None)
@given(st.lists(moments, min_size=1, max_size=120))
def test_each_of_the_recent_days_keeps_its_newest_backup(stamps: list[datetime]) -> None:
    dated = _paths(stamps)
    kept = backups_to_keep(dated, NOW)
    recent = [pair for pair in dated if NOW - pair[0] <= HISTORY]
    days = sorted({moment.date() for moment, _ in recent}, reverse=True)[:KEEP_DAILY]
    for day in days:
        newest = max((pair for pair in recent if pair[0].date() == day),
                     key=lambda pair: (pair[0], str(pair[1])))
        assert newest[1] in kept
    months = sorted({(m.year, m.month) for m, _ in recent}, reverse=True)[:KEEP_MONTHLY]
    for month in months:
        assert any((m.year, m.month) == month for m, path in recent if path in kept)


def test_a_year_of_hourly_backups_thins_to_about_thirty() -> None:
    stamps = [NOW - timedelta(hours=hours) for hours in range(24 * 400)]
    kept = backups_to_keep(_paths(stamps), NOW)
    assert KEEP_DAILY + KEEP_MONTHLY <= len(kept) <= KEEP_LATEST + KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
    oldest = min(moment for moment, path in _paths(stamps) if path in kept)
    assert NOW - oldest > timedelta(days=300)  # a year of history, not just recent weeks


def test_backup_if_due_takes_one_at_start_then_waits_for_changes_and_time(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    journal = open_journal(data_dir)
    services.add_journal_entry(journal, "first")
    first = backup_if_due(data_dir, changed_since_last=False, now=NOW)
    assert first is not None and check_file(first).ok  # none yet: always due
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
    assert backup_if_due(data_dir, changed_since_last=True, now=NOW + BACKUP_INTERVAL / 2) is None
    assert backup_if_due(data_dir, changed_since_last=False, now=NOW + 2 * BACKUP_INTERVAL) is None
    second = backup_if_due(data_dir, changed_since_last=True, now=NOW + BACKUP_INTERVAL)
    assert second is not None and second != first
    journal.close()
    assert [b.path for b in list_backups(data_dir)] == [second, first]


def test_changes_since_the_last_backup_are_seen_from_the_files(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    journal = open_journal(data_dir)
    try:
        assert changed_since_last_backup(data_dir)  # no backup yet
        backup_if_due(data_dir, changed_since_last=True, now=datetime.now(UTC) + timedelta(seconds=2))
        assert not changed_since_last_backup(data_dir)
        (made,) = list_backups(data_dir)
        past = made.taken_at.timestamp() - 10
        os.utime(made.path, (past, past))
        # The name says when it was taken; an edit after that is a change.
        journal_time = made.taken_at.timestamp() + 1
        os.utime(journal.path, (journal_time, journal_time))
        assert changed_since_last_backup(data_dir)
    finally:
        journal.close()


def test_thinning_on_disk_spares_migration_and_restore_backups(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_journal(data_dir).close()
    folder = data_dir / "backups"
    folder.mkdir(mode=0o700)
    made = backup(data_dir, folder / "journal-2026-11-22T110000.sqlite3")
    for days in range(1, 60):
        stamp = (NOW - timedelta(days=days)).strftime("%Y-%m-%dT%H%M%S")
        (folder / f"journal-{stamp}.sqlite3").write_bytes(made.read_bytes())
    spared = [folder / "before-migration-0001-2020-01-01T000000.sqlite3",
              folder / "before-restore-2020-01-01T000000.sqlite3",
              folder / "damaged-2020-01-01T000000.sqlite3", folder / "notes.txt"]
    for path in spared:
        path.write_text("kept")
    removed = thin_backups(data_dir, NOW)
    assert removed and all(path.name.startswith("journal-") for path in removed)
    assert all(path.exists() for path in spared)
    left = [b for b in list_backups(data_dir) if b.automatic]
    assert len(left) == len(backups_to_keep([(b.taken_at, b.path) for b in left], NOW))
    assert made.exists()
    assert not any(b.path.name.startswith("damaged-") for b in list_backups(data_dir))


def test_the_wal_stays_bounded_while_edits_and_backups_run_together(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    journal = open_journal(data_dir)
    wal = Path(f"{journal.path}-wal")
    stop = threading.Event()
    errors: list[BaseException] = []
    largest = 0

    def back_up_again_and_again() -> None:
        try:
            while not stop.is_set():
                backup(data_dir, tmp_path / "copy.sqlite3")
        except BaseException as error:
            errors.append(error)

    copier = threading.Thread(target=back_up_again_and_again)
    copier.start()
    try:
        deadline = time.monotonic() + 4.0
        written = 0
        while time.monotonic() < deadline:
            services.add_journal_entry(journal, f"entry {written} " + "w" * 4000)
            written += 1
            largest = max(largest, wal.stat().st_size if wal.exists() else 0)
    finally:
        stop.set()
        copier.join()
        journal.close()
    assert errors == []
    print(f"\nWAL: {written} writes with backups running, largest {largest / 1e6:.1f} MB")
    assert written > 100
    # journal_size_limit is 16 MB; checkpoints run between the backup's reads.
    assert largest < 24 * 1024 * 1024
    assert not wal.exists() or wal.stat().st_size == 0  # truncated on close
