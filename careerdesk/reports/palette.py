"""The colours that carry meaning in the charts, one place for every chart and page.

Achievement kinds, window kinds and stances use the same hues as the window's marks
(``ui/widgets/marks.py``, ``ui/window_kinds.py``, ``ui/widgets/stance.py``, light scheme:
charts are drawn on white, like paper), so a colour means the same in a chart as on a
page. Colour never stands alone: every chart also names or shapes what it colours.
"""

from __future__ import annotations

from careerdesk.domain.enums import AchievementKind, CycleEventKind, PlanStatus, Stance
from careerdesk.planner.rules import WindowKind

ACHIEVEMENT_KIND: dict[AchievementKind, str] = {
    AchievementKind.QUANTIFIED: "#2f6fb3",
    AchievementKind.STORY: "#7a5bb5",
    AchievementKind.INVISIBLE: "#3d8a6a",
}
HIGHLIGHT = "#c98a00"

WINDOW_KIND: dict[WindowKind, str] = {  # the light scheme's colours of ui/window_kinds.py
    WindowKind.ASK: "#6D4BC3",
    WindowKind.BUILD_CASE: "#1C7F86",
    WindowKind.PRE_REVIEW: "#2F6DB5",
    WindowKind.SPONSOR: "#2E8B57",
    WindowKind.LEVERAGE_WIN: "#A8437A",
    WindowKind.NETWORK: "#56657F",
}

# An event takes the colour of the window it opens, so a band and its event match.
CYCLE_EVENT_KIND: dict[CycleEventKind, str] = {
    CycleEventKind.PERFORMANCE_REVIEW: WINDOW_KIND[WindowKind.PRE_REVIEW],
    CycleEventKind.MID_YEAR_REVIEW: "#6F95C9",
    CycleEventKind.BUDGET_PLANNING: WINDOW_KIND[WindowKind.ASK],
    CycleEventKind.COMPENSATION_REVIEW: "#8E6FD6",
    CycleEventKind.PROMOTION_COMMITTEE: WINDOW_KIND[WindowKind.SPONSOR],
    CycleEventKind.HEADCOUNT_PLANNING: "#9A7B3C",
    CycleEventKind.FISCAL_YEAR_END: "#6B7280",
    CycleEventKind.MILESTONE: WINDOW_KIND[WindowKind.LEVERAGE_WIN],
    CycleEventKind.OTHER: "#8A94A3",
}

# From the strongest ally to the firmest opponent: green through grey to red (the light
# scheme's colours of ui/widgets/stance.py).
STANCE: dict[Stance, str] = {
    Stance.CHAMPION: "#1E7F4F",
    Stance.SUPPORTER: "#5E9E3A",
    Stance.NEUTRAL: "#7F8896",
    Stance.SKEPTIC: "#B45309",
    Stance.BLOCKER: "#B3261E",
    Stance.UNKNOWN: "#A3AAB5",
}

OUTCOME: dict[PlanStatus, str] = {
    PlanStatus.WON: "#1e7f4f",
    PlanStatus.PARTIAL: "#c98a00",
    PlanStatus.DEFERRED: "#6b7280",
    PlanStatus.DECLINED: "#b3261e",
}

INTERACTION = "#4d5563"
EXPERIENCE = "#3d8a6a"
PAY_BASE = "#2f6db5"
PAY_TOTAL = "#7a5bb5"
TODAY = "#b3261e"
TEXT = "#1d2330"
SECONDARY_TEXT = "#5b6473"
GRID = "#d9dee5"
LANE_SHADE = "#f3f5f8"
