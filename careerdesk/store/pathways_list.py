"""The Pathways lists: targets (where the user is heading) and openings (internal postings).

As for achievements, the table asks for the ordered ids once and for the lines of the
rows on screen only; sorting and filtering are SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, literal_column, select, text
from sqlalchemy.orm import Session

from careerdesk.domain.enums import Availability, OpeningStatus, TargetPath, TargetStatus
from careerdesk.search import fts_query
from careerdesk.store import models as m
from careerdesk.store.search_index import KIND_BITS, KIND_CODES
from careerdesk.store.skill_gaps import required_counts

# The pipeline of an opening, in the order it is walked; the last three end it.
PIPELINE = (OpeningStatus.WATCHING, OpeningStatus.NETWORKING, OpeningStatus.APPLIED,
            OpeningStatus.INTERVIEWING, OpeningStatus.OFFER)
OUTCOMES = (OpeningStatus.ACCEPTED, OpeningStatus.DECLINED, OpeningStatus.CLOSED)
CLOSING_SOON_DAYS = 14


def next_status(status: OpeningStatus) -> OpeningStatus | None:
    """The next step of the pipeline; ``None`` at an offer (accept or decline) or an outcome."""
    if status in PIPELINE and status is not OpeningStatus.OFFER:
        return PIPELINE[PIPELINE.index(status) + 1]
    return None


def _fts(kind_row: type[m.Base], kind: str, words: str) -> Any:
    match = fts_query(words)
    if not match:
        return None
    code = KIND_CODES[kind_row][0]
    return text(f"SELECT (rowid - {code}) / {KIND_BITS} FROM search_index "
                f"WHERE search_index MATCH :match AND kind = '{kind}'").bindparams(
        match=match).columns(literal_column("id"))


# ---------------------------------------------------------------- targets


@dataclass(frozen=True)
class TargetFilter:
    text: str = ""
    active_only: bool = False  # not achieved or dropped

    @property
    def is_empty(self) -> bool:
        return self == TargetFilter()


class TargetSort(StrEnum):
    TITLE = "title"
    PATH = "path"
    DEPARTMENT = "department"
    LEVEL = "level"
    STATUS = "status"


_TARGET_STATUS_ORDER = {s.value: n for n, s in enumerate(TargetStatus)}


@dataclass(frozen=True)
class TargetLine:
    id: int
    uid: str
    title: str
    path: TargetPath
    department: str | None
    level: str | None
    status: TargetStatus
    covered: int
    required: int


def target_ids(session: Session, f: TargetFilter, sort: TargetSort = TargetSort.STATUS,
               descending: bool = False) -> list[int]:
    t = m.TargetRow
    query = select(t.id)
    if f.active_only:
        query = query.where(t.status.not_in([TargetStatus.ACHIEVED.value,
                                             TargetStatus.DROPPED.value]))
    found = _fts(m.TargetRow, "target", f.text)
    if found is not None:
        query = query.where(t.id.in_(found))
    key: Any = {
        TargetSort.TITLE: func.lower(t.title), TargetSort.PATH: t.path,
        TargetSort.DEPARTMENT: func.lower(t.department), TargetSort.LEVEL: func.lower(t.level),
        TargetSort.STATUS: case(_TARGET_STATUS_ORDER, value=t.status, else_=9),
    }[sort]
    order = [key.is_(None), key.desc() if descending else key.asc(), func.lower(t.title), t.id]
    return list(session.scalars(query.order_by(*order)))


def target_lines(session: Session, ids: Sequence[int]) -> dict[int, TargetLine]:
    if not ids:
        return {}
    t = m.TargetRow
    counts = required_counts(session, list(ids))
    rows = session.execute(select(t.id, t.uid, t.title, t.path, t.department, t.level,
                                  t.status).where(t.id.in_(ids)))
    return {id_: TargetLine(id_, uid, title, TargetPath(path), department, level,
                            TargetStatus(status), *counts.get(id_, (0, 0)))
            for id_, uid, title, path, department, level, status in rows}


def target_id(session: Session, uid: str) -> int | None:
    return session.scalar(select(m.TargetRow.id).where(m.TargetRow.uid == uid))


def target_count(session: Session) -> int:
    return int(session.scalar(select(func.count(m.TargetRow.id))) or 0)


def target_choices(session: Session) -> list[tuple[str, str]]:
    """(uid, title) of every target, for an opening's target picker."""
    t = m.TargetRow
    return [(uid, title) for uid, title in session.execute(
        select(t.uid, t.title).order_by(func.lower(t.title), t.id))]


