"""Placing chart labels so they never pile up: the most important first, the rest left out.

Positions are in pixels along the x axis. A label takes the first tier (row) where it
overlaps neither a label already placed nor an obstacle of that tier (a bar it would
cover); a label that fits nowhere is not drawn; hovering the item still names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CHAR_WIDTH_EM = 0.62
"""A generous average glyph width of the chart font (DejaVu Sans), in ems, so that an
estimate is never narrower than the drawn text."""


def text_width_px(text: str, font_size_pt: float, dpi: float) -> float:
    return len(text) * CHAR_WIDTH_EM * font_size_pt * dpi / 72.0


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Candidate:
    left: float
    width: float
    priority: float
    """Higher is placed first."""
    tiers: tuple[int, ...] | None = None
    """The tiers this label may take, in order of preference (default: every tier)."""


def place_labels(candidates: Sequence[Candidate], tiers: int, *, gap: float = 6.0,
                 obstacles: Sequence[Sequence[tuple[float, float]]] = ()) -> dict[int, int]:
    """Candidate index -> tier for the labels that fit; the others are left out."""
    taken: list[list[tuple[float, float]]] = [
        list(obstacles[t]) if t < len(obstacles) else [] for t in range(tiers)]
    order = sorted(range(len(candidates)), key=lambda n: (-candidates[n].priority,
                                                          candidates[n].left, n))
    placed: dict[int, int] = {}
    for n in order:
        c = candidates[n]
        low, high = c.left - gap / 2, c.left + c.width + gap / 2
        for tier in c.tiers if c.tiers is not None else range(tiers):
            if not 0 <= tier < tiers:
                continue
            if all(high <= a or low >= b for a, b in taken[tier]):
                taken[tier].append((low, high))
                placed[n] = tier
                break
    return placed
