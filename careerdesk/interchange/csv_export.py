"""The journal as a zip of CSV files, one per kind of record, for a spreadsheet.

Choices, and why:

- UTF-8 with a byte-order mark. Excel opens a double-clicked CSV as the system's legacy
  code page unless the file starts with a BOM, and "→" or "Núñez" turn to mojibake;
  LibreOffice, Numbers and Python's ``utf-8-sig`` read the BOM as what it is.
- A header row with words a person reads ("Follow-up action"), then one row per record,
  CRLF line ends (RFC 4180), text with line breaks quoted.
- What records point at is shown by name, not uid (people, the experience, the target,
  the evidence); each row still ends with its ``uid``.
- Lists of names are joined with "; "; lists of sentences (talking points, objections,
  fallbacks, benchmarks) go one per line in the cell, where "; " would run them
  together. Metrics read "Client satisfaction: 72 → 88 %, +22 %", closed values use
  their labels ("Cross-functional project"), flags read yes/no, and numbers stay plain
  numbers (no thousands separator) so a spreadsheet can add them up.
- Text that starts with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe: a
  spreadsheet would otherwise run it as a formula (CSV injection), and an imported
  note is not trusted text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

from careerdesk.domain import records as r
from careerdesk.domain.enums import LabelledEnum
from careerdesk.domain.metrics import describe_change, format_number
from careerdesk.interchange.atomic import write_atomically
from careerdesk.interchange.journal_data import JournalData

Cell = str | float | int | None
Column = tuple[str, Callable[[Any], Any]]


def write_csv_zip(path: Path, data: JournalData) -> dict[str, int]:
    """Writes the zip (whole or not at all); returns the rows written per kind."""
    tables = build_tables(data)

    def write(out: BinaryIO) -> None:
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for section, (header, rows) in tables.items():
                archive.writestr(f"{section}.csv", to_csv_bytes(header, rows))

    write_atomically(path, write)
    return {section: len(rows) for section, (_, rows) in tables.items()}


def to_csv_bytes(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    # Row by row, not writerows: one C call over a big table would hold the interpreter
    # lock for the whole table, and a window exporting on a worker thread could not paint.
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return text.getvalue().encode("utf-8-sig")


def build_tables(data: JournalData) -> dict[str, tuple[list[str], list[list[Cell]]]]:
    columns = _columns(data)
    tables = {}
    for section in r.SECTIONS:
        spec = columns[section]
        header = [name for name, _ in spec]
        rows = [[get(record) for _, get in spec] for record in data.sections.get(section, [])]
        tables[section] = (header, rows)
    return tables


# ---------------------------------------------------------------- values


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.10g}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _lines(items: Iterable[str]) -> str:
    return "\n".join(items)


def _money(value: float | None) -> str:
    return "" if value is None else format_number(value)


def _metrics(metrics: list[r.Metric]) -> str:
    return "; ".join(f"{m.name}: {describe_change(m)}" for m in metrics)


def _benchmark(b: r.Benchmark) -> str:
    numbers = "–".join(_money(x) for x in (b.low, b.mid, b.high) if x is not None)
    text = f"{b.source}: {numbers}" if numbers else b.source
    if b.currency:
        text += f" {b.currency}"
    return text + (f" ({b.note})" if b.note else "")


def _required(skills: list[r.RequiredSkill]) -> str:
    return "; ".join(f"{s.name} (level {s.level})" if s.level else s.name for s in skills)


# ---------------------------------------------------------------- columns


def _columns(data: JournalData) -> dict[str, list[Column]]:
    people = data.by_uid("people")
    experiences = data.by_uid("experiences")
    targets = data.by_uid("targets")
    achievements = data.by_uid("achievements")

    def names(uids: list[str]) -> list[str]:
        return [people[u].name if u in people else u for u in uids]

    def name(uid: str | None) -> str | None:
        return None if uid is None else names([uid])[0]

    def title_in(table: dict[str, Any]) -> Callable[[str | None], str | None]:
        return lambda uid: None if uid is None else getattr(table.get(uid), "title", uid)

    experience_title, target_title = title_in(experiences), title_in(targets)
    shown = Counter(s.casefold() for a in data.sections.get("achievements", []) for s in a.skills)
    gained = Counter(s.casefold() for e in data.sections.get("experiences", []) for s in e.skills)

    def common(*columns: Column) -> list[Column]:
        return [*columns, ("Tags", lambda x: x.tags), ("uid", lambda x: x.uid)]

    return {
        "journal": common(("Date", lambda x: x.date), ("Title", lambda x: x.title),
                          ("Body", lambda x: x.body)),
        "achievements": common(
            ("Date", lambda x: x.date), ("Title", lambda x: x.title), ("Kind", lambda x: x.kind),
            ("Scope", lambda x: x.scope), ("Metrics", lambda x: _metrics(x.metrics)),
            ("Story", lambda x: x.story), ("Skills", lambda x: x.skills),
            ("Seen by", lambda x: names(x.people)),
            ("Experience", lambda x: experience_title(x.experience)),
            ("Evidence", lambda x: x.evidence), ("Highlight", lambda x: x.highlight),
            ("Notes", lambda x: x.notes)),
        "experiences": common(
            ("Title", lambda x: x.title), ("Kind", lambda x: x.kind),
            ("Department", lambda x: x.department), ("Start", lambda x: x.start),
            ("End", lambda x: x.end), ("Sponsor", lambda x: name(x.sponsor)),
            ("Skills gained", lambda x: x.skills), ("Outcome", lambda x: x.outcome),
            ("Reflection", lambda x: x.reflection)),
        "people": common(
            ("Name", lambda x: x.name), ("Title", lambda x: x.title),
            ("Department", lambda x: x.department), ("Roles", lambda x: x.roles),
            ("Influence", lambda x: x.influence), ("Stance", lambda x: x.stance),
            ("Relationship", lambda x: x.relationship),
            ("Contact every (days)", lambda x: x.cadence_days), ("Notes", lambda x: x.notes)),
        "interactions": common(
            ("Date", lambda x: x.date), ("People", lambda x: names(x.people)),
            ("Kind", lambda x: x.kind), ("Summary", lambda x: x.summary),
            ("Follow-up", lambda x: x.follow_up),
            ("Follow-up action", lambda x: x.follow_up_action), ("Done", lambda x: x.done)),
        "skills": [
            ("Name", lambda x: x.name), ("Category", lambda x: x.category),
            ("Level", lambda x: x.level),
            ("Achievements", lambda x: shown[x.name.casefold()]),
            ("Experiences", lambda x: gained[x.name.casefold()])],
        "targets": common(
            ("Title", lambda x: x.title), ("Department", lambda x: x.department),
            ("Level", lambda x: x.level), ("Path", lambda x: x.path),
            ("Status", lambda x: x.status),
            ("Required skills", lambda x: _required(x.required_skills)),
            ("Notes", lambda x: x.notes)),
        "openings": common(
            ("Title", lambda x: x.title), ("Department", lambda x: x.department),
            ("Posted", lambda x: x.posted), ("Closes", lambda x: x.closes),
            ("Hiring manager", lambda x: name(x.hiring_manager)),
            ("Target", lambda x: target_title(x.target)), ("Status", lambda x: x.status),
            ("Availability", lambda x: x.availability), ("Reference", lambda x: x.reference),
            ("Notes", lambda x: x.notes)),
        "cycle_events": common(
            ("Date", lambda x: x.date), ("Name", lambda x: x.name), ("Kind", lambda x: x.kind),
            ("Duration (days)", lambda x: x.duration_days),
            ("Recurrence", lambda x: x.recurrence), ("Notes", lambda x: x.notes)),
        "plans": common(
            ("Title", lambda x: x.title), ("Strategy", lambda x: x.strategy),
            ("Status", lambda x: x.status), ("Target", lambda x: target_title(x.target)),
            ("Meeting date", lambda x: x.meeting_date),
            ("Participants", lambda x: names(x.participants)),
            ("Current title", lambda x: x.current.title),
            ("Current level", lambda x: x.current.level),
            ("Current base", lambda x: x.current.base),
            ("Current currency", lambda x: x.current.currency),
            ("Ask title", lambda x: x.ask.title), ("Ask level", lambda x: x.ask.level),
            ("Ask base", lambda x: x.ask.base), ("Ask currency", lambda x: x.ask.currency),
            ("Ask scope", lambda x: x.ask.scope),
            ("Benchmarks", lambda x: _lines(_benchmark(b) for b in x.benchmarks)),
            ("Evidence", lambda x: [getattr(achievements.get(u), "title", u) for u in x.evidence]),
            ("Talking points", lambda x: _lines(x.talking_points)),
            ("Objections", lambda x: _lines(f"{o.objection} → {o.response}" if o.response
                                            else o.objection for o in x.objections)),
            ("Fallbacks", lambda x: _lines(x.fallbacks)), ("Walk-away point", lambda x: x.walk_away),
            ("Outcome date", lambda x: x.outcome.date if x.outcome else None),
            ("Outcome", lambda x: x.outcome.result if x.outcome else None),
            ("Granted title", lambda x: x.outcome.granted_title if x.outcome else None),
            ("Granted base", lambda x: x.outcome.granted_base if x.outcome else None),
            ("Notes", lambda x: x.notes)),
        "compensation": common(
            ("Date", lambda x: x.date), ("Title", lambda x: x.title), ("Level", lambda x: x.level),
            ("Base", lambda x: x.base), ("Bonus", lambda x: x.bonus), ("Equity", lambda x: x.equity),
            ("Currency", lambda x: x.currency), ("Note", lambda x: x.note)),
    }
