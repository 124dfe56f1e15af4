"""A small register for the documents, written through ``Store.insert`` like a user would.

It reproduces the policy's September 2022 figures (quota 6, EUR 8,100 a place, 186 hours;
Reestmond three placements of 69 hours together, the municipality one of 32, three private
employers 58.5; used 159.5, left 26.5) and adds people waiting, names with diacritics, two
employers with the same name, reviews, goals, a wage-value assessment, an objection and notes.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from beschut_desktop.store.store import Store

ON = dt.date(2022, 9, 6)


def valid_bsn(seed: int) -> str:
    """A 9-digit number that passes the 11-proef, distinct per seed."""
    base = f"{10000000 + seed * 7919:08d}"[-8:]
    for last_digit_base in range(100):
        digits = base if last_digit_base == 0 else f"{int(base) + last_digit_base:08d}"[-8:]
        total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            return digits + str(check)
    raise AssertionError("no valid BSN found")


@dataclass
class Policy2022:
    path: Path
    persons: dict[str, int] = field(default_factory=dict)
    bsns: dict[str, str] = field(default_factory=dict)
    employers: dict[str, int] = field(default_factory=dict)
    placements: dict[str, int] = field(default_factory=dict)


def _person(
    store: Store,
    data: Policy2022,
    key: str,
    first: str,
    last: str,
    seed: int,
    decided: str,
    **extra: object,
) -> int:
    bsn = valid_bsn(seed)
    person_id = store.insert(
        "persons",
        {
            "bsn": bsn,
            "first_name": first,
            "last_name": last,
            "registered_on": "2019-01-15",
            "city": "Staphorst",
            **extra,
        },
    )
    advice_id = store.insert(
        "uwv_advices",
        {
            "person_id": person_id,
            "requested_by": "municipality",
            "request_date": "2019-02-01",
            "advice_date": decided,
            "ground_supervision": True,
            "outcome": "positive",
        },
    )
    store.insert(
        "decisions",
        {
            "person_id": person_id,
            "advice_id": advice_id,
            "decision_date": decided,
            "outcome": "positive",
            "eligibility_basis": "target_group",
        },
    )
    data.persons[key] = person_id
    data.bsns[key] = bsn
    return person_id


def _place(
    store: Store,
    data: Policy2022,
    key: str,
    person: str,
    employer: str,
    hours: float,
    start: str,
    **extra: object,
) -> int:
    placement_id = store.insert(
        "placements",
        {
            "person_id": data.persons[person],
            "employer_id": data.employers[employer],
            "offer_date": start,
            "offer_status": "accepted",
            "start_date": start,
            "hours_per_week": hours,
            "job_title": "Medewerker",
            **extra,
        },
    )
    data.placements[key] = placement_id
    return placement_id


def fill_policy_2022(store: Store, path: Path) -> Policy2022:
    data = Policy2022(path)
    with store.atomic():
        store.save_settings({"consultant_name": "Marieke Brink"})
        # The 2021 minimum wages (21+, gross per month) are not shipped with a new register.
        store.insert(
            "minimum_wage_periods",
            {"start_date": "2021-01-01", "amount_cents": 168480, "unit": "month"},
        )
        store.insert(
            "minimum_wage_periods",
            {"start_date": "2021-07-01", "amount_cents": 170100, "unit": "month"},
        )
        store.insert("quota_years", {"year": 2020, "quota": 5, "amount_per_place_cents": 850000})
        store.insert("quota_years", {"year": 2021, "quota": 6, "amount_per_place_cents": 800000})
        store.insert("quota_years", {"year": 2023, "quota": 7, "amount_per_place_cents": 880000})
        data.employers["reestmond"] = store.insert(
            "employers",
            {
                "name": "Reestdal Werken B.V. (Reestmond)",
                "kind": "sw_company",
                "category": "a",
                "kvk_number": "05012345",
                "contact_name": "R. Mulder",
            },
        )
        data.employers["gemeente"] = store.insert(
            "employers", {"name": "Gemeente Staphorst", "kind": "municipality", "category": "b"}
        )
        data.employers["bakkerij"] = store.insert(
            "employers",
            {
                "name": "Bakkerij Schuurman",
                "kind": "private",
                "category": "b",
                "kvk_number": "61234567",
                "cao": "sector",
                "cao_name": "Cao Bakkersbedrijf",
                "sector_cao_more_favourable": True,
            },
        )
        data.employers["hupak"] = store.insert(
            "employers",
            {"name": "Hupak", "kind": "private", "category": "a", "kvk_number": "62345678"},
        )
        data.employers["devries"] = store.insert(
            "employers",
            {"name": "Hoveniersbedrijf De Vries", "kind": "private", "kvk_number": "63456789"},
        )
        data.employers["devries2"] = store.insert(
            "employers",
            {"name": "Hoveniersbedrijf De Vries", "kind": "private", "kvk_number": "64567890"},
        )

        people = [
            ("jan", "Jan", "Jansen", "2019-03-01"),
            ("lukasz", "Łukasz", "Kowalczyk", "2019-04-01"),
            ("gerrit", "Gerrit", "Bakker", "2019-05-01"),
            ("anna", "Anna", "Mulder", "2019-06-01"),
            ("henk", "Henk", "Post", "2019-07-01"),
            ("fatima", "Fatima", "El Amrani", "2019-08-01"),
            ("pieter", "Pieter", "Brouwer", "2019-09-01"),
            ("ayse", "Ayşe", "Şahin", "2021-02-01"),
            ("chloe", "Chloë", "Meijer", "2021-05-01"),
            ("zoe", "Zoë", "Hoekstra", "2021-11-01"),
        ]
        for seed, (key, first, last, decided) in enumerate(people, start=1):
            _person(store, data, key, first, last, seed, decided)
        store.update(
            "persons",
            data.persons["lukasz"],
            {
                "birth_date": "1990-05-17",
                "address": "Gemeenteweg 12",
                "postal_code": "7951 AB",
                "phone": "0522-123456",
                "email": "lukasz@example.nl",
            },
        )

        coach = store.insert(
            "coaches", {"employer_id": data.employers["bakkerij"], "name": "Joëlle de Boer"}
        )
        for item in range(1, 10):
            store.insert(
                "coach_criteria",
                {"coach_id": coach, "item": item, "met": item != 8, "checked_on": "2022-06-01"},
            )
        reest_coach = store.insert(
            "coaches", {"employer_id": data.employers["reestmond"], "name": "Kees Visser"}
        )

        _place(
            store,
            data,
            "jan",
            "jan",
            "reestmond",
            24,
            "2020-01-01",
            coach_id=reest_coach,
            contract_type="permanent",
        )
        _place(
            store,
            data,
            "lukasz",
            "lukasz",
            "reestmond",
            24,
            "2021-03-01",
            coach_id=reest_coach,
            job_title="Inpakker",
            end_date="2023-02-28",
            development_plan_date="2021-03-15",
        )
        _place(
            store,
            data,
            "gerrit",
            "gerrit",
            "reestmond",
            21,
            "2020-06-01",
            contract_type="permanent",
        )
        _place(
            store,
            data,
            "anna",
            "anna",
            "gemeente",
            32,
            "2021-01-01",
            contract_type="permanent",
            job_title="Medewerker groenonderhoud",
        )
        _place(
            store,
            data,
            "henk",
            "henk",
            "bakkerij",
            20,
            "2022-03-01",
            coach_id=coach,
            end_date="2023-02-28",
            job_title="Hulpbakker",
            job_description="Deeg afwegen, ovens vullen, schoonmaken",
        )
        _place(store, data, "fatima", "fatima", "hupak", 19.5, "2022-02-01", end_date="2023-01-31")
        _place(store, data, "pieter", "pieter", "devries", 19, "2022-04-01", end_date="2022-12-31")

        lukasz = data.placements["lukasz"]
        for goal, status in (
            ("Zelfstandig een orderlijst afwerken", "achieved"),
            ("Werktempo verhogen naar 80%", "open"),
            ("Samenwerken met nieuwe collega's", "open"),
        ):
            store.insert(
                "development_goals", {"placement_id": lukasz, "goal": goal, "status": status}
            )
        store.insert(
            "reviews",
            {
                "placement_id": lukasz,
                "review_date": "2022-03-10",
                "participants": "Łukasz, Kees Visser, Marieke Brink",
                "functioning": "Werkt nauwkeurig; tempo groeit.",
                "safety": "Voelt zich veilig in het team.",
            },
        )
        store.insert(
            "wage_value_assessments",
            {
                "placement_id": lukasz,
                "assessment_date": "2021-06-15",
                "wage_value_percentage": 45,
                "assessor": "Loonwaarde B.V.",
            },
        )
        store.insert(
            "wage_value_assessments",
            {
                "placement_id": lukasz,
                "assessment_date": "2022-06-10",
                "wage_value_percentage": 50,
                "assessor": "Loonwaarde B.V.",
            },
        )
        store.insert(
            "subsidy_periods",
            {
                "placement_id": lukasz,
                "kind": "flat_rate",
                "start_date": "2021-03-01",
                "end_date": "2021-06-14",
            },
        )
        store.insert(
            "subsidy_periods",
            {"placement_id": lukasz, "kind": "wage_value", "start_date": "2021-06-15"},
        )
        store.insert(
            "interim_provisions",
            {
                "person_id": data.persons["chloe"],
                "kind": "day_activities",
                "description": "Zorgboerderij De Hoeve",
                "start_date": "2021-06-01",
            },
        )
        store.insert(
            "interim_provisions",
            {"person_id": data.persons["ayse"], "kind": "volunteering", "start_date": "2021-03-01"},
        )
        decision = next(d for d in store.load().decisions if d.person_id == data.persons["lukasz"])
        store.insert(
            "objections",
            {
                "person_id": data.persons["lukasz"],
                "decision_id": decision.id,
                "lodged_date": "2019-05-01",
                "decided_on": "2019-06-10",
                "outcome": "withdrawn",
            },
        )
        store.insert(
            "notes",
            {
                "person_id": data.persons["lukasz"],
                "created_on": "2022-08-30",
                "text": "Wil graag meer uren; bespreken bij het volgende "
                "gesprek. Bedrag € 1.234,56 nagevraagd.",
            },
        )
    store.update("placements", lukasz, {"hours_per_week": 24.0, "notes": "Uren bevestigd"})
    return data


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF, pages joined, as a reader (and a screen reader) gets it."""
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Whitespace folded to single spaces, so a table cell's line break does not matter."""
    return " ".join(text.split())
