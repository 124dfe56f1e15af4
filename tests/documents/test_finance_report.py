"""The finance report: R7 and R8 apart, the appendix matching the case files, durability (R20),
and no names or BSNs on paper."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from document_data import ON, Policy2022, pdf_pages, pdf_text, squash

from beschut_desktop.documents.case_file import build_case_file
from beschut_desktop.documents.finance_report import build_finance_report
from beschut_desktop.formatting import money
from beschut_desktop.rules.finance import finance_year
from beschut_desktop.store.store import Store


def test_r7_r8_finance_summary_keeps_budget_and_subsidy_apart(
    store: Store, policy: Policy2022
) -> None:
    register = store.load()
    year = finance_year(register, 2022, ON)
    text = squash(pdf_text(build_finance_report(register, ON)))
    assert "Financieel overzicht 2022" in text and "Stand op 6 september 2022" in text
    assert "Begeleidingsbudget (R7)" in text and "Loonkostensubsidie (R8)" in text
    assert "Budget 2022 € 48.600,00" in text
    assert "Beschikbare uren per week 186 uur" in text
    assert "Resterende uren per week 26,5 uur" in text
    assert f"Gerealiseerd t/m september 2022 {money(year.realised_cents)}" in text
    assert f"Prognose rest van het jaar {money(year.forecast_cents)}" in text
    assert "Aannames van de prognose" in text
    assert "Er komen geen nieuwe plaatsingen bij" in text
    for label in ("SW-bedrijf", "Gemeente", "Particulier, categorie a", "Particulier, categorie b"):
        assert label in text
    assert "Duurzaamheid van de plaatsingen" in text
    assert "Redenen van beëindiging" in text


def test_r8_appendix_figures_match_each_case_file(store: Store, policy: Policy2022) -> None:
    register = store.load()
    year = finance_year(register, 2022, ON)
    assert year.placements
    pages = pdf_pages(build_finance_report(register, ON))
    appendix = squash(" ".join(p for p in pages if "Bijlage" in p or "BW-" in p))
    for subsidy in year.placements:
        person = subsidy.person
        assert person is not None
        case_file = squash(
            pdf_text(build_case_file(register, person.id, store.history(person_id=person.id), ON))
        )
        assert f"{person.case_number} {person.initials}" in appendix
        for month in subsidy.months:
            if month.forecast or month.result is None:
                continue
            # The case file shows the same amount for that month (alone or as "n × amount").
            assert money(month.result.total_cents) in case_file, (person.case_number, month)
            assert money(month.result.total_cents) in appendix


def test_finance_report_names_no_person_and_no_bsn(store: Store, policy: Policy2022) -> None:
    register = store.load()
    text = pdf_text(build_finance_report(register, ON))
    for person in register.persons:
        assert person.bsn not in text
        assert person.full_name not in text


def test_finance_report_as_of_a_later_year(store: Store, policy: Policy2022) -> None:
    register = store.load()
    text = squash(pdf_text(build_finance_report(register, ON, 2023)))
    assert "Financieel overzicht 2023" in text
    assert "Budget 2023 € 61.600,00" in text  # 7 × € 8.800


def test_report_finance_command_year_defaults_to_the_year_of_the_date(
    store: Store, policy: Policy2022, tmp_path: Path
) -> None:
    output = tmp_path / "financien.pdf"
    store.close()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "beschut_desktop",
            "report",
            "finance",
            "--db",
            str(policy.path),
            "-o",
            str(output),
            "--date",
            "6-9-2022",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Financieel overzicht 2022" in squash(pdf_text(output.read_bytes()))
    wrong = subprocess.run(
        [sys.executable, "-m", "beschut_desktop", "report", "quota", "--db", str(policy.path)]
        + ["-o", str(tmp_path / "q.pdf"), "--year", "2022"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode == 2
    assert "--year hoort niet bij 'report quota'" in wrong.stderr
    assert not (tmp_path / "q.pdf").exists()
