"""Measures the Journal and Growth pages on a large journal, offscreen.

    python bench/journal_growth.py --data-dir DIR [--runs 3]

DIR is a journal's data folder: use a copy (the pages open the journal as the window
does). Prints, in milliseconds, the median of the runs: the Journal page opening (built,
shown, the newest entry selected, the calendar marked) and scrolling to its last entry;
the calendar marking the entry days of a month; the skills portfolio query; the Growth
page's skills portfolio opening; a word search over the entries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from measure import median_of


def median_ms(runs: int, work: Callable[[], object]) -> float:
    return median_of(runs, work) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from careerdesk.store import journal_list
    from careerdesk.store import skills as skill_store
    from careerdesk.store.database import open_journal
    from careerdesk.ui import theme
    from careerdesk.ui.pages.growth import GrowthPage
    from careerdesk.ui.pages.journal import JournalPage

    app = QApplication([])
    theme.apply_theme(app)
    journal = open_journal(args.data_dir)
    stack = QUndoStack()

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    with journal.sessions() as session:
        print(f"journal entries: {journal_list.entry_count(session):,}")

    pages: list[JournalPage] = []

    def open_journal_page() -> None:
        page = JournalPage(journal, stack)
        page.resize(1280, 760)
        page.show()
        page.ready()
        page.repaint()
        settle()
        pages.append(page)

    print(f"journal page open: {median_ms(args.runs, open_journal_page):.0f} ms")
    page = pages[-1]

    def scroll_to_end() -> None:
        page.list.scrollToTop()
        settle()
        page.list.scrollToBottom()
        page.list.viewport().repaint()
        settle()

    print(f"scroll to the last entry: {median_ms(args.runs, scroll_to_end):.0f} ms "
          f"({page.model.cached_lines} lines held of {page.model.rowCount():,})")
    months = iter([(2010 + i % 15, 1 + i % 12) for i in range(args.runs * 5)])

    def mark_a_month() -> None:
        year, month = next(months)
        page.calendar.blockSignals(True)
        page.calendar.setCurrentPage(year, month)
        page.calendar.blockSignals(False)
        page.mark_days()
        page.calendar.repaint()

    print(f"calendar marks a month: {median_ms(args.runs * 5, mark_a_month):.1f} ms")

    def search() -> None:
        page.search.setText("budget review")
        page.apply_filter()
        page.repaint()
        page.clear_filter()

    print(f"word search and back: {median_ms(args.runs, search):.0f} ms")

    def portfolio() -> None:
        with journal.sessions() as session:
            skill_store.portfolio(session, date.today())

    print(f"skills portfolio query: {median_ms(args.runs, portfolio):.1f} ms")
    growth: list[GrowthPage] = []

    def open_skills() -> None:
        page = GrowthPage(journal, stack)
        page.resize(1280, 760)
        page.show()
        page.ready()
        settle()
        start = time.perf_counter()
        page.tabs.setCurrentIndex(page.SKILLS)
        page.skills.table.repaint()
        settle()
        growth.append(page)
        timings.append((time.perf_counter() - start) * 1000)

    timings: list[float] = []
    for _ in range(args.runs):
        open_skills()
    print(f"growth: skills portfolio opens: {statistics.median(timings):.0f} ms "
          f"({growth[-1].skills.model.rowCount()} skills)")
    journal.close()


if __name__ == "__main__":
    main()
