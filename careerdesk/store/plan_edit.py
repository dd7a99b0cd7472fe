"""What the Negotiations page reads and builds: plan lines, pickers' choices, pay history.

Plans are few (a handful a year), so they are listed whole; achievements may be many, so
only their uid, date and title are read for the evidence pickers.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careerdesk.domain.enums import PlanStatus, Strategy
from careerdesk.domain.records import Compensation, NegotiationPlan, Outcome
from careerdesk.store import models as m
from careerdesk.store.achievement_edit import Choice

COMMON_FALLBACKS = (
    "Micro-promotion: a step within the level now, the full step at a set date",
    "Role-scope renegotiation: the wider scope recorded now, as the basis for the next level",
    "Training budget for a course or programme that builds toward the role",
    "A dated commitment in writing: when it will be decided, and on which criteria",
)
"""The fallbacks most negotiations come back to, offered with one click (product.md)."""

OUTCOME_STATUSES = (PlanStatus.WON, PlanStatus.PARTIAL, PlanStatus.DEFERRED, PlanStatus.DECLINED)

ACHIEVEMENT_CHOICES = 3000
"""The most recent achievements offered by the evidence picker's completion."""


@dataclass(frozen=True)
class PlanLine:
    uid: str
    title: str
    strategy: Strategy
    meeting_date: date | None
    status: PlanStatus


def plan_lines(session: Session, today: date | None = None) -> list[PlanLine]:
    """Every plan, the next meeting first: upcoming meetings by date, then past ones (the
    latest first), then plans without a meeting date."""
    p = m.PlanRow
    rows = session.execute(select(p.uid, p.title, p.strategy, p.meeting_date, p.status)).all()
    lines = [PlanLine(uid, title, Strategy(strategy), meeting, PlanStatus(status))
             for uid, title, strategy, meeting, status in rows]
    day = today or date.today()

    def order(line: PlanLine) -> tuple[int, int, str]:
        meeting = line.meeting_date
        if meeting is None:
            return (2, 0, line.title.casefold())
        if meeting >= day:
            return (0, meeting.toordinal(), line.title.casefold())
        return (1, -meeting.toordinal(), line.title.casefold())

    return sorted(lines, key=order)


def target_choices(session: Session) -> list[Choice]:
    t = m.TargetRow
    rows = session.execute(select(t.uid, t.title, t.level, t.path).order_by(func.lower(t.title))).all()
    return [Choice(uid, title, " · ".join(x for x in (level, path) if x))
            for uid, title, level, path in rows]


def achievement_choices(session: Session, limit: int = ACHIEVEMENT_CHOICES) -> list[Choice]:
    """The latest achievements, for picking evidence by title; the hint is the date."""
    a = m.AchievementRow
    rows = session.execute(select(a.uid, a.title, a.date).order_by(a.date.desc(), a.id.desc())
                           .limit(limit)).all()
    return [Choice(uid, title, day.isoformat()) for uid, title, day in rows]


def achievement_lines(session: Session, uids: list[str]) -> dict[str, Choice]:
    """Title and date of the given achievements (the plan's evidence), by uid."""
    if not uids:
        return {}
    a = m.AchievementRow
    rows = session.execute(select(a.uid, a.title, a.date).where(a.uid.in_(uids))).all()
    return {uid: Choice(uid, title, day.isoformat()) for uid, title, day in rows}


def compensation_history(session: Session) -> list[Compensation]:
    """Every compensation record, the latest first."""
    from careerdesk.store.repository import load_all

    return sorted(load_all(session, Compensation), key=lambda c: c.date, reverse=True)


def new_plan(title: str, meeting: date | None = None) -> NegotiationPlan:
    return NegotiationPlan(title=title, strategy=Strategy.PROMOTION, meeting_date=meeting)


def with_outcome(plan: NegotiationPlan, **changes: object) -> NegotiationPlan:
    """The plan with its outcome changed; an outcome left all blank is no outcome."""
    after = copy.deepcopy(plan)
    outcome = copy.deepcopy(plan.outcome) or Outcome()
    for name, value in changes.items():
        setattr(outcome, name, value)
    empty = all(getattr(outcome, f) in (None, "") for f in
                ("date", "result", "granted_title", "granted_base"))
    after.outcome = None if empty else outcome
    return after


class NothingGranted(ValueError):
    """The outcome records no granted title or base pay to put in the pay history."""


def compensation_from_outcome(plan: NegotiationPlan, today: date) -> Compensation:
    """The pay record of what the meeting granted: dated the outcome's date (else the
    meeting's, else today), with the granted title and base, in the plan's currency
    (the ask's, else the current pay's). The level is the ask's when the title granted
    is the title asked for."""
    outcome = plan.outcome
    if outcome is None or (outcome.granted_base is None and not outcome.granted_title):
        raise NothingGranted("record what was granted (a title or a base pay) first")
    day = outcome.date or plan.meeting_date or today
    currency = plan.ask.currency or plan.current.currency
    title = outcome.granted_title or plan.current.title
    level = plan.ask.level if outcome.granted_title and outcome.granted_title == plan.ask.title \
        else plan.current.level
    note = f"Granted in “{plan.title}”"
    if outcome.result:
        note += f": {outcome.result}"
    return Compensation(date=day, title=title, level=level, base=outcome.granted_base,
                        currency=currency, note=note)
