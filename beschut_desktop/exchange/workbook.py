"""Small helpers for writing readable sheets: a bold frozen header, widths, Dutch formats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
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


def new_workbook() -> Workbook:
    workbook = Workbook()
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
    sheet.append([c[0] for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for index, (_, _kind, width) in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = width
    for values in rows:
        sheet.append([_cell_value(v) for v in values])
        row = sheet.max_row
        for index, (_, kind, _) in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=index)
            if kind in FORMATS and cell.value is not None:
                cell.number_format = FORMATS[kind]
            as_text(cell)
    sheet.freeze_panes = "A2"
    return sheet


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
    for paragraph in paragraphs:
        sheet.append([paragraph])
        cell = sheet.cell(row=sheet.max_row, column=1)
        as_text(cell)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if paragraph.endswith(":") or sheet.max_row == 1:
            cell.font = Font(bold=True, size=13 if sheet.max_row == 1 else 11)
    return sheet


def save(workbook: Workbook, target: Path) -> Path:
    return write_atomically(target, lambda temp: workbook.save(temp))
