"""The four sheets of the Excel register, and reading a workbook into rows by header text.

One definition serves the import, the export and the template, so that the three always agree
on sheet names, header texts and value words. A header cell is matched on the text before any
parenthesis ("Soort (SW-bedrijf, Gemeente, Particulier)" is the column "Soort"), in any case;
columns may stand in any order and extra columns are ignored.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from beschut_desktop.errors import UserError
from beschut_desktop.store.employer_identity import employer_key


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
    """
    workbook = _open(path)
    try:
        by_name = {" ".join(name.split()).lower(): name for name in workbook.sheetnames}
        rows: dict[str, list[Row]] = {}
        problems: list[Problem] = []
        for sheet in SHEETS:
            actual = by_name.get(sheet.name.lower())
            if actual is None:
                rows[sheet.name] = []
                continue
            found, missing = _read_sheet(workbook[actual], sheet)
            rows[sheet.name] = found
            problems += missing
    finally:
        workbook.close()
    if not any(name.lower() in by_name for name in (s.name for s in SHEETS)):
        raise UserError(
            f"{path.name} bevat geen van de bladen "
            + ", ".join(s.name for s in SHEETS)
            + ". Gebruik het sjabloon (beschut-desktop template BESTAND.xlsx)."
        )
    return rows, problems


def _open(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise UserError(f"Het bestand {path} bestaat niet.")
    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it skips (data validation extensions,
            # conditional formats): they do not matter for reading values.
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        hint = " Sla het in Excel op als .xlsx." if path.suffix.lower() == ".xls" else ""
        raise UserError(
            f"{path.name} kan niet worden gelezen als Excel-bestand (.xlsx).{hint}"
        ) from None


def _read_sheet(worksheet, sheet: Sheet) -> tuple[list[Row], list[Problem]]:
    # Some programs write a wrong "used range"; in read-only mode openpyxl would trust it and
    # miss rows or columns.
    worksheet.reset_dimensions()
    iterator = worksheet.iter_rows(values_only=True)
    header = next(iterator, None) or ()
    positions: dict[str, int] = {}
    wanted = {header_key(c.header): c.header for c in sheet.columns}
    for index, cell in enumerate(header):
        key = header_key(cell)
        if key in wanted and wanted[key] not in positions:
            positions[wanted[key]] = index
    problems = [
        Problem(sheet.name, 1, column.header, f"de kolom '{column.header}' ontbreekt")
        for column in sheet.columns
        if column.required and column.header not in positions
    ]
    rows = []
    for number, values in enumerate(iterator, start=2):
        cells = {
            name: values[index] if index < len(values) else None
            for name, index in positions.items()
        }
        if all(_blank(v) for v in cells.values()):
            continue
        rows.append(Row(sheet.name, number, cells))
    return rows, problems


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Employers match on name: case, accents and spacing do not count."""
    return employer_key(name)
