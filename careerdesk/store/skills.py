"""The skills portfolio: every skill with its evidence, and renaming and merging skills.

A skill's evidence is every achievement and experience that names it. The portfolio
counts it for all skills in one grouped query, so 150 skills over 30,000 achievements
open at once. Renaming keeps the skill (its uid, its links); merging moves every link
of one skill to another and keeps the higher level. Both can be taken back exactly from a
``SkillState`` taken before (the window's undo).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Table, delete, func, insert, literal, select, union_all
from sqlalchemy.orm import Session

from careerdesk.domain.errors import CareerdeskError, InvalidRecord, NotFound
from careerdesk.store import models as m

MIN_LEVEL, MAX_LEVEL = 1, 5


class SkillClash(CareerdeskError):
    """The new name belongs to another skill: merging them is the way, not renaming."""


class EvidenceKind(StrEnum):
    ACHIEVEMENT = "achievement"
    EXPERIENCE = "experience"


@dataclass(frozen=True)
class PortfolioLine:
    uid: str
    name: str
    category: str | None
    level: int | None
    achievements: int
    experiences: int
    last_shown: dt.date | None  # the latest achievement, or experience end (today if ongoing)

    @property
    def evidence(self) -> int:
        return self.achievements + self.experiences

    @property
    def has_evidence(self) -> bool:
        return self.evidence > 0


@dataclass(frozen=True)
class Evidence:
    kind: EvidenceKind
    uid: str
    title: str
    date: dt.date  # the achievement's date, the experience's start
    end: dt.date | None = None  # an experience's end; None while ongoing
    ongoing: bool = False


def portfolio(session: Session, today: dt.date) -> list[PortfolioLine]:
    """Every skill by name, with its evidence counted and dated (one grouped query)."""
    a, e = m.AchievementRow, m.ExperienceRow
    link_a, link_e = m.achievement_skill.c, m.experience_skill.c
    shown = union_all(
        select(link_a.skill_id.label("skill_id"), literal(1).label("is_a"),
               a.date.label("day"))
        .join(a, a.id == link_a.achievement_id),
        select(link_e.skill_id.label("skill_id"), literal(0).label("is_a"),
               func.coalesce(e.end, func.max(e.start, today)).label("day"))
        .join(e, e.id == link_e.experience_id),
    ).subquery()
    counts = (select(shown.c.skill_id, func.sum(shown.c.is_a).label("n_a"),
                     func.count().label("n"), func.max(shown.c.day).label("last"))
              .group_by(shown.c.skill_id).subquery())
    s = m.SkillRow
    rows = session.execute(
        select(s.uid, s.name, s.category, s.level, counts.c.n_a, counts.c.n, counts.c.last)
        .outerjoin(counts, counts.c.skill_id == s.id)
        .order_by(func.lower(s.name))).all()
    result = []
    for uid, name, category, level, n_a, n, last in rows:
        n_a, n = int(n_a or 0), int(n or 0)
        result.append(PortfolioLine(uid=uid, name=name, category=category, level=level,
                                    achievements=n_a, experiences=n - n_a,
                                    last_shown=_as_date(last)))
    return result


def _as_date(value: object) -> dt.date | None:
    # max() over a union comes back from SQLite as text, not as a date.
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def evidence(session: Session, name: str) -> list[Evidence]:
    """The achievements and experiences naming the skill, the latest first."""
    row = skill_row(session, name)
    a, e = m.AchievementRow, m.ExperienceRow
    found = [Evidence(EvidenceKind.ACHIEVEMENT, uid, title, day)
             for uid, title, day in session.execute(
                 select(a.uid, a.title, a.date)
                 .join(m.achievement_skill, m.achievement_skill.c.achievement_id == a.id)
                 .where(m.achievement_skill.c.skill_id == row.id))]
    found += [Evidence(EvidenceKind.EXPERIENCE, uid, title, start, end, end is None)
              for uid, title, start, end in session.execute(
                  select(e.uid, e.title, e.start, e.end)
                  .join(m.experience_skill, m.experience_skill.c.experience_id == e.id)
                  .where(m.experience_skill.c.skill_id == row.id))]
    return sorted(found, key=lambda x: (x.end or x.date if not x.ongoing else dt.date.max,
                                        x.date, x.title), reverse=True)


def skill_row(session: Session, name: str) -> m.SkillRow:
    """The skill of that name, in any case; ``NotFound`` otherwise."""
    row = session.scalar(select(m.SkillRow).where(m.SkillRow.name == name.strip()))
    if row is None:
        raise NotFound(f"no skill called {name.strip()!r}")
    return row


def name_of_uid(session: Session, uid: str) -> str | None:
    return session.scalar(select(m.SkillRow.name).where(m.SkillRow.uid == uid))


def categories(session: Session) -> list[str]:
    rows = session.scalars(select(m.SkillRow.category).where(m.SkillRow.category.is_not(None))
                           .distinct().order_by(func.lower(m.SkillRow.category)))
    return [c for c in rows if c and c.strip()]


# ---------------------------------------------------------------- rename and merge


def rename_skill(session: Session, old: str, new: str) -> str:
    """Gives the skill a new name; every record naming it now names the new one.

    A change of case only is a rename too. Refuses (``SkillClash``) a name another skill
    has: that is a merge. Returns the new name.
    """
    row = skill_row(session, old)
    clean = new.strip()
    if not clean:
        raise InvalidRecord("name", "a skill needs a name")
    other = session.scalar(select(m.SkillRow).where(m.SkillRow.name == clean,
                                                    m.SkillRow.id != row.id))
    if other is not None:
        raise SkillClash(f"a skill called {other.name!r} exists already; merge the two "
                         "skills instead of renaming")
    if row.name != clean:
        row.name = clean
        row.updated_at = m.utc_now()
        session.flush()  # the search index follows in the same transaction
    return clean


def merge_skills(session: Session, source: str, target: str) -> str:
    """Moves every link of ``source`` to ``target`` and deletes ``source``.

    Achievements, experiences and targets that named either name ``target`` once. The
    merged skill keeps the higher level, the target's category (the source's when the
    target has none) and both skills' tags. Returns the target's name.
    """
    src, dst = skill_row(session, source), skill_row(session, target)
    if src.id == dst.id:
        raise InvalidRecord("target", "a skill cannot be merged into itself")
    for table, key in ((m.achievement_skill, "achievement_id"),
                       (m.experience_skill, "experience_id")):
        column = table.c[key]
        has_target = select(column).where(table.c.skill_id == dst.id)
        session.execute(delete(table).where(table.c.skill_id == src.id,
                                            column.in_(has_target)))
        session.execute(table.update().where(table.c.skill_id == src.id)
                        .values(skill_id=dst.id))
    required = {x.target_id: x for x in session.scalars(
        select(m.TargetSkillRow).where(m.TargetSkillRow.skill_id == dst.id))}
    for row in session.scalars(select(m.TargetSkillRow)
                               .where(m.TargetSkillRow.skill_id == src.id)).all():
        kept = required.get(row.target_id)
        if kept is not None:
            kept.level = _higher(kept.level, row.level)
            session.delete(row)
        else:
            row.skill_id = dst.id
    levels = [x for x in (src.level, dst.level) if x is not None]
    dst.level = max(levels) if levels else None
    dst.category = dst.category or src.category
    dst.tags = list(dict.fromkeys([*(dst.tags or []), *(src.tags or [])]))
    dst.updated_at = m.utc_now()
    session.flush()
    session.delete(src)
    session.flush()
    session.expire_all()  # the link tables changed under the ORM's feet
    return dst.name


def _higher(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


# ---------------------------------------------------------------- taking a change back


@dataclass(frozen=True)
class RequiredBy:
    target: str  # the target's uid
    level: int | None
    position: int


@dataclass(frozen=True)
class SkillState:
    """One skill as it was, with everything that named it: enough to put it back."""

    uid: str
    name: str
    category: str | None
    level: int | None
    tags: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    achievements: frozenset[str]
    experiences: frozenset[str]
    required_by: tuple[RequiredBy, ...]


def snapshot(session: Session, names: Iterable[str]) -> list[SkillState]:
    states = []
    for name in names:
        row = skill_row(session, name)
        achievements = frozenset(session.scalars(
            select(m.AchievementRow.uid).join(
                m.achievement_skill, m.achievement_skill.c.achievement_id == m.AchievementRow.id)
            .where(m.achievement_skill.c.skill_id == row.id)))
        experiences = frozenset(session.scalars(
            select(m.ExperienceRow.uid).join(
                m.experience_skill, m.experience_skill.c.experience_id == m.ExperienceRow.id)
            .where(m.experience_skill.c.skill_id == row.id)))
        required = tuple(RequiredBy(uid, level, position) for uid, level, position in
                         session.execute(select(m.TargetRow.uid, m.TargetSkillRow.level,
                                                m.TargetSkillRow.position)
                                         .join(m.TargetRow,
                                               m.TargetRow.id == m.TargetSkillRow.target_id)
                                         .where(m.TargetSkillRow.skill_id == row.id)
                                         .order_by(m.TargetRow.uid)))
        states.append(SkillState(uid=row.uid, name=row.name, category=row.category,
                                 level=row.level, tags=tuple(row.tags or []),
                                 created_at=row.created_at, updated_at=row.updated_at,
                                 achievements=achievements, experiences=experiences,
                                 required_by=required))
    return states


def restore(session: Session, states: Sequence[SkillState]) -> None:
    """Puts these skills back as they were: their fields and exactly their links.

    A skill that was merged away is created again with its uid. Records deleted since the
    state was taken are left out.
    """
    rows: list[tuple[SkillState, m.SkillRow]] = []
    for state in states:
        row = session.scalar(select(m.SkillRow).where(m.SkillRow.uid == state.uid))
        if row is None:
            row = m.SkillRow(uid=state.uid, name=f"(restoring {state.uid})", tags=[],
                             created_at=state.created_at, updated_at=state.updated_at)
            session.add(row)
        else:
            row.name = f"(restoring {state.uid})"  # out of the way while names swap back
        rows.append((state, row))
    session.flush()
    for state, row in rows:
        row.name, row.category, row.level = state.name, state.category, state.level
        row.tags = list(state.tags)
        row.created_at, row.updated_at = state.created_at, state.updated_at
        _relink(session, m.achievement_skill, "achievement_id", m.AchievementRow, row.id,
                state.achievements)
        _relink(session, m.experience_skill, "experience_id", m.ExperienceRow, row.id,
                state.experiences)
        session.execute(delete(m.TargetSkillRow).where(m.TargetSkillRow.skill_id == row.id))
        targets = dict(session.execute(select(m.TargetRow.uid, m.TargetRow.id).where(
            m.TargetRow.uid.in_([x.target for x in state.required_by]))).tuples().all())
        for x in state.required_by:
            if x.target in targets:
                session.execute(insert(m.TargetSkillRow).values(
                    target_id=targets[x.target], skill_id=row.id, level=x.level,
                    position=x.position))
    session.flush()
    session.expire_all()


def _relink(session: Session, table: Table, key: str, record: type[m.Base], skill_id: int,
            uids: frozenset[str]) -> None:
    session.execute(delete(table).where(table.c.skill_id == skill_id))
    ids = session.scalars(select(record.id).where(record.uid.in_(uids))).all()  # type: ignore[attr-defined]
    if ids:
        session.execute(insert(table), [{key: id_, "skill_id": skill_id} for id_ in ids])
