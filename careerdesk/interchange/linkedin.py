"""LinkedIn's data export (the zip, its unpacked folder, or one of its CSV files).

- ``Positions.csv`` -> one position record (a compensation record without pay: title,
  start month, company in the note) per role. Earlier roles at the company of a current
  role (empty ``Finished On``) also become experiences of kind ``other``: LinkedIn
  cannot tell a lateral move from a promotion, and calling every earlier role a
  lateral move would overstate the user's mobility record. The user can re-kind them;
  a re-import keeps that.
- ``Skills.csv`` -> skills (names only: a level already set in the journal is kept).
- ``Connections.csv`` -> people: title = Position, department = Company; the profile
  URL, e-mail and connection date go into the notes of a new person. Rows with no name
  (LinkedIn blanks members who left) are skipped.
- ``Profile.csv`` -> the profile's name, and the employer from the current role; both
  fill only what the profile leaves empty.

Files that are missing are skipped. Dates are English (``Mar 2020``, ``12 Mar 2020``),
as LinkedIn writes them in every interface language; month names are read with a
fixed table, not the machine's locale.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from careerdesk.domain import records as r
from careerdesk.domain.enums import ExperienceKind
from careerdesk.interchange.careerdesk_json import Interchange
from careerdesk.interchange.csv_table import Row, Table
from careerdesk.interchange.foreign import (
    Owned,
    UidMaker,
    checked,
    decode,
    is_zip,
    open_zip,
    read_bytes,
    refuse,
    stable_uid,
    unique,
    zip_member,
)
from careerdesk.interchange.schema import show

SOURCE = "linkedin"
TAG = "linkedin"
FILES = ("Positions.csv", "Skills.csv", "Connections.csv", "Profile.csv")

OWNED = Owned({
    "compensation": frozenset({"date", "title"}),
    "experiences": frozenset({"title", "start", "end"}),
    "people": frozenset({"name", "title", "department"}),
    "skills": frozenset({"name"}),
})

# Not calendar.month_abbr: that follows the process locale, which Qt sets from the desktop.
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS |= {name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)} | {"sept": 9}
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")


def read(path: Path) -> Interchange:
    texts = export_files(path)
    if not texts:
        raise refuse(path, "", "no LinkedIn export files here (" + ", ".join(FILES) + ")")
    data = Interchange()
    positions = _positions(texts["positions.csv"], path) if "positions.csv" in texts else []
    if positions:
        data.sections["compensation"] = [p.record for p in positions]
        data.sections["experiences"] = _earlier_roles(positions, path)
    if "skills.csv" in texts:
        data.sections["skills"] = _skills(texts["skills.csv"], path)
    if "connections.csv" in texts:
        data.sections["people"] = _connections(texts["connections.csv"], path)
    if "profile.csv" in texts:
        data.profile.name = _profile_name(texts["profile.csv"], path)
    current = sorted((p for p in positions if p.finished is None), key=lambda p: p.started)
    if current:
        data.profile.employer = current[-1].company or None
    return data


def export_files(path: Path) -> dict[str, tuple[str, str]]:
    """The export's CSV files that careerdesk reads: lower-case name -> (shown name, text)."""
    wanted = {name.casefold() for name in FILES}
    found: dict[str, tuple[str, str]] = {}
    if is_zip(path):
        with open_zip(path) as archive:
            # The shallowest copy wins: some exports nest a second folder of the same files.
            for name in sorted(archive.namelist(), key=lambda n: (n.count("/"), n)):
                base = PurePosixPath(name).name
                if base.casefold() in wanted and base.casefold() not in found:
                    found[base.casefold()] = (name, decode(zip_member(archive, name, path),
                                                           f"{path}: {name}"))
        return found
    # The folder and one level below it: never a walk through a whole home folder.
    candidates = ([*sorted(path.glob("*.csv")), *sorted(path.glob("*/*.csv"))]
                  if path.is_dir() else [path])
    for file in candidates:
        key = file.name.casefold()
        if key in wanted and key not in found:
            shown = file.relative_to(path).as_posix() if path.is_dir() else file.name
            found[key] = (shown, decode(read_bytes(file), file))
    if not found and not path.exists():
        read_bytes(path)  # refuses with "no such file"
    return found


@dataclass
class _Position:
    company: str
    title: str
    started: date
    finished: date | None
    description: str | None
    record: r.Compensation
    where: str


