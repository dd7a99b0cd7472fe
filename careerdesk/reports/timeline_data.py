"""What the timeline shows, read from the journal for one period: plain data, no drawing.

Every query is limited to the period in SQL (the date columns are indexed), so a year of
a 100,000-record journal loads in a blink; only the columns the chart needs are read, with
plain SQL (``reading``): on the session of the window, or on a connection of its own in
the ``timeline`` command, which then never imports SQLAlchemy.
Negotiation windows come from the planner (``build_windows``), the same windows the
Planner page and ``careerdesk plan`` show, extended back in time for a past period.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from careerdesk.domain.enums import (
    AchievementKind,
    Availability,
    CycleEventKind,
    ExperienceKind,
    InteractionKind,
    OpeningStatus,
    Scope,
)
from careerdesk.domain.records import CycleEvent, Opening, Person
from careerdesk.planner.calendar import add_months, horizon, occurrences
from careerdesk.planner.rules import LeadTimes, WindowKind
from careerdesk.planner.windows import (
    CLOSED_OPENING,
    NegotiationWindow,
    WindowOverride,
    build_windows,
    sort_windows,
)
from careerdesk.reports.periods import Period
from careerdesk.reports.reading import (
    LEAD_TIMES_KEY,
    OVERRIDES_KEY,
    Rows,
    cycle_events,
    day,
    in_list,
    rows_of,
    setting,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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

def load_timeline_data(source: Session | Rows, period: Period, *, today: date | None = None,
                       filter: TimelineFilter | None = None) -> TimelineData:
    """Everything drawn for ``period``; lanes the filter hides are not even read."""
    chosen = filter or TimelineFilter()
    rows = rows_of(source)
    data = TimelineData(period=period, today=today or date.today(), filter=chosen)
    if data.shows(Lane.ACHIEVEMENTS):
        data.achievements = load_achievements(rows, period, chosen.tag)
    if data.shows(Lane.EXPERIENCES):
        data.experiences = load_experiences(rows, period, chosen.tag)
    if data.shows(Lane.INTERACTIONS):
        data.people, data.interactions, data.other_people = load_interactions(
            rows, period, chosen.tag, chosen.people)
        data.conversations_per_day = count_interactions(rows, period, chosen.tag)
    if data.shows(Lane.CALENDAR) or data.shows(Lane.WINDOWS):
        events = cycle_events(rows)
        if data.shows(Lane.CALENDAR):
            data.events = event_bands(events, period)
        if data.shows(Lane.WINDOWS):
            data.windows = load_windows(rows, events, period)
    if data.shows(Lane.PAY):
        data.pay = load_pay(rows, period)
    return data


def _tagged(table: str, tag: str | None) -> tuple[str, list[str]]:
    """The condition that a row of ``table`` carries ``tag`` (any case), and its parameter;
    nothing without a tag."""
    if not tag:
        return "", []
    return (f" AND EXISTS (SELECT 1 FROM json_each({table}.tags) "
            "WHERE lower(json_each.value) = lower(?))"), [tag]


def _between(period: Period) -> list[str]:
    return [period.start.isoformat(), period.end.isoformat()]


def load_achievements(source: Session | Rows, period: Period, tag: str | None = None
                      ) -> list[AchievementMark]:
    tagged, tag_value = _tagged("achievement", tag)
    kinds, scopes = _values(AchievementKind), _values(Scope)
    found = rows_of(source).execute(
        "SELECT uid, date, title, kind, scope, highlight FROM achievement "
        f"WHERE date >= ? AND date <= ?{tagged} ORDER BY date, id",
        [*_between(period), *tag_value])
    return [AchievementMark(uid, date.fromisoformat(day), title,
                            kinds.get(kind, AchievementKind.STORY), scopes.get(scope),
                            bool(highlight))
            for uid, day, title, kind, scope, highlight in found]


def load_experiences(source: Session | Rows, period: Period, tag: str | None = None
                     ) -> list[ExperienceSpan]:
    tagged, tag_value = _tagged("experience", tag)
    kinds = _values(ExperienceKind)
    found = rows_of(source).execute(
        'SELECT uid, title, kind, start, "end", department FROM experience '
        f'WHERE start <= ? AND ("end" IS NULL OR "end" >= ?){tagged} ORDER BY start, id',
        [period.end.isoformat(), period.start.isoformat(), *tag_value])
    return [ExperienceSpan(uid, title, kinds.get(kind, ExperienceKind.OTHER),
                           date.fromisoformat(start), day(end), department)
            for uid, title, kind, start, end, department in found]


_CONVERSATIONS = ("FROM interaction_person AS link "
                  "JOIN interaction AS i ON i.id = link.interaction_id "
                  "JOIN person AS p ON p.id = link.person_id "
                  "WHERE i.date >= ? AND i.date <= ?")
"""Each conversation once per person in it, in the period."""


def load_interactions(source: Session | Rows, period: Period, tag: str | None = None,
                      people: Sequence[str] = ()
                      ) -> tuple[list[TimelinePerson], list[InteractionMark], int]:
    """The rows of people (chosen, or the most frequent), their conversations, and how many
    other people were met in the period."""
    rows = rows_of(source)
    tagged, tag_value = _tagged("i", tag)
    counts = {uid: (name, n) for uid, name, n in rows.execute(
        f"SELECT p.uid, p.name, count(*) {_CONVERSATIONS}{tagged} GROUP BY p.id",
        [*_between(period), *tag_value])}
    if people:
        wanted = list(people)
        names: dict[str, str] = {uid: name for uid, name in rows.execute(
            f"SELECT uid, name FROM person WHERE uid IN ({in_list(wanted)})", wanted)}
        shown = [TimelinePerson(uid, names[uid], counts.get(uid, ("", 0))[1])
                 for uid in people if uid in names]
    else:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1][1], kv[1][0].casefold(), kv[0]))
        shown = [TimelinePerson(uid, name, n) for uid, (name, n) in ranked[:MAX_PEOPLE]]
    others = len(set(counts) - {row.uid for row in shown})
    if not shown:
        return [], [], others
    uids = [row.uid for row in shown]
    kinds = _values(InteractionKind)
    marks = [InteractionMark(uid, date.fromisoformat(when), person,
                             kinds.get(kind, InteractionKind.OTHER), summary)
             for uid, when, kind, summary, person in rows.execute(
                 f"SELECT i.uid, i.date, i.kind, i.summary, p.uid {_CONVERSATIONS} "
                 f"AND p.uid IN ({in_list(uids)}){tagged} ORDER BY i.date, i.id",
                 [*_between(period), *uids, *tag_value])]
    return shown, marks, others


def count_interactions(source: Session | Rows, period: Period, tag: str | None = None
                       ) -> list[tuple[date, int]]:
    tagged, tag_value = _tagged("interaction", tag)
    return [(date.fromisoformat(when), n) for when, n in rows_of(source).execute(
        f"SELECT date, count(*) FROM interaction WHERE date >= ? AND date <= ?{tagged} "
        "GROUP BY date ORDER BY date", [*_between(period), *tag_value])]


def event_bands(events: Iterable[CycleEvent], period: Period) -> list[EventBand]:
    """Every occurrence of the cycle events that touches the period."""
    events = list(events)
    longest = max((max(e.duration_days or 1, 1) for e in events), default=1)
    found = occurrences(events, period.start - timedelta(days=longest - 1), period.end)
    return [EventBand(o.event.uid, o.event.name, o.event.kind, o.date, o.last_day)
            for o in found if o.last_day >= period.start]


def load_windows(source: Session | Rows, events: Sequence[CycleEvent], period: Period
                 ) -> list[NegotiationWindow]:
    """The planner's windows that overlap the period, the ones the user dismissed left out.

    The planner looks 18 months ahead of a day; a longer period is covered by asking it
    again a year later each time (windows lie within a few months of their event, so the
    steps overlap) and keeping each window once.
    """
    rows = rows_of(source)
    openings = load_openings(rows, period)
    wanted = sorted({o.hiring_manager for o in openings if o.hiring_manager})
    # Only the hiring managers' names are read (the windows' reasons name them).
    managers = {uid: Person(uid=uid, name=name) for uid, name in rows.execute(
        f"SELECT uid, name FROM person WHERE uid IN ({in_list(wanted)})", wanted)
    } if wanted else {}
    lead_times = LeadTimes.from_json(setting(rows, LEAD_TIMES_KEY))
    stored = setting(rows, OVERRIDES_KEY)
    overrides = {str(key): WindowOverride.from_json(value) for key, value in stored.items()
                 } if isinstance(stored, dict) else {}
    found: dict[str, NegotiationWindow] = {}
    asked = period.start
    while True:
        for window in build_windows(events, openings, asked, lead_times=lead_times,
                                    overrides=overrides, people=managers):
            if (not window.dismissed and window.start <= period.end
                    and window.end >= period.start):
                found.setdefault(window.id, window)
        if horizon(asked) >= period.end:
            break
        asked = add_months(asked, 12)
    return sort_windows(found.values())


def load_openings(source: Session | Rows, period: Period) -> list[Opening]:
    """The postings that can have a networking window in the period: still open, with a
    closing day on or after the period's first day."""
    closed = [status.value for status in CLOSED_OPENING]
    statuses, availabilities = _values(OpeningStatus), _values(Availability)
    found = rows_of(source).execute(
        "SELECT o.uid, o.tags, o.title, o.department, o.posted, o.closes, manager.uid, "
        "target.uid, o.status, o.availability, o.reference, o.notes FROM opening AS o "
        "LEFT JOIN person AS manager ON manager.id = o.hiring_manager_id "
        "LEFT JOIN target ON target.id = o.target_id "
        f"WHERE o.status NOT IN ({in_list(closed)}) AND o.closes IS NOT NULL "
        "AND o.closes >= ? AND (o.posted IS NULL OR o.posted <= ?) ORDER BY o.id",
        [*closed, *_between(period)])
    return [Opening(uid=uid, tags=json.loads(tags) if tags else [], title=title,
                    department=department, posted=day(posted), closes=day(closes),
                    hiring_manager=manager, target=target,
                    status=statuses.get(status, OpeningStatus.WATCHING),
                    availability=availabilities.get(availability, Availability.UNKNOWN),
                    reference=reference, notes=notes)
            for (uid, tags, title, department, posted, closes, manager, target, status,
                 availability, reference, notes) in found]


