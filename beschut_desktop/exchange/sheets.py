"""The four sheets of the Excel register, and reading a workbook into rows by header text.

One definition serves the import, the export and the template, so that the three always agree
on sheet names, header texts and value words. A header cell is matched on the text before any
parenthesis ("Soort (SW-bedrijf, Gemeente, Particulier)" is the column "Soort"), in any case;
columns may stand in any order and extra columns are ignored.
"""

from __future__ import annotations

import contextlib
import math
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from beschut_desktop.errors import UserError
from beschut_desktop.store.employer_identity import employer_key

# What openpyxl raises on a damaged or hostile file (broken XML, a zip of junk, an entity bomb
# refused by defusedxml — a ValueError): the file is refused, never the program stopped.
BROKEN_FILE = (
    zipfile.BadZipFile,
    zlib.error,
    ParseError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    EOFError,
    OSError,
    RuntimeError,  # zipfile: a member marked as encrypted
    NotImplementedError,  # zipfile: a compression method it does not know
)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
ERROR_VALUES = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)


@dataclass(frozen=True)
class Uncalculated:
    """A formula cell without the value Excel stores beside it (written by another program,
    or never recalculated): its value is unknown, not empty."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class Column:
    header: str
    hint: str = ""  # the value words, shown in parentheses after the header
    required: bool = False  # the column must be present in the sheet
    kind: str = "text"  # text | date | number | money | bsn: how the export formats it
    width: int = 16

    @property
    def title(self) -> str:
        return f"{self.header} ({self.hint})" if self.hint else self.header


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]

    def column(self, header: str) -> Column:
        return next(c for c in self.columns if c.header == header)


QUOTA = Sheet(
    "Taakstelling",
    (
        Column("Jaar", required=True, kind="number", width=8),
        Column("Taakstelling", required=True, kind="number", width=14),
        Column("Bedrag per plek", required=True, kind="money", width=16),
        Column("Uren per week per plek", kind="number", width=22),
    ),
)
EMPLOYERS = Sheet(
    "Werkgevers",
    (
        Column("Naam", required=True, width=34),
        Column("Soort", "SW-bedrijf, Gemeente, Particulier", width=36),
        Column("KvK-nummer", width=14),
        Column("Cao", width=28),
    ),
)
PERSONS = Sheet(
    "Personen",
    (
        Column("BSN", required=True, kind="bsn", width=12),
        Column("Voornaam", required=True, width=16),
        Column("Achternaam", required=True, width=20),
        Column("Geboortedatum", kind="date", width=15),
        Column("Datum advies UWV", kind="date", width=18),
        Column("Datum beschikking", kind="date", width=18),
        Column("Voorziening tot start", width=30),
    ),
)
PLACEMENTS = Sheet(
    "Plaatsingen",
    (
        Column("BSN", required=True, kind="bsn", width=12),
        Column("Werkgever", required=True, width=34),
        Column("Startdatum", required=True, kind="date", width=12),
        Column("Einddatum", kind="date", width=12),
        Column("Uren per week", kind="number", width=14),
        Column("Proefplaatsing vooraf", "ja/nee", width=28),
        Column("Contract", "tijdelijk/vast", width=24),
    ),
)
SHEETS = (QUOTA, EMPLOYERS, PERSONS, PLACEMENTS)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file: where (sheet, row, column) and what, in Dutch."""

    sheet: str
    row: int | None
    column: str | None
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f", rij {self.row}"
        if self.column:
            where += f", kolom {self.column}"
        if self.value and f"'{self.value}'" not in self.message:
            where += f" ('{self.value}')"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Row:
    """One filled row of a sheet: its Excel row number and the cells by column header."""

    sheet: str
    number: int
    cells: dict[str, object]

    def get(self, header: str) -> object:
        return self.cells.get(header)


