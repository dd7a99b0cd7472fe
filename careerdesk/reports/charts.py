"""The other charts: pay and level over time with the negotiations' outcomes, and the
stakeholder map (influence against stance). Drawn on a matplotlib ``Figure``, like the
timeline; matplotlib is imported inside the functions.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from careerdesk.domain.enums import PlanStatus, Stance
from careerdesk.planner.words import day
from careerdesk.reports import palette
from careerdesk.reports.charts_data import PayHistory, StakeholderMap
from careerdesk.reports.labels import Candidate, place_labels, shorten, text_width_px
from careerdesk.reports.timeline import TimelineItem

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FONT = 8.0
OUTCOME_MARKER = {PlanStatus.WON: "^", PlanStatus.PARTIAL: "D", PlanStatus.DEFERRED: "o",
                  PlanStatus.DECLINED: "v"}
STANCE_ORDER = (Stance.CHAMPION, Stance.SUPPORTER, Stance.NEUTRAL, Stance.SKEPTIC, Stance.BLOCKER,
                Stance.UNKNOWN)
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass
class ChartDrawing:
    """What was drawn where, for hovering and clicking (see ``timeline.item_at``)."""

    axes: Axes
    items: list[TimelineItem] = field(default_factory=list)

    def item_at(self, x: float, y: float, tolerance: float = 6.0) -> TimelineItem | None:
        from careerdesk.reports.timeline import item_at

        return item_at(self, x, y, tolerance)


def _empty(fig: Figure, text: str) -> ChartDrawing:
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=FONT + 2, color=palette.SECONDARY_TEXT,
            transform=ax.transAxes)
    return ChartDrawing(ax)


def _style(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(palette.GRID)
    ax.tick_params(labelsize=FONT, colors=palette.SECONDARY_TEXT, length=3)
    ax.grid(color=palette.GRID, linewidth=0.6)
    ax.set_axisbelow(True)


def _x(value: date) -> float:
    """A date as matplotlib's date number (days since its epoch)."""
    from careerdesk.reports.timeline import date_number

    return date_number(value)


def _money(value: float, currency: str | None) -> str:
    text = f"{value:,.0f}"
    return f"{text} {currency}" if currency else text


# -- pay and level ---------------------------------------------------------------------------

