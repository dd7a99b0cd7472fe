"""The periods a chart covers: presets settled from the organisation's calendar."""

from __future__ import annotations

from datetime import date

import pytest

from careerdesk.domain.enums import CycleEventKind, Recurrence
from careerdesk.domain.records import CycleEvent
from careerdesk.reports.periods import (
    Period,
    PeriodPreset,
    fiscal_year,
    last_12_months,
    last_review,
    resolve_period,
    since_last_review,
)
from careerdesk.store.database import Journal
from tests.reports.conftest import DEMO_TODAY


def event(kind: CycleEventKind, day: date, recurrence: Recurrence = Recurrence.NONE) -> CycleEvent:
    return CycleEvent(kind=kind, name=kind.label, date=day, recurrence=recurrence)


def test_last_12_months_ends_today() -> None:
    period = last_12_months(date(2026, 11, 22))
    assert (period.start, period.end) == (date(2025, 11, 22), date(2026, 11, 22))
    assert period.title.startswith("Last 12 months: ")


def test_since_the_last_review_takes_the_latest_past_occurrence() -> None:
    events = [event(CycleEventKind.PERFORMANCE_REVIEW, date(2023, 12, 10), Recurrence.ANNUAL),
              event(CycleEventKind.PERFORMANCE_REVIEW, date(2026, 6, 1)),  # mid-year, one off
              event(CycleEventKind.BUDGET_PLANNING, date(2026, 10, 1))]
    # The one-off review in June is later than the annual one of December 2025.
    assert last_review(events, date(2026, 11, 22)) == date(2026, 6, 1)
    assert last_review(events, date(2026, 5, 31)) == date(2025, 12, 10)
    assert last_review(events, date(2026, 12, 10)) == date(2026, 12, 10)
    period = since_last_review(events, date(2026, 12, 20))
    assert (period.start, period.end) == (date(2026, 12, 10), date(2026, 12, 20))
    assert period.note == ""


def test_since_the_last_review_without_one_says_what_it_shows() -> None:
    future = [event(CycleEventKind.PERFORMANCE_REVIEW, date(2026, 12, 10), Recurrence.ANNUAL)]
    period = since_last_review(future, date(2026, 11, 22))
    assert (period.start, period.end) == (date(2025, 11, 22), date(2026, 11, 22))
    assert "no performance review" in period.note


@pytest.mark.parametrize(("end", "today", "first", "last"), [
    (date(2024, 12, 31), date(2026, 11, 22), date(2026, 1, 1), date(2026, 12, 31)),
    (date(2020, 6, 30), date(2026, 11, 22), date(2026, 7, 1), date(2027, 6, 30)),
    (date(2020, 6, 30), date(2026, 6, 30), date(2025, 7, 1), date(2026, 6, 30)),
    (date(2030, 3, 31), date(2026, 11, 22), date(2026, 4, 1), date(2027, 3, 31)),
])
def test_this_fiscal_year_follows_the_fiscal_year_end(end: date, today: date, first: date,
                                                      last: date) -> None:
    period = fiscal_year([event(CycleEventKind.FISCAL_YEAR_END, end)], today)
    assert (period.start, period.end) == (first, last)
    assert period.contains(today)


def test_this_fiscal_year_is_the_calendar_year_without_a_fiscal_year_end() -> None:
    period = fiscal_year([], date(2026, 11, 22))
    assert (period.start, period.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert "calendar year" in period.note


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_presets_on_the_sample_journal(demo_journal: Journal) -> None:
    with demo_journal.sessions() as session:
        fiscal = resolve_period(session, PeriodPreset.FISCAL_YEAR, DEMO_TODAY)
        everything = resolve_period(session, PeriodPreset.EVERYTHING, DEMO_TODAY)
        custom = resolve_period(session, PeriodPreset.CUSTOM, DEMO_TODAY,
                                start=date(2026, 1, 1), end=date(2026, 3, 31))
        open_end = resolve_period(session, PeriodPreset.CUSTOM, DEMO_TODAY, start=date(2026, 1, 1))
    # The sample's fiscal year ends on 31 December.
    assert (fiscal.start, fiscal.end) == (date(2026, 1, 1), date(2026, 12, 31))
    # Priya joined on 1 March 2022 (her first pay record); the calendar runs to Oct 2027.
    assert everything.start == date(2022, 3, 1)
    assert everything.end >= date(2027, 10, 1)
    assert (custom.start, custom.end) == (date(2026, 1, 1), date(2026, 3, 31))
    assert (open_end.start, open_end.end) == (date(2026, 1, 1), DEMO_TODAY)
