"""The prep sheet's HTML (careerdesk.reports.prep_sheet): every section, and user text escaped."""

from __future__ import annotations

import html
import importlib.util
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from careerdesk import services
from careerdesk.domain.enums import Strategy
from careerdesk.domain.errors import NotFound
from careerdesk.domain.records import NegotiationPlan, Objection
from careerdesk.planner.rules import WindowKind
from careerdesk.reports.prep import latest_plan_uid, printable_sheet, sheet_snapshot
from careerdesk.reports.prep_data import PrepSheetData, build_prep_sheet_data
from careerdesk.reports.prep_sheet import CHART_NAME, prep_sheet_html, text
from tests.conftest import REPO

TODAY = date(2026, 11, 22)


@pytest.fixture
def promotion(demo_journal: services.Journal) -> PrepSheetData:
    plans = services.load_all(demo_journal, NegotiationPlan)
    plan = next(p for p in plans if p.strategy is Strategy.PROMOTION)
    return build_prep_sheet_data(plan, services.planner_data(demo_journal), TODAY)


def test_every_section_of_the_demo_promotion_plan(promotion: PrepSheetData) -> None:
    page = prep_sheet_html(promotion)
    for heading in ("The ask", "If not the full ask: fallbacks", "Why now", "Evidence",
                    "Lateral growth and invisible work", "Benchmarks and internal equity",
                    "In the room", "Talking points", "Objections and responses",
                    "Walk-away point", "The period: ", "Notes"):
        assert f"<h2>{html.escape(heading)}" in page, heading
    plan = promotion.plan
    assert "Lead Data Analyst · L5" in page and "118,000 USD" in page
    assert "+20,000 USD<br/>+20.4 %" in page
    for item in [*plan.fallbacks, plan.walk_away or ""]:
        assert text(item) in page
    # Why now: the windows around the 3 Dec meeting, the promotion's, with their dates.
    kinds = {w.kind for w in promotion.windows}
    assert WindowKind.PRE_REVIEW in kinds and WindowKind.NETWORK not in kinds
    assert "10 Nov – 3 Dec 2026" in page and "open on the meeting day" in page
    # Evidence in the plan's order, with the metric changes of careerdesk.domain.metrics.
    assert [a.uid for a in promotion.evidence] == plan.evidence
    assert text("Carrier SLA credits (annualized) 38,000 → 212,000 USD, +458 %") in page
    # Lateral growth and invisible work of the period.
    assert "Product Analytics rotation: shipper quote funnel" in page
    assert "Wrote the Finance Analytics onboarding guide" in page
    # Benchmarks and the equity gap.
    assert "Compa-ratio 0.84" in page and "(the band)" in page
    # The people, with stance, influence, last contact and open follow-ups.
    for person in promotion.people:
        assert text(person.person.name) in page
    assert "Supporter" in page and "5/5" in page and "17 Nov 2026" in page
    assert text("Send Tomás the one-page pre-read with metrics (due 27 Nov 2026)") in page
    for point in plan.talking_points:
        assert text(point) in page
    for objection in plan.objections:
        assert text(objection.objection) in page and text(objection.response or "") in page
    assert f'<img src="{CHART_NAME}"' in page


def test_user_text_is_escaped(promotion: PrepSheetData) -> None:
    plan = replace(promotion.plan, title="<i>Mine</i>",
                   talking_points=["<script>alert(1)</script>", "<b>bold</b>"],
                   objections=[Objection(objection='"a" & <u>b</u>', response="<img src=x>")],
                   notes="<h1>note</h1>")
    page = prep_sheet_html(replace(promotion, plan=plan))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<i>Mine</i>" not in page and "&lt;i&gt;Mine&lt;/i&gt;" in page
    assert "&quot;a&quot; &amp; &lt;u&gt;b&lt;/u&gt;" in page
    assert "<img src=x>" not in page and "<h1>note</h1>" not in page


def test_markdown_bold_is_the_only_markup_kept() -> None:
    assert text("worth **$2.2M** <b>x</b>") == "worth <b>$2.2M</b> &lt;b&gt;x&lt;/b&gt;"
    assert text("a\nb") == "a<br/>b"


def test_an_empty_plan_prints_with_its_gaps_said(journal: services.Journal) -> None:
    plan = NegotiationPlan(title="Bare", strategy=Strategy.MOBILITY)
    data = build_prep_sheet_data(plan, services.planner_data(journal), TODAY)
    page = prep_sheet_html(data)
    assert "No achievements chosen as evidence yet." in page
    assert "No participants chosen yet." in page
    assert "Not decided yet" in page


