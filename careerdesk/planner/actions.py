"""Next best actions: the few things to do now, most urgent first.

The order is by urgency class, then within each class:

1. follow-ups that are overdue, the longest overdue first;
2. what falls due within the next 14 days, by date: follow-ups, negotiation windows
   with nothing planned in them, postings about to close, plans without evidence
   whose meeting is near;
3. relationships past their contact cadence, the most influential people first, then
   the longest lapsed;
4. negotiation plans without evidence whose meeting is further away (or not set);
5. achievements that lack a metric: quantified ones first, then recent others, newest
   first.

Each action says what to do and why in one line, with the day it is due (``None`` when
it has no date) and the uid of the record it is about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from careerdesk.domain.enums import AchievementKind, Availability, OpeningStatus, PlanStatus
from careerdesk.domain.records import NegotiationPlan, Opening
from careerdesk.planner import words
from careerdesk.planner.people import describe, follow_up_with, influence, last_contacts
from careerdesk.planner.rules import WindowKind
from careerdesk.planner.snapshot import PlannerData
from careerdesk.planner.windows import NegotiationWindow

SOON_DAYS = 14
"""How far ahead "soon" reaches: follow-ups, windows and postings within two weeks."""
PLAN_NEAR_WINDOW_DAYS = 7
"""A plan whose meeting is this close to a window (before or after) covers it."""
RECENT_ACHIEVEMENT_DAYS = 60
"""Achievements this recent without a metric are worth a second look."""

OPEN_PLAN = frozenset({PlanStatus.DRAFT, PlanStatus.READY})
NOT_APPLIED = frozenset({OpeningStatus.WATCHING, OpeningStatus.NETWORKING})


class ActionKind(StrEnum):
    FOLLOW_UP = "follow_up"
    RECONNECT = "reconnect"
    WINDOW = "window"
    OPENING = "opening"
    PLAN_EVIDENCE = "plan_evidence"
    METRIC = "metric"


@dataclass(frozen=True)
class Action:
    text: str
    due: date | None
    about: str | None
    kind: ActionKind

    def is_overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today


# Urgency classes, in the order of the module docstring.
OVERDUE, SOON, LAPSED, LATER, METRICS = range(5)

Ranked = tuple[tuple[object, ...], Action]
"""An action with its sort key: the urgency class first, then what orders it within the class."""


def next_actions(data: PlannerData, today: date, windows: Sequence[NegotiationWindow]) -> list[Action]:
    """The next best actions for ``today``; ``windows`` are the active windows of the same day."""
    ranked: list[Ranked] = []
    ranked += _follow_ups(data, today)
    ranked += _windows_without_plan(data, today, windows)
    ranked += _closing_openings(data, today)
    ranked += _plans_without_evidence(data.plans, today)
    ranked += _lapsed_relationships(data, today)
    ranked += _achievements_without_metrics(data, today)
    ranked.sort(key=lambda item: item[0])
    return [action for _, action in ranked]


def _follow_ups(data: PlannerData, today: date) -> list[Ranked]:
    found: list[Ranked] = []
    for interaction in data.interactions:
        due = interaction.follow_up
        if interaction.done or due is None or due > today + timedelta(days=SOON_DAYS):
            continue
        who = follow_up_with(interaction, data.people_by_uid)
        late = (today - due).days
        when = (f"{words.count(late, 'day')} overdue" if late > 0
                else "due today" if late == 0 else f"due {words.days_from(today, due)}")
        text = f"Follow up with {who}: {when}" if who else f"Follow up: {when}"
        if interaction.follow_up_action:
            text += f" — {interaction.follow_up_action}"
        urgency = OVERDUE if late > 0 else SOON
        found.append(((urgency, due, 0, text), Action(text, due, interaction.uid, ActionKind.FOLLOW_UP)))
    return found


def _windows_without_plan(data: PlannerData, today: date,
                          windows: Sequence[NegotiationWindow]) -> list[Ranked]:
    """Windows open now or opening within 14 days that nothing is planned in.

    A negotiation plan whose meeting falls in the window, or up to 7 days either side of
    it, covers it; a networking window is also covered by any contact logged with the
    posting's hiring manager since the window opened. A networking window is no action
    once the user has applied, nor when the posting closes within 14 days (that action
    says it).
    """
    found: list[Ranked] = []
    near = timedelta(days=PLAN_NEAR_WINDOW_DAYS)
    last = last_contacts(data.interactions, today)
    openings = {o.uid: o for o in data.openings}
    for window in windows:
        if window.dismissed or window.end < today or window.start > today + timedelta(days=SOON_DAYS):
            continue
        if any(p.meeting_date and window.start - near <= p.meeting_date <= window.end + near
               for p in data.plans):
            continue
        opened = window.is_open(today)
        due = window.end if opened else window.start
        when = (f"is open until {words.day(window.end)}" if opened
                else f"opens {words.days_from(today, window.start)} ({words.day(window.start)})")
        opening = openings.get(window.event) if window.kind is WindowKind.NETWORK else None
        if opening is not None and (opening.status not in NOT_APPLIED or _closes_soon(opening, today)):
            continue  # applied already (nothing to network for), or "closes soon" says it
        if opening is not None:
            manager = data.people_by_uid.get(opening.hiring_manager or "")
            if manager is not None:
                contact = last.get(manager.uid)
                if contact is not None and contact >= window.start:
                    continue
                text = (f"Meet {describe(manager)} before {words.day(window.end)}: "
                        f"no contact logged since '{opening.title}' was posted")
            else:
                text = (f"Find out who hires for '{opening.title}' and meet them before "
                        f"{words.day(window.end)}")
        else:
            text = (f"The {window.kind.label.lower()} window for {window.event_name} "
                    f"({words.day(window.event_date)}) {when}, and no negotiation plan meets in it: "
                    "plan the conversation")
        found.append(((SOON, due, 1, text), Action(text, due, window.event, ActionKind.WINDOW)))
    return found


def _closes_soon(opening: Opening, today: date) -> bool:
    return opening.closes is not None and today <= opening.closes <= today + timedelta(days=SOON_DAYS)


def _closing_openings(data: PlannerData, today: date) -> list[Ranked]:
    """Postings not applied for yet that close within 14 days."""
    found: list[Ranked] = []
    for opening in data.openings:
        closes = opening.closes
        if opening.status not in NOT_APPLIED or closes is None or not _closes_soon(opening, today):
            continue
        when = "today" if closes == today else f"{words.days_from(today, closes)} ({words.day(closes)})"
        if opening.availability is Availability.SUSPECTED_PROMISED:
            text = (f"'{opening.title}' closes {when} and may be promised to someone: "
                    "decide whether it is worth applying")
        else:
            text = f"'{opening.title}' closes {when}: apply before then"
        found.append(((SOON, closes, 2, text), Action(text, closes, opening.uid, ActionKind.OPENING)))
    return found


def _plans_without_evidence(plans: Iterable[NegotiationPlan],
                            today: date) -> list[Ranked]:
    found: list[Ranked] = []
    for plan in plans:
        if plan.status not in OPEN_PLAN or plan.evidence:
            continue
        meeting = plan.meeting_date
        text = f"Add evidence to the negotiation plan '{plan.title}': the achievements that prove the ask"
        if meeting is not None:
            text += f" (meeting {words.days_from(today, meeting)})"
        soon = meeting is not None and meeting <= today + timedelta(days=SOON_DAYS)
        key = (SOON, meeting, 3, text) if soon else (LATER, meeting or date.max, 0, text)
        found.append((key, Action(text, meeting, plan.uid, ActionKind.PLAN_EVIDENCE)))
    return found


def _lapsed_relationships(data: PlannerData, today: date) -> list[Ranked]:
    """People past their contact cadence, the most influential first.

    Someone with an open follow-up is left out: that follow-up is the reason to get in touch.
    """
    waiting = {uid for i in data.interactions if not i.done and i.follow_up is not None
               for uid in i.people}
    last = last_contacts(data.interactions, today)
    found: list[Ranked] = []
    for person in data.people:
        if person.cadence_days is None or person.uid in waiting:
            continue
        every = f"you aim for every {words.count(person.cadence_days, 'day')}"
        contact = last.get(person.uid)
        if contact is None:
            text = f"Get in touch with {describe(person)}: no contact logged yet; {every}"
            key: tuple[object, ...] = (LAPSED, -influence(person), 0, person.name)
            found.append((key, Action(text, None, person.uid, ActionKind.RECONNECT)))
            continue
        due = contact + timedelta(days=person.cadence_days)
        if due >= today:
            continue
        text = (f"Get back in touch with {describe(person)}: last contact {words.day(contact)}, "
                f"{words.count((today - contact).days, 'day')} ago; {every}")
        key = (LAPSED, -influence(person), -(today - due).days, person.name)
        found.append((key, Action(text, due, person.uid, ActionKind.RECONNECT)))
    return found


def _achievements_without_metrics(data: PlannerData,
                                  today: date) -> list[Ranked]:
    since = today - timedelta(days=RECENT_ACHIEVEMENT_DAYS)
    found: list[Ranked] = []
    for achievement in data.achievements:
        if achievement.metrics or achievement.date > today:
            continue
        if achievement.kind is AchievementKind.QUANTIFIED:
            text = (f"Add a metric to '{achievement.title}': a quantified achievement needs a number "
                    "to count as a win")
            rank = 0
        elif achievement.date >= since:
            text = (f"Add a metric to '{achievement.title}' if it has one (how many, how much, how much "
                    "faster): numbers make it evidence")
            rank = 1
        else:
            continue
        key = (METRICS, rank, -achievement.date.toordinal(), achievement.title)
        found.append((key, Action(text, None, achievement.uid, ActionKind.METRIC)))
    return found
