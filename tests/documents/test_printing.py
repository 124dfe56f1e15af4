"""Printing through Qt: the PDF's pages onto a QPrinter (here a PDF file), preview, save, view.

No dialog is left modal: the preview is shown non-modally, the file dialog and the desktop
service are stood in for (they are Qt's, not ours).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from document_data import ON, Policy2022, pdf_text
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from beschut_desktop.documents.case_file import build_case_file
from beschut_desktop.documents.quota_report import build_quota_report
from beschut_desktop.errors import UserError
from beschut_desktop.store.store import Store
from beschut_desktop.ui import file_dialogs, printing

A4_POINTS = (595.3, 841.9)


@pytest.fixture
def case_pdf(store: Store, policy: Policy2022) -> bytes:
    person = policy.persons["lukasz"]
    return build_case_file(store.load(), person, store.history(person_id=person), ON)


def test_pdf_printed_through_qprinter_to_a_pdf_file(qtbot, tmp_path: Path, case_pdf: bytes) -> None:
    target = tmp_path / "afgedrukt.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printing.prepare_printer(printer, "Dossier")
    pages = len(PdfReader(io.BytesIO(case_pdf)).pages)
    assert printing.render_pdf_to_printer(case_pdf, printer) == pages
    printed = PdfReader(target)
    assert len(printed.pages) == pages
    for page in printed.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2
        assert len(page.images) == 1  # the rendered page, on white


def test_preview_shows_every_page(qtbot, store: Store, policy: Policy2022) -> None:
    pdf = build_quota_report(store.load(), ON)
    dialog = printing.preview_dialog(None, pdf, "Taakstelling")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Afdrukvoorbeeld — Taakstelling"
    with qtbot.waitSignal(dialog.paintRequested, timeout=10_000):
        dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == len(PdfReader(io.BytesIO(pdf)).pages))
    assert dialog.printer.pageLayout().pageSize().id().name == "A4"
    dialog.close()


def test_bytes_that_are_no_pdf_are_refused_in_dutch(qtbot) -> None:
    with pytest.raises(UserError, match="kon niet worden voorbereid"):
        printing.preview_dialog(None, b"geen pdf", "x")


def test_save_pdf_writes_the_chosen_file(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, case_pdf: bytes
) -> None:
    asked: list[str] = []

    def choose(parent, caption, start, filters):
        asked.append(str(start))
        return str(tmp_path / "dossier")

    monkeypatch.setattr(file_dialogs, "save_file_name", choose)
    saved = printing.save_pdf(None, case_pdf, "Dossier BW-00002 6/9/2022")
    assert saved == tmp_path / "dossier.pdf"
    assert saved.read_bytes() == case_pdf
    assert asked[0].endswith("Dossier BW-00002 6-9-2022.pdf")


def test_save_pdf_cancelled_writes_nothing(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, case_pdf: bytes
) -> None:
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *args: "")
    assert printing.save_pdf(None, case_pdf, "Dossier") is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_open_in_viewer_writes_a_private_copy(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, case_pdf: bytes
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(printing.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    path = printing.open_in_viewer(case_pdf, "Dossier BW-00002")
    assert path.parent == tmp_path / "beschut-desktop-documenten"
    assert path.name.startswith("Dossier BW-00002") and path.suffix == ".pdf"
    assert opened == [QUrl.fromLocalFile(str(path))]
    assert "Łukasz" in pdf_text(path.read_bytes())


def test_open_in_viewer_without_a_viewer_says_where_the_file_is(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, case_pdf: bytes
) -> None:
    monkeypatch.setattr(printing.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    with pytest.raises(UserError, match="geen programma gevonden"):
        printing.open_in_viewer(case_pdf, "Dossier")


@pytest.mark.parametrize(
    ("suggested", "expected"),
    [
        ("Signalen 2022-09-06", "Signalen 2022-09-06.pdf"),
        ("Dossier: BW/00002", "Dossier- BW-00002.pdf"),
        ("rapport.PDF", "rapport.PDF"),
        ("  ", "document.pdf"),
    ],
)
def test_file_name_is_safe_and_ends_in_pdf(suggested: str, expected: str) -> None:
    assert printing.file_name(suggested) == expected
