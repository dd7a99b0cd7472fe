"""Automatic backups: when one is due, and which of the old ones to keep.

The window calls ``backup_if_due`` on start and every few minutes; the rules live here so
that the command line and the tests share them. A backup is taken at most every
``BACKUP_INTERVAL`` and only when something changed since the last one. Old automatic
backups are thinned to about a year of history: the 4 newest (the last hours of work),
then the newest of each of the last 12 days with a backup, of the last 10 weeks, and of
the last 12 months. Backups made before a
migration or a restore, and damaged files kept aside, are never thinned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from careerdesk.paths import backup_dir, database_path, ensure_private_dir
from careerdesk.store.backup import backup, default_backup_path

if TYPE_CHECKING:
    from careerdesk.store.cipher import Passphrase
    from careerdesk.store.database import Journal

BACKUP_INTERVAL = timedelta(minutes=30)
KEEP_LATEST = 4
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 12
HISTORY = timedelta(days=366)

_AUTOMATIC = re.compile(r"^journal-(\d{4}-\d{2}-\d{2}T\d{6})\.sqlite3$")
_ANY_DATED = re.compile(r"^(?:journal|before-migration-[^-]+|before-restore)-"
                        r"(\d{4}-\d{2}-\d{2}T\d{6})\.sqlite3$")


@dataclass(frozen=True)
class DatedBackup:
    path: Path
    taken_at: datetime  # UTC, from the file's name
    size: int  # bytes

    @property
    def automatic(self) -> bool:
        return _AUTOMATIC.match(self.path.name) is not None


def _taken_at(name: str, pattern: re.Pattern[str]) -> datetime | None:
    found = pattern.match(name)
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(1), "%Y-%m-%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(data_dir: Path) -> list[DatedBackup]:
    """Every good-looking backup in ``backups/``, newest first (damaged files left out)."""
    folder = backup_dir(data_dir)
    found: list[DatedBackup] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        taken_at = _taken_at(path.name, _ANY_DATED)
        if taken_at is None:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(DatedBackup(path, taken_at, size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _newest_per(backups: Sequence[tuple[datetime, Path]], period: Callable[[datetime], Hashable],
                count: int) -> set[Path]:
    """The newest backup of each of the ``count`` most recent periods that have one."""
    kept: set[Path] = set()
    seen: list[Hashable] = []
    for taken_at, path in backups:  # newest first
        key = period(taken_at)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.append(key)
        kept.add(path)
    return kept


def _week(moment: datetime) -> tuple[int, int]:
    year, week, _ = moment.isocalendar()
    return year, week


def _month(moment: datetime) -> tuple[int, int]:
    return moment.year, moment.month


def _day(moment: datetime) -> date:
    return moment.date()


def backups_to_keep(dated_paths: Iterable[tuple[datetime, Path]], now: datetime) -> set[Path]:
    """Which automatic backups to keep: daily, weekly and monthly, within a year of ``now``.

    The newest backup is always kept, however old, so a journal never ends without one.
    """
    ordered = sorted(dated_paths, key=lambda pair: (pair[0], str(pair[1])), reverse=True)
    if not ordered:
        return set()
    recent = [pair for pair in ordered if now - pair[0] <= HISTORY]
    kept = {path for _, path in ordered[:KEEP_LATEST]}
    kept |= _newest_per(recent, _day, KEEP_DAILY)
    kept |= _newest_per(recent, _week, KEEP_WEEKLY)
    kept |= _newest_per(recent, _month, KEEP_MONTHLY)
    return kept


def thin_backups(data_dir: Path, now: datetime) -> list[Path]:
    """Deletes the automatic backups ``backups_to_keep`` lets go; returns them."""
    automatic = [b for b in list_backups(data_dir) if b.automatic]
    keep = backups_to_keep(((b.taken_at, b.path) for b in automatic), now)
    removed = []
    for item in automatic:
        if item.path not in keep:
            item.path.unlink(missing_ok=True)
            removed.append(item.path)
    return removed


def latest_backup(data_dir: Path) -> DatedBackup | None:
    automatic = [b for b in list_backups(data_dir) if b.automatic]
    return automatic[0] if automatic else None


def changed_since_last_backup(data_dir: Path) -> bool:
    """Whether the journal (or its WAL) was written after the newest automatic backup."""
    last = latest_backup(data_dir)
    if last is None:
        return True
    journal = database_path(data_dir)
    newest_write = 0.0
    for name in (str(journal), f"{journal}-wal"):
        try:
            newest_write = max(newest_write, Path(name).stat().st_mtime)
        except OSError:
            continue
    return newest_write > last.taken_at.timestamp()


def is_due(data_dir: Path, changed_since_last: bool, now: datetime) -> bool:
    if not database_path(data_dir).exists():
        return False
    last = latest_backup(data_dir)
    return last is None or (changed_since_last and now - last.taken_at >= BACKUP_INTERVAL)


def automatic_backup(journal: Journal, now: datetime) -> Path | None:
    """What the window runs on start and on its timer.

    The words of deleted text are purged from the search index first, so a backup taken
    after a deletion never holds what was deleted.
    """
    if journal.closed:  # closed, or being encrypted or decrypted: not now
        return None
    data_dir = journal.path.parent
    changed = changed_since_last_backup(data_dir)
    if not is_due(data_dir, changed, now):
        return None
    journal.purge_removed_text()
    return backup_if_due(data_dir, changed, now, journal.passphrase)


def backup_if_due(data_dir: Path, changed_since_last: bool, now: datetime,
                  passphrase: Passphrase | None = None) -> Path | None:
    """Takes an automatic backup when one is due, thins the old ones, returns the new path.

    Due when there is none yet, or when something changed and the newest is at least
    ``BACKUP_INTERVAL`` old. Raises ``BackupFailed`` when the copy cannot be made.
    """
    if not is_due(data_dir, changed_since_last, now):
        return None
    ensure_private_dir(backup_dir(data_dir))
    made = backup(data_dir, default_backup_path(data_dir, now), passphrase)
    thin_backups(data_dir, now)
    return made