def load_pay(source: Session | Rows, period: Period) -> list[PayStep]:
    """Compensation records in the period, with the one in force when it starts."""
    found = rows_of(source).execute(
        "SELECT uid, date, title, level, base, bonus, currency FROM compensation "
        "WHERE date <= ? ORDER BY date, id", [period.end.isoformat()])
    steps: list[PayStep] = []
    previous: Any = None
    for uid, when, title, level, base, bonus, currency in found:
        promotion = previous is not None and (
            (title and previous[2] and title != previous[2])
            or (level and previous[3] and level != previous[3]))
        steps.append(PayStep(uid, date.fromisoformat(when), title, level, base, bonus, currency,
                             bool(promotion)))
        previous = (uid, when, title, level)
    first_inside = next((n for n, s in enumerate(steps) if s.date >= period.start), len(steps))
    return steps[max(first_inside - 1, 0):]


# -- choices for the filters -----------------------------------------------------------------

def tag_choices(source: Session | Rows) -> list[str]:
    """Every tag on achievements, experiences and conversations, for the tag filter."""
    found = rows_of(source).execute(
        "SELECT DISTINCT value FROM (SELECT json_each.value AS value FROM achievement, "
        "json_each(achievement.tags) UNION SELECT json_each.value FROM experience, "
        "json_each(experience.tags) UNION SELECT json_each.value FROM interaction, "
        "json_each(interaction.tags)) ORDER BY lower(value)")
    return [str(row[0]) for row in found]


def people_choices(source: Session | Rows) -> list[tuple[str, str]]:
    """(uid, name) of everyone with at least one conversation, by name."""
    return [(uid, name) for uid, name in rows_of(source).execute(
        "SELECT uid, name FROM person WHERE EXISTS (SELECT 1 FROM interaction_person "
        "WHERE interaction_person.person_id = person.id) ORDER BY lower(name)")]


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
