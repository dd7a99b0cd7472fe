"""Readiness: how ripe each strategy is today, as a score of 0–100 made of named factors.

Each score is the sum of its factors' points; each factor has a maximum and the maxima
of one strategy add up to 100. Every factor explains itself in words that end with its
points ("3 quantified wins in the last 12 months: 24 of 30"), so the user can see what
would raise it. The formulas are in each factor's docstring; fractions are rounded half
up, so a score can be checked by hand.

"The last 12 months" runs from the same calendar day a year ago (excluded) to today
(included); records dated after today are not counted yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from math import floor

from careerdesk.domain.enums import (
    AchievementKind,
    Availability,
    ExperienceKind,
    PersonRole,
    Stance,
    Strategy,
    TargetPath,
    TargetStatus,
)
from careerdesk.domain.metrics import format_number
from careerdesk.domain.records import (
    Achievement,
    Benchmark,
    Compensation,
    Experience,
    NegotiationPlan,
    Opening,
    Person,
    Skill,
    Target,
)
from careerdesk.planner import words
from careerdesk.planner.calendar import add_months
from careerdesk.planner.people import (
    FINISHED_TARGET,
    influence,
    last_contacts,
    same_department,
    user_department,
)
from careerdesk.planner.snapshot import PlannerData
from careerdesk.planner.windows import CLOSED_OPENING, NegotiationWindow


@dataclass(frozen=True)
class Factor:
    name: str
    points: int
    max: int
    explanation: str


@dataclass(frozen=True)
class Readiness:
    strategy: Strategy
    factors: tuple[Factor, ...]

    @property
    def score(self) -> int:
        return sum(f.points for f in self.factors)

    @property
    def max(self) -> int:
        return sum(f.max for f in self.factors)


def _factor(name: str, points: int, maximum: int, text: str) -> Factor:
    points = max(0, min(points, maximum))
    return Factor(name, points, maximum, f"{text}: {points} of {maximum}")


def _share(maximum: int, fraction: float) -> int:
    """``maximum`` times ``fraction`` (kept to 0..1), rounded half up."""
    return floor(maximum * min(max(fraction, 0.0), 1.0) + 0.5)


def _year_ago(today: date) -> date:
    return add_months(today, -12)


def _names(people: Sequence[Person], shown: int = 3) -> str:
    names = [p.name for p in people[:shown]]
    more = len(people) - shown
    if more > 0:
        return ", ".join(names) + f" and {more} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ------------------------------------------------------------------ promotion

QUANTIFIED_WINS_MAX = 30
POINTS_PER_QUANTIFIED_WIN = 8
LAST_WIN_MAX = 15
SUPPORT_MAX = 20
WINDOW_MAX = 15
EQUITY_GAP_MAX = 10
FULL_EQUITY_GAP = 0.10
INVISIBLE_WORK_MAX = 10
POINTS_PER_INVISIBLE_WORK = 4

STANCE_WEIGHT = {Stance.CHAMPION: 2, Stance.SUPPORTER: 1, Stance.NEUTRAL: 0, Stance.UNKNOWN: 0,
                 Stance.SKEPTIC: -1, Stance.BLOCKER: -2}
DECISION_ROLES = frozenset({PersonRole.MANAGER, PersonRole.SKIP_LEVEL, PersonRole.DECISION_MAKER,
                            PersonRole.HR, PersonRole.EXECUTIVE})


def readiness_for_promotion(data: PlannerData, today: date,
                            windows: Sequence[NegotiationWindow]) -> Readiness:
    """Promotion readiness: ``windows`` are the active windows of the same day."""
    return Readiness(Strategy.PROMOTION, (
        quantified_wins(data.achievements, today),
        last_win(data.achievements, today),
        decision_maker_support(data.people),
        window_soon(windows, today),
        equity_gap(data.plans, data.compensation, today),
        invisible_work(data.achievements, today),
    ))


def quantified_wins(achievements: Iterable[Achievement], today: date) -> Factor:
    """8 points for each quantified achievement with at least one metric in the last 12 months, at most 30.

    A "quantified" achievement without a metric does not count: it is a story until it
    has a number (the next actions ask for one).
    """
    since = _year_ago(today)
    recent = [a for a in achievements if a.kind is AchievementKind.QUANTIFIED and since < a.date <= today]
    wins = [a for a in recent if a.metrics]
    text = f"{words.count(len(wins), 'quantified win')} in the last 12 months"
    if len(wins) < len(recent):
        text += f" ({len(recent) - len(wins)} more without a metric yet)"
    return _factor("Quantified wins", POINTS_PER_QUANTIFIED_WIN * len(wins), QUANTIFIED_WINS_MAX, text)


def last_win(achievements: Iterable[Achievement], today: date) -> Factor:
    """How recent the latest win is: 15 points within 30 days, 10 within 90, 5 within 180, else 0.

    A win is any achievement that is not invisible work (that has its own factor).
    """
    wins = [a for a in achievements if a.kind is not AchievementKind.INVISIBLE and a.date <= today]
    if not wins:
        return _factor("Recent win", 0, LAST_WIN_MAX, "No win logged yet")
    latest = max(wins, key=lambda a: (a.date, a.title))
    age = (today - latest.date).days
    points = 15 if age <= 30 else 10 if age <= 90 else 5 if age <= 180 else 0
    when = "today" if age == 0 else f"{words.count(age, 'day')} ago"
    return _factor("Recent win", points, LAST_WIN_MAX,
                   f"Last win {when}, '{latest.title}' ({words.day(latest.date)})")


def decision_maker_support(people: Iterable[Person]) -> Factor:
    """Stance times influence, summed over the people who decide, as a share of full support.

    Decision-makers are people with a role of manager, skip-level, decision-maker, HR or
    executive. Each counts its influence (1–5; 3 when not rated) times its stance: champion
    2, supporter 1, neutral or unknown 0, skeptic −1, blocker −2. Full support is everyone
    a champion (2 × total influence); points = 20 × net support ÷ full support, never below 0.
    An unknown stance counts as 0 on purpose: finding out is part of the work.
    """
    deciders = [p for p in people if DECISION_ROLES.intersection(p.roles)]
    if not deciders:
        return _factor("Decision-maker support", 0, SUPPORT_MAX,
                       "No decision-makers in People yet (manager, skip-level, HR, who decides)")
    net = sum(STANCE_WEIGHT[p.stance] * influence(p) for p in deciders)
    full = 2 * sum(influence(p) for p in deciders)
    text = (f"Net support {net:+d} of a possible +{full} from "
            f"{words.count(len(deciders), 'decision-maker')}")
    against = [p for p in deciders if STANCE_WEIGHT[p.stance] < 0]
    against.sort(key=lambda p: (STANCE_WEIGHT[p.stance], -influence(p), p.name))
    if against:
        text += f" ({_names(against)} against)"
    unknown = [p for p in deciders if p.stance is Stance.UNKNOWN]
    if unknown:
        text += f"; stance unknown for {_names(unknown)}"
    return _factor("Decision-maker support", _share(SUPPORT_MAX, net / full), SUPPORT_MAX, text)


def window_soon(windows: Iterable[NegotiationWindow], today: date) -> Factor:
    """A promotion window (any kind but networking) open today: 15; opening within 30 days: 10; within 90: 5.

    When several are open, the one that closes first is named.
    """
    candidates = [w for w in windows
                  if w.kind.strategy is Strategy.PROMOTION and not w.dismissed and w.end >= today]
    if not candidates:
        return _factor("Window opening soon", 0, WINDOW_MAX,
                       "No negotiation window ahead: add the review, budget and promotion committee "
                       "dates to the calendar")
    open_now = [w for w in candidates if w.start <= today]
    if open_now:
        window = min(open_now, key=lambda w: (w.end, w.start, w.event_name))
        return _factor("Window opening soon", WINDOW_MAX, WINDOW_MAX,
                       f"{window.kind.label} for {window.event_name} is open until {words.day(window.end)}")
    window = min(candidates, key=lambda w: (w.start, w.end, w.event_name))
    wait = (window.start - today).days
    points = 10 if wait <= 30 else 5 if wait <= 90 else 0
    return _factor("Window opening soon", points, WINDOW_MAX,
                   f"Next: {window.kind.label} for {window.event_name} opens in "
                   f"{words.count(wait, 'day')} ({words.day(window.start)})")


def equity_gap(plans: Iterable[NegotiationPlan], compensation: Iterable[Compensation],
               today: date) -> Factor:
    """Pay below the band's midpoint: 10 points at 10 % below or more, in proportion under that.

    The midpoint is the one of the latest promotion plan (by meeting date) that has one:
    its first benchmark whose source names a band or "internal", else its first benchmark
    with a midpoint. The pay is that plan's current base, else the latest compensation
    record's base. gap = (midpoint − base) ÷ midpoint; points = 10 × gap ÷ 10 %.
    Amounts in different currencies are not compared.
    """
    name = "Internal equity gap"
    with_band = [(p, b) for p in plans if p.strategy is Strategy.PROMOTION
                 if (b := _band(p)) is not None]
    if not with_band:
        return _factor(name, 0, EQUITY_GAP_MAX,
                       "No pay band midpoint in a promotion plan yet: add the internal band as a benchmark")
    plan, band = max(with_band, key=lambda pb: (pb[0].meeting_date or date.min, pb[0].title))
    assert band.mid is not None
    base, currency = plan.current.base, plan.current.currency
    if base is None:
        records = [c for c in compensation if c.base is not None and c.date <= today]
        if records:
            latest = max(records, key=lambda c: c.date)
            base, currency = latest.base, latest.currency
    if base is None:
        return _factor(name, 0, EQUITY_GAP_MAX,
                       "Current base pay unknown: add it to the plan or a compensation record")
    if band.currency and currency and band.currency != currency:
        return _factor(name, 0, EQUITY_GAP_MAX,
                       f"Base is in {currency} but the band in {band.currency}: not comparable")
    unit = f" {band.currency or currency}" if band.currency or currency else ""
    said = f"Base {format_number(base)}{unit}"
    mid = f"the midpoint {format_number(band.mid)}{unit} ({band.source})"
    gap = (band.mid - base) / band.mid
    if gap <= 0:
        return _factor(name, 0, EQUITY_GAP_MAX, f"{said} is at or above {mid}: no gap to argue")
    return _factor(name, _share(EQUITY_GAP_MAX, gap / FULL_EQUITY_GAP), EQUITY_GAP_MAX,
                   f"{said} is {round(gap * 100)} % below {mid}")


def _band(plan: NegotiationPlan) -> Benchmark | None:
    """The plan's pay band: a benchmark that names a band or "internal", else the first with a midpoint."""
    with_mid = [b for b in plan.benchmarks if b.mid is not None and b.mid > 0]
    named = [b for b in with_mid if any(w in b.source.casefold() for w in ("band", "internal"))]
    candidates = named or with_mid
    return candidates[0] if candidates else None


