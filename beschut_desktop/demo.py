"""A demo register: Staphorst-sized made-up cases in every state, relative to today.

Ten persons and five employers by default, so that every screen and document has something
true to show: a review due and one overdue, a contract ending, a contract ended with no
outcome, a flat-rate subsidy ending, a wage-value assessment overdue, a tailored agreement
near its deadline, an objection awaiting decision, a waiting list. ``--cases N`` adds more
made-up persons for scale. All names and BSNs are invented (BSNs pass the 11-proef).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from beschut_desktop.atomic_file import os_error_text
from beschut_desktop.errors import UserError
from beschut_desktop.rules.dates import add_months
from beschut_desktop.store import erasure, lock
from beschut_desktop.store.header import read_header
from beschut_desktop.store.store import Store

FIRST_NAMES = [
    "Jan",
    "Gerrit",
    "Albertje",
    "Hendrik",
    "Jantina",
    "Łukasz",
    "Ayşe",
    "Roelof",
    "Geesje",
    "Harm",
    "Zoë",
    "Jannes",
    "Aaltje",
    "Mehmet",
    "Noëlle",
    "Klaas",
    "Fenna",
    "Egbert",
    "Willemijn",
    "Lammert",
]
LAST_NAMES = [
    "Mulder",
    "Bakker",
    "Post",
    "Kowalski",
    "Şahin",
    "Brinkman",
    "Talen",
    "Dunnink",
    "Lamberts",
    "Schuurman",
    "Van der Veen",
    "Kroeze",
    "De Boer",
    "Haasjes",
    "Prins",
    "Compagner",
    "Jonker",
    "Sollie",
    "Klomp",
    "Ten Napel",
]

QUOTA_BY_YEAR = {
    2015: 1,
    2016: 2,
    2017: 3,
    2018: 4,
    2019: 5,
    2020: 5,
    2021: 6,
    2022: 6,
    2023: 7,
    2024: 7,
    2025: 8,
    2026: 8,
}
AMOUNT_BY_YEAR = {
    2015: 780000,
    2016: 795000,
    2017: 802000,
    2018: 815000,
    2019: 829000,
    2020: 846000,
    2021: 791000,
    2022: 810000,
    2023: 868000,
    2024: 905000,
    2025: 931000,
    2026: 948000,
}


def make_bsn(rng: random.Random) -> str:
    """A made-up number that passes the 11-proef."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