def _positions(source: tuple[str, str], path: Path) -> list[_Position]:
    name, text = source
    table = Table(text, path, name, header_starts="Company Name",
                  required=("Company Name", "Title", "Started On"))
    uid_for = UidMaker(f"{SOURCE}-position")
    out = []
    for row in table:
        company, title = row.get("Company Name"), row.get("Title")
        if not title:
            raise table.refuse(row, "Title", "is empty; a position needs a title")
        started = _month(table, row, "Started On", end=False)
        if started is None:
            raise table.refuse(row, "Started On", "is empty; a position needs its start month")
        finished = _month(table, row, "Finished On", end=True)
        if finished is not None and finished < started:
            raise table.refuse(row, "Finished On", f"{show(row.get('Finished On'))} is before "
                                                   f"Started On {show(row.get('Started On'))}")
        description = row.get("Description") or None
        place = " · ".join(x for x in (company, row.get("Location")) if x)
        note = "\n\n".join(x for x in (place, description) if x) or None
        record = r.Compensation(uid=uid_for(company.casefold(), title.casefold(), started),
                                date=started, title=title, note=note)
        where = f"{name} line {row.line}"
        checked(record, path, where)
        out.append(_Position(company, title, started, finished, description, record, where))
    return out


def _earlier_roles(positions: list[_Position], path: Path) -> list[r.Experience]:
    """Finished roles at a company where the user still works: their growth inside it."""
    current = {p.company.casefold() for p in positions if p.finished is None and p.company}
    out = []
    for p in positions:
        if p.finished is None or p.company.casefold() not in current:
            continue
        experience = r.Experience(
            uid=stable_uid(f"{SOURCE}-role", p.record.uid), kind=ExperienceKind.OTHER,
            title=p.title, start=p.started, end=p.finished, department=None,
            outcome=p.description)
        checked(experience, path, p.where)
        out.append(experience)
    return out


def _skills(source: tuple[str, str], path: Path) -> list[r.Skill]:
    name, text = source
    table = Table(text, path, name, header_starts="Name", required=("Name",))
    return [r.Skill(name=skill) for skill in unique(row.get("Name") for row in table)]


def _connections(source: tuple[str, str], path: Path) -> list[r.Person]:
    name, text = source
    table = Table(text, path, name, header_starts="First Name",
                  required=("First Name", "Last Name"))
    uid_for = UidMaker(f"{SOURCE}-connection")
    people: dict[str, r.Person] = {}
    for row in table:
        full_name = " ".join(x for x in (row.get("First Name"), row.get("Last Name")) if x)
        if not full_name:
            continue
        url, email, company = row.get("URL"), row.get("Email Address"), row.get("Company")
        connected = _day(table, row, "Connected On")
        notes = [f"LinkedIn: {url}" if url else "", f"E-mail: {email}" if email else "",
                 f"Connected on LinkedIn on {connected.isoformat()}." if connected else ""]
        key = ("url", url.rstrip("/").casefold()) if url else (
            "name", full_name.casefold(), company.casefold())
        person = r.Person(uid=uid_for(*key), name=full_name,
                          title=row.get("Position") or None, department=company or None,
                          notes="\n".join(x for x in notes if x) or None, tags=[TAG])
        checked(person, path, f"{name} line {row.line}")
        people.setdefault(person.uid, person)  # LinkedIn lists a few people twice
    return list(people.values())


def _profile_name(source: tuple[str, str], path: Path) -> str | None:
    name, text = source
    table = Table(text, path, name, header_starts="First Name",
                  required=("First Name", "Last Name"))
    for row in table:
        full_name = " ".join(x for x in (row.get("First Name"), row.get("Last Name")) if x)
        return full_name or None
    return None


def _month(table: Table, row: Row, column: str, *, end: bool) -> date | None:
    """``Mar 2020`` -> the 1st (a start) or the last day (an end) of March 2020."""
    text = row.get(column)
    if not text:
        return None
    year = month = None
    if match := _MONTH_YEAR.fullmatch(text):
        month, year = _MONTHS.get(match.group(1).casefold()), int(match.group(2))
    elif re.fullmatch(r"\d{4}", text):
        year, month = int(text), 12 if end else 1
    elif match := re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?", text):
        year, month = int(match.group(1)), int(match.group(2))
    if year is None or month is None or not 1 <= month <= 12 or year < 1900:
        raise table.refuse(row, column, f"expected a month like Mar 2020, got {show(text)}")
    day = calendar.monthrange(year, month)[1] if end else 1
    return date(year, month, day)


def _day(table: Table, row: Row, column: str) -> date | None:
    """``12 Mar 2020`` (also ``Mar 12, 2020`` and ``2020-03-12``)."""
    text = row.get(column)
    if not text:
        return None
    parts: tuple[str, str, str] | None = None
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        parts = (match.group(1), match.group(2), match.group(3))
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        parts = (match.group(2), match.group(1), match.group(3))
    try:
        if parts is not None:
            month = _MONTHS.get(parts[1].casefold())
            if month is not None:
                return date(int(parts[2]), month, int(parts[0]))
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise table.refuse(row, column, f"expected a date like 12 Mar 2020, got {show(text)}")
