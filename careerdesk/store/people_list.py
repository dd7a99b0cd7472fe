"""The people list and a person's page: who matches a filter, in which order, what a row
shows, and the interactions, follow-ups and achievements of one person.

Last contact is derived, never stored: the latest interaction on or before today that
names the person (a meeting planned for next week is not yet a contact, as the planner
also counts it). It comes from one grouped query over the interactions, for all people
at once, so that the list can filter and sort by it in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from careerdesk.domain.enums import InteractionKind, PersonRole, Stance
from careerdesk.search import fts_query
from careerdesk.store import models as m
from careerdesk.store.id_query import ids_of
from careerdesk.store.search_index import KIND_BITS, KIND_CODES

DECISION_ROLES = (PersonRole.MANAGER, PersonRole.SKIP_LEVEL, PersonRole.DECISION_MAKER,
                  PersonRole.HR, PersonRole.EXECUTIVE)
"""The people who decide a promotion: the line, the decision-makers, HR and executives."""
ALLY_ROLES = (PersonRole.SPONSOR, PersonRole.MENTOR)

NEVER_CONTACTED_RANK = 1_000_000
"""How overdue "never contacted" sorts: after every dated overdue contact."""


class PeopleGroup(StrEnum):
    DECISION_MAKERS = "decision_makers"
    SPONSORS_AND_MENTORS = "sponsors_and_mentors"


@dataclass(frozen=True)
class PeopleFilter:
    text: str = ""
    group: PeopleGroup | None = None
    # Only people in these departments (the planner says which are not the user's own);
    # ``None`` does not filter by department.
    departments: frozenset[str] | None = None
    contact_overdue: bool = False
    follow_up_overdue: bool = False

    @property
    def is_empty(self) -> bool:
        return self == PeopleFilter()


class PeopleSort(StrEnum):
    NAME = "name"
    DEPARTMENT = "department"
    INFLUENCE = "influence"
    STANCE = "stance"
    RELATIONSHIP = "relationship"
    LAST_CONTACT = "last_contact"
    OVERDUE = "overdue"


STANCE_ORDER = {Stance.CHAMPION: 1, Stance.SUPPORTER: 2, Stance.NEUTRAL: 3, Stance.SKEPTIC: 4,
                Stance.BLOCKER: 5, Stance.UNKNOWN: 6}


@dataclass(frozen=True)
class Contact:
    """How a person stands against their contact cadence on a given day."""

    last: date | None
    cadence_days: int | None
    today: date

    @property
    def days_since(self) -> int | None:
        return None if self.last is None else (self.today - self.last).days

    @property
    def overdue(self) -> bool:
        """Past the cadence: more days since the last contact than it allows, or no
        contact at all while one is wanted. Without a cadence nothing is ever overdue."""
        if self.cadence_days is None:
            return False
        since = self.days_since
        return since is None or since > self.cadence_days

    @property
    def days_overdue(self) -> int | None:
        """Days past the cadence; ``None`` when not overdue or never contacted."""
        since = self.days_since
        if not self.overdue or since is None or self.cadence_days is None:
            return None
        return since - self.cadence_days


@dataclass(frozen=True)
class PersonLine:
    id: int
    uid: str
    name: str
    title: str | None
    department: str | None
    roles: tuple[PersonRole, ...]
    influence: int | None
    stance: Stance
    relationship: int | None
    contact: Contact
    overdue_follow_ups: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)


def _iso(day: date) -> Any:
    return literal(day.isoformat())


def last_contact_subquery(today: date) -> Subquery:
    """Each person's latest interaction on or before ``today``: one grouped query.

    Written with CROSS JOIN, which in SQLite fixes the join order: reading the
    interactions by their date index and the links by their primary key uses two
    covering indexes, three times faster than the planner's own choice (which goes
    through the link table's person index and then to both tables for every link).
    """
    return text(
        "SELECT ip.person_id AS person_id, max(i.date) AS last "
        "FROM interaction AS i CROSS JOIN interaction_person AS ip ON ip.interaction_id = i.id "
        "WHERE i.date <= :today GROUP BY ip.person_id"
    ).bindparams(today=today.isoformat()).columns(
        person_id=Integer, last=Date).subquery("last_contact")


def recent_contact_subquery(today: date) -> Subquery:
    """Like ``last_contact_subquery``, but only the interactions of the longest contact
    cadence before ``today``: enough to tell who has gone quiet (whoever has none of
    them is past any cadence), and read through the date index, a few hundred rows
    instead of every interaction. Its ``last`` is not a person's last contact."""
    return text(
        "SELECT ip.person_id AS person_id, max(i.date) AS last "
        "FROM interaction AS i CROSS JOIN interaction_person AS ip ON ip.interaction_id = i.id "
        "WHERE i.date <= :today AND i.date >= date(:today, '-' || "
        "(SELECT max(cadence_days) FROM person) || ' days') GROUP BY ip.person_id"
    ).bindparams(today=today.isoformat()).columns(
        person_id=Integer, last=Date).subquery("recent_contact")