def draw_pay_history(fig: Figure, history: PayHistory, *, today: date | None = None
                     ) -> ChartDrawing:
    """Base pay and base plus bonus as steps; each change of title or level named; the
    negotiations' outcomes marked on their day by shape and colour, with the plan's title."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    fig.clear()
    fig.set_facecolor("white")
    points = [p for p in history.points if p.base is not None]
    if not points:
        return _empty(fig, "No pay records yet: add one on the Negotiations page to see your "
                           "pay over time.")
    today = today or date.today()
    width_in, height_in = fig.get_size_inches()
    ax = fig.add_axes((0.9 / width_in, 0.85 / height_in, 1 - 1.2 / width_in,
                       1 - 1.45 / height_in))
    _style(ax)
    currency = history.currency
    first = min([points[0].date, *(o.date for o in history.outcomes)])
    last = max([today, points[-1].date, *(o.date for o in history.outcomes)])
    pad = max((last - first).days * 0.03, 10)
    x0, x1 = _x(first - timedelta(days=pad)), _x(last + timedelta(days=pad))
    xs = [_x(p.date) for p in points] + [_x(last)]
    base = [float(p.base or 0) for p in points]
    total = [float((p.base or 0) + (p.bonus or 0)) for p in points]
    ax.step(xs, [*base, base[-1]], where="post", color=palette.PAY_BASE, linewidth=2, zorder=3)
    has_bonus = any(p.bonus for p in points)
    if has_bonus:
        ax.step(xs, [*total, total[-1]], where="post", color=palette.PAY_TOTAL, linewidth=1.3,
                linestyle=(0, (4, 2)), zorder=3)
        ax.fill_between(xs, [*base, base[-1]], [*total, total[-1]], step="post",
                        color=palette.PAY_TOTAL, alpha=0.08, linewidth=0)
    ax.scatter(xs[:-1], base, s=18, c=palette.PAY_BASE, zorder=4)
    ax.set_xlim(x0, x1)
    low, high = min(base), max(total if has_bonus else base)
    span = max(high - low, high * 0.05, 1.0)
    ax.set_ylim(low - span * 0.3, high + span * 0.35)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v / 1000:,.0f}k"))
    ax.set_ylabel(f"Pay{f' ({currency})' if currency else ''}", fontsize=FONT,
                  color=palette.SECONDARY_TEXT)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]

    drawing = ChartDrawing(ax)
    # Title and level changes: named above the step, thinned so that they never collide.
    axes_px = ax.get_position().width * width_in * fig.dpi
    px_per_unit = axes_px / (x1 - x0)
    changes, cands = [], []
    previous = None
    for p, x, y in zip(points, xs, base, strict=False):
        label = ", ".join(v for v in (p.title, p.level) if v)
        if label and (previous is None or (p.title, p.level) != previous):
            text = shorten(label, 30)
            width = text_width_px(text, FONT, fig.dpi)
            left = min((x - x0) * px_per_unit - 4, axes_px - width - 2)
            changes.append((x, y, text, left))
            cands.append(Candidate(left, width, p.date.toordinal()))
        previous = (p.title, p.level)
        drawing.items.append(TimelineItem(
            "compensation", p.uid, f"{label or 'Pay'}: {_money(p.base or 0, p.currency)}"
            + (f" + bonus {_money(p.bonus, p.currency)}" if p.bonus else ""), day(p.date),
            x, x, y, y, p.date, p.date, point=True))
    placed = place_labels(cands, 3, gap=10)
    ymin, ymax = ax.get_ylim()
    for n, tier in placed.items():
        x, y, text, left = changes[n]
        label_y = ymax - (ymax - ymin) * (0.07 + 0.065 * tier)
        ax.plot([x, x], [y, label_y], color=palette.GRID, linewidth=0.7, zorder=1)
        ax.text(x0 + (left + 4) / px_per_unit, label_y, text, fontsize=FONT, ha="left", va="bottom",
                color=palette.TEXT, fontweight="bold")

    # Outcomes: a marker on the base line at the day, named below the axis top.
    marker_y = ymin + (ymax - ymin) * 0.05
    for outcome in history.outcomes:
        x = _x(outcome.date)
        colour = palette.OUTCOME[outcome.status]
        ax.axvline(x, color=colour, linewidth=0.9, alpha=0.5, linestyle=(0, (2, 2)), zorder=2)
        ax.scatter([x], [marker_y], marker=OUTCOME_MARKER[outcome.status], s=60, c=colour,
                   zorder=5, edgecolors="white", linewidths=0.8)
        what = f"{outcome.title}: {outcome.status.label.lower()}"
        if outcome.granted:
            what += f" ({outcome.granted})"
        drawing.items.append(TimelineItem("plan", outcome.uid, what, day(outcome.date), x, x,
                                          marker_y, marker_y, outcome.date, outcome.date, point=True))
    outcome_cands = []
    for outcome in history.outcomes:
        text = shorten(outcome.title, 28)
        width = text_width_px(text, FONT - 1, fig.dpi)
        left = min((_x(outcome.date) - x0) * px_per_unit + 6,
                   axes_px - width - 2)
        outcome_cands.append(Candidate(left, width, outcome.date.toordinal()))
    for n, tier in place_labels(outcome_cands, 2, gap=10).items():
        outcome = history.outcomes[n]
        ax.text(x0 + outcome_cands[n].left / px_per_unit,
                marker_y + (ymax - ymin) * (0.045 + 0.05 * tier), shorten(outcome.title, 28),
                fontsize=FONT - 1, ha="left", va="center", color=palette.OUTCOME[outcome.status])
    if today <= last:
        ax.axvline(_x(today), color=palette.TODAY, linewidth=1,
                   linestyle=(0, (4, 3)), zorder=2)
    handles: list[Any] = [Line2D([], [], color=palette.PAY_BASE, linewidth=2, label="Base")]
    if has_bonus:
        handles.append(Line2D([], [], color=palette.PAY_TOTAL, linewidth=1.3,
                              linestyle=(0, (4, 2)), label="Base + bonus"))
    for status in sorted({o.status for o in history.outcomes}, key=list(PlanStatus).index):
        handles.append(Line2D([], [], linestyle="none", marker=OUTCOME_MARKER[status],
                              color=palette.OUTCOME[status], markersize=7,
                              label=f"Negotiation {status.label.lower()}"))
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.9 / width_in, 0.02),
               ncol=len(handles), fontsize=FONT, frameon=False)
    fig.text(0.9 / width_in, 1 - 0.15 / height_in, "Pay and level over time", ha="left", va="top",
             fontsize=FONT + 3, fontweight="bold", color=palette.TEXT)
    return drawing


# -- the stakeholder map -----------------------------------------------------------------------

def spread(count: int, radius: float = 0.3) -> list[tuple[float, float]]:
    """Offsets for ``count`` points sharing one spot: a sunflower spiral, the same every time."""
    if count <= 1:
        return [(0.0, 0.0)] * count
    return [(radius * math.sqrt((k + 0.5) / count) * math.cos(k * GOLDEN_ANGLE),
             radius * math.sqrt((k + 0.5) / count) * math.sin(k * GOLDEN_ANGLE))
            for k in range(count)]


def draw_stakeholder_map(fig: Figure, people: StakeholderMap) -> ChartDrawing:
    """Influence (up) against stance (champion on the left to blocker on the right), each
    person a dot sized by the strength of the relationship, coloured by stance, named."""
    from matplotlib.lines import Line2D

    fig.clear()
    fig.set_facecolor("white")
    if not people.people:
        return _empty(fig, "No people to map yet: give the people on the People page a "
                           "stance and an influence.")
    width_in, height_in = fig.get_size_inches()
    ax = fig.add_axes((1.0 / width_in, 0.95 / height_in, 1 - 1.3 / width_in, 1 - 1.75 / height_in))
    _style(ax)
    ax.grid(False)
    ax.set_xlim(-0.6, len(STANCE_ORDER) - 0.4)
    ax.set_ylim(-0.6, 5.6)
    ax.set_xticks(range(len(STANCE_ORDER)), [s.label for s in STANCE_ORDER])
    ax.set_yticks(range(6), ["not known", "1", "2", "3", "4", "5 (most)"])
    ax.set_ylabel("Influence on the decision", fontsize=FONT, color=palette.SECONDARY_TEXT)
    ax.set_xlabel("Stance towards you", fontsize=FONT, color=palette.SECONDARY_TEXT)
    for column, stance in enumerate(STANCE_ORDER):
        ax.axvspan(column - 0.5, column + 0.5, color=palette.STANCE[stance], alpha=0.06, linewidth=0)
    ax.axvline(len(STANCE_ORDER) - 1.5, color=palette.GRID, linewidth=1, linestyle=(0, (3, 3)))
    ax.axhline(2.5, color=palette.GRID, linewidth=0.8)
    ax.text(-0.55, 2.58, "Powerful allies", fontsize=FONT, color=palette.STANCE[Stance.CHAMPION],
            ha="left", va="bottom", style="italic")
    ax.text(len(STANCE_ORDER) - 1.55, 2.58, "Powerful opponents: win them over", fontsize=FONT,
            color=palette.STANCE[Stance.BLOCKER], ha="right", va="bottom", style="italic")

    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for n, person in enumerate(people.people):
        cells[(STANCE_ORDER.index(person.stance), person.influence or 0)].append(n)
    xs, ys, sizes, colours, faces = [], [], [], [], []
    order: list[int] = []
    drawing = ChartDrawing(ax)
    for (cx, cy), members in sorted(cells.items()):
        radius = min(0.44, 0.13 * math.sqrt(len(members)))
        for (dx, dy), n in zip(spread(len(members), radius), members, strict=True):
            person = people.people[n]
            x, y = cx + dx, cy + dy * 1.1
            order.append(n)
            xs.append(x)
            ys.append(y)
            strength = person.relationship
            sizes.append(40 + 40 * (strength or 1))
            colours.append(palette.STANCE[person.stance])
            faces.append(palette.STANCE[person.stance] if strength else "white")
            detail = ", ".join(v for v in (person.title, f"influence {person.influence}"
                                           if person.influence else "influence not known",
                                           f"relationship {strength}/5" if strength else None) if v)
            drawing.items.append(TimelineItem("person", person.uid, f"{person.name} ({detail})",
                                              person.stance.label, x, x, y, y, date.min, date.min,
                                              point=True))
    # Names: right of the dot, else left of it, where they cover neither another name nor
    # another dot (in pixels); a name that fits nowhere is left to the hover.
    px_per_x = ax.get_position().width * width_in * fig.dpi / (len(STANCE_ORDER) + 0.2)
    px_per_y = ax.get_position().height * height_in * fig.dpi / 6.2
    height = FONT * fig.dpi / 72 * 1.25
    dots = []
    for x, y, size in zip(xs, ys, sizes, strict=True):
        r = math.sqrt(size) * fig.dpi / 72 / 2
        px, py = (x + 0.6) * px_per_x, (y + 0.6) * px_per_y
        dots.append((px - r, py - r, px + r, py + r))
    taken: list[tuple[float, float, float, float]] = []
    names: list[tuple[float, float, str, str]] = []
    by_weight = sorted(range(len(order)), key=lambda k: -(people.people[order[k]].influence or 0))
    for k in by_weight:
        person = people.people[order[k]]
        text = shorten(person.name, 22)
        width = text_width_px(text, FONT, fig.dpi)
        left_dot, bottom_dot, right_dot, top_dot = dots[k]
        py = (bottom_dot + top_dot) / 2
        cx = (left_dot + right_dot) / 2
        # Right of the dot, left of it, above it, below it: the first place that is free.
        places = ((right_dot + 3, py), (left_dot - 3 - width, py),
                  (cx - width / 2, top_dot + 2 + height / 2),
                  (cx - width / 2, bottom_dot - 2 - height / 2))
        others = [d for j, d in enumerate(dots) if j != k]
        for left, middle in places:
            box = (left, middle - height / 2, left + width, middle + height / 2)
            if box[0] < 0 or box[2] > (len(STANCE_ORDER) + 0.2) * px_per_x:
                continue  # the name would leave the chart
            if all(box[2] <= a or box[0] >= c or box[3] <= b or box[1] >= d
                   for a, b, c, d in [*taken, *others]):
                taken.append(box)
                names.append((xs[k] + (left + width / 2 - cx) / px_per_x,
                              ys[k] + (middle - py) / px_per_y, text, "center"))
                break
    ax.scatter(xs, ys, s=sizes, c=faces, edgecolors=colours, linewidths=1.6, zorder=3, alpha=0.9)
    for name_x, name_y, text, align in names:
        ax.text(name_x, name_y, text, fontsize=FONT, ha=align, va="center", color=palette.TEXT, zorder=4)
    heading = (f"Stakeholders of “{shorten(people.plan_title, 50)}”" if people.plan_title
               else "Stakeholder map")
    fig.text(1.0 / width_in, 1 - 0.15 / height_in, heading, ha="left", va="top",
             fontsize=FONT + 3, fontweight="bold", color=palette.TEXT)
    if people.left_out:
        fig.text(1 - 0.3 / width_in, 1 - 0.17 / height_in,
                 f"the {len(people.people)} who weigh most; {people.left_out:,} more not shown",
                 ha="right", va="top", fontsize=FONT, color=palette.SECONDARY_TEXT)
    handles = [Line2D([], [], linestyle="none", marker="o", markersize=s, color="#8a94a3",
                      markerfacecolor="#8a94a3", label=label)
               for s, label in ((5, "Weak relationship"), (9, "Strong relationship"))]
    handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7,
                          markerfacecolor="white", markeredgecolor="#8a94a3",
                          label="Relationship not rated"))
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(1.0 / width_in, 0.01),
               ncol=3, fontsize=FONT, frameon=False)
    return drawing
