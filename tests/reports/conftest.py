"""Charts are drawn on matplotlib's Agg backend: no display, the same pixels everywhere."""

from __future__ import annotations

from datetime import date

DEMO_TODAY = date(2026, 11, 22)
"""The sample journal's today (Priya's story is told up to this day)."""
