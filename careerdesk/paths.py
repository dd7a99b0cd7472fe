"""Where careerdesk keeps its files: one module for every path.

The data folder is chosen in this order: ``--data-dir`` on the command line, then the
``CAREERDESK_DATA_DIR`` environment variable, then the platform's user data folder.
It holds the journal database, its backups and the window's settings, and is private
to the user (0700; the database 0600).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_VARIABLE = "CAREERDESK_DATA_DIR"
DATABASE_NAME = "journal.sqlite3"
SETTINGS_NAME = "settings.ini"
BACKUP_FOLDER = "backups"


def default_data_dir() -> Path:
    import platformdirs  # only when no folder was given: keeps tests and scripts off it

    return Path(platformdirs.user_data_dir("careerdesk", appauthor=False, roaming=False))


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    from_env = os.environ.get(DATA_DIR_VARIABLE)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()


def ensure_private_dir(folder: Path) -> Path:
    """Creates the folder (and parents) if needed; a new folder is readable by its owner only."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask
    return folder


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_NAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def create_private_file(path: Path) -> None:
    """Creates an empty file that only its owner can read, unless it exists already."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, 0o600)


def private_settings_file(data_dir: Path) -> Path:
    """The settings file, created 0600 before Qt writes it (Qt keeps an existing file's mode)."""
    ensure_private_dir(data_dir)
    path = settings_path(data_dir)
    create_private_file(path)
    return path


def make_private(data_dir: Path) -> None:
    """Takes back group and other access to the data folder and the journal, if given."""
    for path, mode in ((data_dir, 0o700), (database_path(data_dir), 0o600)):
        try:
            if path.stat().st_mode & 0o077:
                os.chmod(path, mode)
        except OSError:
            continue  # missing, or not ours: opening will say what is wrong


def sync_folder(folder: Path) -> None:
    """Makes a new name in ``folder`` durable (POSIX; Windows has no folder handles)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
