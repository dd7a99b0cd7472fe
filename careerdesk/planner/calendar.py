"""The organisation's calendar: cycle events expanded into dated occurrences.

A recurring event repeats from the date the user recorded, never before it (the first
date is the one they know; FY28's budget lock on 1 Oct 2027 says nothing about 2026).
Each occurrence is counted from that first date, not from the previous occurrence, so a
month-end date does not drift: 31 Jan quarterly gives 30 Apr, 31 Jul, 31 Oct, and a
29 Feb annual event falls on 28 Feb in common years and on 29 Feb again in leap years.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from careerdesk.domain.enums import Recurrence
from careerdesk.domain.records import CycleEvent

HORIZON_MONTHS = 18
"""How far ahead the planner looks (contract.md: "the next 18 months")."""

MONTHS_BETWEEN: dict[Recurrence, int] = {
    Recurrence.ANNUAL: 12,
    Recurrence.SEMIANNUAL: 6,
    Recurrence.QUARTERLY: 3,
}


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` moved by whole calendar months, clamped to the end of a shorter month."""
    month_index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(month_index, 12)
    last_day = monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(start.day, last_day))


def horizon(today: dt.date) -> dt.date:
    """The last day the planner looks at."""
    return add_months(today, HORIZON_MONTHS)


@dataclass(frozen=True)
class Occurrence:
    """One dated instance of a cycle event; ``last_day`` counts its duration (at least one day)."""

    event: CycleEvent
    date: dt.date

    @property
    def last_day(self) -> dt.date:
        return self.date + dt.timedelta(days=max(self.event.duration_days or 1, 1) - 1)


def occurrence_dates(event: CycleEvent, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The dates the event falls on between ``first`` and ``last``, both included, in order."""
    step = MONTHS_BETWEEN.get(event.recurrence)
    if step is None:
        if first <= event.date <= last:
            yield event.date
        return
    # Skip ahead to about ``first`` instead of walking every occurrence of an old event.
    months_ahead = (first.year - event.date.year) * 12 + (first.month - event.date.month)
    n = max(0, months_ahead // step - 1)
    while (day := add_months(event.date, n * step)) <= last:
        if day >= first:
            yield day
        n += 1


def occurrences(events: Iterable[CycleEvent], first: dt.date, last: dt.date) -> list[Occurrence]:
    """Every occurrence of ``events`` dated between ``first`` and ``last``, by date then name."""
    found = [Occurrence(event, day) for event in events for day in occurrence_dates(event, first, last)]
    return sorted(found, key=lambda o: (o.date, o.event.name.casefold(), o.event.uid))


def upcoming(events: Iterable[CycleEvent], today: dt.date) -> list[Occurrence]:
    """Occurrences still to come or under way today, up to the horizon.

    An event that started before today but lasts past it (a two-week review period) is
    kept: it is still happening.
    """
    events = list(events)
    longest = max((max(e.duration_days or 1, 1) for e in events), default=1)
    found = occurrences(events, today - dt.timedelta(days=longest - 1), horizon(today))
    return [o for o in found if o.last_day >= today]