def header_key(text: object) -> str:
    """'Soort (SW-bedrijf, …)' → 'soort': the text before any parenthesis, squeezed."""
    before = str(text or "").split("(", 1)[0]
    return " ".join(before.split()).lower()


def read_workbook(path: Path) -> tuple[dict[str, list[Row]], list[Problem]]:
    """The filled rows of the four sheets; a missing required column is a problem.

    A sheet that is absent holds nothing to import; a file with none of the four is refused.
    A damaged sheet is one problem naming the sheet and the row where reading stopped.
    """
    with contextlib.ExitStack() as stack:
        workbook = _open(path, stack, data_only=True)
        formulas = _open(path, stack, data_only=False) if _has_formulas(path) else None
        by_name = {" ".join(name.split()).lower(): name for name in workbook.sheetnames}
        rows: dict[str, list[Row]] = {}
        problems: list[Problem] = []
        for sheet in SHEETS:
            actual = by_name.get(sheet.name.lower())
            rows[sheet.name] = []
            if actual is None:
                continue
            formula_sheet = formulas[actual] if formulas is not None else None
            found, missing = _read_sheet(workbook[actual], sheet, formula_sheet)
            rows[sheet.name] = found
            problems += missing
    if not any(name.lower() in by_name for name in (s.name for s in SHEETS)):
        raise UserError(
            f"{path.name} bevat geen van de bladen "
            + ", ".join(s.name for s in SHEETS)
            + ". Gebruik het sjabloon (beschut-desktop template BESTAND.xlsx)."
        )
    return rows, problems


def _unreadable(path: Path) -> UserError:
    hint = " Sla het in Excel op als .xlsx." if path.suffix.lower() == ".xls" else ""
    return UserError(
        f"{path.name} kan niet worden gelezen als Excel-bestand (.xlsx): het bestand is "
        f"beschadigd of geen werkmap.{hint} Het register is niet gewijzigd."
    )


# How much of each part is looked at for a DTD: it can only stand before the first element.
_PROLOG_BYTES = 64 * 1024
_DTD_MARKS = tuple("<!DOCTYPE".encode(code) for code in ("utf-8", "utf-16-le", "utf-16-be"))


def _declares_a_dtd(handle) -> bool:
    """Whether a part of the workbook other than a sheet declares a DTD, which Excel never
    writes (an entity bomb, an external entity). openpyxl reads these parts with lxml when it
    is installed (python-docx, for the letters, brings it) and defusedxml then never looks at
    them; the sheets themselves are read through defusedxml either way."""
    with zipfile.ZipFile(handle) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") or info.is_dir():
                continue
            with archive.open(info) as part:
                head = part.read(_PROLOG_BYTES)
            if any(mark in head for mark in _DTD_MARKS):
                return True
    return False


def _open(path: Path, stack: contextlib.ExitStack, *, data_only: bool):
    """The workbook, closed with ``stack``; the file is opened here so that it is closed also
    when openpyxl gives up halfway."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise UserError(f"Het bestand {path} bestaat niet.")
    try:
        handle = stack.enter_context(path.open("rb"))
        if _declares_a_dtd(handle):
            raise _unreadable(path)
        handle.seek(0)
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it skips (data validation extensions,
            # conditional formats): they do not matter for reading values.
            warnings.simplefilter("ignore")
            workbook = load_workbook(handle, read_only=True, data_only=data_only)
    except (InvalidFileException, *BROKEN_FILE):
        raise _unreadable(path) from None
    stack.callback(workbook.close)
    return workbook


def _has_formulas(path: Path) -> bool:
    """Whether any sheet holds a formula: only then is the file read a second time, for the
    formulas themselves, to tell a formula without a stored value from an empty cell."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(name) as member:
                        if _FORMULA.search(member.read()):
                            return True
    except BROKEN_FILE:
        raise _unreadable(path) from None
    return False


