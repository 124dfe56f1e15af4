"""Helpers for the exchange tests: valid BSNs, and workbooks written cell by cell as a
consultant's own Excel list would be."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from beschut_desktop.store.store import Store

TODAY = dt.date(2022, 9, 6)


def valid_bsns(count: int, start: int = 10_000_000) -> list[str]:
    """Made-up numbers that pass the 11-proef."""
    found = []
    number = start
    while len(found) < count:
        digits = [int(d) for d in f"{number:08d}"]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            found.append(f"{number:08d}{check}")
        number += 1
    return found


BSN_A, BSN_B, BSN_C, BSN_D = valid_bsns(4, start=12_345_000)
# A BSN with a leading zero, which Excel shows as an 8-digit number.
BSN_ZERO = valid_bsns(1, start=1_234_567)[0]


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


QUOTA_HEADER = ["Jaar", "Taakstelling", "Bedrag per plek", "Uren per week per plek"]
EMPLOYER_HEADER = ["Naam", "Soort (SW-bedrijf, Gemeente, Particulier)", "KvK-nummer", "Cao"]
PERSON_HEADER = [
    "BSN",
    "Voornaam",
    "Achternaam",
    "Geboortedatum",
    "Datum advies UWV",
    "Datum beschikking",
    "Voorziening tot start",
]
PLACEMENT_HEADER = [
    "BSN",
    "Werkgever",
    "Startdatum",
    "Einddatum",
    "Uren per week",
    "Proefplaatsing vooraf (ja/nee)",
    "Contract (tijdelijk/vast)",
]


def good_sheets() -> dict[str, list[list[object]]]:
    """A small valid register in the consultant's own notation (text dates, Dutch numbers)."""
    return {
        "Taakstelling": [QUOTA_HEADER, [2023, 7, "8.680", None], [2022, 6, 8100, 31]],
        "Werkgevers": [
            EMPLOYER_HEADER,
            ["Reestdal Werken B.V.", "SW-bedrijf", "05077890", "Cao Aan de Slag"],
            ["Gemeente Staphorst", "gemeente", None, None],
            ["Bakkerij Post", "PARTICULIER", "12345678", "Cao Bakkersbedrijf"],
        ],
        "Personen": [
            PERSON_HEADER,
            [BSN_A, "Jan", "Mulder", "12-3-1990", "1-2-2021", "15-03-2021", None],
            [
                int(BSN_B),
                "Geesje",
                "Talen",
                dt.datetime(1985, 7, 1),
                dt.datetime(2021, 5, 3),
                dt.datetime(2021, 6, 1),
                "vrijwilligerswerk",
            ],
            [
                BSN_C[:4] + "." + BSN_C[4:6] + "." + BSN_C[6:],
                "Harm",
                "Post",
                None,
                "1-6-2022",
                "1-7-2022",
                "Arbeidsmatige dagbesteding",
            ],
            [int(BSN_ZERO), "Zoë", "Klomp", None, None, "2-8-2022", "werk bij de kringloop"],
        ],
        "Plaatsingen": [
            PLACEMENT_HEADER,
            [BSN_A, "Reestdal Werken B.V.", "1-1-2022", "30-6-2022", "19,5", "nee", "tijdelijk"],
            [BSN_A, "reestdal werken b.v.", "1-7-2022", None, 24, "n", "onbepaalde tijd"],
            [
                BSN_B,
                "Gemeente Staphorst",
                dt.datetime(2021, 9, 1),
                dt.datetime(2022, 2, 28),
                32,
                "ja",
                "bepaalde tijd",
            ],
            [BSN_C, "Bakkerij Post", "1-8-2022", "31-1-2023", "10", "WAAR", "Tijdelijk"],
        ],
    }


def audit_count(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table except the audit, to compare a register before and after."""
    tables = [
        r[0]
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    return {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
