"""Recurring cycle events: month arithmetic, leap days, year ends, the 18-month horizon."""

from __future__ import annotations

from datetime import date

import pytest

from careerdesk.domain.enums import CycleEventKind, Recurrence
from careerdesk.domain.records import CycleEvent
from careerdesk.planner.calendar import add_months, horizon, occurrence_dates, upcoming

TODAY = date(2026, 11, 22)


def event(day: date, recurrence: Recurrence = Recurrence.NONE, duration: int | None = None,
          name: str = "Event") -> CycleEvent:
    return CycleEvent(kind=CycleEventKind.OTHER, name=name, date=day, recurrence=recurrence,
                      duration_days=duration)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),     # clamps to a short month
    (date(2028, 1, 31), 1, date(2028, 2, 29)),     # ...and to a leap February
    (date(2026, 1, 31), 3, date(2026, 4, 30)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),    # across the year end
    (date(2026, 12, 15), 1, date(2027, 1, 15)),
    (date(2026, 8, 31), 6, date(2027, 2, 28)),
    (date(2027, 1, 15), -1, date(2026, 12, 15)),   # backwards across the year end
    (date(2026, 11, 22), -12, date(2025, 11, 22)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2024, 2, 29), 48, date(2028, 2, 29)),
])
def test_add_months_clamps_to_the_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_a_leap_day_recurs_on_28_february_and_again_on_29_february_in_leap_years() -> None:
    dates = list(occurrence_dates(event(date(2024, 2, 29), Recurrence.ANNUAL),
                                  date(2024, 1, 1), date(2029, 1, 1)))
    assert dates == [date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28),
                     date(2028, 2, 29)]


def test_quarterly_from_a_month_end_does_not_drift() -> None:
    dates = list(occurrence_dates(event(date(2026, 1, 31), Recurrence.QUARTERLY),
                                  date(2026, 1, 1), date(2027, 5, 1)))
    assert dates == [date(2026, 1, 31), date(2026, 4, 30), date(2026, 7, 31), date(2026, 10, 31),
                     date(2027, 1, 31), date(2027, 4, 30)]


def test_semiannual_across_the_year_end() -> None:
    dates = list(occurrence_dates(event(date(2026, 8, 31), Recurrence.SEMIANNUAL),
                                  date(2026, 11, 22), date(2028, 5, 22)))
    assert dates == [date(2027, 2, 28), date(2027, 8, 31), date(2028, 2, 29)]


def test_a_recurring_event_never_repeats_before_its_recorded_date() -> None:
    fy28 = event(date(2027, 10, 1), Recurrence.ANNUAL)
    assert list(occurrence_dates(fy28, date(2025, 1, 1), date(2028, 12, 31))) == [
        date(2027, 10, 1), date(2028, 10, 1)]


def test_an_old_recurring_event_is_expanded_only_in_the_range_asked() -> None:
    old = event(date(2001, 3, 31), Recurrence.QUARTERLY)
    assert list(occurrence_dates(old, date(2026, 11, 1), date(2027, 4, 1))) == [
        date(2026, 12, 31), date(2027, 3, 31)]


def test_a_one_off_event_occurs_once() -> None:
    once = event(date(2027, 1, 20))
    assert list(occurrence_dates(once, TODAY, horizon(TODAY))) == [date(2027, 1, 20)]
    assert list(occurrence_dates(once, date(2027, 1, 21), horizon(TODAY))) == []


def test_the_horizon_is_18_months() -> None:
    assert horizon(TODAY) == date(2028, 5, 22)
    quarterly = event(date(2026, 12, 1), Recurrence.QUARTERLY)
    dates = [o.date for o in upcoming([quarterly], TODAY)]
    assert dates[0] == date(2026, 12, 1)
    assert dates[-1] == date(2028, 3, 1)
    assert len(dates) == 6


def test_upcoming_keeps_an_event_under_way_and_drops_one_that_ended() -> None:
    review = event(date(2026, 11, 15), duration=10, name="Review period")  # 15..24 Nov
    fair = event(date(2026, 11, 15), duration=7, name="Career fair")        # 15..21 Nov
    found = upcoming([review, fair], TODAY)
    assert [(o.event.name, o.date, o.last_day) for o in found] == [
        ("Review period", date(2026, 11, 15), date(2026, 11, 24))]
