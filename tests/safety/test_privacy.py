"""Privacy: no network, private files, and no journal text left where it was not asked for."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from careerdesk import services
from careerdesk.domain import records as r
from careerdesk.domain.errors import InvalidRecord
from careerdesk.store.backups import automatic_backup
from careerdesk.store.database import Journal, open_journal
from tests.conftest import REPO


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask: privacy must not depend on a strict one."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _modes(folder: Path) -> dict[str, int]:
    return {str(path.relative_to(folder)): stat.S_IMODE(path.stat().st_mode)
            for path in [folder, *folder.rglob("*")]}


# ---------------------------------------------------------------- no network


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_test_suite_runs_with_sockets_blocked() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


# Runs the whole app in one process: the window on every page, import, every export, the
# prep sheet and the timeline. A Python audit hook reports every socket Python code makes;
# strace (where installed) also sees sockets that Qt or any C library makes.
_APP_RUN = textwrap.dedent("""
    import socket, sys
    made = []
    def hook(event, args):
        if event in ("socket.__new__", "socket.connect", "socket.getaddrinfo",
                     "socket.gethostbyname", "socket.sendto", "urllib.Request"):
            made.append((event, repr(args)[:200]))
    sys.addaudithook(hook)
    from careerdesk.cli import main
    data, out, exchange = sys.argv[1:4]
    # The window first: it makes the QApplication that the prep sheet then reuses.
    steps = [["demo"], ["--screenshot", out + "/shots"], ["export", exchange],
             ["export", out + "/all.zip", "--format", "csv"],
             ["export", out + "/brag.md", "--format", "markdown"],
             ["export", out + "/cal.ics", "--format", "ics"],
             ["prep-sheet", "--latest", "-o", out + "/prep.pdf"],
             ["timeline", "-o", out + "/timeline.png"], ["backup"], ["check"]]
    for step in steps:
        status = main(["--data-dir", data, *step])
        if status != 0:
            sys.exit(f"{step[0]} failed with {status}")
    fresh = data + "-imported"
    if main(["--data-dir", fresh, "import", exchange]) != 0:
        sys.exit("import failed")
    print("SOCKETS", made)
""")


def _internet_sockets(trace: str) -> list[str]:
    return [line for line in trace.splitlines()
            if ("socket(" in line or "connect(" in line) and "AF_UNIX" not in line
            and "AF_LOCAL" not in line and "resumed" not in line]


def test_the_whole_app_opens_no_network_socket(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-c", _APP_RUN, str(tmp_path / "data"), str(out),
               str(out / "journal.json")]
    strace = shutil.which("strace")
    trace_file = tmp_path / "strace.txt"
    if strace:
        command = [strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace_file),
                   *command]
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300,
                            env=environment, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "SOCKETS []" in result.stdout
    for made in ("prep.pdf", "timeline.png", "all.zip", "brag.md", "cal.ics", "shots/today.png"):
        assert (out / made).stat().st_size > 0
    if strace:
        assert _internet_sockets(trace_file.read_text()) == []


# ---------------------------------------------------------------- private files


@pytest.mark.usefixtures("umask_022")
def test_every_file_in_the_data_folder_is_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    journal = open_journal(data_dir)
    try:
        services.load_demo(journal)
        assert automatic_backup(journal, datetime.now(UTC)) is not None
        from careerdesk.paths import private_settings_file
        private_settings_file(data_dir).write_text("[window]\n")
        # While the journal is open its -wal and -shm files exist: they hold its text too.
        assert Path(f"{journal.path}-wal").exists() and Path(f"{journal.path}-shm").exists()
        modes = _modes(data_dir)
    finally:
        journal.close()
    services_backup = data_dir / "backups"
    assert modes.pop(".") == 0o700
    assert modes.pop("backups") == 0o700
    assert set(modes) >= {"journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm",
                          "settings.ini"}
    assert any(name.startswith("backups/journal-") for name in modes)
    assert {name: mode for name, mode in modes.items() if mode != 0o600} == {}
    assert services_backup.is_dir()


@pytest.mark.usefixtures("umask_022")
def test_a_loose_data_folder_is_made_private_again(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_journal(data_dir).close()
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "journal.sqlite3", 0o644)
    open_journal(data_dir).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "journal.sqlite3").stat().st_mode) == 0o600


# ---------------------------------------------------------------- no leftovers of deleted text

SECRET = "qqzv7planted0secret"

# Plants the secret (an entry, and an edit of another record that is then edited away),
# deletes it, then does what a user does next: a backup, a search, closing. Everything
# it prints and logs is captured; its temporary folder is its own.
_LEAK_RUN = textwrap.dedent("""
    import logging, sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    logging.basicConfig(level=logging.DEBUG)
    from careerdesk import services
    from careerdesk.domain import records as r
    from careerdesk.store.backups import automatic_backup
    data_dir, secret = Path(sys.argv[1]), sys.argv[2]
    journal = services.open_journal(data_dir)
    services.load_demo(journal)
    automatic_backup(journal, datetime.now(UTC))
    uid = services.add_journal_entry(journal, f"my manager said {secret} about my pay",
                                     title=f"about {secret}", tags=[secret])
    person = services.load_all(journal, r.Person)[0]
    before = person.notes
    services.save_record(journal, type(person)(**{**person.__dict__, "notes": f"{secret} notes"}))
    services.save_record(journal, type(person)(**{**person.__dict__, "notes": before}))
    services.delete_record(journal, r.JournalEntry, uid)
    # A refused save that carries the secret: its message must not repeat it.
    try:
        services.save_record(journal, r.Interaction(date=datetime.now().date(), summary=secret,
                             people=["no-such-person"]))
    except Exception as error:
        print("refused:", error)
    from careerdesk.search import connect_read_only, search
    connection = connect_read_only(str(journal.path))
    print("search", [hit.title for hit in search(connection, secret, limit=5)])
    connection.close()
    made = automatic_backup(journal, datetime.now(UTC) + timedelta(hours=1))
    print("backup", made)
    journal.close()
