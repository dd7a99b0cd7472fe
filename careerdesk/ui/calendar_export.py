"""Export Calendar…: the organisation's calendar, the negotiation windows and the open
follow-ups as an .ics file, for the user's own calendar app.

Shared by the Planner page and the main window's File menu. ``ask_path`` is a plain
function so a test can replace it instead of answering a file dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from careerdesk import services
from careerdesk.domain.errors import CareerdeskError
from careerdesk.store.database import Journal
from careerdesk.ui import clock

if TYPE_CHECKING:  # the module imports icalendar, which is slow: only the export needs it
    from careerdesk.interchange.ics import CalendarCounts


def tr(text: str) -> str:
    return QCoreApplication.translate("CalendarExport", text)


def ask_path(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, tr("Export Calendar"), str(suggested),
                                          tr("Calendar files (*.ics)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".ics")


def export_calendar(parent: QWidget | None, journal: Journal,
                    folder: Path | None = None) -> tuple[Path, CalendarCounts] | str | None:
    """Asks where, then writes the calendar. Returns the file and its counts, a sentence
    saying why it could not be written, or None when the user cancelled."""
    today = clock.today()
    suggested = (folder or Path.home()) / f"careerdesk-calendar-{today.isoformat()}.ics"
    path = ask_path(parent, suggested)
    if path is None:
        return None
    try:
        counts = services.export_calendar(journal, path, today)
    except (CareerdeskError, OSError) as error:
        return tr("The calendar could not be written to %1: %2").replace("%1", str(path)) \
            .replace("%2", str(error))
    return path, counts


def done_text(path: Path, counts: CalendarCounts) -> str:
    return (tr("Exported %1 calendar events to %2 (%3 dates, %4 windows, %5 follow-ups).")
            .replace("%1", str(counts.total)).replace("%2", path.name)
            .replace("%3", str(counts.cycle_events)).replace("%4", str(counts.windows))
            .replace("%5", str(counts.follow_ups)))
