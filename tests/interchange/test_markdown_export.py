"""The brag document for a period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from careerdesk import services
from careerdesk.interchange.markdown_export import last_twelve_months
from careerdesk.store.database import Journal

# The sample journal runs up to November 2026.
DEMO_TODAY = date(2026, 11, 22)


def _document(journal: Journal, tmp_path: Path, **period: date) -> str:
    path = tmp_path / "brag.md"
    text = services.export_brag_document(journal, path, **period)
    assert path.read_text(encoding="utf-8") == text
    return text


def test_the_last_twelve_months_of_the_demo_journal(demo_journal: Journal, tmp_path: Path) -> None:
    text = _document(demo_journal, tmp_path, end=DEMO_TODAY)
    assert text.startswith("# Priya Raman’s accomplishments, 23 Nov 2025 to 22 Nov 2026\n\n"
                           "Senior Data Analyst · Northwind Logistics\n")
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections == ["## Highlights", "## Achievements by quarter", "## Lateral growth",
                        "## Invisible work", "## Skills shown"]
    quarters = [line for line in text.splitlines() if line.startswith("### Q")]
    assert quarters == ["### Q4 2025 (October–December)", "### Q1 2026 (January–March)",
                        "### Q2 2026 (April–June)", "### Q3 2026 (July–September)",
                        "### Q4 2026 (October–December)"]
    assert "- Month-end close reporting effort 46 → 30 hours, -35 %" in text
    assert "Carrier SLA credits (annualized) 38,000 → 212,000 USD, +458 %" in text
    assert "### Product Analytics rotation: shipper quote funnel" in text
    assert "*Rotation · Product Analytics · Mar 2026 – May 2026*" in text
    assert "### Coached Jamal through his first forecast" in text  # invisible work
    assert "- **SQL**: 8 achievements, 2 experiences" in text
    # Before the period, and private text, stay out.
    assert "Automated the monthly variance pack" not in text
    assert "Writing the definition down first saved weeks" not in text  # a reflection
    assert "Starting this journal" not in text  # a journal entry
    assert "98,000" not in text and "118,000" not in text  # pay stays out


def test_quarters_run_oldest_first_and_highlights_newest_first(demo_journal: Journal,
                                                               tmp_path: Path) -> None:
    text = _document(demo_journal, tmp_path, end=DEMO_TODAY)
    highlights = text.split("## Highlights")[1].split("## Achievements")[0]
    assert highlights.index("fuel surcharge") < highlights.index("month-end close")
    body = text.split("## Achievements by quarter")[1]
    assert body.index("Made the Finance KPI dashboard") < body.index("Found and fixed fuel")


def test_a_chosen_period(demo_journal: Journal, tmp_path: Path) -> None:
    text = _document(demo_journal, tmp_path, start=date(2026, 4, 1), end=date(2026, 6, 30))
    assert [line for line in text.splitlines() if line.startswith("### Q")] == [
        "### Q2 2026 (April–June)"]
    assert "**In this period:** 5 achievements (3 with measured results)" in text


def test_an_empty_period_still_reads(journal: Journal, tmp_path: Path) -> None:
    text = _document(journal, tmp_path, end=date(2026, 1, 31))
    assert text.startswith("# My accomplishments, 1 Feb 2025 to 31 Jan 2026")
    assert "No achievements were recorded in this period." in text


def test_last_twelve_months_across_a_leap_day() -> None:
    period = last_twelve_months(date(2028, 2, 29))
    assert (period.start, period.end) == (date(2027, 3, 1), date(2028, 2, 29))


def test_the_text_alone_for_a_preview_writes_nothing(demo_journal: Journal, tmp_path: Path) -> None:
    text = services.brag_document(demo_journal, end=DEMO_TODAY)
    assert text == _document(demo_journal, tmp_path, end=DEMO_TODAY)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".md"] == ["brag.md"]