""")


def _files_holding(folder: Path, needle: bytes) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and needle in path.read_bytes():
            found.append(str(path))
    return found


def test_a_deleted_secret_is_left_in_no_file_log_or_temporary_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = dict(os.environ, TMPDIR=str(temporary), TEMP=str(temporary), TMP=str(temporary),
                       SQLITE_TMPDIR=str(temporary))
    result = subprocess.run([sys.executable, "-c", _LEAK_RUN, str(data_dir), SECRET], cwd=REPO,
                            capture_output=True, text=True, timeout=120, env=environment,
                            check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "backup " in result.stdout and "backup None" not in result.stdout
    needle = SECRET.encode()
    # The search index forgets it too: the secret is searched for and not found.
    assert SECRET not in result.stdout.replace(f"{SECRET} notes", "")
    assert SECRET not in result.stderr
    backups = sorted((data_dir / "backups").glob("journal-*.sqlite3"))
    assert len(backups) == 2  # one before the secret was written, one after it was deleted
    assert _files_holding(data_dir, needle) == []
    assert _files_holding(temporary, needle) == []


def test_an_error_message_never_carries_the_records_text(journal: Journal) -> None:
    interaction = r.Interaction(date=datetime.now(UTC).date(), summary=f"private {SECRET}",
                                people=["missing-person-uid"])
    with pytest.raises(InvalidRecord) as refused:
        services.save_record(journal, interaction)
    # A database error (here a missing date) shows its SQL but never the values.
    with pytest.raises(IntegrityError) as failed, journal.transaction() as session:
        session.execute(text("INSERT INTO journal_entry (uid, body, tags, created_at, updated_at) "
                             "VALUES (:uid, :body, '[]', :now, :now)"),
                        {"uid": "u1", "body": f"private {SECRET}", "now": datetime.now(UTC)})
    for error in (refused.value, failed.value):
        assert SECRET not in str(error) and SECRET not in repr(error)
    assert "hidden" in str(failed.value)


def test_the_index_is_rewritten_only_after_text_was_removed(journal: Journal) -> None:
    services.add_journal_entry(journal, "just adding")
    assert journal.removed_text is False  # adding costs no rewrite of the index
    uid = services.add_journal_entry(journal, "to delete")
    services.delete_record(journal, r.JournalEntry, uid)
    assert journal.removed_text is True
    journal.purge_removed_text()
    assert journal.removed_text is False
