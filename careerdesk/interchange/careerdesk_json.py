"""The careerdesk interchange file (format "careerdesk", version 1): read, check, write.

Reading is strict and all-or-nothing: the file must parse, pass the JSON Schema and the
domain rules, and every reference must resolve (to the file or to the journal) before
anything is written. Import is idempotent by uid.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from careerdesk.domain import records as r
from careerdesk.domain.codec import from_json, to_json
from careerdesk.domain.errors import FileRefused, InvalidRecord
from careerdesk.interchange import schema
from careerdesk.store import models as m
from careerdesk.store import repository
from careerdesk.store.new_records import NewRecords
from careerdesk.store.settings import load_profile, save_profile

FORMAT = "careerdesk"
VERSION = 1

# Written in this order so that what a record refers to is saved before it.
IMPORT_ORDER = ("skills", "people", "experiences", "targets", "achievements", "interactions",
                "openings", "cycle_events", "plans", "compensation", "journal")


@dataclass
class Interchange:
    profile: r.Profile = field(default_factory=r.Profile)
    sections: dict[str, list[Any]] = field(default_factory=dict)
    exported_at: datetime | None = None

    def records(self) -> Iterator[tuple[str, int, Any]]:
        for section in IMPORT_ORDER:
            for i, record in enumerate(self.sections.get(section, [])):
                yield section, i, record


@dataclass
class ImportCounts:
    """How many records of each kind an import added, updated, or found unchanged."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, section: str, created: bool, changed: bool) -> None:
        bucket = self.added if created else self.updated if changed else self.unchanged
        bucket[section] = bucket.get(section, 0) + 1

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.updated)

    def lines(self) -> list[str]:
        """``achievements: 25 added, 0 updated, 0 unchanged``, one line per kind in the file."""
        out = []
        for section in r.SECTIONS:
            a, u, s = (self.added.get(section, 0), self.updated.get(section, 0),
                       self.unchanged.get(section, 0))
            if a or u or s:
                out.append(f"{section}: {a} added, {u} updated, {s} unchanged")
        return out


# Far beyond any journal's export: a file this large is something else, and reading it
# whole would take the memory the window needs.
MAX_FILE_BYTES = 512 * 1024 * 1024


def read_json(path: Path) -> Any:
    """The file's JSON, or a refusal that says what is wrong with the file itself."""
    return loads(read_capped(path), path)


