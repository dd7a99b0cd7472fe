"""The day the window plans for. One function, so tests can pin "today" in one place."""

from __future__ import annotations

from datetime import date


def today() -> date:
    return date.today()
