"""Everything needed to print one plan's prep sheet: the HTML, its title, the chart picture.

The window and ``careerdesk prep-sheet`` both print what ``printable_sheet`` returns; only
the rendering through Qt (``careerdesk.ui.printing``) is theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from careerdesk.domain.enums import AchievementKind
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import NegotiationPlan
from careerdesk.planner import plain_data
from careerdesk.planner.rules import LeadTimes
from careerdesk.planner.snapshot import PlannerData
from careerdesk.reports.prep_chart import chart_image
from careerdesk.reports.prep_data import build_prep_sheet_data, period_for
from careerdesk.reports.prep_sheet import CHART_NAME, prep_sheet_html, sheet_title
from careerdesk.reports.reading import Rows, day, in_list, rows_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class PrintableSheet:
    title: str
    html: str
    chart_name: str
    chart_png: bytes
    chart_source: str
    """``timeline`` (the Timeline page's chart) or ``evidence`` (the sheet's own)."""


def latest_plan_uid(source: Session | Rows, today: date) -> str | None:
    """The plan to print when none is named: the next meeting's.

    That is the plan whose meeting date is the nearest from today on; when no meeting is
    ahead, the plan with the latest meeting date; when no plan has one, the plan updated
    last. ``None`` when the journal has no plan.
    """
    rows = [(uid, day(meeting), updated) for uid, meeting, updated in rows_of(source)
            .execute('SELECT uid, meeting_date, updated_at FROM "plan" ORDER BY id')]
    if not rows:
        return None
    ahead = [(uid, meeting) for uid, meeting, _ in rows if meeting is not None and meeting >= today]
    if ahead:
        return str(min(ahead, key=lambda row: row[1])[0])
    dated = [(uid, meeting) for uid, meeting, _ in rows if meeting is not None]
    if dated:
        return str(max(dated, key=lambda row: row[1])[0])
    # Stored as ISO text (UTC), so the latest sorts last; a missing one counts as the oldest.
    return str(max(rows, key=lambda row: row[2] or "")[0])


def chosen_plan_uid(source: Session | Rows, uid: str | None, today: date) -> str:
    """The uid of the plan to print: ``uid`` checked, or the next meeting's plan when None;
    ``NotFound`` when there is no such plan, or no plan at all."""
    if uid is None:
        found = latest_plan_uid(source, today)
        if found is None:
            raise NotFound("the journal has no negotiation plan to print")
        return found
    _plan(rows_of(source), uid)  # NotFound names the uid
    return uid


def _plan(db: Rows, uid: str) -> NegotiationPlan:
    # Every plan is read (a journal holds tens of them) through the planner's own reader.
    found = next((plan for plan in plain_data.plans(db) if plan.uid == uid), None)
    if found is None:
        raise NotFound(f"no negotiation plan with uid {uid}")
    return found


def _ids(db: Rows, sql: str, values: Sequence[str]) -> set[int]:
    """The ids ``sql`` (with ``{}`` for the placeholders of ``values``) finds, in chunks
    that stay under SQLite's limit of bound values."""
    found: set[int] = set()
    for start in range(0, len(values), plain_data.CHUNK):
        chunk = values[start:start + plain_data.CHUNK]
        found.update(row[0] for row in db.execute(sql.format(in_list(chunk)), list(chunk)))
    return found


def sheet_snapshot(source: Session | Rows, plan: NegotiationPlan, today: date) -> PlannerData:
    """The part of the planner's snapshot the sheet of ``plan`` reads, chosen in SQL.

    Of the two large kinds it reads the plan's evidence and the invisible work of its period
    (achievements), and the conversations with the people in the room (interactions):
    ``build_prep_sheet_data`` gives the same sheet from this as from the whole journal,
    which on a journal of many years takes some forty times longer to read. Every
    experience is read (one names the experience a win happened in). Skills, plans and
    pay history are not read: the sheet shows none of them. Read with plain SQL
    (``careerdesk.planner.plain_data``), through the session's own connection or a
    DB-API connection of its own, so the command line needs no SQLAlchemy.
    """
    db = rows_of(source)
    start, _ = period_for(plan, today)
    meeting = plan.meeting_date or today
    achievements = _ids(db, "SELECT id FROM achievement WHERE uid IN ({})", plan.evidence)
    achievements.update(row[0] for row in db.execute(
        "SELECT id FROM achievement WHERE kind = ? AND date >= ? AND date <= ?",
        (AchievementKind.INVISIBLE.value, start.isoformat(), meeting.isoformat())))
    interactions = _ids(db, "SELECT link.interaction_id FROM interaction_person AS link "
                            "JOIN person ON person.id = link.person_id WHERE person.uid IN ({})",
                        plan.participants)
    experiences = [row[0] for row in db.execute("SELECT id FROM experience ORDER BY id")]
    return PlannerData(
        cycle_events=plain_data.cycle_events(db),
        openings=plain_data.openings(db),
        achievements=plain_data.achievements(db, sorted(achievements)),
        experiences=plain_data.experiences(db, experiences),
        people=plain_data.people(db),
        interactions=plain_data.interactions(db, sorted(interactions)),
        targets=plain_data.targets(db),
        lead_times=LeadTimes.from_json(plain_data.setting(db, plain_data.LEAD_TIMES_KEY)),
        overrides=plain_data.overrides(plain_data.setting(db, plain_data.OVERRIDES_KEY)),
    )


def printable_sheet(source: Session | Rows, plan_uid: str, today: date) -> PrintableSheet:
    """The sheet of the plan ``plan_uid``; ``NotFound`` when there is no such plan.

    ``source`` is the window's session, or a DB-API connection of the command line's own
    (``careerdesk.search.connect_read_only``): read inside one transaction, either gives
    a consistent snapshot.
    """
    plan = _plan(rows_of(source), plan_uid)
    data = build_prep_sheet_data(plan, sheet_snapshot(source, plan, today), today)
    chart = chart_image(source, data)
    data.chart_size_px = (chart.width_px, chart.height_px)
    return PrintableSheet(title=sheet_title(data), html=prep_sheet_html(data),
                          chart_name=CHART_NAME, chart_png=chart.png, chart_source=chart.source)