def test_latest_is_the_next_meeting(demo_journal: services.Journal) -> None:
    plans = {p.uid: p for p in services.load_all(demo_journal, NegotiationPlan)}
    with demo_journal.sessions() as session:
        uid = latest_plan_uid(session, TODAY)
        assert uid is not None and plans[uid].meeting_date == date(2026, 12, 3)
        # Once both meetings are past, the latest meeting.
        later = latest_plan_uid(session, date(2027, 6, 1))
        assert later is not None and plans[later].meeting_date == date(2027, 1, 14)


def test_printable_sheet_has_a_sharp_chart(demo_journal: services.Journal) -> None:
    uid = next(p.uid for p in services.load_all(demo_journal, NegotiationPlan)
               if p.strategy is Strategy.PROMOTION)
    with demo_journal.sessions() as session:
        sheet = printable_sheet(session, uid, TODAY)
    from careerdesk.reports.prep_chart import png_size

    assert sheet.title == "Prep sheet: Promotion to Lead Data Analyst"
    assert sheet.chart_png.startswith(b"\x89PNG")
    width_px = int(sheet.html.split(f'<img src="{CHART_NAME}" width="')[1].split('"')[0])
    pixels_wide, _ = png_size(sheet.chart_png)
    assert pixels_wide / (width_px / 96) >= 200  # pixels per printed inch


def test_a_connection_of_its_own_prints_the_same_sheet(demo_journal: services.Journal) -> None:
    """The command line reads the sheet on a read-only DB-API connection, the window
    through its session: the same plan, words and picture either way."""
    from careerdesk.reports.prep import chosen_plan_uid
    from careerdesk.search import connect_read_only

    with demo_journal.sessions() as session:
        uid = chosen_plan_uid(session, None, TODAY)
        through_session = printable_sheet(session, uid, TODAY)
    connection = connect_read_only(str(demo_journal.path))
    try:
        assert chosen_plan_uid(connection, None, TODAY) == uid
        assert chosen_plan_uid(connection, uid, TODAY) == uid
        with pytest.raises(NotFound, match="no negotiation plan with uid nope"):
            chosen_plan_uid(connection, "nope", TODAY)
        on_its_own = printable_sheet(connection, uid, TODAY)
    finally:
        connection.close()
    assert on_its_own == through_session


def _sheets_agree(journal: services.Journal, today: date) -> int:
    """Every plan's sheet data from the sheet's own read equals that from the whole journal;
    returns how many plans were compared."""
    everything = services.planner_data(journal)
    plans = services.load_all(journal, NegotiationPlan)
    with journal.sessions() as session:
        for plan in plans:
            chosen = build_prep_sheet_data(plan, sheet_snapshot(session, plan, today), today)
            assert chosen == build_prep_sheet_data(plan, everything, today), plan.title
    return len(plans)


def test_the_sheet_reads_only_what_it_shows_and_shows_the_same(
        demo_journal: services.Journal) -> None:
    assert _sheets_agree(demo_journal, TODAY) >= 2


def test_the_same_sheet_on_a_generated_journal(journal: services.Journal,
                                               tmp_path: Path) -> None:
    """Thousands of records, many plans with people and invisible work: what the sheet's
    read leaves out never changes a sheet, whatever the meeting day."""
    spec = importlib.util.spec_from_file_location("generate", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(generate.generate(0.05, seed=3)), encoding="utf-8")
    services.import_file(journal, path)
    with journal.sessions() as session:
        plan = services.load_all(journal, NegotiationPlan)[0]
        snapshot = sheet_snapshot(session, plan, TODAY)
    everything = services.planner_data(journal)
    assert len(snapshot.achievements) < len(everything.achievements) / 5
    assert len(snapshot.interactions) < len(everything.interactions) / 5
    assert _sheets_agree(journal, TODAY) == 3


def test_a_busy_year_lists_the_latest_growth_and_counts_the_rest(
        promotion: PrepSheetData) -> None:
    """A year of many experiences and much invisible work still prints on a page or two."""
    from careerdesk.reports.prep_sheet import MAX_LISTED

    experience, piece = promotion.lateral[0], promotion.invisible[0]
    lateral = [replace(experience, uid=f"e{n}", title=f"Rotation number {n}",
                       start=date(2026, 1, 1 + n)) for n in range(20)]
    invisible = [replace(piece, uid=f"a{n}", title=f"Quiet work number {n}",
                         date=date(2026, 6, 28 - n)) for n in range(25)]
    page = prep_sheet_html(replace(promotion, lateral=lateral, invisible=invisible))
    shown = [n for n in range(20) if f"Rotation number {n}<" in page]
    assert shown == list(range(20 - MAX_LISTED, 20))  # the latest to start
    assert [n for n in range(25) if f"Quiet work number {n}<" in page] == list(range(MAX_LISTED))
    assert f"and {20 - MAX_LISTED} earlier experiences in the period" in page
    assert f"and {25 - MAX_LISTED} earlier pieces in the period" in page
    assert "earlier" not in prep_sheet_html(promotion)  # a quiet year is listed whole
