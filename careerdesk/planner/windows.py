"""Negotiation windows: when to ask, built from the organisation's calendar and open postings.

A window is the span of days in which an action has the most effect (product.md's
table, placed by ``LeadTimes``). The user may move a single window by some days or
dismiss it; both are kept by the window's ``id``, which names the event, the kind of
window and the event's date, so it stays the same when lead times change or the window
is moved. Windows that ended before today are left out; one that has started is kept
until its last day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from careerdesk.domain.enums import Availability, OpeningStatus
from careerdesk.domain.records import CycleEvent, Opening, Person
from careerdesk.planner import words
from careerdesk.planner.calendar import horizon, occurrences
from careerdesk.planner.rules import (
    RULES,
    LeadTimes,
    WindowKind,
    days_around,
    rules_for,
)

CLOSED_OPENING = frozenset({OpeningStatus.CLOSED, OpeningStatus.DECLINED, OpeningStatus.ACCEPTED})

KIND_ORDER = {kind: i for i, kind in enumerate(WindowKind)}


def window_id(event: str, kind: WindowKind, event_date: date) -> str:
    """The stable name of a window, the key of the user's override for it."""
    return f"{event}:{kind.value}:{event_date.isoformat()}"


@dataclass(frozen=True)
class WindowOverride:
    """The user's change to one window: moved by ``shift_days`` (later when positive), or dismissed."""

    shift_days: int = 0
    dismissed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"shift_days": self.shift_days, "dismissed": self.dismissed}

    @classmethod
    def from_json(cls, data: Any) -> WindowOverride:
        if not isinstance(data, dict):
            return cls()
        shift = data.get("shift_days", 0)
        return cls(shift_days=shift if isinstance(shift, int) and not isinstance(shift, bool) else 0,
                   dismissed=data.get("dismissed") is True)

    @property
    def is_default(self) -> bool:
        return self.shift_days == 0 and not self.dismissed


@dataclass(frozen=True)
class NegotiationWindow:
    """A span of days, both ends included, in which to act, and the event it leads up to.

    ``event`` is the uid of a cycle event, or of an opening for ``network`` windows (their
    ``event_date`` is the day the posting closes).
    """

    kind: WindowKind
    start: date
    end: date
    event: str
    event_name: str
    event_date: date
    reason: str
    shifted_days: int = 0
    dismissed: bool = False

    @property
    def id(self) -> str:
        return window_id(self.event, self.kind, self.event_date)

    def is_open(self, today: date) -> bool:
        return self.start <= today <= self.end

    def countdown(self, today: date) -> str:
        """``open now, 11 days left``, ``last day today``, ``opens in 25 days``, ``ended 2 days ago``."""
        if today < self.start:
            return f"opens {words.days_from(today, self.start)}"
        if today > self.end:
            return f"ended {words.days_from(today, self.end)}"
        left = (self.end - today).days
        return "open now, last day today" if left == 0 else f"open now, {words.count(left, 'day')} left"


@dataclass(frozen=True)
class WindowSpan:
    """Windows that overlap, shown as one band: from the first start to the last end."""

    start: date
    end: date
    windows: tuple[NegotiationWindow, ...]

    @property
    def reasons(self) -> list[str]:
        return [w.reason for w in self.windows]

    @property
    def kinds(self) -> list[WindowKind]:
        return sorted({w.kind for w in self.windows}, key=KIND_ORDER.__getitem__)


def build_windows(events: Iterable[CycleEvent], openings: Iterable[Opening], today: date, *,
                  lead_times: LeadTimes | None = None,
                  overrides: Mapping[str, WindowOverride] | None = None,
                  people: Mapping[str, Person] | None = None) -> list[NegotiationWindow]:
    """Every window that has not ended by ``today``, dismissed ones included (flagged), by start.

    Recurring events are expanded up to the horizon (18 months ahead), and back as far as
    a window of an earlier occurrence could still be open today.
    """
    lead_times = lead_times or LeadTimes()
    overrides = overrides or {}
    people = people or {}
    found = [*_event_windows(events, today, lead_times), *_opening_windows(openings, today, lead_times,
                                                                             people)]
    placed = []
    for window in found:
        override = overrides.get(window.id)
        if override is not None and not override.is_default:
            window = _apply(window, override)
        if window.end >= today:
            placed.append(window)
    return sort_windows(placed)


