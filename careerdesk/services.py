"""What a user can do, one transaction per action. The window, the command line and the
tests all call these; nothing here knows about Qt."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.domain.errors import CareerdeskError, FileRefused, InvalidRecord
from careerdesk.interchange import careerdesk_json
from careerdesk.interchange.atomic import write_json_atomically
from careerdesk.interchange.careerdesk_json import ImportCounts
from careerdesk.interchange.gc_pause import gc_paused
from careerdesk.store import repository
from careerdesk.store.database import Journal, open_journal
from careerdesk.store.repository import RecordWriter, SaveResult

if TYPE_CHECKING:
    from careerdesk.interchange.ics import CalendarCounts
    from careerdesk.planner import LeadTimes, Plan, PlannerData, WindowOverride
    from careerdesk.reports.prep import PrintableSheet
    from careerdesk.store.skills import SkillState

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
        raise FileRefused(f"{path}: {error}") from None


def import_interchange(journal: Journal, path: Path) -> ImportCounts:
    """All or nothing: a refused file leaves the journal exactly as it was."""
    data = read_interchange(path)
    try:
        with journal.transaction() as session:
            return careerdesk_json.import_into(session, data)
    except InvalidRecord as error:
        raise FileRefused(f"{path}: {error}") from None


@dataclass(frozen=True)
class ImportPreview:
    """A file read and checked, not yet written: what the import dialog shows.

    ``counts`` is the number of records of each kind in the file (kinds it has none of
    are left out). ``outcome``, when the preview was made against a journal, says what
    importing would add, update or find unchanged; it comes from a dry run that is
    rolled back.
    """

    path: Path
    format: str
    label: str
    interchange: careerdesk_json.Interchange
    counts: dict[str, int]
    outcome: ImportCounts | None = None

    def lines(self) -> list[str]:
        """``people: 120``, one line per kind in the file."""
        return [f"{section}: {count}" for section, count in self.counts.items()]


def preview_import(path: Path, format: str | None = None, *,
                   journal: Journal | None = None) -> ImportPreview:
    """Reads and checks a file of any format careerdesk imports; writes nothing.

    ``format`` is a key of ``interchange.detect.FORMATS``; guessed from the content when
    None. Raises ``FileRefused`` with a message that names the file, place and field.
    """
    from careerdesk.interchange import detect

    with gc_paused():
        kind, data = detect.read_with_format(path, format)
    counts = {section: len(data.sections[section]) for section in r.SECTIONS
              if data.sections.get(section)}
    preview = ImportPreview(path, kind.name, kind.label, data, counts)
    if journal is None:
        return preview
    with journal.sessions() as session:
        session.begin()
        try:
            outcome = _write_import(session, preview)
        finally:
            session.rollback()
    return replace(preview, outcome=outcome)


def apply_import(journal: Journal, preview: ImportPreview) -> ImportCounts:
    """Writes a previewed file: all or nothing, and a second import changes nothing."""
    with journal.transaction() as session:
        return _write_import(session, preview)


def import_file(journal: Journal, path: Path, format: str | None = None) -> ImportCounts:
    """Reads, checks and imports a file of any format (guessed when None), all or nothing."""
    return apply_import(journal, preview_import(path, format))


def _write_import(session: Session, preview: ImportPreview) -> ImportCounts:
    from careerdesk.interchange import detect, merge

    owned = detect.FORMATS[preview.format].owned
    data = preview.interchange
    try:
        with gc_paused():
            if owned is not None:
                data = merge.keep_user_edits(session, data, owned)
            return careerdesk_json.import_into(session, data)
    except InvalidRecord as error:
        raise FileRefused(f"{preview.path}: {error}") from None


def export_interchange(journal: Journal, path: Path) -> dict[str, Any]:
    with journal.sessions() as session:
        data = careerdesk_json.export_data(session)
    write_json_atomically(path, data)
    return data


def export_csv(journal: Journal, path: Path) -> dict[str, int]:
    """A zip with one CSV per kind of record; returns the rows written per kind."""
    from careerdesk.interchange import csv_export, journal_data

    with journal.sessions() as session:
        data = journal_data.load(session)
    return csv_export.write_csv_zip(path, data)


def brag_document(journal: Journal, *, start: date | None = None,
                  end: date | None = None) -> str:
    """The markdown brag document from ``start`` to ``end`` (default: the last 12 months
    up to today), for a preview or the clipboard."""
    from careerdesk.interchange import journal_data, markdown_export

    default = markdown_export.last_twelve_months(end or date.today())
    period = markdown_export.Period(start or default.start, end or default.end)
    if period.end < period.start:
        raise InvalidRecord("--to", f"{period.end} is before --from {period.start}")
    with journal.sessions() as session:
        data = journal_data.load(session)
    return markdown_export.brag_document(data, period)


def export_brag_document(journal: Journal, path: Path, *, start: date | None = None,
                         end: date | None = None) -> str:
    """Writes ``brag_document`` to ``path`` (whole or not at all); returns its text."""
    from careerdesk.interchange.markdown_export import write_text

    text = brag_document(journal, start=start, end=end)
    write_text(path, text)
    return text


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


# ---------------------------------------------------------------- planner


def planner_data(journal: Journal, today: date | None = None) -> PlannerData:
    """The snapshot the planner works on: every record it could read, or (given ``today``)
    only those the plan of that day reads, which is much faster on a large journal."""
    from careerdesk.planner.data import load_planner_data

    with journal.sessions() as session:
        return load_planner_data(session, today)


def plan(journal: Journal, today: date) -> Plan:
    """Negotiation windows, both readiness scores and the next actions, as of ``today``."""
    from careerdesk.planner import build_plan

    return build_plan(planner_data(journal, today), today)


def lead_times(journal: Journal) -> LeadTimes:
    from careerdesk.planner import preferences

    with journal.sessions() as session:
        return preferences.load_lead_times(session)


def save_lead_times(journal: Journal, times: LeadTimes) -> None:
    from careerdesk.planner import preferences

    with journal.transaction() as session:
        preferences.save_lead_times(session, times)


def shift_window(journal: Journal, window_id: str, days: int) -> WindowOverride:
    """Moves one window ``days`` from where the rules put it (0 puts it back)."""
    from careerdesk.planner import preferences

    with journal.transaction() as session:
        return preferences.shift_window(session, window_id, days)


def dismiss_window(journal: Journal, window_id: str, dismissed: bool = True) -> WindowOverride:
    """Leaves one window out of the plan, or brings it back with ``dismissed=False``."""
    from careerdesk.planner import preferences

    with journal.transaction() as session:
        return preferences.dismiss_window(session, window_id, dismissed)


def export_calendar(journal: Journal, path: Path, today: date) -> CalendarCounts:
    """Cycle events, negotiation windows and open follow-ups as an iCalendar file."""
    from careerdesk.interchange import ics

    return ics.write_calendar(path, planner_data(journal, today), today)


# ---------------------------------------------------------------- skills


def save_skill(journal: Journal, skill: r.Skill) -> SaveResult:
    """Creates or updates the skill of that name (its category and level)."""
    if skill.level is not None and not 1 <= skill.level <= 5:
        raise InvalidRecord("level", f"expected 1 to 5, got {skill.level}")
    with journal.transaction() as session:
        return RecordWriter(session).save_skill(skill)


def rename_skill(journal: Journal, old: str, new: str) -> str:
    """Renames a skill, keeping its links; refuses a name another skill has (merge it)."""
    from careerdesk.store import skills

    with journal.transaction() as session:
        return skills.rename_skill(session, old, new)


def merge_skills(journal: Journal, source: str, target: str) -> str:
    """Moves every link of ``source`` to ``target``, keeps the higher level, drops ``source``."""
    from careerdesk.store import skills

    with journal.transaction() as session:
        return skills.merge_skills(session, source, target)


def skill_states(journal: Journal, names: list[str]) -> list[SkillState]:
    """The skills as they are now, links included, so a rename or merge can be undone."""
    from careerdesk.store import skills

    with journal.sessions() as session:
        return skills.snapshot(session, names)


def restore_skills(journal: Journal, states: list[SkillState]) -> None:
    from careerdesk.store import skills

    with journal.transaction() as session:
        skills.restore(session, states)


# ---------------------------------------------------------------- prep sheet


def prep_sheet_plan(journal: Journal, uid: str | None, today: date) -> str:
    """The uid of the plan to print: ``uid`` checked, or the next meeting's plan when None."""
    from careerdesk.reports.prep import chosen_plan_uid

    with journal.sessions() as session:
        return chosen_plan_uid(session, uid, today)


def prep_sheet(journal: Journal, plan_uid: str, today: date) -> PrintableSheet:
    """The prep sheet of a plan, ready to print: HTML, title and the chart's picture."""
    from careerdesk.reports.prep import printable_sheet

    with journal.sessions() as session:
        return printable_sheet(session, plan_uid, today)
