"""Printing, saving and viewing the PDF documents from the window.

The documents are built as PDF bytes (``beschut_desktop.documents``); here Qt puts them on
paper. The preview and the printer get the same pages: QtPdf renders each PDF page to an image
on a white background and paints it onto the ``QPrinter``, so what the consultant saves is
what they print. ``render_pdf_to_printer`` is the core without any dialog, so that tests can
print to a PDF file through ``QPrinter``.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from beschut_desktop.atomic_file import write_atomically
from beschut_desktop.errors import UserError
from beschut_desktop.ui import file_dialogs, widgets

# Pages are rendered to images at no more than this resolution: sharp on paper, and an A4
# page stays around 35 MB of memory even when the printer reports 1200 dpi.
MAX_RENDER_DPI = 300
# Copies opened in the PDF viewer are removed after a day (they hold personal data).
VIEWER_COPY_MAX_AGE_S = 24 * 3600


class PdfNotReadable(UserError):
    """The bytes are not a PDF QtPdf can read (a bug upstream, but said in Dutch)."""


def _load(pdf_bytes: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes; the buffer must live as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf_bytes))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PdfNotReadable("Het document kon niet worden voorbereid om af te drukken.")
    return document, buffer


def prepare_printer(printer: QPrinter, title: str) -> None:
    """A4 portrait, the whole sheet: our PDF pages carry their own margins."""
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def render_pdf_to_printer(pdf_bytes: bytes, printer: QPrinter) -> int:
    """Paint every page of the PDF onto the printer (or a preview's printer); returns the
    number of pages painted. Each page is scaled to fit the sheet, centred, on white."""
    document, _buffer = _load(pdf_bytes)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(
            "De printer kon niet worden gestart. Controleer de printer en probeer het opnieuw."
        )
    try:
        dpi = printer.resolution()
        sheet = (
            printer.pageLayout().fullRectPixels(dpi)
            if printer.fullPage()
            else printer.pageLayout().paintRectPixels(dpi)
        )
        area = QRect(0, 0, sheet.width(), sheet.height())
        render_dpi = min(dpi, MAX_RENDER_DPI)
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)  # 1 point = 1/72 inch
            size = QSize(
                round(points.width() / 72 * render_dpi), round(points.height() / 72 * render_dpi)
            )
            image = document.render(index, size)
            target = _fit(area, points.width(), points.height())
            painter.fillRect(target, Qt.GlobalColor.white)
            painter.drawImage(target, image)
        return document.pageCount()
    finally:
        painter.end()
        document.close()


def _fit(area: QRect, width: float, height: float) -> QRect:
    scale = min(area.width() / width, area.height() / height)
    w, h = round(width * scale), round(height * scale)
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)


def preview_dialog(parent: QWidget | None, pdf_bytes: bytes, title: str) -> QPrintPreviewDialog:
    """The print preview of the PDF; its print button opens the system's print dialog."""
    _load(pdf_bytes)  # a PDF QtPdf cannot read is said before a blank preview opens
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Afdrukvoorbeeld — {title}")
    dialog.paintRequested.connect(lambda target: render_pdf_to_printer(pdf_bytes, target))
    dialog.resize(preview_size(parent))
    dialog.printer = printer  # type: ignore[attr-defined]  # kept alive with the dialog
    return dialog


PREVIEW_SIZE = QSize(900, 1000)  # an A4 page at a readable size, where the screen allows


def preview_size(parent: QWidget | None) -> QSize:
    """900×1000, or less: what the screen of the window (or the main screen) has room for."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return PREVIEW_SIZE
    room = screen.availableGeometry()
    return QSize(
        min(PREVIEW_SIZE.width(), room.width() - 16),
        min(PREVIEW_SIZE.height(), room.height() - 40),  # the title bar stays on the screen
    )


def print_pdf(parent: QWidget | None, pdf_bytes: bytes, title: str) -> bool:
    """Show the preview; True when the user printed."""
    dialog = preview_dialog(parent, pdf_bytes, title)
    try:
        return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def file_name(suggested: str) -> str:
    """A safe file name ending in .pdf: 'Signalen 2022-09-06' → 'Signalen 2022-09-06.pdf'."""
    name = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", suggested).strip(" .") or "document"
    return name if name.lower().endswith(".pdf") else f"{name}.pdf"


def save_pdf(parent: QWidget | None, pdf_bytes: bytes, suggested_name: str) -> Path | None:
    """Ask where to save, then write the file whole or not at all. None when cancelled."""
    start = file_dialogs.documents_dir() / file_name(suggested_name)
    chosen = file_dialogs.save_file_name(parent, "PDF opslaan", start, "PDF-bestanden (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        write_atomically(path, pdf_bytes)
    except UserError as error:
        widgets.inform(parent, "PDF opslaan", error.message, QMessageBox.Icon.Warning)
        return None
    return path


def viewer_dir() -> Path:
    """A private folder for copies opened in the PDF viewer; old copies are cleared."""
    folder = Path(tempfile.gettempdir()) / "beschut-desktop-documenten"
    folder.mkdir(mode=0o700, exist_ok=True)
    now = time.time()
    for old in folder.glob("*.pdf"):
        try:
            if now - old.stat().st_mtime > VIEWER_COPY_MAX_AGE_S:
                old.unlink()
        except OSError:
            pass  # still open in a viewer: removed next time
    return folder


def open_in_viewer(pdf_bytes: bytes, name: str) -> Path:
    """Write a copy to the private temp folder and open it in the system's PDF viewer."""
    stamp = dt.datetime.now().strftime("%H%M%S")
    path = viewer_dir() / file_name(f"{Path(file_name(name)).stem} {stamp}")
    write_atomically(path, pdf_bytes)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        raise UserError(
            f"Er is geen programma gevonden om PDF-bestanden te openen. Het "
            f"document staat in {path}."
        )
    return path
