"""The prep sheet's chart of the period, as a sharp PNG for the printed page.

When the timeline chart (``careerdesk.reports.timeline``, ``draw_timeline(fig, data,
period)``) is installed, the sheet shows that chart for its period, so the page and the
Timeline page draw the same picture. Without it, ``draw_evidence_chart`` draws a simpler
chart of its own from the plan: the evidence on its dates, the planner's windows as bands,
and the meeting day. ``chart_source()`` says which one is used; nothing is drawn blank.

matplotlib is imported here, when a sheet is printed, never at start-up; the Agg backend
is used through ``Figure`` directly (no pyplot), so no window system is touched.
"""

from __future__ import annotations

import importlib.util
import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from careerdesk.planner import words
from careerdesk.reports.prep_data import CHART_HEIGHT_PX, CONTENT_WIDTH_PX, PrepSheetData
from careerdesk.reports.reading import Rows

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from sqlalchemy.orm import Session

CHART_DPI = 300
"""Pixels per inch at the printed size: well above the 200 a printer needs to look sharp."""
CSS_DPI = 96

TIMELINE_MODULE = "careerdesk.reports.timeline"
MEETING_COLOUR = "#b42318"


def chart_source() -> Literal["timeline", "evidence"]:
    """``timeline`` when the timeline chart's module is installed, else ``evidence``."""
    return "timeline" if importlib.util.find_spec(TIMELINE_MODULE) is not None else "evidence"


def chart_size_inches() -> tuple[float, float]:
    return CONTENT_WIDTH_PX / CSS_DPI, CHART_HEIGHT_PX / CSS_DPI


def _figure() -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=chart_size_inches(), dpi=CHART_DPI)


def _png(fig: Figure, dpi: float = CHART_DPI) -> bytes:
    """The figure as PNG at ``dpi``, cut to what is drawn (a small margin kept).

    One draw, then a crop of the pixels: ``savefig(bbox_inches="tight")`` would draw the
    whole figure twice, which is a good part of the command's time.
    """
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(dpi)
    fig.set_facecolor("white")
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    height = pixels.shape[0]
    box = fig.get_tightbbox(canvas.get_renderer())  # type: ignore[no-untyped-call]
    pad = 0.04 * dpi
    left = max(int(box.x0 * dpi - pad), 0)
    right = min(int(box.x1 * dpi + pad) + 1, pixels.shape[1])
    top = max(int(height - box.y1 * dpi - pad), 0)  # matplotlib counts up from the bottom
    bottom = min(int(height - box.y0 * dpi + pad) + 1, height)
    picture = Image.fromarray(pixels[top:bottom, left:right, :3])
    buffer = io.BytesIO()
    # Fast compression: the picture is read once, by the PDF writer, which compresses it again.
    picture.save(buffer, format="PNG", compress_level=1, dpi=(dpi, dpi))
    return buffer.getvalue()


@dataclass(frozen=True)
class ChartImage:
    png: bytes
    width_px: int
    """The printed size in CSS pixels (96 per inch); the PNG has CHART_DPI per inch of it."""
    height_px: int
    source: Literal["timeline", "evidence"]


TIMELINE_LANES = ("achievements", "calendar", "windows", "pay")
"""The Timeline page's lanes that speak to a negotiation: wins, the calendar, windows, pay."""
TIMELINE_DRAW_WIDTH_INCHES = 11.0
"""The Timeline page's chart is laid out for a wide window: it is drawn this wide and
printed scaled down to the text width, which keeps its labels from being cut off."""
MAX_TIMELINE_INCHES = 4.0


