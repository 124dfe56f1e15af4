"""The review form (R18 subjects, R19 topics) filled in for a placement, and blank."""

from __future__ import annotations

from document_data import ON, Policy2022, pdf_text, squash

from beschut_desktop.documents.review_form import build_blank_review_form, build_review_form
from beschut_desktop.store.store import Store
from beschut_desktop.wording import COACHING_TOPICS, REVIEW_SUBJECTS, label

HEADINGS = [label(f) for f in [*REVIEW_SUBJECTS, *COACHING_TOPICS]]


def test_r18_r19_review_form_carries_every_subject_and_topic(
    store: Store, policy: Policy2022
) -> None:
    text = squash(pdf_text(build_review_form(store.load(), policy.placements["lukasz"], ON)))
    assert HEADINGS == [
        "Functioneren",
        "Situatie",
        "Perspectief",
        "Voortgang ontwikkelplan",
        "Persoonlijke ontwikkeling",
        "Fysieke en sociale veiligheid",
        "Kwaliteit en continuïteit van de begeleiding",
        "Helderheid van de communicatie",
        "Privacy",
        "Methodisch werken",
    ]
    for heading in HEADINGS:
        assert heading in text


def test_review_form_filled_in_from_the_register(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_review_form(store.load(), policy.placements["lukasz"], ON)))
    assert "Werknemer Łukasz Kowalczyk" in text
    assert f"Zaaknummer BW-{policy.persons['lukasz']:05d}" in text
    assert "Reestdal Werken B.V. (Reestmond)" in text
    assert "Begeleider Kees Visser" in text
    assert "Functie Inpakker" in text
    assert "Tijdelijk, 1-3-2021 t/m 28-2-2023" in text
    assert "Uren per week 24 uur" in text
    assert "In dienst sinds 1-3-2021" in text
    assert "Vorig gesprek 10-3-2022" in text
    for goal in (
        "Zelfstandig een orderlijst afwerken",
        "Werktempo verhogen naar 80%",
        "Samenwerken met nieuwe collega's",
    ):
        assert goal in text
    assert policy.bsns["lukasz"] not in text


def test_r18_next_review_date_on_the_form(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_review_form(store.load(), policy.placements["lukasz"], ON)))
    # Previous review 10-3-2022, employment younger than two years: due 10-9-2022.
    assert "Dit gesprek uiterlijk op 10-9-2022" in text
    # Held on 6-9-2022 (employment then 1½ years old): the next within 6 months.
    assert (
        "Wordt dit gesprek gehouden op 6 september 2022, dan is het volgende gesprek "
        "uiterlijk op 6 maart 2023."
    ) in text


def test_r18_after_two_years_the_next_review_is_a_year_later(
    store: Store, policy: Policy2022
) -> None:
    text = squash(pdf_text(build_review_form(store.load(), policy.placements["jan"], ON)))
    assert "In dienst sinds 1-1-2020" in text
    assert "uiterlijk op 6 september 2023" in text


def test_review_form_has_three_signature_lines(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_review_form(store.load(), policy.placements["lukasz"], ON)))
    assert "Ondertekening" in text
    for role in ("Werknemer", "Werkgever / begeleider", "Consulent gemeente"):
        assert role in text
    assert "Naam: Marieke Brink" in text
    assert text.count("Handtekening:") == 3


def test_blank_review_form(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_blank_review_form(store.load(), ON)))
    assert "Leeg formulier" in text
    for heading in HEADINGS:
        assert heading in text
    assert "Ontwikkeldoel Status Voortgang" in text
    assert text.count("Handtekening:") == 3
    assert "Kowalczyk" not in text and "BW-0" not in text
    assert "pagina 1 van" in text