class _Demo:
    def __init__(self, store: Store, today: dt.date, seed: int = 2022) -> None:
        self.store = store
        self.today = today
        self.rng = random.Random(seed)
        self.used_bsns: set[str] = set()
        self.name_index = 0

    def ago(self, *, days: int = 0, months: int = 0) -> dt.date:
        return add_months(self.today, -months) - dt.timedelta(days=days)

    def ahead(self, *, days: int = 0, months: int = 0) -> dt.date:
        return add_months(self.today, months) + dt.timedelta(days=days)

    def person(self, registered: dt.date) -> int:
        bsn = make_bsn(self.rng)
        while bsn in self.used_bsns:
            bsn = make_bsn(self.rng)
        self.used_bsns.add(bsn)
        i = self.name_index
        self.name_index += 1
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        last = LAST_NAMES[(i * 7 + i // len(LAST_NAMES)) % len(LAST_NAMES)]
        birth = dt.date(
            1965 + self.rng.randint(0, 38), self.rng.randint(1, 12), self.rng.randint(1, 28)
        )
        return self.store.insert(
            "persons",
            {
                "bsn": bsn,
                "first_name": first,
                "last_name": last,
                "birth_date": birth,
                "phone": f"06-{self.rng.randint(10000000, 99999999)}",
                "address": f"{self.rng.choice(['Gemeenteweg', 'Oldeweg', 'Hesselingen', 'Middelweg'])}"
                f" {self.rng.randint(1, 400)}",
                "postal_code": f"79{self.rng.randint(50, 59)} {self.rng.choice(['AB', 'CD', 'KL'])}",
                "city": self.rng.choice(["Staphorst", "Rouveen", "IJhorst"]),
                "registered_on": registered,
            },
        )

    def indication(
        self,
        person_id: int,
        decided: dt.date,
        *,
        requested_by: str = "municipality",
        basis: str = "target_group",
        advice_outcome: str = "positive",
    ) -> int | None:
        advice_id = self.store.insert(
            "uwv_advices",
            {
                "person_id": person_id,
                "requested_by": requested_by,
                "request_date": decided - dt.timedelta(days=70),
                "advice_date": None
                if advice_outcome == "pending"
                else decided - dt.timedelta(days=14),
                "ground_adaptations": self.rng.random() < 0.5,
                "ground_supervision": True,
                "outcome": advice_outcome,
            },
        )
        if advice_outcome != "positive":
            return None
        return self.store.insert(
            "decisions",
            {
                "person_id": person_id,
                "advice_id": advice_id,
                "kind": "indication",
                "decision_date": decided,
                "sent_date": decided + dt.timedelta(days=1),
                "outcome": "positive",
                "eligibility_basis": basis,
            },
        )

    def placement(
        self,
        person_id: int,
        employer_id: int,
        start: dt.date,
        end: dt.date | None,
        hours: float,
        **extra: object,
    ) -> int:
        values = {
            "person_id": person_id,
            "employer_id": employer_id,
            "offer_date": start - dt.timedelta(days=30),
            "offer_sent_date": start - dt.timedelta(days=29),
            "offer_motivation": "De werkplek past bij de mogelijkheden van de kandidaat: "
            "vaste structuur, eenvoudige taken en een vaste begeleider.",
            "offer_status": "accepted",
            "start_date": start,
            "end_date": end,
            "hours_per_week": hours,
            "contract_type": "temporary" if end else "permanent",
            "job_title": self.rng.choice(
                [
                    "Medewerker inpak",
                    "Medewerker groen",
                    "Medewerker kantine",
                    "Productiemedewerker",
                ]
            ),
            "job_description": "Inpakken en etiketteren volgens werkinstructie; "
            "opruimen van de werkplek.",
            "development_plan_date": start + dt.timedelta(days=14),
            "support_supervision": True,
            "support_pace": True,
        }
        values.update(extra)
        placement_id = self.store.insert("placements", values)
        for goal in ("Zelfstandig de dagtaken plannen", "Samenwerken in een team van vier"):
            self.store.insert("development_goals", {"placement_id": placement_id, "goal": goal})
        return placement_id

    def review(self, placement_id: int, day: dt.date) -> None:
        self.store.insert(
            "reviews",
            {
                "placement_id": placement_id,
                "review_date": day,
                "participants": "Werknemer, begeleider, consulent",
                "functioning": "Werkt nauwkeurig; tempo neemt toe.",
                "situation": "Woonsituatie stabiel; reist zelfstandig met de fiets.",
                "perspective": "Blijft bij deze werkgever; meer uren bespreekbaar.",
                "development_plan_progress": "Eerste doel bereikt, tweede loopt.",
                "personal_development": "Meer zelfvertrouwen bij nieuwe taken.",
                "safety": "Voelt zich veilig; collega's helpen mee.",
                "coaching_quality": "Vaste begeleider, achtervang geregeld.",
                "communication": "Afspraken worden op papier meegegeven.",
                "privacy": "Geen bijzonderheden.",
                "methodical_working": "Verslag per gesprek in het dossier.",
            },
        )

    def assessments(
        self, placement_id: int, start: dt.date, last: dt.date, percentage: float
    ) -> None:
        """Yearly wage-value assessments from the end of the flat rate up to ``last``."""
        day = add_months(start, 4)
        while day < add_months(last, -11):
            self.store.insert(
                "wage_value_assessments",
                {
                    "placement_id": placement_id,
                    "assessment_date": day,
                    "wage_value_percentage": percentage - 5,
                },
            )
            day = add_months(day, 12)
        self.store.insert(
            "wage_value_assessments",
            {
                "placement_id": placement_id,
                "assessment_date": last,
                "wage_value_percentage": percentage,
            },
        )

    def employer(self, values: dict, coach: str, criteria_met: set[int]) -> tuple[int, int]:
        employer_id = self.store.insert("employers", values)
        coach_id = self.store.insert("coaches", {"employer_id": employer_id, "name": coach})
        for item in range(1, 10):
            met = item in criteria_met
            self.store.insert(
                "coach_criteria",
                {
                    "coach_id": coach_id,
                    "item": item,
                    "met": met,
                    "evidence": ("Gesprek met begeleider" if item != 8 else "Kopie certificaat")
                    if met
                    else None,
                    "checked_on": self.ago(months=3) if met else None,
                },
            )
        return employer_id, coach_id


def fill_demo(store: Store, cases: int = 10, today: dt.date | None = None) -> None:
    """Fill an empty register with the demo cases, in one transaction."""
    demo = _Demo(store, today or dt.date.today())
    with store.atomic():
        _quota_years(store, demo.today.year)
        _staphorst_cases(demo)
        for _ in range(max(0, cases - 10)):
            _extra_case(demo)
        store.save_settings(
            {"municipality_name": "Staphorst", "consultant_name": "M. de Vries (consulent werk)"}
        )
        store.save_settings(
            {
                "municipality_address": "Postbus 2",
                "municipality_postal_city": "7950 AA  Staphorst",
                "municipality_phone": "0522-467400",
                "municipality_website": "www.staphorst.nl",
                "signatory_name": "M. de Vries",
            }
        )


def _quota_years(store: Store, up_to: int) -> None:
    existing = {row["year"] for row in store.rows("quota_years")}
    for year in range(2015, up_to + 1):
        if year in existing:
            continue
        store.insert(
            "quota_years",
            {
                "year": year,
                "quota": QUOTA_BY_YEAR.get(year, 8),
                "amount_per_place_cents": AMOUNT_BY_YEAR.get(year, 948000),
                "hours_per_place": 31,
            },
        )


def _staphorst_cases(d: _Demo) -> None:
    all_met = set(range(1, 10))
    reestmond, coach_r = d.employer(
        {
            "name": "Reestdal Werken B.V. (Reestmond)",
            "kind": "sw_company",
            "category": "a",
            "kvk_number": "05082354",
            "cao": "aan_de_slag",
            "contact_name": "T. Koster",
            "address": "Industrieweg 4",
            "postal_code": "7951 DA",
            "city": "Staphorst",
            "phone": "0522-123456",
            "email": "plaatsingen@reestmond.example",
        },
        "Anja Koster (jobcoach)",
        all_met,
    )
    gemeente, coach_g = d.employer(
        {
            "name": "Gemeente Staphorst",
            "kind": "municipality",
            "category": "b",
            "cao": "aan_de_slag",
            "contact_name": "P. Mulder",
            "address": "Postbus 2",
            "postal_code": "7950 AA",
            "city": "Staphorst",
            "phone": "0522-467400",
        },
        "Peter Mulder",
        all_met - {8},
    )
    hupak, coach_h = d.employer(
        {
            "name": "Hupak",
            "kind": "private",
            "category": "a",
            "kvk_number": "12345678",
            "cao": "aan_de_slag",
            "contact_name": "R. Hup",
            "address": "Dokter Stolteweg 21",
            "postal_code": "8025 AV",
            "city": "Zwolle",
        },
        "Rianne Hup (jobcoach)",
        all_met,
    )
    bakker, coach_b = d.employer(
        {
            "name": "Bakkerij Van der Veen",
            "kind": "private",
            "category": "b",
            "kvk_number": "87654321",
            "cao": "sector",
            "cao_name": "Cao Bakkersbedrijf",
            "sector_cao_more_favourable": True,
            "contact_name": "G. van der Veen",
            "address": "Gemeenteweg 101",
            "postal_code": "7951 AC",
            "city": "Staphorst",
        },
        "Gea van der Veen",
        {1, 2, 4, 7},
    )
    tuin, coach_t = d.employer(
        {
            "name": "Tuincentrum De Groene Hoek",
            "kind": "private",
            "category": "b",
            "kvk_number": "11223344",
            "cao": "none",
            "contact_name": "J. Prins",
            "address": "Rouveensestraat 8",
            "postal_code": "7954 AB",
            "city": "Rouveen",
        },
        "Jorrit Prins",
        {1, 4, 5, 6, 7},
    )

    # 1: long-standing permanent place at Reestmond; yearly review due within four weeks.
    p = d.person(d.ago(months=58))
    d.indication(p, d.ago(months=56))
    pl = d.placement(p, reestmond, d.ago(months=52), None, 24, coach_id=coach_r)
    d.review(pl, d.ago(months=11, days=14))
    d.assessments(pl, d.ago(months=52), d.ago(months=5), 35)
    d.store.insert("indication_checks", {"person_id": p, "check_date": d.ago(months=4)})

    # 2: temporary contract at Reestmond ending in five weeks; review overdue.
    p = d.person(d.ago(months=20))
    d.indication(p, d.ago(months=18))
    pl = d.placement(p, reestmond, d.ago(months=13), d.ahead(days=35), 25, coach_id=coach_r)
    d.review(pl, d.ago(months=7))
    d.assessments(pl, d.ago(months=13), d.ago(months=9), 30)

    d.store.insert("indication_checks", {"person_id": p, "check_date": d.ago(months=6)})

    # 3: the municipality's own place; indication check overdue.
    p = d.person(d.ago(months=44))
    d.indication(p, d.ago(months=42), requested_by="person", basis="Wajong")
    pl = d.placement(p, gemeente, d.ago(months=38), None, 32, coach_id=coach_g)
    d.review(pl, d.ago(months=5))
    d.assessments(pl, d.ago(months=38), d.ago(months=2), 45)

    # 4: new at Hupak after a trial placement: flat-rate subsidy ending, and a six-month
    # contract where a trial period demands twelve (R12).
    p = d.person(d.ago(months=9))
    d.indication(p, d.ago(months=7), requested_by="employer")
    d.placement(
        p,
        hupak,
        d.ago(months=3, days=20),
        d.ahead(months=2, days=10),
        20,
        coach_id=coach_h,
        trial_before=True,
    )

    # 5: bakery since before the conditions took effect; the coach misses criteria, so a
    # tailored agreement runs with a deadline in three weeks; wage-value assessment overdue.
    p = d.person(d.ago(months=60))
    bakery_start = min(dt.date(2022, 6, 1), d.ago(months=26))
    d.indication(p, add_months(bakery_start, -3))
    pl = d.placement(p, bakker, bakery_start, None, 16, coach_id=coach_b)
    d.review(pl, d.ago(months=10))
    d.assessments(pl, bakery_start, d.ago(months=13), 40)
    d.store.insert(
        "tailored_agreements",
        {
            "employer_id": bakker,
            "placement_id": pl,
            "reason": "transition",
            "agreed_on": min(dt.date(2023, 2, 1), d.ago(months=1)),
            "deadline": d.ahead(days=21),
            "prospect": "Begeleider volgt de jobcoachopleiding; achtervang via Reestmond.",
            "employer_confirmed": True,
        },
    )

    d.store.insert("indication_checks", {"person_id": p, "check_date": d.ago(months=8)})

    # 6: contract ended three weeks ago without a recorded outcome (R20).
    p = d.person(d.ago(months=30))
    d.indication(p, d.ago(months=28))
    pl = d.placement(p, reestmond, d.ago(months=24, days=21), d.ago(days=21), 20, coach_id=coach_r)
    d.review(pl, d.ago(months=6, days=20))

    d.store.insert("indication_checks", {"person_id": p, "check_date": d.ago(months=10)})

    # 7: dismissed at the garden centre; back in the queue with the original date (R14).
    p = d.person(d.ago(months=26))
    d.indication(p, d.ago(months=25))
    d.placement(
        p,
        tuin,
        d.ago(months=14),
        d.ago(months=5),
        18,
        coach_id=coach_t,
        outcome="dismissed",
        end_reason="Ontslag in de proeftijd van het vervolg",
    )
    d.store.insert(
        "interim_provisions",
        {
            "person_id": p,
            "kind": "day_activities",
            "description": "Zorgboerderij De Linde",
            "start_date": d.ago(months=5),
        },
    )
    d.store.insert("indication_checks", {"person_id": p, "check_date": d.ago(months=5)})

    # 8: positive decision two months ago, waiting, volunteering meanwhile.
    p = d.person(d.ago(months=5))
    d.indication(p, d.ago(months=2))
    d.store.insert(
        "interim_provisions",
        {
            "person_id": p,
            "kind": "volunteering",
            "description": "Kringloopwinkel",
            "start_date": d.ago(months=2),
        },
    )

    # 9: request with UWV; advice still pending.
    p = d.person(d.ago(days=40))
    d.indication(p, d.ago(days=10), requested_by="person", advice_outcome="pending")

    # 10: decided ten days ago (objection term running); refused an earlier offer and
    # objected to it (decision on the objection due); a new offer is out.
    p = d.person(d.ago(months=4))
    decision = d.indication(p, d.ago(days=10))
    refused = d.placement(
        p,
        bakker,
        d.ago(days=5),
        None,
        14,
        offer_status="refused",
        offer_date=d.ago(days=9),
        offer_sent_date=d.ago(days=9),
        start_date=None,
        end_date=None,
    )
    d.store.insert(
        "objections",
        {
            "person_id": p,
            "decision_id": decision,
            "placement_id": refused,
            "kind": "objection",
            "lodged_date": d.ago(days=3),
        },
    )
    d.placement(
        p,
        tuin,
        d.ahead(days=24),
        d.ahead(days=24, months=12),
        20,
        coach_id=coach_t,
        offer_status="offered",
        offer_date=d.ago(days=2),
        offer_sent_date=d.ago(days=2),
    )
    d.store.insert(
        "notes",
        {
            "person_id": p,
            "created_on": d.ago(days=3),
            "text": "Belde over het aanbod: wil liever buiten werken.",
        },
    )


def _extra_case(d: _Demo) -> None:
    """One more made-up person for scale: a random mix of states."""
    registered = d.ago(days=d.rng.randint(30, 3000))
    p = d.person(registered)
    decided = registered + dt.timedelta(days=d.rng.randint(20, 90))
    if decided > d.today or d.rng.random() < 0.1:
        d.indication(p, min(decided, d.today), advice_outcome="pending")
        return
    d.indication(p, decided)
    if d.rng.random() < 0.6:
        start = decided + dt.timedelta(days=d.rng.randint(20, 200))
        if start > d.today:
            return
        end = None if d.rng.random() < 0.5 else add_months(start, d.rng.choice([6, 12, 24]))
        employer_id = d.rng.randint(1, 5)
        pl = d.placement(p, employer_id, start, end, float(d.rng.choice([12, 16, 20, 24, 32])))
        if d.rng.random() < 0.7:
            d.review(pl, start + dt.timedelta(days=d.rng.randint(150, 200)))


def run_from_cli(args: argparse.Namespace) -> int:
    path: Path = args.db
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(os_error_text(exc, path)) from None
    held = lock.acquire(path)  # a writing command: nobody else may write this register now
    try:
        _make_demo_file(path, args)
    finally:
        held.release()
    print(f"Demoregister gemaakt: {path} ({args.cases} personen).")
    return 0


def _make_demo_file(path: Path, args: argparse.Namespace) -> None:
    if path.exists() and path.stat().st_size > 0:
        if read_header(path).is_register and not args.force:
            raise UserError(f"{path} bevat al een register. Gebruik --force om het te vervangen.")
        if not read_header(path).is_register and not args.force:
            raise UserError(f"{path} bestaat al en is geen register; kies een ander bestand.")
    temporary = path.with_name(path.name + ".nieuw")
    _remove_register_files(temporary)
    try:
        with Store.open(temporary, backups=False) as store:
            fill_demo(store, cases=args.cases)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _remove_register_files(path)
        temporary.replace(path)
    finally:
        _remove_register_files(temporary)


def _remove_register_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    erasure.log_file(path).unlink(missing_ok=True)  # the replaced register's erasure log
