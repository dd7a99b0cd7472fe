"""What the timeline shows, read from the journal for one period: plain data, no drawing.

Every query is limited to the period in SQL (the date columns are indexed), so a year of
a 100,000-record journal loads in a blink; only the columns the chart needs are read.
Negotiation windows come from the planner (``build_windows``), the same windows the
Planner page and ``careerdesk plan`` show, extended back in time for a past period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeVar, cast

from sqlalchemy import Select, and_, func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from careerdesk.domain.enums import (
    AchievementKind,
    CycleEventKind,
    ExperienceKind,
    InteractionKind,
    Scope,
)
from careerdesk.domain.records import CycleEvent, Opening, Person
from careerdesk.planner.calendar import add_months, horizon, occurrences
from careerdesk.planner.preferences import load_lead_times, load_overrides
from careerdesk.planner.rules import WindowKind
from careerdesk.planner.windows import (
    CLOSED_OPENING,
    NegotiationWindow,
    build_windows,
    sort_windows,
)
from careerdesk.reports.periods import Period
from careerdesk.store import models as m
from careerdesk.store.repository import load_all, to_record

EnumT = TypeVar("EnumT", bound=StrEnum)

MAX_PEOPLE = 8
"""Rows of conversations drawn when the user has not chosen the people: the most frequent."""


class Lane(StrEnum):
    ACHIEVEMENTS = "achievements"
    EXPERIENCES = "experiences"
    INTERACTIONS = "interactions"
    CALENDAR = "calendar"
    WINDOWS = "windows"
    PAY = "pay"

    @property
    def label(self) -> str:
        return _LANE_LABELS[self]


_LANE_LABELS = {
    Lane.ACHIEVEMENTS: "Achievements",
    Lane.EXPERIENCES: "Experiences",
    Lane.INTERACTIONS: "Conversations",
    Lane.CALENDAR: "Cycle events",
    Lane.WINDOWS: "Windows to ask",
    Lane.PAY: "Pay and title",
}


@dataclass(frozen=True)
class TimelineFilter:
    """Which lanes to show; a tag that achievements, experiences and conversations must carry;
    the people whose conversations get a row (none chosen: the most frequent ones)."""

    lanes: frozenset[Lane] = frozenset(Lane)
    tag: str | None = None
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class AchievementMark:
    uid: str
    date: date
    title: str
    kind: AchievementKind
    scope: Scope | None
    highlight: bool


@dataclass(frozen=True)
class ExperienceSpan:
    uid: str
    title: str
    kind: ExperienceKind
    start: date
    end: date | None
    department: str | None = None

    @property
    def ongoing(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class TimelinePerson:
    uid: str
    name: str
    count: int
    """Conversations with this person in the period."""


@dataclass(frozen=True)
class InteractionMark:
    uid: str
    date: date
    person: str
    """The uid of the person whose row it is drawn on (a meeting with three people is drawn
    on each of their rows)."""
    kind: InteractionKind
    summary: str | None


@dataclass(frozen=True)
class EventBand:
    uid: str
    name: str
    kind: CycleEventKind
    start: date
    end: date


@dataclass(frozen=True)
class PayStep:
    uid: str
    date: date
    title: str | None
    level: str | None
    base: float | None
    bonus: float | None
    currency: str | None
    promotion: bool
    """The title or level differs from the record before it."""


@dataclass
class TimelineData:
    period: Period
    today: date
    filter: TimelineFilter = field(default_factory=TimelineFilter)
    achievements: list[AchievementMark] = field(default_factory=list)
    experiences: list[ExperienceSpan] = field(default_factory=list)
    people: list[TimelinePerson] = field(default_factory=list)
    interactions: list[InteractionMark] = field(default_factory=list)
    other_people: int = 0
    """People met in the period who have no row of their own."""
    conversations_per_day: list[tuple[date, int]] = field(default_factory=list)
    """Every conversation of the period counted by day, whoever it was with."""
    events: list[EventBand] = field(default_factory=list)
    windows: list[NegotiationWindow] = field(default_factory=list)
    pay: list[PayStep] = field(default_factory=list)

    def shows(self, lane: Lane) -> bool:
        return lane in self.filter.lanes

    @property
    def is_empty(self) -> bool:
        return not (self.achievements or self.experiences or self.interactions or self.events
                    or self.windows or self.pay)


# -- loading ---------------------------------------------------------------------------------

def load_timeline_data(session: Session, period: Period, *, today: date | None = None,
                       filter: TimelineFilter | None = None) -> TimelineData:
    """Everything drawn for ``period``; lanes the filter hides are not even read."""
    chosen = filter or TimelineFilter()
    data = TimelineData(period=period, today=today or date.today(), filter=chosen)
    if data.shows(Lane.ACHIEVEMENTS):
        data.achievements = load_achievements(session, period, chosen.tag)
    if data.shows(Lane.EXPERIENCES):
        data.experiences = load_experiences(session, period, chosen.tag)
    if data.shows(Lane.INTERACTIONS):
        data.people, data.interactions, data.other_people = load_interactions(
            session, period, chosen.tag, chosen.people)
        data.conversations_per_day = count_interactions(session, period, chosen.tag)
    if data.shows(Lane.CALENDAR) or data.shows(Lane.WINDOWS):
        events = load_all(session, CycleEvent)
        if data.shows(Lane.CALENDAR):
            data.events = event_bands(events, period)
        if data.shows(Lane.WINDOWS):
            data.windows = load_windows(session, events, period)
    if data.shows(Lane.PAY):
        data.pay = load_pay(session, period)
    return data


def _tagged(table: str, tag: str | None) -> Any:
    return text(f"EXISTS (SELECT 1 FROM json_each({table}.tags) "
                "WHERE lower(json_each.value) = lower(:tag))").bindparams(tag=tag or "")


def load_achievements(session: Session, period: Period, tag: str | None = None
                      ) -> list[AchievementMark]:
    a = m.AchievementRow
    query: Select[Any] = (select(a.uid, a.date, a.title, a.kind, a.scope, a.highlight)
                          .where(a.date >= period.start, a.date <= period.end)
                          .order_by(a.date, a.id))
    if tag:
        query = query.where(_tagged("achievement", tag))
    kinds, scopes = _values(AchievementKind), _values(Scope)
    return [AchievementMark(uid, day, title, kinds.get(kind, AchievementKind.STORY),
                            scopes.get(scope), bool(highlight))
            for uid, day, title, kind, scope, highlight in session.execute(query)]


def load_experiences(session: Session, period: Period, tag: str | None = None
                     ) -> list[ExperienceSpan]:
    e = m.ExperienceRow
    query: Select[Any] = (select(e.uid, e.title, e.kind, e.start, e.end, e.department)
                          .where(e.start <= period.end, or_(e.end.is_(None), e.end >= period.start))
                          .order_by(e.start, e.id))
    if tag:
        query = query.where(_tagged("experience", tag))
    kinds = _values(ExperienceKind)
    return [ExperienceSpan(uid, title, kinds.get(kind, ExperienceKind.OTHER), start, end,
                           department)
            for uid, title, kind, start, end, department in session.execute(query)]


def load_interactions(session: Session, period: Period, tag: str | None = None,
                      people: Sequence[str] = ()
                      ) -> tuple[list[TimelinePerson], list[InteractionMark], int]:
    """The rows of people (chosen, or the most frequent), their conversations, and how many
    other people were met in the period."""
    i, p, link = m.InteractionRow, m.PersonRow, m.interaction_person
    in_period = and_(i.date >= period.start, i.date <= period.end)
    counted: Select[Any] = (select(p.uid, p.name, func.count())
                            .select_from(link).join(i, i.id == link.c.interaction_id)
                            .join(p, p.id == link.c.person_id).where(in_period)
                            .group_by(p.id))
    if tag:
        counted = counted.where(_tagged("interaction", tag))
    counts = {uid: (name, n) for uid, name, n in session.execute(counted)}
    if people:
        names: dict[str, str] = {uid: name for uid, name in session.execute(
            select(p.uid, p.name).where(p.uid.in_(list(people))))}
        rows = [TimelinePerson(uid, names[uid], counts.get(uid, ("", 0))[1])
                for uid in people if uid in names]
    else:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1][1], kv[1][0].casefold(), kv[0]))
        rows = [TimelinePerson(uid, name, n) for uid, (name, n) in ranked[:MAX_PEOPLE]]
    others = len(set(counts) - {row.uid for row in rows})
    if not rows:
        return [], [], others
    query: Select[Any] = (select(i.uid, i.date, i.kind, i.summary, p.uid)
                          .select_from(link).join(i, i.id == link.c.interaction_id)
                          .join(p, p.id == link.c.person_id)
                          .where(in_period, p.uid.in_([row.uid for row in rows]))
                          .order_by(i.date, i.id))
    if tag:
        query = query.where(_tagged("interaction", tag))
    kinds = _values(InteractionKind)
    marks = [InteractionMark(uid, day, person, kinds.get(kind, InteractionKind.OTHER),
                             summary)
             for uid, day, kind, summary, person in session.execute(query)]
    return rows, marks, others


def count_interactions(session: Session, period: Period, tag: str | None = None
                       ) -> list[tuple[date, int]]:
    i = m.InteractionRow
    query: Select[Any] = (select(i.date, func.count()).where(i.date >= period.start,
                                                             i.date <= period.end)
                          .group_by(i.date).order_by(i.date))
    if tag:
        query = query.where(_tagged("interaction", tag))
    return [(day, n) for day, n in session.execute(query)]


def event_bands(events: Iterable[CycleEvent], period: Period) -> list[EventBand]:
    """Every occurrence of the cycle events that touches the period."""
    events = list(events)
    longest = max((max(e.duration_days or 1, 1) for e in events), default=1)
    found = occurrences(events, period.start - timedelta(days=longest - 1), period.end)
    return [EventBand(o.event.uid, o.event.name, o.event.kind, o.date, o.last_day)
            for o in found if o.last_day >= period.start]


def load_windows(session: Session, events: Sequence[CycleEvent], period: Period
                 ) -> list[NegotiationWindow]:
    """The planner's windows that overlap the period, the ones the user dismissed left out.

    The planner looks 18 months ahead of a day; a longer period is covered by asking it
    again a year later each time (windows lie within a few months of their event, so the
    steps overlap) and keeping each window once.
    """
    openings = load_openings(session, period)
    wanted = {o.hiring_manager for o in openings if o.hiring_manager}
    p = m.PersonRow
    # Only the hiring managers' names are read (the windows' reasons name them).
    managers = {uid: Person(uid=uid, name=name) for uid, name in session.execute(
        select(p.uid, p.name).where(p.uid.in_(wanted)))} if wanted else {}
    lead_times = load_lead_times(session)
    overrides = load_overrides(session)
    found: dict[str, NegotiationWindow] = {}
    day = period.start
    while True:
        for window in build_windows(events, openings, day, lead_times=lead_times,
                                    overrides=overrides, people=managers):
            if (not window.dismissed and window.start <= period.end
                    and window.end >= period.start):
                found.setdefault(window.id, window)
        if horizon(day) >= period.end:
            break
        day = add_months(day, 12)
    return sort_windows(found.values())


def load_openings(session: Session, period: Period) -> list[Opening]:
    """The postings that can have a networking window in the period: still open, with a
    closing day on or after the period's first day."""
    o = m.OpeningRow
    closed = [status.value for status in CLOSED_OPENING]
    rows = session.scalars(
        select(o).where(o.status.not_in(closed), o.closes.is_not(None), o.closes >= period.start,
                        or_(o.posted.is_(None), o.posted <= period.end))
        .options(selectinload(o.hiring_manager), selectinload(o.target)).order_by(o.id))
    return [cast(Opening, to_record(row)) for row in rows]


