"""Calendar export (iCalendar, RFC 5545): the dates that matter, for the user's own calendar.

Three kinds of all-day events: the organisation's cycle events (each occurrence over the
next 18 months, lasting its duration), the negotiation windows (from the first to the
last day of the window), and open follow-ups (on the day they are due). In iCalendar an
all-day event's DTEND is the day after its last day.

Every event has a UID built from the record it comes from, so importing a newer export
into the same calendar updates the events instead of adding copies: a window keeps its
UID when the user moves it, and a follow-up keeps its UID when its date changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from icalendar import Calendar, Event

from careerdesk.domain.records import Interaction
from careerdesk.interchange.atomic import write_atomically
from careerdesk.planner.calendar import Occurrence, upcoming
from careerdesk.planner.people import follow_up_with
from careerdesk.planner.snapshot import PlannerData
from careerdesk.planner.windows import NegotiationWindow, active, build_windows

PRODUCT_ID = "-//careerdesk//careerdesk//EN"
UID_DOMAIN = "careerdesk"


@dataclass(frozen=True)
class CalendarCounts:
    cycle_events: int
    windows: int
    follow_ups: int

    @property
    def total(self) -> int:
        return self.cycle_events + self.windows + self.follow_ups


def event_uid(uid: str, kind: str, day: date | None = None) -> str:
    """``<record uid>-<kind>[-<date>]@careerdesk``: the same record and day give the same UID."""
    dated = f"-{day.isoformat()}" if day is not None else ""
    return f"{uid}-{kind}{dated}@{UID_DOMAIN}"


def _all_day(uid: str, first: date, last: date, summary: str, description: str | None,
             category: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("categories", [category])
    # A window or a reminder is not a meeting: it must not mark the user busy.
    event.add("transp", "TRANSPARENT")
    return event


def _cycle_event(occurrence: Occurrence, stamp: datetime) -> Event:
    event = occurrence.event
    description = event.kind.label + (f"\n\n{event.notes}" if event.notes else "")
    return _all_day(event_uid(event.uid, "event", occurrence.date), occurrence.date, occurrence.last_day,
                    event.name, description, "Cycle event", stamp)


def _window(window: NegotiationWindow, stamp: datetime) -> Event:
    return _all_day(event_uid(window.event, window.kind.value, window.event_date), window.start, window.end,
                    f"{window.kind.label}: {window.event_name}", window.reason, "Negotiation window", stamp)


def _follow_up(interaction: Interaction, data: PlannerData, stamp: datetime) -> Event:
    assert interaction.follow_up is not None
    who = follow_up_with(interaction, data.people_by_uid)
    summary = f"Follow up with {who}" if who else "Follow up"
    if interaction.follow_up_action:
        summary += f": {interaction.follow_up_action}"
    return _all_day(event_uid(interaction.uid, "follow-up"), interaction.follow_up, interaction.follow_up,
                    summary, interaction.summary, "Follow-up", stamp)


def build_calendar(data: PlannerData, today: date,
                   stamp: datetime | None = None) -> tuple[Calendar, CalendarCounts]:
    """The calendar as of ``today``; ``stamp`` is when it was made (now, unless given)."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "careerdesk")
    occurrences = upcoming(data.cycle_events, today)
    windows = active(build_windows(data.cycle_events, data.openings, today, lead_times=data.lead_times,
                                   overrides=data.overrides, people=data.people_by_uid))
    follow_ups = sorted((i for i in data.interactions if i.follow_up is not None and not i.done),
                        key=lambda i: (i.follow_up or today, i.uid))
    for occurrence in occurrences:
        calendar.add_component(_cycle_event(occurrence, stamp))
    for window in windows:
        calendar.add_component(_window(window, stamp))
    for interaction in follow_ups:
        calendar.add_component(_follow_up(interaction, data, stamp))
    return calendar, CalendarCounts(len(occurrences), len(windows), len(follow_ups))


def write_calendar(path: Path, data: PlannerData, today: date,
                   stamp: datetime | None = None) -> CalendarCounts:
    """Writes the calendar file whole or not at all."""
    calendar, counts = build_calendar(data, today, stamp)
    content = calendar.to_ical()

    def write(out: BinaryIO) -> None:
        out.write(content)

    write_atomically(path, write)
    return counts
