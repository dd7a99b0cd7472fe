"""Printing the prep sheet through Qt: print, print preview, and PDF.

The sheet's HTML and chart come from the core (``careerdesk.reports.prep``); this module
only lays them out on paper. The document is paginated at the paper's printable size in
CSS pixels (96 per inch), so the sheet's table widths and the chart's size mean the same
on A4 and Letter, and the printed page is its true size at any printer resolution.

Letter paper for the United States and Canada, A4 everywhere else.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QDialog, QWidget

from careerdesk.reports.prep import PrintableSheet
from careerdesk.ui.widgets.sealed_document import SealedTextDocument

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

LETTER_TERRITORIES = frozenset({QLocale.Country.UnitedStates, QLocale.Country.Canada})
MARGINS_MM = QMarginsF(15, 12, 15, 12)
CSS_DPI = 96
PDF_DPI = 1200


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    territory = (locale or QLocale.system()).territory()
    return QPageSize(QPageSize.PageSizeId.Letter if territory in LETTER_TERRITORIES
                     else QPageSize.PageSizeId.A4)


def page_layout_for(locale: QLocale | None = None) -> QPageLayout:
    return QPageLayout(page_size_for(locale), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def sheet_document(sheet: PrintableSheet, layout: QPageLayout) -> QTextDocument:
    """The sheet as a QTextDocument paginated for ``layout``'s printable area."""
    document = SealedTextDocument()
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, sheet.title)
    document.setDocumentMargin(0)
    image = QImage.fromData(sheet.chart_png)
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(sheet.chart_name), image)
    document.setHtml(sheet.html)
    area = layout.paintRect(QPageLayout.Unit.Inch)
    document.setPageSize(QSizeF(area.width() * CSS_DPI, area.height() * CSS_DPI))
    _fit_pages(document, sheet.chart_name)
    return document


MAX_PAGES = 2
SMALLEST_CHART = 0.6
"""The chart may shrink to this share of its size to keep the sheet on two pages."""


def _fit_pages(document: QTextDocument, chart_name: str) -> None:
    """Shrinks the chart, a step at a time, while the sheet runs over two pages.

    The chart comes last, so a long plan pushes it (or only its heading) onto a third
    page; a slightly smaller chart on page two reads better than a page of its own.
    """
    found = _image_fragment(document, chart_name)
    if found is None:
        return
    position, length, image = found
    width, height = image.width(), image.height()
    scale = 1.0
    while document.pageCount() > MAX_PAGES and scale > SMALLEST_CHART:
        scale = max(round(scale - 0.05, 2), SMALLEST_CHART)
        image.setWidth(width * scale)
        image.setHeight(height * scale)
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image)


def _image_fragment(document: QTextDocument, name: str) -> tuple[int, int, QTextImageFormat] | None:
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                if image.name() == name:
                    return fragment.position(), fragment.length(), image
            iterator += 1
        block = block.next()
    return None


def print_document(document: QTextDocument, device: QPagedPaintDevice) -> None:
    document.print_(device)


def write_pdf(sheet: PrintableSheet, path: Path, locale: QLocale | None = None) -> int:
    """Writes the sheet as a PDF with its title set; returns the number of pages."""
    layout = page_layout_for(locale)
    document = sheet_document(sheet, layout)
    # QPdfWriter says nothing when it cannot write the file: find out first, in words.
    with open(path, "ab"):
        pass
    writer = QPdfWriter(str(path))
    writer.setTitle(sheet.title)
    writer.setCreator("careerdesk")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(layout)
    print_document(document, writer)
    del writer  # the file is finished when the writer goes
    if path.stat().st_size == 0:
        raise OSError(errno.EIO, "the PDF could not be written", str(path))
    return document.pageCount()


def ensure_gui_application() -> QCoreApplication:
    """A QGuiApplication for laying out text without a window (the command line).

    Without a display (no DISPLAY or WAYLAND_DISPLAY on Linux) Qt is told to use its
    offscreen platform, which needs none.
    """
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    headless = (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
                and not os.environ.get("WAYLAND_DISPLAY"))
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["careerdesk"])


# ---------------------------------------------------------------- from the window


def _printer(sheet: PrintableSheet) -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout_for())
    printer.setDocName(sheet.title)
    return printer


def print_with_dialog(sheet: PrintableSheet, parent: QWidget | None = None) -> bool:
    """The system's print dialog; prints when the user confirms. Returns whether it printed."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = _printer(sheet)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "Print the prep sheet"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_document(sheet_document(sheet, printer.pageLayout()), printer)
    return True


def preview_dialog(sheet: PrintableSheet, parent: QWidget | None = None) -> QDialog:
    """A print preview of the sheet (not yet shown: the caller opens it)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = _printer(sheet)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(sheet.title)
    dialog.paintRequested.connect(
        lambda device: print_document(sheet_document(sheet, device.pageLayout()), device))
    return dialog
