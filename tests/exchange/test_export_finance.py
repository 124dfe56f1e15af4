"""The Financiën sheet of the export: R8 per placement per month, as the finance report."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from beschut_desktop.demo import fill_demo
from beschut_desktop.exchange.export import write_register
from beschut_desktop.rules.finance import finance_year
from beschut_desktop.store.store import Store

TODAY = dt.date(2026, 6, 15)


def test_r8_finance_sheet_matches_the_year_per_placement(tmp_path) -> None:
    with Store.open(tmp_path / "bron.db", today=TODAY) as store:
        fill_demo(store, cases=8, today=TODAY)
        register = store.load()
    path = write_register(register, tmp_path / "uit.xlsx", without_bsn=True, today=TODAY)
    workbook = load_workbook(path, read_only=True)
    rows = list(workbook["Financiën (alleen lezen)"].iter_rows(values_only=True))
    workbook.close()
    assert rows[0][:3] == ("Jaar", "Maand", "Zaaknummer")
    year = finance_year(register, 2026, TODAY)
    assert year.placements
    realised = sum(round(r[10] * 100) for r in rows[1:] if r[6] == "gerealiseerd" and r[10])
    forecast = sum(round(r[10] * 100) for r in rows[1:] if r[6] == "prognose" and r[10])
    assert (realised, forecast) == (year.realised_cents, year.forecast_cents)
    assert all(r[0] == 2026 for r in rows[1:])
