"""The periods a chart covers: since the last review, the last 12 months, this fiscal
year, everything, or the user's own dates.

The organisation's calendar decides two of them: "since the last review" starts on the
latest performance review that has taken place, and the fiscal year ends on the
``fiscal_year_end`` event's day (the calendar year when there is none).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from careerdesk.domain.enums import CycleEventKind
from careerdesk.domain.records import CycleEvent
from careerdesk.planner.calendar import add_months, occurrences
from careerdesk.planner.words import day_range
from careerdesk.reports.reading import Rows, cycle_events, rows_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class PeriodPreset(StrEnum):
    SINCE_REVIEW = "since_review"
    LAST_12_MONTHS = "last_12_months"
    FISCAL_YEAR = "fiscal_year"
    EVERYTHING = "everything"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    PeriodPreset.SINCE_REVIEW: "Since the last review",
    PeriodPreset.LAST_12_MONTHS: "Last 12 months",
    PeriodPreset.FISCAL_YEAR: "This fiscal year",
    PeriodPreset.EVERYTHING: "Everything",
    PeriodPreset.CUSTOM: "Custom",
}


@dataclass(frozen=True)
class Period:
    """Both days included. ``note`` says how a preset was settled when it had to guess."""

    start: date
    end: date
    preset: PeriodPreset = PeriodPreset.CUSTOM
    note: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period cannot end ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def title(self) -> str:
        """``Last 12 months: 22 Nov 2025 – 22 Nov 2026``."""
        span = day_range(self.start, self.end)
        return span if self.preset is PeriodPreset.CUSTOM else f"{self.preset.label}: {span}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def last_12_months(today: date) -> Period:
    return Period(add_months(today, -12), today, PeriodPreset.LAST_12_MONTHS)


def last_review(events: Iterable[CycleEvent], today: date) -> date | None:
    """The latest performance review on or before ``today`` (recurring ones expanded)."""
    reviews = [e for e in events if e.kind is CycleEventKind.PERFORMANCE_REVIEW]
    if not reviews:
        return None
    first = min(e.date for e in reviews)
    past = [o.date for o in occurrences(reviews, first, today)]
    return max(past, default=None)


def since_last_review(events: Iterable[CycleEvent], today: date) -> Period:
    review = last_review(events, today)
    if review is None:
        period = last_12_months(today)
        return Period(period.start, period.end, PeriodPreset.SINCE_REVIEW,
                      "no performance review yet: the last 12 months")
    return Period(review, today, PeriodPreset.SINCE_REVIEW)


def fiscal_year(events: Iterable[CycleEvent], today: date) -> Period:
    """From the day after the previous fiscal year end to the next one (today included).

    A fiscal year end repeats every year whatever its recurrence says: only its month and
    day are read.
    """
    ends = sorted((e for e in events if e.kind is CycleEventKind.FISCAL_YEAR_END),
                  key=lambda e: (e.date, e.uid))
    if not ends:
        return Period(date(today.year, 1, 1), date(today.year, 12, 31), PeriodPreset.FISCAL_YEAR,
                      "no fiscal year end in the calendar: the calendar year")
    anchor = ends[-1].date
    # The fiscal year end on or after today: the anchor moved by whole years.
    years = today.year - anchor.year
    end = add_months(anchor, 12 * years)
    if end < today:
        years += 1
        end = add_months(anchor, 12 * years)
    start = add_months(anchor, 12 * (years - 1))
    return Period(start + timedelta(days=1), end, PeriodPreset.FISCAL_YEAR)


_DATED = (("achievement", "date"), ("interaction", "date"), ("experience", "start"),
          ("compensation", "date"), ("cycle_event", "date"), ("journal_entry", "date"))


def journal_span(source: Session | Rows) -> tuple[date, date] | None:
    """The first and last day any dated record of the journal falls on."""
    rows = rows_of(source)
    firsts: list[date] = []
    lasts: list[date] = []
    for table, column in _DATED:
        for low, high in rows.execute(f"SELECT min({column}), max({column}) FROM {table}"):
            if low is not None:
                firsts.append(date.fromisoformat(low))
                lasts.append(date.fromisoformat(high))
    for (ended,) in rows.execute('SELECT max("end") FROM experience'):
        if ended is not None:
            lasts.append(date.fromisoformat(ended))
    if not firsts:
        return None
    return min(firsts), max(lasts)


def everything(source: Session | Rows, today: date) -> Period:
    span = journal_span(source)
    if span is None:
        period = last_12_months(today)
        return Period(period.start, period.end, PeriodPreset.EVERYTHING, "the journal is empty")
    return Period(min(span[0], today), max(span[1], today), PeriodPreset.EVERYTHING)


def resolve_period(source: Session | Rows, preset: PeriodPreset, today: date, *,
                   start: date | None = None, end: date | None = None) -> Period:
    """The days a preset covers today; ``custom`` takes ``start`` and ``end`` (either may be
    left out: 12 months before the end, or today)."""
    if preset is PeriodPreset.CUSTOM:
        last = end or (max(today, start) if start else today)
        first = start or add_months(last, -12)
        return Period(first, last, PeriodPreset.CUSTOM)
    if preset is PeriodPreset.LAST_12_MONTHS:
        return last_12_months(today)
    if preset is PeriodPreset.EVERYTHING:
        return everything(source, today)
    events = cycle_events(source)
    if preset is PeriodPreset.SINCE_REVIEW:
        return since_last_review(events, today)
    return fiscal_year(events, today)