def _days_since(last: Any, today: date) -> ColumnElement[Any]:
    return cast(func.julianday(_iso(today)) - func.julianday(last), Integer)


def _contact_overdue(last: Any, today: date) -> ColumnElement[bool]:
    p = m.PersonRow
    return and_(p.cadence_days.is_not(None),
                or_(last.is_(None), _days_since(last, today) > p.cadence_days))


def _overdue_follow_up(person_id: Any, today: date) -> ColumnElement[bool]:
    # An IN over the (few, indexed) open follow-ups, not a correlated EXISTS per person.
    ip, i = m.interaction_person, m.InteractionRow
    late = select(ip.c.person_id).join(i, i.id == ip.c.interaction_id).where(
        i.done.is_(False), i.follow_up.is_not(None), i.follow_up < today)
    found: ColumnElement[bool] = person_id.in_(late)
    return found


def _has_role(roles: Collection[PersonRole]) -> ColumnElement[bool]:
    values = ", ".join(f"'{r.value}'" for r in roles)  # enum values: no user text here
    return text(f"EXISTS (SELECT 1 FROM json_each(person.roles) "
                f"WHERE json_each.value IN ({values}))")  # type: ignore[return-value]


def _filtered(query: Select[Any], f: PeopleFilter, last: Any, today: date) -> Select[Any]:
    p = m.PersonRow
    if f.group is PeopleGroup.DECISION_MAKERS:
        query = query.where(_has_role(DECISION_ROLES))
    elif f.group is PeopleGroup.SPONSORS_AND_MENTORS:
        query = query.where(_has_role(ALLY_ROLES))
    if f.departments is not None:
        query = query.where(func.trim(p.department).in_(sorted(f.departments)))
    if f.contact_overdue and f.follow_up_overdue:
        query = query.where(or_(_contact_overdue(last, today), _overdue_follow_up(p.id, today)))
    elif f.contact_overdue:
        query = query.where(_contact_overdue(last, today))
    elif f.follow_up_overdue:
        query = query.where(_overdue_follow_up(p.id, today))
    match = fts_query(f.text)
    if match:
        code = KIND_CODES[m.PersonRow][0]
        query = query.where(p.id.in_(text(
            f"SELECT (rowid - {code}) / {KIND_BITS} FROM search_index "
            "WHERE search_index MATCH :match AND kind = 'person'").bindparams(match=match)
            .columns(literal_column("id"))))
    return query


def matching_ids(session: Session, f: PeopleFilter, today: date,
                 sort: PeopleSort = PeopleSort.NAME, descending: bool = False) -> list[int]:
    p = m.PersonRow
    reads_last = sort in (PeopleSort.LAST_CONTACT, PeopleSort.OVERDUE)
    # Sorting by the last contact takes every interaction; telling who is overdue, only
    # the recent ones; the usual list by name, neither.
    lc = last_contact_subquery(today) if reads_last else recent_contact_subquery(today)
    query = select(p.id)
    if reads_last or f.contact_overdue:
        query = query.outerjoin(lc, lc.c.person_id == p.id)
    query = _filtered(query, f, lc.c.last, today)
    stance_rank = case({s.value: n for s, n in STANCE_ORDER.items()}, value=p.stance, else_=9)
    overdue_rank = case(
        (p.cadence_days.is_(None), None),
        (lc.c.last.is_(None), NEVER_CONTACTED_RANK),
        else_=_days_since(lc.c.last, today) - p.cadence_days)
    key: Any = {
        PeopleSort.NAME: func.lower(p.name),
        PeopleSort.DEPARTMENT: func.lower(p.department),
        PeopleSort.INFLUENCE: p.influence,
        PeopleSort.STANCE: stance_rank,
        PeopleSort.RELATIONSHIP: p.relationship,
        PeopleSort.LAST_CONTACT: lc.c.last,
        PeopleSort.OVERDUE: overdue_rank,
    }[sort]
    # Unknown values go last in either direction: a list sorted by influence starts with
    # the rated people.
    order = [key.is_(None), key.desc() if descending else key.asc(), func.lower(p.name), p.id]
    return ids_of(session, query.order_by(*order))