def chart_image(journal: Session | Rows, data: PrepSheetData) -> ChartImage:
    """The chart of ``data``'s period, sized for the sheet's text width, read from
    ``journal`` (a session, or a DB-API connection: see ``careerdesk.reports.reading``)."""
    width, _ = chart_size_inches()
    source = chart_source()
    fig = _figure()
    if source == "timeline":
        drawn_width, _ = _draw_with_timeline(fig, journal, data)
        png = _png(fig, dpi=CHART_DPI * width / drawn_width)  # printed scaled to the text width
    else:
        draw_evidence_chart(fig, data)
        png = _png(fig)
    # The margins matplotlib leaves are cut away, so the printed height follows the picture.
    pixels_wide, pixels_high = png_size(png)
    return ChartImage(png=png, width_px=round(width * CSS_DPI),
                      height_px=round(width * CSS_DPI * pixels_high / pixels_wide), source=source)


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels, from its header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _draw_with_timeline(fig: Figure, journal: Session | Rows,
                        data: PrepSheetData) -> tuple[float, float]:
    """Draws the Timeline page's chart of the sheet's period; returns the figure's inches."""
    timeline = importlib.import_module(TIMELINE_MODULE)
    from careerdesk.reports.periods import Period
    from careerdesk.reports.timeline_data import Lane, TimelineFilter, load_timeline_data

    period = Period(data.period_start, data.period_end)
    lanes = frozenset(Lane(name) for name in TIMELINE_LANES)
    timeline_data = load_timeline_data(journal, period, today=data.today,
                                       filter=TimelineFilter(lanes=lanes))
    width = TIMELINE_DRAW_WIDTH_INCHES
    _, height = timeline.suggested_size(timeline_data, width)
    height = min(float(height), MAX_TIMELINE_INCHES)
    fig.set_size_inches(width, height)
    drawing = timeline.draw_timeline(fig, timeline_data, title="")
    meeting = data.plan.meeting_date
    if meeting is not None and period.contains(meeting):
        # The sheet is about this day: marked over the Timeline page's own drawing, its
        # label raised above the chart's "Today" so the two never collide.
        x = timeline.date_number(meeting) + 0.5
        drawing.axes.axvline(x, color=MEETING_COLOUR, linewidth=1.2, zorder=6)
        drawing.axes.annotate(f"Meeting {words.day(meeting)}", xy=(x, 0), xytext=(3, 11),
                              textcoords="offset points", ha="left", va="bottom",
                              color=MEETING_COLOUR, fontsize=8, fontweight="bold",
                              annotation_clip=False)
    return width, height


def draw_evidence_chart(fig: Figure, data: PrepSheetData) -> None:
    """The plan's own chart: evidence numbered as on the sheet, windows, today, the meeting."""
    from matplotlib import dates as mdates

    def x_of(day: date) -> float:
        return float(mdates.date2num(day))  # type: ignore[no-untyped-call]

    ax = fig.add_axes((0.02, 0.16, 0.96, 0.82))
    start, end = data.period_start, data.period_end
    ax.set_xlim(x_of(start), x_of(end))
    ax.set_ylim(0.15, 2.75)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color("#8c959f")
    ax.tick_params(axis="x", labelsize=6.5, colors="#4b535c", length=2)
    ax.xaxis.set_major_locator(mdates.MonthLocator())  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %y"))  # type: ignore[no-untyped-call]

    # Windows: one thin band per row under the evidence, named on the side with room.
    shown = [w for w in data.windows if w.end >= start and w.start <= end][:5]
    middle = (x_of(start) + x_of(end)) / 2
    for row, window in enumerate(shown):
        y = 0.95 - row * 0.2
        left, right = x_of(max(window.start, start)), x_of(min(window.end, end)) + 1
        ax.fill_between([left, right], y - 0.07, y + 0.07, color="#b6d4ea", lw=0)
        on_left = left > middle
        ax.text(left - 3 if on_left else right + 3, y,
                f"{window.kind.label}, {words.day_range(window.start, window.end)}",
                fontsize=5.6, color="#2f5f86", va="center", ha="right" if on_left else "left")

    # Evidence: a numbered marker per achievement on its date, stacked so numbers stay apart.
    placed: list[tuple[float, float]] = []
    for number, achievement in enumerate(data.evidence, 1):
        if not start <= achievement.date <= end:
            continue
        x, y = x_of(achievement.date), 1.6
        while any(abs(x - px) < 9 and abs(y - py) < 0.3 for px, py in placed):
            y += 0.38
        placed.append((x, y))
        colour = "#2f6f9f" if achievement.highlight else "#7f9bb3"
        ax.plot([x, x], [1.3, y], color="#c9d1d9", lw=0.6)
        ax.plot(x, y, marker="o", ms=9, color=colour, mec="white", mew=0.8)
        ax.text(x, y, str(number), fontsize=5.8, color="white", ha="center", va="center",
                fontweight="bold")
    ax.text(x_of(start), 2.6, " Evidence, numbered as in the list", fontsize=5.6,
            color="#5c6670", va="center", ha="left")

    marks = ((data.today, "today", "#8c959f", 1.25, "--"),
             (data.plan.meeting_date, "meeting", "#b42318", 2.72, "-"))
    for day, label, colour, y, style in marks:
        if day is not None and start <= day <= end:
            ax.axvline(x_of(day), color=colour, lw=0.9, ls=style)
            ax.text(x_of(day), y, f"{label} {words.day(day)} ", fontsize=5.8, color=colour,
                    va="top", ha="right",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6})
    if not data.evidence and not data.windows:
        ax.text(0.5, 0.5, "No evidence or windows in this period", transform=ax.transAxes,
                ha="center", va="center", fontsize=7, color="#5c6670")
