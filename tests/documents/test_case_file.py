"""The case file: every detail of one person with the BSN, and the history (AVG inzage)."""

from __future__ import annotations

from document_data import ON, Policy2022, pdf_text, squash

from beschut_desktop.documents.case_file import build_case_file
from beschut_desktop.store.store import Store


def _case(store: Store, policy: Policy2022, key: str = "lukasz") -> str:
    person = policy.persons[key]
    return squash(
        pdf_text(build_case_file(store.load(), person, store.history(person_id=person), ON))
    )


def test_case_file_prints_the_bsn_and_the_details(store: Store, policy: Policy2022) -> None:
    text = _case(store, policy)
    assert f"BSN {policy.bsns['lukasz']}" in text
    assert "Łukasz Kowalczyk" in text
    assert f"Zaaknummer BW-{policy.persons['lukasz']:05d}" in text
    assert "Geboortedatum 17-5-1990" in text
    assert "Gemeenteweg 12, 7951 AB Staphorst" in text
    assert "artikel 15 AVG" in text
    for other in ("jan", "ayse", "chloe"):
        assert policy.bsns[other] not in text


def test_r1_r2_r3_indication_advice_and_decision(store: Store, policy: Policy2022) -> None:
    text = _case(store, policy)
    assert "Vastgesteld op 1-4-2019" in text
    assert "Volgende controle 1-4-2020 (te laat)" in text
    assert "Gemeente 1-2-2019 1-4-2019 b — begeleiding Positief" in text
    # Awb: six weeks from the day after sending, 1 April 2019 → 13 May 2019.
    assert "1-4-2019 Indicatie Positief 1-4-2019 13-5-2019 Doelgroep" in text


def test_r12_r18_placement_with_contract_check_goals_and_reviews(
    store: Store, policy: Policy2022
) -> None:
    text = _case(store, policy)
    assert "Reestdal Werken B.V. (Reestmond) — Inpakker" in text
    assert "Tijdelijk, 1-3-2021 t/m 28-2-2023, 24 uur per week" in text
    assert "Contractduur minimaal 6 maanden" in text
    assert "Zelfstandig een orderlijst afwerken Bereikt" in text
    assert "10-3-2022" in text and "Werkt nauwkeurig; tempo groeit." in text
    assert "Volgend voortgangsgesprek 10-9-2022" in text


def test_r8_wage_value_and_subsidy_months_computed(store: Store, policy: Policy2022) -> None:
    text = _case(store, policy)
    assert "15-6-2021 45% Loonwaarde B.V." in text
    assert "Volgende loonwaardemeting uiterlijk 10-6-2023." in text
    for month in ("maart 2021", "juni 2021", "januari 2022", "september 2022"):
        assert month in text
    assert "oktober 2022" not in text  # after the report date
    assert "Forfaitair" in text and "Loonwaarde" in text
    assert "Totaal € " in text


def test_objection_and_notes(store: Store, policy: Policy2022) -> None:
    text = _case(store, policy)
    assert "Bezwaar beschikking van 1-4-2019 1-5-2019" in text
    assert "Ingetrokken" in text
    assert "30-8-2022 Wil graag meer uren" in text and "€ 1.234,56" in text


def test_history_of_the_person_in_readable_words(store: Store, policy: Policy2022) -> None:
    text = _case(store, policy)
    assert "Geschiedenis van de gegevens" in text
    assert "Persoon toegevoegd" in text
    assert "Plaatsing gewijzigd" in text and "Notities: (leeg) → Uren bevestigd" in text
    assert "Telefoon: (leeg) → 0522-123456" in text
    assert "Loonwaardemeting toegevoegd" in text and "Loonwaarde (%): 50" in text
    # Another person's history is not in this file.
    assert "Jansen" not in text


def test_person_with_nothing_but_a_registration(store: Store) -> None:
    person = store.insert(
        "persons",
        {
            "bsn": "111222333",
            "first_name": "Jan",
            "last_name": "Jansen",
            "registered_on": "2022-01-10",
        },
    )
    text = squash(
        pdf_text(build_case_file(store.load(), person, store.history(person_id=person), ON))
    )
    assert "BSN 111222333" in text
    assert "Op 6 september 2022 staat er geen indicatie beschut werk." in text
    assert "Geen advies vastgelegd." in text
    assert "Geen plaatsing of aanbod vastgelegd." in text
    assert "Geen bezwaar of beroep." in text
