"""The rows of the four sheets as typed records, every unreadable cell a problem.

Parsing never stops at the first problem: the consultant fixes the whole file in one go.
A breach of policy (a 10-hour or 5-month contract) is not a problem here; the contract check
and the signals show it once it is in the register.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from beschut_desktop.exchange import cells
from beschut_desktop.exchange.sheets import (
    EMPLOYERS,
    ERROR_VALUES,
    PERSONS,
    PLACEMENTS,
    QUOTA,
    Problem,
    Row,
    Uncalculated,
    name_key,
)


@dataclass
class Record:
    """One row read: its place in the file and the values by column header (None = empty)."""

    row: Row
    values: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, header: str) -> Any:
        return self.values.get(header)

    def missing(self, header: str) -> bool:
        """Empty in the file (a cell that could not be read is not missing: it is wrong)."""
        return self[header] is None and cells.is_empty(self.row.get(header))

    def failed(self, header: str) -> bool:
        """Filled in, but unreadable: a problem about it was reported already."""
        return self[header] is None and not cells.is_empty(self.row.get(header))

    def has_column(self, header: str) -> bool:
        return header in self.row.cells

    def problem(self, header: str | None, message: str) -> Problem:
        value = self.row.get(header) if header else None
        return Problem(
            self.row.sheet,
            self.row.number,
            header,
            message,
            None if cells.is_empty(value) else cells.shown(value),
        )


@dataclass
class ParsedFile:
    quota: list[Record] = field(default_factory=list)
    employers: list[Record] = field(default_factory=list)
    persons: list[Record] = field(default_factory=list)
    placements: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _non_negative(reader: Callable[[object], Any]) -> Callable[[object], Any]:
    def read(value: object) -> Any:
        found = reader(value)
        if found is not None and found < 0:
            raise cells.CellError(f"'{cells.shown(value)}' is negatief")
        return found

    return read


def _year(value: object) -> int | None:
    found = cells.whole_number(value)
    if found is not None and not 2000 <= found <= 2100:
        raise cells.CellError(f"'{cells.shown(value)}' is geen jaartal")
    return found


def _hours(value: object) -> float | None:
    found = _non_negative(cells.decimal)(value)
    return None if found is None else float(found)


READERS: dict[str, dict[str, Callable[[object], Any]]] = {
    QUOTA.name: {
        "Jaar": _year,
        "Taakstelling": _non_negative(cells.whole_number),
        "Bedrag per plek": _non_negative(cells.cents),
        "Uren per week per plek": _hours,
    },
    EMPLOYERS.name: {
        "Naam": cells.text,
        "Soort": lambda v: cells.choice(
            v, cells.EMPLOYER_KINDS, "SW-bedrijf, Gemeente of Particulier"
        ),
        "KvK-nummer": cells.text,
        "Cao": cells.cao,
    },
    PERSONS.name: {
        "BSN": cells.bsn,
        "Voornaam": cells.text,
        "Achternaam": cells.text,
        "Geboortedatum": cells.date,
        "Datum advies UWV": cells.date,
        "Datum beschikking": cells.date,
        "Voorziening tot start": cells.interim,
    },
    PLACEMENTS.name: {
        "BSN": cells.bsn,
        "Werkgever": cells.text,
        "Startdatum": cells.date,
        "Einddatum": cells.date,
        "Uren per week": _hours,
        "Proefplaatsing vooraf": cells.yes_no,
        "Contract": lambda v: cells.choice(v, cells.CONTRACT_TYPES, "tijdelijk of vast"),
    },
}

# The columns that make a row's identity: without them the row cannot be matched.
KEYS = {
    QUOTA.name: ("Jaar",),
    EMPLOYERS.name: ("Naam",),
    PERSONS.name: ("BSN",),
    PLACEMENTS.name: ("BSN", "Werkgever", "Startdatum"),
}


def parse(rows: dict[str, list[Row]], problems: list[Problem]) -> ParsedFile:
    parsed = ParsedFile(problems=list(problems))
    targets = {
        QUOTA.name: parsed.quota,
        EMPLOYERS.name: parsed.employers,
        PERSONS.name: parsed.persons,
        PLACEMENTS.name: parsed.placements,
    }
    for sheet_name, readers in READERS.items():
        seen: dict[object, int] = {}
        for row in rows.get(sheet_name, []):
            record = Record(row)
            for header, read in readers.items():
                try:
                    record.values[header] = read(_readable(row.get(header)))
                except cells.CellError as exc:
                    parsed.problems.append(record.problem(header, str(exc)))
            complete = True
            for header in KEYS[sheet_name]:
                if record[header] is None:
                    if header in row.cells and cells.is_empty(row.get(header)):
                        parsed.problems.append(record.problem(header, "is leeg, maar verplicht"))
                    complete = False
            if not complete:
                continue
            key = identity(sheet_name, record)
            if key in seen:
                parsed.problems.append(
                    record.problem(KEYS[sheet_name][0], f"deze regel staat al op rij {seen[key]}")
                )
                continue
            seen[key] = row.number
            targets[sheet_name].append(record)
    return parsed


def _readable(value: object) -> object:
    """The cell's value, unless Excel could not give one: a formula it never calculated or an
    error such as #DEEL/0! is refused, never read as empty text."""
    if isinstance(value, Uncalculated):
        raise cells.CellError(
            f"de formule '{cells.shown(value)}' heeft geen opgeslagen uitkomst; open het "
            "bestand in Excel, laat het herberekenen en sla het op (of typ de waarde)"
        )
    if isinstance(value, str) and value.strip() in ERROR_VALUES:
        raise cells.CellError(f"de cel bevat een Excel-fout ({value.strip()}); vul de waarde in")
    return value


def identity(sheet_name: str, record: Record) -> tuple:
    if sheet_name == EMPLOYERS.name:
        return (name_key(record["Naam"]),)
    if sheet_name == PLACEMENTS.name:
        return (record["BSN"], name_key(record["Werkgever"]), record["Startdatum"])
    return tuple(record[h] for h in KEYS[sheet_name])


def contiguous(earlier_end: dt.date | None, later_start: dt.date | None) -> bool:
    """A contract at the same employer that starts within a week after the previous one ends is
    its renewal (R18: the review clock continues; R20: the earlier one has an outcome)."""
    if earlier_end is None or later_start is None:
        return False
    return earlier_end < later_start <= earlier_end + dt.timedelta(days=7)