# For a page of people, the other way round: their links first (the person index), then
# each interaction by its id, in one pass for both the last contact and the late
# follow-ups. CROSS JOIN keeps SQLite from starting with the interactions.
_CONTACTS_OF = text(
    "SELECT ip.person_id AS person_id, "
    "max(CASE WHEN i.date <= :today THEN i.date END) AS last, "
    "sum(CASE WHEN NOT i.done AND i.follow_up < :today THEN 1 ELSE 0 END) AS late "
    "FROM interaction_person AS ip CROSS JOIN interaction AS i ON i.id = ip.interaction_id "
    "WHERE ip.person_id IN :ids GROUP BY ip.person_id"
).bindparams(bindparam("ids", expanding=True)).columns(person_id=Integer, last=Date,
                                                       late=Integer)


def contacts(session: Session, ids: Sequence[int],
             today: date) -> dict[int, tuple[date | None, int]]:
    """For each of these people who has interactions: the last contact (``None`` when
    all are still to come) and how many follow-ups are past their date and not done."""
    if not ids:
        return {}
    rows = session.execute(_CONTACTS_OF, {"ids": list(ids), "today": today.isoformat()})
    return {person_id: (last, int(late or 0)) for person_id, last, late in rows}


def last_contacts(session: Session, ids: Sequence[int], today: date) -> dict[int, date]:
    """The last contact of these people (absent: never contacted)."""
    return {pid: last for pid, (last, _late) in contacts(session, ids, today).items()
            if last is not None}


def lines(session: Session, ids: Sequence[int], today: date) -> dict[int, PersonLine]:
    """What the table shows for these people, in three queries whatever their number."""
    if not ids:
        return {}
    p = m.PersonRow
    rows = session.execute(
        select(p.id, p.uid, p.name, p.title, p.department, p.roles, p.influence, p.stance,
               p.relationship, p.cadence_days, p.tags).where(p.id.in_(ids))).all()
    found = contacts(session, ids, today)
    result = {}
    for (id_, uid, name, title, department, roles, influence, stance, relationship,
         cadence, tags) in rows:
        result[id_] = PersonLine(
            id=id_, uid=uid, name=name, title=title, department=department,
            roles=tuple(_roles(roles)), influence=influence, stance=_stance(stance),
            relationship=relationship,
            contact=Contact(found.get(id_, (None, 0))[0], cadence, today),
            overdue_follow_ups=found.get(id_, (None, 0))[1], tags=tuple(tags or []))
    return result


def _roles(values: Any) -> list[PersonRole]:
    known = {r.value for r in PersonRole}
    return [PersonRole(v) for v in values or [] if v in known]


def _stance(value: str) -> Stance:
    try:
        return Stance(value)
    except ValueError:
        return Stance.UNKNOWN


# ---------------------------------------------------------------- attention


@dataclass(frozen=True)
class Attention:
    """What the People page's header strip counts."""

    overdue_follow_ups: int  # interactions whose follow-up date has passed, not done
    gone_quiet: int  # people past their contact cadence (never contacted counts)


def attention(session: Session, today: date) -> Attention:
    i = m.InteractionRow
    follow_ups = session.scalar(select(func.count(i.id)).where(
        i.done.is_(False), i.follow_up.is_not(None), i.follow_up < today)) or 0
    p = m.PersonRow
    lc = recent_contact_subquery(today)
    quiet = session.scalar(select(func.count(p.id)).outerjoin(lc, lc.c.person_id == p.id)
                           .where(_contact_overdue(lc.c.last, today))) or 0
    return Attention(int(follow_ups), int(quiet))


