"""The lateral experiences list, and the achievements that belong to one experience.

An achievement belongs to an experience when it names it; one dated inside the
experience's span without naming it is shown apart, as a likely candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from careerdesk.domain.enums import ExperienceKind
from careerdesk.search import fts_query
from careerdesk.store import models as m
from careerdesk.store.search_index import KIND_BITS, KIND_CODES


@dataclass(frozen=True)
class ExperienceLine:
    uid: str
    title: str
    kind: ExperienceKind
    department: str | None
    start: date
    end: date | None
    sponsor: str | None  # the sponsor's name
    achievements: int  # achievements that name this experience

    @property
    def ongoing(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class AchievementRef:
    uid: str
    title: str
    date: date


def experience_lines(session: Session, words: str = "",
                     kind: ExperienceKind | None = None) -> list[ExperienceLine]:
    """Every experience matching the words and kind, ongoing ones and the latest first."""
    e, p, a = m.ExperienceRow, m.PersonRow, m.AchievementRow
    made = (select(func.count(a.id)).where(a.experience_id == e.id).scalar_subquery())
    query = (select(e.uid, e.title, e.kind, e.department, e.start, e.end, p.name, made)
             .outerjoin(p, p.id == e.sponsor_id))
    if kind is not None:
        query = query.where(e.kind == kind.value)
    match = fts_query(words)
    if match:
        code = KIND_CODES[m.ExperienceRow][0]
        query = query.where(or_(e.id.in_(text(
            f"SELECT (rowid - {code}) / {KIND_BITS} FROM search_index "
            "WHERE search_index MATCH :match AND kind = 'experience'").bindparams(match=match)
            .columns(literal_column("id"))), func.lower(p.name).contains(words.strip().lower())))
    query = query.order_by(e.end.is_not(None), e.end.desc(), e.start.desc(), e.id.desc())
    return [ExperienceLine(uid=uid, title=title, kind=ExperienceKind(k), department=dept,
                           start=start, end=end, sponsor=sponsor, achievements=int(n or 0))
            for uid, title, k, dept, start, end, sponsor, n in session.execute(query)]


def achievements_of(session: Session, uid: str, today: date
                    ) -> tuple[list[AchievementRef], list[AchievementRef]]:
    """(made in it: achievements naming the experience; dated during it, naming none or
    another), each by date. An ongoing experience runs until ``today``."""
    e, a = m.ExperienceRow, m.AchievementRow
    row = session.execute(select(e.id, e.start, e.end).where(e.uid == uid)).one_or_none()
    if row is None:
        return [], []
    id_, start, end = row
    # Through the Core connection: plain rows, no ORM processing for each of thousands.
    connection = session.connection()
    linked = [AchievementRef(u, t, d) for u, t, d in connection.execute(
        select(a.uid, a.title, a.date).where(a.experience_id == id_).order_by(a.date, a.id))]
    during = [AchievementRef(u, t, d) for u, t, d in connection.execute(
        select(a.uid, a.title, a.date)
        .where(a.date >= start, a.date <= (end or max(start, today)),
               or_(a.experience_id.is_(None), a.experience_id != id_))
        .order_by(a.date, a.id))]
    return linked, during


def departments(session: Session) -> list[str]:
    """Departments already written on experiences and people, for completion."""
    names = {*session.scalars(select(m.ExperienceRow.department)),
             *session.scalars(select(m.PersonRow.department))}
    return sorted((n for n in names if n and n.strip()), key=str.lower)