def sort_windows(windows: Iterable[NegotiationWindow]) -> list[NegotiationWindow]:
    return sorted(windows, key=lambda w: (w.start, w.end, KIND_ORDER[w.kind], w.event_name.casefold(),
                                          w.event))


def active(windows: Iterable[NegotiationWindow]) -> list[NegotiationWindow]:
    """The windows the user has not dismissed."""
    return [w for w in windows if not w.dismissed]


def merge_overlapping(windows: Iterable[NegotiationWindow]) -> list[WindowSpan]:
    """Groups windows whose days overlap (sharing at least one day) into spans, by start."""
    spans: list[WindowSpan] = []
    for window in sort_windows(windows):
        if spans and window.start <= spans[-1].end:
            last = spans[-1]
            spans[-1] = WindowSpan(last.start, max(last.end, window.end), (*last.windows, window))
        else:
            spans.append(WindowSpan(window.start, window.end, (window,)))
    return spans


def _event_windows(events: Iterable[CycleEvent], today: date,
                   lead_times: LeadTimes) -> list[NegotiationWindow]:
    # A window ends at most this many days after its event (a milestone's leverage window),
    # so occurrences older than that cannot have a window still open. A user's shift may
    # push one later: a year of look-back covers any sensible shift.
    latest_end = max(max(days_around(lead_times, rule).end for rule in RULES), 0) + 366
    windows = []
    for occurrence in occurrences(events, today - timedelta(days=latest_end), horizon(today)):
        event = occurrence.event
        for rule in rules_for(event.kind):
            days = days_around(lead_times, rule)
            windows.append(NegotiationWindow(
                kind=rule.window,
                start=occurrence.date + timedelta(days=days.start),
                end=occurrence.date + timedelta(days=days.end),
                event=event.uid, event_name=event.name, event_date=occurrence.date,
                reason=f"{event.name} on {words.day(occurrence.date)}: {rule.why}"))
    return windows


def _opening_windows(openings: Iterable[Opening], today: date, lead_times: LeadTimes,
                     people: Mapping[str, Person]) -> list[NegotiationWindow]:
    """Network from the day a posting went up until a few days before it closes.

    A posting without a closing date has no window (there is no "before" to aim for); one
    without a posted date is taken as known from today.
    """
    windows = []
    for opening in openings:
        if opening.status in CLOSED_OPENING or opening.closes is None:
            continue
        end = opening.closes - timedelta(days=lead_times.network_until_days_before_close)
        start = opening.posted or min(today, end)
        if end < start:
            continue
        manager = people.get(opening.hiring_manager or "")
        who = f"the hiring manager, {manager.name}," if manager else "the hiring manager"
        posted = f"posted {words.day(opening.posted)}, " if opening.posted else ""
        caution = ("; it may be promised to someone already"
                   if opening.availability is Availability.SUSPECTED_PROMISED else "")
        windows.append(NegotiationWindow(
            kind=WindowKind.NETWORK, start=start, end=end, event=opening.uid,
            event_name=opening.title, event_date=opening.closes,
            reason=f"{opening.title} ({posted}closes {words.day(opening.closes)}): "
                   f"be known to {who} before applying{caution}"))
    return windows


def _apply(window: NegotiationWindow, override: WindowOverride) -> NegotiationWindow:
    shift = timedelta(days=override.shift_days)
    reason = window.reason
    if override.shift_days:
        direction = "later" if override.shift_days > 0 else "earlier"
        reason += f" (moved {words.count(abs(override.shift_days), 'day')} {direction})"
    return replace(window, start=window.start + shift, end=window.end + shift, reason=reason,
                   shifted_days=override.shift_days, dismissed=override.dismissed)
