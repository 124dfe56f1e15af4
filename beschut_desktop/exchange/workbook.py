"""Small helpers for writing readable sheets: a bold frozen header, widths, Dutch formats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from beschut_desktop.atomic_file import write_atomically

FORMATS = {
    "date": "d-m-yyyy",
    "money": '"€" #,##0.00',
    "bsn": "@",
    "text": "@",
    "number": "General",
}
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def new_workbook(*, write_only: bool = False) -> Workbook:
    """An empty workbook. ``write_only`` streams each row to the file as it is added: far
    faster and lighter for a large register, but its cells cannot be read back or changed."""
    workbook = Workbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)
    return workbook


def table_sheet(
    workbook: Workbook,
    title: str,
    columns: Sequence[tuple[str, str, int]],
    rows: Iterable[Sequence[object]],
) -> Worksheet:
    """A sheet with a header row and one row per record; columns are (title, kind, width)."""
    sheet = workbook.create_sheet(title)
    for index, (_, _kind, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    formats = [FORMATS.get(kind) for _, kind, _ in columns]
    if workbook.write_only:
        _stream_rows(sheet, [c[0] for c in columns], formats, rows)
        return sheet
    sheet.append([c[0] for c in columns])
    for cell in sheet[1]:
        _style_header(cell)
    for row, values in enumerate(rows, start=2):
        sheet.append([_cell_value(v) for v in values])
        for index, number_format in enumerate(formats, start=1):
            cell = sheet.cell(row=row, column=index)
            if number_format and cell.value is not None:
                cell.number_format = number_format
            as_text(cell)
    return sheet


def _style_header(cell: Cell) -> None:
    cell.font = Font(bold=True)
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="top", wrap_text=True)


def _stream_rows(
    sheet: Worksheet,
    header: Sequence[str],
    formats: Sequence[str | None],
    rows: Iterable[Sequence[object]],
) -> None:
    """Write-only rows: each formatted cell shares its column's style instead of building
    one per cell (the styles are looked up once per column, not once per cell)."""
    header_cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, text)
        _style_header(cell)
        header_cells.append(cell)
    sheet.append(header_cells)
    styles = []
    for number_format in formats:
        prototype = WriteOnlyCell(sheet)
        if number_format:
            prototype.number_format = number_format
        styles.append(prototype._style if number_format else None)
    for values in rows:
        out: list[object] = []
        for value, style in zip(values, styles, strict=False):
            value = _cell_value(value)
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                cell = WriteOnlyCell(sheet, value)
                as_text(cell)
                out.append(cell)
                continue
            if style is None or value is None:
                out.append(value)
                continue
            cell = WriteOnlyCell(sheet, value)
            cell._style = style
            out.append(cell)
        sheet.append(out)


# Text that a spreadsheet would take for a formula (or, pasted elsewhere, for a command).
FORMULA_STARTS = ("=", "+", "-", "@")


def as_text(cell: Cell) -> None:
    """Keep text such as a first name '=HYPERLINK(…)' text: stored as a string with Excel's
    quote prefix, so that opening the file never runs it."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def _cell_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value


def text_sheet(
    workbook: Workbook, title: str, paragraphs: Sequence[str], index: int | None = None
) -> Worksheet:
    """A sheet of explanation: one paragraph per row, headings (lines ending in ':') bold."""
    sheet = workbook.create_sheet(title, index)
    sheet.column_dimensions["A"].width = 110
    for number, paragraph in enumerate(paragraphs, start=1):
        cell = (
            WriteOnlyCell(sheet, paragraph) if workbook.write_only else Cell(sheet, value=paragraph)
        )
        as_text(cell)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if paragraph.endswith(":") or number == 1:
            cell.font = Font(bold=True, size=13 if number == 1 else 11)
        sheet.append([cell])
    return sheet


def save(workbook: Workbook, target: Path) -> Path:
    return write_atomically(target, lambda temp: workbook.save(temp))
