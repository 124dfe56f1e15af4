"""One look for every printed document: A4, header, footer, fonts, tables and form parts.

Each document module builds a list of flowables with the helpers here and hands it to
``render``. The header carries the municipality (and its logo when set), the title and the
day of printing; the footer says the paper holds personal data and counts "pagina x van y".
The font is DejaVu Sans Condensed, shipped in ``resources/fonts`` and embedded, so that
€, ë, ï, Łukasz and Şahin print the same on every machine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from beschut_desktop.paths import resource

FONT = "BeschutSans"
FONT_BOLD = "BeschutSans-Bold"
FONT_ITALIC = "BeschutSans-Oblique"
FONT_BOLD_ITALIC = "BeschutSans-BoldOblique"
_FONT_FILES = {
    FONT: "DejaVuSansCondensed.ttf",
    FONT_BOLD: "DejaVuSansCondensed-Bold.ttf",
    FONT_ITALIC: "DejaVuSansCondensed-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSansCondensed-BoldOblique.ttf",
}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 30 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
HALF_WIDTH = CONTENT_WIDTH / 2 - 6 * mm

INK = colors.HexColor("#1f2933")
ACCENT = colors.HexColor("#1d4e89")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#b8c2cc")
HEADER_FILL = colors.HexColor("#e4ebf3")
STRIPE_FILL = colors.HexColor("#f5f7fa")
WARN = colors.HexColor("#a61b1b")
OK = colors.HexColor("#1b6e3a")

CONFIDENTIAL = "Vertrouwelijk — bevat persoonsgegevens"
TICK_YES = "☑"
TICK_NO = "☒"
TICK_OPEN = "☐"


def register_fonts() -> None:
    """Register the embedded font once per process (reportlab keeps a global registry)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource(f"fonts/{filename}"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )


def _style(name: str, **kw: object) -> ParagraphStyle:
    base = {
        "fontName": FONT,
        "fontSize": 9.5,
        "leading": 12.5,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


STYLES = {
    "title": _style(
        "title", fontName=FONT_BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2
    ),
    "subtitle": _style("subtitle", fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=8),
    "h1": _style(
        "h1",
        fontName=FONT_BOLD,
        fontSize=12.5,
        leading=16,
        textColor=ACCENT,
        spaceBefore=10,
        spaceAfter=4,
    ),
    "h2": _style("h2", fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2),
    "body": _style("body", spaceAfter=4),
    "small": _style("small", fontSize=8, leading=10, textColor=MUTED),
    "hint": _style("hint", fontName=FONT_ITALIC, fontSize=8.5, leading=11, textColor=MUTED),
    "cell": _style("cell", fontSize=8.5, leading=10.5),
    "cell_bold": _style("cell_bold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    "cell_bold_right": _style(
        "cell_bold_right", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, alignment=2
    ),
    "cell_head": _style("cell_head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    "cell_right": _style("cell_right", fontSize=8.5, leading=10.5, alignment=2),
    "cell_head_right": _style(
        "cell_head_right", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, alignment=2
    ),
    "label": _style("label", fontSize=9, leading=11.5, textColor=MUTED),
    "value": _style("value", fontSize=9.5, leading=12),
    "warn": _style("warn", textColor=WARN),
}


def text(value: object, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return rich(_markup(value), style)


def rich(markup: str, style: str = "body") -> Paragraph:
    """A paragraph of reportlab mark-up the caller built with ``esc``."""
    register_fonts()  # a paragraph resolves its font when it is made
    return Paragraph(markup, STYLES[style])


def esc(value: object) -> str:
    return escape("" if value is None else str(value))


def _markup(value: object) -> str:
    return esc(value).replace("\n", "<br/>")


def title_block(title: str, subtitle: str | None = None) -> list[Flowable]:
    parts: list[Flowable] = [text(title, "title")]
    if subtitle:
        parts.append(text(subtitle, "subtitle"))
    else:
        parts.append(Spacer(1, 6))
    return parts


def heading(value: str, level: int = 1) -> Flowable:
    """A heading that does not stay behind alone at the bottom of a page."""
    return KeepTogether(
        [
            CondPageBreak(30 * mm if level == 1 else 20 * mm),
            text(value, "h1" if level == 1 else "h2"),
        ]
    )


def tick(met: bool | None) -> str:
    return TICK_YES if met is True else TICK_NO if met is False else TICK_OPEN


def yes_no(value: bool | None) -> str:
    return "ja" if value else "nee"


def _cell(value: object, style: str) -> Flowable:
    if isinstance(value, Flowable):
        return value
    return text(value, style)


CELL_PADDING = 4
SMALLEST_HEAD = 6.5


def _head_cell(value: object, style: str, width: float) -> Flowable:
    """A column header whose words all fit its column: a word too wide for the column makes
    the header's letters smaller (down to 6.5 pt) rather than being broken in the middle
    ("Vastgestel" / "d")."""
    if isinstance(value, Flowable):
        return value
    base = STYLES[style]
    room = width - 2 * CELL_PADDING
    words = str(value).split() or [""]
    size = base.fontSize
    while (
        size > SMALLEST_HEAD
        and max(pdfmetrics.stringWidth(w, base.fontName, size) for w in words) > room
    ):
        size -= 0.5
    if size == base.fontSize:
        return text(value, style)
    fitted = ParagraphStyle(f"{style}_{size}", parent=base, fontSize=size, leading=size + 2)
    return Paragraph(_markup(value), fitted)


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    bold_rows: Sequence[int] = (),
    empty: str = "Geen.",
    row_height: float | None = None,
) -> Flowable:
    """A table that repeats its header on every page it runs over.

    ``widths`` are fractions of the content width; ``right`` lists numeric columns; rows
    in ``bold_rows`` (e.g. a total) are printed bold.
    """
    rows = list(rows)
    if not rows:
        return text(empty, "hint")
    data = [
        [
            _head_cell(
                h,
                "cell_head_right" if i in right else "cell_head",
                (widths[i] if i < len(widths) else 1.0) * CONTENT_WIDTH,
            )
            for i, h in enumerate(header)
        ]
    ]
    for r, row in enumerate(rows):
        style = "cell_bold" if r in bold_rows else "cell"
        data.append(
            [_cell(v, style + "_right" if i in right else style) for i, v in enumerate(row)]
        )
    heights = None if row_height is None else [None] + [row_height] * len(rows)
    result = Table(
        data,
        colWidths=[w * CONTENT_WIDTH for w in widths],
        repeatRows=1,
        rowHeights=heights,
        hAlign="LEFT",
    )
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for r in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, r), (-1, r), STRIPE_FILL))
    for r in bold_rows:
        commands.append(("LINEABOVE", (0, r + 1), (-1, r + 1), 0.8, INK))
    result.setStyle(TableStyle(commands))
    return result


