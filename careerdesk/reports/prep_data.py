"""Everything the prep sheet shows about one plan, gathered in one read.

The sheet itself (``prep_sheet.py``) is a pure function of this snapshot, so tests can
build one by hand and the window and the command line print the same page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from careerdesk.domain.enums import AchievementKind, Strategy
from careerdesk.domain.records import (
    Achievement,
    Experience,
    Interaction,
    NegotiationPlan,
    Person,
    Target,
)
from careerdesk.planner import words
from careerdesk.planner.calendar import add_months
from careerdesk.planner.people import last_contacts
from careerdesk.planner.snapshot import PlannerData
from careerdesk.planner.windows import NegotiationWindow, build_windows
from careerdesk.reports.equity import Equity, equity

PERIOD_MONTHS_BACK = 12
"""The sheet's period: the twelve months before the meeting (a review cycle)..."""
PERIOD_DAYS_AFTER = 45
"""...and six weeks after it, so the windows that follow the meeting show too."""
WINDOWS_AFTER_MEETING_DAYS = 60
"""A window opening within two months after the meeting still concerns it (the next step)."""
MAX_WINDOWS = 6
CONTENT_WIDTH_PX = 680
"""The text width of the sheet in CSS pixels (96 per inch): A4 or Letter less 15 mm margins."""
CHART_HEIGHT_PX = 165
"""The height of the sheet's own chart (the timeline's chart sets its own)."""


@dataclass(frozen=True)
class PersonInRoom:
    person: Person
    last_contact: date | None
    open_follow_ups: tuple[str, ...]
    """"Send the scope doc (due 27 Nov 2026)": what the user still owes or awaits from them."""


@dataclass
class PrepSheetData:
    plan: NegotiationPlan
    today: date
    target: Target | None = None
    windows: list[NegotiationWindow] = field(default_factory=list)
    evidence: list[Achievement] = field(default_factory=list)
    experiences: dict[str, Experience] = field(default_factory=dict)
    """Every experience by uid, to name the one an achievement happened in."""
    lateral: list[Experience] = field(default_factory=list)
    """Lateral experiences of the period, by start."""
    invisible: list[Achievement] = field(default_factory=list)
    """Invisible work of the period that is not already in the evidence, newest first."""
    people: list[PersonInRoom] = field(default_factory=list)
    equity: Equity = field(default_factory=Equity)
    period_start: date = date.min
    period_end: date = date.max
    chart_size_px: tuple[int, int] = (CONTENT_WIDTH_PX, CHART_HEIGHT_PX)
    """The chart's printed width and height in CSS pixels, once it is drawn."""

    @property
    def meeting_or_today(self) -> date:
        return self.plan.meeting_date or self.today


def period_for(plan: NegotiationPlan, today: date) -> tuple[date, date]:
    anchor = plan.meeting_date or today
    return add_months(anchor, -PERIOD_MONTHS_BACK), anchor + timedelta(days=PERIOD_DAYS_AFTER)


def plan_windows(plan: NegotiationPlan, data: PlannerData, today: date) -> list[NegotiationWindow]:
    """The planner's windows that concern this plan: its strategy's, around its meeting.

    A window counts when it is still open on the meeting day or opens within two months
    after it. For a mobility plan with a target, networking windows are those of the
    openings for that target (all openings when none is linked to it).
    """
    meeting = plan.meeting_date or today
    windows = build_windows(data.cycle_events, data.openings, min(today, meeting),
                            lead_times=data.lead_times, overrides=data.overrides,
                            people=data.people_by_uid)
    openings_for_target = {o.uid for o in data.openings if plan.target and o.target == plan.target}
    chosen = []
    for window in windows:
        if window.dismissed or window.kind.strategy is not plan.strategy:
            continue
        if openings_for_target and plan.strategy is Strategy.MOBILITY \
                and window.event not in openings_for_target:
            continue
        if window.start > meeting + timedelta(days=WINDOWS_AFTER_MEETING_DAYS):
            continue
        chosen.append(window)
    return chosen[:MAX_WINDOWS]


def _open_follow_ups(uid: str, interactions: list[Interaction]) -> tuple[str, ...]:
    found = []
    for interaction in sorted(interactions, key=lambda i: (i.follow_up or date.max)):
        if interaction.done or interaction.follow_up is None or uid not in interaction.people:
            continue
        what = interaction.follow_up_action or interaction.summary or "follow up"
        found.append((interaction.follow_up, what))
    return tuple(f"{what} (due {_day(day)})" for day, what in found)


def _day(day: date) -> str:
    return words.day(day)


def build_prep_sheet_data(plan: NegotiationPlan, data: PlannerData, today: date) -> PrepSheetData:
    """The snapshot for ``plan``, from the planner's snapshot of the journal."""
    start, end = period_for(plan, today)
    achievements = {a.uid: a for a in data.achievements}
    experiences = {e.uid: e for e in data.experiences}
    evidence = [achievements[uid] for uid in plan.evidence if uid in achievements]
    meeting = plan.meeting_date or today
    lateral = sorted((e for e in data.experiences
                      if e.start <= meeting and (e.end is None or e.end >= start)),
                     key=lambda e: e.start)
    invisible = sorted((a for a in data.achievements
                        if a.kind is AchievementKind.INVISIBLE and start <= a.date <= meeting
                        and a.uid not in plan.evidence),
                       key=lambda a: a.date, reverse=True)
    last = last_contacts(data.interactions, today)
    people = [PersonInRoom(p, last.get(p.uid), _open_follow_ups(p.uid, data.interactions))
              for uid in plan.participants if (p := data.people_by_uid.get(uid)) is not None]
    target = next((t for t in data.targets if t.uid == plan.target), None)
    return PrepSheetData(plan=plan, today=today, target=target,
                         windows=plan_windows(plan, data, today), evidence=evidence,
                         experiences=experiences, lateral=lateral, invisible=invisible,
                         people=people, equity=equity(plan), period_start=start, period_end=end)
