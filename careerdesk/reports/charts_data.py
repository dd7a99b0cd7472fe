"""What the other charts show: pay history with negotiation outcomes, and the stakeholder map.

Plain data read with a few narrow queries; the drawing is ``careerdesk.reports.charts``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from careerdesk.domain.enums import PlanStatus, Stance
from careerdesk.store import models as m

OUTCOMES = (PlanStatus.WON, PlanStatus.PARTIAL, PlanStatus.DEFERRED, PlanStatus.DECLINED)
MAX_PEOPLE_ON_MAP = 40
"""The whole journal's map shows the people who weigh most; a plan's map shows all its people."""


@dataclass(frozen=True)
class PayPoint:
    uid: str
    date: date
    title: str | None
    level: str | None
    base: float | None
    bonus: float | None
    currency: str | None


@dataclass(frozen=True)
class NegotiationOutcome:
    uid: str
    title: str
    status: PlanStatus
    date: date
    granted: str = ""
    """What was granted, in words (``Lead Data Analyst, 112,000``), or empty."""


@dataclass
class PayHistory:
    points: list[PayPoint] = field(default_factory=list)
    outcomes: list[NegotiationOutcome] = field(default_factory=list)

    @property
    def currency(self) -> str | None:
        found = {p.currency for p in self.points if p.currency}
        return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Stakeholder:
    uid: str
    name: str
    title: str | None
    stance: Stance
    influence: int | None
    relationship: int | None


@dataclass
class StakeholderMap:
    people: list[Stakeholder] = field(default_factory=list)
    plan_title: str | None = None
    """The plan whose participants these are; None for the whole journal."""
    left_out: int = 0
    """People of the journal not shown (the map keeps the ones who weigh most)."""


def load_pay_history(session: Session) -> PayHistory:
    c = m.CompensationRow
    points = [PayPoint(*row) for row in session.execute(
        select(c.uid, c.date, c.title, c.level, c.base, c.bonus, c.currency).order_by(c.date, c.id))]
    p = m.PlanRow
    outcomes: list[NegotiationOutcome] = []
    rows = session.execute(select(p.uid, p.title, p.status, p.outcome, p.meeting_date)
                           .where(p.status.in_([s.value for s in OUTCOMES])))
    for uid, title, status, outcome, meeting in rows:
        outcome = outcome if isinstance(outcome, dict) else {}
        when = _date(outcome.get("date")) or meeting
        if when is None:
            continue  # an outcome without a day has no place on a time axis
        outcomes.append(NegotiationOutcome(uid, title, PlanStatus(status), when, _granted(outcome)))
    outcomes.sort(key=lambda o: (o.date, o.title))
    return PayHistory(points, outcomes)


def load_stakeholders(session: Session, plan_uid: str | None = None) -> StakeholderMap:
    """The people of a plan, or the journal's people who weigh most (influence known or a
    stance judged), heaviest first."""
    p = m.PersonRow
    columns = (p.uid, p.name, p.title, p.stance, p.influence, p.relationship)
    if plan_uid is not None:
        plan = session.execute(select(m.PlanRow.id, m.PlanRow.title)
                               .where(m.PlanRow.uid == plan_uid)).one_or_none()
        if plan is None:
            return StakeholderMap()
        rows = session.execute(select(*columns).join(m.plan_participant,
                                                     m.plan_participant.c.person_id == p.id)
                               .where(m.plan_participant.c.plan_id == plan.id).order_by(p.name))
        return StakeholderMap([_stakeholder(row) for row in rows], plan_title=plan.title)
    judged = or_(p.influence.is_not(None), p.stance != Stance.UNKNOWN.value)
    weight = func.coalesce(p.influence, 0) * 10 + func.coalesce(p.relationship, 0)
    total = session.execute(select(func.count()).select_from(p).where(judged)).scalar_one()
    rows = session.execute(select(*columns).where(judged)
                           .order_by(weight.desc(), p.name).limit(MAX_PEOPLE_ON_MAP))
    people = [_stakeholder(row) for row in rows]
    return StakeholderMap(people, left_out=max(total - len(people), 0))


def _stakeholder(row: Any) -> Stakeholder:
    uid, name, title, stance, influence, relationship = row
    try:
        judged = Stance(stance)
    except ValueError:
        judged = Stance.UNKNOWN
    return Stakeholder(uid, name, title, judged, influence, relationship)


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _granted(outcome: dict[str, Any]) -> str:
    parts = []
    if isinstance(outcome.get("granted_title"), str) and outcome["granted_title"]:
        parts.append(outcome["granted_title"])
    base = outcome.get("granted_base")
    if isinstance(base, int | float) and not isinstance(base, bool):
        parts.append(f"{base:,.0f}")
    if not parts and isinstance(outcome.get("result"), str):
        parts.append(outcome["result"])
    return ", ".join(parts)