def read_capped(path: Path) -> bytes:
    """The file's bytes; refused when missing, unreadable or over ``MAX_FILE_BYTES``."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileRefused(f"{path}: too large to import ({size:,} bytes; careerdesk reads "
                              f"files up to {MAX_FILE_BYTES:,} bytes)")
        return path.read_bytes()
    except FileNotFoundError:
        raise FileRefused(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileRefused(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise FileRefused(f"{path}: cannot be read ({error.strerror})") from None


def loads(raw: bytes, path: Path | str) -> Any:
    """JSON from UTF-8 bytes (a byte-order mark is tolerated); every failure a refusal."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(f"{path}: not UTF-8 text (byte {error.start})") from None
    if "\x00" in text:
        # UTF-16 text decodes as UTF-8 with a NUL beside every ASCII letter.
        raise FileRefused(f"{path}: byte {raw.index(0)} is a NUL: UTF-16 or binary, not UTF-8 "
                          "text; save it as UTF-8 and import it again")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FileRefused(
            f"{path}: line {error.lineno} column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise FileRefused(f"{path}: nested too deeply to be a journal (lists or objects "
                          "inside each other hundreds of levels down)") from None
    except ValueError:
        # Python refuses integers of more than 4,300 digits (int_max_str_digits).
        raise FileRefused(f"{path}: not valid JSON (a number of more than "
                          f"{sys.get_int_max_str_digits():,} digits)") from None


def parse(data: Any) -> Interchange:
    """Checks the data against the schema and the domain's rules; builds the records."""
    if isinstance(data, dict) and data.get("format") == FORMAT and data.get("version") != VERSION:
        raise InvalidRecord("version", f"this careerdesk reads version {VERSION} files, "
                                       f"got version {schema.show(data.get('version'))}")
    schema.validate(data)
    result = Interchange(profile=from_json(r.Profile, data.get("profile") or {}, "profile"))
    if "exported_at" in data:
        result.exported_at = _optional_timestamp(data["exported_at"])
    for section, kind in r.SECTIONS.items():
        items = [from_json(kind, item, f"{section}[{i}]") for i, item in enumerate(data[section])]
        result.sections[section] = items
        _refuse_duplicates(section, items)
    for section, i, record in result.records():
        if isinstance(record, r.Record):
            repository.check(record, f"{section}[{i}]")
    return result


def _optional_timestamp(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _refuse_duplicates(section: str, items: list[Any]) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        key = item.name.strip().casefold() if isinstance(item, r.Skill) else item.uid
        field_name = "name" if isinstance(item, r.Skill) else "uid"
        if key in seen:
            raise InvalidRecord(f"{section}[{i}].{field_name}",
                                f"{schema.show(getattr(item, field_name))} is already used by "
                                f"{section}[{seen[key]}]")
        seen[key] = i


def import_into(session: Session, data: Interchange) -> ImportCounts:
    """Writes every record (in the caller's transaction); raises before commit on any problem.

    Records new to the journal are inserted set-based (``NewRecords``); a record whose
    uid exists is updated through ``RecordWriter``, which keeps it untouched when
    nothing changed. Records are looked at in file order either way, so the first
    problem reported is the same.
    """
    counts = ImportCounts()
    writer = repository.RecordWriter(session)
    if any(v is not None for v in (data.profile.name, data.profile.employer,
                                   data.profile.currency)):
        save_profile(session, data.profile)
    for i, skill in enumerate(data.sections.get("skills", [])):
        result = writer.save_skill(skill, f"skills[{i}]")
        counts.count("skills", result.created, result.changed)
    new = NewRecords(session, writer)
    for section in IMPORT_ORDER[1:]:
        items = data.sections.get(section, [])
        if not items:
            continue
        row_type = repository.ROW_OF[type(items[0])]
        uids = [x.uid for x in items]
        # A uid twice in one list (possible from another tool's file) means the second
        # updates the first: the writer alone handles that, one record at a time.
        existing = new.existing(row_type, uids) if len(set(uids)) == len(uids) else set(uids)
        writer.prefetch(row_type, existing)
        new.prefetch(x for x in items if x.uid not in existing)
        for i, record in enumerate(items):
            if record.uid in existing:
                result = writer.save(record, f"{section}[{i}]", keep_times=True)
                counts.count(section, result.created, result.changed)
            else:
                new.add(record, f"{section}[{i}]")
                counts.count(section, created=True, changed=True)
        new.write()
    session.flush()
    return counts


def export_data(session: Session, now: datetime | None = None) -> dict[str, Any]:
    """The whole journal as an interchange object (checked against the schema)."""
    stamp = (now or datetime.now(UTC)).replace(microsecond=0)
    profile = load_profile(session)
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": to_json(stamp),
        "profile": to_json(profile),
    }
    for section, kind in r.SECTIONS.items():
        if kind is r.Skill:
            data[section] = [to_json(s) for s in repository.load_skills(session)]
        else:
            records = repository.load_all(session, kind)  # type: ignore[type-var]
            data[section] = [_compact(to_json(x)) for x in records]
    schema.validate(data)
    return data


def _compact(item: dict[str, Any]) -> dict[str, Any]:
    """Leaves out empty optional values, so the file reads like something a person wrote."""
    return {k: v for k, v in item.items() if (v is not None and v != []) or k in _KEEP}


# Fields the schema requires even when empty.
_KEEP = {"uid", "date", "body", "title", "kind", "start", "people", "name", "path", "strategy"}


def journal_is_empty(session: Session) -> bool:
    for row_type in (*repository.ROW_OF.values(), m.SkillRow):
        if session.scalar(select(row_type.id).limit(1)) is not None:  # type: ignore[attr-defined]
            return False
    return True
