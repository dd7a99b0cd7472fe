"""Every acknowledged edit survives a killed process, and the file stays whole.

SIGKILL stops a writer anywhere: while opening, mid-commit, mid-checkpoint. The
operating system keeps what was written, so this checks careerdesk's own commit
discipline (WAL, synchronous=FULL, one transaction per action), not power loss.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from careerdesk.store import models as m
from careerdesk.store.database import open_journal
from tests.conftest import REPO

KILLS = 120
MAX_DELAY_SECONDS = 0.2

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer is forked (POSIX)")


def test_no_acknowledged_write_is_lost_when_writers_are_killed(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    seed = random.SystemRandom().randrange(1_000_000)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "tests.safety.crash_writer", str(data_dir), str(KILLS), str(seed),
         str(MAX_DELAY_SECONDS)],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    acknowledged: list[str] = report["acknowledged"]

    journal = open_journal(data_dir)  # recovers the last writer's WAL, runs quick_check
    try:
        with journal.sessions() as session:
            stored = set(session.scalars(select(m.JournalEntryRow.uid)))
    finally:
        journal.close()
    lost = [uid for uid in acknowledged if uid not in stored]
    connection = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()

    print(f"\ncrash test (seed {seed}): kills={report['kills']} "
          f"acknowledged={len(acknowledged)} stored={len(stored)} lost={len(lost)} "
          f"in {time.monotonic() - started:.1f} s")
    assert report["kills"] == KILLS
    assert len(acknowledged) >= KILLS  # writers got writes in before their kills
    assert lost == []
    assert integrity == ["ok"]
    # A write in flight at the kill may be kept without its acknowledgement, never more.
    assert len(stored) - len(acknowledged) <= KILLS
