"""Charts as files (PNG, SVG, PDF), without a window: the ``timeline`` command and the
window's Export both come here. The format is the file name's suffix; the file is written
whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerdesk.domain.errors import CareerdeskError
from careerdesk.interchange.atomic import write_atomically
from careerdesk.reports.periods import PeriodPreset, resolve_period
from careerdesk.reports.reading import Rows
from careerdesk.reports.timeline_data import TimelineData, TimelineFilter, load_timeline_data

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from sqlalchemy.orm import Session

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
PNG_DPI = 150


class ChartRefused(CareerdeskError):
    """The chart cannot be written as asked (an unknown format, an empty period)."""


def chart_format(path: Path) -> str:
    """``png``, ``svg`` or ``pdf`` from the file name; any other suffix is refused."""
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        shown = path.suffix or "no suffix"
        raise ChartRefused(f"{path}: cannot write a chart as {shown}; "
                           "name the file .png, .svg or .pdf")
    return found


def save_figure(fig: Figure, path: Path) -> None:
    """Writes the figure in the format its suffix names, atomically."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    kind = chart_format(path)
    if fig.canvas is None or not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    # The date stamp is left out of SVG and PDF so that the same chart gives the same bytes.
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(kind)
    # A light PNG compression: a fifth faster to write, a tenth larger.
    extra: dict[str, Any] = {"pil_kwargs": {"compress_level": 1}} if kind == "png" else {}
    write_atomically(path, lambda out: fig.savefig(out, format=kind, dpi=PNG_DPI,
                                                   metadata=metadata, facecolor="white",
                                                   **extra))


def timeline_figure(data: TimelineData) -> Figure:
    from matplotlib.figure import Figure

    from careerdesk.reports.timeline import draw_timeline, suggested_size

    fig = Figure(figsize=suggested_size(data), dpi=PNG_DPI)
    draw_timeline(fig, data)
    return fig


def export_timeline(source: Session | Rows, path: Path, *, start: date | None = None,
                    end: date | None = None, today: date | None = None,
                    filter: TimelineFilter | None = None,
                    before_writing: Callable[[], None] | None = None) -> TimelineData:
    """The timeline of ``start``..``end`` (default: the 12 months up to today) as a file,
    read from ``source`` (a session, or a connection of its own: see ``reading``).

    ``before_writing`` runs once the chart is drawn, before the file is touched: a check
    that may still refuse (it raises) without leaving a file behind.
    """
    chart_format(path)  # refuse a bad name before any work
    today = today or date.today()
    if start and end and end < start:
        raise ChartRefused(f"--to {end} is before --from {start}")
    preset = PeriodPreset.LAST_12_MONTHS if start is None and end is None else PeriodPreset.CUSTOM
    period = resolve_period(source, preset, today, start=start, end=end)
    data = load_timeline_data(source, period, today=today, filter=filter)
    fig = timeline_figure(data)
    if before_writing is not None:
        before_writing()
    save_figure(fig, path)
    return data