# ---------------------------------------------------------------- openings


@dataclass(frozen=True)
class OpeningFilter:
    text: str = ""
    open_only: bool = False  # not accepted, declined or closed

    @property
    def is_empty(self) -> bool:
        return self == OpeningFilter()


class OpeningSort(StrEnum):
    TITLE = "title"
    STATUS = "status"
    CLOSES = "closes"
    AVAILABILITY = "availability"
    DEPARTMENT = "department"


_STATUS_ORDER = {s.value: n for n, s in enumerate(OpeningStatus)}
_AVAILABILITY_ORDER = {Availability.SUSPECTED_PROMISED.value: 0, Availability.UNKNOWN.value: 1,
                       Availability.CONFIRMED_OPEN.value: 2}


@dataclass(frozen=True)
class OpeningLine:
    id: int
    uid: str
    title: str
    department: str | None
    status: OpeningStatus
    availability: Availability
    posted: date | None
    closes: date | None
    hiring_manager: str | None  # the name
    target: str | None  # the title

    def days_left(self, today: date) -> int | None:
        return None if self.closes is None else (self.closes - today).days

    def closing_soon(self, today: date) -> bool:
        left = self.days_left(today)
        return (left is not None and 0 <= left <= CLOSING_SOON_DAYS
                and self.status not in OUTCOMES)


def opening_ids(session: Session, f: OpeningFilter, sort: OpeningSort = OpeningSort.CLOSES,
                descending: bool = False) -> list[int]:
    o = m.OpeningRow
    query = select(o.id)
    if f.open_only:
        query = query.where(o.status.not_in([s.value for s in OUTCOMES]))
    found = _fts(m.OpeningRow, "opening", f.text)
    if found is not None:
        query = query.where(o.id.in_(found))
    key: Any = {
        OpeningSort.TITLE: func.lower(o.title),
        OpeningSort.STATUS: case(_STATUS_ORDER, value=o.status, else_=99),
        OpeningSort.CLOSES: o.closes,
        OpeningSort.AVAILABILITY: case(_AVAILABILITY_ORDER, value=o.availability, else_=9),
        OpeningSort.DEPARTMENT: func.lower(o.department),
    }[sort]
    order = [key.is_(None), key.desc() if descending else key.asc(), func.lower(o.title), o.id]
    return list(session.scalars(query.order_by(*order)))


def opening_lines(session: Session, ids: Sequence[int]) -> dict[int, OpeningLine]:
    if not ids:
        return {}
    o, p, t = m.OpeningRow, m.PersonRow, m.TargetRow
    rows = session.execute(
        select(o.id, o.uid, o.title, o.department, o.status, o.availability, o.posted, o.closes,
               p.name, t.title).outerjoin(p, p.id == o.hiring_manager_id)
        .outerjoin(t, t.id == o.target_id).where(o.id.in_(ids)))
    return {id_: OpeningLine(id_, uid, title, department, OpeningStatus(status),
                             Availability(availability), posted, closes, manager, target)
            for id_, uid, title, department, status, availability, posted, closes, manager,
            target in rows}


def opening_id(session: Session, uid: str) -> int | None:
    return session.scalar(select(m.OpeningRow.id).where(m.OpeningRow.uid == uid))


def opening_count(session: Session) -> int:
    return int(session.scalar(select(func.count(m.OpeningRow.id))) or 0)
