"""Registers for rule tests, built through the real ``Store`` (validated, audited writes).

``build_policy_2022(store)`` enters the situation the Staphorst policy describes for September
2022: quota 6 (the shipped reference data), EUR 8,100 per place on a 31-hour week; three
placements at Reestmond (through Reestdal Werken B.V.) of 69 hours together, one at the
municipality of 32 hours, three at private employers of 58.5 hours together. Used 159.5 of 186
hours, 26.5 left, EUR 48,600.00. Document tests reuse it:
``from tests.rules.policy_2022 import build_policy_2022`` (run pytest from the project root).

``RegisterBuilder`` is the small vocabulary the rule tests use to enter cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from beschut_desktop.rules.model import Register
from beschut_desktop.store.store import Store

D = dt.date
SEPTEMBER_2022 = D(2022, 9, 6)  # the policy's date (b&w 2022-09-06)
REGISTERED = D(2020, 1, 6)
CHECKED = D(2022, 1, 10)


def valid_bsn(number: int) -> str:
    """The ``number``-th made-up BSN that passes the 11-proef (deterministic)."""
    base = 10_000_000 + number * 7
    while True:
        digits = [int(c) for c in str(base)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return str(base) + str(check)
        base += 1


class RegisterBuilder:
    """Enter persons, decisions, employers and placements with sensible defaults."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.count = 0

    def load(self) -> Register:
        return self.store.load()

    def person(self, registered_on: dt.date = REGISTERED, **values: Any) -> int:
        self.count += 1
        row = {
            "bsn": valid_bsn(self.count),
            "first_name": "Test",
            "last_name": f"Persoon {self.count}",
            "registered_on": registered_on,
            **values,
        }
        return self.store.insert("persons", row)

    def advice(self, person_id: int, advice_date: dt.date | None, **values: Any) -> int:
        row = {
            "person_id": person_id,
            "requested_by": "municipality",
            "advice_date": advice_date,
            "outcome": "positive",
            "ground_supervision": True,
            **values,
        }
        return self.store.insert("uwv_advices", row)

    def decision(
        self, person_id: int, decision_date: dt.date, outcome: str = "positive", **values: Any
    ) -> int:
        row = {
            "person_id": person_id,
            "decision_date": decision_date,
            "outcome": outcome,
            "eligibility_basis": "target_group",
            **values,
        }
        return self.store.insert("decisions", row)

    def indicated(
        self,
        decision_date: dt.date,
        *,
        advice_date: dt.date | None = None,
        registered_on: dt.date | None = None,
        **decision_values: Any,
    ) -> int:
        """A person with UWV's positive advice and a positive decision on it."""
        person_id = self.person(registered_on or decision_date - dt.timedelta(days=60))
        advice_id = self.advice(person_id, advice_date or decision_date - dt.timedelta(days=14))
        self.decision(person_id, decision_date, advice_id=advice_id, **decision_values)
        return person_id

    def employer(self, name: str, kind: str = "private", **values: Any) -> int:
        return self.store.insert("employers", {"name": name, "kind": kind, **values})

    def coach(
        self,
        employer_id: int,
        name: str = "Begeleider",
        *,
        met: bool | None = True,
        checked_on: dt.date = CHECKED,
    ) -> int:
        """A coach with all nine R15 criteria recorded as ``met`` (None: none recorded)."""
        coach_id = self.store.insert("coaches", {"employer_id": employer_id, "name": name})
        if met is not None:
            for item in range(1, 10):
                self.store.insert(
                    "coach_criteria",
                    {
                        "coach_id": coach_id,
                        "item": item,
                        "met": met,
                        "evidence": "Gesprek en certificaat" if met else None,
                        "checked_on": checked_on,
                    },
                )
        return coach_id

    def placement(
        self,
        person_id: int,
        employer_id: int,
        start: dt.date | None,
        end: dt.date | None = None,
        hours: float | None = 24.0,
        **values: Any,
    ) -> int:
        row = {
            "person_id": person_id,
            "employer_id": employer_id,
            "start_date": start,
            "end_date": end,
            "hours_per_week": hours,
            **values,
        }
        return self.store.insert("placements", row)

    def compliant_placement(
        self,
        person_id: int,
        employer_id: int,
        start: dt.date,
        end: dt.date | None = None,
        hours: float = 24.0,
        coach_id: int | None = None,
        **values: Any,
    ) -> int:
        """A placement meeting R12, R15 and R16 (the employer decides R13)."""
        if coach_id is None:
            coach_id = self.coach(employer_id)
        row = {
            "coach_id": coach_id,
            "job_description": "Inpakken en magazijnwerk",
            "development_plan_date": start,
            "contract_type": "temporary",
            **values,
        }
        placement_id = self.placement(person_id, employer_id, start, end, hours, **row)
        self.store.insert(
            "development_goals",
            {"placement_id": placement_id, "goal": "Zelfstandig een order verzamelen"},
        )
        return placement_id

    def review(self, placement_id: int, review_date: dt.date) -> int:
        return self.store.insert(
            "reviews", {"placement_id": placement_id, "review_date": review_date}
        )

    def assessment(self, placement_id: int, assessment_date: dt.date, percentage: float) -> int:
        return self.store.insert(
            "wage_value_assessments",
            {
                "placement_id": placement_id,
                "assessment_date": assessment_date,
                "wage_value_percentage": percentage,
            },
        )