def facts(
    pairs: Sequence[tuple[str, object]],
    *,
    label_width: float = 0.3,
    columns: int = 1,
    width: float = CONTENT_WIDTH,
) -> Flowable:
    """Label–value pairs, in one or two columns, for the details of a person or employer."""
    cells = [(_cell(label, "label"), _cell(value, "value")) for label, value in pairs]
    if columns == 2:
        half = (len(cells) + 1) // 2
        left, right_ = cells[:half], cells[half:]
        right_ += [(Spacer(1, 1), Spacer(1, 1))] * (len(left) - len(right_))
        data = [[*a, *b] for a, b in zip(left, right_, strict=True)]
        lw = label_width / 2
        widths = [lw, 0.5 - lw, lw, 0.5 - lw]
    else:
        data = [list(c) for c in cells]
        widths = [label_width, 1 - label_width]
    result = Table(data, colWidths=[w * width for w in widths], hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return result


def side_by_side(left: list[Flowable], right: list[Flowable]) -> Flowable:
    """Two columns of flowables (each built for ``HALF_WIDTH``), tops aligned."""
    result = Table([[left, right]], colWidths=[CONTENT_WIDTH / 2] * 2, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 6 * mm),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ]
        )
    )
    return result


class WritingLines(Flowable):
    """Ruled lines to write on by hand, with an optional text already filled in above them."""

    def __init__(self, lines: int, width: float = CONTENT_WIDTH, spacing: float = 7 * mm):
        super().__init__()
        self.lines = lines
        self.width = width
        self.spacing = spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self.width, avail_width)
        return self.width, self.lines * self.spacing

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for i in range(self.lines):
            y = (self.lines - i - 1) * self.spacing + 1
            canvas.line(0, y, self.width, y)


def signature_block(signers: Sequence[tuple[str, str]]) -> Flowable:
    """Columns with role, name (pre-filled or to write), date and a line to sign on; the
    rows line up across the columns."""
    gap = 8 * mm
    n = len(signers)
    width = (CONTENT_WIDTH - gap * (n - 1)) / n
    rows: list[list[object]] = [[], [], [], []]
    for i, (role, name) in enumerate(signers):
        if i:
            for row in rows:
                row.append("")
        rows[0].append(text(role, "h2"))
        rows[1].append(text(f"Naam: {name}" if name else "Naam:", "label"))
        rows[2].append(text("Datum:", "label"))
        rows[3].append(text("Handtekening:", "label"))
    widths = [gap if i % 2 else width for i in range(2 * n - 1)]
    result = Table(
        rows, colWidths=widths, rowHeights=[None, 9 * mm, 9 * mm, 22 * mm], hAlign="LEFT"
    )
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for column in range(0, 2 * n - 1, 2):
        for row in (1, 2, 3):
            commands.append(("LINEBELOW", (column, row), (column, row), 0.5, RULE))
    result.setStyle(TableStyle(commands))
    return result


def blank_fields(labels: Sequence[str], columns: int = 2) -> Flowable:
    """Labels with a line to write on, in a grid: the top of a form filled in by hand."""
    gap = 8 * mm
    width = (CONTENT_WIDTH - gap * (columns - 1)) / columns
    cells = [text(label, "label") for label in labels]
    cells += [""] * (-len(cells) % columns)
    rows = []
    for start in range(0, len(cells), columns):
        row: list[object] = []
        for i, cell in enumerate(cells[start : start + columns]):
            if i:
                row.append("")
            row.append(cell)
        rows.append(row)
    widths = [gap if i % 2 else width for i in range(2 * columns - 1)]
    result = Table(rows, colWidths=widths, rowHeights=[11 * mm] * len(rows), hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for r, row in enumerate(rows):
        for column in range(0, len(row), 2):
            if row[column] != "":
                commands.append(("LINEBELOW", (column, r), (column, r), 0.5, RULE))
    result.setStyle(TableStyle(commands))
    return result


def notice(value: str, style: str = "hint") -> Flowable:
    """A boxed remark, e.g. a missing quota row or an explanation of the figures."""
    box = Table([[text(value, style)]], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), STRIPE_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box