def invisible_work(achievements: Iterable[Achievement], today: date) -> Factor:
    """4 points for each piece of invisible work (mentoring, sharing knowledge) in the last 12 months.

    At most 10: two or three documented pieces make the point.
    """
    since = _year_ago(today)
    pieces = [a for a in achievements if a.kind is AchievementKind.INVISIBLE and since < a.date <= today]
    return _factor("Invisible work documented", POINTS_PER_INVISIBLE_WORK * len(pieces), INVISIBLE_WORK_MAX,
                   f"{words.count(len(pieces), 'piece')} of invisible work in the last 12 months")


# ------------------------------------------------------------------ mobility

RELATIONSHIPS_MAX = 30
POINTS_PER_RELATIONSHIP = 6
ACTIVE_WITHIN_DAYS = 90
LATERAL_MAX = 25
POINTS_PER_LATERAL = 10
SKILLS_MAX = 25
POSTINGS_MAX = 10
POINTS_PER_POSTING = 5
MENTOR_POINTS = 5
SPONSOR_POINTS = 5

LATERAL_KINDS = frozenset({ExperienceKind.ROTATION, ExperienceKind.CROSS_FUNCTIONAL_PROJECT,
                           ExperienceKind.INTERNAL_GIG, ExperienceKind.SHADOWING,
                           ExperienceKind.LATERAL_MOVE})