@dataclass
class Policy2022:
    """Ids of what ``build_policy_2022`` entered."""

    reestmond: int
    municipality: int
    private: list[int]
    persons: list[int] = field(default_factory=list)
    placements: list[int] = field(default_factory=list)


# (employer key, weekly hours, contract start, decision date) of the seven placements.
POLICY_PLACEMENTS = [
    ("reestmond", 24.0, D(2017, 3, 1), D(2016, 11, 14)),
    ("reestmond", 24.0, D(2018, 9, 1), D(2018, 6, 4)),
    ("reestmond", 21.0, D(2020, 2, 1), D(2019, 10, 21)),
    ("municipality", 32.0, D(2019, 5, 1), D(2019, 1, 28)),
    ("private_0", 20.0, D(2020, 10, 1), D(2020, 6, 15)),
    ("private_1", 19.5, D(2021, 4, 1), D(2021, 1, 11)),
    ("private_2", 19.0, D(2022, 3, 1), D(2021, 11, 22)),
]


def build_policy_2022(store: Store) -> Policy2022:
    """The placements the policy rule reports as realised in September 2022."""
    build = RegisterBuilder(store)
    with store.atomic():
        ids = Policy2022(
            reestmond=build.employer(
                "Reestdal Werken B.V. (Reestmond)", "sw_company", category="a"
            ),
            municipality=build.employer("Gemeente Staphorst", "municipality"),
            private=[
                build.employer("Hupak", "private", category="a"),
                build.employer("Bakkerij Van der Veen", "private"),
                build.employer(
                    "Tuincentrum De Groene Hoek",
                    "private",
                    cao="sector",
                    cao_name="Cao Hoveniers",
                    sector_cao_more_favourable=True,
                ),
            ],
        )
        employers = {
            "reestmond": ids.reestmond,
            "municipality": ids.municipality,
            **{f"private_{i}": e for i, e in enumerate(ids.private)},
        }
        for key, hours, start, decided in POLICY_PLACEMENTS:
            person_id = build.indicated(decided)
            coach_id = build.coach(employers[key], f"Begeleider {len(ids.persons) + 1}")
            placement_id = build.placement(
                person_id,
                employers[key],
                start,
                None,
                hours,
                coach_id=coach_id,
                offer_date=start - dt.timedelta(days=30),
                contract_type="permanent",
                job_title="Medewerker",
                job_description="Productie- en inpakwerk",
                development_plan_date=start,
            )
            ids.persons.append(person_id)
            ids.placements.append(placement_id)
    return ids
