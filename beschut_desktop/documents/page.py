"""The page around every document: header, footer with "pagina x van y", and the PDF itself.

The header carries the municipality (and its logo when set), the document's title and the
day of printing; the footer says the paper holds personal data and counts the pages. The
total is only known at the end, so the canvas holds every page back and stamps the footers
when the document is saved.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from beschut_desktop.documents.style import (
    ACCENT,
    CONFIDENTIAL,
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    INK,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    WARN,
    register_fonts,
)
from beschut_desktop.formatting import long_date
from beschut_desktop.rules.model import Settings


def municipality_label(settings: Settings) -> str:
    name = (settings.municipality_name or "").strip()
    if not name:
        return "Gemeente"
    return name if name.lower().startswith("gemeente") else f"Gemeente {name}"


def _logo(settings: Settings) -> ImageReader | None:
    """The logo from the settings; a missing or unreadable file prints the page without it."""
    if not settings.logo_path:
        return None
    path = Path(settings.logo_path)
    if not path.is_file():
        return None
    try:
        reader = ImageReader(str(path))
        reader.getSize()
    except Exception:  # any image reportlab cannot read: print without a logo
        return None
    return reader


class _Page:
    """Draws header and footer; the footer's total is filled in when all pages are known."""

    def __init__(self, settings: Settings, title: str, printed_on: dt.date) -> None:
        self.municipality = municipality_label(settings)
        self.logo = _logo(settings)
        self.title = title
        self.printed = f"Afgedrukt op {long_date(printed_on)}"

    def header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - 12 * mm
        x = MARGIN_LEFT
        if self.logo is not None:
            w, h = self.logo.getSize()
            height = 10 * mm
            width = min(40 * mm, height * w / h)
            canvas.drawImage(
                self.logo,
                x,
                top - 9 * mm,
                width=width,
                height=height,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
            x += width + 4 * mm
        canvas.setFillColor(ACCENT)
        canvas.setFont(FONT_BOLD, 11)
        canvas.drawString(x, top - 3 * mm, self.municipality)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 8)
        canvas.drawString(x, top - 7.5 * mm, "Beschut werk — Participatiewet art. 10b")
        room = (
            PAGE_WIDTH - MARGIN_RIGHT - x - stringWidth(self.municipality, FONT_BOLD, 11) - 10 * mm
        )
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN_RIGHT, top - 3 * mm, _fit_text(self.title, FONT, 8.5, room)
        )
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, top - 7.5 * mm, self.printed)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_LEFT, top - 10 * mm, PAGE_WIDTH - MARGIN_RIGHT, top - 10 * mm)
        canvas.restoreState()


def _fit_text(value: str, font: str, size: float, room: float) -> str:
    """The text, cut short with an ellipsis where it would run into the municipality's name."""
    if stringWidth(value, font, size) <= room:
        return value
    while value and stringWidth(value + "…", font, size) > room:
        value = value[:-1]
    return value.rstrip() + "…"


def _numbered_canvas(page: _Page) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds every page back until the end, then stamps "pagina x van y" on each."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            y = MARGIN_BOTTOM - 10 * mm
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_LEFT, y + 4 * mm, PAGE_WIDTH - MARGIN_RIGHT, y + 4 * mm)
            self.setFont(FONT_BOLD, 8)
            self.setFillColor(WARN)
            self.drawString(MARGIN_LEFT, y, CONFIDENTIAL)
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            self.drawRightString(
                PAGE_WIDTH - MARGIN_RIGHT, y, f"pagina {self._pageNumber} van {total}"
            )
            self.restoreState()

    return NumberedCanvas


def render(
    story: list[Flowable],
    *,
    title: str,
    subject: str,
    settings: Settings,
    printed_on: dt.date | None = None,
) -> bytes:
    """The finished PDF: A4, our header and footer, title/author/subject/language set."""
    register_fonts()
    printed_on = printed_on or dt.date.today()
    page = _Page(settings, title, printed_on)
    buffer = io.BytesIO()
    author = settings.consultant_name.strip() or municipality_label(settings)
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator="beschut-desktop",
        lang="nl-NL",
        displayDocTitle=True,
        initialFontName=FONT,
        initialFontSize=9.5,
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=page.header)])
    doc.build(story, canvasmaker=_numbered_canvas(page))
    return buffer.getvalue()