def load_pay(session: Session, period: Period) -> list[PayStep]:
    """Compensation records in the period, with the one in force when it starts."""
    c = m.CompensationRow
    rows = session.execute(select(c.uid, c.date, c.title, c.level, c.base, c.bonus, c.currency)
                           .where(c.date <= period.end).order_by(c.date, c.id)).all()
    steps: list[PayStep] = []
    previous: Any = None
    for uid, day, title, level, base, bonus, currency in rows:
        promotion = previous is not None and (
            (title and previous[2] and title != previous[2])
            or (level and previous[3] and level != previous[3]))
        steps.append(PayStep(uid, day, title, level, base, bonus, currency, bool(promotion)))
        previous = (uid, day, title, level)
    first_inside = next((n for n, s in enumerate(steps) if s.date >= period.start), len(steps))
    return steps[max(first_inside - 1, 0):]


# -- choices for the filters -----------------------------------------------------------------

def tag_choices(session: Session) -> list[str]:
    """Every tag on achievements, experiences and conversations, for the tag filter."""
    rows = session.execute(text(
        "SELECT DISTINCT value FROM (SELECT json_each.value AS value FROM achievement, "
        "json_each(achievement.tags) UNION SELECT json_each.value FROM experience, "
        "json_each(experience.tags) UNION SELECT json_each.value FROM interaction, "
        "json_each(interaction.tags)) ORDER BY lower(value)"))
    return [str(row[0]) for row in rows]


def people_choices(session: Session) -> list[tuple[str, str]]:
    """(uid, name) of everyone with at least one conversation, by name."""
    p, link = m.PersonRow, m.interaction_person
    has_any = select(link.c.person_id).where(link.c.person_id == p.id).exists()
    rows = session.execute(select(p.uid, p.name).where(has_any).order_by(func.lower(p.name)))
    return [(uid, name) for uid, name in rows]


def _values(kind: type[EnumT]) -> dict[Any, EnumT]:
    """Stored text -> member; a dictionary, because calling the enum per row of 30,000 is
    slow. A value the enum does not know reads as the caller's fallback."""
    return {member.value: member for member in kind}


__all__ = [
    "MAX_PEOPLE",
    "AchievementMark",
    "EventBand",
    "ExperienceSpan",
    "InteractionMark",
    "Lane",
    "PayStep",
    "TimelineData",
    "TimelineFilter",
    "TimelinePerson",
    "WindowKind",
    "load_timeline_data",
    "people_choices",
    "tag_choices",
]
