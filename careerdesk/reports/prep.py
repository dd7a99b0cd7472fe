"""Everything needed to print one plan's prep sheet: the HTML, its title, the chart picture.

The window and ``careerdesk prep-sheet`` both print what ``printable_sheet`` returns; only
the rendering through Qt (``careerdesk.ui.printing``) is theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from careerdesk.domain.enums import AchievementKind
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import NegotiationPlan
from careerdesk.planner.data import PlannerData, load_chosen
from careerdesk.reports.prep_chart import chart_image
from careerdesk.reports.prep_data import build_prep_sheet_data, period_for
from careerdesk.reports.prep_sheet import CHART_NAME, prep_sheet_html, sheet_title
from careerdesk.store import models as m
from careerdesk.store.repository import load


@dataclass(frozen=True)
class PrintableSheet:
    title: str
    html: str
    chart_name: str
    chart_png: bytes
    chart_source: str
    """``timeline`` (the Timeline page's chart) or ``evidence`` (the sheet's own)."""


def latest_plan_uid(session: Session, today: date) -> str | None:
    """The plan to print when none is named: the next meeting's.

    That is the plan whose meeting date is the nearest from today on; when no meeting is
    ahead, the plan with the latest meeting date; when no plan has one, the plan updated
    last. ``None`` when the journal has no plan.
    """
    rows = session.execute(select(m.PlanRow.uid, m.PlanRow.meeting_date, m.PlanRow.updated_at)).all()
    if not rows:
        return None
    ahead = [r for r in rows if r.meeting_date is not None and r.meeting_date >= today]
    if ahead:
        return str(min(ahead, key=lambda r: r.meeting_date).uid)
    dated = [r for r in rows if r.meeting_date is not None]
    if dated:
        return str(max(dated, key=lambda r: r.meeting_date).uid)
    return str(max(rows, key=lambda r: r.updated_at or datetime.min).uid)


def chosen_plan_uid(session: Session, uid: str | None, today: date) -> str:
    """The uid of the plan to print: ``uid`` checked, or the next meeting's plan when None;
    ``NotFound`` when there is no such plan, or no plan at all."""
    if uid is None:
        found = latest_plan_uid(session, today)
        if found is None:
            raise NotFound("the journal has no negotiation plan to print")
        return found
    load(session, NegotiationPlan, uid)  # NotFound names the uid
    return uid


def sheet_snapshot(session: Session, plan: NegotiationPlan, today: date) -> PlannerData:
    """The part of the planner's snapshot the sheet of ``plan`` reads, chosen in SQL.

    Of the two large kinds it reads the plan's evidence and the invisible work of its period
    (achievements), and the conversations with the people in the room (interactions):
    ``build_prep_sheet_data`` gives the same sheet from this as from the whole journal,
    which on a journal of many years takes some forty times longer to read. Every
    experience is read (one names the experience a win happened in), column by column.
    """
    start, _ = period_for(plan, today)
    meeting = plan.meeting_date or today
    a, i, link = m.AchievementRow, m.InteractionRow, m.interaction_person
    achievements = or_(a.uid.in_(plan.evidence),
                       and_(a.kind == AchievementKind.INVISIBLE.value, a.date >= start,
                            a.date <= meeting))
    with_participant = (select(link.c.interaction_id)
                        .join(m.PersonRow, m.PersonRow.id == link.c.person_id)
                        .where(m.PersonRow.uid.in_(plan.participants)))
    return load_chosen(session, achievements=achievements, experiences=true(),
                       interactions=i.id.in_(with_participant))


def printable_sheet(session: Session, plan_uid: str, today: date) -> PrintableSheet:
    """The sheet of the plan ``plan_uid``; ``NotFound`` when there is no such plan."""
    plan = load(session, NegotiationPlan, plan_uid)
    data = build_prep_sheet_data(plan, sheet_snapshot(session, plan, today), today)
    chart = chart_image(session, data)
    data.chart_size_px = (chart.width_px, chart.height_px)
    return PrintableSheet(title=sheet_title(data), html=prep_sheet_html(data),
                          chart_name=CHART_NAME, chart_png=chart.png, chart_source=chart.source)
