"""How the planner says dates and counts, the same on every machine.

Month names are spelled here rather than taken from ``strftime``: the window sets the
process locale, and a reason must read the same in the window, the command line and an
exported calendar.
"""

from __future__ import annotations

from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: date) -> str:
    """``2027-10-01`` -> ``1 Oct 2027``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def day_range(start: date, end: date) -> str:
    """``10 Nov – 3 Dec 2026``; the year is said once when both ends share it."""
    if start == end:
        return day(start)
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {day(end)}"
    return f"{day(start)} – {day(end)}"


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``1 day``, ``12 days``; ``plural`` for nouns that do not just take an ``s``."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def days_from(today: date, when: date) -> str:
    """When something is, seen from today: ``today``, ``tomorrow``, ``in 12 days``, ``3 days ago``."""
    delta = (when - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    return f"in {count(delta, 'day')}" if delta > 0 else f"{count(-delta, 'day')} ago"
