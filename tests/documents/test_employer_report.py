"""Employer conditions and contract check (R12, R13, R15, R16, R17), ticked from the data."""

from __future__ import annotations

import datetime as dt

import pytest
from document_data import ON, Policy2022, pdf_text, squash

from beschut_desktop.documents.commands import find_employer
from beschut_desktop.documents.employer_report import build_employer_report
from beschut_desktop.errors import UserError
from beschut_desktop.store.store import Store


def _report(
    store: Store, policy: Policy2022, employer: str, placement: str | None = None, on: dt.date = ON
) -> str:
    placement_id = policy.placements[placement] if placement else None
    return squash(
        pdf_text(build_employer_report(store.load(), policy.employers[employer], on, placement_id))
    )


def test_r13_r15_employer_checklist_item_by_item(store: Store, policy: Policy2022) -> None:
    text = _report(store, policy, "bakkerij")
    assert "Bakkerij Schuurman — stand op 6 september 2022" in text
    assert "☑ R13 Cao Aan de Slag of gunstiger sector-cao" in text
    assert "Cao Bakkersbedrijf, gunstiger voor de werknemer" in text
    assert "Joëlle de Boer — 8 van 9 criteria voldaan" in text
    assert "☒ R15 8. Heeft een diploma jobcoachopleiding" in text
    assert "☑ R15 3. Heeft achtervang bij ziekte of verlof" in text


def test_r12_r16_placement_checks_and_open_items(store: Store, policy: Policy2022) -> None:
    text = _report(store, policy, "bakkerij")
    henk = f"BW-{policy.persons['henk']:05d} H.P."
    assert f"Plaatsing {henk} — Hulpbakker" in text
    assert "☑ R12 Contractduur minimaal 6 maanden" in text
    assert "☑ R12 Minimaal 12 uur per week" in text
    assert "☑ R16 Omschrijving van functie en takenpakket aanwezig" in text
    assert "☒ R16 Ontwikkelplan opgesteld bij aanvang contract" in text
    open_part = text[text.index("Open punten en termijnen") :]
    assert "Joëlle de Boer" in open_part and "8. Heeft een diploma" in open_part
    assert f"{henk} (1-3-2022 t/m 28-2-2023)" in open_part
    assert "Er is geen ontwikkelplan vastgelegd" in open_part


def test_r12_contract_too_short_after_trial_is_not_met(store: Store, policy: Policy2022) -> None:
    store.update("placements", policy.placements["pieter"], {"trial_before": True})
    text = _report(store, policy, "devries")
    assert "☒ R12 Contractduur minimaal 12 maanden (na een proefplaatsing)" in text


def test_r17_tailored_agreement_with_deadline_in_open_items(
    store: Store, policy: Policy2022
) -> None:
    store.insert(
        "tailored_agreements",
        {
            "employer_id": policy.employers["bakkerij"],
            "placement_id": policy.placements["henk"],
            "reason": "transition",
            "agreed_on": "2023-01-10",
            "deadline": "2023-12-31",
            "prospect": "Begeleider volgt de jobcoachopleiding",
        },
    )
    text = _report(store, policy, "bakkerij", on=dt.date(2023, 2, 1))
    assert "Maatwerkafspraak" in text
    open_part = text[text.index("Open punten en termijnen") :]
    assert "31-12-2023" in open_part


def test_one_placement_only(store: Store, policy: Policy2022) -> None:
    text = _report(store, policy, "reestmond", "lukasz")
    lukasz = f"BW-{policy.persons['lukasz']:05d} Ł.K."
    assert f"Plaatsing {lukasz} — Inpakker" in text
    assert "R13 Cao Aan de Slag of gunstiger sector-cao" in text
    assert f"BW-{policy.persons['jan']:05d}" not in text
    assert "Interne begeleiders" not in text


def test_no_bsn_and_no_full_names_on_the_employer_report(store: Store, policy: Policy2022) -> None:
    text = _report(store, policy, "reestmond")
    for bsn in policy.bsns.values():
        assert bsn not in text
    assert "Kowalczyk" not in text


def test_employer_found_by_name_or_kvk_and_ambiguity_is_said(
    store: Store, policy: Policy2022
) -> None:
    register = store.load()
    assert find_employer(register, "  bakkerij   schuurman ").id == policy.employers["bakkerij"]
    assert find_employer(register, "64567890").id == policy.employers["devries2"]
    with pytest.raises(UserError) as raised:
        find_employer(register, "Hoveniersbedrijf De Vries")
    assert "2 werkgevers met de naam" in raised.value.message
    assert "KvK 63456789" in raised.value.message and "KvK 64567890" in raised.value.message
    with pytest.raises(UserError) as raised:
        find_employer(register, "Reestdal")
    assert "Bedoelt u: Reestdal Werken B.V. (Reestmond)?" in raised.value.message
