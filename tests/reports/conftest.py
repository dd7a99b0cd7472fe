"""Charts are drawn on matplotlib's Agg backend: no display, the same pixels everywhere."""

from __future__ import annotations

import random
import sqlite3
from datetime import date
from pathlib import Path

DEMO_TODAY = date(2026, 11, 22)
"""The sample journal's today (Priya's story is told up to this day)."""


def damage_journal_entries(path: Path) -> None:
    """Overwrites the journal entries' table with noise: the file still opens and the
    charts read nothing from that table, so only the check of every page can tell."""
    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master "
                              "WHERE name = 'journal_entry'").fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size: root * page_size] = random.Random(3).randbytes(page_size)
    path.write_bytes(bytes(data))
