"""How a target's required skills compare with the skills portfolio, with the evidence.

The rule is the planner's (``careerdesk.planner.readiness.skill_coverage``): a required
skill without a level asks for level 1, and a skill without a level (or not in the
journal at all) counts as level 0. Each required skill is then:

- covered: the portfolio's level reaches the required one;
- below: rated, but under the required level ("2 of 4");
- missing: no such skill in the journal, or its level is not set.

The evidence of a skill is every achievement and experience that names it, newest first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careerdesk.store import models as m


class GapStatus(StrEnum):
    COVERED = "covered"
    BELOW = "below"
    MISSING = "missing"


@dataclass(frozen=True)
class Evidence:
    kind: str  # "achievement" or "experience", as search names them
    uid: str
    title: str
    date: dt.date  # an achievement's date, an experience's start
    end: dt.date | None = None  # an experience's end (None: ongoing or an achievement)


@dataclass(frozen=True)
class SkillGap:
    name: str
    required: int  # the level asked for (1 when the target sets none)
    level: int | None  # the portfolio's level; None when missing or not rated
    status: GapStatus
    evidence: tuple[Evidence, ...]

    @property
    def share(self) -> float:
        """How much of the required level is there, 0 to 1 (the planner's coverage)."""
        return min(self.level or 0, self.required) / self.required


def gap_status(level: int | None, required: int | None) -> GapStatus:
    need = max(required or 1, 1)
    if not level:
        return GapStatus.MISSING
    return GapStatus.COVERED if level >= need else GapStatus.BELOW


def skill_gaps(session: Session, target_uid: str) -> list[SkillGap]:
    """The target's required skills in its own order, each with status and evidence."""
    t, ts, s = m.TargetRow, m.TargetSkillRow, m.SkillRow
    rows = session.execute(
        select(s.id, s.name, s.level, ts.level).join(ts, ts.skill_id == s.id)
        .join(t, t.id == ts.target_id).where(t.uid == target_uid)
        .order_by(ts.position)).all()
    evidence = _evidence(session, [row[0] for row in rows])
    return [SkillGap(name=name, required=max(required or 1, 1), level=level or None,
                     status=gap_status(level, required), evidence=tuple(evidence.get(sid, [])))
            for sid, name, level, required in rows]


def coverage(gaps: list[SkillGap]) -> float | None:
    """The average share over the required skills; ``None`` when none are listed."""
    return sum(g.share for g in gaps) / len(gaps) if gaps else None


def _evidence(session: Session, skill_ids: list[int]) -> dict[int, list[Evidence]]:
    if not skill_ids:
        return {}
    e, esl = m.ExperienceRow, m.experience_skill
    found: dict[int, list[Evidence]] = {}
    # Hundreds of achievements per skill on a large journal: read with plain SQL on the
    # session's connection (dates as the ORM stores them, ISO text), half the time.
    db: Any = session.connection().connection.dbapi_connection
    for sid, uid, title, day in db.execute(
            "SELECT link.skill_id, a.uid, a.title, a.date FROM achievement_skill AS link "
            "JOIN achievement AS a ON a.id = link.achievement_id "
            f"WHERE link.skill_id IN ({', '.join('?' * len(skill_ids))})", skill_ids):
        found.setdefault(sid, []).append(
            Evidence("achievement", uid, title, dt.date.fromisoformat(day)))
    for sid, uid, title, start, end in session.execute(
            select(esl.c.skill_id, e.uid, e.title, e.start, e.end)
            .join(e, e.id == esl.c.experience_id).where(esl.c.skill_id.in_(skill_ids))):
        found.setdefault(sid, []).append(Evidence("experience", uid, title, start, end))
    for items in found.values():
        items.sort(key=lambda x: (x.end or x.date, x.date, x.title), reverse=True)
    return found


def required_counts(session: Session, target_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per target: (skills covered, skills required), for the targets list."""
    if not target_ids:
        return {}
    ts, s = m.TargetSkillRow, m.SkillRow
    counts: dict[int, list[int]] = {tid: [0, 0] for tid in target_ids}
    for tid, level, required in session.execute(
            select(ts.target_id, s.level, ts.level).join(s, s.id == ts.skill_id)
            .where(ts.target_id.in_(target_ids))):
        counts[tid][1] += 1
        if gap_status(level, required) is GapStatus.COVERED:
            counts[tid][0] += 1
    return {tid: (c[0], c[1]) for tid, c in counts.items()}


def skill_level_names(session: Session) -> dict[str, int | None]:
    """Every skill's level by name, for the required-skills table's hints."""
    return {name: level for name, level in session.execute(
        select(m.SkillRow.name, m.SkillRow.level).order_by(func.lower(m.SkillRow.name)))}
