"""Charts as files (PNG, SVG, PDF), without a window: the ``timeline`` command and the
window's Export both come here. The format is the file name's suffix; the file is written
whole or not at all.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from careerdesk.domain.errors import CareerdeskError
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
    write_whole(path, lambda out: fig.savefig(out, format=kind, dpi=PNG_DPI,
                                                   metadata=metadata, facecolor="white",
                                                   **extra))


def write_whole(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Writes the file beside ``path``, private, and renames it over ``path`` once complete,
    as ``interchange.atomic.write_atomically`` does for the exports.

    Not that function: it imports the interchange module for its error class, and with it
    the ORM, which is 0.3 s of the ``timeline`` command's 1.4 s; with this writer the
    command never loads SQLAlchemy.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ChartRefused(f"{path}: is a folder; give the name of the file to write")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ChartRefused(f"{path}: cannot be written ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, 0o600)  # a chart of the journal is as private as the journal
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


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