TARGET_STATUS_ORDER = {TargetStatus.PURSUING: 0, TargetStatus.PREPARING: 1, TargetStatus.EXPLORING: 2}


def readiness_for_mobility(data: PlannerData, today: date) -> Readiness:
    own = user_department(data.people, data.targets)
    return Readiness(Strategy.MOBILITY, (
        relationships_elsewhere(data, today, own),
        lateral_experiences(data.experiences, today, own),
        skill_coverage(data.targets, data.skills),
        open_postings(data.openings, today),
        mentor_or_sponsor(data.people),
    ))


def relationships_elsewhere(data: PlannerData, today: date, own: str | None) -> Factor:
    """6 points for each active relationship in another department, at most 30.

    Active: the last contact is within the person's cadence or within the last 90 days.
    Another department: the person's department is recorded and is not the user's own
    (see ``user_department``) nor the larger department it belongs to; the user's manager
    and skip-level are the user's line, never "another department".
    """
    name = "Relationships in other departments"
    if own is None:
        return _factor(name, 0, RELATIONSHIPS_MAX,
                       "Your own department is unknown: mark your manager (with a department) in People")
    last = last_contacts(data.interactions, today)
    active = []
    for person in data.people:
        if (not person.department or same_department(person.department, own)
                or {PersonRole.MANAGER, PersonRole.SKIP_LEVEL}.intersection(person.roles)):
            continue
        contact = last.get(person.uid)
        if contact is None:
            continue
        age = (today - contact).days
        if age <= ACTIVE_WITHIN_DAYS or (person.cadence_days is not None and age <= person.cadence_days):
            active.append(person)
    active.sort(key=lambda p: (-influence(p), p.name))
    text = f"{words.count(len(active), 'active relationship')} outside {own}"
    if active:
        text += f" ({_names(active)})"
    return _factor(name, POINTS_PER_RELATIONSHIP * len(active), RELATIONSHIPS_MAX, text)


