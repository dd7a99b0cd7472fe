"""The first look at Today: the journal's plan read before the journal is opened, or None
where the journal must be opened first."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from careerdesk import services
from careerdesk.planner import first_look as first_look_module
from careerdesk.planner.first_look import first_look
from careerdesk.store import cipher
from careerdesk.store.database import Journal

TODAY = date(2026, 11, 22)


def test_the_first_look_is_the_plan_of_the_open_journal(demo_journal: Journal) -> None:
    look = first_look(demo_journal.path.parent, TODAY)
    assert look is not None and not look.empty
    assert look.plan == services.plan(demo_journal, TODAY)
    assert look.plan.windows and look.plan.actions


def test_an_empty_journal_is_told_so(journal: Journal) -> None:
    look = first_look(journal.path.parent, TODAY)
    assert look is not None and look.empty
    assert look.plan == services.plan(journal, TODAY)


def test_an_edit_just_saved_is_in_the_first_look(demo_journal: Journal) -> None:
    before = first_look(demo_journal.path.parent, TODAY)
    assert before is not None
    uid = before.plan.windows[0].id
    services.shift_window(demo_journal, uid, 5)
    after = first_look(demo_journal.path.parent, TODAY)
    assert after is not None and after.plan != before.plan
    assert after.plan == services.plan(demo_journal, TODAY)


def test_no_journal_yet_means_open_it_first(tmp_path: Path) -> None:
    assert first_look(tmp_path / "nothing here", TODAY) is None
    assert not (tmp_path / "nothing here").exists()  # a look creates nothing


def test_an_encrypted_journal_is_opened_first(demo_journal: Journal) -> None:
    # The marker says so (opening asks for the passphrase); no look without it.
    cipher.marker_path(demo_journal.path).write_text("encrypted", encoding="utf-8")
    assert first_look(demo_journal.path.parent, TODAY) is None


def test_a_journal_at_another_schema_is_opened_first(demo_journal: Journal,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(first_look_module, "HEAD", "9999")  # as if it needed migrating
    assert first_look(demo_journal.path.parent, TODAY) is None


@pytest.mark.parametrize("content", [b"", b"this is not a database" * 100])
def test_an_empty_or_damaged_file_is_opened_first(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "journal.sqlite3").write_bytes(content)
    assert first_look(tmp_path, TODAY) is None
    assert (tmp_path / "journal.sqlite3").read_bytes() == content  # left as it is


def test_a_foreign_database_is_opened_first(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "journal.sqlite3")
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    assert first_look(tmp_path, TODAY) is None
