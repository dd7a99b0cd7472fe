"""What a user can do, one transaction per action. The window, the command line and the
tests all call these; nothing here knows about Qt."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from careerdesk.domain import records as r
from careerdesk.domain.errors import CareerdeskError, InvalidRecord
from careerdesk.interchange import careerdesk_json
from careerdesk.interchange.careerdesk_json import ImportCounts
from careerdesk.store import repository
from careerdesk.store.database import Journal, open_journal
from careerdesk.store.repository import RecordWriter, SaveResult

__all__ = ["Journal", "open_journal"]

RecordT = TypeVar("RecordT", bound=r.Record)


class JournalNotEmpty(CareerdeskError):
    pass


def add_journal_entry(journal: Journal, body: str, *, title: str | None = None,
                      day: date | None = None, tags: list[str] | None = None) -> str:
    if not body.strip() and not (title or "").strip():
        raise InvalidRecord("text", "an entry needs some text")
    entry = r.JournalEntry(date=day or date.today(), title=title or None, body=body,
                           tags=list(tags or []))
    return save_record(journal, entry).uid


def save_record(journal: Journal, record: r.Record, *, keep_times: bool = False) -> SaveResult:
    """Creates or updates one record; ``keep_times`` restores it exactly (undo)."""
    with journal.transaction() as session:
        return RecordWriter(session).save(record, keep_times=keep_times)


def load_record(journal: Journal, kind: type[RecordT], uid: str) -> RecordT:
    with journal.sessions() as session:
        return repository.load(session, kind, uid)


def delete_record(journal: Journal, kind: type[r.Record], uid: str) -> r.Record:
    """Deletes the record and returns it whole, so the window can offer to undo."""
    with journal.transaction() as session:
        return repository.delete(session, kind, uid)


def load_skills(journal: Journal) -> list[r.Skill]:
    with journal.sessions() as session:
        return repository.load_skills(session)


def load_all(journal: Journal, kind: type[RecordT]) -> list[RecordT]:
    with journal.sessions() as session:
        return repository.load_all(session, kind)


def read_interchange(path: Path) -> careerdesk_json.Interchange:
    """Reads and checks a careerdesk file without touching the journal."""
    data = careerdesk_json.read_json(path)
    try:
        return careerdesk_json.parse(data)
    except InvalidRecord as error:
        raise careerdesk_json.FileRefused(f"{path}: {error}") from None


def import_interchange(journal: Journal, path: Path) -> ImportCounts:
    """All or nothing: a refused file leaves the journal exactly as it was."""
    data = read_interchange(path)
    try:
        with journal.transaction() as session:
            return careerdesk_json.import_into(session, data)
    except InvalidRecord as error:
        raise careerdesk_json.FileRefused(f"{path}: {error}") from None


def export_interchange(journal: Journal, path: Path) -> dict[str, Any]:
    with journal.sessions() as session:
        data = careerdesk_json.export_data(session)
    careerdesk_json.write_json_atomically(path, data)
    return data


def is_empty(journal: Journal) -> bool:
    with journal.sessions() as session:
        return careerdesk_json.journal_is_empty(session)


def demo_file() -> Path:
    """The sample journal shipped with careerdesk."""
    from careerdesk.resources_path import resource

    return resource("demo", "journal.json")


def load_demo(journal: Journal, *, force: bool = False) -> ImportCounts:
    if not force and not is_empty(journal):
        raise JournalNotEmpty(
            f"{journal.path}: the journal already holds records; "
            "use --force to add the sample journal to it anyway")
    return import_interchange(journal, demo_file())