def lateral_experiences(experiences: Iterable[Experience], today: date, own: str | None) -> Factor:
    """10 points for each recent lateral experience, at most 25.

    Lateral: a rotation, cross-functional project, internal gig, shadowing or lateral
    move, or any other kind but training that happened in another department. Recent:
    under way today, or ended in the last 12 months.
    """
    since = _year_ago(today)
    found = []
    for experience in experiences:
        elsewhere = (own is not None and experience.department is not None
                     and experience.kind is not ExperienceKind.TRAINING
                     and not same_department(experience.department, own))
        recent = experience.start <= today and (experience.end is None or experience.end > since)
        if recent and (experience.kind in LATERAL_KINDS or elsewhere):
            found.append(experience)
    found.sort(key=lambda e: (e.end is not None, e.end or e.start, e.title), reverse=True)
    text = f"{words.count(len(found), 'lateral experience')} under way or in the last 12 months"
    if found:
        text += " (" + ", ".join(f"'{e.title}'" for e in found[:3]) + (", …" if len(found) > 3 else "") + ")"
    return _factor("Lateral experience", POINTS_PER_LATERAL * len(found), LATERAL_MAX, text)


def lateral_target(targets: Iterable[Target]) -> Target | None:
    """The lateral target being worked on: pursuing before preparing before exploring, then by title."""
    live = [t for t in targets if t.path is TargetPath.LATERAL and t.status not in FINISHED_TARGET]
    return min(live, key=lambda t: (TARGET_STATUS_ORDER.get(t.status, 9), t.title, t.uid), default=None)


def skill_coverage(targets: Iterable[Target], skills: Iterable[Skill]) -> Factor:
    """How much of the lateral target's required skill levels the user has: 25 × coverage.

    coverage = the average over required skills of min(level, required) ÷ required, where
    a required skill without a level asks for 1 and a skill without a level counts 0.
    """
    name = "Skills for the lateral target"
    target = lateral_target(targets)
    if target is None:
        return _factor(name, 0, SKILLS_MAX,
                       "No lateral target yet: add one in Pathways with the skills it asks for")
    if not target.required_skills:
        return _factor(name, 0, SKILLS_MAX, f"{target.title} lists no required skills yet")
    levels = {s.name.casefold(): s.level or 0 for s in skills}
    shares, short = [], []
    for required in target.required_skills:
        need = max(required.level or 1, 1)
        have = levels.get(required.name.casefold(), 0)
        shares.append(min(have, need) / need)
        if have < need:
            short.append(f"{required.name} {have}/{need}")
    coverage = sum(shares) / len(shares)
    text = f"{target.title}: {round(coverage * 100)} % of the required skill levels"
    if short:
        text += f" (short of {', '.join(short)})"
    return _factor(name, _share(SKILLS_MAX, coverage), SKILLS_MAX, text)


def open_postings(openings: Iterable[Opening], today: date) -> Factor:
    """5 points for each open posting not suspected to be promised to someone, at most 10.

    Open: not closed, declined or accepted, and not past its closing date.
    """
    live = [o for o in openings
            if o.status not in CLOSED_OPENING and (o.closes is None or o.closes >= today)]
    real = [o for o in live if o.availability is not Availability.SUSPECTED_PROMISED]
    text = f"{words.count(len(real), 'open posting')} not suspected promised"
    if real:
        text += " (" + ", ".join(f"'{o.title}'" for o in real[:3]) + (", …" if len(real) > 3 else "") + ")"
    if len(live) > len(real):
        text += f"; {len(live) - len(real)} more may be promised to someone"
    return _factor("Open postings", POINTS_PER_POSTING * len(real), POSTINGS_MAX, text)


def mentor_or_sponsor(people: Iterable[Person]) -> Factor:
    """5 points for a mentor and 5 for a sponsor (people with that role who are not blockers)."""
    people = [p for p in people if p.stance is not Stance.BLOCKER]
    mentors = [p for p in people if PersonRole.MENTOR in p.roles]
    sponsors = [p for p in people if PersonRole.SPONSOR in p.roles]
    parts = [f"mentor: {_names(mentors)}" if mentors else "no mentor yet",
             f"sponsor: {_names(sponsors)}" if sponsors else "no sponsor yet (someone senior who "
                                                              "brings your name up)"]
    text = "; ".join(parts)
    return _factor("Mentor and sponsor", MENTOR_POINTS * bool(mentors) + SPONSOR_POINTS * bool(sponsors),
                   MENTOR_POINTS + SPONSOR_POINTS, text[:1].upper() + text[1:])
