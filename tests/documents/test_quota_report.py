"""The quota and budget report reproduces the policy's September 2022 figures (R4, R7)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

from document_data import ON, Policy2022, pdf_text, squash

from beschut_desktop.documents.quota_report import build_quota_report, chart_years
from beschut_desktop.store.store import Store


def test_r7_quota_report_reproduces_the_policy_figures(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_quota_report(store.load(), ON)))
    assert "Taakstelling en begeleidingsbudget" in text
    assert "Stand op 6 september 2022" in text
    assert "Taakstelling 2022" in text
    assert "Taakstelling 6" in text and "Gerealiseerde plekken 7" in text
    assert "Beschikbare uren per week 186 uur" in text
    assert "Gebruikte uren per week 159,5 uur" in text
    assert "Resterende uren per week 26,5 uur" in text
    assert "Bedrag per plek € 8.100,00" in text
    assert "Budget 2022 € 48.600,00" in text


def test_r4_places_and_hours_by_employer_kind(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_quota_report(store.load(), ON)))
    assert "SW-bedrijf 3 69 uur" in text
    assert "Gemeente 1 32 uur" in text
    assert "Particulier 3 58,5 uur" in text
    assert "Totaal 7 159,5 uur" in text
    assert "Reestdal Werken B.V. (Reestmond) SW-bedrijf 3 69 uur" in text


def test_r5_queue_length_on_the_report(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_quota_report(store.load(), ON)))
    assert "Te plaatsen (rij) 0" in text
    assert "Op de wachtlijst 3" in text


def test_chart_covers_every_year_with_a_quota(store: Store, policy: Policy2022) -> None:
    years = chart_years(store.load(), ON)
    assert [y for y, _, _ in years] == [2020, 2021, 2022, 2023]
    assert years[2] == (2022, 6, 7)
    assert years[3] == (2023, 7, None)  # after the report date: quota only
    text = pdf_text(build_quota_report(store.load(), ON))
    assert "Taakstelling en gerealiseerde plekken per jaar" in text
    for year in ("2020", "2021", "2022", "2023"):
        assert year in text


def test_r4_year_without_quota_is_said_not_guessed(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_quota_report(store.load(), dt.date(2027, 3, 1))))
    assert "geen taakstelling ingevoerd voor 2027" in text
    assert "Taakstelling onbekend" in text


def test_no_bsn_and_no_names_on_the_report(store: Store, policy: Policy2022) -> None:
    text = pdf_text(build_quota_report(store.load(), ON))
    for bsn in policy.bsns.values():
        assert bsn not in text
    assert "Kowalczyk" not in text and "Łukasz" not in text


def _rules_policy_register():
    """The rule tests' own September 2022 register (tests/rules/policy_2022.py), loaded by
    path so that both suites check the same figures."""
    path = Path(__file__).resolve().parents[1] / "rules" / "policy_2022.py"
    spec = importlib.util.spec_from_file_location("rules_policy_2022_for_documents", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_r7_same_figures_from_the_rule_tests_register(store: Store) -> None:
    module = _rules_policy_register()
    module.build_policy_2022(store)
    text = squash(pdf_text(build_quota_report(store.load(), module.SEPTEMBER_2022)))
    for figure in (
        "Budget 2022 € 48.600,00",
        "Beschikbare uren per week 186 uur",
        "Gebruikte uren per week 159,5 uur",
        "Resterende uren per week 26,5 uur",
        "SW-bedrijf 3 69 uur",
        "Gemeente 1 32 uur",
        "Particulier 3 58,5 uur",
    ):
        assert figure in text
