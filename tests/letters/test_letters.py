"""The four letters, read back with python-docx: the right person, employer, amounts and clause;
never a BSN; recorded in the case file; the sending date starts the objection term."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from docx import Document
from letter_data import BSN, ON, LetterCase, docx_text, squash
from PIL import Image

from beschut_desktop.errors import UserError
from beschut_desktop.formatting import money
from beschut_desktop.letters.content import Meeting
from beschut_desktop.letters.making import confirm_sent, letters_of, make_letter
from beschut_desktop.rules.subsidy import subsidy_for_month
from beschut_desktop.store.store import Store

CLAUSE = "binnen zes weken na de dag van verzending van deze brief"


def _text(store: Store, kind: str, person_id: int, on: dt.date = ON, **extra) -> str:
    letter = make_letter(store, kind, person_id, on, **extra)
    return squash(docx_text(letter.docx))


def test_every_letter_carries_letterhead_reference_addressee_and_never_a_bsn(
    store: Store, case: LetterCase
) -> None:
    for kind in ("indication", "offer", "subsidy", "review-invitation"):
        text = _text(store, kind, case.person_id)
        assert "Gemeente Staphorst" in text
        assert "Postbus 2" in text
        assert "Ons kenmerk BW-00001" in text or "BW-00001" in text
        assert "6 september 2022" in text
        assert BSN not in text.replace(" ", ""), kind
        assert "J. de Wethouder" in text and "Teamleider Werk" in text


def test_indication_letter_names_decision_advice_grounds_and_legal_basis(
    store: Store, case: LetterCase
) -> None:
    text = _text(store, "indication", case.person_id)
    assert "Łukasz Kowalczyk Gemeenteweg 12 7951 AB Staphorst" in text
    assert "Geachte heer/mevrouw Kowalczyk," in text
    assert "Op 1 april 2021 hebben wij besloten" in text
    assert "U krijgt een indicatie beschut werk." in text
    assert "UWV ons op 15 maart 2021 advies gegeven" in text
    assert "blijvend toezicht of intensieve begeleiding" in text
    assert "artikel 10b van de Participatiewet en artikel 8 van de Re-integratieverordening" in text
    assert "U werkt al in een beschutte werkplek bij Bakkerij Schuurman & Zn" in text
    assert CLAUSE in text


def test_indication_letter_for_someone_waiting_names_the_waiting_list(
    store: Store, case: LetterCase
) -> None:
    store.update("quota_years", 2022, {"quota": 1})
    text = _text(store, "indication", case.waiting_id)
    assert "U komt daarom op de wachtlijst, op plaats 1." in text
    assert "(artikel 8 lid 2 Re-integratieverordening)" in text


def test_awb_objection_last_day_only_when_the_sending_date_is_known(
    store: Store, case: LetterCase
) -> None:
    first = make_letter(store, "indication", case.person_id, ON)
    assert "uiterlijk op" not in docx_text(first.docx)
    confirm_sent(store, first.letter_id, ON)
    assert store.row("decisions", case.decision_id)["sent_date"] == "2022-09-06"
    text = _text(store, "indication", case.person_id)
    # Sent Tuesday 6 September 2022: the term runs up to and including 18 October 2022.
    assert "Deze brief is verzonden op 6 september 2022" in text
    assert "uiterlijk op 18 oktober 2022 bij ons binnen" in text
    assert CLAUSE in text


def test_r10_offer_letter_names_employer_job_hours_start_contract_and_motivation(
    store: Store, case: LetterCase
) -> None:
    text = _text(store, "offer", case.person_id)
    assert "Wij bieden u een werkplek aan bij Bakkerij Schuurman & Zn" in text
    assert "Functie Hulpbakker" in text
    assert "Uren per week 24 uur" in text
    assert "Eerste werkdag 1 februari 2022" in text
    assert "een tijdelijk contract tot en met 31 januari 2023" in text
    assert "Vaste structuur en een rustige werkplek passen bij Łukasz." in text
    assert "aangepast werktempo" in text
    assert "Begeleider Joëlle de Boer" in text
    assert CLAUSE in text


def test_offer_sent_sets_the_offers_sending_date(store: Store, case: LetterCase) -> None:
    letter = make_letter(store, "offer", case.person_id, ON)
    confirm_sent(store, letter.letter_id, dt.date(2022, 9, 7))
    assert store.row("placements", case.placement_id)["offer_sent_date"] == "2022-09-07"
    assert "uiterlijk op 19 oktober 2022" in _text(store, "offer", case.person_id)


def test_r8_subsidy_letter_to_the_employer_with_amount_per_month_and_next_assessment(
    store: Store, case: LetterCase
) -> None:
    register = store.load()
    placement = register.placement(case.placement_id)
    june = subsidy_for_month(register, placement, 2022, 6)
    text = _text(store, "subsidy", case.person_id)
    assert "Bakkerij Schuurman & Zn t.a.v. H. Schuurman Dorpsstraat 1 7951 AA Staphorst" in text
    assert "Geachte heer/mevrouw Schuurman," in text
    assert "Uw werknemer Łukasz Kowalczyk werkt bij u" in text
    assert "loonkostensubsidie op basis van loonwaarde" in text
    assert "op 16 mei 2022 vastgesteld op 50%" in text
    assert f"Voor een volle maand is dat {money(june.total_cents)}" in text
    assert f"juni 2022 {money(june.base_cents)} {money(june.employer_charges_cents)}" in text
    assert "van 16 mei 2022 tot en met 31 januari 2023" in text
    assert "uiterlijk op 16 mei 2023" in text
    assert "UWV" not in text
    assert CLAUSE in text


def test_r8_subsidy_letter_before_the_first_assessment_is_the_flat_rate(
    store: Store, case: LetterCase
) -> None:
    store.delete("wage_value_assessments", 1)
    text = _text(store, "subsidy", case.person_id, dt.date(2022, 3, 1))
    assert "forfaitaire loonkostensubsidie" in text
    assert "van 1 februari 2022 tot en met 31 mei 2022" in text
    assert "50% van het wettelijk minimumloon" in text


def test_r8_subsidy_letter_dated_before_an_assessment_does_not_know_it(
    store: Store, case: LetterCase
) -> None:
    # As of means as of: the assessment of 16 May 2022 is not known on 1 March 2022.
    text = _text(store, "subsidy", case.person_id, dt.date(2022, 3, 1))
    assert "forfaitaire loonkostensubsidie" in text
    assert "van 1 februari 2022 tot en met 31 mei 2022" in text
    assert "16 mei 2022" not in text and "loonwaarde van 50%" not in text


def test_r8_no_subsidy_letter_after_the_flat_rate_without_an_assessment(
    store: Store, case: LetterCase
) -> None:
    store.delete("wage_value_assessments", 1)
    with pytest.raises(UserError, match="geen loonwaardemeting"):
        make_letter(store, "subsidy", case.person_id, ON)
    assert letters_of(store, case.person_id) == []


def test_r18_review_invitation_before_the_due_date_or_on_the_planned_meeting(
    store: Store, case: LetterCase
) -> None:
    text = _text(store, "review-invitation", case.person_id)
    # Started 1 February 2022, no review yet: due six months later.
    assert "Het gesprek moet plaatsvinden vóór 1 augustus 2022" not in text
    assert "Het gesprek had vóór 1 augustus 2022 moeten plaatsvinden" in text
    for subject in ("functioneren", "situatie", "perspectief", "ontwikkelplan"):
        assert subject in text
    assert "bezwaar" not in text.lower()
    planned = _text(
        store,
        "review-invitation",
        case.person_id,
        dt.date(2022, 7, 1),
        meeting=Meeting(dt.date(2022, 7, 20), "10.00 uur", "Bakkerij Schuurman"),
    )
    assert "Het gesprek is op 20 juli 2022 om 10.00 uur, bij Bakkerij Schuurman." in planned
    assert "Joëlle de Boer" in planned


def test_making_a_letter_is_recorded_and_audited(store: Store, case: LetterCase) -> None:
    letter = make_letter(store, "subsidy", case.person_id, ON)
    [row] = letters_of(store, case.person_id)
    assert row["id"] == letter.letter_id
    assert (row["kind"], row["letter_date"], row["placement_id"]) == (
        "subsidy",
        "2022-09-06",
        case.placement_id,
    )
    [entry] = [e for e in store.history(person_id=case.person_id) if e["table_name"] == "letters"]
    assert entry["action"] == "insert"
    assert json.loads(entry["changes"])["kind"] == "subsidy"
    assert letter.file_name == "Besluit loonkostensubsidie BW-00001 2022-09-06.docx"


def test_a_sending_date_before_the_letter_is_refused(store: Store, case: LetterCase) -> None:
    letter = make_letter(store, "indication", case.person_id, ON)
    with pytest.raises(UserError, match="vóór de datum van de brief"):
        confirm_sent(store, letter.letter_id, dt.date(2022, 9, 5))
    assert store.row("decisions", case.decision_id)["sent_date"] is None


def test_as_of_a_date_before_the_decision_there_is_no_indication_letter(
    store: Store, case: LetterCase
) -> None:
    with pytest.raises(UserError, match="nog geen beschikking"):
        make_letter(store, "indication", case.person_id, dt.date(2021, 3, 31))


def test_missing_address_is_warned_but_the_letter_is_made(store: Store, case: LetterCase) -> None:
    letter = make_letter(store, "indication", case.waiting_id, ON)
    assert any("Zoë Hoekstra" in w and "ontbreken" in w for w in letter.warnings)
    assert "Zoë Hoekstra" in docx_text(letter.docx)


def test_the_logo_from_the_settings_is_in_the_letter(
    store: Store, case: LetterCase, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (31, 78, 121)).save(logo)
    store.save_settings({"logo_path": str(logo)})
    letter = make_letter(store, "offer", case.person_id, ON)
    assert len(Document(io.BytesIO(letter.docx)).inline_shapes) == 1


def test_a_logo_that_is_no_picture_is_said_in_dutch(
    store: Store, case: LetterCase, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n kapot")
    store.save_settings({"logo_path": str(logo)})
    with pytest.raises(UserError, match="logo.png"):
        make_letter(store, "offer", case.person_id, ON)


def test_r1_refused_indication_and_an_ended_one_on_reassessment(
    store: Store, case: LetterCase
) -> None:
    refused = store.insert(
        "persons",
        {
            "bsn": "100000009",
            "first_name": "Henk",
            "last_name": "Post",
            "registered_on": "2022-01-01",
            "address": "Kerkweg 1",
            "postal_code": "7951 AA",
            "city": "Staphorst",
        },
    )
    store.insert(
        "decisions", {"person_id": refused, "decision_date": "2022-08-01", "outcome": "negative"}
    )
    text = _text(store, "indication", refused)
    assert "U krijgt geen indicatie beschut werk." in text
    assert "U komt niet in aanmerking voor beschut werk." in text
    assert CLAUSE in text

    store.insert(
        "decisions",
        {
            "person_id": case.person_id,
            "kind": "reassessment",
            "decision_date": "2022-09-01",
            "outcome": "negative",
        },
    )
    ended = _text(store, "indication", case.person_id)
    assert "Uw indicatie beschut werk stopt met ingang van 1 september 2022." in ended


def test_removal_on_request_takes_the_letters_and_their_reads(
    store: Store, case: LetterCase
) -> None:
    letter = make_letter(store, "indication", case.person_id, ON)
    confirm_sent(store, letter.letter_id, ON)
    store.remove_person(case.person_id, ON)
    assert letters_of(store, case.person_id) == []
    left = store.conn.execute(
        "SELECT count(*) FROM audit WHERE person_id = ? OR table_name IN ('letter', 'letters')",
        (case.person_id,),
    ).fetchone()[0]
    assert left == 0