def person_count(session: Session) -> int:
    return int(session.scalar(select(func.count(m.PersonRow.id))) or 0)


def person_id(session: Session, uid: str) -> int | None:
    return session.scalar(select(m.PersonRow.id).where(m.PersonRow.uid == uid))


def department_names(session: Session) -> list[str]:
    """Every department named on a person, for completion and the department filter."""
    p = m.PersonRow
    names = session.scalars(select(func.trim(p.department)).where(
        p.department.is_not(None), func.trim(p.department) != "").distinct())
    return sorted(set(names), key=str.casefold)


# ---------------------------------------------------------------- one person


@dataclass(frozen=True)
class InteractionLine:
    uid: str
    date: dt.date
    kind: InteractionKind
    summary: str
    follow_up: dt.date | None
    follow_up_action: str
    done: bool
    others: tuple[str, ...]  # the names of the other people in it

    def follow_up_overdue(self, today: dt.date) -> bool:
        return not self.done and self.follow_up is not None and self.follow_up < today


def interactions_of(session: Session, person_uid: str) -> list[InteractionLine]:
    """The person's interactions, newest first, with who else took part."""
    p, i, ip = m.PersonRow, m.InteractionRow, m.interaction_person
    pid = person_id(session, person_uid)
    if pid is None:
        return []
    rows = session.execute(
        select(i.id, i.uid, i.date, i.kind, i.summary, i.follow_up, i.follow_up_action, i.done)
        .join(ip, ip.c.interaction_id == i.id).where(ip.c.person_id == pid)
        .order_by(i.date.desc(), i.id.desc())).all()
    ids = [row[0] for row in rows]
    others: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for interaction_id, name in session.execute(
                select(ip.c.interaction_id, p.name).join(p, p.id == ip.c.person_id)
                .where(ip.c.interaction_id.in_(chunk), ip.c.person_id != pid)
                .order_by(func.lower(p.name))):
            others.setdefault(interaction_id, []).append(name)
    return [InteractionLine(uid=uid, date=day, kind=_kind(kind), summary=summary or "",
                            follow_up=follow_up, follow_up_action=action or "", done=bool(done),
                            others=tuple(others.get(id_, [])))
            for id_, uid, day, kind, summary, follow_up, action, done in rows]


def open_follow_ups(lines_of_person: Sequence[InteractionLine]) -> list[InteractionLine]:
    """The follow-ups not yet done, the earliest due first."""
    found = [x for x in lines_of_person if x.follow_up is not None and not x.done]
    return sorted(found, key=lambda x: (x.follow_up or date.max, x.date))


def _kind(value: str) -> InteractionKind:
    try:
        return InteractionKind(value)
    except ValueError:
        return InteractionKind.OTHER


@dataclass(frozen=True)
class SeenAchievement:
    uid: str
    date: dt.date
    title: str


def achievements_seen_by(session: Session, person_uid: str) -> list[SeenAchievement]:
    """The achievements this person saw happen (visibility), newest first."""
    a, ap, p = m.AchievementRow, m.achievement_person, m.PersonRow
    rows = session.execute(
        select(a.uid, a.date, a.title).join(ap, ap.c.achievement_id == a.id)
        .join(p, p.id == ap.c.person_id).where(p.uid == person_uid)
        .order_by(a.date.desc(), a.id.desc()))
    return [SeenAchievement(uid, day, title) for uid, day, title in rows]


def person_of_interaction(session: Session, interaction_uid: str,
                          prefer: str | None = None) -> str | None:
    """The person whose page shows this interaction: ``prefer`` when it names them, else
    the first by name."""
    p, i, ip = m.PersonRow, m.InteractionRow, m.interaction_person
    uids = list(session.scalars(
        select(p.uid).join(ip, ip.c.person_id == p.id).join(i, i.id == ip.c.interaction_id)
        .where(i.uid == interaction_uid).order_by(func.lower(p.name), p.id)))
    if prefer in uids:
        return prefer
    return uids[0] if uids else None