def _read_sheet(worksheet, sheet: Sheet, formula_sheet=None) -> tuple[list[Row], list[Problem]]:
    rows: list[Row] = []
    problems: list[Problem] = []
    reached = [0]  # the last row read whole, blank or not
    positions: dict[str, int] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a date out of range becomes an error cell
            for number, cells in _sheet_rows(
                worksheet, sheet, formula_sheet, problems, reached, positions
            ):
                rows.append(Row(sheet.name, number, cells))
    except BROKEN_FILE:
        problems.append(_broken_row(worksheet, sheet, reached[0] + 1, positions))
    return rows, problems


def _broken_row(worksheet, sheet: Sheet, number: int, positions: dict[str, int]) -> Problem:
    """The problem of a row openpyxl could not read: the cell and its value when the row holds
    a number no spreadsheet writes (NaN, inf), else the sheet and row."""
    found = _unreadable_number(worksheet, number)
    if found is not None:
        index, raw = found
        header = next((h for h, i in positions.items() if i == index), None)
        if header is not None:
            return Problem(sheet.name, number, header, f"'{raw[:40]}' is geen eindig getal")
    return Problem(
        sheet.name,
        number,
        None,
        "het blad is beschadigd en kan vanaf hier niet worden gelezen; "
        "open het bestand in Excel en sla het opnieuw op",
    )


def _unreadable_number(worksheet, number: int) -> tuple[int, str] | None:
    """(column index, raw text) of the first number cell of row ``number`` that is not a
    finite number; None when there is none or the sheet's XML cannot be read."""
    from defusedxml.ElementTree import iterparse
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
    from openpyxl.utils.exceptions import CellCoordinatesException

    try:
        with worksheet._get_source() as source:
            for _event, element in iterparse(source):
                if not element.tag.endswith("}c") or element.get("t", "n") != "n":
                    continue
                try:
                    letters, row = coordinate_from_string(element.get("r") or "")
                except CellCoordinatesException:
                    continue
                if row != number:
                    continue
                raw = next((child.text for child in element if child.tag.endswith("}v")), None)
                if raw is not None and not _finite(raw):
                    return column_index_from_string(letters) - 1, raw
    except BROKEN_FILE:
        return None
    return None


def _finite(raw: str) -> bool:
    try:
        return math.isfinite(float(raw))
    except ValueError:
        return False


def _sheet_rows(
    worksheet,
    sheet: Sheet,
    formula_sheet,
    problems: list[Problem],
    reached: list[int],
    positions: dict[str, int],
):
    # Some programs write a wrong "used range"; in read-only mode openpyxl would trust it and
    # miss rows or columns.
    worksheet.reset_dimensions()
    iterator = worksheet.iter_rows(values_only=True)
    formula_rows = None
    if formula_sheet is not None:
        formula_sheet.reset_dimensions()
        formula_rows = formula_sheet.iter_rows(values_only=True)
        next(formula_rows, None)
    header = next(iterator, None) or ()
    reached[0] = 1
    wanted = {header_key(c.header): c.header for c in sheet.columns}
    for index, cell in enumerate(header):
        key = header_key(cell)
        if key in wanted and wanted[key] not in positions:
            positions[wanted[key]] = index
    problems += [
        Problem(sheet.name, 1, column.header, f"de kolom '{column.header}' ontbreekt")
        for column in sheet.columns
        if column.required and column.header not in positions
    ]
    for number, values in enumerate(iterator, start=2):
        reached[0] = number - 1
        written = next(formula_rows, None) if formula_rows is not None else None
        cells = {}
        for name, index in positions.items():
            value = values[index] if index < len(values) else None
            if value is None and written is not None and index < len(written):
                formula = written[index]
                if isinstance(formula, str) and formula.startswith("="):
                    value = Uncalculated(formula)
            cells[name] = value
        reached[0] = number
        if all(_blank(v) for v in cells.values()):
            continue
        yield number, cells


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Employers match on name: case, accents and spacing do not count."""
    return employer_key(name)
