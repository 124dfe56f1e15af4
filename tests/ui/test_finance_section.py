"""Section Financiën: R7 and R8 of the chosen year on the session's peildatum, and R20."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.formatting import money
from beschut_desktop.rules.finance import finance_year
from beschut_desktop.ui.sections import FINANCE


def test_r7_r8_finance_section_shows_the_year_on_the_peildatum(main_window, seeded) -> None:
    main_window.session.reload()
    page = main_window.show_section(FINANCE)
    on = main_window.session.as_of
    year = finance_year(main_window.session.register, on.year, on)
    assert "€ 48.600,00 (6 × € 8.100,00)" in page.budget_line.text()
    assert "186 uur per week beschikbaar" in page.budget_line.text()
    assert money(year.realised_cents) in page.subsidy_line.text()
    assert page.year_choice.currentData() == 2022
    assert page.groups.model.rowCount() == 4
    assert page.months.model.rowCount() == 12
    assert page.placements.model.rowCount() == len(year.placements)


def test_finance_section_follows_the_peildatum_and_prints(main_window, seeded) -> None:
    main_window.session.reload()
    page = main_window.show_section(FINANCE)
    main_window.set_as_of_text("2023-03-01")
    page = main_window.show_section(FINANCE)
    assert "Stand op 1 maart 2023" in page.subtitle.text()
    assert page.year_choice.currentData() == 2023
    page.year_choice.setCurrentIndex(page.year_choice.findData(2022))
    assert "Loonkostensubsidie 2022" in page.subsidy_line.text()
    pdf, name = page.document()
    assert pdf.startswith(b"%PDF") and name == "Financieel overzicht 2022 2023-03-01"
    assert page.durability.model.rowCount() >= 1
    assert dt.date(2023, 3, 1) == main_window.session.as_of
